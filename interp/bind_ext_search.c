/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** search and find. The input (the piped table, or the union of the tables
** in 'in (...)', or of every table) gets a first column naming each row's
** table ($table for search, source_ for find); the predicate is rewritten
** into an ordinary where clause and bound by the lead's expression binder:
** a bare string term T becomes "any column has T" (T* hasprefix, *T
** hassuffix, *T* contains, a*b matches regex \ba.*b\b), Column:"T" the same
** on one column, 'search *' true; kind=case_sensitive uses the _cs forms.
** find projects the listed columns (or keeps all of them).
*/
#include "bind_ext.h"
#include "parser.h"
#include <string.h>

typedef struct SearchCtx SearchCtx;
struct SearchCtx {
  const KqlRel *pRel;   /* the searched relation */
  int bCase;            /* kind=case_sensitive */
  int iFirst;           /* first column searched by a bare term (skips $table) */
};

static KqlAst *newLit(Binder *p, const KqlAst *pAt, const char *z, int n){
  KqlAst *a = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pAt->iOfst, pAt->nLen, z, n);
  a->eOp = KQL_LIT_STRING;
  return a;
}

static KqlAst *newBinary(Binder *p, const KqlAst *pAt, int eOp, KqlAst *a, KqlAst *b){
  KqlAst *x = kqlAstNew(p->pArena, KQL_AST_BINARY, pAt->iOfst, pAt->nLen);
  x->eOp = eOp;
  kqlAstAppend(p->pArena, x, a);
  kqlAstAppend(p->pArena, x, b);
  x->iOfst = pAt->iOfst;
  x->nLen = pAt->nLen;
  return x;
}

/* Append z[0..n) to s as a literal PCRE2 pattern. */
static void regexQuote(KqlStr *s, const char *z, int n){
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c>=0x80 || (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z') ){
      kqlStrAppend(s, &z[i], 1);
    }else if( c ){
      kqlStrAppend(s, "\\", 1);
      kqlStrAppend(s, &z[i], 1);
    }
  }
}

/* The comparison "pCol <op> term" for one search term (wildcards decide the operator). */
static KqlAst *termTest(Binder *p, const SearchCtx *c, const KqlAst *pAt, KqlAst *pCol, const KqlAst *pTerm){
  const char *z = pTerm->z ? pTerm->z : "";
  int n = pTerm->n;
  int bHead = n>0 && z[0]=='*';
  int bTail = n>1 && z[n-1]=='*';
  const char *zCore = z + bHead;
  int nCore = n - bHead - bTail;
  if( nCore>0 && memchr(zCore, '*', (size_t)nCore) ){
    KqlStr re;
    kqlStrInit(&re, p->pArena);
    kqlStrAppend(&re, c->bCase ? "" : "(?i)", -1);
    if( !bHead ) kqlStrAppend(&re, "\\b", 2);
    int i0 = 0;
    for(int i=0; i<=nCore; i++){
      if( i==nCore || zCore[i]=='*' ){
        regexQuote(&re, zCore+i0, i-i0);
        if( i<nCore ) kqlStrAppend(&re, ".*", 2);
        i0 = i+1;
      }
    }
    if( !bTail ) kqlStrAppend(&re, "\\b", 2);
    return newBinary(p, pAt, TK_MATCHES, pCol, newLit(p, pTerm, kqlStrText(&re), -1));
  }
  int eOp;
  if( bHead && bTail ) eOp = c->bCase ? TK_CONTAINS_CS : TK_CONTAINS;
  else if( bHead ) eOp = c->bCase ? TK_HASSUFFIX_CS : TK_HASSUFFIX;
  else if( bTail ) eOp = c->bCase ? TK_HASPREFIX_CS : TK_HASPREFIX;
  else eOp = c->bCase ? TK_HAS_CS : TK_HAS;
  return newBinary(p, pAt, eOp, pCol, newLit(p, pTerm, zCore, nCore<0 ? 0 : nCore));
}

/* term over columns [i0, i1): a balanced OR tree (keeps the depth small). */
static KqlAst *anyColumn(Binder *p, const SearchCtx *c, const KqlAst *pTerm, int i0, int i1){
  if( i1-i0==1 ){
    KqlAst *pCol = kqlAstNewText(p->pArena, KQL_AST_IDENT, pTerm->iOfst, pTerm->nLen,
                                 c->pRel->aCol[i0].zName, -1);
    return termTest(p, c, pTerm, pCol, pTerm);
  }
  int m = (i0+i1)/2;
  return newBinary(p, pTerm, TK_OR, anyColumn(p, c, pTerm, i0, m), anyColumn(p, c, pTerm, m, i1));
}

/* Rewrite a search predicate into a where predicate. */
static KqlAst *rewrite(Binder *p, const SearchCtx *c, const KqlAst *pAst){
  if( pAst==0 ) return 0;
  switch( pAst->eKind ){
    case KQL_AST_STAR: {
      KqlAst *t = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pAst->iOfst, pAst->nLen, "true", 4);
      t->eOp = KQL_LIT_BOOL;
      return t;
    }
    case KQL_AST_LITERAL:
      if( pAst->eOp!=KQL_LIT_STRING ) return (KqlAst*)pAst;
      if( c->iFirst>=c->pRel->nCol ){
        KqlAst *f = kqlAstNewText(p->pArena, KQL_AST_LITERAL, pAst->iOfst, pAst->nLen, "false", 5);
        f->eOp = KQL_LIT_BOOL;
        return f;
      }
      return anyColumn(p, c, pAst, c->iFirst, c->pRel->nCol);
    case KQL_AST_PAREN:
      if( pAst->nChild ){
        KqlAst *x = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
        *x = *pAst;
        x->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*));
        x->aChild[0] = rewrite(p, c, pAst->aChild[0]);
        x->nChild = x->nAlloc = 1;
        return x;
      }
      return (KqlAst*)pAst;
    case KQL_AST_BINARY:
      if( pAst->eOp==TK_AND || pAst->eOp==TK_OR ){
        return newBinary(p, pAst, pAst->eOp, rewrite(p, c, pAst->aChild[0]), rewrite(p, c, pAst->aChild[1]));
      }
      if( pAst->eOp==TK_SEARCHCOLON && pAst->aChild[1] && pAst->aChild[1]->eKind==KQL_AST_LITERAL
          && pAst->aChild[1]->eOp==KQL_LIT_STRING ){
        return termTest(p, c, pAst, pAst->aChild[0], pAst->aChild[1]);
      }
      return (KqlAst*)pAst;
    case KQL_AST_CALL:
      if( pAst->z && strcmp(pAst->z, "not")==0 && pAst->nChild==1 ){
        KqlAst *x = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
        *x = *pAst;
        x->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*));
        x->aChild[0] = rewrite(p, c, pAst->aChild[0]);
        x->nChild = x->nAlloc = 1;
        return x;
      }
      return (KqlAst*)pAst;
    default:
      return (KqlAst*)pAst;
  }
}

/* The union of the tables in pList (NULL: every table) with a first column zSrc. */
static KqlRel *unionTables(Binder *p, const KqlAst *pAt, const KqlAst *pList, const char *zSrc){
  KqlAst *pU = kqlAstNew(p->pArena, KQL_AST_UNION, pAt->iOfst, pAt->nLen);
  if( pList ){
    for(int i=0; i<pList->nChild; i++) kqlAstAppend(p->pArena, pU, pList->aChild[i]);
  }else{
    kqlAstAppend(p->pArena, pU, kqlAstNewText(p->pArena, KQL_AST_WILDCARD, pAt->iOfst, pAt->nLen, "*", 1));
  }
  KqlAst *pArg = kqlAstNewText(p->pArena, KQL_AST_NAMEDARG, pAt->iOfst, pAt->nLen, "withsource", -1);
  kqlAstAppend(p->pArena, pArg, kqlAstNewText(p->pArena, KQL_AST_IDENT, pAt->iOfst, pAt->nLen, zSrc, -1));
  kqlAstAddOpt(p->pArena, pU, pArg);
  pU->iOfst = pAt->iOfst;
  pU->nLen = pAt->nLen;
  return kqlBindUnion(p, 0, 0, kqlBindExpandWildcards(p, pU));
}

/* The piped input with a first column zSrc naming it. */
static KqlRel *withSource(Binder *p, const KqlAst *pAt, KqlRel *pIn, const char *zSrc){
  KqlAst *pU = kqlAstNew(p->pArena, KQL_AST_OP_UNION, pAt->iOfst, pAt->nLen);
  KqlAst *pArg = kqlAstNewText(p->pArena, KQL_AST_NAMEDARG, pAt->iOfst, pAt->nLen, "withsource", -1);
  kqlAstAppend(p->pArena, pArg, kqlAstNewText(p->pArena, KQL_AST_IDENT, pAt->iOfst, pAt->nLen, zSrc, -1));
  kqlAstAddOpt(p->pArena, pU, pArg);
  pU->iOfst = pAt->iOfst;
  pU->nLen = pAt->nLen;
  return kqlBindUnion(p, pIn, 0, pU);
}

/* where pPred over pRel */
static KqlRel *filter(Binder *p, KqlRel *pRel, const KqlAst *pPred){
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pRel);
  KqlExpr *e = kqlBindExpr(p, pPred);
  const char *zCond = e->bError ? 0 : kqlExprCond(p, e);
  kqlExtRowLeave(p, pSave);
  if( zCond==0 || e->bError ) return kqlExtRelError(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlExtColList(&s, pRel, zA);
  if( pRel->nCol==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s WHERE %s", pRel->zSql, zA, zCond);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), pRel->nCol, pRel->aCol);
  r->bOrdered = pRel->bOrdered;
  return r;
}

static int caseSensitive(Binder *p, const KqlAst *pOp, int *pbErr){
  const KqlAst *pKind = kqlExtOpt(pOp, "kind");
  *pbErr = 0;
  if( pKind==0 ) return 0;
  const char *z = kqlExtConstText(p, pKind, 1);
  if( z && strcmp(z, "case_sensitive")==0 ) return 1;
  if( z && (strcmp(z, "case_insensitive")==0 || strcmp(z, "default")==0) ) return 0;
  kqlBindErr(p, pKind, "KQL250", "search: kind must be default, case_insensitive or case_sensitive");
  *pbErr = 1;
  return 0;
}

/* Non-zero when every identifier of pAst names a column of pRel or a let-bound value. */
static int namesKnown(Binder *p, const KqlAst *pAst, const KqlRel *pRel){
  if( pAst==0 ) return 1;
  if( pAst->eKind==KQL_AST_IDENT && pAst->z && kqlBindFindCol(pRel, pAst->z)<0
   && kqlBindLookup(p, pAst->z)==0 ) return 0;
  for(int i=0; i<pAst->nChild; i++){
    if( !namesKnown(p, pAst->aChild[i], pRel) ) return 0;
  }
  return 1;
}

/*
** search over more tables than one SQL result can hold columns for (SQLite's
** 2000): each table is filtered on its own columns first, then the filtered
** tables are united, so that the union may materialise only the columns the
** later operators use (bind_union.c). Returns NULL when the tables are few
** enough for the plain union, or some leg cannot be filtered alone.
*/
static KqlRel *searchEachTable(Binder *p, const KqlAst *pOp, const KqlAst *pList,
                               const KqlAst *pPred, int bCase){
  KqlAst *pU = kqlAstNew(p->pArena, KQL_AST_UNION, pOp->iOfst, pOp->nLen);
  if( pList ){
    for(int i=0; i<pList->nChild; i++) kqlAstAppend(p->pArena, pU, pList->aChild[i]);
  }else{
    kqlAstAppend(p->pArena, pU, kqlAstNewText(p->pArena, KQL_AST_WILDCARD, pOp->iOfst, pOp->nLen, "*", 1));
  }
  pU->iOfst = pOp->iOfst;
  pU->nLen = pOp->nLen;
  KqlAst *pAll = kqlBindExpandWildcards(p, pU);
  for(int i=0; i<pAll->nChild; i++){
    if( pAll->aChild[i]==0 || pAll->aChild[i]->eKind!=KQL_AST_IDENT ) return 0;
  }
  KqlScope *pSaveScope = p->pScope;
  KqlRowCtx *pSaveRow = p->pRow;
  p->pRow = 0;
  int nSum = 0;
  KqlRel **aLeg = kqlArenaAlloc(p->pArena, sizeof(KqlRel*)*(size_t)(pAll->nChild+1));
  for(int i=0; i<pAll->nChild; i++){
    aLeg[i] = kqlBindTabular(p, pAll->aChild[i]);
    if( aLeg[i]->bError ){ p->pRow = pSaveRow; return aLeg[i]; }
    nSum += aLeg[i]->nCol;
  }
  if( nSum<=2000 ){ p->pRow = pSaveRow; return 0; }
  for(int i=0; i<pAll->nChild; i++){
    if( !namesKnown(p, pPred, aLeg[i]) ){ p->pRow = pSaveRow; return 0; }
  }
  for(int i=0; i<pAll->nChild; i++){
    SearchCtx c;
    c.pRel = aLeg[i];
    c.bCase = bCase;
    c.iFirst = 0;
    KqlRel *r = filter(p, aLeg[i], rewrite(p, &c, pPred));
    if( r->bError ){ p->pScope = pSaveScope; p->pRow = pSaveRow; return r; }
    kqlBindDefineRel(p, pAll->aChild[i]->z, r);   /* the leg's name now reads the filtered rows */
  }
  KqlAst *pArg = kqlAstNewText(p->pArena, KQL_AST_NAMEDARG, pOp->iOfst, pOp->nLen, "withsource", -1);
  kqlAstAppend(p->pArena, pArg, kqlAstNewText(p->pArena, KQL_AST_IDENT, pOp->iOfst, pOp->nLen, "$table", -1));
  KqlAst *pNew = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
  *pNew = *pAll;
  pNew->pOpts = 0;
  kqlAstAddOpt(p->pArena, pNew, pArg);
  /* marks the union as this search step's (bind_union.c may narrow it) */
  kqlAstAddOpt(p->pArena, pNew, kqlAstNewText(p->pArena, KQL_AST_NAMEDARG, pOp->iOfst, pOp->nLen,
                                             "kql$search", -1));
  pNew->iOfst = pOp->iOfst;
  pNew->nLen = pOp->nLen;
  KqlRel *r = kqlBindUnion(p, 0, 0, pNew);
  p->pScope = pSaveScope;
  p->pRow = pSaveRow;
  return r;
}

KqlRel *kqlExtSearch(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pPred = pOp->nChild>0 ? pOp->aChild[0] : 0;
  const KqlAst *pList = pOp->nChild>1 ? pOp->aChild[1] : 0;
  int bErr;
  SearchCtx c;
  c.bCase = caseSensitive(p, pOp, &bErr);
  if( bErr ) return kqlExtRelError(p);
  if( pPred==0 ){
    kqlBindErr(p, pOp, "KQL250", "search: expected a predicate");
    return kqlExtRelError(p);
  }
  if( pIn && pList ){
    kqlBindErr(p, pList, "KQL250", "search: 'in (...)' cannot follow a piped input");
    return kqlExtRelError(p);
  }
  if( pIn==0 ){
    KqlRel *pEach = searchEachTable(p, pOp, pList, pPred, c.bCase);
    if( pEach ) return pEach;
  }
  KqlRel *pRel = pIn ? withSource(p, pOp, pIn, "$table") : unionTables(p, pOp, pList, "$table");
  if( pRel->bError ) return pRel;
  c.pRel = pRel;
  c.iFirst = 1;
  return filter(p, pRel, rewrite(p, &c, pPred));
}

KqlRel *kqlExtFind(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pList = pOp->nChild>0 ? pOp->aChild[0] : 0;
  const KqlAst *pPred = pOp->nChild>1 ? pOp->aChild[1] : 0;
  const KqlAst *pProj = pOp->nChild>2 ? pOp->aChild[2] : 0;
  const KqlAst *pSrc = kqlExtOpt(pOp, "withsource");
  const char *zSrc = pSrc && pSrc->z ? pSrc->z : "source_";
  int bErr;
  SearchCtx c;
  c.bCase = caseSensitive(p, pOp, &bErr);
  if( bErr ) return kqlExtRelError(p);
  if( pPred==0 ){
    kqlBindErr(p, pOp, "KQL251", "find: expected 'where' and a predicate");
    return kqlExtRelError(p);
  }
  int bSmart = pProj==0 || (pProj->z && strcmp(pProj->z, "project-smart")==0);
  KqlFindShape *pShape = pIn==0 && bSmart ? kqlExtFindShape(p, pOp, pList, pPred) : 0;
  if( pShape ) pList = pShape->pList;   /* the tables with a column the predicate names */
  KqlRel *pRel = pIn ? withSource(p, pOp, pIn, zSrc) : unionTables(p, pOp, pList, zSrc);
  if( pRel->bError ) return pRel;
  c.pRel = pRel;
  c.iFirst = 1;
  KqlRel *r = filter(p, pRel, rewrite(p, &c, pPred));
  if( pShape ) return kqlExtFindProject(p, r, pShape);
  if( r->bError || bSmart ) return r;
  /* project the listed columns after the source column; missing ones are null strings */
  int n = 1 + pProj->nChild;
  KqlCol *aOut = kqlExtCols(p, n);
  aOut[0] = r->aCol[0];
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrPrintf(&s, "SELECT %s.", zA);
  kqlStrIdent(&s, r->aCol[0].zName, -1);
  int nOut = 1;
  for(int i=0; i<pProj->nChild; i++){
    const KqlAst *pC = pProj->aChild[i];
    if( pC==0 || pC->eKind!=KQL_AST_IDENT ) continue;
    int iCol = kqlBindFindCol(r, pC->z);
    kqlStrAppend(&s, ", ", 2);
    if( iCol<0 ){
      kqlStrAppend(&s, "'' AS ", -1);
      aOut[nOut].eType = KQL_T_STRING;
    }else{
      kqlStrPrintf(&s, "%s.", zA);
      kqlStrIdent(&s, pC->z, -1);
      kqlStrAppend(&s, " AS ", 4);
      aOut[nOut].eType = r->aCol[iCol].eType;
    }
    kqlStrIdent(&s, pC->z, -1);
    aOut[nOut].zName = pC->z;
    nOut++;
  }
  kqlStrPrintf(&s, " FROM (%s) AS %s", r->zSql, zA);
  return kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
}
