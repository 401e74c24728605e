/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL functions of the S2 and geohash grids: geo_point_to_s2cell,
** geo_s2cell_to_central_point, geo_s2cell_to_polygon, geo_s2cell_neighbors,
** geo_polygon_to_s2cells, geo_line_to_s2cells, geo_point_to_geohash,
** geo_geohash_to_central_point, geo_geohash_to_polygon and
** geo_geohash_neighbors. Invalid input gives what the docs say: an empty
** string for the point-to-cell functions, null for the others.
*/
#include "fn.h"
#include "fn_geo.h"
#include "fnutil.h"
#include <string.h>

#define S2_DEFAULT_LEVEL   11
#define GEOHASH_DEFAULT    5

/* Append a JSON array of the tokens of aId[0..n). */
static void appendTokens(sqlite3_str *p, const uint64_t *aId, int n){
  char zTok[20];
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<n; i++){
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    kqlS2ToToken(aId[i], zTok);
    sqlite3_str_appendf(p, "\"%s\"", zTok);
  }
  sqlite3_str_appendchar(p, 1, ']');
}

/* The S2 cell id named by argument pVal, or 0. */
static uint64_t argCell(sqlite3_value *pVal){
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return 0;
  return kqlS2FromToken((const char*)sqlite3_value_text(pVal), sqlite3_value_bytes(pVal));
}

/* geo_point_to_s2cell(lng, lat [, level]) -> token, "" when invalid. */
static void fnPointToS2(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat;
  int level;
  char zTok[20];
  if( !kqlGeoArgReal(argv[0], &lng) || !kqlGeoArgReal(argv[1], &lat)
   || !kqlGeoValidLL(lng, lat)
   || !kqlGeoArgInt(argc, argv, 2, S2_DEFAULT_LEVEL, &level) || level<0 || level>30 ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  kqlS2ToToken(kqlS2FromPoint(kqlGeoFromDeg(lng, lat), level), zTok);
  sqlite3_result_text(ctx, zTok, -1, SQLITE_TRANSIENT);
}

/* geo_s2cell_to_central_point(token) -> Point. */
static void fnS2Center(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t id = argCell(argv[0]);
  sqlite3_str *p;
  (void)argc;
  if( id==0 ) return;
  p = sqlite3_str_new(0);
  kqlGeoAppendPointVec(p, kqlS2Center(id));
  kqlGeoResultJson(ctx, p);
}

/* geo_s2cell_to_polygon(token) -> Polygon of the 4 corners. */
static void fnS2Polygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t id = argCell(argv[0]);
  KqlGeoVec aV[4];
  sqlite3_str *p;
  (void)argc;
  if( id==0 ) return;
  kqlS2Vertices(id, aV);
  p = sqlite3_str_new(0);
  sqlite3_str_appendall(p, "{\"type\":\"Polygon\",\"coordinates\":[[");
  for(int k=0; k<=4; k++){
    double lng, lat;
    kqlGeoToDeg(aV[k&3], &lng, &lat);
    if( k ) sqlite3_str_appendchar(p, 1, ',');
    kqlGeoAppendPos(p, lng, lat);
  }
  sqlite3_str_appendall(p, "]]}");
  kqlGeoResultJson(ctx, p);
}

/* geo_s2cell_neighbors(token) -> array of 8 tokens. */
static void fnS2Neighbors(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t id = argCell(argv[0]), aNbr[8];
  sqlite3_str *p;
  (void)argc;
  if( id==0 ) return;
  kqlS2Neighbors(id, aNbr);
  p = sqlite3_str_new(0);
  appendTokens(p, aNbr, 8);
  kqlGeoResultJson(ctx, p);
}

/* Shared tail of the covering functions: run the covering, emit tokens. */
static void coverResult(sqlite3_context *ctx, const KqlGeoRegion *pR,
                        const KqlGeoVec *aV, int nV, int level, double radius){
  uint64_t *aId = 0;
  int n = kqlS2Cover(pR, aV, nV, level, radius, &aId);
  sqlite3_str *p;
  if( n==-2 ){ sqlite3_result_error_nomem(ctx); return; }
  if( n<0 ) return;
  p = sqlite3_str_new(0);
  appendTokens(p, aId, n);
  sqlite3_free(aId);
  kqlGeoResultJson(ctx, p);
}

/* Optional radius argument argv[i] in metres, as an angle; 0 when invalid. */
static int argRadius(int argc, sqlite3_value **argv, int i, double *pR){
  double r = 0.0;
  if( i<argc && (!kqlGeoArgReal(argv[i], &r) || r<0.0) ) return 0;
  *pR = r/KQL_GEO_EARTH_R;
  return 1;
}

/* geo_polygon_to_s2cells(polygon [, level [, radius]]) -> tokens. */
static void fnPolygonToS2(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  KqlGeoRegion r;
  int level, rc;
  double radius;
  if( !kqlGeoArgInt(argc, argv, 1, S2_DEFAULT_LEVEL, &level) || level<0 || level>30
   || !argRadius(argc, argv, 2, &radius) ) return;
  rc = kqlGeoParseValue(argv[0], &s);
  if( rc==0 ) rc = kqlGeoRegionFromShape(&s, &r);
  kqlGeoShapeFree(&s);
  if( rc==2 ){ sqlite3_result_error_nomem(ctx); return; }
  if( rc ) return;
  coverResult(ctx, &r, 0, 0, level, radius);
  kqlGeoRegionFree(&r);
}

/* geo_line_to_s2cells(line [, level [, radius]]) -> tokens of the cells
** that the edges of a LineString or MultiLineString pass through (or come
** within radius metres of). */
static void fnLineToS2(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  int level, rc;
  uint64_t *aAll = 0;
  int nAll = 0;
  double radius;
  if( !kqlGeoArgInt(argc, argv, 1, S2_DEFAULT_LEVEL, &level) || level<0 || level>30
   || !argRadius(argc, argv, 2, &radius) ) return;
  rc = kqlGeoParseValue(argv[0], &s);
  if( rc==2 ){ sqlite3_result_error_nomem(ctx); return; }
  if( rc || (s.eType!=KQL_GEO_LINE && s.eType!=KQL_GEO_MULTILINE) ){
    kqlGeoShapeFree(&s);
    return;
  }
  for(int r=0; r<s.nRing; r++){
    if( s.aRing[r+1]-s.aRing[r]<2 ){ kqlGeoShapeFree(&s); return; }
  }
  if( s.nRing==1 ){
    coverResult(ctx, 0, s.aV, s.nPt, level, radius);
    kqlGeoShapeFree(&s);
    return;
  }
  /* Several lines: cover each, then merge the sorted lists. */
  for(int r=0; r<s.nRing; r++){
    uint64_t *aId = 0, *aNew;
    int n = kqlS2Cover(0, s.aV + s.aRing[r], s.aRing[r+1]-s.aRing[r], level, radius, &aId);
    int i = 0, j = 0, m = 0;
    if( n<0 ){
      sqlite3_free(aAll);
      kqlGeoShapeFree(&s);
      if( n==-2 ) sqlite3_result_error_nomem(ctx);
      return;
    }
    aNew = sqlite3_malloc64((sqlite3_uint64)(nAll + n + 1)*sizeof(uint64_t));
    if( aNew==0 ){
      sqlite3_free(aId); sqlite3_free(aAll); kqlGeoShapeFree(&s);
      sqlite3_result_error_nomem(ctx);
      return;
    }
    while( i<nAll || j<n ){
      uint64_t x;
      if( j>=n || (i<nAll && aAll[i]<aId[j]) ) x = aAll[i++];
      else if( i>=nAll || aId[j]<aAll[i] ) x = aId[j++];
      else { x = aAll[i++]; j++; }
      aNew[m++] = x;
    }
    sqlite3_free(aId);
    sqlite3_free(aAll);
    aAll = aNew;
    nAll = m;
    if( nAll>KQL_GEO_MAX_CELLS ){
      sqlite3_free(aAll);
      kqlGeoShapeFree(&s);
      return;
    }
  }
  kqlGeoShapeFree(&s);
  {
    sqlite3_str *p = sqlite3_str_new(0);
    appendTokens(p, aAll, nAll);
    sqlite3_free(aAll);
    kqlGeoResultJson(ctx, p);
  }
}

/* geo_point_to_geohash(lng, lat [, accuracy]) -> geohash, "" when invalid. */
static void fnPointToGeohash(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat;
  int n;
  char z[24];
  if( !kqlGeoArgReal(argv[0], &lng) || !kqlGeoArgReal(argv[1], &lat)
   || !kqlGeoValidLL(lng, lat)
   || !kqlGeoArgInt(argc, argv, 2, GEOHASH_DEFAULT, &n) || n<1 || n>18 ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  kqlGeohashEncode(lng, lat, n, z);
  sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
}

/* Bounds of the geohash argument; 0 when invalid. */
static int argGeohash(sqlite3_value *pVal, double a[4], int *pn){
  const char *z;
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return 0;
  z = (const char*)sqlite3_value_text(pVal);
  *pn = sqlite3_value_bytes(pVal);
  return kqlGeohashDecode(z, *pn, &a[0], &a[1], &a[2], &a[3])==0;
}

/* geo_geohash_to_central_point(geohash) -> Point. */
static void fnGeohashCenter(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double a[4];
  int n;
  sqlite3_str *p;
  (void)argc;
  if( !argGeohash(argv[0], a, &n) ) return;
  p = sqlite3_str_new(0);
  kqlGeoAppendPoint(p, 0.5*(a[0] + a[2]), 0.5*(a[1] + a[3]));
  kqlGeoResultJson(ctx, p);
}

/* geo_geohash_to_polygon(geohash) -> Polygon SW, SE, NE, NW. */
static void fnGeohashPolygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double a[4];
  int n;
  sqlite3_str *p;
  (void)argc;
  if( !argGeohash(argv[0], a, &n) ) return;
  p = sqlite3_str_new(0);
  sqlite3_str_appendall(p, "{\"type\":\"Polygon\",\"coordinates\":[[");
  kqlGeoAppendPos(p, a[0], a[1]); sqlite3_str_appendchar(p, 1, ',');
  kqlGeoAppendPos(p, a[2], a[1]); sqlite3_str_appendchar(p, 1, ',');
  kqlGeoAppendPos(p, a[2], a[3]); sqlite3_str_appendchar(p, 1, ',');
  kqlGeoAppendPos(p, a[0], a[3]); sqlite3_str_appendchar(p, 1, ',');
  kqlGeoAppendPos(p, a[0], a[1]);
  sqlite3_str_appendall(p, "]]}");
  kqlGeoResultJson(ctx, p);
}

/* geo_geohash_neighbors(geohash) -> array of the (up to) 8 neighbors. */
static void fnGeohashNeighbors(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  /* Kusto's order: SW, NW, SE, N, W, NE, E, S. */
  static const int aOff[8][2] = {
    {-1,-1}, {-1,1}, {1,-1}, {0,1}, {-1,0}, {1,1}, {1,0}, {0,-1}
  };
  double a[4], cx, cy, w, h;
  int n, nOut = 0;
  char z[24];
  sqlite3_str *p;
  (void)argc;
  if( !argGeohash(argv[0], a, &n) ) return;
  cx = 0.5*(a[0] + a[2]); cy = 0.5*(a[1] + a[3]);
  w = a[2] - a[0]; h = a[3] - a[1];
  p = sqlite3_str_new(0);
  sqlite3_str_appendchar(p, 1, '[');
  for(int k=0; k<8; k++){
    double x = cx + aOff[k][0]*w, y = cy + aOff[k][1]*h;
    if( y<-90.0 || y>90.0 ) continue;
    if( x>180.0 ) x -= 360.0;
    if( x<-180.0 ) x += 360.0;
    kqlGeohashEncode(x, y, n, z);
    if( nOut++ ) sqlite3_str_appendchar(p, 1, ',');
    sqlite3_str_appendf(p, "\"%s\"", z);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlGeoResultJson(ctx, p);
}

/* kqlGeoResultJson(): contract in fn_geo.h. */
void kqlGeoResultJson(sqlite3_context *ctx, sqlite3_str *p){
  kqlFnResultStr(ctx, p);
}

/* kqlFnRegisterGeoCells(): contract in fn_geo.h. */
int kqlFnRegisterGeoCells(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "kql_geo_point_to_s2cell",          -1, fnPointToS2 },
    { "kql_geo_s2cell_to_central_point",   1, fnS2Center },
    { "kql_geo_s2cell_to_polygon",         1, fnS2Polygon },
    { "kql_geo_s2cell_neighbors",          1, fnS2Neighbors },
    { "kql_geo_polygon_to_s2cells",       -1, fnPolygonToS2 },
    { "kql_geo_line_to_s2cells",          -1, fnLineToS2 },
    { "kql_geo_point_to_geohash",         -1, fnPointToGeohash },
    { "kql_geo_geohash_to_central_point",  1, fnGeohashCenter },
    { "kql_geo_geohash_to_polygon",        1, fnGeohashPolygon },
    { "kql_geo_geohash_neighbors",         1, fnGeohashNeighbors },
  };
  for(size_t i=0; i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    int rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, aFunc[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
