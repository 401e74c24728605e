/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL helpers behind mv-expand (bind_mvexpand.c):
**   kql_mv_count(x, ...)     rows one input row expands to: the largest count
**                            over the arguments (array/bag: its size; null or a
**                            scalar: 1)
**   kql_mv_seq(n [, limit])  the JSON array [0, 1, ..., min(n, limit)-1]
**   kql_mv_elem(x, i, bArr)  element i of x as JSON text (a bag member as
**                            {"k":v}, or ["k",v] when bArr), x itself for
**                            i = 0 when x is a scalar, NULL past the end
**   kql_mv_cast(json, eType) the element cast to KQL type eType (storage
**                            form); NULL when it does not conform
*/
#include "fn.h"
#include "fn_json.h"
#include "fnutil.h"
#include "types.h"
#include "value.h"
#include <stdlib.h>
#include <string.h>

/* Items of x (array/object size), 1 for a scalar or null, -1 if malformed. */
static int mvCount(const char *z, int n){
  KqlJsonIter it;
  if( z==0 ) return 1;
  if( kqlJsonIterStart(&it, z, n)==0 ) return 1;
  int c = 0, rc;
  const char *zV; int nV;
  while( (rc = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ) c++;
  return rc<0 ? 1 : c;
}

static void fnMvCount(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int nMax = 0;
  for(int i=0; i<argc; i++){
    const char *z = (const char*)sqlite3_value_text(argv[i]);
    int c = mvCount(z, sqlite3_value_bytes(argv[i]));
    if( c>nMax ) nMax = c;
  }
  sqlite3_result_int(ctx, nMax);
}

static void fnMvSeq(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_int64 n = sqlite3_value_int64(argv[0]);
  if( argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    sqlite3_int64 lim = sqlite3_value_int64(argv[1]);
    if( lim<n ) n = lim;
  }
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendchar(s, 1, '[');
  for(sqlite3_int64 i=0; i<n; i++){
    sqlite3_str_appendf(s, i ? ",%lld" : "%lld", i);
  }
  sqlite3_str_appendchar(s, 1, ']');
  kqlFnResultStr(ctx, s);
}

static void fnMvElem(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  sqlite3_int64 idx = sqlite3_value_int64(argv[1]);
  int bArr = sqlite3_value_int(argv[2]);
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  const char *z = (const char*)sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  KqlJsonIter it;
  int eKind = kqlJsonIterStart(&it, z, n);
  if( eKind==0 ){
    if( idx==0 ) sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
    return;
  }
  const char *zK, *zV; int nK, nV, rc;
  sqlite3_int64 i = 0;
  while( (rc = kqlJsonIterNext(&it, &zK, &nK, &zV, &nV))==1 ){
    if( i++ < idx ) continue;
    if( eKind==KQL_JSON_ARRAY ){
      if( nV==4 && memcmp(zV, "null", 4)==0 ) return;
      sqlite3_result_text(ctx, zV, nV, SQLITE_TRANSIENT);
      return;
    }
    sqlite3_str *s = sqlite3_str_new(0);
    sqlite3_str_append(s, bArr ? "[" : "{", 1);
    sqlite3_str_append(s, zK, nK);
    sqlite3_str_append(s, bArr ? "," : ":", 1);
    sqlite3_str_append(s, zV, nV);
    sqlite3_str_append(s, bArr ? "]" : "}", 1);
    kqlFnResultStr(ctx, s);
    return;
  }
}

static void fnMvCast(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  const char *z = (const char*)sqlite3_value_text(argv[0]);
  int n = sqlite3_value_bytes(argv[0]);
  int eType = sqlite3_value_int(argv[1]);
  int eKind = kqlJsonKind(z, n);
  switch( eType ){
    case KQL_T_STRING: case KQL_T_GUID: {
      if( eKind==KQL_JSON_STRING ){
        sqlite3_str *s = sqlite3_str_new(0);
        kqlFnJsonUnquote(s, z, n);
        kqlFnResultStr(ctx, s);
      }else if( eType==KQL_T_STRING && eKind!=KQL_JSON_BAD && eKind!=KQL_JSON_NULL ){
        sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
      }
      return;
    }
    case KQL_T_INT: case KQL_T_LONG:
      if( eKind==KQL_JSON_NUMBER ){
        double r = strtod(z, 0);
        sqlite3_result_int64(ctx, (sqlite3_int64)r);
      }
      return;
    case KQL_T_REAL: case KQL_T_DECIMAL:
      if( eKind==KQL_JSON_NUMBER ) sqlite3_result_double(ctx, strtod(z, 0));
      return;
    case KQL_T_BOOL:
      if( eKind==KQL_JSON_TRUE ) sqlite3_result_int(ctx, 1);
      else if( eKind==KQL_JSON_FALSE ) sqlite3_result_int(ctx, 0);
      return;
    case KQL_T_DATETIME: case KQL_T_TIMESPAN: {
      if( eKind!=KQL_JSON_STRING ) return;
      sqlite3_str *s = sqlite3_str_new(0);
      kqlFnJsonUnquote(s, z, n);
      int64_t t;
      const char *zT = sqlite3_str_value(s);
      int nT = sqlite3_str_length(s);
      int rc = zT==0 ? -1 : eType==KQL_T_DATETIME ? kqlValParseDatetime(zT, nT, &t)
                                                  : kqlValParseTimespan(zT, nT, &t);
      sqlite3_free(sqlite3_str_finish(s));
      if( rc==0 ) sqlite3_result_int64(ctx, t);
      return;
    }
    default:
      sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
      return;
  }
}

int kqlFnRegisterMvExpand(sqlite3 *db){
  static const struct {
    const char *zName; int nArg; void (*x)(sqlite3_context*, int, sqlite3_value**);
  } a[] = {
    {"kql_mv_count", -1, fnMvCount}, {"kql_mv_seq", 1, fnMvSeq}, {"kql_mv_seq", 2, fnMvSeq},
    {"kql_mv_elem", 3, fnMvElem}, {"kql_mv_cast", 2, fnMvCast},
  };
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    int rc = sqlite3_create_function(db, a[i].zName, a[i].nArg,
                                     SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, a[i].x, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
