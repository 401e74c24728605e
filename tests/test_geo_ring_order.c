/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of the output order of the polygon overlays (fn_geo_overlay.c,
** fn_geo_union.c): where each ring of geo_union_polygons_array and
** geo_intersection_2polygons starts, and which operand goes first when an
** array is united. Kusto's engine is built on S2, whose output order is
** a rule, not chance: operands united two at a time, smallest vertex count
** first; edges numbered in input order; a ring walked from its vertex with
** the smallest S2 cell id and rotated to end with its highest-numbered edge.
**
** Ground truth: the outputs printed in the Kusto docs
** (geo-union-polygons-array-function, geo-s2cell-neighbors-function,
** geo-h3cell-neighbors-function, geo-geohash-neighbors-function,
** geo-intersection-2polygons-function). Numbers are compared within 1e-9
** relative (the docs print 17 digits of the engine's own rounding), every
** other character exactly, white space ignored.
*/
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include "kqltest.h"

static void ringCases(const KqlTestCase *a, size_t n){
  for(size_t i=0; i<n; i++){
    int rc = 0;
    char *z = kqltestRun(a[i].zQuery, 0, &rc);
    cr_expect(z!=0 && kqltestSameNumbers(z, a[i].zExpect), "case %zu: %s\n  got:      %s\n  expected: %s",
              i, a[i].zQuery, z ? z : "(null)", a[i].zExpect);
    free(z);
  }
}

#define N(a) (sizeof(a)/sizeof((a)[0]))

/* The docs' three Central Park polygons. */
#define POLY_A "{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}"
#define POLY_B "{\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}"
#define POLY_C "{\"type\":\"Polygon\",\"coordinates\":[[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]]}"

/* geo-union-polygons-array-function, examples 1 and 2 (two orders). */
#define UNION_AB \
  "{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.9639277517478,40.792748258673875]," \
  "[-73.96888,40.792819999999992],[-73.9662719791645,40.7895734224338],[-73.98201,40.76825],[-73.97317,40.76455]," \
  "[-73.960302383706178,40.782140794645024],[-73.9577,40.7789],[-73.94622,40.79249],[-73.9526593223173,40.792584227716468]," \
  "[-73.9495,40.7969]]]}\n"

static const KqlTestCase aUnion[] = {
  {"datatable(polygons:dynamic)\n"
   "[\n"
   "    dynamic(" POLY_A "),\n"
   "    dynamic(" POLY_B "),\n"
   "    dynamic(" POLY_C ")\n"
   "]\n"
   "| summarize polygons_arr = make_list(polygons)\n"
   "| project polygons_union = geo_union_polygons_array(polygons_arr)",
   "polygons_union:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-73.972599326729608,40.765330371902991],[-73.960302383706178,40.782140794645024],"
   "[-73.9577,40.7789],[-73.94622,40.79249],[-73.9526593223173,40.792584227716468],[-73.9495,40.7969],[-73.95807,40.80068],"
   "[-73.9639277517478,40.792748258673875],[-73.96888,40.792819999999992],[-73.9662719791645,40.7895734224338],"
   "[-73.9803360309571,40.770518810606404],[-73.9936,40.7663],[-73.97171,40.756550000000004],"
   "[-73.972599326729608,40.765330371902991]]]}\n"},
  {"datatable(polygon1:dynamic, polygon2:dynamic)\n"
   "[\n"
   "    dynamic(" POLY_A "), dynamic(" POLY_B ")\n"
   "]\n"
   "| project polygons_arr = pack_array(polygon1, polygon2)\n"
   "| project polygons_union = geo_union_polygons_array(polygons_arr)",
   "polygons_union:dynamic\n" UNION_AB},
  /* The triangle has fewer vertices, so it is the first operand either way. */
  {"print polygons_union = geo_union_polygons_array(pack_array(dynamic(" POLY_B "), dynamic(" POLY_A ")))",
   "polygons_union:dynamic\n" UNION_AB},
  /* geo-s2cell-neighbors-function: a cell and its 8 neighbors. */
  {"let s2cell = '89c259';\n"
   "print cells = array_concat(pack_array(s2cell), geo_s2cell_neighbors(s2cell))\n"
   "| mv-expand cells to typeof(string)\n"
   "| project polygons = geo_s2cell_to_polygon(cells)\n"
   "| summarize arr = make_list(polygons)\n"
   "| project polygon = geo_union_polygons_array(arr)",
   "polygon:dynamic\n"
   "{\"type\": \"Polygon\",\"coordinates\": [[[-73.841906340776248,40.695446474556284],[-73.841906340776248,40.774477568182071],"
   "[-73.841906340776248,40.853401155678846],[-73.935982114337421,40.866846163445771],[-74.030012249838478,40.880202851376716],"
   "[-74.1239959854733,40.893471289549758],[-74.1239959854733,40.814531536204242],[-74.1239959854733,40.735483949993387],"
   "[-74.1239959854733,40.656328734184143],[-74.030012249838478,40.643076628676461],[-73.935982114337421,40.629736433321796],"
   "[-73.841906340776248,40.616308079144915],[-73.841906340776248,40.695446474556284]]]}\n"},
  /* geo-h3cell-neighbors-function: a cell and its 6 neighbors. */
  {"let h3cell = '862a1072fffffff';\n"
   "print cells = array_concat(pack_array(h3cell), geo_h3cell_neighbors(h3cell))\n"
   "| mv-expand cells to typeof(string)\n"
   "| project polygons = geo_h3cell_to_polygon(cells)\n"
   "| summarize arr = make_list(polygons)\n"
   "| project polygon = geo_union_polygons_array(arr)",
   "polygon:dynamic\n"
   "{\n  \"type\": \"Polygon\",\n  \"coordinates\": [[[  -73.926766604813565,  40.718903205013063],"
   "[  -73.912969923470314,  40.750105305345329],[  -73.943844904976629,  40.773964402038523],"
   "[  -73.988522328408948,  40.766594382212254],[  -74.019448383546617,  40.79043914023697],"
   "[  -74.064132193843633,  40.783038509825005],[  -74.077839665342211,  40.751803958414136],"
   "[  -74.1224794808745,  40.744383587828388],[  -74.1361375042681,  40.713156370029125],"
   "[  -74.1052004095288,  40.689365648097251],[  -74.118853750491638,  40.658161927046628],"
   "[  -74.0879619670209,  40.6343838242296],[  -74.043422283844933,  40.641782462872115],"
   "[  -74.012581189358343,  40.617990065981623],[  -73.968047801220749,  40.625358290164755],"
   "[  -73.954305509472675,  40.656529678451555],[  -73.909728515658443,  40.663878222244442],"
   "[  -73.895936872069854,  40.695056852396377],[  -73.926766604813565,  40.718903205013063]]]}\n"},
  /* geo-geohash-neighbors-function: a geohash and its 8 neighbors. */
  {"let h3cell = 'sunny';\n"
   "print cells = array_concat(pack_array(h3cell), geo_geohash_neighbors(h3cell))\n"
   "| mv-expand cells to typeof(string)\n"
   "| project polygons = geo_geohash_to_polygon(cells)\n"
   "| summarize arr = make_list(polygons)\n"
   "| project polygon = geo_union_polygons_array(arr)",
   "polygon:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[42.4072265625,23.642578125],[42.451171875,23.642578125],[42.4951171875,23.642578125],"
   "[42.5390625,23.642578125],[42.5390625,23.686523437500004],[42.5390625,23.730468750000004],[42.5390625,23.7744140625],"
   "[42.4951171875,23.7744140625],[42.451171875,23.7744140625],[42.407226562499993,23.7744140625],[42.4072265625,23.73046875],"
   "[42.4072265625,23.6865234375],[42.4072265625,23.642578125]]]}\n"},
};

Test(geo_ring_order, union_docs){
  ringCases(aUnion, N(aUnion));
}

static const KqlTestCase aIntersect[] = {
  /* geo-intersection-2polygons-function, example 1. */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],"
   "[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]]});\n"
   "let polygon2 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],"
   "[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]});\n"
   "print intersection = geo_intersection_2polygons(polygon1, polygon2)",
   "intersection:dynamic\n"
   "{\"type\": \"Polygon\",  \"coordinates\": [[[-73.962105776437156,40.774591360999679],[-73.962642403166868,40.774807020251778],"
   "[-73.9631313085556,40.774578106920352],[-73.962079882621765,40.774167803982927],[-73.962105776437156,40.774591360999679]]]}\n"},
  /* Example 3: a point and a polygon. */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[2,45],[0,45],[1,44],[2,45]]]});\n"
   "let polygon2 = dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[[[[3,44],[2,45],[2,43],[3,44]]],"
   "[[[1.192,45.265],[1.005,44.943],[1.356,44.937],[1.192,45.265]]]]});\n"
   "print intersection = geo_intersection_2polygons(polygon1, polygon2)",
   "intersection:dynamic\n"
   "{\"type\": \"GeometryCollection\",\"geometries\": [{ \"type\": \"Point\", \"coordinates\": [2, 45]},"
   "{ \"type\": \"Polygon\", \"coordinates\": [[[1.3227075526410679,45.003909145068739],[1.0404565374899824,45.004356403066552],"
   "[1.005,44.943],[1.356,44.937],[1.3227075526410679,45.003909145068739]]]}]}\n"},
};

Test(geo_ring_order, intersection_docs){
  ringCases(aIntersect, N(aIntersect));
}

/* geo-union-lines-array-function: shared edges merge into one line. */
#define LINE_1 "{\"type\":\"LineString\",\"coordinates\":[[-73.95683884620665,40.80502891480884],[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]}"
#define LINE_2 "{\"type\":\"LineString\",\"coordinates\":[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311],[-73.95537436008453,40.804413741624515]]}"
#define LINE_3 "{\"type\":\"LineString\",\"coordinates\":[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]}"
#define LINES_UNION \
  "{\"type\": \"LineString\", \"coordinates\": [[-73.956838846206651, 40.805028914808844], [-73.95633727312088, 40.8057171711177]," \
  " [ -73.954891562461853, 40.80510200431312], [-73.955374360084534, 40.804413741624522]]}\n"

static const KqlTestCase aLines[] = {
  {"datatable(lines:dynamic)\n"
   "[\n"
   "    dynamic(" LINE_1 "),\n"
   "    dynamic(" LINE_2 "),\n"
   "    dynamic(" LINE_3 ")\n"
   "]\n"
   "| summarize lines_arr = make_list(lines)\n"
   "| project lines_union = geo_union_lines_array(lines_arr)",
   "lines_union:dynamic\n" LINES_UNION},
  {"datatable(line1:dynamic, line2:dynamic)\n"
   "[\n"
   "    dynamic(" LINE_1 "), dynamic(" LINE_2 ")\n"
   "]\n"
   "| project lines_arr = pack_array(line1, line2)\n"
   "| project lines_union = geo_union_lines_array(lines_arr)",
   "lines_union:dynamic\n" LINES_UNION},
};

Test(geo_ring_order, lines_docs){
  ringCases(aLines, N(aLines));
}
