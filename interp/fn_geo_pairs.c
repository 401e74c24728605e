/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlGeoEdgePairs(): the candidate pairs of great-circle arcs that may meet,
** for the crossing checks and overlays. Each arc gets a box in 3-D (its
** endpoints' box, widened by the arc's bulge). Arcs are cut into pieces no
** longer than a grid cell (twice the median arc length) and registered in
** the cells their pieces' boxes overlap; arcs sharing a cell whose boxes
** meet become candidate pairs, which are sorted and reported once each.
** Arcs that would cover too many cells are paired with every other arc by a
** plain box test. About linear in the number of arcs for well-spread input.
*/
#include "fn_geo.h"
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS_PER_ARC 4096  /* more than this: the arc goes to the "big" list */
#define MAX_SUB_ARCS      1024  /* pieces an arc is cut into for the grid */

typedef struct Box Box;
struct Box {
  double lo[3], hi[3];          /* bounding box */
};

/* One arc registered in one grid cell. */
typedef struct Slot Slot;
struct Slot {
  int c[3];                     /* grid cell */
  int e;                        /* arc index */
};

static int cmpSlot(const void *pA, const void *pB){
  const Slot *a = pA, *b = pB;
  for(int k=0; k<3; k++){
    if( a->c[k]!=b->c[k] ) return a->c[k]<b->c[k] ? -1 : 1;
  }
  return a->e - b->e;
}

static void arcBox(KqlGeoVec a, KqlGeoVec b, Box *p){
  double pa[3], pb[3];
  /* The arc leaves the chord by at most its sagitta, 1 - cos(theta/2). */
  double t = kqlGeoAngle(a, b), pad = 1.0 - cos(0.5*t) + 1e-12;
  pa[0] = a.x; pa[1] = a.y; pa[2] = a.z;
  pb[0] = b.x; pb[1] = b.y; pb[2] = b.z;
  for(int k=0; k<3; k++){
    p->lo[k] = (pa[k]<pb[k] ? pa[k] : pb[k]) - pad;
    p->hi[k] = (pa[k]<pb[k] ? pb[k] : pa[k]) + pad;
  }
}

static int boxesMeet(const Box *a, const Box *b){
  for(int k=0; k<3; k++){
    if( a->lo[k]>b->hi[k] || b->lo[k]>a->hi[k] ) return 0;
  }
  return 1;
}

static int cmpDouble(const void *pA, const void *pB){
  double a = *(const double*)pA, b = *(const double*)pB;
  return a<b ? -1 : a>b;
}

static int cellOf(double x, double h){
  double c = floor(x/h);
  if( c<-2e9 ) c = -2e9;
  if( c>2e9 ) c = 2e9;
  return (int)c;
}

/* Append a candidate pair. */
static int addPair(long long **pa, int *pn, int *pnAlloc, int i, int j){
  if( *pn>=*pnAlloc ){
    int nNew = *pnAlloc ? *pnAlloc*2 : 64;
    long long *aNew;
    if( nNew<=0 || nNew>(1<<29) ) return SQLITE_NOMEM;
    aNew = sqlite3_realloc64(*pa, (sqlite3_uint64)nNew*sizeof(long long));
    if( aNew==0 ) return SQLITE_NOMEM;
    *pa = aNew;
    *pnAlloc = nNew;
  }
  (*pa)[(*pn)++] = ((long long)i << 32) | (long long)j;
  return 0;
}

static int cmpLL(const void *pA, const void *pB){
  long long a = *(const long long*)pA, b = *(const long long*)pB;
  return a<b ? -1 : a>b;
}

/* kqlGeoEdgePairs(): contract in fn_geo.h. */
int kqlGeoEdgePairs(const KqlGeoVec *aA, const KqlGeoVec *aB, int n,
                    int (*xPair)(void*, int, int), void *pArg){
  Box *aBox;
  Slot *aSlot = 0;
  long long *aPair = 0;
  int *aBig = 0, nBig = 0, nSlot = 0, nSlotAlloc = 0, nPair = 0, nPairAlloc = 0, rc = 0;
  double h = 0.0;
  if( n<2 ) return 0;
  aBox = sqlite3_malloc64((sqlite3_uint64)n*sizeof(Box));
  aBig = sqlite3_malloc64((sqlite3_uint64)n*2*sizeof(int));
  if( aBox==0 || aBig==0 ){ rc = SQLITE_NOMEM; goto done; }
  {
    /* Cell size: twice the median arc length (robust to a few long arcs). */
    double *aLen = sqlite3_malloc64((sqlite3_uint64)n*sizeof(double));
    if( aLen==0 ){ rc = SQLITE_NOMEM; goto done; }
    for(int i=0; i<n; i++){
      arcBox(aA[i], aB[i], &aBox[i]);
      aLen[i] = kqlGeoAngle(aA[i], aB[i]);
    }
    if( n>1 ) qsort(aLen, (size_t)n, sizeof(double), cmpDouble);
    h = 2.0*aLen[n/2];
    sqlite3_free(aLen);
  }
  if( h<1e-8 ) h = 1e-8;
  /* Register every arc in the grid cells along it: the arc is cut into
  ** pieces no longer than the cell size and each piece's box is used. */
  for(int i=0; i<n; i++){
    int nSub = (int)ceil(kqlGeoAngle(aA[i], aB[i])/h), iFirstSlot = nSlot;
    long long nCell = 0;
    if( nSub<1 ) nSub = 1;
    if( nSub>MAX_SUB_ARCS ){ aBig[nBig++] = i; continue; }
    for(int s=0; s<nSub && nCell<=MAX_CELLS_PER_ARC; s++){
      KqlGeoVec p0 = nSub==1 ? aA[i] : kqlGeoInterpolate(aA[i], aB[i], (double)s/nSub);
      KqlGeoVec p1 = nSub==1 ? aB[i] : kqlGeoInterpolate(aA[i], aB[i], (double)(s+1)/nSub);
      Box b;
      int c0[3], c1[3];
      arcBox(p0, p1, &b);
      for(int k=0; k<3; k++){
        c0[k] = cellOf(b.lo[k], h);
        c1[k] = cellOf(b.hi[k], h);
      }
      nCell += ((long long)c1[0]-c0[0]+1)*((long long)c1[1]-c0[1]+1)*((long long)c1[2]-c0[2]+1);
      if( nCell>MAX_CELLS_PER_ARC ) break;
      for(int x=c0[0]; x<=c1[0]; x++){
        for(int y=c0[1]; y<=c1[1]; y++){
          for(int z=c0[2]; z<=c1[2]; z++){
            if( nSlot>=nSlotAlloc ){
              int nNew = nSlotAlloc ? nSlotAlloc*2 : 64;
              Slot *aNew = sqlite3_realloc64(aSlot, (sqlite3_uint64)nNew*sizeof(Slot));
              if( aNew==0 ){ rc = SQLITE_NOMEM; goto done; }
              aSlot = aNew;
              nSlotAlloc = nNew;
            }
            aSlot[nSlot].c[0] = x;
            aSlot[nSlot].c[1] = y;
            aSlot[nSlot].c[2] = z;
            aSlot[nSlot].e = i;
            nSlot++;
          }
        }
      }
    }
    if( nCell>MAX_CELLS_PER_ARC ){
      nSlot = iFirstSlot;
      aBig[nBig++] = i;
    }
  }
  if( nSlot>0 ) qsort(aSlot, (size_t)nSlot, sizeof(Slot), cmpSlot);
  /* Pairs within each grid cell (an arc may sit twice in one cell). */
  for(int g=0; g<nSlot; ){
    int hEnd = g;
    while( hEnd<nSlot && memcmp(aSlot[hEnd].c, aSlot[g].c, sizeof(aSlot[g].c))==0 ) hEnd++;
    for(int p=g; p<hEnd; p++){
      for(int q=p+1; q<hEnd; q++){
        int i = aSlot[p].e, j = aSlot[q].e;
        if( i==j || !boxesMeet(&aBox[i], &aBox[j]) ) continue;
        if( addPair(&aPair, &nPair, &nPairAlloc, i<j ? i : j, i<j ? j : i) ){
          rc = SQLITE_NOMEM;
          goto done;
        }
      }
    }
    g = hEnd;
  }
  /* Big arcs against everything else (and each other once). aBig[n+j] is
  ** the position of arc j in aBig[], or -1. */
  for(int j=0; j<n; j++) aBig[n+j] = -1;
  for(int b=0; b<nBig; b++) aBig[n+aBig[b]] = b;
  for(int b=0; b<nBig; b++){
    int i = aBig[b];
    for(int j=0; j<n; j++){
      if( j==i ) continue;
      if( aBig[n+j]>=0 && aBig[n+j]<b ) continue;   /* done from the other side */
      if( !boxesMeet(&aBox[i], &aBox[j]) ) continue;
      if( addPair(&aPair, &nPair, &nPairAlloc, i<j ? i : j, i<j ? j : i) ){
        rc = SQLITE_NOMEM;
        goto done;
      }
    }
  }
  /* Each pair once, in order. */
  if( nPair>0 ) qsort(aPair, (size_t)nPair, sizeof(long long), cmpLL);
  for(int k=0; k<nPair; k++){
    if( k>0 && aPair[k]==aPair[k-1] ) continue;
    if( xPair(pArg, (int)(aPair[k] >> 32), (int)(aPair[k] & 0xffffffff)) ) break;
  }

done:
  sqlite3_free(aBox);
  sqlite3_free(aBig);
  sqlite3_free(aSlot);
  sqlite3_free(aPair);
  return rc;
}
