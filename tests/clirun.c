/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Test helper: run the kqlite binary in a child process and capture what
** it prints (see clirun.h). Output goes to unlinked temporary files, read
** back after the child exits, so a large output never blocks on a pipe.
*/
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "clirun.h"

const char *kqlcliBinary(void){
  const char *z = getenv("KQLITE");
  return z && z[0] ? z : "build/kqlite";
}

/* Whole contents of the open file fd, from its start. */
static char *slurpFd(int fd){
  size_t n = 0, nAlloc = 4096;
  char *z = malloc(nAlloc);
  cr_assert_not_null(z);
  lseek(fd, 0, SEEK_SET);
  for(;;){
    ssize_t got;
    if( n+1>=nAlloc ){
      nAlloc *= 2;
      z = realloc(z, nAlloc);
      cr_assert_not_null(z);
    }
    got = read(fd, z+n, nAlloc-n-1);
    if( got<0 && errno==EINTR ) continue;
    if( got<=0 ) break;
    n += (size_t)got;
  }
  z[n] = 0;
  return z;
}

KqlCliRun kqlcliRun(const char *zStdin, const char *zFirst, const char *const *azArg){
  KqlCliRun r;
  char zOutPath[] = "/tmp/kqlite-run-out.XXXXXX";
  char zErrPath[] = "/tmp/kqlite-run-err.XXXXXX";
  int fdOut = mkstemp(zOutPath), fdErr = mkstemp(zErrPath);
  int nArg = 0, status = 0, k = 0;
  const char *zBin = kqlcliBinary();
  pid_t pid;
  cr_assert(fdOut>=0 && fdErr>=0, "mkstemp failed");
  unlink(zOutPath);
  unlink(zErrPath);
  cr_assert_eq(access(zBin, X_OK), 0,
               "%s is not an executable (build it, or point KQLITE at the binary)", zBin);
  while( azArg[nArg] ) nArg++;
  char **azArgv = calloc((size_t)nArg+3, sizeof(char*));
  cr_assert_not_null(azArgv);
  azArgv[k++] = (char*)zBin;
  if( zFirst ) azArgv[k++] = (char*)zFirst;
  for(int i=0; i<nArg; i++) azArgv[k++] = (char*)azArg[i];
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  cr_assert_neq(pid, -1);
  if( pid==0 ){
    int fdIn = open(zStdin ? zStdin : "/dev/null", O_RDONLY);
    if( fdIn>=0 ) dup2(fdIn, 0);
    dup2(fdOut, 1);
    dup2(fdErr, 2);
    alarm(60);
    execv(zBin, azArgv);
    _exit(127);
  }
  while( waitpid(pid, &status, 0)<0 && errno==EINTR ){}
  free(azArgv);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.zOut = slurpFd(fdOut);
  r.zErr = slurpFd(fdErr);
  close(fdOut);
  close(fdErr);
  return r;
}

void kqlcliFree(KqlCliRun *r){
  free(r->zOut);
  free(r->zErr);
}

void kqlcliExpectRc(const KqlCliRun *r, int rc){
  cr_expect_eq(r->rc, rc, "exit code %d, expected %d\n--- stdout:\n%s--- stderr:\n%s",
               r->rc, rc, r->zOut, r->zErr);
}

void kqlcliExpectOut(const KqlCliRun *r, const char *zWant){
  cr_expect_str_eq(r->zOut, zWant, "--- stdout:\n%s--- expected:\n%s--- stderr:\n%s",
                   r->zOut, zWant, r->zErr);
}

void kqlcliExpectErrHas(const KqlCliRun *r, const char *zPart){
  cr_expect_not_null(strstr(r->zErr, zPart), "stderr lacks \"%s\":\n%s", zPart, r->zErr);
}
