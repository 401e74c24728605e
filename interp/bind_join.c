/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** join and lookup. Kusto's kinds map to SQL as:
**   innerunique (the default)  left side deduplicated on the keys (one row per
**                              key value, via row_number()), then inner join
**   inner, leftouter, rightouter, fullouter   JOIN / LEFT / RIGHT / FULL JOIN
**   leftsemi, leftanti, rightsemi, rightanti  EXISTS / NOT EXISTS
** Result columns: the left's, then the right's, a right column whose name is
** taken getting 1, 2 ... appended (semi/anti joins keep one side only).
** lookup is a leftouter (default) or inner join whose right key columns are
** not repeated.
*/
#include "bindInt.h"
#include "parser.h"
#include <string.h>
#include <strings.h>

typedef struct JoinKey JoinKey;
struct JoinKey { int iLeft, iRight; };

#define JK_INNERUNIQUE 0
#define JK_INNER       1
#define JK_LEFTOUTER   2
#define JK_RIGHTOUTER  3
#define JK_FULLOUTER   4
#define JK_LEFTSEMI    5
#define JK_LEFTANTI    6
#define JK_RIGHTSEMI   7
#define JK_RIGHTANTI   8

static int joinKind(Binder *p, const KqlAst *pOp, int eDefault){
  const KqlAst *pKind = kqlAstOpt(pOp, "kind");
  if( pKind==0 || pKind->nChild==0 || pKind->aChild[0]->z==0 ) return eDefault;
  static const struct { const char *z; int e; } a[] = {
    {"innerunique", JK_INNERUNIQUE}, {"inner", JK_INNER}, {"leftouter", JK_LEFTOUTER},
    {"rightouter", JK_RIGHTOUTER}, {"fullouter", JK_FULLOUTER}, {"leftsemi", JK_LEFTSEMI},
    {"leftanti", JK_LEFTANTI}, {"anti", JK_LEFTANTI}, {"leftantisemi", JK_LEFTANTI},
    {"rightsemi", JK_RIGHTSEMI}, {"rightanti", JK_RIGHTANTI}, {"rightantisemi", JK_RIGHTANTI},
    {"semi", JK_LEFTSEMI},
  };
  const char *z = pKind->aChild[0]->z;
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    if( strcasecmp(a[i].z, z)==0 ) return a[i].e;
  }
  kqlBindErr(p, pKind, "KQL160", "unknown join kind '%s'", z);
  return eDefault;
}

/* $left.x / $right.x: returns 0 for left, 1 for right, -1 otherwise; *pzCol = x. */
static int sideOf(const KqlAst *pAst, const char **pzCol){
  if( pAst->eKind!=KQL_AST_MEMBER || pAst->nChild<1 ) return -1;
  const KqlAst *pObj = pAst->aChild[0];
  if( pObj->eKind!=KQL_AST_IDENT || pObj->z==0 ) return -1;
  *pzCol = pAst->z;
  if( strcmp(pObj->z, "$left")==0 ) return 0;
  if( strcmp(pObj->z, "$right")==0 ) return 1;
  return -1;
}

static int addKey(Binder *p, const KqlAst *pAt, const KqlRel *pL, const KqlRel *pR,
                  const char *zL, const char *zR, JoinKey *aKey, int *pnKey){
  int iL = kqlBindFindCol(pL, zL), iR = kqlBindFindCol(pR, zR);
  if( iL<0 ){ kqlBindErr(p, pAt, "KQL103", "unknown column '%s' on the left side of the join", zL); return 0; }
  if( iR<0 ){ kqlBindErr(p, pAt, "KQL103", "unknown column '%s' on the right side of the join", zR); return 0; }
  aKey[*pnKey].iLeft = iL;
  aKey[*pnKey].iRight = iR;
  (*pnKey)++;
  return 1;
}

/* Collect the join keys of one 'on' item. */
static int collectKeys(Binder *p, const KqlAst *pK, const KqlRel *pL, const KqlRel *pR,
                       JoinKey *aKey, int *pnKey, int nMax){
  if( *pnKey>=nMax ){ kqlBindErr(p, pK, "KQL161", "too many join keys"); return 0; }
  if( pK->eKind==KQL_AST_IDENT ){
    return addKey(p, pK, pL, pR, pK->z, pK->z, aKey, pnKey);
  }
  if( pK->eKind==KQL_AST_BINARY && pK->eOp==TK_AND ){
    return collectKeys(p, pK->aChild[0], pL, pR, aKey, pnKey, nMax)
        && collectKeys(p, pK->aChild[1], pL, pR, aKey, pnKey, nMax);
  }
  if( pK->eKind==KQL_AST_BINARY && pK->eOp==TK_EQ ){
    const char *z0 = 0, *z1 = 0;
    int s0 = sideOf(pK->aChild[0], &z0), s1 = sideOf(pK->aChild[1], &z1);
    if( s0==0 && s1==1 ) return addKey(p, pK, pL, pR, z0, z1, aKey, pnKey);
    if( s0==1 && s1==0 ) return addKey(p, pK, pL, pR, z1, z0, aKey, pnKey);
  }
  kqlBindNotSupported(p, pK, "this join condition (use a column name or $left.a == $right.b)");
  return 0;
}

static void appendCol(KqlStr *s, const char *zAlias, const char *zName){
  kqlStrPrintf(s, "%s.", zAlias);
  kqlStrIdent(s, zName, -1);
}

/* The left input deduplicated on its key columns (innerunique). */
static const char *dedupLeft(Binder *p, const KqlRel *pL, const JoinKey *aKey, int nKey){
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pL, 0);
  kqlStrPrintf(&s, " FROM (SELECT %s.*, row_number() OVER (PARTITION BY ", zA);
  for(int i=0; i<nKey; i++){
    if( i ) kqlStrAppend(&s, ", ", 2);
    appendCol(&s, zA, pL->aCol[aKey[i].iLeft].zName);
  }
  kqlStrPrintf(&s, ") AS kql_rn FROM %s AS %s) WHERE kql_rn = 1", kqlBindSrc(p, pL), zA);
  return kqlBindSrc(p, kqlBindRelNew(p, kqlStrText(&s), pL->nCol, pL->aCol));
}

static KqlRel *bindJoinLike(Binder *p, KqlRel *pL, const KqlAst *pOp, int bLookup){
  int eKind = joinKind(p, pOp, bLookup ? JK_LEFTOUTER : JK_INNERUNIQUE);
  if( bLookup && eKind!=JK_LEFTOUTER && eKind!=JK_INNER ){
    kqlBindErr(p, pOp, "KQL160", "lookup supports kind=leftouter or kind=inner only");
    return pL;
  }
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  KqlRel *pR = kqlBindTabular(p, pOp->aChild[0]);
  p->pRow = pSave;
  int nMax = pOp->nChild*2 + 8;
  JoinKey *aKey = kqlArenaAlloc(p->pArena, sizeof(JoinKey)*(size_t)nMax);
  int nKey = 0;
  for(int i=1; i<pOp->nChild; i++){
    if( !collectKeys(p, pOp->aChild[i], pL, pR, aKey, &nKey, nMax) ) return pL;
  }
  if( nKey==0 ){
    kqlBindErr(p, pOp, "KQL161", "%s needs 'on' keys", bLookup ? "lookup" : "join");
    return pL;
  }
  for(int i=0; i<nKey; i++){
    int tl = pL->aCol[aKey[i].iLeft].eType, tr = pR->aCol[aKey[i].iRight].eType;
    if( tl!=tr && !(kqlTypeIsNumeric(tl) && kqlTypeIsNumeric(tr)) ){
      kqlBindErr(p, pOp->aChild[i+1 < pOp->nChild ? i+1 : pOp->nChild-1], "KQL162",
                 "join keys have different types: %s and %s", kqlTypeName(tl), kqlTypeName(tr));
      return pL;
    }
  }
  const char *zL = kqlBindAlias(p), *zR = kqlBindAlias(p);
  const char *zLeftSql = eKind==JK_INNERUNIQUE ? dedupLeft(p, pL, aKey, nKey) : kqlBindSrc(p, pL);
  KqlStr on;
  kqlStrInit(&on, p->pArena);
  for(int i=0; i<nKey; i++){
    if( i ) kqlStrAppend(&on, " AND ", -1);
    appendCol(&on, zL, pL->aCol[aKey[i].iLeft].zName);
    kqlStrAppend(&on, " = ", -1);
    appendCol(&on, zR, pR->aCol[aKey[i].iRight].zName);
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  if( eKind>=JK_LEFTSEMI ){
    int bRight = eKind==JK_RIGHTSEMI || eKind==JK_RIGHTANTI;
    int bAnti = eKind==JK_LEFTANTI || eKind==JK_RIGHTANTI;
    const KqlRel *pKeep = bRight ? pR : pL;
    kqlStrAppend(&s, "SELECT ", -1);
    kqlBindColList(&s, pKeep, bRight ? zR : zL);
    kqlStrPrintf(&s, " FROM %s AS %s WHERE %sEXISTS (SELECT 1 FROM %s AS %s WHERE %s)",
                 kqlBindSrc(p, bRight ? pR : pL), bRight ? zR : zL, bAnti ? "NOT " : "",
                 kqlBindSrc(p, bRight ? pL : pR), bRight ? zL : zR, kqlStrText(&on));
    return kqlBindRelNew(p, kqlStrText(&s), pKeep->nCol, pKeep->aCol);
  }
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(pL->nCol + pR->nCol + 1));
  int nCol = 0;
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<pL->nCol; i++){
    if( nCol ) kqlStrAppend(&s, ", ", 2);
    appendCol(&s, zL, pL->aCol[i].zName);
    kqlStrAppend(&s, " AS ", -1);
    kqlStrIdent(&s, pL->aCol[i].zName, -1);
    aCol[nCol++] = pL->aCol[i];
  }
  for(int i=0; i<pR->nCol; i++){
    if( bLookup ){
      int bKey = 0;
      for(int k=0; k<nKey; k++) if( aKey[k].iRight==i ) bKey = 1;
      if( bKey ) continue;
    }
    /* a right column whose name is taken gets the first suffix free on
    ** both sides (Microsoft's binder: a | join (a, a1) gives a, a2, a1) */
    const char *zName = pR->aCol[i].zName;
    if( kqlBindFindCol(&(KqlRel){ .nCol = nCol, .aCol = aCol }, zName)>=0 ){
      KqlCol *aTaken = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nCol + pR->nCol + 1));
      memcpy(aTaken, aCol, sizeof(KqlCol)*(size_t)nCol);
      memcpy(aTaken+nCol, pR->aCol, sizeof(KqlCol)*(size_t)pR->nCol);
      zName = kqlNameUnique(p, zName, aTaken, nCol + pR->nCol);
    }
    if( nCol ) kqlStrAppend(&s, ", ", 2);
    appendCol(&s, zR, pR->aCol[i].zName);
    kqlStrAppend(&s, " AS ", -1);
    kqlStrIdent(&s, zName, -1);
    aCol[nCol].zName = zName;
    aCol[nCol].eType = pR->aCol[i].eType;
    nCol++;
  }
  const char *zJoin = eKind==JK_LEFTOUTER ? "LEFT JOIN" : eKind==JK_RIGHTOUTER ? "RIGHT JOIN"
                    : eKind==JK_FULLOUTER ? "FULL JOIN" : "JOIN";
  kqlStrPrintf(&s, " FROM %s AS %s %s %s AS %s ON %s", zLeftSql, zL, zJoin, kqlBindSrc(p, pR), zR,
               kqlStrText(&on));
  KqlRel *pRes = kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
  if( eKind==JK_INNERUNIQUE && !bLookup ){
    pRes->pPushLeft = pL;
    pRes->pPushJoin = pOp;
  }
  return pRes;
}

KqlRel *kqlBindJoin(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  return bindJoinLike(p, pIn, pOp, pOp->eKind==KQL_AST_OP_LOOKUP);
}

/* 1 when predicate a reads only columns of the join's left side (names
** before nLeft in the join output, or no column at all: let names), and
** holds no sub-query or lambda. */
static int leftOnly(const KqlAst *a, const KqlRel *pJoin, int nLeft, int nDepth){
  if( a==0 ) return 1;
  if( nDepth>200 ) return 0;
  switch( a->eKind ){
    case KQL_AST_PIPE: case KQL_AST_LAMBDA: case KQL_AST_BLOCK: case KQL_AST_CONTEXT:
    case KQL_AST_UNION: case KQL_AST_PRINT: case KQL_AST_RANGE: case KQL_AST_DATATABLE:
    case KQL_AST_FIND: case KQL_AST_SEARCH:
      return 0;
    case KQL_AST_IDENT:
      if( a->z && kqlBindFindCol(pJoin, a->z)>=nLeft ) return 0;
      break;
    default:
      break;
  }
  for(int i=0; i<a->nChild; i++){
    if( !leftOnly(a->aChild[i], pJoin, nLeft, nDepth+1) ) return 0;
  }
  return 1;
}

/* Kusto pushes a filter that follows an innerunique join to the side it
** reads; on the left that is before the dedup, so the rows it keeps are
** the ones deduplicated (docs: join-innerunique, "where value == ..." gives
** the second value). pIn is such a join's result; NULL when the filter
** reads other columns (it then filters the join's output as usual). */
KqlRel *kqlBindJoinPushWhere(Binder *p, KqlRel *pIn, const KqlAst *pWhere,
                             KqlRel *(*xWhere)(Binder*, KqlRel*, const KqlAst*)){
  KqlRel *pL = pIn->pPushLeft;
  if( pL==0 || pIn->pPushJoin==0 || pWhere->nChild<1 ) return 0;
  const KqlAst *pPred = pWhere->aChild[0];
  if( pPred && pPred->eKind==KQL_AST_BINARY && pPred->eOp==TK_AND && pPred->nChild==2 ){
    /* a and b: the conjuncts on left columns go below, the rest stay above */
    int bL0 = leftOnly(pPred->aChild[0], pIn, pL->nCol, 0);
    int bL1 = leftOnly(pPred->aChild[1], pIn, pL->nCol, 0);
    if( bL0!=bL1 ){
      KqlAst *pBelow = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
      KqlAst *pAbove = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
      *pBelow = *pWhere;
      *pAbove = *pWhere;
      pBelow->nChild = pAbove->nChild = 1;
      pBelow->nAlloc = pAbove->nAlloc = 1;
      pBelow->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*));
      pAbove->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*));
      pBelow->aChild[0] = (KqlAst*)pPred->aChild[bL0 ? 0 : 1];
      pAbove->aChild[0] = (KqlAst*)pPred->aChild[bL0 ? 1 : 0];
      KqlRel *pJ = kqlBindJoinPushWhere(p, pIn, pBelow, xWhere);
      if( pJ==0 || pJ->bError ) return pJ;
      return xWhere(p, pJ, pAbove);
    }
  }
  if( !leftOnly(pPred, pIn, pL->nCol, 0) ) return 0;
  KqlRel *pL2 = xWhere(p, pL, pWhere);
  if( pL2->bError ) return pL2;
  return kqlBindJoin(p, pL2, pIn->pPushJoin);
}
