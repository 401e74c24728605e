/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of the long tail of issue 7 (published hunts that failed): the
** Windows event shapes of kqlite gen (Event's Sysmon and System events,
** EventData XML per event as Windows documents its fields), chains of
** extends that reference the previous item twice (extend arr = iff(c,
** f(arr), arr): materialised instead of inlined 2^n times), real with
** decimal arithmetic (decimal), jaccard_index's type (dynamic), find's
** default output (common columns, the predicate's columns, pack_) and
** mv-apply keeping the input column an item is aliased from. Expected
** column names and types are the oracle's (../shared/tools/kql-oracle).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "catalog.h"
#include "gen.h"
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase TailCase;
#define runCases kqltestRunCases

static char *tempDir(void){
  static char zDir[64];
  snprintf(zDir, sizeof(zDir), "/tmp/kqlite-tail-XXXXXX");
  cr_assert_not_null(mkdtemp(zDir));
  return zDir;
}

static void rmDir(const char *zDir){
  char zCmd[300];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( system(zCmd) ){}
}

/* Generate nRow rows of zTable (seed 3) into zDir/zTable.csv. */
static void gen(const char *zDir, const char *zTable, int nRow){
  const KqlTableDef *pDef = kqlCatalogFind(zTable, -1);
  cr_assert_not_null(pDef, "%s", zTable);
  KqlGenOpts o;
  kqlGenOptsInit(&o);
  o.nRow = nRow;
  o.iSeed = 3;
  char zPath[256];
  snprintf(zPath, sizeof(zPath), "%s/%s.csv", zDir, zTable);
  FILE *f = fopen(zPath, "wb");
  cr_assert_not_null(f, "%s", zPath);
  char *zErr = 0;
  int rc = kqlGenTable(pDef, &o, f, 0, &zErr);
  fclose(f);
  cr_assert_eq(rc, 0, "kqlGenTable(%s): %s", zTable, zErr ? zErr : "");
}

/* Event rows are Sysmon or Service Control Manager events whose columns
** agree; EventData is the agent's DataItem around the event's fields
** (Sysmon event 1 has 23). */
Test(corpus_tail, gen_event_table_shapes){
  char *zDir = tempDir();
  gen(zDir, "Event", 300);
  static const TailCase a[] = {
    {"Event | summarize bad = countif(not((Source == 'Microsoft-Windows-Sysmon' "
     "and EventLog == 'Microsoft-Windows-Sysmon/Operational' and EventID < 100) "
     "or (Source == 'Service Control Manager' and EventLog == 'System' and EventID > 7000))), "
     "sysmon1 = countif(EventID == 1) > 50",
     "bad:long,sysmon1:bool\n0,true\n"},
    {"Event | where EventID == 1 | extend d = parse_xml(EventData).DataItem.EventData.Data "
     "| mv-expand d | summarize names = dcount(tostring(d['@Name']))",
     "names:long\n23\n"},
    {"Event | where EventID == 1 | take 1 | extend d = parse_xml(EventData).DataItem.EventData.Data "
     "| mv-expand d | project n = tostring(d['@Name']) | where n contains 'Image' | order by n asc",
     "n:string\nImage\nParentImage\n"},
    {"Event | where EventID == 13 | extend d = parse_xml(EventData).DataItem.EventData.Data "
     "| mv-expand bagexpansion=array d | evaluate bag_unpack(d) "
     "| extend Key = tostring(['@Name']), Value = tostring(['#text']) "
     "| evaluate pivot(Key, any(Value), TimeGenerated) | summarize n = count(), "
     "nset = countif(EventType == 'SetValue' and TargetObject startswith 'HK' and isnotempty(Image)) "
     "| project ok = n == nset and n > 0",
     "ok:bool\ntrue\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), zDir);
  rmDir(zDir);
}

/* SecurityEvent's EventData names the fields of the row's event and agrees
** with the row's columns. */
Test(corpus_tail, gen_security_event_data){
  char *zDir = tempDir();
  gen(zDir, "SecurityEvent", 300);
  static const TailCase a[] = {
    {"SecurityEvent | where isnotempty(EventData) | extend d = parse_xml(EventData).EventData.Data "
     "| mv-expand d | extend k = tostring(d['@Name']), v = tostring(d['#text']) "
     "| where (k == 'TargetUserName' and isnotempty(TargetUserName) and v != TargetUserName) "
     "or (k == 'SubjectUserName' and isnotempty(SubjectUserName) and v != SubjectUserName) | count",
     "Count:long\n0\n"},
    {"SecurityEvent | where EventID == 4656 and isnotempty(EventData) "
     "| extend d = parse_xml(EventData).EventData.Data | mv-expand bagexpansion=array d "
     "| evaluate bag_unpack(d) | extend Key = tostring(['@Name']), Value = tostring(['#text']) "
     "| evaluate pivot(Key, any(Value), TimeGenerated) | project-away TimeGenerated "
     "| getschema | project ColumnName",
     "ColumnName:string\nAccessList\nAccessMask\nHandleId\nObjectName\nObjectServer\nObjectType\n"
     "ProcessId\nProcessName\nSubjectDomainName\nSubjectLogonId\nSubjectUserName\nSubjectUserSid\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), zDir);
  rmDir(zDir);
}

/* 24 chained extends, each reading the previous value twice: inlined, the
** last expression would hold 2^24 copies of the first. */
Test(corpus_tail, extend_chain_reading_twice){
  static char zQ[8000];
  size_t k = (size_t)snprintf(zQ, sizeof(zQ),
      "range x from 1 to 200 step 1 | extend pak = tostring(x) | extend arr = dynamic([])");
  for(int i=0; i<24; i++){
    k += (size_t)snprintf(zQ+k, sizeof(zQ)-k,
        " | extend arr = iff(pak contains '%d', array_concat(arr, pack_array('m%d')), arr)", i%10, i);
  }
  snprintf(zQ+k, sizeof(zQ)-k, " | summarize n = sum(array_length(arr))");
  time_t t0 = time(0);
  int rc;
  char *z = kqltestRun(zQ, 0, &rc);
  /* each digit d appears in how many of 1..200, times the items testing d */
  cr_expect_str_eq(z, "n:long\n1131\n", "got %s", z);
  cr_expect_lt(time(0) - t0, 10, "the chain took %lds", (long)(time(0) - t0));
  free(z);
}

static const TailCase aTypes[] = {
  /* real with decimal is decimal (oracle) */
  {"print a = 0.5 * todecimal(2), b = todecimal(1) - 0.25, c = 2 * todecimal(3) | getschema | project ColumnType",
   "ColumnType:string\ndecimal\ndecimal\ndecimal\n"},
  {"print a = 0.5 * todecimal(2), b = todecimal(1) - 0.25",
   "a:decimal,b:decimal\n1,0.75\n"},
  /* jaccard_index: dynamic holding the index (docs example: 0.75) */
  {"print set1 = dynamic([1,2,3]), set2 = dynamic([1,2,3,4]) | extend jaccard = jaccard_index(set1, set2) "
   "| project jaccard, t = gettype(jaccard), b = jaccard between (0.5 .. 0.9)",
   "jaccard:dynamic,t:string,b:bool\n0.75,real,true\n"},
};
Test(corpus_tail, arithmetic_and_function_types){
  runCases(aTypes, sizeof(aTypes)/sizeof(aTypes[0]), 0);
}

/* find without project: the source, the columns of every table searched,
** the predicate's other columns, pack_ with the rest (oracle's columns). */
Test(corpus_tail, find_default_output){
  static const TailCase a[] = {
    {"let A = datatable(a:string, b:long)['x', 1]; let B = datatable(a:string, c:real)['y', 2.5]; "
     "find in (A, B) where a != 'q' | order by source_ asc",
     "source_:string,a:string,pack_:dynamic\nA,x,{\"b\":1}\nB,y,{\"c\":2.5}\n"},
    /* B has no column the predicate names: it is not searched */
    {"let A = datatable(a:string, b:long)['x', 1]; let B = datatable(a:string, c:real)['y', 2.5]; "
     "find in (A, B) where b == 1",
     "source_:string,a:string,b:long\nA,x,1\n"},
    {"let A = datatable(a:string, b:long)['x', 1]; let B = datatable(a:string, c:real)['y', 2.5]; "
     "find in (A, B) where b == 1 or c == 2.5 | order by source_ asc",
     "source_:string,a:string,b:long,c:real\nA,x,1,null\nB,y,null,2.5\n"},
    /* empty values are left out of pack_ */
    {"let A = datatable(a:string, b:string)['x', '']; let B = datatable(a:string, c:real)['y', 2.5]; "
     "find in (A, B) where a == 'x'",
     "source_:string,a:string,pack_:dynamic\nA,x,{}\n"},
    {"let A = datatable(a:string, b:long)['x', 1]; find in (A) where b == 1",
     "source_:string,a:string,b:long\nA,x,1\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}

/* mv-apply name = expr keeps the input column (oracle's columns). */
Test(corpus_tail, mv_apply_alias_keeps_input){
  static const TailCase a[] = {
    {"print k = 1, arr = dynamic([1,2,3]) | mv-apply arr = arr on (summarize s = sum(toint(arr)))",
     "k:long,arr:dynamic,s:long\n1,[1,2,3],6\n"},
    {"print k = 1, arr = dynamic([1,2,3]) | mv-apply arr on (summarize s = sum(toint(arr)))",
     "k:long,s:long\n1,6\n"},
    {"print k = 1, arr = dynamic([1,2,3]) | mv-apply arr = arr to typeof(long) on (top 1 by arr)",
     "k:long,arr:long\n1,3\n"},
  };
  runCases(a, sizeof(a)/sizeof(a[0]), 0);
}
