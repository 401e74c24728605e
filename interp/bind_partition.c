/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The partition operator:
**
**   T | partition [hint.strategy=...] by Col ( subquery )    sub-query on each sub-table
**   T | partition [hint.strategy=legacy] by Col { query }    its own source; toscalar(Col)
**
** The distinct values of Col are counted while binding (KqlBindEnv.xQuery);
** the sub-query is then bound once per value, over the rows whose Col IS the
** k-th distinct value (read by the statement itself, so no key value is
** copied into the SQL), and the results are concatenated with UNION ALL.
** The result is serialized when the input is (partition is not among the
** operators the docs list as ending serialization). In check mode (no data) the
** sub-query is bound once over the whole input, for its schema. The common
** ( top N by ... ) sub-query is one statement with a numbering per key.
*/
#include "bind_ext.h"
#include <stdlib.h>
#include <string.h>

/* the most distinct keys kqlite binds a sub-query for */
#define PARTITION_MAX_KEYS 2000
/* legs per UNION ALL (SQLite's compound-select limit is 500) */
#define PARTITION_CHUNK 200

/* Bind pSub with the sub-table pCtx: as the CONTEXT input for (...), and
** for {...} with Col bound to the one-row table of the key (toscalar(Col)). */
static KqlRel *bindLeg(Binder *p, const KqlAst *pSub, KqlRel *pCtx, const char *zKey, KqlRel *pKeyRel){
  KqlScope *pSaveScope = p->pScope;
  KqlRowCtx *pSaveRow = p->pRow;
  KqlScope *s = kqlArenaAlloc(p->pArena, sizeof(KqlScope));
  s->zName = KQL_EXT_CONTEXT_NAME;
  s->eKind = KQL_SCOPE_REL;
  s->pRel = pCtx;
  s->pDefScope = p->pScope;
  s->pNext = p->pScope;
  if( pKeyRel ){
    KqlScope *k = kqlArenaAlloc(p->pArena, sizeof(KqlScope));
    k->zName = zKey;
    k->eKind = KQL_SCOPE_REL;
    k->pRel = pKeyRel;
    k->pDefScope = s;
    k->pNext = s;
    s = k;
  }
  p->pScope = s;
  p->pRow = 0;
  KqlRel *r = kqlBindTabular(p, pSub);
  p->pScope = pSaveScope;
  p->pRow = pSaveRow;
  return r;
}

/* "SELECT a.c1, ... FROM src AS a WHERE <zWhere>" over pIn's columns */
static KqlRel *subTable(Binder *p, KqlRel *pIn, const char *zWhere){
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  if( pIn->nCol==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrPrintf(&s, " FROM %s AS %s WHERE %s", kqlBindSrc(p, pIn), zA, zWhere);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}

/* UNION ALL of aLeg[0..n), in chunks under SQLite's compound limit */
static KqlRel *unionAll(Binder *p, KqlRel **aLeg, int n, const KqlRel *pSchema, int bOrdered){
  while( n>1 ){
    int nOut = 0;
    for(int i=0; i<n; i+=PARTITION_CHUNK){
      KqlStr s;
      kqlStrInit(&s, p->pArena);
      for(int j=i; j<n && j<i+PARTITION_CHUNK; j++){
        if( j>i ) kqlStrAppend(&s, " UNION ALL ", -1);
        const char *zA = kqlBindAlias(p);
        kqlStrAppend(&s, "SELECT ", -1);
        kqlBindColList(&s, pSchema, zA);
        if( pSchema->nCol==0 ) kqlStrAppend(&s, "NULL", -1);
        kqlStrPrintf(&s, " FROM %s AS %s", kqlBindSrc(p, aLeg[j]), zA);
      }
      aLeg[nOut++] = kqlBindRelNew(p, kqlStrText(&s), pSchema->nCol, pSchema->aCol);
    }
    n = nOut;
  }
  KqlRel *r = kqlBindRelNew(p, aLeg[0]->zSql, pSchema->nCol, pSchema->aCol);
  r->bOrdered = bOrdered;
  return r;
}

/*
** partition by K ( top N by keys ): one statement, the rows numbered per key
** in the top's order (ROW_NUMBER() OVER (PARTITION BY K ORDER BY ...)) and
** kept up to N. The sort keys follow top's rules (descending unless asc;
** SQLite's null order then matches Kusto's defaults). NULL when pSub is not
** this shape.
*/
static KqlRel *partitionTop(Binder *p, KqlRel *pIn, const char *zKeyQ, const KqlAst *pSub){
  if( pSub->eKind!=KQL_AST_PIPE || pSub->nChild!=2 ) return 0;
  const KqlAst *pTop = pSub->aChild[1];
  if( pTop->eKind!=KQL_AST_OP_TOP || pTop->nChild<2 ) return 0;
  KqlExpr *eN = kqlExtConst(p, pTop->aChild[0]);
  if( eN->bError ) return kqlExtRelError(p);
  if( eN->eType!=KQL_T_INT && eN->eType!=KQL_T_LONG ){
    kqlBindErr(p, pTop->aChild[0], "KQL144", "row count must be an integer, not %s", kqlTypeName(eN->eType));
    return kqlExtRelError(p);
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlStr o;
  kqlStrInit(&o, p->pArena);
  for(int i=1; i<pTop->nChild; i++){
    const KqlAst *pKey = pTop->aChild[i];
    const KqlAst *pExpr = pKey->eKind==KQL_AST_SORTKEY ? pKey->aChild[0] : pKey;
    int m = pKey->eKind==KQL_AST_SORTKEY ? pKey->eOp : 0;
    KqlExpr *e = kqlBindExpr(p, pExpr);
    if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    const char *zE = e->eType==KQL_T_DYNAMIC ? kqlArenaPrintf(p->pArena, "(%s ->> '$')", e->zSql) : e->zSql;
    kqlStrPrintf(&o, "%s%s %s%s", i>1 ? ", " : "", zE, (m & KQL_SORT_ASC) ? "ASC" : "DESC",
                 (m & KQL_SORT_NULLS_FIRST) ? " NULLS FIRST" : (m & KQL_SORT_NULLS_LAST) ? " NULLS LAST" : "");
  }
  kqlExtRowLeave(p, pSave);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  kqlStrAppend(&s, " FROM (SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  kqlStrPrintf(&s, ", row_number() OVER (PARTITION BY %s.%s ORDER BY %s) AS \"kql$rn\" FROM %s AS %s) AS %s"
                   " WHERE %s.\"kql$rn\" <= %s",
               zA, zKeyQ, kqlStrText(&o), kqlBindSrc(p, pIn), zA, zA, zA, eN->zSql);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pIn->nCol, pIn->aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}

KqlRel *kqlBindPartition(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pKey = pOp->nChild>0 ? pOp->aChild[0] : 0;
  const KqlAst *pSub = pOp->nChild>1 ? pOp->aChild[1] : 0;
  if( pKey==0 || pSub==0 || pKey->z==0 ){
    kqlBindErr(p, pOp, "KQL270", "partition: expected 'by Column' and a sub-query");
    return kqlExtRelError(p);
  }
  if( pIn->bError ) return pIn;
  int iKey = kqlBindFindCol(pIn, pKey->z);
  if( iKey<0 ){
    kqlBindErr(p, pKey, "KQL103", "partition: unknown column '%s'", pKey->z);
    return kqlExtRelError(p);
  }
  const KqlAst *pStrat = kqlExtOpt(pOp, "hint.strategy");
  const char *zStrat = pStrat ? kqlExtConstText(p, pStrat, 1) : 0;
  if( zStrat && strcmp(zStrat, "legacy")!=0 && strcmp(zStrat, "native")!=0 && strcmp(zStrat, "shuffle")!=0 ){
    kqlBindErr(p, pStrat, "KQL270", "partition: hint.strategy must be legacy, native or shuffle");
    return kqlExtRelError(p);
  }
  int bBrace = pSub->eKind!=KQL_AST_PIPE || pSub->nChild==0 || pSub->aChild[0]->eKind!=KQL_AST_CONTEXT;
  const char *zKeyCol = pIn->aCol[iKey].zName;
  KqlStr kc;
  kqlStrInit(&kc, p->pArena);
  kqlStrIdent(&kc, zKeyCol, -1);
  const char *zKeyQ = kqlStrText(&kc);

  if( !bBrace ){
    KqlRel *r = partitionTop(p, pIn, zKeyQ, pSub);
    if( r ) return r;
  }
  /* the distinct keys, as a relation the legs read their key from */
  const char *zK = kqlBindAlias(p);
  KqlCol *aKeyCol = kqlExtCols(p, 1);
  aKeyCol[0] = pIn->aCol[iKey];
  KqlRel *pKeys = kqlBindRelNew(p, kqlArenaPrintf(p->pArena, "SELECT DISTINCT %s.%s AS %s FROM %s AS %s",
                                zK, zKeyQ, zKeyQ, kqlBindSrc(p, pIn), zK), 1, aKeyCol);
  const char *zKeys = kqlBindSrc(p, pKeys);

  if( p->pEnv->xQuery==0 ){
    /* checking: one leg over the whole input gives the schema */
    KqlRel *pKeyRel = bBrace ? kqlBindRelNew(p, kqlArenaPrintf(p->pArena, "SELECT %s FROM %s LIMIT 1", zKeyQ, zKeys),
                                             1, aKeyCol) : 0;
    KqlRel *r = bindLeg(p, pSub, pIn, zKeyCol, pKeyRel);
    if( r->bError ) return r;
    KqlRel *r2 = kqlBindRelNew(p, r->zSql, r->nCol, r->aCol);
    r2->bOrdered = pIn->bOrdered;
    return r2;
  }
  const char *zOut = 0, *zErr = 0;
  if( p->pEnv->xQuery(p->pEnv->pArg, kqlArenaPrintf(p->pArena, "SELECT count(*) FROM %s", zKeys),
                      p->aParam, p->nParam, &zOut, &zErr) ){
    kqlBindErr(p, pOp, "KQL271", "partition: cannot read the data: %s", zErr ? zErr : "query failed");
    return kqlExtRelError(p);
  }
  int nKey = zOut ? atoi(zOut) : 0;
  if( nKey>PARTITION_MAX_KEYS ){
    kqlBindNotSupported(p, pOp, kqlArenaPrintf(p->pArena, "partition by a column with more than %d distinct values (%d)",
                                               PARTITION_MAX_KEYS, nKey));
    return kqlExtRelError(p);
  }
  int nLeg = nKey>0 ? nKey : 1;
  KqlRel **aLeg = kqlArenaAlloc(p->pArena, sizeof(KqlRel*)*(size_t)nLeg);
  for(int i=0; i<nLeg; i++){
    const char *zVal = nKey>0
        ? kqlArenaPrintf(p->pArena, "(SELECT %s FROM %s ORDER BY 1 LIMIT 1 OFFSET %d)", zKeyQ, zKeys, i)
        : "NULL";
    KqlRel *pCtx = subTable(p, pIn, nKey>0 ? kqlArenaPrintf(p->pArena, "%s IS %s", zKeyQ, zVal) : "0");
    KqlRel *pKeyRel = 0;
    if( bBrace ){
      pKeyRel = kqlBindRelNew(p, kqlArenaPrintf(p->pArena, "SELECT %s AS %s", zVal, zKeyQ), 1, aKeyCol);
    }
    int nDiag = p->pDiags->nErr;
    KqlRel *r = bindLeg(p, pSub, pCtx, zKeyCol, pKeyRel);
    if( r->bError || p->pDiags->nErr>nDiag ) return r->bError ? r : kqlExtRelError(p);
    if( i>0 ){
      int bSame = r->nCol==aLeg[0]->nCol;
      for(int c=0; bSame && c<r->nCol; c++){
        bSame = strcmp(r->aCol[c].zName, aLeg[0]->aCol[c].zName)==0 && r->aCol[c].eType==aLeg[0]->aCol[c].eType;
      }
      if( !bSame ){
        kqlBindNotSupported(p, pSub, "partition sub-queries whose results have different schemas");
        return kqlExtRelError(p);
      }
    }
    aLeg[i] = r;
  }
  if( nKey==0 ){
    /* no rows: the schema of the sub-query, no rows */
    KqlRel *r = subTable(p, aLeg[0], "0");
    r->bOrdered = pIn->bOrdered;
    return r;
  }
  return unionAll(p, aLeg, nLeg, aLeg[0], pIn->bOrdered);
}
