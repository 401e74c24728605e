/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** A point-location index for the polygons of a region, so that overlays and
** coverings can test many points quickly. For each polygon (when it fits in
** a cap smaller than a hemisphere) a reference point c inside the cap is
** chosen and its containment computed once with the winding number. Edges
** are bucketed by the range of azimuths they cover as seen from c. A point p
** is then inside exactly when c is inside XOR the arc c->p crosses an odd
** number of edges, and only the edges of p's azimuth bucket can cross that
** arc. A degenerate path (through a vertex) leaves the answer to the caller.
*/
#include "fn_geo.h"
#include <string.h>

/* Index of one polygon. */
typedef struct PolyIndex PolyIndex;
struct PolyIndex {
  int bValid;           /* 0: no index for this polygon */
  KqlGeoVec c;          /* reference point */
  KqlGeoVec north, east;/* tangent frame at c */
  double capCos;        /* cos of the cap radius around c */
  int bCIn;             /* is c inside the polygon */
  int nBucket;          /* azimuth buckets */
  int *aStart;          /* nBucket+1 offsets into aEdge */
  int *aEdge;           /* edge = index of its first vertex in the region */
  int nWide;            /* edges spanning too many buckets */
  int *aWide;
};

typedef struct RegionIndex RegionIndex;
struct RegionIndex {
  int nPoly;
  PolyIndex *aPoly;
};

/* Azimuth of p around c in [0, 2pi). */
static double azimuth(const PolyIndex *q, KqlGeoVec p){
  double a = atan2(geoDot(p, q->east), geoDot(p, q->north));
  return a<0.0 ? a + 2.0*M_PI : a;
}

static int bucketOf(const PolyIndex *q, double az){
  int b = (int)(az/(2.0*M_PI)*q->nBucket);
  if( b<0 ) b = 0;
  if( b>=q->nBucket ) b = q->nBucket-1;
  return b;
}

/* End vertex of the edge that starts at vertex i. */
static int edgeEnd(const KqlGeoRegion *pR, int r, int i){
  return i+1<pR->aRing[r+1] ? i+1 : pR->aRing[r];
}

/* Azimuth range [*pa0, *pa1] of edge ab seen from c (a1 may exceed 2pi
** when it wraps); 0 when the edge passes (nearly) through c. */
static int edgeRange(const PolyIndex *q, KqlGeoVec a, KqlGeoVec b, double *pa0, double *pa1){
  double x = azimuth(q, a), y = azimuth(q, b), d;
  if( kqlGeoDistToEdge(q->c, a, b, 0)<1e-12 ) return 0;
  d = y - x;
  if( d>M_PI ) d -= 2.0*M_PI;
  if( d<-M_PI ) d += 2.0*M_PI;
  if( d<0.0 ){ x = y; d = -d; }
  *pa0 = x;
  *pa1 = x + d;
  return 1;
}

static void polyIndexFree(PolyIndex *q){
  sqlite3_free(q->aStart);
  sqlite3_free(q->aEdge);
  sqlite3_free(q->aWide);
  memset(q, 0, sizeof(*q));
}

/* Build the index of polygon k. 0 or SQLITE_NOMEM (an unindexable polygon
** is left with bValid==0). */
static int buildPoly(const KqlGeoRegion *pR, int k, PolyIndex *q){
  int r0 = pR->aPoly[k], r1 = pR->aPoly[k+1];
  int v0 = pR->aRing[r0], v1 = pR->aRing[r1], nE = v1 - v0, nSlot = 0;
  KqlGeoVec c = geoVec(0, 0, 0);
  double minCos = 1.0;
  int *aCount;
  memset(q, 0, sizeof(*q));
  if( nE<16 ) return 0;           /* the winding number is fast enough */
  for(int i=pR->aRing[r0]; i<pR->aRing[r0+1]; i++) c = geoAdd(c, pR->aV[i]);
  if( geoNorm(c)==0.0 ) return 0;
  c = kqlGeoNormalize(c);
  for(int i=v0; i<v1; i++){
    double d = geoDot(c, pR->aV[i]);
    if( d<minCos ) minCos = d;
  }
  if( minCos<=0.05 ) return 0;    /* too close to a hemisphere */
  q->c = c;
  q->capCos = minCos;
  q->east = geoCross(geoVec(0, 0, 1), c);
  if( geoNorm(q->east)<1e-9 ) q->east = geoCross(geoVec(0, 1, 0), c);
  q->east = kqlGeoNormalize(q->east);
  q->north = geoCross(c, q->east);
  q->nBucket = nE/2<16 ? 16 : nE/2>65536 ? 65536 : nE/2;
  q->aStart = sqlite3_malloc64((sqlite3_uint64)(q->nBucket+2)*sizeof(int));
  q->aWide = sqlite3_malloc64((sqlite3_uint64)(nE+1)*sizeof(int));
  aCount = sqlite3_malloc64((sqlite3_uint64)(q->nBucket+2)*sizeof(int));
  if( !q->aStart || !q->aWide || !aCount ){
    sqlite3_free(aCount);
    polyIndexFree(q);
    return SQLITE_NOMEM;
  }
  memset(aCount, 0, (size_t)(q->nBucket+2)*sizeof(int));
  /* Two passes: count, then fill. */
  for(int pass=0; pass<2; pass++){
    if( pass==1 ){
      q->aStart[0] = 0;
      for(int b=0; b<q->nBucket; b++) q->aStart[b+1] = q->aStart[b] + aCount[b];
      q->aEdge = sqlite3_malloc64((sqlite3_uint64)(q->aStart[q->nBucket]+1)*sizeof(int));
      if( q->aEdge==0 ){ sqlite3_free(aCount); polyIndexFree(q); return SQLITE_NOMEM; }
      memset(aCount, 0, (size_t)(q->nBucket+2)*sizeof(int));
      q->nWide = 0;
    }
    for(int r=r0; r<r1; r++){
      for(int i=pR->aRing[r]; i<pR->aRing[r+1]; i++){
        double a0, a1;
        int b0, b1;
        if( !edgeRange(q, pR->aV[i], pR->aV[edgeEnd(pR, r, i)], &a0, &a1) ){
          sqlite3_free(aCount);
          polyIndexFree(q);       /* c lies on the boundary: no index */
          return 0;
        }
        b0 = bucketOf(q, a0);
        b1 = (int)(a1/(2.0*M_PI)*q->nBucket);
        if( b1-b0+1>q->nBucket/4 ){
          if( pass==1 ) q->aWide[q->nWide++] = i;
          continue;
        }
        for(int b=b0; b<=b1; b++){
          int bb = b % q->nBucket;
          if( pass==0 ){
            aCount[bb]++;
            nSlot++;
          }else{
            q->aEdge[q->aStart[bb] + aCount[bb]++] = i;
          }
        }
      }
    }
  }
  sqlite3_free(aCount);
  (void)nSlot;
  q->bValid = 1;
  /* The reference point's containment, by the winding number. */
  {
    void *pSave = pR->pIndex;
    ((KqlGeoRegion*)pR)->pIndex = 0;
    q->bCIn = kqlGeoRegionPolyContains(pR, k, c);
    ((KqlGeoRegion*)pR)->pIndex = pSave;
  }
  return 0;
}

/* kqlGeoRegionIndex(): contract in fn_geo.h. */
int kqlGeoRegionIndex(KqlGeoRegion *pR){
  RegionIndex *p;
  if( pR->pIndex ) return 0;
  p = sqlite3_malloc64(sizeof(RegionIndex));
  if( p==0 ) return SQLITE_NOMEM;
  p->nPoly = pR->nPoly;
  p->aPoly = sqlite3_malloc64((sqlite3_uint64)(pR->nPoly+1)*sizeof(PolyIndex));
  if( p->aPoly==0 ){ sqlite3_free(p); return SQLITE_NOMEM; }
  memset(p->aPoly, 0, (size_t)(pR->nPoly+1)*sizeof(PolyIndex));
  for(int k=0; k<pR->nPoly; k++){
    if( buildPoly(pR, k, &p->aPoly[k]) ){
      kqlGeoIndexFree(p);
      return SQLITE_NOMEM;
    }
  }
  pR->pIndex = p;
  return 0;
}

/* Ring of vertex i (binary search). */
static int ringOf(const KqlGeoRegion *pR, int i){
  int lo = 0, hi = pR->nRing-1, r = 0;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( pR->aRing[mid]<=i ){ r = mid; lo = mid+1; }else{ hi = mid-1; }
  }
  return r;
}

/* Count crossings of arc c->p with edge i; -1 when degenerate. */
static int crossEdge(const KqlGeoRegion *pR, const PolyIndex *q, int i, KqlGeoVec p){
  int r = ringOf(pR, i);
  /* Ends within 1e-12 of the other circle: leave it to the winding test. */
  int x = kqlGeoEdgeCrossingEps(q->c, p, pR->aV[i], pR->aV[edgeEnd(pR, r, i)], 1e-12);
  if( x==0 ) return -1;
  return x>0;
}

/* kqlGeoIndexContains(): contract in fn_geo.h. */
int kqlGeoIndexContains(const KqlGeoRegion *pR, int iPoly, KqlGeoVec p, int *pbIn){
  const RegionIndex *pIdx = pR->pIndex;
  const PolyIndex *q;
  int n = 0, b;
  if( pIdx==0 || iPoly<0 || iPoly>=pIdx->nPoly ) return 0;
  q = &pIdx->aPoly[iPoly];
  if( !q->bValid ) return 0;
  if( geoDot(q->c, p)<q->capCos - 1e-12 ){ *pbIn = 0; return 1; }
  if( kqlGeoAngle(q->c, p)<1e-12 ){ *pbIn = q->bCIn; return 1; }
  b = bucketOf(q, azimuth(q, p));
  for(int k=q->aStart[b]; k<q->aStart[b+1]; k++){
    int x = crossEdge(pR, q, q->aEdge[k], p);
    if( x<0 ) return 0;
    n += x;
  }
  for(int k=0; k<q->nWide; k++){
    int x = crossEdge(pR, q, q->aWide[k], p);
    if( x<0 ) return 0;
    n += x;
  }
  *pbIn = q->bCIn ^ (n & 1);
  return 1;
}

/* kqlGeoIndexFree(): contract in fn_geo.h. */
void kqlGeoIndexFree(void *pIndex){
  RegionIndex *p = pIndex;
  if( p==0 ) return;
  for(int k=0; k<p->nPoly; k++) polyIndexFree(&p->aPoly[k]);
  sqlite3_free(p->aPoly);
  sqlite3_free(p);
}
