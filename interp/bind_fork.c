/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** fork and facet: the operators that end a statement with several result
** tables.
**
**   T | ... | fork (q1) [name=](q2) ...   one table per sub-query, each over
**                                         the rows before fork (CONTEXT)
**   T | ... | facet by c1, c2* [with (q)] the table of q (when given), then
**                                         per column c: c, count_c (long),
**                                         one row per distinct value
**
** The input is bound once, as a CTE the tables share (so rand() and the like
** are drawn once). kqlBindQuery (bind.c) asks kqlBindForkOp whether a
** statement ends in one of them and turns each relation kqlBindFork returns
** into a result statement. Only render may follow them (a no-op on the
** tables); elsewhere in a pipeline they are not supported.
*/
#include "bind_ext.h"
#include <string.h>

/* Index of the fork/facet operator that ends pSt, before any trailing
** render (a no-op on the result tables); -1 when there is none. */
static int forkIndex(const KqlAst *pSt){
  if( pSt==0 || pSt->eKind!=KQL_AST_PIPE || pSt->nChild<2 ) return -1;
  int i = pSt->nChild-1;
  while( i>1 && pSt->aChild[i] && pSt->aChild[i]->eKind==KQL_AST_OP_RENDER ) i--;
  const KqlAst *pOp = pSt->aChild[i];
  if( pOp && (pOp->eKind==KQL_AST_OP_FORK || pOp->eKind==KQL_AST_OP_FACET) ) return i;
  return -1;
}

const KqlAst *kqlBindForkOp(const KqlAst *pSt){
  int i = forkIndex(pSt);
  return i<0 ? 0 : pSt->aChild[i];
}

/* Bind sub-query pSub over pCtx (its CONTEXT source). */
static KqlRel *bindSub(Binder *p, const KqlAst *pSub, KqlRel *pCtx){
  KqlScope *pSaveScope = p->pScope;
  KqlRowCtx *pSaveRow = p->pRow;
  KqlScope *s = kqlArenaAlloc(p->pArena, sizeof(KqlScope));
  s->zName = KQL_EXT_CONTEXT_NAME;
  s->eKind = KQL_SCOPE_REL;
  s->pRel = pCtx;
  s->pDefScope = p->pScope;
  s->pNext = p->pScope;
  p->pScope = s;
  p->pRow = 0;
  KqlRel *r = kqlBindTabular(p, pSub);
  p->pScope = pSaveScope;
  p->pRow = pSaveRow;
  return r;
}

/* 1 when z matches pattern zPat ('*' matches any run of characters). */
static int patMatch(const char *zPat, const char *z){
  while( *zPat ){
    if( *zPat=='*' ){
      zPat++;
      if( *zPat==0 ) return 1;
      for(; *z; z++) if( patMatch(zPat, z) ) return 1;
      return 0;
    }
    if( *zPat!=*z ) return 0;
    zPat++;
    z++;
  }
  return *z==0;
}

/* facet's table for column iCol of pIn: value, count_<name>. */
static KqlRel *facetTable(Binder *p, KqlRel *pIn, int iCol){
  const char *zName = pIn->aCol[iCol].zName;
  const char *zA = kqlBindAlias(p);
  KqlCol *aCol = kqlExtCols(p, 2);
  aCol[0] = pIn->aCol[iCol];
  aCol[1].zName = kqlArenaPrintf(p->pArena, "count_%s", zName);
  aCol[1].eType = KQL_T_LONG;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrPrintf(&s, "SELECT %s.", zA);
  kqlStrIdent(&s, zName, -1);
  kqlStrAppend(&s, " AS ", -1);
  kqlStrIdent(&s, zName, -1);
  kqlStrAppend(&s, ", count(*) AS ", -1);
  kqlStrIdent(&s, aCol[1].zName, -1);
  kqlStrPrintf(&s, " FROM %s AS %s GROUP BY %s.", kqlBindSrc(p, pIn), zA, zA);
  kqlStrIdent(&s, zName, -1);
  return kqlBindRelNew(p, kqlStrText(&s), 2, aCol);
}

int kqlBindFork(Binder *p, const KqlAst *pSt, KqlRel ***papOut){
  const KqlAst *pOp = kqlBindForkOp(pSt);
  *papOut = 0;
  if( pOp==0 ) return 0;
  /* the statement before fork (and any render after it) */
  KqlAst *pHead = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
  *pHead = *pSt;
  pHead->nChild = forkIndex(pSt);
  KqlRel *pIn = kqlBindTabular(p, pHead);
  if( pIn->bError ) return 0;
  if( pIn->pGraph ){
    kqlBindErr(p, pOp, "KQL106", "%s needs a table, not a graph", kqlAstKindName(pOp->eKind));
    return 0;
  }
  kqlBindSrc(p, pIn);
  int nMax = pOp->nChild + (pOp->eKind==KQL_AST_OP_FACET ? pIn->nCol : 0) + 1;
  KqlRel **ap = kqlArenaAlloc(p->pArena, sizeof(KqlRel*)*(size_t)nMax);
  int n = 0;
  if( pOp->eKind==KQL_AST_OP_FORK ){
    for(int i=0; i<pOp->nChild; i++){
      const KqlAst *pSub = pOp->aChild[i];
      if( pSub && pSub->eKind==KQL_AST_ASSIGN && pSub->nChild>0 ) pSub = pSub->aChild[0];
      if( pSub==0 ) continue;
      KqlRel *r = bindSub(p, pSub, pIn);
      if( r->bError ) return 0;
      ap[n++] = r;
    }
  }else{
    /* facet: the with (...) table first, then one per column in the order
    ** the patterns name them */
    const KqlAst *pLast = pOp->nChild ? pOp->aChild[pOp->nChild-1] : 0;
    int nPat = pOp->nChild;
    if( pLast && pLast->eKind==KQL_AST_PIPE ){
      nPat--;
      KqlRel *r = bindSub(p, pLast, pIn);
      if( r->bError ) return 0;
      ap[n++] = r;
    }
    char *abDone = kqlArenaAlloc(p->pArena, (size_t)pIn->nCol + 1);
    memset(abDone, 0, (size_t)pIn->nCol + 1);
    for(int i=0; i<nPat; i++){
      const KqlAst *pPat = pOp->aChild[i];
      if( pPat==0 || pPat->z==0 || (pPat->eKind!=KQL_AST_IDENT && pPat->eKind!=KQL_AST_WILDCARD) ){
        kqlBindErr(p, pPat ? pPat : pOp, "KQL145", "facet: expected a column name or a wildcard");
        return 0;
      }
      int nHit = 0;
      for(int c=0; c<pIn->nCol; c++){
        if( !patMatch(pPat->z, pIn->aCol[c].zName) ) continue;
        nHit++;
        if( abDone[c] || n>=nMax ) continue;
        abDone[c] = 1;
        ap[n++] = facetTable(p, pIn, c);
      }
      if( nHit==0 && strchr(pPat->z, '*')==0 ){
        kqlBindErr(p, pPat, "KQL103", "unknown column '%s'", pPat->z);
        return 0;
      }
    }
  }
  *papOut = ap;
  return n;
}
