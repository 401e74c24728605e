/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of the fixes that make published hunts run with the columns
** Microsoft's binder gives (issue 7): catalogue columns whose names differ
** only in case (ISP and Isp, kept apart in SQL: catalog.h), union's rule for
** a name with several types (bind_union.c), union * and search over more
** columns than SQLite returns (narrowed to the columns later operators use,
** else "not supported"), and datetime literals with a Unicode space. The
** expected column names and types are the oracle's (../shared/tools/kql-oracle).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase FixCase;
#define runCases kqltestRunCases

/* A fresh temporary directory (the caller removes it with rmDir). */
static char *tempDir(void){
  static char zDir[64];
  snprintf(zDir, sizeof(zDir), "/tmp/kqlite-fix-XXXXXX");
  cr_assert_not_null(mkdtemp(zDir));
  return zDir;
}

static void writeFile(const char *zDir, const char *zName, const char *zText){
  char zPath[256];
  snprintf(zPath, sizeof(zPath), "%s/%s", zDir, zName);
  FILE *f = fopen(zPath, "w");
  cr_assert_not_null(f, "%s", zPath);
  fputs(zText, f);
  fclose(f);
}

static void rmDir(const char *zDir){
  char zCmd[300];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( system(zCmd) ){}
}

/* CloudAppEvents has both ISP and Isp; KQL tells them apart, so must SQL. */
Test(corpus_fixes, case_duplicate_catalogue_columns){
  char *zDir = tempDir();
  writeFile(zDir, "CloudAppEvents.csv", "ISP,Isp\nupper,lower\n");
  static const FixCase a[] = {
    {"CloudAppEvents | project ISP, Isp",
     "ISP:string,Isp:string\nupper,lower\n"},
    {"CloudAppEvents | project Isp, ISP, both = strcat(ISP, '/', Isp)",
     "Isp:string,ISP:string,both:string\nlower,upper,upper/lower\n"},
    {"CloudAppEvents | extend isp = 1 | project isp, Isp, ISP",
     "isp:long,Isp:string,ISP:string\n1,lower,upper\n"},
    {"CloudAppEvents | summarize count() by ISP, Isp",
     "ISP:string,Isp:string,count_:long\nupper,lower,1\n"},
    {"datatable(ISP:string, Isp:long) ['a', 2] | where Isp == 2 | project ISP",
     "ISP:string\na\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), zDir);
  rmDir(zDir);
}

/* A name with several types: when the second leg that has it repeats the
** first type, that type wins and later types are left out; otherwise each
** type gets name_type, kept together where the name first appears, and
** names are made unique in order (oracle). */
Test(corpus_fixes, union_name_with_several_types){
  static const FixCase a[] = {
    {"union (datatable(a:long)[1]), (datatable(a:long)[2]), (datatable(a:string)['x']) | count",
     "Count:long\n3\n"},
    {"union (datatable(a:long)[1]), (datatable(a:long)[2]), (datatable(a:string)['x']) | getschema "
     "| project ColumnName, ColumnType",
     "ColumnName:string,ColumnType:string\na,long\n"},
    {"union (datatable(a:long)[1]), (datatable(a:string)['x']), (datatable(a:long)[2]) "
     "| order by a_long asc nulls last",
     "a_long:long,a_string:string\n1,\n2,\nnull,x\n"},
    {"union (datatable(a:long, b:int)[1, 2]), (datatable(c:int, a:string)[3, 'x']) | getschema "
     "| project ColumnName",
     "ColumnName:string\na_long\na_string\nb\nc\n"},
    {"union (datatable(a:long, a_string:int)[1, 2]), (datatable(a:string)['x']), (datatable(a_string1:long)[3]) "
     "| getschema | project ColumnName",
     /* Kusto's engine (the union docs' example) keeps real columns' names and
     ** numbers the synthesized one; Microsoft's binder numbers in order */
     "ColumnName:string\na_long\na_string2\na_string\na_string1\n"},
    {"union (datatable(a_string:int, a:long)[1, 2]), (datatable(a:string)['x']) | getschema | project ColumnName",
     "ColumnName:string\na_string\na_long\na_string1\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}

/* datatable(cP_0:long, ..., cP_(n-1):long) with one row of 1s. */
static void wideTable(char *z, size_t nz, const char *zPre, int n){
  size_t k = (size_t)snprintf(z, nz, "(datatable(");
  for(int i=0; i<n; i++) k += (size_t)snprintf(z+k, nz-k, "%s%s%d:long", i ? "," : "", zPre, i);
  k += (size_t)snprintf(z+k, nz-k, ")[");
  for(int i=0; i<n; i++) k += (size_t)snprintf(z+k, nz-k, "%s1", i ? "," : "");
  snprintf(z+k, nz-k, "])");
}

/* SQLite returns at most 2000 columns: a wider union materialises only the
** columns the later operators use when one of them chooses its columns. */
Test(corpus_fixes, wide_union_narrowed){
  static char zA[40000], zB[40000], zQ[90000];
  wideTable(zA, sizeof(zA), "a", 1100);
  wideTable(zB, sizeof(zB), "b", 1100);
  static const char *azTail[] = {
    " | where a5 == 1 or b7 == 1 | summarize n = count() by a5 | order by a5 asc nulls last",
    " | extend x = coalesce(a1, b1) | distinct x",
    " | take 1",
    " | project-reorder b3",
  };
  static const char *azWant[] = {
    "a5:long,n:long\n1,1\nnull,1\n",
    "x:long\n1\n",
    0, 0,
  };
  for(int i=0; i<4; i++){
    int rc;
    snprintf(zQ, sizeof(zQ), "union withsource=T %s, %s%s", zA, zB, azTail[i]);
    char *z = kqltestRun(zQ, 0, &rc);
    if( azWant[i] ){
      cr_expect_str_eq(z, azWant[i], "case %d", i);
    }else{
      cr_expect(strstr(z, "not supported: a union or search result wider than 2000 columns")!=0,
                "case %d: %s", i, z);
      cr_expect(strncmp(z, "error KQL190 @0+", 16)==0, "case %d: %s", i, z);
    }
    free(z);
  }
}

/* search over tables with more than 2000 columns in all: each table is
** filtered on its own columns, then the later operators choose the columns. */
Test(corpus_fixes, wide_search_narrowed){
  char *zDir = tempDir();
  static char zText[20000];
  for(int t=0; t<3; t++){
    size_t k = 0;
    for(int i=0; i<700; i++) k += (size_t)snprintf(zText+k, sizeof(zText)-k, "%st%dc%d", i ? "," : "", t, i);
    k += (size_t)snprintf(zText+k, sizeof(zText)-k, "\n");
    for(int r=0; r<2; r++){
      for(int i=0; i<700; i++){
        k += (size_t)snprintf(zText+k, sizeof(zText)-k, "%s%s", i ? "," : "",
                              (t==1 && r==0 && i==650) || (t==2 && i==3) ? "needle" : "hay");
      }
      k += (size_t)snprintf(zText+k, sizeof(zText)-k, "\n");
    }
    char zName[32];
    snprintf(zName, sizeof(zName), "W%d.csv", t);
    writeFile(zDir, zName, zText);
  }
  static const FixCase a[] = {
    {"search in (W0, W1, W2) \"needle\" | summarize n = count() by $table | order by $table asc",
     "$table:string,n:long\nW1,1\nW2,2\n"},
    {"search in (W0, W1, W2) * | summarize n = count() by $table | order by $table asc",
     "$table:string,n:long\nW0,2\nW1,2\nW2,2\n"},
    {"search in (W0, W1, W2) \"needle\" | where t2c3 == 'needle' | count",
     "Count:long\n2\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), zDir);
  rmDir(zDir);
}

/* any() names its columns any_X, take_any() keeps X (oracle). */
Test(corpus_fixes, any_column_names){
  static const FixCase a[] = {
    {"datatable(a:long, b:string)[1, 'x'] | summarize any(a), take_any(b), any(a, b), take_any(a, b), "
     "anyif(a, b == 'x'), take_anyif(a, b == 'x')",
     "any_a:long,b:string,any_a1:long,any_b:string,a:long,b1:string,anyif_a:long,a1:long\n1,x,1,x,1,x,1,1\n"},
    {"datatable(a:long, b:string)[1, 'x'] | summarize any(*)",
     "any_a:long,any_b:string\n1,x\n"},
    {"datatable(a:long, b:string)[1, 'x'] | summarize take_any(*)",
     "a:long,b:string\n1,x\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}

/* join: a right column whose name is taken gets the first suffix free
** among both sides' names (oracle). */
Test(corpus_fixes, join_column_suffixes){
  static const FixCase a[] = {
    {"datatable(a:long)[1] | join (datatable(a:long, a1:long)[1, 2]) on a",
     "a:long,a2:long,a1:long\n1,1,2\n"},
    {"datatable(a:long, b:long)[1, 2] | join (datatable(a:long, b:long, b1:long)[1, 2, 3]) on a",
     "a:long,b:long,a1:long,b2:long,b1:long\n1,2,1,2,3\n"},
    {"datatable(a:long)[1] | join (datatable(a1:long, a:long)[2, 1]) on a",
     "a:long,a1:long,a2:long\n1,2,1\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}

/* summarize f(*) by k leaves a column out of * only when k is a plain
** reference to it (oracle). */
Test(corpus_fixes, star_aggregate_by_keys){
  static const FixCase a[] = {
    {"datatable(a:long, b:string)[1, 'x'] | summarize arg_min(a, *) by b",
     "b:string,a:long\nx,1\n"},
    {"datatable(a:long, b:string)[1, 'x'] | summarize arg_min(a, *) by b = toupper(b)",
     "b:string,a:long,b1:string\nX,1,x\n"},
    {"datatable(a:long, b:string)[1, 'x'] | summarize arg_min(b, *) by c = a",
     "c:long,b:string\n1,x\n"},
    {"datatable(a:long, b:string)[1, 'x'] | summarize take_any(*) by bin(a, 1)",
     "a:long,a1:long,b:string\n1,1,x\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}

/* A long or/and chain (hunts list hundreds of terms) is written flat in
** SQL: nested parentheses overflow SQLite's parser stack. */
Test(corpus_fixes, long_or_chain){
  static char zQ[20000];
  size_t k = (size_t)snprintf(zQ, sizeof(zQ), "range x from 1 to 500 step 1 | where x == -1");
  for(int i=0; i<300; i++) k += (size_t)snprintf(zQ+k, sizeof(zQ)-k, " or x == %d", 2*i+1);
  k += (size_t)snprintf(zQ+k, sizeof(zQ)-k, " | where x > 0");
  for(int i=0; i<300; i++) k += (size_t)snprintf(zQ+k, sizeof(zQ)-k, " and x != %d", 4*i+3);
  snprintf(zQ+k, sizeof(zQ)-k, " | count");
  int rc;
  char *z = kqltestRun(zQ, 0, &rc);
  /* odd x in 1..500 (250), less those 3 mod 4 (125) */
  cr_expect_str_eq(z, "Count:long\n125\n");
  free(z);
}

/* .NET date parsing takes Unicode space separators (U+202F, U+00A0) as blanks. */
Test(corpus_fixes, datetime_unicode_space){
  static const FixCase a[] = {
    {"print startofday(datetime(2021-01-01\xe2\x80\xaf" "10:10:17))",
     "print_0:datetime\n2021-01-01T00:00:00Z\n"},
    {"print todatetime('2021-01-01\xc2\xa0" "10:10:17')",
     "print_0:datetime\n2021-01-01T10:10:17Z\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}
