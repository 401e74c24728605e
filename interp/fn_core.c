/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL functions behind KQL's arithmetic operators where SQLite's differ:
** kql_divl (integer division, truncating; null on division by zero),
** kql_divr (IEEE real division: x/0 is ±Infinity or NaN, not NULL),
** kql_modl / kql_modr (KQL's modulo is never negative: 0 <= N % D < |D|),
** kql_addr / kql_subr / kql_mulr / kql_negr (real +, -, * and unary minus,
** which keep a NaN operand NaN) and kql_rnum (a real operand of a
** comparison: NaN compares as null, so <, >, == are false and != true).
** A NaN real is the text "NaN" (fnutil.h: kqlFnReal).
*/
#include "fn.h"
#include "fnutil.h"
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
  kqlFnResultReal(ctx, kqlFnReal(argv[0]) / kqlFnReal(argv[1]));
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
  double a = kqlFnReal(argv[0]), b = kqlFnReal(argv[1]);
  double r = fmod(a, b);
  if( r<0 ) r += fabs(b);
  kqlFnResultReal(ctx, r);
}

/* kql_addr (user data 0), kql_subr (1), kql_mulr (2): real a op b. */
static void fnArithr(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  double a = kqlFnReal(argv[0]), b = kqlFnReal(argv[1]);
  switch( (int)(intptr_t)sqlite3_user_data(ctx) ){
    case 0:  kqlFnResultReal(ctx, a + b); break;
    case 1:  kqlFnResultReal(ctx, a - b); break;
    default: kqlFnResultReal(ctx, a * b); break;
  }
}

/* kql_negr(x): -x for a real. */
static void fnNegr(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  kqlFnResultReal(ctx, -kqlFnReal(argv[0]));
}

/* kql_rnum(x): x itself, or null when x is a NaN real. */
static void fnRnum(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( kqlFnIsNanText(argv[0]) ) return;
  sqlite3_result_value(ctx, argv[0]);
}

int kqlFnRegisterCore(sqlite3 *db){
  static const struct {
    const char *zName; int nArg; int iUser; void (*x)(sqlite3_context*, int, sqlite3_value**);
  } a[] = {
    {"kql_divl", 2, 0, fnDivl}, {"kql_divr", 2, 0, fnDivr}, {"kql_modl", 2, 0, fnModl},
    {"kql_modr", 2, 0, fnModr}, {"kql_addr", 2, 0, fnArithr}, {"kql_subr", 2, 1, fnArithr},
    {"kql_mulr", 2, 2, fnArithr}, {"kql_negr", 1, 0, fnNegr}, {"kql_rnum", 1, 0, fnRnum},
  };
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    int rc = sqlite3_create_function(db, a[i].zName, a[i].nArg,
                                     SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                                     (void*)(intptr_t)a[i].iUser, a[i].x, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
