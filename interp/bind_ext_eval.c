/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** evaluate: the plugins kqlite runs.
**   bag_unpack(col [, prefix] [, columnsConflict] [, ignoredProperties])
**       [: (schema)]  one column per bag key. Without a schema the keys and
**       their types come from the data (KqlBindEnv.xQuery runs the
**       kql_bag_keys aggregate); columns are sorted by name and typed long,
**       real, string or bool when every value agrees, dynamic otherwise.
**   pivot(col [, agg(x)] [, key, ...])  one column per distinct value of col
**       (again from the data), holding agg (default count()) of its rows.
**   narrow()  one row per cell: Row, Column, Value.
**   ipv4_lookup(Table, ip, range [, return_unmatched])  a join on
**       ipv4_is_in_range.
** bind_ext_plugin*.c run more (see bind_ext_plugin.h).
** Any other plugin reports "not supported: evaluate <name>". In check mode
** (no xQuery) the data-dependent plugins end the checking of the pipeline
** (their columns are unknown) without an error.
*/
#include "bind_ext_plugin.h"
#include <stdlib.h>
#include <string.h>

/* One name read back from a length-prefixed list ("<n>:<bytes>"). */
typedef struct NameItem NameItem;
struct NameItem {
  const char *zName;    /* arena copy */
  int iKinds;           /* bag_unpack: kinds bits (-1 when absent) */
};

/*
** Parse z: repeated "[kinds,]len:bytes" items into *paItem (arena).
** Returns the item count, or -1 when malformed.
*/
static int parseNameList(Binder *p, const char *z, int bKinds, NameItem **paItem){
  int n = z ? (int)strlen(z) : 0, i = 0, nItem = 0, nAlloc = 0;
  NameItem *a = 0;
  while( i<n ){
    int iKinds = -1;
    char *zEnd;
    if( bKinds ){
      iKinds = (int)strtol(z+i, &zEnd, 10);
      if( *zEnd!=',' ) return -1;
      i = (int)(zEnd - z) + 1;
    }
    long nLen = strtol(z+i, &zEnd, 10);
    if( *zEnd!=':' || nLen<0 ) return -1;
    i = (int)(zEnd - z) + 1;
    if( nLen > n - i ) return -1;
    if( nItem>=nAlloc ){
      int nNew = nAlloc ? nAlloc*2 : 16;
      NameItem *aNew = kqlArenaAlloc(p->pArena, sizeof(NameItem)*(size_t)nNew);
      if( nItem ) memcpy(aNew, a, sizeof(NameItem)*(size_t)nItem);
      a = aNew;
      nAlloc = nNew;
    }
    a[nItem].zName = kqlArenaStrdup(p->pArena, z+i, nLen);
    a[nItem].iKinds = iKinds;
    nItem++;
    i += (int)nLen;
  }
  *paItem = a;
  return nItem;
}

/* Run zSql through xQuery; the first cell, "" for none. NULL in check mode or on error (reported). */
static const char *runQuery(Binder *p, const KqlAst *pAt, const char *zSql, int *pbCheck){
  *pbCheck = 0;
  if( p->pEnv->xQuery==0 ){ *pbCheck = 1; return 0; }
  const char *zOut = 0, *zErr = 0;
  if( p->pEnv->xQuery(p->pEnv->pArg, zSql, p->aParam, p->nParam, &zOut, &zErr) ){
    kqlBindErr(p, pAt, "KQL221", "evaluate: cannot read the data: %s", zErr ? zErr : "query failed");
    return 0;
  }
  return zOut ? zOut : "";
}

/*
** Check mode: the columns depend on data that is not read. The relation
** is flagged as failed without a diagnostic, so the rest of the pipeline is
** not checked against a schema that would be wrong.
*/
static KqlRel *openSchema(Binder *p){
  KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
  r->bError = 1;
  return r;
}

static int cmpItem(const void *a, const void *b){
  return strcmp(((const NameItem*)a)->zName, ((const NameItem*)b)->zName);
}

/* Type of an unpacked column from the kinds of its values. */
static int typeFromKinds(int k){
  switch( k ){
    case 1: return KQL_T_LONG;
    case 2: case 3: return KQL_T_REAL;
    case 4: return KQL_T_STRING;
    case 8: return KQL_T_BOOL;
    default: return KQL_T_DYNAMIC;
  }
}

/* The argument named zName, or positional argument iPos (skipping named ones). */
static const KqlAst *pluginArg(const KqlAst *pCall, const char *zName, int iPos){
  int k = 0;
  for(int i=0; i<pCall->nChild; i++){
    const KqlAst *a = pCall->aChild[i];
    if( a->eKind==KQL_AST_NAMEDARG ){
      if( zName && a->z && strcmp(a->z, zName)==0 ) return a->nChild ? a->aChild[0] : 0;
      continue;
    }
    if( k++==iPos ) return a;
  }
  return 0;
}

/* ------------------------------------------------------------ bag_unpack */

static KqlRel *bagUnpack(Binder *p, KqlRel *pIn, const KqlAst *pOp, const KqlAst *pCall){
  const KqlAst *pCol = pluginArg(pCall, 0, 0);
  if( pCol==0 ){
    kqlBindErr(p, pCall, "KQL220", "bag_unpack: expected a dynamic column");
    return kqlExtRelError(p);
  }
  const KqlAst *pPrefix = pluginArg(pCall, "OutputColumnPrefix", 1);
  const KqlAst *pConflict = pluginArg(pCall, "columnsConflict", 2);
  const KqlAst *pIgnored = pluginArg(pCall, "ignoredProperties", 3);
  const char *zPrefix = "";
  if( pPrefix && (zPrefix = kqlExtConstText(p, pPrefix, 0))==0 ){
    kqlBindErr(p, pPrefix, "KQL220", "bag_unpack: the column prefix must be a string constant");
    return kqlExtRelError(p);
  }
  int eConflict = 0;   /* 0 error, 1 replace_source, 2 keep_source */
  if( pConflict ){
    const char *z = kqlExtConstText(p, pConflict, 0);
    if( z && strcmp(z, "error")==0 ) eConflict = 0;
    else if( z && strcmp(z, "replace_source")==0 ) eConflict = 1;
    else if( z && strcmp(z, "keep_source")==0 ) eConflict = 2;
    else{
      kqlBindErr(p, pConflict, "KQL220", "bag_unpack: columnsConflict must be 'error', 'replace_source' or 'keep_source'");
      return kqlExtRelError(p);
    }
  }
  const char *zIgnored = "NULL";
  if( pIgnored ){
    KqlExpr *e = kqlExtConst(p, pIgnored);
    if( e->bError ) return kqlExtRelError(p);
    if( e->eType!=KQL_T_DYNAMIC || !e->bConst ){
      kqlBindErr(p, pIgnored, "KQL220", "bag_unpack: ignoredProperties must be a constant dynamic array");
      return kqlExtRelError(p);
    }
    zIgnored = e->zSql;
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eCol = kqlBindExpr(p, pCol);
  kqlExtRowLeave(p, pSave);
  if( eCol->bError ) return kqlExtRelError(p);
  if( eCol->eType!=KQL_T_DYNAMIC ){
    kqlBindErr(p, pCol, "KQL220", "bag_unpack: expected a dynamic column, not %s", kqlTypeName(eCol->eType));
    return kqlExtRelError(p);
  }
  int iBagCol = pCol->eKind==KQL_AST_IDENT ? kqlBindFindCol(pIn, pCol->z) : -1;
  /* the unpacked keys: from the schema, or from the data */
  const KqlAst *pSchema = pOp->nChild>1 ? pOp->aChild[1] : 0;
  NameItem *aKey = 0;
  int nKey = 0, bStar = 1, bCheck = 0;
  if( pSchema ){
    bStar = pSchema->z && strcmp(pSchema->z, "*")==0;
    aKey = kqlArenaAlloc(p->pArena, sizeof(NameItem)*(size_t)(pSchema->nChild+1));
    for(int i=0; i<pSchema->nChild; i++){
      const KqlAst *pDecl = pSchema->aChild[i];
      if( pDecl->eKind==KQL_AST_STAR ){ bStar = 1; continue; }
      int t = kqlExtType(pDecl);
      if( t<0 ){
        kqlBindErr(p, pDecl, "KQL111", "unknown type in column '%s'", pDecl->z ? pDecl->z : "?");
        return kqlExtRelError(p);
      }
      aKey[nKey].zName = pDecl->z;
      aKey[nKey].iKinds = -1 - t;   /* a declared type */
      nKey++;
    }
  }else{
    KqlStr q;
    kqlStrInit(&q, p->pArena);
    kqlStrPrintf(&q, "SELECT kql_bag_keys(%s, %s) FROM (%s) AS %s", eCol->zSql, zIgnored, pIn->zSql, zA);
    const char *zKeys = runQuery(p, pCall, kqlStrText(&q), &bCheck);
    if( zKeys==0 && !bCheck ) return kqlExtRelError(p);
    if( bCheck ) return openSchema(p);
    if( zKeys ){
      nKey = parseNameList(p, zKeys, 1, &aKey);
      if( nKey<0 ){
        kqlBindErr(p, pCall, "KQL221", "bag_unpack: cannot read the keys");
        return kqlExtRelError(p);
      }
      for(int i=0; i<nKey; i++){
        aKey[i].zName = kqlArenaPrintf(p->pArena, "%s%s", zPrefix, aKey[i].zName);
      }
      if( nKey>1 ) qsort(aKey, (size_t)nKey, sizeof(NameItem), cmpItem);
    }
  }
  /* output: input columns (without the bag), then the keys */
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + nKey);
  const char **azSql = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(pIn->nCol + nKey + 1));
  int nOut = 0;
  if( bStar ){
    for(int c=0; c<pIn->nCol; c++){
      if( c==iBagCol ) continue;
      int bConflict = 0;
      for(int k=0; k<nKey && !bConflict; k++) bConflict = strcmp(aKey[k].zName, pIn->aCol[c].zName)==0;
      if( bConflict && !pSchema ){
        if( eConflict==0 ){
          kqlBindErr(p, pCall, "KQL222", "bag_unpack: column '%s' already exists (use columnsConflict=)",
                     pIn->aCol[c].zName);
          return kqlExtRelError(p);
        }
        if( eConflict==1 ) continue;
      }
      if( bConflict && pSchema ) continue;
      KqlStr r;
      kqlStrInit(&r, p->pArena);
      kqlStrPrintf(&r, "%s.", zA);
      kqlStrIdent(&r, pIn->aCol[c].zName, -1);
      azSql[nOut] = kqlStrText(&r);
      aOut[nOut++] = pIn->aCol[c];
    }
  }
  for(int k=0; k<nKey; k++){
    const char *zName = aKey[k].zName;
    if( kqlNameUnique(p, zName, aOut, nOut)!=zName ) continue;   /* keep_source */
    int t = aKey[k].iKinds<0 ? -1 - aKey[k].iKinds : typeFromKinds(aKey[k].iKinds);
    const char *zKey = zName;
    if( !pSchema ) zKey = zName + strlen(zPrefix);
    else if( zPrefix[0] && strncmp(zName, zPrefix, strlen(zPrefix))==0 ) zKey = zName + strlen(zPrefix);
    KqlExpr *eVal = kqlExprNew(p, pCol, KQL_T_DYNAMIC,
                               kqlArenaPrintf(p->pArena, "kql_dyn_get(%s, %s)", eCol->zSql,
                                              kqlBindParamText(p, zKey, -1)));
    azSql[nOut] = kqlExprAs(p, eVal, t);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = t;
    nOut++;
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int c=0; c<nOut; c++){
    if( c ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s AS ", azSql[c]);
    kqlStrIdent(&s, aOut[c].zName, -1);
  }
  if( nOut==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s", pIn->zSql, zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
  r->bOrdered = pIn->bOrdered;
  return r;
}

/* ------------------------------------------------------------ pivot */

/* Mark in ab[] the input columns named anywhere in pAst. */
static void markCols(const KqlRel *pIn, const KqlAst *pAst, unsigned char *ab){
  if( pAst==0 ) return;
  if( pAst->eKind==KQL_AST_IDENT ){
    int c = kqlBindFindCol(pIn, pAst->z);
    if( c>=0 ) ab[c] = 1;
  }
  for(int i=0; i<pAst->nChild; i++) markCols(pIn, pAst->aChild[i], ab);
}

static int isCountLike(const KqlAst *pAgg){
  const char *z = pAgg && pAgg->eKind==KQL_AST_CALL ? pAgg->z : 0;
  return z==0 || strcmp(z, "count")==0 || strcmp(z, "countif")==0 || strcmp(z, "dcount")==0
      || strcmp(z, "dcountif")==0 || strcmp(z, "sum")==0 || strcmp(z, "sumif")==0;
}

static KqlRel *pivot(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  const KqlAst *pPiv = pluginArg(pCall, 0, 0);
  const KqlAst *pAgg = pluginArg(pCall, 0, 1);
  if( pPiv==0 ){
    kqlBindErr(p, pCall, "KQL223", "pivot: expected the pivot column");
    return kqlExtRelError(p);
  }
  /* the second argument is the aggregation when it is a call of an aggregate */
  int iKey0 = 2;
  if( pAgg && pAgg->eKind==KQL_AST_CALL && pAgg->z ){
    const KqlBuiltin *pFn = kqlBuiltinFind(pAgg->z, -1);
    if( pFn==0 || pFn->eKind!=KQL_FN_AGG ){ pAgg = 0; iKey0 = 1; }
  }else{
    pAgg = 0;
    iKey0 = pluginArg(pCall, 0, 1) ? 1 : 2;
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *ePiv = kqlBindExpr(p, pPiv);
  if( ePiv->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
  const char *zPiv = kqlExprAs(p, ePiv, KQL_T_STRING);
  /* keys */
  unsigned char *abUsed = kqlArenaAlloc(p->pArena, (size_t)pIn->nCol + 1);
  KqlCol *aKey = kqlExtCols(p, pIn->nCol + 1);
  const char **azKey = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(pIn->nCol + 1));
  int nKey = 0;
  if( pluginArg(pCall, 0, iKey0) ){
    for(int k=iKey0; pluginArg(pCall, 0, k); k++){
      const KqlAst *pK = pluginArg(pCall, 0, k);
      KqlExpr *e = kqlBindExpr(p, pK);
      if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
      const char *zName = kqlNameForExpr(p, pK, 0);
      if( zName==0 ) zName = kqlNameColumnN(p, pIn->aCol, pIn->nCol, aKey, nKey);
      aKey[nKey].zName = kqlNameUnique(p, zName, aKey, nKey);
      aKey[nKey].eType = kqlExtColType(e);
      azKey[nKey++] = e->zSql;
    }
  }else{
    markCols(pIn, pPiv, abUsed);
    markCols(pIn, pAgg, abUsed);
    for(int c=0; c<pIn->nCol; c++){
      if( abUsed[c] ) continue;
      aKey[nKey] = pIn->aCol[c];
      azKey[nKey++] = kqlBindColRef(p, c);
    }
  }
  ctx.bAggOk = 1;
  KqlExpr *eAgg;
  if( pAgg ){
    eAgg = kqlBindExpr(p, pAgg);
  }else{
    eAgg = kqlExprNew(p, pCall, KQL_T_LONG, "count(*)");
  }
  kqlExtRowLeave(p, pSave);
  if( eAgg->bError ) return kqlExtRelError(p);
  if( !pAgg ) eAgg->bAgg = 1;
  /* inner: keys, pivot value, aggregate */
  KqlStr in;
  kqlStrInit(&in, p->pArena);
  kqlStrAppend(&in, "SELECT ", -1);
  for(int k=0; k<nKey; k++){
    kqlStrPrintf(&in, "%s AS ", azKey[k]);
    kqlStrIdent(&in, aKey[k].zName, -1);
    kqlStrAppend(&in, ", ", 2);
  }
  const char *zPv = kqlNameUnique(p, "kql$pv", aKey, nKey);
  const char *zAg = kqlNameUnique(p, "kql$agg", aKey, nKey);
  kqlStrPrintf(&in, "%s AS ", zPiv);
  kqlStrIdent(&in, zPv, -1);
  kqlStrPrintf(&in, ", %s AS ", eAgg->zSql);
  kqlStrIdent(&in, zAg, -1);
  kqlStrPrintf(&in, " FROM (%s) AS %s GROUP BY ", pIn->zSql, zA);
  for(int k=0; k<=nKey; k++) kqlStrPrintf(&in, "%s%d", k ? ", " : "", k+1);
  /* the distinct values */
  KqlStr q;
  kqlStrInit(&q, p->pArena);
  kqlStrPrintf(&q, "SELECT group_concat(length(CAST(v AS BLOB)) || ':' || v, '') FROM "
                   "(SELECT DISTINCT %s AS v FROM (%s) AS %s ORDER BY 1)", zPiv, pIn->zSql, zA);
  int bCheck = 0;
  const char *zVals = runQuery(p, pCall, kqlStrText(&q), &bCheck);
  if( zVals==0 && !bCheck ) return kqlExtRelError(p);
  if( bCheck ) return openSchema(p);
  NameItem *aVal = 0;
  int nVal = zVals ? parseNameList(p, zVals, 0, &aVal) : 0;
  if( nVal<0 ){
    kqlBindErr(p, pCall, "KQL221", "pivot: cannot read the values");
    return kqlExtRelError(p);
  }
  KqlCol *aOut = kqlExtCols(p, nKey + nVal);
  memcpy(aOut, aKey, sizeof(KqlCol)*(size_t)nKey);
  int nOut = nKey;
  const char *zB = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int k=0; k<nKey; k++){
    kqlStrPrintf(&s, "%s%s.", k ? ", " : "", zB);
    kqlStrIdent(&s, aKey[k].zName, -1);
  }
  int eAggT = kqlExtColType(eAgg);
  int bZero = isCountLike(pAgg);
  for(int v=0; v<nVal; v++){
    const char *zName = aVal[v].zName[0] ? aVal[v].zName : "Column1";
    zName = kqlNameUnique(p, zName, aOut, nOut);
    if( nOut ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "%s(max(CASE WHEN %s.", bZero ? "coalesce" : "", zB);
    kqlStrIdent(&s, zPv, -1);
    kqlStrPrintf(&s, " = %s THEN %s.", kqlBindParamText(p, aVal[v].zName, -1), zB);
    kqlStrIdent(&s, zAg, -1);
    kqlStrPrintf(&s, " END)%s) AS ", bZero ? ", 0" : "");
    kqlStrIdent(&s, zName, -1);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = eAggT;
    nOut++;
  }
  if( nOut==0 ) kqlStrAppend(&s, "NULL", -1);
  kqlStrPrintf(&s, " FROM (%s) AS %s", kqlStrText(&in), zB);
  if( nKey ){
    kqlStrAppend(&s, " GROUP BY ", -1);
    for(int k=0; k<nKey; k++) kqlStrPrintf(&s, "%s%d", k ? ", " : "", k+1);
  }else{
    kqlStrAppend(&s, " HAVING count(*) > 0", -1);
  }
  return kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
}

/* ------------------------------------------------------------ narrow */

static KqlRel *narrow(Binder *p, KqlRel *pIn){
  const char *zA = kqlBindAlias(p);
  const char *zR = kqlExtHiddenName(p, pIn, "kql$row");
  KqlCol *aOut = kqlExtCols(p, 3);
  aOut[0].zName = "Row";    aOut[0].eType = KQL_T_LONG;
  aOut[1].zName = "Column"; aOut[1].eType = KQL_T_STRING;
  aOut[2].zName = "Value";  aOut[2].eType = KQL_T_STRING;
  if( pIn->nCol==0 ){
    return kqlBindRelNew(p, "SELECT NULL AS \"Row\", NULL AS \"Column\", NULL AS \"Value\" WHERE 0", 3, aOut);
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  /* number the rows once, then one leg per column; sorted by row, then column order */
  kqlStrPrintf(&s, "SELECT \"Row\", \"Column\", \"Value\" FROM (WITH %s AS MATERIALIZED "
                   "(SELECT row_number() OVER () - 1 AS ", zA);
  kqlStrIdent(&s, zR, -1);
  kqlStrPrintf(&s, ", * FROM (%s)) ", pIn->zSql);
  for(int c=0; c<pIn->nCol; c++){
    KqlStr col;
    kqlStrInit(&col, p->pArena);
    kqlStrPrintf(&col, "%s.", zA);
    kqlStrIdent(&col, pIn->aCol[c].zName, -1);
    KqlExpr *e = kqlExprNew(p, 0, pIn->aCol[c].eType, kqlStrText(&col));
    kqlStrPrintf(&s, "%sSELECT %s.", c ? "UNION ALL " : "", zA);
    kqlStrIdent(&s, zR, -1);
    kqlStrPrintf(&s, " AS \"Row\", %s AS \"Column\", %s AS \"Value\", %d AS \"kql$c\" FROM %s ",
                 kqlBindParamText(p, pIn->aCol[c].zName, -1), kqlExprAs(p, e, KQL_T_STRING), c, zA);
  }
  kqlStrAppend(&s, "ORDER BY 1, 4)", -1);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), 3, aOut);
  r->bOrdered = 1;
  return r;
}

/* ------------------------------------------------------------ ipv4_lookup */

static KqlRel *ipLookup(Binder *p, KqlRel *pIn, const KqlAst *pCall, int bV6){
  const char *zFn = bV6 ? "ipv6_lookup" : "ipv4_lookup";
  const KqlAst *pTab = pluginArg(pCall, 0, 0);
  const KqlAst *pIp = pluginArg(pCall, 0, 1);
  const KqlAst *pRange = pluginArg(pCall, 0, 2);
  const KqlAst *pUnmatched = pluginArg(pCall, "return_unmatched", 3);
  if( pTab==0 || pIp==0 || pRange==0 || pRange->eKind!=KQL_AST_IDENT ){
    kqlBindErr(p, pCall, "KQL224", "%s: expected (LookupTable, SourceIPColumn, IPRangeColumn [, return_unmatched])", zFn);
    return kqlExtRelError(p);
  }
  int bLeft = 0;
  if( pUnmatched ){
    KqlExpr *e = kqlExtConst(p, pUnmatched);
    if( e->eType!=KQL_T_BOOL || pUnmatched->eKind!=KQL_AST_LITERAL ){
      kqlBindErr(p, pUnmatched, "KQL224", "%s: return_unmatched must be true or false", zFn);
      return kqlExtRelError(p);
    }
    bLeft = pUnmatched->z && strcmp(pUnmatched->z, "true")==0;
  }
  KqlRowCtx *pRowSave = p->pRow;
  p->pRow = 0;
  KqlRel *pLk = kqlBindTabular(p, pTab);
  p->pRow = pRowSave;
  if( pLk->bError ) return pLk;
  int iRange = kqlBindFindCol(pLk, pRange->z);
  if( iRange<0 ){
    kqlBindErr(p, pRange, "KQL103", "unknown column '%s' in the lookup table", pRange->z);
    return kqlExtRelError(p);
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eIp = kqlBindExpr(p, pIp);
  kqlExtRowLeave(p, pSave);
  if( eIp->bError ) return kqlExtRelError(p);
  const char *zB = kqlBindAlias(p);
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + pLk->nCol);
  int nOut = 0;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  /* ipv4_lookup: the input's columns first; ipv6_lookup: the lookup table's */
  for(int iPass=0; iPass<2; iPass++){
    int bLookup = (iPass==0)==(bV6!=0);
    kqlPluginAppendCols(p, &s, bLookup ? pLk : pIn, bLookup ? zB : zA, -1, bLookup && bLeft, aOut, &nOut);
  }
  if( nOut==0 ) kqlStrAppend(&s, "NULL", -1);
  KqlExpr eR;
  memset(&eR, 0, sizeof(eR));
  KqlStr rr;
  kqlStrInit(&rr, p->pArena);
  kqlStrPrintf(&rr, "%s.", zB);
  kqlStrIdent(&rr, pLk->aCol[iRange].zName, -1);
  eR.zSql = kqlStrText(&rr);
  eR.eType = pLk->aCol[iRange].eType;
  kqlStrPrintf(&s, " FROM (%s) AS %s %sJOIN (%s) AS %s ON kql_%s_is_in_range(%s, %s)", pIn->zSql, zA,
               bLeft ? "LEFT " : "", pLk->zSql, zB, bV6 ? "ipv6" : "ipv4",
               kqlExprAs(p, eIp, KQL_T_STRING), kqlExprAs(p, &eR, KQL_T_STRING));
  return kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
}

/* ------------------------------------------------------------ dispatch */

static KqlRel *evaluatePlugin(Binder *p, KqlRel *pIn, const KqlAst *pOp);

/* The docs list evaluate among the operators whose output is not serialized. */
KqlRel *kqlExtEvaluate(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  KqlRel *r = evaluatePlugin(p, pIn, pOp);
  if( r ) r->bOrdered = 0;
  return r;
}

static KqlRel *evaluatePlugin(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  const KqlAst *pCall = pOp->nChild ? pOp->aChild[0] : 0;
  if( pCall==0 || pCall->eKind!=KQL_AST_CALL || pCall->z==0 ){
    kqlBindErr(p, pOp, "KQL225", "evaluate: expected a plugin call");
    return kqlExtRelError(p);
  }
  const char *z = pCall->z;
  if( pIn ){
    if( strcmp(z, "bag_unpack")==0 ) return bagUnpack(p, pIn, pOp, pCall);
    if( strcmp(z, "pivot")==0 ) return pivot(p, pIn, pCall);
    if( strcmp(z, "narrow")==0 ) return narrow(p, pIn);
    if( strcmp(z, "ipv4_lookup")==0 ) return ipLookup(p, pIn, pCall, 0);
    if( strcmp(z, "ipv6_lookup")==0 ) return ipLookup(p, pIn, pCall, 1);
    KqlRel *r;   /* the plugins of bind_ext_plugin*.c */
    if( (r = kqlPluginGeo(p, pIn, pCall, z))!=0 ) return r;
    if( (r = kqlPluginActivity(p, pIn, pCall, z))!=0 ) return r;
    if( (r = kqlPluginMisc(p, pIn, pCall, z))!=0 ) return r;
    if( (r = kqlPluginRolling(p, pIn, pCall, z))!=0 ) return r;
    if( (r = kqlPluginNear(p, pIn, pCall, z))!=0 ) return r;
  }
  kqlBindErr(p, pCall, "KQL190", "not supported: evaluate %s", z);
  return kqlExtRelError(p);
}
