/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL functions that measure and walk geometries on the sphere:
** geo_distance_2points (optionally on the WGS-84 spheroid),
** geo_distance_point_to_line, geo_distance_point_to_polygon,
** geo_point_in_circle, geo_point_in_polygon, geo_azimuth, geo_angle,
** geo_polygon_area, geo_polygon_perimeter, geo_polygon_centroid,
** geo_line_length, geo_line_centroid, geo_line_interpolate_point,
** geo_line_locate_point, geo_closest_point_on_line,
** geo_closest_point_on_polygon, geo_line_densify, geo_polygon_densify,
** geo_line_simplify and geo_polygon_simplify. A MultiPolygon is measured as
** the union of its polygons. Invalid input gives null.
*/
#include "fn.h"
#include "fn_geo.h"
#include "fnutil.h"
#include <string.h>

#define R_EARTH KQL_GEO_EARTH_R

/****************************************************************************
** Argument helpers.
*/

/* Read a point from argv[i], argv[i+1]; 0 when invalid. */
static int argPoint(sqlite3_value **argv, int i, double *pLng, double *pLat){
  return kqlGeoArgReal(argv[i], pLng) && kqlGeoArgReal(argv[i+1], pLat)
      && kqlGeoValidLL(*pLng, *pLat);
}

/* Optional bool/number argument (use_spheroid, preserve_crossing). */
static int argFlag(int argc, sqlite3_value **argv, int i, int *pb){
  double r;
  if( i>=argc ){ *pb = 0; return 1; }
  if( !kqlGeoArgReal(argv[i], &r) ) return 0;
  *pb = r!=0.0;
  return 1;
}

/* Optional real argument with default; 0 when present and invalid. */
static int argRealOpt(int argc, sqlite3_value **argv, int i, double rDflt, double *pR){
  if( i>=argc ){ *pR = rDflt; return 1; }
  return kqlGeoArgReal(argv[i], pR);
}

/*
** Parse a LineString (or, when bMulti, also a MultiLineString) argument:
** every line has at least 2 positions and no edge spans half a great
** circle. 0 ok, 1 invalid, 2 no memory.
*/
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

/*
** Parse a Polygon or MultiPolygon argument into a normalized region (a
** MultiPolygon becomes the union of its polygons). 0 ok, 1 invalid, 2 no
** memory.
*/
static int argRegion(sqlite3_value *pVal, KqlGeoRegion *pR){
  KqlGeoShape s;
  int rc = kqlGeoParseValue(pVal, &s);
  if( rc==0 ) rc = kqlGeoRegionFromShape(&s, pR);
  kqlGeoShapeFree(&s);
  if( rc ) return rc;
  if( pR->nPoly>1 ){
    KqlGeoRegion u;
    rc = kqlGeoUnion(pR, 1, &u);
    kqlGeoRegionFree(pR);
    if( rc ) return 2;
    *pR = u;
  }
  return 0;
}

/* Report rc of an argument parser: NOMEM as an error, else null. */
static void argFail(sqlite3_context *ctx, int rc){
  if( rc==2 ) sqlite3_result_error_nomem(ctx);
}

/****************************************************************************
** Distances.
*/

/*
** Geodesic distance on the WGS-84 spheroid (Vincenty's inverse method);
** falls back to the sphere when the iteration does not converge (nearly
** antipodal points).
*/
static double spheroidDistance(double lng1, double lat1, double lng2, double lat2){
  const double a = 6378137.0, f = 1.0/298.257223563, b = a*(1.0 - f);
  double L = (lng2 - lng1)*KQL_GEO_DEG;
  double U1 = atan((1.0 - f)*tan(lat1*KQL_GEO_DEG));
  double U2 = atan((1.0 - f)*tan(lat2*KQL_GEO_DEG));
  double sinU1 = sin(U1), cosU1 = cos(U1), sinU2 = sin(U2), cosU2 = cos(U2);
  double lambda = L, sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
  int k;
  for(k=0; k<200; k++){
    double sinL = sin(lambda), cosL = cos(lambda), sinAlpha, C, lambdaP;
    sinSigma = sqrt((cosU2*sinL)*(cosU2*sinL)
                  + (cosU1*sinU2 - sinU1*cosU2*cosL)*(cosU1*sinU2 - sinU1*cosU2*cosL));
    if( sinSigma==0.0 ) return 0.0;
    cosSigma = sinU1*sinU2 + cosU1*cosU2*cosL;
    sigma = atan2(sinSigma, cosSigma);
    sinAlpha = cosU1*cosU2*sinL/sinSigma;
    cos2Alpha = 1.0 - sinAlpha*sinAlpha;
    cos2SigmaM = cos2Alpha!=0.0 ? cosSigma - 2.0*sinU1*sinU2/cos2Alpha : 0.0;
    C = f/16.0*cos2Alpha*(4.0 + f*(4.0 - 3.0*cos2Alpha));
    lambdaP = lambda;
    lambda = L + (1.0 - C)*f*sinAlpha*(sigma + C*sinSigma*(cos2SigmaM
             + C*cosSigma*(-1.0 + 2.0*cos2SigmaM*cos2SigmaM)));
    if( fabs(lambda - lambdaP)<1e-13 ) break;
  }
  if( k>=200 ){
    return kqlGeoAngle(kqlGeoFromDeg(lng1, lat1), kqlGeoFromDeg(lng2, lat2))*R_EARTH;
  }
  {
    double uSq = cos2Alpha*(a*a - b*b)/(b*b);
    double A = 1.0 + uSq/16384.0*(4096.0 + uSq*(-768.0 + uSq*(320.0 - 175.0*uSq)));
    double B = uSq/1024.0*(256.0 + uSq*(-128.0 + uSq*(74.0 - 47.0*uSq)));
    double dSigma = B*sinSigma*(cos2SigmaM + B/4.0*(cosSigma*(-1.0 + 2.0*cos2SigmaM*cos2SigmaM)
                  - B/6.0*cos2SigmaM*(-3.0 + 4.0*sinSigma*sinSigma)*(-3.0 + 4.0*cos2SigmaM*cos2SigmaM)));
    return b*A*(sigma - dSigma);
  }
}

/* geo_distance_2points(lng1, lat1, lng2, lat2 [, use_spheroid]) -> metres. */
static void fnDistance2Points(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng1, lat1, lng2, lat2;
  int bSpheroid;
  if( !argPoint(argv, 0, &lng1, &lat1) || !argPoint(argv, 2, &lng2, &lat2)
   || !argFlag(argc, argv, 4, &bSpheroid) ) return;
  if( bSpheroid ){
    sqlite3_result_double(ctx, spheroidDistance(lng1, lat1, lng2, lat2));
  }else{
    sqlite3_result_double(ctx, kqlGeoAngle(kqlGeoFromDeg(lng1, lat1), kqlGeoFromDeg(lng2, lat2))*R_EARTH);
  }
}

/* Closest point of the lines of pS to p; returns the angle, sets *piEdge
** (position index of the edge's start) and *pC. */
static double closestOnLines(const KqlGeoShape *pS, KqlGeoVec p, int *piEdge, KqlGeoVec *pC){
  double best = 1e300;
  for(int r=0; r<pS->nRing; r++){
    for(int i=pS->aRing[r]; i+1<pS->aRing[r+1]; i++){
      KqlGeoVec c;
      double d = kqlGeoDistToEdge(p, pS->aV[i], pS->aV[i+1], &c);
      if( d<best ){
        best = d;
        if( piEdge ) *piEdge = i;
        if( pC ) *pC = c;
      }
    }
  }
  return best;
}

/* geo_distance_point_to_line(lng, lat, line [, use_spheroid]) -> metres. */
static void fnDistancePointToLine(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat, d;
  int bSpheroid, rc;
  KqlGeoShape s;
  KqlGeoVec p, c;
  if( !argPoint(argv, 0, &lng, &lat) || !argFlag(argc, argv, 3, &bSpheroid) ) return;
  rc = argLines(argv[2], 1, &s);
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  p = kqlGeoFromDeg(lng, lat);
  d = closestOnLines(&s, p, 0, &c)*R_EARTH;
  if( bSpheroid ){
    double cLng, cLat;
    kqlGeoToDeg(c, &cLng, &cLat);
    d = spheroidDistance(lng, lat, cLng, cLat);
  }
  kqlGeoShapeFree(&s);
  sqlite3_result_double(ctx, d);
}

/* geo_distance_point_to_polygon(lng, lat, polygon) -> metres, 0 inside. */
static void fnDistancePointToPolygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat;
  KqlGeoRegion r;
  KqlGeoVec p;
  int rc;
  (void)argc;
  if( !argPoint(argv, 0, &lng, &lat) ) return;
  rc = argRegion(argv[2], &r);
  if( rc ){ argFail(ctx, rc); return; }
  p = kqlGeoFromDeg(lng, lat);
  if( kqlGeoRegionContains(&r, p) ) sqlite3_result_double(ctx, 0.0);
  else sqlite3_result_double(ctx, kqlGeoRegionBoundaryDist(&r, p, 0)*R_EARTH);
  kqlGeoRegionFree(&r);
}

/* geo_point_in_circle(lng, lat, clng, clat, radius) -> bool. */
static void fnPointInCircle(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat, cLng, cLat, radius;
  (void)argc;
  if( !argPoint(argv, 0, &lng, &lat) || !argPoint(argv, 2, &cLng, &cLat)
   || !kqlGeoArgReal(argv[4], &radius) || radius<0.0 ) return;
  sqlite3_result_int(ctx,
    kqlGeoAngle(kqlGeoFromDeg(lng, lat), kqlGeoFromDeg(cLng, cLat))*R_EARTH <= radius);
}

/* geo_point_in_polygon(lng, lat, polygon) -> bool. */
static void fnPointInPolygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat;
  KqlGeoShape s;
  KqlGeoRegion r;
  int rc;
  (void)argc;
  if( !argPoint(argv, 0, &lng, &lat) ) return;
  /* No union needed: a point is in a MultiPolygon when it is in any part. */
  rc = kqlGeoParseValue(argv[2], &s);
  if( rc==0 ) rc = kqlGeoRegionFromShape(&s, &r);
  kqlGeoShapeFree(&s);
  if( rc ){ argFail(ctx, rc); return; }
  sqlite3_result_int(ctx, kqlGeoRegionContains(&r, kqlGeoFromDeg(lng, lat)));
  kqlGeoRegionFree(&r);
}

/* geo_azimuth(lng1, lat1, lng2, lat2) -> radians clockwise from north. */
static void fnAzimuth(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng1, lat1, lng2, lat2;
  KqlGeoVec a, b;
  (void)argc;
  if( !argPoint(argv, 0, &lng1, &lat1) || !argPoint(argv, 2, &lng2, &lat2) ) return;
  a = kqlGeoFromDeg(lng1, lat1);
  b = kqlGeoFromDeg(lng2, lat2);
  if( kqlGeoAngle(a, b)<1e-15 || kqlGeoAngle(a, b)>M_PI - 1e-15 ) return;
  sqlite3_result_double(ctx, kqlGeoBearing(lng1, lat1, lng2, lat2));
}

/* geo_angle(p1, p2, p3) -> clockwise angle at p2 from line p1p2 to p2p3. */
static void fnAngle(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double x[6], r;
  KqlGeoVec a, b, c;
  (void)argc;
  if( !argPoint(argv, 0, &x[0], &x[1]) || !argPoint(argv, 2, &x[2], &x[3])
   || !argPoint(argv, 4, &x[4], &x[5]) ) return;
  a = kqlGeoFromDeg(x[0], x[1]);
  b = kqlGeoFromDeg(x[2], x[3]);
  c = kqlGeoFromDeg(x[4], x[5]);
  if( kqlGeoAngle(a, b)<1e-15 || kqlGeoAngle(b, c)<1e-15
   || kqlGeoAngle(a, b)>M_PI - 1e-15 || kqlGeoAngle(b, c)>M_PI - 1e-15 ) return;
  r = kqlGeoBearing(x[2], x[3], x[4], x[5]) - kqlGeoBearing(x[2], x[3], x[0], x[1]);
  r = fmod(r, 2.0*M_PI);
  if( r<0.0 ) r += 2.0*M_PI;
  if( r>=2.0*M_PI ) r = 0.0;
  sqlite3_result_double(ctx, r);
}

/****************************************************************************
** Polygon measures.
*/

/* geo_polygon_area / geo_polygon_perimeter / geo_polygon_centroid, told
** apart by user data 0, 1, 2. */
static void fnPolygonMeasure(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOp = (int)(intptr_t)sqlite3_user_data(ctx);
  KqlGeoRegion r;
  int rc = argRegion(argv[0], &r);
  (void)argc;
  if( rc ){ argFail(ctx, rc); return; }
  if( eOp==0 ){
    sqlite3_result_double(ctx, kqlGeoRegionArea(&r)*R_EARTH*R_EARTH);
  }else if( eOp==1 ){
    sqlite3_result_double(ctx, kqlGeoRegionPerimeter(&r)*R_EARTH);
  }else{
    KqlGeoVec c = kqlGeoRegionCentroid(&r);
    if( geoNorm(c)>0.0 ){
      sqlite3_str *p = sqlite3_str_new(0);
      kqlGeoAppendPointVec(p, c);
      kqlGeoResultJson(ctx, p);
    }
  }
  kqlGeoRegionFree(&r);
}

/****************************************************************************
** Lines.
*/

/* geo_line_length(line) -> metres. */
static void fnLineLength(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  double d = 0.0;
  int rc = argLines(argv[0], 1, &s);
  (void)argc;
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  for(int r=0; r<s.nRing; r++){
    for(int i=s.aRing[r]; i+1<s.aRing[r+1]; i++) d += kqlGeoAngle(s.aV[i], s.aV[i+1]);
  }
  kqlGeoShapeFree(&s);
  sqlite3_result_double(ctx, d*R_EARTH);
}

/* geo_line_centroid(line) -> Point: the length-weighted centroid of the
** edges (each edge's integral of position is (a+b) tan(theta/2)). */
static void fnLineCentroid(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  KqlGeoVec c = geoVec(0, 0, 0);
  int rc = argLines(argv[0], 1, &s);
  (void)argc;
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  for(int r=0; r<s.nRing; r++){
    for(int i=s.aRing[r]; i+1<s.aRing[r+1]; i++){
      double t = kqlGeoAngle(s.aV[i], s.aV[i+1]);
      c = geoAdd(c, geoScale(geoAdd(s.aV[i], s.aV[i+1]), tan(0.5*t)));
    }
  }
  if( geoNorm(c)==0.0 ){
    /* All edges degenerate: the first vertex. */
    c = s.aV[0];
  }
  {
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendPointVec(p, c);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoShapeFree(&s);
}

/* geo_line_interpolate_point(line, fraction) -> Point. */
static void fnLineInterpolate(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  double f, total = 0.0, want, acc = 0.0;
  int rc;
  KqlGeoVec v;
  (void)argc;
  if( !kqlGeoArgReal(argv[1], &f) || f<0.0 || f>1.0 ) return;
  rc = argLines(argv[0], 0, &s);
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  for(int i=0; i+1<s.nPt; i++) total += kqlGeoAngle(s.aV[i], s.aV[i+1]);
  want = f*total;
  v = s.aV[s.nPt-1];
  for(int i=0; i+1<s.nPt; i++){
    double e = kqlGeoAngle(s.aV[i], s.aV[i+1]);
    if( acc + e>=want && e>0.0 ){
      v = kqlGeoInterpolate(s.aV[i], s.aV[i+1], (want - acc)/e);
      break;
    }
    acc += e;
  }
  if( f==0.0 ) v = s.aV[0];
  {
    sqlite3_str *p = sqlite3_str_new(0);
    if( f==0.0 || f==1.0 ){
      int k = f==0.0 ? 0 : s.nPt-1;
      kqlGeoAppendPoint(p, s.aLng[k], s.aLat[k]);
    }else{
      kqlGeoAppendPointVec(p, v);
    }
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoShapeFree(&s);
}

/* geo_line_locate_point(line, lng, lat [, use_spheroid]) -> fraction of
** the line's length at the point of the line closest to (lng, lat). */
static void fnLineLocate(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  double lng, lat, total = 0.0, acc = 0.0;
  int rc, iEdge = 0, bSpheroid;
  KqlGeoVec c;
  if( !argPoint(argv, 1, &lng, &lat) || !argFlag(argc, argv, 3, &bSpheroid) ) return;
  rc = argLines(argv[0], 0, &s);
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  closestOnLines(&s, kqlGeoFromDeg(lng, lat), &iEdge, &c);
  for(int i=0; i+1<s.nPt; i++){
    double e = kqlGeoAngle(s.aV[i], s.aV[i+1]);
    if( i<iEdge ) acc += e;
    total += e;
  }
  acc += kqlGeoAngle(s.aV[iEdge], c);
  kqlGeoShapeFree(&s);
  sqlite3_result_double(ctx, total>0.0 ? acc/total : 0.0);
}

/* geo_closest_point_on_line(lng, lat, line) -> Point. */
static void fnClosestOnLine(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  double lng, lat;
  int rc;
  KqlGeoVec c;
  (void)argc;
  if( !argPoint(argv, 0, &lng, &lat) ) return;
  rc = argLines(argv[2], 1, &s);
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  closestOnLines(&s, kqlGeoFromDeg(lng, lat), 0, &c);
  {
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendPointVec(p, c);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoShapeFree(&s);
}

/* geo_closest_point_on_polygon(lng, lat, polygon) -> Point; the point
** itself when it is inside. */
static void fnClosestOnPolygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoRegion r;
  double lng, lat;
  int rc;
  KqlGeoVec p, c;
  sqlite3_str *pStr;
  (void)argc;
  if( !argPoint(argv, 0, &lng, &lat) ) return;
  rc = argRegion(argv[2], &r);
  if( rc ){ argFail(ctx, rc); return; }
  p = kqlGeoFromDeg(lng, lat);
  pStr = sqlite3_str_new(0);
  if( kqlGeoRegionContains(&r, p) ){
    kqlGeoAppendPoint(pStr, lng, lat);
  }else{
    kqlGeoRegionBoundaryDist(&r, p, &c);
    kqlGeoAppendPointVec(pStr, c);
  }
  kqlGeoResultJson(ctx, pStr);
  kqlGeoRegionFree(&r);
}

/****************************************************************************
** Densify and simplify.
*/

/* Output being built: positions of the current line/ring. */
typedef struct PosBuf PosBuf;
struct PosBuf {
  KqlGeoShape s;        /* the result shape */
  int rc;               /* sticky error: SQLITE_NOMEM or SQLITE_TOOBIG */
};

static void bufPos(PosBuf *p, double lng, double lat){
  if( p->rc==0 ) p->rc = kqlGeoShapeAddPos(&p->s, lng, lat);
}

/*
** Add the points strictly between (lng0, lat0) and (lng1, lat1) that turn
** the planar edge into a chain of geodesics within tol radians of it: halve
** the edge while the planar midpoint lies farther than tol from the
** geodesic between the ends.
*/
static void densifyEdge(PosBuf *p, double lng0, double lat0, double lng1, double lat1,
                        double tol, int depth){
  double mLng = 0.5*(lng0 + lng1), mLat = 0.5*(lat0 + lat1);
  KqlGeoVec a = kqlGeoFromDeg(lng0, lat0), b = kqlGeoFromDeg(lng1, lat1);
  KqlGeoVec m = kqlGeoFromDeg(mLng, mLat);
  KqlGeoVec n = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  double d = geoNorm(n)>0.0 ? asin(fabs(geoDot(m, n))) : 0.0;
  if( p->rc || depth>40 || d<=tol ) return;
  densifyEdge(p, lng0, lat0, mLng, mLat, tol, depth+1);
  bufPos(p, mLng>180.0 ? mLng-360.0 : mLng<-180.0 ? mLng+360.0 : mLng, mLat);
  densifyEdge(p, mLng, mLat, lng1, lat1, tol, depth+1);
}

/* Densify the positions i0..i1 (closing back to i0 when bClose). */
static void densifyChain(PosBuf *p, const KqlGeoShape *pS, int i0, int i1, int bClose, double tol){
  int n = i1 - i0;
  for(int k=0; k<n + (bClose ? 1 : 0); k++){
    int i = i0 + (k<n ? k : 0);
    bufPos(p, pS->aLng[i], pS->aLat[i]);
    if( k+1<n || (bClose && k<n) ){
      int j = i0 + (k+1<n ? k+1 : 0);
      double lng1 = pS->aLng[j];
      /* The planar edge takes the short way around the antimeridian. */
      if( lng1 - pS->aLng[i]>180.0 ) lng1 -= 360.0;
      else if( lng1 - pS->aLng[i]<-180.0 ) lng1 += 360.0;
      densifyEdge(p, pS->aLng[i], pS->aLat[i], lng1, pS->aLat[j], tol, 0);
    }
  }
}

/* geo_line_densify(line [, tolerance [, preserve_crossing]]) and
** geo_polygon_densify (user data 1). */
static void fnDensify(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bPoly = sqlite3_user_data(ctx)!=0;
  double tol;
  int bKeep, rc;
  KqlGeoShape s;
  PosBuf b;
  if( !argRealOpt(argc, argv, 1, 10.0, &tol) || tol<0.1 || tol>10000.0
   || !argFlag(argc, argv, 2, &bKeep) ) return;
  if( bPoly ){
    KqlGeoRegion r;
    rc = kqlGeoParseValue(argv[0], &s);
    if( rc==0 ){
      rc = kqlGeoRegionFromShape(&s, &r);     /* validation only */
      if( rc==0 ) kqlGeoRegionFree(&r);
    }
  }else{
    rc = argLines(argv[0], 1, &s);
  }
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  memset(&b, 0, sizeof(b));
  b.s.eType = s.eType;
  for(int k=0; k<s.nPart && b.rc==0; k++){
    b.rc = kqlGeoShapeNewPart(&b.s);
    for(int r=s.aPart[k]; r<s.aPart[k+1] && b.rc==0; r++){
      b.rc = kqlGeoShapeNewRing(&b.s);
      if( b.rc ) break;
      densifyChain(&b, &s, s.aRing[r], s.aRing[r+1], bPoly, tol/R_EARTH);
      /* Polygon rings are stored open: drop the repeated first position. */
      if( bPoly && b.rc==0 ) b.s.nPt--;
    }
  }
  if( b.rc==0 ) b.rc = kqlGeoShapeFinish(&b.s);
  kqlGeoShapeFree(&s);
  if( b.rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( b.rc==0 ){
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendShape(p, &b.s);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoShapeFree(&b.s);
}

/* Douglas-Peucker on positions i0..i1-1 of pS: mark kept ones in aKeep. */
static void simplifyRange(const KqlGeoShape *pS, int i0, int i1, double tol, unsigned char *aKeep){
  /* Iterative, with an explicit stack of ranges. */
  int aStack[2*64], nStack = 0;
  aStack[nStack++] = i0;
  aStack[nStack++] = i1 - 1;
  while( nStack>0 ){
    int b = aStack[--nStack], a = aStack[--nStack], iMax = -1;
    double dMax = -1.0;
    for(int i=a+1; i<b; i++){
      double d = kqlGeoDistToEdge(pS->aV[i], pS->aV[a], pS->aV[b], 0);
      if( d>dMax ){ dMax = d; iMax = i; }
    }
    if( iMax<0 || dMax<=tol ) continue;
    aKeep[iMax] = 1;
    if( nStack+4>(int)(sizeof(aStack)/sizeof(aStack[0])) ){
      /* Too deep: keep everything in the range. */
      for(int i=a+1; i<b; i++) aKeep[i] = 1;
      continue;
    }
    aStack[nStack++] = a; aStack[nStack++] = iMax;
    aStack[nStack++] = iMax; aStack[nStack++] = b;
  }
}

/* geo_line_simplify(line [, tolerance]) and geo_polygon_simplify (user
** data 1). */
static void fnSimplify(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bPoly = sqlite3_user_data(ctx)!=0;
  double tol;
  int rc;
  KqlGeoShape s, o;
  unsigned char *aKeep;
  if( !argRealOpt(argc, argv, 1, 10.0, &tol) || tol<0.0 ) return;
  if( bPoly ){
    KqlGeoRegion r;
    rc = kqlGeoParseValue(argv[0], &s);
    if( rc==0 ){
      rc = kqlGeoRegionFromShape(&s, &r);
      if( rc==0 ) kqlGeoRegionFree(&r);
    }
  }else{
    rc = argLines(argv[0], 1, &s);
  }
  if( rc ){ kqlGeoShapeFree(&s); argFail(ctx, rc); return; }
  tol /= R_EARTH;
  aKeep = sqlite3_malloc64((sqlite3_uint64)s.nPt + 1);
  if( aKeep==0 ){ kqlGeoShapeFree(&s); sqlite3_result_error_nomem(ctx); return; }
  memset(aKeep, 0, (size_t)s.nPt + 1);
  memset(&o, 0, sizeof(o));
  o.eType = s.eType;
  rc = 0;
  for(int k=0; k<s.nPart && rc==0; k++){
    int nRingOut = 0;
    rc = kqlGeoShapeNewPart(&o);
    for(int r=s.aPart[k]; r<s.aPart[k+1] && rc==0; r++){
      int i0 = s.aRing[r], i1 = s.aRing[r+1], nKept = 0, iLast = -1;
      if( bPoly ){
        /* Split the ring at its first vertex and the vertex farthest from it. */
        int iFar = i0 + 1;
        for(int i=i0+1; i<i1; i++){
          if( kqlGeoAngle(s.aV[i], s.aV[i0])>kqlGeoAngle(s.aV[iFar], s.aV[i0]) ) iFar = i;
        }
        aKeep[i0] = aKeep[iFar] = 1;
        simplifyRange(&s, i0, iFar+1, tol, aKeep);
        /* Second half: iFar..i1-1 then back to i0 (checked against i0). */
        {
          int iMax = -1;
          double dMax = -1.0;
          for(int i=iFar+1; i<i1; i++){
            double d = kqlGeoDistToEdge(s.aV[i], s.aV[iFar], s.aV[i0], 0);
            if( d>dMax ){ dMax = d; iMax = i; }
          }
          if( iMax>=0 && dMax>tol ){
            aKeep[iMax] = 1;
            simplifyRange(&s, iFar, iMax+1, tol, aKeep);
            for(int i=iMax+1; i<i1; i++){
              if( kqlGeoDistToEdge(s.aV[i], s.aV[iMax], s.aV[i0], 0)>tol ) aKeep[i] = 1;
            }
          }
        }
      }else{
        aKeep[i0] = aKeep[i1-1] = 1;
        simplifyRange(&s, i0, i1, tol, aKeep);
      }
      rc = kqlGeoShapeNewRing(&o);
      for(int i=i0; i<i1 && rc==0; i++){
        if( !aKeep[i] ) continue;
        /* No two kept vertices closer than the tolerance. */
        if( iLast>=0 && kqlGeoAngle(s.aV[iLast], s.aV[i])<tol && i!=i1-1 ) continue;
        if( iLast>=0 && i==i1-1 && !bPoly && kqlGeoAngle(s.aV[iLast], s.aV[i])<tol ){
          if( nKept>1 ){ o.nPt--; nKept--; }else{ continue; }
        }
        rc = kqlGeoShapeAddPos(&o, s.aLng[i], s.aLat[i]);
        iLast = i;
        nKept++;
      }
      if( rc ) break;
      if( nKept<(bPoly ? 3 : 2) ){
        /* The line or ring vanished. */
        o.nPt -= nKept;
        o.nRing--;
        if( bPoly && r==s.aPart[k] ) break;    /* shell gone: drop the polygon */
        continue;
      }
      nRingOut++;
    }
    if( rc ) break;
    if( nRingOut==0 ){
      o.nPart--;
    }
  }
  if( rc==0 ) rc = kqlGeoShapeFinish(&o);
  sqlite3_free(aKeep);
  kqlGeoShapeFree(&s);
  if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( rc==0 && o.nRing>0 ){
    sqlite3_str *p;
    if( o.eType==KQL_GEO_MULTILINE && o.nRing==1 ) o.eType = KQL_GEO_LINE;
    if( o.eType==KQL_GEO_MULTIPOLY && o.nPart==1 ) o.eType = KQL_GEO_POLYGON;
    p = sqlite3_str_new(0);
    kqlGeoAppendShape(p, &o);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoShapeFree(&o);
}

/* kqlFnRegisterGeoMeasure(): contract in fn_geo.h. */
int kqlFnRegisterGeoMeasure(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    int iUser;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "kql_geo_distance_2points",          -1, 0, fnDistance2Points },
    { "kql_geo_distance_point_to_line",    -1, 0, fnDistancePointToLine },
    { "kql_geo_distance_point_to_polygon",  3, 0, fnDistancePointToPolygon },
    { "kql_geo_point_in_circle",            5, 0, fnPointInCircle },
    { "kql_geo_point_in_polygon",           3, 0, fnPointInPolygon },
    { "kql_geo_azimuth",                    4, 0, fnAzimuth },
    { "kql_geo_angle",                      6, 0, fnAngle },
    { "kql_geo_polygon_area",               1, 0, fnPolygonMeasure },
    { "kql_geo_polygon_perimeter",          1, 1, fnPolygonMeasure },
    { "kql_geo_polygon_centroid",           1, 2, fnPolygonMeasure },
    { "kql_geo_line_length",                1, 0, fnLineLength },
    { "kql_geo_line_centroid",              1, 0, fnLineCentroid },
    { "kql_geo_line_interpolate_point",     2, 0, fnLineInterpolate },
    { "kql_geo_line_locate_point",         -1, 0, fnLineLocate },
    { "kql_geo_closest_point_on_line",      3, 0, fnClosestOnLine },
    { "kql_geo_closest_point_on_polygon",   3, 0, fnClosestOnPolygon },
    { "kql_geo_line_densify",              -1, 0, fnDensify },
    { "kql_geo_polygon_densify",           -1, 1, fnDensify },
    { "kql_geo_line_simplify",             -1, 0, fnSimplify },
    { "kql_geo_polygon_simplify",          -1, 1, fnSimplify },
  };
  for(size_t i=0; i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    int rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)(intptr_t)aFunc[i].iUser, aFunc[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
