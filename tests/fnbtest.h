/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Helpers for the tests of the datetime, dynamic, aggregate, math and
** network SQL functions (test_fn_datetime.c, test_fn_dynamic.c,
** test_fn_agg.c, test_fn_math.c, test_fn_net.c): open an in-memory database
** with every KQL function registered, run SQL and get the first result cell
** as text, plus test-only SQL functions that turn KQL literals into storage
** form and back so the cases read like the docs:
**   t_d('2017-01-01 10:00')  datetime text -> ticks (kqlValParseDatetime)
**   t_ts('1d')               timespan text -> ticks (kqlValParseTimespan)
**   t_dt(ticks)              ticks -> "2017-01-01T10:00:00Z" (kqlValFormatDatetime)
**   t_tsf(ticks)             ticks -> "1.00:00:00" (kqlValFormatTimespan)
** A case table pairs SQL with the expected cell text: NULL reads "<null>",
** an error reads "ERROR: <message>", a real is printed with %.15g.
** Header-only: each test file includes it once.
*/
#ifndef KQL_FNBTEST_H
#define KQL_FNBTEST_H
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include "fn.h"
#include "value.h"

typedef struct FnbCase FnbCase;
struct FnbCase {
  const char *zSql;       /* SQL; the first cell of the first row is checked */
  const char *zExpect;    /* expected text of the cell */
};

static inline void fnbDt(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  char zBuf[48];
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  kqlValFormatDatetime(sqlite3_value_int64(argv[0]), zBuf);
  sqlite3_result_text(ctx, zBuf, -1, SQLITE_TRANSIENT);
}
static inline void fnbTsf(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  char zBuf[48];
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  kqlValFormatTimespan(sqlite3_value_int64(argv[0]), zBuf);
  sqlite3_result_text(ctx, zBuf, -1, SQLITE_TRANSIENT);
}
static inline void fnbParse(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t t;
  const char *z = (const char*)sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  int rc;
  (void)argc;
  if( z==0 ) return;
  rc = sqlite3_user_data(ctx) ? kqlValParseTimespan(z, n, &t) : kqlValParseDatetime(z, n, &t);
  if( rc==0 ) sqlite3_result_int64(ctx, t);
  else sqlite3_result_error(ctx, "test helper: bad literal", -1);
}

/* A fresh in-memory database with every KQL function and the t_* helpers. */
static inline sqlite3 *fnbOpen(void){
  sqlite3 *db = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(kqlFnRegisterAll(db), SQLITE_OK);
  sqlite3_create_function(db, "t_dt", 1, SQLITE_UTF8, 0, fnbDt, 0, 0);
  sqlite3_create_function(db, "t_tsf", 1, SQLITE_UTF8, 0, fnbTsf, 0, 0);
  sqlite3_create_function(db, "t_d", 1, SQLITE_UTF8, 0, fnbParse, 0, 0);
  sqlite3_create_function(db, "t_ts", 1, SQLITE_UTF8, (void*)1, fnbParse, 0, 0);
  return db;
}

/*
** Run zSql (every statement; the first row of the last one that returns
** rows is reported) and return the first cell as text in zBuf (nBuf bytes):
** "<null>", "<no row>", "ERROR: ...", "%.15g" for reals.
*/
static inline const char *fnbRun(sqlite3 *db, const char *zSql, char *zBuf, size_t nBuf){
  const char *zTail = zSql;
  snprintf(zBuf, nBuf, "<no row>");
  while( zTail && *zTail ){
    sqlite3_stmt *pStmt = 0;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail);
    if( rc!=SQLITE_OK ){
      snprintf(zBuf, nBuf, "ERROR: %s", sqlite3_errmsg(db));
      return zBuf;
    }
    if( pStmt==0 ) break;
    rc = sqlite3_step(pStmt);
    if( rc==SQLITE_ROW ){
      switch( sqlite3_column_type(pStmt, 0) ){
        case SQLITE_NULL:  snprintf(zBuf, nBuf, "<null>"); break;
        case SQLITE_FLOAT: snprintf(zBuf, nBuf, "%.15g", sqlite3_column_double(pStmt, 0)); break;
        default:           snprintf(zBuf, nBuf, "%s", (const char*)sqlite3_column_text(pStmt, 0)); break;
      }
    }else if( rc!=SQLITE_DONE ){
      snprintf(zBuf, nBuf, "ERROR: %s", sqlite3_errmsg(db));
      sqlite3_finalize(pStmt);
      return zBuf;
    }
    sqlite3_finalize(pStmt);
  }
  return zBuf;
}

/* Run every case of a[0..n) on one database and expect its text. */
static inline void fnbCases(const FnbCase *a, size_t n){
  sqlite3 *db = fnbOpen();
  char zBuf[4096];
  for(size_t i=0; i<n; i++){
    const char *z = fnbRun(db, a[i].zSql, zBuf, sizeof(zBuf));
    cr_expect_str_eq(z, a[i].zExpect, "case %zu: %s\n  got:      %s\n  expected: %s",
                     i, a[i].zSql, z, a[i].zExpect);
  }
  sqlite3_close(db);
}

/* The same with numbers compared within 1e-9 (kqltestSameNumbers). */
int kqltestSameNumbers(const char *zGot, const char *zWant);
static inline void fnbCasesNear(const FnbCase *a, size_t n){
  sqlite3 *db = fnbOpen();
  static char zBuf[65536];
  for(size_t i=0; i<n; i++){
    const char *z = fnbRun(db, a[i].zSql, zBuf, sizeof(zBuf));
    cr_expect(kqltestSameNumbers(z, a[i].zExpect), "case %zu: %s\n  got:      %s\n  expected: %s",
              i, a[i].zSql, z, a[i].zExpect);
  }
  sqlite3_close(db);
}

#define FNB_N(a) (sizeof(a)/sizeof((a)[0]))

#endif
