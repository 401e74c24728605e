/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** NaN reals end to end. SQLite turns a NaN into NULL, so kqlite carries a
** NaN as the text "NaN" in a real slot (interp/fnutil.h kqlFnReal): these
** tests check that it prints as NaN, that isnan/isinf/isfinite see it, that
** arithmetic keeps it NaN, that comparisons with it are false (!= true),
** that it is not null, and that aggregates and the functions whose docs
** return NaN do so. Docs examples: isnan, isinf, isfinite, beta_cdf,
** beta_pdf reference pages.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "kqltest.h"

#define N(A) (sizeof(A)/sizeof(A[0]))

static const KqlTestCase aDocs[] = {
  /* isnan() page */
  {"range x from -1 to 1 step 1\n| extend y = (-1*x)\n| extend div = 1.0*x/y\n| extend isnan=isnan(div)",
   "x:long,y:long,div:real,isnan:bool\n-1,1,-1,false\n0,0,NaN,true\n1,-1,-1,false\n"},
  /* isinf() page */
  {"range x from -1 to 1 step 1\n| extend y = 0.0\n| extend div = 1.0*x/y\n| extend isinf=isinf(div)",
   "x:long,y:real,div:real,isinf:bool\n-1,0,-Infinity,true\n0,0,NaN,false\n1,0,Infinity,true\n"},
  /* isfinite() page */
  {"range x from -1 to 1 step 1\n| extend y = 0.0\n| extend div = 1.0*x/y\n| extend isfinite=isfinite(div)",
   "x:long,y:real,div:real,isfinite:bool\n-1,0,-Infinity,false\n0,0,NaN,false\n1,0,Infinity,false\n"},
  /* beta_pdf() page: out-of-domain arguments yield NaN */
  {"datatable(x:double, alpha:double, beta:double, comment:string)\n[\n"
   "0.5, 10.0, 20.0, \"Valid input\",\n1.5, 10.0, 20.0, \"x > 1, yields NaN\",\n"
   "double(-10), 10.0, 20.0, \"x < 0, yields NaN\",\n0.1, double(-1.0), 20.0, \"alpha is < 0, yields NaN\"\n]\n"
   "| extend r = round(beta_pdf(x, alpha, beta), 12)",
   "x:real,alpha:real,beta:real,comment:string,r:real\n"
   "0.5,10,20,Valid input,0.746176019311\n1.5,10,20,x > 1, yields NaN,NaN\n"
   "-10,10,20,x < 0, yields NaN,NaN\n0.1,-1,20,alpha is < 0, yields NaN,NaN\n"},
};
Test(nan, docs){ kqltestRunCases(aDocs, N(aDocs), 0); }

static const KqlTestCase aSemantics[] = {
  /* literals and conversions */
  {"print a=real(nan), b=isnan(real(nan)), c=todouble(\"NaN\"), d=tostring(0.0/0), e=strcat(\"x\", 0.0/0)",
   "a:real,b:bool,c:real,d:string,e:string\nNaN,true,NaN,NaN,xNaN\n"},
  /* NaN is a value, not null */
  {"print a=isnull(0.0/0), b=isnotnull(0.0/0), c=coalesce(0.0/0, 1.0), d=isnan(real(null))",
   "a:bool,b:bool,c:real,d:bool\nfalse,true,NaN,false\n"},
  /* arithmetic keeps NaN */
  {"print a=(0.0/0) + 1, b=2 * (0.0/0), c=1.0 - real(nan), d=-(0.0/0), e=(0.0/0) % 2.0, f=(0.0/0) / 2",
   "a:real,b:real,c:real,d:real,e:real,f:real\nNaN,NaN,NaN,NaN,NaN,NaN\n"},
  /* ordinary real arithmetic is unchanged */
  {"print a=1.5 + 2, b=3 * 0.5, c=10.0 - 0.25, d=-(2.5), e=7.0 / 2",
   "a:real,b:real,c:real,d:real,e:real\n3.5,1.5,9.75,-2.5,3.5\n"},
  /* comparisons with NaN are false, != is true */
  {"range x from 1 to 3 step 1 | extend y = 0.0/0 | where y > 1 or y < 1 or y == 1 | count",
   "Count:long\n0\n"},
  {"range x from 1 to 3 step 1 | extend y = 0.0/0 | where y != 1.5 | count",
   "Count:long\n3\n"},
  {"range x from 1 to 3 step 1 | extend y = iff(x == 2, 0.0/0, todouble(x)) | where y >= 1 | summarize make_list(x)",
   "list_x:dynamic\n[1,3]\n"},
  /* aggregates: a NaN input makes sum/avg NaN; avg of no rows is NaN */
  {"range x from 1 to 3 step 1 | extend y = iff(x == 2, 0.0/0, todouble(x)) | summarize s=sum(y), a=avg(y), c=count()",
   "s:real,a:real,c:long\nNaN,NaN,3\n"},
  {"range x from 1 to 3 step 1 | where x > 5 | summarize a=avg(x)",
   "a:real\nNaN\n"},
  /* dynamic values hold NaN as the JSON string "NaN" (Kusto's serialization) */
  {"print d=pack_array(0.0/0, 1.5)",
   "d:dynamic\n[\"NaN\",1.5]\n"},
  /* math functions: NaN in, NaN out; a NaN from ordinary input stays null (docs) */
  {"print a=round(0.0/0, 2), b=exp(real(nan)), c=pow(real(nan), 2), d=sqrt(-1.0)",
   "a:real,b:real,c:real,d:real\nNaN,NaN,NaN,null\n"},
  /* bin() of NaN has no bin */
  {"print b=bin(0.0/0, 1.0)",
   "b:real\nnull\n"},
};
Test(nan, semantics){ kqltestRunCases(aSemantics, N(aSemantics), 0); }

/* A "NaN" cell of a real column loads as NaN (not null), streamed or not. */
Test(nan, loaded){
  char zDir[] = "/tmp/kqlite-nan-XXXXXX";
  char zFile[64];
  FILE *f;
  cr_assert_not_null(mkdtemp(zDir));
  snprintf(zFile, sizeof(zFile), "%s/AADGraphActivityLogs.csv", zDir);
  f = fopen(zFile, "w");
  cr_assert_not_null(f);
  fputs("TimeGenerated,_BilledSize\n2024-01-01T00:00:00Z,NaN\n2024-01-01T00:00:00Z,2.5\n"
        "2024-01-01T00:00:00Z,\n", f);
  fclose(f);
  static const KqlTestCase a[] = {
    {"AADGraphActivityLogs | project b=_BilledSize, n=isnan(_BilledSize), z=isnull(_BilledSize), c=_BilledSize + 1",
     "b:real,n:bool,z:bool,c:real\nNaN,true,false,NaN\n2.5,false,false,3.5\nnull,false,true,null\n"},
    {"AADGraphActivityLogs | where _BilledSize > 1 | count", "Count:long\n1\n"},
  };
  kqltestRunCases(a, N(a), zDir);
  remove(zFile);
  rmdir(zDir);
}
