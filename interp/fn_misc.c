/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlFnRegisterMisc(): registers the "misc" group of KQL built-ins (see
** fn_misc.h for the files and what each holds), plus the two smallest
** members kept here: around(value, center, delta), the closed-range test
** on numbers, datetimes and timespans, and assert(condition, message),
** which fails the query with Kusto's message when the condition is false.
*/
#include "fn.h"
#include "fn_misc.h"
#include "fn_text.h"
#include "fnutil.h"
#include <stdint.h>

/*
** kql_around(value, center, delta): 1 when center-delta <= value <=
** center+delta, else 0; NULL when any argument is NULL. Datetimes and
** timespans are INTEGER ticks and compared exactly (the bounds are
** clamped instead of overflowing); any REAL argument compares as double.
*/
static void aroundFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bInt = 1;
  (void)argc;
  for(int i=0; i<3; i++){
    int e = sqlite3_value_type(argv[i]);
    if( e==SQLITE_NULL || e==SQLITE_TEXT || e==SQLITE_BLOB ) return;
    if( e!=SQLITE_INTEGER ) bInt = 0;
  }
  if( bInt ){
    int64_t v = sqlite3_value_int64(argv[0]);
    int64_t c = sqlite3_value_int64(argv[1]);
    int64_t d = sqlite3_value_int64(argv[2]);
    int64_t lo, hi;
    if( __builtin_sub_overflow(c, d, &lo) ) lo = d>0 ? INT64_MIN : INT64_MAX;
    if( __builtin_add_overflow(c, d, &hi) ) hi = d>0 ? INT64_MAX : INT64_MIN;
    sqlite3_result_int(ctx, v>=lo && v<=hi);
  }else{
    double v = kqlFnReal(argv[0]);
    double c = kqlFnReal(argv[1]);
    double d = kqlFnReal(argv[2]);
    sqlite3_result_int(ctx, v>=c-d && v<=c+d);
  }
}

/*
** kql_assert(condition, message): 1 when condition is true; otherwise
** the statement fails with "assert() has failed with message: '<msg>'"
** (a NULL condition is not true).
*/
static void assertFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])!=SQLITE_NULL && sqlite3_value_int64(argv[0])!=0 ){
    sqlite3_result_int(ctx, 1);
    return;
  }
  {
    int n;
    const char *z = kqlFnText(argv[1], &n);
    char *zMsg = sqlite3_mprintf("assert() has failed with message: '%.*s'", n, z);
    if( zMsg==0 ){ sqlite3_result_error_nomem(ctx); return; }
    sqlite3_result_error(ctx, zMsg, -1);
    sqlite3_free(zMsg);
  }
}

static const FnDef aMiscFn[] = {
  {"kql_around", 3, 0, aroundFunc},
  {"kql_assert", 2, 0, assertFunc},
};

/* kqlFnRegisterMisc(): register the misc group on db (fn.h). */
int kqlFnRegisterMisc(sqlite3 *db){
  int (*const aReg[])(sqlite3 *) = {
    kqlMiscRegisterUnits, kqlMiscRegisterStats, kqlMiscRegisterZip,
    kqlMiscRegisterPuny, kqlMiscRegisterParse, kqlMiscRegisterDyn,
    kqlMiscRegisterSchema, kqlMiscRegisterRegex,
  };
  int rc = kqlFnRegisterTable(db, aMiscFn, (int)(sizeof(aMiscFn)/sizeof(aMiscFn[0])));
  for(unsigned i=0; rc==SQLITE_OK && i<sizeof(aReg)/sizeof(aReg[0]); i++){
    rc = aReg[i](db);
  }
  return rc;
}
