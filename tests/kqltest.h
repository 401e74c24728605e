/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Test helper: run a KQL query through the public API (kql.h) and get the
** whole outcome as one string, so a test compares it with the expected text:
**   "a:long,b:string\n1,x\n2,y\n"      (header with KQL types, rows as kql_result_text)
**   "error KQL103 @12+3: unknown column 'Foo'\n"   (each diagnostic, offset+length)
** Several result tables are separated by "--\n". Cells are joined with ','.
*/
#ifndef KQL_KQLTEST_H
#define KQL_KQLTEST_H
#include <stddef.h>

/* Run zQuery (tables from zDataDir when not NULL; now() pinned to
** 2026-06-10T00:00:00Z). Returns a malloc'ed string; *pRc gets kql_run's code. */
char *kqltestRun(const char *zQuery, const char *zDataDir, int *pRc);

/* A table-driven case: a query and the whole outcome kqltestRun must give. */
typedef struct KqlTestCase KqlTestCase;
struct KqlTestCase {
  const char *zQuery;
  const char *zExpect;
};

/* Run each of the n cases of a (tables from zDataDir when not NULL) and
** expect its outcome (a non-fatal Criterion check per case). */
void kqltestRunCases(const KqlTestCase *a, size_t n, const char *zDataDir);

/* 1 when zGot and zWant agree: numbers within 1e-9 relative (or 1e-12
** absolute), other characters equal, white space ignored (geometry output,
** whose last digits depend on the order of floating-point operations). */
int kqltestSameNumbers(const char *zGot, const char *zWant);

#endif
