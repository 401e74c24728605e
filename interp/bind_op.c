/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Binding the tabular operators of a pipeline. Each operator takes the bound
** input relation and returns a new one whose SQL is a SELECT over the input
** as a sub-select with a fresh alias:  SELECT ... FROM (<input>) AS sN ...
** Column lists are always explicit, so KQL's column order and names
** (extend replacing in place, summarize keys first) are exact.
*/
#include "bindInt.h"
#include "bind_series.h"
#include <string.h>

/* Enter a row context over pIn; returns the alias. */
static const char *rowEnter(Binder *p, KqlRowCtx *pCtx, KqlRowCtx **ppSave, const KqlRel *pIn){
  pCtx->pRel = pIn;
  pCtx->zAlias = kqlBindAlias(p);
  pCtx->bAggOk = 0;
  *ppSave = p->pRow;
  p->pRow = pCtx;
  return pCtx->zAlias;
}

static void rowLeave(Binder *p, KqlRowCtx *pSave){ p->pRow = pSave; }

static KqlCol *colsNew(Binder *p, int n){
  return kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(n>0 ? n : 1));
}

/* "FROM <input> AS alias" (the input is a CTE: kqlBindSrc) */
static void appendFromB(Binder *p, KqlStr *s, const KqlRel *pIn, const char *zAlias){
  if( p->zHoist && p->zHoistAlias && strcmp(p->zHoistAlias, zAlias)==0 ){
    /* window functions used inside window functions, computed first */
    kqlStrPrintf(s, " FROM (SELECT %s.*%s FROM %s AS %s) AS %s", zAlias, p->zHoist, kqlBindSrc(p, pIn),
                 zAlias, zAlias);
    p->zHoist = p->zHoistAlias = 0;
    return;
  }
  kqlStrPrintf(s, " FROM %s AS %s", kqlBindSrc(p, pIn), zAlias);
}
#define appendFrom(S, IN, ALIAS) appendFromB(p, S, IN, ALIAS)

/* where / filter */
static KqlRel *opWhere(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  if( pIn->pPushJoin ){
    /* after an innerunique join, a filter on left columns runs before the dedup */
    KqlRel *r = kqlBindJoinPushWhere(p, pIn, pOp, opWhere);
    if( r ) return r;
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = rowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *e = kqlBindExpr(p, pOp->aChild[0]);
  const char *zCond = kqlExprCond(p, e);
  const char *zPre = 0;
  rowLeave(p, pSave);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  if( strstr(zCond, ") OVER (") ){
    /* a window function (row_number(), prev() ...): SQL allows it only in
    ** the select list, so the condition is computed there first */
    kqlStrAppend(&s, " FROM (SELECT ", -1);
    kqlBindColList(&s, pIn, zA);
    kqlStrPrintf(&s, ", %s AS \"kql$where\"", zCond);
    appendFrom(&s, pIn, zA);
    kqlStrPrintf(&s, ") AS %s WHERE %s.\"kql$where\"", zA, zA);
  }else if( pIn->zStreamTable && (zPre = kqlBindPrefilter(p, pOp->aChild[0], pIn))!=0 ){
    /* issue 6: a streamed table's scan takes a prefilter (bind_prefilter.c) */
    kqlStrAppend(&s, " FROM ", -1);
    kqlStrIdent(&s, pIn->zStreamTable, -1);
    kqlStrPrintf(&s, " AS %s WHERE %s.\"kql_prefilter\" = %s AND %s", zA, zA, zPre, zCond);
  }else{
    appendFrom(&s, pIn, zA);
    kqlStrPrintf(&s, " WHERE %s", zCond);
  }
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}

/*
** Bind one "name = expr" or "expr" item of project/extend/summarize-by.
** Returns the expression; *pzName gets the name (never NULL).
*/
static KqlExpr *bindItem(Binder *p, const KqlAst *pItem, const char **pzName,
                         const KqlCol *aOut, int nOut){
  if( pItem->eKind==KQL_AST_ASSIGN ){
    *pzName = pItem->z;
    return kqlBindExpr(p, pItem->aChild[0]);
  }
  KqlExpr *e = kqlBindExpr(p, pItem);
  const char *z = kqlNameForExpr(p, pItem, p->pRow && p->pRow->bAggOk);
  if( z==0 ) z = kqlNameColumnN(p, p->pRow ? p->pRow->pRel->aCol : 0, p->pRow ? p->pRow->pRel->nCol : 0,
                                aOut, nOut);
  *pzName = z;
  return e;
}

static int colType(const KqlExpr *e){
  return e->eType==KQL_T_UNKNOWN ? KQL_T_STRING : e->eType;
}

/*
** Calls that yield several columns: array_sort_asc/desc(a1, a2, ...) gives
** one sorted array per argument (named a1_sorted, ...; or by (x, y) = ...).
** Returns the number of ASSIGN items written to *papItem (0: not such a call).
*/
static int expandMulti(Binder *p, int eOp, const KqlAst *pItem, KqlAst ***papItem){
  const KqlAst *pCall = pItem;
  /* series_fit_line, series_decompose_anomalies, ... (bind_series.c) */
  int nSeries = kqlSeriesExpandMulti(p, pItem, eOp, papItem);
  if( nSeries ) return nSeries;
  if( pItem->eKind==KQL_AST_MULTIASSIGN && pItem->nChild ) pCall = pItem->aChild[0];
  if( pCall->eKind!=KQL_AST_CALL || pCall->z==0 ) return 0;
  const char *zNth;
  if( strcmp(pCall->z, "array_sort_asc")==0 ) zNth = "__array_sort_asc_nth";
  else if( strcmp(pCall->z, "array_sort_desc")==0 ) zNth = "__array_sort_desc_nth";
  else return 0;
  int nArr = pCall->nChild;
  if( nArr>0 ){
    const KqlAst *pLast = pCall->aChild[nArr-1];
    if( pLast->eKind==KQL_AST_LITERAL && pLast->eOp==KQL_LIT_BOOL ) nArr--;
  }
  if( nArr<2 && pItem->eKind!=KQL_AST_MULTIASSIGN ) return 0;
  KqlAst **a = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)(nArr+1));
  for(int i=0; i<nArr; i++){
    KqlAst *pNth = kqlAstNewText(p->pArena, KQL_AST_CALL, pCall->iOfst, pCall->nLen, zNth, -1);
    KqlAst *pIdx = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pCall->iOfst, 0,
                                 kqlArenaPrintf(p->pArena, "%d", i), -1);
    pIdx->eOp = KQL_LIT_LONG;
    kqlAstAppend(p->pArena, pNth, pIdx);
    for(int k=0; k<pCall->nChild; k++) kqlAstAppend(p->pArena, pNth, pCall->aChild[k]);
    pNth->iOfst = pCall->iOfst;
    pNth->nLen = pCall->nLen;
    const char *zName = 0;
    if( pItem->eKind==KQL_AST_MULTIASSIGN && i+1<pItem->nChild ) zName = pItem->aChild[i+1]->z;
    if( zName==0 ){
      const KqlAst *pArg = pCall->aChild[i];
      const char *zArg = pArg->eKind==KQL_AST_IDENT ? pArg->z : kqlNameForExpr(p, pArg, 0);
      zName = zArg ? kqlArenaPrintf(p->pArena, "%s_sorted", zArg)
                   : kqlArenaPrintf(p->pArena, "array%d_sorted", i+1);
    }
    KqlAst *pAs = kqlAstNewText(p->pArena, KQL_AST_ASSIGN, pItem->iOfst, pItem->nLen, zName, -1);
    kqlAstAppend(p->pArena, pAs, pNth);
    pAs->iOfst = pItem->iOfst;
    pAs->nLen = pItem->nLen;
    a[i] = pAs;
  }
  *papItem = a;
  return nArr;
}

/* The items of project/extend/print with multi-column calls expanded. */
KqlAst *kqlBindExpandItems(Binder *p, const KqlAst *pOp){
  int bAny = 0;
  KqlAst **aTmp;
  for(int i=0; i<pOp->nChild && !bAny; i++){
    if( expandMulti(p, pOp->eKind, pOp->aChild[i], &aTmp) ) bAny = 1;
  }
  if( !bAny ) return (KqlAst*)pOp;
  KqlAst *pNew = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
  *pNew = *pOp;
  pNew->nChild = pNew->nAlloc = 0;
  pNew->aChild = 0;
  for(int i=0; i<pOp->nChild; i++){
    int n = expandMulti(p, pOp->eKind, pOp->aChild[i], &aTmp);
    if( n==0 ){ kqlAstAppend(p->pArena, pNew, pOp->aChild[i]); continue; }
    for(int k=0; k<n; k++) kqlAstAppend(p->pArena, pNew, aTmp[k]);
  }
  pNew->iOfst = pOp->iOfst;
  pNew->nLen = pOp->nLen;
  return pNew;
}

/* project */
static KqlRel *opProject(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  pOp = kqlBindExpandItems(p, pOp);
  KqlRowCtx ctx, *pSave;
  const char *zA = rowEnter(p, &ctx, &pSave, pIn);
  KqlCol *aCol = colsNew(p, pOp->nChild);
  int nCol = 0;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pItem = pOp->aChild[i];
    if( pItem->eKind==KQL_AST_MULTIASSIGN ){
      if( kqlSeriesMultiError(p, pItem) ) continue;
      kqlBindNotSupported(p, pItem, "(a, b) = ... in project");
      continue;
    }
    const char *zName;
    KqlExpr *e = bindItem(p, pItem, &zName, aCol, nCol);
    for(int j=0; j<nCol; j++){
      if( strcmp(aCol[j].zName, zName)==0 ){
        if( (pItem->eKind==KQL_AST_ASSIGN && pItem->eOp!=KQL_SERIES_AUTONAME) || pItem->eKind==KQL_AST_IDENT ){
          kqlBindErr(p, pItem, "KQL112", "duplicate column name '%s'", zName);
        }
        zName = kqlNameUnique(p, zName, aCol, nCol);
        break;
      }
    }
    if( nCol ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s AS ", e->zSql);
    kqlStrIdent(&s, zName, -1);
    aCol[nCol].zName = zName;
    aCol[nCol].eType = colType(e);
    nCol++;
  }
  rowLeave(p, pSave);
  if( nCol==0 ) kqlStrAppend(&s, "NULL", -1);
  appendFrom(&s, pIn, zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}

static int extendCopies(Binder *p, KqlRel *pIn, const char *zA, const char *zSql);

/* One extend item: a new column at the end, or an existing one replaced in place. */
static KqlRel *extendOne(Binder *p, KqlRel *pIn, const KqlAst *pItem){
  KqlRowCtx ctx, *pSave;
  const char *zA = rowEnter(p, &ctx, &pSave, pIn);
  const char *zName;
  KqlExpr *e = bindItem(p, pItem, &zName, 0, 0);
  rowLeave(p, pSave);
  if( pItem->eKind==KQL_AST_ASSIGN && pItem->eOp==KQL_SERIES_AUTONAME ){
    zName = kqlNameUnique(p, zName, pIn->aCol, pIn->nCol);   /* a default name never replaces */
  }
  int iRep = kqlBindFindCol(pIn, zName);
  int nCol = pIn->nCol + (iRep<0);
  KqlCol *aCol = colsNew(p, nCol);
  memcpy(aCol, pIn->aCol, sizeof(KqlCol)*(size_t)pIn->nCol);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<pIn->nCol; i++){
    if( i ) kqlStrAppend(&s, ", ", 2);
    if( i==iRep ){
      kqlStrPrintf(&s, "%s AS ", e->zSql);
      aCol[i].eType = colType(e);
    }else{
      kqlStrPrintf(&s, "%s.", zA);
    }
    kqlStrIdent(&s, pIn->aCol[i].zName, -1);
  }
  if( iRep<0 ){
    if( pIn->nCol ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s AS ", e->zSql);
    kqlStrIdent(&s, zName, -1);
    aCol[nCol-1].zName = zName;
    aCol[nCol-1].eType = colType(e);
  }
  int nCopy = extendCopies(p, pIn, zA, e->zSql);
  appendFrom(&s, pIn, zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
  r->bOrdered = pIn->bOrdered;
  r->iExtCol = 1 + (iRep<0 ? nCol-1 : iRep);
  r->nExtCopy = nCopy;
  return r;
}

/*
** How many copies of the expressions behind an extended column SQLite
** inlines when it flattens the chain of extends: an item referencing the
** previous item's column k times (extend arr = iff(c, f(arr), arr)) holds
** k copies of it, so a chain of such items grows as 2^n. Past a bound the
** input is made a MATERIALIZED CTE, which stops the inlining there.
*/
static int extendCopies(Binder *p, KqlRel *pIn, const char *zA, const char *zSql){
  if( pIn->iExtCol<=0 || pIn->iExtCol>pIn->nCol || pIn->zCte ) return 1;
  KqlStr n;
  kqlStrInit(&n, p->pArena);
  kqlStrPrintf(&n, "%s.", zA);
  kqlStrIdent(&n, pIn->aCol[pIn->iExtCol-1].zName, -1);
  const char *zNeedle = kqlStrText(&n);
  size_t nNeedle = strlen(zNeedle);
  int nRef = 0;
  for(const char *z = strstr(zSql, zNeedle); z; z = strstr(z + nNeedle, zNeedle)) nRef++;
  if( nRef==0 ) return 1;
  if( nRef==1 ) return pIn->nExtCopy>0 ? pIn->nExtCopy : 1;
  int nCopy = nRef * (pIn->nExtCopy>0 ? pIn->nExtCopy : 1);
  if( nCopy>32 ){
    pIn->bMaterialize = 1;
    nCopy = 1;
  }
  return nCopy;
}

/*
** (a, b, ...) = f(...) left over by kqlBindExpandItems (the series
** functions are expanded there, bind_series.c): too many names for a
** series function are reported; other calls are not run: when checking,
** the names are typed dynamic so the rest of the query can be checked;
** when running, the call is reported as not supported.
*/
static KqlRel *extendMulti(Binder *p, KqlRel *pIn, const KqlAst *pItem){
  const KqlAst *pCall = pItem->nChild ? pItem->aChild[0] : 0;
  if( kqlSeriesMultiError(p, pItem) ) return pIn;
  if( !p->pEnv->bCheck || pCall==0 || pCall->eKind!=KQL_AST_CALL ){
    kqlBindNotSupported(p, pCall ? pCall : pItem, pCall && pCall->z
                        ? kqlArenaPrintf(p->pArena, "(a, b, ...) = %s(...)", pCall->z) : "(a, b) = ... in extend");
    return pIn;
  }
  KqlRowCtx ctx, *pSave;
  rowEnter(p, &ctx, &pSave, pIn);
  for(int i=0; i<pCall->nChild; i++){
    const KqlAst *pArg = pCall->aChild[i];
    if( pArg->eKind==KQL_AST_NAMEDARG ) pArg = pArg->aChild[0];
    if( pArg->eKind!=KQL_AST_STAR ) kqlBindExpr(p, pArg);
  }
  rowLeave(p, pSave);
  KqlRel *r = pIn;
  for(int i=1; i<pItem->nChild; i++){
    KqlAst *pAs = kqlAstNewText(p->pArena, KQL_AST_ASSIGN, pItem->iOfst, pItem->nLen, pItem->aChild[i]->z, -1);
    KqlAst *pNull = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pItem->iOfst, 0, "null", -1);
    pNull->eOp = KQL_LIT_NULL;
    kqlAstAppend(p->pArena, pAs, pNull);
    pAs->iOfst = pItem->iOfst;
    pAs->nLen = pItem->nLen;
    r = extendOne(p, r, pAs);
  }
  return r;
}

static KqlRel *opExtend(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  pOp = kqlBindExpandItems(p, pOp);
  KqlRel *r = pIn;
  const KqlRel *pSaveIn = p->pExtendIn;
  p->pExtendIn = pIn;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pItem = pOp->aChild[i];
    if( pItem->eKind==KQL_AST_MULTIASSIGN ){
      r = extendMulti(p, r, pItem);
      continue;
    }
    r = extendOne(p, r, pItem);
  }
  p->pExtendIn = pSaveIn;
  return r;
}

/* ORDER BY list of sort keys; bDefaultDesc for sort/order/top (KQL's default). */
static void appendOrderBy(Binder *p, KqlStr *s, const KqlAst *const *aKey, int nKey){
  kqlStrAppend(s, " ORDER BY ", -1);
  for(int i=0; i<nKey; i++){
    const KqlAst *pKey = aKey[i];
    const KqlAst *pExpr = pKey->eKind==KQL_AST_SORTKEY ? pKey->aChild[0] : pKey;
    int m = pKey->eKind==KQL_AST_SORTKEY ? pKey->eOp : 0;
    KqlExpr *e = kqlBindExpr(p, pExpr);
    int bAsc = (m & KQL_SORT_ASC)!=0;
    const char *zE = e->zSql;
    if( e->eType==KQL_T_DYNAMIC ) zE = kqlArenaPrintf(p->pArena, "(%s ->> '$')", e->zSql);
    if( i ) kqlStrAppend(s, ", ", 2);
    if( e->eType==KQL_T_REAL ){
      /* NaN (the text 'NaN') sorts with the nulls, on their side: null, NaN
      ** first or NaN, null last (the sort page's table) */
      int bFirst = (m & KQL_SORT_NULLS_FIRST) || (!(m & KQL_SORT_NULLS_LAST) && bAsc);
      kqlStrPrintf(s, "(CASE WHEN %s IS NULL THEN %d WHEN %s = 'NaN' THEN 1 ELSE %d END), ",
                   zE, bFirst ? 0 : 2, zE, bFirst ? 2 : 0);
    }
    kqlStrPrintf(s, "%s %s", zE, bAsc ? "ASC" : "DESC");
    if( m & KQL_SORT_NULLS_FIRST ) kqlStrAppend(s, " NULLS FIRST", -1);
    else if( m & KQL_SORT_NULLS_LAST ) kqlStrAppend(s, " NULLS LAST", -1);
  }
}

static KqlRel *opSort(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  KqlRowCtx ctx, *pSave;
  const char *zA = rowEnter(p, &ctx, &pSave, pIn);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  appendFrom(&s, pIn, zA);
  appendOrderBy(p, &s, (const KqlAst *const *)pOp->aChild, pOp->nChild);
  rowLeave(p, pSave);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  r->bOrdered = 1;
  return r;
}

/* The row count of take/top/sample: a constant long. */
static const char *countExpr(Binder *p, const KqlAst *pAst){
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  KqlExpr *e = kqlBindExpr(p, pAst);
  p->pRow = pSave;
  if( e->bError ) return "0";
  if( e->eType!=KQL_T_INT && e->eType!=KQL_T_LONG ){
    kqlBindErr(p, pAst, "KQL144", "row count must be an integer, not %s", kqlTypeName(e->eType));
    return "0";
  }
  return e->zSql;
}

static KqlRel *opTake(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const char *zN = countExpr(p, pOp->aChild[0]);
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  appendFrom(&s, pIn, zA);
  kqlStrPrintf(&s, " LIMIT max(%s, 0)", zN);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}

static KqlRel *opTop(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const char *zN = countExpr(p, pOp->aChild[0]);
  KqlRowCtx ctx, *pSave;
  const char *zA = rowEnter(p, &ctx, &pSave, pIn);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  appendFrom(&s, pIn, zA);
  appendOrderBy(p, &s, (const KqlAst *const *)&pOp->aChild[1], pOp->nChild-1);
  kqlStrPrintf(&s, " LIMIT max(%s, 0)", zN);
  rowLeave(p, pSave);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  r->bOrdered = 1;
  return r;
}

static KqlRel *opCount(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pAs = kqlAstOpt(pOp, "as");
  const char *zName = pAs && pAs->nChild && pAs->aChild[0]->z ? pAs->aChild[0]->z : "Count";
  KqlCol *aCol = colsNew(p, 1);
  aCol[0].zName = zName;
  aCol[0].eType = KQL_T_LONG;
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT count(*) AS ", -1);
  kqlStrIdent(&s, zName, -1);
  appendFrom(&s, pIn, zA);
  return kqlBindRelNew(p, kqlStrText(&s), 1, aCol);
}

static KqlRel *opDistinct(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  if( pOp->nChild==1 && pOp->aChild[0]->eKind==KQL_AST_STAR ){
    const char *zA = kqlBindAlias(p);
    KqlStr s;
    kqlStrInit(&s, p->pArena);
    kqlStrAppend(&s, "SELECT DISTINCT ", -1);
    kqlBindColList(&s, pIn, zA);
    appendFrom(&s, pIn, zA);
    return kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  }
  KqlRel *r = opProject(p, pIn, pOp);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT DISTINCT", -1);
  kqlStrAppend(&s, r->zSql + 6, -1);
  r->zSql = kqlStrText(&s);
  r->bOrdered = 0;
  return r;
}

/* ------------------------------------------------------------ summarize */

/* Is pAst a call of arg_max/arg_min? */
static int isArgMinMax(const KqlAst *pAst){
  return pAst && pAst->eKind==KQL_AST_CALL && pAst->z
      && (strcmp(pAst->z, "arg_max")==0 || strcmp(pAst->z, "arg_min")==0
          || strcmp(pAst->z, "argmax")==0 || strcmp(pAst->z, "argmin")==0);   /* deprecated spellings */
}

typedef struct SumOut SumOut;
struct SumOut {
  KqlCol *aCol;         /* output columns so far */
  int nCol;
  KqlStr *pSel;         /* select list */
};

static void sumAdd(Binder *p, SumOut *o, const char *zName, int eType, const char *zSql){
  zName = kqlNameUnique(p, zName, o->aCol, o->nCol);
  if( o->nCol ) kqlStrAppend(o->pSel, ", ", 2);
  kqlStrPrintf(o->pSel, "%s AS ", zSql);
  kqlStrIdent(o->pSel, zName, -1);
  o->aCol[o->nCol].zName = zName;
  o->aCol[o->nCol].eType = eType;
  o->nCol++;
}

/*
** arg_max(t, c1, c2 | *): the t column, then the chosen columns of the row
** where t is largest. bBare: the summarize has this single aggregate, so
** SQLite's bare-column rule of max()/min() gives the row directly.
*/
static void sumArgMax(Binder *p, SumOut *o, const KqlAst *pCall, const KqlRel *pIn,
                      const KqlAst *pBy, int bBare, const KqlAst *pNames){
  int bMax = strstr(pCall->z, "max")!=0;
  /* SQLite's bare columns come from an arbitrary row when every t of the
  ** group is null; Kusto returns the first row's then (docs example), which
  ** kql_arg_max_v/kql_arg_min_v keep. */
  bBare = 0;
  if( pCall->nChild<2 ){
    kqlBindErr(p, pCall, "KQL131", "function '%s' expects at least 2 arguments, got %d", pCall->z, pCall->nChild);
    return;
  }
  KqlRowCtx inner = *p->pRow;
  KqlRowCtx *pSave = p->pRow;
  inner.bAggOk = 0;
  p->pRow = &inner;
  KqlExpr *t = kqlBindExpr(p, pCall->aChild[0]);
  p->pRow = pSave;
  if( t->bError ) return;
  const char *zT = kqlNameForExpr(p, pCall->aChild[0], 0);
  /* unnamed expressions: max_ (the first), max_<first>_arg<i> (the oracle's names) */
  const char *zArgBase = kqlArenaPrintf(p->pArena, "%s_%s", bMax ? "max" : "min", zT ? zT : "");
  if( zT==0 ) zT = kqlArenaPrintf(p->pArena, "%s_", bMax ? "max" : "min");
  int iName = 0;   /* next name from pNames: z of an ASSIGN, or the IDENTs of a MULTIASSIGN */
  const char *zTOut = zT;
  if( pNames && pNames->eKind==KQL_AST_ASSIGN ) zTOut = pNames->z;
  if( pNames && pNames->eKind==KQL_AST_MULTIASSIGN && pNames->nChild>1 ){
    zTOut = pNames->aChild[1]->z;
    iName = 2;
  }
  sumAdd(p, o, zTOut, colType(t), kqlArenaPrintf(p->pArena, "%s(%s)", bMax ? "max" : "min", t->zSql));
  for(int i=1; i<pCall->nChild; i++){
    const KqlAst *pArg = pCall->aChild[i];
    if( pArg->eKind==KQL_AST_STAR ){
      for(int c=0; c<pIn->nCol; c++){
        const char *zC = pIn->aCol[c].zName;
        int bSkip = strcmp(zC, zT)==0;
        for(int k=0; pBy && k<pBy->nChild && !bSkip; k++){
          const KqlAst *pK = pBy->aChild[k];
          const KqlAst *pE = pK->eKind==KQL_AST_ASSIGN && pK->nChild ? pK->aChild[0] : pK;
          if( pE && pE->eKind==KQL_AST_IDENT && pE->z && strcmp(pE->z, zC)==0 ) bSkip = 1;
        }
        if( bSkip ) continue;
        const char *zRef = kqlBindColRef(p, c);
        sumAdd(p, o, zC, pIn->aCol[c].eType, bBare ? zRef :
               kqlArenaPrintf(p->pArena, "%s(%s, %s)", bMax ? "kql_arg_max_v" : "kql_arg_min_v", t->zSql, zRef));
      }
      continue;
    }
    const char *zName = 0;
    const KqlAst *pE = pArg;
    if( pArg->eKind==KQL_AST_ASSIGN ){ zName = pArg->z; pE = pArg->aChild[0]; }
    p->pRow = &inner;
    KqlExpr *e = kqlBindExpr(p, pE);
    p->pRow = pSave;
    if( e->bError ) continue;
    if( zName==0 ) zName = kqlNameForExpr(p, pE, 0);
    if( zName==0 ) zName = kqlArenaPrintf(p->pArena, "%s_arg%d", zArgBase, i);
    if( pNames && pNames->eKind==KQL_AST_MULTIASSIGN && iName>0 && iName<pNames->nChild ){
      zName = pNames->aChild[iName++]->z;
    }
    sumAdd(p, o, zName, colType(e), bBare ? e->zSql :
           kqlArenaPrintf(p->pArena, "%s(%s, %s)", bMax ? "kql_arg_max_v" : "kql_arg_min_v", t->zSql, e->zSql));
  }
}

/*
** take_any(a, b, ...) / take_any(*): the columns of one (arbitrary) row of
** the group, all from the same row: SQLite's bare columns in a GROUP BY
** query come from one row when no min()/max() aggregate is present.
*/
static void sumTakeAny(Binder *p, SumOut *o, const KqlAst *pCall, const KqlRel *pIn, const KqlAst *pBy){
  int bAny = strcmp(pCall->z, "any")==0;   /* any() names its columns any_X, take_any() X */
  for(int i=0; i<pCall->nChild; i++){
    const KqlAst *pArg = pCall->aChild[i];
    if( pArg->eKind==KQL_AST_STAR ){
      for(int c=0; c<pIn->nCol; c++){
        const char *zC = pIn->aCol[c].zName;
        int bSkip = 0;
        for(int k=0; pBy && k<pBy->nChild && !bSkip; k++){
          const KqlAst *pK = pBy->aChild[k];
          const KqlAst *pE = pK->eKind==KQL_AST_ASSIGN && pK->nChild ? pK->aChild[0] : pK;
          if( pE && pE->eKind==KQL_AST_IDENT && pE->z && strcmp(pE->z, zC)==0 ) bSkip = 1;
        }
        if( !bSkip ) sumAdd(p, o, bAny ? kqlArenaPrintf(p->pArena, "any_%s", zC) : zC,
                            pIn->aCol[c].eType, kqlBindColRef(p, c));
      }
      continue;
    }
    KqlRowCtx inner = *p->pRow, *pSave = p->pRow;
    inner.bAggOk = 0;
    p->pRow = &inner;
    KqlExpr *e = kqlBindExpr(p, pArg);
    p->pRow = pSave;
    if( e->bError ) continue;
    const char *zName = kqlNameForExpr(p, pArg, 0);
    if( zName && bAny ) zName = kqlArenaPrintf(p->pArena, "any_%s", zName);
    if( zName==0 ) zName = kqlArenaPrintf(p->pArena, "any_arg%d", i);   /* the oracle's name */
    sumAdd(p, o, zName, colType(e), e->zSql);
  }
}

/* percentiles(x, p1, p2...) / percentilesw(x, w, p1...): one column per percentile.
** pNames: NULL, an ASSIGN or a MULTIASSIGN naming the first columns (the
** others keep percentile_x_p; more names than percentiles is an error). */
static void sumPercentiles(Binder *p, SumOut *o, const KqlAst *pCall, const KqlRel *pIn,
                           const KqlAst *pNames){
  int bW = strcmp(pCall->z, "percentilesw")==0;
  int nFixed = bW ? 2 : 1;
  if( pCall->nChild<=nFixed ){
    kqlBindErr(p, pCall, "KQL131", "function '%s' expects at least %d arguments, got %d", pCall->z,
               nFixed+1, pCall->nChild);
    return;
  }
  KqlRowCtx inner = *p->pRow, *pSave = p->pRow;
  inner.bAggOk = 0;
  p->pRow = &inner;
  KqlExpr *x = kqlBindExpr(p, pCall->aChild[0]);
  KqlExpr *w = bW ? kqlBindExpr(p, pCall->aChild[1]) : 0;
  p->pRow = pSave;
  if( x->bError || (w && w->bError) ) return;
  const char *zX = kqlNameForExpr(p, pCall->aChild[0], 0);
  int nPct = pCall->nChild - nFixed;
  int nName = pNames==0 ? 0 : pNames->eKind==KQL_AST_ASSIGN ? 1 : pNames->nChild-1;
  if( nName>nPct ){
    kqlBindErr(p, pNames, "KQL136", "%s: %d names for %d percentiles", pCall->z, nName, nPct);
    return;
  }
  for(int i=nFixed; i<pCall->nChild; i++){
    const KqlAst *pPct = pCall->aChild[i];
    KqlExpr *e = kqlBindExpr(p, pPct);
    if( e->bError ) continue;
    char *zP = kqlArenaStrdup(p->pArena, pPct->z ? pPct->z : "", -1);
    for(char *c = zP; *c; c++) if( *c=='.' ) *c = '_';
    const char *zName = kqlArenaPrintf(p->pArena, "percentile_%s_%s", zX ? zX : "", zP);
    if( i-nFixed<nName ) zName = pNames->eKind==KQL_AST_ASSIGN ? pNames->z : pNames->aChild[1+i-nFixed]->z;
    const char *zSql = bW ? kqlArenaPrintf(p->pArena, "kql_percentilew(%s, %s, %s)", x->zSql, w->zSql, e->zSql)
                          : kqlArenaPrintf(p->pArena, "kql_percentile(%s, %s)", x->zSql, e->zSql);
    sumAdd(p, o, zName, x->eType==KQL_T_INT ? KQL_T_LONG : colType(x), zSql);
  }
  (void)pIn;
}

static KqlRel *opSummarize(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pAggs = pOp->nChild>0 ? pOp->aChild[0] : 0;
  const KqlAst *pBy = pOp->nChild>1 ? pOp->aChild[1] : 0;
  int nAgg = pAggs ? pAggs->nChild : 0;
  int nBy = pBy ? pBy->nChild : 0;
  KqlRowCtx ctx, *pSave;
  const char *zA = rowEnter(p, &ctx, &pSave, pIn);
  KqlStr sel;
  kqlStrInit(&sel, p->pArena);
  SumOut o;
  o.aCol = colsNew(p, pIn->nCol*2 + nAgg + nBy + 4);
  o.nCol = 0;
  o.pSel = &sel;
  /* by keys first */
  for(int i=0; i<nBy; i++){
    const char *zName;
    KqlExpr *e = bindItem(p, pBy->aChild[i], &zName, o.aCol, o.nCol);
    if( e->bAgg && !e->bError ){
      kqlBindErr(p, pBy->aChild[i], "KQL135", "a summarize 'by' key cannot contain an aggregate");
    }
    if( pBy->aChild[i]->eKind!=KQL_AST_ASSIGN && kqlNameForExpr(p, pBy->aChild[i], 0)==0 ){
      zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, o.aCol, o.nCol);
    }
    sumAdd(p, &o, zName, colType(e), e->zSql);
  }
  /* then aggregates */
  ctx.bAggOk = 1;
  for(int i=0; i<nAgg; i++){
    const KqlAst *pItem = pAggs->aChild[i];
    if( isArgMinMax(pItem) ){
      sumArgMax(p, &o, pItem, pIn, pBy, nAgg==1, 0);
      continue;
    }
    if( (pItem->eKind==KQL_AST_ASSIGN || pItem->eKind==KQL_AST_MULTIASSIGN) && pItem->nChild
        && isArgMinMax(pItem->aChild[0]) ){
      sumArgMax(p, &o, pItem->aChild[0], pIn, pBy, nAgg==1, pItem);
      continue;
    }
    if( (pItem->eKind==KQL_AST_ASSIGN || pItem->eKind==KQL_AST_MULTIASSIGN) && pItem->nChild
        && pItem->aChild[0]->eKind==KQL_AST_CALL && pItem->aChild[0]->z
        && (strcmp(pItem->aChild[0]->z, "percentiles")==0 || strcmp(pItem->aChild[0]->z, "percentilesw")==0) ){
      sumPercentiles(p, &o, pItem->aChild[0], pIn, pItem);
      continue;
    }
    if( pItem->eKind==KQL_AST_MULTIASSIGN ){
      kqlBindNotSupported(p, pItem, "(a, b) = ... in summarize");
      continue;
    }
    if( pItem->eKind==KQL_AST_CALL && pItem->z && (strcmp(pItem->z, "take_any")==0 || strcmp(pItem->z, "any")==0)
        && (pItem->nChild>1 || (pItem->nChild==1 && pItem->aChild[0]->eKind==KQL_AST_STAR)) ){
      sumTakeAny(p, &o, pItem, pIn, pBy);
      continue;
    }
    if( pItem->eKind==KQL_AST_CALL && pItem->z && (strcmp(pItem->z, "percentiles")==0
                                                  || strcmp(pItem->z, "percentilesw")==0) ){
      sumPercentiles(p, &o, pItem, pIn, 0);
      continue;
    }
    const char *zName;
    KqlExpr *e = bindItem(p, pItem, &zName, o.aCol, o.nCol);
    if( e->bError ) continue;
    if( !e->bAgg ){
      kqlBindErr(p, pItem, "KQL136", "summarize expressions must contain an aggregate function");
      continue;
    }
    if( pItem->eKind!=KQL_AST_ASSIGN && kqlNameForExpr(p, pItem, 1)==0 ){
      int bAnyArg = pItem->eKind==KQL_AST_CALL && pItem->z && pItem->nChild==1
                    && (strcmp(pItem->z, "take_any")==0 || strcmp(pItem->z, "any")==0);
      zName = bAnyArg ? "any_arg0" : kqlNameColumnN(p, pIn->aCol, pIn->nCol, o.aCol, o.nCol);
    }
    sumAdd(p, &o, zName, colType(e), e->zSql);
  }
  rowLeave(p, pSave);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlStrAppend(&s, o.nCol ? kqlStrText(&sel) : "NULL", -1);
  appendFrom(&s, pIn, zA);
  if( nBy ){
    kqlStrAppend(&s, " GROUP BY ", -1);
    for(int i=0; i<nBy; i++) kqlStrPrintf(&s, "%s%d", i ? ", " : "", i+1);
  }
  return kqlBindRelNew(p, kqlStrText(&s), o.nCol, o.aCol);
}

/* ------------------------------------------------------------ project-* */

/* Does name z match the wildcard pattern zPat ('*' matches any run)? */
static int wildMatch(const char *zPat, const char *z){
  while( *zPat ){
    if( *zPat=='*' ){
      zPat++;
      if( *zPat==0 ) return 1;
      for(; *z; z++) if( wildMatch(zPat, z) ) return 1;
      return 0;
    }
    if( *zPat!=*z ) return 0;
    zPat++;
    z++;
  }
  return *z==0;
}

/* Mark in abSel[] the input columns that the name/wildcard items select. */
/* Column names in project-reorder's asc/desc order: ordinal, ignoring
** (ASCII) case; with bGranny a run of digits compares by its value, then
** the shorter run first (a2 < a10, a1a < a01: the oracle's order). */
static int reorderCmp(const char *a, const char *b, int bGranny){
  const unsigned char *x = (const unsigned char*)a, *y = (const unsigned char*)b;
  for(;;){
    if( bGranny && *x>='0' && *x<='9' && *y>='0' && *y<='9' ){
      const unsigned char *x0 = x, *y0 = y;
      while( *x=='0' ) x++;
      while( *y=='0' ) y++;
      const unsigned char *xs = x, *ys = y;
      while( *x>='0' && *x<='9' ) x++;
      while( *y>='0' && *y<='9' ) y++;
      if( (x - xs)!=(y - ys) ) return (x - xs) < (y - ys) ? -1 : 1;
      int c = memcmp(xs, ys, (size_t)(x - xs));
      if( c ) return c;
      if( (x - x0)!=(y - y0) ) return (x - x0) < (y - y0) ? -1 : 1;
      continue;
    }
    int cx = (*x>='a' && *x<='z') ? *x - 32 : *x;
    int cy = (*y>='a' && *y<='z') ? *y - 32 : *y;
    if( cx!=cy || cx==0 ) return cx - cy;
    x++; y++;
  }
}

static int selectCols(Binder *p, const KqlRel *pIn, const KqlAst *pOp, unsigned char *abSel,
                      int *aiOrder, int *pnOrder){
  int nOrder = 0;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pItem = pOp->aChild[i];
    int eSort = 0;   /* project-reorder a* asc|desc: the matches sorted by name */
    int bGranny = 0; /* ... granny-asc|granny-desc */
    if( pItem->eKind==KQL_AST_SORTKEY ){
      eSort = pItem->eOp & (KQL_SORT_ASC|KQL_SORT_DESC);
      bGranny = (pItem->eOp & KQL_SORT_GRANNY)!=0;
      pItem = pItem->aChild[0];
    }
    int nStart = nOrder;
    const char *zPat = pItem->z;
    if( zPat==0 || (pItem->eKind!=KQL_AST_IDENT && pItem->eKind!=KQL_AST_WILDCARD) ){
      kqlBindErr(p, pItem, "KQL145", "expected a column name or a wildcard");
      return 0;
    }
    int bWild = strchr(zPat, '*')!=0;
    int nHit = 0;
    for(int c=0; c<pIn->nCol; c++){
      if( bWild ? wildMatch(zPat, pIn->aCol[c].zName) : strcmp(zPat, pIn->aCol[c].zName)==0 ){
        if( !abSel[c] && aiOrder ) aiOrder[nOrder++] = c;
        abSel[c] = 1;
        nHit++;
      }
    }
    if( nHit==0 && !bWild ){
      kqlBindErr(p, pItem, "KQL103", "unknown column '%s'", zPat);
    }
    for(int j=nStart+1; aiOrder && eSort && j<nOrder; j++){
      int c = aiOrder[j], k = j;
      while( k>nStart ){
        int cmp = reorderCmp(pIn->aCol[aiOrder[k-1]].zName, pIn->aCol[c].zName, bGranny);
        if( (eSort & KQL_SORT_DESC) ? cmp>=0 : cmp<=0 ) break;
        aiOrder[k] = aiOrder[k-1];
        k--;
      }
      aiOrder[k] = c;
    }
  }
  if( pnOrder ) *pnOrder = nOrder;
  return 1;
}

static KqlRel *projectIdx(Binder *p, const KqlRel *pIn, const int *aiCol, int nCol,
                          const char *const *azNew){
  const char *zA = kqlBindAlias(p);
  KqlCol *aCol = colsNew(p, nCol);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<nCol; i++){
    const KqlCol *c = &pIn->aCol[aiCol[i]];
    const char *zName = azNew && azNew[i] ? azNew[i] : c->zName;
    if( i ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s.", zA);
    kqlStrIdent(&s, c->zName, -1);
    kqlStrAppend(&s, " AS ", -1);
    kqlStrIdent(&s, zName, -1);
    aCol[i].zName = zName;
    aCol[i].eType = c->eType;
  }
  if( nCol==0 ) kqlStrAppend(&s, "NULL", -1);
  appendFrom(&s, pIn, zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}

static KqlRel *opProjectAwayKeep(Binder *p, KqlRel *pIn, const KqlAst *pOp, int bKeep){
  unsigned char *abSel = kqlArenaAlloc(p->pArena, (size_t)pIn->nCol + 1);
  int *aiCol = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(pIn->nCol + 1));
  if( !selectCols(p, pIn, pOp, abSel, 0, 0) ) return pIn;
  int n = 0;
  for(int c=0; c<pIn->nCol; c++){
    if( (abSel[c]!=0)==bKeep ) aiCol[n++] = c;
  }
  return projectIdx(p, pIn, aiCol, n, 0);
}

static KqlRel *opProjectReorder(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  unsigned char *abSel = kqlArenaAlloc(p->pArena, (size_t)pIn->nCol + 1);
  int *aiCol = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(pIn->nCol + 1));
  int n = 0;
  if( !selectCols(p, pIn, pOp, abSel, aiCol, &n) ) return pIn;
  for(int c=0; c<pIn->nCol; c++){
    if( !abSel[c] ) aiCol[n++] = c;
  }
  return projectIdx(p, pIn, aiCol, n, 0);
}

static KqlRel *opProjectRename(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const char **azNew = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(pIn->nCol + 1));
  int *aiCol = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(pIn->nCol + 1));
  for(int c=0; c<pIn->nCol; c++) aiCol[c] = c;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pItem = pOp->aChild[i];
    if( pItem->eKind!=KQL_AST_ASSIGN || pItem->nChild<1 || pItem->aChild[0]->eKind!=KQL_AST_IDENT ){
      kqlBindErr(p, pItem, "KQL145", "expected new_name = old_name");
      continue;
    }
    int c = kqlBindFindCol(pIn, pItem->aChild[0]->z);
    if( c<0 ){
      kqlBindErr(p, pItem->aChild[0], "KQL103", "unknown column '%s'", pItem->aChild[0]->z);
      continue;
    }
    azNew[c] = pItem->z;
  }
  for(int c=0; c<pIn->nCol; c++){
    const char *z = azNew[c] ? azNew[c] : pIn->aCol[c].zName;
    for(int d=0; d<c; d++){
      const char *z2 = azNew[d] ? azNew[d] : pIn->aCol[d].zName;
      if( strcmp(z, z2)==0 ) kqlBindErr(p, pOp, "KQL112", "duplicate column name '%s'", z);
    }
  }
  return projectIdx(p, pIn, aiCol, pIn->nCol, azNew);
}

/* getschema: one row per input column. */
static KqlRel *opGetschema(Binder *p, KqlRel *pIn){
  static const char *const azDotNet[] = {
    "System.Object", "System.Boolean", "System.Int32", "System.Int64", "System.Double",
    "System.Data.SqlTypes.SqlDecimal", "System.String", "System.DateTime", "System.TimeSpan",
    "System.Guid", "System.Object", "System.Object",
  };
  KqlCol *aCol = colsNew(p, 4);
  aCol[0].zName = "ColumnName";    aCol[0].eType = KQL_T_STRING;
  aCol[1].zName = "ColumnOrdinal"; aCol[1].eType = KQL_T_LONG;
  aCol[2].zName = "DataType";      aCol[2].eType = KQL_T_STRING;
  aCol[3].zName = "ColumnType";    aCol[3].eType = KQL_T_STRING;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  for(int i=0; i<pIn->nCol; i++){
    int t = pIn->aCol[i].eType;
    kqlStrPrintf(&s, "%sSELECT %s AS \"ColumnName\", %s AS \"ColumnOrdinal\", %s AS \"DataType\", "
                 "%s AS \"ColumnType\"", i ? " UNION ALL " : "",
                 kqlBindParamText(p, pIn->aCol[i].zName, -1), kqlBindParamInt(p, i),
                 kqlBindParamText(p, azDotNet[t>=0 && t<KQL_T_COUNT ? t : 0], -1),
                 kqlBindParamText(p, kqlTypeName(t), -1));
  }
  if( pIn->nCol==0 ){
    kqlStrAppend(&s, "SELECT NULL AS \"ColumnName\", NULL AS \"ColumnOrdinal\", NULL AS \"DataType\", "
                     "NULL AS \"ColumnType\" WHERE 0", -1);
  }
  /* the docs list getschema among the operators whose output is serialized */
  KqlRel *r = kqlBindRelNew(p, kqlArenaPrintf(p->pArena, "SELECT * FROM (%s) ORDER BY 2", kqlStrText(&s)), 4, aCol);
  r->bOrdered = 1;
  return r;
}

static KqlRel *bindOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp);

KqlRel *kqlBindOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  KqlRel *r = bindOperator(p, pIn, pOp);
  if( p->zHoist ){
    kqlBindNotSupported(p, pOp, "a window function inside another window function in this operator");
    p->zHoist = p->zHoistAlias = 0;
  }
  return r;
}

static KqlRel *bindOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  if( kqlGraphTakes(pIn, pOp) ) return kqlBindGraphOperator(p, pIn, pOp);
  switch( pOp->eKind ){
    case KQL_AST_OP_WHERE:     return opWhere(p, pIn, pOp);
    case KQL_AST_OP_PROJECT:   return opProject(p, pIn, pOp);
    case KQL_AST_OP_EXTEND:    return opExtend(p, pIn, pOp);
    case KQL_AST_OP_SORT:      return opSort(p, pIn, pOp);
    case KQL_AST_OP_TAKE:      return opTake(p, pIn, pOp);
    case KQL_AST_OP_TOP:       return opTop(p, pIn, pOp);
    case KQL_AST_OP_COUNT:     return opCount(p, pIn, pOp);
    case KQL_AST_OP_DISTINCT:  return opDistinct(p, pIn, pOp);
    case KQL_AST_OP_SUMMARIZE: return opSummarize(p, pIn, pOp);
    case KQL_AST_OP_PROJECT_AWAY:    return opProjectAwayKeep(p, pIn, pOp, 0);
    case KQL_AST_OP_PROJECT_KEEP:    return opProjectAwayKeep(p, pIn, pOp, 1);
    case KQL_AST_OP_PROJECT_REORDER: return opProjectReorder(p, pIn, pOp);
    case KQL_AST_OP_PROJECT_RENAME:  return opProjectRename(p, pIn, pOp);
    case KQL_AST_OP_GETSCHEMA: return opGetschema(p, pIn);
    case KQL_AST_OP_JOIN: case KQL_AST_OP_LOOKUP: return kqlBindJoin(p, pIn, pOp);
    case KQL_AST_OP_UNION:     return kqlBindUnion(p, pIn, 0, kqlBindExpandWildcards(p, pOp));
    case KQL_AST_OP_MVEXPAND:  return kqlBindMvExpand(p, pIn, pOp);
    case KQL_AST_OP_CONSUME:   /* rows are consumed; as the last operator: no table (bind.c) */
      return kqlBindRelNew(p, kqlArenaPrintf(p->pArena, "SELECT * FROM (%s) WHERE 0", pIn->zSql), pIn->nCol, pIn->aCol);
    case KQL_AST_OP_AS:
      if( pOp->z ) kqlBindDefineRel(p, pOp->z, pIn);   /* later statements may name it */
      return pIn;
    case KQL_AST_OP_RENDER:    return pIn;   /* drawing comes later: the input is the result */
    case KQL_AST_OP_SERIALIZE: {
      /* serialize's own columns may use window functions (serialize rn=row_number()) */
      KqlRel *pSer = kqlArenaAlloc(p->pArena, sizeof(*pSer));
      *pSer = *pIn;
      pSer->bOrdered = 1;
      KqlRel *r = opExtend(p, pSer, pOp);
      KqlRel *r2 = kqlBindRelNew(p, r->zSql, r->nCol, r->aCol);
      r2->bOrdered = 1;
      return r2;
    }
    default:
      return kqlBindExtOperator(p, pIn, pOp);
  }
}
