/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests of the window functions on serialized input (bind_call.c,
** fn_window.c): row_number / row_cumsum with restart, row_rank_dense,
** row_rank_min, row_window_session, prev/next with offset and default, and
** window functions in where and inside other window functions; the
** partition operator (bind_partition.c); project-by-names
** (bind_project_names.c); datetime(y, m, d) literals; pack_all(true),
** bag_pack_columns and make_string; rand() read twice is one value. Expected values are the KQL reference
** docs' examples (or follow the rules they state).
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase WinCase;
#define runCases(a, n) kqltestRunCases((a), (n), 0)
#define N(A) (sizeof(A)/sizeof(A[0]))

#define AIRPORTS "datatable (Airport:string, Airline:string, Departures:long)[" \
  "\"TLV\", \"LH\", 1, \"TLV\", \"LY\", 100, \"SEA\", \"LH\", 1, \"SEA\", \"BA\", 2, \"SEA\", \"LY\", 0]"
#define SEA5 "datatable (Airport:string, Airline:string, Departures:long)[" \
  "\"SEA\", \"LH\", 3, \"SEA\", \"LY\", 100, \"SEA\", \"UA\", 3, \"SEA\", \"BA\", 2, \"SEA\", \"EL\", 3"

static const WinCase aRank[] = {
  /* row_number(start, restart): the docs' airports example */
  {AIRPORTS " | sort by Airport asc, Departures desc | extend Rank=row_number(1, prev(Airport) != Airport)",
   "Airport:string,Airline:string,Departures:long,Rank:long\n"
   "SEA,BA,2,1\nSEA,LH,1,2\nSEA,LY,0,3\nTLV,LY,100,1\nTLV,LH,1,2\n"},
  /* row_rank_min: ties share the first row number */
  {SEA5 "] | sort by Departures asc | extend Rank=row_rank_min(Departures)",
   "Airport:string,Airline:string,Departures:long,Rank:long\n"
   "SEA,BA,2,1\nSEA,LH,3,2\nSEA,UA,3,2\nSEA,EL,3,2\nSEA,LY,100,5\n"},
  {"datatable(Category:string, Item:string, Value:int)[\"A\", \"item1\", 10, \"A\",\"item2\", 10, \"A\", \"item3\", 5,"
   " \"A\", \"item4\", 20, \"B\", \"item2\", 5, \"B\", \"item1\", 7] | sort by Category asc, Value asc"
   " | extend rank = row_rank_min(Value, Category != prev(Category))",
   "Category:string,Item:string,Value:int,rank:long\n"
   "A,item3,5,1\nA,item1,10,2\nA,item2,10,2\nA,item4,20,4\nB,item2,5,1\nB,item1,7,2\n"},
  /* row_rank_dense, plain and per airport */
  {SEA5 "] | sort by Departures asc | extend Rank=row_rank_dense(Departures)",
   "Airport:string,Airline:string,Departures:long,Rank:long\n"
   "SEA,BA,2,1\nSEA,LH,3,2\nSEA,UA,3,2\nSEA,EL,3,2\nSEA,LY,100,3\n"},
  {SEA5 ", \"AMS\", \"EL\", 1, \"AMS\", \"BA\", 1] | sort by Airport desc, Departures asc"
   " | extend Rank=row_rank_dense(Departures, prev(Airport) != Airport)",
   "Airport:string,Airline:string,Departures:long,Rank:long\n"
   "SEA,BA,2,1\nSEA,LH,3,2\nSEA,UA,3,2\nSEA,EL,3,2\nSEA,LY,100,3\nAMS,EL,1,1\nAMS,BA,1,1\n"},
  /* row_rank: the obsolete spelling of row_rank_dense */
  {"datatable(v:long)[1, 1, 2, 5] | serialize | extend r=row_rank(v)", "v:long,r:long\n1,1\n1,1\n2,2\n5,3\n"},
};
Test(window, ranks){ runCases(aRank, N(aRank)); }

static const WinCase aRunning[] = {
  /* row_window_session: the docs' example (1h from the first, 5m between neighbours, per ID) */
  {"datatable (ID:string, Timestamp:datetime) [\"1\", datetime(2024-04-11 10:00:00), \"2\", datetime(2024-04-11 10:18:00),"
   " \"1\", datetime(2024-04-11 11:00:00), \"3\", datetime(2024-04-11 11:30:00), \"2\", datetime(2024-04-11 13:30:00),"
   " \"2\", datetime(2024-04-11 10:16:00)] | sort by ID asc, Timestamp asc"
   " | extend SessionStarted = row_window_session(Timestamp, 1h, 5m, ID != prev(ID))",
   "ID:string,Timestamp:datetime,SessionStarted:datetime\n"
   "1,2024-04-11T10:00:00Z,2024-04-11T10:00:00Z\n1,2024-04-11T11:00:00Z,2024-04-11T11:00:00Z\n"
   "2,2024-04-11T10:16:00Z,2024-04-11T10:16:00Z\n2,2024-04-11T10:18:00Z,2024-04-11T10:16:00Z\n"
   "2,2024-04-11T13:30:00Z,2024-04-11T13:30:00Z\n3,2024-04-11T11:30:00Z,2024-04-11T11:30:00Z\n"},
  /* row_cumsum: the docs' even numbers; with restart the sum starts again at the row */
  {"datatable (a:long) [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] | where a%2==0 | serialize cs=row_cumsum(a)",
   "a:long,cs:long\n2,2\n4,6\n6,12\n8,20\n10,30\n"},
  {"range a from 1 to 6 step 1 | extend cs=row_cumsum(a, a % 3 == 1)",
   "a:long,cs:long\n1,1\n2,3\n3,6\n4,4\n5,9\n6,15\n"},
  /* prev/next with an offset and a default */
  {"range a from 1 to 4 step 1 | extend p2=prev(a, 2), n1=next(a, 1, -1), p1=prev(a, 1, 0)",
   "a:long,p2:long,n1:long,p1:long\n1,null,2,0\n2,null,3,1\n3,1,4,2\n4,2,-1,3\n"},
  /* a string without a default is "" (Kusto strings are never null); windows inside windows */
  {"datatable(a:string)[\"x\",\"x\",\"y\"] | serialize | project a, r=row_number(1, prev(a) != a), d=next(a) == a, p=prev(a)",
   "a:string,r:long,d:bool,p:string\nx,1,true,\nx,2,false,x\ny,1,false,x\n"},
  /* in where (SQL allows window functions only in the select list) */
  {"range x from 1 to 10 step 1 | serialize | where row_number() == 3 or prev(x) == 7",
   "x:long\n3\n8\n"},
  /* unserialized input is an error */
  {"datatable(x:long)[1, 2] | extend r=row_rank_dense(x)",
   "error KQL137 @35+17: function 'row_rank_dense' needs serialized input: add 'serialize' or 'sort by' before it\n"},
};
Test(window, running){ runCases(aRunning, N(aRunning)); }

static const WinCase aPartition[] = {
  /* the sub-query runs on each key's rows; the union is then sorted */
  {"range x from 1 to 10 step 1 | extend k = x % 3 | partition hint.strategy=native by k ( top 2 by x desc )"
   " | order by k asc, x desc",
   "x:long,k:long\n9,0\n6,0\n10,1\n7,1\n8,2\n5,2\n"},
  {"datatable(k:string, x:long)[\"a\",1,\"a\",5,\"b\",2,\"a\",3,\"b\",7] | partition by k ( top 2 by x asc )"
   " | order by k asc, x asc",
   "k:string,x:long\na,1\na,3\nb,2\nb,7\n"},
  /* partition keeps the input's serialization (the docs do not list it among the operators that end it) */
  {"range x from 1 to 6 step 1 | extend k = x % 2 | partition by k ( top 1 by x desc ) | extend r=row_number()"
   " | summarize n=max(r), s=sum(x)",
   "n:long,s:long\n2,11\n"},
  /* a sub-query other than top: one leg per key */
  {"datatable(k:string, v:long)[\"a\", 1, \"b\", 5, \"a\", 3] | partition by k ( summarize s=sum(v), n=count() )"
   " | order by s asc",
   "s:long,n:long\n4,2\n5,1\n"},
  /* the legacy form: its own source, the key through toscalar(Column) */
  {"range x from 1 to 4 step 1 | extend k = x % 2 | partition by k { print kk = toscalar(k) * 10 } | order by kk asc",
   "kk:long\n0\n10\n"},
  /* no rows: the sub-query's schema */
  {"datatable(k:string, v:long)[] | partition by k ( project v )", "v:long\n"},
  {"range x from 1 to 2 step 1 | partition by nope ( take 1 )", "error KQL103 @42+4: partition: unknown column 'nope'\n"},
};
Test(window, partition){ runCases(aPartition, N(aPartition)); }

static const WinCase aMisc[] = {
  /* project-by-names: a dynamic array; names that match nothing are ignored */
  {"datatable(Name:string, Age:int, City:string, Country:string) ['Peter', 39, 'New York', 'USA']"
   " | project-by-names dynamic([\"Name\", \"Country\"])",
   "Name:string,Country:string\nPeter,USA\n"},
  {"datatable(Name:string, Age:int, City:string, Country:string) ['Peter', 39, 'New York', 'USA']"
   " | project-by-names Country, C*, dynamic(['Nope', 'Age'])",
   "Country:string,City:string,Age:int\nUSA,New York,39\n"},
  {"let LookupTable = datatable(Name:string, Age:int, City:string, Country:string) ['Peter', 39, 'New York', 'USA'];"
   " let LookupColumns = (Source:(Name:string), lookup_columns: dynamic) { Source | lookup LookupTable on Name"
   " | project-by-names column_names_of(Source), lookup_columns };"
   " datatable(Name:string, Data:string) ['Peter', 'Source-data'] | invoke LookupColumns(dynamic(['Country', 'NonExistent']))",
   "Name:string,Data:string,Country:string\nPeter,Source-data,USA\n"},
  /* datetime(year, month, day) */
  {"print d=datetime(2025, 6, 14), e=endofweek(datetime(2025, 6, 15))",
   "d:datetime,e:datetime\n2025-06-14T00:00:00Z,2025-06-21T23:59:59.9999999Z\n"},
  /* a narrow no-break space (U+202F) in a datetime literal is a space */
  {"print startofday(datetime(2021-01-01\xe2\x80\xaf" "10:10:17))", "print_0:datetime\n2021-01-01T00:00:00Z\n"},
  /* pack_all(true) leaves out null and empty values; both see only extend's input */
  {"datatable(Source:string,Target:string,CharsCount:long)['555-1313','',42, '','555-3456',74]"
   " | extend Packed=pack_all(), PackedIgnoreNullEmpty=pack_all(true)",
   "Source:string,Target:string,CharsCount:long,Packed:dynamic,PackedIgnoreNullEmpty:dynamic\n"
   "555-1313,,42,{\"Source\":\"555-1313\",\"Target\":\"\",\"CharsCount\":42},{\"Source\":\"555-1313\",\"CharsCount\":42}\n"
   ",555-3456,74,{\"Source\":\"\",\"Target\":\"555-3456\",\"CharsCount\":74},{\"Target\":\"555-3456\",\"CharsCount\":74}\n"},
  {"datatable(Id:string, Size:int, Units:string)['A', 1, 'm'] | project Id, Values=bag_pack_columns(Size, Units)",
   "Id:string,Values:dynamic\nA,{\"Size\":1,\"Units\":\"m\"}\n"},
  {"print str = make_string(dynamic([75, 117, 115]), 116, 111)", "str:string\nKusto\n"},
  /* a random column keeps its value wherever it is read (the hunt corpus' Vogon poetry) */
  {"range x from 1 to 50 step 1 | extend r = rand(), g = new_guid() | extend a = r, b = r, h = g"
   " | summarize same = countif(a == b and tostring(g) == tostring(h))",
   "same:long\n50\n"},
};
Test(window, misc){ runCases(aMisc, N(aMisc)); }
