/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Spherical geometry primitives for the geospatial built-ins: conversion
** between degrees and unit vectors, central angles, orientation of three
** points, crossing and intersection of great-circle arcs, distance from a
** point to an arc, interpolation along an arc, triangle areas and bearings;
** plus the argument readers the SQL wrappers share. Everything works on the
** unit sphere; callers scale by KQL_GEO_EARTH_R.
*/
#include "fn_geo.h"
#include <float.h>

/* Determinants smaller than this are treated as zero (three points on one
** great circle). Inputs are unit vectors, so rounding error is about this. */
#define ORIENT_EPS 4e-16

/* kqlGeoNormalize(): contract in fn_geo.h. */
KqlGeoVec kqlGeoNormalize(KqlGeoVec a){
  double n = geoNorm(a);
  if( n==0.0 || !isfinite(n) ) return a;
  return geoScale(a, 1.0/n);
}

/* kqlGeoFromDeg(): contract in fn_geo.h. */
KqlGeoVec kqlGeoFromDeg(double lng, double lat){
  double phi = lat*KQL_GEO_DEG, theta = lng*KQL_GEO_DEG;
  double c = cos(phi);
  return geoVec(cos(theta)*c, sin(theta)*c, sin(phi));
}

/* kqlGeoToDeg(): contract in fn_geo.h. */
void kqlGeoToDeg(KqlGeoVec p, double *pLng, double *pLat){
  *pLat = atan2(p.z, sqrt(p.x*p.x + p.y*p.y)) * (180.0/M_PI);
  *pLng = atan2(p.y, p.x) * (180.0/M_PI);
}

/* kqlGeoAngle(): contract in fn_geo.h. */
double kqlGeoAngle(KqlGeoVec a, KqlGeoVec b){
  return atan2(geoNorm(geoCross(a, b)), geoDot(a, b));
}

/* kqlGeoEdgeNormal(): contract in fn_geo.h. */
KqlGeoVec kqlGeoEdgeNormal(KqlGeoVec a, KqlGeoVec b){
  return geoScale(geoCross(geoAdd(b, a), geoSub(b, a)), 0.5);
}

/* kqlGeoOrient(): contract in fn_geo.h. */
int kqlGeoOrient(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c){
  double d = geoDot(kqlGeoEdgeNormal(a, b), c);
  if( d>ORIENT_EPS ) return 1;
  if( d<-ORIENT_EPS ) return -1;
  return 0;
}

/* Area of a spherical triangle with sides (central angles) a, b, c, by
** l'Huilier's theorem: accurate for small triangles. */
static double lhuilier(double a, double b, double c){
  double s = 0.5*(a + b + c);
  double t = tan(0.5*s) * tan(0.5*(s - a)) * tan(0.5*(s - b)) * tan(0.5*(s - c));
  return 4.0*atan(sqrt(t>0.0 ? t : 0.0));
}

/* kqlGeoTriArea(): contract in fn_geo.h. */
double kqlGeoTriArea(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c){
  double r = lhuilier(kqlGeoAngle(b, c), kqlGeoAngle(c, a), kqlGeoAngle(a, b));
  double d = geoDot(kqlGeoEdgeNormal(a, b), c);
  return d<0.0 ? -r : r;
}

/* 1 when p lies on arc ab within a tiny tolerance. */
static int onArc(KqlGeoVec p, KqlGeoVec a, KqlGeoVec b){
  return kqlGeoDistToEdge(p, a, b, 0) <= 1e-14;
}

/* kqlGeoEdgeCrossing(): contract in fn_geo.h. */
int kqlGeoEdgeCrossing(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c, KqlGeoVec d){
  return kqlGeoEdgeCrossingEps(a, b, c, d, 1e-15);
}

/* kqlGeoEdgeCrossingEps(): contract in fn_geo.h. */
int kqlGeoEdgeCrossingEps(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c, KqlGeoVec d, double eps){
  KqlGeoVec n1, n2, x;
  double sc, sd, sa, sb;
  if( geoVecEq(a, c) || geoVecEq(a, d) || geoVecEq(b, c) || geoVecEq(b, d) ) return 0;
  /* Signed distances (radians, for small values) of each arc's ends from
  ** the other arc's great circle. */
  n1 = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  n2 = kqlGeoNormalize(kqlGeoEdgeNormal(c, d));
  sc = geoDot(n1, c); sd = geoDot(n1, d);
  sa = geoDot(n2, a); sb = geoDot(n2, b);
  if( (sc>eps && sd>eps) || (sc<-eps && sd<-eps) ) return -1;
  if( (sa>eps && sb>eps) || (sa<-eps && sb<-eps) ) return -1;
  if( fabs(sc)<=eps || fabs(sd)<=eps || fabs(sa)<=eps || fabs(sb)<=eps ){
    /* An end (nearly) on the other great circle: touching, or no contact. */
    if( onArc(a, c, d) || onArc(b, c, d) || onArc(c, a, b) || onArc(d, a, b) ) return 0;
    return eps>1e-15 ? 0 : -1;
  }
  /* Each arc straddles the other's circle; the circles meet at +-x. */
  x = geoCross(n1, n2);
  if( geoDot(x, geoAdd(a, b))<0.0 ) x = geoScale(x, -1.0);
  return geoDot(x, geoAdd(c, d))>0.0 ? 1 : -1;
}

/* kqlGeoEdgeIntersection(): contract in fn_geo.h. */
KqlGeoVec kqlGeoEdgeIntersection(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c, KqlGeoVec d){
  KqlGeoVec n1 = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  KqlGeoVec n2 = kqlGeoNormalize(kqlGeoEdgeNormal(c, d));
  KqlGeoVec x = kqlGeoNormalize(geoCross(n1, n2));
  /* Of the two antipodal candidates take the one near the arcs. */
  if( geoDot(x, geoAdd(geoAdd(a, b), geoAdd(c, d)))<0.0 ) x = geoScale(x, -1.0);
  return x;
}

/* kqlGeoDistToEdge(): contract in fn_geo.h. */
double kqlGeoDistToEdge(KqlGeoVec p, KqlGeoVec a, KqlGeoVec b, KqlGeoVec *pClosest){
  KqlGeoVec n = kqlGeoEdgeNormal(a, b);
  double nn = geoNorm(n);
  if( nn>0.0 ){
    double pn;
    KqlGeoVec q;
    n = geoScale(n, 1.0/nn);
    pn = geoDot(p, n);
    q = geoSub(p, geoScale(n, pn));
    /* Is the foot of the perpendicular between a and b? */
    if( geoDot(geoCross(a, q), n)>0.0 && geoDot(geoCross(q, b), n)>0.0 ){
      double qn = geoNorm(q);
      if( qn>0.0 ){
        if( pClosest ) *pClosest = geoScale(q, 1.0/qn);
        return atan2(fabs(pn), qn);
      }
    }
  }
  {
    double da = kqlGeoAngle(p, a), db = kqlGeoAngle(p, b);
    if( pClosest ) *pClosest = da<=db ? a : b;
    return da<=db ? da : db;
  }
}

/* kqlGeoInterpolate(): contract in fn_geo.h. */
KqlGeoVec kqlGeoInterpolate(KqlGeoVec a, KqlGeoVec b, double t){
  double theta = kqlGeoAngle(a, b);
  KqlGeoVec n, dir;
  double ax;
  if( t<=0.0 ) return a;
  if( t>=1.0 ) return b;
  n = kqlGeoNormalize(kqlGeoEdgeNormal(a, b));
  if( geoNorm(n)==0.0 ) return a;
  dir = kqlGeoNormalize(geoCross(n, a));
  ax = t*theta;
  return kqlGeoNormalize(geoAdd(geoScale(a, cos(ax)), geoScale(dir, sin(ax))));
}

/* kqlGeoBearing(): contract in fn_geo.h. */
double kqlGeoBearing(double lng1, double lat1, double lng2, double lat2){
  double p1 = lat1*KQL_GEO_DEG, p2 = lat2*KQL_GEO_DEG;
  double dl = (lng2 - lng1)*KQL_GEO_DEG;
  double r = atan2(sin(dl)*cos(p2), cos(p1)*sin(p2) - sin(p1)*cos(p2)*cos(dl));
  if( r<0.0 ) r += 2.0*M_PI;
  return r;
}

/* kqlGeoValidLL(): contract in fn_geo.h. */
int kqlGeoValidLL(double lng, double lat){
  return isfinite(lng) && isfinite(lat) && lng>=-180.0 && lng<=180.0
      && lat>=-90.0 && lat<=90.0;
}

/****************************************************************************
** Argument readers.
*/
int kqlGeoArgReal(sqlite3_value *pVal, double *pR){
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      *pR = sqlite3_value_double(pVal);
      return isfinite(*pR);
    case SQLITE_TEXT: {
      int e = sqlite3_value_numeric_type(pVal);
      if( e!=SQLITE_INTEGER && e!=SQLITE_FLOAT ) return 0;
      *pR = sqlite3_value_double(pVal);
      return isfinite(*pR);
    }
    default:
      return 0;
  }
}

/* kqlGeoArgInt(): contract in fn_geo.h. */
int kqlGeoArgInt(int argc, sqlite3_value **argv, int i, int iDflt, int *piOut){
  double r;
  if( i>=argc ){
    *piOut = iDflt;
    return 1;
  }
  if( !kqlGeoArgReal(argv[i], &r) ) return 0;   /* NULL too: int(null) is invalid */
  if( r<-1e9 || r>1e9 ) return 0;
  *piOut = (int)r;
  return 1;
}
