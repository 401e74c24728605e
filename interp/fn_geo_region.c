/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Regions: Polygons and MultiPolygons checked and normalized the way Kusto
** defines them (rings of at least three distinct vertices, edges shorter than
** half a great circle, no crossing edges, each ring bounding the smaller of
** the two parts of the sphere it separates). Shells end up counterclockwise
** and holes clockwise, so the interior is always on the left of an edge.
** Also here: point containment (the winding of a ring around the point),
** distance to the boundary, area, perimeter, centroid and GeoJSON output of
** a region.
*/
#include "fn_geo.h"
#include <stdlib.h>
#include <string.h>

/****************************************************************************
** Building regions.
*/

/* kqlGeoRegionFree(): contract in fn_geo.h. */
void kqlGeoRegionFree(KqlGeoRegion *pR){
  kqlGeoIndexFree(pR->pIndex);
  sqlite3_free(pR->aRing);
  sqlite3_free(pR->aOwner);
  sqlite3_free(pR->aHole);
  sqlite3_free(pR->aPoly);
  sqlite3_free(pR->aV);
  sqlite3_free(pR->aLng);
  sqlite3_free(pR->aLat);
  memset(pR, 0, sizeof(*pR));
}

/* Signed area (fan from the first vertex) of ring r. */
static double ringSignedArea(const KqlGeoRegion *pR, int r){
  int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
  double s = 0.0;
  for(int i=i0+1; i+1<i1; i++) s += kqlGeoTriArea(pR->aV[i0], pR->aV[i], pR->aV[i+1]);
  return s;
}

/* Reverse ring r in place. */
static void ringReverse(KqlGeoRegion *pR, int r){
  int i = pR->aRing[r], j = pR->aRing[r+1]-1;
  while( i<j ){
    KqlGeoVec v = pR->aV[i]; pR->aV[i] = pR->aV[j]; pR->aV[j] = v;
    double t = pR->aLng[i]; pR->aLng[i] = pR->aLng[j]; pR->aLng[j] = t;
    t = pR->aLat[i]; pR->aLat[i] = pR->aLat[j]; pR->aLat[j] = t;
    i++; j--;
  }
}

/* State of the crossing check of one polygon's edges. */
typedef struct CrossCheck CrossCheck;
struct CrossCheck {
  const KqlGeoVec *aA, *aB;   /* edges */
  const int *aRingOf;         /* ring of each edge */
  const int *aFirst, *aLast;  /* first and last edge of each edge's ring */
  int bBad;                   /* set when two edges cross */
};

static int crossPair(void *pArg, int i, int j){
  CrossCheck *p = pArg;
  if( p->aRingOf[i]==p->aRingOf[j] ){
    if( j==i+1 ) return 0;
    if( i==p->aFirst[i] && j==p->aLast[i] ) return 0;
  }
  if( kqlGeoEdgeCrossing(p->aA[i], p->aB[i], p->aA[j], p->aB[j])>0 ){
    p->bBad = 1;
    return 1;
  }
  return 0;
}

/* Check that no two edges of polygon k cross. 0 ok, 1 invalid, 2 no memory. */
static int checkCrossings(const KqlGeoRegion *pR, int k){
  int r0 = pR->aPoly[k], r1 = pR->aPoly[k+1];
  int v0 = pR->aRing[r0], nE = pR->aRing[r1] - v0;
  KqlGeoVec *aA, *aB;
  int *aI, rc;
  CrossCheck cc;
  if( nE<4 ) return 0;
  aA = sqlite3_malloc64((sqlite3_uint64)nE*2*sizeof(KqlGeoVec));
  aI = sqlite3_malloc64((sqlite3_uint64)nE*3*sizeof(int));
  if( aA==0 || aI==0 ){ sqlite3_free(aA); sqlite3_free(aI); return 2; }
  aB = aA + nE;
  for(int r=r0; r<r1; r++){
    int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
    for(int i=i0; i<i1; i++){
      int e = i - v0;
      aA[e] = pR->aV[i];
      aB[e] = pR->aV[i+1<i1 ? i+1 : i0];
      aI[e] = r;
      aI[nE+e] = i0 - v0;
      aI[2*nE+e] = i1 - 1 - v0;
    }
  }
  memset(&cc, 0, sizeof(cc));
  cc.aA = aA; cc.aB = aB;
  cc.aRingOf = aI; cc.aFirst = aI + nE; cc.aLast = aI + 2*nE;
  rc = kqlGeoEdgePairs(aA, aB, nE, crossPair, &cc);
  sqlite3_free(aA);
  sqlite3_free(aI);
  if( rc ) return 2;
  return cc.bBad;
}

/* kqlGeoRegionFromShape(): contract in fn_geo.h. */
int kqlGeoRegionFromShape(const KqlGeoShape *pS, KqlGeoRegion *pR){
  int nPt = pS->nPt, nRing = pS->nRing, nPoly = pS->nPart;
  memset(pR, 0, sizeof(*pR));
  if( pS->eType!=KQL_GEO_POLYGON && pS->eType!=KQL_GEO_MULTIPOLY ) return 1;
  if( nPoly<1 || nRing<1 ) return 1;
  pR->aV = sqlite3_malloc64((sqlite3_uint64)(nPt+1)*sizeof(KqlGeoVec));
  pR->aLng = sqlite3_malloc64((sqlite3_uint64)(nPt+1)*sizeof(double));
  pR->aLat = sqlite3_malloc64((sqlite3_uint64)(nPt+1)*sizeof(double));
  pR->aRing = sqlite3_malloc64((sqlite3_uint64)(nRing+1)*sizeof(int));
  pR->aOwner = sqlite3_malloc64((sqlite3_uint64)(nRing+1)*sizeof(int));
  pR->aHole = sqlite3_malloc64((sqlite3_uint64)(nRing+1));
  pR->aPoly = sqlite3_malloc64((sqlite3_uint64)(nPoly+1)*sizeof(int));
  if( !pR->aV || !pR->aLng || !pR->aLat || !pR->aRing || !pR->aOwner || !pR->aHole || !pR->aPoly ){
    kqlGeoRegionFree(pR);
    return 2;
  }
  for(int k=0; k<nPoly; k++){
    pR->aPoly[pR->nPoly] = pR->nRing;
    for(int r=pS->aPart[k]; r<pS->aPart[k+1]; r++){
      int i0 = pS->aRing[r], i1 = pS->aRing[r+1];
      int iStart = pR->nV, n;
      double s;
      for(int i=i0; i<i1; i++){
        KqlGeoVec v = pS->aV[i];
        if( pR->nV>iStart && kqlGeoAngle(pR->aV[pR->nV-1], v)<1e-15 ) continue;
        pR->aV[pR->nV] = v;
        pR->aLng[pR->nV] = pS->aLng[i];
        pR->aLat[pR->nV] = pS->aLat[i];
        pR->nV++;
      }
      while( pR->nV-iStart>1 && kqlGeoAngle(pR->aV[pR->nV-1], pR->aV[iStart])<1e-15 ) pR->nV--;
      n = pR->nV - iStart;
      if( n<3 ) goto invalid;
      for(int i=0; i<n; i++){
        KqlGeoVec a = pR->aV[iStart+i], b = pR->aV[iStart+(i+1)%n];
        if( kqlGeoAngle(a, b)>M_PI - 1e-12 ) goto invalid;
      }
      pR->aRing[pR->nRing] = iStart;
      pR->aRing[pR->nRing+1] = pR->nV;
      pR->aOwner[pR->nRing] = pR->nPoly;
      pR->aHole[pR->nRing] = r>pS->aPart[k];
      s = ringSignedArea(pR, pR->nRing);
      if( s==0.0 ) goto invalid;
      /* The ring bounds the smaller region; orient it counterclockwise
      ** around that region, then clockwise when it is a hole. The fan sum
      ** is the area on the left of the ring, modulo 4pi. */
      s = fmod(s, 4.0*M_PI);
      if( s<0.0 ) s += 4.0*M_PI;
      if( s>2.0*M_PI ) ringReverse(pR, pR->nRing);
      if( pR->aHole[pR->nRing] ) ringReverse(pR, pR->nRing);
      pR->nRing++;
    }
    pR->nPoly++;
    pR->aPoly[pR->nPoly] = pR->nRing;
    {
      int rc = checkCrossings(pR, pR->nPoly-1);
      if( rc==2 ){ kqlGeoRegionFree(pR); return 2; }
      if( rc ) goto invalid;
    }
  }
  pR->aRing[pR->nRing] = pR->nV;
  pR->aPoly[pR->nPoly] = pR->nRing;
  return 0;

invalid:
  kqlGeoRegionFree(pR);
  return 1;
}

/****************************************************************************
** Containment and measures.
*/

/* kqlGeoRingContains(): contract in fn_geo.h. */
int kqlGeoRingContains(const KqlGeoRegion *pR, int iRing, KqlGeoVec p){
  int i0 = pR->aRing[iRing], i1 = pR->aRing[iRing+1];
  double sum = 0.0;
  int bIn;
  /* Total turn of the ring as seen from p: +2pi when the ring winds
  ** counterclockwise around p, -2pi clockwise, 0 when it does not. */
  for(int i=i0; i<i1; i++){
    KqlGeoVec a = pR->aV[i], b = pR->aV[i+1<i1 ? i+1 : i0];
    double ap = geoDot(a, p), bp = geoDot(b, p);
    sum += atan2(geoDot(p, geoCross(a, b)), geoDot(a, b) - ap*bp);
  }
  bIn = sum>M_PI;
  /* A hole is stored clockwise: p is in the hole when the ring winds
  ** clockwise around it. */
  if( pR->aHole[iRing] ) bIn = sum<-M_PI;
  return bIn;
}

/* kqlGeoRegionPolyContains(): contract in fn_geo.h. */
int kqlGeoRegionPolyContains(const KqlGeoRegion *pR, int iPoly, KqlGeoVec p){
  int r0 = pR->aPoly[iPoly], r1 = pR->aPoly[iPoly+1], bIn;
  if( pR->pIndex && kqlGeoIndexContains(pR, iPoly, p, &bIn) ) return bIn;
  if( r0>=r1 || !kqlGeoRingContains(pR, r0, p) ) return 0;
  for(int r=r0+1; r<r1; r++){
    if( kqlGeoRingContains(pR, r, p) ) return 0;
  }
  return 1;
}

/* kqlGeoRegionContains(): contract in fn_geo.h. */
int kqlGeoRegionContains(const KqlGeoRegion *pR, KqlGeoVec p){
  for(int k=0; k<pR->nPoly; k++){
    if( kqlGeoRegionPolyContains(pR, k, p) ) return 1;
  }
  return 0;
}

/* kqlGeoRegionBoundaryDist(): contract in fn_geo.h. */
double kqlGeoRegionBoundaryDist(const KqlGeoRegion *pR, KqlGeoVec p, KqlGeoVec *pClosest){
  double best = 1e300;
  for(int r=0; r<pR->nRing; r++){
    int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
    for(int i=i0; i<i1; i++){
      KqlGeoVec c;
      double d = kqlGeoDistToEdge(p, pR->aV[i], pR->aV[i+1<i1 ? i+1 : i0], &c);
      if( d<best ){
        best = d;
        if( pClosest ) *pClosest = c;
      }
    }
  }
  return best;
}

/* kqlGeoRegionArea(): contract in fn_geo.h. */
double kqlGeoRegionArea(const KqlGeoRegion *pR){
  double s = 0.0;
  for(int r=0; r<pR->nRing; r++){
    double a = ringSignedArea(pR, r);
    /* Shells are counterclockwise (a>0) and holes clockwise (a<0). */
    s += a;
  }
  return s;
}

/* kqlGeoRegionPerimeter(): contract in fn_geo.h. */
double kqlGeoRegionPerimeter(const KqlGeoRegion *pR){
  double s = 0.0;
  for(int r=0; r<pR->nRing; r++){
    int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
    for(int i=i0; i<i1; i++) s += kqlGeoAngle(pR->aV[i], pR->aV[i+1<i1 ? i+1 : i0]);
  }
  return s;
}

/* kqlGeoRegionCentroid(): contract in fn_geo.h. */
KqlGeoVec kqlGeoRegionCentroid(const KqlGeoRegion *pR){
  /* The integral of the position over a region is half the sum, over its
  ** boundary arcs, of arc length times the arc's unit normal. */
  KqlGeoVec c = geoVec(0, 0, 0);
  for(int r=0; r<pR->nRing; r++){
    int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
    for(int i=i0; i<i1; i++){
      KqlGeoVec a = pR->aV[i], b = pR->aV[i+1<i1 ? i+1 : i0];
      KqlGeoVec n = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
      c = geoAdd(c, geoScale(n, 0.5*kqlGeoAngle(a, b)));
    }
  }
  return c;
}

/* Append vertex i of pR as a position. */
static void appendVertex(sqlite3_str *p, const KqlGeoRegion *pR, int i){
  if( pR->aLng && !isnan(pR->aLng[i]) ){
    kqlGeoAppendPos(p, pR->aLng[i], pR->aLat[i]);
  }else{
    double lng, lat;
    kqlGeoToDeg(pR->aV[i], &lng, &lat);
    kqlGeoAppendPos(p, lng, lat);
  }
}

/* kqlGeoAppendRegion(): contract in fn_geo.h. */
void kqlGeoAppendRegion(sqlite3_str *p, const KqlGeoRegion *pR){
  if( pR->nPoly==0 ){
    sqlite3_str_appendall(p, "{\"type\":\"GeometryCollection\",\"geometries\":[]}");
    return;
  }
  sqlite3_str_appendall(p, pR->nPoly==1 ? "{\"type\":\"Polygon\",\"coordinates\":"
                                        : "{\"type\":\"MultiPolygon\",\"coordinates\":[");
  for(int k=0; k<pR->nPoly; k++){
    if( k ) sqlite3_str_appendchar(p, 1, ',');
    sqlite3_str_appendchar(p, 1, '[');
    for(int r=pR->aPoly[k]; r<pR->aPoly[k+1]; r++){
      int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
      if( r>pR->aPoly[k] ) sqlite3_str_appendchar(p, 1, ',');
      sqlite3_str_appendchar(p, 1, '[');
      for(int i=i0; i<i1; i++){
        appendVertex(p, pR, i);
        sqlite3_str_appendchar(p, 1, ',');
      }
      appendVertex(p, pR, i0);
      sqlite3_str_appendchar(p, 1, ']');
    }
    sqlite3_str_appendchar(p, 1, ']');
  }
  if( pR->nPoly>1 ) sqlite3_str_appendchar(p, 1, ']');
  sqlite3_str_appendchar(p, 1, '}');
}
