/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Helper for the SQL-function tests (test_fn_string.c, test_fn_regex.c,
** test_fn_convert.c): evaluate one SQL expression on a fresh in-memory
** database with the string, convert and regex groups registered, and
** return its value as text ("NULL" for SQL NULL, "ERROR: msg" on error).
** Header-only: each test file includes it once.
*/
#ifndef KQL_FNTEST_H
#define KQL_FNTEST_H
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include "fn.h"

/* Evaluate "SELECT <zExpr>" into zOut (nOut bytes); returns zOut. */
static const char *fnEval(const char *zExpr, char *zOut, int nOut){
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  char *zSql;
  int rc;
  zOut[0] = 0;
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    snprintf(zOut, (size_t)nOut, "ERROR: open");
    sqlite3_close(db);
    return zOut;
  }
  kqlFnRegisterString(db);
  kqlFnRegisterConvert(db);
  kqlFnRegisterRegex(db);
  zSql = sqlite3_mprintf("SELECT %s", zExpr);
  rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  sqlite3_free(zSql);
  if( rc==SQLITE_OK ) rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    if( sqlite3_column_type(pStmt, 0)==SQLITE_NULL ){
      snprintf(zOut, (size_t)nOut, "NULL");
    }else{
      snprintf(zOut, (size_t)nOut, "%s", (const char*)sqlite3_column_text(pStmt, 0));
    }
  }else{
    snprintf(zOut, (size_t)nOut, "ERROR: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  return zOut;
}

/* One expression and its expected text. */
typedef struct FnCase FnCase;
struct FnCase {
  const char *zExpr;    /* SQL expression */
  const char *zWant;    /* expected value as text */
};

#endif
