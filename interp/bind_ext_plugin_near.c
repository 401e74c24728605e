/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** evaluate rows_near(Condition, NumRows [, RowsAfter]): every input row
** within NumRows rows before, or RowsAfter rows (default NumRows) after, a
** row where Condition is true, in the input's order, with the input's
** columns. One SELECT over the input: a window max() of the condition over
** the frame "RowsAfter PRECEDING AND NumRows FOLLOWING" marks the rows kept.
** NumRows and RowsAfter are literal whole numbers (0 or more).
*/
#include "bind_ext_plugin.h"
#include <stdlib.h>
#include <string.h>

static KqlRel *nearErr(Binder *p, const KqlAst *pAt, const char *zMsg){
  kqlBindErr(p, pAt, "KQL232", "rows_near: %s", zMsg);
  return kqlExtRelError(p);
}

/* A literal whole number >= 0 (in parentheses or not), or -1. */
static int64_t litCount(Binder *p, const KqlAst *pA){
  KqlExpr *e = kqlExtConst(p, pA);
  if( e->bError ) return -2;
  while( pA && pA->eKind==KQL_AST_PAREN && pA->nChild ) pA = pA->aChild[0];
  if( !e->bConst || (e->eType!=KQL_T_LONG && e->eType!=KQL_T_INT) ) return -1;
  if( pA==0 || pA->eKind!=KQL_AST_LITERAL || pA->z==0 ) return -1;
  if( pA->z[0]<'0' || pA->z[0]>'9' ) return -1;
  char *zEnd = 0;
  long long v = strtoll(pA->z, &zEnd, 10);
  if( zEnd==pA->z || *zEnd ) return -1;
  return (int64_t)v;
}

static KqlRel *rowsNear(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  int nArg = kqlPluginNArg(pCall);
  if( nArg!=pCall->nChild ) return nearErr(p, pCall, "named arguments are not expected");
  if( nArg<2 || nArg>3 ) return nearErr(p, pCall, "expected (Condition, NumRows [, RowsAfter])");
  int64_t nBefore = litCount(p, pCall->aChild[1]);
  if( nBefore==-2 ) return kqlExtRelError(p);
  if( nBefore<0 ) return nearErr(p, pCall->aChild[1], "NumRows must be a literal whole number (0 or more)");
  int64_t nAfter = nBefore;
  if( nArg==3 ){
    nAfter = litCount(p, pCall->aChild[2]);
    if( nAfter==-2 ) return kqlExtRelError(p);
    if( nAfter<0 ) return nearErr(p, pCall->aChild[2], "RowsAfter must be a literal whole number (0 or more)");
  }

  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eCond = kqlBindExpr(p, pCall->aChild[0]);
  kqlExtRowLeave(p, pSave);
  if( eCond->bError ) return kqlExtRelError(p);
  if( eCond->eType!=KQL_T_BOOL ){
    kqlBindErr(p, pCall->aChild[0], "KQL232", "rows_near: Condition must be a bool, not %s",
               kqlTypeName(eCond->eType));
    return kqlExtRelError(p);
  }

  const char *zFlag = kqlExtHiddenName(p, pIn, "kql$near");
  KqlCol *aOut = kqlExtCols(p, pIn->nCol);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<pIn->nCol; i++){
    aOut[i] = pIn->aCol[i];
    if( i ) kqlStrAppend(&s, ", ", 2);
    kqlStrIdent(&s, pIn->aCol[i].zName, -1);
  }
  /* a row is kept when a true condition lies at most nAfter rows before it
  ** or at most nBefore rows after it */
  kqlStrPrintf(&s, " FROM (SELECT %s.*, max(CASE WHEN (%s) THEN 1 ELSE 0 END) OVER "
                   "(ROWS BETWEEN %s PRECEDING AND %s FOLLOWING) AS ",
               zA, eCond->zSql, kqlBindParamInt(p, nAfter), kqlBindParamInt(p, nBefore));
  kqlStrIdent(&s, zFlag, -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s) WHERE ", pIn->zSql, zA);
  kqlStrIdent(&s, zFlag, -1);
  kqlStrAppend(&s, " = 1", -1);
  return kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, aOut);
}

KqlRel *kqlPluginNear(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName){
  if( strcmp(zName, "rows_near")==0 ) return rowsNear(p, pIn, pCall);
  return 0;
}
