/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Bump allocator for one query (see arena.h). Memory comes in chunks of at
** least 64 KiB; big requests get a chunk of their own.
*/
#include "arena.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ArenaChunk ArenaChunk;
struct ArenaChunk {
  ArenaChunk *pNext;    /* older chunk */
  size_t nUsed;         /* bytes used in a[] */
  size_t nSize;         /* bytes available in a[] */
  _Alignas(16) unsigned char a[];
};

typedef struct ArenaCleanup ArenaCleanup;
struct ArenaCleanup {
  ArenaCleanup *pNext;  /* registered earlier */
  void (*xFree)(void *);
  void *pArg;
};

struct KqlArena {
  ArenaChunk *pChunk;   /* newest chunk first */
  ArenaCleanup *pClean; /* newest cleanup first */
  const char *const *azCaseName;  /* kqlArenaSetCaseNames() */
  int nCaseName;
};

static void *xmalloc(size_t n){
  void *p = malloc(n);
  if( p==0 ){ fputs("kqlite: out of memory\n", stderr); abort(); }
  return p;
}

KqlArena *kqlArenaNew(void){
  KqlArena *p = xmalloc(sizeof(*p));
  p->pChunk = 0;
  p->pClean = 0;
  p->azCaseName = 0;
  p->nCaseName = 0;
  return p;
}

void kqlArenaSetCaseNames(KqlArena *p, const char *const *azName, int nName){
  p->azCaseName = azName;
  p->nCaseName = nName;
}

int kqlArenaIsCaseName(const KqlArena *p, const char *z, int n){
  for(int i=0; p && i<p->nCaseName; i++){
    if( strncmp(p->azCaseName[i], z, (size_t)n)==0 && p->azCaseName[i][n]==0 ) return 1;
  }
  return 0;
}

void kqlArenaFree(KqlArena *p){
  if( p==0 ) return;
  while( p->pClean ){
    ArenaCleanup *c = p->pClean;
    p->pClean = c->pNext;
    c->xFree(c->pArg);
  }
  while( p->pChunk ){
    ArenaChunk *c = p->pChunk;
    p->pChunk = c->pNext;
    free(c);
  }
  free(p);
}

void *kqlArenaAlloc(KqlArena *p, size_t n){
  ArenaChunk *c = p->pChunk;
  n = (n + 15) & ~(size_t)15;
  if( n==0 ) n = 16;
  if( c==0 || c->nSize - c->nUsed < n ){
    size_t sz = n > 65536 ? n : 65536;
    c = xmalloc(sizeof(ArenaChunk) + sz);
    c->nUsed = 0;
    c->nSize = sz;
    if( n > 65536/4 && p->pChunk ){
      /* keep the current chunk on top: its free space stays usable */
      c->pNext = p->pChunk->pNext;
      p->pChunk->pNext = c;
    }else{
      c->pNext = p->pChunk;
      p->pChunk = c;
    }
  }
  void *r = c->a + c->nUsed;
  c->nUsed += n;
  memset(r, 0, n);
  return r;
}

char *kqlArenaStrdup(KqlArena *p, const char *z, long n){
  if( z==0 ) return 0;
  if( n<0 ) n = (long)strlen(z);
  char *r = kqlArenaAlloc(p, (size_t)n + 1);
  memcpy(r, z, (size_t)n);
  r[n] = 0;
  return r;
}

char *kqlArenaPrintf(KqlArena *p, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  int n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  char *r = kqlArenaAlloc(p, (size_t)n + 1);
  va_start(ap, zFmt);
  vsnprintf(r, (size_t)n + 1, zFmt, ap);
  va_end(ap);
  return r;
}

void kqlArenaOnFree(KqlArena *p, void (*xFree)(void *), void *pArg){
  ArenaCleanup *c = kqlArenaAlloc(p, sizeof(*c));
  c->xFree = xFree;
  c->pArg = pArg;
  c->pNext = p->pClean;
  p->pClean = c;
}
