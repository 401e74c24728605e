/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The byte-string set of fn_hashset.h: linear probing over a power-of-two
** table kept at most half full; each entry points at a copy of its string
** in the set's chunks.
*/
#include "fn_hashset.h"
#include <sqlite3.h>
#include <string.h>

struct KqlHsetEntry {
  char *z;              /* owned copy, NULL for an empty slot */
  int n;                /* bytes in z */
  uint32_t h;           /* hash of z */
};

static uint32_t hashBytes(const char *z, int n){
  uint32_t h = 2166136261u;
  for(int i=0; i<n; i++){
    h ^= (unsigned char)z[i];
    h *= 16777619u;
  }
  return h;
}

/* Slot holding z or the empty slot where it would go. */
static KqlHsetEntry *findSlot(KqlHsetEntry *a, int nSlot, const char *z, int n, uint32_t h){
  uint32_t mask = (uint32_t)nSlot - 1, i = h & mask;
  for(;;){
    KqlHsetEntry *e = &a[i];
    if( e->z==0 ) return e;
    if( e->h==h && e->n==n && memcmp(e->z, z, (size_t)n)==0 ) return e;
    i = (i + 1) & mask;
  }
}

static int grow(KqlHset *p){
  int nNew = p->nSlot ? p->nSlot*2 : 16;
  KqlHsetEntry *aNew;
  if( nNew > (1<<28) ) return -1;
  aNew = sqlite3_malloc64(sizeof(KqlHsetEntry)*(sqlite3_uint64)nNew);
  if( aNew==0 ) return -1;
  memset(aNew, 0, sizeof(KqlHsetEntry)*(size_t)nNew);
  for(int i=0; i<p->nSlot; i++){
    KqlHsetEntry *e = &p->a[i];
    if( e->z ) *findSlot(aNew, nNew, e->z, e->n, e->h) = *e;
  }
  sqlite3_free(p->a);
  p->a = aNew;
  p->nSlot = nNew;
  return 0;
}

/* String copies live in chunks chained newest first; a string larger than
** a quarter chunk gets a chunk of its own, chained behind the newest. */
typedef struct HsetChunk HsetChunk;
struct HsetChunk {
  HsetChunk *pNext;
  char a[];
};
#define HSET_CHUNK 8192

/* Room for n (> 0) bytes of string copy, or NULL when out of memory. */
static char *copySpace(KqlHset *p, int n){
  HsetChunk *c, *pCur = (HsetChunk*)p->pChunk;
  if( n<=p->nChunkFree ){
    char *z = pCur->a + (HSET_CHUNK - p->nChunkFree);
    p->nChunkFree -= n;
    return z;
  }
  if( n > HSET_CHUNK/4 ){
    c = sqlite3_malloc64(sizeof(HsetChunk) + (size_t)n);
    if( c==0 ) return 0;
    if( pCur ){
      c->pNext = pCur->pNext;
      pCur->pNext = c;
    }else{
      c->pNext = 0;
      p->pChunk = (void*)c;
      p->nChunkFree = 0;             /* full: the next copy starts a chunk */
    }
    return c->a;
  }
  c = sqlite3_malloc64(sizeof(HsetChunk) + HSET_CHUNK);
  if( c==0 ) return 0;
  c->pNext = pCur;
  p->pChunk = (void*)c;
  p->nChunkFree = HSET_CHUNK - n;
  return c->a;
}

/* kqlHsetAdd(): contract in fn_hashset.h. */
int kqlHsetAdd(KqlHset *p, const char *z, int n){
  uint32_t h = hashBytes(z, n);
  KqlHsetEntry *e;
  char *zCopy;
  if( (p->nUsed+1)*2 > p->nSlot && grow(p) ) return -1;
  e = findSlot(p->a, p->nSlot, z, n, h);
  if( e->z ) return 0;
  zCopy = copySpace(p, n>0 ? n : 1);
  if( zCopy==0 ) return -1;
  if( n>0 ) memcpy(zCopy, z, (size_t)n);
  e->z = zCopy;
  e->n = n;
  e->h = h;
  p->nUsed++;
  return 1;
}

/* kqlHsetHas(): contract in fn_hashset.h. */
int kqlHsetHas(const KqlHset *p, const char *z, int n){
  if( p->nSlot==0 ) return 0;
  return findSlot(p->a, p->nSlot, z, n, hashBytes(z, n))->z!=0;
}

/* kqlHsetCount(): contract in fn_hashset.h. */
int kqlHsetCount(const KqlHset *p){
  return p->nUsed;
}

/* kqlHsetSlot(): contract in fn_hashset.h. */
int kqlHsetSlot(const KqlHset *p, int iSlot, const char **pz, int *pn){
  if( iSlot<0 || iSlot>=p->nSlot || p->a[iSlot].z==0 ) return 0;
  *pz = p->a[iSlot].z;
  *pn = p->a[iSlot].n;
  return 1;
}

/* kqlHsetClear(): contract in fn_hashset.h. */
void kqlHsetClear(KqlHset *p){
  HsetChunk *c = (HsetChunk*)p->pChunk;
  while( c ){
    HsetChunk *pNext = c->pNext;
    sqlite3_free(c);
    c = pNext;
  }
  sqlite3_free(p->a);
  memset(p, 0, sizeof(*p));
}
