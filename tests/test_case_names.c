/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Column names that differ only in letter case. KQL names are
** case-sensitive, SQLite's are not: catalogue names spelled differently in
** two tables (DestinationIP / DestinationIp, RemoteIP / RemoteIp) and the
** numbered names join and union make from them (LogonId1 / LogonID1) get a
** case suffix in SQL, so they stay apart after a union or join; other such
** pairs made by the query fail with "not supported" when read by a later
** operator (never silently read as the wrong column).
*/
#include <criterion/criterion.h>
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
  {"datatable(Timestamp:long)[1, 2] | extend timestamp = Timestamp * 10 | where timestamp > 5",
   "error KQL190 @70+19: not supported: columns whose names differ only in letter case ('Timestamp' and 'timestamp')\n"},
  {"datatable(Timestamp:long)[1, 2] | extend timestamp = Timestamp * 10",
   "Timestamp:long,timestamp:long\n1,10\n2,20\n"},
};
Test(case_names, cases){ kqltestRunCases(aCases, N(aCases), 0); }
