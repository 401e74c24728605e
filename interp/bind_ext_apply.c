/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** mv-apply, the CONTEXT source of its sub-query, and invoke.
**
** mv-apply runs its sub-query once per input row, on the row's expanded
** arrays (the "context" sub-table: the expanded columns and with_itemindex).
** SQLite has no LATERAL join, but a correlated scalar sub-query may read the
** outer row anywhere inside it, also in the FROM clauses of nested
** sub-selects; so the sub-query's whole result for one row is packed into a
** JSON array of rows (json_group_array of json_array), and json_each spreads
** it back into rows next to the input columns that were not expanded:
**
**   SELECT <kept input columns>, <cells of j.value>
**   FROM (SELECT a.*, (SELECT json_group_array(json_array(q.c1, ...))
**                      FROM (<sub-query over the context>) AS q) AS r
**         FROM (<input>) AS a) AS b, json_each(b.r) AS j
**
** where the context is SELECT kql_mv_elem(a.arr, e.value, 0) AS x, ... FROM
** json_each(kql_mv_seq(kql_mv_count(a.arr, ...))) AS e — the same helpers
** as mv-expand (fn_mvexpand.c). A row whose sub-query returns nothing
** disappears.
**
** invoke f(args) binds the let-defined tabular function f with the piped
** input as its first (tabular) parameter.
*/
#include "bind_ext.h"
#include <string.h>

/* ------------------------------------------------------------ CONTEXT */

KqlRel *kqlExtContext(Binder *p, const KqlAst *pAst){
  KqlScope *s = kqlBindLookup(p, KQL_EXT_CONTEXT_NAME);
  if( s==0 || s->eKind!=KQL_SCOPE_REL || s->pRel==0 ){
    kqlBindErr(p, pAst, "KQL240", "a sub-query input is only available inside mv-apply");
    return kqlExtRelError(p);
  }
  return s->pRel;
}

/* ------------------------------------------------------------ mv-apply */

KqlRel *kqlExtMvApply(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pItems = pOp->nChild>0 ? pOp->aChild[0] : 0;
  const KqlAst *pSub = pOp->nChild>1 ? pOp->aChild[1] : 0;
  int nItem = pItems ? pItems->nChild : 0;
  if( nItem==0 || pSub==0 ){
    kqlBindErr(p, pOp, "KQL241", "mv-apply: expected items to expand and a sub-query");
    return kqlExtRelError(p);
  }
  const KqlAst *pIdx = kqlAstOpt(pOp, "with_itemindex");
  const char *zIdx = pIdx && pIdx->nChild ? pIdx->aChild[0]->z : 0;
  const KqlAst *pLimit = kqlExtOpt(pOp, "limit");
  const KqlAst *pKind = kqlExtOpt(pOp, "kind");
  if( pKind==0 ) pKind = kqlExtOpt(pOp, "bagexpansion");
  const char *zKind = pKind ? kqlExtConstText(p, pKind, 1) : 0;
  int bArray = zKind && strcmp(zKind, "array")==0;
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  /* the expanded items: context columns */
  KqlCol *aCtx = kqlExtCols(p, nItem + 1);
  const char **azArr = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)nItem);
  char *abAlias = kqlArenaAlloc(p->pArena, (size_t)nItem + 1);   /* name = expr: the input column stays */
  int nCtx = 0;
  for(int i=0; i<nItem; i++){
    const KqlAst *pItem = pItems->aChild[i];
    const KqlAst *pE = pItem->eKind==KQL_AST_MVITEM ? pItem->aChild[0] : pItem;
    const KqlAst *pType = pItem->eKind==KQL_AST_MVITEM && pItem->nChild>1 ? pItem->aChild[1] : 0;
    const char *zName = 0;
    if( pE->eKind==KQL_AST_ASSIGN ){ zName = pE->z; pE = pE->aChild[0]; abAlias[nCtx] = 1; }
    KqlExpr *e = kqlBindExpr(p, pE);
    if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    if( e->eType!=KQL_T_DYNAMIC ){
      kqlBindErr(p, pE, "KQL170", "mv-apply needs a dynamic array or bag, not %s", kqlTypeName(e->eType));
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
    if( zName==0 ) zName = kqlNameForExpr(p, pE, 0);
    if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aCtx, nCtx);
    int t = KQL_T_DYNAMIC;
    if( pType ){
      t = kqlExtType(pType);
      if( t<0 ){
        kqlBindErr(p, pType, "KQL111", "unknown type '%s'", pType->z ? pType->z : "?");
        kqlExtRowLeave(p, pSave);
        return kqlExtRelError(p);
      }
    }
    if( kqlNameUnique(p, zName, aCtx, nCtx)!=zName ){
      kqlBindErr(p, pItem, "KQL112", "duplicate column name '%s'", zName);
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
    aCtx[nCtx].zName = zName;
    aCtx[nCtx].eType = t;
    azArr[nCtx] = e->zSql;
    nCtx++;
  }
  const char *zLimit = 0;
  if( pLimit ){
    KqlExpr *e = kqlExtConst(p, pLimit);
    if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    zLimit = e->zSql;
  }
  kqlExtRowLeave(p, pSave);
  if( zIdx ){
    aCtx[nCtx].zName = kqlNameUnique(p, zIdx, aCtx, nCtx);
    aCtx[nCtx].eType = KQL_T_LONG;
  }
  /* the context relation: correlated with the outer row through zA */
  const char *zE = kqlBindAlias(p);
  KqlStr c;
  kqlStrInit(&c, p->pArena);
  kqlStrAppend(&c, "SELECT ", -1);
  /* the sub-table also holds the input columns that are not expanded, so the
  ** sub-query may read them (Kusto: mv-apply v=Arr on (extend z = a)) */
  KqlCol *aSub = kqlExtCols(p, pIn->nCol + nCtx + 1);
  int nSub = 0;
  for(int k=0; k<pIn->nCol; k++){
    int bExpanded = 0;
    for(int i=0; i<nCtx && !bExpanded; i++) bExpanded = strcmp(aCtx[i].zName, pIn->aCol[k].zName)==0;
    if( bExpanded || (zIdx && strcmp(aCtx[nCtx].zName, pIn->aCol[k].zName)==0) ) continue;
    kqlStrPrintf(&c, "%s.", zA);
    kqlStrIdent(&c, pIn->aCol[k].zName, -1);
    kqlStrAppend(&c, " AS ", -1);
    kqlStrIdent(&c, pIn->aCol[k].zName, -1);
    kqlStrAppend(&c, ", ", 2);
    aSub[nSub++] = pIn->aCol[k];
  }
  for(int i=0; i<nCtx; i++){
    const char *zElem = kqlArenaPrintf(p->pArena, "kql_mv_elem(%s, %s.value, %d)", azArr[i], zE, bArray);
    if( aCtx[i].eType!=KQL_T_DYNAMIC ) zElem = kqlArenaPrintf(p->pArena, "kql_mv_cast(%s, %d)", zElem, aCtx[i].eType);
    if( i ) kqlStrAppend(&c, ", ", 2);
    kqlStrPrintf(&c, "%s AS ", zElem);
    kqlStrIdent(&c, aCtx[i].zName, -1);
    aSub[nSub++] = aCtx[i];
  }
  if( zIdx ){
    kqlStrPrintf(&c, ", %s.value AS ", zE);
    kqlStrIdent(&c, aCtx[nCtx].zName, -1);
    aSub[nSub++] = aCtx[nCtx];
  }
  kqlStrAppend(&c, " FROM json_each(kql_mv_seq(kql_mv_count(", -1);
  for(int i=0; i<nCtx; i++) kqlStrPrintf(&c, "%s%s", i ? ", " : "", azArr[i]);
  kqlStrAppend(&c, ")", 1);
  if( zLimit ) kqlStrPrintf(&c, ", %s", zLimit);
  kqlStrPrintf(&c, ")) AS %s", zE);
  KqlRel *pCtxRel = kqlBindRelNew(p, kqlStrText(&c), nSub, aSub);
  pCtxRel->bOrdered = 1;
  /* bind the sub-query with the context in scope */
  KqlScope *pScope = kqlArenaAlloc(p->pArena, sizeof(KqlScope));
  pScope->zName = KQL_EXT_CONTEXT_NAME;
  pScope->eKind = KQL_SCOPE_REL;
  pScope->pRel = pCtxRel;
  pScope->pDefScope = p->pScope;
  pScope->pNext = p->pScope;
  KqlScope *pScopeSave = p->pScope;
  KqlRowCtx *pRowSave = p->pRow;
  p->pScope = pScope;
  p->pRow = 0;
  KqlRel *pRes = kqlBindTabular(p, pSub);
  p->pScope = pScopeSave;
  p->pRow = pRowSave;
  if( pRes->bError ) return pRes;
  /* output: the input columns not expanded, then the sub-query's columns */
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + pRes->nCol);
  const char **azSql = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(pIn->nCol + pRes->nCol + 1));
  int nOut = 0;
  const char *zB = kqlBindAlias(p), *zJ = kqlBindAlias(p), *zQ = kqlBindAlias(p);
  /* a kept input column the sub-query also returns takes the sub-query's
  ** value, in the input column's place */
  int *aiFromSub = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(pIn->nCol + pRes->nCol + 1));
  char *abUsed = kqlArenaAlloc(p->pArena, (size_t)pRes->nCol + 1);
  memset(abUsed, 0, (size_t)pRes->nCol + 1);
  for(int k=0; k<pIn->nCol; k++){
    int bExpanded = 0;
    for(int i=0; i<nCtx && !bExpanded; i++){
      bExpanded = !abAlias[i] && strcmp(aCtx[i].zName, pIn->aCol[k].zName)==0;
    }
    if( bExpanded ) continue;
    int iSub = -1;
    for(int j=0; j<pRes->nCol && iSub<0; j++){
      if( !abUsed[j] && strcmp(pRes->aCol[j].zName, pIn->aCol[k].zName)==0 ) iSub = j;
    }
    aiFromSub[nOut] = iSub;
    if( iSub>=0 ){
      abUsed[iSub] = 1;
      aOut[nOut].zName = pIn->aCol[k].zName;
      aOut[nOut].eType = pRes->aCol[iSub].eType;
      nOut++;
      continue;
    }
    KqlStr r;
    kqlStrInit(&r, p->pArena);
    kqlStrPrintf(&r, "%s.", zB);
    kqlStrIdent(&r, pIn->aCol[k].zName, -1);
    azSql[nOut] = kqlStrText(&r);
    aOut[nOut++] = pIn->aCol[k];
  }
  const char *zR = kqlExtHiddenName(p, pIn, "kql$apply");
  KqlStr pack;
  kqlStrInit(&pack, p->pArena);
  kqlStrAppend(&pack, "json_group_array(json_array(", -1);
  for(int k=0; k<pRes->nCol; k++){
    int t = pRes->aCol[k].eType;
    if( k ) kqlStrAppend(&pack, ", ", 2);
    if( t==KQL_T_STRING || t==KQL_T_DYNAMIC || t==KQL_T_GUID ) kqlStrAppend(&pack, "(''||", -1);
    kqlStrPrintf(&pack, "%s.", zQ);
    kqlStrIdent(&pack, pRes->aCol[k].zName, -1);
    if( t==KQL_T_STRING || t==KQL_T_DYNAMIC || t==KQL_T_GUID ) kqlStrAppend(&pack, ")", 1);
    KqlStr cell;
    kqlStrInit(&cell, p->pArena);
    kqlExtAppendJsonCell(&cell, kqlArenaPrintf(p->pArena, "%s.value", zJ), k, t);
    if( abUsed[k] ){
      for(int o=0; o<nOut; o++) if( aiFromSub[o]==k ) azSql[o] = kqlStrText(&cell);
      continue;
    }
    const char *zName = kqlNameUnique(p, pRes->aCol[k].zName, aOut, nOut);
    aiFromSub[nOut] = -1;
    azSql[nOut] = kqlStrText(&cell);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = t;
    nOut++;
  }
  kqlStrAppend(&pack, "))", 2);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int k=0; k<nOut; k++){
    if( k ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s AS ", azSql[k]);
    kqlStrIdent(&s, aOut[k].zName, -1);
  }
  if( nOut==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrAppend(&s, " FROM (SELECT ", -1);
  kqlExtColList(&s, pIn, zA);
  if( pIn->nCol ) kqlStrAppend(&s, ", ", 2);
  kqlStrPrintf(&s, "(SELECT %s FROM (%s) AS %s) AS ", kqlStrText(&pack), pRes->zSql, zQ);
  kqlStrIdent(&s, zR, -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s) AS %s, json_each(%s.", pIn->zSql, zA, zB, zB);
  kqlStrIdent(&s, zR, -1);
  kqlStrPrintf(&s, ") AS %s", zJ);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
  r->bOrdered = pIn->bOrdered;
  return r;
}

/* ------------------------------------------------------------ invoke */

/* The argument for parameter zName: by name (name = value), else positional iPos. */
static const KqlAst *invokeArg(const KqlAst *pCall, const char *zName, int iPos){
  int k = 0;
  for(int i=0; i<pCall->nChild; i++){
    const KqlAst *a = pCall->aChild[i];
    if( a && a->eKind==KQL_AST_NAMEDARG ){
      if( a->z && strcmp(a->z, zName)==0 ) return a->nChild ? a->aChild[0] : 0;
      continue;
    }
    if( k++==iPos ) return a;
  }
  return 0;
}

KqlRel *kqlExtInvoke(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pCall = pOp->nChild ? pOp->aChild[0] : 0;
  if( pCall && pCall->eKind==KQL_AST_IDENT ){
    KqlAst *pC = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
    *pC = *pCall;
    pC->eKind = KQL_AST_CALL;
    pC->nChild = 0;
    pCall = pC;
  }
  if( pCall==0 || pCall->eKind!=KQL_AST_CALL || pCall->z==0 ){
    kqlBindErr(p, pOp, "KQL242", "invoke: expected a function call");
    return kqlExtRelError(p);
  }
  KqlScope *pFn = kqlBindLookup(p, pCall->z);
  if( pFn==0 || pFn->eKind!=KQL_SCOPE_LAMBDA ){
    kqlBindErr(p, pCall, "KQL109", "invoke: unknown function '%s'", pCall->z);
    return kqlExtRelError(p);
  }
  const KqlAst *pLam = pFn->pAst;
  const KqlAst *pParams = pLam->nChild>0 ? pLam->aChild[0] : 0;
  const KqlAst *pBody = pLam->nChild>1 ? pLam->aChild[1] : 0;
  int nParam = pParams ? pParams->nChild : 0;
  if( nParam<1 ){
    kqlBindErr(p, pCall, "KQL242", "invoke: function '%s' has no tabular parameter", pCall->z);
    return kqlExtRelError(p);
  }
  if( pCall->nChild > nParam-1 ){
    kqlBindErr(p, pCall, "KQL130", "function '%s' takes %d argument%s after the input, not %d", pCall->z,
               nParam-1, nParam==2 ? "" : "s", pCall->nChild);
    return kqlExtRelError(p);
  }
  /* parameters: the input, then the arguments (bound in the caller's scope) */
  KqlScope *pNew = pFn->pDefScope;
  KqlRowCtx *pRowSave = p->pRow;
  p->pRow = 0;
  for(int i=0; i<nParam; i++){
    const KqlAst *pPar = pParams->aChild[i];
    KqlScope *s = kqlArenaAlloc(p->pArena, sizeof(*s));
    s->zName = pPar->z;
    if( i==0 ){
      s->eKind = KQL_SCOPE_REL;
      s->pRel = pIn;
    }else{
      const KqlAst *pArg = invokeArg(pCall, pPar->z, i-1);
      if( pArg==0 && pPar->nChild>1 ) pArg = pPar->aChild[1];
      if( pArg==0 ){
        kqlBindErr(p, pCall, "KQL130", "function '%s': missing argument '%s'", pCall->z, pPar->z);
        p->pRow = pRowSave;
        return kqlExtRelError(p);
      }
      const KqlAst *pType = pPar->nChild>0 ? pPar->aChild[0] : 0;
      if( kqlBindIsTabular(p, pArg) || (pType && pType->eKind==KQL_AST_SCHEMA) ){
        s->eKind = KQL_SCOPE_REL;
        s->pRel = kqlBindTabular(p, pArg);
      }else{
        s->eKind = KQL_SCOPE_SCALAR;
        s->pExpr = kqlBindExpr(p, pArg);
        if( pType && pType->eKind==KQL_AST_TYPE ){
          int eT = kqlTypeFromName(pType->z ? pType->z : "", pType->n);
          if( eT>0 && eT!=s->pExpr->eType ){
            KqlExpr *e2 = kqlExprNew(p, pArg, eT, kqlExprAs(p, s->pExpr, eT));
            e2->bConst = s->pExpr->bConst;
            s->pExpr = e2;
          }
        }
      }
    }
    s->pNext = pNew;
    pNew = s;
  }
  KqlScope *pSave = p->pScope;
  p->pScope = pNew;
  KqlRel *r = 0;
  if( pBody && pBody->eKind==KQL_AST_BLOCK ){
    for(int i=0; i<pBody->nChild; i++){
      const KqlAst *pSt = pBody->aChild[i];
      if( pSt->eKind==KQL_AST_LET ) kqlBindLet(p, pSt);
      else r = kqlBindTabular(p, pSt);
    }
  }else if( pBody ){
    r = kqlBindTabular(p, pBody);
  }
  p->pScope = pSave;
  p->pRow = pRowSave;
  if( r==0 ){
    kqlBindErr(p, pCall, "KQL131", "function '%s' returns no table", pCall->z);
    return kqlExtRelError(p);
  }
  return r;
}
