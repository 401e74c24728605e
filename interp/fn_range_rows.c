/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** kql_range_rows(start, stop, step): the table-valued function behind the
** range operator (bind.c bindRange), an eponymous virtual table with one
** column "value". It counts from start towards stop by step, both ends
** inclusive: integers (long, datetime and timespan ticks) in 64-bit integer
** arithmetic, stopping before an overflow; reals by repeated addition.
** A step of 0 gives start alone (when start <= stop); a negative step
** counts down; a null argument gives no rows.
*/
#include "fn.h"
#include <stdint.h>
#include <string.h>

typedef struct RangeCur RangeCur;
struct RangeCur {
  sqlite3_vtab_cursor base;
  int bReal;              /* real arithmetic */
  int bEof;
  sqlite3_int64 iRow;     /* rowid: 1, 2, ... */
  int64_t iVal, iStop, iStep;
  double rVal, rStop, rStep;
};

#define RANGE_COL_VALUE 0
#define RANGE_COL_START 1
#define RANGE_COL_STOP  2
#define RANGE_COL_STEP  3

static int rangeConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                        sqlite3_vtab **ppVtab, char **pzErr){
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  return kqlTvfConnect(db, "CREATE TABLE x(value, start HIDDEN, stop HIDDEN, step HIDDEN)", ppVtab);
}

static int rangeOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  RangeCur *c = sqlite3_malloc(sizeof(*c));
  (void)pVtab;
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static int rangeClose(sqlite3_vtab_cursor *pCur){
  sqlite3_free(pCur);
  return SQLITE_OK;
}

/* 1 when the current value is past stop. */
static int pastStop(const RangeCur *c){
  if( c->bReal ) return c->rStep>=0 ? c->rVal > c->rStop : c->rVal < c->rStop;
  return c->iStep>=0 ? c->iVal > c->iStop : c->iVal < c->iStop;
}

static int rangeNext(sqlite3_vtab_cursor *pCur){
  RangeCur *c = (RangeCur*)pCur;
  c->iRow++;
  if( c->bReal ){
    if( c->rStep==0.0 ){ c->bEof = 1; return SQLITE_OK; }
    c->rVal += c->rStep;
  }else{
    if( c->iStep==0 || __builtin_add_overflow(c->iVal, c->iStep, &c->iVal) ){
      c->bEof = 1;
      return SQLITE_OK;
    }
  }
  if( pastStop(c) ) c->bEof = 1;
  return SQLITE_OK;
}

static int rangeFilter(sqlite3_vtab_cursor *pCur, int idxNum, const char *idxStr,
                       int argc, sqlite3_value **argv){
  RangeCur *c = (RangeCur*)pCur;
  (void)idxNum; (void)idxStr;
  c->iRow = 1;
  c->bEof = 1;
  if( argc<3 ) return SQLITE_OK;
  c->bReal = 0;
  for(int i=0; i<3; i++){
    int t = sqlite3_value_type(argv[i]);
    if( t==SQLITE_NULL ) return SQLITE_OK;
    if( t!=SQLITE_INTEGER ) c->bReal = 1;
  }
  if( c->bReal ){
    c->rVal = sqlite3_value_double(argv[0]);
    c->rStop = sqlite3_value_double(argv[1]);
    c->rStep = sqlite3_value_double(argv[2]);
    if( c->rVal!=c->rVal || c->rStop!=c->rStop || c->rStep!=c->rStep ) return SQLITE_OK;
  }else{
    c->iVal = sqlite3_value_int64(argv[0]);
    c->iStop = sqlite3_value_int64(argv[1]);
    c->iStep = sqlite3_value_int64(argv[2]);
  }
  c->bEof = pastStop(c);
  return SQLITE_OK;
}

static int rangeEof(sqlite3_vtab_cursor *pCur){
  return ((RangeCur*)pCur)->bEof;
}

static int rangeColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx, int iCol){
  RangeCur *c = (RangeCur*)pCur;
  if( iCol!=RANGE_COL_VALUE ) return SQLITE_OK;    /* hidden arguments are not read back */
  if( c->bReal ) sqlite3_result_double(ctx, c->rVal);
  else sqlite3_result_int64(ctx, c->iVal);
  return SQLITE_OK;
}

static int rangeRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid){
  *pRowid = ((RangeCur*)pCur)->iRow;
  return SQLITE_OK;
}

/* All three arguments must be given (start, stop, step). Rows come in
** value order for a positive step; the binder marks range output as
** ordered and never relies on ORDER BY being consumed here. */
static int rangeBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  return kqlTvfBestIndex(pInfo, RANGE_COL_START, 3, 3, 1000.0);
}

static sqlite3_module rangeModule = {
  .iVersion = 0,
  .xCreate = 0,                      /* eponymous-only */
  .xConnect = rangeConnect,
  .xBestIndex = rangeBestIndex,
  .xDisconnect = kqlTvfDisconnect,
  .xOpen = rangeOpen,
  .xClose = rangeClose,
  .xFilter = rangeFilter,
  .xNext = rangeNext,
  .xEof = rangeEof,
  .xColumn = rangeColumn,
  .xRowid = rangeRowid,
};

/* kqlFnRegisterRangeRows(): contract in fn.h. */
int kqlFnRegisterRangeRows(sqlite3 *db){
  return sqlite3_create_module(db, "kql_range_rows", &rangeModule, 0);
}
