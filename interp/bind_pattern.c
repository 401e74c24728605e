/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The pattern statement and its invocations:
**
**   declare pattern P = (a:string, ...) [path:string] {
**     ("v1", ...).["p1"] = { tabular expression };  ...
**   };
**   P("v1", ...).p1     P("v1", ...).["p1"]     P("v1", ...)  (no path)
**
** bind.c keeps a declared pattern in the let scope (KQL_SCOPE_PATTERN,
** the statement's AST, also for an empty "declare pattern P;"). An
** invocation picks the definition whose argument values (and path) equal
** the invocation's constant strings, and binds its body in the scope of the
** declaration. There is no wildcard matching (P("x").["*"] names the path
** "*"); a reference no definition matches fails with Kusto's "One or more
** pattern references were not declared" error.
*/
#include "bind_ext.h"
#include <string.h>

/* The call P(...) of an invocation pAst (P(...) or P(...).path) of a declared
** pattern, its scope entry in *ppS and its path member (or NULL) in *ppPath. */
static const KqlAst *patternCall(Binder *p, const KqlAst *pAst, KqlScope **ppS, const KqlAst **ppPath){
  const KqlAst *pCall = pAst, *pPath = 0;
  if( pAst==0 ) return 0;
  if( pAst->eKind==KQL_AST_MEMBER ){
    if( pAst->nChild<1 || pAst->aChild[0]==0 || pAst->z==0 ) return 0;
    pPath = pAst;
    pCall = pAst->aChild[0];
  }
  if( pCall->eKind!=KQL_AST_CALL || pCall->z==0 ) return 0;
  KqlScope *s = kqlBindLookup(p, pCall->z);
  if( s==0 || s->eKind!=KQL_SCOPE_PATTERN ) return 0;
  if( ppS ) *ppS = s;
  if( ppPath ) *ppPath = pPath;
  return pCall;
}

int kqlBindIsPatternRef(Binder *p, const KqlAst *pAst){
  return patternCall(p, pAst, 0, 0)!=0;
}

/* Append 'z' (a KQL string literal, single-quoted) to s. */
static void quoteArg(KqlStr *s, const char *z){
  kqlStrAppend(s, "'", 1);
  for(; *z; z++){
    if( *z=='\'' || *z=='\\' ) kqlStrAppend(s, "\\", 1);
    kqlStrAppend(s, z, 1);
  }
  kqlStrAppend(s, "'", 1);
}

KqlRel *kqlBindPatternRef(Binder *p, const KqlAst *pAst){
  KqlScope *s = 0;
  const KqlAst *pPath = 0;
  const KqlAst *pCall = patternCall(p, pAst, &s, &pPath);
  const KqlAst *pDecl = s->pAst;
  int nArg = pCall->nChild;
  const char **azArg = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nArg+1));
  for(int i=0; i<nArg; i++){
    azArg[i] = kqlExtConstText(p, pCall->aChild[i], 0);
    if( azArg[i]==0 ){
      kqlBindErr(p, pCall->aChild[i], "KQL130", "pattern '%s': arguments must be constant strings", pCall->z);
      return kqlExtRelError(p);
    }
  }
  const char *zPath = pPath ? pPath->z : 0;
  /* the definitions: children 2.. of the statement (none when declared empty) */
  for(int d=2; d<pDecl->nChild; d++){
    const KqlAst *pDef = pDecl->aChild[d];
    if( pDef==0 || pDef->nChild<3 ) continue;
    const KqlAst *pVals = pDef->aChild[0], *pDefPath = pDef->aChild[1], *pBody = pDef->aChild[2];
    if( pVals==0 || pVals->nChild!=nArg ) continue;
    int bMatch = 1;
    for(int i=0; bMatch && i<nArg; i++){
      const char *z = kqlExtConstText(p, pVals->aChild[i], 0);
      bMatch = z && strcmp(z, azArg[i])==0;
    }
    if( !bMatch ) continue;
    if( (pDefPath!=0)!=(zPath!=0) ) continue;
    if( zPath ){
      const char *z = pDefPath->nChild==1 ? kqlExtConstText(p, pDefPath->aChild[0], 0) : 0;
      if( z==0 || strcmp(z, zPath)!=0 ) continue;
    }
    KqlScope *pSave = p->pScope;
    KqlRowCtx *pRowSave = p->pRow;
    p->pScope = s->pDefScope;
    p->pRow = 0;
    KqlRel *r = kqlBindTabular(p, pBody);
    p->pScope = pSave;
    p->pRow = pRowSave;
    return r;
  }
  KqlStr m;
  kqlStrInit(&m, p->pArena);
  kqlStrPrintf(&m, "%s(", pCall->z);
  for(int i=0; i<nArg; i++){
    if( i ) kqlStrAppend(&m, ",", 1);
    quoteArg(&m, azArg[i]);
  }
  kqlStrAppend(&m, ")", 1);
  if( zPath ){
    kqlStrAppend(&m, ".[", 2);
    quoteArg(&m, zPath);
    kqlStrAppend(&m, "]", 1);
  }
  kqlBindErr(p, pAst, "KQL130", "One or more pattern references were not declared. "
             "Detected pattern references: [\"%s\"]", kqlStrText(&m));
  return kqlExtRelError(p);
}
