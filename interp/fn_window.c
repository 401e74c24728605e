/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** kqlFnRegisterWindow(): the SQL side of KQL's window functions on a
** serialized row set that SQLite's own window functions cannot express:
** each is a running (stateful) aggregate the binder calls with the frame
** ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW and no PARTITION or
** ORDER BY, so SQLite feeds the rows once, in their serialized order, and
** asks for the value after each one (bind_call.c).
**
**   kql_row_number_rs(start, restart)        row_number(start, restart)
**   kql_row_cumsum_rs(x, restart)            row_cumsum(x, restart)
**   kql_row_rank_dense(term [, restart])     row_rank_dense()
**   kql_row_rank_min(term [, restart])       row_rank_min()
**   kql_row_window_session(t, maxFirst, maxNeighbor [, restart])
**
** A restart argument that is NULL counts as false; the first row always
** starts a new run.
*/
#include "fn.h"
#include "fnutil.h"
#include <stdint.h>
#include <string.h>

typedef struct WinState WinState;
struct WinState {
  int bInit;            /* a row was seen */
  int64_t n;            /* row_number / rank / row count in the run */
  int64_t nRow;         /* rows in the current run (rank_min) */
  int bReal;            /* cumsum: the sum is real */
  int64_t iSum;
  double rSum;
  sqlite3_value *pPrev; /* previous term (rank), previous value (session) */
  sqlite3_value *pStart;/* session start (session) */
};

static int isTrue(sqlite3_value *v){
  switch( sqlite3_value_type(v) ){
    case SQLITE_INTEGER: return sqlite3_value_int64(v)!=0;
    case SQLITE_FLOAT:   return kqlFnReal(v)!=0.0;
    default:             return 0;
  }
}

/* Two terms equal for ranking: same NULLness, same number, same text. */
static int valEq(sqlite3_value *a, sqlite3_value *b){
  int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
  if( ta==SQLITE_NULL || tb==SQLITE_NULL ) return ta==tb;
  if( ta==SQLITE_INTEGER && tb==SQLITE_INTEGER ) return sqlite3_value_int64(a)==sqlite3_value_int64(b);
  if( (ta==SQLITE_INTEGER || ta==SQLITE_FLOAT) && (tb==SQLITE_INTEGER || tb==SQLITE_FLOAT) ){
    return kqlFnReal(a)==kqlFnReal(b);
  }
  if( ta!=tb ) return 0;
  int na = sqlite3_value_bytes(a), nb = sqlite3_value_bytes(b);
  if( na!=nb ) return 0;
  const void *pa = ta==SQLITE_TEXT ? (const void*)sqlite3_value_text(a) : sqlite3_value_blob(a);
  const void *pb = tb==SQLITE_TEXT ? (const void*)sqlite3_value_text(b) : sqlite3_value_blob(b);
  return na==0 || memcmp(pa, pb, (size_t)na)==0;
}

static void setValue(WinState *p, sqlite3_value **pp, sqlite3_value *v){
  (void)p;
  sqlite3_value_free(*pp);
  *pp = sqlite3_value_dup(v);
}

static void winFree(sqlite3_context *ctx){
  WinState *p = sqlite3_aggregate_context(ctx, 0);
  if( p ){
    sqlite3_value_free(p->pPrev);
    sqlite3_value_free(p->pStart);
    p->pPrev = p->pStart = 0;
  }
}

/* never called for UNBOUNDED PRECEDING frames */
static void winInverse(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)ctx; (void)argc; (void)argv;
}

/* ---- row_number(start, restart) */
static void numberStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  WinState *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 ) return;
  if( !p->bInit || (argc>1 && isTrue(argv[1])) ){
    p->n = sqlite3_value_int64(argv[0]);
    p->bInit = 1;
  }else{
    p->n++;
  }
}
static void numberValue(sqlite3_context *ctx){
  WinState *p = sqlite3_aggregate_context(ctx, 0);
  if( p && p->bInit ) sqlite3_result_int64(ctx, p->n);
}

/* ---- row_cumsum(x, restart): nulls add nothing; the sum stays an integer
** while every term is one */
static void cumsumStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  WinState *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 ) return;
  if( !p->bInit || (argc>1 && isTrue(argv[1])) ){
    p->iSum = 0;
    p->rSum = 0;
    p->bReal = 0;
    p->bInit = 1;
  }
  int t = sqlite3_value_type(argv[0]);
  if( t==SQLITE_INTEGER && !p->bReal ){
    int64_t v = sqlite3_value_int64(argv[0]);
    if( !__builtin_add_overflow(p->iSum, v, &p->iSum) ) return;
    p->bReal = 1;
    p->rSum = (double)p->iSum + (double)v;
    return;
  }
  if( t==SQLITE_INTEGER || t==SQLITE_FLOAT ){
    if( !p->bReal ){ p->bReal = 1; p->rSum = (double)p->iSum; }
    p->rSum += kqlFnReal(argv[0]);
  }
}
static void cumsumValue(sqlite3_context *ctx){
  WinState *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 ) return;
  if( p->bReal ) sqlite3_result_double(ctx, p->rSum);
  else sqlite3_result_int64(ctx, p->iSum);
}

/* ---- row_rank_dense(term [, restart]) and row_rank_min(term [, restart]) */
static void rankStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMin = (int)(intptr_t)sqlite3_user_data(ctx);
  WinState *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 ) return;
  if( !p->bInit || (argc>1 && isTrue(argv[1])) ){
    p->bInit = 1;
    p->n = 1;
    p->nRow = 1;
  }else{
    p->nRow++;
    if( !valEq(p->pPrev, argv[0]) ) p->n = bMin ? p->nRow : p->n+1;
  }
  setValue(p, &p->pPrev, argv[0]);
}
static void rankValue(sqlite3_context *ctx){
  WinState *p = sqlite3_aggregate_context(ctx, 0);
  if( p && p->bInit ) sqlite3_result_int64(ctx, p->n);
}

/* ---- row_window_session(t, maxFromFirst, maxBetweenNeighbors [, restart]):
** a new session starts when there is no session (or it is null), when
** t >= start + maxFromFirst, when t >= previous t + maxBetweenNeighbors,
** or on restart; the value is the session's start. A null t gives null and
** ends the session. */
static void sessionStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  WinState *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 ) return;
  p->bInit = 1;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ){
    sqlite3_value_free(p->pStart);
    sqlite3_value_free(p->pPrev);
    p->pStart = p->pPrev = 0;
    return;
  }
  int64_t t = sqlite3_value_int64(argv[0]);
  int bNew = p->pStart==0 || (argc>3 && isTrue(argv[3]));
  if( !bNew && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
    int64_t lim;
    if( !__builtin_add_overflow(sqlite3_value_int64(p->pStart), sqlite3_value_int64(argv[1]), &lim) && t>=lim ) bNew = 1;
  }
  if( !bNew && p->pPrev && sqlite3_value_type(argv[2])!=SQLITE_NULL ){
    int64_t lim;
    if( !__builtin_add_overflow(sqlite3_value_int64(p->pPrev), sqlite3_value_int64(argv[2]), &lim) && t>=lim ) bNew = 1;
  }
  if( bNew ) setValue(p, &p->pStart, argv[0]);
  setValue(p, &p->pPrev, argv[0]);
}
static void sessionValue(sqlite3_context *ctx){
  WinState *p = sqlite3_aggregate_context(ctx, 0);
  if( p && p->pStart && p->pPrev ) sqlite3_result_value(ctx, p->pStart);
}

/* the last value (SQLite may read it from xFinal), then the state is freed */
static void numberFinal(sqlite3_context *ctx){ numberValue(ctx); }
static void cumsumFinal(sqlite3_context *ctx){ cumsumValue(ctx); }
static void rankFinal(sqlite3_context *ctx){ rankValue(ctx); winFree(ctx); }
static void sessionFinal(sqlite3_context *ctx){ sessionValue(ctx); winFree(ctx); }

int kqlFnRegisterWindow(sqlite3 *db){
  static const struct {
    const char *zName;
    int nArg;
    int iUser;
    void (*xStep)(sqlite3_context*, int, sqlite3_value**);
    void (*xValue)(sqlite3_context*);
    void (*xFinal)(sqlite3_context*);
  } a[] = {
    {"kql_row_number_rs",      2, 0, numberStep,  numberValue,  numberFinal},
    {"kql_row_cumsum_rs",      2, 0, cumsumStep,  cumsumValue,  cumsumFinal},
    {"kql_row_rank_dense",     1, 0, rankStep,    rankValue,    rankFinal},
    {"kql_row_rank_dense",     2, 0, rankStep,    rankValue,    rankFinal},
    {"kql_row_rank_min",       1, 1, rankStep,    rankValue,    rankFinal},
    {"kql_row_rank_min",       2, 1, rankStep,    rankValue,    rankFinal},
    {"kql_row_window_session", 3, 0, sessionStep, sessionValue, sessionFinal},
    {"kql_row_window_session", 4, 0, sessionStep, sessionValue, sessionFinal},
  };
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    int rc = sqlite3_create_window_function(db, a[i].zName, a[i].nArg, SQLITE_UTF8,
        (void*)(intptr_t)a[i].iUser, a[i].xStep, a[i].xFinal, a[i].xValue, winInverse, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
