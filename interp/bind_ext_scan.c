/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** scan: the state machine of the docs' "scan logic" as one recursive CTE.
** The input is numbered (rec); row i of the CTE holds record i and the state
** before it: per step k an active flag, a match id, and the values of every
** state reference s_j.col (j <= k) the steps use. The recursive step reads
** only that row (SQLite allows no sub-query over the recursive table), so
** the sequential rules are written out as CASE expressions over the old
** state, for k from the last step to the first:
**   A1(k)  check 1: step k-1 active and the condition holds on its state
**   A2(k)  check 2: not A1(k); step k active (or k = 1) and the condition
**          holds on its state, or on an empty state when A1(k+1) cleared it
** A step's condition and assignments are bound three times by the lead's
** expression binder, with s_j.col rewritten to the state columns of step
** k-1, of step k, or to typed nulls. The final SELECT evaluates the same
** checks once more to emit one row per match (steps with output=none emit
** nothing), ordered by record and then from the last step to the first.
** output=last is not supported.
*/
#include "bind_ext.h"
#include <string.h>

#define SCAN_CTX_PREV  0   /* the state of step k-1 */
#define SCAN_CTX_SELF  1   /* the state of step k */
#define SCAN_CTX_EMPTY 2   /* an empty state */

typedef struct ScanRef ScanRef;
struct ScanRef {
  int iStep;            /* j: 1-based step the value belongs to */
  const char *zCol;     /* column (input or declared) */
  int eType;
};

typedef struct ScanDecl ScanDecl;
struct ScanDecl {
  const char *zName;
  int eType;
  const KqlAst *pDefault;   /* default value, or NULL (null) */
  int bInput;               /* an input column a step assigns (default: its own value) */
};

typedef struct Scan Scan;
struct Scan {
  Binder *p;
  const KqlRel *pIn;
  int nStep;
  const KqlAst **aStep;     /* SCANSTEP nodes */
  int nDecl;
  ScanDecl *aDecl;
  int nRef, nRefAlloc;
  ScanRef *aRef;
  int bErr;
};

static int stepIndex(const Scan *s, const char *zName){
  for(int k=0; k<s->nStep; k++){
    if( s->aStep[k]->z && strcmp(s->aStep[k]->z, zName)==0 ) return k+1;
  }
  return 0;
}

static int declIndex(const Scan *s, const char *zName){
  for(int d=0; d<s->nDecl; d++) if( strcmp(s->aDecl[d].zName, zName)==0 ) return d;
  return -1;
}

/* Type of column zCol of the scanned record (declared or input); -1 when unknown. */
static int colTypeOf(const Scan *s, const char *zCol){
  int d = declIndex(s, zCol);
  if( d>=0 ) return s->aDecl[d].eType;
  int c = kqlBindFindCol(s->pIn, zCol);
  return c>=0 ? s->pIn->aCol[c].eType : -1;
}

/* Collect the s_j.col references of pAst. */
static void collectRefs(Scan *s, const KqlAst *pAst){
  if( pAst==0 || s->bErr ) return;
  if( pAst->eKind==KQL_AST_MEMBER && pAst->nChild && pAst->aChild[0]
      && pAst->aChild[0]->eKind==KQL_AST_IDENT && stepIndex(s, pAst->aChild[0]->z) ){
    int j = stepIndex(s, pAst->aChild[0]->z);
    for(int r=0; r<s->nRef; r++){
      if( s->aRef[r].iStep==j && strcmp(s->aRef[r].zCol, pAst->z)==0 ) return;
    }
    int t = colTypeOf(s, pAst->z);
    if( t<0 ){
      kqlBindErr(s->p, pAst, "KQL103", "unknown column '%s' in the state of step '%s'", pAst->z,
                 pAst->aChild[0]->z);
      s->bErr = 1;
      return;
    }
    if( s->nRef>=s->nRefAlloc ){
      int nNew = s->nRefAlloc ? s->nRefAlloc*2 : 8;
      ScanRef *a = kqlArenaAlloc(s->p->pArena, sizeof(ScanRef)*(size_t)nNew);
      if( s->nRef ) memcpy(a, s->aRef, sizeof(ScanRef)*(size_t)s->nRef);
      s->aRef = a;
      s->nRefAlloc = nNew;
    }
    s->aRef[s->nRef].iStep = j;
    s->aRef[s->nRef].zCol = pAst->z;
    s->aRef[s->nRef].eType = t;
    s->nRef++;
    return;
  }
  for(int i=0; i<pAst->nChild; i++) collectRefs(s, pAst->aChild[i]);
}

/* Name of the state column of step k holding reference r. */
static const char *stateCol(Binder *p, int k, const ScanRef *r){
  return kqlArenaPrintf(p->pArena, "kql$s%d_%d_%s", k, r->iStep, r->zCol);
}

/* A typed null literal at pAt. */
static KqlAst *typedNull(Binder *p, const KqlAst *pAt, int eType){
  int eLit;
  switch( eType ){
    case KQL_T_BOOL: eLit = KQL_LIT_BOOL; break;
    case KQL_T_INT: eLit = KQL_LIT_INT; break;
    case KQL_T_LONG: eLit = KQL_LIT_LONG; break;
    case KQL_T_REAL: eLit = KQL_LIT_REAL; break;
    case KQL_T_DECIMAL: eLit = KQL_LIT_DECIMAL; break;
    case KQL_T_DATETIME: eLit = KQL_LIT_DATETIME; break;
    case KQL_T_TIMESPAN: eLit = KQL_LIT_TIMESPAN; break;
    case KQL_T_GUID: eLit = KQL_LIT_GUID; break;
    case KQL_T_STRING: {
      KqlAst *a = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pAt->iOfst, pAt->nLen, "", 0);
      a->eOp = KQL_LIT_STRING;
      return a;
    }
    default: eLit = KQL_LIT_NULL; break;
  }
  KqlAst *a = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pAt->iOfst, pAt->nLen, "null", 4);
  a->eOp = eLit;
  return a;
}

/* The value of s_j.col in an empty state: a declared column's default, else null. */
static KqlAst *emptyValue(Scan *s, const KqlAst *pAt, const ScanRef *pR){
  int d = declIndex(s, pR->zCol);
  if( d>=0 && kqlBindFindCol(s->pIn, pR->zCol)<0 && s->aDecl[d].pDefault ) return (KqlAst*)s->aDecl[d].pDefault;
  return typedNull(s->p, pAt, pR->eType);
}

/*
** pAst with every s_j.col replaced by the state column of step kCtx (eCtx
** PREV/SELF) or by a typed null (EMPTY, or j > kCtx), and every bare
** declared column by its default.
*/
static KqlAst *rewrite(Scan *s, const KqlAst *pAst, int eCtx, int kCtx){
  Binder *p = s->p;
  if( pAst==0 ) return 0;
  if( pAst->eKind==KQL_AST_MEMBER && pAst->nChild && pAst->aChild[0]
      && pAst->aChild[0]->eKind==KQL_AST_IDENT && stepIndex(s, pAst->aChild[0]->z) ){
    int j = stepIndex(s, pAst->aChild[0]->z);
    for(int r=0; r<s->nRef; r++){
      const ScanRef *pR = &s->aRef[r];
      if( pR->iStep!=j || strcmp(pR->zCol, pAst->z)!=0 ) continue;
      KqlAst *pEmpty = emptyValue(s, pAst, pR);
      if( eCtx==SCAN_CTX_EMPTY || j>kCtx || kCtx<1 ) return pEmpty;
      /* iff(kql$act<k>, <state column>, <empty-state value>) */
      KqlAst *pIff = kqlAstNewText(p->pArena, KQL_AST_CALL, pAst->iOfst, pAst->nLen, "iff", 3);
      kqlAstAppend(p->pArena, pIff, kqlAstNewText(p->pArena, KQL_AST_IDENT, pAst->iOfst, pAst->nLen,
                                                   kqlArenaPrintf(p->pArena, "kql$act%d", kCtx), -1));
      kqlAstAppend(p->pArena, pIff, kqlAstNewText(p->pArena, KQL_AST_IDENT, pAst->iOfst, pAst->nLen,
                                                   stateCol(p, kCtx, pR), -1));
      kqlAstAppend(p->pArena, pIff, pEmpty);
      pIff->iOfst = pAst->iOfst;
      pIff->nLen = pAst->nLen;
      return pIff;
    }
    return (KqlAst*)pAst;
  }
  if( pAst->eKind==KQL_AST_IDENT && kqlBindFindCol(s->pIn, pAst->z)<0 ){
    int d = declIndex(s, pAst->z);
    if( d>=0 ){
      return s->aDecl[d].pDefault ? (KqlAst*)s->aDecl[d].pDefault : typedNull(p, pAst, s->aDecl[d].eType);
    }
  }
  if( pAst->nChild==0 ) return (KqlAst*)pAst;
  KqlAst *x = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
  *x = *pAst;
  x->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)pAst->nChild);
  x->nAlloc = pAst->nChild;
  for(int i=0; i<pAst->nChild; i++) x->aChild[i] = rewrite(s, pAst->aChild[i], eCtx, kCtx);
  return x;
}

/* Condition of step k (1-based) in a context, as SQL (a bool). */
static const char *condSql(Scan *s, int k, int eCtx, int kCtx){
  const KqlAst *pStep = s->aStep[k-1];
  KqlExpr *e = kqlBindExpr(s->p, rewrite(s, pStep->aChild[0], eCtx, kCtx));
  if( e->bError ){ s->bErr = 1; return "0"; }
  const char *z = kqlExprCond(s->p, e);
  return kqlArenaPrintf(s->p->pArena, "coalesce(%s, 0)", z);
}

/* The value declared column d gets when step k matches, in a context (SQL). */
static const char *declSql(Scan *s, int k, int d, int eCtx, int kCtx){
  const KqlAst *pStep = s->aStep[k-1];
  const KqlAst *pExpr = 0;
  for(int i=1; i<pStep->nChild; i++){
    const KqlAst *a = pStep->aChild[i];
    if( a && a->eKind==KQL_AST_ASSIGN && strcmp(a->z, s->aDecl[d].zName)==0 ) pExpr = a->aChild[0];
  }
  const KqlAst *pAt = pExpr ? pExpr : pStep;
  if( pExpr==0 ) pExpr = s->aDecl[d].pDefault ? s->aDecl[d].pDefault : typedNull(s->p, pAt, s->aDecl[d].eType);
  KqlExpr *e = kqlBindExpr(s->p, rewrite(s, pExpr, eCtx, kCtx));
  if( e->bError ){ s->bErr = 1; return "NULL"; }
  return kqlExprAs(s->p, e, s->aDecl[d].eType);
}

KqlRel *kqlExtScan(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  Scan s;
  memset(&s, 0, sizeof(s));
  s.p = p;
  s.pIn = pIn;
  const KqlAst *pDecls = pOp->nChild>0 ? pOp->aChild[0] : 0;
  s.nStep = pOp->nChild - 1;
  if( s.nStep<1 ){
    kqlBindErr(p, pOp, "KQL260", "scan: no steps");
    return kqlExtRelError(p);
  }
  s.aStep = (const KqlAst**)&pOp->aChild[1];
  const KqlAst *pMatch = kqlAstOpt(pOp, "with_match_id");
  const char *zMatch = pMatch && pMatch->nChild ? pMatch->aChild[0]->z : 0;
  /* declared columns */
  int nDecl = pDecls ? pDecls->nChild : 0;
  int nAssign = 0;
  for(int k=0; k<s.nStep; k++) nAssign += s.aStep[k] ? s.aStep[k]->nChild : 0;
  s.aDecl = kqlArenaAlloc(p->pArena, sizeof(ScanDecl)*(size_t)(nDecl+nAssign+1));
  for(int d=0; d<nDecl; d++){
    const KqlAst *pPar = pDecls->aChild[d];
    int t = pPar->nChild ? kqlExtType(pPar->aChild[0]) : -1;
    if( t<0 ){
      kqlBindErr(p, pPar, "KQL111", "scan: column '%s' needs a type", pPar->z ? pPar->z : "?");
      return kqlExtRelError(p);
    }
    if( kqlBindFindCol(pIn, pPar->z)>=0 || declIndex(&s, pPar->z)>=0 ){
      kqlBindErr(p, pPar, "KQL112", "scan: column '%s' already exists", pPar->z);
      return kqlExtRelError(p);
    }
    s.aDecl[d].zName = pPar->z;
    s.aDecl[d].eType = t;
    s.aDecl[d].pDefault = pPar->nChild>1 ? pPar->aChild[1] : 0;
    s.nDecl = d+1;
  }
  /* steps */
  int *abOut = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)s.nStep);
  for(int k=1; k<=s.nStep; k++){
    const KqlAst *pStep = s.aStep[k-1];
    if( pStep==0 || pStep->eKind!=KQL_AST_SCANSTEP || pStep->nChild<1 ){
      kqlBindErr(p, pStep ? pStep : pOp, "KQL260", "scan: malformed step");
      return kqlExtRelError(p);
    }
    if( stepIndex(&s, pStep->z)!=k ){
      kqlBindErr(p, pStep, "KQL260", "scan: duplicate step name '%s'", pStep->z);
      return kqlExtRelError(p);
    }
    const KqlAst *pOut = kqlExtOpt(pStep, "output");
    const char *zOut = pOut ? kqlExtConstText(p, pOut, 1) : "all";
    if( zOut && strcmp(zOut, "last")==0 ){
      kqlBindNotSupported(p, pOut, "scan output=last");
      return kqlExtRelError(p);
    }
    if( zOut==0 || (strcmp(zOut, "all")!=0 && strcmp(zOut, "none")!=0) ){
      kqlBindErr(p, pOut, "KQL260", "scan: output must be all, last or none");
      return kqlExtRelError(p);
    }
    abOut[k-1] = strcmp(zOut, "all")==0;
    for(int i=1; i<pStep->nChild; i++){
      const KqlAst *a = pStep->aChild[i];
      if( a && a->eKind==KQL_AST_ASSIGN && declIndex(&s, a->z)<0 && kqlBindFindCol(pIn, a->z)>=0 ){
        /* an input column: the state (and the output) take the assigned
        ** value; a step that does not assign it keeps the record's own */
        int c = kqlBindFindCol(pIn, a->z);
        ScanDecl *pD = &s.aDecl[s.nDecl++];
        pD->zName = pIn->aCol[c].zName;
        pD->eType = pIn->aCol[c].eType;
        pD->pDefault = kqlAstNewText(p->pArena, KQL_AST_IDENT, a->iOfst, a->nLen, pD->zName, -1);
        pD->bInput = 1;
      }
      if( a==0 || a->eKind!=KQL_AST_ASSIGN || declIndex(&s, a->z)<0 ){
        kqlBindErr(p, a ? a : pStep, "KQL261", "scan: only declared and input columns can be assigned");
        return kqlExtRelError(p);
      }
    }
    collectRefs(&s, pStep);
  }
  if( s.bErr ) return kqlExtRelError(p);
  /* the CTE's relation: record columns, rn, match counter, per step: act, mid, refs */
  int nMax = pIn->nCol + 2 + s.nStep*(2 + s.nRef);
  KqlCol *aCte = kqlExtCols(p, nMax);
  int nCte = 0;
  for(int c=0; c<pIn->nCol; c++) aCte[nCte++] = pIn->aCol[c];
  aCte[nCte].zName = "kql$rn"; aCte[nCte++].eType = KQL_T_LONG;
  aCte[nCte].zName = "kql$mc"; aCte[nCte++].eType = KQL_T_LONG;
  for(int k=1; k<=s.nStep; k++){
    aCte[nCte].zName = kqlArenaPrintf(p->pArena, "kql$act%d", k); aCte[nCte++].eType = KQL_T_BOOL;
    aCte[nCte].zName = kqlArenaPrintf(p->pArena, "kql$mid%d", k); aCte[nCte++].eType = KQL_T_LONG;
    for(int r=0; r<s.nRef; r++){
      if( s.aRef[r].iStep>k ) continue;
      aCte[nCte].zName = stateCol(p, k, &s.aRef[r]);
      aCte[nCte++].eType = s.aRef[r].eType;
    }
  }
  KqlRel cte;
  memset(&cte, 0, sizeof(cte));
  cte.nCol = nCte;
  cte.aCol = aCte;
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, &cte);
  /* checks of every step, over the old state */
  const char **azA1 = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(s.nStep+2));
  const char **azA2 = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(s.nStep+2));
  azA1[s.nStep+1] = "0";
  for(int k=s.nStep; k>=1; k--){
    azA1[k] = k>1 ? kqlArenaPrintf(p->pArena, "(%s.\"kql$act%d\" AND %s)", zA, k-1,
                                   condSql(&s, k, SCAN_CTX_PREV, k-1)) : "0";
    const char *zSelf = kqlArenaPrintf(p->pArena, "((%s.\"kql$act%d\"%s) AND %s)", zA, k,
                                       k==1 ? " OR 1" : "", condSql(&s, k, SCAN_CTX_SELF, k));
    const char *zEmpty = k==1 ? condSql(&s, k, SCAN_CTX_EMPTY, 0) : "0";
    azA2[k] = kqlArenaPrintf(p->pArena, "(NOT %s AND CASE WHEN %s THEN %s ELSE %s END)", azA1[k],
                             azA1[k+1], zEmpty, zSelf);
  }
  /* new state */
  KqlStr st;
  kqlStrInit(&st, p->pArena);
  /* a check-2 match of step 1 starts a sequence only when step 1 had none going */
  const char *zCont1 = kqlArenaPrintf(p->pArena, "(%s.\"kql$act1\" AND NOT %s)", zA, azA1[2]);
  const char *zMid1 = kqlArenaPrintf(p->pArena, "CASE WHEN %s THEN %s.\"kql$mid1\" ELSE %s.\"kql$mc\" END",
                                     zCont1, zA, zA);
  kqlStrPrintf(&st, "%s.\"kql$mc\" + (CASE WHEN %s AND NOT %s THEN 1 ELSE 0 END)", zA, azA2[1], zCont1);
  for(int k=1; k<=s.nStep; k++){
    kqlStrPrintf(&st, ", (%s OR %s OR (%s.\"kql$act%d\" AND NOT %s))", azA1[k], azA2[k], zA, k, azA1[k+1]);
    kqlStrPrintf(&st, ", CASE WHEN %s THEN %s.\"kql$mid%d\" WHEN %s THEN %s WHEN %s THEN NULL ELSE %s.\"kql$mid%d\" END",
                 azA1[k], zA, k>1 ? k-1 : 1, azA2[k],
                 k==1 ? zMid1 : kqlArenaPrintf(p->pArena, "%s.\"kql$mid%d\"", zA, k),
                 azA1[k+1], zA, k);
    for(int r=0; r<s.nRef; r++){
      const ScanRef *pR = &s.aRef[r];
      if( pR->iStep>k ) continue;
      const char *zOld = kqlArenaPrintf(p->pArena, "%s.\"%s\"", zA, stateCol(p, k, pR));
      const char *zOn1, *zOn2;
      if( pR->iStep<k ){
        zOn1 = kqlArenaPrintf(p->pArena, "%s.\"%s\"", zA, stateCol(p, k-1, pR));
        zOn2 = kqlArenaPrintf(p->pArena, "CASE WHEN %s THEN NULL ELSE %s END", azA1[k+1], zOld);
      }else{
        int d = declIndex(&s, pR->zCol);
        if( d>=0 ){
          zOn1 = k>1 ? declSql(&s, k, d, SCAN_CTX_PREV, k-1) : "NULL";
          zOn2 = kqlArenaPrintf(p->pArena, "CASE WHEN %s THEN %s ELSE %s END", azA1[k+1],
                                declSql(&s, k, d, SCAN_CTX_EMPTY, 0), declSql(&s, k, d, SCAN_CTX_SELF, k));
        }else{
          KqlStr c;
          kqlStrInit(&c, p->pArena);
          kqlStrPrintf(&c, "%s.", zA);
          kqlStrIdent(&c, pR->zCol, -1);
          zOn1 = zOn2 = kqlStrText(&c);
        }
      }
      kqlStrPrintf(&st, ", CASE WHEN %s THEN %s WHEN %s THEN %s WHEN %s THEN NULL ELSE %s END",
                   azA1[k], zOn1, azA2[k], zOn2, azA1[k+1], zOld);
    }
  }
  /* the output rows of each record: one leg per step with output=all */
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + s.nDecl + 1);
  memcpy(aOut, pIn->aCol, sizeof(KqlCol)*(size_t)pIn->nCol);
  int nOut = pIn->nCol;
  for(int d=0; d<s.nDecl; d++){
    if( s.aDecl[d].bInput ) continue;
    aOut[nOut].zName = s.aDecl[d].zName;
    aOut[nOut++].eType = s.aDecl[d].eType;
  }
  if( zMatch ){
    aOut[nOut].zName = kqlNameUnique(p, zMatch, aOut, nOut);
    aOut[nOut++].eType = KQL_T_LONG;
  }
  KqlStr legs;
  kqlStrInit(&legs, p->pArena);
  int nLeg = 0;
  for(int k=s.nStep; k>=1; k--){
    if( !abOut[k-1] ) continue;
    kqlStrAppend(&legs, nLeg++ ? " UNION ALL SELECT " : "SELECT ", -1);
    int iCol = 0;
    for(int c=0; c<pIn->nCol; c++){
      int d = declIndex(&s, pIn->aCol[c].zName);
      if( d>=0 && s.aDecl[d].bInput ){
        const char *z1 = k>1 ? declSql(&s, k, d, SCAN_CTX_PREV, k-1) : "NULL";
        kqlStrPrintf(&legs, "CASE WHEN %s THEN %s WHEN %s THEN %s ELSE %s END AS \"kql$c%d\", ", azA1[k], z1,
                     azA1[k+1], declSql(&s, k, d, SCAN_CTX_EMPTY, 0), declSql(&s, k, d, SCAN_CTX_SELF, k), iCol++);
        continue;
      }
      kqlStrPrintf(&legs, "%s.", zA);
      kqlStrIdent(&legs, pIn->aCol[c].zName, -1);
      kqlStrPrintf(&legs, " AS \"kql$c%d\", ", iCol++);
    }
    for(int d=0; d<s.nDecl; d++){
      if( s.aDecl[d].bInput ) continue;
      const char *z1 = k>1 ? declSql(&s, k, d, SCAN_CTX_PREV, k-1) : "NULL";
      kqlStrPrintf(&legs, "CASE WHEN %s THEN %s WHEN %s THEN %s ELSE %s END AS \"kql$c%d\", ", azA1[k], z1,
                   azA1[k+1], declSql(&s, k, d, SCAN_CTX_EMPTY, 0), declSql(&s, k, d, SCAN_CTX_SELF, k), iCol++);
    }
    if( zMatch ){
      kqlStrPrintf(&legs, "CASE WHEN %s THEN %s.\"kql$mid%d\" ELSE %s END AS \"kql$c%d\", ", azA1[k], zA,
                   k>1 ? k-1 : 1,
                   k==1 ? zMid1 : kqlArenaPrintf(p->pArena, "%s.\"kql$mid%d\"", zA, k), iCol++);
    }
    kqlStrPrintf(&legs, "%s.\"kql$rn\" AS \"kql$rn\", %d AS \"kql$k\" FROM cte AS %s WHERE %s OR %s",
                 zA, s.nStep - k, zA, azA1[k], azA2[k]);
  }
  kqlExtRowLeave(p, pSave);
  if( s.bErr ) return kqlExtRelError(p);
  if( nLeg==0 ){
    /* every step has output=none */
    KqlStr e;
    kqlStrInit(&e, p->pArena);
    kqlStrAppend(&e, "SELECT ", -1);
    for(int c=0; c<nOut; c++){
      if( c ) kqlStrAppend(&e, ", ", 2);
      kqlStrAppend(&e, "NULL AS ", -1);
      kqlStrIdent(&e, aOut[c].zName, -1);
    }
    if( nOut==0 ) kqlStrAppend(&e, "NULL", -1);
    kqlStrAppend(&e, " WHERE 0", -1);
    return kqlBindRelNew(p, kqlStrText(&e), nOut, aOut);
  }
  /* assemble */
  const char *zN = kqlBindAlias(p);
  KqlStr q;
  kqlStrInit(&q, p->pArena);
  kqlStrAppend(&q, "SELECT ", -1);
  for(int c=0; c<nOut; c++){
    if( c ) kqlStrAppend(&q, ", ", 2);
    kqlStrPrintf(&q, "\"kql$c%d\" AS ", c);
    kqlStrIdent(&q, aOut[c].zName, -1);
  }
  KqlStr rec;
  kqlStrInit(&rec, p->pArena);
  kqlStrPrintf(&rec, "SELECT row_number() OVER () AS \"kql$rn\", * FROM (%s)", pIn->zSql);
  KqlStr w;
  kqlStrInit(&w, p->pArena);
  kqlStrPrintf(&w, "WITH RECURSIVE rec AS MATERIALIZED (%s), cte(", kqlStrText(&rec));
  for(int c=0; c<nCte; c++){
    if( c ) kqlStrAppend(&w, ", ", 2);
    kqlStrIdent(&w, aCte[c].zName, -1);
  }
  kqlStrAppend(&w, ") AS (SELECT ", -1);
  for(int c=0; c<pIn->nCol; c++){
    kqlStrPrintf(&w, "%s.", zN);
    kqlStrIdent(&w, pIn->aCol[c].zName, -1);
    kqlStrAppend(&w, ", ", 2);
  }
  kqlStrPrintf(&w, "%s.\"kql$rn\", 0", zN);
  for(int k=1; k<=s.nStep; k++){
    kqlStrAppend(&w, ", 0, NULL", -1);
    for(int r=0; r<s.nRef; r++) if( s.aRef[r].iStep<=k ) kqlStrAppend(&w, ", NULL", -1);
  }
  kqlStrPrintf(&w, " FROM rec AS %s WHERE %s.\"kql$rn\" = 1 UNION ALL SELECT ", zN, zN);
  for(int c=0; c<pIn->nCol; c++){
    kqlStrPrintf(&w, "%s.", zN);
    kqlStrIdent(&w, pIn->aCol[c].zName, -1);
    kqlStrAppend(&w, ", ", 2);
  }
  kqlStrPrintf(&w, "%s.\"kql$rn\", %s FROM cte AS %s JOIN rec AS %s ON %s.\"kql$rn\" = %s.\"kql$rn\" + 1) ",
               zN, kqlStrText(&st), zA, zN, zN, zA);
  kqlStrPrintf(&q, " FROM (%s SELECT * FROM (%s) ORDER BY \"kql$rn\", \"kql$k\")", kqlStrText(&w), kqlStrText(&legs));
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&q), nOut, aOut);
  r->bOrdered = 1;
  return r;
}
