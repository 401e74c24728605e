/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL functions that combine geometries: geo_union_polygons_array,
** geo_union_lines_array, geo_intersection_2polygons,
** geo_intersection_2lines, geo_intersection_line_with_polygon,
** geo_intersects_2polygons, geo_intersects_2lines,
** geo_intersects_line_with_polygon, geo_point_buffer, geo_line_buffer,
** geo_polygon_buffer and geo_simplify_polygons_array. Results of a lower
** dimension than the inputs (polygons touching at a point, lines crossing)
** come back as Point, MultiPoint, LineString, MultiLineString or a
** GeometryCollection, and an empty GeometryCollection when nothing is
** shared, as Kusto returns them.
*/
#include "fn.h"
#include "fn_geo.h"
#include "fn_json.h"
#include "fnutil.h"
#include <stdlib.h>
#include <string.h>

#define TOUCH_EPS 1e-13     /* radians: points this close are the same */

/****************************************************************************
** Edge lists.
*/

/* Edges of one or two geometries; set 0 and set 1. */
typedef struct EdgeList EdgeList;
struct EdgeList {
  int n, nAlloc;
  KqlGeoVec *aA, *aB;   /* endpoints */
  int *aSet;            /* 0 or 1 */
  int rc;               /* sticky SQLITE_NOMEM */
};

static void edgeAdd(EdgeList *p, KqlGeoVec a, KqlGeoVec b, int iSet){
  if( p->rc ) return;
  if( p->n>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 32;
    KqlGeoVec *aA = sqlite3_realloc64(p->aA, (sqlite3_uint64)nNew*sizeof(KqlGeoVec));
    KqlGeoVec *aB;
    int *aSet;
    if( aA==0 ){ p->rc = SQLITE_NOMEM; return; }
    p->aA = aA;
    aB = sqlite3_realloc64(p->aB, (sqlite3_uint64)nNew*sizeof(KqlGeoVec));
    if( aB==0 ){ p->rc = SQLITE_NOMEM; return; }
    p->aB = aB;
    aSet = sqlite3_realloc64(p->aSet, (sqlite3_uint64)nNew*sizeof(int));
    if( aSet==0 ){ p->rc = SQLITE_NOMEM; return; }
    p->aSet = aSet;
    p->nAlloc = nNew;
  }
  p->aA[p->n] = a;
  p->aB[p->n] = b;
  p->aSet[p->n] = iSet;
  p->n++;
}

static void edgeFree(EdgeList *p){
  sqlite3_free(p->aA);
  sqlite3_free(p->aB);
  sqlite3_free(p->aSet);
  memset(p, 0, sizeof(*p));
}

static void edgesOfRegion(EdgeList *p, const KqlGeoRegion *pR, int iSet){
  for(int r=0; r<pR->nRing; r++){
    int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
    for(int i=i0; i<i1; i++) edgeAdd(p, pR->aV[i], pR->aV[i+1<i1 ? i+1 : i0], iSet);
  }
}

static void edgesOfLines(EdgeList *p, const KqlGeoShape *pS, int iSet){
  for(int r=0; r<pS->nRing; r++){
    for(int i=pS->aRing[r]; i+1<pS->aRing[r+1]; i++){
      if( !geoVecEq(pS->aV[i], pS->aV[i+1]) ) edgeAdd(p, pS->aV[i], pS->aV[i+1], iSet);
    }
  }
}

/****************************************************************************
** Where two sets of edges meet: points and shared segments.
*/

typedef struct Meet Meet;
struct Meet {
  const EdgeList *pE;
  KqlGeoShape pts;      /* meeting points (MultiPoint) */
  KqlGeoShape segs;     /* shared segments (each a 2-position line) */
  int bAny;             /* stop at the first meeting (intersects tests) */
  int bFound;
  int rc;
};

static void meetPoint(Meet *m, KqlGeoVec v){
  if( m->rc ) return;
  for(int i=0; i<m->pts.nPt; i++){
    if( kqlGeoAngle(m->pts.aV[i], v)<=TOUCH_EPS ) return;
  }
  m->rc = kqlGeoShapeNewPart(&m->pts);
  if( m->rc==0 ) m->rc = kqlGeoShapeNewRing(&m->pts);
  if( m->rc==0 ) m->rc = kqlGeoShapeAddVec(&m->pts, v);
}

static void meetSegment(Meet *m, KqlGeoVec a, KqlGeoVec b){
  if( m->rc ) return;
  m->rc = kqlGeoShapeNewPart(&m->segs);
  if( m->rc==0 ) m->rc = kqlGeoShapeNewRing(&m->segs);
  if( m->rc==0 ) m->rc = kqlGeoShapeAddVec(&m->segs, a);
  if( m->rc==0 ) m->rc = kqlGeoShapeAddVec(&m->segs, b);
}

/* Position of p along arc ab, as the angle from a (signed). */
static double alongArc(KqlGeoVec p, KqlGeoVec a, KqlGeoVec b){
  KqlGeoVec n = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  KqlGeoVec t = geoCross(n, a);                 /* tangent at a toward b */
  return atan2(geoDot(p, t), geoDot(p, a));
}

static int meetPair(void *pArg, int i, int j){
  Meet *m = pArg;
  const EdgeList *e = m->pE;
  KqlGeoVec a = e->aA[i], b = e->aB[i], c = e->aA[j], d = e->aB[j];
  KqlGeoVec n;
  int x;
  if( e->aSet[i]==e->aSet[j] ) return 0;
  n = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  if( fabs(geoDot(n, c))<=TOUCH_EPS && fabs(geoDot(n, d))<=TOUCH_EPS ){
    /* On one great circle: the overlap of the two arcs, if any. */
    double lenAB = kqlGeoAngle(a, b);
    double tc = alongArc(c, a, b), td = alongArc(d, a, b);
    double lo = tc<td ? tc : td, hi = tc<td ? td : tc;
    if( lo<0.0 ) lo = 0.0;
    if( hi>lenAB ) hi = lenAB;
    if( hi - lo>TOUCH_EPS ){
      m->bFound = 1;
      if( !m->bAny ) meetSegment(m, kqlGeoInterpolate(a, b, lo/lenAB), kqlGeoInterpolate(a, b, hi/lenAB));
    }else if( hi - lo>=-TOUCH_EPS ){
      m->bFound = 1;
      if( !m->bAny ) meetPoint(m, kqlGeoInterpolate(a, b, (lo>0.0 ? lo : 0.0)/lenAB));
    }
    return m->bAny && m->bFound;
  }
  x = kqlGeoEdgeCrossing(a, b, c, d);
  if( x>0 ){
    m->bFound = 1;
    if( !m->bAny ) meetPoint(m, kqlGeoEdgeIntersection(a, b, c, d));
  }else if( x==0 ){
    m->bFound = 1;
    if( !m->bAny ){
      KqlGeoVec aP[4];
      aP[0] = a; aP[1] = b; aP[2] = c; aP[3] = d;
      for(int k=0; k<4; k++){
        KqlGeoVec p = aP[k];
        double dd = k<2 ? kqlGeoDistToEdge(p, c, d, 0) : kqlGeoDistToEdge(p, a, b, 0);
        if( dd<=1e-14 ) meetPoint(m, p);
      }
    }
  }
  return m->bAny && m->bFound;
}

/* Find where the set-0 and set-1 edges of pE meet. */
static int meetRun(Meet *m, const EdgeList *pE, int bAny){
  int rc;
  memset(m, 0, sizeof(*m));
  m->pE = pE;
  m->bAny = bAny;
  m->pts.eType = KQL_GEO_MULTIPOINT;
  m->segs.eType = KQL_GEO_MULTILINE;
  rc = kqlGeoEdgePairs(pE->aA, pE->aB, pE->n, meetPair, m);
  if( rc==0 ) rc = m->rc;
  if( rc==0 ) rc = kqlGeoShapeFinish(&m->pts);
  if( rc==0 ) rc = kqlGeoShapeFinish(&m->segs);
  return rc;
}

static void meetFree(Meet *m){
  kqlGeoShapeFree(&m->pts);
  kqlGeoShapeFree(&m->segs);
}

/* Append the points (those not on a line) and lines as GeoJSON: a single
** kind gives Point/MultiPoint/LineString/MultiLineString, a mix gives a
** GeometryCollection, nothing gives an empty GeometryCollection. With
** bInner a mix is written as bare comma-separated members (the caller
** writes the enclosing GeometryCollection). */
static void appendLowDim(sqlite3_str *p, const KqlGeoShape *pPts, const KqlGeoShape *pLines, int bInner){
  int nP = 0, nL = pLines ? pLines->nRing : 0;
  unsigned char *aOn = sqlite3_malloc64((sqlite3_uint64)pPts->nPt + 1);
  if( aOn==0 ) return;
  for(int i=0; i<pPts->nPt; i++){
    aOn[i] = 0;
    for(int r=0; r<nL && !aOn[i]; r++){
      for(int k=pLines->aRing[r]; k+1<pLines->aRing[r+1]; k++){
        if( kqlGeoDistToEdge(pPts->aV[i], pLines->aV[k], pLines->aV[k+1], 0)<=TOUCH_EPS*10 ){
          aOn[i] = 1;
          break;
        }
      }
    }
    if( !aOn[i] ) nP++;
  }
  if( nP==0 && nL==0 ){
    sqlite3_str_appendall(p, "{\"type\":\"GeometryCollection\",\"geometries\":[]}");
  }else{
    if( nP>0 && nL>0 && !bInner ) sqlite3_str_appendall(p, "{\"type\":\"GeometryCollection\",\"geometries\":[");
    if( nP==1 ){
      for(int i=0; i<pPts->nPt; i++){
        if( !aOn[i] ) kqlGeoAppendPoint(p, pPts->aLng[i], pPts->aLat[i]);
      }
    }else if( nP>1 ){
      int k = 0;
      sqlite3_str_appendall(p, "{\"type\":\"MultiPoint\",\"coordinates\":[");
      for(int i=0; i<pPts->nPt; i++){
        if( aOn[i] ) continue;
        if( k++ ) sqlite3_str_appendchar(p, 1, ',');
        kqlGeoAppendPos(p, pPts->aLng[i], pPts->aLat[i]);
      }
      sqlite3_str_appendall(p, "]}");
    }
    if( nP>0 && nL>0 ) sqlite3_str_appendchar(p, 1, ',');
    if( nL>0 ){
      KqlGeoShape v = *pLines;
      v.eType = nL==1 ? KQL_GEO_LINE : KQL_GEO_MULTILINE;
      kqlGeoAppendShape(p, &v);
    }
    if( nP>0 && nL>0 && !bInner ) sqlite3_str_appendall(p, "]}");
  }
  sqlite3_free(aOn);
}

/* Chain the 2-position segments of pSegs into lines (pOut, MULTILINE). */
static int chainSegments(const KqlGeoShape *pSegs, KqlGeoShape *pOut){
  int n = pSegs->nRing, rc = 0;
  unsigned char *aUsed = sqlite3_malloc64((sqlite3_uint64)n + 1);
  memset(pOut, 0, sizeof(*pOut));
  pOut->eType = KQL_GEO_MULTILINE;
  if( aUsed==0 ) return SQLITE_NOMEM;
  memset(aUsed, 0, (size_t)n + 1);
  for(int s=0; s<n && rc==0; s++){
    int cur = s;
    if( aUsed[s] ) continue;
    /* Walk back to the start of the chain. */
    for(int guard=0; guard<n; guard++){
      int prev = -1;
      KqlGeoVec a = pSegs->aV[pSegs->aRing[cur]];
      for(int t=0; t<n; t++){
        if( !aUsed[t] && t!=cur && kqlGeoAngle(pSegs->aV[pSegs->aRing[t]+1], a)<=TOUCH_EPS ){ prev = t; break; }
      }
      if( prev<0 || prev==s ) break;
      cur = prev;
    }
    if( (rc = kqlGeoShapeNewPart(pOut))!=0 || (rc = kqlGeoShapeNewRing(pOut))!=0 ) break;
    rc = kqlGeoShapeAddVec(pOut, pSegs->aV[pSegs->aRing[cur]]);
    while( cur>=0 && rc==0 ){
      KqlGeoVec b = pSegs->aV[pSegs->aRing[cur]+1];
      int next = -1;
      aUsed[cur] = 1;
      rc = kqlGeoShapeAddVec(pOut, b);
      for(int t=0; t<n; t++){
        if( !aUsed[t] && kqlGeoAngle(pSegs->aV[pSegs->aRing[t]], b)<=TOUCH_EPS ){ next = t; break; }
      }
      cur = next;
    }
  }
  if( rc==0 ) rc = kqlGeoShapeFinish(pOut);
  sqlite3_free(aUsed);
  return rc;
}

/****************************************************************************
** Argument parsing.
*/

/* A Polygon/MultiPolygon argument as a region; bUnion merges overlapping
** parts. 0 ok, 1 invalid, 2 no memory. */
static int argRegion(sqlite3_value *pVal, KqlGeoRegion *pR, int bUnion){
  KqlGeoShape s;
  int rc = kqlGeoParseValue(pVal, &s);
  if( rc==0 ) rc = kqlGeoRegionFromShape(&s, pR);
  kqlGeoShapeFree(&s);
  if( rc ) return rc;
  if( bUnion && pR->nPoly>1 ){
    KqlGeoRegion u;
    rc = kqlGeoUnion(pR, 1, &u);
    kqlGeoRegionFree(pR);
    if( rc ) return 2;
    *pR = u;
  }
  return 0;
}

/* A LineString (bMulti: or MultiLineString) argument. */
static int argLines(sqlite3_value *pVal, int bMulti, KqlGeoShape *pS){
  int rc = kqlGeoParseValue(pVal, pS);
  if( rc ) return rc;
  if( pS->eType!=KQL_GEO_LINE && !(bMulti && pS->eType==KQL_GEO_MULTILINE) ) return 1;
  for(int r=0; r<pS->nRing; r++){
    int i0 = pS->aRing[r], i1 = pS->aRing[r+1];
    if( i1-i0<2 ) return 1;
    for(int i=i0; i+1<i1; i++){
      if( kqlGeoAngle(pS->aV[i], pS->aV[i+1])>M_PI - 1e-12 ) return 1;
    }
  }
  return 0;
}

static void argFail(sqlite3_context *ctx, int rc){
  if( rc==2 || rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
}

/****************************************************************************
** Polygons.
*/

/* Regions of every element of a JSON array of polygons. */
static int argRegionArray(sqlite3_value *pVal, KqlGeoRegion **paR, int *pn){
  KqlJsonIter it;
  const char *z, *zV;
  int n, nV, rc = 0, nR = 0, nAlloc = 0, r;
  KqlGeoRegion *aR = 0;
  *paR = 0;
  *pn = 0;
  if( sqlite3_value_type(pVal)!=SQLITE_TEXT ) return 1;
  z = (const char*)sqlite3_value_text(pVal);
  n = sqlite3_value_bytes(pVal);
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return 1;
  while( (r = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    KqlGeoShape s;
    if( nR>=nAlloc ){
      int nNew = nAlloc ? nAlloc*2 : 8;
      KqlGeoRegion *aNew = sqlite3_realloc64(aR, (sqlite3_uint64)nNew*sizeof(KqlGeoRegion));
      if( aNew==0 ){ rc = 2; break; }
      aR = aNew;
      nAlloc = nNew;
    }
    rc = kqlGeoParse(zV, nV, &s);
    if( rc==0 ) rc = kqlGeoRegionFromShape(&s, &aR[nR]);
    kqlGeoShapeFree(&s);
    if( rc ) break;
    nR++;
  }
  if( rc==0 && (r<0 || nR==0) ) rc = 1;
  if( rc ){
    for(int k=0; k<nR; k++) kqlGeoRegionFree(&aR[k]);
    sqlite3_free(aR);
    return rc;
  }
  *paR = aR;
  *pn = nR;
  return 0;
}

/* geo_union_polygons_array(polygons) -> Polygon or MultiPolygon. */
static void fnUnionPolygons(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoRegion *aR, u;
  int n, rc;
  (void)argc;
  rc = argRegionArray(argv[0], &aR, &n);
  if( rc ){ argFail(ctx, rc); return; }
  rc = kqlGeoUnionArray(aR, n, &u);
  for(int k=0; k<n; k++) kqlGeoRegionFree(&aR[k]);
  sqlite3_free(aR);
  if( rc ){ sqlite3_result_error_nomem(ctx); return; }
  {
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendRegion(p, &u);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoRegionFree(&u);
}

/* Write the shared area x of a and b, preceded (in a GeometryCollection)
** by the points and lines where a and b only touch, away from x. */
static int appendTouchAndArea(sqlite3_str *p, const KqlGeoRegion *pA, const KqlGeoRegion *pB, const KqlGeoRegion *pX){
  EdgeList e;
  Meet m;
  KqlGeoShape pts, segs, lines;
  int rc;
  memset(&e, 0, sizeof(e));
  memset(&m, 0, sizeof(m));
  memset(&pts, 0, sizeof(pts));
  memset(&segs, 0, sizeof(segs));
  memset(&lines, 0, sizeof(lines));
  pts.eType = KQL_GEO_MULTIPOINT;
  segs.eType = KQL_GEO_MULTILINE;
  edgesOfRegion(&e, pA, 0);
  edgesOfRegion(&e, pB, 1);
  rc = e.rc ? e.rc : meetRun(&m, &e, 0);
  for(int i=0; rc==0 && i<m.pts.nPt; i++){
    if( kqlGeoRegionBoundaryDist(pX, m.pts.aV[i], 0)<=TOUCH_EPS*10 ) continue;
    rc = kqlGeoShapeNewPart(&pts);
    if( rc==0 ) rc = kqlGeoShapeNewRing(&pts);
    if( rc==0 ) rc = kqlGeoShapeAddVec(&pts, m.pts.aV[i]);
  }
  for(int r=0; rc==0 && r<m.segs.nRing; r++){
    KqlGeoVec a = m.segs.aV[m.segs.aRing[r]], b = m.segs.aV[m.segs.aRing[r]+1];
    if( kqlGeoRegionBoundaryDist(pX, kqlGeoInterpolate(a, b, 0.5), 0)<=TOUCH_EPS*10 ) continue;
    rc = kqlGeoShapeNewPart(&segs);
    if( rc==0 ) rc = kqlGeoShapeNewRing(&segs);
    if( rc==0 ) rc = kqlGeoShapeAddVec(&segs, a);
    if( rc==0 ) rc = kqlGeoShapeAddVec(&segs, b);
  }
  if( rc==0 ) rc = kqlGeoShapeFinish(&pts);
  if( rc==0 ) rc = kqlGeoShapeFinish(&segs);
  if( rc==0 ) rc = chainSegments(&segs, &lines);
  if( rc==0 ){
    if( pts.nPt==0 && lines.nRing==0 ){
      kqlGeoAppendRegion(p, pX);
    }else{
      sqlite3_str_appendall(p, "{\"type\":\"GeometryCollection\",\"geometries\":[");
      appendLowDim(p, &pts, &lines, 1);
      sqlite3_str_appendchar(p, 1, ',');
      kqlGeoAppendRegion(p, pX);
      sqlite3_str_appendall(p, "]}");
    }
  }
  meetFree(&m);
  kqlGeoShapeFree(&pts);
  kqlGeoShapeFree(&segs);
  kqlGeoShapeFree(&lines);
  edgeFree(&e);
  return rc;
}

/* geo_intersection_2polygons(p1, p2) -> the shared area, or the shared
** boundary points/lines when they only touch. */
static void fnIntersection2Polygons(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoRegion a, b, x;
  int rc;
  sqlite3_str *p;
  (void)argc;
  rc = argRegion(argv[0], &a, 1);
  if( rc ){ argFail(ctx, rc); return; }
  rc = argRegion(argv[1], &b, 1);
  if( rc ){ kqlGeoRegionFree(&a); argFail(ctx, rc); return; }
  rc = kqlGeoIntersect(&a, &b, &x);
  if( rc ){ kqlGeoRegionFree(&a); kqlGeoRegionFree(&b); sqlite3_result_error_nomem(ctx); return; }
  p = sqlite3_str_new(0);
  if( x.nPoly>0 ){
    rc = appendTouchAndArea(p, &a, &b, &x);
  }else{
    EdgeList e;
    Meet m;
    KqlGeoShape lines;
    memset(&e, 0, sizeof(e));
    edgesOfRegion(&e, &a, 0);
    edgesOfRegion(&e, &b, 1);
    rc = e.rc ? e.rc : meetRun(&m, &e, 0);
    if( rc==0 ){
      rc = chainSegments(&m.segs, &lines);
      if( rc==0 ) appendLowDim(p, &m.pts, &lines, 0);
      kqlGeoShapeFree(&lines);
    }
    meetFree(&m);
    edgeFree(&e);
  }
  kqlGeoRegionFree(&x);
  kqlGeoRegionFree(&a);
  kqlGeoRegionFree(&b);
  if( rc ){ sqlite3_free(sqlite3_str_finish(p)); sqlite3_result_error_nomem(ctx); return; }
  kqlGeoResultJson(ctx, p);
}

/* 1 when some vertex of pIn's first ring of each polygon is inside pR. */
static int anyVertexInside(const KqlGeoRegion *pIn, const KqlGeoRegion *pR){
  for(int k=0; k<pIn->nPoly; k++){
    int r = pIn->aPoly[k];
    if( pIn->aRing[r]<pIn->aRing[r+1] && kqlGeoRegionContains(pR, pIn->aV[pIn->aRing[r]]) ) return 1;
  }
  return 0;
}

/* geo_intersects_2polygons(p1, p2) -> bool. */
static void fnIntersects2Polygons(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoRegion a, b;
  EdgeList e;
  Meet m;
  int rc, bHit;
  (void)argc;
  rc = argRegion(argv[0], &a, 0);
  if( rc ){ argFail(ctx, rc); return; }
  rc = argRegion(argv[1], &b, 0);
  if( rc ){ kqlGeoRegionFree(&a); argFail(ctx, rc); return; }
  bHit = anyVertexInside(&a, &b) || anyVertexInside(&b, &a);
  if( !bHit ){
    memset(&e, 0, sizeof(e));
    edgesOfRegion(&e, &a, 0);
    edgesOfRegion(&e, &b, 1);
    rc = e.rc ? e.rc : meetRun(&m, &e, 1);
    if( rc==0 ) bHit = m.bFound;
    meetFree(&m);
    edgeFree(&e);
  }
  kqlGeoRegionFree(&a);
  kqlGeoRegionFree(&b);
  if( rc ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_int(ctx, bHit);
}

/****************************************************************************
** Lines.
*/

/* geo_intersects_2lines / geo_intersection_2lines (user data 1). */
static void fnLines2(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bResult = sqlite3_user_data(ctx)!=0;
  KqlGeoShape a, b;
  EdgeList e;
  Meet m;
  int rc;
  (void)argc;
  rc = argLines(argv[0], 1, &a);
  if( rc ){ kqlGeoShapeFree(&a); argFail(ctx, rc); return; }
  rc = argLines(argv[1], 1, &b);
  if( rc ){ kqlGeoShapeFree(&a); kqlGeoShapeFree(&b); argFail(ctx, rc); return; }
  memset(&e, 0, sizeof(e));
  edgesOfLines(&e, &a, 0);
  edgesOfLines(&e, &b, 1);
  rc = e.rc ? e.rc : meetRun(&m, &e, !bResult);
  if( rc==0 ){
    if( bResult ){
      KqlGeoShape lines;
      sqlite3_str *p = sqlite3_str_new(0);
      rc = chainSegments(&m.segs, &lines);
      if( rc==0 ) appendLowDim(p, &m.pts, &lines, 0);
      kqlGeoShapeFree(&lines);
      if( rc==0 ) kqlGeoResultJson(ctx, p);
      else sqlite3_free(sqlite3_str_finish(p));
    }else{
      sqlite3_result_int(ctx, m.bFound);
    }
  }
  meetFree(&m);
  edgeFree(&e);
  kqlGeoShapeFree(&a);
  kqlGeoShapeFree(&b);
  if( rc ) sqlite3_result_error_nomem(ctx);
}

/* Sort helper for split points along an edge. */
typedef struct Cut Cut;
struct Cut { double t; KqlGeoVec v; };
static int cmpCut(const void *pA, const void *pB){
  const Cut *a = pA, *b = pB;
  return a->t<b->t ? -1 : a->t>b->t;
}

/*
** Clip the lines of pL by region pR: the parts inside (or on the boundary)
** go to pOut (MULTILINE), every point where the line meets the boundary to
** pTouch (MULTIPOINT; the ones on output lines are dropped when written).
** *pbHit is set when the line meets the region at all.
*/
static int clipLines(const KqlGeoShape *pL, const KqlGeoRegion *pR, KqlGeoShape *pOut,
                     KqlGeoShape *pTouch, int *pbHit){
  int rc = 0, nCut = 0, nCutAlloc = 0;
  Cut *aCut = 0;
  memset(pOut, 0, sizeof(*pOut));
  memset(pTouch, 0, sizeof(*pTouch));
  pOut->eType = KQL_GEO_MULTILINE;
  pTouch->eType = KQL_GEO_MULTIPOINT;
  *pbHit = 0;
  for(int r=0; r<pL->nRing && rc==0; r++){
    int bOpen = 0;          /* an output line is being extended */
    for(int i=pL->aRing[r]; i+1<pL->aRing[r+1] && rc==0; i++){
      KqlGeoVec a = pL->aV[i], b = pL->aV[i+1];
      double len = kqlGeoAngle(a, b);
      nCut = 0;
      /* Cut points: crossings with the boundary, boundary vertices on the edge. */
      for(int q=0; q<pR->nRing && rc==0; q++){
        int j0 = pR->aRing[q], j1 = pR->aRing[q+1];
        for(int j=j0; j<j1; j++){
          KqlGeoVec c = pR->aV[j], d = pR->aV[j+1<j1 ? j+1 : j0];
          KqlGeoVec x;
          int bCut = 0;
          int s = kqlGeoEdgeCrossing(a, b, c, d);
          if( s>0 ){ x = kqlGeoEdgeIntersection(a, b, c, d); bCut = 1; }
          if( s==0 ){
            if( kqlGeoDistToEdge(c, a, b, 0)<=1e-14 ){ x = c; bCut = 1; }
            else if( kqlGeoDistToEdge(d, a, b, 0)<=1e-14 ){ x = d; bCut = 1; }
            else if( kqlGeoDistToEdge(a, c, d, 0)<=1e-14 ){ x = a; bCut = 1; }
            else if( kqlGeoDistToEdge(b, c, d, 0)<=1e-14 ){ x = b; bCut = 1; }
          }
          if( !bCut ) continue;
          *pbHit = 1;
          rc = kqlGeoShapeAddVec(pTouch, x);
          if( rc ) break;
          if( nCut>=nCutAlloc ){
            int nNew = nCutAlloc ? nCutAlloc*2 : 8;
            Cut *aNew = sqlite3_realloc64(aCut, (sqlite3_uint64)nNew*sizeof(Cut));
            if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
            aCut = aNew;
            nCutAlloc = nNew;
          }
          aCut[nCut].t = kqlGeoAngle(a, x);
          aCut[nCut].v = x;
          nCut++;
        }
      }
      if( rc ) break;
      if( nCut>1 ) qsort(aCut, (size_t)nCut, sizeof(Cut), cmpCut);
      /* Walk the pieces a -> cut1 -> ... -> b. */
      {
        KqlGeoVec prev = a;
        double tPrev = 0.0;
        for(int k=0; k<=nCut && rc==0; k++){
          KqlGeoVec next = k<nCut ? aCut[k].v : b;
          double tNext = k<nCut ? aCut[k].t : len;
          KqlGeoVec mid;
          int bIn;
          if( tNext - tPrev<=TOUCH_EPS ) continue;
          mid = kqlGeoNormalize(geoAdd(prev, next));
          bIn = kqlGeoRegionContains(pR, mid) || kqlGeoRegionBoundaryDist(pR, mid, 0)<=1e-14;
          if( bIn ){
            *pbHit = 1;
            if( !bOpen ){
              if( (rc = kqlGeoShapeNewPart(pOut))!=0 || (rc = kqlGeoShapeNewRing(pOut))!=0 ) break;
              if( tPrev==0.0 ) rc = kqlGeoShapeAddPos(pOut, pL->aLng[i], pL->aLat[i]);
              else rc = kqlGeoShapeAddVec(pOut, prev);
              bOpen = 1;
            }
            if( rc==0 ){
              if( k==nCut ) rc = kqlGeoShapeAddPos(pOut, pL->aLng[i+1], pL->aLat[i+1]);
              else rc = kqlGeoShapeAddVec(pOut, next);
            }
          }else{
            bOpen = 0;
          }
          prev = next;
          tPrev = tNext;
        }
      }
    }
  }
  sqlite3_free(aCut);
  /* Touch points as parts of their own (MultiPoint layout). */
  if( rc==0 && pTouch->nPt>0 ){
    KqlGeoShape t;
    memset(&t, 0, sizeof(t));
    t.eType = KQL_GEO_MULTIPOINT;
    for(int i=0; i<pTouch->nPt && rc==0; i++){
      int bDup = 0;
      for(int j=0; j<t.nPt; j++) if( kqlGeoAngle(t.aV[j], pTouch->aV[i])<=TOUCH_EPS ) bDup = 1;
      if( bDup ) continue;
      if( (rc = kqlGeoShapeNewPart(&t))==0 && (rc = kqlGeoShapeNewRing(&t))==0 ){
        rc = kqlGeoShapeAddVec(&t, pTouch->aV[i]);
      }
    }
    kqlGeoShapeFree(pTouch);
    *pTouch = t;
  }
  if( rc==0 ) rc = kqlGeoShapeFinish(pOut);
  if( rc==0 ) rc = kqlGeoShapeFinish(pTouch);
  /* A line entirely inside with no crossings counts as a hit too. */
  if( pOut->nRing>0 ) *pbHit = 1;
  return rc;
}

/* geo_intersects_line_with_polygon / geo_intersection_line_with_polygon
** (user data 1). */
static void fnLineWithPolygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bResult = sqlite3_user_data(ctx)!=0;
  KqlGeoShape l, out, touch;
  KqlGeoRegion r;
  int rc, bHit;
  (void)argc;
  rc = argLines(argv[0], 1, &l);
  if( rc ){ kqlGeoShapeFree(&l); argFail(ctx, rc); return; }
  rc = argRegion(argv[1], &r, 1);
  if( rc ){ kqlGeoShapeFree(&l); argFail(ctx, rc); return; }
  rc = kqlGeoRegionIndex(&r);
  if( rc==0 ) rc = clipLines(&l, &r, &out, &touch, &bHit);
  if( rc==0 ){
    if( bResult ){
      sqlite3_str *p = sqlite3_str_new(0);
      appendLowDim(p, &touch, &out, 0);
      kqlGeoResultJson(ctx, p);
    }else{
      sqlite3_result_int(ctx, bHit);
    }
  }
  kqlGeoShapeFree(&out);
  kqlGeoShapeFree(&touch);
  kqlGeoShapeFree(&l);
  kqlGeoRegionFree(&r);
  if( rc ) sqlite3_result_error_nomem(ctx);
}

/* geo_union_lines_array(lines) -> LineString or MultiLineString: the lines
** merged where they share edges and vertices (fn_geo_lines_union.c). */
static void fnUnionLines(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlJsonIter it;
  const char *z, *zV;
  int n, nV, r, rc = 0;
  KqlGeoShape all, out;
  (void)argc;
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT ) return;
  z = (const char*)sqlite3_value_text(argv[0]);
  n = sqlite3_value_bytes(argv[0]);
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return;
  memset(&all, 0, sizeof(all));
  memset(&out, 0, sizeof(out));
  all.eType = KQL_GEO_MULTILINE;
  while( rc==0 && (r = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    KqlGeoShape s;
    rc = kqlGeoParse(zV, nV, &s);
    if( rc==0 && s.eType!=KQL_GEO_LINE && s.eType!=KQL_GEO_MULTILINE ) rc = 1;
    for(int k=0; rc==0 && k<s.nRing; k++){
      int i0 = s.aRing[k], i1 = s.aRing[k+1];
      if( i1-i0<2 ){ rc = 1; break; }
      if( (rc = kqlGeoShapeNewPart(&all))!=0 || (rc = kqlGeoShapeNewRing(&all))!=0 ) break;
      for(int t=i0; t<i1 && rc==0; t++) rc = kqlGeoShapeAddPos(&all, s.aLng[t], s.aLat[t]);
    }
    kqlGeoShapeFree(&s);
  }
  if( rc==0 && (r<0 || all.nRing==0) ) rc = 1;
  if( rc==0 ) rc = kqlGeoShapeFinish(&all);
  if( rc==0 ) rc = kqlGeoLinesUnion(&all, &out);
  kqlGeoShapeFree(&all);
  if( rc==0 && out.nRing==0 ) rc = 1;
  if( rc==0 ){
    sqlite3_str *p = sqlite3_str_new(0);
    if( out.nRing==1 ) out.eType = KQL_GEO_LINE;
    kqlGeoAppendShape(p, &out);
    kqlGeoResultJson(ctx, p);
  }else{
    argFail(ctx, rc);
  }
  kqlGeoShapeFree(&out);
}

/****************************************************************************
** Buffers.
*/

/* Point at angular distance d and azimuth az (radians, clockwise from
** north) from c. */
static KqlGeoVec destination(KqlGeoVec c, double d, double az){
  KqlGeoVec east = geoCross(geoVec(0, 0, 1), c), north;
  if( geoNorm(east)<1e-15 ) east = geoVec(0, 1, 0);
  east = kqlGeoNormalize(east);
  north = geoCross(c, east);
  return kqlGeoNormalize(geoAdd(geoScale(c, cos(d)),
           geoScale(geoAdd(geoScale(north, cos(az)), geoScale(east, sin(az))), sin(d))));
}

/* Vertices a circle of angular radius d needs so that its chords stay
** within tol (angular) of it. */
static int circleVertices(double d, double tol){
  double x = 1.0 - tol/d, n;
  if( x<=-1.0 ) return 4;
  n = ceil(M_PI/acos(x>0.0 ? x : 0.0));
  if( !(n>=4.0) ) return 4;
  return n>4096.0 ? 4096 : (int)n;
}

/* A one-ring region from vertices aV[0..n) (counterclockwise). */
static int regionFromRing(const KqlGeoVec *aV, int n, KqlGeoRegion *pR){
  memset(pR, 0, sizeof(*pR));
  pR->aV = sqlite3_malloc64((sqlite3_uint64)n*sizeof(KqlGeoVec));
  pR->aLng = sqlite3_malloc64((sqlite3_uint64)n*sizeof(double));
  pR->aLat = sqlite3_malloc64((sqlite3_uint64)n*sizeof(double));
  pR->aRing = sqlite3_malloc64(2*sizeof(int));
  pR->aOwner = sqlite3_malloc64(sizeof(int));
  pR->aHole = sqlite3_malloc64(1);
  pR->aPoly = sqlite3_malloc64(2*sizeof(int));
  if( !pR->aV || !pR->aLng || !pR->aLat || !pR->aRing || !pR->aOwner || !pR->aHole || !pR->aPoly ){
    kqlGeoRegionFree(pR);
    return SQLITE_NOMEM;
  }
  for(int i=0; i<n; i++){
    pR->aV[i] = aV[i];
    pR->aLng[i] = NAN;
    pR->aLat[i] = NAN;
  }
  pR->nV = n;
  pR->nRing = 1;
  pR->aRing[0] = 0; pR->aRing[1] = n;
  pR->aOwner[0] = 0;
  pR->aHole[0] = 0;
  pR->nPoly = 1;
  pR->aPoly[0] = 0; pR->aPoly[1] = 1;
  return 0;
}

/* Growable list of regions. */
typedef struct RegionList RegionList;
struct RegionList {
  KqlGeoRegion *a;
  int n, nAlloc;
  long long nVertex;    /* vertices in all, bounded by MAX_BUFFER_VERTICES */
};

/* A buffer needing more vertices than this gives null (memory bound). */
#define MAX_BUFFER_VERTICES 500000

static int listAdd(RegionList *p, const KqlGeoVec *aV, int nV){
  p->nVertex += nV;
  if( p->nVertex>MAX_BUFFER_VERTICES ) return SQLITE_TOOBIG;
  if( p->n>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 16;
    KqlGeoRegion *aNew = sqlite3_realloc64(p->a, (sqlite3_uint64)nNew*sizeof(KqlGeoRegion));
    if( aNew==0 ) return SQLITE_NOMEM;
    p->a = aNew;
    p->nAlloc = nNew;
  }
  if( regionFromRing(aV, nV, &p->a[p->n]) ) return SQLITE_NOMEM;
  p->n++;
  return 0;
}

static void listFree(RegionList *p){
  for(int i=0; i<p->n; i++) kqlGeoRegionFree(&p->a[i]);
  sqlite3_free(p->a);
  memset(p, 0, sizeof(*p));
}

/* Add the circle of angular radius d around c. */
static int addCircle(RegionList *p, KqlGeoVec c, double d, double tol){
  int n = circleVertices(d, tol);
  KqlGeoVec *aV = sqlite3_malloc64((sqlite3_uint64)n*sizeof(KqlGeoVec));
  int rc;
  if( aV==0 ) return SQLITE_NOMEM;
  /* Counterclockwise: azimuth decreasing from north. */
  for(int k=0; k<n; k++) aV[k] = destination(c, d, -2.0*M_PI*k/n);
  rc = listAdd(p, aV, n);
  sqlite3_free(aV);
  return rc;
}

/* Add the band of half-width d around edge ab, cut into pieces short
** enough that great-circle sides stay within tol of the true offset. */
static int addBand(RegionList *p, KqlGeoVec a, KqlGeoVec b, double d, double tol){
  double len = kqlGeoAngle(a, b), step = sqrt(8.0*tol/(d>1e-12 ? d : 1e-12));
  int nStep = (int)ceil(len/(step>1e-9 ? step : 1e-9)), rc = 0;
  KqlGeoVec n = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  if( len<=0.0 || geoNorm(n)==0.0 ) return 0;
  if( nStep<1 ) nStep = 1;
  if( nStep>1024 ) nStep = 1024;
  for(int k=0; k<nStep && rc==0; k++){
    KqlGeoVec p0 = kqlGeoInterpolate(a, b, (double)k/nStep);
    KqlGeoVec p1 = kqlGeoInterpolate(a, b, (double)(k+1)/nStep);
    KqlGeoVec q[4];
    /* Left of a->b is toward the normal. */
    q[0] = kqlGeoNormalize(geoAdd(geoScale(p0, cos(d)), geoScale(n, -sin(d))));
    q[1] = kqlGeoNormalize(geoAdd(geoScale(p1, cos(d)), geoScale(n, -sin(d))));
    q[2] = kqlGeoNormalize(geoAdd(geoScale(p1, cos(d)), geoScale(n, sin(d))));
    q[3] = kqlGeoNormalize(geoAdd(geoScale(p0, cos(d)), geoScale(n, sin(d))));
    rc = listAdd(p, q, 4);
  }
  return rc;
}

/* Union the list and return it as the function result. */
static void unionResult(sqlite3_context *ctx, RegionList *p){
  KqlGeoRegion u;
  int rc = kqlGeoUnion(p->a, p->n, &u);
  if( rc ){ sqlite3_result_error_nomem(ctx); return; }
  {
    sqlite3_str *s = sqlite3_str_new(0);
    kqlGeoAppendRegion(s, &u);
    kqlGeoResultJson(ctx, s);
  }
  kqlGeoRegionFree(&u);
}

/* Read radius (argv[iR]) and tolerance (argv[iR+1], default 0.1) in
** radians; 0 when invalid. */
static int argBuffer(int argc, sqlite3_value **argv, int iR, double *pD, double *pTol){
  double r, tol = 0.1;
  if( !kqlGeoArgReal(argv[iR], &r) || r<=0.0 || r>1e7 ) return 0;
  if( iR+1<argc && (!kqlGeoArgReal(argv[iR+1], &tol) || tol<0.00001 || tol>1e6) ) return 0;
  if( tol>r ) tol = r;
  *pD = r/KQL_GEO_EARTH_R;
  *pTol = tol/KQL_GEO_EARTH_R;
  return 1;
}

/* geo_point_buffer(lng, lat, radius [, tolerance]) -> Polygon. */
static void fnPointBuffer(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat, d, tol;
  RegionList l;
  int rc;
  if( !kqlGeoArgReal(argv[0], &lng) || !kqlGeoArgReal(argv[1], &lat) || !kqlGeoValidLL(lng, lat)
   || !argBuffer(argc, argv, 2, &d, &tol) ) return;
  memset(&l, 0, sizeof(l));
  rc = addCircle(&l, kqlGeoFromDeg(lng, lat), d, tol);
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( rc==0 ){
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendRegion(p, &l.a[0]);
    kqlGeoResultJson(ctx, p);
  }
  listFree(&l);
}

/* geo_line_buffer(line, radius [, tolerance]) -> Polygon/MultiPolygon. */
static void fnLineBuffer(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double d, tol;
  KqlGeoShape s;
  RegionList l;
  int rc;
  if( !argBuffer(argc, argv, 1, &d, &tol) ) return;
  rc = argLines(argv[0], 1, &s);
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  memset(&l, 0, sizeof(l));
  for(int r=0; r<s.nRing && rc==0; r++){
    for(int i=s.aRing[r]; i<s.aRing[r+1] && rc==0; i++){
      rc = addCircle(&l, s.aV[i], d, tol);
      if( rc==0 && i+1<s.aRing[r+1] ) rc = addBand(&l, s.aV[i], s.aV[i+1], d, tol);
    }
  }
  kqlGeoShapeFree(&s);
  if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
  else if( rc==0 ) unionResult(ctx, &l);
  listFree(&l);
}

/* geo_polygon_buffer(polygon, radius [, tolerance]) -> Polygon/MultiPolygon. */
static void fnPolygonBuffer(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double d, tol;
  KqlGeoRegion r;
  RegionList l;
  int rc;
  if( !argBuffer(argc, argv, 1, &d, &tol) ) return;
  rc = argRegion(argv[0], &r, 0);
  if( rc ){ argFail(ctx, rc); return; }
  memset(&l, 0, sizeof(l));
  for(int q=0; q<r.nRing && rc==0; q++){
    int i0 = r.aRing[q], i1 = r.aRing[q+1];
    for(int i=i0; i<i1 && rc==0; i++){
      rc = addCircle(&l, r.aV[i], d, tol);
      if( rc==0 ) rc = addBand(&l, r.aV[i], r.aV[i+1<i1 ? i+1 : i0], d, tol);
    }
  }
  if( rc==0 ){
    /* The polygon itself, as one more operand. */
    if( l.n>=l.nAlloc ){
      KqlGeoRegion *aNew = sqlite3_realloc64(l.a, (sqlite3_uint64)(l.nAlloc+1)*sizeof(KqlGeoRegion));
      if( aNew==0 ) rc = SQLITE_NOMEM; else { l.a = aNew; l.nAlloc++; }
    }
    if( rc==0 ){ l.a[l.n++] = r; memset(&r, 0, sizeof(r)); }
  }
  kqlGeoRegionFree(&r);
  if( rc==SQLITE_NOMEM ) sqlite3_result_error_nomem(ctx);
  else if( rc==0 ) unionResult(ctx, &l);
  listFree(&l);
}

/* geo_simplify_polygons_array(polygons [, tolerance]) -> the union with
** vertices closer than the tolerance to the edge between their
** neighbours removed. */
static void fnSimplifyPolygons(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoRegion *aR, u;
  int n, rc;
  double tol = 10.0;
  if( argc>1 && (!kqlGeoArgReal(argv[1], &tol) || tol<0.0) ) return;
  tol /= KQL_GEO_EARTH_R;
  rc = argRegionArray(argv[0], &aR, &n);
  if( rc ){ argFail(ctx, rc); return; }
  rc = kqlGeoUnion(aR, n, &u);
  for(int k=0; k<n; k++) kqlGeoRegionFree(&aR[k]);
  sqlite3_free(aR);
  if( rc ){ sqlite3_result_error_nomem(ctx); return; }
  /* Drop, ring by ring, vertices within tol of the chord of their
  ** neighbours, while the ring keeps at least 3 vertices. */
  {
    int w = 0, nOutRing = 0;
    for(int q=0; q<u.nRing; q++){
      int i0 = u.aRing[q], i1 = u.aRing[q+1], start = w;
      for(int i=i0; i<i1; i++){
        int nLeft = (i1 - i) + (w - start);
        KqlGeoVec prev = w>start ? u.aV[w-1] : u.aV[i1-1];
        KqlGeoVec next = u.aV[i+1<i1 ? i+1 : (w>start ? start : i0)];
        if( nLeft>3 && kqlGeoDistToEdge(u.aV[i], prev, next, 0)<=tol ) continue;
        u.aV[w] = u.aV[i];
        u.aLng[w] = u.aLng[i];
        u.aLat[w] = u.aLat[i];
        w++;
      }
      u.aRing[q] = start;
      nOutRing++;
    }
    u.aRing[u.nRing] = w;
    u.nV = w;
    (void)nOutRing;
  }
  /* No two vertices closer than the tolerance: when that leaves every
  ** shell with fewer than 3 vertices, the whole result vanishes (null). */
  {
    int bAnyShell = 0;
    for(int q=0; q<u.nRing && !bAnyShell; q++){
      int i0 = u.aRing[q], i1 = u.aRing[q+1], nKept = 0, iLast = -1;
      if( u.aHole[q] ) continue;
      for(int i=i0; i<i1; i++){
        if( iLast>=0 && kqlGeoAngle(u.aV[iLast], u.aV[i])<tol ) continue;
        if( nKept>0 && i==i1-1 && kqlGeoAngle(u.aV[i], u.aV[i0])<tol ) continue;
        iLast = i;
        nKept++;
      }
      if( nKept>=3 ) bAnyShell = 1;
    }
    if( !bAnyShell ){ kqlGeoRegionFree(&u); return; }
  }
  {
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendRegion(p, &u);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoRegionFree(&u);
}

/* kqlFnRegisterGeoOps(): contract in fn_geo.h. */
int kqlFnRegisterGeoOps(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    int iUser;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "kql_geo_union_polygons_array",          1, 0, fnUnionPolygons },
    { "kql_geo_union_lines_array",             1, 0, fnUnionLines },
    { "kql_geo_intersection_2polygons",        2, 0, fnIntersection2Polygons },
    { "kql_geo_intersects_2polygons",          2, 0, fnIntersects2Polygons },
    { "kql_geo_intersects_2lines",             2, 0, fnLines2 },
    { "kql_geo_intersection_2lines",           2, 1, fnLines2 },
    { "kql_geo_intersects_line_with_polygon",  2, 0, fnLineWithPolygon },
    { "kql_geo_intersection_line_with_polygon", 2, 1, fnLineWithPolygon },
    { "kql_geo_point_buffer",                 -1, 0, fnPointBuffer },
    { "kql_geo_line_buffer",                  -1, 0, fnLineBuffer },
    { "kql_geo_polygon_buffer",               -1, 0, fnPolygonBuffer },
    { "kql_geo_simplify_polygons_array",      -1, 0, fnSimplifyPolygons },
  };
  for(size_t i=0; i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    int rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)(intptr_t)aFunc[i].iUser, aFunc[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
