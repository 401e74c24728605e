/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the geospatial built-ins (fn_geo*.c) through plain SQL, with the
** example values of the KQL reference docs. Numbers inside the results are
** compared with a relative tolerance of 1e-9 (the docs print 15-17 digits),
** everything else exactly, white space ignored. A last group feeds every
** function malformed and hostile input and expects null or a value, never
** an error or a crash.
*/
#include "fnbtest.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>

/* Tables of cases: numbers compared within 1e-9 (fnbtest.h). */
#define geoCases fnbCasesNear

#define CENTRAL_PARK "'{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}'"
#define TWO_PARKS "'{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]]]}'"

static const FnbCase aS2[] = {
  {"SELECT kql_geo_point_to_s2cell(-80.195829, 25.802215, 8)", "88d9b"},
  {"SELECT kql_geo_point_to_s2cell(10.1234, 53, 8)",            "47b1d"},
  {"SELECT kql_geo_point_to_s2cell(10.3579, 53, 8)",            "47b1d"},
  {"SELECT kql_geo_point_to_s2cell(10.6842, 53, 8)",            "47ae3"},
  {"SELECT kql_geo_point_to_s2cell(300, 1, 8)",                 ""},
  {"SELECT kql_geo_point_to_s2cell(1, 1, 35)",                  ""},
  {"SELECT kql_geo_point_to_s2cell(1, 1, NULL)",                ""},
  {"SELECT kql_geo_point_to_s2cell(-0.12433080766874127, 51.51115841361647, 22)"
   " = kql_geo_point_to_s2cell(-0.12432668105284961, 51.51115938802832, 22)", "1"},
  {"SELECT kql_geo_point_to_s2cell(1, 1, 22) = kql_geo_point_to_s2cell(-0.12432668105284961, 51.51115938802832, 22)", "0"},
  {"SELECT kql_geo_s2cell_to_central_point('1234567')",
   "{\"type\":\"Point\",\"coordinates\":[9.86830731850408,27.468392925827604]}"},
  {"SELECT kql_geo_s2cell_to_polygon('89c259')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-74.030012249838478,40.8012684339439],[-74.030012249838478,40.7222262918358],"
   "[-73.935982114337421,40.708880489804564],[-73.935982114337421,40.787917134506841],[-74.030012249838478,40.8012684339439]]]}"},
  {"SELECT kql_geo_s2cell_to_polygon('a')",                     "<null>"},
  {"SELECT kql_geo_s2cell_neighbors('a')",                      "<null>"},
  {"SELECT kql_geo_s2cell_neighbors('89c259')",
   "[\"89c25d\",\"89c2f9\",\"89c251\",\"89c257\",\"89c25f\",\"89c25b\",\"89c2f7\",\"89c2f5\"]"},
  /* A face cell's neighbors are the four faces next to it (face 0: 1, 2, 4, 5). */
  {"SELECT (SELECT group_concat(value) FROM (SELECT DISTINCT value FROM json_each(kql_geo_s2cell_neighbors('1')) ORDER BY value))",
   "3,5,9,b"},
  {"SELECT json_array_length(kql_geo_polygon_to_s2cells('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,50],[100,50],[0,0]]]}', 5))", "286"},
  {"SELECT kql_geo_polygon_to_s2cells('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,50],[100,50],[0,0]]]}', 30)", "<null>"},
  {"SELECT kql_geo_line_to_s2cells('{\"type\":\"LineString\",\"coordinates\":[[[0,0],[0,0]]]}')", "<null>"},
  {"SELECT kql_geo_s2cell_to_central_point('X')",               "<null>"},
  /* A radius widens the covering, which still holds every cell of the plain one. */
  {"SELECT json_array_length(kql_geo_line_to_s2cells('{\"type\":\"LineString\",\"coordinates\":[[0,0],[0.1,0.1]]}', 14, 1000))"
   " > json_array_length(kql_geo_line_to_s2cells('{\"type\":\"LineString\",\"coordinates\":[[0,0],[0.1,0.1]]}', 14))", "1"},
  {"SELECT count(*) FROM json_each(kql_geo_polygon_to_s2cells('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.1,0],[0.1,0.1],[0,0]]]}', 14))"
   " WHERE value NOT IN (SELECT value FROM json_each(kql_geo_polygon_to_s2cells("
   "'{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.1,0],[0.1,0.1],[0,0]]]}', 14, 500)))", "0"},
  {"SELECT kql_geo_polygon_to_s2cells('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.1,0],[0.1,0.1],[0,0]]]}', 14, -1)", "<null>"},
  /* Every cell of a covering contains or touches the polygon: the cell of
  ** an inside point is in it. */
  {"SELECT kql_geo_point_to_s2cell(0.07, 0.02, 14) IN (SELECT value FROM json_each(kql_geo_polygon_to_s2cells("
   "'{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.1,0],[0.1,0.1],[0,0]]]}', 14)))", "1"},
};
Test(fn_geo, s2){ geoCases(aS2, FNB_N(aS2)); }

static const FnbCase aGeohash[] = {
  {"SELECT kql_geo_point_to_geohash(-80.195829, 25.802215, 8)", "dhwfz15h"},
  {"SELECT kql_geo_point_to_geohash(200, 1, 8)",               ""},
  {"SELECT kql_geo_geohash_to_central_point('sunny')",
   "{\"type\":\"Point\",\"coordinates\":[42.47314453125,23.70849609375]}"},
  {"SELECT kql_geo_geohash_to_central_point('sv8wzvy7')",
   "{\"type\":\"Point\",\"coordinates\":[34.80245590209961,32.15620994567871]}"},
  {"SELECT kql_geo_geohash_to_polygon('dr5ru')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-74.00390625,40.7373046875],[-73.9599609375,40.7373046875],"
   "[-73.9599609375,40.78125],[-74.00390625,40.78125],[-74.00390625,40.7373046875]]]}"},
  {"SELECT kql_geo_geohash_to_polygon('a')",                   "<null>"},
  {"SELECT kql_geo_geohash_neighbors('sunny')",
   "[\"sunnt\",\"sunpj\",\"sunnx\",\"sunpn\",\"sunnv\",\"sunpp\",\"sunnz\",\"sunnw\"]"},
  {"SELECT kql_geo_geohash_neighbors('a')",                    "<null>"},
};
Test(fn_geo, geohash){ geoCases(aGeohash, FNB_N(aGeohash)); }

static const FnbCase aMeasure[] = {
  {"SELECT kql_geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)", "1546754.35197381"},
  {"SELECT kql_geo_distance_2points(300, 1, 1, 1)",            "<null>"},
  {"SELECT kql_geo_distance_point_to_line(-115.199625, 36.210419, '{ \"type\":\"LineString\",\"coordinates\":"
   "[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],"
   "[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],"
   "[-115.225355,36.174365]]}')", "3797.88887253334"},
  {"SELECT kql_geo_distance_point_to_line(1, 1, '{ \"type\":\"LineString\"}')", "<null>"},
  {"SELECT kql_geo_distance_point_to_line(300, 3, '{ \"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}')", "<null>"},
  {"SELECT kql_geo_distance_point_to_polygon(500, 1, '{\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]}')", "<null>"},
  {"SELECT kql_geo_distance_point_to_polygon(-73.965, 40.785, " CENTRAL_PARK ")", "0"},
  {"SELECT kql_geo_point_in_circle(-122.137575, 47.630683, -122.100896, 47.527351, 3500)", "0"},
  {"SELECT kql_geo_point_in_circle(-122.137575, 47.630683, -122.100896, 47.527351, 13500)", "1"},
  {"SELECT kql_geo_point_in_polygon(-73.965, 40.785, " CENTRAL_PARK ")", "1"},
  {"SELECT kql_geo_point_in_polygon(-73.985654, 40.748487, " CENTRAL_PARK ")", "0"},
  {"SELECT kql_geo_point_in_polygon(200, 1, '{\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]}')", "<null>"},
  {"SELECT kql_geo_point_in_polygon(1, 1, '{\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]}')", "<null>"},
  {"SELECT kql_geo_azimuth(5, 10, 10, -40)",                   "3.05459939796449"},
  {"SELECT kql_geo_azimuth(5, 10, 5, 10)",                     "<null>"},
  {"SELECT kql_geo_angle(0, 10, 0, 5, 3, -10)",                "2.94493843406882"},
  {"SELECT kql_geo_angle(0, 10, 0, 10, 3, -10)",               "<null>"},
  {"SELECT kql_geo_polygon_area(" CENTRAL_PARK ")",            "3475207.28346606"},
  {"SELECT kql_geo_polygon_area(" TWO_PARKS ")",               "10889971.5343487"},
  {"SELECT kql_geo_polygon_area('{\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]}')", "<null>"},
  {"SELECT kql_geo_polygon_perimeter(" TWO_PARKS ")",          "15943.5384578745"},
  {"SELECT kql_geo_polygon_centroid(" CENTRAL_PARK ")",
   "{\"type\":\"Point\",\"coordinates\":[-73.965735689907618,40.782550538057812]}"},
  {"SELECT kql_geo_polygon_centroid(" TWO_PARKS ")",
   "{\"type\":\"Point\",\"coordinates\":[-73.968569587829577,40.776310752555119]}"},
  {"SELECT kql_geo_line_length('{\"type\":\"MultiLineString\",\"coordinates\":[[[-73.95798683166502,40.800556090021466],"
   "[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]}')",
   "8262.24339753741"},
  {"SELECT kql_geo_line_length('{\"type\":\"LineString\",\"coordinates\":[[1, 1]]}')", "<null>"},
  {"SELECT kql_geo_line_centroid('{\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}')",
   "{\"type\":\"Point\",\"coordinates\":[-73.965567057230942,40.782453249627416]}"},
  {"SELECT json_extract(kql_geo_line_interpolate_point('{\"type\":\"LineString\",\"coordinates\":[[-73.95807266235352,40.800426144169315],"
   "[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334],[-73.98210525512695,40.76786669510221],"
   "[-73.96004676818848,40.7980870753293]]}', 0.9), '$.coordinates[0]')", "-73.96556545832799"},
  {"SELECT kql_geo_line_locate_point('{\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}',"
   " -73.965, 40.792)", "0.25560135100307552"},
  {"SELECT kql_geo_closest_point_on_line(300, 3, '{ \"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}')", "<null>"},
  {"SELECT kql_geo_line_densify('{\"type\":\"LineString\",\"coordinates\":[[50, 50], [51, 51]]}')",
   "{\"type\":\"LineString\",\"coordinates\":[[50,50],[50.125,50.125],[50.25,50.25],[50.375,50.375],[50.5,50.5],"
   "[50.625,50.625],[50.75,50.75],[50.875,50.875],[51,51]]}"},
  {"SELECT kql_geo_line_densify('{\"type\":\"LineString\",\"coordinates\":[[-73.949247, 40.796860],[-73.973017, 40.764323]]}')",
   "{\"type\":\"LineString\",\"coordinates\":[[-73.949247,40.79686],[-73.973017,40.764323]]}"},
  {"SELECT kql_geo_line_densify('{\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}', 0)", "<null>"},
  {"SELECT kql_geo_polygon_densify('{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]}')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[10.25,10],[10.5,10],[10.75,10],[11,10],[11,11],[10.75,11],[10.5,11],"
   "[10.25,11],[10,11],[10,10]]]}"},
  {"SELECT kql_geo_line_simplify('{\"type\":\"LineString\",\"coordinates\":[[-73.97033169865608,40.789063020152824],"
   "[-73.97039607167244,40.78897975920816],[-73.9704617857933,40.78888837512432],[-73.97052884101868,40.7887949601531],"
   "[-73.9706052839756,40.788698498903564],[-73.97065222263336,40.78862640672032],[-73.97072866559029,40.78852791445617],"
   "[-73.97079303860664,40.788434498977836]]}', 10)",
   "{\"type\":\"LineString\",\"coordinates\":[[-73.97033169865608,40.789063020152824],[-73.97079303860664,40.788434498977836]]}"},
  {"SELECT kql_geo_line_simplify('{\"type\":\"LineString\",\"coordinates\":[[1, 1]]}')", "<null>"},
  {"SELECT kql_geo_line_simplify('{\"type\":\"LineString\",\"coordinates\":[[1, 1],[2,2]]}', -1)", "<null>"},
  {"SELECT kql_geo_line_simplify('{\"type\":\"LineString\",\"coordinates\":[[1.1, 1.1],[1.2,1.2]]}', 100000)", "<null>"},
};
Test(fn_geo, measure){ geoCases(aMeasure, FNB_N(aMeasure)); }

static const FnbCase aOps[] = {
  {"SELECT kql_geo_intersection_2lines('{\"type\":\"LineString\",\"coordinates\":[[-73.978929,40.785155],[-73.980903,40.782621]]}',"
   " '{\"type\":\"LineString\",\"coordinates\":[[-73.985195,40.788275],[-73.974552,40.779761]]}')",
   "{\"type\":\"Point\",\"coordinates\":[-73.979837116670978,40.783989289772165]}"},
  {"SELECT kql_geo_intersection_2lines('{\"type\":\"LineString\",\"coordinates\":[[1, 1],[2, 2]]}',"
   " '{\"type\":\"LineString\",\"coordinates\":[[3, 3],[4, 4]]}')", "{\"type\":\"GeometryCollection\",\"geometries\":[]}"},
  {"SELECT kql_geo_intersection_2lines('{\"type\":\"LineString\",\"coordinates\":[[1, 1],[2, 2]]}',"
   " '{\"type\":\"LineString\",\"coordinates\":[[3, 3]]}')", "<null>"},
  {"SELECT kql_geo_intersection_2polygons('{\"type\":\"Polygon\",\"coordinates\":[[[2,45],[0,45],[1,44],[2,45]]]}',"
   " '{\"type\":\"Polygon\",\"coordinates\":[[[3,44],[2,45],[2,43],[3,44]]]}')", "{\"type\":\"Point\",\"coordinates\":[2,45]}"},
  {"SELECT kql_geo_intersection_line_with_polygon('{\"type\":\"LineString\",\"coordinates\":[[-73.985195,40.788275],[-73.974552,40.779761]]}',"
   " '{\"type\":\"Polygon\",\"coordinates\":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],"
   "[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]}')",
   "{\"type\":\"LineString\",\"coordinates\":[[-73.975611956578192,40.78060906714618],[-73.974552,40.779761]]}"},
  {"SELECT kql_geo_intersection_line_with_polygon('{\"type\":\"LineString\",\"coordinates\":[[-110.522, 39.198],[-91.428, 40.880]]}',"
   " '{\"type\":\"Polygon\",\"coordinates\":[[[-90.263,36.738],[-102.041,45.274],[-109.335,36.527],[-90.263,36.738]],"
   "[[-100.393,41.705],[-103.139,38.925],[-97.558,39.113],[-100.393,41.705]]]}')",
   "{\"type\":\"MultiLineString\",\"coordinates\":[[[-106.89353655881905,39.769226209776306],[-101.74448553679453,40.373506008712525]],"
   "[[-99.136499431328858,40.589336512699994],[-95.284527737311791,40.799060242246348]]]}"},
  {"SELECT kql_geo_intersects_2polygons('{\"type\":\"Polygon\",\"coordinates\":[[[-73.9630937576294,40.77498840732385],"
   "[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],"
   "[-73.9630937576294,40.77498840732385]]]}', '{\"type\":\"Polygon\",\"coordinates\":[[[-73.96213352680206,40.775045280447145],"
   "[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]}')", "1"},
  {"SELECT kql_geo_intersects_2polygons('{\"type\":\"Polygon\"}', " CENTRAL_PARK ")", "<null>"},
  {"SELECT kql_geo_union_polygons_array('[{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],"
   "[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]},{\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249],"
   "[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}]')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.9639277517478,40.792748258673875],"
   "[-73.96888,40.792819999999992],[-73.9662719791645,40.7895734224338],[-73.98201,40.76825],[-73.97317,40.76455],"
   "[-73.960302383706178,40.782140794645024],[-73.9577,40.7789],[-73.94622,40.79249],[-73.9526593223173,40.792584227716468],"
   "[-73.9495,40.7969]]]}"},
  {"SELECT kql_geo_union_polygons_array('[{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],"
   "[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]},{\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249]]]}]')",
   "<null>"},
  {"SELECT kql_geo_union_lines_array('[{\"type\":\"LineString\",\"coordinates\":[[-73.95683884620665,40.80502891480884],"
   "[-73.95633727312088,40.8057171711177]]},{\"type\":\"LineString\",\"coordinates\":[[1, 1]]}]')", "<null>"},
  {"SELECT kql_geo_polygon_buffer('{\"type\":\"p\"}', 1)",     "<null>"},
  {"SELECT kql_geo_polygon_buffer('{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[0,10],[0,0],[10,10]]]}', 0)", "<null>"},
  {"SELECT json_extract(kql_geo_point_buffer(1, 2, 1000), '$.type')", "Polygon"},
  {"SELECT kql_geo_from_wkt('POINT (1 2)')",                  "{\"type\":\"Point\",\"coordinates\":[1,2]}"},
  {"SELECT kql_geo_from_wkt('LINESTRING (1 2, 3 4)')",        "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}"},
  {"SELECT kql_geo_from_wkt('POLYGON ((0 0, 10 0, 10 10, 0 0))')",
   "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,0]]]}"},
  {"SELECT kql_geo_from_wkt('MULTIPOINT ((1 2), (3 4))')",    "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}"},
  {"SELECT kql_geo_from_wkt('LINESTRING')",                   "<null>"},
  {"SELECT kql_geo_from_wkt('POINT (1 200)')",                "<null>"},
};
Test(fn_geo, ops){ geoCases(aOps, FNB_N(aOps)); }

static const FnbCase aH3[] = {
  {"SELECT kql_geo_h3cell_level('862a1072fffffff')",            "6"},
  {"SELECT kql_geo_h3cell_level('abc')",                        "<null>"},
  {"SELECT kql_geo_h3cell_parent('862a1072fffffff')",           "852a1073fffffff"},
  {"SELECT kql_geo_h3cell_parent('862a1072fffffff', 1)",        "812a3ffffffffff"},
  {"SELECT kql_geo_h3cell_parent('862a1072fffffff', 15)",       ""},
  {"SELECT kql_geo_h3cell_children('862a1072fffffff')",
   "[\"872a10728ffffff\",\"872a10729ffffff\",\"872a1072affffff\",\"872a1072bffffff\",\"872a1072cffffff\","
   "\"872a1072dffffff\",\"872a1072effffff\"]"},
  {"SELECT json_array_length(kql_geo_h3cell_children('862a1072fffffff', 9))", "343"},
  {"SELECT kql_geo_h3cell_children('862a1072fffffff', 12)",     "<null>"},
  {"SELECT kql_geo_h3cell_children('abc')",                     "<null>"},
  {"SELECT kql_geo_h3cell_rings('861f8894fffffff', 2)",
   "[[\"861f8894fffffff\"],[\"861f88947ffffff\",\"861f8895fffffff\",\"861f88867ffffff\",\"861f8d497ffffff\","
   "\"861f8d4b7ffffff\",\"861f8896fffffff\"],[\"861f88967ffffff\",\"861f88977ffffff\",\"861f88957ffffff\","
   "\"861f8882fffffff\",\"861f88877ffffff\",\"861f88847ffffff\",\"861f8886fffffff\",\"861f8d49fffffff\","
   "\"861f8d487ffffff\",\"861f8d4a7ffffff\",\"861f8d59fffffff\",\"861f8d597ffffff\"]]"},
  {"SELECT kql_geo_h3cell_neighbors('861f8894fffffff')",
   "[\"861f88947ffffff\",\"861f8895fffffff\",\"861f88867ffffff\",\"861f8d497ffffff\",\"861f8d4b7ffffff\",\"861f8896fffffff\"]"},
  {"SELECT kql_geo_h3cell_rings('861f8894fffffff', 150)",       "<null>"},
  {"SELECT kql_geo_h3cell_rings('abc', 3)",                     "<null>"},
  {"SELECT kql_geo_h3cell_neighbors('abc')",                    "<null>"},
  /* The children of a pentagon skip the deleted k-axis child. */
  {"SELECT json_array_length(kql_geo_h3cell_children('8009fffffffffff'))", "6"},
};
Test(fn_geo, h3){ geoCases(aH3, FNB_N(aH3)); }

/* Point-in-polygon agrees with the area: a point well inside a polygon
** with a hole is in, one in the hole is out. */
static const FnbCase aHole[] = {
  {"SELECT kql_geo_point_in_polygon(5, 5, '{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
   "[[4,4],[4,6],[6,6],[6,4],[4,4]]]}')", "0"},
  {"SELECT kql_geo_point_in_polygon(2, 2, '{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
   "[[4,4],[4,6],[6,6],[6,4],[4,4]]]}')", "1"},
  /* A clockwise shell still means the smaller region. */
  {"SELECT kql_geo_point_in_polygon(2, 2, '{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,10],[10,10],[10,0],[0,0]]]}')", "1"},
  /* Self-crossing ring (bow tie) is invalid. */
  {"SELECT kql_geo_point_in_polygon(2, 2, '{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}')", "<null>"},
  /* Area of the union equals the sum minus the intersection. */
  {"SELECT abs(kql_geo_polygon_area('{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[2,0],[2,2],[0,2],[0,0]]],[[[1,1],[3,1],[3,3],[1,3],[1,1]]]]}')"
   " - (kql_geo_polygon_area('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}')"
   " + kql_geo_polygon_area('{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[3,1],[3,3],[1,3],[1,1]]]}')"
   " - kql_geo_polygon_area(kql_geo_intersection_2polygons('{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}',"
   " '{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[3,1],[3,3],[1,3],[1,1]]]}')))) < 1", "1"},
};
Test(fn_geo, holes_and_unions){ geoCases(aHole, FNB_N(aHole)); }

/* Every function on hostile input: no error, no crash. */
Test(fn_geo, hostile_input){
  static const char *const azArg[] = {
    "NULL", "''", "'{'", "'[]'", "'{}'", "'null'", "'{\"type\":\"Polygon\"}'",
    "'{\"type\":\"Polygon\",\"coordinates\":[]}'",
    "'{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[1,1],[1,1],[1,1]]]}'",
    "'{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[180,0],[0,0.5],[0,0]]]}'",
    "'{\"type\":\"LineString\",\"coordinates\":[[0,0],[180,0]]}'",
    "'{\"type\":\"LineString\",\"coordinates\":[[\"1\",2],[3,4]]}'",
    "'{\"type\":\"MultiPolygon\",\"coordinates\":[[[[[0,0]]]]]}'",
    "'{\"type\":\"Point\",\"coordinates\":[1e308,1]}'",
    "'[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'",
    "'{\"type\":\"Polygon\",\"coordinates\":[[[0,90],[90,90],[180,90],[0,90]]]}'",
    "'{\"type\":\"Polygon\",\"coordinates\":[[[-180,-90],[180,-90],[0,90],[-180,-90]]]}'",
    "'zzzzzzzzzzzzzzzzzzzz'", "'ffffffffffffffff'", "'0'", "1e999", "-1", "0",
  };
  static const struct { const char *zName; int nArg; } aFn[] = {
    {"kql_geo_point_to_s2cell", 3}, {"kql_geo_s2cell_to_central_point", 1}, {"kql_geo_s2cell_to_polygon", 1},
    {"kql_geo_s2cell_neighbors", 1}, {"kql_geo_polygon_to_s2cells", 2}, {"kql_geo_line_to_s2cells", 2},
    {"kql_geo_point_to_geohash", 3}, {"kql_geo_geohash_to_central_point", 1}, {"kql_geo_geohash_to_polygon", 1},
    {"kql_geo_geohash_neighbors", 1}, {"kql_geo_distance_2points", 4}, {"kql_geo_distance_point_to_line", 3},
    {"kql_geo_distance_point_to_polygon", 3}, {"kql_geo_point_in_circle", 5}, {"kql_geo_point_in_polygon", 3},
    {"kql_geo_azimuth", 4}, {"kql_geo_angle", 6}, {"kql_geo_polygon_area", 1}, {"kql_geo_polygon_perimeter", 1},
    {"kql_geo_polygon_centroid", 1}, {"kql_geo_line_length", 1}, {"kql_geo_line_centroid", 1},
    {"kql_geo_line_interpolate_point", 2}, {"kql_geo_line_locate_point", 3}, {"kql_geo_closest_point_on_line", 3},
    {"kql_geo_closest_point_on_polygon", 3}, {"kql_geo_line_densify", 2}, {"kql_geo_polygon_densify", 2},
    {"kql_geo_line_simplify", 2}, {"kql_geo_polygon_simplify", 2}, {"kql_geo_union_polygons_array", 1},
    {"kql_geo_union_lines_array", 1}, {"kql_geo_intersection_2polygons", 2}, {"kql_geo_intersects_2polygons", 2},
    {"kql_geo_intersects_2lines", 2}, {"kql_geo_intersection_2lines", 2},
    {"kql_geo_intersects_line_with_polygon", 2}, {"kql_geo_intersection_line_with_polygon", 2},
    {"kql_geo_point_buffer", 3}, {"kql_geo_line_buffer", 2}, {"kql_geo_polygon_buffer", 2},
    {"kql_geo_simplify_polygons_array", 1}, {"kql_geo_from_wkt", 1},
    {"kql_geo_h3cell_level", 1}, {"kql_geo_h3cell_parent", 2}, {"kql_geo_h3cell_children", 2},
    {"kql_geo_h3cell_rings", 2}, {"kql_geo_h3cell_neighbors", 1},
  };
  sqlite3 *db = fnbOpen();
  char zBuf[4096];
  size_t nArg = sizeof(azArg)/sizeof(azArg[0]);
  for(size_t f=0; f<sizeof(aFn)/sizeof(aFn[0]); f++){
    for(size_t a=0; a<nArg; a++){
      char *zSql;
      sqlite3_str *p = sqlite3_str_new(0);
      sqlite3_str_appendf(p, "SELECT %s(", aFn[f].zName);
      for(int k=0; k<aFn[f].nArg; k++){
        sqlite3_str_appendf(p, "%s%s", k ? "," : "", azArg[(a + (size_t)k*7) % nArg]);
      }
      sqlite3_str_appendall(p, ")");
      zSql = sqlite3_str_finish(p);
      fnbRun(db, zSql, zBuf, sizeof(zBuf));
      cr_expect(strncmp(zBuf, "ERROR", 5)!=0, "%s -> %s", zSql, zBuf);
      sqlite3_free(zSql);
    }
  }
  sqlite3_close(db);
}
