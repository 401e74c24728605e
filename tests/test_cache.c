/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of the table cache (tables/cache.h): a hit answers exactly like a
** fresh load; a changed source (size, mtime) is never answered from its old
** cache; a damaged cache file is ignored and replaced; --no-cache writes
** nothing; cache files appear under their final name only complete. The
** binary named by KQLITE (default build/kqlite) runs in a child process with
** KQLITE_CACHE_SYNC=1 (the cache is written before it exits) and, for
** small hand-written files, KQLITE_CACHE_MIN_BYTES=0. To show that an answer
** came from the cache, a test edits a value inside the cache file: a hit
** returns the edited value, a correct miss the file's own.
**
** This file also points XDG_CACHE_HOME at a scratch directory for the whole
** test binary, so that no test (here or in test_cli.c) writes ~/.cache, and
** raises KQLITE_CACHE_MIN_BYTES so that no other suite reads a cache.
*/
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "cache.h"
#include "kql.h"
#include "kqltest.h"

static char zSuiteCache[64];
static pid_t suitePid;

__attribute__((constructor)) static void cacheIsolate(void){
  char zTmpl[] = "/tmp/kqlite-xdg-cache.XXXXXX";
  if( mkdtemp(zTmpl)==0 ) return;
  snprintf(zSuiteCache, sizeof(zSuiteCache), "%s", zTmpl);
  suitePid = getpid();
  setenv("XDG_CACHE_HOME", zSuiteCache, 1);
  /* other suites run the binary on the same files again and again: keep
  ** their answers from coming out of a cache (this suite sets its own floor) */
  setenv("KQLITE_CACHE_MIN_BYTES", "1000000000000000", 1);
}

__attribute__((destructor)) static void cacheIsolateEnd(void){
  char zCmd[128];
  if( zSuiteCache[0]==0 || getpid()!=suitePid ) return;
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zSuiteCache);
  if( system(zCmd)!=0 ){ /* a leftover scratch directory is harmless */ }
}

static const char *binary(void){
  const char *z = getenv("KQLITE");
  return z && z[0] ? z : "build/kqlite";
}

/* Run the binary with arguments azArg (NULL-terminated); the exit code, and
** standard output in *pzOut (malloc'ed; read from a pipe until its end). */
static int bMergeStderr;    /* runv: standard error into *pzOut too */
static int runv(const char *const *azArg, char **pzOut){
  int aFd[2], status = 0, nArg = 0;
  size_t n = 0, nAlloc = 4096;
  char *z = malloc(nAlloc);
  pid_t pid;
  cr_assert_eq(access(binary(), X_OK), 0, "%s is not an executable (set KQLITE)", binary());
  cr_assert_eq(pipe(aFd), 0);
  while( azArg[nArg] ) nArg++;
  const char **azArgv = calloc((size_t)nArg+2, sizeof(char*));
  azArgv[0] = binary();
  for(int i=0; i<nArg; i++) azArgv[i+1] = azArg[i];
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  cr_assert_neq(pid, -1);
  if( pid==0 ){
    int fdNull = open("/dev/null", O_RDWR);
    dup2(fdNull, 0);
    dup2(aFd[1], 1);
    dup2(bMergeStderr ? aFd[1] : fdNull, 2);
    close(aFd[0]);
    alarm(60);
    execv(binary(), (char**)azArgv);
    _exit(127);
  }
  close(aFd[1]);
  for(;;){
    ssize_t got;
    if( n+1>=nAlloc ){ nAlloc *= 2; z = realloc(z, nAlloc); }
    got = read(aFd[0], z+n, nAlloc-n-1);
    if( got<0 && errno==EINTR ) continue;
    if( got<=0 ) break;
    n += (size_t)got;
  }
  z[n] = 0;
  close(aFd[0]);
  while( waitpid(pid, &status, 0)<0 && errno==EINTR ){}
  free(azArgv);
  *pzOut = z;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
#define run(pzOut, ...) runv((const char *const[]){__VA_ARGS__, NULL}, pzOut)

static char *scratch(void){
  char zTmpl[] = "/tmp/kqlite-cache-test.XXXXXX";
  cr_assert_not_null(mkdtemp(zTmpl));
  return strdup(zTmpl);
}

static void removeDir(char *zDir){
  char zCmd[300];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( strncmp(zDir, "/tmp/kqlite-cache-test.", 23)==0 && system(zCmd)!=0 ){
    cr_log_warn("could not remove %s", zDir);
  }
  free(zDir);
}

static char *pathIn(const char *zDir, const char *zName){
  size_t n = strlen(zDir) + strlen(zName) + 2;
  char *z = malloc(n);
  snprintf(z, n, "%s/%s", zDir, zName);
  return z;
}

static void writeText(const char *zPath, const char *zText){
  FILE *f = fopen(zPath, "w");
  cr_assert_not_null(f, "cannot write %s", zPath);
  fputs(zText, f);
  fclose(f);
}

/* Number of directory entries in zDir (0 when it does not exist). */
static int countEntries(const char *zDir){
  char zCmd[300];
  snprintf(zCmd, sizeof(zCmd), "ls -A '%s' 2>/dev/null | wc -l", zDir);
  FILE *f = popen(zCmd, "r");
  int n = 0;
  cr_assert_not_null(f);
  if( fscanf(f, "%d", &n)!=1 ) n = -1;
  pclose(f);
  return n;
}

/* Run SQL zSql on database file zDb; the first column of the first row as
** a malloc'ed string ("" when none), or NULL on an error. */
static char *sqlOn(const char *zDb, const char *zSql){
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  char *zOut = 0;
  if( sqlite3_open_v2(zDb, &db, SQLITE_OPEN_READWRITE, 0)==SQLITE_OK
   && sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK ){
    int rc = sqlite3_step(pStmt);
    if( rc==SQLITE_ROW ){
      const char *z = (const char*)sqlite3_column_text(pStmt, 0);
      zOut = strdup(z ? z : "");
    }else if( rc==SQLITE_DONE ){
      zOut = strdup("");
    }
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  return zOut;
}

/* The small table used by most tests: T with a string and a long column. */
#define SMALL_CSV "Name,Value\na,1\nb,2\n"
#define SUM_QUERY "T | summarize s=sum(Value)"

typedef struct Fixture Fixture;
struct Fixture {
  char *zDir;           /* scratch directory */
  char *zCsv;           /* DIR/t.csv */
  char *zCache;         /* DIR/cache */
  char *zTableArg;      /* T=DIR/t.csv */
  char *zCacheFile;     /* the cache file of t.csv, once known */
};

static void fixtureOpen(Fixture *f, const char *zCsvText){
  memset(f, 0, sizeof(*f));
  f->zDir = scratch();
  f->zCsv = pathIn(f->zDir, "t.csv");
  f->zCache = pathIn(f->zDir, "cache");
  f->zTableArg = malloc(strlen(f->zCsv) + 3);
  sprintf(f->zTableArg, "T=%s", f->zCsv);
  writeText(f->zCsv, zCsvText);
  setenv("KQLITE_CACHE_SYNC", "1", 1);
  setenv("KQLITE_CACHE_MIN_BYTES", "0", 1);
  f->zCacheFile = kqlCachePath(f->zCache, f->zCsv, 0);
  cr_assert_not_null(f->zCacheFile);
}

static void fixtureClose(Fixture *f){
  free(f->zCsv);
  free(f->zCache);
  free(f->zTableArg);
  free(f->zCacheFile);
  removeDir(f->zDir);
}

/* Run SUM_QUERY over T with the fixture's cache; the CSV output. */
static char *sumWithCache(Fixture *f){
  char *zOut = 0;
  int rc = run(&zOut, "run", "--cache", f->zCache, "--table", f->zTableArg, "--format", "csv",
               "-e", SUM_QUERY);
  cr_expect_eq(rc, 0, "exit code %d, output:\n%s", rc, zOut);
  return zOut;
}

/* Change a = 1 into a = 100 inside the cache file (same size: a hit still
** validates, and answers 102 instead of 3). */
static void tamper(Fixture *f){
  char *z = sqlOn(f->zCacheFile, "UPDATE t SET Value=100 WHERE \"Name#1\"='a'");
  cr_assert_not_null(z, "cannot edit %s", f->zCacheFile);
  free(z);
}

static void setMtime(const char *zPath, time_t t){
  struct timespec a[2] = {{t, 0}, {t, 0}};
  cr_assert_eq(utimensat(AT_FDCWD, zPath, a, 0), 0);
}

/************************************************************** hits */

Test(cache, hit_answers_from_the_cache_file){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  char *z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n3\n");
  free(z);
  struct stat st;
  cr_assert_eq(stat(f.zCacheFile, &st), 0, "no cache file %s", f.zCacheFile);
  char *zRows = sqlOn(f.zCacheFile, "SELECT count(*) FROM t");
  cr_expect_str_eq(zRows, "2");
  free(zRows);
  tamper(&f);
  z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n102\n", "the second run did not read the cache");
  free(z);
  fixtureClose(&f);
}

Test(cache, hit_gives_the_same_answer_as_no_cache){
  char *zDir = scratch();
  char *zOut = 0;
  char *zCache = pathIn(zDir, "cache");
  setenv("KQLITE_CACHE_SYNC", "1", 1);
  setenv("KQLITE_CACHE_MIN_BYTES", "1048576", 1);
  /* 1,500 generated rows (about 1.9 MB: over the 1 MiB floor) */
  int rc = run(&zOut, "gen", "--tables", "CommonSecurityLog", "--rows", "1500", "--out", zDir,
               "--plant-ioc", "156.247.40.190:12159", "--plant-ioc", "82.23.246.160:12159");
  cr_assert_eq(rc, 0, "gen failed: %s", zOut);
  free(zOut);
  static const char *const azQuery[] = {
    "queries/dcrat-commonsecuritylog.kql",
  };
  static const char *const azExpr[] = {
    "CommonSecurityLog | summarize n=count(), b=sum(SentBytes), t=max(TimeGenerated) by DeviceVendor"
    " | order by DeviceVendor asc",
    "CommonSecurityLog | where DestinationPort == 12159 | project TimeGenerated, SourceIP, DestinationIP"
    " | order by TimeGenerated asc, SourceIP asc",
    "CommonSecurityLog | where TimeGenerated > datetime(2026-06-09) | count",
  };
  for(unsigned i=0; i<sizeof(azQuery)/sizeof(azQuery[0]) + sizeof(azExpr)/sizeof(azExpr[0]); i++){
    const char *zQ = i==0 ? azQuery[0] : azExpr[i-1];
    const char *zHow = i==0 ? "run" : "-e";
    char *zPlain = 0, *zMiss = 0, *zHit = 0;
    if( i==0 ){
      cr_expect_eq(run(&zPlain, "run", "--no-cache", "--data", zDir, "--format", "csv", zQ), 0);
      cr_expect_eq(run(&zMiss, "run", "--cache", zCache, "--data", zDir, "--format", "csv", zQ), 0);
      cr_expect_eq(run(&zHit, "run", "--cache", zCache, "--data", zDir, "--format", "csv", zQ), 0);
    }else{
      cr_expect_eq(run(&zPlain, "run", "--no-cache", "--data", zDir, "--format", "csv", zHow, zQ), 0);
      cr_expect_eq(run(&zMiss, "run", "--cache", zCache, "--data", zDir, "--format", "csv", zHow, zQ), 0);
      cr_expect_eq(run(&zHit, "run", "--cache", zCache, "--data", zDir, "--format", "csv", zHow, zQ), 0);
    }
    cr_expect_gt(strlen(zPlain), 7, "query %u: no output", i);
    cr_expect_str_eq(zMiss, zPlain, "query %u: first cached run differs", i);
    cr_expect_str_eq(zHit, zPlain, "query %u: cache hit differs", i);
    free(zPlain);
    free(zMiss);
    free(zHit);
  }
  /* the seed hunt finds the planted rows only: every line names an IOC */
  char *zHunt = 0;
  cr_expect_eq(run(&zHunt, "run", "--cache", zCache, "--data", zDir, "--format", "csv",
                   "queries/dcrat-commonsecuritylog.kql"), 0);
  int nLine = 0;
  for(char *zLine = strchr(zHunt, '\n'); zLine && zLine[1]; zLine = strchr(zLine+1, '\n')){
    nLine++;
    cr_expect(strstr(zLine, "156.247.40.190")!=0 || strstr(zLine, "82.23.246.160")!=0);
  }
  cr_expect_gt(nLine, 0);
  free(zHunt);
  cr_expect_eq(countEntries(zCache), 1);
  free(zCache);
  removeDir(zDir);
}

/************************************************************ staleness */

Test(cache, changed_size_rebuilds){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  free(sumWithCache(&f));
  tamper(&f);
  writeText(f.zCsv, SMALL_CSV "c,4\n");
  char *z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n7\n", "a stale cache answered");
  free(z);
  /* the rebuilt cache holds the new rows */
  char *zRows = sqlOn(f.zCacheFile, "SELECT sum(Value) FROM t");
  cr_expect_str_eq(zRows, "7");
  free(zRows);
  fixtureClose(&f);
}

Test(cache, changed_mtime_rebuilds){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  setMtime(f.zCsv, 1700000000);
  free(sumWithCache(&f));
  tamper(&f);
  char *z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n102\n", "no hit while the file is unchanged");
  free(z);
  setMtime(f.zCsv, 1700000001);
  z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n3\n", "a stale cache answered after the mtime changed");
  free(z);
  fixtureClose(&f);
}

Test(cache, same_size_new_content_rebuilds){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  free(sumWithCache(&f));
  writeText(f.zCsv, "Name,Value\na,5\nb,2\n");    /* same length as SMALL_CSV */
  char *z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n7\n");
  free(z);
  fixtureClose(&f);
}

/************************************************************ damage */

Test(cache, corrupt_file_is_ignored_and_replaced){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  free(sumWithCache(&f));
  writeText(f.zCacheFile, "this is not a database, it only sits where one should be\n");
  char *zOut = 0;
  int rc = run(&zOut, "run", "--cache", f.zCache, "--table", f.zTableArg, "--format", "csv",
               "-e", SUM_QUERY);
  cr_expect_eq(rc, 0);
  cr_expect_str_eq(zOut, "s\n3\n");
  free(zOut);
  char *zRows = sqlOn(f.zCacheFile, "SELECT value FROM kqlite_meta WHERE key='rows'");
  cr_expect_str_eq(zRows ? zRows : "(unreadable)", "2", "the corrupt file was not replaced");
  free(zRows);
  fixtureClose(&f);
}

Test(cache, truncated_file_is_ignored){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  free(sumWithCache(&f));
  tamper(&f);
  struct stat st;
  cr_assert_eq(stat(f.zCacheFile, &st), 0);
  cr_assert_eq(truncate(f.zCacheFile, st.st_size - 512), 0);
  char *z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n3\n", "a truncated cache file answered");
  free(z);
  fixtureClose(&f);
}

Test(cache, unwritable_directory_is_not_an_error){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  writeText(f.zCache, "a file where the cache directory should be\n");
  char *zOut = 0;
  int rc = run(&zOut, "run", "--cache", f.zCache, "--table", f.zTableArg, "--format", "csv",
               "-e", SUM_QUERY);
  cr_expect_eq(rc, 0);
  cr_expect_str_eq(zOut, "s\n3\n");
  free(zOut);
  fixtureClose(&f);
}

/************************************************************ off */

Test(cache, no_cache_writes_nothing){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  char *zXdg = pathIn(f.zDir, "xdg");
  char *zHome = pathIn(f.zDir, "home");
  char *zOut = 0;
  cr_assert_eq(mkdir(zXdg, 0700), 0);
  cr_assert_eq(mkdir(zHome, 0700), 0);
  setenv("XDG_CACHE_HOME", zXdg, 1);
  setenv("HOME", zHome, 1);
  cr_expect_eq(run(&zOut, "run", "--no-cache", "--table", f.zTableArg, "--format", "csv",
                   "-e", SUM_QUERY), 0);
  cr_expect_str_eq(zOut, "s\n3\n");
  free(zOut);
  cr_expect_eq(run(&zOut, "run", "--cache", f.zCache, "--no-cache", "--table", f.zTableArg,
                   "--format", "csv", "-e", SUM_QUERY), 0);
  free(zOut);
  cr_expect_eq(countEntries(zXdg), 0, "--no-cache wrote into XDG_CACHE_HOME");
  cr_expect_eq(countEntries(zHome), 0, "--no-cache wrote into HOME");
  cr_expect_eq(countEntries(f.zCache), 0, "--no-cache wrote into --cache DIR");
  /* without either option the default directory is $XDG_CACHE_HOME/kqlite */
  cr_expect_eq(run(&zOut, "run", "--table", f.zTableArg, "--format", "csv", "-e", SUM_QUERY), 0);
  free(zOut);
  char *zDefault = pathIn(zXdg, "kqlite");
  cr_expect_eq(countEntries(zDefault), 1, "no cache file in the default directory");
  free(zDefault);
  free(zXdg);
  free(zHome);
  fixtureClose(&f);
}

Test(cache, library_default_is_off){
  char *zDir = scratch();
  char *zXdg = pathIn(zDir, "xdg");
  int rc = 0;
  setenv("XDG_CACHE_HOME", zXdg, 1);
  setenv("KQLITE_CACHE_SYNC", "1", 1);
  setenv("KQLITE_CACHE_MIN_BYTES", "0", 1);
  char *z = kqltestRun("CommonSecurityLog | count", "tables/samples", &rc);
  cr_expect_eq(rc, KQL_OK, "%s", z);
  free(z);
  cr_expect_eq(countEntries(zXdg), 0);
  free(zXdg);
  removeDir(zDir);
}

/************************************************************ atomic writes */

/* DIR/.NAME.lock, the lock of a cache file's build. */
static char *lockPath(const char *zCacheFile){
  const char *zBase = strrchr(zCacheFile, '/') + 1;
  char *z = malloc(strlen(zCacheFile) + 8);
  sprintf(z, "%.*s.%s.lock", (int)(zBase - zCacheFile), zCacheFile, zBase);
  return z;
}

Test(cache, build_in_progress_is_left_alone){
  Fixture f;
  fixtureOpen(&f, SMALL_CSV);
  char *zLock = lockPath(f.zCacheFile);
  char zPid[32];
  struct stat st;
  cr_assert_eq(mkdir(f.zCache, 0700), 0);
  /* another live process is building: its lock names it (this test's pid) */
  snprintf(zPid, sizeof(zPid), "%ld\n", (long)getpid());
  writeText(zLock, zPid);
  /* and it left a temporary file of its own */
  char *zTmp = malloc(strlen(f.zCacheFile) + 32);
  const char *zBase = strrchr(f.zCacheFile, '/') + 1;
  sprintf(zTmp, "%.*s.%s.tmp.1", (int)(zBase - f.zCacheFile), f.zCacheFile, zBase);
  writeText(zTmp, "half a database");
  char *z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n3\n");
  free(z);
  cr_expect_neq(stat(f.zCacheFile, &st), 0, "built while another build held the lock");
  /* a lock an hour old was left by a dead builder: taken over, leftovers removed */
  setMtime(zLock, time(0) - 3600);
  z = sumWithCache(&f);
  free(z);
  cr_expect_eq(stat(f.zCacheFile, &st), 0, "a stale lock blocked the build");
  cr_expect_neq(stat(zLock, &st), 0, "the lock is still there");
  cr_expect_eq(countEntries(f.zCache), 1, "temporary files left in the cache directory");
  /* a fresh lock whose process is gone is taken over too */
  pid_t pid = fork();
  if( pid==0 ) _exit(0);
  waitpid(pid, 0, 0);
  snprintf(zPid, sizeof(zPid), "%ld\n", (long)pid);
  writeText(zLock, zPid);
  writeText(f.zCsv, SMALL_CSV "c,4\n");
  z = sumWithCache(&f);
  cr_expect_str_eq(z, "s\n7\n");
  free(z);
  char *zSum = sqlOn(f.zCacheFile, "SELECT sum(Value) FROM t");
  cr_expect_str_eq(zSum ? zSum : "(unreadable)", "7", "a dead builder's lock blocked the rebuild");
  free(zSum);
  free(zTmp);
  free(zLock);
  fixtureClose(&f);
}

Test(cache, background_build_appears_complete){
  char *zDir = scratch();
  char *zCache = pathIn(zDir, "cache");
  char *zOut = 0;
  unsetenv("KQLITE_CACHE_SYNC");
  setenv("KQLITE_CACHE_MIN_BYTES", "1048576", 1);
  cr_assert_eq(run(&zOut, "gen", "--tables", "CommonSecurityLog", "--rows", "3000", "--out", zDir), 0);
  free(zOut);
  char *zCsv = pathIn(zDir, "CommonSecurityLog.csv");
  char *zFile = kqlCachePath(zCache, zCsv, kqlCatalogFind("CommonSecurityLog", -1));
  cr_assert_not_null(zFile);
  /* the run returns (its output pipe ends) without waiting for the build */
  cr_expect_eq(run(&zOut, "run", "--cache", zCache, "--data", zDir, "--format", "csv",
                   "-e", "CommonSecurityLog | count"), 0);
  cr_expect_str_eq(zOut, "Count\n3000\n");
  free(zOut);
  /* whenever the final name exists, it is the whole table */
  int bSeen = 0;
  for(int i=0; i<600 && !bSeen; i++){
    struct stat st;
    if( stat(zFile, &st)==0 ){
      char *zRows = sqlOn(zFile, "SELECT count(*) FROM t");
      cr_expect_str_eq(zRows ? zRows : "(unreadable)", "3000", "a partial cache file was visible");
      free(zRows);
      bSeen = 1;
    }else{
      usleep(100000);
    }
  }
  cr_expect(bSeen, "the background build wrote nothing in 60 s");
  cr_expect_eq(run(&zOut, "run", "--cache", zCache, "--data", zDir, "--format", "csv",
                   "-e", "CommonSecurityLog | count"), 0);
  cr_expect_str_eq(zOut, "Count\n3000\n");
  free(zOut);
  free(zFile);
  free(zCsv);
  free(zCache);
  removeDir(zDir);
}

/************************************************************ indexes */

Test(cache, hunt_columns_are_indexed){
  const KqlTableDef *pDef = kqlCatalogFind("CommonSecurityLog", -1);
  cr_assert_not_null(pDef);
  char **azName = calloc((size_t)pDef->nCol, sizeof(char*));
  int *aeType = calloc((size_t)pDef->nCol, sizeof(int));
  int aiIdx[16];
  for(int i=0; i<pDef->nCol; i++){
    azName[i] = (char*)pDef->aCol[i].zName;
    aeType[i] = pDef->aCol[i].eType;
  }
  int n = kqlCacheIndexColumns(pDef->nCol, azName, aeType, aiIdx, 16);
  int bSrc = 0, bDst = 0, bTime = 0;
  for(int i=0; i<n; i++){
    bSrc |= strcmp(azName[aiIdx[i]], "SourceIP")==0;
    bDst |= strcmp(azName[aiIdx[i]], "DestinationIP")==0;
    bTime |= strcmp(azName[aiIdx[i]], "TimeGenerated")==0;
    cr_expect(strstr(azName[aiIdx[i]], "Label")==0, "indexed a label column %s", azName[aiIdx[i]]);
  }
  cr_expect(bSrc && bDst && bTime);
  cr_expect_eq(aiIdx[0], kqlCatalogColumn(pDef, "TimeGenerated", -1));
  free(azName);
  free(aeType);
}

/* The SQL kqlite runs for the seed hunt over a loaded (or cached) table uses
** the cache's indexes: an OR of two `in` lists becomes a multi-index OR, no
** scan of the table. */
Test(cache, seed_hunt_uses_the_indexes){
  char *zDir = scratch();
  char *zCache = pathIn(zDir, "cache");
  char *zOut = 0;
  setenv("KQLITE_CACHE_SYNC", "1", 1);
  setenv("KQLITE_CACHE_MIN_BYTES", "1048576", 1);
  cr_assert_eq(run(&zOut, "gen", "--tables", "CommonSecurityLog", "--rows", "1500", "--out", zDir,
                   "--plant-ioc", "156.247.40.190:12159"), 0);
  free(zOut);
  cr_assert_eq(run(&zOut, "run", "--cache", zCache, "--data", zDir, "--format", "csv",
                   "queries/dcrat-commonsecuritylog.kql"), 0);
  free(zOut);
  /* the SQL for a table that is not streamed: what a cache hit runs */
  setenv("KQLITE_NO_STREAM", "1", 1);
  bMergeStderr = 1;
  cr_assert_eq(run(&zOut, "explain", "--sql", "--data", zDir, "queries/dcrat-commonsecuritylog.kql"), 0);
  bMergeStderr = 0;
  unsetenv("KQLITE_NO_STREAM");
  char *zSql = strstr(zOut, "WITH ");
  if( zSql==0 ) zSql = strstr(zOut, "SELECT ");
  cr_assert_not_null(zSql, "no SQL in:\n%s", zOut);
  cr_assert_not_null(strstr(zSql, "\"kt_1\""), "the hunt does not read kt_1:\n%s", zSql);
  char *zCsv = pathIn(zDir, "CommonSecurityLog.csv");
  char *zFile = kqlCachePath(zCache, zCsv, kqlCatalogFind("CommonSecurityLog", -1));
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  cr_assert_eq(sqlite3_open_v2(zFile, &db, SQLITE_OPEN_READWRITE, 0), SQLITE_OK);
  cr_assert_eq(sqlite3_exec(db, "CREATE TEMP VIEW kt_1 AS SELECT * FROM t", 0, 0, 0), SQLITE_OK);
  char *zPlanSql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", zSql);
  cr_assert_eq(sqlite3_prepare_v2(db, zPlanSql, -1, &pStmt, 0), SQLITE_OK, "%s", sqlite3_errmsg(db));
  sqlite3_bind_text(pStmt, 1, "[\"156.247.40.190\",\"82.23.246.160\"]", -1, SQLITE_STATIC);
  sqlite3_str *pPlan = sqlite3_str_new(0);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    sqlite3_str_appendf(pPlan, "%s\n", (const char*)sqlite3_column_text(pStmt, 3));
  }
  char *zPlan = sqlite3_str_finish(pPlan);
  cr_expect_not_null(strstr(zPlan, "MULTI-INDEX OR"), "plan:\n%s", zPlan);
  cr_expect_not_null(strstr(zPlan, "(DestinationIP#1081=?)"), "plan:\n%s", zPlan);
  cr_expect_not_null(strstr(zPlan, "(SourceIP#1c=?)"), "plan:\n%s", zPlan);
  cr_expect_null(strstr(zPlan, "SCAN t"), "the table is scanned:\n%s", zPlan);
  sqlite3_free(zPlan);
  sqlite3_finalize(pStmt);
  sqlite3_free(zPlanSql);
  sqlite3_close(db);
  free(zFile);
  free(zCsv);
  free(zOut);
  free(zCache);
  removeDir(zDir);
}
