/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL's names for unnamed result columns: a column keeps its name; x.y
** becomes x_y; an aggregate becomes <prefix>_<argument name> (count_,
** sum_X, set_X for make_set, percentile_X_50); some functions take the
** name of their first argument (tostring(x) is named x, bin(T, 1h) is T);
** everything else is ColumnN. Duplicates get 1, 2, ... appended.
*/
#include "bindInt.h"
#include <string.h>

/* Functions whose result is named after their first argument. */
static const char *const azFirstArg[] = {
  "bin", "bin_at", "bin_auto", "binary_all_and", "binary_all_or", "binary_all_xor", "ceiling", "endofday", "endofmonth", "endofweek", "endofyear",
  "floor", "format_datetime", "parse_json", "parsejson", "round", "split", "startofday",
  "series_fill_backward", "series_fill_const", "series_fill_forward", "series_fill_linear",
  "series_fir", "series_iir", "series_outliers",
  "startofmonth", "startofweek", "startofyear", "take_any", "take_anyif", "tobool", "toboolean",
  "todatetime", "todecimal", "todouble", "todynamic", "toguid", "toint", "tolong",
  "toreal", "tostring", "totimespan",
};

/* Functions named <prefix>_<first argument>; prefix NULL means the function name. */
static const struct { const char *zFn; const char *zPrefix; } aPrefix[] = {
  {"avg", 0}, {"avgif", 0}, {"count", 0}, {"countif", 0}, {"dcount", 0}, {"dcountif", 0},
  {"hll", 0}, {"hll_if", 0}, {"hll_merge", 0}, {"make_bag", "bag"}, {"make_bag_if", "bag"}, {"make_dictionary", "dictionary"},
  {"make_list", "list"}, {"make_list_if", "list"}, {"make_list_with_nulls", "list"},
  {"make_set", "set"}, {"make_set_if", "set"}, {"makelist", "list"}, {"makeset", "set"},
  {"max", 0}, {"maxif", 0}, {"min", 0}, {"minif", 0}, {"stdev", 0}, {"stdevif", 0},
  {"stdevp", 0}, {"strlen", 0}, {"sum", 0}, {"sumif", 0}, {"tdigest", 0},
  {"tdigest_merge", "merge_tdigests"}, {"merge_tdigest", "merge_tdigests"},
  {"percentile_tdigest", 0}, {"percentiles_array_tdigest", "percentile_tdigest"}, {"dcount_hll", 0}, {"variance", 0}, {"varianceif", 0}, {"variancep", 0},
  {"any", 0}, {"anyif", 0}, {"count_distinct", 0}, {"count_distinctif", 0}, {"variancepif", 0}, {"stdevpif", 0},
  {"buildschema", "schema"},
  /* percentiles_array: percentiles_X (docs and oracle); percentilesw_array:
  ** percentile_X as both of the docs' examples print it (the oracle says percentiles_X) */
  {"percentiles_array", "percentiles"}, {"percentilesw_array", "percentile"},
};

/* Two-argument aggregates named <name>_<x>_<y>, as the engine's docs show
** (covariance(x, y) is covariance_x_y). */
static const char *const azTwoArg[] = {
  "covariance", "covarianceif", "covariancep", "covariancepif",
};

static const char *exprName(Binder *p, const KqlAst *pAst){
  if( pAst==0 ) return 0;
  switch( pAst->eKind ){
    case KQL_AST_IDENT:
      /* a column keeps its name; a let-bound value has none */
      if( p->pRow && kqlBindFindCol(p->pRow->pRel, pAst->z)>=0 ) return pAst->z;
      if( kqlBindLookup(p, pAst->z) ) return 0;
      return pAst->z;
    case KQL_AST_PAREN:
      return exprName(p, pAst->aChild[0]);
    case KQL_AST_MEMBER: {
      const char *z = exprName(p, pAst->aChild[0]);
      return z ? kqlArenaPrintf(p->pArena, "%s_%s", z, pAst->z) : 0;
    }
    case KQL_AST_INDEX: {
      const char *z = exprName(p, pAst->aChild[0]);
      const KqlAst *pI = pAst->aChild[1];
      if( z==0 || pI->eKind!=KQL_AST_LITERAL ) return 0;
      return kqlArenaPrintf(p->pArena, "%s_%s", z, pI->z);
    }
    case KQL_AST_CALL: {
      const char *zFn = pAst->z ? pAst->z : "";
      if( kqlBindLookup(p, zFn) ) return 0;
      for(unsigned i=0; i<sizeof(azFirstArg)/sizeof(azFirstArg[0]); i++){
        if( strcmp(azFirstArg[i], zFn)==0 ){
          /* bin(Name = Col, 1h) names the result Name */
          if( pAst->nChild && (pAst->aChild[0]->eKind==KQL_AST_NAMEDARG || pAst->aChild[0]->eKind==KQL_AST_ASSIGN) ){
            return pAst->aChild[0]->z;
          }
          return pAst->nChild ? exprName(p, pAst->aChild[0]) : 0;
        }
      }
      for(unsigned i=0; i<sizeof(aPrefix)/sizeof(aPrefix[0]); i++){
        if( strcmp(aPrefix[i].zFn, zFn)==0 ){
          const char *zPre = aPrefix[i].zPrefix ? aPrefix[i].zPrefix : zFn;
          const char *zArg = pAst->nChild ? exprName(p, pAst->aChild[0]) : 0;
          return kqlArenaPrintf(p->pArena, "%s_%s", zPre, zArg ? zArg : "");
        }
      }
      for(unsigned i=0; i<sizeof(azTwoArg)/sizeof(azTwoArg[0]); i++){
        if( strcmp(azTwoArg[i], zFn)==0 && pAst->nChild>=2 ){
          const char *zX = exprName(p, pAst->aChild[0]);
          const char *zY = exprName(p, pAst->aChild[1]);
          return kqlArenaPrintf(p->pArena, "%s_%s_%s", zFn, zX ? zX : "", zY ? zY : "");
        }
      }
      if( (strcmp(zFn, "percentile")==0 || strcmp(zFn, "percentilew")==0) && pAst->nChild>=2 ){
        const char *zArg = exprName(p, pAst->aChild[0]);
        const KqlAst *pPct = pAst->aChild[pAst->nChild-1];
        if( pPct->eKind==KQL_AST_LITERAL ){
          char *zP = kqlArenaStrdup(p->pArena, pPct->z, -1);
          for(char *c = zP; *c; c++) if( *c=='.' ) *c = '_';
          return kqlArenaPrintf(p->pArena, "percentile_%s_%s", zArg ? zArg : "", zP);
        }
      }
      return 0;
    }
    default:
      return 0;
  }
}

const char *kqlNameForExpr(Binder *p, const KqlAst *pAst, int bAggCtx){
  (void)bAggCtx;
  return exprName(p, pAst);
}

static int nameIn(const char *z, const KqlCol *aCol, int nCol){
  for(int i=0; i<nCol; i++){
    if( aCol[i].zName && strcmp(aCol[i].zName, z)==0 ) return 1;
  }
  return 0;
}

const char *kqlNameUnique(Binder *p, const char *zName, const KqlCol *aCol, int nCol){
  if( !nameIn(zName, aCol, nCol) ) return zName;
  for(int i=1; ; i++){
    const char *z = kqlArenaPrintf(p->pArena, "%s%d", zName, i);
    if( !nameIn(z, aCol, nCol) ) return z;
  }
}

const char *kqlNameColumnN(Binder *p, const KqlCol *aIn, int nIn, const KqlCol *aOut, int nOut){
  for(int i=1; ; i++){
    const char *z = kqlArenaPrintf(p->pArena, "Column%d", i);
    if( !nameIn(z, aIn, nIn) && !nameIn(z, aOut, nOut) ) return z;
  }
}
