/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The project-by-names operator:
**
**   T | project-by-names ColumnSpecifier [, ...]
**
** A specifier is a column name, a wildcard pattern (Name*, *), a dynamic
** array of column names (a literal, a let name or a function parameter), or
** column_names_of(Table). The result has the input's columns in the order
** they are specified or matched, each once; names that match no column are
** ignored (Kusto's documented behaviour). A name given as a string (alone
** or in an array) that holds '*' is a pattern too ("C*"). A dynamic array
** that is not a constant is evaluated while binding (KqlBindEnv.xQuery).
*/
#include "bind_ext.h"
#include <string.h>

static int wildMatch(const char *zPat, const char *z){
  if( *zPat==0 ) return *z==0;
  if( *zPat=='*' ){
    for(;;){
      if( wildMatch(zPat+1, z) ) return 1;
      if( *z==0 ) return 0;
      z++;
    }
  }
  return *z && *zPat==*z && wildMatch(zPat+1, z+1);
}

/* Select column zName (or every column matching a pattern) once. */
static void pick(const KqlRel *pIn, const char *zName, int bWild, unsigned char *abSel, int *aiOrder, int *pn){
  for(int c=0; c<pIn->nCol; c++){
    if( abSel[c] ) continue;
    if( bWild ? wildMatch(zName, pIn->aCol[c].zName) : strcmp(zName, pIn->aCol[c].zName)==0 ){
      abSel[c] = 1;
      aiOrder[(*pn)++] = c;
    }
  }
}

/* The strings of a JSON array, picked in order; other elements are ignored. */
static void pickJson(Binder *p, const KqlRel *pIn, const char *z, unsigned char *abSel, int *aiOrder, int *pn){
  while( *z && *z!='[' ) z++;
  if( *z==0 ) return;
  z++;
  while( *z ){
    while( *z==' ' || *z=='\t' || *z=='\n' || *z=='\r' || *z==',' ) z++;
    if( *z==']' || *z==0 ) return;
    if( *z=='"' ){
      KqlStr s;
      kqlStrInit(&s, p->pArena);
      z++;
      while( *z && *z!='"' ){
        if( *z=='\\' && z[1] ){
          char c = z[1];
          if( c=='n' ) c = '\n'; else if( c=='t' ) c = '\t';
          kqlStrAppend(&s, &c, 1);
          z += 2;
          continue;
        }
        kqlStrAppend(&s, z, 1);
        z++;
      }
      if( *z=='"' ) z++;
      const char *zName = kqlStrText(&s);
      pick(pIn, zName, strchr(zName, '*')!=0, abSel, aiOrder, pn);
    }else{
      /* a number, bool, null or nested value: skip it */
      int nDepth = 0;
      while( *z && (nDepth>0 || (*z!=',' && *z!=']')) ){
        if( *z=='[' || *z=='{' ) nDepth++;
        else if( *z==']' || *z=='}' ) nDepth--;
        else if( *z=='"' ){ z++; while( *z && *z!='"' ){ if( *z=='\\' && z[1] ) z++; z++; } }
        if( *z ) z++;
      }
    }
  }
}

KqlRel *kqlBindProjectByNames(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  if( pIn->bError ) return pIn;
  unsigned char *abSel = kqlArenaAlloc(p->pArena, (size_t)pIn->nCol + 1);
  int *aiOrder = kqlArenaAlloc(p->pArena, sizeof(int)*(size_t)(pIn->nCol + 1));
  memset(abSel, 0, (size_t)pIn->nCol + 1);
  int n = 0;
  for(int i=0; i<pOp->nChild; i++){
    const KqlAst *pItem = pOp->aChild[i];
    if( pItem->eKind==KQL_AST_WILDCARD && pItem->z ){
      pick(pIn, pItem->z, 1, abSel, aiOrder, &n);
      continue;
    }
    if( pItem->eKind==KQL_AST_IDENT && pItem->z && kqlBindFindCol(pIn, pItem->z)>=0 ){
      pick(pIn, pItem->z, 0, abSel, aiOrder, &n);
      continue;
    }
    if( pItem->eKind==KQL_AST_CALL && pItem->z && strcmp(pItem->z, "column_names_of")==0 && pItem->nChild==1 ){
      KqlRowCtx *pSave = p->pRow;
      p->pRow = 0;
      KqlRel *r = kqlBindTabular(p, pItem->aChild[0]);
      p->pRow = pSave;
      if( r->bError ) return r;
      for(int c=0; c<r->nCol; c++) pick(pIn, r->aCol[c].zName, 0, abSel, aiOrder, &n);
      continue;
    }
    KqlExpr *e = kqlExtConst(p, pItem);
    if( e->bError ) return kqlExtRelError(p);
    if( e->eType==KQL_T_STRING && e->zSql[0]=='?' ){
      /* a constant string: one name */
      int iP = 0;
      for(const char *z = e->zSql+1; *z>='0' && *z<='9'; z++) iP = iP*10 + (*z-'0');
      if( iP>=1 && iP<=p->nParam && p->aParam[iP-1].eKind==KQL_PARAM_TEXT ){
        pick(pIn, p->aParam[iP-1].z, strchr(p->aParam[iP-1].z, '*')!=0, abSel, aiOrder, &n);
        continue;
      }
    }
    if( e->eType!=KQL_T_DYNAMIC && e->eType!=KQL_T_STRING ){
      kqlBindErr(p, pItem, "KQL145", "project-by-names: expected a column name, a pattern or a dynamic array of names, not %s",
                 kqlTypeName(e->eType));
      return kqlExtRelError(p);
    }
    const char *zJson = e->zJson;
    if( zJson==0 ){
      if( p->pEnv->xQuery==0 ){
        /* checking: the names are not known without data */
        KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
        r->bError = 1;
        return r;
      }
      const char *zErr = 0;
      if( p->pEnv->xQuery(p->pEnv->pArg, kqlArenaPrintf(p->pArena, "SELECT %s", e->zSql), p->aParam, p->nParam,
                          &zJson, &zErr) ){
        kqlBindErr(p, pItem, "KQL271", "project-by-names: cannot evaluate the names: %s", zErr ? zErr : "query failed");
        return kqlExtRelError(p);
      }
      if( zJson==0 ) continue;
    }
    pickJson(p, pIn, zJson, abSel, aiOrder, &n);
  }
  const char *zA = kqlBindAlias(p);
  KqlCol *aCol = kqlExtCols(p, n);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<n; i++){
    if( i ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s.", zA);
    kqlStrIdent(&s, pIn->aCol[aiOrder[i]].zName, -1);
    aCol[i] = pIn->aCol[aiOrder[i]];
  }
  if( n==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrPrintf(&s, " FROM %s AS %s", kqlBindSrc(p, pIn), zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), n, aCol);
  r->bOrdered = pIn->bOrdered;
  return r;
}
