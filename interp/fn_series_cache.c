/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** A small per-function result cache for the costly series functions
** (decompositions, period detection, two-line fits). '(a, b, c) =
** series_decompose_anomalies(x)' becomes one call per column, and SQLite
** evaluates a column once per row of a following mv-expand: with the last
** few (arguments, result) pairs remembered, each series is computed once.
** The functions are deterministic, so a hit returns the same text.
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <string.h>

#define N_ENTRY 4

typedef struct Entry Entry;
struct Entry { char *zKey; int nKey; char *zRes; int nRes; };

typedef struct CacheFn CacheFn;
struct CacheFn {
  KqlSeriesCompute xCompute;
  Entry a[N_ENTRY];
  int iNext;            /* entry replaced next */
};

static void cacheDestroy(void *pArg){
  CacheFn *c = (CacheFn*)pArg;
  for(int i=0; i<N_ENTRY; i++){
    sqlite3_free(c->a[i].zKey);
    sqlite3_free(c->a[i].zRes);
  }
  sqlite3_free(c);
}

/* The arguments as one byte string (type, length and bytes of each). */
static char *argKey(int argc, sqlite3_value **argv, int *pn){
  sqlite3_str *p = sqlite3_str_new(0);
  for(int i=0; i<argc; i++){
    switch( sqlite3_value_type(argv[i]) ){
      case SQLITE_INTEGER:
        sqlite3_str_appendf(p, "i%lld;", (long long)sqlite3_value_int64(argv[i]));
        break;
      case SQLITE_FLOAT:
        sqlite3_str_appendf(p, "f%!.17g;", kqlFnReal(argv[i]));
        break;
      case SQLITE_NULL:
        sqlite3_str_append(p, "n;", 2);
        break;
      default: {
        const char *z = (const char*)sqlite3_value_text(argv[i]);
        int n = sqlite3_value_bytes(argv[i]);
        sqlite3_str_appendf(p, "t%d:", n);
        if( z && n ) sqlite3_str_append(p, z, n);
        break;
      }
    }
  }
  *pn = sqlite3_str_length(p);
  if( sqlite3_str_errcode(p) ){ sqlite3_free(sqlite3_str_finish(p)); return 0; }
  return sqlite3_str_finish(p);
}

static void cachedFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  CacheFn *c = (CacheFn*)sqlite3_user_data(ctx);
  int nKey = 0;
  char *zKey = argKey(argc, argv, &nKey);
  if( zKey ){
    for(int i=0; i<N_ENTRY; i++){
      Entry *e = &c->a[i];
      if( e->zKey && e->nKey==nKey && memcmp(e->zKey, zKey, (size_t)nKey)==0 ){
        sqlite3_free(zKey);
        if( e->zRes ) sqlite3_result_text(ctx, e->zRes, e->nRes, SQLITE_TRANSIENT);
        return;
      }
    }
  }
  int bErr = 0;
  char *zRes = c->xCompute(ctx, argc, argv, &bErr);
  if( bErr || zKey==0 ){
    /* errors are not remembered */
    sqlite3_free(zKey);
    if( zRes ) sqlite3_result_text(ctx, zRes, -1, sqlite3_free);
    return;
  }
  Entry *e = &c->a[c->iNext];
  c->iNext = (c->iNext+1) % N_ENTRY;
  sqlite3_free(e->zKey);
  sqlite3_free(e->zRes);
  e->zKey = zKey;
  e->nKey = nKey;
  e->zRes = zRes;
  e->nRes = zRes ? (int)strlen(zRes) : 0;
  if( zRes ) sqlite3_result_text(ctx, zRes, e->nRes, SQLITE_TRANSIENT);
}

int kqlSeriesCreateCached(sqlite3 *db, const char *zName, int nArg, KqlSeriesCompute xCompute){
  CacheFn *c = sqlite3_malloc(sizeof(CacheFn));
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  c->xCompute = xCompute;
  return sqlite3_create_function_v2(db, zName, nArg, SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                                    c, cachedFunc, 0, 0, cacheDestroy);
}

char *kqlSeriesStrDone(sqlite3_context *ctx, sqlite3_str *p, int *pbErr){
  if( sqlite3_str_errcode(p) ){
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_error_nomem(ctx);
    *pbErr = 1;
    return 0;
  }
  return sqlite3_str_finish(p);
}
