/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** union (as an operator after a pipe, or as a source). kind=outer (the
** default) keeps every column, in order of first appearance, null where a
** leg lacks it; a name used with different types becomes name_type in each
** leg (Kusto's rule); kind=inner keeps the columns common to all legs.
** withsource=Col (or source=) adds a first column naming each row's leg.
*/
#include "bindInt.h"
#include <string.h>
#include <strings.h>

/* A leg's label for withsource: the table name, or unionArgN. */
static const char *legName(Binder *p, const KqlAst *pAst, int i){
  while( pAst && pAst->eKind==KQL_AST_PAREN && pAst->nChild ) pAst = pAst->aChild[0];
  if( pAst && pAst->eKind==KQL_AST_IDENT ) return pAst->z;
  if( pAst && pAst->eKind==KQL_AST_PIPE && pAst->nChild>1 ){
    const KqlAst *pLast = pAst->aChild[pAst->nChild-1];
    if( pLast && pLast->eKind==KQL_AST_OP_AS && pLast->z ) return pLast->z;
  }
  return kqlArenaPrintf(p->pArena, "union_arg%d", i);
}

KqlRel *kqlBindUnion(Binder *p, KqlRel *pFirst, const KqlAst *pFirstAst, const KqlAst *pOp){
  int nLeg = pOp->nChild + (pFirst ? 1 : 0);
  KqlRel **aLeg = kqlArenaAlloc(p->pArena, sizeof(KqlRel*)*(size_t)(nLeg+1));
  const KqlAst **aAst = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)(nLeg+1));
  int n = 0;
  if( pFirst ){ aLeg[n] = pFirst; aAst[n++] = pFirstAst; }
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pC = pOp->aChild[i];
    if( pC->eKind==KQL_AST_WILDCARD || (pC->eKind==KQL_AST_STAR) ){
      kqlBindNotSupported(p, pC, "table wildcards in union");
      p->pRow = pSave;
      return pFirst ? pFirst : kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
    }
    aLeg[n] = kqlBindTabular(p, pC);
    aAst[n++] = pC;
  }
  p->pRow = pSave;
  const KqlAst *pKind = kqlAstOpt(pOp, "kind");
  int bInner = pKind && pKind->nChild && pKind->aChild[0]->z && strcasecmp(pKind->aChild[0]->z, "inner")==0;
  const KqlAst *pSrc = kqlAstOpt(pOp, "withsource");
  if( pSrc==0 ) pSrc = kqlAstOpt(pOp, "source");
  const char *zSrc = pSrc && pSrc->nChild ? pSrc->aChild[0]->z : 0;
  /* the output schema */
  int nMax = 1;
  for(int i=0; i<n; i++) nMax += aLeg[i]->nCol;
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nMax+1));
  int nCol = 0;
  if( zSrc ){ aCol[0].zName = zSrc; aCol[0].eType = KQL_T_STRING; nCol = 1; }
  int nFixed = nCol;
  for(int i=0; i<n; i++){
    for(int c=0; c<aLeg[i]->nCol; c++){
      const KqlCol *pc = &aLeg[i]->aCol[c];
      int bDup = 0;
      for(int k=nFixed; k<nCol; k++){
        if( strcmp(aCol[k].zName, pc->zName)==0 && aCol[k].eType==pc->eType ) bDup = 1;
      }
      if( bDup ) continue;
      aCol[nCol++] = *pc;
    }
  }
  /* same name, different types: name_type */
  const char **azOut = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nCol+1));
  for(int k=0; k<nCol; k++){
    azOut[k] = aCol[k].zName;
    for(int j=nFixed; j<nCol; j++){
      if( j!=k && k>=nFixed && strcmp(aCol[j].zName, aCol[k].zName)==0 ){
        azOut[k] = kqlArenaPrintf(p->pArena, "%s_%s", aCol[k].zName, kqlTypeName(aCol[k].eType));
      }
    }
  }
  /* a renamed column must not take the name of another column: x_long1 */
  for(int k=nFixed; k<nCol; k++){
    if( azOut[k]==aCol[k].zName ) continue;
    KqlCol *aOther = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nCol+1));
    int nOther = 0;
    for(int j=0; j<nCol; j++){
      if( j!=k && (azOut[j]==aCol[j].zName || j<k) ) aOther[nOther++].zName = azOut[j];
    }
    azOut[k] = kqlNameUnique(p, azOut[k], aOther, nOther);
  }
  /* kind=inner: keep columns present (same name and type) in every leg */
  unsigned char *abKeep = kqlArenaAlloc(p->pArena, (size_t)nCol+1);
  int nOut = 0;
  for(int k=0; k<nCol; k++){
    abKeep[k] = 1;
    if( bInner && k>=nFixed ){
      for(int i=0; i<n; i++){
        int bHas = 0;
        for(int c=0; c<aLeg[i]->nCol; c++){
          if( strcmp(aLeg[i]->aCol[c].zName, aCol[k].zName)==0 && aLeg[i]->aCol[c].eType==aCol[k].eType ) bHas = 1;
        }
        if( !bHas ) abKeep[k] = 0;
      }
    }
    nOut += abKeep[k];
  }
  KqlCol *aRes = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nOut+1));
  int r = 0;
  for(int k=0; k<nCol; k++){
    if( !abKeep[k] ) continue;
    aRes[r].zName = azOut[k];
    aRes[r].eType = aCol[k].eType;
    r++;
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  for(int i=0; i<n; i++){
    const char *zA = kqlBindAlias(p);
    kqlStrAppend(&s, i ? " UNION ALL SELECT " : "SELECT ", -1);
    int nPut = 0;
    for(int k=0; k<nCol; k++){
      if( !abKeep[k] ) continue;
      if( nPut++ ) kqlStrAppend(&s, ", ", 2);
      if( k<nFixed ){
        kqlStrAppend(&s, kqlBindParamText(p, legName(p, aAst[i], i), -1), -1);
      }else{
        int iHas = -1;
        for(int c=0; c<aLeg[i]->nCol; c++){
          if( strcmp(aLeg[i]->aCol[c].zName, aCol[k].zName)==0 && aLeg[i]->aCol[c].eType==aCol[k].eType ) iHas = c;
        }
        if( iHas>=0 ){
          kqlStrPrintf(&s, "%s.", zA);
          kqlStrIdent(&s, aCol[k].zName, -1);
        }else{
          kqlStrAppend(&s, aCol[k].eType==KQL_T_STRING ? "''" : "NULL", -1);
        }
      }
      if( i==0 ){
        kqlStrAppend(&s, " AS ", -1);
        kqlStrIdent(&s, azOut[k], -1);
      }
    }
    if( nPut==0 ) kqlStrAppend(&s, "NULL", -1);
    kqlStrPrintf(&s, " FROM %s AS %s", kqlBindSrc(p, aLeg[i]), zA);
  }
  /* wrap so the compound select behaves as one relation */
  KqlStr w;
  kqlStrInit(&w, p->pArena);
  kqlStrPrintf(&w, "SELECT * FROM (%s)", kqlStrText(&s));
  return kqlBindRelNew(p, kqlStrText(&w), nOut, aRes);
}
