/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** make-series. Two nested SELECTs: the inner one is a summarize by the
** 'by' keys and the binned axis (bin_at(axis, step, from), or bin(axis,
** step) without 'from' and for 'in range(start, stop, step)'), keeping the
** rows with from <= axis < to; the outer one groups by the keys and builds
** each array with the kql_series_agg aggregate (fn_series.c), which puts
** every bin's value at its index and the default elsewhere, and the axis
** array with the same aggregate in axis mode. A missing 'from' / 'to' is
** taken per series from its first / last bin with data. kind=nonempty
** without keys adds one all-default row when the input is empty.
*/
#include "bind_ext.h"
#include <stdlib.h>
#include <string.h>

/* A synthetic call zFn(a0, a1[, a2]) located at pAt, bound in the current context. */
static KqlExpr *bindCall3(Binder *p, const KqlAst *pAt, const char *zFn,
                          const KqlAst *a0, const KqlAst *a1, const KqlAst *a2){
  KqlAst *pCall = kqlAstNewText(p->pArena, KQL_AST_CALL, pAt->iOfst, pAt->nLen, zFn, -1);
  kqlAstAppend(p->pArena, pCall, (KqlAst*)a0);
  kqlAstAppend(p->pArena, pCall, (KqlAst*)a1);
  if( a2 ) kqlAstAppend(p->pArena, pCall, (KqlAst*)a2);
  pCall->iOfst = pAt->iOfst;
  pCall->nLen = pAt->nLen;
  return kqlBindExpr(p, pCall);
}

static int isAxisType(int t){
  return kqlTypeIsNumeric(t) || t==KQL_T_DATETIME || t==KQL_T_TIMESPAN;
}

/* Was the range written as 'in range(a, b, s)'? (the parse tree keeps no mark) */
static int isInRange(const KqlAst *pOp){
  const KqlAst *pFrom = pOp->aChild[2], *pTo = pOp->aChild[3], *pStep = pOp->aChild[4];
  if( pFrom==0 || pTo==0 || pStep==0 ) return 0;
  const KqlAst *pBy = pOp->nChild>5 ? pOp->aChild[5] : 0;
  if( pBy==0 ) return pOp->iOfst + pOp->nLen > pStep->iOfst + pStep->nLen;
  /* "a, b" versus "a to b" */
  return pTo->iOfst - (pFrom->iOfst + pFrom->nLen) < 4;
}

KqlRel *kqlExtMakeSeries(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  if( pOp->nChild>=5 && pOp->aChild[4]==0 && pOp->aChild[3]!=0 ){
    /* Without 'from' the grammar (msrange) shifts the list: c2=to, c3=step.
    ** Rebuild the documented layout: c2=NULL, c3=to, c4=step. */
    KqlAst *pFix = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
    *pFix = *pOp;
    pFix->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)(pOp->nChild+1));
    memcpy(pFix->aChild, pOp->aChild, sizeof(KqlAst*)*(size_t)pOp->nChild);
    pFix->nAlloc = pOp->nChild+1;
    pFix->aChild[4] = pOp->aChild[3];
    pFix->aChild[3] = pOp->aChild[2];
    pFix->aChild[2] = 0;
    pOp = pFix;
  }
  if( pOp->nChild<5 || pOp->aChild[0]==0 || pOp->aChild[1]==0 || pOp->aChild[4]==0 ){
    kqlBindErr(p, pOp, "KQL210", "make-series: incomplete operator");
    return kqlExtRelError(p);
  }
  const KqlAst *pAggs = pOp->aChild[0];
  const KqlAst *pAxis = pOp->aChild[1];
  const KqlAst *pFrom = pOp->aChild[2], *pTo = pOp->aChild[3], *pStep = pOp->aChild[4];
  const KqlAst *pBy = pOp->nChild>5 ? pOp->aChild[5] : 0;
  int nAgg = pAggs->nChild, nBy = pBy ? pBy->nChild : 0;
  int bRange = isInRange(pOp);
  const KqlAst *pKind = kqlExtOpt(pOp, "kind");
  const char *zKind = pKind ? kqlExtConstText(p, pKind, 1) : 0;
  int bNonEmpty = zKind && strcmp(zKind, "nonempty")==0;
  if( pKind && !bNonEmpty ){
    kqlBindErr(p, pKind, "KQL210", "make-series: unknown kind '%s' (expected nonempty)", zKind ? zKind : "?");
    return kqlExtRelError(p);
  }
  if( nAgg==0 ){
    kqlBindErr(p, pOp, "KQL210", "make-series: no aggregation");
    return kqlExtRelError(p);
  }
  /* constants: step, from, to */
  KqlExpr *eStep = kqlExtConst(p, pStep);
  KqlExpr *eFrom = pFrom ? kqlExtConst(p, pFrom) : 0;
  KqlExpr *eTo = pTo ? kqlExtConst(p, pTo) : 0;
  if( eStep->bError || (eFrom && eFrom->bError) || (eTo && eTo->bError) ) return kqlExtRelError(p);
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eAxis = kqlBindExpr(p, pAxis);
  if( eAxis->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
  int eAxisT = eAxis->eType==KQL_T_INT ? KQL_T_LONG : eAxis->eType;
  if( !isAxisType(eAxisT) ){
    kqlBindErr(p, pAxis, "KQL211", "make-series: the axis must be a number, datetime or timespan, not %s",
               kqlTypeName(eAxis->eType));
    kqlExtRowLeave(p, pSave);
    return kqlExtRelError(p);
  }
  int eStepT = eAxisT==KQL_T_DATETIME ? KQL_T_TIMESPAN : eAxisT;
  if( eStep->eType!=eStepT && !(kqlTypeIsNumeric(eStep->eType) && kqlTypeIsNumeric(eStepT)) ){
    kqlBindErr(p, pStep, "KQL211", "make-series: the step must be a %s, not %s", kqlTypeName(eStepT),
               kqlTypeName(eStep->eType));
    kqlExtRowLeave(p, pSave);
    return kqlExtRelError(p);
  }
  if( eStep->bConst && eStep->zSql[0]=='?' ){
    /* a literal step must be positive */
    int i = atoi(eStep->zSql+1);
    const KqlParam *pv = i>=1 && i<=p->nParam ? &p->aParam[i-1] : 0;
    if( pv && ((pv->eKind==KQL_PARAM_INT && pv->i<=0) || (pv->eKind==KQL_PARAM_REAL && !(pv->r>0))) ){
      kqlBindErr(p, pStep, "KQL212", "make-series: the step must be positive");
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
  }
  const char *zStep = kqlTypeIsNumeric(eStepT) ? eStep->zSql : kqlExprAs(p, eStep, eStepT);
  /* the bin of each row, and lo / hi */
  KqlExpr *eBin;
  const char *zLo = "NULL", *zHi = "NULL";
  KqlStr where;
  kqlStrInit(&where, p->pArena);
  kqlStrPrintf(&where, "%s IS NOT NULL", eAxis->zSql);
  if( bRange ){
    eBin = bindCall3(p, pAxis, "bin", pAxis, pStep, 0);
    KqlRowCtx *pS2 = p->pRow;
    p->pRow = 0;
    KqlExpr *eLo = bindCall3(p, pFrom, "bin", pFrom, pStep, 0);
    KqlExpr *eHiBin = bindCall3(p, pTo, "bin", pTo, pStep, 0);
    p->pRow = pS2;
    if( eLo->bError || eHiBin->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    zLo = kqlExprAs(p, eLo, eAxisT);
    zHi = kqlArenaPrintf(p->pArena, "(%s + %s)", kqlExprAs(p, eHiBin, eAxisT), zStep);
    kqlStrPrintf(&where, " AND %s >= %s AND %s < %s", eBin->zSql, zLo, eBin->zSql, zHi);
  }else{
    eBin = pFrom ? bindCall3(p, pAxis, "bin_at", pAxis, pStep, pFrom) : bindCall3(p, pAxis, "bin", pAxis, pStep, 0);
    if( eFrom ){
      zLo = kqlExprAs(p, eFrom, eAxisT);
      kqlStrPrintf(&where, " AND %s >= %s", eAxis->zSql, zLo);
    }
    if( eTo ){
      zHi = kqlExprAs(p, eTo, eAxisT);
      kqlStrPrintf(&where, " AND %s < %s", eAxis->zSql, zHi);
    }
  }
  if( eBin->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
  /* inner select: keys, bin, aggregates */
  KqlCol *aOut = kqlExtCols(p, nBy + nAgg + 1);
  int nOut = 0;
  KqlStr in;
  kqlStrInit(&in, p->pArena);
  kqlStrAppend(&in, "SELECT ", -1);
  for(int i=0; i<nBy; i++){
    const KqlAst *pItem = pBy->aChild[i];
    const KqlAst *pE = pItem->eKind==KQL_AST_ASSIGN ? pItem->aChild[0] : pItem;
    KqlExpr *e = kqlBindExpr(p, pE);
    if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    if( e->bAgg ){
      kqlBindErr(p, pItem, "KQL135", "a make-series 'by' key cannot contain an aggregate");
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
    const char *zName = pItem->eKind==KQL_AST_ASSIGN ? pItem->z : kqlNameForExpr(p, pE, 0);
    if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aOut, nOut);
    zName = kqlNameUnique(p, zName, aOut, nOut);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = kqlExtColType(e);
    nOut++;
    kqlStrPrintf(&in, "%s AS ", e->zSql);
    kqlStrIdent(&in, zName, -1);
    kqlStrAppend(&in, ", ", 2);
  }
  const char *zBinCol = kqlNameUnique(p, "kql$bin", aOut, nOut);
  kqlStrPrintf(&in, "%s AS ", eBin->zSql);
  kqlStrIdent(&in, zBinCol, -1);
  const char **azAggCol = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)nAgg);
  const char **azDefault = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)nAgg);
  int *aeAgg = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)nAgg);
  ctx.bAggOk = 1;
  for(int i=0; i<nAgg; i++){
    const KqlAst *pItem = pAggs->aChild[i];
    const KqlAst *pE = pItem->eKind==KQL_AST_ASSIGN ? pItem->aChild[0] : pItem;
    KqlExpr *e = kqlBindExpr(p, pE);
    if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    if( !e->bAgg ){
      kqlBindErr(p, pItem, "KQL136", "make-series expressions must contain an aggregate function");
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
    const char *zName = pItem->eKind==KQL_AST_ASSIGN ? pItem->z : kqlNameForExpr(p, pE, 1);
    if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aOut, nOut);
    zName = kqlNameUnique(p, zName, aOut, nOut);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = KQL_T_DYNAMIC;
    nOut++;
    int t = kqlExtColType(e);
    if( t==KQL_T_INT ) t = KQL_T_LONG;
    aeAgg[i] = t;
    azAggCol[i] = kqlArenaPrintf(p->pArena, "kql$a%d", i);
    kqlStrPrintf(&in, ", %s AS ", e->zSql);
    kqlStrIdent(&in, azAggCol[i], -1);
    /* the default value */
    const KqlAst *pDef = kqlExtOpt(pItem, "default");
    if( pDef==0 && pItem->eKind==KQL_AST_ASSIGN && pItem->nChild ) pDef = kqlExtOpt(pItem->aChild[0], "default");
    if( pDef ){
      KqlExpr *d = kqlExtConst(p, pDef);
      if( d->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
      azDefault[i] = kqlExprAs(p, d, t);
    }else if( kqlTypeIsNumeric(t) || t==KQL_T_BOOL || t==KQL_T_TIMESPAN ){
      azDefault[i] = kqlBindParamInt(p, 0);
    }else{
      azDefault[i] = "NULL";
    }
  }
  kqlExtRowLeave(p, pSave);
  kqlStrPrintf(&in, " FROM (%s) AS %s WHERE %s GROUP BY ", pIn->zSql, zA, kqlStrText(&where));
  for(int i=0; i<=nBy; i++) kqlStrPrintf(&in, "%s%d", i ? ", " : "", i+1);
  if( bNonEmpty && nBy==0 ){
    kqlStrAppend(&in, " UNION ALL SELECT NULL", -1);
    for(int i=0; i<nAgg; i++) kqlStrAppend(&in, ", NULL", -1);
    kqlStrPrintf(&in, " WHERE NOT EXISTS (SELECT 1 FROM (%s))", pIn->zSql);
  }
  /* outer select */
  const char *zB = kqlBindAlias(p);
  KqlStr bin;
  kqlStrInit(&bin, p->pArena);
  kqlStrPrintf(&bin, "%s.", zB);
  kqlStrIdent(&bin, zBinCol, -1);
  const char *zBinRef = kqlStrText(&bin);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<nBy; i++){
    kqlStrPrintf(&s, "%s.", zB);
    kqlStrIdent(&s, aOut[i].zName, -1);
    kqlStrAppend(&s, ", ", 2);
  }
  for(int i=0; i<nAgg; i++){
    kqlStrPrintf(&s, "kql_series_agg(%s, %s, %s, %s, '%c', %s.", zBinRef, zLo, zHi, zStep,
                 (char)('a' + aeAgg[i]), zB);
    kqlStrIdent(&s, azAggCol[i], -1);
    kqlStrPrintf(&s, ", %s) AS ", azDefault[i]);
    kqlStrIdent(&s, aOut[nBy+i].zName, -1);
    kqlStrAppend(&s, ", ", 2);
  }
  const char *zAxisName = kqlNameForExpr(p, pAxis, 0);
  if( zAxisName==0 ) zAxisName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aOut, nOut);
  zAxisName = kqlNameUnique(p, zAxisName, aOut, nOut);
  aOut[nOut].zName = zAxisName;
  aOut[nOut].eType = KQL_T_DYNAMIC;
  nOut++;
  kqlStrPrintf(&s, "kql_series_agg(%s, %s, %s, %s, '%c') AS ", zBinRef, zLo, zHi, zStep, (char)('a' + eAxisT));
  kqlStrIdent(&s, zAxisName, -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s", kqlStrText(&in), zB);
  if( nBy ){
    kqlStrAppend(&s, " GROUP BY ", -1);
    for(int i=0; i<nBy; i++) kqlStrPrintf(&s, "%s%d", i ? ", " : "", i+1);
  }else if( !bNonEmpty ){
    kqlStrPrintf(&s, " HAVING count(%s) > 0", zBinRef);
  }
  return kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
}
