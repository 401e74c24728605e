/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** top-nested, top-hitters, sample and sample-distinct.
**
** top-nested: the input is materialized once (a CTE); level k is a GROUP BY
** on the first k 'of' expressions with its aggregation and a row_number()
** over the partition of the first k-1 (descending unless 'asc'); the result
** joins the levels along the hierarchy (null-safe) keeping ranks <= N.
** 'with others=V' on level k adds, under every kept parent, one row whose
** level-k value is V and whose aggregation runs over the rows of the values
** that were cut; deeper levels of that row are null.
** sample draws rows in random order; sample-distinct draws distinct values;
** top-hitters is exact here (count or sum per value, the N largest).
*/
#include "bind_ext.h"
#include <string.h>

/* The row count argument: a constant integer expression's SQL, or NULL (error reported). */
static const char *countArg(Binder *p, const KqlAst *pAst, const char *zOp){
  KqlExpr *e = kqlExtConst(p, pAst);
  if( e->bError ) return 0;
  if( e->eType!=KQL_T_INT && e->eType!=KQL_T_LONG ){
    kqlBindErr(p, pAst, "KQL144", "%s: the row count must be an integer, not %s", zOp, kqlTypeName(e->eType));
    return 0;
  }
  return e->zSql;
}

/* ------------------------------------------------------------ top-nested */

typedef struct TnLevel TnLevel;
struct TnLevel {
  const char *zN;       /* row count SQL, or NULL for all */
  const char *zOf;      /* of expression SQL (input alias) */
  const char *zAgg;     /* aggregation SQL */
  const char *zOthers;  /* others value SQL (as the of type), or NULL */
  int bAsc;
  const char *zOfName, *zAggName;
  int eOfType, eAggType;
};

/* "lK"."kql$oJ" */
static void colRef(KqlStr *s, const char *zT, const char *zPre, int j){
  kqlStrPrintf(s, "%s.\"kql$%s%d\"", zT, zPre, j);
}

/*
** The join of levels 1..nLev (aliases t1..tn, tables l1..ln) with their
** ranks kept; zExtra (a further JOIN clause, or NULL) goes before the WHERE.
*/
static void appendLevelJoin(KqlStr *s, int nLev, const TnLevel *aLev, const char *zExtra){
  for(int k=1; k<=nLev; k++){
    kqlStrPrintf(s, "%s l%d AS t%d", k>1 ? " JOIN" : " FROM", k, k);
    if( k>1 ){
      kqlStrAppend(s, " ON ", 4);
      for(int j=1; j<k; j++){
        if( j>1 ) kqlStrAppend(s, " AND ", 5);
        colRef(s, kqlArenaPrintf(s->pArena, "t%d", k), "o", j);
        kqlStrAppend(s, " IS ", 4);
        colRef(s, kqlArenaPrintf(s->pArena, "t%d", k-1), "o", j);
      }
    }
  }
  if( zExtra ) kqlStrAppend(s, zExtra, -1);
  int bWhere = 0;
  for(int k=1; k<=nLev; k++){
    if( aLev[k-1].zN==0 ) continue;
    kqlStrPrintf(s, "%s t%d.\"kql$r%d\" <= %s", bWhere ? " AND" : " WHERE", k, k, aLev[k-1].zN);
    bWhere = 1;
  }
}

KqlRel *kqlExtTopNested(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  int nLev = pOp->nChild;
  if( nLev==0 ){
    kqlBindErr(p, pOp, "KQL230", "top-nested: no clauses");
    return kqlExtRelError(p);
  }
  TnLevel *aLev = kqlArenaAlloc(p->pArena, sizeof(TnLevel)*(size_t)nLev);
  KqlCol *aOut = kqlExtCols(p, 2*nLev);
  int nOut = 0;
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  for(int k=0; k<nLev; k++){
    const KqlAst *pCl = pOp->aChild[k];
    TnLevel *L = &aLev[k];
    if( pCl==0 || pCl->eKind!=KQL_AST_TOPNESTED || pCl->nChild<3 ){
      kqlBindErr(p, pCl ? pCl : pOp, "KQL230", "top-nested: malformed clause");
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
    if( pCl->aChild[0] ){
      if( (L->zN = countArg(p, pCl->aChild[0], "top-nested"))==0 ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    }
    L->bAsc = (pCl->eOp & KQL_SORT_ASC)!=0;
    /* of */
    const KqlAst *pOf = pCl->aChild[1];
    const KqlAst *pOfE = pOf->eKind==KQL_AST_ASSIGN ? pOf->aChild[0] : pOf;
    ctx.bAggOk = 0;
    KqlExpr *eOf = kqlBindExpr(p, pOfE);
    if( eOf->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    L->zOf = eOf->zSql;
    L->eOfType = kqlExtColType(eOf);
    const char *zOfName = pOf->eKind==KQL_AST_ASSIGN ? pOf->z : kqlNameForExpr(p, pOfE, 0);
    if( zOfName==0 ) zOfName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aOut, nOut);
    L->zOfName = kqlNameUnique(p, zOfName, aOut, nOut);
    aOut[nOut].zName = L->zOfName;
    aOut[nOut].eType = L->eOfType;
    nOut++;
    /* by */
    const KqlAst *pBy = pCl->aChild[2];
    const KqlAst *pByE = pBy->eKind==KQL_AST_ASSIGN ? pBy->aChild[0] : pBy;
    ctx.bAggOk = 1;
    KqlExpr *eAgg = kqlBindExpr(p, pByE);
    ctx.bAggOk = 0;
    if( eAgg->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    if( !eAgg->bAgg ){
      kqlBindErr(p, pBy, "KQL136", "top-nested: 'by' needs an aggregation");
      kqlExtRowLeave(p, pSave);
      return kqlExtRelError(p);
    }
    L->zAgg = eAgg->zSql;
    L->eAggType = kqlExtColType(eAgg);
    const char *zAggName = pBy->eKind==KQL_AST_ASSIGN ? pBy->z
                         : kqlArenaPrintf(p->pArena, "aggregated_%s", L->zOfName);
    L->zAggName = kqlNameUnique(p, zAggName, aOut, nOut);
    aOut[nOut].zName = L->zAggName;
    aOut[nOut].eType = L->eAggType;
    nOut++;
    /* others */
    const KqlAst *pOth = kqlExtOpt(pCl, "others");
    if( pOth && L->zN ){
      KqlExpr *e = kqlExtConst(p, pOth);
      if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
      L->zOthers = kqlExprAs(p, e, L->eOfType);
    }
  }
  kqlExtRowLeave(p, pSave);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrPrintf(&s, "WITH src AS MATERIALIZED (%s)", pIn->zSql);
  /* one CTE per level */
  for(int k=1; k<=nLev; k++){
    const TnLevel *L = &aLev[k-1];
    kqlStrPrintf(&s, ", l%d AS (SELECT ", k);
    for(int j=1; j<=k; j++) kqlStrPrintf(&s, "%s AS \"kql$o%d\", ", aLev[j-1].zOf, j);
    kqlStrPrintf(&s, "%s AS \"kql$g%d\", row_number() OVER (", L->zAgg, k);
    if( k>1 ){
      kqlStrAppend(&s, "PARTITION BY ", -1);
      for(int j=1; j<k; j++) kqlStrPrintf(&s, "%s%s", j>1 ? ", " : "", aLev[j-1].zOf);
      kqlStrAppend(&s, " ", 1);
    }
    kqlStrPrintf(&s, "ORDER BY %s %s, %s) AS \"kql$r%d\" FROM src AS %s GROUP BY ", L->zAgg,
                 L->bAsc ? "ASC" : "DESC", L->zOf, k, zA);
    for(int j=1; j<=k; j++) kqlStrPrintf(&s, "%s%d", j>1 ? ", " : "", j);
    kqlStrAppend(&s, ")", 1);
    if( L->zOthers ){
      /* the aggregation over the rows of the values that were cut */
      kqlStrPrintf(&s, ", x%d AS (SELECT ", k);
      for(int j=1; j<k; j++) kqlStrPrintf(&s, "%s AS \"kql$o%d\", ", aLev[j-1].zOf, j);
      kqlStrPrintf(&s, "%s AS \"kql$g%d\" FROM src AS %s JOIN l%d AS c ON ", L->zAgg, k, zA, k);
      for(int j=1; j<=k; j++){
        if( j>1 ) kqlStrAppend(&s, " AND ", 5);
        colRef(&s, "c", "o", j);
        kqlStrPrintf(&s, " IS %s", aLev[j-1].zOf);
      }
      kqlStrPrintf(&s, " WHERE c.\"kql$r%d\" > %s", k, L->zN);
      if( k>1 ){
        kqlStrAppend(&s, " GROUP BY ", -1);
        for(int j=1; j<k; j++) kqlStrPrintf(&s, "%s%d", j>1 ? ", " : "", j);
      }
      kqlStrAppend(&s, " HAVING count(*) > 0)", -1);
    }
  }
  /* the full paths */
  kqlStrAppend(&s, " SELECT ", -1);
  for(int k=1; k<=nLev; k++){
    if( k>1 ) kqlStrAppend(&s, ", ", 2);
    colRef(&s, kqlArenaPrintf(p->pArena, "t%d", k), "o", k);
    kqlStrAppend(&s, " AS ", 4);
    kqlStrIdent(&s, aLev[k-1].zOfName, -1);
    kqlStrAppend(&s, ", ", 2);
    colRef(&s, kqlArenaPrintf(p->pArena, "t%d", k), "g", k);
    kqlStrAppend(&s, " AS ", 4);
    kqlStrIdent(&s, aLev[k-1].zAggName, -1);
  }
  appendLevelJoin(&s, nLev, aLev, 0);
  /* the others rows */
  for(int k=1; k<=nLev; k++){
    const TnLevel *L = &aLev[k-1];
    if( !L->zOthers ) continue;
    kqlStrAppend(&s, " UNION ALL SELECT ", -1);
    for(int j=1; j<=nLev; j++){
      if( j>1 ) kqlStrAppend(&s, ", ", 2);
      if( j<k ){
        colRef(&s, kqlArenaPrintf(p->pArena, "t%d", j), "o", j);
        kqlStrAppend(&s, ", ", 2);
        colRef(&s, kqlArenaPrintf(p->pArena, "t%d", j), "g", j);
      }else if( j==k ){
        kqlStrPrintf(&s, "%s, ", L->zOthers);
        colRef(&s, "x", "g", k);
      }else{
        kqlStrAppend(&s, "NULL, NULL", -1);
      }
    }
    if( k==1 ){
      kqlStrPrintf(&s, " FROM x1 AS x");
    }else{
      KqlStr j2;
      kqlStrInit(&j2, p->pArena);
      kqlStrPrintf(&j2, " JOIN x%d AS x ON ", k);
      for(int j=1; j<k; j++){
        if( j>1 ) kqlStrAppend(&j2, " AND ", 5);
        colRef(&j2, "x", "o", j);
        kqlStrAppend(&j2, " IS ", 4);
        colRef(&j2, kqlArenaPrintf(p->pArena, "t%d", k-1), "o", j);
      }
      appendLevelJoin(&s, k-1, aLev, kqlStrText(&j2));
    }
  }
  KqlStr o;
  kqlStrInit(&o, p->pArena);
  kqlStrAppend(&o, "SELECT ", -1);
  for(int c=0; c<nOut; c++){
    if( c ) kqlStrAppend(&o, ", ", 2);
    kqlStrIdent(&o, aOut[c].zName, -1);
  }
  kqlStrPrintf(&o, " FROM (%s)", kqlStrText(&s));
  return kqlBindRelNew(p, kqlStrText(&o), nOut, aOut);
}

/* ------------------------------------------------------------ top-hitters */

KqlRel *kqlExtTopHitters(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const char *zN = countArg(p, pOp->aChild[0], "top-hitters");
  if( zN==0 ) return kqlExtRelError(p);
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  const KqlAst *pOf = pOp->aChild[1];
  KqlExpr *eOf = kqlBindExpr(p, pOf);
  const KqlAst *pBy = pOp->nChild>2 ? pOp->aChild[2] : 0;
  KqlExpr *eBy = pBy ? kqlBindExpr(p, pBy) : 0;
  kqlExtRowLeave(p, pSave);
  if( eOf->bError || (eBy && eBy->bError) ) return kqlExtRelError(p);
  if( eBy && !kqlTypeIsNumeric(eBy->eType) ){
    kqlBindErr(p, pBy, "KQL231", "top-hitters: 'by' needs a number, not %s", kqlTypeName(eBy->eType));
    return kqlExtRelError(p);
  }
  KqlCol *aOut = kqlExtCols(p, 2);
  const char *zOf = kqlNameForExpr(p, pOf, 0);
  if( zOf==0 ) zOf = kqlNameColumnN(p, pIn->aCol, pIn->nCol, 0, 0);
  aOut[0].zName = zOf;
  aOut[0].eType = kqlExtColType(eOf);
  const char *zByName = pBy ? kqlNameForExpr(p, pBy, 0) : 0;
  aOut[1].zName = kqlNameUnique(p, pBy ? kqlArenaPrintf(p->pArena, "approximate_sum_%s", zByName ? zByName : "")
                                      : kqlArenaPrintf(p->pArena, "approximate_count_%s", zOf), aOut, 1);
  aOut[1].eType = eBy ? (eBy->eType==KQL_T_INT ? KQL_T_LONG : eBy->eType) : KQL_T_LONG;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrPrintf(&s, "SELECT %s AS ", eOf->zSql);
  kqlStrIdent(&s, aOut[0].zName, -1);
  kqlStrPrintf(&s, ", %s AS ", eBy ? kqlArenaPrintf(p->pArena, "sum(%s)", eBy->zSql) : "count(*)");
  kqlStrIdent(&s, aOut[1].zName, -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s GROUP BY 1 ORDER BY 2 DESC LIMIT max(%s, 0)", pIn->zSql, zA, zN);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), 2, aOut);
  r->bOrdered = 1;
  return r;
}

/* ------------------------------------------------------------ sample */

KqlRel *kqlExtSample(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const char *zN = countArg(p, pOp->aChild[0], "sample");
  if( zN==0 ) return kqlExtRelError(p);
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlExtColList(&s, pIn, zA);
  if( pIn->nCol==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s ORDER BY random() LIMIT max(%s, 0)", pIn->zSql, zA, zN);
  return kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
}

KqlRel *kqlExtSampleDistinct(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const char *zN = countArg(p, pOp->aChild[0], "sample-distinct");
  if( zN==0 ) return kqlExtRelError(p);
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  const KqlAst *pCol = pOp->aChild[1];
  KqlExpr *e = kqlBindExpr(p, pCol);
  kqlExtRowLeave(p, pSave);
  if( e->bError ) return kqlExtRelError(p);
  KqlCol *aOut = kqlExtCols(p, 1);
  const char *zName = kqlNameForExpr(p, pCol, 0);
  aOut[0].zName = zName ? zName : kqlNameColumnN(p, pIn->aCol, pIn->nCol, 0, 0);
  aOut[0].eType = kqlExtColType(e);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT v AS ", -1);
  kqlStrIdent(&s, aOut[0].zName, -1);
  kqlStrPrintf(&s, " FROM (SELECT DISTINCT %s AS v FROM (%s) AS %s) ORDER BY random() LIMIT max(%s, 0)",
               e->zSql, pIn->zSql, zA, zN);
  return kqlBindRelNew(p, kqlStrText(&s), 1, aOut);
}
