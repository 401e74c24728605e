/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Multi-column series functions as items of extend / project / print:
**   f(x, ...)                 one column per output, named f_<x>_<output>
**   a = f(x, ...)             the first named a, the others as above
**   (a, b, ...) = f(x, ...)   the first ones named a, b, ..., the rest as
**                             above (more names than outputs: error)
** except in print, where 'a = f()' and '(a, b) = f()' give only the named
** columns (as Microsoft's binder does).
** In extend, a given name that the arguments mention (x = f(x)) is
** computed last, so that the other outputs still read the input's column.
** <x> is the default column name of the first argument (x for a column,
** x_a for x.a, list_x for make_list(x), empty for most calls), as
** Microsoft's binder names them. Each column becomes 'bag(args)[key]'
** with bag the function's dynamic form (series_fit_line_dynamic,
** series_stats_dynamic, series_fit_2lines_dynamic, or the internal
** __series_* of fn_series.inc), converted to real / long where Kusto
** types the column so.
*/
#include "bind_series.h"
#include <string.h>

typedef struct MultiFn MultiFn;
struct MultiFn {
  const char *zName;        /* KQL function */
  const char *zBag;         /* function returning the bag */
  const char *zTypes;       /* per output: d dynamic, r real, l long */
  const char *azKey[16];    /* outputs; "right.slope" is a nested key */
};

static const MultiFn aMulti[] = {
  {"series_decompose", "__series_decompose", "dddd", {"baseline", "seasonal", "trend", "residual"}},
  {"series_decompose_anomalies", "__series_decompose_anomalies", "ddd", {"ad_flag", "ad_score", "baseline"}},
  {"series_decompose_forecast", "__series_decompose_forecast", "dddd",
   {"baseline", "seasonal", "trend", "residual"}},
  {"series_fit_line", "series_fit_line_dynamic", "rrrrrd",
   {"rsquare", "slope", "variance", "rvariance", "interception", "line_fit"}},
  {"series_fit_2lines", "series_fit_2lines_dynamic", "rlrrdrrrrrrrrrr",
   {"rsquare", "split_idx", "variance", "rvariance", "line_fit",
    "right.rsquare", "right.slope", "right.interception", "right.variance", "right.rvariance",
    "left.rsquare", "left.slope", "left.interception", "left.variance", "left.rvariance"}},
  {"series_periods_detect", "__series_periods_detect", "dd", {"periods", "scores"}},
  {"series_periods_validate", "__series_periods_validate", "dd", {"periods", "scores"}},
  {"series_fft", "__series_fft", "dd", {"real", "imag"}},
  {"series_ifft", "__series_ifft", "dd", {"real", "imag"}},
  {"series_fit_poly", "__series_fit_poly", "rdrrd", {"rsquare", "coefficients", "variance", "rvariance", "poly_fit"}},
  {"series_stats", "series_stats_dynamic", "rlrlrrr",
   {"min", "min_idx", "max", "max_idx", "avg", "stdev", "variance"}},
};

/* The call of an item and the function it names; NULL when not one of aMulti. */
static const MultiFn *multiOf(const KqlAst *pItem, const KqlAst **ppCall){
  const KqlAst *pCall = pItem;
  if( (pItem->eKind==KQL_AST_MULTIASSIGN || pItem->eKind==KQL_AST_ASSIGN) && pItem->nChild ){
    pCall = pItem->aChild[0];
  }
  if( pCall==0 || pCall->eKind!=KQL_AST_CALL || pCall->z==0 ) return 0;
  for(unsigned i=0; i<sizeof(aMulti)/sizeof(aMulti[0]); i++){
    if( strcmp(pCall->z, aMulti[i].zName)==0 ){
      *ppCall = pCall;
      return &aMulti[i];
    }
  }
  return 0;
}

static int nKeys(const MultiFn *f){
  return (int)strlen(f->zTypes);
}

static KqlAst *index1(Binder *p, KqlAst *pObj, const char *zKey, int n, int o, int len){
  KqlAst *pKey = kqlAstNewText(p->pArena, KQL_AST_LITERAL, o, 0, zKey, n);
  pKey->eOp = KQL_LIT_STRING;
  KqlAst *pIdx = kqlAstNew(p->pArena, KQL_AST_INDEX, o, len);
  kqlAstAppend(p->pArena, pIdx, pObj);
  kqlAstAppend(p->pArena, pIdx, pKey);
  pIdx->iOfst = o;
  pIdx->nLen = len;
  return pIdx;
}

/* Does the expression pAst mention the name zName? */
static int mentions(const KqlAst *pAst, const char *zName){
  if( pAst==0 ) return 0;
  if( pAst->eKind==KQL_AST_IDENT && pAst->z && strcmp(pAst->z, zName)==0 ) return 1;
  for(int i=0; i<pAst->nChild; i++){
    if( mentions(pAst->aChild[i], zName) ) return 1;
  }
  return 0;
}

/* The explicit name of output i (NULL: a default one). */
static const char *givenName(const KqlAst *pItem, int i){
  if( pItem->eKind==KQL_AST_ASSIGN ) return i==0 ? pItem->z : 0;
  if( pItem->eKind==KQL_AST_MULTIASSIGN && i+1<pItem->nChild ) return pItem->aChild[i+1]->z;
  return 0;
}

/* How many given names are also mentioned by the call's arguments. In
** extend, each column is computed after the previous ones, so one such
** name is handled by computing it last; two would see each other's value. */
static int nReplacing(const KqlAst *pItem, const KqlAst *pCall, int nOut){
  int n = 0;
  for(int i=0; i<nOut; i++){
    const char *z = givenName(pItem, i);
    if( z && mentions(pCall, z) ) n++;
  }
  return n;
}

int kqlSeriesExpandMulti(Binder *p, const KqlAst *pItem, int eOp, KqlAst ***papItem){
  const KqlAst *pCall = 0;
  const MultiFn *f = multiOf(pItem, &pCall);
  if( f==0 ) return 0;
  int nOut = nKeys(f);
  int nNames = pItem->eKind==KQL_AST_MULTIASSIGN ? pItem->nChild-1 : pItem->eKind==KQL_AST_ASSIGN ? 1 : 0;
  int bExtend = eOp==KQL_AST_OP_EXTEND;
  if( nNames>nOut || (bExtend && nReplacing(pItem, pCall, nOut)>1) ) return 0;
  if( eOp==KQL_AST_PRINT && nNames>0 ) nOut = nNames;   /* print keeps only the named ones */
  int iLate = -1;   /* the output whose name an argument mentions: computed last */
  const char *zArg = "";
  if( pCall->nChild>0 ){
    const KqlAst *pArg = pCall->aChild[0];
    const char *z = pArg->eKind==KQL_AST_IDENT ? pArg->z : kqlNameForExpr(p, pArg, 1);
    if( z ) zArg = z;
  }
  int o = pCall->iOfst, len = pCall->nLen;
  KqlAst **a = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)nOut);
  for(int i=0; i<nOut; i++){
    KqlAst *pBag = kqlAstNewText(p->pArena, KQL_AST_CALL, o, len, f->zBag, -1);
    for(int k=0; k<pCall->nChild; k++) kqlAstAppend(p->pArena, pBag, pCall->aChild[k]);
    pBag->iOfst = o;
    pBag->nLen = len;
    const char *zKey = f->azKey[i];
    const char *zDot = strchr(zKey, '.');
    KqlAst *pVal;
    if( zDot ){
      pVal = index1(p, index1(p, pBag, zKey, (int)(zDot-zKey), o, len), zDot+1, -1, o, len);
    }else{
      pVal = index1(p, pBag, zKey, -1, o, len);
    }
    if( f->zTypes[i]!='d' ){
      KqlAst *pConv = kqlAstNewText(p->pArena, KQL_AST_CALL, o, len, f->zTypes[i]=='l' ? "tolong" : "toreal", -1);
      kqlAstAppend(p->pArena, pConv, pVal);
      pConv->iOfst = o;
      pConv->nLen = len;
      pVal = pConv;
    }
    const char *zName;
    if( i<nNames ){
      zName = givenName(pItem, i);
      if( bExtend && mentions(pCall, zName) ) iLate = i;
    }else{
      char *zK = kqlArenaPrintf(p->pArena, "%s", zKey);
      for(char *c=zK; *c; c++) if( *c=='.' ) *c = '_';
      zName = kqlArenaPrintf(p->pArena, "%s_%s_%s", f->zName, zArg, zK);
    }
    KqlAst *pAs = kqlAstNewText(p->pArena, KQL_AST_ASSIGN, pItem->iOfst, pItem->nLen, zName, -1);
    if( i>=nNames ) pAs->eOp = KQL_SERIES_AUTONAME;
    kqlAstAppend(p->pArena, pAs, pVal);
    pAs->iOfst = pItem->iOfst;
    pAs->nLen = pItem->nLen;
    a[i] = pAs;
  }
  if( iLate>=0 ){
    /* extend replaces that column in place: computing it last changes no
    ** column order, and the other outputs still see the input's value */
    KqlAst *pLate = a[iLate];
    for(int i=iLate; i<nOut-1; i++) a[i] = a[i+1];
    a[nOut-1] = pLate;
  }
  *papItem = a;
  return nOut;
}

int kqlSeriesMultiError(Binder *p, const KqlAst *pItem){
  const KqlAst *pCall = 0;
  if( pItem->eKind!=KQL_AST_MULTIASSIGN ) return 0;
  const MultiFn *f = multiOf(pItem, &pCall);
  if( f==0 ) return 0;
  int nOut = nKeys(f);
  if( pItem->nChild-1<=nOut && nReplacing(pItem, pCall, nOut)>1 ){
    kqlBindNotSupported(p, pItem, kqlArenaPrintf(p->pArena, "(a, b, ...) = %s(...) naming two columns its arguments use",
                                                 f->zName));
    return 1;
  }
  for(int i=nOut+1; i<pItem->nChild; i++){
    kqlBindErr(p, pItem->aChild[i], "KQL112", "the name '%s' does not have a corresponding expression (%s returns %d columns)",
               pItem->aChild[i]->z, f->zName, nOut);
  }
  return 1;
}
