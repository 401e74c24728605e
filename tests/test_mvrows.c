/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** mv-expand through its table-valued function kql_mv_rows
** (interp/fn_mvrows.c): parallel expansion padded with nulls, bags as
** {"k":v} or ["k",v], scalars and nulls as one row, empty arrays dropping
** the row, JSON nulls, limit, with_itemindex, typed elements, and more than
** eight items (the json_each fallback) giving the same rows.
*/
#include <criterion/criterion.h>
#include "kqltest.h"

#define N(A) (sizeof(A)/sizeof(A[0]))

static const KqlTestCase aMv[] = {
  {"print a=dynamic([1,2,3]), b=dynamic({\"x\":1,\"y\":\"z\"}) | mv-expand with_itemindex=i a, b",
   "a:dynamic,b:dynamic,i:long\n1,{\"x\":1},0\n2,{\"y\":\"z\"},1\n3,null,2\n"},
  {"print b=dynamic({\"x\":1,\"y\":\"z\"}) | mv-expand kind=array b",
   "b:dynamic\n[\"x\",1]\n[\"y\",\"z\"]\n"},
  {"datatable(k:long, a:dynamic)[1, dynamic([]), 2, dynamic(null), 3, dynamic(7), 4, dynamic([null, \"s\"])]"
   " | mv-expand a | order by k asc",
   "k:long,a:dynamic\n2,null\n3,7\n4,null\n4,\"s\"\n"},
  {"print a=dynamic([10,20,30,40]) | mv-expand a limit 2", "a:dynamic\n10\n20\n"},
  {"print a=dynamic([10,20,30,40]) | mv-expand a limit 0 | count", "Count:long\n0\n"},
  {"print a=dynamic([\"1\", 2, \"x\", 3.5]) | mv-expand a to typeof(long)", "a:long\nnull\n2\nnull\n3\n"},
  {"print a=dynamic([\"2024-01-01\", \"bad\"]) | mv-expand a to typeof(datetime)",
   "a:datetime\n2024-01-01T00:00:00Z\nnull\n"},
  {"print s=\"[1,2\" | extend d=todynamic(s) | mv-expand d | project d", "d:dynamic\n\"[1,2\"\n"},
  /* nine items: the json_each path, same rows */
  {"print a1=dynamic([1,2]), a2=dynamic([3]), a3=dynamic([]), a4=dynamic([4,5,6]), a5=dynamic(null),"
   " a6=dynamic([7]), a7=dynamic([8]), a8=dynamic([9]), a9=dynamic([0,1])"
   " | mv-expand a1, a2, a3, a4, a5, a6, a7, a8, a9 | summarize c=count(), s=sum(toint(a4)), n=countif(isnull(a2))",
   "c:long,s:long,n:long\n3,15,2\n"},
  {"print a1=dynamic([1,2]), a2=dynamic([3]), a3=dynamic([]), a4=dynamic([4,5,6]), a5=dynamic(null),"
   " a6=dynamic([7]), a7=dynamic([8]), a8=dynamic([9])"
   " | mv-expand a1, a2, a3, a4, a5, a6, a7, a8 | summarize c=count(), s=sum(toint(a4)), n=countif(isnull(a2))",
   "c:long,s:long,n:long\n3,15,2\n"},
};
Test(mvrows, cases){ kqltestRunCases(aMv, N(aMv), 0); }
