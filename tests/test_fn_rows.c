/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Consistency of the catalogue rows of the datetime, dynamic, aggregate,
** math and network groups (fn_datetime.inc ... fn_net.inc) with the SQL
** functions those groups register: every row names a registered function
** that accepts the row's argument counts (plus the type-tag argument of
** KQL_FNF_TAGS rows), aggregates are registered as aggregates, and
** KQL_FNF_NONDET rows are not deterministic.
*/
#include "fnbtest.h"
#include "builtins.h"

static const KqlBuiltin aRows[] = {
#include "fn_datetime.inc"
#include "fn_dynamic.inc"
#include "fn_agg.inc"
#include "fn_math.inc"
#include "fn_net.inc"
};

/* 1 when SQL function zName is registered taking nArg arguments (or any
** number), as an aggregate when bAgg; *pbDet gets its deterministic flag. */
static int isRegistered(sqlite3 *db, const char *zName, int nArg, int bAgg, int *pbDet){
  sqlite3_stmt *pStmt = 0;
  int bFound = 0;
  cr_assert_eq(sqlite3_prepare_v2(db,
      "SELECT type, flags FROM pragma_function_list WHERE name=?1 AND (narg=?2 OR narg=-1)"
      " ORDER BY narg DESC", -1, &pStmt, 0), SQLITE_OK);
  sqlite3_bind_text(pStmt, 1, zName, -1, SQLITE_STATIC);
  sqlite3_bind_int(pStmt, 2, nArg);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zType = (const char*)sqlite3_column_text(pStmt, 0);
    if( (strcmp(zType, "a")==0)==(bAgg!=0) ){
      bFound = 1;
      *pbDet = (sqlite3_column_int(pStmt, 1) & SQLITE_DETERMINISTIC)!=0;
      break;
    }
  }
  sqlite3_finalize(pStmt);
  return bFound;
}

Test(fn_rows, rows_match_registered_functions){
  sqlite3 *db = fnbOpen();
  int nChecked = 0;
  for(size_t i=0; i<sizeof(aRows)/sizeof(aRows[0]); i++){
    const KqlBuiltin *p = &aRows[i];
    int nExtra = (p->flags & KQL_FNF_TAGS) ? 1 : 0;
    int nMax = p->nMax<0 ? p->nMin + 3 : p->nMax;
    cr_assert(p->zSql!=0, "row %s has no SQL function", p->zName);
    cr_assert(kqlBuiltinFind(p->zName, -1)==p || kqlBuiltinFind(p->zName, -1)!=0,
              "row %s is not in the catalogue", p->zName);
    for(int n=p->nMin; n<=nMax; n++){
      int bDet = 0;
      int bAgg = p->eKind==KQL_FN_AGG;
      if( p->flags & KQL_FNF_SPECIAL ) n = p->nMin; /* one call per output column */
      cr_expect(isRegistered(db, p->zSql, n + nExtra, bAgg, &bDet),
                "%s: %s with %d SQL arguments is not registered%s", p->zName, p->zSql,
                n + nExtra, bAgg ? " as an aggregate" : "");
      if( !bAgg ) cr_expect(bDet==!(p->flags & KQL_FNF_NONDET), "%s: deterministic flag", p->zName);
      nChecked++;
      if( p->flags & KQL_FNF_SPECIAL ) break;
    }
  }
  cr_expect(nChecked>150, "only %d row/arity pairs checked", nChecked);
  sqlite3_close(db);
}
