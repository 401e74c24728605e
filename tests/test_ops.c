/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** End-to-end tests of the extension operators (bind_ext*.c, fn_ops.c,
** fn_series.c): parse / parse-where / parse-kv, evaluate bag_unpack / pivot
** / narrow / ipv4_lookup, make-series and the series_* functions,
** top-nested, top-hitters, sample, sample-distinct, mv-apply, invoke,
** search, find and scan. Each case is a query over self-made data and the
** exact expected result (header with KQL types, then rows) or diagnostics.
** Expected values follow the KQL reference docs: their examples where they
** exist, otherwise the rules they state (parse in simple mode matches the
** whole text, string columns take the shortest text, regex mode is greedy
** unless flags=U; make-series' 'to' is exclusive and 'in range' inclusive;
** bag_unpack sorts its columns by name; mv-apply returns the sub-query's
** rows next to the columns it did not expand ...).
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"
#include "builtins.h"

typedef struct OpsCase OpsCase;
struct OpsCase {
  const char *zQuery;
  const char *zExpect;
};

/* ------------------------------------------------------------------ parse */
static const OpsCase aParse[] = {
  /* 0: typed and string columns, the last one takes the rest */
  {"print s=\"a=12, b=x y\" | parse s with \"a=\" a:long \", b=\" b",
   "s:string,a:long,b:string\na=12, b=x y,12,x y\n"},
  /* 1: a row that does not parse is kept: "" for strings, null otherwise */
  {"print s=\"zzz\" | parse s with \"a=\" a:long \",\" b",
   "s:string,a:long,b:string\nzzz,null,\n"},
  /* 2: parse-where drops it */
  {"datatable(s:string)[\"a=1\",\"a=x\",\"b=2\"] | parse-where s with \"a=\" n:long",
   "s:string,n:long\na=1,1\n"},
  /* 3: simple mode: '*' skips, a string column is the shortest match */
  {"print s=\"k=v1;k=v2\" | parse s with * \"k=\" v \";\" * | project v", "v:string\nv1\n"},
  /* 4: regex mode is greedy ... */
  {"print s=\"k=v1;k=v2;\" | parse kind=regex s with \"k=\" v \";\" | project v", "v:string\nv1;k=v2\n"},
  /* 5: ... unless flags=U */
  {"print s=\"k=v1;k=v2;\" | parse kind=regex flags=U s with \"k=\" v \";\" | project v", "v:string\nv1\n"},
  /* 6: relaxed: a value that does not convert is null for that column only */
  {"print s=\"n=abc, m=5\" | parse kind=relaxed s with \"n=\" n:long \", m=\" m:long | project n, m",
   "n:long,m:long\nnull,5\n"},
  /* 7: simple: the same row does not parse at all */
  {"print s=\"n=abc, m=5\" | parse s with \"n=\" n:long \", m=\" m:long | project n, m",
   "n:long,m:long\nnull,null\n"},
  /* 8: datetime and real columns */
  {"print s=\"at 2026-01-02 03:04:05 took 1.5s\" | parse s with \"at \" t:datetime \" took \" d:real \"s\" | project t, d",
   "t:datetime,d:real\n2026-01-02T03:04:05Z,1.5\n"},
  /* 9: an existing column is replaced in place */
  {"datatable(a:string, s:string)[\"old\",\"a=new\"] | parse s with \"a=\" a", "a:string,s:string\nnew,a=new\n"},
  /* 10: regex characters in a simple-mode constant match literally */
  {"print s=\"x(1)+[2].*\" | parse s with \"x(\" a:long \")+[\" b:long \"].*\" | project a, b", "a:long,b:long\n1,2\n"},
  /* 11: a non-string source is converted with tostring() */
  {"print d=dynamic({\"a\":1}) | parse d with '{\"a\":' n:long '}' | project n", "n:long\n1\n"},
  /* 12: the doc's regex example with its own capture groups */
  {"print EventText=\"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, "
   "lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\" "
   "| parse kind=regex EventText with \"(.*?)[a-zA-Z]*=\" resourceName @\", totalSlices=\\s*\\d+\\s*.*?sliceNumber=\" "
   "sliceNumber:long \".*?(previous)?lockTime=\" lockTime \".*?releaseTime=\" releaseTime \".*?previousLockTime=\" "
   "previousLockTime:date \"\\\\)\" | project resourceName, sliceNumber, lockTime, previousLockTime",
   "resourceName:string,sliceNumber:long,lockTime:string,previousLockTime:datetime\n"
   "PipelineScheduler,23,02/17/2016 08:40:01, ,2016-02-17T08:39:01Z\n"},
  /* 13: hostile column names stay quoted */
  {"print s=\"a=1\" | parse s with \"a=\" ['x\"y; DROP']:long | project ['x\"y; DROP']", "x\"y; DROP:long\n1\n"},
  /* 14: long input: a row that cannot parse is answered quickly */
  {"print s=strrep(\"ab\", 50000) | parse s with * \"ab\" x:long * | project b=isnull(x)", "b:bool\ntrue\n"},
  {"print s=strcat(strrep(\"x\", 100000), \"=42\") | parse-where s with * \"=\" n:long | project n", "n:long\n42\n"},
  /* 16: errors */
  {"print s=\"\" | parse kind=fuzzy s with \"a\" x",
   "error KQL200 @24+5: parse: unknown kind 'fuzzy' (expected simple, regex or relaxed)\n"},
  {"print s=\"\" | parse s with \"a\" x:long \"b\" x", "error KQL112 @41+1: duplicate column name 'x'\n"},
  {"print s=\"\" | parse kind=regex flags=Uq s with \"a\" x",
   "error KQL201 @36+2: parse: unknown regex flag 'q' (expected i, m, s or U)\n"},
  {"print s=\"a\" | parse kind=regex s with \"(\" x",
   "s:string,x:string\nerror KQL300 @0+43: runtime error: parse(): invalid regular expression \"(?:()(?<kqlp0>.*)\": missing closing parenthesis\n"},
};

/* --------------------------------------------------------------- parse-kv */
static const OpsCase aParseKv[] = {
  /* 0: the docs' examples */
  {"print str=\"ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info\" "
   "| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':') "
   "| project-away str",
   "Text:string,ThreadId:long,Machine:string\nThe service is up,458745723,Node001\n"},
  {"print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=\"the remote host sent \\\\\"bye!\\\\\"\" "
   "time=2021-01-01T10:00:54' | parse-kv str as (['time']:datetime, src:string, dst:string, bytes:long, "
   "failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='\"', escape='\\\\') | project-away str",
   "time:datetime,src:string,dst:string,bytes:long,failure:string\n"
   "2021-01-01T10:00:54Z,10.1.1.123,10.1.1.124,125,the remote host sent \"bye!\"\n"},
  {"print str='src=10.1.1.123 failure=(connection aborted) (event time)=(2021-01-01 10:00:54)' "
   "| parse-kv str as (['event time']:datetime, src:string, failure:string) "
   "with (pair_delimiter=' ', kv_delimiter='=', quote='()') | project-away str",
   "event time:datetime,src:string,failure:string\n2021-01-01T10:00:54Z,10.1.1.123,connection aborted\n"},
  {"print str='name=John Doe phone=555 5555 city=New York' | parse-kv str as (name:string, phone:string, city:string) "
   "with (pair_delimiter=' ', kv_delimiter='=') | project-away str", "name:string,phone:string,city:string\nJohn,555,New\n"},
  {"print str='name=John Doe phone=555 5555 city=New York' | parse-kv str as (name:string, phone:string, city:string) "
   "with (pair_delimiter=' ', kv_delimiter='=', greedy=true) | project-away str",
   "name:string,phone:string,city:string\nJohn Doe,555 5555,New York\n"},
  /* 5: no delimiters: any non-alphanumeric character separates */
  {"print str=\"2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started\" "
   "| parse-kv str as (Text: string, ThreadId:long, Machine: string) | project-away str",
   "Text:string,ThreadId:long,Machine:string\nStarted,458745723,Node001\n"},
  {"print str=@'[\"referer url: https://hostname.com/redirect?dest=/?h=1234\", \"advertiser id: "
   "24fefbca-cf27-4d62-a623-249c2ad30c73\"]' | parse-kv str as (['referer url']:string, ['advertiser id']: guid) "
   "with (regex=@'\"([\\w ]+)\\s*:\\s*([^\"]*)\"') | project-away str",
   "referer url:string,advertiser id:guid\nhttps://hostname.com/redirect?dest=/?h=1234,24fefbca-cf27-4d62-a623-249c2ad30c73\n"},
  /* 7: a missing key: "" for strings, null otherwise; the first value of a key wins */
  {"print str='a=1;a=2;c=x' | parse-kv str as (a:long, b:long, d:string) with (pair_delimiter=';', kv_delimiter='=') "
   "| project-away str", "a:long,b:long,d:string\n1,null,\n"},
  /* 8: errors */
  {"print s='' | parse-kv s as (a:long) with (pair_delimiter=';')",
   "error KQL203 @13+48: parse-kv: pair_delimiter= and kv_delimiter= go together\n"},
  {"print s='' | parse-kv s as (a:long) with (quote='abc')",
   "error KQL203 @48+5: parse-kv: quote= takes one or two characters\n"},
};

/* --------------------------------------------------------------- evaluate */
static const OpsCase aEval[] = {
  /* 0: bag_unpack: columns sorted by name, typed from the values */
  {"datatable(d:dynamic)[dynamic({\"Name\":\"John\",\"Age\":20}), dynamic({\"Name\":\"Dave\",\"Age\":40})] "
   "| evaluate bag_unpack(d)", "Age:long,Name:string\n20,John\n40,Dave\n"},
  {"datatable(d:dynamic)[dynamic({\"Name\":\"John\",\"Age\":20}), dynamic({\"Name\":\"Dave\",\"Height\":170})] "
   "| evaluate bag_unpack(d, 'p_')", "p_Age:long,p_Height:long,p_Name:string\n20,null,John\nnull,170,Dave\n"},
  {"datatable(Name:string, d:dynamic)['James', dynamic({\"Name\":\"John\",\"Age\":20})] "
   "| evaluate bag_unpack(d, columnsConflict='keep_source')", "Name:string,Age:long\nJames,20\n"},
  {"datatable(Name:string, d:dynamic)['James', dynamic({\"Name\":\"John\",\"Age\":20})] "
   "| evaluate bag_unpack(d, columnsConflict='replace_source')", "Age:long,Name:string\n20,John\n"},
  {"datatable(d:dynamic)[dynamic({\"Name\":\"John\",\"Age\":20,\"Address\":\"A-1\"})] "
   "| evaluate bag_unpack(d, ignoredProperties=dynamic(['Address', 'Age']))", "Name:string\nJohn\n"},
  /* 5: mixed value types give a dynamic column; reals a real one */
  {"datatable(d:dynamic)[dynamic({\"a\":1,\"r\":1.5}), dynamic({\"a\":\"x\",\"r\":2})] | evaluate bag_unpack(d)",
   "a:dynamic,r:real\n1,1.5\n\"x\",2\n"},
  /* 6: an output schema */
  {"datatable(d:dynamic, k:long)[dynamic({\"Name\":\"John\",\"Age\":20}), 7] | evaluate bag_unpack(d) : (Age:long, Name:string)",
   "Age:long,Name:string\n20,John\n"},
  /* ... with the input's columns first: (*, ...); keys not declared are dropped */
  {"datatable(d:dynamic, k:long)[dynamic({\"Name\":\"John\",\"Age\":20,\"height\":180}), 7] "
   "| evaluate bag_unpack(d) : (*, Name:string, Age:long)",
   "k:long,Name:string,Age:long\n7,John,20\n"},
  {"datatable(Name:string, d:dynamic)['James', dynamic({\"Name\":\"John\"})] | evaluate bag_unpack(d)",
   "error KQL222 @80+13: bag_unpack: column 'Name' already exists (use columnsConflict=)\n"},
  /* 8: pivot */
  {"datatable(a:string, b:long, x:long)[\"u\",1,2,\"v\",1,3,\"u\",2,5] | evaluate pivot(a, sum(x), b) | order by b asc",
   "b:long,u:long,v:long\n1,2,3\n2,5,0\n"},
  {"datatable(a:string, b:long)[\"u\",1,\"v\",1,\"u\",1] | evaluate pivot(a)", "b:long,u:long,v:long\n1,2,1\n"},
  /* 10: narrow */
  {"datatable(a:string, b:long)[\"u\",1,\"v\",2] | evaluate narrow()",
   "Row:long,Column:string,Value:string\n0,a,u\n0,b,1\n1,a,v\n1,b,2\n"},
  /* 11: ipv4_lookup, return_unmatched */
  {"let L = datatable(network:string, name:string)[\"10.0.0.0/8\",\"ten\",\"192.168.1.0/24\",\"home\"]; "
   "datatable(ip:string)[\"10.1.2.3\",\"192.168.1.9\",\"8.8.8.8\"] | evaluate ipv4_lookup(L, ip, network, return_unmatched=true)",
   "ip:string,network:string,name:string\n10.1.2.3,10.0.0.0/8,ten\n192.168.1.9,192.168.1.0/24,home\n8.8.8.8,,\n"},
  {"let L = datatable(network:string, name:string)[\"10.0.0.0/8\",\"ten\"]; "
   "datatable(ip:string)[\"10.1.2.3\",\"8.8.8.8\"] | evaluate ipv4_lookup(L, ip, network)",
   "ip:string,network:string,name:string\n10.1.2.3,10.0.0.0/8,ten\n"},
  /* 13: plugins kqlite does not run */
  {"print x=1 | evaluate autocluster()", "error KQL190 @21+13: not supported: evaluate autocluster\n"},
  {"evaluate sql_request('x')", "error KQL190 @9+16: not supported: evaluate sql_request\n"},
  /* operators kqlite parses but does not run */
  {"print x=\"a\" | reduce by x", "error KQL190 @14+11: not supported: reduce\n"},
  {"print x=1 | macro-expand entity_group [1, 2] as X (X | count)",
   "error KQL190 @12+49: not supported: macro-expand\n"},
  {"print x=1 | macro-expand kind=inner isfuzzy=true G as X (X | count)",
   "error KQL190 @12+55: not supported: macro-expand\n"},
};

/* ------------------------------------------------------------ make-series */
static const OpsCase aSeries[] = {
  /* 0: the docs' example: 'to' is exclusive, missing bins get the default */
  {"datatable(timestamp:datetime, metric: real)[datetime(2016-12-31T06:00), 50, datetime(2017-01-01), 4, "
   "datetime(2017-01-02), 3, datetime(2017-01-03), 4, datetime(2017-01-03T03:00), 6, datetime(2017-01-05), 8, "
   "datetime(2017-01-05T13:40), 13, datetime(2017-01-06), 4, datetime(2017-01-07), 3, datetime(2017-01-08), 8, "
   "datetime(2017-01-08T21:00), 8, datetime(2017-01-09), 2, datetime(2017-01-09T12:00), 11, "
   "datetime(2017-01-10T05:00), 5] | make-series avg(metric) on timestamp from datetime(2017-01-01) "
   "to datetime(2017-01-04) step 1d",
   "avg_metric:dynamic,timestamp:dynamic\n[4.0,3.0,5.0]"
   ",[\"2017-01-01T00:00:00.0000000Z\",\"2017-01-02T00:00:00.0000000Z\",\"2017-01-03T00:00:00.0000000Z\"]\n"},
  /* 1: by keys; without from/to each series spans its own bins */
  {"range x from 1 to 10 step 1 | extend k = x % 2 | make-series n=count() default=-1, sum(x) on x step 3 by k | order by k asc",
   "k:long,n:dynamic,sum_x:dynamic,x:dynamic\n0,[1,1,2,1],[2,4,14,10],[0,3,6,9]\n1,[1,2,1,1],[1,8,7,9],[0,3,6,9]\n"},
  /* 2: 'in range': stop inclusive, bins from bin() */
  {"range x from 1 to 10 step 1 | make-series sum(x) on x in range(2, 8, 2)", "sum_x:dynamic,x:dynamic\n[5,9,13,17],[2,4,6,8]\n"},
  /* 3: empty input: no row, or one default row with kind=nonempty */
  {"range x from 1 to 3 step 1 | where x > 5 | make-series sum(x) on x from 0 to 4 step 2 | count", "Count:long\n0\n"},
  {"range x from 1 to 3 step 1 | where x > 5 | make-series kind=nonempty c=count() on x from 0 to 4 step 2",
   "c:dynamic,x:dynamic\n[0,0],[0,2]\n"},
  /* 5: rows outside [from, to) are ignored; a timespan axis */
  {"datatable(t:timespan, v:long)[1h, 1, 2h, 2, 5h, 9] | make-series max(v) default=long(null) on t from 1h to 4h step 1h",
   "max_v:dynamic,t:dynamic\n[1,2,null],[\"01:00:00\",\"02:00:00\",\"03:00:00\"]\n"},
  /* 6: errors */
  {"print s='a' | make-series count() on s step 1", "error KQL211 @37+1: make-series: the axis must be a number, datetime or timespan, not string\n"},
  {"range x from 1 to 3 step 1 | make-series x on x step 1", "error KQL136 @41+1: make-series expressions must contain an aggregate function\n"},
  {"range x from 1 to 3 step 1 | make-series count() on x step 0", "error KQL212 @59+1: make-series: the step must be positive\n"},
};

/* series functions: need fn_series.inc in the catalogue */
static const OpsCase aSeriesFn[] = {
  {"print s=series_add(dynamic([1,2,4]), dynamic([4,2,1])), d=series_subtract(dynamic([1,2]), 1), "
   "m=series_multiply(dynamic([1.5,2]), dynamic([2,null]))",
   "s:dynamic,d:dynamic,m:dynamic\n[5,4,5],[0,1],[3.0,null]\n"},
  {"print g=series_greater(dynamic([1,2,4]), dynamic([4,2,1])), e=series_equals(dynamic([1,2]), dynamic([1,3]))",
   "g:dynamic,e:dynamic\n[false,false,true],[true,false]\n"},
  {"print f=series_fill_forward(dynamic([null,1,null,3,null])), b=series_fill_backward(dynamic([null,1,null,3,null])), "
   "c=series_fill_const(dynamic([null,1]), 0)",
   "f:dynamic,b:dynamic,c:dynamic\n[null,1,1,3,3],[1,1,3,3,null],[0,1]\n"},
  {"print l=series_fill_linear(dynamic([null,111.0,null,36.0,41.0,null,null,16.0])), "
   "w=series_fill_linear(dynamic([null,2.0,null,4.0,null]), double(null), false)",
   "l:dynamic,w:dynamic\n[111.0,111.0,73.5,36.0,41.0,32.666666666666664,24.333333333333332,16.0],[null,2.0,3.0,4.0,null]\n"},
  {"print s=series_sum(dynamic([1,2,3,4])), p=series_product(dynamic([1,2,3,4])), "
   "c=series_pearson_correlation(dynamic([1,2,3]), dynamic([2,4,6]))",
   "s:real,p:real,c:real\n10,24,1\n"},
  {"print st=series_stats_dynamic(dynamic([1,2,3]))",
   "st:dynamic\n{\"min\":1.0,\"min_idx\":0,\"max\":3.0,\"max_idx\":2,\"avg\":2.0,\"stdev\":1.0,\"variance\":1.0,\"sum\":6.0,\"len\":3}\n"},
  {"print y=series_iir(dynamic([1,2,3,4]), dynamic([1]), dynamic([1,-1]))", "y:dynamic\n[1.0,3.0,6.0,10.0]\n"},
  {"range x from 1 to 4 step 1 | make-series s=sum(x) default=double(null) on x from 0 to 5 step 1 "
   "| project f=series_fill_linear(s)", "f:dynamic\n[1,1,2,3,4]\n"},
};

/* ------------------------------------------------------- top-nested & co */
static const OpsCase aTop[] = {
  /* 0: the docs' example */
  {"datatable(id: string, timestamp: datetime, otherInformation: string)[\"Barak\", datetime(2015-01-01), \"1\", "
   "\"Barak\", datetime(2016-01-01), \"2\", \"Barak\", datetime(2017-01-20), \"3\", \"Donald\", datetime(2017-01-20), \"4\", "
   "\"Donald\", datetime(2017-01-18), \"5\", \"Donald\", datetime(2017-01-19), \"6\"] "
   "| top-nested of id by Ignore0=max(1), top-nested 2 of timestamp by Ignore1=max(timestamp), "
   "top-nested of otherInformation by Ignore2=max(1) | project-away Ignore0, Ignore1, Ignore2 | order by id asc, timestamp asc",
   "id:string,timestamp:datetime,otherInformation:string\nBarak,2016-01-01T00:00:00Z,2\nBarak,2017-01-20T00:00:00Z,3\n"
   "Donald,2017-01-19T00:00:00Z,6\nDonald,2017-01-20T00:00:00Z,4\n"},
  /* 1: default names, asc (smallest sums first), others */
  {"range x from 1 to 6 step 1 | extend k = tostring(x % 3) | top-nested 2 of k with others='rest' by sum(x) asc "
   "| order by k asc", "k:string,aggregated_k:long\n1,5\n2,7\nrest,9\n"},
  {"range x from 1 to 6 step 1 | extend k = x % 3, j = x % 2 | top-nested 1 of k by sum(x), top-nested 1 of j with others=-1 by c=count()",
   "k:long,aggregated_k:long,j:long,c:long\n0,9,0,1\n0,9,-1,1\n"},
  /* 3: top-hitters */
  {"range x from 1 to 10 step 1 | extend k = x % 3 | top-hitters 1 of k", "k:long,approximate_count_k:long\n1,4\n"},
  {"range x from 1 to 9 step 1 | extend k = x % 3 | top-hitters 1 of k by x", "k:long,approximate_sum_x:long\n0,18\n"},
  /* 5: sample, sample-distinct (random rows: counts only) */
  {"range x from 1 to 100 step 1 | sample 7 | count", "Count:long\n7\n"},
  {"range x from 1 to 100 step 1 | sample 7 | summarize dcount(x)", "dcount_x:long\n7\n"},
  {"range x from 1 to 100 step 1 | extend k = x % 4 | sample-distinct 10 of k | order by k asc", "k:long\n0\n1\n2\n3\n"},
  {"range x from 1 to 100 step 1 | sample 'a'", "error KQL144 @38+3: sample: the row count must be an integer, not string\n"},
};

/* --------------------------------------------------------------- mv-apply */
static const OpsCase aApply[] = {
  /* 0: the docs' examples */
  {"datatable (row: int, Arr: dynamic)[0, dynamic([5, 1, 3]), 1, dynamic([4, 10, 8, 7])] "
   "| mv-apply with_itemindex=index value=Arr to typeof(long) on (where index >= 2)",
   "row:int,Arr:dynamic,value:long,index:long\n0,[5,1,3],3,2\n1,[4,10,8,7],8,2\n1,[4,10,8,7],7,3\n"},
  {"datatable (Val: int, Arr1: dynamic, Arr2: dynamic)[1, dynamic(['A1', 'A2']), dynamic(['B1', 'B2', 'B3']), "
   "5, dynamic(['C1', 'C2']), dynamic(['D1'])] | mv-apply T1=Arr1, T2=Arr2 on (extend Out = strcat(T1, \"_\", T2) "
   "| summarize Out= make_list(Out))",
   "Val:int,Arr1:dynamic,Arr2:dynamic,Out:dynamic\n1,[\"A1\",\"A2\"],[\"B1\",\"B2\",\"B3\"],[\"A1_B1\",\"A2_B2\",\"_B3\"]\n"
   "5,[\"C1\",\"C2\"],[\"D1\"],[\"C1_D1\",\"C2_\"]\n"},
  /* 2: the expanded column replaces the source column of the same name */
  {"datatable(x:long, l:dynamic)[1, dynamic([1,5,3]), 2, dynamic([7,2])] | mv-apply l to typeof(long) on (top 1 by l)",
   "x:long,l:long\n1,5\n2,7\n"},
  {"datatable(x:long, l:dynamic)[1, dynamic([1,5,3]), 2, dynamic([])] | mv-apply l to typeof(long) on (summarize n=count(), m=make_list(l))",
   "x:long,n:long,m:dynamic\n1,3,[1,5,3]\n2,0,[]\n"},
  /* 4: a row whose sub-query returns nothing disappears; dynamic and string values survive the round trip */
  {"datatable(x:long, l:dynamic)[1, dynamic([{\"a\":1},\"s\"]), 2, dynamic([])] | mv-apply e=l on (extend t=tostring(e))",
   "x:long,l:dynamic,e:dynamic,t:string\n1,[{\"a\":1},\"s\"],{\"a\":1},{\"a\":1}\n1,[{\"a\":1},\"s\"],\"s\",s\n"},
  {"datatable(x:long)[1] | mv-apply x on (take 1)", "error KQL170 @32+1: mv-apply needs a dynamic array or bag, not long\n"},
  /* 6: invoke */
  {"let f = (T:(x:long), k:long) { T | where x > k | extend y = x * 2 }; range x from 1 to 5 step 1 | invoke f(3)",
   "x:long,y:long\n4,8\n5,10\n"},
  {"let f = (T:(x:long), k:long=1, m:long=10) { T | where x > k and x < m }; range x from 1 to 5 step 1 | invoke f(m=3)",
   "x:long\n2\n"},
  {"range x from 1 to 5 step 1 | invoke nosuch()", "error KQL109 @36+8: invoke: unknown function 'nosuch'\n"},
};

/* ---------------------------------------------------------- search, find */
static const OpsCase aSearch[] = {
  {"datatable(a:string, b:long)[\"hello world\", 1, \"Green x\", 2, \"bar\", 3] | search \"green\" or b == 3",
   "$table:string,a:string,b:long\nunion_arg0,Green x,2\nunion_arg0,bar,3\n"},
  {"let T=datatable(a:string, b:long)[\"hello world\", 1, \"Green x\", 2]; let U=datatable(c:string)[\"greenery\"]; "
   "search in (T, U) \"green*\"", "$table:string,a:string,b:long,c:string\nT,Green x,2,\nU,,null,greenery\n"},
  {"datatable(a:string)[\"Green\", \"green\"] | search kind=case_sensitive a:\"Green\" | project a", "a:string\nGreen\n"},
  {"datatable(a:string)[\"hello world\", \"help\"] | search \"h*d\" | project a", "a:string\nhello world\n"},
  {"datatable(a:string)[\"xgreenx\", \"green\"] | search \"*reen*\" | count", "Count:long\n2\n"},
  {"datatable(a:string)[\"x\"] | search *", "$table:string,a:string\nunion_arg0,x\n"},
  {"let T=datatable(a:string, b:long)[\"hello world\", 1, \"Green x\", 2]; find in (T) where b > 1 project a, zz",
   "source_:string,a:string,zz:string\nT,Green x,\n"},
};

/* ------------------------------------------------------------------- scan */
static const OpsCase aScan[] = {
  /* 0: the docs' examples */
  {"range x from 1 to 5 step 1 | scan declare (cumulative_x:long=0) with (step s1: true => cumulative_x = x + s1.cumulative_x;)",
   "x:long,cumulative_x:long\n1,1\n2,3\n3,6\n4,10\n5,15\n"},
  {"datatable (Ts: timespan, Event: string)[0m, \"A\", 1m, \"A\", 2m, \"B\", 32m, \"B\", 36m, \"C\", 75m, \"A\"] "
   "| sort by Ts asc | scan with_match_id=session_id declare (sessionStart: timespan) with "
   "(step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart); "
   "step endSession output=none: Ts - inSession.sessionStart > 30m;)",
   "Ts:timespan,Event:string,sessionStart:timespan,session_id:long\n00:00:00,A,00:00:00,0\n00:01:00,A,00:00:00,0\n"
   "00:02:00,B,00:00:00,0\n00:32:00,B,00:32:00,1\n00:36:00,C,00:32:00,1\n01:15:00,A,01:15:00,2\n"},
  {"datatable (Ts: timespan, Event: string)[0m, \"A\", 1m, \"Start\", 2m, \"B\", 3m, \"D\", 4m, \"Stop\", 6m, \"C\", "
   "8m, \"Start\", 11m, \"E\", 12m, \"Stop\"] | sort by Ts asc | scan with_match_id=m_id with "
   "(step s1: Event == \"Start\"; step s2: Event != \"Start\" and Event != \"Stop\" and Ts - s1.Ts <= 5m; "
   "step s3: Event == \"Stop\" and Ts - s1.Ts <= 5m;)",
   "Ts:timespan,Event:string,m_id:long\n00:01:00,Start,0\n00:02:00,B,0\n00:03:00,D,0\n00:04:00,Stop,0\n"
   "00:08:00,Start,1\n00:11:00,E,1\n00:12:00,Stop,1\n"},
  /* 3: errors */
  {"range x from 1 to 2 step 1 | scan with (step s1: true => y = 1;)",
   "error KQL261 @57+5: scan: only declared and input columns can be assigned\n"},
  /* an input column assigned by a step: forward fill (time_weighted_val_fl does this) */
  {"datatable(ts:long, v:long)[1,10, 2,long(null), 3,long(null), 4,40] | sort by ts asc "
   "| scan with (step s: true => v = iff(isnull(v), s.v, v);)",
   "ts:long,v:long\n1,10\n2,10\n3,10\n4,40\n"},
  {"range x from 1 to 2 step 1 | scan with (step s1 output=last: true;)", "error KQL190 @55+4: not supported: scan output=last\n"},
};

/* ------------------------------------------------------------------ runner */

static void check(const OpsCase *c, size_t i){
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  size_t nExp = strlen(c->zExpect);
  if( strcmp(c->zExpect, "error")==0 ){
    cr_expect(strncmp(z, "error", 5)==0, "case %zu: %s\nexpected an error, got:\n%s", i, c->zQuery, z);
    cr_expect_neq(rc, KQL_OK);
  }else{
    cr_expect_str_eq(z, c->zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", i, c->zQuery, c->zExpect, z);
    (void)nExp;
  }
  free(z);
}

#define OPS_SUITE(NAME, TABLE) \
  ParameterizedTestParameters(ops, NAME){ \
    static size_t aIdx[sizeof(TABLE)/sizeof(TABLE[0])]; \
    for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i; \
    return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0])); \
  } \
  ParameterizedTest(size_t *pi, ops, NAME){ check(&TABLE[*pi], *pi); }

OPS_SUITE(parse, aParse)
OPS_SUITE(parse_kv, aParseKv)
OPS_SUITE(evaluate, aEval)
OPS_SUITE(make_series, aSeries)
OPS_SUITE(top, aTop)
OPS_SUITE(mv_apply_invoke, aApply)
OPS_SUITE(search_find, aSearch)
OPS_SUITE(scan, aScan)

ParameterizedTestParameters(ops, series_functions){
  static size_t aIdx[sizeof(aSeriesFn)/sizeof(aSeriesFn[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}

ParameterizedTest(size_t *pi, ops, series_functions){
  if( kqlBuiltinFind("series_add", -1)==0 ){
    cr_skip_test("series_* are not in the built-in catalogue (builtins.c must include fn_series.inc)");
  }
  check(&aSeriesFn[*pi], *pi);
}
