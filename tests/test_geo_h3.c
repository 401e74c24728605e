/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of the H3 projection functions (fn_geo_h3_grid.c, fn_geo_h3_proj.c
** and the SQL wrappers in fn_geo_h3.c): geo_point_to_h3cell,
** geo_h3cell_to_central_point and geo_h3cell_to_polygon.
**
** Ground truth: the examples of the Kusto docs (geo-point-to-h3cell,
** geo-h3cell-to-central-point, geo-h3cell-to-polygon), examples of the H3
** docs (h3geo.org "Indexing functions") and of other H3 hosts' docs
** (Databricks h3_longlatash3string / h3_boundaryasgeojson, Snowflake
** H3_LATLNG_TO_CELL_STRING), and values from the H3 project's published test
** data (tests/inputfiles: res00cells.txt, res01cells.txt, bc14r09cells.txt,
** rand05centers.txt), which cover every base cell, pentagons, the southern
** hemisphere and Class III boundaries that cross icosahedron edges. Then
** properties over pseudo-random points at every resolution.
*/
#include "fnbtest.h"
#include "fn_geo.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>

/* Tables of cases: numbers compared within 1e-9 (fnbtest.h). */
#define h3Cases fnbCasesNear

/* Examples of the Kusto docs. */
static const FnbCase aDocs[] = {
  {"SELECT kql_geo_point_to_h3cell(-74.04450446039874, 40.689250859314974, 6)", "862a1072fffffff"},
  {"SELECT kql_geo_point_to_h3cell(-73.956683, 40.807907, 5)",   "852a100bfffffff"},
  {"SELECT kql_geo_point_to_h3cell(-73.916869, 40.818314, 5)",   "852a100bfffffff"},
  {"SELECT kql_geo_point_to_h3cell(-73.989148, 40.743273, 5)",   "852a1073fffffff"},
  {"SELECT kql_geo_h3cell_level(kql_geo_point_to_h3cell(1, 1, 10))", "10"},
  {"SELECT kql_geo_h3cell_level(kql_geo_h3cell_parent(kql_geo_point_to_h3cell(1, 1, 10)))", "9"},
  {"SELECT kql_geo_h3cell_children(kql_geo_point_to_h3cell(1, 1, 9), 15)", "<null>"},
  {"SELECT json_extract(kql_geo_h3cell_to_central_point('862a1072fffffff'), '$.coordinates[0]')",
   "-74.0160084797924"},
  {"SELECT kql_geo_h3cell_to_central_point('1')",                "<null>"},
  {"SELECT kql_geo_h3cell_to_polygon('862a1072fffffff')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-74.0022744646159,40.735376026215022],[-74.046908029686236,40.727986222489115],"
   "[-74.060610712223664,40.696775140349033],[-74.029724408156682,40.672970047595463],[-73.985140983708192,40.680349049267583],"
   "[-73.971393761028622,40.71154393543933],[-74.0022744646159,40.735376026215022]]]}"},
  /* Neighbours of 862a1072fffffff (geo-h3cell-neighbors-function). */
  {"SELECT kql_geo_h3cell_to_polygon(json_extract(kql_geo_h3cell_neighbors('862a1072fffffff'), '$[0]'))",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-74.019448383546617,40.790439140236963],[-74.064132193843633,40.783038509825],"
   "[-74.077839665342211,40.751803958414136],[-74.046908029686236,40.727986222489115],[-74.0022744646159,40.735376026215022],"
   "[-73.988522328408948,40.766594382212254],[-74.019448383546617,40.790439140236963]]]}"},
  /* Invalid input: "" for the point, null for the cell functions. */
  {"SELECT kql_geo_point_to_h3cell(-74, 91, 6)",                  ""},
  {"SELECT kql_geo_point_to_h3cell(181, 40, 6)",                  ""},
  {"SELECT kql_geo_point_to_h3cell(-74, 40, 16)",                 ""},
  {"SELECT kql_geo_point_to_h3cell(-74, 40, -1)",                 ""},
  {"SELECT kql_geo_point_to_h3cell(NULL, 40, 6)",                 ""},
  {"SELECT kql_geo_point_to_h3cell(-74, 40, NULL)",               ""},
  {"SELECT length(kql_geo_point_to_h3cell(-74, 40))",             "15"},
  {"SELECT kql_geo_h3cell_level(kql_geo_point_to_h3cell(-74, 40))", "6"},
  {"SELECT kql_geo_h3cell_to_polygon('abc')",                     "<null>"},
  {"SELECT kql_geo_h3cell_to_polygon(NULL)",                      "<null>"},
  {"SELECT kql_geo_h3cell_to_central_point('862a1072ffffff7')",   "<null>"},
};
Test(geo_h3, docs){ h3Cases(aDocs, FNB_N(aDocs)); }

/* Other published H3 examples. */
static const FnbCase aH3Docs[] = {
  /* h3geo.org, Indexing functions: h3 latLngToCell --lat 45 --lng 40 -r 2 */
  {"SELECT kql_geo_point_to_h3cell(40, 45, 2)",                   "822d57fffffffff"},
  /* h3geo.org tutorials: latLngToCell(37.3615593, -122.0553238, 7) */
  {"SELECT kql_geo_point_to_h3cell(-122.0553238, 37.3615593, 7)", "87283472bffffff"},
  /* Databricks h3_longlatash3string */
  {"SELECT kql_geo_point_to_h3cell(100, 45, 6)",                  "86240610fffffff"},
  {"SELECT kql_geo_point_to_h3cell(-122.4783, 37.8199, 13)",      "8d283087022a93f"},
  /* Snowflake H3_LATLNG_TO_CELL_STRING (Brandenburg Gate) */
  {"SELECT kql_geo_point_to_h3cell(13.377704, 52.516262, 8)",     "881f1d4887fffff"},
  /* Databricks h3_boundaryasgeojson: a hexagon and a (polar) pentagon */
  {"SELECT kql_geo_h3cell_to_polygon('85283473fffffff')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-121.91508032706,37.271355866732],[-121.86222328902,37.353926450852],"
   "[-121.9235499963,37.428341186094],[-122.03773496427,37.420128677678],[-122.09042892904,37.337556084353],"
   "[-122.02910130919,37.263197974618],[-121.91508032706,37.271355866732]]]}"},
  {"SELECT kql_geo_h3cell_to_polygon('8009fffffffffff')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-10.444977544778,63.095054077525],[5.5236465492903,55.706768465152],"
   "[25.082722326708,58.401544870353],[31.831280499087,68.92995788194],[0.32561035194326,73.310223685444],"
   "[-10.444977544778,63.095054077525]]]}"},
};
Test(geo_h3, h3_docs){ h3Cases(aH3Docs, FNB_N(aH3Docs)); }

/*
** Boundaries from the H3 test data (latitude, longitude pairs with 9
** decimals): base cells on several faces, a southern pentagon, and the
** Class III pentagon 891c0000003ffff whose 5 edges each cross a face edge.
*/
typedef struct H3Bound H3Bound;
struct H3Bound { const char *zCell; int n; double a[20]; };
static const H3Bound aBound[] = {
  {"8001fffffffffff", 6, { 68.929957882, 31.831280499, 69.393596490, 62.345344957, 76.163042830, 94.143090102,
    87.364695323, 145.558197691, 81.271371790, 325.241582020, 73.310223685, 0.325610352 }},
  {"801dfffffffffff", 5, { 59.169482567, 220.316406518, 54.013771481, 202.717229081, 43.443252764, 206.962608176,
    41.457139817, 221.549708776, 50.154511598, 231.090146190 }},
  {"8075fffffffffff", 5, { 11.545295975, 355.986001557, 6.270965136, 346.291853296, -4.467031610, 348.335252458,
    -5.889921754, 359.217160825, 3.968796977, 3.943036156 }},
  {"8083fffffffffff", 6, { -14.623074892, 16.285440340, -3.335734858, 21.400325082, 5.762860491, 14.583250071,
    3.968796977, 3.943036156, -5.889921754, 359.217160825, -15.285730312, 4.541728886 }},
  {"80ebfffffffffff", 5, { -58.401544870, 205.082722327, -55.706768465, 185.523646549, -63.095054078, 169.555022455,
    -73.310223685, 180.325610352, -68.929957882, 211.831280499 }},
  {"80f3fffffffffff", 6, { -73.310223685, 180.325610352, -81.271371790, 145.241582020, -87.364695323, 325.558197691,
    -76.163042830, 274.143090102, -69.393596490, 242.345344957, -68.929957882, 211.831280499 }},
  /* Class III hexagons whose edges cross face edges (8 vertices). */
  {"81023ffffffffff", 8, { 82.481541309, -125.294458935, 78.003359755, -129.046886486, 76.198757542, -119.328241405,
    75.133106838, -115.601683024, 75.422962423, -98.251891824, 78.735601285, -84.348954249,
    81.480857141, -88.037104267, 82.853490041, -90.381097475 }},
  {"81163ffffffffff", 8, { 56.960700152, 156.278507225, 54.176658901, 157.027696861, 52.773824942, 157.249567565,
    50.964143998, 163.753396880, 53.143635585, 170.198815690, 55.956862850, 170.415808167,
    57.359097832, 170.667380994, 59.536413098, 163.347047297 }},
  {"891c0000003ffff", 10, { 50.104450101, 216.521156123, 50.103795870, 216.519910268, 50.103371455, 216.519549221,
    50.102409316, 216.520134319, 50.102057919, 216.520652044, 50.102117500, 216.522259443,
    50.102324725, 216.522940467, 50.103323690, 216.523348879, 50.103803169, 216.523252071,
    50.104360999, 216.521897016 }},
  {"891c000001bffff", 7, { 50.105966052, 216.518579401, 50.104984627, 216.516710592, 50.103541400, 216.517588378,
    50.103371455, 216.519549221, 50.103795870, 216.519910268, 50.104450101, 216.521156123,
    50.105698759, 216.520802231 }},
};

static uint64_t parseCell(const char *z){ return strtoull(z, 0, 16); }

Test(geo_h3, boundaries){
  for(size_t t=0; t<FNB_N(aBound); t++){
    KqlGeoVec aV[16];
    int n = kqlH3Boundary(parseCell(aBound[t].zCell), aV);
    cr_expect_eq(n, aBound[t].n, "%s: %d vertices", aBound[t].zCell, n);
    for(int k=0; k<n && k<aBound[t].n; k++){
      double lng, lat, dLng;
      kqlGeoToDeg(aV[k], &lng, &lat);
      dLng = fmod(lng - aBound[t].a[2*k+1] + 540.0, 360.0) - 180.0;
      cr_expect(fabs(lat - aBound[t].a[2*k])<1e-8 && fabs(dLng)<1e-8,
                "%s vertex %d: %.9f %.9f", aBound[t].zCell, k, lat, lng);
    }
  }
}

/* Points of the H3 test data (rand05centers.txt) and their res-5 cells,
** over both hemispheres, the poles and the antimeridian. */
static const struct { const char *zCell; double lat, lng; } aPts[] = {
  {"850dab63fffffff", 67.194014, 191.598258}, {"850336b7fffffff", 87.372197, 166.176925},
  {"85f2316bfffffff", -79.704099, 209.043753}, {"85d70b6bfffffff", -52.743559, 34.199852},
  {"85eb885bfffffff", -60.693672, 187.742078}, {"857a9983fffffff", 8.317316, 47.328903},
  {"85a49973fffffff", -27.648726, 324.695477}, {"85aef0d3fffffff", -30.181101, 97.598398},
  {"85f2926bfffffff", -88.594116, 52.778546}, {"85f2906ffffffff", -89.632733, 95.344205},
  {"85f29023fffffff", -89.526214, 177.393397}, {"8503260bfffffff", 89.576973, 126.293947},
  {"8559832bfffffff", 12.642174, 0.043908},   {"857c11a3fffffff", 0.278038, 339.938836},
  {"85be5a23fffffff", -31.887007, 143.122566}, {"857faab7fffffff", -5.004492, 177.955449},
  {"85b16113fffffff", -28.026118, 231.352737}, {"85e3a5c7fffffff", -68.447952, 223.486269},
};

Test(geo_h3, points){
  for(size_t t=0; t<FNB_N(aPts); t++){
    uint64_t h = 0;
    double lng = aPts[t].lng>180 ? aPts[t].lng - 360 : aPts[t].lng;
    int rc = kqlH3FromPoint(kqlGeoFromDeg(lng, aPts[t].lat), 5, &h);
    cr_expect(rc==0 && h==parseCell(aPts[t].zCell), "%s: got %llx (rc %d)",
              aPts[t].zCell, (unsigned long long)h, rc);
  }
}

/* Deterministic pseudo-random numbers in [0, 1). */
static double h3Rand(uint64_t *pSeed){
  *pSeed = *pSeed*6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*pSeed >> 11) / 9007199254740992.0;
}

/* 1 when p is inside (or on) the counterclockwise polygon aV[0..n). */
static int insidePoly(const KqlGeoVec *aV, int n, KqlGeoVec p){
  for(int k=0; k<n; k++){
    if( kqlGeoOrient(aV[k], aV[(k+1)%n], p)<0 ) return 0;
  }
  return 1;
}

/*
** For points all over the sphere and every resolution: point -> cell ->
** centre -> cell is the identity, the centre and the point lie inside the
** cell's polygon, the children's centres have the cell as their parent.
*/
Test(geo_h3, properties){
  uint64_t seed = 42;
  for(int t=0; t<300; t++){
    double z = 2.0*h3Rand(&seed) - 1.0, lng = 360.0*h3Rand(&seed) - 180.0;
    double lat = asin(z)*180.0/M_PI;
    KqlGeoVec p = kqlGeoFromDeg(lng, lat);
    for(int res=0; res<=15; res++){
      uint64_t h = 0, h2 = 0;
      KqlGeoVec c, aV[16];
      int n;
      cr_assert_eq(kqlH3FromPoint(p, res, &h), 0);
      cr_assert_eq(kqlH3Center(h, &c), 0);
      cr_assert_eq(kqlH3FromPoint(c, res, &h2), 0);
      cr_expect_eq(h, h2, "(%.9f, %.9f) res %d: %llx -> centre -> %llx", lng, lat, res,
                   (unsigned long long)h, (unsigned long long)h2);
      n = kqlH3Boundary(h, aV);
      cr_assert(n>=5 && n<=10, "%llx: %d vertices", (unsigned long long)h, n);
      cr_expect(insidePoly(aV, n, c), "%llx: centre outside", (unsigned long long)h);
      if( res<15 ){
        for(int d=0; d<7; d++){
          uint64_t ch = (h & ~((uint64_t)15 << 52)) | ((uint64_t)(res+1) << 52), ch2 = 0;
          KqlGeoVec cc;
          ch = (ch & ~((uint64_t)7 << ((14-res)*3))) | ((uint64_t)d << ((14-res)*3));
          if( kqlH3Center(ch, &cc)!=0 ) continue;
          cr_assert_eq(kqlH3FromPoint(cc, res+1, &ch2), 0);
          if( d==1 && ch2!=ch ) continue;   /* a pentagon's deleted child */
          cr_expect_eq(ch2, ch, "child %d of %llx", d, (unsigned long long)h);
        }
      }
    }
  }
}

/* Neighbouring cells share an edge: two vertices of each neighbour's
** polygon are vertices of the cell's polygon. */
Test(geo_h3, neighbours_share_vertices){
  sqlite3 *db = fnbOpen();
  char zBuf[4096];
  uint64_t seed = 7;
  for(int t=0; t<60; t++){
    double z = 2.0*h3Rand(&seed) - 1.0, lng = 360.0*h3Rand(&seed) - 180.0;
    int res = t % 16;
    uint64_t h = 0;
    KqlGeoVec aV[16];
    int n;
    char zSql[200];
    const char *zList;
    kqlH3FromPoint(kqlGeoFromDeg(lng, asin(z)*180.0/M_PI), res, &h);
    n = kqlH3Boundary(h, aV);
    snprintf(zSql, sizeof(zSql), "SELECT kql_geo_h3cell_neighbors('%llx')", (unsigned long long)h);
    zList = fnbRun(db, zSql, zBuf, sizeof(zBuf));
    if( zList[0]!='[' ) continue;   /* neighbours not available here */
    for(const char *zc = strchr(zList, '"'); zc; zc = strchr(zc+18, '"')){
      KqlGeoVec aW[16];
      int m = kqlH3Boundary(strtoull(zc+1, 0, 16), aW), nShared = 0;
      for(int a=0; a<m; a++){
        for(int b=0; b<n; b++) if( kqlGeoAngle(aW[a], aV[b])<1e-12 ) nShared++;
      }
      cr_expect(nShared>=2, "%llx and %.15s share %d vertices", (unsigned long long)h, zc+1, nShared);
    }
  }
  sqlite3_close(db);
}

/* Databricks h3_kring, Snowflake H3_GRID_DISK and TiDB H3_K_RING examples:
** the same cells in the same order. */
static const FnbCase aRings[] = {
  {"SELECT kql_geo_h3cell_rings('85283473fffffff', 1)",
   "[[\"85283473fffffff\"],[\"85283447fffffff\",\"8528347bfffffff\",\"85283463fffffff\",\"85283477fffffff\","
   "\"8528340ffffffff\",\"8528340bfffffff\"]]"},
  {"SELECT kql_geo_h3cell_rings('891f1d48863ffff', 1)",
   "[[\"891f1d48863ffff\"],[\"891f1d4887bffff\",\"891f1d4886bffff\",\"891f1d4886fffff\",\"891f1d48867ffff\","
   "\"891f1d48877ffff\",\"891f1d48873ffff\"]]"},
  {"SELECT kql_geo_h3cell_rings('8f11aa6a38826f6', 1)",
   "[[\"8f11aa6a38826f6\"],[\"8f11aa6a38826ab\",\"8f11aa6a388268d\",\"8f11aa6a38826f2\",\"8f11aa6a38826f0\","
   "\"8f11aa6a38826f4\",\"8f11aa6a38826a9\"]]"},
  /* Next to a pentagon H3 orders the cells differently: not supported. */
  {"SELECT kql_geo_h3cell_neighbors('8009fffffffffff')",
   "ERROR: geo_h3cell_neighbors(): not supported: geo_h3cell_neighbors next to a pentagon cell"},
};
Test(geo_h3, rings){ h3Cases(aRings, FNB_N(aRings)); }

/* Rings that cross base cells: the cells are distinct, each ring cell
** shares an edge with the one before it, and ring 1 surrounds the cell. */
Test(geo_h3, rings_cross_base_cells){
  uint64_t seed = 99;
  int nCross = 0;
  for(int t=0; t<400; t++){
    double z = 2.0*h3Rand(&seed) - 1.0, lng = 360.0*h3Rand(&seed) - 180.0;
    int res = t % 16, k = 2, n = 1 + 3*k*(k+1), bCross = 0;
    uint64_t h = 0, a[19];
    kqlH3FromPoint(kqlGeoFromDeg(lng, asin(z)*180.0/M_PI), res, &h);
    if( kqlH3Rings(h, k, a) ) continue;
    for(int i=0; i<n; i++){
      if( ((a[i] >> 45) & 127)!=((h >> 45) & 127) ) bCross = 1;
      for(int j=0; j<i; j++) cr_expect_neq(a[i], a[j], "%llx: repeated cell", (unsigned long long)h);
    }
    nCross += bCross;
    for(int i=1; i<n; i++){
      int iPrev = (i==1 || i==7) ? (i==1 ? 6 : 18) : i-1, m, nPrev, nShared = 0;
      KqlGeoVec aV[16], aW[16];
      m = kqlH3Boundary(a[i], aV);
      nPrev = kqlH3Boundary(a[iPrev], aW);
      for(int x=0; x<m; x++) for(int y=0; y<nPrev; y++) if( kqlGeoAngle(aV[x], aW[y])<1e-12 ) nShared++;
      cr_expect(nShared>=2, "%llx ring cells %d and %d share %d vertices", (unsigned long long)h, i, iPrev, nShared);
    }
  }
  cr_expect(nCross>10, "only %d rings crossed base cells", nCross);
}

/* geo_polygon_to_h3cells: a cell's own boundary holds that cell and its 7
** children (Palantir polygonToH3 CENTROID examples); invalid input is null. */
static const FnbCase aFill[] = {
  {"SELECT kql_geo_polygon_to_h3cells(kql_geo_h3cell_to_polygon('85283473fffffff'), 5)", "[\"85283473fffffff\"]"},
  {"SELECT kql_geo_polygon_to_h3cells(kql_geo_h3cell_to_polygon('85283473fffffff'), 6)",
   "[\"862834707ffffff\",\"86283470fffffff\",\"862834717ffffff\",\"86283471fffffff\",\"862834727ffffff\","
   "\"86283472fffffff\",\"862834737ffffff\"]"},
  {"SELECT kql_geo_polygon_to_h3cells(kql_geo_h3cell_to_polygon('85283473fffffff'), 16)", "<null>"},
  {"SELECT kql_geo_polygon_to_h3cells(kql_geo_h3cell_to_polygon('85283473fffffff'), 6, -1)", "<null>"},
  {"SELECT kql_geo_polygon_to_h3cells('{\"type\":\"Point\",\"coordinates\":[1,2]}')", "<null>"},
  {"SELECT kql_geo_polygon_to_h3cells('{\"type\":\"Polygon\",\"coordinates\":[[[-10,-10],[10,-10],[10,10],[-10,10],[-10,-10]]]}', 6)",
   "<null>"},  /* more than 61680 cells */
  {"SELECT json_array_length(kql_geo_polygon_to_h3cells('{\"type\":\"Polygon\",\"coordinates\":[[[-10,-10],[10,-10],[10,10],[-10,10],[-10,-10]]]}', 5))",
   "24726"},
};
Test(geo_h3, fill){ h3Cases(aFill, FNB_N(aFill)); }

/* The filling agrees with brute force: every cell met by a dense grid of
** points whose centre is inside the polygon, around a pentagon and away
** from one, with and without a buffer. */
static void fillAgainstGrid(const char *zPoly, int res, double radius, double lng0, double lat0,
                            double dLng, double dLat, int nStep){
  KqlGeoShape s;
  KqlGeoRegion r;
  uint64_t *a = 0, *aSeen;
  int n, nSeen = 0;
  cr_assert_eq(kqlGeoParse(zPoly, (int)strlen(zPoly), &s), 0);
  cr_assert_eq(kqlGeoRegionFromShape(&s, &r), 0);
  kqlGeoShapeFree(&s);
  n = kqlH3Fill(&r, res, radius/KQL_GEO_EARTH_R, 100000, &a);
  cr_assert(n>0);
  aSeen = malloc(sizeof(uint64_t)*(size_t)(nStep+1)*(size_t)(nStep+1));
  for(int i=0; i<=nStep; i++){
    for(int j=0; j<=nStep; j++){
      uint64_t h = 0;
      KqlGeoVec c;
      int bIn, bDup = 0;
      kqlH3FromPoint(kqlGeoFromDeg(lng0 + i*dLng, lat0 + j*dLat), res, &h);
      for(int k=0; k<nSeen; k++) if( aSeen[k]==h ) bDup = 1;
      if( bDup ) continue;
      aSeen[nSeen++] = h;
      kqlH3Center(h, &c);
      bIn = kqlGeoRegionContains(&r, c)
         || (radius>0 && kqlGeoRegionBoundaryDist(&r, c, 0)<=radius/KQL_GEO_EARTH_R);
      if( bIn ){
        int bFound = 0;
        for(int k=0; k<n; k++) if( a[k]==h ) bFound = 1;
        cr_expect(bFound, "%s res %d: %llx missing", zPoly, res, (unsigned long long)h);
      }
    }
  }
  for(int k=1; k<n; k++) cr_expect(a[k-1]<a[k], "not ascending at %d", k);
  free(aSeen);
  sqlite3_free(a);
  kqlGeoRegionFree(&r);
}

Test(geo_h3, fill_brute_force){
  const char *zMadrid = "{\"type\":\"Polygon\",\"coordinates\":[[[-3.659,40.553],[-3.913,40.409],[-3.729,40.273],[-3.524,40.440],[-3.659,40.553]]]}";
  const char *zPent = "{\"type\":\"Polygon\",\"coordinates\":[[[-8,0],[-2,0],[-2,5],[-8,5],[-8,0]]]}";
  fillAgainstGrid(zMadrid, 7, 0, -3.95, 40.25, 0.004, 0.003, 100);
  fillAgainstGrid(zMadrid, 6, 3000, -4.1, 40.15, 0.007, 0.006, 80);
  fillAgainstGrid(zPent, 3, 0, -8.5, -0.5, 0.07, 0.07, 90);
}

/* Hostile input: never a crash, and no error other than the documented
** "not supported" next to pentagons. */
Test(geo_h3, hostile){
  static const char *azArg[] = {
    "NULL", "''", "'abc'", "'8'", "'ffffffffffffffff'", "'8001fffffffffff'", "'8009fffffffffff'",
    "'0'", "x'00ff'", "1e308", "-1e308", "0", "-1", "15", "16", "2147483648", "0.0/0.0",
    "'{\"type\":\"Polygon\",\"coordinates\":[]}'", "'{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,1],[0,0]]]}'",
  };
  static const char *azFn[] = {
    "kql_geo_point_to_h3cell(%s, %s)", "kql_geo_point_to_h3cell(1, 2, %s)",
    "kql_geo_h3cell_to_central_point(%s)", "kql_geo_h3cell_to_polygon(%s)",
    "kql_geo_h3cell_rings(%s, 2)", "kql_geo_polygon_to_h3cells(%s, 2)",
    "kql_geo_polygon_to_h3cells('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,1],[0,0]]]}', %s)",
  };
  sqlite3 *db = fnbOpen();
  char zBuf[8192], zSql[512], zCall[400];
  for(size_t f=0; f<FNB_N(azFn); f++){
    for(size_t a=0; a<FNB_N(azArg); a++){
      const char *z;
      snprintf(zCall, sizeof(zCall), azFn[f], azArg[a], azArg[a]);
      snprintf(zSql, sizeof(zSql), "SELECT %s", zCall);
      z = fnbRun(db, zSql, zBuf, sizeof(zBuf));
      cr_expect(strncmp(z, "ERROR", 5)!=0 || strstr(z, "not supported")!=0, "%s: %s", zSql, z);
    }
  }
  sqlite3_close(db);
}
