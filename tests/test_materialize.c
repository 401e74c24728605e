/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** materialize() in a batch (q1; q2; ...): the let's rows are computed once
** (bind.c materializeBatch: a temp table made while binding) and every
** statement sees the same rows, random values included; the engine drops
** the temp table after the query, also after an error, so the next query on
** the same engine starts clean. Single statements keep the MATERIALIZED CTE.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

#define BATCH "let m = materialize(range x from 1 to 50 step 1 | extend r = rand());\n" \
              "m | summarize s = sum(r);\n" \
              "m | summarize s = sum(r);\n" \
              "m | where x > 45 | count"

Test(materialize, batch_sees_one_value){
  int rc;
  char *z = kqltestRun(BATCH, 0, &rc);
  cr_assert_eq(rc, KQL_OK, "%s", z);
  /* s:real\nV1\n--\ns:real\nV2\n--\nCount:long\n5\n */
  char *p1 = strstr(z, "s:real\n");
  cr_assert_not_null(p1, "%s", z);
  char *p2 = strstr(p1 + 1, "s:real\n");
  cr_assert_not_null(p2, "%s", z);
  char *e1 = strchr(p1 + 7, '\n'), *e2 = strchr(p2 + 7, '\n');
  cr_assert(e1 && e2);
  cr_expect_eq(e1 - (p1 + 7), e2 - (p2 + 7), "%s", z);
  cr_expect(strncmp(p1 + 7, p2 + 7, (size_t)(e1 - (p1 + 7)))==0, "two statements saw two draws:\n%s", z);
  cr_expect_not_null(strstr(z, "Count:long\n5\n"), "%s", z);
  free(z);
}

/* The docs' materialize example: three results from one random set. */
Test(materialize, docs_three_results){
  int rc;
  char *z = kqltestRun("let randomSet = materialize(range x from 1 to 30000 step 1 | project value = rand(10000000));\n"
                       "randomSet | summarize Dcount=dcount(value);\n"
                       "randomSet | top 3 by value;\n"
                       "randomSet | summarize Sum=sum(value)", 0, &rc);
  cr_assert_eq(rc, KQL_OK, "%s", z);
  cr_expect_not_null(strstr(z, "Dcount:long\n"), "%s", z);
  cr_expect_not_null(strstr(z, "--\nvalue:real\n"), "%s", z);
  cr_expect_not_null(strstr(z, "--\nSum:real\n"), "%s", z);
  free(z);
}

static int drain(void *pArg, KqlResult *r){
  (void)pArg;
  while( kql_result_step(r)==KQL_ROW ){}
  return 0;
}

static int runOn(KqlEngine *pEng, const char *zQuery){
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  KqlSource src = { "<query>", zQuery, (int)strlen(zQuery), 0, 0 };
  int rc = kql_run(pEng, &src, &diags, drain, 0);
  kqlArenaFree(pArena);
  return rc;
}

/* One engine, several batches (the REPL): the temp tables do not pile up or clash. */
Test(materialize, engine_reuse){
  KqlEngine *pEng = 0;
  cr_assert_eq(kql_open(&pEng), KQL_OK);
  cr_expect_eq(runOn(pEng, BATCH), KQL_OK);
  cr_expect_eq(runOn(pEng, BATCH), KQL_OK);
  /* an error in a later statement still drops the table */
  cr_expect_eq(runOn(pEng, "let m = materialize(range x from 1 to 3 step 1); m | count; m | where nosuch > 1"), KQL_ERROR);
  cr_expect_eq(runOn(pEng, BATCH), KQL_OK);
  /* a single statement: no temp table at all */
  cr_expect_eq(runOn(pEng, "let m = materialize(range x from 1 to 3 step 1); m | join kind=inner m on x | count"), KQL_OK);
  kql_close(pEng);
}
