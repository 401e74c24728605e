/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the KQL reference docs' examples for the
** conditional and general scalar functions (case, coalesce, max_of,
** gettype, isempty/isnull, parse_version/path/url/command_line,
** has_any_index, indexof_regex, estimate_data_size, toscalar, strrep,
** repeat, translate, unicode codepoints, zlib/gzip), the statements (let,
** declare query_parameters, user-defined functions and views), the
** range/datatable/print operators, null values, timespan literals,
** between/!between and the basic series_* functions. Examples that build
** their own data and are not in shared/conformance/cases.jsonl; each case is
** the docs' query and the docs' output (column types from the oracle).
** Fixed by this sweep: estimate_data_size(*) expands to every column;
** declare query_parameters binds each parameter to its default value (of
** the declared type); user-defined functions take name=value arguments;
** series_stats_dynamic() also returns sum and len; max_of/min_of of ints are
** int; a bare parameter as a function's result is scalar when its type is.
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
  /* case(): size buckets */
  {"range Size from 1 to 15 step 2\n"
   "| extend bucket = case(Size <= 3, \"Small\", \n"
   "                       Size <= 10, \"Medium\", \n"
   "                       \"Large\")",
   "Size:long,bucket:string\n"
   "1,Small\n"
   "3,Small\n"
   "5,Medium\n"
   "7,Medium\n"
   "9,Medium\n"
   "11,Large\n"
   "13,Large\n"
   "15,Large\n"},
  /* coalesce(): first non-null */
  {"print result=coalesce(tolong(\"not a number\"), tolong(\"42\"), 33)",
   "result:long\n"
   "42\n"},
  /* max_of(): constants */
  {"print result = max_of(10, 1, -3, 17)",
   "result:long\n"
   "17\n"},
  /* max_of(): non-null values take precedence (the docs name the column 'result'; the query does not, Column1 per the oracle) */
  {"datatable (A: int, B: int)\n"
   "[\n"
   "    1, 6,\n"
   "    8, 1,\n"
   "    int(null), 2,\n"
   "    1, int(null),\n"
   "    int(null), int(null)\n"
   "]\n"
   "| project max_of(A, B)",
   "Column1:int\n"
   "6\n"
   "8\n"
   "2\n"
   "1\n"
   "null\n"},
  /* gettype(): the docs' expression table */
  {"print a=gettype(\"a\"), b=gettype(111), c=gettype(1==1), d=gettype(now()), e=gettype(1s), f=gettype(parse_json('1')), g=gettype(parse_json(' \"abc\" ')), h=gettype(parse_json(' {\"abc\":1} ')), i=gettype(parse_json(' [1, 2, 3] ')), j=gettype(123.45), k=gettype(guid(12e8b78d-55b4-46ae-b068-26d7a0080254)), l=gettype(parse_json(''))",
   "a:string,b:string,c:string,d:string,e:string,f:string,g:string,h:string,i:string,j:string,k:string,l:string\n"
   "string,long,bool,datetime,timespan,int,string,dictionary,array,real,guid,null\n"},
  /* parse_version(): comparing versions */
  {"let dt = datatable(lab: string, v: string)\n"
   "[\n"
   "    \"Lab A\", \"0.0.0.5\",\n"
   "    \"Lab B\", \"0.0.7.0\",\n"
   "    \"Lab D\",\"0.0.3\",\n"
   "    \"Lab C\", \"0.2\", \n"
   "    \"Lab G\", \"0.1.2.0\",\n"
   "    \"Lab F\", \"1.2.3.4\",\n"
   "    \"Lab E\", \"1\",\n"
   "];\n"
   "dt\n"
   "| extend parsed_version = parse_version(v)\n"
   "| extend needs_update = iff(parsed_version < parse_version(\"1.0.0.0\"), \"Yes\", \"No\")\n"
   "| project lab, v, needs_update\n"
   "| sort by lab asc , v, needs_update",
   "lab:string,v:string,needs_update:string\n"
   "Lab A,0.0.0.5,Yes\n"
   "Lab B,0.0.7.0,Yes\n"
   "Lab C,0.2,Yes\n"
   "Lab D,0.0.3,Yes\n"
   "Lab E,1,No\n"
   "Lab F,1.2.3.4,No\n"
   "Lab G,0.1.2.0,Yes\n"},
  /* parse_path(): the docs' five paths */
  {"datatable(p:string) \n"
   "[\n"
   "    @\"C:\\temp\\file.txt\",\n"
   "    @\"temp\\file.txt\",\n"
   "    \"file://C:/temp/file.txt:some.exe\",\n"
   "    @\"\\\\shared\\users\\temp\\file.txt.gz\",\n"
   "    \"/usr/lib/temp/file.txt\"\n"
   "]\n"
   "| extend path_parts = parse_path(p)",
   "p:string,path_parts:dynamic\n"
   "C:\\temp\\file.txt,{\"Scheme\":\"\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:\\\\temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}\n"
   "temp\\file.txt,{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}\n"
   "file://C:/temp/file.txt:some.exe,{\"Scheme\":\"file\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:/temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"some.exe\"}\n"
   "\\\\shared\\users\\temp\\file.txt.gz,{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"\\\\\\\\shared\\\\users\\\\temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt.gz\",\"Extension\":\"gz\",\"AlternateDataStreamName\":\"\"}\n"
   "/usr/lib/temp/file.txt,{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"/usr/lib/temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}\n"},
  /* translate(): the docs' table */
  {"print a=translate(\"abc\", \"x\", \"abc\"), b=translate(\"abc\", \"\", \"ab\"), c=translate(\"krasp\", \"otsku\", \"spark\")",
   "a:string,b:string,c:string\n"
   "xxx,,kusto\n"},
  /* isempty()/isnotempty()/isnull(): the docs' tables */
  {"print a=isempty(\"\"), b=isempty(\"x\"), c=isempty(parsejson(\"\")), d=isempty(parsejson(\"[]\")), e=isempty(parsejson(\"{}\")), f=isnotempty(\"\"), g=isnotempty(\"x\"), h=isnull(\"\"), i=isnull(\"x\"), j=isnull(parse_json(\"\")), k=isnull(parse_json(\"[]\")), l=isnull(parse_json(\"{}\"))",
   "a:bool,b:bool,c:bool,d:bool,e:bool,f:bool,g:bool,h:bool,i:bool,j:bool,k:bool,l:bool\n"
   "true,false,true,false,false,false,true,false,false,true,false,false\n"},
  /* has_any_index() */
  {"print\n"
   " idx1 = has_any_index(\"this is an example\", dynamic(['this', 'example']))\n"
   " , idx2 = has_any_index(\"this is an example\", dynamic(['not', 'example']))\n"
   " , idx3 = has_any_index(\"this is an example\", dynamic(['not', 'found']))\n"
   " , idx4 = has_any_index(\"Example number 2\", range(1, 3, 1))\n"
   " , idx5 = has_any_index(\"this is an example\", dynamic([]))",
   "idx1:long,idx2:long,idx3:long,idx4:long,idx5:long\n"
   "0,1,-1,1,-1\n"},
  /* indexof_regex() */
  {"print\n"
   "    idx1 = indexof_regex(\"abcabc\", @\"a.c\"),\n"
   "    idx2 = indexof_regex(\"abcabcdefg\", @\"a.c\", 0, 9, 2),\n"
   "    idx3 = indexof_regex(\"abcabc\", @\"a.c\", 1, -1, 2),\n"
   "    idx4 = indexof_regex(\"ababaa\", @\"a.a\", 0, -1, 2),\n"
   "    idx5 = indexof_regex(\"abcabc\", @\"a|ab\", -1)",
   "idx1:long,idx2:long,idx3:long,idx4:long,idx5:long\n"
   "0,3,-1,-1,null\n"},
  /* estimate_data_size(*): every column of the row (fixed by this sweep) */
  {"range x from 1 to 10 step 1\n"
   "| extend Text = '1234567890'\n"
   "| summarize Total=sum(estimate_data_size(*))",
   "Total:long\n"
   "180\n"},
  /* toscalar(): range bounds from scalars */
  {"let Start = toscalar(print x=1);\n"
   "let End = toscalar(range x from 1 to 9 step 1 | count);\n"
   "let Step = toscalar(2);\n"
   "range z from Start to End step Step | extend start=Start, end=End, step=Step",
   "z:long,start:long,end:long,step:long\n"
   "1,1,9,2\n"
   "3,1,9,2\n"
   "5,1,9,2\n"
   "7,1,9,2\n"
   "9,1,9,2\n"},
  /* toscalar() page: the join mitigation */
  {"let _dataset1 = datatable(x: long)[1, 2, 3, 4, 5];\n"
   "let _dataset2 = datatable(x: long, y: long) [1, 2, 3, 4, 5, 6];\n"
   "_dataset1\n"
   "| join (_dataset2) on x \n"
   "| project x, y",
   "x:long,y:long\n"
   "1,2\n"
   "3,4\n"
   "5,6\n"},
  /* parse_command_line() */
  {"print parse_command_line(\"echo \\\"hello world!\\\"\", \"windows\")",
   "print_0:dynamic\n"
   "[\"echo\",\"hello world!\"]\n"},
  /* repeat() */
  {"print r = repeat(1, 3)",
   "r:dynamic\n"
   "[1,1,1]\n"},
  /* strrep() */
  {"print from_str = strrep('ABC', 2), from_int = strrep(123,3,'.'), from_time = strrep(3s,2,' ')",
   "from_str:string,from_int:string,from_time:string\n"
   "ABCABC,123.123.123,00:00:03 00:00:03\n"},
  /* parse_url() */
  {"print Result=parse_url(\"scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment\")",
   "Result:dynamic\n"
   "{\"Scheme\":\"scheme\",\"Host\":\"host\",\"Port\":\"1234\",\"Path\":\"this/is/a/path\",\"Username\":\"username\",\"Password\":\"password\",\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\"},\"Fragment\":\"fragment\"}\n"},
  /* unicode_codepoints_from_string() */
  {"print arr = unicode_codepoints_from_string(\"⒦⒰⒮⒯⒪\")",
   "arr:dynamic\n"
   "[9382,9392,9390,9391,9386]\n"},
  /* unicode_codepoints_from_string(): Hebrew and ASCII */
  {"print arr = unicode_codepoints_from_string(\"קוסטו - Kusto\")",
   "arr:dynamic\n"
   "[1511,1493,1505,1496,1493,32,45,32,75,117,115,116,111]\n"},
  /* unicode_codepoints_to_string(): round trip and argument forms */
  {"print a = unicode_codepoints_to_string(unicode_codepoints_from_string(\"Kusto\")), b = unicode_codepoints_to_string(75, 117, 115, 116, 111), c = unicode_codepoints_to_string(dynamic([75, 117, 115, 116, 111])), d = unicode_codepoints_to_string(dynamic([75, 117, 115]), 116, 111)",
   "a:string,b:string,c:string,d:string\n"
   "Kusto,Kusto,Kusto,Kusto\n"},
  /* unicode_codepoints_to_string(): ranges */
  {"print str = unicode_codepoints_to_string(range(48,57), range(65,90), range(97,122))",
   "str:string\n"
   "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n"},
  /* let: bracketed name */
  {"let ['some number'] = 20;\n"
   "range y from 0 to ['some number'] step 5",
   "y:long\n"
   "0\n"
   "5\n"
   "10\n"
   "15\n"
   "20\n"},
  /* let: scalar function */
  {"let MultiplyByN = (val:long, n:long) { val * n };\n"
   "range x from 1 to 5 step 1 \n"
   "| extend result = MultiplyByN(x, 5)",
   "x:long,result:long\n"
   "1,5\n"
   "2,10\n"
   "3,15\n"
   "4,20\n"
   "5,25\n"},
  /* let: trim function */
  {"let TrimOnes = (s:string) { trim(\"1\", s) };\n"
   "range x from 10 to 15 step 1 \n"
   "| extend result = TrimOnes(tostring(x))",
   "x:long,result:string\n"
   "10,0\n"
   "11,\n"
   "12,2\n"
   "13,3\n"
   "14,4\n"
   "15,5\n"},
  /* let: a function calling another */
  {"let foo1 = (_start:long, _end:long, _step:long) { range x from _start to _end step _step};\n"
   "let foo2 = (_step:long) { foo1(1, 100, _step)};\n"
   "foo2(2) | count",
   "Count:long\n"
   "50\n"},
  /* let: views in search */
  {"let Range10 = view () { range MyColumn from 1 to 10 step 1 };\n"
   "let Range20 = view () { range MyColumn from 1 to 20 step 1 };\n"
   "search MyColumn == 5",
   "$table:string,MyColumn:long\n"
   "Range10,5\n"
   "Range20,5\n"},
  /* range: incremented steps */
  {"range Steps from 1 to 8 step 3",
   "Steps:long\n"
   "1\n"
   "4\n"
   "7\n"},
  /* range: parameters (now() pinned to a month start) */
  {"let toUnixTime = (dt:datetime) \n"
   "{ \n"
   "    (dt - datetime(1970-01-01)) / 1s \n"
   "};\n"
   "let MyMonthStart = startofmonth(datetime(2023-02-10));\n"
   "let StepBy = 4.534h;\n"
   "let nn = 4;\n"
   "let MyTimeline = range MyMonthHour from MyMonthStart to datetime(2023-02-10) step StepBy\n"
   "| extend MyMonthHourinUnixTime = toUnixTime(MyMonthHour), DateOnly = bin(MyMonthHour,1d), TimeOnly = MyMonthHour - bin(MyMonthHour,1d)\n"
   "; MyTimeline | order by MyMonthHour asc | take nn",
   "MyMonthHour:datetime,MyMonthHourinUnixTime:real,DateOnly:datetime,TimeOnly:timespan\n"
   "2023-02-01T00:00:00Z,1675209600,2023-02-01T00:00:00Z,00:00:00\n"
   "2023-02-01T04:32:02.4000000Z,1675225922.4,2023-02-01T00:00:00Z,04:32:02.4000000\n"
   "2023-02-01T09:04:04.8000000Z,1675242244.8,2023-02-01T00:00:00Z,09:04:04.8000000\n"
   "2023-02-01T13:36:07.2000000Z,1675258567.2,2023-02-01T00:00:00Z,13:36:07.2000000\n"},
  /* datatable: the docs' example */
  {"datatable(Date:datetime, Event:string, MoreData:dynamic) [\n"
   "    datetime(1910-06-11), \"Born\", dynamic({\"key1\":\"value1\", \"key2\":\"value2\"}),\n"
   "    datetime(1930-01-01), \"Enters Ecole Navale\", dynamic({\"key1\":\"value3\", \"key2\":\"value4\"}),\n"
   "    datetime(1953-01-01), \"Published first book\", dynamic({\"key1\":\"value5\", \"key2\":\"value6\"}),\n"
   "    datetime(1997-06-25), \"Died\", dynamic({\"key1\":\"value7\", \"key2\":\"value8\"}),\n"
   "]\n"
   "| where strlen(Event) > 4\n"
   "| extend key2 = MoreData.key2",
   "Date:datetime,Event:string,MoreData:dynamic,key2:dynamic\n"
   "1930-01-01T00:00:00Z,Enters Ecole Navale,{\"key1\":\"value3\",\"key2\":\"value4\"},\"value4\"\n"
   "1953-01-01T00:00:00Z,Published first book,{\"key1\":\"value5\",\"key2\":\"value6\"},\"value6\"\n"},
  /* print: sum and a named column */
  {"print 0 + 1 + 2 + 3 + 4 + 5, x = \"Wow!\"",
   "print_0:long,x:string\n"
   "15,Wow!\n"},
  /* print: strcat */
  {"print banner=strcat(\"Hello\", \", \", \"World!\")",
   "banner:string\n"
   "Hello, World!\n"},
  /* declare query_parameters: the default value is used (fixed by this sweep) */
  {"declare query_parameters(maxInjured:long = 90);\n"
   "datatable(EpisodeId:long, InjuriesDirect:long, InjuriesIndirect:long)[1, 100, 37, 2, 10, 5]\n"
   "| where InjuriesDirect + InjuriesIndirect > maxInjured\n"
   "| project EpisodeId, totalInjuries = InjuriesDirect + InjuriesIndirect",
   "EpisodeId:long,totalInjuries:long\n"
   "1,137\n"},
  /* declare query_parameters: the declared type */
  {"declare query_parameters(n:int = 90, s:string = \"a\");\n"
   "print n, s, t=gettype(n)",
   "print_0:int,print_1:string,t:string\n"
   "90,a,int\n"},
  /* null values: comparisons and sticky arithmetic */
  {"datatable(val:int)[5, int(null)]\n"
   "| extend IsBiggerThan3 = val > 3\n"
   "| extend IsBiggerThan3OrNull = val > 3 or isnull(val)\n"
   "| extend Add = val + 10\n"
   "| extend Multiply = val * 10",
   "val:int,IsBiggerThan3:bool,IsBiggerThan3OrNull:bool,Add:long,Multiply:long\n"
   "5,true,true,15,50\n"
   "null,null,true,null,null\n"},
  /* logical operators: null and true */
  {"print print=iff(bool(null) and true, true, false)",
   "print:bool\n"
   "false\n"},
  /* between / !between */
  {"range x from 1 to 100 step 1\n"
   "| where x between (50 .. 55)",
   "x:long\n"
   "50\n"
   "51\n"
   "52\n"
   "53\n"
   "54\n"
   "55\n"},
  /* !between */
  {"range x from 1 to 10 step 1\n"
   "| where x !between (5 .. 9)",
   "x:long\n"
   "1\n"
   "2\n"
   "3\n"
   "4\n"
   "10\n"},
  /* timespan: seconds in a day */
  {"print\n"
   "    result1 = 1d / 1s,\n"
   "    result2 = time(1d) / time(1s),\n"
   "    result3 = 24 * 60 * time(00:01:00) / time(1s)",
   "result1:real,result2:real,result3:real\n"
   "86400,86400,86400\n"},
  /* timespan literals */
  {"print a=2d, b=1.5h, c=30m, d=10s, e=0.1s, f=100ms, g=10microsecond, h=1tick, i=time(15 seconds), j=time(2), k=time(0.12:34:56.7)",
   "a:timespan,b:timespan,c:timespan,d:timespan,e:timespan,f:timespan,g:timespan,h:timespan,i:timespan,j:timespan,k:timespan\n"
   "2.00:00:00,01:30:00,00:30:00,00:00:10,00:00:00.1000000,00:00:00.1000000,00:00:00.0000100,00:00:00.0000001,00:00:15,2.00:00:00,12:34:56.7000000\n"},
  /* user-defined functions: default value */
  {"let Add7 = (arg0:long = 5) { arg0 + 7 };\n"
   "range x from 1 to 3 step 1\n"
   "| extend x_plus_7 = Add7(x), five_plus_seven = Add7()",
   "x:long,x_plus_7:long,five_plus_seven:long\n"
   "1,8,12\n"
   "2,9,12\n"
   "3,10,12\n"},
  /* user-defined functions: tabular input */
  {"let MyFilter = (T:(x:long), v:long) {\n"
   "  T | where x >= v\n"
   "};\n"
   "MyFilter((range x from 1 to 10 step 1), 9)",
   "x:long\n"
   "9\n"
   "10\n"},
  /* user-defined functions: wildcard tabular input */
  {"let MyDistinct = (T:(*)) {\n"
   "  T | distinct *\n"
   "};\n"
   "MyDistinct((range x from 1 to 3 step 1))",
   "x:long\n"
   "1\n"
   "2\n"
   "3\n"},
  /* user-defined functions: nested lets */
  {"let Test1 = (id: int) {\n"
   "  let Test2 = 10;\n"
   "  let Test3 = 10 + Test2 + id;\n"
   "  let Test4 = (arg: int) {\n"
   "      let Test5 = 20;\n"
   "      Test2 + Test3 + Test5 + arg\n"
   "  };\n"
   "  Test4(10)\n"
   "};\n"
   "range x from 1 to Test1(10) step 1\n"
   "| count",
   "Count:long\n"
   "70\n"},
  /* user-defined functions: named arguments (fixed by this sweep) */
  {"let f = (a:long, b:string = \"b.default\", c:long = 0) {\n"
   "  strcat(a, \"-\", b, \"-\", c)\n"
   "};\n"
   "union\n"
   "  (print x=f(c=7, a=12)),\n"
   "  (print x=f(12, c=7))",
   "x:string\n"
   "12-b.default-7\n"
   "12-b.default-7\n"},
  /* user-defined functions: no-argument call forms */
  {"let a=(){123};\n"
   "range x from 1 to 3 step 1\n"
   "| extend y = x * a, z = x * a()",
   "x:long,y:long,z:long\n"
   "1,123,123\n"
   "2,246,246\n"
   "3,369,369\n"},
  /* user-defined functions: invoke */
  {"let append_to_column_a=(T:(a:string), what:string) {\n"
   "    T | extend a=strcat(a, \" \", what)\n"
   "};\n"
   "datatable (a:string) [\"sad\", \"really\", \"sad\"]\n"
   "| invoke append_to_column_a(\":-)\")",
   "a:string\n"
   "sad :-)\n"
   "really :-)\n"
   "sad :-)\n"},
  /* user-defined functions: views in union T* */
  {"let T_view = view () { print x=1 };\n"
   "let T_notview = () { print x=2 };\n"
   "union T*",
   "x:long\n"
   "1\n"},
  /* series_add() */
  {"range x from 1 to 3 step 1\n"
   "| extend y = x * 2\n"
   "| extend z = y * 2\n"
   "| project s1 = pack_array(x,y,z), s2 = pack_array(z, y, x)\n"
   "| extend s1_add_s2 = series_add(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_add_s2:dynamic\n"
   "[1,2,4],[4,2,1],[5,4,5]\n"
   "[2,4,8],[8,4,2],[10,8,10]\n"
   "[3,6,12],[12,6,3],[15,12,15]\n"},
  /* series_greater() */
  {"print s1 = dynamic([1,2,4]), s2 = dynamic([4,2,1])\n"
   "| extend s1_greater_s2 = series_greater(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_greater_s2:dynamic\n"
   "[1,2,4],[4,2,1],[false,false,true]\n"},
  /* series_stats_dynamic(): sum and len too (fixed by this sweep) */
  {"print x=dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]) \n"
   "| project stats=series_stats_dynamic(x)",
   "stats:dynamic\n"
   "{\"min\":2.0,\"min_idx\":8,\"max\":87.0,\"max_idx\":3,\"avg\":32.8,\"stdev\":28.503633853548266,\"variance\":812.4571428571428,\"sum\":492.0,\"len\":15}\n"},
  /* series_stats() */
  {"print x=dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]) \n"
   "| project series_stats(x)",
   "series_stats_x_min:real,series_stats_x_min_idx:long,series_stats_x_max:real,series_stats_x_max_idx:long,series_stats_x_avg:real,series_stats_x_stdev:real,series_stats_x_variance:real\n"
   "2,8,87,3,32.8,28.503633853548266,812.4571428571428\n"},
  /* series_iir(): cumulative sum */
  {"let x = range(1.0, 4, 1);\n"
   "print x=x, y = series_iir(x, dynamic([1]), dynamic([1,-1]))\n"
   "| mv-expand x, y",
   "x:dynamic,y:dynamic\n"
   "1.0,1.0\n"
   "2.0,3.0\n"
   "3.0,6.0\n"
   "4.0,10.0\n"},
  /* series_iir(): wrapped in a function */
  {"let vector_sum=(x: dynamic) {\n"
   "    let y=array_length(x) - 1;\n"
   "    todouble(series_iir(x, dynamic([1]), dynamic([1, -1]))[y])\n"
   "};\n"
   "print d=dynamic([0, 1, 2, 3, 4])\n"
   "| extend dd=vector_sum(d)",
   "d:dynamic,dd:real\n"
   "[0,1,2,3,4],10\n"},
  /* series_fill_linear() (the docs' with_const cell of the int row contradicts the other cells: left out) */
  {"let data = datatable(arr: dynamic)\n"
   "    [\n"
   "    dynamic([null, 111.0, null, 36.0, 41.0, null, null, 16.0, 61.0, 33.0, null, null]),\n"
   "    dynamic([null, 111, null, 36, 41, null, null, 16, 61, 33, null, null]),\n"
   "    dynamic([null, null, null, null])\n"
   "];\n"
   "data\n"
   "| project\n"
   "    arr, \n"
   "    without_args = series_fill_linear(arr),\n"
   "    with_edges = series_fill_linear(arr, double(null), true),\n"
   "    wo_edges = series_fill_linear(arr, double(null), false)",
   "arr:dynamic,without_args:dynamic,with_edges:dynamic,wo_edges:dynamic\n"
   "[null,111.0,null,36.0,41.0,null,null,16.0,61.0,33.0,null,null],[111.0,111.0,73.5,36.0,41.0,32.666666666666664,24.333333333333332,16.0,61.0,33.0,33.0,33.0],[111.0,111.0,73.5,36.0,41.0,32.666666666666664,24.333333333333332,16.0,61.0,33.0,33.0,33.0],[null,111.0,73.5,36.0,41.0,32.666666666666664,24.333333333333332,16.0,61.0,33.0,null,null]\n"
   "[null,111,null,36,41,null,null,16,61,33,null,null],[111,111,73,36,41,32,24,16,61,33,33,33],[111,111,73,36,41,32,24,16,61,33,33,33],[null,111,73,36,41,32,24,16,61,33,null,null]\n"
   "[null,null,null,null],[0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0]\n"},
  /* series_fill_const() */
  {"let data = datatable(arr: dynamic)\n"
   "    [\n"
   "    dynamic([111, null, 36, 41, 23, null, 16, 61, 33, null, null])   \n"
   "];\n"
   "data \n"
   "| project\n"
   "    arr, \n"
   "    fill_const1 = series_fill_const(arr, 0.0),\n"
   "    fill_const2 = series_fill_const(arr, -1)",
   "arr:dynamic,fill_const1:dynamic,fill_const2:dynamic\n"
   "[111,null,36,41,23,null,16,61,33,null,null],[111.0,0.0,36.0,41.0,23.0,0.0,16.0,61.0,33.0,0.0,0.0],[111,-1,36,41,23,-1,16,61,33,-1,-1]\n"},
  /* series_fill_backward() */
  {"let data = datatable(arr: dynamic)\n"
   "    [\n"
   "    dynamic([111, null, 36, 41, null, null, 16, 61, 33, null, null])   \n"
   "];\n"
   "data \n"
   "| project\n"
   "    arr, \n"
   "    fill_backward = series_fill_backward(arr)",
   "arr:dynamic,fill_backward:dynamic\n"
   "[111,null,36,41,null,null,16,61,33,null,null],[111,36,36,41,16,16,16,61,33,null,null]\n"},
  /* series_fill_forward() */
  {"let data = datatable(arr: dynamic)\n"
   "    [\n"
   "    dynamic([null, null, 36, 41, null, null, 16, 61, 33, null, null])   \n"
   "];\n"
   "data \n"
   "| project\n"
   "    arr, \n"
   "    fill_forward = series_fill_forward(arr)",
   "arr:dynamic,fill_forward:dynamic\n"
   "[null,null,36,41,null,null,16,61,33,null,null],[null,null,36,41,41,41,16,61,33,33,33]\n"},
  /* gzip_compress_to_base64_string() */
  {"print res = gzip_compress_to_base64_string(\"1234567890qwertyuiop\")",
   "res:string\n"
   "H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==\n"},
  /* zlib_compress_to_base64_string() */
  {"print zcomp = zlib_compress_to_base64_string(\"1234567890qwertyuiop\")",
   "zcomp:string\n"
   "eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==\n"},
  /* zlib_decompress_from_base64_string(): valid and invalid input */
  {"print zcomp = zlib_decompress_from_base64_string(\"eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=\"), bad = zlib_decompress_from_base64_string(\"x0x0x0\")",
   "zcomp:string,bad:string\n"
   "Test string 123,\n"},
  /* series_divide(), series_subtract(), series_multiply() */
  {"range x from 1 to 3 step 1\n"
   "| extend y = x * 2\n"
   "| extend z = y * 2\n"
   "| project s1 = pack_array(x,y,z), s2 = pack_array(z, y, x)\n"
   "| extend s1_divide_s2 = series_divide(s1, s2), s1_subtract_s2 = series_subtract(s1, s2), s1_multiply_s2 = series_multiply(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_divide_s2:dynamic,s1_subtract_s2:dynamic,s1_multiply_s2:dynamic\n"
   "[1,2,4],[4,2,1],[0.25,1.0,4.0],[-3,0,3],[4,4,4]\n"
   "[2,4,8],[8,4,2],[0.25,1.0,4.0],[-6,0,6],[16,16,16]\n"
   "[3,6,12],[12,6,3],[0.25,1.0,4.0],[-9,0,9],[36,36,36]\n"},
  /* series_pow() */
  {"print x = dynamic([1, 2, 3, 4]), y=dynamic([1, 2, 3, 0.5])\n"
   "| extend x_pow_y = series_pow(x, y) ",
   "x:dynamic,y:dynamic,x_pow_y:dynamic\n"
   "[1,2,3,4],[1,2,3,0.5],[1.0,4.0,27.0,2.0]\n"},
  /* series_sign() */
  {"print arr = dynamic([-6, 0, 8])\n"
   "| extend arr_sign = series_sign(arr)",
   "arr:dynamic,arr_sign:dynamic\n"
   "[-6,0,8],[-1,0,1]\n"},
  /* series_exp() */
  {"print s = dynamic([1,2,3])\n"
   "| extend s_exp = series_exp(s)",
   "s:dynamic,s_exp:dynamic\n"
   "[1,2,3],[2.718281828459045,7.38905609893065,20.085536923187668]\n"},
  /* series_equals(), series_less() */
  {"print s1 = dynamic([1,2,4]), s2 = dynamic([4,2,1])\n"
   "| extend s1_equals_s2 = series_equals(s1, s2), s1_less_s2 = series_less(s1, s2)",
   "s1:dynamic,s2:dynamic,s1_equals_s2:dynamic,s1_less_s2:dynamic\n"
   "[1,2,4],[4,2,1],[false,true,false],[true,false,false]\n"},
  /* series_abs() */
  {"print arr = dynamic([-6.5,0,8.2])\n"
   "| extend arr_abs = series_abs(arr)",
   "arr:dynamic,arr_abs:dynamic\n"
   "[-6.5,0,8.2],[6.5,0.0,8.2]\n"},
  /* dynamic literals and accessors */
  {"print o=dynamic({\"a\":123, \"b\":\"hello\", \"c\":[1,2,3], \"d\":{}})\n"
   "| extend a=o.a, b=o.b, c=o.c, d=o.d",
   "o:dynamic,a:dynamic,b:dynamic,c:dynamic,d:dynamic\n"
   "{\"a\":123,\"b\":\"hello\",\"c\":[1,2,3],\"d\":{}},123,\"hello\",[1,2,3],{}\n"},
  /* dynamic: casting sub-objects */
  {"let X = parse_json('[100,101,102]');\n"
   "let Y = parse_json('{\"a1\":100, \"a b c\":\"2015-01-01\"}');\n"
   "print tx=gettype(X), x0=X[0], x1=toint(X[1]), ty=gettype(Y), a1=Y.a1, abc=Y[\"a b c\"], d=todatetime(Y[\"a b c\"]), xlast=X[(-1)]",
   "tx:string,x0:dynamic,x1:int,ty:string,a1:dynamic,abc:dynamic,d:datetime,xlast:dynamic\n"
   "array,100,101,dictionary,100,\"2015-01-01\",2015-01-01T00:00:00Z,102\n"},
  /* bag_pack(): nested bag */
  {"print bag_pack(\"Level\", \"Information\", \"ProcessID\", 1234, \"Data\", bag_pack(\"url\", \"www.bing.com\"))",
   "print_0:dynamic\n"
   "{\"Level\":\"Information\",\"ProcessID\":1234,\"Data\":{\"url\":\"www.bing.com\"}}\n"},
  /* bag_pack(): extract with the dot operator */
  {"datatable (\n"
   "    Source: int,\n"
   "    Destination: int,\n"
   "    Message: string\n"
   ") [\n"
   "    1234, 100, \"Hi\", \n"
   "    4567, 200, \"Hello\",\n"
   "    1212, 300, \"Hey\" \n"
   "]\n"
   "| extend MyBag=bag_pack(\"Dest\", Destination, \"Text\", Message)\n"
   "| project-away Source, Destination, Message\n"
   "| extend MyBag_Dest=MyBag.Dest, MyBag_Text=MyBag.Text",
   "MyBag:dynamic,MyBag_Dest:dynamic,MyBag_Text:dynamic\n"
   "{\"Dest\":100,\"Text\":\"Hi\"},100,\"Hi\"\n"
   "{\"Dest\":200,\"Text\":\"Hello\"},200,\"Hello\"\n"
   "{\"Dest\":300,\"Text\":\"Hey\"},300,\"Hey\"\n"},
  /* bag_pack(): after a join (the docs' rows in another order) */
  {"let SmsMessages = datatable (\n"
   "    SourceNumber: string,\n"
   "    TargetNumber: string,\n"
   "    CharsCount: string\n"
   ") [\n"
   "    \"555-555-1234\", \"555-555-1212\", \"46\", \n"
   "    \"555-555-1234\", \"555-555-1213\", \"50\",\n"
   "    \"555-555-1212\", \"555-555-1234\", \"32\" \n"
   "];\n"
   "let MmsMessages = datatable (\n"
   "    SourceNumber: string,\n"
   "    TargetNumber: string,\n"
   "    FileSize: string,\n"
   "    FileType: string,\n"
   "    FileName: string\n"
   ") [\n"
   "    \"555-555-1212\", \"555-555-1213\", \"200\", \"jpeg\", \"Pic1\",\n"
   "    \"555-555-1234\", \"555-555-1212\", \"250\", \"jpeg\", \"Pic2\",\n"
   "    \"555-555-1234\", \"555-555-1213\", \"300\", \"png\", \"Pic3\"\n"
   "];\n"
   "SmsMessages \n"
   "| join kind=inner MmsMessages on SourceNumber\n"
   "| extend Packed=bag_pack(\"CharsCount\", CharsCount, \"FileSize\", FileSize, \"FileType\", FileType, \"FileName\", FileName) \n"
   "| where SourceNumber == \"555-555-1234\"\n"
   "| project SourceNumber, TargetNumber, Packed",
   "SourceNumber:string,TargetNumber:string,Packed:dynamic\n"
   "555-555-1234,555-555-1212,{\"CharsCount\":\"46\",\"FileSize\":\"250\",\"FileType\":\"jpeg\",\"FileName\":\"Pic2\"}\n"
   "555-555-1234,555-555-1212,{\"CharsCount\":\"46\",\"FileSize\":\"300\",\"FileType\":\"png\",\"FileName\":\"Pic3\"}\n"
   "555-555-1234,555-555-1213,{\"CharsCount\":\"50\",\"FileSize\":\"250\",\"FileType\":\"jpeg\",\"FileName\":\"Pic2\"}\n"
   "555-555-1234,555-555-1213,{\"CharsCount\":\"50\",\"FileSize\":\"300\",\"FileType\":\"png\",\"FileName\":\"Pic3\"}\n"},
  /* parse_urlquery() */
  {"print parse_urlquery(\"k1=v1&k2=v2&k3=v3\")",
   "print_0:dynamic\n"
   "{\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\",\"k3\":\"v3\"}}\n"},
  /* iif(), not(), isnotnull() and the deprecated aliases */
  {"print a=iif(1>2, \"y\", \"n\"), b=not(1>2), c=notempty(\"\"), d=notnull(int(null)), e=isnotnull(1)",
   "a:string,b:bool,c:bool,d:bool,e:bool\n"
   "n,true,false,false,true\n"},
  /* numerical operators: the docs' division table and examples */
  {"print a=1.0 / 2, b=1 / 2.0, c=1 / 2, d=real(1) / 2, e=10m / 1s, f=1s * 5, g=3.14 + 3.14, i=10sec < 1h, j=10min > 1sec, k=4 % 2, l=4 <= 5, m=5 >= 4, n=1 != 0",
   "a:real,b:real,c:long,d:real,e:real,f:timespan,g:real,i:bool,j:bool,k:long,l:bool,m:bool,n:bool\n"
   "0.5,0.5,0,0.5,600,00:00:05,6.28,true,true,0,true,true,true\n"},
};
Test(docs_scalar, examples){ runCases(aDocs, N(aDocs)); }

/* A query parameter without a default has no value here: not supported. */
Test(docs_scalar, declare_without_default){
  int rc;
  char *z = kqltestRun("declare query_parameters(n:long); print n", 0, &rc);
  cr_expect(strstr(z, "not supported: query parameter without a default value") != 0, "got: %s", z);
  free(z);
}

/* A name=value argument must name a parameter of the function. */
Test(docs_scalar, named_argument_unknown){
  int rc;
  char *z = kqltestRun("let f = (a:long, c:long = 0) { a + c }; print f(1, d=2)", 0, &rc);
  cr_expect(strstr(z, "error") && strstr(z, "no parameter 'd'"), "got: %s", z);
  free(z);
}

/* A bare parameter or body let as a function's result is scalar when its
** type is: (a:long) { a } used in print (fixed by this sweep). */
Test(docs_scalar, parameter_as_result){
  int rc;
  char *z = kqltestRun("let f=(a:long){a}; let g=(a:long){ let b = a * 2; b }; print x=f(1), y=g(3)", 0, &rc);
  cr_expect_str_eq(z, "x:long,y:long\n1,6\n");
  free(z);
  z = kqltestRun("let f=(T:(x:long)){ T }; f((range x from 1 to 2 step 1))", 0, &rc);
  cr_expect_str_eq(z, "x:long\n1\n2\n");
  free(z);
}
