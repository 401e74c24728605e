/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The H3 cell functions. The index, from the published description of
** H3 (h3geo.org), is a 64-bit value holding the mode
** (1 for a cell, bits 59-62), the resolution (bits 52-55), the base cell
** (bits 45-51) and one 3-bit digit per resolution 1..15 (7 below the
** cell's resolution). Each digit picks one of the 7 children of an
** aperture-7 hexagon: 0 the center, 1..6 the unit vectors of the IJK
** lattice (k, j, jk, i, ik, ij). Resolutions alternate between two lattice
** orientations (odd resolutions are "Class III").
**
** geo_h3cell_level, geo_h3cell_parent and geo_h3cell_children work on the
** index alone. The SQL wrappers of the functions that need the icosahedron
** are here too: geo_point_to_h3cell, geo_h3cell_to_central_point and
** geo_h3cell_to_polygon (fn_geo_h3_proj.c), geo_h3cell_rings and
** geo_h3cell_neighbors (fn_geo_h3_ring.c; not supported next to a
** pentagon, where H3 orders the cells differently) and
** geo_polygon_to_h3cells (fn_geo_h3_fill.c).
*/
#include "fn.h"
#include "fn_geo.h"
#include "fnutil.h"
#include <stdio.h>
#include <string.h>

#define H3_MAX_RES      15
#define H3_DEFAULT_RES  6
#define H3_MAX_FILL     61680   /* tokens geo_polygon_to_h3cells may return */
#define H3_NUM_BASE     122
#define H3_MAX_RING     142     /* largest ring distance Kusto accepts */
#define H3_MAX_CHILDREN_DIFF 5  /* children at most 5 resolutions down */

/* The 12 base cells centred on icosahedron vertices (pentagons). */
static int isPentagonBase(int bc){
  static const unsigned char aPent[] = { 4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117 };
  for(size_t i=0; i<sizeof(aPent); i++) if( aPent[i]==bc ) return 1;
  return 0;
}

static int cellRes(uint64_t h){ return (int)((h >> 52) & 15); }
static int cellBase(uint64_t h){ return (int)((h >> 45) & 127); }
static int cellDigit(uint64_t h, int r){ return (int)((h >> ((H3_MAX_RES - r)*3)) & 7); }
static uint64_t setDigit(uint64_t h, int r, int d){
  int s = (H3_MAX_RES - r)*3;
  return (h & ~((uint64_t)7 << s)) | ((uint64_t)d << s);
}

/* 1 when h is a valid H3 cell index. */
static int cellValid(uint64_t h){
  int res, bc, bSeenNonZero = 0;
  if( (h >> 63)!=0 || ((h >> 59) & 15)!=1 || ((h >> 56) & 7)!=0 ) return 0;
  res = cellRes(h);
  bc = cellBase(h);
  if( bc>=H3_NUM_BASE ) return 0;
  for(int r=1; r<=H3_MAX_RES; r++){
    int d = cellDigit(h, r);
    if( r<=res ){
      if( d==7 ) return 0;
      /* A pentagon has no child in the k direction (the deleted
      ** subsequence): its first non-zero digit cannot be 1. */
      if( !bSeenNonZero && d!=0 ){
        if( d==1 && isPentagonBase(bc) ) return 0;
        bSeenNonZero = 1;
      }
    }else if( d!=7 ){
      return 0;
    }
  }
  return 1;
}

/* Parse a cell token (hex); 0 when invalid. */
static uint64_t cellFromText(sqlite3_value *pVal){
  const char *z;
  int n;
  uint64_t h = 0;
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return 0;
  z = (const char*)sqlite3_value_text(pVal);
  n = sqlite3_value_bytes(pVal);
  if( n<1 || n>16 ) return 0;
  for(int i=0; i<n; i++){
    int c = (unsigned char)z[i], d;
    if( c>='0' && c<='9' ) d = c - '0';
    else if( c>='a' && c<='f' ) d = c - 'a' + 10;
    else if( c>='A' && c<='F' ) d = c - 'A' + 10;
    else return 0;
    h = (h << 4) | (uint64_t)d;
  }
  return cellValid(h) ? h : 0;
}

static void appendCell(sqlite3_str *p, uint64_t h){
  sqlite3_str_appendf(p, "\"%llx\"", (unsigned long long)h);
}

/****************************************************************************
** IJK lattice (shared with fn_geo_h3_grid.c, fn_geo_h3_proj.c and
** fn_geo_h3_ring.c through fn_geo.h).
*/
typedef KqlH3Ijk Ijk;

/* Remove the common part so that the smallest component is 0. */
static Ijk ijkNorm(Ijk v){
  long long m = v.i<v.j ? (v.i<v.k ? v.i : v.k) : (v.j<v.k ? v.j : v.k);
  v.i -= m; v.j -= m; v.k -= m;
  return v;
}

/* v in the lattice one resolution finer, where the unit vectors i, j, k
** map to the given vectors. */
static Ijk ijkMap(Ijk v, Ijk ui, Ijk uj, Ijk uk){
  Ijk r;
  r.i = v.i*ui.i + v.j*uj.i + v.k*uk.i;
  r.j = v.i*ui.j + v.j*uj.j + v.k*uk.j;
  r.k = v.i*ui.k + v.j*uj.k + v.k*uk.k;
  return ijkNorm(r);
}

/* Down one resolution: counterclockwise into a Class III resolution,
** clockwise into a Class II one. */
static Ijk downAp7(Ijk v, int bClassIII){
  static const Ijk ccw[3] = { {3,0,1}, {1,3,0}, {0,1,3} };
  static const Ijk cw[3]  = { {3,1,0}, {0,3,1}, {1,0,3} };
  const Ijk *u = bClassIII ? ccw : cw;
  return ijkMap(v, u[0], u[1], u[2]);
}

/* Round x/7 to the nearest integer, halves away from zero. */
static long long div7(long long x){
  return x>=0 ? (2*x + 7)/14 : -((-2*x + 7)/14);
}

/* Up one resolution: the parent cell's coordinates (inverse of downAp7). */
static Ijk upAp7(Ijk v, int bClassIII){
  long long i = v.i - v.k, j = v.j - v.k;
  Ijk r;
  if( bClassIII ){
    r.i = div7(3*i - j);
    r.j = div7(i + 2*j);
  }else{
    r.i = div7(2*i + j);
    r.j = div7(3*j - i);
  }
  r.k = 0;
  return ijkNorm(r);
}

KqlH3Ijk kqlH3IjkNorm(KqlH3Ijk v){ return ijkNorm(v); }
KqlH3Ijk kqlH3Down7(KqlH3Ijk v, int bClassIII){ return downAp7(v, bClassIII); }
KqlH3Ijk kqlH3Up7(KqlH3Ijk v, int bClassIII){ return upAp7(v, bClassIII); }

/****************************************************************************
** SQL functions.
*/

/* geo_h3cell_level(cell) -> int. */
static void fnLevel(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t h = cellFromText(argv[0]);
  (void)argc;
  if( h ) sqlite3_result_int(ctx, cellRes(h));
}

/* geo_h3cell_parent(cell [, resolution]) -> token; "" when invalid. */
static void fnParent(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t h = cellFromText(argv[0]);
  int res;
  char zBuf[24];
  if( h==0 || !kqlGeoArgInt(argc, argv, 1, cellRes(h)-1, &res)
   || res<0 || res>cellRes(h) ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  for(int r=res+1; r<=H3_MAX_RES; r++) h = setDigit(h, r, 7);
  h = (h & ~((uint64_t)15 << 52)) | ((uint64_t)res << 52);
  snprintf(zBuf, sizeof(zBuf), "%llx", (unsigned long long)h);
  sqlite3_result_text(ctx, zBuf, -1, SQLITE_TRANSIENT);
}

/* geo_h3cell_children(cell [, resolution]) -> array of tokens. */
static void fnChildren(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t h = cellFromText(argv[0]);
  int res, res0, nDiff, nOut = 0;
  long long nAll = 1;
  sqlite3_str *p;
  if( h==0 ) return;
  res0 = cellRes(h);
  if( !kqlGeoArgInt(argc, argv, 1, res0+1, &res) || res<res0 || res>H3_MAX_RES ) return;
  nDiff = res - res0;
  if( nDiff>H3_MAX_CHILDREN_DIFF ) return;
  for(int i=0; i<nDiff; i++) nAll *= 7;
  p = sqlite3_str_new(0);
  sqlite3_str_appendchar(p, 1, '[');
  for(long long c=0; c<nAll; c++){
    uint64_t x = (h & ~((uint64_t)15 << 52)) | ((uint64_t)res << 52);
    long long v = c;
    for(int r=res; r>res0; r--){
      x = setDigit(x, r, (int)(v % 7));
      v /= 7;
    }
    if( !cellValid(x) ) continue;
    if( nOut++ ) sqlite3_str_appendchar(p, 1, ',');
    appendCell(p, x);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlGeoResultJson(ctx, p);
}

/* geo_h3cell_rings(cell, distance) -> array of arrays;
** geo_h3cell_neighbors(cell) (user data 1) -> the first ring. */
static void fnRings(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bNeighbors = sqlite3_user_data(ctx)!=0;
  uint64_t h = cellFromText(argv[0]), *a;
  int k = 1, n, rc;
  sqlite3_str *p;
  if( h==0 ) return;
  if( !bNeighbors && (argc<2 || !kqlGeoArgInt(argc, argv, 1, 0, &k) || k<0 || k>H3_MAX_RING) ) return;
  n = 1 + 3*k*(k+1);
  a = sqlite3_malloc64((sqlite3_uint64)n*sizeof(uint64_t));
  if( a==0 ){ sqlite3_result_error_nomem(ctx); return; }
  rc = kqlH3Rings(h, k, a);
  if( rc==2 ){
    sqlite3_free(a);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( rc ){
    sqlite3_free(a);
    kqlFnError(ctx, bNeighbors ? "geo_h3cell_neighbors" : "geo_h3cell_rings",
               "not supported: %s next to a pentagon cell",
               bNeighbors ? "geo_h3cell_neighbors" : "geo_h3cell_rings");
    return;
  }
  p = sqlite3_str_new(0);
  sqlite3_str_appendchar(p, 1, '[');
  if( bNeighbors ){
    for(int i=1; i<n; i++){
      if( i>1 ) sqlite3_str_appendchar(p, 1, ',');
      appendCell(p, a[i]);
    }
  }else{
    int i = 0;
    for(int r=0; r<=k; r++){
      int nRing = r==0 ? 1 : 6*r;
      if( r ) sqlite3_str_appendchar(p, 1, ',');
      sqlite3_str_appendchar(p, 1, '[');
      for(int t=0; t<nRing; t++, i++){
        if( t ) sqlite3_str_appendchar(p, 1, ',');
        appendCell(p, a[i]);
      }
      sqlite3_str_appendchar(p, 1, ']');
    }
  }
  sqlite3_str_appendchar(p, 1, ']');
  sqlite3_free(a);
  kqlGeoResultJson(ctx, p);
}

/* geo_point_to_h3cell(lng, lat [, resolution]) -> token; "" when invalid. */
static void fnPointToCell(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double lng, lat;
  int res, rc;
  uint64_t h = 0;
  char zBuf[24];
  if( !kqlGeoArgReal(argv[0], &lng) || !kqlGeoArgReal(argv[1], &lat)
   || !kqlGeoValidLL(lng, lat)
   || !kqlGeoArgInt(argc, argv, 2, H3_DEFAULT_RES, &res) || res<0 || res>H3_MAX_RES ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  rc = kqlH3FromPoint(kqlGeoFromDeg(lng, lat), res, &h);
  if( rc==1 ){
    kqlFnError(ctx, "geo_point_to_h3cell", "not supported: geo_point_to_h3cell on a pentagon cell");
    return;
  }
  if( rc ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  snprintf(zBuf, sizeof(zBuf), "%llx", (unsigned long long)h);
  sqlite3_result_text(ctx, zBuf, -1, SQLITE_TRANSIENT);
}

/* geo_h3cell_to_central_point(cell) -> Point; null when invalid. */
static void fnCentralPoint(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t h = cellFromText(argv[0]);
  KqlGeoVec c;
  int rc;
  sqlite3_str *p;
  (void)argc;
  if( h==0 ) return;
  rc = kqlH3Center(h, &c);
  if( rc==1 ){
    kqlFnError(ctx, "geo_h3cell_to_central_point", "not supported: geo_h3cell_to_central_point on a pentagon cell");
    return;
  }
  if( rc ) return;
  p = sqlite3_str_new(0);
  kqlGeoAppendPointVec(p, c);
  kqlGeoResultJson(ctx, p);
}

/* geo_h3cell_to_polygon(cell) -> Polygon (closed ring); null when invalid. */
static void fnPolygon(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t h = cellFromText(argv[0]);
  KqlGeoVec aV[16];
  int n;
  sqlite3_str *p;
  (void)argc;
  if( h==0 ) return;
  n = kqlH3Boundary(h, aV);
  if( n==-1 ){
    kqlFnError(ctx, "geo_h3cell_to_polygon", "not supported: geo_h3cell_to_polygon on a pentagon cell");
    return;
  }
  if( n<3 ) return;
  p = sqlite3_str_new(0);
  sqlite3_str_appendall(p, "{\"type\":\"Polygon\",\"coordinates\":[[");
  for(int k=0; k<=n; k++){
    double lng, lat;
    kqlGeoToDeg(aV[k % n], &lng, &lat);
    if( k ) sqlite3_str_appendchar(p, 1, ',');
    kqlGeoAppendPos(p, lng, lat);
  }
  sqlite3_str_appendall(p, "]]}");
  kqlGeoResultJson(ctx, p);
}

/* geo_polygon_to_h3cells(polygon [, resolution [, radius]]) -> tokens of
** the cells whose centres are inside; null when invalid or too many. */
static void fnPolygonToCells(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  KqlGeoRegion r;
  int res, rc, n;
  double radius = 0.0;
  uint64_t *a = 0;
  sqlite3_str *p;
  if( !kqlGeoArgInt(argc, argv, 1, H3_DEFAULT_RES, &res) || res<0 || res>H3_MAX_RES ) return;
  if( argc>2 && (!kqlGeoArgReal(argv[2], &radius) || radius<0.0) ) return;
  rc = kqlGeoParseValue(argv[0], &s);
  if( rc==0 ) rc = kqlGeoRegionFromShape(&s, &r);
  kqlGeoShapeFree(&s);
  if( rc==2 ){ sqlite3_result_error_nomem(ctx); return; }
  if( rc ) return;
  if( kqlGeoRegionIndex(&r) ){
    kqlGeoRegionFree(&r);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  n = kqlH3Fill(&r, res, radius/KQL_GEO_EARTH_R, H3_MAX_FILL, &a);
  kqlGeoRegionFree(&r);
  if( n==-2 ){ sqlite3_result_error_nomem(ctx); return; }
  if( n<0 ) return;
  p = sqlite3_str_new(0);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<n; i++){
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    appendCell(p, a[i]);
  }
  sqlite3_str_appendchar(p, 1, ']');
  sqlite3_free(a);
  kqlGeoResultJson(ctx, p);
}

/* kqlFnRegisterGeoH3(): contract in fn_geo.h. */
int kqlFnRegisterGeoH3(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    int iUser;
    void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
  } aFunc[] = {
    { "kql_geo_h3cell_level",      1, 0, fnLevel },
    { "kql_geo_h3cell_parent",    -1, 0, fnParent },
    { "kql_geo_h3cell_children",  -1, 0, fnChildren },
    { "kql_geo_h3cell_rings",     -1, 0, fnRings },
    { "kql_geo_h3cell_neighbors",  1, 1, fnRings },
    { "kql_geo_point_to_h3cell",  -1, 0, fnPointToCell },
    { "kql_geo_h3cell_to_central_point", 1, 0, fnCentralPoint },
    { "kql_geo_h3cell_to_polygon", 1, 0, fnPolygon },
    { "kql_geo_polygon_to_h3cells", -1, 0, fnPolygonToCells },
  };
  (void)kqlH3Grid();   /* build the icosahedron tables now, not mid-query */
  for(size_t i=0; i<sizeof(aFunc)/sizeof(aFunc[0]); i++){
    int rc = sqlite3_create_function(db, aFunc[i].zName, aFunc[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)(intptr_t)aFunc[i].iUser, aFunc[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
