/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface of the geospatial built-ins (fn_geo*.c). Kusto works on
** a sphere of radius KQL_GEO_EARTH_R (the radius its S2-based engine uses):
** coordinates are WGS-84 degrees turned into unit vectors, edges are great-
** circle arcs (geodesics), areas and lengths are spherical. This header has
** the vector helpers, the parsed GeoJSON shape (KqlGeoShape), the region
** model used for containment and overlays (KqlGeoRegion), and the entry points
** each fn_geo_<part>.c exposes to the SQL wrappers in fn_geo.c.
*/
#ifndef KQL_FN_GEO_H
#define KQL_FN_GEO_H
#include <sqlite3.h>
#include <stdint.h>
#include <math.h>

#define KQL_GEO_EARTH_R 6371010.0   /* metres; Kusto's spherical Earth */
#define KQL_GEO_DEG (M_PI/180.0)    /* radians per degree */

/* Limits that keep hostile input bounded. */
#define KQL_GEO_MAX_POINTS   1000000 /* positions in one GeoJSON value */
#define KQL_GEO_MAX_CELLS    65536   /* tokens one covering may return */

/****************************************************************************
** Unit vectors.
*/
typedef struct KqlGeoVec KqlGeoVec;
struct KqlGeoVec {
  double x, y, z;          /* a point of the unit sphere (or any 3-vector) */
};

static inline KqlGeoVec geoVec(double x, double y, double z){
  KqlGeoVec v; v.x = x; v.y = y; v.z = z; return v;
}
static inline double geoDot(KqlGeoVec a, KqlGeoVec b){
  return a.x*b.x + a.y*b.y + a.z*b.z;
}
static inline KqlGeoVec geoCross(KqlGeoVec a, KqlGeoVec b){
  return geoVec(a.y*b.z - a.z*b.y, a.z*b.x - a.x*b.z, a.x*b.y - a.y*b.x);
}
static inline KqlGeoVec geoAdd(KqlGeoVec a, KqlGeoVec b){
  return geoVec(a.x+b.x, a.y+b.y, a.z+b.z);
}
static inline KqlGeoVec geoSub(KqlGeoVec a, KqlGeoVec b){
  return geoVec(a.x-b.x, a.y-b.y, a.z-b.z);
}
static inline KqlGeoVec geoScale(KqlGeoVec a, double s){
  return geoVec(a.x*s, a.y*s, a.z*s);
}
static inline double geoNorm(KqlGeoVec a){
  return sqrt(geoDot(a, a));
}
static inline int geoVecEq(KqlGeoVec a, KqlGeoVec b){
  return a.x==b.x && a.y==b.y && a.z==b.z;
}

/* a scaled to unit length; a itself when its length is 0. */
KqlGeoVec kqlGeoNormalize(KqlGeoVec a);
/* Unit vector of (lng, lat) in degrees. */
KqlGeoVec kqlGeoFromDeg(double lng, double lat);
/* Longitude and latitude in degrees of the direction of p (need not be unit). */
void kqlGeoToDeg(KqlGeoVec p, double *pLng, double *pLat);
/* Central angle between unit vectors a and b, in radians [0, pi]. */
double kqlGeoAngle(KqlGeoVec a, KqlGeoVec b);
/* A normal of the great circle through a and b (a x b, computed as
** (b+a) x (b-a) / 2 for accuracy when a and b are close). Not normalized. */
KqlGeoVec kqlGeoEdgeNormal(KqlGeoVec a, KqlGeoVec b);
/* Sign of det(a, b, c): +1 when c is left of a->b (counterclockwise), -1
** right, 0 when the three are (numerically) on one great circle. */
int kqlGeoOrient(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c);
/* Signed spherical area of triangle abc (steradians), positive when
** counterclockwise. */
double kqlGeoTriArea(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c);
/*
** Do arcs ab and cd cross? 1 when they cross at a point interior to both,
** 0 when they share only an endpoint or touch, -1 when they do not meet
** (collinear overlaps are reported as 0).
*/
int kqlGeoEdgeCrossing(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c, KqlGeoVec d);
/* The same with a chosen tolerance eps (radians) for "an end lies on the
** other arc's great circle"; with eps above 1e-15 such cases give 0
** (undecided) even when the arcs do not touch. */
int kqlGeoEdgeCrossingEps(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c, KqlGeoVec d, double eps);
/* The crossing point of arcs ab and cd (call when they cross). */
KqlGeoVec kqlGeoEdgeIntersection(KqlGeoVec a, KqlGeoVec b, KqlGeoVec c, KqlGeoVec d);
/*
** Angular distance (radians) from p to arc ab; *pClosest (may be NULL) gets
** the closest point of the arc.
*/
double kqlGeoDistToEdge(KqlGeoVec p, KqlGeoVec a, KqlGeoVec b, KqlGeoVec *pClosest);
/* The point a fraction t (0..1) along the arc a->b. */
KqlGeoVec kqlGeoInterpolate(KqlGeoVec a, KqlGeoVec b, double t);
/* Initial bearing from a to b in radians, clockwise from north, [0, 2pi). */
double kqlGeoBearing(double lng1, double lat1, double lng2, double lat2);
/* 1 when lng is in [-180, 180] and lat in [-90, 90] (and both finite). */
int kqlGeoValidLL(double lng, double lat);

/*
** Call xPair(pArg, i, j) for every pair i<j of arcs aA[i]->aB[i] (n arcs)
** whose latitude bands overlap (a superset of the pairs that meet). xPair
** returns non-zero to stop. Returns 0, or SQLITE_NOMEM.
*/
int kqlGeoEdgePairs(const KqlGeoVec *aA, const KqlGeoVec *aB, int n,
                    int (*xPair)(void*, int, int), void *pArg);

/****************************************************************************
** Parsed GeoJSON.
*/
#define KQL_GEO_POINT       1
#define KQL_GEO_LINE        2
#define KQL_GEO_POLYGON     3
#define KQL_GEO_MULTIPOINT  4
#define KQL_GEO_MULTILINE   5
#define KQL_GEO_MULTIPOLY   6

typedef struct KqlGeoShape KqlGeoShape;
struct KqlGeoShape {
  int eType;          /* KQL_GEO_* */
  int nPt;            /* positions */
  double *aLng;       /* longitude of each position (degrees, as given) */
  double *aLat;       /* latitude of each position */
  KqlGeoVec *aV;      /* unit vector of each position */
  int nRing;          /* rings (polygons), lines (lines) or points (points) */
  int *aRing;         /* nRing+1 entries: first position of ring i; aRing[nRing]=nPt */
  int nPart;          /* polygons of a (multi)polygon; lines or points otherwise */
  int *aPart;         /* nPart+1 entries: first ring of part i; aPart[nPart]=nRing */
  int nAlloc[3];      /* allocated positions, rings, parts */
};

/*
** Parse GeoJSON text z[0..n) into *p (zeroed by the call). The object needs
** "type" and "coordinates"; positions are [lng, lat] numbers in range.
** Polygon rings must be closed (the closing position is dropped from the
** stored ring). Returns 0 on success, 1 when the value is not a valid
** geometry of a known type, 2 when out of memory. *p is always safe to free.
*/
int kqlGeoParse(const char *z, int n, KqlGeoShape *p);
/* Parse the SQL value pVal (dynamic text); NULL/blank/not JSON gives 1. */
int kqlGeoParseValue(sqlite3_value *pVal, KqlGeoShape *p);
void kqlGeoShapeFree(KqlGeoShape *p);
/* Append one position / a new ring / a new part to p; 0 or SQLITE_NOMEM. */
int kqlGeoShapeAddPos(KqlGeoShape *p, double lng, double lat);
int kqlGeoShapeAddVec(KqlGeoShape *p, KqlGeoVec v);
int kqlGeoShapeNewRing(KqlGeoShape *p);
int kqlGeoShapeNewPart(KqlGeoShape *p);
/* Close the ring/part lists (set the terminating aRing/aPart entries). */
int kqlGeoShapeFinish(KqlGeoShape *p);

/* Append a real as a JSON number (Kusto's shortest round-trip text). */
void kqlGeoAppendNum(sqlite3_str *p, double r);
/* Append "[lng,lat]". */
void kqlGeoAppendPos(sqlite3_str *p, double lng, double lat);
/* Append {"type":"Point","coordinates":[lng,lat]} for direction v. */
void kqlGeoAppendPointVec(sqlite3_str *p, KqlGeoVec v);
void kqlGeoAppendPoint(sqlite3_str *p, double lng, double lat);
/* Append shape p as GeoJSON (polygon rings closed again). */
void kqlGeoAppendShape(sqlite3_str *p, const KqlGeoShape *pS);

/****************************************************************************
** Regions: validated polygons, rings oriented so the interior is on the left.
*/
typedef struct KqlGeoRegion KqlGeoRegion;
struct KqlGeoRegion {
  int nRing;          /* rings */
  int *aRing;         /* nRing+1 entries into aV */
  int *aOwner;        /* nRing entries: polygon index of ring i */
  unsigned char *aHole;  /* nRing entries: 1 for a hole (clockwise) */
  int nPoly;          /* polygons */
  int *aPoly;         /* nPoly+1 entries: first ring of polygon i */
  int nV;             /* vertices */
  KqlGeoVec *aV;      /* ring vertices (open rings, no repeats) */
  double *aLng;       /* original degrees of each vertex, or NaN when computed */
  double *aLat;
  void *pIndex;       /* point-location index (kqlGeoRegionIndex), or NULL */
};

/*
** Build a region from a Polygon or MultiPolygon shape, validating it the
** way Kusto does: rings have at least 3 distinct vertices (consecutive
** repeats are dropped), no edge spans 180 degrees, edges of a polygon do not
** cross; every ring bounds the smaller of the two regions it splits the
** sphere into (shell counterclockwise, holes clockwise after the call).
** Returns 0, 1 when invalid, 2 when out of memory.
*/
int kqlGeoRegionFromShape(const KqlGeoShape *pS, KqlGeoRegion *pR);
void kqlGeoRegionFree(KqlGeoRegion *pR);
/* 1 when p is inside polygon iPoly of pR (shell minus holes). */
int kqlGeoRegionPolyContains(const KqlGeoRegion *pR, int iPoly, KqlGeoVec p);
/* 1 when p is inside any polygon of pR. */
int kqlGeoRegionContains(const KqlGeoRegion *pR, KqlGeoVec p);
/* Winding of ring iRing around p: 1 inside (left side), 0 outside. */
int kqlGeoRingContains(const KqlGeoRegion *pR, int iRing, KqlGeoVec p);
/*
** Build pR's point-location index so that many containment tests cost
** about O(log n) each instead of O(n) (fn_geo_index.c). Optional: without
** it the tests use the winding number. 0 or SQLITE_NOMEM.
*/
int kqlGeoRegionIndex(KqlGeoRegion *pR);
/* Containment of p in polygon iPoly by the index: 1 answered (*pbIn set),
** 0 when the index cannot decide (then use the winding number). */
int kqlGeoIndexContains(const KqlGeoRegion *pR, int iPoly, KqlGeoVec p, int *pbIn);
void kqlGeoIndexFree(void *pIndex);
/* Angular distance from p to the nearest boundary edge of pR. */
double kqlGeoRegionBoundaryDist(const KqlGeoRegion *pR, KqlGeoVec p, KqlGeoVec *pClosest);

/*
** Overlays (fn_geo_overlay.c). Each writes a normalized region (polygons
** that do not overlap) into *pOut. Return 0 or SQLITE_NOMEM.
*/
int kqlGeoUnion(const KqlGeoRegion *aIn, int nIn, KqlGeoRegion *pOut);
int kqlGeoIntersect(const KqlGeoRegion *pA, const KqlGeoRegion *pB, KqlGeoRegion *pOut);
/* Union of two regions, pA's edges numbered first (output ring order). */
int kqlGeoUnion2(const KqlGeoRegion *pA, const KqlGeoRegion *pB, KqlGeoRegion *pOut);
/* Union of an array the way Kusto's S2 engine forms it (fn_geo_union.c):
** repeatedly the two smallest operands, which fixes the output ring order. */
int kqlGeoUnionArray(const KqlGeoRegion *aIn, int nIn, KqlGeoRegion *pOut);
/* Union of the lines of pIn (one ring per line) into *pOut, a
** KQL_GEO_MULTILINE of the merged lines in Kusto's order
** (fn_geo_lines_union.c). 0 or SQLITE_NOMEM. */
int kqlGeoLinesUnion(const KqlGeoShape *pIn, KqlGeoShape *pOut);
/* Area (steradians), perimeter (radians) and centroid direction (sum of the
** polygons' centroid integrals) of a normalized region. */
double kqlGeoRegionArea(const KqlGeoRegion *pR);
double kqlGeoRegionPerimeter(const KqlGeoRegion *pR);
KqlGeoVec kqlGeoRegionCentroid(const KqlGeoRegion *pR);
/* Append pR as a GeoJSON Polygon, MultiPolygon or empty
** GeometryCollection. */
void kqlGeoAppendRegion(sqlite3_str *p, const KqlGeoRegion *pR);

/****************************************************************************
** Grid systems.
*/
/* S2 (fn_geo_s2.c). Cell ids are 64-bit; 0 is "no cell". */
uint64_t kqlS2FromPoint(KqlGeoVec p, int level);
int kqlS2Level(uint64_t id);
int kqlS2IsValid(uint64_t id);
/* Parse a token ("89c259"); 0 when invalid. */
uint64_t kqlS2FromToken(const char *z, int n);
/* Write the token of id into zBuf (17 bytes); returns its length. */
int kqlS2ToToken(uint64_t id, char *zBuf);
KqlGeoVec kqlS2Center(uint64_t id);
/* The 4 corners, counterclockwise. */
void kqlS2Vertices(uint64_t id, KqlGeoVec aV[4]);
/* The 8 neighbors of the cell at its level, in Kusto's order. */
void kqlS2Neighbors(uint64_t id, uint64_t aNbr[8]);
/*
** All cells of the given level that intersect the region pR (or, when pR
** is NULL, the polyline given by aV[0..nV)), or come within the angle
** radius of its boundary, sorted. *paId gets an sqlite3_malloc'ed array.
** Returns the count, -1 when there would be more than KQL_GEO_MAX_CELLS,
** -2 when out of memory.
*/
int kqlS2Cover(const KqlGeoRegion *pR, const KqlGeoVec *aV, int nV, int level,
               double radius, uint64_t **paId);

/*
** H3 (fn_geo_h3*.c). IJK lattice coordinates (normalized: smallest is 0).
*/
typedef struct KqlH3Ijk KqlH3Ijk;
struct KqlH3Ijk { long long i, j, k; };
#define KQL_H3_NUM_BASE 122
#define KQL_H3_RES0_U   0.38196601125010500003  /* (3-sqrt 5)/2, res-0 unit */
#define KQL_H3_AP7_ROT  0.333473172251832115336 /* asin(sqrt(3/28)) */
/* Lattice (fn_geo_h3.c): down/up one resolution into/from a Class III
** (counterclockwise) or Class II (clockwise) resolution. */
KqlH3Ijk kqlH3IjkNorm(KqlH3Ijk v);
KqlH3Ijk kqlH3Down7(KqlH3Ijk v, int bClassIII);
KqlH3Ijk kqlH3Up7(KqlH3Ijk v, int bClassIII);
/* The icosahedron and base cells (fn_geo_h3_grid.c). */
typedef struct KqlH3Grid KqlH3Grid;
struct KqlH3Grid {
  KqlGeoVec aVert[12];
  int aFaceVert[20][3];            /* vertices the i, j, k axes point at */
  KqlGeoVec aCenter[20], aAxisI[20], aAxisP[20];  /* centre, i axis, i+90 */
  int aNbr[20][3];                 /* face across edge IJ, JK, KI */
  int aNbrRot[20][3];              /* ccw 60-degree turns into its frame */
  KqlH3Ijk aNbrTrans[20][3];       /* our origin in its res-0 IJK */
  KqlGeoVec aBaseCenter[KQL_H3_NUM_BASE];
  int aBaseFace[KQL_H3_NUM_BASE];  /* home face */
  KqlH3Ijk aBaseIjk[KQL_H3_NUM_BASE];
  unsigned char aBasePent[KQL_H3_NUM_BASE];
  /* Pentagon base cells: per face around the vertex, the ccw turns into
  ** the base cell's frame (-1 elsewhere) and H3's "cw offset" flag. */
  signed char aPentRot[KQL_H3_NUM_BASE][20];
  unsigned char aPentCw[KQL_H3_NUM_BASE][20];
};
const KqlH3Grid *kqlH3Grid(void);
KqlGeoVec kqlH3FaceToSphere(int f, double x, double y);   /* res-0 units */
void kqlH3SphereToFace(int f, KqlGeoVec p, double *px, double *py);
int kqlH3NearestFace(KqlGeoVec p);
void kqlH3IjkToHex2d(KqlH3Ijk v, double *px, double *py);
KqlH3Ijk kqlH3Hex2dToIjk(double x, double y);
KqlH3Ijk kqlH3RotCcw(KqlH3Ijk v, int n);
int kqlH3Sector(KqlH3Ijk v);
/* Carry face-frame v (past the face's edge: i+j+k > 2*nUnit) across the
** edge of its sector onto the neighbouring face. bPentLeading4: H3's
** adjustment for a pentagon cell with leading digit 4 in the KI sector. */
KqlH3Ijk kqlH3CrossEdge(int *pFace, KqlH3Ijk v, long long nUnit, int bPentLeading4);
/* v of face a in the frame of adjacent face b (a itself when a==b). */
KqlH3Ijk kqlH3ToFace(int a, int b, KqlH3Ijk v, long long nUnit);
/* Base cell at res-0 v of face f (-1 if none); *pRot gets the ccw turns
** from f's frame to the base cell's (hexagons). */
int kqlH3BaseCellAt(int f, KqlH3Ijk v, int *pRot);
/* Projection (fn_geo_h3_proj.c). Return 0 on success, 1 when the cell is
** a pentagon's (not supported), 2 when invalid. */
int kqlH3FromPoint(KqlGeoVec p, int res, uint64_t *pH);
/* The cell at IJK v (resolution res, on or inside face f's triangle). */
int kqlH3FromFaceIjk(int f, KqlH3Ijk v, int res, uint64_t *pH);
/* The face holding h's centre and the centre's IJK in its frame; *pRot
** (may be NULL) gets the ccw turns from the base cell's frame to it. */
int kqlH3CellFaceIjk(uint64_t h, int *pFace, KqlH3Ijk *pV, int *pRot);
/* The cells of resolution res whose centres lie inside region pR or within
** radius (radians) of its boundary, ascending (fn_geo_h3_fill.c). *paOut
** gets an sqlite3_malloc'ed array. Returns the count, -1 when there would be
** more than nMax, -2 when out of memory. */
int kqlH3Fill(const KqlGeoRegion *pR, int res, double radius, int nMax, uint64_t **paOut);
/* Rings 0..k around h in H3's walk order (1 + 3k(k+1) cells into aOut):
** 0, 1 when the walk meets a pentagon (H3 orders those differently), 2
** when out of memory. */
int kqlH3Rings(uint64_t h, int k, uint64_t *aOut);
int kqlH3Center(uint64_t h, KqlGeoVec *pC);
/* Up to 10 boundary vertices, counterclockwise; returns the count or -1. */
int kqlH3Boundary(uint64_t h, KqlGeoVec *aV);

/* Geohash (fn_geo_hash.c). */
int kqlGeohashEncode(double lng, double lat, int nChar, char *zOut);
/* Bounds of a geohash; returns 0, or 1 when z is not a geohash. */
int kqlGeohashDecode(const char *z, int n, double *pLng0, double *pLat0,
                     double *pLng1, double *pLat1);

/****************************************************************************
** Registration of each part's SQL functions (called from fn_geo.c).
*/
int kqlFnRegisterGeoCells(sqlite3 *db);     /* fn_geo_cells.c: S2, geohash */
int kqlFnRegisterGeoMeasure(sqlite3 *db);   /* fn_geo_measure.c */
int kqlFnRegisterGeoOps(sqlite3 *db);       /* fn_geo_ops.c: overlays, buffers */
int kqlFnRegisterGeoH3(sqlite3 *db);        /* fn_geo_h3.c */
int kqlFnRegisterGeoWkt(sqlite3 *db);       /* fn_geo_wkt.c */

/* Make the finished text of p the function's result (dynamic JSON). */
void kqlGeoResultJson(sqlite3_context *ctx, sqlite3_str *p);

/* Shared argument helpers for the SQL wrappers. */
/* Read a numeric argument; 0 when NULL or not a number (or not finite). */
int kqlGeoArgReal(sqlite3_value *pVal, double *pR);
/* Read an optional integer argument (argv[i] when i<argc, truncated;
** iDflt when absent); 0 when present but NULL or not a number. */
int kqlGeoArgInt(int argc, sqlite3_value **argv, int i, int iDflt, int *piOut);

#endif
