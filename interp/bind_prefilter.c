/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The binder's prefilter for streamed scans (issue 6). For a where whose
** input is a streamed table (KqlRel.zStreamTable), derive from the
** predicate's parse tree a NECESSARY condition, a disjunction of simple
** string tests, as the JSON the kqlscan module reads (tables/scan_filter.c):
**   {"any":[{"col":"C","op":"eq|sub|prefix|suffix","cs":true|false,"v":[...]}]}
** Rules: a or b needs both sides to give terms (their union); a and b takes
** the terms of either side; == / =~ / in / in~ against string literals,
** let-bound constant strings or dynamic arrays of strings, has / contains /
** startswith / endswith (and their _cs forms), hasprefix / hassuffix and
** has_any, on a string column of the input, each give one term. Anything
** else gives no condition, and then no prefilter is emitted: SQLite still
** evaluates the exact where, so the prefilter can only skip rows that the
** where would drop. Front end: no SQLite header here.
*/
#include "bindInt.h"
#include "parser.h"
#include <string.h>

/* A term list under construction. */
typedef struct PfTerm PfTerm;
struct PfTerm {
  const char *zCol;
  const char *zOp;      /* eq, sub, prefix, suffix */
  int bCs;
  int nV;
  const char **azV;     /* values (arena) */
  int *anV;
  PfTerm *pNext;
};

#define PF_MAX_NEEDLE 4096

static void jsonString(KqlStr *s, const char *z, int n){
  kqlStrAppend(s, "\"", 1);
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' || c=='\\' ){ char e[2] = {'\\', (char)c}; kqlStrAppend(s, e, 2); }
    else if( c<0x20 ){ kqlStrPrintf(s, "\\u%04x", c); }
    else kqlStrAppend(s, (const char*)&z[i], 1);
  }
  kqlStrAppend(s, "\"", 1);
}

/* The string column an operand names, or NULL. */
static const char *stringColumn(Binder *p, const KqlRel *pIn, const KqlAst *a){
  while( a && a->eKind==KQL_AST_PAREN && a->nChild>0 ) a = a->aChild[0];
  if( a==0 || a->eKind!=KQL_AST_IDENT || a->z==0 ) return 0;
  if( kqlBindLookup(p, a->z) ) return 0;           /* a let name: not sure which wins */
  int i = kqlBindFindCol(pIn, a->z);
  if( i<0 || pIn->aCol[i].eType!=KQL_T_STRING ) return 0;
  return pIn->aCol[i].zName;
}

/* A string literal operand: sets *pz and *pn. */
static int stringLit(const KqlAst *a, const char **pz, int *pn){
  while( a && a->eKind==KQL_AST_PAREN && a->nChild>0 ) a = a->aChild[0];
  if( a==0 || a->eKind!=KQL_AST_LITERAL || a->eOp!=KQL_LIT_STRING || a->z==0 ) return 0;
  if( a->n>PF_MAX_NEEDLE || memchr(a->z, 0, (size_t)a->n) ) return 0;
  *pz = a->z;
  *pn = a->n;
  return 1;
}

/* A constant string operand: a literal, or a let-bound constant string
** (its expression is a bound parameter "?N"). Sets *pz and *pn. */
static int stringValue(Binder *p, const KqlRel *pIn, const KqlAst *a, const char **pz, int *pn){
  while( a && a->eKind==KQL_AST_PAREN && a->nChild>0 ) a = a->aChild[0];
  if( stringLit(a, pz, pn) ) return 1;
  if( a==0 || a->eKind!=KQL_AST_IDENT || a->z==0 || kqlBindFindCol(pIn, a->z)>=0 ) return 0;
  KqlScope *s = kqlBindLookup(p, a->z);
  if( s==0 || s->eKind!=KQL_SCOPE_SCALAR || s->pExpr==0 || !s->pExpr->bConst ) return 0;
  if( s->pExpr->eType!=KQL_T_STRING || s->pExpr->zSql==0 ) return 0;
  const char *z = s->pExpr->zSql;
  while( *z=='(' ) z++;
  if( *z!='?' ) return 0;
  int iParam = 0;
  for(z++; *z>='0' && *z<='9'; z++){
    iParam = iParam*10 + (*z-'0');
    if( iParam>p->nParam ) return 0;
  }
  while( *z==')' ) z++;
  if( *z || iParam<1 ) return 0;
  const KqlParam *v = &p->aParam[iParam-1];
  if( v->eKind!=KQL_PARAM_TEXT || v->z==0 || v->n>PF_MAX_NEEDLE || memchr(v->z, 0, (size_t)v->n) ) return 0;
  *pz = v->z;
  *pn = v->n;
  return 1;
}

static PfTerm *termNew(Binder *p, const char *zCol, const char *zOp, int bCs){
  PfTerm *t = kqlArenaAlloc(p->pArena, sizeof(*t));
  t->zCol = zCol;
  t->zOp = zOp;
  t->bCs = bCs;
  return t;
}

static void termAdd(Binder *p, PfTerm *t, const char *z, int n){
  const char **az = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(t->nV+1));
  int *an = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(t->nV+1));
  if( t->nV ){
    memcpy(az, t->azV, sizeof(char*)*(size_t)t->nV);
    memcpy(an, t->anV, sizeof(int)*(size_t)t->nV);
  }
  az[t->nV] = z;
  an[t->nV] = n;
  t->azV = az;
  t->anV = an;
  t->nV++;
}

/* Append the strings of JSON array zJson (strings only, simple escapes) to
** t. Returns 0 when it is not such an array. */
static int addJsonArray(Binder *p, PfTerm *t, const char *zJson){
  const char *z = zJson;
  while( *z==' ' ) z++;
  if( *z!='[' ) return 0;
  z++;
  for(;;){
    while( *z==' ' || *z==',' ) z++;
    if( *z==']' ) return 1;
    if( *z!='"' ) return 0;
    z++;
    KqlStr s;
    kqlStrInit(&s, p->pArena);
    int n = 0;
    while( *z && *z!='"' ){
      if( *z=='\\' ){
        char c = z[1];
        char o;
        if( c=='"' || c=='\\' || c=='/' ) o = c;
        else if( c=='n' ) o = '\n';
        else if( c=='t' ) o = '\t';
        else if( c=='r' ) o = '\r';
        else return 0;                          /* \u, \b, \f: give up */
        kqlStrAppend(&s, &o, 1);
        z += 2;
      }else{
        kqlStrAppend(&s, z, 1);
        z++;
      }
      n++;
      if( n>PF_MAX_NEEDLE ) return 0;
    }
    if( *z!='"' ) return 0;
    z++;
    termAdd(p, t, kqlStrText(&s), n);
  }
}

/* The values of an in/has_any list item into t. Returns 0 when unknown. */
static int addListItem(Binder *p, const KqlRel *pIn, PfTerm *t, const KqlAst *a){
  const char *z;
  int n;
  while( a && a->eKind==KQL_AST_PAREN && a->nChild>0 ) a = a->aChild[0];
  if( stringValue(p, pIn, a, &z, &n) ){ termAdd(p, t, z, n); return 1; }
  if( a && a->eKind==KQL_AST_DYNARRAY ){
    /* dynamic(["a", "b"]) written in the list */
    for(int i=0; i<a->nChild; i++){
      if( !stringLit(a->aChild[i], &z, &n) ) return 0;
      termAdd(p, t, z, n);
    }
    return 1;
  }
  if( a && a->eKind==KQL_AST_IDENT && a->z && kqlBindFindCol(pIn, a->z)<0 ){
    KqlScope *s = kqlBindLookup(p, a->z);
    if( s && s->eKind==KQL_SCOPE_SCALAR && s->pExpr && s->pExpr->zJson ){
      return addJsonArray(p, t, s->pExpr->zJson);
    }
  }
  return 0;
}

/* A necessary condition of predicate a as a term list; *pbOk 0 when none. */
static PfTerm *derive(Binder *p, const KqlRel *pIn, const KqlAst *a, int *pbOk, int nDepth){
  const char *zCol, *z;
  int n;
  if( a==0 || nDepth>64 ){ *pbOk = 0; return 0; }
  switch( a->eKind ){
    case KQL_AST_PAREN:
      if( a->nChild>0 ) return derive(p, pIn, a->aChild[0], pbOk, nDepth+1);
      break;
    case KQL_AST_BINARY: {
      if( a->nChild<2 ) break;
      if( a->eOp==TK_OR ){
        int bA = 1, bB = 1;
        PfTerm *tA = derive(p, pIn, a->aChild[0], &bA, nDepth+1);
        PfTerm *tB = derive(p, pIn, a->aChild[1], &bB, nDepth+1);
        if( !bA || !bB ) break;
        if( tA==0 ) return tB;
        PfTerm *t = tA;
        while( t->pNext ) t = t->pNext;
        t->pNext = tB;
        return tA;
      }
      if( a->eOp==TK_AND ){
        int bA = 1, bB = 1;
        PfTerm *tA = derive(p, pIn, a->aChild[0], &bA, nDepth+1);
        if( bA ) return tA;
        PfTerm *tB = derive(p, pIn, a->aChild[1], &bB, nDepth+1);
        if( bB ) return tB;
        break;
      }
      const char *zOp = 0;
      int bCs = 1;
      switch( a->eOp ){
        case TK_EQ:            zOp = "eq"; break;
        case TK_EQTILDE:       zOp = "eq"; bCs = 0; break;
        case TK_HAS: case TK_CONTAINS: case TK_HASPREFIX: case TK_HASSUFFIX:
                               zOp = "sub"; bCs = 0; break;
        case TK_HAS_CS: case TK_CONTAINS_CS: case TK_HASPREFIX_CS: case TK_HASSUFFIX_CS:
                               zOp = "sub"; break;
        case TK_STARTSWITH:    zOp = "prefix"; bCs = 0; break;
        case TK_STARTSWITH_CS: zOp = "prefix"; break;
        case TK_ENDSWITH:      zOp = "suffix"; bCs = 0; break;
        case TK_ENDSWITH_CS:   zOp = "suffix"; break;
        default: break;
      }
      if( zOp==0 ) break;
      zCol = stringColumn(p, pIn, a->aChild[0]);
      if( zCol && stringValue(p, pIn, a->aChild[1], &z, &n) ){
        PfTerm *t = termNew(p, zCol, zOp, bCs);
        termAdd(p, t, z, n);
        return t;
      }
      if( strcmp(zOp, "eq")==0 ){
        /* "lit" == Col is the same test */
        zCol = stringColumn(p, pIn, a->aChild[1]);
        if( zCol && stringValue(p, pIn, a->aChild[0], &z, &n) ){
          PfTerm *t = termNew(p, zCol, zOp, bCs);
          termAdd(p, t, z, n);
          return t;
        }
      }
      break;
    }
    case KQL_AST_IN: {
      const char *zOp = 0;
      int bCs = 1;
      if( a->eOp==TK_IN ) zOp = "eq";
      else if( a->eOp==TK_IN_CI ){ zOp = "eq"; bCs = 0; }
      else if( a->eOp==TK_HAS_ANY ){ zOp = "sub"; bCs = 0; }
      if( zOp==0 || a->nChild<2 ) break;
      zCol = stringColumn(p, pIn, a->aChild[0]);
      if( zCol==0 ) break;
      PfTerm *t = termNew(p, zCol, zOp, bCs);
      for(int i=1; i<a->nChild; i++){
        if( !addListItem(p, pIn, t, a->aChild[i]) ){ *pbOk = 0; return 0; }
      }
      return t;
    }
    default:
      break;
  }
  *pbOk = 0;
  return 0;
}

/*
** The prefilter parameter ("?N") for where predicate pPred over the
** streamed input pIn, or NULL when no necessary condition was found.
*/
const char *kqlBindPrefilter(Binder *p, const KqlAst *pPred, const KqlRel *pIn){
  int bOk = 1;
  /* only a plain scan: the SELECT bindTableName made, nothing since */
  KqlStr q;
  kqlStrInit(&q, p->pArena);
  kqlStrAppend(&q, "SELECT * FROM ", -1);
  kqlStrIdent(&q, pIn->zStreamTable, -1);
  if( pIn->bError || strcmp(kqlStrText(&q), pIn->zSql)!=0 ) return 0;
  PfTerm *t = derive(p, pIn, pPred, &bOk, 0);
  if( !bOk || t==0 ) return 0;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "{\"any\":[", -1);
  for(PfTerm *x=t; x; x=x->pNext){
    if( x!=t ) kqlStrAppend(&s, ",", 1);
    kqlStrAppend(&s, "{\"col\":", -1);
    jsonString(&s, x->zCol, (int)strlen(x->zCol));
    kqlStrPrintf(&s, ",\"op\":\"%s\",\"cs\":%s,\"v\":[", x->zOp, x->bCs ? "true" : "false");
    for(int i=0; i<x->nV; i++){
      if( i ) kqlStrAppend(&s, ",", 1);
      jsonString(&s, x->azV[i], x->anV[i]);
    }
    kqlStrAppend(&s, "]}", 2);
  }
  kqlStrAppend(&s, "]}", 2);
  return kqlBindParamText(p, kqlStrText(&s), -1);
}
