/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the KQL reference docs' examples for the
** tabular operators (scan, lookup, parse / parse-where, invoke, mv-expand,
** mv-apply, project-by-names, project-reorder, evaluate bag_unpack and
** rolling_percentile), the pattern statement and a few series functions
** (series_dot_product, series_acos, series_not_equals, series_seasonal).
** Examples that build their own data and are not in
** shared/conformance/cases.jsonl; each case is the docs' query and the
** docs' output (column types from the oracle, except where its binder
** cannot know them: bag_unpack, scan's match_id it always adds).
** Fixed by this sweep: evaluate rolling_percentile (was not supported),
** declare pattern and its invocations (was not supported), a string holding
** '*' in project-by-names is a pattern, series_dot_product() of an array and
** a number, series_seasonal() (was not supported), getschema's output is
** serialized and evaluate's is not (the serialize page's table).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase DocCase;
#define runCases(a, n) kqltestRunCases((a), (n), 0)
#define N(A) (sizeof(A)/sizeof(A[0]))

static const DocCase aDocs[] = {
  /* scan: cumulative sum */
  {"range x from 1 to 5 step 1 \n"
   "| scan declare (cumulative_x:long=0) with \n"
   "(\n"
   "    step s1: true => cumulative_x = x + s1.cumulative_x;\n"
   ")",
   "x:long,cumulative_x:long\n"
   "1,1\n"
   "2,3\n"
   "3,6\n"
   "4,10\n"
   "5,15\n"},
  /* scan: cumulative sums on two columns with a reset */
  {"range x from 1 to 5 step 1\n"
   "| extend y = 2 * x\n"
   "| scan declare (cumulative_x:long=0, cumulative_y:long=0) with \n"
   "(\n"
   "    step s1: true => cumulative_x = iff(s1.cumulative_x >= 10, x, x + s1.cumulative_x), \n"
   "                     cumulative_y = iff(s1.cumulative_y >= 10, y, y + s1.cumulative_y);\n"
   ")",
   "x:long,y:long,cumulative_x:long,cumulative_y:long\n"
   "1,2,1,2\n"
   "2,4,3,6\n"
   "3,6,6,12\n"
   "4,8,10,8\n"
   "5,10,5,18\n"},
  /* scan: fill forward a string column */
  {"let Events = datatable (Ts: timespan, Event: string) [\n"
   "    0m, \"A\",\n"
   "    1m, \"\",\n"
   "    2m, \"B\",\n"
   "    3m, \"\",\n"
   "    4m, \"\",\n"
   "    6m, \"C\",\n"
   "    8m, \"\",\n"
   "    11m, \"D\",\n"
   "    12m, \"\"\n"
   "]\n"
   ";\n"
   "Events\n"
   "| sort by Ts asc\n"
   "| scan declare (Event_filled: string=\"\") with \n"
   "(\n"
   "    step s1: true => Event_filled = iff(isempty(Event), s1.Event_filled, Event);\n"
   ")",
   "Ts:timespan,Event:string,Event_filled:string\n"
   "00:00:00,A,A\n"
   "00:01:00,,A\n"
   "00:02:00,B,B\n"
   "00:03:00,,B\n"
   "00:04:00,,B\n"
   "00:06:00,C,C\n"
   "00:08:00,,C\n"
   "00:11:00,D,D\n"
   "00:12:00,,D\n"},
  /* scan: sessions tagging with with_match_id and output=none */
  {"let Events = datatable (Ts: timespan, Event: string) [\n"
   "    0m, \"A\",\n"
   "    1m, \"A\",\n"
   "    2m, \"B\",\n"
   "    3m, \"D\",\n"
   "    32m, \"B\",\n"
   "    36m, \"C\",\n"
   "    38m, \"D\",\n"
   "    41m, \"E\",\n"
   "    75m, \"A\"\n"
   "]\n"
   ";\n"
   "Events\n"
   "| sort by Ts asc\n"
   "| scan with_match_id=session_id declare (sessionStart: timespan) with \n"
   "(\n"
   "    step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart);\n"
   "    step endSession output=none: Ts - inSession.sessionStart > 30m;\n"
   ")",
   "Ts:timespan,Event:string,sessionStart:timespan,session_id:long\n"
   "00:00:00,A,00:00:00,0\n"
   "00:01:00,A,00:00:00,0\n"
   "00:02:00,B,00:00:00,0\n"
   "00:03:00,D,00:00:00,0\n"
   "00:32:00,B,00:32:00,1\n"
   "00:36:00,C,00:32:00,1\n"
   "00:38:00,D,00:32:00,1\n"
   "00:41:00,E,00:32:00,1\n"
   "01:15:00,A,01:15:00,2\n"},
  /* scan: session length per user inside partition (output=none / all) */
  {"let LogsEvents = datatable(Timestamp:datetime, userID:int, EventType:string)\n"
   "[\n"
   "    datetime(2024-05-28 08:15:23), 1, \"login\",\n"
   "    datetime(2024-05-28 08:30:15), 2, \"login\",\n"
   "    datetime(2024-05-28 09:10:27), 3, \"login\",\n"
   "    datetime(2024-05-28 12:30:45), 1, \"logout\",\n"
   "    datetime(2024-05-28 11:45:32), 2, \"logout\",\n"
   "    datetime(2024-05-28 13:25:19), 3, \"logout\"\n"
   "];\n"
   "LogsEvents\n"
   "| sort by userID, Timestamp\n"
   "| partition hint.strategy=native by userID (\n"
   "    sort by Timestamp asc \n"
   "    | scan declare (start: datetime, end: datetime, sessionDuration: timespan) with (\n"
   "        step s1 output=none: EventType == \"login\" => start = Timestamp;\n"
   "        step s2 output=all: EventType == \"logout\" => start = s1.start, end = Timestamp, sessionDuration = Timestamp - s1.start;\n"
   "    )\n"
   ")\n"
   "| project start, end, userID, sessionDuration",
   "start:datetime,end:datetime,userID:int,sessionDuration:timespan\n"
   "2024-05-28T08:15:23Z,2024-05-28T12:30:45Z,1,04:15:22\n"
   "2024-05-28T08:30:15Z,2024-05-28T11:45:32Z,2,03:15:17\n"
   "2024-05-28T09:10:27Z,2024-05-28T13:25:19Z,3,04:14:52\n"},
  /* scan: events between Start and Stop */
  {"let Events = datatable (Ts: timespan, Event: string) [\n"
   "    0m, \"A\",\n"
   "    1m, \"Start\",\n"
   "    2m, \"B\",\n"
   "    3m, \"D\",\n"
   "    4m, \"Stop\",\n"
   "    6m, \"C\",\n"
   "    8m, \"Start\",\n"
   "    11m, \"E\",\n"
   "    12m, \"Stop\"\n"
   "]\n"
   ";\n"
   "Events\n"
   "| sort by Ts asc\n"
   "| scan with_match_id=m_id with \n"
   "(\n"
   "    step s1: Event == \"Start\";\n"
   "    step s2: Event != \"Start\" and Event != \"Stop\" and Ts - s1.Ts <= 5m;\n"
   "    step s3: Event == \"Stop\" and Ts - s1.Ts <= 5m;\n"
   ")",
   "Ts:timespan,Event:string,m_id:long\n"
   "00:01:00,Start,0\n"
   "00:02:00,B,0\n"
   "00:03:00,D,0\n"
   "00:04:00,Stop,0\n"
   "00:08:00,Start,1\n"
   "00:11:00,E,1\n"
   "00:12:00,Stop,1\n"},
  /* lookup kind=leftouter on two columns (older version of the page's names) */
  {"let FactTable=datatable(Row:string,Personal:string,Family:string) [\n"
   "  \"1\", \"Bill\",   \"Gates\",\n"
   "  \"2\", \"Bill\",   \"Clinton\",\n"
   "  \"3\", \"Bill\",   \"Clinton\",\n"
   "  \"4\", \"Steve\",  \"Ballmer\",\n"
   "  \"5\", \"Tim\",    \"Cook\"\n"
   "];\n"
   "let DimTable=datatable(Personal:string,Family:string,Alias:string) [\n"
   "  \"Bill\",  \"Gates\",   \"billg\",\n"
   "  \"Bill\",  \"Clinton\", \"billc\",\n"
   "  \"Steve\", \"Ballmer\", \"steveb\",\n"
   "  \"Tim\",   \"Cook\",    \"timc\"\n"
   "];\n"
   "FactTable\n"
   "| lookup kind=leftouter DimTable on Personal, Family",
   "Row:string,Personal:string,Family:string,Alias:string\n"
   "1,Bill,Gates,billg\n"
   "2,Bill,Clinton,billc\n"
   "3,Bill,Clinton,billc\n"
   "4,Steve,Ballmer,steveb\n"
   "5,Tim,Cook,timc\n"},
  /* bag_unpack columnsConflict='replace_source' */
  {"datatable(Name:string, d:dynamic)\n"
   "[\n"
   "    'Old_name', dynamic({\"Name\": \"John\", \"Age\":20}),\n"
   "    'Old_name', dynamic({\"Name\": \"Dave\", \"Age\":40}),\n"
   "    'Old_name', dynamic({\"Name\": \"Jasmine\", \"Age\":30}),\n"
   "]\n"
   "| evaluate bag_unpack(d, columnsConflict='replace_source') // Use new name",
   "Age:long,Name:string\n"
   "20,John\n"
   "40,Dave\n"
   "30,Jasmine\n"},
  /* bag_unpack with an output schema and a wildcard */
  {"datatable(d:dynamic, Description: string)\n"
   "[\n"
   "    dynamic({\"Name\": \"John\", \"Age\":20, \"height\":180}), \"Student\",\n"
   "    dynamic({\"Name\": \"Dave\", \"Age\":40, \"height\":160}), \"Teacher\",\n"
   "    dynamic({\"Name\": \"Jasmine\", \"Age\":30, \"height\":172}), \"Student\",\n"
   "]\n"
   "| evaluate bag_unpack(d) : (*, Name:string, Age:long)",
   "Description:string,Name:string,Age:long\n"
   "Student,John,20\n"
   "Teacher,Dave,40\n"
   "Student,Jasmine,30\n"},
  /* parse with typed columns: rows that do not match are all null */
  {"let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=invalid_number, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=invalid_datetime, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=invalid_number, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse EventText with * \"resourceName=\" resourceName \", totalSlices=\" totalSlices: long * \"sliceNumber=\" sliceNumber: long * \"lockTime=\" lockTime \", releaseTime=\" releaseTime: date \",\" * \"previousLockTime=\" previouLockTime: date \")\" *  \n"
   "| project\n"
   "    resourceName,\n"
   "    totalSlices,\n"
   "    sliceNumber,\n"
   "    lockTime,\n"
   "    releaseTime,\n"
   "    previouLockTime",
   "resourceName:string,totalSlices:long,sliceNumber:long,lockTime:string,releaseTime:datetime,previouLockTime:datetime\n"
   ",null,null,,null,null\n"
   ",null,null,,null,null\n"
   "PipelineScheduler,27,20,02/17/2016 08:40:01,2016-02-17T08:40:01Z,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,27,22,02/17/2016 08:41:01,2016-02-17T08:41:00Z,2016-02-17T08:40:01Z\n"
   ",null,null,,null,null\n"},
  /* parse-where drops the rows that do not match */
  {"let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=invalid_number, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=invalid_datetime, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=invalid_number, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse-where EventText with * \"resourceName=\" resourceName \", totalSlices=\" totalSlices: long * \"sliceNumber=\" sliceNumber: long * \"lockTime=\" lockTime \", releaseTime=\" releaseTime: date \",\" * \"previousLockTime=\" previousLockTime: date \")\" *  \n"
   "| project\n"
   "    resourceName,\n"
   "    totalSlices,\n"
   "    sliceNumber,\n"
   "    lockTime,\n"
   "    releaseTime,\n"
   "    previousLockTime",
   "resourceName:string,totalSlices:long,sliceNumber:long,lockTime:string,releaseTime:datetime,previousLockTime:datetime\n"
   "PipelineScheduler,27,20,02/17/2016 08:40:01,2016-02-17T08:40:01Z,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,27,22,02/17/2016 08:41:01,2016-02-17T08:41:00Z,2016-02-17T08:40:01Z\n"},
  /* parse-where kind=regex is case-sensitive: no row */
  {"let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=non_valid_integer, sliceNumber=11, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=non_valid_integer, sliceNumber=44, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse-where kind = regex EventText with * \"RESOURCENAME=\" resourceName \",\" * \"totalSlices=\" totalSlices: long \",\" *\n"
   "| project resourceName, totalSlices",
   "resourceName:string,totalSlices:long\n"},
  /* parse-where kind=regex flags=i */
  {"let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=non_valid_integer, sliceNumber=11, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=non_valid_integer, sliceNumber=44, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse-where kind = regex flags=i EventText with * \"RESOURCENAME=\" resourceName \",\" * \"totalSlices=\" totalSlices: long \",\" *\n"
   "| project resourceName, totalSlices",
   "resourceName:string,totalSlices:long\n"
   "PipelineScheduler,27\n"
   "PipelineScheduler,27\n"
   "PipelineScheduler,27\n"},
  /* invoke of a function with a tabular parameter (clipped average) */
  {"// clipped_average(): calculates percentiles limits, and then makes another \n"
   "//                    pass over the data to calculate average with values inside the percentiles\n"
   "let clipped_average = (T:(x: long), lowPercentile:double, upPercentile:double)\n"
   "{\n"
   "   let high = toscalar(T | summarize percentiles(x, upPercentile));\n"
   "   let low = toscalar(T | summarize percentiles(x, lowPercentile));\n"
   "   T \n"
   "   | where x > low and x < high\n"
   "   | summarize avg(x) \n"
   "};\n"
   "range x from 1 to 100 step 1\n"
   "| invoke clipped_average(5, 99)",
   "avg_x:real\n"
   "52\n"},
  /* mv-expand of an array */
  {"datatable (a: int, b: dynamic)\n"
   "[\n"
   "    1, dynamic([10, 20]),\n"
   "    2, dynamic(['a', 'b'])\n"
   "]\n"
   "| mv-expand b",
   "a:int,b:dynamic\n"
   "1,10\n"
   "1,20\n"
   "2,\"a\"\n"
   "2,\"b\"\n"},
  /* mv-expand of a bag: one single-key bag per row */
  {"datatable (a: int, b: dynamic)\n"
   "[\n"
   "    1, dynamic({\"prop1\": \"a1\", \"prop2\": \"b1\"}),\n"
   "    2, dynamic({\"prop1\": \"a2\", \"prop2\": \"b2\"})\n"
   "]\n"
   "| mv-expand b",
   "a:int,b:dynamic\n"
   "1,{\"prop1\":\"a1\"}\n"
   "1,{\"prop2\":\"b1\"}\n"
   "2,{\"prop1\":\"a2\"}\n"
   "2,{\"prop2\":\"b2\"}\n"},
  /* mv-expand of two columns zips them */
  {"datatable (a: int, b: dynamic, c: dynamic)[\n"
   "    1, dynamic({\"prop1\": \"a\", \"prop2\": \"b\"}), dynamic([5, 4, 3])\n"
   "]\n"
   "| mv-expand b, c",
   "a:int,b:dynamic,c:dynamic\n"
   "1,{\"prop1\":\"a\"},5\n"
   "1,{\"prop2\":\"b\"},4\n"
   "1,null,3\n"},
  /* mv-expand twice: Cartesian product */
  {"datatable (a: int, b: dynamic, c: dynamic)\n"
   "[\n"
   "    1, dynamic({\"prop1\": \"a\", \"prop2\": \"b\"}), dynamic([5, 6])\n"
   "]\n"
   "| mv-expand b\n"
   "| mv-expand c",
   "a:int,b:dynamic,c:dynamic\n"
   "1,{\"prop1\":\"a\"},5\n"
   "1,{\"prop1\":\"a\"},6\n"
   "1,{\"prop2\":\"b\"},5\n"
   "1,{\"prop2\":\"b\"},6\n"},
  /* mv-expand to typeof(int) | getschema (the docs say DateType: a typo) */
  {"datatable (a: string, b: dynamic, c: dynamic)[\n"
   "    \"Constant\", dynamic([1, 2, 3, 4]), dynamic([6, 7, 8, 9])\n"
   "]\n"
   "| mv-expand b, c to typeof(int)\n"
   "| getschema",
   "ColumnName:string,ColumnOrdinal:long,DataType:string,ColumnType:string\n"
   "a,0,System.String,string\n"
   "b,1,System.Object,dynamic\n"
   "c,2,System.Int32,int\n"},
  /* mv-expand with_itemindex */
  {"range x from 1 to 4 step 1\n"
   "| summarize x = make_list(x)\n"
   "| mv-expand with_itemindex=Index x",
   "x:dynamic,Index:long\n"
   "1,0\n"
   "2,1\n"
   "3,2\n"
   "4,3\n"},
  /* mv-apply: largest element of each array */
  {"let data = datatable (index: int, Arr: dynamic)\n"
   "[\n"
   "    0, dynamic([1, 5, 3]),\n"
   "    1, dynamic([10, 2, 5, 7])\n"
   "];\n"
   "data\n"
   "| mv-apply topElem=Arr to typeof(long) on \n"
   "    (\n"
   "    top 1 by topElem\n"
   "    )",
   "index:int,Arr:dynamic,topElem:long\n"
   "0,[1,5,3],5\n"
   "1,[10,2,5,7],10\n"},
  /* mv-apply: top two elements into a list */
  {"let data = datatable (index: int, Arr: dynamic)\n"
   "[\n"
   "    0, dynamic([5, 1, 3]),\n"
   "    1, dynamic([4, 10, 8, 7])\n"
   "];\n"
   "data\n"
   "| mv-apply Arr2=Arr to typeof(long) on \n"
   "    (\n"
   "    top 2 by Arr2\n"
   "    | summarize Top2=make_list(Arr2)\n"
   "    )",
   "index:int,Arr:dynamic,Top2:dynamic\n"
   "0,[5,1,3],[5,3]\n"
   "1,[4,10,8,7],[10,8]\n"},
  /* mv-apply over two arrays (the docs' header says Val1, a typo) */
  {"datatable (Val:int, Arr1:dynamic, Arr2:dynamic)\n"
   "[ 1, dynamic(['A1', 'A2', 'A3']),       dynamic([10, 30, 7]), \n"
   "  7, dynamic(['B1', 'B2', 'B5']),       dynamic([15, 11, 50]),\n"
   "  3, dynamic(['C1', 'C2', 'C3', 'C4']), dynamic([6, 40, 20, 8])\n"
   "] \n"
   "| mv-apply NewArr1=Arr1, NewArr2=Arr2 to typeof(long) on (\n"
   " top 2 by NewArr2\n"
   " | summarize NewArr1=make_list(NewArr1), NewArr2=make_list(NewArr2)\n"
   ")",
   "Val:int,Arr1:dynamic,Arr2:dynamic,NewArr1:dynamic,NewArr2:dynamic\n"
   "1,[\"A1\",\"A2\",\"A3\"],[10,30,7],[\"A2\",\"A1\"],[30,10]\n"
   "7,[\"B1\",\"B2\",\"B5\"],[15,11,50],[\"B5\",\"B1\"],[50,15]\n"
   "3,[\"C1\",\"C2\",\"C3\",\"C4\"],[6,40,20,8],[\"C2\",\"C3\"],[40,20]\n"},
  /* mv-apply with_itemindex */
  {"let data = datatable (row: int, Arr: dynamic)\n"
   "[\n"
   "    0, dynamic([5, 1, 3]),\n"
   "    1, dynamic([4, 10, 8, 7])\n"
   "];\n"
   "data\n"
   "| mv-apply with_itemindex=index value=Arr to typeof(long) on \n"
   "  (\n"
   "    // here you have 'index' column\n"
   "    where index >= 2\n"
   "  )",
   "row:int,Arr:dynamic,value:long,index:long\n"
   "0,[5,1,3],3,2\n"
   "1,[4,10,8,7],8,2\n"
   "1,[4,10,8,7],7,3\n"},
  /* mv-apply joining elements of two arrays */
  {"datatable (Val: int, Arr1: dynamic, Arr2: dynamic)\n"
   "[\n"
   "    1, dynamic(['A1', 'A2']), dynamic(['B1', 'B2', 'B3']), \n"
   "    5, dynamic(['C1', 'C2']), dynamic(['D1'])\n"
   "] \n"
   "| mv-apply T1=Arr1, T2=Arr2 on (\n"
   "    extend Out = strcat(T1, \"_\", T2)\n"
   "    | summarize Out= make_list(Out)\n"
   "  )",
   "Val:int,Arr1:dynamic,Arr2:dynamic,Out:dynamic\n"
   "1,[\"A1\",\"A2\"],[\"B1\",\"B2\",\"B3\"],[\"A1_B1\",\"A2_B2\",\"_B3\"]\n"
   "5,[\"C1\",\"C2\"],[\"D1\"],[\"C1_D1\",\"C2_\"]\n"},
  /* mv-apply over a property bag: in test_docs_dynamic_ops.c (mvapply_bag) */
  /* evaluate rolling_percentile: 3-day median per day (was not supported) */
  {"let T = \n"
   "range idx from 0 to 24*10-1 step 1\n"
   "| project Timestamp = datetime(2018-01-01) + 1h*idx, val=idx+1\n"
   "| extend EvenOrOdd = iff(val % 2 == 0, \"Even\", \"Odd\");\n"
   "T  \n"
   "| evaluate rolling_percentile(val, 50, Timestamp, 1d, 3)",
   "Timestamp:datetime,rolling_3_percentile_val_50:long\n"
   "2018-01-01T00:00:00Z,12\n"
   "2018-01-02T00:00:00Z,24\n"
   "2018-01-03T00:00:00Z,36\n"
   "2018-01-04T00:00:00Z,60\n"
   "2018-01-05T00:00:00Z,84\n"
   "2018-01-06T00:00:00Z,108\n"
   "2018-01-07T00:00:00Z,132\n"
   "2018-01-08T00:00:00Z,156\n"
   "2018-01-09T00:00:00Z,180\n"
   "2018-01-10T00:00:00Z,204\n"},
  /* evaluate rolling_percentile by a dimension (was not supported) */
  {"let T = \n"
   "range idx from 0 to 24*10-1 step 1\n"
   "| project Timestamp = datetime(2018-01-01) + 1h*idx, val=idx+1\n"
   "| extend EvenOrOdd = iff(val % 2 == 0, \"Even\", \"Odd\");\n"
   " T  \n"
   " | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3, EvenOrOdd)",
   "Timestamp:datetime,EvenOrOdd:string,rolling_3_percentile_val_50:long\n"
   "2018-01-01T00:00:00Z,Even,12\n"
   "2018-01-02T00:00:00Z,Even,24\n"
   "2018-01-03T00:00:00Z,Even,36\n"
   "2018-01-04T00:00:00Z,Even,60\n"
   "2018-01-05T00:00:00Z,Even,84\n"
   "2018-01-06T00:00:00Z,Even,108\n"
   "2018-01-07T00:00:00Z,Even,132\n"
   "2018-01-08T00:00:00Z,Even,156\n"
   "2018-01-09T00:00:00Z,Even,180\n"
   "2018-01-10T00:00:00Z,Even,204\n"
   "2018-01-01T00:00:00Z,Odd,11\n"
   "2018-01-02T00:00:00Z,Odd,23\n"
   "2018-01-03T00:00:00Z,Odd,35\n"
   "2018-01-04T00:00:00Z,Odd,59\n"
   "2018-01-05T00:00:00Z,Odd,83\n"
   "2018-01-06T00:00:00Z,Odd,107\n"
   "2018-01-07T00:00:00Z,Odd,131\n"
   "2018-01-08T00:00:00Z,Odd,155\n"
   "2018-01-09T00:00:00Z,Odd,179\n"
   "2018-01-10T00:00:00Z,Odd,203\n"},
  /* project-by-names with names */
  {"datatable(Name:string, Age:int, City:string, Country:string) \n"
   "['Peter', 39, 'New York', 'USA']\n"
   "| project-by-names \"Name\", \"City\"",
   "Name:string,City:string\n"
   "Peter,New York\n"},
  /* project-by-names with a pattern given as a string (was no column) */
  {"datatable(Name:string, Age:int, City:string, Country:string) \n"
   "['Peter', 39, 'New York', 'USA']\n"
   "| project-by-names \"C*\"",
   "City:string,Country:string\n"
   "New York,USA\n"},
  /* project-by-names with column_names_of() in a function called by invoke */
  {"let LookupTable = \n"
   "    datatable(Name:string, Age:int, City:string, Country:string)\n"
   "    ['Peter', 39, 'New York', 'USA']; \n"
   "let LookupColumns = (Source:(Name:string), lookup_columns: dynamic) { \n"
   "    Source \n"
   "    | lookup LookupTable on Name\n"
   "    | project-by-names column_names_of(Source), lookup_columns\n"
   "};\n"
   "datatable(Name:string, Data:string)\n"
   "['Peter', 'Source-data']\n"
   "| invoke LookupColumns(dynamic(['Country']))",
   "Name:string,Data:string,Country:string\n"
   "Peter,Source-data,USA\n"},
  /* project-reorder of one column */
  {"print a='a', b='b', c='c'\n"
   "|  project-reorder b",
   "b:string,a:string,c:string\n"
   "b,a,c\n"},
  /* declare pattern: a simple pattern (was not supported) */
  {"declare pattern country = (name:string)[state:string]\n"
   "{\n"
   "  (\"USA\").[\"New York\"] = { print Capital = \"Albany\" };\n"
   "  (\"USA\").[\"Washington\"] = { print Capital = \"Olympia\" };\n"
   "  (\"Canada\").[\"Alberta\"] = { print Capital = \"Edmonton\" };\n"
   "};\n"
   "country(\"Canada\").Alberta",
   "Capital:string\n"
   "Edmonton\n"},
  /* declare pattern without a path (was not supported) */
  {"declare pattern map_ip_to_longlat = (address:string)\n"
   "{\n"
   "  (\"10.10.10.10\") = { print Lat=37.405992, Long=-122.078515 };\n"
   "};\n"
   "map_ip_to_longlat(\"10.10.10.10\")",
   "Lat:real,Long:real\n"
   "37.405992,-122.078515\n"},
  /* series_dot_product() of two arrays */
  {"range x from 1 to 3 step 1 \n"
   "| extend y = x * 2\n"
   "| extend z = y * 2\n"
   "| project s1 = pack_array(x,y,z), s2 = pack_array(z, y, x)\n"
   "| extend s1_dot_product_s2 = series_dot_product(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_dot_product_s2:real\n"
   "[1,2,4],[4,2,1],12\n"
   "[2,4,8],[8,4,2],48\n"
   "[3,6,12],[12,6,3],108\n"},
  /* series_dot_product() of an array and a number (was null) */
  {"range x from 1 to 3 step 1 \n"
   "| extend y = x * 2\n"
   "| extend z = y * 2\n"
   "| project s1 = pack_array(x,y,z), s2 = x\n"
   "| extend s1_dot_product_s2 = series_dot_product(s1, s2)",
   "s1:dynamic,s2:long,s1_dot_product_s2:real\n"
   "[1,2,4],1,7\n"
   "[2,4,8],2,28\n"
   "[3,6,12],3,63\n"},
  /* series_acos() (the docs' input column shows other numbers than the query) */
  {"print arr = dynamic([-1,0,1])\n"
   "| extend arr_acos = series_acos(arr)",
   "arr:dynamic,arr_acos:dynamic\n"
   "[-1,0,1],[3.141592653589793,1.5707963267948966,0.0]\n"},
  /* series_not_equals() */
  {"print s1 = dynamic([1,2,4]), s2 = dynamic([4,2,1])\n"
   "| extend s1_not_equals_s2 = series_not_equals(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_not_equals_s2:dynamic\n"
   "[1,2,4],[4,2,1],[true,false,true]\n"},
  /* series_seasonal(): period detected, or zeros (was not supported) */
  {"print s=dynamic([2, 5, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1])\n"
   "| union (print s=dynamic([8, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10]))\n"
   "| union (print s=dynamic([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6]))\n"
   "| extend s_seasonal = series_seasonal(s)",
   "s:dynamic,s_seasonal:dynamic\n"
   "[2,5,3,4,3,2,1,2,3,4,3,2,1,2,3,4,3,2,1,2,3,4,3,2,1],[1.0,2.0,3.0,4.0,3.0,2.0,1.0,2.0,3.0,4.0,3.0,2.0,1.0,2.0,3.0,4.0,3.0,2.0,1.0,2.0,3.0,4.0,3.0,2.0,1.0]\n"
   "[8,12,14,12,10,10,12,14,12,10,10,12,14,12,10,10,12,14,12,10],[10.0,12.0,14.0,12.0,10.0,10.0,12.0,14.0,12.0,10.0,10.0,12.0,14.0,12.0,10.0,10.0,12.0,14.0,12.0,10.0]\n"
   "[1,3,5,2,4,6,1,3,5,2,4,6],[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]\n"},
  /* series_seasonal() with a given period: the median per phase */
  {"print s=dynamic([1, 3, 5, 1, 3, 5, 2, 4, 6]) \n"
   "| union (print s=dynamic([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6]))\n"
   "| extend s_seasonal = series_seasonal(s, 3)",
   "s:dynamic,s_seasonal:dynamic\n"
   "[1,3,5,1,3,5,2,4,6],[1.0,3.0,5.0,1.0,3.0,5.0,1.0,3.0,5.0]\n"
   "[1,3,5,2,4,6,1,3,5,2,4,6],[1.5,3.5,5.5,1.5,3.5,5.5,1.5,3.5,5.5,1.5,3.5,5.5]\n"},
  /* series_atan() (the docs' input column shows other numbers than the query) */
  {"print arr = dynamic([-1,0,1])\n"
   "| extend arr_atan = series_atan(arr)",
   "arr:dynamic,arr_atan:dynamic\n"
   "[-1,0,1],[-0.7853981633974483,0.0,0.7853981633974483]\n"},
  /* series_less_equals() */
  {"print s1 = dynamic([1,2,4]), s2 = dynamic([4,2,1])\n"
   "| extend s1_less_equals_s2 = series_less_equals(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_less_equals_s2:dynamic\n"
   "[1,2,4],[4,2,1],[true,true,false]\n"},
  /* join-time-window: the docs' sample table */
  {"let T = datatable(SessionId:string, EventType:string, Timestamp:datetime)\n"
   "[\n"
   "    '0', 'A', datetime(2017-10-01 00:00:00),\n"
   "    '0', 'B', datetime(2017-10-01 00:01:00),\n"
   "    '1', 'B', datetime(2017-10-01 00:02:00),\n"
   "    '1', 'A', datetime(2017-10-01 00:03:00),\n"
   "    '3', 'A', datetime(2017-10-01 00:04:00),\n"
   "    '3', 'B', datetime(2017-10-01 00:10:00),\n"
   "];\n"
   "T",
   "SessionId:string,EventType:string,Timestamp:datetime\n"
   "0,A,2017-10-01T00:00:00Z\n"
   "0,B,2017-10-01T00:01:00Z\n"
   "1,B,2017-10-01T00:02:00Z\n"
   "1,A,2017-10-01T00:03:00Z\n"
   "3,A,2017-10-01T00:04:00Z\n"
   "3,B,2017-10-01T00:10:00Z\n"},
  /* join-time-window: the plain join with a between filter */
  {"let T = datatable(SessionId:string, EventType:string, Timestamp:datetime)\n"
   "[\n"
   "    '0', 'A', datetime(2017-10-01 00:00:00),\n"
   "    '0', 'B', datetime(2017-10-01 00:01:00),\n"
   "    '1', 'B', datetime(2017-10-01 00:02:00),\n"
   "    '1', 'A', datetime(2017-10-01 00:03:00),\n"
   "    '3', 'A', datetime(2017-10-01 00:04:00),\n"
   "    '3', 'B', datetime(2017-10-01 00:10:00),\n"
   "];\n"
   "T \n"
   "| where EventType == 'A'\n"
   "| project SessionId, Start=Timestamp\n"
   "| join kind=inner\n"
   "    (\n"
   "    T \n"
   "    | where EventType == 'B'\n"
   "    | project SessionId, End=Timestamp\n"
   "    ) on SessionId\n"
   "| where (End - Start) between (0min .. 1min)\n"
   "| project SessionId, Start, End",
   "SessionId:string,Start:datetime,End:datetime\n"
   "0,2017-10-01T00:00:00Z,2017-10-01T00:01:00Z\n"},
};
Test(docs_tabular, examples){ runCases(aDocs, N(aDocs)); }

/* A pattern reference no definition matches: Kusto's error text (the docs'
** "No wildcards" and empty-pattern examples); no wildcard matching. */
Test(docs_tabular, pattern_not_declared){
  int rc;
  char *z = kqltestRun("declare pattern app = (applicationId:string)[eventType:string]\n"
                       "{ (\"ApplicationX\").[\"StopEvents\"] = { print x=1 }; };\n"
                       "union app(\"ApplicationX\").[\"*\"] | count", 0, &rc);
  cr_expect(strstr(z, "One or more pattern references were not declared. "
                      "Detected pattern references: [\"app('ApplicationX').['*']\"]") != 0, "got: %s", z);
  free(z);
  z = kqltestRun("declare pattern map_ip_to_longlat;\nmap_ip_to_longlat(\"10.10.10.10\")", 0, &rc);
  cr_expect(strstr(z, "Detected pattern references: [\"map_ip_to_longlat('10.10.10.10')\"]") != 0, "got: %s", z);
  free(z);
}

/* A pattern's invocations: union of two paths, a let-bound argument, the
** body bound in the declaration's scope. */
Test(docs_tabular, pattern_union){
  int rc;
  char *z = kqltestRun("let n = 2;\n"
                       "declare pattern App = (applicationId:string)[scope:string] {\n"
                       "  ('a1').['Data'] = { range x from 1 to n step 1 | project App = 'App #1', Data = x };\n"
                       "  ('a2').['Data'] = { range x from 1 to n step 1 | project App = 'App #2', Data = 10 - x };\n"
                       "};\n"
                       "let k = 'a2';\n"
                       "union App(k).Data, App('a1').['Data'] | sort by App asc, Data asc", 0, &rc);
  cr_expect_str_eq(z, "App:string,Data:long\nApp #1,1\nApp #1,2\nApp #2,8\nApp #2,9\n");
  free(z);
}

/* rolling_percentile: a numeric index, a real value (types from the oracle);
** bad arguments are errors. */
Test(docs_tabular, rolling_percentile_numeric){
  int rc;
  char *z = kqltestRun("range idx from 0 to 10 step 1 | extend v=idx*1.5 | evaluate rolling_percentile(v, 50, idx, 2, 3)", 0, &rc);
  cr_expect_str_eq(z, "idx:long,rolling_3_percentile_v_50:real\n0,0\n2,1.5\n4,3\n6,6\n8,9\n10,12\n");
  free(z);
  z = kqltestRun("range idx from 0 to 3 step 1 | evaluate rolling_percentile(idx, 50, idx, 1d, 3)", 0, &rc);
  cr_expect(strstr(z, "error") && strstr(z, "BinSize must be a constant number"), "got: %s", z);
  free(z);
}

/* series_seasonal's third argument is not described by the docs: not supported. */
Test(docs_tabular, series_seasonal_third_argument){
  int rc;
  char *z = kqltestRun("print series_seasonal(dynamic([1,2]), 3, 2)", 0, &rc);
  cr_expect(strstr(z, "not supported: series_seasonal with a third argument") != 0, "got: %s", z);
  free(z);
}

/* The serialize page's table: getschema's output is serialized, evaluate's
** (like mv-expand's, join's, summarize's ...) is not (both fixed by this sweep). */
Test(docs_tabular, serialization_of_operators){
  int rc;
  char *z = kqltestRun("range x from 1 to 3 step 1 | extend s='a' | getschema | extend r=row_number() | project ColumnName, r", 0, &rc);
  cr_expect_str_eq(z, "ColumnName:string,r:long\nx,1\ns,2\n");
  free(z);
  static const char *const azNot[] = {"evaluate narrow()", "mv-expand y=dynamic([1])", "join (range x from 1 to 2 step 1) on x",
                                      "summarize by x", "distinct x", "sample 2", "top-nested of x by max(x)"};
  for(unsigned i=0; i<sizeof(azNot)/sizeof(azNot[0]); i++){
    char zQ[200];
    snprintf(zQ, sizeof(zQ), "range x from 1 to 3 step 1 | %s | extend r=row_number()", azNot[i]);
    z = kqltestRun(zQ, 0, &rc);
    cr_expect(strstr(z, "needs serialized input") != 0, "%s: got: %s", azNot[i], z);
    free(z);
  }
}
