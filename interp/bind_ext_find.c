/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The default output of find over several tables (no project clause, or
** project-smart), as Kusto's find operator gives it: the tables searched
** are those having a column the predicate names (every table when it names
** none); the result has the source column, then the columns every searched
** table has (same name and type), then the other columns the predicate
** names, then pack_, a property bag of the row's remaining non-empty
** columns (left out when no column remains). kqlExtFindShape() decides the
** tables and the column lists before the search; kqlExtFindProject() shapes
** the searched rows (bind_ext_search.c binds the union and the predicate).
*/
#include "bind_ext.h"
#include <string.h>

/* Collect the identifiers of pAst (column names, possibly) into aName. */
static void collectIdents(const KqlAst *pAst, const char **azName, int *pnName, int nMax){
  if( pAst==0 ) return;
  if( pAst->eKind==KQL_AST_IDENT && pAst->z ){
    for(int i=0; i<*pnName; i++) if( strcmp(azName[i], pAst->z)==0 ) return;
    if( *pnName<nMax ) azName[(*pnName)++] = pAst->z;
    return;
  }
  for(int i=0; i<pAst->nChild; i++) collectIdents(pAst->aChild[i], azName, pnName, nMax);
}

static int colIndex(const KqlRel *r, const char *zName){
  for(int i=0; i<r->nCol; i++) if( strcmp(r->aCol[i].zName, zName)==0 ) return i;
  return -1;
}

KqlFindShape *kqlExtFindShape(Binder *p, const KqlAst *pOp, const KqlAst *pList, const KqlAst *pPred){
  KqlArena *pA = p->pArena;
  KqlAst *pU = kqlAstNew(pA, KQL_AST_UNION, pOp->iOfst, pOp->nLen);
  if( pList ){
    for(int i=0; i<pList->nChild; i++) kqlAstAppend(pA, pU, pList->aChild[i]);
  }else{
    kqlAstAppend(pA, pU, kqlAstNewText(pA, KQL_AST_WILDCARD, pOp->iOfst, pOp->nLen, "*", 1));
  }
  pU->iOfst = pOp->iOfst;
  pU->nLen = pOp->nLen;
  const KqlAst *pX = kqlBindExpandWildcards(p, pU);
  int nLeg = pX->nChild;
  if( nLeg<2 ) return 0;
  KqlRel **aLeg = kqlArenaAlloc(pA, sizeof(KqlRel*)*(size_t)nLeg);
  for(int i=0; i<nLeg; i++){
    KqlAst *pOne = kqlAstNew(pA, KQL_AST_UNION, pOp->iOfst, pOp->nLen);
    kqlAstAppend(pA, pOne, pX->aChild[i]);
    pOne->iOfst = pOp->iOfst;
    pOne->nLen = pOp->nLen;
    aLeg[i] = kqlBindUnion(p, 0, 0, pOne);
    if( aLeg[i]==0 || aLeg[i]->bError ) return 0;
  }
  /* the names in the predicate that are columns of some table */
  const char *azId[64];
  int nId = 0;
  collectIdents(pPred, azId, &nId, 64);
  KqlFindShape *s = kqlArenaAlloc(pA, sizeof(*s));
  s->azRef = kqlArenaAlloc(pA, sizeof(char*)*64);
  for(int k=0; k<nId; k++){
    for(int i=0; i<nLeg; i++){
      if( colIndex(aLeg[i], azId[k])>=0 ){ s->azRef[s->nRef++] = azId[k]; break; }
    }
  }
  /* the tables searched */
  s->pList = kqlAstNew(pA, KQL_AST_UNION, pOp->iOfst, pOp->nLen);
  KqlRel **aIn = kqlArenaAlloc(pA, sizeof(KqlRel*)*(size_t)nLeg);
  int nIn = 0;
  for(int i=0; i<nLeg; i++){
    int bIn = s->nRef==0;
    for(int k=0; k<s->nRef && !bIn; k++) bIn = colIndex(aLeg[i], s->azRef[k])>=0;
    if( !bIn ) continue;
    kqlAstAppend(pA, s->pList, pX->aChild[i]);
    aIn[nIn++] = aLeg[i];
  }
  s->pList->iOfst = pOp->iOfst;
  s->pList->nLen = pOp->nLen;
  /* the columns of every searched table; a type conflict is not shaped here */
  s->azCommon = kqlArenaAlloc(pA, sizeof(char*)*(size_t)(aIn[0]->nCol + 1));
  for(int c=0; c<aIn[0]->nCol; c++){
    const KqlCol *pC = &aIn[0]->aCol[c];
    int bAll = 1;
    for(int i=1; i<nIn && bAll; i++){
      int j = colIndex(aIn[i], pC->zName);
      if( j<0 ) bAll = 0;
      else if( aIn[i]->aCol[j].eType!=pC->eType ) return 0;
    }
    if( bAll ) s->azCommon[s->nCommon++] = pC->zName;
  }
  return s;
}

static int inList(const char *const *az, int n, const char *z){
  for(int i=0; i<n; i++) if( strcmp(az[i], z)==0 ) return 1;
  return 0;
}

KqlRel *kqlExtFindProject(Binder *p, KqlRel *r, const KqlFindShape *s){
  if( r->bError ) return r;
  KqlArena *pA = p->pArena;
  const char *zA = kqlBindAlias(p);
  KqlCol *aOut = kqlExtCols(p, r->nCol + 1);
  int nOut = 0;
  KqlStr q, tags, args;
  kqlStrInit(&q, pA);
  kqlStrInit(&tags, pA);
  kqlStrInit(&args, pA);
  kqlStrAppend(&q, "SELECT ", -1);
  /* source column, common columns, other predicate columns */
  for(int pass=0; pass<3; pass++){
    for(int i=0; i<r->nCol; i++){
      const char *zName = r->aCol[i].zName;
      int bTake = pass==0 ? i==0
                : pass==1 ? (i>0 && inList(s->azCommon, s->nCommon, zName))
                : (i>0 && !inList(s->azCommon, s->nCommon, zName) && inList(s->azRef, s->nRef, zName));
      if( !bTake ) continue;
      if( nOut ) kqlStrAppend(&q, ", ", 2);
      kqlStrPrintf(&q, "%s.", zA);
      kqlStrIdent(&q, zName, -1);
      aOut[nOut++] = r->aCol[i];
    }
  }
  /* pack_: the rest, without null or empty values; bags of at most 50
  ** columns (SQLite's limit on a function's arguments) merged by json_patch */
  int nRest = 0;
  const char *zBag = 0;
  for(int i=1; i<=r->nCol; i++){
    if( i==r->nCol || (nRest>0 && nRest%50==0) ){
      if( nRest>0 && kqlStrText(&tags)[0] ){
        const char *zPart = kqlArenaPrintf(pA, "kql_bag_pack('%s'%s)", kqlStrText(&tags), kqlStrText(&args));
        zBag = zBag ? kqlArenaPrintf(pA, "json_patch(%s, %s)", zBag, zPart) : zPart;
        kqlStrInit(&tags, pA);
        kqlStrInit(&args, pA);
      }
      if( i==r->nCol ) break;
    }
    const char *zName = r->aCol[i].zName;
    if( inList(s->azCommon, s->nCommon, zName) || inList(s->azRef, s->nRef, zName) ) continue;
    char c[2] = { (char)('a' + KQL_T_STRING), (char)('a' + r->aCol[i].eType) };
    kqlStrAppend(&tags, c, 2);
    kqlStrPrintf(&args, ", %s, %s.", kqlBindParamText(p, zName, -1), zA);
    kqlStrIdent(&args, zName, -1);
    nRest++;
  }
  if( zBag ){
    kqlStrPrintf(&q, ", (SELECT json_group_object(key, json(\"kql$b\".value -> fullkey)) "
                     "FROM (SELECT %s AS value) AS \"kql$b\", json_each(\"kql$b\".value) "
                     "WHERE type<>'null' AND NOT (type='text' AND atom='')) AS \"pack_\"", zBag);
    aOut[nOut].zName = "pack_";
    aOut[nOut].eType = KQL_T_DYNAMIC;
    nOut++;
  }
  kqlStrPrintf(&q, " FROM (%s) AS %s", r->zSql, zA);
  KqlRel *pOut = kqlBindRelNew(p, kqlStrText(&q), nOut, aOut);
  pOut->bOrdered = r->bOrdered;
  return pOut;
}
