/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the KQL reference docs' examples for the
** geospatial functions (examples that build their own data and are not in
** shared/conformance/cases.jsonl): distances, containment, areas and
** centroids, densify/simplify, buffers, unions and intersections, line
** interpolation, angles, geohash and S2 cells. Each case is the docs'
** query and the docs' output (column types from the oracle); numbers are
** kqlite's full-precision values, equal to the docs' within 1e-9
** relative. Fixed by this sweep: geo_intersection_2polygons() returns a
** GeometryCollection with the points/lines where the operands only touch
** next to the shared area; geo_simplify_polygons_array() is null when the
** tolerance leaves no shell with 3 vertices.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase DocCase;
#define runCases(a, n) kqltestRunCases((a), (n), 0)
#define N(A) (sizeof(A)/sizeof(A[0]))

static const DocCase aMeasure[] = {
  /* geo_distance_2points(): Seattle to Los Angeles */
  {"print distance_in_meters = geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)",
   "distance_in_meters:real\n"
   "1546754.3519738093\n"},
  /* geo_distance_2points(): invalid coordinate */
  {"print distance = geo_distance_2points(300,1,1,1)",
   "distance:real\n"
   "null\n"},
  /* geo_distance_point_to_line(): airport to road */
  {"print distance_in_meters = geo_distance_point_to_line(-115.199625, 36.210419, dynamic({ \"type\":\"LineString\",\"coordinates\":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]}))",
   "distance_in_meters:real\n"
   "3797.8888725332145\n"},
  /* geo_distance_point_to_line(): invalid line */
  {"print distance_in_meters = geo_distance_point_to_line(1,1, dynamic({ \"type\":\"LineString\"}))",
   "distance_in_meters:real\n"
   "null\n"},
  /* geo_distance_point_to_line(): invalid coordinate */
  {"print distance_in_meters = geo_distance_point_to_line(300, 3, dynamic({ \"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}))",
   "distance_in_meters:real\n"
   "null\n"},
  /* geo_distance_point_to_polygon(): to Central Park */
  {"let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "print geo_distance_point_to_polygon(-73.9839, 40.7705, central_park)",
   "print_0:real\n"
   "259.9407560708272\n"},
  /* geo_distance_point_to_polygon(): invalid coordinate */
  {"print distance = geo_distance_point_to_polygon(500,1,dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]}))",
   "distance:real\n"
   "null\n"},
  /* geo_distance_point_to_polygon(): invalid polygon */
  {"print distance = geo_distance_point_to_polygon(1,1,dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]}))",
   "distance:real\n"
   "null\n"},
  /* geo_point_in_circle(): places near Seattle */
  {"datatable(longitude:real, latitude:real, place:string)\n"
   "[\n"
   "    real(-122.317404), 47.609119, 'Seattle',\n"
   "    real(-123.497688), 47.458098, 'Olympic National Forest',\n"
   "    real(-122.201741), 47.677084, 'Kirkland',\n"
   "    real(-122.443663), 47.247092, 'Tacoma',\n"
   "    real(-122.121975), 47.671345, 'Redmond',\n"
   "]\n"
   "| where geo_point_in_circle(longitude, latitude, -122.317404, 47.609119, 18000)\n"
   "| project place",
   "place:string\n"
   "Seattle\n"
   "Kirkland\n"
   "Redmond\n"},
  /* geo_point_in_circle(): true */
  {"print in_circle = geo_point_in_circle(-122.143564, 47.535677, -122.100896, 47.527351, 3500)",
   "in_circle:bool\n"
   "true\n"},
  /* geo_point_in_circle(): false */
  {"print in_circle = geo_point_in_circle(-122.137575, 47.630683, -122.100896, 47.527351, 3500)",
   "in_circle:bool\n"
   "false\n"},
  /* geo_point_in_circle(): invalid coordinate */
  {"print in_circle = geo_point_in_circle(200, 1, 1, 1, 1)",
   "in_circle:bool\n"
   "null\n"},
  /* geo_point_in_circle(): invalid radius */
  {"print in_circle = geo_point_in_circle(1, 1, 1, 1, -1)",
   "in_circle:bool\n"
   "null\n"},
  /* geo_point_in_polygon(): Manhattan with a hole */
  {"datatable(longitude:real, latitude:real, description:string)\n"
   "[\n"
   "    real(-73.985654), 40.748487, 'Empire State Building',\n"
   "    real(-73.963249), 40.779525, 'The Metropolitan Museum of Art',\n"
   "    real(-73.874367), 40.777356, 'LaGuardia Airport',\n"
   "]\n"
   "| where geo_point_in_polygon(longitude, latitude, dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.92597198486328,40.87821814104651],[-73.94691467285156,40.85069618625578],[-73.94691467285156,40.841865966890786],[-74.01008605957031,40.7519385984599],[-74.01866912841797,40.704586878965245],[-74.01214599609375,40.699901911003046],[-73.99772644042969,40.70875101828792],[-73.97747039794922,40.71083299030839],[-73.97026062011719,40.7290474687069],[-73.97506713867186,40.734510840309376],[-73.970947265625,40.74543623770158],[-73.94210815429688,40.77586181063573],[-73.9434814453125,40.78080140115127],[-73.92974853515625,40.79691751000055],[-73.93077850341797,40.804454347291006],[-73.93489837646484,40.80965166748853],[-73.93524169921875,40.837190668541105],[-73.92288208007812,40.85770758108904],[-73.9101791381836,40.871728144624974],[-73.92597198486328,40.87821814104651]],[[-73.95824432373047,40.80071852197889],[-73.98206233978271,40.76815921628347],[-73.97309303283691,40.76422632379533],[-73.94914627075195,40.796949998204596],[-73.95824432373047,40.80071852197889]]]}))",
   "longitude:real,latitude:real,description:string\n"
   "-73.985654,40.748487,Empire State Building\n"},
  /* geo_point_in_polygon(): invalid coordinate */
  {"print in_polygon = geo_point_in_polygon(200,1,dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]}))",
   "in_polygon:bool\n"
   "null\n"},
  /* geo_point_in_polygon(): invalid polygon */
  {"print in_polygon = geo_point_in_polygon(1,1,dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]}))",
   "in_polygon:bool\n"
   "null\n"},
  /* geo_point_in_polygon(): classify with partition */
  {"let Polygons = datatable(description:string, polygon:dynamic)\n"
   "    [  \n"
   "      \"New York city area\", dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.85009765625,40.85744791303121],[-74.16046142578125,40.84290487729676],[-74.190673828125,40.59935608796518],[-73.83087158203125,40.61812224225511],[-73.85009765625,40.85744791303121]]]}),\n"
   "      \"Seattle area\",       dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-122.200927734375,47.68573021131587],[-122.4591064453125,47.68573021131587],[-122.4755859375,47.468949677672484],[-122.17620849609374,47.47266286861342],[-122.200927734375,47.68573021131587]]]}),\n"
   "      \"Las Vegas\",          dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-114.9,36.36],[-115.4498291015625,36.33282808737917],[-115.4498291015625,35.84453450421662],[-114.949951171875,35.902399875143615],[-114.9,36.36]]]}),\n"
   "    ];\n"
   "let Locations = datatable(longitude:real, latitude:real)\n"
   "    [\n"
   "      real(-73.95),  real(40.75),\n"
   "      real(-122.3),  real(47.6),\n"
   "      real(-115.18), real(36.16)\n"
   "    ];\n"
   "Polygons\n"
   "| project polygonPartition = tostring(pack(\"description\", description, \"polygon\", polygon))\n"
   "| partition hint.materialized=true by polygonPartition\n"
   "{   \n"
   "     Locations\n"
   "     | extend description = todynamic(toscalar(polygonPartition)).description\n"
   "     | extend polygon = todynamic(toscalar(polygonPartition)).polygon\n"
   "     | where geo_point_in_polygon(longitude, latitude, polygon)\n"
   "     | project-away polygon\n"
   "}",
   "longitude:real,latitude:real,description:dynamic\n"
   "-115.18,36.16,\"Las Vegas\"\n"
   "-73.95,40.75,\"New York city area\"\n"
   "-122.3,47.6,\"Seattle area\"\n"},
  /* geo_polygon_area(): Central Park */
  {"let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "print area = geo_polygon_area(central_park)",
   "area:real\n"
   "3475207.28346606\n"},
  /* geo_polygon_area(): union of a multipolygon */
  {"let polygons = dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]]]});\n"
   "print polygons_union_area = geo_polygon_area(polygons)",
   "polygons_union_area:real\n"
   "10889971.534348385\n"},
  /* geo_polygon_area(): invalid polygon */
  {"print isnull(geo_polygon_area(dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]})))",
   "print_0:bool\n"
   "true\n"},
  /* geo_polygon_centroid(): Central Park */
  {"let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "print centroid = geo_polygon_centroid(central_park)",
   "centroid:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[-73.9657356818791,40.78255053379177]}\n"},
  /* geo_polygon_centroid(): longitude */
  {"let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "print \n"
   "centroid = geo_polygon_centroid(central_park)\n"
   "| project lng = centroid.coordinates[0]",
   "lng:dynamic\n"
   "-73.9657356818791\n"},
  /* geo_polygon_centroid(): union of a multipolygon */
  {"let polygons = dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]]]});\n"
   "print polygons_union_centroid = geo_polygon_centroid(polygons)",
   "polygons_union_centroid:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[-73.9685695915899,40.77631075494853]}\n"},
  /* geo_polygon_centroid(): invalid polygon */
  {"print isnull(geo_polygon_centroid(dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]})))",
   "print_0:bool\n"
   "true\n"},
  /* geo_polygon_perimeter(): Central Park */
  {"let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "print perimeter = geo_polygon_perimeter(central_park)",
   "perimeter:real\n"
   "9930.301496049382\n"},
  /* geo_polygon_perimeter(): union of a multipolygon */
  {"let polygons = dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]]]});\n"
   "print perimeter = geo_polygon_perimeter(polygons)",
   "perimeter:real\n"
   "15943.538457876264\n"},
  /* geo_polygon_perimeter(): invalid polygon */
  {"print is_invalid = isnull(geo_polygon_perimeter(dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]})))",
   "is_invalid:bool\n"
   "true\n"},
  /* geo_line_length(): line */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334]]});\n"
   "print length = geo_line_length(line)",
   "length:real\n"
   "4922.4801699208065\n"},
  /* geo_line_length(): multiline */
  {"let line = dynamic({\"type\":\"MultiLineString\",\"coordinates\":[[[-73.95798683166502,40.800556090021466],[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]});\n"
   "print length = geo_line_length(line)",
   "length:real\n"
   "8262.243397537412\n"},
  /* geo_line_length(): invalid line */
  {"print is_bad_line = isnull(geo_line_length(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1]]})))",
   "is_bad_line:bool\n"
   "true\n"},
  /* geo_line_centroid(): line */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]});\n"
   "print centroid = geo_line_centroid(line);",
   "centroid:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[-73.96556705723094,40.782453249627416]}\n"},
  /* geo_line_centroid(): longitude */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334],[-73.98210525512695,40.76786669510221],[-73.96004676818848,40.7980870753293]]});\n"
   "print centroid = geo_line_centroid(line)\n"
   "| project lng = centroid.coordinates[0]",
   "lng:dynamic\n"
   "-73.96606756268372\n"},
  /* geo_line_centroid(): invalid line */
  {"print is_bad_line = isnull(geo_line_centroid(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1]]})))",
   "is_bad_line:bool\n"
   "true\n"},
  /* geo_line_interpolate_point(): 25% */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]});\n"
   "print point = geo_line_interpolate_point(line, 0.25);",
   "point:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[-73.96176404321828,40.79143668725723]}\n"},
  /* geo_line_interpolate_point(): 90% longitude */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334],[-73.98210525512695,40.76786669510221],[-73.96004676818848,40.7980870753293]]});\n"
   "print point = geo_line_interpolate_point(line, 0.9)\n"
   "| project lng = point.coordinates[0]",
   "lng:dynamic\n"
   "-73.96556545832799\n"},
  /* geo_line_interpolate_point(): invalid line */
  {"print is_bad_line = isnull(geo_line_interpolate_point(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1]]}), 0.5))",
   "is_bad_line:bool\n"
   "true\n"},
  /* geo_line_locate_point(): fraction */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]});\n"
   "print fraction = geo_line_locate_point(line, -73.965, 40.792);",
   "fraction:real\n"
   "0.2556013510031543\n"},
  /* geo_line_locate_point(): invalid line */
  {"print is_bad_line = isnull(geo_line_locate_point(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1]]}), 1, 1))",
   "is_bad_line:bool\n"
   "true\n"},
  /* geo_angle(): radians */
  {"print angle_in_radians = geo_angle(0, 10, 0,5, 3,-10)",
   "angle_in_radians:real\n"
   "2.944938434068817\n"},
  /* geo_angle(): degrees */
  {"let angle_in_radians = geo_angle(0, 10, 0,5, 3,-10);\n"
   "print angle_in_degrees = degrees(angle_in_radians)",
   "angle_in_degrees:real\n"
   "168.73254319800887\n"},
  /* geo_angle(): equal points */
  {"print is_null = isnull(geo_angle(0, 10, 0, 10, 3, -10))",
   "is_null:bool\n"
   "true\n"},
  /* geo_azimuth(): radians */
  {"print azimuth_in_radians = geo_azimuth(5, 10, 10, -40)",
   "azimuth_in_radians:real\n"
   "3.054599397964492\n"},
  /* geo_azimuth(): degrees */
  {"let azimuth_in_radians = geo_azimuth(5, 10, 10, -40);\n"
   "print azimuth_in_degrees = degrees(azimuth_in_radians);",
   "azimuth_in_degrees:real\n"
   "175.01565360656755\n"},
  /* geo_azimuth(): equal points */
  {"print is_null = isnull(geo_azimuth(5, 10, 5, 10))",
   "is_null:bool\n"
   "true\n"},
  /* geo_closest_point_on_line(): airport to road */
  {"print point_on_line = geo_closest_point_on_line(-115.199625, 36.210419, dynamic({ \"type\":\"LineString\",\"coordinates\":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]}))",
   "point_on_line:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[-115.19261200000001,36.176736]}\n"},
  /* geo_closest_point_on_line(): invalid coordinate */
  {"print result = isnull(geo_closest_point_on_line(300, 3, dynamic({ \"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]})))",
   "result:bool\n"
   "true\n"},
  /* geo_closest_point_on_polygon(): Central Park */
  {"let central_park = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "print geo_closest_point_on_polygon(-73.9839, 40.7705, central_park)",
   "print_0:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[-73.98120558015391,40.76935945284321]}\n"},
  /* geo_closest_point_on_polygon(): invalid coordinate */
  {"print result = isnull(geo_closest_point_on_polygon(500,1,dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]})))",
   "result:bool\n"
   "true\n"},
  /* geo_closest_point_on_polygon(): invalid polygon */
  {"print result = isnull(geo_closest_point_on_polygon(1,1,dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]})))",
   "result:bool\n"
   "true\n"},
};

static const DocCase aShape[] = {
  /* geo_polygon_densify(): short edges unchanged */
  {"print densified_polygon = tostring(geo_polygon_densify(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159],[-73.958244,40.800719]]]})))",
   "densified_polygon:string\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159],[-73.958244,40.800719]]]}\n"},
  /* geo_polygon_densify(): two long edges */
  {"print densified_polygon = tostring(geo_polygon_densify(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]})))",
   "densified_polygon:string\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[10,10],[10.25,10],[10.5,10],[10.75,10],[11,10],[11,11],[10.75,11],[10.5,11],[10.25,11],[10,11],[10,10]]]}\n"},
  /* geo_polygon_densify(): invalid coordinate */
  {"print densified_polygon = geo_polygon_densify(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[10,900],[11,10],[11,11],[10,11],[10,10]]]}))",
   "densified_polygon:dynamic\n"
   "null\n"},
  /* geo_polygon_densify(): invalid tolerance */
  {"print densified_polygon = geo_polygon_densify(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]}), 0)",
   "densified_polygon:dynamic\n"
   "null\n"},
  /* geo_polygon_simplify(): 10 m */
  {"let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.94885122776031,40.79673476355657],[-73.94885927438736,40.79692258628347],[-73.94887939095497,40.79692055577034],[-73.9488673210144,40.79693476936093],[-73.94888743758202,40.79693476936093],[-73.9488834142685,40.796959135509105],[-73.94890084862709,40.79695304397289],[-73.94906312227248,40.79710736271788],[-73.94923612475395,40.7968708081794],[-73.94885122776031,40.79673476355657]]]});\n"
   "print simplified = geo_polygon_simplify(polygon)",
   "simplified:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-73.94885122776031,40.79673476355657],[-73.94906312227248,40.79710736271788],[-73.94923612475395,40.7968708081794],[-73.94885122776031,40.79673476355657]]]}\n"},
  /* geo_polygon_simplify(): invalid polygon */
  {"let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[5,48],[5,48]]]});\n"
   "print is_invalid_polygon = isnull(geo_polygon_simplify(polygon))",
   "is_invalid_polygon:bool\n"
   "true\n"},
  /* geo_polygon_simplify(): invalid tolerance */
  {"let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[5,48],[0,50],[0,47],[4,47],[5,48]]]});\n"
   "print is_invalid_polygon = isnull(geo_polygon_simplify(polygon, -0.1))",
   "is_invalid_polygon:bool\n"
   "true\n"},
  /* geo_polygon_simplify(): polygon disappears */
  {"let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[5,48],[0,50],[0,47],[4,47],[5,48]]]});\n"
   "print is_invalid_polygon = isnull(geo_polygon_simplify(polygon, 1000000))",
   "is_invalid_polygon:bool\n"
   "true\n"},
  /* geo_line_densify(): 130 km edge */
  {"print densified_line = tostring(geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[50, 50], [51, 51]]})))",
   "densified_line:string\n"
   "{\"type\":\"LineString\",\"coordinates\":[[50,50],[50.125,50.125],[50.25,50.25],[50.375,50.375],[50.5,50.5],[50.625,50.625],[50.75,50.75],[50.875,50.875],[51,51]]}\n"},
  /* geo_line_densify(): invalid coordinate */
  {"print densified_line = geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[300,1],[1,1]]}))",
   "densified_line:dynamic\n"
   "null\n"},
  /* geo_line_densify(): invalid tolerance */
  {"print densified_line = geo_line_densify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}), 0)",
   "densified_line:dynamic\n"
   "null\n"},
  /* geo_line_simplify(): 10 m */
  {"let line = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.97033169865608,40.789063020152824],[-73.97039607167244,40.78897975920816],[-73.9704617857933,40.78888837512432],[-73.97052884101868,40.7887949601531],[-73.9706052839756,40.788698498903564],[-73.97065222263336,40.78862640672032],[-73.97072866559029,40.78852791445617],[-73.97079303860664,40.788434498977836]]});\n"
   "print simplified = geo_line_simplify(line, 10)",
   "simplified:dynamic\n"
   "{\"type\":\"LineString\",\"coordinates\":[[-73.97033169865608,40.789063020152824],[-73.97079303860664,40.788434498977836]]}\n"},
  /* geo_line_simplify(): invalid line */
  {"print is_invalid_line = isnull(geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1]]})))",
   "is_invalid_line:bool\n"
   "true\n"},
  /* geo_line_simplify(): invalid tolerance */
  {"print is_invalid_line = isnull(geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1],[2,2]]}), -1))",
   "is_invalid_line:bool\n"
   "true\n"},
  /* geo_line_simplify(): line disappears */
  {"print is_invalid_line = isnull(geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1.1, 1.1],[1.2,1.2]]}), 100000))",
   "is_invalid_line:bool\n"
   "true\n"},
  /* geo_point_buffer(): invalid point */
  {"print result = isnull(geo_point_buffer(200, 1,0.1))",
   "result:bool\n"
   "true\n"},
  /* geo_point_buffer(): invalid radius */
  {"print result = isnull(geo_point_buffer(10, 10, -1))",
   "result:bool\n"
   "true\n"},
  /* geo_line_buffer(): invalid line */
  {"print buffer = isnull(geo_line_buffer(dynamic({\"type\":\"LineString\"}), 5))",
   "buffer:bool\n"
   "true\n"},
  /* geo_line_buffer(): invalid radius */
  {"print buffer = isnull(geo_line_buffer(dynamic({\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}), 0))",
   "buffer:bool\n"
   "true\n"},
  /* geo_polygon_buffer(): invalid polygon */
  {"print buffer = isnull(geo_polygon_buffer(dynamic({\"type\":\"p\"}), 1))",
   "buffer:bool\n"
   "true\n"},
  /* geo_polygon_buffer(): invalid radius */
  {"print buffer = isnull(geo_polygon_buffer(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[10,10],[0,10],[0,0],[10,10]]]}), 0))",
   "buffer:bool\n"
   "true\n"},
  /* geo_union_polygons_array(): polygon columns */
  {"datatable(polygon1:dynamic, polygon2:dynamic)\n"
   "[\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}), dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]})\n"
   "]\n"
   "| project polygons_arr = pack_array(polygon1, polygon2)\n"
   "| project polygons_union = geo_union_polygons_array(polygons_arr)",
   "polygons_union:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.9639277517478,40.79274825867388],[-73.96888,40.79282],[-73.9662719791645,40.78957342243379],[-73.98201,40.76825],[-73.97317,40.76455],[-73.96030238370618,40.78214079464503],[-73.9577,40.7789],[-73.94622,40.79249],[-73.9526593223173,40.79258422771647],[-73.9495,40.7969]]]}\n"},
  /* geo_union_polygons_array(): invalid polygon */
  {"datatable(polygons:dynamic)\n"
   "[\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249]]]})\n"
   "]\n"
   "| summarize polygons_arr = make_list(polygons)\n"
   "| project invalid_union = isnull(geo_union_polygons_array(polygons_arr))",
   "invalid_union:bool\n"
   "true\n"},
  /* geo_simplify_polygons_array(): invalid polygon */
  {"datatable(polygons:dynamic)\n"
   "[\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]]})\n"
   "]\n"
   "| summarize arr = make_list(polygons)\n"
   "| project is_invalid_polygon = isnull(geo_simplify_polygons_array(arr))",
   "is_invalid_polygon:bool\n"
   "true\n"},
  /* geo_simplify_polygons_array(): invalid tolerance */
  {"datatable(polygons:dynamic)\n"
   "[\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]]})\n"
   "]\n"
   "| summarize arr = make_list(polygons)\n"
   "| project is_null = isnull(geo_simplify_polygons_array(arr, -1))",
   "is_null:bool\n"
   "true\n"},
  /* geo_simplify_polygons_array(): polygon disappears (fixed) */
  {"datatable(polygons:dynamic)\n"
   "[\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]}),\n"
   "    dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]]})\n"
   "]\n"
   "| summarize arr = make_list(polygons)\n"
   "| project is_null = isnull(geo_simplify_polygons_array(arr, 10000))",
   "is_null:bool\n"
   "true\n"},
  /* geo_intersects_2polygons(): two literals */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]]});\n"
   "let polygon2 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]});\n"
   "print geo_intersects_2polygons(polygon1, polygon2)",
   "print_0:bool\n"
   "true\n"},
  /* geo_intersects_2polygons(): invalid polygon */
  {"let central_park_polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "let invalid_polygon = dynamic({\"type\":\"Polygon\"});\n"
   "print isnull(geo_intersects_2polygons(invalid_polygon, central_park_polygon))",
   "print_0:bool\n"
   "true\n"},
  /* geo_intersection_2polygons(): a polygon */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]]});\n"
   "let polygon2 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]});\n"
   "print intersection = geo_intersection_2polygons(polygon1, polygon2)",
   "intersection:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-73.96210577643716,40.77459136099968],[-73.96264240316687,40.77480702025178],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96210577643716,40.77459136099968]]]}\n"},
  /* geo_intersection_2polygons(): a point */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[2,45],[0,45],[1,44],[2,45]]]});\n"
   "let polygon2 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[3,44],[2,45],[2,43],[3,44]]]});\n"
   "print intersection = geo_intersection_2polygons(polygon1, polygon2)",
   "intersection:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[2,45]}\n"},
  /* geo_intersection_2polygons(): a collection (fixed) */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[2,45],[0,45],[1,44],[2,45]]]});\n"
   "let polygon2 = dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[[[[3,44],[2,45],[2,43],[3,44]]],[[[1.192,45.265],[1.005,44.943],[1.356,44.937],[1.192,45.265]]]]});\n"
   "print intersection = geo_intersection_2polygons(polygon1, polygon2)",
   "intersection:dynamic\n"
   "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[2,45]},{\"type\":\"Polygon\",\"coordinates\":[[[1.3227075526410748,45.00390914506874],[1.04045653748998,45.004356403066545],[1.005,44.943],[1.356,44.937],[1.3227075526410748,45.00390914506874]]]}]}\n"},
  /* geo_intersection_2polygons(): no intersection */
  {"let polygon1 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[2,45],[0,45],[1,44],[2,45]]]});\n"
   "let polygon2 = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[3,44],[3,45],[2,43],[3,44]]]});\n"
   "print intersection = geo_intersection_2polygons(polygon1, polygon2)",
   "intersection:dynamic\n"
   "{\"type\":\"GeometryCollection\",\"geometries\":[]}\n"},
  /* geo_intersection_2polygons(): invalid polygon */
  {"let central_park_polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]});\n"
   "let invalid_polygon = dynamic({\"type\":\"Polygon\"});\n"
   "print isnull(geo_intersection_2polygons(invalid_polygon, central_park_polygon))",
   "print_0:bool\n"
   "true\n"},
  /* geo_intersection_line_with_polygon(): a line */
  {"let lineString = dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.985195,40.788275],[-73.974552,40.779761]]});\n"
   "let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]});\n"
   "print intersection = geo_intersection_line_with_polygon(lineString, polygon)",
   "intersection:dynamic\n"
   "{\"type\":\"LineString\",\"coordinates\":[[-73.97561195657819,40.78060906714618],[-73.974552,40.779761]]}\n"},
  /* geo_intersection_line_with_polygon(): a multiline */
  {"let lineString = dynamic({\"type\":\"LineString\",\"coordinates\":[[-110.522, 39.198],[-91.428, 40.880]]});\n"
   "let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-90.263,36.738],[-102.041,45.274],[-109.335,36.527],[-90.263,36.738]],[[-100.393,41.705],[-103.139,38.925],[-97.558,39.113],[-100.393,41.705]]]});\n"
   "print intersection = geo_intersection_line_with_polygon(lineString, polygon)",
   "intersection:dynamic\n"
   "{\"type\":\"MultiLineString\",\"coordinates\":[[[-106.89353655881905,39.769226209776306],[-101.74448553679453,40.37350600871252]],[[-99.13649943132886,40.58933651269999],[-95.2845277373118,40.79906024224635]]]}\n"},
  /* geo_intersection_line_with_polygon(): no intersection */
  {"let lineString = dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1],[2, 2]]});\n"
   "let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]});\n"
   "print intersection = geo_intersection_line_with_polygon(lineString, polygon)",
   "intersection:dynamic\n"
   "{\"type\":\"GeometryCollection\",\"geometries\":[]}\n"},
};

static const DocCase aCells[] = {
  /* geo_point_to_geohash(): accuracy 12 */
  {"print geohash = geo_point_to_geohash(139.806115, 35.554128, 12)",
   "geohash:string\n"
   "xn76m27ty9g4\n"},
  /* geo_point_to_geohash(): accuracy 8 */
  {"print geohash = geo_point_to_geohash(-80.195829, 25.802215, 8)",
   "geohash:string\n"
   "dhwfz15h\n"},
  /* geo_point_to_geohash(): groups */
  {"datatable(location_id:string, longitude:real, latitude:real)\n"
   "[\n"
   "  \"A\", double(-122.303404), 47.570482,\n"
   "  \"B\", double(-122.304745), 47.567052,\n"
   "  \"C\", double(-122.278156), 47.566936,\n"
   "]\n"
   "| summarize count = count(),\n"
   "            locations = make_list(location_id)\n"
   "            by geohash = geo_point_to_geohash(longitude, latitude)",
   "geohash:string,count:long,locations:dynamic\n"
   "c23n8,2,[\"A\",\"B\"]\n"
   "c23n9,1,[\"C\"]\n"},
  /* geo_point_to_geohash(): invalid coordinate */
  {"print geohash = geo_point_to_geohash(200,1,8)",
   "geohash:string\n"
   "\n"},
  /* geo_point_to_geohash(): invalid accuracy */
  {"print geohash = geo_point_to_geohash(1,1,int(null))",
   "geohash:string\n"
   "\n"},
  /* geo_geohash_to_central_point(): sunny */
  {"print point = geo_geohash_to_central_point(\"sunny\")\n"
   "| extend coordinates = point.coordinates\n"
   "| extend longitude = coordinates[0], latitude = coordinates[1]",
   "point:dynamic,coordinates:dynamic,longitude:dynamic,latitude:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[42.47314453125,23.70849609375]},[42.47314453125,23.70849609375],42.47314453125,23.70849609375\n"},
  /* geo_geohash_to_central_point(): invalid */
  {"print geohash = geo_geohash_to_central_point(\"a\")",
   "geohash:dynamic\n"
   "null\n"},
  /* geo_geohash_to_central_point(): Bing Maps link */
  {"let point_to_map_url = (_point:dynamic, _title:string) \n"
   "{\n"
   "    strcat('https://www.bing.com/maps?sp=point.', _point.coordinates[1] ,'_', _point.coordinates[0], '_', url_encode(_title)) \n"
   "};\n"
   "let geohash_to_map_url = (_geohash:string, _title:string)\n"
   "{\n"
   "    point_to_map_url(geo_geohash_to_central_point(_geohash), _title)\n"
   "};\n"
   "print geohash = 'sv8wzvy7'\n"
   "| extend url = geohash_to_map_url(geohash, \"You are here\")",
   "geohash:string,url:string\n"
   "sv8wzvy7,https://www.bing.com/maps?sp=point.32.15620994567871_34.80245590209961_You+are+here\n"},
  /* geo_geohash_to_polygon(): dr5ru */
  {"print GeohashPolygon = geo_geohash_to_polygon(\"dr5ru\");",
   "GeohashPolygon:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-74.00390625,40.7373046875],[-73.9599609375,40.7373046875],[-73.9599609375,40.78125],[-74.00390625,40.78125],[-74.00390625,40.7373046875]]]}\n"},
  /* geo_geohash_to_polygon(): invalid */
  {"print GeohashPolygon = geo_geohash_to_polygon(\"a\");",
   "GeohashPolygon:dynamic\n"
   "null\n"},
  /* geo_geohash_neighbors(): sunny */
  {"print neighbors = geo_geohash_neighbors('sunny')",
   "neighbors:dynamic\n"
   "[\"sunnt\",\"sunpj\",\"sunnx\",\"sunpn\",\"sunnv\",\"sunpp\",\"sunnz\",\"sunnw\"]\n"},
  /* geo_geohash_neighbors(): with the cell */
  {"let geohash = 'sunny';\n"
   "print cells = array_concat(pack_array(geohash), geo_geohash_neighbors(geohash))",
   "cells:dynamic\n"
   "[\"sunny\",\"sunnt\",\"sunpj\",\"sunnx\",\"sunpn\",\"sunnv\",\"sunpp\",\"sunnz\",\"sunnw\"]\n"},
  /* geo_geohash_neighbors(): union of the cells */
  {"let h3cell = 'sunny';\n"
   "print cells = array_concat(pack_array(h3cell), geo_geohash_neighbors(h3cell))\n"
   "| mv-expand cells to typeof(string)\n"
   "| project polygons = geo_geohash_to_polygon(cells)\n"
   "| summarize arr = make_list(polygons)\n"
   "| project polygon = geo_union_polygons_array(arr)",
   "polygon:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[42.4072265625,23.642578125],[42.451171875,23.642578125],[42.4951171875,23.642578125],[42.5390625,23.642578125],[42.5390625,23.6865234375],[42.5390625,23.73046875],[42.5390625,23.7744140625],[42.4951171875,23.7744140625],[42.451171875,23.7744140625],[42.4072265625,23.7744140625],[42.4072265625,23.73046875],[42.4072265625,23.6865234375],[42.4072265625,23.642578125]]]}\n"},
  /* geo_geohash_neighbors(): invalid */
  {"print invalid = isnull(geo_geohash_neighbors('a'))",
   "invalid:bool\n"
   "true\n"},
  /* geo_point_to_s2cell(): level 8 */
  {"print s2cell = geo_point_to_s2cell(-80.195829, 25.802215, 8)",
   "s2cell:string\n"
   "88d9b\n"},
  /* geo_point_to_s2cell(): groups */
  {"datatable(location_id:string, longitude:real, latitude:real)\n"
   "[\n"
   "  \"A\", 10.1234, 53,\n"
   "  \"B\", 10.3579, 53,\n"
   "  \"C\", 10.6842, 53,\n"
   "]\n"
   "| summarize count = count(),\n"
   "            locations = make_list(location_id)\n"
   "            by s2cell = geo_point_to_s2cell(longitude, latitude, 8)",
   "s2cell:string,count:long,locations:dynamic\n"
   "47ae3,1,[\"C\"]\n"
   "47b1d,2,[\"A\",\"B\"]\n"},
  /* geo_point_to_s2cell(): invalid coordinate */
  {"print s2cell = geo_point_to_s2cell(300,1,8)",
   "s2cell:string\n"
   "\n"},
  /* geo_point_to_s2cell(): level 35 */
  {"print s2cell = geo_point_to_s2cell(1,1,35)",
   "s2cell:string\n"
   "\n"},
  /* geo_point_to_s2cell(): null level */
  {"print s2cell = geo_point_to_s2cell(1,1,int(null))",
   "s2cell:string\n"
   "\n"},
  /* geo_s2cell_to_central_point(): 1234567 */
  {"print point = geo_s2cell_to_central_point(\"1234567\")\n"
   "| extend coordinates = point.coordinates\n"
   "| extend longitude = coordinates[0], latitude = coordinates[1]",
   "point:dynamic,coordinates:dynamic,longitude:dynamic,latitude:dynamic\n"
   "{\"type\":\"Point\",\"coordinates\":[9.86830731850408,27.468392925827605]},[9.86830731850408,27.468392925827605],9.86830731850408,27.468392925827605\n"},
  /* geo_s2cell_to_central_point(): invalid */
  {"print point = geo_s2cell_to_central_point(\"a\")",
   "point:dynamic\n"
   "null\n"},
  /* geo_s2cell_to_polygon(): 89c259 */
  {"print s2cellPolygon = geo_s2cell_to_polygon(\"89c259\")",
   "s2cellPolygon:dynamic\n"
   "{\"type\":\"Polygon\",\"coordinates\":[[[-74.03001224983848,40.8012684339439],[-74.03001224983848,40.7222262918358],[-73.93598211433742,40.708880489804564],[-73.93598211433742,40.78791713450684],[-74.03001224983848,40.8012684339439]]]}\n"},
  /* geo_s2cell_to_polygon(): invalid */
  {"print s2cellPolygon = geo_s2cell_to_polygon(\"a\")",
   "s2cellPolygon:dynamic\n"
   "null\n"},
  /* geo_s2cell_neighbors(): 89c259 */
  {"print neighbors = geo_s2cell_neighbors('89c259')",
   "neighbors:dynamic\n"
   "[\"89c25d\",\"89c2f9\",\"89c251\",\"89c257\",\"89c25f\",\"89c25b\",\"89c2f7\",\"89c2f5\"]\n"},
  /* geo_s2cell_neighbors(): with the cell */
  {"let s2cell = '89c259';\n"
   "print cells = array_concat(pack_array(s2cell), geo_s2cell_neighbors(s2cell))",
   "cells:dynamic\n"
   "[\"89c259\",\"89c25d\",\"89c2f9\",\"89c251\",\"89c257\",\"89c25f\",\"89c25b\",\"89c2f7\",\"89c2f5\"]\n"},
  /* geo_s2cell_neighbors(): invalid */
  {"print invalid = isnull(geo_s2cell_neighbors('a'))",
   "invalid:bool\n"
   "true\n"},
  /* geo_polygon_to_s2cells(): count at level 5 */
  {"let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,50],[100,50],[0,0]]]});\n"
   "print s2_cell_token_count = array_length(geo_polygon_to_s2cells(polygon, 5));",
   "s2_cell_token_count:long\n"
   "286\n"},
  /* geo_polygon_to_s2cells(): too many cells */
  {"let polygon = dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,50],[100,50],[0,0]]]});\n"
   "print isnull(geo_polygon_to_s2cells(polygon, 30));",
   "print_0:bool\n"
   "true\n"},
};

Test(docs_geo, measures){
  runCases(aMeasure, N(aMeasure));
}

Test(docs_geo, shapes){
  runCases(aShape, N(aShape));
}

Test(docs_geo, cells){
  runCases(aCells, N(aCells));
}
