/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** mv-expand: each named dynamic array or bag is expanded "in parallel" into
** one row per element (the longest one sets the count, the others are null
** past their end); null gives one row holding null; an empty array or bag
** gives none. An expanded column keeps its place; a new name is appended;
** with_itemindex=I appends the 0-based index. kind=bag (default) turns a bag
** element into {"key": value}, kind=array into ["key", value]. to typeof(T)
** casts each element (non-conforming elements become null). The SQL joins
** the input with the table-valued function kql_mv_rows (fn_mvrows.c), which
** parses each item once and yields its elements; past 8 items it joins
** json_each over kql_mv_seq(n) and picks elements with kql_mv_elem
** (fn_mvexpand.c, with kql_mv_cast).
*/
#include "bindInt.h"
#include <string.h>
#include <strings.h>

KqlRel *kqlBindMvExpand(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  int nItem = pOp->nChild;
  const KqlAst *pKind = kqlAstOpt(pOp, "kind");
  if( pKind==0 ) pKind = kqlAstOpt(pOp, "bagexpansion");
  int bArray = pKind && pKind->nChild && pKind->aChild[0]->z && strcasecmp(pKind->aChild[0]->z, "array")==0;
  const KqlAst *pIdx = kqlAstOpt(pOp, "with_itemindex");
  const char *zIdx = pIdx && pIdx->nChild ? pIdx->aChild[0]->z : 0;
  const KqlAst *pLimit = kqlAstOpt(pOp, "limit");
  KqlRowCtx ctx, *pSave;
  ctx.pRel = pIn;
  ctx.zAlias = kqlBindAlias(p);
  ctx.bAggOk = 0;
  pSave = p->pRow;
  p->pRow = &ctx;
  const char *zA = ctx.zAlias;
  const char *zJ = kqlBindAlias(p);
  const char **azSql = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nItem+1));
  const char **azName = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nItem+1));
  int *aeType = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(nItem+1));
  for(int i=0; i<nItem; i++){
    const KqlAst *pItem = pOp->aChild[i];
    const KqlAst *pE = pItem->eKind==KQL_AST_MVITEM ? pItem->aChild[0] : pItem;
    const KqlAst *pType = pItem->eKind==KQL_AST_MVITEM && pItem->nChild>1 ? pItem->aChild[1] : 0;
    const char *zName = 0;
    if( pE->eKind==KQL_AST_ASSIGN ){ zName = pE->z; pE = pE->aChild[0]; }
    KqlExpr *e = kqlBindExpr(p, pE);
    if( !e->bError && e->eType!=KQL_T_DYNAMIC ){
      kqlBindErr(p, pE, "KQL170", "mv-expand needs a dynamic array or bag, not %s", kqlTypeName(e->eType));
    }
    if( zName==0 ) zName = kqlNameForExpr(p, pE, 0);
    if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, 0, 0);
    azName[i] = zName;
    azSql[i] = e->zSql;
    aeType[i] = KQL_T_DYNAMIC;
    if( pType ){
      int t = pType->eOp>0 ? pType->eOp : kqlTypeFromName(pType->z ? pType->z : "", -1);
      if( t<=0 || t==KQL_T_TABLE ){
        kqlBindErr(p, pType, "KQL111", "unknown type '%s'", pType->z ? pType->z : "?");
      }else{
        aeType[i] = t;
      }
    }
  }
  p->pRow = pSave;
  /* output columns: input (expanded ones replaced in place), new ones, index */
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(pIn->nCol + nItem + 2));
  int nCol = pIn->nCol;
  memcpy(aCol, pIn->aCol, sizeof(KqlCol)*(size_t)pIn->nCol);
  const char **azColSql = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(pIn->nCol + nItem + 2));
  for(int c=0; c<pIn->nCol; c++){
    KqlStr r;
    kqlStrInit(&r, p->pArena);
    kqlStrPrintf(&r, "%s.", zA);
    kqlStrIdent(&r, pIn->aCol[c].zName, -1);
    azColSql[c] = kqlStrText(&r);
  }
  int bRows = nItem>=1 && nItem<=8;     /* kql_mv_rows takes up to 8 items */
  for(int i=0; i<nItem; i++){
    const char *zElem = bRows ? kqlArenaPrintf(p->pArena, "%s.e%d", zJ, i+1)
                              : kqlArenaPrintf(p->pArena, "kql_mv_elem(%s, %s.value, %d)", azSql[i], zJ, bArray);
    if( aeType[i]!=KQL_T_DYNAMIC ) zElem = kqlArenaPrintf(p->pArena, "kql_mv_cast(%s, %d)", zElem, aeType[i]);
    int c = kqlBindFindCol(pIn, azName[i]);
    if( c<0 ){
      c = nCol++;
      aCol[c].zName = azName[i];
    }
    aCol[c].eType = aeType[i];
    azColSql[c] = zElem;
  }
  if( zIdx ){
    aCol[nCol].zName = kqlNameUnique(p, zIdx, aCol, nCol);
    aCol[nCol].eType = KQL_T_LONG;
    azColSql[nCol] = kqlArenaPrintf(p->pArena, bRows ? "%s.idx" : "%s.value", zJ);
    nCol++;
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int c=0; c<nCol; c++){
    if( c ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s AS ", azColSql[c]);
    kqlStrIdent(&s, aCol[c].zName, -1);
  }
  const char *zLimit = 0;
  if( pLimit && pLimit->nChild ){
    KqlRowCtx *pS2 = p->pRow;
    p->pRow = 0;
    KqlExpr *eL = kqlBindExpr(p, pLimit->aChild[0]);
    p->pRow = pS2;
    zLimit = eL->zSql;
  }
  if( bRows ){
    kqlStrPrintf(&s, " FROM %s AS %s, kql_mv_rows(%s, %d", kqlBindSrc(p, pIn), zA,
                 zLimit ? zLimit : "NULL", bArray);
    for(int i=0; i<nItem; i++) kqlStrPrintf(&s, ", %s", azSql[i]);
    kqlStrPrintf(&s, ") AS %s", zJ);
  }else{
    kqlStrPrintf(&s, " FROM %s AS %s, json_each(kql_mv_seq(kql_mv_count(", kqlBindSrc(p, pIn), zA);
    for(int i=0; i<nItem; i++) kqlStrPrintf(&s, "%s%s", i ? ", " : "", azSql[i]);
    kqlStrAppend(&s, ")", 1);
    if( zLimit ) kqlStrPrintf(&s, ", %s", zLimit);
    kqlStrPrintf(&s, ")) AS %s", zJ);
  }
  return kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
}
