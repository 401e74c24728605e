/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests of the evaluate plugins of bind_ext_plugin*.c:
** geo_polygon_lookup, geo_line_lookup, dcount_intersect, schema_merge, basket,
** activity_counts_metrics, activity_metrics, new_activity_metrics,
** active_users_count and sliding_window_counts. Each case is a query and
** its exact result (header with KQL types, then rows) or diagnostics. The
** values are the KQL reference docs' own examples (the docs' data, their
** output tables); the column names and types are those of Microsoft's
** binder. Plugins kqlite does not run report "not supported".
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef struct PlgCase PlgCase;
struct PlgCase {
  const char *zQuery;
  const char *zExpect;
};

#define POLYGONS \
  "let polygons = datatable(polygon_name:string, polygon:dynamic)[" \
  "\"New York\", dynamic({\"type\":\"Polygon\", \"coordinates\":[[[-73.97375470114766,40.74300078124614]," \
  "[-73.98653921014294,40.75486501361894],[-73.99910622331991,40.74112695466084],[-73.97375470114766,40.74300078124614]]]})," \
  "\"Paris\", dynamic({\"type\":\"Polygon\",\"coordinates\":[[[2.57564669886321,48.769567764921334]," \
  "[2.420098611499384,49.05163394896812],[2.1016783119165723,48.80113794475062],[2.57564669886321,48.769567764921334]]]})];" \
  "let locations = datatable(location_name:string, longitude:real, latitude:real)[" \
  "\"Empire State Building\", -73.98567337898565, 40.74842629977377," \
  "\"NY National Museum of Mathematics\", -73.98778501496217, 40.743565232771545," \
  "\"Eiffel Tower\", 2.294489426068907, 48.858263476169185," \
  "\"London\", -0.13245599272019604, 51.49879464208368," \
  "\"Statue of Liberty\",  -74.04462223203123, 40.689195627512674];"

#define ROADS \
  "let roads = datatable(road_name:string, road:dynamic)[" \
  "\"5th Avenue NY\", dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.97291864770574,40.76428551254824]," \
  "[-73.99708638113894,40.73145135821781]]})," \
  "\"Palace Ave\", dynamic({\"type\":\"LineString\",\"coordinates\":[[-0.18756982045002246,51.50245944666557]," \
  "[-0.18908519740253382,51.50544952706903]]})];" \
  "let locations = datatable(location_name:string, longitude:real, latitude:real)[" \
  "\"Empire State Building\", -73.98567337898565, 40.74842629977377," \
  "\"Grand Central Terminal\", -73.97713140725149, 40.752730320824895," \
  "\"Statue of Liberty\",  -74.04462223203123, 40.689195627512674," \
  "\"Kensington Palace\", -0.1885272501232862,  51.504906159672316];"

static const PlgCase aGeo[] = {
  /* 0: geo_polygon_lookup, the docs' first example (inner: London and the Statue of Liberty drop) */
  {POLYGONS "locations | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude) "
   "| project location_name, polygon_name | order by location_name asc",
   "location_name:string,polygon_name:string\nEiffel Tower,Paris\nEmpire State Building,New York\n"
   "NY National Museum of Mathematics,New York\n"},
  /* 1: return_unmatched: lookup strings are empty, never null; the key column is dropped */
  {POLYGONS "locations | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude, return_unmatched = true) "
   "| order by location_name asc | project location_name, polygon_name",
   "location_name:string,polygon_name:string\nEiffel Tower,Paris\nEmpire State Building,New York\n"
   "London,\nNY National Museum of Mathematics,New York\nStatue of Liberty,\n"},
  /* 2: radius = 7000 m reaches the Statue of Liberty */
  {POLYGONS "locations | evaluate geo_polygon_lookup(polygons, polygon, longitude, latitude, radius = 7000, "
   "return_unmatched = true) | where location_name == 'Statue of Liberty'",
   "location_name:string,longitude:real,latitude:real,polygon_name:string\n"
   "Statue of Liberty,-74.04462223203123,40.689195627512674,New York\n"},
  /* 3: return_lookup_key; a clashing lookup column is renamed */
  {"let p = datatable(name:string, shape:dynamic)[\"sq\", dynamic({\"type\":\"Polygon\",\"coordinates\":"
   "[[[0,0],[2,0],[2,2],[0,2],[0,0]]]})]; datatable(name:string, lon:real, lat:real)[\"in\", 1, 1, \"out\", 5, 5] "
   "| evaluate geo_polygon_lookup(p, shape, lon, lat, return_lookup_key = true)",
   "name:string,lon:real,lat:real,name1:string,shape:dynamic\n"
   "in,1,1,sq,{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}\n"},
  /* 4: geo_line_lookup, the docs' examples: 100 m and 350 m */
  {ROADS "locations | evaluate geo_line_lookup(roads, road, longitude, latitude, 100, return_unmatched = true) "
   "| project location_name, road_name | order by location_name asc",
   "location_name:string,road_name:string\nEmpire State Building,5th Avenue NY\nGrand Central Terminal,\n"
   "Kensington Palace,Palace Ave\nStatue of Liberty,\n"},
  {ROADS "locations | evaluate geo_line_lookup(roads, road, longitude, latitude, 350) "
   "| summarize count() by road_name | order by road_name asc",
   "road_name:string,count_:long\n5th Avenue NY,2\nPalace Ave,1\n"},
  /* 6: errors */
  {ROADS "locations | evaluate geo_line_lookup(roads, road, longitude, latitude)", "error"},
  {POLYGONS "locations | evaluate geo_polygon_lookup(polygons, polygon_name, longitude, latitude)", "error"},
};

static const PlgCase aMisc[] = {
  /* 0: dcount_intersect, the docs' example */
  {"range x from 1 to 100 step 1 | extend isEven = (x % 2 == 0), isMod3 = (x % 3 == 0), isMod5 = (x % 5 == 0) "
   "| summarize hll_even = hll(iif(isEven, x, 0), 2), hll_mod3 = hll(iif(isMod3, x, 0), 2), "
   "hll_mod5 = hll(iif(isMod5, x, 0), 2) | evaluate dcount_intersect(hll_even, hll_mod3, hll_mod5) "
   "| project evenNumbers = s0 - 1, even_and_mod3 = s1 - 1, even_and_mod3_and_mod5 = s2 - 1",
   "evenNumbers:long,even_and_mod3:long,even_and_mod3_and_mod5:long\n50,16,3\n"},
  /* 1: the input's columns come first */
  {"datatable(k:string, x:long)['a',1,'a',2,'b',2] | summarize h1 = hll(x) by k | summarize a = hll_merge(h1), "
   "b = hll_merge(h1) | evaluate dcount_intersect(a, b) | project s0, s1",
   "s0:long,s1:long\n2,2\n"},
  {"print x=1 | evaluate dcount_intersect(x, x)", "error"},
  /* 3: schema_merge, the docs' three examples */
  {"let schema1 = datatable(Uri:string, HttpStatus:int)[] | getschema; "
   "let schema2 = datatable(Uri:string, HttpStatus:int, Referrer:string)[] | getschema; "
   "union schema1, schema2 | evaluate schema_merge()",
   "ColumnName:string,ColumnOrdinal:long,DataType:string,ColumnType:string\n"
   "Uri,0,System.String,string\nHttpStatus,1,System.Int32,int\nReferrer,2,System.String,string\n"},
  {"let schema1 = datatable(Uri:string, HttpStatus:int)[] | getschema; "
   "let schema2 = datatable(Uri:string, Referrer:string, HttpStatus:int)[] | getschema; "
   "union schema1, schema2 | evaluate schema_merge()",
   "ColumnName:string,ColumnOrdinal:long,DataType:string,ColumnType:string\n"
   "Uri,0,System.String,string\nReferrer,1,System.String,string\n"
   "HttpStatus,-1,ERROR(unknown CSL type:ERROR(columns are out of order)),ERROR(columns are out of order)\n"},
  {"let schema1 = datatable(Uri:string, HttpStatus:int)[] | getschema; "
   "let schema2 = datatable(Uri:string, Referrer:string, HttpStatus:int)[] | getschema; "
   "union schema1, schema2 | evaluate schema_merge(PreserveOrder = false)",
   "ColumnName:string,ColumnOrdinal:long,DataType:string,ColumnType:string\n"
   "Uri,0,System.String,string\nReferrer,1,System.String,string\nHttpStatus,2,System.Int32,int\n"},
  /* 6: plugins kqlite does not run */
  /* 6: basket: the closed patterns with at least 20% of the rows (worked out by hand: e.g. {Hail} is
  ** left out, {Hail, 0} has the same 6 rows; {TX} stands for {TX, Hail, NO, 0}) */
  {"datatable(State:string, EventType:string, Damage:string, DamageCrops:long)['TX','Hail','NO',0, "
   "'TX','Hail','NO',0, 'OK','Hail','YES',0, 'KS','Wind','NO',0, 'KS','Wind','YES',5, 'TX','Hail','NO',0, "
   "'OK','Rain','YES',3, 'IA','Hail','NO',0, 'NE','Wind','NO',0, 'MO','Hail','YES',0] | evaluate basket(0.2)",
   "SegmentId:long,Count:long,Percent:real,State:string,EventType:string,Damage:string,DamageCrops:long\n"
   "0,8,80,,,,0\n1,6,60,,Hail,,0\n2,6,60,,,NO,0\n3,4,40,,Hail,NO,0\n4,4,40,,,YES,null\n5,3,30,TX,Hail,NO,0\n"
   "6,3,30,,Wind,,null\n7,2,20,,Hail,YES,0\n8,2,20,,Wind,NO,0\n9,2,20,KS,Wind,,null\n10,2,20,OK,,YES,null\n"},
  /* ... MaxDimensions 1: single items only; the default threshold 0.05 */
  {"datatable(a:string, b:string)['x','u', 'x','u', 'y','v'] | evaluate basket('~', '~', 1)",
   "SegmentId:long,Count:long,Percent:real,a:string,b:string\n0,2,66.66666666666667,x,\n1,2,66.66666666666667,,u\n"
   "2,1,33.333333333333336,y,\n3,1,33.333333333333336,,v\n"},
  {"datatable(a:string, w:long)['x', 1] | evaluate basket(0.1, w)",
   "error KQL190 @59+1: not supported: evaluate basket with a weight column\n"},
  {"datatable(a:string)['x'] | evaluate basket(2)", "error"},
  {"print x=1 | evaluate diffpatterns(x, 'a', 'b')", "error KQL190 @21+25: not supported: evaluate diffpatterns\n"},
};

#define ACT_T \
  "let T = datatable(UserId:string, Timestamp:datetime)['A', datetime(2017-08-01), 'D', datetime(2017-08-01), " \
  "'J', datetime(2017-08-01), 'B', datetime(2017-08-01), 'C', datetime(2017-08-02), 'T', datetime(2017-08-02), " \
  "'J', datetime(2017-08-02), 'H', datetime(2017-08-03), 'T', datetime(2017-08-03), 'T', datetime(2017-08-03), " \
  "'J', datetime(2017-08-03), 'B', datetime(2017-08-03), 'S', datetime(2017-08-03), 'S', datetime(2017-08-04)];"

#define SLIDE_T \
  "let T = datatable(UserId:string, Timestamp:datetime)['Bob', datetime(2017-08-01), 'David', datetime(2017-08-01), " \
  "'David', datetime(2017-08-01), 'John', datetime(2017-08-01), 'Bob', datetime(2017-08-01), " \
  "'Ananda', datetime(2017-08-02), 'Atul', datetime(2017-08-02), 'John', datetime(2017-08-02), " \
  "'Ananda', datetime(2017-08-03), 'Atul', datetime(2017-08-03), 'Atul', datetime(2017-08-03), " \
  "'John', datetime(2017-08-03), 'Bob', datetime(2017-08-03), 'Betsy', datetime(2017-08-04), " \
  "'Bob', datetime(2017-08-05)];"

#define USERS_T \
  "let Users = datatable(user:long, Timestamp:datetime)[" \
  "0,datetime(2019-11-01),2,datetime(2019-11-01),3,datetime(2019-11-01),4,datetime(2019-11-01)," \
  "0,datetime(2019-11-02),1,datetime(2019-11-02),3,datetime(2019-11-02),4,datetime(2019-11-02),5,datetime(2019-11-02)," \
  "0,datetime(2019-11-03),2,datetime(2019-11-03),4,datetime(2019-11-03),5,datetime(2019-11-03)," \
  "0,datetime(2019-11-04),1,datetime(2019-11-04),2,datetime(2019-11-04),3,datetime(2019-11-04)," \
  "0,datetime(2019-11-05),1,datetime(2019-11-05),2,datetime(2019-11-05),3,datetime(2019-11-05),4,datetime(2019-11-05)];"

#define AUC_T \
  "let T = datatable(User:string, Timestamp:datetime)['B', datetime(2018-06-29), 'B', datetime(2018-06-30), " \
  "'A', datetime(2018-07-02), 'B', datetime(2018-07-04), 'B', datetime(2018-07-08), 'A', datetime(2018-07-10), " \
  "'A', datetime(2018-07-14), 'A', datetime(2018-07-17), 'A', datetime(2018-07-20), 'B', datetime(2018-07-24)];"

static const PlgCase aAct[] = {
  /* 0: activity_counts_metrics, the docs' example */
  {ACT_T "T | evaluate activity_counts_metrics(UserId, Timestamp, datetime(2017-08-01), datetime(2017-08-04), 1d)",
   "Timestamp:datetime,count:long,dcount:long,new_dcount:long,aggregated_dcount:long\n"
   "2017-08-01T00:00:00Z,4,4,4,4\n2017-08-02T00:00:00Z,3,3,2,6\n2017-08-03T00:00:00Z,6,5,2,8\n"
   "2017-08-04T00:00:00Z,1,1,0,8\n"},
  /* 1: sliding_window_counts, the docs' example */
  {SLIDE_T "T | evaluate sliding_window_counts(UserId, Timestamp, datetime(2017-08-01), datetime(2017-08-07), 3d, 1d)",
   "Timestamp:datetime,Count:long,Dcount:long\n2017-08-01T00:00:00Z,5,3\n2017-08-02T00:00:00Z,8,5\n"
   "2017-08-03T00:00:00Z,13,5\n2017-08-04T00:00:00Z,9,5\n2017-08-05T00:00:00Z,7,5\n"
   "2017-08-06T00:00:00Z,2,2\n2017-08-07T00:00:00Z,1,1\n"},
  /* 2: active_users_count, the docs' example (B's June rows count for the lookback) */
  {AUC_T "T | evaluate active_users_count(User, Timestamp, datetime(2018-07-01), datetime(2018-07-31), 8d, 1d, 3, 7d)",
   "Timestamp:datetime,dcount:long\n2018-07-01T00:00:00Z,1\n2018-07-15T00:00:00Z,1\n"},
  /* 3: new_activity_metrics, the docs' table R=1..11 */
  {USERS_T "Users | evaluate new_activity_metrics(user, Timestamp, datetime(2019-11-01), datetime(2019-11-07)-1tick, 1d) "
   "| where from_Timestamp < datetime(2019-11-03)",
   "from_Timestamp:datetime,to_Timestamp:datetime,dcount_new_values:long,dcount_retained_values:long,"
   "dcount_churn_values:long,retention_rate:real,churn_rate:real\n"
   "2019-11-01T00:00:00Z,2019-11-01T00:00:00Z,4,4,0,1,0\n"
   "2019-11-01T00:00:00Z,2019-11-02T00:00:00Z,2,3,1,0.75,0.25\n"
   "2019-11-01T00:00:00Z,2019-11-03T00:00:00Z,1,3,1,0.75,0.25\n"
   "2019-11-01T00:00:00Z,2019-11-04T00:00:00Z,1,3,1,0.75,0.25\n"
   "2019-11-01T00:00:00Z,2019-11-05T00:00:00Z,1,4,0,1,0\n"
   "2019-11-01T00:00:00Z,2019-11-06T00:00:00Z,0,0,4,0,1\n"
   "2019-11-02T00:00:00Z,2019-11-02T00:00:00Z,2,2,0,1,0\n"
   "2019-11-02T00:00:00Z,2019-11-03T00:00:00Z,0,1,1,0.5,0.5\n"
   "2019-11-02T00:00:00Z,2019-11-04T00:00:00Z,0,1,1,0.5,0.5\n"
   "2019-11-02T00:00:00Z,2019-11-05T00:00:00Z,0,1,1,0.5,0.5\n"
   "2019-11-02T00:00:00Z,2019-11-06T00:00:00Z,0,0,2,0,1\n"},
  /* 4: a single cohort (the Cohort argument) */
  {USERS_T "Users | evaluate new_activity_metrics(user, Timestamp, datetime(2019-11-01), datetime(2019-11-05), 1d, "
   "datetime(2019-11-02)) | project from_Timestamp, to_Timestamp, dcount_retained_values",
   "from_Timestamp:datetime,to_Timestamp:datetime,dcount_retained_values:long\n"
   "2019-11-02T00:00:00Z,2019-11-02T00:00:00Z,2\n2019-11-02T00:00:00Z,2019-11-03T00:00:00Z,1\n"
   "2019-11-02T00:00:00Z,2019-11-04T00:00:00Z,1\n2019-11-02T00:00:00Z,2019-11-05T00:00:00Z,1\n"},
  /* 5: activity_metrics by the docs' definitions: retained 2/4 into 11-02 (0,3,4 of 0,2,3,4 -> 3/4) */
  {USERS_T "Users | evaluate activity_metrics(user, Timestamp, datetime(2019-11-01), datetime(2019-11-05), 1d)",
   "Timestamp:datetime,dcount_values:long,dcount_newvalues:long,retention_rate:real,churn_rate:real\n"
   "2019-11-01T00:00:00Z,4,4,NaN,NaN\n2019-11-02T00:00:00Z,5,2,0.75,0.25\n"
   "2019-11-03T00:00:00Z,4,1,0.6,0.4\n2019-11-04T00:00:00Z,4,2,0.5,0.5\n2019-11-05T00:00:00Z,5,1,1,0\n"},
  /* 6: dimensions follow the timeline column */
  {ACT_T "T | extend g = UserId == 'J' | evaluate activity_counts_metrics(UserId, Timestamp, datetime(2017-08-01), "
   "datetime(2017-08-02), 1d, g) | where g",
   "Timestamp:datetime,g:bool,count:long,dcount:long,new_dcount:long,aggregated_dcount:long\n"
   "2017-08-01T00:00:00Z,true,1,1,1,1\n2017-08-02T00:00:00Z,true,1,1,0,1\n"},
  /* 7: ids of the Lookback table are not new (id 2); a numeric timeline; a zero step fails */
  {"let lb = datatable(id:long)[2]; datatable(id:long, d:datetime)[1, datetime(2017-01-01), 2, datetime(2017-01-09), "
   "1, datetime(2017-01-10)] | evaluate new_activity_metrics(id, d, datetime(2017-01-01), datetime(2017-01-14), 7d, lb)",
   "from_d:datetime,to_d:datetime,dcount_new_values:long,dcount_retained_values:long,dcount_churn_values:long,"
   "retention_rate:real,churn_rate:real\n2017-01-01T00:00:00Z,2017-01-01T00:00:00Z,1,1,0,1,0\n"
   "2017-01-01T00:00:00Z,2017-01-08T00:00:00Z,0,1,0,1,0\n2017-01-08T00:00:00Z,2017-01-08T00:00:00Z,0,0,0,NaN,NaN\n"},
  {"datatable(id:long, t:real)[1, 5.5, 2, -1.5] | evaluate activity_counts_metrics(id, t, -3, 10, 2.5)",
   "t:real,count:long,dcount:long,new_dcount:long,aggregated_dcount:long\n-3,1,1,1,1\n4.5,1,1,1,2\n"},
  {"datatable(id:long, t:long)[1, 5] | evaluate sliding_window_counts(id, t, 0, 10, 3, 0)",
   "t:long,Count:long,Dcount:long\nerror KQL300 @0+85: runtime error: assert() has failed with message: "
   "'sliding_window_counts: the window must be positive'\n"},
  /* 10: what is not run */
  {ACT_T "T | evaluate activity_counts_metrics(UserId, Timestamp, datetime(2017-08-01), datetime(2017-08-04), 'week')",
   "error KQL190 @531+6: not supported: evaluate activity_counts_metrics with a 'week' step\n"},
  {ACT_T "T | evaluate session_count(UserId, Timestamp, datetime(2017-08-01), datetime(2017-08-04), 1d, 2d)",
   "error KQL190 @444+84: not supported: evaluate session_count\n"},
};

static void check(const PlgCase *c, size_t i){
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  if( strcmp(c->zExpect, "error")==0 ){
    cr_expect(strncmp(z, "error", 5)==0, "case %zu: %s\nexpected an error, got:\n%s", i, c->zQuery, z);
    cr_expect_neq(rc, KQL_OK);
  }else{
    cr_expect_str_eq(z, c->zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", i, c->zQuery, c->zExpect, z);
  }
  free(z);
}

#define PLG_SUITE(NAME, TABLE) \
  ParameterizedTestParameters(plugins, NAME){ \
    static size_t aIdx[sizeof(TABLE)/sizeof(TABLE[0])]; \
    for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i; \
    return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0])); \
  } \
  ParameterizedTest(size_t *pi, plugins, NAME){ check(&TABLE[*pi], *pi); }

PLG_SUITE(geo_lookup, aGeo)
PLG_SUITE(misc, aMisc)
PLG_SUITE(activity, aAct)
