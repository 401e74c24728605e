/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The range operator through its table-valued function kql_range_rows
** (interp/fn_range_rows.c): inclusive ends, counting down, real steps by
** repeated addition, datetime/timespan steps, a zero step, a null bound, and
** a count that would overflow a long stopping at the last value that fits.
*/
#include <criterion/criterion.h>
#include "kqltest.h"

#define N(A) (sizeof(A)/sizeof(A[0]))

static const KqlTestCase aRange[] = {
  {"range x from 1 to 5 step 2", "x:long\n1\n3\n5\n"},
  {"range x from 5 to 1 step -2", "x:long\n5\n3\n1\n"},
  {"range x from 1 to 0 step 1 | count", "Count:long\n0\n"},
  {"range x from 0.0 to 0.3 step 0.1", "x:real\n0\n0.1\n0.2\n"},   /* 0.1+0.1+0.1 > 0.3 */
  {"range t from datetime(2024-01-01) to datetime(2024-01-02) step 12h",
   "t:datetime\n2024-01-01T00:00:00Z\n2024-01-01T12:00:00Z\n2024-01-02T00:00:00Z\n"},
  {"range s from 0s to 2s step 1s", "s:timespan\n00:00:00\n00:00:01\n00:00:02\n"},
  {"range x from 3 to 9 step 0", "x:long\n3\n"},
  {"range x from 1 to long(null) step 1 | count", "Count:long\n0\n"},
  {"range x from 9223372036854775800 to 9223372036854775807 step 5",
   "x:long\n9223372036854775800\n9223372036854775805\n"},
  {"range x from 1 to 1000000 step 1 | summarize c=count(), s=sum(x)", "c:long,s:long\n1000000,500000500000\n"},
  /* range as a join side and twice in one query */
  {"range a from 1 to 3 step 1 | join kind=inner (range a from 2 to 4 step 1) on a | project a",
   "a:long\n2\n3\n"},
};
Test(range_rows, cases){ kqltestRunCases(aRange, N(aRange), 0); }
