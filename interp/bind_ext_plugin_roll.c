/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** evaluate rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize,
** BinsPerWindow [, dim1, ...]): one row per bin of IndexColumn (bin(Index,
** BinSize), the bins that hold rows) and combination of the dimensions,
** with the Percentile-th percentile (percentile()'s nearest rank) of the
** values of that combination whose bin b lies in the window ending at the
** bin B (inclusive): B - BinsPerWindow*BinSize < b <= B. Output columns:
** the index column, the dimensions, then
** rolling_<BinsPerWindow>_percentile_<ValueColumn>_<Percentile>, of the
** value's type (the schema of Microsoft's binder). Rows come out ordered
** by the dimensions, then the bin.
*/
#include "bind_ext_plugin.h"
#include <stdlib.h>
#include <string.h>

static int isNum(int t){
  return t==KQL_T_LONG || t==KQL_T_INT || t==KQL_T_REAL;
}

/* The text of a literal number argument (for the output column's name), or NULL. */
static const char *litNum(const KqlAst *pA){
  while( pA && pA->eKind==KQL_AST_PAREN && pA->nChild ) pA = pA->aChild[0];
  if( pA==0 || pA->eKind!=KQL_AST_LITERAL || pA->z==0 ) return 0;
  if( !((pA->z[0]>='0' && pA->z[0]<='9') || pA->z[0]=='.') ) return 0;
  return pA->z;
}

static KqlRel *rollErr(Binder *p, const KqlAst *pAt, const char *zMsg){
  kqlBindErr(p, pAt, "KQL229", "rolling_percentile: %s", zMsg);
  return kqlExtRelError(p);
}

static KqlRel *rollingPercentile(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  int nArg = kqlPluginNArg(pCall);
  if( nArg!=pCall->nChild ) return rollErr(p, pCall, "named arguments are not expected");
  if( nArg<5 ){
    return rollErr(p, pCall, "expected (ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim ...])");
  }
  const KqlAst *pVal = pCall->aChild[0], *pPct = pCall->aChild[1], *pIdx = pCall->aChild[2];
  const KqlAst *pBin = pCall->aChild[3], *pWin = pCall->aChild[4];

  /* the constants: Percentile, BinSize, BinsPerWindow */
  KqlExpr *ePct = kqlExtConst(p, pPct);
  if( ePct->bError ) return kqlExtRelError(p);
  const char *zPctName = litNum(pPct);
  if( !ePct->bConst || !isNum(ePct->eType) || zPctName==0 || atof(zPctName)>100 ){
    return rollErr(p, pPct, "Percentile must be a literal number from 0 to 100");
  }
  KqlExpr *eWin = kqlExtConst(p, pWin);
  if( eWin->bError ) return kqlExtRelError(p);
  const char *zWinName = litNum(pWin);
  if( !eWin->bConst || (eWin->eType!=KQL_T_LONG && eWin->eType!=KQL_T_INT) || zWinName==0
      || strchr(zWinName, '.') || atoll(zWinName)<1 ){
    return rollErr(p, pWin, "BinsPerWindow must be a literal whole number of at least 1");
  }
  KqlExpr *eBin = kqlExtConst(p, pBin);
  if( eBin->bError ) return kqlExtRelError(p);

  /* the row expressions: value, index, dimensions */
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eVal = kqlBindExpr(p, pVal);
  KqlExpr *eIdx = kqlBindExpr(p, pIdx);
  int nDim = nArg - 5;
  const char **azDim = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nDim+1));
  KqlCol *aOut = kqlExtCols(p, nDim + 2);
  int bOk = !eVal->bError && !eIdx->bError;
  for(int i=0; bOk && i<nDim; i++){
    const KqlAst *pD = pCall->aChild[5+i];
    KqlExpr *e = kqlBindExpr(p, pD);
    if( e->bError ){ bOk = 0; break; }
    const char *zName = kqlNameForExpr(p, pD, 0);
    if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aOut+1, i);
    aOut[1+i].zName = zName;
    aOut[1+i].eType = kqlExtColType(e);
    azDim[i] = e->zSql;
  }
  kqlExtRowLeave(p, pSave);
  if( !bOk ) return kqlExtRelError(p);
  int eV = eVal->eType;
  if( !isNum(eV) && eV!=KQL_T_DATETIME && eV!=KQL_T_TIMESPAN ){
    kqlBindErr(p, pVal, "KQL229", "rolling_percentile: the value must be a number, datetime or timespan, not %s",
               kqlTypeName(eV));
    return kqlExtRelError(p);
  }
  int eI = eIdx->eType;
  int bTime = eI==KQL_T_DATETIME || eI==KQL_T_TIMESPAN;
  if( !bTime && !isNum(eI) ){
    kqlBindErr(p, pIdx, "KQL229", "rolling_percentile: the index must be a datetime, timespan or number, not %s",
               kqlTypeName(eI));
    return kqlExtRelError(p);
  }
  if( !eBin->bConst || (bTime ? eBin->eType!=KQL_T_TIMESPAN : !isNum(eBin->eType)) ){
    kqlBindErr(p, pBin, "KQL229", "rolling_percentile: BinSize must be a constant %s",
               bTime ? "timespan" : "number");
    return kqlExtRelError(p);
  }

  /* output columns: index, dimensions, the percentile */
  const char *zIdxName = kqlNameForExpr(p, pIdx, 0);
  aOut[0].zName = zIdxName ? zIdxName : kqlNameColumnN(p, pIn->aCol, pIn->nCol, aOut, 0);
  aOut[0].eType = eI;
  for(int i=0; i<nDim; i++) aOut[1+i].zName = kqlNameUnique(p, aOut[1+i].zName, aOut, 1+i);
  const char *zValName = kqlNameForExpr(p, pVal, 0);
  char *zP = kqlArenaStrdup(p->pArena, zPctName, -1);
  for(char *c = zP; *c; c++) if( *c=='.' ) *c = '_';
  const char *zMet = kqlArenaPrintf(p->pArena, "rolling_%s_percentile_%s_%s", zWinName,
                                    zValName ? zValName : "", zP);
  aOut[1+nDim].zName = kqlNameUnique(p, zMet, aOut, 1+nDim);
  aOut[1+nDim].eType = eV;
  int nOut = nDim + 2;

  const char *zW = eBin->zSql;
  const char *zSpan = kqlArenaPrintf(p->pArena, "(%s * %s)", kqlBindParamInt(p, atoll(zWinName)), zW);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<nOut; i++){
    if( i ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "c%d AS ", i);
    kqlStrIdent(&s, aOut[i].zName, -1);
  }
  kqlStrPrintf(&s, " FROM (WITH r AS MATERIALIZED (SELECT kql_bin('%c%c', %s, %s) AS b, %s AS v",
               (char)('a' + eI), (char)('a' + eBin->eType), eIdx->zSql, zW, eVal->zSql);
  for(int i=0; i<nDim; i++) kqlStrPrintf(&s, ", %s AS d%d", azDim[i], i);
  kqlStrPrintf(&s, " FROM (%s) AS %s WHERE (%s) IS NOT NULL AND kql_assert(%s > 0, %s)), "
               "g AS (SELECT DISTINCT b", pIn->zSql, zA, eIdx->zSql, zW,
               kqlBindParamText(p, "rolling_percentile: BinSize must be positive", -1));
  for(int i=0; i<nDim; i++) kqlStrPrintf(&s, ", d%d", i);
  kqlStrAppend(&s, " FROM r) SELECT g.b AS c0", -1);
  for(int i=0; i<nDim; i++) kqlStrPrintf(&s, ", g.d%d AS c%d", i, i+1);
  kqlStrPrintf(&s, ", kql_percentile(r.v, %s) AS c%d FROM g JOIN r ON r.b <= g.b AND r.b > g.b - %s",
               kqlExprAs(p, ePct, KQL_T_REAL), nDim+1, zSpan);
  for(int i=0; i<nDim; i++) kqlStrPrintf(&s, " AND r.d%d IS g.d%d", i, i);
  kqlStrAppend(&s, " GROUP BY g.b", -1);
  for(int i=0; i<nDim; i++) kqlStrPrintf(&s, ", g.d%d", i);
  kqlStrAppend(&s, ") ORDER BY ", -1);
  for(int i=0; i<nDim; i++) kqlStrPrintf(&s, "%d, ", i+2);
  kqlStrAppend(&s, "1", 1);
  return kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
}

KqlRel *kqlPluginRolling(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName){
  if( strcmp(zName, "rolling_percentile")==0 ) return rollingPercentile(p, pIn, pCall);
  return 0;
}
