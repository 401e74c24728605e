/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the KQL reference docs' examples for the
** datetime/timespan functions, the math functions and the summarize
** aggregates (examples that build their own data and are not in
** shared/conformance/cases.jsonl). Each case is the docs' query and the
** docs' output table (column types from the oracle). Fixed by this sweep:
** make_timespan() keeps fractional seconds, arg_max/arg_min return the
** first row of an all-null group, bin_auto() reads the query's
** query_bin_auto_size/_at options, hll()/tdigest() of no rows are null,
** binary_shift_left/right() with a negative shift are null; the names of
** percentiles_array/percentilesw_array, hll_if, tdigest_merge,
** percentile_tdigest and dcount_hll columns; percentile_tdigest(td, p,
** typeof(T)); avg() of timespans/datetimes; percentile()/abs() of int are long.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase DocCase;
#define runCases(a, n) kqltestRunCases((a), (n), 0)
#define N(A) (sizeof(A)/sizeof(A[0]))

static const DocCase aDocs[] = {
  /* datetime_part(): every part of one datetime */
  {"let dt = datetime(2017-10-30 01:02:03.7654321); \n"
   "print \n"
   "year = datetime_part(\"year\", dt),\n"
   "quarter = datetime_part(\"quarter\", dt),\n"
   "month = datetime_part(\"month\", dt),\n"
   "weekOfYear = datetime_part(\"week_of_year\", dt),\n"
   "day = datetime_part(\"day\", dt),\n"
   "dayOfYear = datetime_part(\"dayOfYear\", dt),\n"
   "hour = datetime_part(\"hour\", dt),\n"
   "minute = datetime_part(\"minute\", dt),\n"
   "second = datetime_part(\"second\", dt),\n"
   "millisecond = datetime_part(\"millisecond\", dt),\n"
   "microsecond = datetime_part(\"microsecond\", dt),\n"
   "nanosecond = datetime_part(\"nanosecond\", dt)",
   "year:int,quarter:int,month:int,weekOfYear:int,day:int,dayOfYear:int,hour:int,minute:int,second:int,millisecond:int,microsecond:int,nanosecond:int\n"
   "2017,4,10,44,30,303,1,2,3,765,765432,765432100\n"},
  /* datetime_add(): each period, amount 1 */
  {"print  year = datetime_add('year',1,make_datetime(2017,1,1)),\n"
   "quarter = datetime_add('quarter',1,make_datetime(2017,1,1)),\n"
   "month = datetime_add('month',1,make_datetime(2017,1,1)),\n"
   "week = datetime_add('week',1,make_datetime(2017,1,1)),\n"
   "day = datetime_add('day',1,make_datetime(2017,1,1)),\n"
   "hour = datetime_add('hour',1,make_datetime(2017,1,1)),\n"
   "minute = datetime_add('minute',1,make_datetime(2017,1,1)),\n"
   "second = datetime_add('second',1,make_datetime(2017,1,1))",
   "year:datetime,quarter:datetime,month:datetime,week:datetime,day:datetime,hour:datetime,minute:datetime,second:datetime\n"
   "2018-01-01T00:00:00Z,2017-04-01T00:00:00Z,2017-02-01T00:00:00Z,2017-01-08T00:00:00Z,2017-01-02T00:00:00Z,2017-01-01T01:00:00Z,2017-01-01T00:01:00Z,2017-01-01T00:00:01Z\n"},
  /* datetime_add(): negative and large amounts */
  {"print  year = datetime_add('year',-5,make_datetime(2017,1,1)),\n"
   "quarter = datetime_add('quarter',12,make_datetime(2017,1,1)),\n"
   "month = datetime_add('month',-15,make_datetime(2017,1,1)),\n"
   "week = datetime_add('week',100,make_datetime(2017,1,1))",
   "year:datetime,quarter:datetime,month:datetime,week:datetime\n"
   "2012-01-01T00:00:00Z,2020-01-01T00:00:00Z,2015-10-01T00:00:00Z,2018-12-02T00:00:00Z\n"},
  /* format_timespan(): F and f elements */
  {"let t = time(29.09:00:05.12345);\n"
   "print \n"
   "v1=format_timespan(t, 'dd.hh:mm:ss:FF'),\n"
   "v2=format_timespan(t, 'ddd.h:mm:ss [fffffff]')",
   "v1:string,v2:string\n"
   "29.09:00:05:12,029.9:00:05 [1234500]\n"},
  /* make_timespan(): fractional seconds are kept (was truncated) */
  {"print ['timespan'] = make_timespan(1,12,30,55.123)",
   "timespan:timespan\n"
   "1.12:30:55.1230000\n"},
  /* week_of_year(): the docs' input/output table */
  {"print a=week_of_year(datetime(2020-12-31)), b=week_of_year(datetime(2020-06-15)), c=week_of_year(datetime(1970-01-01)), d=week_of_year(datetime(2000-01-01))",
   "a:int,b:int,c:int,d:int\n"
   "53,25,1,52\n"},
  /* endofmonth() with offsets */
  {"range offset from -1 to 1 step 1\n"
   " | project monthEnd = endofmonth(datetime(2017-01-01 10:10:17), offset)",
   "monthEnd:datetime\n"
   "2016-12-31T23:59:59.9999999Z\n"
   "2017-01-31T23:59:59.9999999Z\n"
   "2017-02-28T23:59:59.9999999Z\n"},
  /* countif() over a datatable */
  {"let T = datatable(name:string, day_of_birth:long)\n"
   "[\n"
   "   \"John\", 9,\n"
   "   \"Paul\", 18,\n"
   "   \"George\", 25,\n"
   "   \"Ringo\", 7\n"
   "];\n"
   "T\n"
   "| summarize countif(strlen(name) > 4)",
   "countif_:long\n"
   "2\n"},
  /* sumif() named sumif_<expr> */
  {"let T = datatable(name:string, day_of_birth:long)\n"
   "[\n"
   "   \"John\", 9,\n"
   "   \"Paul\", 18,\n"
   "   \"George\", 25,\n"
   "   \"Ringo\", 7\n"
   "];\n"
   "T\n"
   "| summarize sumif(day_of_birth, strlen(name) > 4)",
   "sumif_day_of_birth:long\n"
   "32\n"},
  /* make_list_with_nulls() keeps the null */
  {"let shapes = datatable (name:string , sideCount: int)\n"
   "[\n"
   "    \"triangle\", int(null),\n"
   "    \"square\", 4,\n"
   "    \"rectangle\", 4,\n"
   "    \"pentagon\", 5,\n"
   "    \"hexagon\", 6,\n"
   "    \"heptagon\", 7,\n"
   "    \"octagon\", 8,\n"
   "    \"nonagon\", 9,\n"
   "    \"decagon\", 10\n"
   "];\n"
   "shapes\n"
   "| summarize mylist = make_list_with_nulls(sideCount)",
   "mylist:dynamic\n"
   "[null,4,4,5,6,7,8,9,10]\n"},
  /* arg_max(): all-null group returns its first row (was the last) */
  {"datatable(Fruit: string, Color: string, Version: int) [\n"
   "    \"Apple\", \"Red\", 1,\n"
   "    \"Apple\", \"Green\", int(null),\n"
   "    \"Banana\", \"Yellow\", int(null),\n"
   "    \"Banana\", \"Green\", int(null),\n"
   "    \"Pear\", \"Brown\", 1,\n"
   "    \"Pear\", \"Green\", 2,\n"
   "]\n"
   "| summarize arg_max(Version, *) by Fruit",
   "Fruit:string,Version:int,Color:string\n"
   "Apple,1,Red\n"
   "Banana,null,Yellow\n"
   "Pear,2,Green\n"},
  /* arg_min(): same null handling */
  {"datatable(Fruit: string, Color: string, Version: int) [\n"
   "    \"Apple\", \"Red\", 1,\n"
   "    \"Apple\", \"Green\", int(null),\n"
   "    \"Banana\", \"Yellow\", int(null),\n"
   "    \"Banana\", \"Green\", int(null),\n"
   "    \"Pear\", \"Brown\", 1,\n"
   "    \"Pear\", \"Green\", 2,\n"
   "]\n"
   "| summarize arg_min(Version, *) by Fruit",
   "Fruit:string,Version:int,Color:string\n"
   "Apple,1,Red\n"
   "Banana,null,Yellow\n"
   "Pear,1,Brown\n"},
  /* make_set() of scalars and of arrays */
  {"datatable (Val: int, Arr1: dynamic)\n"
   "[\n"
   "    1, dynamic(['A1', 'A2', 'A3']), \n"
   "    5, dynamic(['A2', 'C1']),\n"
   "    7, dynamic(['C2', 'A3']),\n"
   "    5, dynamic(['C2', 'A1'])\n"
   "] \n"
   "| summarize Val_set=make_set(Val), Arr1_set=make_set(Arr1)",
   "Val_set:dynamic,Arr1_set:dynamic\n"
   "[1,5,7],[\"A1\",\"A2\",\"A3\",\"C1\",\"C2\"]\n"},
  /* binary_all_and() */
  {"datatable(num:long)\n"
   "[\n"
   "  0xFFFFFFFF, \n"
   "  0xFFFFF00F,\n"
   "  0xCFFFFFFD,\n"
   "  0xFAFEFFFF,\n"
   "]\n"
   "| summarize result = toupper(tohex(binary_all_and(num)))",
   "result:string\n"
   "CAFEF00D\n"},
  /* binary_all_xor() */
  {"datatable(num:long)\n"
   "[\n"
   "  0x44404440,\n"
   "  0x1E1E1E1E,\n"
   "  0x90ABBA09,\n"
   "  0x000B105A,\n"
   "]\n"
   "| summarize result = toupper(tohex(binary_all_xor(num)))",
   "result:string\n"
   "CAFEF00D\n"},
  /* stdevp() with make_list() named list_x */
  {"range x from 1 to 5 step 1\n"
   "| summarize make_list(x), stdevp(x)",
   "list_x:dynamic,stdevp_x:real\n"
   "[1,2,3,4,5],1.4142135623730951\n"},
  /* summarize over an empty table: counts are 0 */
  {"datatable(x:long)[]\n"
   "| summarize  count(x), countif(x > 0) , dcount(x), dcountif(x, x > 0)",
   "count_x:long,countif_:long,dcount_x:long,dcountif_x:long\n"
   "0,0,0,0\n"},
  /* summarize over an empty table: make_set/make_list are [] */
  {"datatable(x:long)[]\n"
   "| summarize  make_set(x), make_list(x)",
   "set_x:dynamic,list_x:dynamic\n"
   "[],[]\n"},
  /* sum()/avg() skip nulls */
  {"range x from 1 to 4 step 1\n"
   "| extend y = iff(x == 1, real(null), real(5))\n"
   "| summarize sum(y), avg(y)",
   "sum_y:real,avg_y:real\n"
   "15,5\n"},
  /* count(y) counts rows with a null y */
  {"range x from 1 to 2 step 1\n"
   "| extend y = iff(x == 1, real(null), real(5))\n"
   "| summarize count(y)",
   "count_y:long\n"
   "2\n"},
  /* a repeated aggregate gets a 1 suffix */
  {"range x from 1 to 2 step 1\n"
   "| extend y = iff(x == 1, real(null), real(5))\n"
   "| summarize make_set(y), make_set(y)",
   "set_y:dynamic,set_y1:dynamic\n"
   "[5.0],[5.0]\n"},
  /* loggamma() */
  {"print result=loggamma(5)",
   "result:real\n"
   "3.1780538303479458\n"},
  /* degrees() */
  {"print degrees0 = degrees(pi()/4), degrees1 = degrees(pi()*1.5), degrees2 = degrees(0)",
   "degrees0:real,degrees1:real,degrees2:real\n"
   "45,270,0\n"},
  /* bin_auto() with set query_bin_auto_size/_at (was unknown) */
  {"set query_bin_auto_size=1h;\n"
   "set query_bin_auto_at=datetime(2017-01-01 00:05);\n"
   "range Timestamp from datetime(2017-01-01 00:05) to datetime(2017-01-01 02:00) step 1m\n"
   "| summarize count() by bin_auto(Timestamp)",
   "Timestamp:datetime,count_:long\n"
   "2017-01-01T00:05:00Z,60\n"
   "2017-01-01T01:05:00Z,56\n"},
  /* make_list() */
  {"let shapes = datatable (name: string, sideCount: int)\n"
   "[\n"
   "    \"triangle\", 3,\n"
   "    \"square\", 4,\n"
   "    \"rectangle\", 4,\n"
   "    \"pentagon\", 5,\n"
   "    \"hexagon\", 6,\n"
   "    \"heptagon\", 7,\n"
   "    \"octagon\", 8,\n"
   "    \"nonagon\", 9,\n"
   "    \"decagon\", 10\n"
   "];\n"
   "shapes\n"
   "| summarize mylist = make_list(name)",
   "mylist:dynamic\n"
   "[\"triangle\",\"square\",\"rectangle\",\"pentagon\",\"hexagon\",\"heptagon\",\"octagon\",\"nonagon\",\"decagon\"]\n"},
  /* make_list() by a computed key */
  {"let shapes = datatable (name: string, sideCount: int)\n"
   "[\n"
   "    \"triangle\", 3,\n"
   "    \"square\", 4,\n"
   "    \"rectangle\", 4,\n"
   "    \"pentagon\", 5,\n"
   "    \"hexagon\", 6,\n"
   "    \"heptagon\", 7,\n"
   "    \"octagon\", 8,\n"
   "    \"nonagon\", 9,\n"
   "    \"decagon\", 10\n"
   "];\n"
   "shapes\n"
   "| summarize mylist = make_list(name) by isEvenSideCount = sideCount % 2 == 0",
   "isEvenSideCount:bool,mylist:dynamic\n"
   "false,[\"triangle\",\"pentagon\",\"heptagon\",\"nonagon\"]\n"
   "true,[\"square\",\"rectangle\",\"hexagon\",\"octagon\",\"decagon\"]\n"},
  /* make_list() of bags */
  {"let shapes = datatable (name: string, sideCount: int)\n"
   "[\n"
   "    \"triangle\", 3,\n"
   "    \"square\", 4,\n"
   "    \"rectangle\", 4,\n"
   "    \"pentagon\", 5,\n"
   "    \"hexagon\", 6,\n"
   "    \"heptagon\", 7,\n"
   "    \"octagon\", 8,\n"
   "    \"nonagon\", 9,\n"
   "    \"decagon\", 10\n"
   "];\n"
   "shapes\n"
   "| extend d = bag_pack(\"name\", name, \"sideCount\", sideCount)\n"
   "| summarize mylist = make_list(d) by isEvenSideCount = sideCount % 2 == 0",
   "isEvenSideCount:bool,mylist:dynamic\n"
   "false,[{\"name\":\"triangle\",\"sideCount\":3},{\"name\":\"pentagon\",\"sideCount\":5},{\"name\":\"heptagon\",\"sideCount\":7},{\"name\":\"nonagon\",\"sideCount\":9}]\n"
   "true,[{\"name\":\"square\",\"sideCount\":4},{\"name\":\"rectangle\",\"sideCount\":4},{\"name\":\"hexagon\",\"sideCount\":6},{\"name\":\"octagon\",\"sideCount\":8},{\"name\":\"decagon\",\"sideCount\":10}]\n"},
  /* datetime_diff(): every period */
  {"print\n"
   "year = datetime_diff('year',datetime(2017-01-01),datetime(2000-12-31)),\n"
   "quarter = datetime_diff('quarter',datetime(2017-07-01),datetime(2017-03-30)),\n"
   "month = datetime_diff('month',datetime(2017-01-01),datetime(2015-12-30)),\n"
   "week = datetime_diff('week',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),\n"
   "day = datetime_diff('day',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),\n"
   "hour = datetime_diff('hour',datetime(2017-10-31 01:00),datetime(2017-10-30 23:59)),\n"
   "minute = datetime_diff('minute',datetime(2017-10-30 23:05:01),datetime(2017-10-30 23:00:59)),\n"
   "second = datetime_diff('second',datetime(2017-10-30 23:00:10.100),datetime(2017-10-30 23:00:00.900)),\n"
   "millisecond = datetime_diff('millisecond',datetime(2017-10-30 23:00:00.200100),datetime(2017-10-30 23:00:00.100900)),\n"
   "microsecond = datetime_diff('microsecond',datetime(2017-10-30 23:00:00.1009001),datetime(2017-10-30 23:00:00.1008009)),\n"
   "nanosecond = datetime_diff('nanosecond',datetime(2017-10-30 23:00:00.0000000),datetime(2017-10-30 23:00:00.0000007))",
   "year:long,quarter:long,month:long,week:long,day:long,hour:long,minute:long,second:long,millisecond:long,microsecond:long,nanosecond:long\n"
   "17,2,13,5,29,2,5,10,100,100,-700\n"},
  /* make_datetime(y, m, d) */
  {"print year_month_day = make_datetime(2017,10,01)",
   "year_month_day:datetime\n"
   "2017-10-01T00:00:00Z\n"},
  /* make_datetime(y, m, d, h, m) */
  {"print year_month_day_hour_minute = make_datetime(2017,10,01,12,10)",
   "year_month_day_hour_minute:datetime\n"
   "2017-10-01T12:10:00Z\n"},
  /* make_datetime() with fractional seconds */
  {"print year_month_day_hour_minute_second = make_datetime(2017,10,01,12,11,0.1234567)",
   "year_month_day_hour_minute_second:datetime\n"
   "2017-10-01T12:11:00.1234567Z\n"},
  /* bin() of a timespan */
  {"print bin(time(16d), 7d)",
   "print_0:timespan\n"
   "14.00:00:00\n"},
  /* totimespan() of a string */
  {"print totimespan(\"0.00:01:00\") == time(1min)",
   "print_0:bool\n"
   "true\n"},
  /* summarize over an empty table: defaults 0 for sum/stdev/variance, null
  ** for the others (the docs' example minus avg, whose NaN SQLite cannot hold) */
  {"datatable(x:long)[]\n"
   "| summarize any_x=take_any(x), arg_max_x=arg_max(x, *), arg_min_x=arg_min(x, *), max(x), min(x),"
   " percentile(x, 55), hll(x), stdev(x), sum(x), sumif(x, x > 0), tdigest(x), variance(x)",
   "any_x:long,arg_max_x:long,arg_min_x:long,max_x:long,min_x:long,percentile_x_55:long,hll_x:dynamic,"
   "stdev_x:real,sum_x:long,sumif_x:long,tdigest_x:dynamic,variance_x:real\n"
   "null,null,null,null,null,null,null,0,0,0,null,0\n"},
  /* binary_shift_left/right: the docs' examples, and null for a negative shift */
  {"print a=binary_shift_left(1,2), b=binary_shift_right(1,2), c=binary_shift_left(1,-1), d=binary_shift_right(8,-1)",
   "a:long,b:long,c:long,d:long\n"
   "4,0,null,null\n"},
  /* dayofweek(): the docs' three examples */
  {"print\nTimespan = dayofweek(datetime(1947-11-30 10:00:05))",
   "Timespan:timespan\n"
   "00:00:00\n"},
  {"print\nTimespan = dayofweek(datetime(1970-05-11))",
   "Timespan:timespan\n"
   "1.00:00:00\n"},
  {"let dow=dayofweek(datetime(1970-5-12));\nprint Timespan = dow, Integer = toint(dow/1d)",
   "Timespan:timespan,Integer:int\n"
   "2.00:00:00,2\n"},
  /* countof(): the docs' call/result table */
  {"print a=countof(\"aaa\", \"a\"), b=countof(\"aaaa\", \"aa\"), c=countof(\"ababa\", \"ab\", \"normal\"),"
   " d=countof(\"ababa\", \"aba\"), e=countof(\"ababa\", \"aba\", \"regex\"), f=countof(\"abcabc\", \"a.c\", \"regex\")",
   "a:long,b:long,c:long,d:long,e:long,f:long\n"
   "3,3,2,2,1,2\n"},
  /* rank_tdigest(): in 1..1000 the rank of 685 is 685 */
  {"range x from 1 to 1000 step 1\n| summarize t_x=tdigest(x)\n| project rank_of_685=rank_tdigest(t_x, 685)",
   "rank_of_685:real\n"
   "685\n"},
  /* tdigest_merge() is named merge_tdigests_X and percentile_tdigest(td, p,
  ** typeof(long)) percentile_tdigest_X, typed long (docs' output headers) */
  {"range x from 1 to 1000 step 1 | summarize t_x=tdigest(x) | summarize tdigest_merge(t_x)"
   " | project percentile_tdigest(merge_tdigests_t_x, 85, typeof(long))",
   "percentile_tdigest_merge_tdigests_t_x:long\n"
   "850\n"},
  /* hll_if() is named hll_if_X, dcount_hll() dcount_hll_X (oracle) */
  {"datatable(name:string, n:long)[\"John\", 9, \"Paul\", 18, \"George\", 25, \"Ringo\", 7]"
   " | summarize hll_if(name, n > 8) | project dcount_hll(hll_if_name)",
   "dcount_hll_hll_if_name:long\n"
   "3\n"},
  /* percentilesw_array(): the docs' latency example, named percentile_X as the
  ** docs print it; percentiles_array() is percentiles_X (docs and oracle) */
  {"let latencyTable = datatable (ReqCount:long, LatencyBucket:long)\n[\n    8, 10,\n    6, 20,\n    3, 30,\n    1, 40\n];\n"
   "latencyTable\n| summarize percentilesw_array(LatencyBucket, ReqCount, dynamic([50, 75, 99.9]))",
   "percentile_LatencyBucket:dynamic\n"
   "[20,20,40]\n"},
  {"datatable (ReqCount:long, LatencyBucket:long)[8, 10, 6, 20, 3, 30, 1, 40]"
   " | summarize percentiles_array(LatencyBucket, 50, 75, 99.9)",
   "percentiles_LatencyBucket:dynamic\n"
   "[20,30,40]\n"},
  /* startofweek(): the docs' week-from-Monday function */
  {"let startofweekFromMonday = (dateArg: datetime) {\n"
   "    datetime_add('day', 1, startofweek(datetime_add('day', -1, dateArg)))\n"
   "};\n"
   "let data=datatable(Date: datetime, day: string)\n"
   "[\n"
   "datetime(2025, 6, 14), \"Saturday\",\n"
   "datetime(2025, 6, 15), \"Sunday\",\n"
   "datetime(2025, 6, 16), \"Monday\",\n"
   "datetime(2025, 6, 17), \"Tuesday\"\n"
   "];\n"
   "data \n"
   "| extend MondayWeek=startofweekFromMonday(Date)",
   "Date:datetime,day:string,MondayWeek:datetime\n"
   "2025-06-14T00:00:00Z,Saturday,2025-06-09T00:00:00Z\n"
   "2025-06-15T00:00:00Z,Sunday,2025-06-09T00:00:00Z\n"
   "2025-06-16T00:00:00Z,Monday,2025-06-16T00:00:00Z\n"
   "2025-06-17T00:00:00Z,Tuesday,2025-06-16T00:00:00Z\n"},
  /* datetime_local_to_utc() around a DST change, and back */
  {"range Local from datetime(2022-03-27 01:00:00.0000000) to datetime(2022-03-27 04:00:00.0000000) step 1h\n"
   "| extend UTC=datetime_local_to_utc(Local, 'Europe/Brussels')\n"
   "| extend BackToLocal=datetime_utc_to_local(UTC, 'Europe/Brussels')\n"
   "| extend diff=Local-BackToLocal",
   "Local:datetime,UTC:datetime,BackToLocal:datetime,diff:timespan\n"
   "2022-03-27T01:00:00Z,2022-03-27T00:00:00Z,2022-03-27T01:00:00Z,00:00:00\n"
   "2022-03-27T02:00:00Z,2022-03-27T00:00:00Z,2022-03-27T01:00:00Z,01:00:00\n"
   "2022-03-27T03:00:00Z,2022-03-27T01:00:00Z,2022-03-27T03:00:00Z,00:00:00\n"
   "2022-03-27T04:00:00Z,2022-03-27T02:00:00Z,2022-03-27T04:00:00Z,00:00:00\n"},
  /* avg()/avgif() of timespans and datetimes keep the type; percentile() and
  ** abs() of an int are long (oracle's types) */
  {"datatable(i:int, ts:timespan, d:datetime)[1, 1h, datetime(2020-01-01), 2, 2h, datetime(2020-01-03),"
   " 4, 4h, datetime(2020-01-05)] | summarize avg(ts), avg(d), avgif(ts, i > 1), percentile(i, 50) | extend a=abs(toint(-2))",
   "avg_ts:timespan,avg_d:datetime,avgif_ts:timespan,percentile_i_50:long,a:long\n"
   "02:20:00,2020-01-03T00:00:00Z,03:00:00,2,2\n"},
  /* bin_at(): daily bins aligned to noon, and the docs' datatable example */
  {"print bin_at(datetime(2017-05-15 10:20:00.0), 1d, datetime(1970-01-01 12:00:00.0))",
   "print_0:datetime\n"
   "2017-05-14T12:00:00Z\n"},
  {"datatable(Date:datetime, NumOfEvents:int)[\n"
   "datetime(2018-02-24T15:14),3,\ndatetime(2018-02-24T15:24),4,\ndatetime(2018-02-23T16:14),4,\n"
   "datetime(2018-02-23T17:29),4,\ndatetime(2018-02-26T15:14),5]\n"
   "| summarize TotalEvents=sum(NumOfEvents) by bin_at(Date, 1d, datetime(2018-02-24 15:14:00.0000000)) | order by Date asc",
   "Date:datetime,TotalEvents:long\n"
   "2018-02-23T15:14:00Z,8\n2018-02-24T15:14:00Z,7\n2018-02-26T15:14:00Z,5\n"},
  /* percentilesw(): the docs' latency example */
  {"datatable (ReqCount:long, LatencyBucket:long)[8, 10, 6, 20, 3, 30, 1, 40]"
   " | summarize percentilesw(LatencyBucket, ReqCount, 50, 75, 99.9)",
   "percentile_LatencyBucket_50:long,percentile_LatencyBucket_75:long,percentile_LatencyBucket_99_9:long\n"
   "20,20,40\n"},
  /* modulo is never negative (numerical operators page) */
  {"print plusPlus = 14 % 12, minusPlus = -14 % 12, plusMinus = 14 % -12, minusMinus = -14 % -12",
   "plusPlus:long,minusPlus:long,plusMinus:long,minusMinus:long\n"
   "2,10,2,10\n"},
};
Test(docs_time_math, examples){ runCases(aDocs, N(aDocs)); }

/* bin_auto() without 'set query_bin_auto_size' is an error, not a guess. */
Test(docs_time_math, bin_auto_needs_size){
  int rc;
  char *z = kqltestRun("print bin_auto(3)", 0, &rc);
  cr_expect(strstr(z, "error") && strstr(z, "query_bin_auto_size"), "got: %s", z);
  free(z);
}
