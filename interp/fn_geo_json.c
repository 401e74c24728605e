/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** GeoJSON for the geospatial built-ins: parse a dynamic value (JSON text)
** holding a Point, LineString, Polygon, MultiPoint, MultiLineString or
** MultiPolygon into a flat KqlGeoShape, and write shapes, points and numbers
** back as compact GeoJSON text. Parsing never reads past the text, never
** recurses deeper than a MultiPolygon, and gives up beyond
** KQL_GEO_MAX_POINTS positions.
*/
#include "fn_geo.h"
#include "fn_json.h"
#include "value.h"
#include <stdlib.h>
#include <string.h>

/****************************************************************************
** Building shapes.
*/

/* Grow *pa (element size sz) to hold at least nNeed elements. */
static int growArray(void **pa, int *pnAlloc, int nNeed, size_t sz){
  if( nNeed<=*pnAlloc ) return 0;
  {
    int nNew = *pnAlloc ? *pnAlloc*2 : 16;
    void *pNew;
    while( nNew<nNeed ) nNew *= 2;
    pNew = sqlite3_realloc64(*pa, (sqlite3_uint64)nNew*sz);
    if( pNew==0 ) return SQLITE_NOMEM;
    *pa = pNew;
    *pnAlloc = nNew;
  }
  return 0;
}

/* kqlGeoShapeAddPos(): contract in fn_geo.h. */
int kqlGeoShapeAddPos(KqlGeoShape *p, double lng, double lat){
  int nA = p->nAlloc[0];
  if( p->nPt>=KQL_GEO_MAX_POINTS ) return SQLITE_TOOBIG;
  if( p->nPt>=nA ){
    int n1 = nA, n2 = nA, n3 = nA;
    if( growArray((void**)&p->aLng, &n1, p->nPt+1, sizeof(double))
     || growArray((void**)&p->aLat, &n2, p->nPt+1, sizeof(double))
     || growArray((void**)&p->aV, &n3, p->nPt+1, sizeof(KqlGeoVec)) ){
      return SQLITE_NOMEM;
    }
    p->nAlloc[0] = n1<n2 ? (n1<n3 ? n1 : n3) : (n2<n3 ? n2 : n3);
  }
  p->aLng[p->nPt] = lng;
  p->aLat[p->nPt] = lat;
  p->aV[p->nPt] = kqlGeoFromDeg(lng, lat);
  p->nPt++;
  return 0;
}

/* kqlGeoShapeAddVec(): contract in fn_geo.h. */
int kqlGeoShapeAddVec(KqlGeoShape *p, KqlGeoVec v){
  double lng, lat;
  int rc;
  kqlGeoToDeg(v, &lng, &lat);
  rc = kqlGeoShapeAddPos(p, lng, lat);
  if( rc==0 ) p->aV[p->nPt-1] = v;
  return rc;
}

/* kqlGeoShapeNewRing(): contract in fn_geo.h. */
int kqlGeoShapeNewRing(KqlGeoShape *p){
  if( growArray((void**)&p->aRing, &p->nAlloc[1], p->nRing+2, sizeof(int)) ) return SQLITE_NOMEM;
  p->aRing[p->nRing++] = p->nPt;
  return 0;
}

/* kqlGeoShapeNewPart(): contract in fn_geo.h. */
int kqlGeoShapeNewPart(KqlGeoShape *p){
  if( growArray((void**)&p->aPart, &p->nAlloc[2], p->nPart+2, sizeof(int)) ) return SQLITE_NOMEM;
  p->aPart[p->nPart++] = p->nRing;
  return 0;
}

/* kqlGeoShapeFinish(): contract in fn_geo.h. */
int kqlGeoShapeFinish(KqlGeoShape *p){
  if( growArray((void**)&p->aRing, &p->nAlloc[1], p->nRing+1, sizeof(int)) ) return SQLITE_NOMEM;
  if( growArray((void**)&p->aPart, &p->nAlloc[2], p->nPart+1, sizeof(int)) ) return SQLITE_NOMEM;
  p->aRing[p->nRing] = p->nPt;
  p->aPart[p->nPart] = p->nRing;
  return 0;
}

/* kqlGeoShapeFree(): contract in fn_geo.h. */
void kqlGeoShapeFree(KqlGeoShape *p){
  sqlite3_free(p->aLng);
  sqlite3_free(p->aLat);
  sqlite3_free(p->aV);
  sqlite3_free(p->aRing);
  sqlite3_free(p->aPart);
  memset(p, 0, sizeof(*p));
}

/****************************************************************************
** Parsing.
*/

/* A JSON number z[0..n) (not a string) into *pR; 0 when it is not one. */
static int jsonNum(const char *z, int n, double *pR){
  char zBuf[64];
  char *zEnd = 0;
  if( n<=0 || n>=(int)sizeof(zBuf) ) return 0;
  if( z[0]!='-' && (z[0]<'0' || z[0]>'9') ) return 0;
  memcpy(zBuf, z, (size_t)n);
  zBuf[n] = 0;
  *pR = strtod(zBuf, &zEnd);
  return zEnd==zBuf+n && isfinite(*pR);
}

/* One position "[lng, lat]" (z is the value's text). 0 ok, 1 invalid, else rc. */
static int parsePos(KqlGeoShape *p, const char *z, int n){
  KqlJsonIter it;
  const char *zV;
  int nV, k = 0, rc;
  double a[2] = {0, 0};
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return 1;
  while( (rc = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    if( k>=2 || !jsonNum(zV, nV, &a[k]) ) return 1;
    k++;
  }
  if( rc<0 || k!=2 ) return 1;
  if( !kqlGeoValidLL(a[0], a[1]) ) return 1;
  rc = kqlGeoShapeAddPos(p, a[0], a[1]);
  return rc ? rc : 0;
}

/* An array of positions; at least nMin of them. */
static int parsePosList(KqlGeoShape *p, const char *z, int n, int nMin){
  KqlJsonIter it;
  const char *zV;
  int nV, k = 0, rc;
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return 1;
  while( (rc = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    rc = parsePos(p, zV, nV);
    if( rc ) return rc;
    k++;
  }
  if( rc<0 || k<nMin ) return 1;
  return 0;
}

/* A linear ring: closed, at least 4 positions; the closing one is dropped. */
static int parseRing(KqlGeoShape *p, const char *z, int n){
  int iFirst = p->nPt, rc;
  rc = kqlGeoShapeNewRing(p);
  if( rc ) return rc;
  rc = parsePosList(p, z, n, 4);
  if( rc ) return rc;
  if( p->aLng[iFirst]!=p->aLng[p->nPt-1] || p->aLat[iFirst]!=p->aLat[p->nPt-1] ) return 1;
  p->nPt--;
  return 0;
}

/* A polygon: an array of rings, at least one. */
static int parsePolygon(KqlGeoShape *p, const char *z, int n){
  KqlJsonIter it;
  const char *zV;
  int nV, k = 0, rc;
  rc = kqlGeoShapeNewPart(p);
  if( rc ) return rc;
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return 1;
  while( (rc = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    rc = parseRing(p, zV, nV);
    if( rc ) return rc;
    k++;
  }
  if( rc<0 || k<1 ) return 1;
  return 0;
}

/* Coordinates of type eType. */
static int parseCoords(KqlGeoShape *p, int eType, const char *z, int n){
  KqlJsonIter it;
  const char *zV;
  int nV, k = 0, rc;
  switch( eType ){
    case KQL_GEO_POINT:
      if( (rc = kqlGeoShapeNewPart(p))!=0 || (rc = kqlGeoShapeNewRing(p))!=0 ) return rc;
      return parsePos(p, z, n);
    case KQL_GEO_LINE:
      if( (rc = kqlGeoShapeNewPart(p))!=0 || (rc = kqlGeoShapeNewRing(p))!=0 ) return rc;
      return parsePosList(p, z, n, 1);
    case KQL_GEO_POLYGON:
      return parsePolygon(p, z, n);
    default:
      break;
  }
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return 1;
  while( (rc = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    if( eType==KQL_GEO_MULTIPOLY ){
      rc = parsePolygon(p, zV, nV);
    }else{
      if( (rc = kqlGeoShapeNewPart(p))!=0 || (rc = kqlGeoShapeNewRing(p))!=0 ) return rc;
      rc = eType==KQL_GEO_MULTIPOINT ? parsePos(p, zV, nV) : parsePosList(p, zV, nV, 1);
    }
    if( rc ) return rc;
    k++;
  }
  if( rc<0 || k<1 ) return 1;
  return 0;
}

/* The KQL_GEO_* type named by the JSON string literal z[0..n), or 0. */
static int typeFromName(const char *zKey, int nKey){
  static const struct { const char *z; int e; } aType[] = {
    { "Point", KQL_GEO_POINT },           { "LineString", KQL_GEO_LINE },
    { "Polygon", KQL_GEO_POLYGON },       { "MultiPoint", KQL_GEO_MULTIPOINT },
    { "MultiLineString", KQL_GEO_MULTILINE }, { "MultiPolygon", KQL_GEO_MULTIPOLY },
  };
  for(size_t i=0; i<sizeof(aType)/sizeof(aType[0]); i++){
    if( kqlJsonKeyIs(zKey, nKey, aType[i].z, (int)strlen(aType[i].z)) ) return aType[i].e;
  }
  return 0;
}

/* kqlGeoParse(): contract in fn_geo.h. */
int kqlGeoParse(const char *z, int n, KqlGeoShape *p){
  KqlJsonIter it;
  const char *zK, *zV, *zCoord = 0, *zType = 0;
  int nK, nV, nCoord = 0, nType = 0, rc, eType;
  memset(p, 0, sizeof(*p));
  if( z==0 || kqlJsonIterStart(&it, z, n)!=KQL_JSON_OBJECT ) return 1;
  while( (rc = kqlJsonIterNext(&it, &zK, &nK, &zV, &nV))==1 ){
    if( kqlJsonKeyIs(zK, nK, "type", 4) ){ zType = zV; nType = nV; }
    else if( kqlJsonKeyIs(zK, nK, "coordinates", 11) ){ zCoord = zV; nCoord = nV; }
  }
  if( rc<0 || zType==0 || zCoord==0 || nType<2 || zType[0]!='"' ) return 1;
  eType = typeFromName(zType, nType);
  if( eType==0 ) return 1;
  p->eType = eType;
  rc = parseCoords(p, eType, zCoord, nCoord);
  if( rc==0 ) rc = kqlGeoShapeFinish(p);
  if( rc==SQLITE_NOMEM ) return 2;
  return rc ? 1 : 0;
}

/* kqlGeoParseValue(): contract in fn_geo.h. */
int kqlGeoParseValue(sqlite3_value *pVal, KqlGeoShape *p){
  memset(p, 0, sizeof(*p));
  if( sqlite3_value_type(pVal)!=SQLITE_TEXT ) return 1;
  return kqlGeoParse((const char*)sqlite3_value_text(pVal), sqlite3_value_bytes(pVal), p);
}

/****************************************************************************
** Writing.
*/

/* kqlGeoAppendNum(): contract in fn_geo.h. */
void kqlGeoAppendNum(sqlite3_str *p, double r){
  char zBuf[48];
  if( !isfinite(r) ){
    sqlite3_str_append(p, "null", 4);
    return;
  }
  if( r==0.0 ) r = 0.0;     /* no "-0" */
  sqlite3_str_append(p, zBuf, kqlValFormatReal(r, zBuf));
}

/* kqlGeoAppendPos(): contract in fn_geo.h. */
void kqlGeoAppendPos(sqlite3_str *p, double lng, double lat){
  sqlite3_str_appendchar(p, 1, '[');
  kqlGeoAppendNum(p, lng);
  sqlite3_str_appendchar(p, 1, ',');
  kqlGeoAppendNum(p, lat);
  sqlite3_str_appendchar(p, 1, ']');
}

/* kqlGeoAppendPoint(): contract in fn_geo.h. */
void kqlGeoAppendPoint(sqlite3_str *p, double lng, double lat){
  sqlite3_str_appendall(p, "{\"type\":\"Point\",\"coordinates\":");
  kqlGeoAppendPos(p, lng, lat);
  sqlite3_str_appendchar(p, 1, '}');
}

/* kqlGeoAppendPointVec(): contract in fn_geo.h. */
void kqlGeoAppendPointVec(sqlite3_str *p, KqlGeoVec v){
  double lng, lat;
  kqlGeoToDeg(v, &lng, &lat);
  kqlGeoAppendPoint(p, lng, lat);
}

/* Positions of ring/line iRing of pS; bClose repeats the first. */
static void appendRing(sqlite3_str *p, const KqlGeoShape *pS, int iRing, int bClose){
  int i0 = pS->aRing[iRing], i1 = pS->aRing[iRing+1];
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=i0; i<i1; i++){
    if( i>i0 ) sqlite3_str_appendchar(p, 1, ',');
    kqlGeoAppendPos(p, pS->aLng[i], pS->aLat[i]);
  }
  if( bClose && i1>i0 ){
    sqlite3_str_appendchar(p, 1, ',');
    kqlGeoAppendPos(p, pS->aLng[i0], pS->aLat[i0]);
  }
  sqlite3_str_appendchar(p, 1, ']');
}

/* Rings of part iPart as a polygon's coordinates. */
static void appendPolygon(sqlite3_str *p, const KqlGeoShape *pS, int iPart){
  sqlite3_str_appendchar(p, 1, '[');
  for(int r=pS->aPart[iPart]; r<pS->aPart[iPart+1]; r++){
    if( r>pS->aPart[iPart] ) sqlite3_str_appendchar(p, 1, ',');
    appendRing(p, pS, r, 1);
  }
  sqlite3_str_appendchar(p, 1, ']');
}

/* kqlGeoAppendShape(): contract in fn_geo.h. */
void kqlGeoAppendShape(sqlite3_str *p, const KqlGeoShape *pS){
  static const char *const azType[] = { "", "Point", "LineString", "Polygon",
    "MultiPoint", "MultiLineString", "MultiPolygon" };
  int e = pS->eType;
  if( e<KQL_GEO_POINT || e>KQL_GEO_MULTIPOLY ) return;
  sqlite3_str_appendf(p, "{\"type\":\"%s\",\"coordinates\":", azType[e]);
  switch( e ){
    case KQL_GEO_POINT:
      if( pS->nPt>0 ) kqlGeoAppendPos(p, pS->aLng[0], pS->aLat[0]);
      else sqlite3_str_appendall(p, "[]");
      break;
    case KQL_GEO_LINE:
      if( pS->nRing>0 ) appendRing(p, pS, 0, 0);
      else sqlite3_str_appendall(p, "[]");
      break;
    case KQL_GEO_POLYGON:
      if( pS->nPart>0 ) appendPolygon(p, pS, 0);
      else sqlite3_str_appendall(p, "[]");
      break;
    case KQL_GEO_MULTIPOINT:
      sqlite3_str_appendchar(p, 1, '[');
      for(int i=0; i<pS->nPt; i++){
        if( i ) sqlite3_str_appendchar(p, 1, ',');
        kqlGeoAppendPos(p, pS->aLng[i], pS->aLat[i]);
      }
      sqlite3_str_appendchar(p, 1, ']');
      break;
    case KQL_GEO_MULTILINE:
      sqlite3_str_appendchar(p, 1, '[');
      for(int r=0; r<pS->nRing; r++){
        if( r ) sqlite3_str_appendchar(p, 1, ',');
        appendRing(p, pS, r, 0);
      }
      sqlite3_str_appendchar(p, 1, ']');
      break;
    default:
      sqlite3_str_appendchar(p, 1, '[');
      for(int k=0; k<pS->nPart; k++){
        if( k ) sqlite3_str_appendchar(p, 1, ',');
        appendPolygon(p, pS, k);
      }
      sqlite3_str_appendchar(p, 1, ']');
      break;
  }
  sqlite3_str_appendchar(p, 1, '}');
}
