/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** What the table-valued functions (eponymous virtual tables whose
** arguments are hidden columns: kql_range_rows in fn_range_rows.c,
** kql_mv_rows in fn_mvrows.c) share: connecting with a declared schema,
** disconnecting, and the plan that hands the arguments to xFilter in
** column order.
*/
#include "fn.h"
#include <string.h>

/* kqlTvfConnect(): contract in fn.h. */
int kqlTvfConnect(sqlite3 *db, const char *zSchema, sqlite3_vtab **ppVtab){
  sqlite3_vtab *p;
  int rc = sqlite3_declare_vtab(db, zSchema);
  if( rc!=SQLITE_OK ) return rc;
  p = sqlite3_malloc(sizeof(*p));
  if( p==0 ) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = p;
  return SQLITE_OK;
}

/* kqlTvfDisconnect(): contract in fn.h. */
int kqlTvfDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

/* kqlTvfBestIndex(): contract in fn.h. */
int kqlTvfBestIndex(sqlite3_index_info *pInfo, int iFirstArg, int nArg, int nRequired, double rCost){
  int aIdx[16];
  int nGiven = 0;
  if( nArg>16 ) nArg = 16;
  for(int k=0; k<nArg; k++) aIdx[k] = -1;
  for(int i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *pC = &pInfo->aConstraint[i];
    if( pC->iColumn<iFirstArg || pC->iColumn>=iFirstArg + nArg || pC->op!=SQLITE_INDEX_CONSTRAINT_EQ ) continue;
    if( !pC->usable ) return SQLITE_CONSTRAINT;
    aIdx[pC->iColumn - iFirstArg] = i;
  }
  for(int k=0; k<nArg && aIdx[k]>=0; k++){
    pInfo->aConstraintUsage[aIdx[k]].argvIndex = ++nGiven;
    pInfo->aConstraintUsage[aIdx[k]].omit = 1;
  }
  if( nGiven<nRequired ) return SQLITE_CONSTRAINT;
  pInfo->estimatedCost = rCost;
  pInfo->estimatedRows = (sqlite3_int64)rCost;
  return SQLITE_OK;
}
