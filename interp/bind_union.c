/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** union (as an operator after a pipe, or as a source). kind=outer (the
** default) keeps every column, in order of first appearance, null where a
** leg lacks it; kind=inner keeps the columns common to all legs.
** withsource=Col (or source=) adds a first column naming each row's leg.
**
** A name used with different types follows Microsoft's binder: when the
** second leg that has the name gives it the first type again, that type
** wins and later legs' other types are left out; otherwise every type gets
** a column name_type, the group kept together at the name's first place.
** Names are then made unique in order (x_string1).
**
** SQLite returns at most 2000 columns (a compile-time limit of the system
** library), and union * over every table has thousands. When the union is a
** step of a pipe whose later operators reach one that chooses its columns
** (project, summarize, distinct, ...) without needing all of them, only the
** columns those operators name are materialised; otherwise a union that wide
** is "not supported".
*/
#include "bindInt.h"
#include <string.h>
#include <strings.h>

#define UNION_MAX_COLS 2000   /* SQLITE_MAX_COLUMN default (the front end never sees SQLite) */

/* A leg's label for withsource: the table name, or unionArgN. */
static const char *legName(Binder *p, const KqlAst *pAst, int i){
  while( pAst && pAst->eKind==KQL_AST_PAREN && pAst->nChild ) pAst = pAst->aChild[0];
  if( pAst && pAst->eKind==KQL_AST_IDENT ) return pAst->z;
  if( pAst && pAst->eKind==KQL_AST_OP_AS && pAst->z ) return pAst->z;
  if( pAst && pAst->eKind==KQL_AST_PIPE && pAst->nChild>1 ){
    const KqlAst *pLast = pAst->aChild[pAst->nChild-1];
    if( pLast && pLast->eKind==KQL_AST_OP_AS && pLast->z ) return pLast->z;
  }
  return kqlArenaPrintf(p->pArena, "union_arg%d", i);
}

/* ------------------------------------------------------------ name groups */

/* The columns of one name: its types in order (members), and the verdict. */
typedef struct UGroup UGroup;
struct UGroup {
  const char *zName;
  int nMem, nMemAlloc;
  int *aType;           /* KQL_T_* of each member */
  int bShared;          /* a second leg gave the first type again: others dropped */
  int bClash;           /* several types: name_type columns */
};

typedef struct UGroups UGroups;
struct UGroups {
  int nGroup, nAlloc;
  UGroup *aGroup;       /* in order of first appearance */
  int nHash;
  int *aHash;           /* 1-based group index, open addressing */
};

static unsigned nameHash(const char *z){
  unsigned h = 2166136261u;
  while( *z ){ h ^= (unsigned char)*z++; h *= 16777619u; }
  return h;
}

/* Index of group zName, or -1. */
static int groupFind(const UGroups *g, const char *zName){
  if( g->nHash==0 ) return -1;
  unsigned h = nameHash(zName) & (unsigned)(g->nHash-1);
  while( g->aHash[h] ){
    if( strcmp(g->aGroup[g->aHash[h]-1].zName, zName)==0 ) return g->aHash[h]-1;
    h = (h+1) & (unsigned)(g->nHash-1);
  }
  return -1;
}

static void groupRehash(Binder *p, UGroups *g, int nNew){
  g->aHash = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)nNew);
  memset(g->aHash, 0, sizeof(int)*(size_t)nNew);
  g->nHash = nNew;
  for(int i=0; i<g->nGroup; i++){
    unsigned h = nameHash(g->aGroup[i].zName) & (unsigned)(nNew-1);
    while( g->aHash[h] ) h = (h+1) & (unsigned)(nNew-1);
    g->aHash[h] = i+1;
  }
}

static int groupAdd(Binder *p, UGroups *g, const char *zName){
  if( g->nGroup>=g->nAlloc ){
    int nNew = g->nAlloc ? 2*g->nAlloc : 64;
    UGroup *a = kqlArenaAlloc(p->pArena, sizeof(UGroup)*(size_t)nNew);
    if( g->nGroup ) memcpy(a, g->aGroup, sizeof(UGroup)*(size_t)g->nGroup);
    g->aGroup = a;
    g->nAlloc = nNew;
  }
  UGroup *u = &g->aGroup[g->nGroup++];
  memset(u, 0, sizeof(*u));
  u->zName = zName;
  if( g->nGroup*2 > g->nHash ){
    groupRehash(p, g, g->nHash ? 2*g->nHash : 128);
  }else{
    unsigned h = nameHash(zName) & (unsigned)(g->nHash-1);
    while( g->aHash[h] ) h = (h+1) & (unsigned)(g->nHash-1);
    g->aHash[h] = g->nGroup;
  }
  return g->nGroup-1;
}

static void memberAdd(Binder *p, UGroup *u, int eType){
  if( u->nMem>=u->nMemAlloc ){
    int nNew = u->nMemAlloc ? 2*u->nMemAlloc : 4;
    int *a = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)nNew);
    if( u->nMem ) memcpy(a, u->aType, sizeof(int)*(size_t)u->nMem);
    u->aType = a;
    u->nMemAlloc = nNew;
  }
  u->aType[u->nMem++] = eType;
}

/* Member of u with type eType, or -1. */
static int memberFind(const UGroup *u, int eType){
  for(int m=0; m<u->nMem; m++) if( u->aType[m]==eType ) return m;
  return -1;
}

/* ------------------------------------------------------------- narrowing */

typedef struct NameSet NameSet;
struct NameSet {
  int n, nAlloc;
  const char **az;
};

static void nameAdd(Binder *p, NameSet *s, const char *z){
  if( z==0 ) return;
  for(int i=0; i<s->n; i++) if( strcmp(s->az[i], z)==0 ) return;
  if( s->n>=s->nAlloc ){
    int nNew = s->nAlloc ? 2*s->nAlloc : 32;
    const char **a = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)nNew);
    if( s->n ) memcpy(a, s->az, sizeof(char*)*(size_t)s->n);
    s->az = a;
    s->nAlloc = nNew;
  }
  s->az[s->n++] = z;
}

static int nameHas(const NameSet *s, const char *z){
  for(int i=0; i<s->n; i++) if( strcmp(s->az[i], z)==0 ) return 1;
  return 0;
}

/*
** Collect into s every name pAst's subtree could use as a column (identifiers,
** member names, string literals: column_ifexists("x")...). Returns 0 when the
** subtree may use every column (*, a wildcard, pack_all(), getschema ...).
*/
static int collectNames(Binder *p, const KqlAst *pAst, NameSet *s){
  if( pAst==0 ) return 1;
  switch( pAst->eKind ){
    case KQL_AST_STAR: case KQL_AST_WILDCARD: case KQL_AST_OP_GETSCHEMA:
    case KQL_AST_CONTEXT:
      return 0;
    case KQL_AST_CALL:
      if( pAst->z && (strcmp(pAst->z, "pack_all")==0 || strcmp(pAst->z, "bag_pack_all")==0) ) return 0;
      break;
    case KQL_AST_IDENT: case KQL_AST_MEMBER: case KQL_AST_ASSIGN:
      nameAdd(p, s, pAst->z);
      break;
    case KQL_AST_LITERAL:
      if( pAst->eOp==KQL_LIT_STRING ) nameAdd(p, s, pAst->z);
      break;
    default:
      break;
  }
  for(int i=0; i<pAst->nChild; i++){
    if( !collectNames(p, pAst->aChild[i], s) ) return 0;
  }
  if( pAst->pOpts && !collectNames(p, pAst->pOpts, s) ) return 0;
  return 1;
}

/*
** Can the union at step iStep of pPipe materialise only some columns? Yes
** when the later operators keep every input column (where, extend, sort...)
** until one that chooses its columns (project, summarize, distinct ...), and
** none of them needs all the columns. The names they use go into s.
*/
static int narrowable(Binder *p, const KqlAst *pPipe, int iStep, NameSet *s){
  for(int i=iStep+1; i<pPipe->nChild; i++){
    const KqlAst *pOp = pPipe->aChild[i];
    if( pOp==0 ) continue;
    if( !collectNames(p, pOp, s) ) return 0;
    switch( pOp->eKind ){
      case KQL_AST_OP_PROJECT: case KQL_AST_OP_PROJECT_KEEP: case KQL_AST_OP_SUMMARIZE:
      case KQL_AST_OP_DISTINCT: case KQL_AST_OP_COUNT: case KQL_AST_OP_MAKE_SERIES:
      case KQL_AST_OP_TOP_NESTED: case KQL_AST_OP_SAMPLE_DISTINCT:
        return 1;
      case KQL_AST_OP_WHERE: case KQL_AST_OP_EXTEND: case KQL_AST_OP_TAKE: case KQL_AST_OP_TOP:
      case KQL_AST_OP_SORT: case KQL_AST_OP_SAMPLE: case KQL_AST_OP_PROJECT_RENAME:
      case KQL_AST_OP_PROJECT_AWAY: case KQL_AST_OP_SERIALIZE: case KQL_AST_OP_MVEXPAND:
      case KQL_AST_OP_PARSE: case KQL_AST_OP_JOIN: case KQL_AST_OP_LOOKUP:
        break;
      default:
        return 0;
    }
  }
  return 0;
}

/* ------------------------------------------------------------------ union */

/* isfuzzy=true: 1 when leg pC reads a table name that neither a let nor
** the environment knows (the leg is then left out, with a warning). */
static int fuzzyUnresolved(Binder *p, const KqlAst *pC){
  while( pC && pC->eKind==KQL_AST_PIPE && pC->nChild>0 ) pC = pC->aChild[0];
  if( pC==0 || pC->eKind!=KQL_AST_IDENT || pC->z==0 ) return 0;
  if( kqlBindLookup(p, pC->z) ) return 0;
  if( p->pEnv->xTable==0 ) return 1;
  KqlTableRef ref;
  const char *zErr = 0;
  memset(&ref, 0, sizeof(ref));
  return p->pEnv->xTable(p->pEnv->pArg, pC->z, &ref, &zErr)==KQL_TABLE_UNKNOWN;
}

KqlRel *kqlBindUnion(Binder *p, KqlRel *pFirst, const KqlAst *pFirstAst, const KqlAst *pOp){
  /* the pipe step this union is, if any (before binding the legs moves it) */
  const KqlAst *pPipe = 0;
  int iStep = p->iStep;
  if( p->pStepPipe && iStep<p->pStepPipe->nChild ){
    const KqlAst *pStep = p->pStepPipe->aChild[iStep];
    int bKind = pStep && (pStep->eKind==pOp->eKind
                          || ((pStep->eKind==KQL_AST_SEARCH || pStep->eKind==KQL_AST_OP_SEARCH)
                              && kqlAstOpt(pOp, "kql$search")));
    if( bKind && pStep->iOfst==pOp->iOfst && pStep->nLen==pOp->nLen ){
      pPipe = p->pStepPipe;
    }
  }
  int nLeg = pOp->nChild + (pFirst ? 1 : 0);
  KqlRel **aLeg = kqlArenaAlloc(p->pArena, sizeof(KqlRel*)*(size_t)(nLeg+1));
  const KqlAst **aAst = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)(nLeg+1));
  int n = 0;
  /* T | as Name | union ...: the piped leg is labelled Name */
  if( pFirst && pFirstAst==0 && pPipe && iStep>0 && pPipe->aChild[iStep-1]
      && pPipe->aChild[iStep-1]->eKind==KQL_AST_OP_AS ){
    pFirstAst = pPipe->aChild[iStep-1];
  }
  if( pFirst ){ aLeg[n] = pFirst; aAst[n++] = pFirstAst; }
  KqlRowCtx *pSave = p->pRow;
  const KqlAst *pFuzzy = kqlAstOpt(pOp, "isfuzzy");
  int bFuzzy = pFuzzy && !(pFuzzy->nChild && pFuzzy->aChild[0] && pFuzzy->aChild[0]->z
                           && strcasecmp(pFuzzy->aChild[0]->z, "false")==0);
  char *abSkip = kqlArenaAlloc(p->pArena, (size_t)pOp->nChild + 1);
  int nSkip = 0;
  memset(abSkip, 0, (size_t)pOp->nChild + 1);
  p->pRow = 0;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pC = pOp->aChild[i];
    if( pC->eKind==KQL_AST_WILDCARD || (pC->eKind==KQL_AST_STAR) ){
      kqlBindNotSupported(p, pC, "table wildcards in union");
      p->pRow = pSave;
      return pFirst ? pFirst : kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
    }
    if( bFuzzy && fuzzyUnresolved(p, pC) ){
      abSkip[i] = 1;
      nSkip++;
      continue;
    }
    aLeg[n] = kqlBindTabular(p, pC);
    aAst[n++] = pC;
  }
  /* the legs left out get a warning; when none is left, they are bound
  ** after all and report their unknown tables (not available offline) */
  int bNone = n==0;
  for(int i=0; i<pOp->nChild && nSkip; i++){
    if( !abSkip[i] ) continue;
    const KqlAst *pC = pOp->aChild[i];
    if( bNone ){
      aLeg[n] = kqlBindTabular(p, pC);
      aAst[n++] = pC;
      continue;
    }
    while( pC->eKind==KQL_AST_PIPE && pC->nChild>0 ) pC = pC->aChild[0];
    kqlDiagAdd(p->pDiags, KQL_SEV_WARNING, "KQL101", pC->iOfst, pC->nLen,
               "Failed to resolve entity '%s'", pC->z);
  }
  if( n==0 ){
    /* every leg was a wildcard matching nothing */
    if( p->pDiags->nErr==0 ) kqlBindErr(p, pOp, "KQL101", "union: no table matches its wildcards");
    p->pRow = pSave;
    KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
    r->bError = 1;
    return r;
  }
  p->pRow = pSave;
  const KqlAst *pKind = kqlAstOpt(pOp, "kind");
  int bInner = pKind && pKind->nChild && pKind->aChild[0]->z && strcasecmp(pKind->aChild[0]->z, "inner")==0;
  const KqlAst *pSrc = kqlAstOpt(pOp, "withsource");
  if( pSrc==0 ) pSrc = kqlAstOpt(pOp, "source");
  const char *zSrc = pSrc && pSrc->nChild ? pSrc->aChild[0]->z : 0;

  /* name groups, leg by leg */
  UGroups g;
  memset(&g, 0, sizeof(g));
  for(int i=0; i<n; i++){
    for(int c=0; c<aLeg[i]->nCol; c++){
      const KqlCol *pc = &aLeg[i]->aCol[c];
      int iG = groupFind(&g, pc->zName);
      if( iG<0 ){
        iG = groupAdd(p, &g, pc->zName);
        memberAdd(p, &g.aGroup[iG], pc->eType);
        continue;
      }
      UGroup *u = &g.aGroup[iG];
      if( memberFind(u, pc->eType)>=0 ){
        if( !u->bClash ) u->bShared = 1;
        continue;
      }
      if( u->bShared ) continue;
      u->bClash = 1;
      memberAdd(p, u, pc->eType);
    }
  }

  /* the output columns: fixed (withsource), then each group's members */
  int nFixed = zSrc ? 1 : 0;
  int nCol = nFixed;
  for(int iG=0; iG<g.nGroup; iG++) nCol += g.aGroup[iG].nMem;
  KqlCol *aCol = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nCol+1));
  int *aColGroup = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(nCol+1));
  int *aGroupFirst = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(g.nGroup+1));
  int k = 0, bAnyClash = 0;
  if( zSrc ){ aCol[0].zName = zSrc; aCol[0].eType = KQL_T_STRING; aColGroup[0] = -1; k = 1; }
  for(int iG=0; iG<g.nGroup; iG++){
    UGroup *u = &g.aGroup[iG];
    aGroupFirst[iG] = k;
    bAnyClash |= u->bClash;
    for(int m=0; m<u->nMem; m++){
      aCol[k].eType = u->aType[m];
      aCol[k].zName = u->bClash ? kqlArenaPrintf(p->pArena, "%s_%s", u->zName, kqlTypeName(u->aType[m]))
                                : u->zName;
      aColGroup[k] = iG;
      k++;
    }
  }
  /* unique names: a column that kept its own name keeps it; a synthesized
  ** name_type that meets one, or an earlier synthesized name, becomes
  ** name_type1, 2, ... (the docs' union example: x from a long/int clash
  ** beside a real column x_long is x_long1, the real one stays x_long) */
  if( bAnyClash ){
    for(k=nFixed; k<nCol; k++){
      if( aColGroup[k]<0 || !g.aGroup[aColGroup[k]].bClash ) continue;
      const char *zBase = aCol[k].zName, *z = zBase;
      for(int iSfx=1; ; iSfx++){
        int bTaken = 0;
        for(int j=0; j<nCol && !bTaken; j++){
          if( j==k ) continue;
          int bOrig = aColGroup[j]<0 || !g.aGroup[aColGroup[j]].bClash;
          if( (bOrig || j<k) && strcmp(aCol[j].zName, z)==0 ) bTaken = 1;
        }
        if( !bTaken ) break;
        z = kqlArenaPrintf(p->pArena, "%s%d", zBase, iSfx);
      }
      aCol[k].zName = z;
    }
  }

  /* which columns to keep: kind=inner, then narrowing */
  unsigned char *abKeep = kqlArenaAlloc(p->pArena, (size_t)nCol+1);
  int nOut = 0;
  for(k=0; k<nCol; k++){
    abKeep[k] = 1;
    if( bInner && k>=nFixed ){
      const UGroup *u = &g.aGroup[aColGroup[k]];
      for(int i=0; i<n && abKeep[k]; i++){
        int bHas = 0;
        for(int c=0; c<aLeg[i]->nCol && !bHas; c++){
          bHas = strcmp(aLeg[i]->aCol[c].zName, u->zName)==0 && aLeg[i]->aCol[c].eType==aCol[k].eType;
        }
        if( !bHas ) abKeep[k] = 0;
      }
    }
    nOut += abKeep[k];
  }
  if( nOut>UNION_MAX_COLS ){
    NameSet s;
    memset(&s, 0, sizeof(s));
    if( pPipe && narrowable(p, pPipe, iStep, &s) ){
      nOut = 0;
      for(k=0; k<nCol; k++){
        if( k>=nFixed && abKeep[k] && !nameHas(&s, aCol[k].zName) ) abKeep[k] = 0;
        nOut += abKeep[k];
      }
    }
    if( nOut>UNION_MAX_COLS ){
      kqlBindNotSupported(p, pOp, "a union or search result wider than 2000 columns (SQLite's limit): "
                                  "choose the columns (project, summarize ...) after it");
      KqlRel *pErr = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
      pErr->bError = 1;
      return pErr;
    }
  }
  KqlCol *aRes = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(nOut+1));
  int r = 0;
  for(k=0; k<nCol; k++){
    if( abKeep[k] ) aRes[r++] = aCol[k];
  }

  /* SQL: one SELECT per leg, compound */
  int *aIdx = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(nCol+1));
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  for(int i=0; i<n; i++){
    const char *zA = kqlBindAlias(p);
    for(k=0; k<nCol; k++) aIdx[k] = -1;
    for(int c=0; c<aLeg[i]->nCol; c++){
      int iG = groupFind(&g, aLeg[i]->aCol[c].zName);
      int m = iG>=0 ? memberFind(&g.aGroup[iG], aLeg[i]->aCol[c].eType) : -1;
      if( m>=0 ) aIdx[aGroupFirst[iG]+m] = c;
    }
    kqlStrAppend(&s, i ? " UNION ALL SELECT " : "SELECT ", -1);
    int nPut = 0;
    for(k=0; k<nCol; k++){
      if( !abKeep[k] ) continue;
      if( nPut++ ) kqlStrAppend(&s, ", ", 2);
      if( k<nFixed ){
        kqlStrAppend(&s, kqlBindParamText(p, legName(p, aAst[i], i), -1), -1);
      }else if( aIdx[k]>=0 ){
        kqlStrPrintf(&s, "%s.", zA);
        kqlStrIdent(&s, aLeg[i]->aCol[aIdx[k]].zName, -1);
      }else{
        kqlStrAppend(&s, aCol[k].eType==KQL_T_STRING ? "''" : "NULL", -1);
      }
      if( i==0 ){
        kqlStrAppend(&s, " AS ", -1);
        kqlStrIdent(&s, aCol[k].zName, -1);
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
