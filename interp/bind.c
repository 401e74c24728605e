/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The binder's driver: statements, let scopes, parameters, and the tabular
** sources (table names, let-bound tabular values, datatable, print, range,
** parenthesised sub-queries). Pipeline operators are in bind_op.c, scalar
** expressions in bind_expr.c. See bind.h for what the binder produces.
*/
#include "bindInt.h"
#include "value.h"
#include "catalog.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kqlBindErr(Binder *p, const KqlAst *pAt, const char *zCode, const char *zFmt, ...){
  char buf[900];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(buf, sizeof(buf), zFmt, ap);
  va_end(ap);
  kqlDiagAdd(p->pDiags, KQL_SEV_ERROR, zCode, pAt ? pAt->iOfst : 0, pAt ? pAt->nLen : 0, "%s", buf);
}

void kqlBindNotSupported(Binder *p, const KqlAst *pAt, const char *zWhat){
  kqlBindErr(p, pAt, "KQL190", "not supported: %s", zWhat);
}

/* ---------------------------------------------------------------- params */

static int paramAdd(Binder *p, KqlParam *pv){
  if( p->nParam>=p->nParamAlloc ){
    int nNew = p->nParamAlloc ? p->nParamAlloc*2 : 32;
    KqlParam *a = kqlArenaAlloc(p->pArena, sizeof(KqlParam)*(size_t)nNew);
    if( p->nParam ) memcpy(a, p->aParam, sizeof(KqlParam)*(size_t)p->nParam);
    p->aParam = a;
    p->nParamAlloc = nNew;
  }
  p->aParam[p->nParam++] = *pv;
  return p->nParam;
}

const char *kqlBindParamText(Binder *p, const char *z, int n){
  KqlParam v = {0};
  v.eKind = KQL_PARAM_TEXT;
  if( n<0 ) n = (int)strlen(z);
  v.z = kqlArenaStrdup(p->pArena, z, n);
  v.n = n;
  return kqlArenaPrintf(p->pArena, "?%d", paramAdd(p, &v));
}

const char *kqlBindParamInt(Binder *p, int64_t i){
  KqlParam v = {0};
  v.eKind = KQL_PARAM_INT;
  v.i = i;
  return kqlArenaPrintf(p->pArena, "?%d", paramAdd(p, &v));
}

const char *kqlBindParamReal(Binder *p, double r){
  KqlParam v = {0};
  v.eKind = KQL_PARAM_REAL;
  v.r = r;
  return kqlArenaPrintf(p->pArena, "?%d", paramAdd(p, &v));
}

const char *kqlBindParamNull(Binder *p){
  KqlParam v = {0};
  v.eKind = KQL_PARAM_NULL;
  return kqlArenaPrintf(p->pArena, "?%d", paramAdd(p, &v));
}

/* ---------------------------------------------------------------- helpers */

const char *kqlBindAlias(Binder *p){
  return kqlArenaPrintf(p->pArena, "s%d", ++p->nAlias);
}

/* ASCII case-insensitive equality of two names. */
static int sameIgnoringCase(const char *a, const char *b){
  for(;; a++, b++){
    char x = (*a>='A' && *a<='Z') ? (char)(*a + 32) : *a;
    char y = (*b>='A' && *b<='Z') ? (char)(*b + 32) : *b;
    if( x!=y ) return 0;
    if( x==0 ) return 1;
  }
}

KqlRel *kqlBindRelNew(Binder *p, const char *zSql, int nCol, KqlCol *aCol){
  KqlRel *r = kqlArenaAlloc(p->pArena, sizeof(*r));
  r->zSql = zSql;
  r->nCol = nCol;
  r->aCol = aCol;
  return r;
}

/* SQLite's names ignore case, KQL's do not: when a relation whose columns'
** names differ only in case is read by name (as a CTE), both names would
** read the first column (the catalogue's such names carry a case suffix in
** SQL, kqlStrIdent). Not supported; reported once per query. */
static void checkCaseClash(Binder *p, const KqlRel *pRel){
  for(int i=0; i<pRel->nCol && !p->bCaseClash; i++){
    const char *zA = pRel->aCol[i].zName;
    if( zA==0 || kqlCatalogCaseAmbiguous(zA, -1) ) continue;
    for(int j=i+1; j<pRel->nCol; j++){
      const char *zB = pRel->aCol[j].zName;
      if( zB && strcmp(zA, zB)!=0 && sameIgnoringCase(zA, zB)
          && !kqlBindIsCaseName(p, zA) && !kqlBindIsCaseName(p, zB) ){
        const KqlAst *pAt = p->pStepPipe && p->iStep>=0 && p->iStep<p->pStepPipe->nChild
                            ? p->pStepPipe->aChild[p->iStep] : 0;
        p->bCaseClash = 1;
        kqlBindNotSupported(p, pAt, kqlArenaPrintf(p->pArena,
          "columns whose names differ only in letter case ('%s' and '%s')", zA, zB));
        break;
      }
    }
  }
}

void kqlBindColList(KqlStr *pOut, const KqlRel *pRel, const char *zAlias){
  for(int i=0; i<pRel->nCol; i++){
    if( i ) kqlStrAppend(pOut, ", ", 2);
    if( zAlias ){ kqlStrAppend(pOut, zAlias, -1); kqlStrAppend(pOut, ".", 1); }
    kqlStrIdent(pOut, pRel->aCol[i].zName, -1);
  }
}

const char *kqlBindSrc(Binder *p, const KqlRel *pRel){
  if( pRel->zCte ) return pRel->zCte;
  if( !pRel->bError ) checkCaseClash(p, pRel);
  if( pRel->pGraph ) kqlGraphAsTable(p, pRel);
  if( p->nCte==0 ) kqlStrInit(&p->cte, p->pArena);
  const char *zName = kqlArenaPrintf(p->pArena, "c%d", ++p->nCte);
  /* a relation computing random values is materialized: inlined, each later
  ** reference to its column would draw a new value (rand(), new_guid()) */
  int bNondet = strstr(pRel->zSql, "kql_rand(") || strstr(pRel->zSql, "random(") || strstr(pRel->zSql, "randomblob(")
             || pRel->bMaterialize;
  kqlStrPrintf(&p->cte, "%s%s AS %s(%s)", p->nCte>1 ? ", " : "", zName, bNondet ? "MATERIALIZED " : "", pRel->zSql);
  ((KqlRel*)pRel)->zCte = zName;
  return zName;
}

const char *kqlBindWith(Binder *p){
  if( p->nCte==0 ) return "";
  return kqlArenaPrintf(p->pArena, "WITH %s ", kqlStrText(&p->cte));
}

KqlScope *kqlBindLookup(Binder *p, const char *zName){
  for(KqlScope *s = p->pScope; s; s = s->pNext){
    if( strcmp(s->zName, zName)==0 ) return s;
  }
  return 0;
}

static KqlScope *scopePush(Binder *p, const char *zName, int eKind){
  KqlScope *s = kqlArenaAlloc(p->pArena, sizeof(*s));
  s->zName = zName;
  s->eKind = eKind;
  s->pDefScope = p->pScope;
  s->pNext = p->pScope;
  p->pScope = s;
  return s;
}

void kqlBindDefineRel(Binder *p, const char *zName, KqlRel *pRel){
  KqlScope *s = scopePush(p, zName, KQL_SCOPE_REL);
  s->pRel = pRel;
}

/*
** Is pAst a tabular expression? Decided syntactically, plus a look at the
** let scope for names. A bare name that is not let-bound is a table.
*/
/*
** Whether pExpr, the result expression of user function pLam, is tabular. A
** bare name there may be one of the function's parameters or a let of its
** body, which the caller's scope does not know: (a:long) { a } is scalar.
*/
static int lambdaResultTabular(Binder *p, const KqlAst *pLam, const KqlAst *pExpr, int nDepth){
  const KqlAst *pParams = pLam->nChild>0 ? pLam->aChild[0] : 0;
  const KqlAst *pBody = pLam->nChild>1 ? pLam->aChild[1] : 0;
  while( pExpr && pExpr->eKind==KQL_AST_PAREN && pExpr->nChild==1 ) pExpr = pExpr->aChild[0];
  if( pExpr && pExpr->eKind==KQL_AST_IDENT && pExpr->z && nDepth<8 ){
    if( pBody && pBody->eKind==KQL_AST_BLOCK ){
      for(int i=pBody->nChild-2; i>=0; i--){
        const KqlAst *pSt = pBody->aChild[i];
        if( pSt && pSt->eKind==KQL_AST_LET && pSt->z && strcmp(pSt->z, pExpr->z)==0 ){
          const KqlAst *pV = pSt->nChild ? pSt->aChild[0] : 0;
          if( pV==0 || pV->eKind==KQL_AST_LAMBDA ) break;
          return lambdaResultTabular(p, pLam, pV, nDepth+1);
        }
      }
    }
    for(int i=0; pParams && i<pParams->nChild; i++){
      const KqlAst *pPar = pParams->aChild[i];
      if( pPar && pPar->z && strcmp(pPar->z, pExpr->z)==0 ){
        return pPar->nChild>0 && pPar->aChild[0] && pPar->aChild[0]->eKind==KQL_AST_SCHEMA;
      }
    }
  }
  return kqlBindIsTabular(p, pExpr);
}

int kqlBindIsTabular(Binder *p, const KqlAst *pAst){
  if( pAst==0 ) return 0;
  switch( pAst->eKind ){
    case KQL_AST_PIPE: case KQL_AST_DATATABLE: case KQL_AST_PRINT:
    case KQL_AST_RANGE: case KQL_AST_UNION: case KQL_AST_FIND:
    case KQL_AST_SEARCH: case KQL_AST_EXTERNALDATA: case KQL_AST_EVALUATE_SRC:
    case KQL_AST_WILDCARD:
      return 1;
    case KQL_AST_PAREN:
      return pAst->nChild>0 && kqlBindIsTabular(p, pAst->aChild[0]);
    case KQL_AST_IDENT: {
      KqlScope *s = kqlBindLookup(p, pAst->z);
      if( s && s->eKind==KQL_SCOPE_LAMBDA ){
        /* a view or parameterless function named without () */
        KqlAst call = *pAst;
        call.eKind = KQL_AST_CALL;
        call.nChild = 0;
        return kqlBindIsTabular(p, &call);
      }
      if( s ) return s->eKind==KQL_SCOPE_TABULAR || s->eKind==KQL_SCOPE_REL;
      if( p->pRow && kqlBindFindCol(p->pRow->pRel, pAst->z)>=0 ) return 0;
      return 1;
    }
    case KQL_AST_MEMBER:
      return kqlBindIsPatternRef(p, pAst);
    case KQL_AST_CALL: {
      if( kqlBindIsPatternRef(p, pAst) ) return 1;
      if( pAst->z && (strcmp(pAst->z, "materialize")==0 || strcmp(pAst->z, "table")==0
                      || strcmp(pAst->z, "view")==0) ) return 1;
      if( pAst->z && strcmp(pAst->z, "_GetWatchlist")==0 && !kqlBindLookup(p, pAst->z) ) return 1;
      KqlScope *s = pAst->z ? kqlBindLookup(p, pAst->z) : 0;
      if( s && s->eKind==KQL_SCOPE_LAMBDA ){
        const KqlAst *pBody = s->pAst->nChild>1 ? s->pAst->aChild[1] : 0;
        if( pBody && pBody->eKind==KQL_AST_BLOCK && pBody->nChild>0 ){
          const KqlAst *pLast = pBody->aChild[pBody->nChild-1];
          return lambdaResultTabular(p, s->pAst, pLast, 0);
        }
        return lambdaResultTabular(p, s->pAst, pBody, 0);
      }
      return 0;
    }
    default:
      return 0;
  }
}

/* ---------------------------------------------------------------- sources */

static KqlRel *relError(Binder *p){
  KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
  r->bError = 1;
  return r;
}

static KqlRel *bindLambdaTabular(Binder *p, const KqlAst *pCall, KqlScope *pFn);

/* A table name: a let-bound tabular value, or a table from the environment. */
static KqlRel *bindTableName(Binder *p, const KqlAst *pAst){
  KqlScope *s = kqlBindLookup(p, pAst->z);
  if( s && s->eKind==KQL_SCOPE_REL ) return s->pRel;
  if( s && s->eKind==KQL_SCOPE_TABULAR ){
    KqlScope *pSave = p->pScope;
    KqlRowCtx *pRowSave = p->pRow;
    p->pScope = s->pDefScope;
    p->pRow = 0;
    KqlRel *r = kqlBindTabular(p, s->pAst);
    p->pScope = pSave;
    p->pRow = pRowSave;
    return r;
  }
  if( s && s->eKind==KQL_SCOPE_LAMBDA ){
    KqlAst call = *pAst;
    call.eKind = KQL_AST_CALL;
    call.nChild = 0;
    return bindLambdaTabular(p, &call, s);
  }
  if( s ){
    kqlBindErr(p, pAst, "KQL104", "'%s' is a scalar value, not a table", pAst->z);
    return relError(p);
  }
  KqlTableRef ref;
  const char *zErr = 0;
  memset(&ref, 0, sizeof(ref));
  int rc = p->pEnv->xTable ? p->pEnv->xTable(p->pEnv->pArg, pAst->z, &ref, &zErr) : KQL_TABLE_UNKNOWN;
  if( rc==KQL_TABLE_UNKNOWN ){
    kqlBindErr(p, pAst, "KQL101", "unknown table '%s'%s%s", pAst->z,
               p->pEnv->zTableHint ? " " : "", p->pEnv->zTableHint ? p->pEnv->zTableHint : "");
    p->pEnv->eIoErr = 1;
    return relError(p);
  }
  if( rc!=KQL_TABLE_OK ){
    kqlBindErr(p, pAst, "KQL102", "%s", zErr ? zErr : "cannot load table");
    p->pEnv->eIoErr = 1;
    return relError(p);
  }
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(ref.nCol+1));
  memcpy(aCol, ref.aCol, sizeof(KqlCol)*(size_t)ref.nCol);
  KqlStr s2;
  kqlStrInit(&s2, p->pArena);
  kqlStrAppend(&s2, "SELECT * FROM ", -1);
  kqlStrIdent(&s2, ref.zSqlName, -1);
  KqlRel *pTab = kqlBindRelNew(p, kqlStrText(&s2), ref.nCol, aCol);
  if( ref.bStream ) pTab->zStreamTable = kqlArenaStrdup(p->pArena, ref.zSqlName, -1);
  return pTab;
}

/* Convert a bound constant to the storage form of column type eType. */
static const char *cellAs(Binder *p, KqlExpr *e, int eType){
  return kqlExprAs(p, e, eType);
}

/* datatable(a:long, b:string) [ v, v, ... ] */
static KqlRel *bindDatatable(Binder *p, const KqlAst *pAst){
  const KqlAst *pSchema = pAst->aChild[0];
  int nCol = pSchema ? pSchema->nChild : 0;
  if( nCol==0 ){
    kqlBindErr(p, pAst, "KQL110", "datatable needs at least one column");
    return relError(p);
  }
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)nCol);
  for(int i=0; i<nCol; i++){
    const KqlAst *pDecl = pSchema->aChild[i];
    aCol[i].zName = pDecl->z;
    const KqlAst *pType = 0;
    for(int k=0; k<pDecl->nChild; k++){
      if( pDecl->aChild[k] && pDecl->aChild[k]->eKind==KQL_AST_TYPE ) pType = pDecl->aChild[k];
    }
    int eType = pType ? kqlTypeFromName(pType->z, pType->n) : -1;
    if( eType<0 ){
      kqlBindErr(p, pType ? pType : pDecl, "KQL111", "unknown type '%s'", pType ? pType->z : "?");
      eType = KQL_T_STRING;
    }
    aCol[i].eType = eType;
    for(int j=0; j<i; j++){
      if( strcmp(aCol[j].zName, aCol[i].zName)==0 ){
        kqlBindErr(p, pDecl, "KQL112", "duplicate column name '%s'", pDecl->z);
      }
    }
  }
  int nVal = pAst->nChild - 1;
  if( nVal % nCol ){
    kqlBindErr(p, pAst, "KQL113", "datatable has %d values, not a multiple of its %d columns", nVal, nCol);
    return relError(p);
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  if( nVal==0 ){
    kqlStrAppend(&s, "SELECT ", -1);
    for(int i=0; i<nCol; i++){
      if( i ) kqlStrAppend(&s, ", ", 2);
      kqlStrAppend(&s, "NULL AS ", -1);
      kqlStrIdent(&s, aCol[i].zName, -1);
    }
    kqlStrAppend(&s, " WHERE 0", -1);
    return kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
  }
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  /* The first row names the columns; the rest are UNION ALL'ed. */
  for(int r=0; r<nVal/nCol; r++){
    kqlStrAppend(&s, r ? " UNION ALL SELECT " : "SELECT ", -1);
    for(int i=0; i<nCol; i++){
      const KqlAst *pV = pAst->aChild[1 + r*nCol + i];
      KqlExpr *e = kqlBindExpr(p, pV);
      if( i ) kqlStrAppend(&s, ", ", 2);
      kqlStrAppend(&s, cellAs(p, e, aCol[i].eType), -1);
      if( r==0 ){
        kqlStrAppend(&s, " AS ", -1);
        kqlStrIdent(&s, aCol[i].zName, -1);
      }
    }
  }
  p->pRow = pSave;
  return kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
}

/* print [name=]expr, ... : one row */
static KqlRel *bindPrint(Binder *p, const KqlAst *pAst){
  pAst = kqlBindExpandItems(p, pAst);
  int nCol = pAst->nChild;
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nCol+1));
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  for(int i=0; i<nCol; i++){
    const KqlAst *pItem = pAst->aChild[i];
    const char *zName;
    KqlExpr *e;
    if( pItem->eKind==KQL_AST_ASSIGN ){
      zName = pItem->z;
      e = kqlBindExpr(p, pItem->aChild[0]);
    }else{
      /* print has no input columns: an unnamed item is always print_N
      ** (print strlen("a") is print_0, not strlen_) */
      e = kqlBindExpr(p, pItem);
      zName = kqlArenaPrintf(p->pArena, "print_%d", i);
    }
    zName = kqlNameUnique(p, zName, aCol, i);
    aCol[i].zName = zName;
    aCol[i].eType = e->eType==KQL_T_UNKNOWN ? KQL_T_STRING : e->eType;
    if( i ) kqlStrAppend(&s, ", ", 2);
    kqlStrAppend(&s, e->zSql, -1);
    kqlStrAppend(&s, " AS ", -1);
    kqlStrIdent(&s, zName, -1);
  }
  p->pRow = pSave;
  if( nCol==0 ) kqlStrAppend(&s, "NULL WHERE 0", -1);
  return kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
}

/* range x from a to b step c (inclusive) */
static KqlRel *bindRange(Binder *p, const KqlAst *pAst){
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  KqlExpr *eFrom = kqlBindExpr(p, pAst->aChild[0]);
  KqlExpr *eTo = kqlBindExpr(p, pAst->aChild[1]);
  KqlExpr *eStep = kqlBindExpr(p, pAst->aChild[2]);
  p->pRow = pSave;
  int eType = eFrom->eType;
  if( eType==KQL_T_INT ) eType = KQL_T_LONG;
  if( eType==KQL_T_LONG && (eTo->eType==KQL_T_REAL || eStep->eType==KQL_T_REAL) ) eType = KQL_T_REAL;
  if( eType!=KQL_T_LONG && eType!=KQL_T_REAL && eType!=KQL_T_DATETIME && eType!=KQL_T_TIMESPAN
      && eType!=KQL_T_DECIMAL ){
    if( !eFrom->bError ){
      kqlBindErr(p, pAst->aChild[0], "KQL120", "range needs a number, datetime or timespan, not %s",
                 kqlTypeName(eFrom->eType));
    }
    return relError(p);
  }
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol));
  aCol[0].zName = pAst->z;
  aCol[0].eType = eType;
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  /* The kql_range_rows table-valued function (fn_range_rows.c): inclusive,
  ** a negative step counts down. */
  kqlStrPrintf(&s, "SELECT %s.value AS ", zA);
  kqlStrIdent(&s, pAst->z, -1);
  kqlStrPrintf(&s, " FROM kql_range_rows(%s, %s, %s) AS %s",
               kqlExprAs(p, eFrom, eType), kqlExprAs(p, eTo, eType),
               kqlExprAs(p, eStep, eType==KQL_T_DATETIME ? KQL_T_TIMESPAN : eType), zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), 1, aCol);
  r->bOrdered = 1;   /* range produces serialized output */
  return r;
}


/* The text of a constant string expression (a literal or a let-bound one), or NULL. */
static const char *constString(Binder *p, const KqlAst *pAst){
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  int nErr = p->pDiags->nErr;
  KqlExpr *e = kqlBindExpr(p, pAst);
  p->pRow = pSave;
  if( p->pDiags->nErr!=nErr || e->bError || e->eType!=KQL_T_STRING || !e->bConst ) return 0;
  if( e->zSql[0]!='?' ) return 0;
  int i = atoi(e->zSql+1);
  if( i<1 || i>p->nParam || p->aParam[i-1].eKind!=KQL_PARAM_TEXT ) return 0;
  return p->aParam[i-1].z;
}

/* externaldata(a:string, ...) [ "url", ... ] with (format=...) */
static KqlRel *bindExternaldata(Binder *p, const KqlAst *pAst){
  const KqlAst *pSchema = pAst->nChild ? pAst->aChild[0] : 0;
  int nCol = pSchema ? pSchema->nChild : 0;
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nCol+1));
  for(int i=0; i<nCol; i++){
    const KqlAst *pDecl = pSchema->aChild[i];
    const KqlAst *pType = 0;
    for(int k=0; k<pDecl->nChild; k++){
      if( pDecl->aChild[k] && pDecl->aChild[k]->eKind==KQL_AST_TYPE ) pType = pDecl->aChild[k];
    }
    int eType = pType ? kqlTypeFromName(pType->z, pType->n) : -1;
    if( eType<0 ){
      kqlBindErr(p, pType ? pType : pDecl, "KQL111", "unknown type '%s'", pType ? pType->z : "?");
      eType = KQL_T_STRING;
    }
    aCol[i].zName = pDecl->z;
    aCol[i].eType = eType;
  }
  const char *zUrl = pAst->nChild>1 ? constString(p, pAst->aChild[1]) : 0;
  if( zUrl==0 ){
    kqlBindErr(p, pAst, "KQL180", "externaldata needs a constant URL string");
    return relError(p);
  }
  if( pAst->nChild>2 ){
    kqlBindNotSupported(p, pAst->aChild[2], "externaldata with several URLs");
    return relError(p);
  }
  const KqlAst *pFmt = kqlAstOpt(pAst, "format");
  const char *zFmt = pFmt && pFmt->nChild ? constString(p, pFmt->aChild[0]) : 0;
  if( zFmt==0 && pFmt && pFmt->nChild && pFmt->aChild[0]->eKind==KQL_AST_IDENT ) zFmt = pFmt->aChild[0]->z;
  KqlTableRef ref;
  memset(&ref, 0, sizeof(ref));
  const char *zErr = 0;
  int rc = p->pEnv->xExternal ? p->pEnv->xExternal(p->pEnv->pArg, zUrl, nCol, aCol, zFmt, &ref, &zErr)
                              : KQL_TABLE_UNKNOWN;
  if( rc==KQL_TABLE_UNKNOWN ){
    kqlBindErr(p, pAst, "KQL390", "not available offline: externaldata '%s' — map it with --externaldata URL=PATH "
               "(or --externaldata-dir DIR)", zUrl);
    p->pEnv->eOffline = 1;
    return relError(p);
  }
  if( rc!=KQL_TABLE_OK ){
    kqlBindErr(p, pAst, "KQL102", "%s", zErr ? zErr : "cannot load externaldata");
    p->pEnv->eIoErr = 1;
    return relError(p);
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<nCol; i++){
    if( i ) kqlStrAppend(&s, ", ", 2);
    kqlStrIdent(&s, aCol[i].zName, -1);
  }
  if( nCol==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrAppend(&s, " FROM ", -1);
  kqlStrIdent(&s, ref.zSqlName, -1);
  return kqlBindRelNew(p, kqlStrText(&s), nCol, aCol);
}

/* _GetWatchlist('alias'): a Sentinel watchlist, read from a local CSV file. */
static KqlRel *bindWatchlist(Binder *p, const KqlAst *pAst){
  const char *zAlias = pAst->nChild==1 ? constString(p, pAst->aChild[0]) : 0;
  if( zAlias==0 ){
    kqlBindErr(p, pAst, "KQL131", "_GetWatchlist takes one constant string: the watchlist alias");
    return relError(p);
  }
  KqlTableRef ref;
  memset(&ref, 0, sizeof(ref));
  const char *zErr = 0;
  int rc = p->pEnv->xWatchlist(p->pEnv->pArg, zAlias, &ref, &zErr);
  if( rc==KQL_TABLE_UNKNOWN ){
    kqlBindErr(p, pAst, "KQL391", "not available offline: watchlist '%s' — map it with "
               "--watchlist %s=PATH (or --watchlist-dir DIR holding %s.csv)", zAlias, zAlias, zAlias);
    p->pEnv->eOffline = 1;
    return relError(p);
  }
  if( rc!=KQL_TABLE_OK ){
    kqlBindErr(p, pAst, "KQL102", "%s", zErr ? zErr : "cannot load the watchlist");
    p->pEnv->eIoErr = 1;
    return relError(p);
  }
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(ref.nCol+1));
  memcpy(aCol, ref.aCol, sizeof(KqlCol)*(size_t)ref.nCol);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT * FROM ", -1);
  kqlStrIdent(&s, ref.zSqlName, -1);
  return kqlBindRelNew(p, kqlStrText(&s), ref.nCol, aCol);
}

/* Does table name z match the wildcard pattern zPat ('*' matches any run)? */
static int tableMatch(const char *zPat, const char *z){
  while( *zPat ){
    if( *zPat=='*' ){
      zPat++;
      if( *zPat==0 ) return 1;
      for(; *z; z++) if( tableMatch(zPat, z) ) return 1;
      return 0;
    }
    if( *zPat!=*z ) return 0;
    zPat++;
    z++;
  }
  return *z==0;
}

/*
** A union's legs with table wildcards (T*, *) expanded into the matching
** table names, in name order. Returns a copy of pOp with the new children.
*/
KqlAst *kqlBindExpandWildcards(Binder *p, const KqlAst *pOp){
  int bWild = 0;
  for(int i=0; i<pOp->nChild; i++){
    if( pOp->aChild[i] && pOp->aChild[i]->eKind==KQL_AST_WILDCARD ) bWild = 1;
  }
  if( !bWild ) return (KqlAst*)pOp;
  const char **azName = 0;
  int nName = p->pEnv->xListTables ? p->pEnv->xListTables(p->pEnv->pArg, &azName) : 0;
  KqlAst *pNew = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
  *pNew = *pOp;
  pNew->nChild = 0;
  pNew->nAlloc = 0;
  pNew->aChild = 0;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pC = pOp->aChild[i];
    if( pC==0 || pC->eKind!=KQL_AST_WILDCARD ){
      kqlAstAppend(p->pArena, pNew, (KqlAst*)pC);
      continue;
    }
    int nHit = 0;
    for(int k=0; k<nName; k++){
      if( !tableMatch(pC->z, azName[k]) ) continue;
      KqlAst *pId = kqlAstNewText(p->pArena, KQL_AST_IDENT, pC->iOfst, pC->nLen, azName[k], -1);
      kqlAstAppend(p->pArena, pNew, pId);
      nHit++;
    }
    /* views declared with let (let V = view () {...}) take part too, in
    ** name order */
    int nView = 0;
    for(KqlScope *s = p->pScope; s; s = s->pNext) nView++;
    const char **azView = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nView+1));
    nView = 0;
    for(KqlScope *s = p->pScope; s; s = s->pNext){
      if( s->eKind!=KQL_SCOPE_LAMBDA || s->pAst==0 || s->pAst->z==0 || strcmp(s->pAst->z, "view")!=0 ) continue;
      if( s->zName==0 || !tableMatch(pC->z, s->zName) ) continue;
      int bShadowed = 0;
      for(KqlScope *t = p->pScope; t!=s && !bShadowed; t = t->pNext){
        bShadowed = t->zName && strcmp(t->zName, s->zName)==0;
      }
      if( bShadowed ) continue;
      int j = nView++;
      while( j>0 && strcmp(azView[j-1], s->zName)>0 ){ azView[j] = azView[j-1]; j--; }
      azView[j] = s->zName;
    }
    for(int k=0; k<nView; k++){
      KqlAst *pId = kqlAstNewText(p->pArena, KQL_AST_IDENT, pC->iOfst, pC->nLen, azView[k], -1);
      kqlAstAppend(p->pArena, pNew, pId);
      nHit++;
    }
    if( nHit==0 && !kqlAstOpt(pOp, "isfuzzy") ){
      kqlBindErr(p, pC, "KQL101", "no table matches '%s'", pC->z);
    }else if( nHit==0 ){
      kqlDiagAdd(p->pDiags, KQL_SEV_WARNING, "KQL101", pC->iOfst, pC->nLen, "Failed to resolve entity '%s'", pC->z);
    }
  }
  pNew->iOfst = pOp->iOfst;
  pNew->nLen = pOp->nLen;
  return pNew;
}

/*
** Bind any tabular expression to a relation. Never returns NULL: on error a
** diagnostic is added and an empty relation returned.
*/
KqlRel *kqlBindTabular(Binder *p, const KqlAst *pAst){
  if( pAst==0 ) return relError(p);
  if( ++p->nDepth > KQL_BIND_MAX_DEPTH ){
    p->nDepth--;
    kqlBindErr(p, pAst, "KQL191", "query nested too deeply");
    return relError(p);
  }
  KqlRel *r = 0;
  switch( pAst->eKind ){
    case KQL_AST_PIPE: {
      const KqlAst *pSavePipe = p->pStepPipe;
      int iSaveStep = p->iStep;
      p->pStepPipe = pAst;
      p->iStep = 0;
      r = kqlBindTabular(p, pAst->aChild[0]);
      for(int i=1; i<pAst->nChild && !r->bError; i++){
        if( pAst->aChild[i]==0 ) continue;
        p->pStepPipe = pAst;
        p->iStep = i;
        r = kqlBindOperator(p, r, pAst->aChild[i]);
      }
      p->pStepPipe = pSavePipe;
      p->iStep = iSaveStep;
      break;
    }
    case KQL_AST_IDENT:     r = bindTableName(p, pAst); break;
    case KQL_AST_DATATABLE: r = bindDatatable(p, pAst); break;
    case KQL_AST_PRINT:     r = bindPrint(p, pAst); break;
    case KQL_AST_RANGE:     r = bindRange(p, pAst); break;
    case KQL_AST_PAREN:     r = kqlBindTabular(p, pAst->aChild[0]); break;
    case KQL_AST_UNION:     r = kqlBindUnion(p, 0, 0, kqlBindExpandWildcards(p, pAst)); break;
    case KQL_AST_EXTERNALDATA: r = bindExternaldata(p, pAst); break;
    case KQL_AST_CALL: {
      KqlScope *s = pAst->z ? kqlBindLookup(p, pAst->z) : 0;
      if( s && s->eKind==KQL_SCOPE_PATTERN ){
        r = kqlBindPatternRef(p, pAst);
      }else if( s && s->eKind==KQL_SCOPE_LAMBDA ){
        r = bindLambdaTabular(p, pAst, s);
      }else if( pAst->z && strcmp(pAst->z, "materialize")==0 && pAst->nChild==1 ){
        r = kqlBindTabular(p, pAst->aChild[0]);
      }else if( pAst->z && strcmp(pAst->z, "table")==0 && pAst->nChild>=1
                && constString(p, pAst->aChild[0]) ){
        KqlAst tmp = *pAst->aChild[0];
        tmp.eKind = KQL_AST_IDENT;
        tmp.z = constString(p, pAst->aChild[0]);
        r = bindTableName(p, &tmp);
      }else if( pAst->z && strcmp(pAst->z, "_GetWatchlist")==0 && p->pEnv->xWatchlist ){
        r = bindWatchlist(p, pAst);
      }else{
        kqlBindNotSupported(p, pAst, pAst->z ? pAst->z : "call");
        r = relError(p);
      }
      break;
    }
    default:
      r = kqlBindIsPatternRef(p, pAst) ? kqlBindPatternRef(p, pAst) : kqlBindExtSource(p, pAst);
      break;
  }
  p->nDepth--;
  return r;
}

/* --------------------------------------------------------------- lambdas */

/*
** The argument for parameter i of a user function at call pCall: the
** name=value one that names it, else the positional argument whose rank
** among the positional ones is the parameter's rank among the parameters no
** argument names (f(len=3, s0) gives s0 to the 2nd parameter), else the
** parameter's default (NULL when none). A name=value argument that names no
** parameter is reported (once, for i==0).
*/
static int lambdaParamNamed(const KqlAst *pCall, const char *zPar){
  for(int k=0; k<pCall->nChild; k++){
    const KqlAst *a = pCall->aChild[k];
    if( a->eKind==KQL_AST_NAMEDARG && a->z && zPar && strcmp(a->z, zPar)==0 ) return 1;
  }
  return 0;
}

const KqlAst *kqlBindLambdaArg(Binder *p, const KqlAst *pCall, const KqlAst *pParams, int i){
  const KqlAst *pPar = pParams->aChild[i];
  const KqlAst *pFound = 0;
  int iPos = 0, iRank = 0;
  for(int j=0; j<i; j++) if( !lambdaParamNamed(pCall, pParams->aChild[j]->z) ) iRank++;
  if( lambdaParamNamed(pCall, pPar->z) ) iRank = -1;
  for(int k=0; k<pCall->nChild; k++){
    const KqlAst *a = pCall->aChild[k];
    if( a->eKind==KQL_AST_NAMEDARG ){
      int bKnown = 0;
      for(int j=0; j<pParams->nChild; j++){
        const char *zP = pParams->aChild[j]->z;
        if( a->z && zP && strcmp(a->z, zP)==0 ) bKnown = 1;
      }
      if( !bKnown && i==0 ) kqlBindErr(p, a, "KQL130", "function has no parameter '%s'", a->z ? a->z : "");
      if( pFound==0 && a->z && pPar->z && strcmp(a->z, pPar->z)==0 ) pFound = a->nChild ? a->aChild[0] : 0;
    }else if( iPos++==iRank && pFound==0 ){
      pFound = a;
    }
  }
  if( pFound ) return pFound;
  return pPar->nChild>1 ? pPar->aChild[1] : 0;
}

static KqlRel *bindLambdaTabular(Binder *p, const KqlAst *pCall, KqlScope *pFn){
  const KqlAst *pLam = pFn->pAst;
  const KqlAst *pParams = pLam->nChild>0 ? pLam->aChild[0] : 0;
  const KqlAst *pBody = pLam->nChild>1 ? pLam->aChild[1] : 0;
  int nParam = pParams ? pParams->nChild : 0;
  if( pCall->nChild > nParam ){
    kqlBindErr(p, pCall, "KQL130", "function '%s' takes %d argument%s, not %d", pFn->zName,
               nParam, nParam==1 ? "" : "s", pCall->nChild);
    return relError(p);
  }
  /* arguments are bound in the caller's scope */
  KqlScope *pNew = pFn->pDefScope;
  for(int i=0; i<nParam; i++){
    const KqlAst *pPar = pParams->aChild[i];
    const KqlAst *pArg = kqlBindLambdaArg(p, pCall, pParams, i);
    if( pArg==0 ){
      kqlBindErr(p, pCall, "KQL130", "function '%s': missing argument '%s'", pFn->zName, pPar->z);
      return relError(p);
    }
    KqlScope *s = kqlArenaAlloc(p->pArena, sizeof(*s));
    s->zName = pPar->z;
    if( kqlBindIsTabular(p, pArg) || (pPar->nChild>0 && pPar->aChild[0]
                                      && pPar->aChild[0]->eKind==KQL_AST_SCHEMA) ){
      s->eKind = KQL_SCOPE_REL;
      s->pRel = kqlBindTabular(p, pArg);
    }else{
      s->eKind = KQL_SCOPE_SCALAR;
      s->pExpr = kqlBindExpr(p, pArg);
      const KqlAst *pType = pPar->nChild>0 ? pPar->aChild[0] : 0;
      if( pType && pType->eKind==KQL_AST_TYPE ){
        int eT = kqlTypeFromName(pType->z, pType->n);
        if( eT>0 && eT!=s->pExpr->eType ){
          KqlExpr *e2 = kqlExprNew(p, pArg, eT, kqlExprAs(p, s->pExpr, eT));
          e2->bConst = s->pExpr->bConst;
          s->pExpr = e2;
        }
      }
    }
    s->pNext = pNew;
    pNew = s;
  }
  KqlScope *pSave = p->pScope;
  KqlRowCtx *pRowSave = p->pRow;
  p->pScope = pNew;
  p->pRow = 0;
  KqlRel *r = 0;
  if( pBody && pBody->eKind==KQL_AST_BLOCK ){
    for(int i=0; i<pBody->nChild; i++){
      const KqlAst *pSt = pBody->aChild[i];
      if( pSt->eKind==KQL_AST_LET ){
        kqlBindLet(p, pSt);
      }else{
        r = kqlBindTabular(p, pSt);
      }
    }
  }else if( pBody ){
    r = kqlBindTabular(p, pBody);
  }
  p->pScope = pSave;
  p->pRow = pRowSave;
  if( r==0 ){
    kqlBindErr(p, pCall, "KQL131", "function '%s' returns no table", pFn->zName);
    r = relError(p);
  }
  return r;
}

/* ---------------------------------------------------------------- statements */

/*
** In a batch (q1; q2; ...) a let of materialize() is one value for every
** statement (Kusto caches it for the query): its rows are computed once,
** while binding, into a temp table that the statements read. In a single
** statement, or when checking without data, the MATERIALIZED CTE does.
*/
typedef struct EnvWrap EnvWrap;
static KqlBindEnv *origEnv(Binder *p);
static KqlRel *materializeBatch(Binder *p, const KqlAst *pLet, KqlRel *r){
  KqlBindEnv *pOrig = origEnv(p);
  const char *zOut = 0, *zErr = 0;
  if( r->bError || pOrig==0 || pOrig->xQuery==0 || r->pGraph ) return r;
  const char *zName = kqlArenaPrintf(p->pArena, "kql_mat_%d", p->nMat + 1);
  const char *zSql = kqlArenaPrintf(p->pArena, "CREATE TEMP TABLE \"%s\" AS %s%s", zName, kqlBindWith(p), r->zSql);
  if( pOrig->xQuery(pOrig->pArg, zSql, p->aParam, p->nParam, &zOut, &zErr) ){
    kqlBindErr(p, pLet, "KQL300", "%s", zErr ? zErr : "materialize() failed");
    return relError(p);
  }
  const char **azNew = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(p->nMat + 1));
  if( p->nMat ) memcpy(azNew, p->azMat, sizeof(char*)*(size_t)p->nMat);
  azNew[p->nMat++] = zName;
  p->azMat = azNew;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, r, 0);
  kqlStrPrintf(&s, " FROM temp.\"%s\"", zName);
  KqlRel *pNew = kqlBindRelNew(p, kqlStrText(&s), r->nCol, r->aCol);
  pNew->bOrdered = r->bOrdered;
  return pNew;
}

void kqlBindLet(Binder *p, const KqlAst *pLet){
  const KqlAst *pVal = pLet->nChild ? pLet->aChild[0] : 0;
  if( pVal==0 ){
    kqlBindErr(p, pLet, "KQL105", "let '%s' has no value", pLet->z);
    return;
  }
  if( pVal->eKind==KQL_AST_LAMBDA ){
    KqlScope *s = scopePush(p, pLet->z, KQL_SCOPE_LAMBDA);
    s->pAst = pVal;
    /* a function may call itself only through names defined before it */
    s->pDefScope = s->pNext;
    return;
  }
  if( kqlBindIsTabular(p, pVal) ){
    int bMat = pVal->eKind==KQL_AST_CALL && pVal->z && strcmp(pVal->z, "materialize")==0;
    if( bMat ){
      KqlScope *s = scopePush(p, pLet->z, KQL_SCOPE_REL);
      s->pRel = kqlBindTabular(p, pVal);
      if( p->bTopLet && p->nResultStmt>1 ) s->pRel = materializeBatch(p, pLet, s->pRel);
    }else{
      KqlScope *s = scopePush(p, pLet->z, KQL_SCOPE_TABULAR);
      s->pAst = pVal;
      s->pDefScope = s->pNext;
    }
    return;
  }
  KqlExpr *e = kqlBindExpr(p, pVal);
  KqlScope *s = scopePush(p, pLet->z, KQL_SCOPE_SCALAR);
  s->pExpr = e;
}

/*
** The binder talks to the environment through a wrapper so that queries
** run during binding (xQuery) see the CTEs the statement has so far.
*/
struct EnvWrap {
  KqlBindEnv *pOrig;    /* the caller's environment */
  Binder *pB;           /* whose CTEs prefix xQuery's SQL */
};

/* The caller's environment behind the wrapper (NULL outside kqlBindQuery). */
static KqlBindEnv *origEnv(Binder *p){
  return p->pEnv && p->pEnv->pArg && p->bTopLet ? ((EnvWrap*)p->pEnv->pArg)->pOrig : 0;
}

static int wrapTable(void *pArg, const char *zName, KqlTableRef *pOut, const char **pzErr){
  EnvWrap *w = pArg;
  return w->pOrig->xTable(w->pOrig->pArg, zName, pOut, pzErr);
}

static int wrapQuery(void *pArg, const char *zSql, const KqlParam *aParam, int nParam,
                     const char **pzOut, const char **pzErr){
  EnvWrap *w = pArg;
  const char *z = kqlArenaPrintf(w->pB->pArena, "%s%s", kqlBindWith(w->pB), zSql);
  return w->pOrig->xQuery(w->pOrig->pArg, z, aParam, nParam, pzOut, pzErr);
}

static int wrapExternal(void *pArg, const char *zUrl, int nCol, const KqlCol *aCol,
                        const char *zFormat, KqlTableRef *pOut, const char **pzErr){
  EnvWrap *w = pArg;
  return w->pOrig->xExternal(w->pOrig->pArg, zUrl, nCol, aCol, zFormat, pOut, pzErr);
}

static int wrapListTables(void *pArg, const char ***pazName){
  EnvWrap *w = pArg;
  return w->pOrig->xListTables(w->pOrig->pArg, pazName);
}

static int wrapWatchlist(void *pArg, const char *zAlias, KqlTableRef *pOut, const char **pzErr){
  EnvWrap *w = pArg;
  return w->pOrig->xWatchlist(w->pOrig->pArg, zAlias, pOut, pzErr);
}

KqlProgram *kqlBindQuery(KqlArena *pArena, const KqlAst *pQuery, KqlBindEnv *pEnvOrig,
                         KqlDiagList *pDiags){
  Binder b;
  memset(&b, 0, sizeof(b));
  EnvWrap wrap = { pEnvOrig, &b };
  KqlBindEnv envW = *pEnvOrig;
  KqlBindEnv *pEnv = &envW;
  envW.pArg = &wrap;
  envW.xTable = pEnvOrig->xTable ? wrapTable : 0;
  envW.xQuery = pEnvOrig->xQuery ? wrapQuery : 0;
  envW.xExternal = pEnvOrig->xExternal ? wrapExternal : 0;
  envW.xListTables = pEnvOrig->xListTables ? wrapListTables : 0;
  envW.xWatchlist = pEnvOrig->xWatchlist ? wrapWatchlist : 0;
  b.pArena = pArena;
  b.pEnv = pEnv;
  b.pDiags = pDiags;
  kqlBindCaseNames(&b, pQuery);
  KqlProgram *pProg = kqlArenaAlloc(pArena, sizeof(*pProg));
  int nStmt = pQuery ? pQuery->nChild : 0;
  for(int i=0; i<nStmt; i++){
    const KqlAst *pSt = pQuery->aChild[i];
    if( pSt && pSt->eKind!=KQL_AST_LET && pSt->eKind!=KQL_AST_SET && pSt->eKind!=KQL_AST_DECLARE
        && pSt->eKind!=KQL_AST_PATTERN && pSt->eKind!=KQL_AST_ALIAS && pSt->eKind!=KQL_AST_RESTRICT ){
      b.nResultStmt++;
    }
  }
  pProg->aStmt = kqlArenaAlloc(pArena, sizeof(KqlBoundStmt)*(size_t)(nStmt+1));
  for(int i=0; i<nStmt; i++){
    const KqlAst *pSt = pQuery->aChild[i];
    if( pSt==0 ) continue;
    int nErrBefore = pDiags->nErr;
    switch( pSt->eKind ){
      case KQL_AST_LET:
        b.bTopLet = 1;
        kqlBindLet(&b, pSt);
        b.bTopLet = 0;
        break;
      case KQL_AST_SET:
        /* query options (set x=y) do not change results here, except the
        ** two that bin_auto() reads */
        if( pSt->z && pSt->nChild>0 && strcmp(pSt->z, "query_bin_auto_size")==0 ) b.pBinAutoSize = pSt->aChild[0];
        if( pSt->z && pSt->nChild>0 && strcmp(pSt->z, "query_bin_auto_at")==0 ) b.pBinAutoAt = pSt->aChild[0];
        break;
      case KQL_AST_DECLARE:
        /* declare query_parameters(n:T = v, ...): no request supplies values
        ** here, so each parameter is its default (of type T), as with let */
        for(int k=0; k<pSt->nChild; k++){
          const KqlAst *pPar = pSt->aChild[k];
          const KqlAst *pType = pPar && pPar->nChild>0 ? pPar->aChild[0] : 0;
          const KqlAst *pDef = pPar && pPar->nChild>1 ? pPar->aChild[1] : 0;
          if( pDef==0 || pType==0 || pType->eKind!=KQL_AST_TYPE ){
            kqlBindNotSupported(&b, pPar ? pPar : pSt, "query parameter without a default value");
            continue;
          }
          KqlExpr *e = kqlBindExpr(&b, pDef);
          int eT = kqlTypeFromName(pType->z, pType->n);
          if( eT>0 && eT!=e->eType && !e->bError ){
            KqlExpr *e2 = kqlExprNew(&b, pDef, eT, kqlExprAs(&b, e, eT));
            e2->bConst = e->bConst;
            e = e2;
          }
          KqlScope *s = scopePush(&b, pPar->z, KQL_SCOPE_SCALAR);
          s->pExpr = e;
        }
        break;
      case KQL_AST_PATTERN: {
        KqlScope *s = scopePush(&b, pSt->z, KQL_SCOPE_PATTERN);
        s->pAst = pSt;
        break;
      }
      case KQL_AST_ALIAS: case KQL_AST_RESTRICT:
        kqlBindNotSupported(&b, pSt, kqlAstKindName(pSt->eKind));
        break;
      default: {
        if( !kqlBindIsTabular(&b, pSt) ){
          kqlBindErr(&b, pSt, "KQL106", "a query statement must be a tabular expression");
          break;
        }
        if( kqlBindForkOp(pSt) ){
          /* fork / facet: one result statement per table (bind_fork.c) */
          KqlRel **ap = 0;
          int nr = kqlBindFork(&b, pSt, &ap);
          if( pDiags->nErr==nErrBefore && nr>0 ){
            KqlBoundStmt *aNew = kqlArenaAlloc(pArena, sizeof(KqlBoundStmt)*(size_t)(pProg->nStmt + nr + nStmt - i + 1));
            if( pProg->nStmt ) memcpy(aNew, pProg->aStmt, sizeof(KqlBoundStmt)*(size_t)pProg->nStmt);
            pProg->aStmt = aNew;
            for(int k=0; k<nr; k++){
              KqlBoundStmt *ps = &pProg->aStmt[pProg->nStmt++];
              ps->pAst = pSt;
              ps->zSql = kqlArenaPrintf(pArena, "%s%s", kqlBindWith(&b), ap[k]->zSql);
              ps->nCol = ap[k]->nCol;
              ps->aCol = ap[k]->aCol;
            }
          }
          break;
        }
        KqlRel *r = kqlBindTabular(&b, pSt);
        if( r->pGraph ) kqlBindErr(&b, pSt, "KQL106", "a query statement must be a tabular expression, not a graph");
        /* T | consume: the query runs for its side effects, no result table */
        int bConsume = pSt->eKind==KQL_AST_PIPE && pSt->nChild>1 && pSt->aChild[pSt->nChild-1]
                       && pSt->aChild[pSt->nChild-1]->eKind==KQL_AST_OP_CONSUME;
        if( pDiags->nErr==nErrBefore && !bConsume ){
          KqlBoundStmt *ps = &pProg->aStmt[pProg->nStmt++];
          ps->pAst = pSt;
          ps->zSql = kqlArenaPrintf(pArena, "%s%s", kqlBindWith(&b), r->zSql);
          ps->nCol = r->nCol;
          ps->aCol = r->aCol;
        }
        break;
      }
    }
  }
  pProg->nParam = b.nParam;
  pProg->aParam = b.aParam;
  pProg->nMat = b.nMat;
  pProg->azMat = b.azMat;
  pEnvOrig->eIoErr = envW.eIoErr;
  pEnvOrig->eOffline = envW.eOffline;
  return pProg;
}
