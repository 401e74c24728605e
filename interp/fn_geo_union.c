/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The union of an array of regions in the order Kusto's engine (built on
** S2) forms it, for geo_union_polygons_array. The order matters because it
** decides where each output ring starts and how the rings are ordered
** (fn_geo_overlay.c numbers the operands' edges in input order). The method,
** in our own words: the operands wait in a queue ordered by vertex count
** (ties: first come first); the two smallest are taken out, united with the
** smaller one first, and the result goes back in with the sum of their
** counts, until one region is left.
*/
#include "fn_geo.h"
#include <string.h>

/* One operand waiting in the queue. */
typedef struct UnionItem UnionItem;
struct UnionItem {
  int nKey;                   /* vertex count (sum of the operands' counts) */
  int iSeq;                   /* arrival number: first come first */
  const KqlGeoRegion *pR;     /* the region */
  int iOwn;                   /* its slot in the owned results, or -1 */
};

static int itemLess(const UnionItem *a, const UnionItem *b){
  if( a->nKey!=b->nKey ) return a->nKey<b->nKey;
  return a->iSeq<b->iSeq;
}

/* Binary min-heap of n items. */
static void heapUp(UnionItem *a, int i){
  while( i>0 ){
    int j = (i-1)/2;
    UnionItem t;
    if( !itemLess(&a[i], &a[j]) ) break;
    t = a[i]; a[i] = a[j]; a[j] = t;
    i = j;
  }
}
static void heapDown(UnionItem *a, int n, int i){
  for(;;){
    int l = 2*i+1, r = l+1, m = i;
    UnionItem t;
    if( l<n && itemLess(&a[l], &a[m]) ) m = l;
    if( r<n && itemLess(&a[r], &a[m]) ) m = r;
    if( m==i ) break;
    t = a[i]; a[i] = a[m]; a[m] = t;
    i = m;
  }
}
static UnionItem heapPop(UnionItem *a, int *pn){
  UnionItem top = a[0];
  a[0] = a[--*pn];
  heapDown(a, *pn, 0);
  return top;
}

/* kqlGeoUnionArray(): contract in fn_geo.h. */
int kqlGeoUnionArray(const KqlGeoRegion *aIn, int nIn, KqlGeoRegion *pOut){
  UnionItem *aHeap;
  KqlGeoRegion *aOwn;
  int nHeap = 0, nOwn = 0, rc = 0;
  if( nIn<2 ) return kqlGeoUnion(aIn, nIn, pOut);
  memset(pOut, 0, sizeof(*pOut));
  aHeap = sqlite3_malloc64((sqlite3_uint64)nIn*sizeof(UnionItem));
  aOwn = sqlite3_malloc64((sqlite3_uint64)nIn*sizeof(KqlGeoRegion));
  if( aHeap==0 || aOwn==0 ){
    sqlite3_free(aHeap);
    sqlite3_free(aOwn);
    return SQLITE_NOMEM;
  }
  for(int k=0; k<nIn; k++){
    aHeap[nHeap].nKey = aIn[k].nV;
    aHeap[nHeap].iSeq = k;
    aHeap[nHeap].pR = &aIn[k];
    aHeap[nHeap].iOwn = -1;
    heapUp(aHeap, nHeap++);
  }
  while( nHeap>1 ){
    UnionItem a = heapPop(aHeap, &nHeap);
    UnionItem b = heapPop(aHeap, &nHeap);
    KqlGeoRegion *pU = &aOwn[nOwn];
    rc = kqlGeoUnion2(a.pR, b.pR, pU);
    if( a.iOwn>=0 ) kqlGeoRegionFree(&aOwn[a.iOwn]);
    if( b.iOwn>=0 ) kqlGeoRegionFree(&aOwn[b.iOwn]);
    if( rc ) break;
    aHeap[nHeap].nKey = a.nKey + b.nKey;
    aHeap[nHeap].iSeq = nIn + nOwn;
    aHeap[nHeap].pR = pU;
    aHeap[nHeap].iOwn = nOwn++;
    heapUp(aHeap, nHeap++);
  }
  if( rc ){
    for(int k=0; k<nHeap; k++){
      if( aHeap[k].iOwn>=0 ) kqlGeoRegionFree(&aOwn[aHeap[k].iOwn]);
    }
  }else{
    *pOut = aOwn[aHeap[0].iOwn];
  }
  sqlite3_free(aHeap);
  sqlite3_free(aOwn);
  return rc;
}
