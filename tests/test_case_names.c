/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Column names that differ only in letter case. KQL names are
** case-sensitive, SQLite's are not: catalogue names spelled differently in
** two tables (DestinationIP / DestinationIp, RemoteIP / RemoteIp) and the
** numbered names join and union make from them (LogonId1 / LogonID1) get a
** case suffix in SQL, so they stay apart after a union or join; names the
** query makes (extend timestamp = Timestamp) get their own SQL spelling
** (bind_names.c); a pair the query text does not show is refused with "not
** supported" when read by a later operator (never read as the wrong column).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "kqltest.h"

#define N(A) (sizeof(A)/sizeof(A[0]))

static const KqlTestCase aCases[] = {
  {"datatable(DestinationIP:string)[\"a\"] | union (datatable(DestinationIp:string)[\"b\"])"
   " | where isnotempty(DestinationIp) | project DestinationIP, DestinationIp",
   "DestinationIP:string,DestinationIp:string\n,b\n"},
  {"datatable(k:long, LogonId:string)[1, \"x\"] | join kind=inner (datatable(k:long, LogonID:string)[1, \"y\"]) on k"
   " | join kind=inner (datatable(k:long, LogonId:string)[1, \"z\"]) on k"
   " | project LogonId, LogonID, LogonId1 | extend c = strcat(LogonId, LogonID, LogonId1)",
   "LogonId:string,LogonID:string,LogonId1:string,c:string\nx,y,z,xyz\n"},
  {"datatable(Timestamp:long)[1, 2] | extend timestamp = Timestamp * 10 | where timestamp > 5 | project timestamp, Timestamp",
   "timestamp:long,Timestamp:long\n10,1\n20,2\n"},
  {"print a=1 | extend A=2, AA=3 | summarize x=sum(a), X=sum(A) by AA", "AA:long,x:long,X:long\n3,1,2\n"},
  {"datatable(Timestamp:long)[1] | extend timestamp = 5 | where timestamp > 1", "Timestamp:long,timestamp:long\n1,5\n"},
  /* a pair the query does not show (a data file's name) is still refused when read */
  {"datatable(k:long)[1] | extend x = bag_pack('Ab', 1, 'ab', 2) | evaluate bag_unpack(x) | where Ab == 1",
   "error KQL190 @88+13: not supported: columns whose names differ only in letter case ('Ab' and 'ab')\n"},
  {"datatable(Timestamp:long)[1, 2] | extend timestamp = Timestamp * 10",
   "Timestamp:long,timestamp:long\n1,10\n2,20\n"},
};
Test(case_names, cases){ kqltestRunCases(aCases, N(aCases), 0); }

/* Hostile names: a header that looks like a suffixed name ("a#q1") stays
** apart from the query-made 'a' (SQL "a#q1" after its suffix) because every
** '#' in a name is doubled in SQL. */
Test(case_names, hash_in_names){
  char zDir[] = "/tmp/kqlite-case-XXXXXX";
  char zFile[64];
  FILE *f;
  cr_assert_not_null(mkdtemp(zDir));
  snprintf(zFile, sizeof(zFile), "%s/H.csv", zDir);
  f = fopen(zFile, "w");
  cr_assert_not_null(f);
  fputs("a#q1,A,x#1\n1,2,3\n", f);
  fclose(f);
  static const KqlTestCase a[] = {
    {"H | extend a = 5 | project a, A, ['a#q1'], ['x#1']", "a:long,A:long,a#q1:long,x#1:long\n5,2,1,3\n"},
    {"H | extend a = 5 | summarize s1=sum(a), s2=sum(A), s3=sum(['a#q1'])", "s1:long,s2:long,s3:long\n5,2,1\n"},
  };
  kqltestRunCases(a, N(a), zDir);
  remove(zFile);
  rmdir(zDir);
}
