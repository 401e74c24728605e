/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Binding function calls: user functions (let lambdas), the special forms
** compiled directly to SQL (iff, case, coalesce, isnull/isempty, not, now,
** ago, count/countif, toscalar) and the generic path through the built-in
** catalogue: arity and argument checks, implicit conversions, type tags,
** and the result type rule.
*/
#include "bindInt.h"
#include <stdlib.h>
#include <string.h>

KqlExpr *kqlBindCall(Binder *p, const KqlAst *pAst);

static KqlExpr *exprFrom(Binder *p, const KqlAst *pAst, int eType, const char *zSql,
                         KqlExpr **aArg, int nArg){
  KqlExpr *e = kqlExprNew(p, pAst, eType, zSql);
  e->bConst = 1;
  for(int i=0; i<nArg; i++){
    if( aArg[i]->bError ) e->bError = 1;
    if( !aArg[i]->bConst ) e->bConst = 0;
    if( aArg[i]->bAgg ) e->bAgg = 1;
  }
  if( e->bError ){ e->zSql = "NULL"; e->eType = KQL_T_UNKNOWN; }
  return e;
}

/* The common type of two branches (iff, case, coalesce). */
static int commonType(int a, int b){
  if( a==KQL_T_UNKNOWN ) return b;
  if( b==KQL_T_UNKNOWN ) return a;
  if( a==b ) return a;
  /* Kusto: a dynamic branch takes the other branch's type */
  if( a==KQL_T_DYNAMIC ) return b;
  if( b==KQL_T_DYNAMIC ) return a;
  if( kqlTypeIsNumeric(a) && kqlTypeIsNumeric(b) ){
    if( a==KQL_T_REAL || b==KQL_T_REAL ) return KQL_T_REAL;
    if( a==KQL_T_DECIMAL || b==KQL_T_DECIMAL ) return KQL_T_DECIMAL;
    return KQL_T_LONG;
  }
  return -1;
}

static KqlExpr *arityError(Binder *p, const KqlAst *pAst, const KqlBuiltin *pFn, int nArg){
  if( pFn->nMax<0 ){
    kqlBindErr(p, pAst, "KQL131", "function '%s' expects at least %d argument%s, got %d", pFn->zName,
               pFn->nMin, pFn->nMin==1 ? "" : "s", nArg);
  }else if( pFn->nMin==pFn->nMax ){
    kqlBindErr(p, pAst, "KQL131", "function '%s' expects %d argument%s, got %d", pFn->zName,
               pFn->nMin, pFn->nMin==1 ? "" : "s", nArg);
  }else{
    kqlBindErr(p, pAst, "KQL131", "function '%s' expects %d to %d arguments, got %d", pFn->zName,
               pFn->nMin, pFn->nMax, nArg);
  }
  return kqlExprError(p, pAst);
}

/* Bind all arguments of a call (STAR stays NULL in the array). */
static KqlExpr **bindArgs(Binder *p, const KqlAst *pAst){
  KqlExpr **a = kqlArenaAlloc(p->pArena, sizeof(KqlExpr*)*(size_t)(pAst->nChild+1));
  for(int i=0; i<pAst->nChild; i++){
    const KqlAst *pArg = pAst->aChild[i];
    if( pArg->eKind==KQL_AST_STAR ){
      a[i] = kqlExprNew(p, pArg, KQL_T_UNKNOWN, "NULL");
      a[i]->bConst = 1;
      continue;
    }
    if( pArg->eKind==KQL_AST_NAMEDARG ) pArg = pArg->aChild[0];
    if( pArg->eKind==KQL_AST_TYPE && pAst->z
        && ((i==3 && strcmp(pAst->z, "extract")==0) || (i==2 && strcmp(pAst->z, "percentile_tdigest")==0)) ){
      /* extract(re, group, text, typeof(T)), percentile_tdigest(td, p, typeof(T)):
      ** the type name goes to the SQL function */
      a[i] = kqlExprNew(p, pArg, KQL_T_STRING, kqlBindParamText(p, pArg->z, pArg->n));
      a[i]->bConst = 1;
      continue;
    }
    a[i] = kqlBindExpr(p, pArg);
  }
  return a;
}

/* Check one argument against its type letter; returns its SQL text. */
static const char *argAs(Binder *p, const KqlBuiltin *pFn, int iArg, KqlExpr *e, int *pbBad){
  const char *z = pFn->zArgs ? pFn->zArgs : "";
  int n = (int)strlen(z);
  char c = n==0 ? '*' : (iArg<n ? z[iArg] : z[n-1]);
  int t = e->eType;
  if( e->bError || t==KQL_T_UNKNOWN ) return e->zSql;
  switch( c ){
    case 's': case 'q':
      if( t==KQL_T_STRING ) return e->zSql;
      if( t==KQL_T_DYNAMIC || t==KQL_T_GUID ) return kqlExprAs(p, e, KQL_T_STRING);
      break;
    case 'l':
      if( t==KQL_T_INT || t==KQL_T_LONG ) return e->zSql;
      if( t==KQL_T_DYNAMIC ) return kqlExprAs(p, e, KQL_T_LONG);
      if( t==KQL_T_REAL || t==KQL_T_DECIMAL ) return kqlArenaPrintf(p->pArena, "CAST(%s AS INTEGER)", e->zSql);
      break;
    case 'r': case 'n':
      if( kqlTypeIsNumeric(t) ) return e->zSql;
      if( t==KQL_T_DYNAMIC ) return kqlExprAs(p, e, KQL_T_REAL);
      if( c=='n' && t==KQL_T_BOOL ) return e->zSql;
      if( c=='n' && (t==KQL_T_TIMESPAN || t==KQL_T_DATETIME) ) return e->zSql;
      break;
    case 'd':
      if( t==KQL_T_DATETIME ) return e->zSql;
      if( t==KQL_T_DYNAMIC || t==KQL_T_STRING ) return kqlExprAs(p, e, KQL_T_DATETIME);
      break;
    case 't':
      if( t==KQL_T_TIMESPAN ) return e->zSql;
      if( t==KQL_T_DYNAMIC || t==KQL_T_STRING ) return kqlExprAs(p, e, KQL_T_TIMESPAN);
      break;
    case 'b':
      if( t==KQL_T_BOOL ) return e->zSql;
      if( t==KQL_T_DYNAMIC ) return kqlExprAs(p, e, KQL_T_BOOL);
      break;
    case 'y':
      if( t==KQL_T_DYNAMIC ) return e->zSql;
      return kqlExprAs(p, e, KQL_T_DYNAMIC);
    case 'g':
      if( t==KQL_T_GUID || t==KQL_T_STRING ) return e->zSql;
      break;
    default:
      return e->zSql;
  }
  *pbBad = 1;
  kqlBindErr(p, e->pAst, "KQL132", "argument %d of '%s' must be %s, not %s", iArg+1, pFn->zName,
             c=='s'||c=='q' ? "a string" : c=='l' ? "an integer" : c=='r'||c=='n' ? "a number" :
             c=='d' ? "a datetime" : c=='t' ? "a timespan" : c=='b' ? "a bool" :
             c=='g' ? "a guid" : "of another type", kqlTypeName(t));
  return "NULL";
}

static int retType(const KqlBuiltin *pFn, KqlExpr **a, int nArg){
  int r = pFn->eRet;
  if( r<KQL_RET_BASE ) return r;
  switch( r ){
    case KQL_RET_ARG0: return nArg>0 ? a[0]->eType : KQL_T_UNKNOWN;
    case KQL_RET_ARG1: return nArg>1 ? a[1]->eType : KQL_T_UNKNOWN;
    case KQL_RET_ARG0_TS: {
      if( nArg==0 ) return KQL_T_UNKNOWN;
      int t = a[0]->eType==KQL_T_INT ? KQL_T_LONG : a[0]->eType;
      if( t==KQL_T_LONG ){
        for(int i=1; i<nArg; i++) if( a[i]->eType==KQL_T_REAL ) t = KQL_T_REAL;
      }
      return t;
    }
    case KQL_RET_NUM: {
      if( nArg>0 && !kqlTypeIsNumeric(a[0]->eType) && a[0]->eType!=KQL_T_UNKNOWN ) return a[0]->eType;
      int t = KQL_T_LONG, bAllInt = nArg>0;
      for(int i=0; i<nArg; i++){
        if( a[i]->eType!=KQL_T_INT ) bAllInt = 0;
        if( a[i]->eType==KQL_T_REAL ) t = KQL_T_REAL;
        else if( a[i]->eType==KQL_T_DECIMAL && t!=KQL_T_REAL ) t = KQL_T_DECIMAL;
      }
      return bAllInt ? KQL_T_INT : t;   /* max_of(int, int) is int (oracle) */
    }
    case KQL_RET_SUM: {
      int t = nArg>0 ? a[0]->eType : KQL_T_LONG;
      if( t==KQL_T_INT || t==KQL_T_BOOL ) return KQL_T_LONG;
      if( t==KQL_T_DYNAMIC ) return KQL_T_REAL;
      return t;
    }
  }
  return KQL_T_UNKNOWN;
}

/* Call of a let-bound scalar function: parameters become scalar let names. */
static KqlExpr *bindLambdaScalar(Binder *p, const KqlAst *pCall, KqlScope *pFn){
  const KqlAst *pLam = pFn->pAst;
  const KqlAst *pParams = pLam->nChild>0 ? pLam->aChild[0] : 0;
  const KqlAst *pBody = pLam->nChild>1 ? pLam->aChild[1] : 0;
  int nParam = pParams ? pParams->nChild : 0;
  if( pCall->nChild>nParam ){
    kqlBindErr(p, pCall, "KQL130", "function '%s' takes %d argument%s, not %d", pFn->zName,
               nParam, nParam==1 ? "" : "s", pCall->nChild);
    return kqlExprError(p, pCall);
  }
  KqlScope *pNew = pFn->pDefScope;
  for(int i=0; i<nParam; i++){
    const KqlAst *pPar = pParams->aChild[i];
    const KqlAst *pArg = kqlBindLambdaArg(p, pCall, pParams, i);
    if( pArg==0 ){
      kqlBindErr(p, pCall, "KQL130", "function '%s': missing argument '%s'", pFn->zName, pPar->z);
      return kqlExprError(p, pCall);
    }
    KqlScope *s = kqlArenaAlloc(p->pArena, sizeof(*s));
    s->zName = pPar->z;
    if( kqlBindIsTabular(p, pArg) ){
      s->eKind = KQL_SCOPE_REL;
      KqlRowCtx *pSave = p->pRow;
      p->pRow = 0;
      s->pRel = kqlBindTabular(p, pArg);
      p->pRow = pSave;
    }else{
      s->eKind = KQL_SCOPE_SCALAR;
      s->pExpr = kqlBindExpr(p, pArg);
      const KqlAst *pType = pPar->nChild>0 ? pPar->aChild[0] : 0;
      if( pType && pType->eKind==KQL_AST_TYPE ){
        int eT = kqlTypeFromName(pType->z, pType->n);
        if( eT>0 && eT!=s->pExpr->eType && !s->pExpr->bError ){
          KqlExpr *e2 = kqlExprNew(p, pArg, eT, kqlExprAs(p, s->pExpr, eT));
          e2->bConst = s->pExpr->bConst;
          e2->bAgg = s->pExpr->bAgg;
          s->pExpr = e2;
        }
      }
    }
    s->pNext = pNew;
    pNew = s;
  }
  KqlScope *pSave = p->pScope;
  p->pScope = pNew;
  KqlExpr *e = 0;
  if( pBody && pBody->eKind==KQL_AST_BLOCK ){
    for(int i=0; i<pBody->nChild; i++){
      const KqlAst *pSt = pBody->aChild[i];
      if( pSt->eKind==KQL_AST_LET ) kqlBindLet(p, pSt);
      else e = kqlBindExpr(p, pSt);
    }
  }else if( pBody ){
    e = kqlBindExpr(p, pBody);
  }
  p->pScope = pSave;
  if( e==0 ){
    kqlBindErr(p, pCall, "KQL131", "function '%s' has no result", pFn->zName);
    return kqlExprError(p, pCall);
  }
  KqlExpr *r = kqlArenaAlloc(p->pArena, sizeof(*r));
  *r = *e;
  r->pAst = pCall;
  r->zName = 0;
  return r;
}

/* isnull/isnotnull/isempty/isnotempty */
static KqlExpr *bindNullTest(Binder *p, const KqlAst *pAst, KqlExpr *a, int bEmpty, int bNot){
  const char *zSql;
  if( a->eType==KQL_T_STRING ){
    /* strings are never null in KQL: an empty string is "empty" */
    if( bEmpty ) zSql = kqlArenaPrintf(p->pArena, "(ifnull(%s, '') %s '')", a->zSql, bNot ? "<>" : "=");
    else zSql = bNot ? "1" : "0";
  }else if( bEmpty && a->eType==KQL_T_DYNAMIC ){
    zSql = kqlArenaPrintf(p->pArena, "(%s(%s IS NULL OR %s = '\"\"'))", bNot ? "NOT " : "",
                          a->zSql, a->zSql);
  }else{
    zSql = kqlArenaPrintf(p->pArena, "(%s IS %sNULL)", a->zSql, bNot ? "NOT " : "");
  }
  return exprFrom(p, pAst, KQL_T_BOOL, zSql, &a, 1);
}

static KqlExpr *bindSpecial(Binder *p, const KqlAst *pAst, const KqlBuiltin *pFn, KqlExpr **a, int nArg){
  const char *z = pFn->zName;
  KqlArena *pA = p->pArena;
  if( strcmp(z, "iff")==0 || strcmp(z, "iif")==0 ){
    int t = commonType(a[1]->eType, a[2]->eType);
    if( t<0 ){
      kqlBindErr(p, pAst, "KQL133", "%s: the branches have different types (%s and %s)", z,
                 kqlTypeName(a[1]->eType), kqlTypeName(a[2]->eType));
      return kqlExprError(p, pAst);
    }
    const char *zSql = kqlArenaPrintf(pA, "(CASE WHEN %s THEN %s ELSE %s END)", kqlExprCond(p, a[0]),
                                      kqlExprAs(p, a[1], t), kqlExprAs(p, a[2], t));
    return exprFrom(p, pAst, t, zSql, a, nArg);
  }
  if( strcmp(z, "case")==0 ){
    if( nArg%2==0 ){
      kqlBindErr(p, pAst, "KQL131", "function 'case' expects an odd number of arguments (pairs, then an else value)");
      return kqlExprError(p, pAst);
    }
    int t = a[nArg-1]->eType;
    for(int i=1; i<nArg; i+=2){
      int t2 = commonType(t, a[i]->eType);
      if( t2<0 ){
        kqlBindErr(p, a[i]->pAst, "KQL133", "case: the results have different types (%s and %s)",
                   kqlTypeName(t), kqlTypeName(a[i]->eType));
        return kqlExprError(p, pAst);
      }
      t = t2;
    }
    KqlStr s;
    kqlStrInit(&s, pA);
    kqlStrAppend(&s, "(CASE", -1);
    for(int i=0; i+1<nArg; i+=2){
      kqlStrPrintf(&s, " WHEN %s THEN %s", kqlExprCond(p, a[i]), kqlExprAs(p, a[i+1], t));
    }
    kqlStrPrintf(&s, " ELSE %s END)", kqlExprAs(p, a[nArg-1], t));
    return exprFrom(p, pAst, t, kqlStrText(&s), a, nArg);
  }
  if( strcmp(z, "coalesce")==0 ){
    int t = a[0]->eType;
    for(int i=1; i<nArg; i++){
      int t2 = commonType(t, a[i]->eType);
      if( t2<0 ){
        kqlBindErr(p, a[i]->pAst, "KQL133", "coalesce: arguments have different types (%s and %s)",
                   kqlTypeName(t), kqlTypeName(a[i]->eType));
        return kqlExprError(p, pAst);
      }
      t = t2;
    }
    KqlStr s;
    kqlStrInit(&s, pA);
    kqlStrAppend(&s, "coalesce(", -1);
    for(int i=0; i<nArg; i++){
      if( i ) kqlStrAppend(&s, ", ", 2);
      if( t==KQL_T_STRING ) kqlStrPrintf(&s, "nullif(%s, '')", kqlExprAs(p, a[i], t));
      else kqlStrAppend(&s, kqlExprAs(p, a[i], t), -1);
    }
    kqlStrAppend(&s, t==KQL_T_STRING ? ", '')" : (nArg==1 ? ", NULL)" : ")"), -1);
    return exprFrom(p, pAst, t, kqlStrText(&s), a, nArg);
  }
  if( strcmp(z, "isnull")==0 ) return bindNullTest(p, pAst, a[0], 0, 0);
  if( strcmp(z, "isnotnull")==0 ) return bindNullTest(p, pAst, a[0], 0, 1);
  if( strcmp(z, "isempty")==0 ) return bindNullTest(p, pAst, a[0], 1, 0);
  if( strcmp(z, "isnotempty")==0 || strcmp(z, "notempty")==0 ) return bindNullTest(p, pAst, a[0], 1, 1);
  if( strcmp(z, "notnull")==0 ) return bindNullTest(p, pAst, a[0], 0, 1);
  if( strcmp(z, "not")==0 ){
    return exprFrom(p, pAst, KQL_T_BOOL, kqlArenaPrintf(pA, "(NOT %s)", kqlExprCond(p, a[0])), a, 1);
  }
  if( strcmp(z, "now")==0 || strcmp(z, "ago")==0 ){
    const char *zNow = kqlBindParamInt(p, p->pEnv->nowTicks);
    const char *zSql = zNow;
    if( nArg==1 ){
      if( a[0]->eType!=KQL_T_TIMESPAN && !a[0]->bError ){
        kqlBindErr(p, a[0]->pAst, "KQL132", "argument 1 of '%s' must be a timespan, not %s", z,
                   kqlTypeName(a[0]->eType));
        return kqlExprError(p, pAst);
      }
      zSql = kqlArenaPrintf(pA, "(%s %s %s)", zNow, z[0]=='a' ? "-" : "+", a[0]->zSql);
    }
    return exprFrom(p, pAst, KQL_T_DATETIME, zSql, a, nArg);
  }
  if( strcmp(z, "count")==0 ){
    if( !p->pRow || !p->pRow->bAggOk ){
      kqlBindErr(p, pAst, "KQL134", "aggregate 'count' is allowed only in summarize");
      return kqlExprError(p, pAst);
    }
    /* count(x) counts rows, nulls included (the docs' example) */
    KqlExpr *e = exprFrom(p, pAst, KQL_T_LONG, "count(*)", a, 0);
    e->bAgg = 1;
    e->bConst = 0;
    return e;
  }
  if( strcmp(z, "countif")==0 ){
    if( !p->pRow || !p->pRow->bAggOk ){
      kqlBindErr(p, pAst, "KQL134", "aggregate 'countif' is allowed only in summarize");
      return kqlExprError(p, pAst);
    }
    KqlExpr *e = exprFrom(p, pAst, KQL_T_LONG,
                          kqlArenaPrintf(pA, "count(CASE WHEN %s THEN 1 END)", kqlExprCond(p, a[0])), a, 1);
    e->bAgg = 1;
    e->bConst = 0;
    return e;
  }
  if( strcmp(z, "column_ifexists")==0 || strcmp(z, "columnifexists")==0 ){
    const KqlAst *pName = pAst->aChild[0];
    const char *zCol = 0;
    if( a[0]->eType==KQL_T_STRING && a[0]->bConst && a[0]->zSql[0]=='?' ){
      int iP = atoi(a[0]->zSql+1);
      if( iP>=1 && iP<=p->nParam && p->aParam[iP-1].eKind==KQL_PARAM_TEXT ) zCol = p->aParam[iP-1].z;
    }
    if( zCol==0 ){
      kqlBindErr(p, pName, "KQL132", "argument 1 of '%s' must be a constant column name", z);
      return kqlExprError(p, pAst);
    }
    int iCol = p->pRow ? kqlBindFindCol(p->pRow->pRel, zCol) : -1;
    if( iCol<0 ) return a[1];
    return kqlExprNew(p, pAst, p->pRow->pRel->aCol[iCol].eType, kqlBindColRef(p, iCol));
  }
  if( strcmp(z, "pack_all")==0 || strcmp(z, "bag_pack_columns")==0 ){
    /* pack_all([ignore_null_empty]): every column; bag_pack_columns(c, ...): the named ones */
    int bAll = z[0]=='p';
    int bDrop = 0;
    if( bAll && nArg>0 ){
      if( a[0]->eType!=KQL_T_BOOL || !a[0]->bConst ){
        kqlBindErr(p, a[0]->pAst, "KQL132", "argument 1 of 'pack_all' must be a constant bool");
        return kqlExprError(p, pAst);
      }
      bDrop = 2;   /* decided when the query runs: the constant's value */
    }
    if( bAll && (!p->pRow || p->pRow->pRel->nCol==0) ) return exprFrom(p, pAst, KQL_T_DYNAMIC, "'{}'", a, 0);
    const KqlRel *pRel = p->pRow ? p->pRow->pRel : 0;
    int n = bAll ? pRel->nCol : nArg;
    /* inside extend: the columns of its input, not the ones it adds */
    int *aiCol = kqlArenaAlloc(pA, sizeof(int)*(size_t)(n+1));
    for(int i=0; i<n; i++) aiCol[i] = i;
    if( bAll && p->pExtendIn && p->pExtendIn!=pRel ){
      int m = 0;
      for(int i=0; i<p->pExtendIn->nCol && m>=0; i++){
        int k = kqlBindFindCol(pRel, p->pExtendIn->aCol[i].zName);
        if( k<0 ) m = -1; else aiCol[m++] = k;
      }
      if( m>=0 ) n = m;
      else for(int i=0; i<n; i++) aiCol[i] = i;
    }
    KqlStr tags, args;
    kqlStrInit(&tags, pA);
    kqlStrInit(&args, pA);
    for(int i=0; i<n; i++){
      const char *zKey, *zVal;
      int t;
      if( bAll ){
        zKey = pRel->aCol[aiCol[i]].zName;
        zVal = kqlBindColRef(p, aiCol[i]);
        t = pRel->aCol[aiCol[i]].eType;
      }else{
        const KqlAst *pArg = pAst->aChild[i];
        if( pArg->eKind!=KQL_AST_IDENT || pArg->z==0 ){
          kqlBindErr(p, pArg, "KQL132", "arguments of 'bag_pack_columns' must be column names");
          return kqlExprError(p, pAst);
        }
        zKey = pArg->z;
        zVal = a[i]->zSql;
        t = a[i]->eType;
      }
      char c[2] = { (char)('a' + KQL_T_STRING), (char)('a' + t) };
      kqlStrAppend(&tags, c, 2);
      kqlStrPrintf(&args, ", %s, %s", kqlBindParamText(p, zKey, -1), zVal);
    }
    const char *zBag = kqlArenaPrintf(pA, "kql_bag_pack('%s'%s)", kqlStrText(&tags), kqlStrText(&args));
    if( bDrop ){
      /* pack_all(true): the keys whose values are null or empty are left out */
      zBag = kqlArenaPrintf(pA, "(CASE WHEN %s THEN (SELECT json_group_object(key, json(\"kql$b\".value -> fullkey)) "
                            "FROM (SELECT %s AS value) AS \"kql$b\", json_each(\"kql$b\".value) "
                            "WHERE type<>'null' AND NOT (type='text' AND atom='')) ELSE %s END)",
                            kqlExprCond(p, a[0]), zBag, zBag);
    }
    KqlExpr *e = exprFrom(p, pAst, KQL_T_DYNAMIC, zBag, a, bAll ? 0 : nArg);
    e->bConst = 0;
    return e;
  }
  if( strcmp(z, "geo_info_from_ip_address")==0 || strcmp(z, "ingestion_time")==0 ){
    /* values that live outside the query and its tables */
    if( p->pEnv->bCheck ) return exprFrom(p, pAst, pFn->eRet, "NULL", a, nArg);
    if( z[0]=='g' && p->pEnv->bGeoIp && nArg==1 ){
      return exprFrom(p, pAst, KQL_T_DYNAMIC,
                      kqlArenaPrintf(pA, "kql_geo_ip(%s)", kqlExprAs(p, a[0], KQL_T_STRING)), a, nArg);
    }
    kqlBindErr(p, pAst, "KQL391", "not available offline: %s()%s", z,
               z[0]=='g' ? " — it needs an IP geolocation database: give one with --geoip FILE.mmdb"
                         : " — exported rows carry no ingestion time");
    p->pEnv->eOffline = 1;
    return kqlExprError(p, pAst);
  }
  if( strcmp(z, "new_guid")==0 ){
    /* a random (version 4) guid */
    KqlExpr *e = exprFrom(p, pAst, KQL_T_GUID,
        "lower(hex(randomblob(4))||'-'||hex(randomblob(2))||'-4'||substr(hex(randomblob(2)),2)||'-'||"
        "substr('89ab',1+(abs(random())%4),1)||substr(hex(randomblob(2)),2)||'-'||hex(randomblob(6)))", a, 0);
    e->bConst = 0;
    return e;
  }
  if( strcmp(z, "take_any")==0 || strcmp(z, "any")==0 ){
    if( !p->pRow || !p->pRow->bAggOk ){
      kqlBindErr(p, pAst, "KQL134", "aggregate '%s' is allowed only in summarize", z);
      return kqlExprError(p, pAst);
    }
    if( nArg!=1 || pAst->aChild[0]->eKind==KQL_AST_STAR ){
      kqlBindNotSupported(p, pAst, "take_any with several arguments or *");
      return kqlExprError(p, pAst);
    }
    KqlExpr *e = exprFrom(p, pAst, a[0]->eType, kqlArenaPrintf(pA, "kql_take_any(%s)", a[0]->zSql), a, 1);
    e->bAgg = 1;
    e->bConst = 0;
    return e;
  }
  if( pFn->eKind==KQL_FN_WINDOW ){
    if( !p->pRow || !p->pRow->pRel->bOrdered ){
      kqlBindErr(p, pAst, "KQL137", "function '%s' needs serialized input: add 'serialize' or 'sort by' before it", z);
      return kqlExprError(p, pAst);
    }
    /* a window inside the arguments is computed by the FROM first (bind_op.c) */
    for(int i=0; i<nArg; i++){
      if( strstr(a[i]->zSql, ") OVER (")==0 ) continue;
      if( p->zHoist && strcmp(p->zHoistAlias, p->pRow->zAlias)!=0 ){
        kqlBindNotSupported(p, pAst, "window functions nested at several levels");
        return kqlExprError(p, pAst);
      }
      const char *zCol = kqlArenaPrintf(pA, "\"kql$w%d\"", ++p->nHoist);
      p->zHoist = kqlArenaPrintf(pA, "%s, %s AS %s", p->zHoist ? p->zHoist : "", a[i]->zSql, zCol);
      p->zHoistAlias = p->pRow->zAlias;
      KqlExpr *e2 = kqlExprNew(p, a[i]->pAst, a[i]->eType, kqlArenaPrintf(pA, "%s.%s", p->pRow->zAlias, zCol));
      e2->zName = a[i]->zName;
      a[i] = e2;
    }
    /* running aggregates over the serialized rows (fn_window.c) */
    static const char zFrame[] = "OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    int iRestart = -1;
    if( (strcmp(z, "row_number")==0 || strcmp(z, "row_cumsum")==0) && nArg>1 ) iRestart = 1;
    if( strcmp(z, "row_rank")==0 ){
      /* obsolete spelling of row_rank_dense; its second argument is a constant 'dense' flag */
      if( nArg>1 && !(a[1]->bConst && a[1]->eType==KQL_T_BOOL && pAst->aChild[1]->eKind==KQL_AST_LITERAL
                      && pAst->aChild[1]->z && strcmp(pAst->aChild[1]->z, "true")==0) ){
        kqlBindNotSupported(p, pAst, "row_rank(column, dense) unless dense is true");
        return kqlExprError(p, pAst);
      }
      z = "row_rank_dense";
      nArg = 1;
    }
    if( (strcmp(z, "row_rank_dense")==0 || strcmp(z, "row_rank_min")==0) && nArg>1 ) iRestart = 1;
    if( strcmp(z, "row_window_session")==0 && nArg>3 ) iRestart = 3;
    const char *zRestart = "";
    if( iRestart>=0 ){
      if( a[iRestart]->eType!=KQL_T_BOOL && a[iRestart]->eType!=KQL_T_UNKNOWN ){
        kqlBindErr(p, a[iRestart]->pAst, "KQL132", "argument %d of '%s' must be a bool, not %s", iRestart+1, z,
                   kqlTypeName(a[iRestart]->eType));
        return kqlExprError(p, pAst);
      }
      zRestart = kqlArenaPrintf(pA, ", %s", kqlExprCond(p, a[iRestart]));
    }
    const char *zSql;
    int t = pFn->eRet<KQL_RET_BASE ? pFn->eRet : (nArg ? a[0]->eType : KQL_T_LONG);
    if( strcmp(z, "row_number")==0 ){
      if( nArg && !kqlTypeIsNumeric(a[0]->eType) && a[0]->eType!=KQL_T_UNKNOWN ){
        kqlBindErr(p, a[0]->pAst, "KQL132", "argument 1 of '%s' must be an integer, not %s", z, kqlTypeName(a[0]->eType));
        return kqlExprError(p, pAst);
      }
      if( iRestart>=0 ){
        zSql = kqlArenaPrintf(pA, "kql_row_number_rs(%s%s) %s", a[0]->zSql, zRestart, zFrame);
      }else{
        zSql = nArg ? kqlArenaPrintf(pA, "(row_number() OVER () + %s - 1)", a[0]->zSql) : "row_number() OVER ()";
      }
    }else if( strcmp(z, "row_cumsum")==0 ){
      if( t==KQL_T_INT || t==KQL_T_BOOL ) t = KQL_T_LONG;
      if( iRestart>=0 ){
        zSql = kqlArenaPrintf(pA, "kql_row_cumsum_rs(%s%s) %s", a[0]->zSql, zRestart, zFrame);
      }else{
        zSql = kqlArenaPrintf(pA, "sum(%s) %s", a[0]->zSql, zFrame);
      }
    }else if( strcmp(z, "row_rank_dense")==0 || strcmp(z, "row_rank_min")==0 ){
      const char *zTerm = a[0]->eType==KQL_T_DYNAMIC ? kqlExprAs(p, a[0], KQL_T_STRING) : a[0]->zSql;
      zSql = kqlArenaPrintf(pA, "kql_%s(%s%s) %s", z, zTerm, zRestart, zFrame);
    }else if( strcmp(z, "row_window_session")==0 ){
      static const int aT[3] = { KQL_T_DATETIME, KQL_T_TIMESPAN, KQL_T_TIMESPAN };
      for(int i=0; i<3; i++){
        if( a[i]->eType!=aT[i] && a[i]->eType!=KQL_T_UNKNOWN ){
          kqlBindErr(p, a[i]->pAst, "KQL132", "argument %d of '%s' must be a %s, not %s", i+1, z,
                     kqlTypeName(aT[i]), kqlTypeName(a[i]->eType));
          return kqlExprError(p, pAst);
        }
      }
      t = KQL_T_DATETIME;
      zSql = kqlArenaPrintf(pA, "kql_row_window_session(%s, %s, %s%s) %s", a[0]->zSql, a[1]->zSql, a[2]->zSql,
                            zRestart, zFrame);
    }else{
      const char *zOff = nArg>1 ? a[1]->zSql : "1";
      /* no default: null, which for a string is "" (Kusto has no null strings) */
      const char *zDef = nArg>2 ? kqlExprAs(p, a[2], t) : (t==KQL_T_STRING ? "''" : "NULL");
      zSql = kqlArenaPrintf(pA, "%s(%s, %s, %s) OVER ()", z[0]=='p' ? "lag" : "lead", a[0]->zSql, zOff, zDef);
    }
    KqlExpr *e = exprFrom(p, pAst, t, zSql, a, nArg);
    e->bConst = 0;
    return e;
  }
  if( strcmp(z, "arg_max")==0 || strcmp(z, "arg_min")==0 ){
    kqlBindErr(p, pAst, "KQL134", "'%s' is allowed only as a summarize aggregation", z);
    return kqlExprError(p, pAst);
  }
  kqlBindNotSupported(p, pAst, z);
  return kqlExprError(p, pAst);
}

/*
** extract_json(path, json [, typeof(T)]) (extractjson is the old name): the
** JSONPath subset $.a.b, $.a[0], $['a b'] becomes an SQLite JSON path.
*/
static KqlExpr *bindExtractJson(Binder *p, const KqlAst *pAst){
  if( pAst->nChild<2 || pAst->nChild>3 ){
    kqlBindErr(p, pAst, "KQL131", "function '%s' expects 2 to 3 arguments, got %d", pAst->z, pAst->nChild);
    return kqlExprError(p, pAst);
  }
  const KqlAst *pPath = pAst->aChild[0];
  if( pPath->eKind!=KQL_AST_LITERAL || pPath->eOp!=KQL_LIT_STRING || pPath->z==0 || pPath->z[0]!='$' ){
    kqlBindNotSupported(p, pPath, "extract_json with a path that is not a constant JSONPath");
    return kqlExprError(p, pAst);
  }
  KqlStr path;
  kqlStrInit(&path, p->pArena);
  const char *z = pPath->z;
  kqlStrAppend(&path, "$", 1);
  int i = 1;
  while( z[i] ){
    if( z[i]=='.' && z[i+1]!='.' ){
      int j = i+1;
      while( z[j] && z[j]!='.' && z[j]!='[' ) j++;
      if( j==i+1 ) break;
      kqlStrAppend(&path, ".", 1);
      kqlStrQuoteName(&path, z+i+1, j-i-1);
      i = j;
    }else if( z[i]=='[' && (z[i+1]=='\'' || z[i+1]=='"') ){
      char q = z[i+1];
      int j = i+2;
      while( z[j] && z[j]!=q ) j++;
      if( z[j]!=q || z[j+1]!=']' ) break;
      kqlStrAppend(&path, ".", 1);
      kqlStrQuoteName(&path, z+i+2, j-i-2);
      i = j+2;
    }else if( z[i]=='[' && z[i+1]>='0' && z[i+1]<='9' ){
      int j = i+1;
      while( z[j]>='0' && z[j]<='9' ) j++;
      if( z[j]!=']' ) break;
      kqlStrAppend(&path, z+i, j-i+1);
      i = j+1;
    }else{
      break;
    }
  }
  if( z[i] ){
    kqlBindNotSupported(p, pPath, "this JSONPath (only $.a.b, $.a[0] and $['a'] are supported)");
    return kqlExprError(p, pAst);
  }
  KqlExpr *eJson = kqlBindExpr(p, pAst->aChild[1]);
  if( eJson->bError ) return eJson;
  const char *zJ = eJson->eType==KQL_T_STRING ? eJson->zSql : kqlExprAs(p, eJson, KQL_T_STRING);
  KqlExpr *e = kqlExprNew(p, pAst, KQL_T_DYNAMIC,
      kqlArenaPrintf(p->pArena, "(CASE WHEN json_valid(%s) THEN json(%s) -> %s END)", zJ, zJ,
                     kqlBindParamText(p, kqlStrText(&path), -1)));
  e->bConst = eJson->bConst;
  e->bAgg = eJson->bAgg;
  int eTo = KQL_T_STRING;
  if( pAst->nChild==3 ){
    const KqlAst *pT = pAst->aChild[2];
    eTo = pT->eKind==KQL_AST_TYPE ? kqlTypeFromName(pT->z, pT->n) : -1;
    if( eTo<=0 ){
      kqlBindErr(p, pT, "KQL132", "argument 3 of '%s' must be typeof(type)", pAst->z);
      return kqlExprError(p, pAst);
    }
  }
  if( eTo==KQL_T_DYNAMIC ) return e;
  KqlExpr *r = kqlExprNew(p, pAst, eTo, kqlExprAs(p, e, eTo));
  r->bConst = e->bConst;
  r->bAgg = e->bAgg;
  return r;
}

/*
** bin_auto(x): bin_at(x, size, at) with the query's 'set query_bin_auto_size'
** and 'set query_bin_auto_at' values (bin(x, size) without the latter).
*/
static KqlExpr *bindBinAuto(Binder *p, const KqlAst *pAst){
  if( pAst->nChild!=1 ){
    kqlBindErr(p, pAst, "KQL131", "function 'bin_auto' expects 1 argument, got %d", pAst->nChild);
    return kqlExprError(p, pAst);
  }
  if( p->pBinAutoSize==0 ){
    kqlBindErr(p, pAst, "KQL132", "bin_auto() needs the query option 'set query_bin_auto_size=...'");
    return kqlExprError(p, pAst);
  }
  KqlAst *pCall = kqlAstNewText(p->pArena, KQL_AST_CALL, pAst->iOfst, pAst->nLen,
                                p->pBinAutoAt ? "bin_at" : "bin", -1);
  kqlAstAppend(p->pArena, pCall, pAst->aChild[0]);
  kqlAstAppend(p->pArena, pCall, (KqlAst*)p->pBinAutoSize);
  if( p->pBinAutoAt ) kqlAstAppend(p->pArena, pCall, (KqlAst*)p->pBinAutoAt);
  pCall->iOfst = pAst->iOfst;
  pCall->nLen = pAst->nLen;
  return kqlBindCall(p, pCall);
}

/* Does zSql read the row of pRow (its alias followed by '.')? toscalar() is
** computed once per query: Kusto rejects an argument that depends on the
** current row (a function parameter bound to a column, the toscalar page). */
static int readsRow(const KqlRowCtx *pRow, const char *zSql){
  if( pRow==0 || pRow->zAlias==0 || zSql==0 ) return 0;
  size_t n = strlen(pRow->zAlias);
  for(const char *z = strstr(zSql, pRow->zAlias); z; z = strstr(z+1, pRow->zAlias)){
    char c = z>zSql ? z[-1] : ' ';
    int bIdent = (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9') || c=='_' || c=='$' || c=='"';
    if( !bIdent && z[n]=='.' ) return 1;
  }
  return 0;
}

static KqlExpr *rowScopeErr(Binder *p, const KqlAst *pAst){
  kqlBindErr(p, pAst, "KQL146", "'toscalar': can't use a value of the current row (it is defined outside "
             "toscalar's row-context scope)");
  return kqlExprError(p, pAst);
}

KqlExpr *kqlBindCall(Binder *p, const KqlAst *pAst){
  const char *zName = pAst->z ? pAst->z : "";
  if( (strcmp(zName, "extract_json")==0 || strcmp(zName, "extractjson")==0) && !kqlBindLookup(p, zName) ){
    return bindExtractJson(p, pAst);
  }
  KqlScope *s = kqlBindLookup(p, zName);
  if( s && s->eKind==KQL_SCOPE_LAMBDA ){
    if( kqlBindIsTabular(p, pAst) ){
      kqlBindErr(p, pAst, "KQL143", "function '%s' returns a table; it cannot be used as a scalar", zName);
      return kqlExprError(p, pAst);
    }
    return bindLambdaScalar(p, pAst, s);
  }
  if( strcmp(zName, "toscalar")==0 ){
    if( pAst->nChild!=1 ){
      kqlBindErr(p, pAst, "KQL131", "function 'toscalar' expects 1 argument, got %d", pAst->nChild);
      return kqlExprError(p, pAst);
    }
    KqlRowCtx *pSave = p->pRow;
    p->pRow = 0;
    const KqlAst *pArg = pAst->aChild[0];
    if( kqlBindIsTabular(p, pArg) ){
      int nCteText = p->nCte ? p->cte.n : 0;   /* CTEs the argument adds come after */
      KqlRel *r = kqlBindTabular(p, pArg);
      p->pRow = pSave;
      if( r->nCol<1 ) return kqlExprError(p, pAst);
      if( readsRow(pSave, r->zSql) || (p->nCte && readsRow(pSave, p->cte.z + nCteText)) ){
        return rowScopeErr(p, pAst);
      }
      const char *zA = kqlBindAlias(p);
      KqlStr q;
      kqlStrInit(&q, p->pArena);
      kqlStrPrintf(&q, "(SELECT %s.", zA);
      kqlStrIdent(&q, r->aCol[0].zName, -1);
      kqlStrPrintf(&q, " FROM %s AS %s LIMIT 1)", kqlBindSrc(p, r), zA);
      KqlExpr *e = kqlExprNew(p, pAst, r->aCol[0].eType, kqlStrText(&q));
      e->bConst = 1;
      return e;
    }
    KqlExpr *e = kqlBindExpr(p, pArg);
    p->pRow = pSave;
    if( !e->bError && readsRow(pSave, e->zSql) ) return rowScopeErr(p, pAst);
    return e;
  }
  if( strcmp(zName, "bin_auto")==0 ) return bindBinAuto(p, pAst);
  const KqlBuiltin *pFn = kqlBuiltinFind(zName, -1);
  if( pFn && ((pFn->flags & KQL_FNF_PLUGIN)
              || ((pFn->flags & KQL_FNF_SENTINEL) && p->pEnv->eDialect!=1)
              || ((pFn->flags & KQL_FNF_DEFENDER) && p->pEnv->eDialect!=2)) ){
    pFn = 0;
  }
  if( pFn==0 ){
    kqlBindErr(p, pAst, "KQL109", "unknown function '%s'", zName);
    return kqlExprError(p, pAst);
  }
  /* hll_merge(h1, h2 [, ...]) with 2 to 64 sketches is the scalar merge
  ** (kql_hll_merge of several arguments, fn_aggdyn.c); one argument: the aggregate */
  static const KqlBuiltin hllMergeScalar = {"hll_merge", 2, 64, KQL_FN_SCALAR, 0, KQL_T_DYNAMIC, "y", "kql_hll_merge"};
  if( pFn->eKind==KQL_FN_AGG && pAst->nChild>=2 && strcmp(zName, "hll_merge")==0 ) pFn = &hllMergeScalar;
  int nArg = pAst->nChild;
  if( nArg<pFn->nMin || (pFn->nMax>=0 && nArg>pFn->nMax) ) return arityError(p, pAst, pFn, nArg);
  for(int i=0; i<nArg; i++){
    if( pAst->aChild[i]->eKind==KQL_AST_STAR && !(pFn->flags & KQL_FNF_STARARG) ){
      kqlBindErr(p, pAst->aChild[i], "KQL132", "'*' is not a valid argument of '%s'", zName);
      return kqlExprError(p, pAst);
    }
  }
  if( pFn->eKind==KQL_FN_AGG && !(p->pRow && p->pRow->bAggOk) ){
    kqlBindErr(p, pAst, "KQL134", "aggregate '%s' is allowed only in summarize", zName);
    return kqlExprError(p, pAst);
  }
  KqlRowCtx *pRowSave = p->pRow;
  KqlRowCtx inner;
  if( pFn->eKind==KQL_FN_AGG ){
    /* no nested aggregates inside an aggregate's arguments */
    inner = *p->pRow;
    inner.bAggOk = 0;
    p->pRow = &inner;
  }
  KqlExpr **a = bindArgs(p, pAst);
  p->pRow = pRowSave;
  for(int i=0; i<nArg; i++){
    if( a[i]->bError ) return kqlExprError(p, pAst);
  }
  if( pFn->flags & KQL_FNF_SPECIAL ) return bindSpecial(p, pAst, pFn, a, nArg);
  if( (pFn->flags & KQL_FNF_NOTSUPP) || pFn->zSql==0 ){
    kqlBindNotSupported(p, pAst, zName);
    return kqlExprError(p, pAst);
  }
  if( (pFn->flags & KQL_FNF_STARARG)
   && (strcmp(zName, "estimate_data_size")==0 || strcmp(zName, "pack_array")==0) ){
    /* estimate_data_size(*), pack_array(*): '*' stands for every column of the row */
    const KqlRel *pRel = p->pRow ? p->pRow->pRel : 0;
    int nStar = 0;
    for(int i=0; i<nArg; i++) nStar += pAst->aChild[i]->eKind==KQL_AST_STAR;
    if( nStar ){
      int nNew = nArg - nStar + nStar*(pRel ? pRel->nCol : 0);
      KqlExpr **a2 = kqlArenaAlloc(p->pArena, sizeof(KqlExpr*)*(size_t)(nNew+1));
      int k = 0;
      for(int i=0; i<nArg; i++){
        if( pAst->aChild[i]->eKind!=KQL_AST_STAR ){ a2[k++] = a[i]; continue; }
        for(int j=0; pRel && j<pRel->nCol; j++){
          a2[k++] = kqlExprNew(p, pAst->aChild[i], pRel->aCol[j].eType, kqlBindColRef(p, j));
        }
      }
      a = a2;
      nArg = k;
    }
  }
  KqlStr q;
  kqlStrInit(&q, p->pArena);
  kqlStrAppend(&q, pFn->zSql, -1);
  kqlStrAppend(&q, "(", 1);
  int bBad = 0;
  if( pFn->flags & KQL_FNF_TAGS ){
    kqlStrAppend(&q, "'", 1);
    for(int i=0; i<nArg; i++){
      char c = (char)('a' + a[i]->eType);
      kqlStrAppend(&q, &c, 1);
    }
    kqlStrAppend(&q, nArg ? "'" : "'", 1);
  }
  for(int i=0; i<nArg; i++){
    if( i || (pFn->flags & KQL_FNF_TAGS) ) kqlStrAppend(&q, ", ", 2);
    kqlStrAppend(&q, argAs(p, pFn, i, a[i], &bBad), -1);
  }
  kqlStrAppend(&q, ")", 1);
  if( bBad ) return kqlExprError(p, pAst);
  int eRet = retType(pFn, a, nArg);
  if( nArg==4 && strcmp(zName, "extract")==0 && pAst->aChild[3]->eKind==KQL_AST_TYPE ){
    int eTo = kqlTypeFromName(pAst->aChild[3]->z, pAst->aChild[3]->n);
    if( eTo<=0 ){
      kqlBindErr(p, pAst->aChild[3], "KQL132", "argument 4 of 'extract' must be typeof(type)");
      return kqlExprError(p, pAst);
    }
    eRet = eTo;
  }
  const char *zCallSql = kqlStrText(&q);
  if( (strcmp(zName, "avg")==0 || strcmp(zName, "avgif")==0) && nArg>0
      && (a[0]->eType==KQL_T_TIMESPAN || a[0]->eType==KQL_T_DATETIME) ){
    /* the mean of timespans/datetimes is one (oracle): the mean tick, truncated */
    eRet = a[0]->eType;
    zCallSql = kqlArenaPrintf(p->pArena, "CAST(%s AS INTEGER)", zCallSql);
  }
  if( eRet==KQL_T_INT && (strcmp(zName, "abs")==0 || strncmp(zName, "percentile", 10)==0) ){
    eRet = KQL_T_LONG;   /* abs(int), percentile(int, p) are long (oracle) */
  }
  if( nArg==3 && strcmp(zName, "percentile_tdigest")==0 && pAst->aChild[2]->eKind==KQL_AST_TYPE ){
    /* typeof(T) gives the result type (a number from kql_percentile_tdigest) */
    int eTo = kqlTypeFromName(pAst->aChild[2]->z, pAst->aChild[2]->n);
    if( eTo<=0 ){
      kqlBindErr(p, pAst->aChild[2], "KQL132", "argument 3 of 'percentile_tdigest' must be typeof(type)");
      return kqlExprError(p, pAst);
    }
    eRet = eTo;
  }
  KqlExpr *e = exprFrom(p, pAst, eRet, zCallSql, a, nArg);
  if( pFn->eKind==KQL_FN_AGG ){ e->bAgg = 1; e->bConst = 0; }
  if( pFn->flags & KQL_FNF_NONDET ) e->bConst = 0;
  return e;
}
