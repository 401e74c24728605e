/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL functions behind KQL's arithmetic operators where SQLite's differ:
** kql_divl (integer division, truncating; null on division by zero),
** kql_divr (IEEE real division: x/0 is ±Infinity or NaN, not NULL),
** kql_modl / kql_modr (KQL's modulo is never negative: 0 <= N % D < |D|).
*/
#include "fn.h"
#include <math.h>
#include <stdint.h>

static void fnDivl(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
  if( b==0 ) return;
  if( b==-1 && a==INT64_MIN ){ sqlite3_result_int64(ctx, a); return; }
  sqlite3_result_int64(ctx, a / b);
}

static void fnDivr(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  sqlite3_result_double(ctx, sqlite3_value_double(argv[0]) / sqlite3_value_double(argv[1]));
}

static void fnModl(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  int64_t a = sqlite3_value_int64(argv[0]), b = sqlite3_value_int64(argv[1]);
  if( b==0 ) return;
  if( b==-1 ){ sqlite3_result_int64(ctx, 0); return; }
  int64_t r = a % b;
  if( r<0 ) r += b<0 ? -b : b;
  sqlite3_result_int64(ctx, r);
}

static void fnModr(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  double a = sqlite3_value_double(argv[0]), b = sqlite3_value_double(argv[1]);
  double r = fmod(a, b);
  if( r<0 ) r += fabs(b);
  sqlite3_result_double(ctx, r);
}

int kqlFnRegisterCore(sqlite3 *db){
  static const struct { const char *zName; void (*x)(sqlite3_context*, int, sqlite3_value**); } a[] = {
    {"kql_divl", fnDivl}, {"kql_divr", fnDivr}, {"kql_modl", fnModl}, {"kql_modr", fnModr},
  };
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    int rc = sqlite3_create_function(db, a[i].zName, 2,
                                     SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, a[i].x, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
