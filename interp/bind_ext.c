/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Binding of the less common tabular operators and sources: the dispatch
** from node kind to the family file that binds it (bind_ext.h lists them),
** and the small helpers the families share. An operator kqlite does not
** implement reports "not supported: <name>" at its location.
*/
#include "bind_ext.h"
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

const char *kqlExtRowEnter(Binder *p, KqlRowCtx *pCtx, KqlRowCtx **ppSave, const KqlRel *pIn){
  pCtx->pRel = pIn;
  pCtx->zAlias = kqlBindAlias(p);
  pCtx->bAggOk = 0;
  *ppSave = p->pRow;
  p->pRow = pCtx;
  return pCtx->zAlias;
}

void kqlExtRowLeave(Binder *p, KqlRowCtx *pSave){
  p->pRow = pSave;
}

KqlCol *kqlExtCols(Binder *p, int n){
  return kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(n>0 ? n : 1));
}

KqlRel *kqlExtRelError(Binder *p){
  KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
  r->bError = 1;
  return r;
}

KqlExpr *kqlExtConst(Binder *p, const KqlAst *pAst){
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  KqlExpr *e = kqlBindExpr(p, pAst);
  p->pRow = pSave;
  return e;
}

const char *kqlExtConstText(Binder *p, const KqlAst *pAst, int bIdentOk){
  if( pAst==0 ) return 0;
  if( pAst->eKind==KQL_AST_LITERAL && pAst->eOp==KQL_LIT_STRING ) return pAst->z ? pAst->z : "";
  if( pAst->eKind==KQL_AST_IDENT ){
    KqlScope *s = kqlBindLookup(p, pAst->z);
    if( s && s->eKind==KQL_SCOPE_SCALAR && s->pExpr && s->pExpr->eType==KQL_T_STRING
        && s->pExpr->bConst && s->pExpr->zSql[0]=='?' ){
      int i = atoi(s->pExpr->zSql+1);
      if( i>=1 && i<=p->nParam && p->aParam[i-1].eKind==KQL_PARAM_TEXT ) return p->aParam[i-1].z;
    }
    if( bIdentOk ) return pAst->z;
  }
  if( pAst->eKind==KQL_AST_PAREN && pAst->nChild ) return kqlExtConstText(p, pAst->aChild[0], bIdentOk);
  return 0;
}

const KqlAst *kqlExtOpt(const KqlAst *pOp, const char *zName){
  const KqlAst *pArg = kqlAstOpt(pOp, zName);
  return pArg && pArg->nChild ? pArg->aChild[0] : 0;
}

int kqlExtType(const KqlAst *pType){
  if( pType==0 ) return -1;
  if( pType->eKind==KQL_AST_COLDECL ){
    const KqlAst *pT = 0;
    for(int k=0; k<pType->nChild; k++){
      if( pType->aChild[k] && pType->aChild[k]->eKind==KQL_AST_TYPE ) pT = pType->aChild[k];
    }
    return pT ? kqlExtType(pT) : KQL_T_STRING;
  }
  if( pType->eKind!=KQL_AST_TYPE ) return -1;
  int t = pType->eOp>0 ? pType->eOp : kqlTypeFromName(pType->z ? pType->z : "", -1);
  if( t<=0 || t==KQL_T_TABLE ) return -1;
  return t;
}

void kqlExtColList(KqlStr *s, const KqlRel *pIn, const char *zAlias){
  kqlBindColList(s, pIn, zAlias);
}

const char *kqlExtHiddenName(Binder *p, const KqlRel *pIn, const char *zBase){
  return kqlNameUnique(p, zBase, pIn ? pIn->aCol : 0, pIn ? pIn->nCol : 0);
}

int kqlExtColType(const KqlExpr *e){
  return e->eType==KQL_T_UNKNOWN ? KQL_T_STRING : e->eType;
}

void kqlExtAppendJsonCell(KqlStr *s, const char *zArr, int iIdx, int eType){
  if( eType==KQL_T_STRING ){
    kqlStrPrintf(s, "coalesce(%s ->> '$[%d]', '')", zArr, iIdx);
  }else{
    kqlStrPrintf(s, "(%s ->> '$[%d]')", zArr, iIdx);
  }
}

/* ------------------------------------------------------------ dispatch */

KqlRel *kqlBindExtOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  switch( pOp->eKind ){
    case KQL_AST_OP_PARSE:        return kqlExtParse(p, pIn, pOp);
    case KQL_AST_OP_PARSE_KV:     return kqlExtParseKv(p, pIn, pOp);
    case KQL_AST_OP_EVALUATE:     return kqlExtEvaluate(p, pIn, pOp);
    case KQL_AST_OP_MAKE_SERIES:  return kqlExtMakeSeries(p, pIn, pOp);
    case KQL_AST_OP_TOP_NESTED:   return kqlExtTopNested(p, pIn, pOp);
    case KQL_AST_OP_TOP_HITTERS:  return kqlExtTopHitters(p, pIn, pOp);
    case KQL_AST_OP_SAMPLE:       return kqlExtSample(p, pIn, pOp);
    case KQL_AST_OP_SAMPLE_DISTINCT: return kqlExtSampleDistinct(p, pIn, pOp);
    case KQL_AST_OP_MVAPPLY:      return kqlExtMvApply(p, pIn, pOp);
    case KQL_AST_OP_INVOKE:       return kqlExtInvoke(p, pIn, pOp);
    case KQL_AST_OP_SEARCH:       return kqlExtSearch(p, pIn, pOp);
    case KQL_AST_OP_FIND:         return kqlExtFind(p, pIn, pOp);
    case KQL_AST_OP_SCAN:         return kqlExtScan(p, pIn, pOp);
    case KQL_AST_OP_PARTITION:    return kqlBindPartition(p, pIn, pOp);
    case KQL_AST_OP_PROJECT_BY_NAMES: return kqlBindProjectByNames(p, pIn, pOp);
    case KQL_AST_OP_LIMIT_OTHER:
      kqlBindNotSupported(p, pOp, pOp->z ? pOp->z : kqlAstKindName(pOp->eKind));
      return kqlExtRelError(p);
    default:
      kqlBindNotSupported(p, pOp, kqlAstKindName(pOp->eKind));
      return kqlExtRelError(p);
  }
}

KqlRel *kqlBindExtSource(Binder *p, const KqlAst *pAst){
  switch( pAst->eKind ){
    case KQL_AST_CONTEXT:      return kqlExtContext(p, pAst);
    case KQL_AST_SEARCH:       return kqlExtSearch(p, 0, pAst);
    case KQL_AST_FIND:         return kqlExtFind(p, 0, pAst);
    case KQL_AST_EVALUATE_SRC: return kqlExtEvaluate(p, 0, pAst);
    default:
      kqlBindNotSupported(p, pAst, kqlAstKindName(pAst->eKind));
      return kqlExtRelError(p);
  }
}
