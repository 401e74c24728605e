/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The cache object (cache.h) and when its files get built. A run notes the
** files it had to parse (kqlCacheNote); kqlCacheFlush, called when the
** engine closes — after every result was written — builds their cache
** files in a background process: forked twice so that it is nobody's child,
** in its own session, nice'd and at idle I/O priority, with standard input and output on /dev/null
** and every other descriptor closed (a pipe reading kqlite's output sees
** its end at once), exiting quietly whatever happens. The user's run does
** not wait for it. KQLITE_CACHE_SYNC=1 builds in the foreground instead
** (tests and benchmarks need the file to exist when the run returns).
*/
#include "cache.h"
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct KqlCacheTodo {
  char *zPath;
  int bDef;             /* def holds a schema (else: load without one) */
  KqlTableDef def;      /* copied: names malloc'ed */
};

KqlCache *kqlCacheNew(const char *zDir){
  KqlCache *p;
  if( zDir==0 || zDir[0]==0 ) return 0;
  p = calloc(1, sizeof(*p));
  if( p==0 ) return 0;
  p->zDir = strdup(zDir);
  if( p->zDir==0 ){ free(p); return 0; }
  return p;
}

static void freeTodo(KqlCache *p){
  for(int i=0; i<p->nTodo; i++){
    KqlCacheTodo *t = &p->aTodo[i];
    free(t->zPath);
    for(int c=0; c<t->def.nCol; c++) free((char*)t->def.aCol[c].zName);
    free((KqlColDef*)t->def.aCol);
    free((char*)t->def.zName);
  }
  free(p->aTodo);
  p->aTodo = 0;
  p->nTodo = 0;
}

void kqlCacheFree(KqlCache *p){
  if( p==0 ) return;
  freeTodo(p);
  free(p->zDir);
  free(p);
}

char *kqlCacheDefaultDir(void){
  const char *zXdg = getenv("XDG_CACHE_HOME");
  const char *zHome = getenv("HOME");
  char *z;
  size_t n;
  if( zXdg && zXdg[0]=='/' ){
    n = strlen(zXdg) + 16;
    z = malloc(n);
    if( z ) snprintf(z, n, "%s/kqlite", zXdg);
    return z;
  }
  if( zHome==0 || zHome[0]==0 ) return 0;
  n = strlen(zHome) + 24;
  z = malloc(n);
  if( z ) snprintf(z, n, "%s/.cache/kqlite", zHome);
  return z;
}

void kqlCacheNote(KqlCache *p, const char *zPath, const KqlTableDef *pDef){
  struct stat st;
  KqlCacheTodo *a, *t;
  if( p==0 || zPath==0 || stat(zPath, &st)!=0 || !S_ISREG(st.st_mode) ) return;
  if( (long long)st.st_size < kqlCacheMinBytes() ) return;
  for(int i=0; i<p->nTodo; i++){
    if( strcmp(p->aTodo[i].zPath, zPath)==0 ) return;
  }
  a = realloc(p->aTodo, sizeof(*a)*(size_t)(p->nTodo+1));
  if( a==0 ) return;
  p->aTodo = a;
  t = &a[p->nTodo];
  memset(t, 0, sizeof(*t));
  t->zPath = strdup(zPath);
  if( t->zPath==0 ) return;
  if( pDef ){
    KqlColDef *aCol = calloc((size_t)pDef->nCol+1, sizeof(KqlColDef));
    if( aCol==0 ){ free(t->zPath); return; }
    for(int c=0; c<pDef->nCol; c++){
      aCol[c].zName = strdup(pDef->aCol[c].zName);
      aCol[c].eType = pDef->aCol[c].eType;
      t->def.nCol = c+1;
      if( aCol[c].zName==0 ) break;
    }
    t->def.aCol = aCol;
    t->def.zName = pDef->zName ? strdup(pDef->zName) : 0;
    t->bDef = 1;
  }
  p->nTodo++;
}

static void buildAll(KqlCache *p){
  for(int i=0; i<p->nTodo; i++){
    KqlCacheTodo *t = &p->aTodo[i];
    kqlCacheBuild(p->zDir, t->zPath, t->bDef ? &t->def : 0);
  }
}

/* In the background process: detach from the terminal and every open file. */
static void detachIo(void){
  int fd = open("/dev/null", O_RDWR);
  long nMax = sysconf(_SC_OPEN_MAX);
  if( fd>=0 ){
    dup2(fd, 0);
    dup2(fd, 1);
    dup2(fd, 2);
  }
  if( nMax<0 || nMax>65536 ) nMax = 65536;
  for(long i=3; i<nMax; i++) close((int)i);
}

void kqlCacheFlush(KqlCache *p){
  const char *zSync = getenv("KQLITE_CACHE_SYNC");
  pid_t pid;
  if( p==0 || p->nTodo==0 ) return;
  if( zSync && strcmp(zSync, "1")==0 ){
    buildAll(p);
    freeTodo(p);
    return;
  }
  fflush(0);
  pid = fork();
  if( pid==0 ){
    /* first child: start a session, hand the work to a grandchild, leave */
    setsid();
    if( fork()!=0 ) _exit(0);
    detachIo();
    if( setpriority(PRIO_PROCESS, 0, 10)!=0 ){ /* keep going at normal priority */ }
    /* idle I/O class (IOPRIO_CLASS_IDLE<<IOPRIO_CLASS_SHIFT): the user's next run reads first */
    if( syscall(SYS_ioprio_set, 1 /* IOPRIO_WHO_PROCESS */, 0, 3<<13)!=0 ){ /* best effort */ }
    buildAll(p);
    _exit(0);
  }
  if( pid>0 ) waitpid(pid, 0, 0);
  freeTodo(p);
}
