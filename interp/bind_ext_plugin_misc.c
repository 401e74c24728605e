/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** evaluate dcount_intersect and schema_merge, and the argument helpers the
** bind_ext_plugin*.c files share.
**   dcount_intersect(hll_1, hll_2 [, ...])  the input's columns, then s0 ..
**       s(n-1): the distinct count of hll_1, of hll_1 ∩ hll_2, ... (an hll
**       value is kqlite's exact set of value keys, a JSON array).
**   schema_merge([PreserveOrder])  over getschema rows (ColumnName,
**       ColumnOrdinal, DataType, ColumnType) of several schemas: one row per
**       column name, ordered by the largest ordinal it has in any schema
**       (then first appearance). With PreserveOrder (default true) a column
**       whose ordinal differs from the one of the first schema holding it
**       gets ordinal -1 and the "columns are out of order" error texts;
**       without, ordinals are renumbered 0, 1, ... Columns whose types
**       differ fail the query (Kusto's type reduction is not implemented).
**   basket([Threshold [, '~' [, MaxDimensions]]])  the closed frequent
**       patterns of the rows (fn_pattern.c): SegmentId, Count, Percent, then
**       the input's columns holding the pattern's value or the wildcard
**       (empty for strings, null otherwise). Kusto samples the data and
**       numbers the segments its own way: here counts are exact and the
**       segments go by Count descending. A WeightColumn or custom wildcards
**       are not supported.
*/
#include "bind_ext_plugin.h"
#include <stdlib.h>
#include <string.h>

/* kqlPluginAppendCols(): contract in bind_ext_plugin.h. */
void kqlPluginAppendCols(Binder *p, KqlStr *s, const KqlRel *pR, const char *zT, int iSkip,
                         int bCoalesce, KqlCol *aOut, int *pnOut){
  for(int c=0; c<pR->nCol; c++){
    if( c==iSkip ) continue;
    const char *zName = kqlNameUnique(p, pR->aCol[c].zName, aOut, *pnOut);
    int bStr = bCoalesce && pR->aCol[c].eType==KQL_T_STRING;
    if( *pnOut ) kqlStrAppend(s, ", ", 2);
    if( bStr ) kqlStrAppend(s, "coalesce(", -1);
    kqlStrPrintf(s, "%s.", zT);
    kqlStrIdent(s, pR->aCol[c].zName, -1);
    if( bStr ) kqlStrAppend(s, ", '')", -1);
    kqlStrAppend(s, " AS ", -1);
    kqlStrIdent(s, zName, -1);
    aOut[*pnOut].zName = zName;
    aOut[*pnOut].eType = pR->aCol[c].eType;
    (*pnOut)++;
  }
}

const KqlAst *kqlPluginArg(const KqlAst *pCall, const char *zName, int iPos){
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

int kqlPluginNArg(const KqlAst *pCall){
  int k = 0;
  for(int i=0; i<pCall->nChild; i++) k += pCall->aChild[i]->eKind!=KQL_AST_NAMEDARG;
  return k;
}

/* ------------------------------------------------------------ dcount_intersect */

static KqlRel *dcountIntersect(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  int nArg = kqlPluginNArg(pCall);
  if( nArg<2 || nArg>16 || nArg!=pCall->nChild ){
    kqlBindErr(p, pCall, "KQL227", "dcount_intersect: expected 2 to 16 hll values");
    return kqlExtRelError(p);
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  const char *azH[16];
  for(int i=0; i<nArg; i++){
    KqlExpr *e = kqlBindExpr(p, pCall->aChild[i]);
    if( e->bError ){ kqlExtRowLeave(p, pSave); return kqlExtRelError(p); }
    if( e->eType!=KQL_T_DYNAMIC ){
      kqlExtRowLeave(p, pSave);
      kqlBindErr(p, pCall->aChild[i], "KQL227", "dcount_intersect: expected an hll value (dynamic), not %s",
                 kqlTypeName(e->eType));
      return kqlExtRelError(p);
    }
    azH[i] = e->zSql;
  }
  kqlExtRowLeave(p, pSave);
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + nArg);
  memcpy(aOut, pIn->aCol, sizeof(KqlCol)*(size_t)pIn->nCol);
  int nOut = pIn->nCol;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlExtColList(&s, pIn, zA);
  for(int k=0; k<nArg; k++){
    const char *zName = kqlNameUnique(p, kqlArenaPrintf(p->pArena, "s%d", k), aOut, nOut);
    if( nOut ) kqlStrAppend(&s, ", ", 2);
    kqlStrPrintf(&s, "(SELECT count(DISTINCT h0.value) FROM json_each(%s) AS h0 WHERE h0.type = 'text'", azH[0]);
    for(int j=1; j<=k; j++){
      kqlStrPrintf(&s, " AND EXISTS (SELECT 1 FROM json_each(%s) AS h%d WHERE h%d.value = h0.value)", azH[j], j, j);
    }
    kqlStrAppend(&s, ") AS ", -1);
    kqlStrIdent(&s, zName, -1);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = KQL_T_LONG;
    nOut++;
  }
  kqlStrPrintf(&s, " FROM (%s) AS %s", pIn->zSql, zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
  r->bOrdered = pIn->bOrdered;
  return r;
}

/* ------------------------------------------------------------ schema_merge */

static KqlRel *schemaMerge(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  static const char *const azCol[] = {"ColumnName", "ColumnOrdinal", "DataType", "ColumnType"};
  const KqlAst *pPreserve = kqlPluginArg(pCall, "PreserveOrder", 0);
  int bPreserve = 1;
  if( kqlPluginNArg(pCall)>1 ){
    kqlBindErr(p, pCall, "KQL228", "schema_merge: expected at most one argument (PreserveOrder)");
    return kqlExtRelError(p);
  }
  if( pPreserve ){
    if( pPreserve->eKind==KQL_AST_LITERAL && pPreserve->z && strcmp(pPreserve->z, "true")==0 ) bPreserve = 1;
    else if( pPreserve->eKind==KQL_AST_LITERAL && pPreserve->z && strcmp(pPreserve->z, "false")==0 ) bPreserve = 0;
    else{
      kqlBindErr(p, pPreserve, "KQL228", "schema_merge: PreserveOrder must be true or false");
      return kqlExtRelError(p);
    }
  }
  int aiCol[4];
  for(int i=0; i<4; i++){
    aiCol[i] = kqlBindFindCol(pIn, azCol[i]);
    if( aiCol[i]<0 ){
      kqlBindErr(p, pCall, "KQL228", "schema_merge: the input must be getschema rows (no column '%s')", azCol[i]);
      return kqlExtRelError(p);
    }
  }
  KqlCol *aOut = kqlExtCols(p, 4);
  for(int i=0; i<4; i++) aOut[i] = pIn->aCol[aiCol[i]];
  const char *zA = kqlBindAlias(p);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrPrintf(&s, "SELECT n AS \"ColumnName\", %s AS \"ColumnOrdinal\", "
               "CASE WHEN %d AND no > 1 THEN 'ERROR(unknown CSL type:ERROR(columns are out of order))' "
               "WHEN nt > 1 THEN kql_assert(0, 'not supported: schema_merge of columns with different types') "
               "ELSE d END AS \"DataType\", "
               "CASE WHEN %d AND no > 1 THEN 'ERROR(columns are out of order)' ELSE t END AS \"ColumnType\" "
               "FROM (WITH r AS MATERIALIZED (SELECT row_number() OVER () AS rn",
               bPreserve ? "CASE WHEN no > 1 THEN -1 ELSE fo END" : "pos", bPreserve, bPreserve);
  static const char *const azAs[] = {"n", "o", "d", "t"};
  for(int i=0; i<4; i++){
    kqlStrPrintf(&s, ", %s.", zA);
    kqlStrIdent(&s, azCol[i], -1);
    kqlStrPrintf(&s, " AS %s", azAs[i]);
  }
  kqlStrPrintf(&s, " FROM (%s) AS %s), g AS (SELECT n, min(rn) AS frn, max(o) AS mo, count(DISTINCT o) AS no, "
               "count(DISTINCT t) AS nt, (SELECT r2.o FROM r AS r2 WHERE r2.n = r.n ORDER BY r2.rn LIMIT 1) AS fo, "
               "min(d) AS d, min(t) AS t FROM r WHERE n IS NOT NULL GROUP BY n) "
               "SELECT *, row_number() OVER (ORDER BY mo, frn) - 1 AS pos FROM g) ORDER BY pos",
               pIn->zSql, zA);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), 4, aOut);
  r->bOrdered = 1;
  return r;
}

/* ------------------------------------------------------------ basket */

/* Is pArg the '~' placeholder (use the default)? */
static int isDefault(Binder *p, const KqlAst *pArg){
  const char *z = kqlExtConstText(p, pArg, 0);
  return pArg->eKind==KQL_AST_LITERAL && z && strcmp(z, "~")==0;
}

static KqlRel *basket(Binder *p, KqlRel *pIn, const KqlAst *pCall){
  int nArg = kqlPluginNArg(pCall);
  if( nArg!=pCall->nChild ){
    kqlBindErr(p, pCall, "KQL227", "basket: named arguments are not expected");
    return kqlExtRelError(p);
  }
  /* only Threshold and MaxDimensions: a WeightColumn or custom wildcards are not run */
  for(int i=1; i<nArg; i++){
    const KqlAst *pA = pCall->aChild[i];
    if( i==2 || isDefault(p, pA) ) continue;
    kqlBindErr(p, pA, "KQL190", "not supported: evaluate basket with a %s",
               i==1 ? "weight column" : "custom wildcard");
    return kqlExtRelError(p);
  }
  const char *zThr = kqlBindParamReal(p, 0.05), *zMax = kqlBindParamInt(p, 5);
  for(int i=0; i<3 && i<nArg; i+=2){
    const KqlAst *pA = pCall->aChild[i];
    if( isDefault(p, pA) ) continue;
    KqlExpr *e = kqlExtConst(p, pA);
    if( e->bError ) return kqlExtRelError(p);
    int bOk = e->bConst && pA->eKind==KQL_AST_LITERAL && pA->z
           && (e->eType==KQL_T_REAL || e->eType==KQL_T_LONG || e->eType==KQL_T_INT || e->eType==KQL_T_DECIMAL);
    double r = bOk ? strtod(pA->z, 0) : 0;
    if( i==0 ) bOk = bOk && r>=0.015 && r<=1;
    else bOk = bOk && r>=1 && r<=64 && r==(double)(int)r;
    if( !bOk ){
      kqlBindErr(p, pA, "KQL227", i==0 ? "basket: Threshold must be a number from 0.015 to 1"
                                       : "basket: MaxDimensions must be a whole number from 1 to 64");
      return kqlExtRelError(p);
    }
    if( i==0 ) zThr = kqlBindParamReal(p, r);
    else zMax = kqlBindParamInt(p, (int64_t)r);
  }
  if( pIn->nCol>62 ){
    kqlBindErr(p, pCall, "KQL190", "not supported: evaluate basket over more than 62 columns");
    return kqlExtRelError(p);
  }
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + 3);
  aOut[0].zName = "SegmentId"; aOut[0].eType = KQL_T_LONG;
  aOut[1].zName = "Count";     aOut[1].eType = KQL_T_LONG;
  aOut[2].zName = "Percent";   aOut[2].eType = KQL_T_REAL;
  int nOut = 3;
  const char *zRn = kqlExtHiddenName(p, pIn, "kql$rn");
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT \"kql$seg\" AS \"SegmentId\", \"kql$cnt\" AS \"Count\", "
                   "\"kql$cnt\" * 100.0 / \"kql$tot\" AS \"Percent\"", -1);
  for(int c=0; c<pIn->nCol; c++){
    const char *zName = kqlNameUnique(p, pIn->aCol[c].zName, aOut, nOut);
    kqlStrPrintf(&s, ", CASE WHEN (\"kql$m\" >> %d) & 1 THEN ", c);
    kqlStrIdent(&s, pIn->aCol[c].zName, -1);
    kqlStrPrintf(&s, " ELSE %s END AS ", pIn->aCol[c].eType==KQL_T_STRING ? "''" : "NULL");
    kqlStrIdent(&s, zName, -1);
    aOut[nOut].zName = zName;
    aOut[nOut].eType = pIn->aCol[c].eType;
    nOut++;
  }
  kqlStrAppend(&s, " FROM (WITH r AS MATERIALIZED (SELECT row_number() OVER () AS ", -1);
  kqlStrIdent(&s, zRn, -1);
  kqlStrPrintf(&s, ", * FROM (%s)), b AS (SELECT kql_basket(%s, %s, ", pIn->zSql, zThr, zMax);
  kqlStrIdent(&s, zRn, -1);
  for(int c=0; c<pIn->nCol; c++){
    kqlStrAppend(&s, ", ", 2);
    kqlStrIdent(&s, pIn->aCol[c].zName, -1);
  }
  kqlStrAppend(&s, ") AS j, count(*) AS tot FROM r), pt AS (SELECT CAST(je.key AS INTEGER) AS \"kql$seg\", "
                   "je.value ->> '$[0]' AS \"kql$cnt\", je.value ->> '$[1]' AS \"kql$m\", "
                   "je.value ->> '$[2]' AS \"kql$rep\", b.tot AS \"kql$tot\" FROM b, json_each(b.j) AS je) "
                   "SELECT * FROM pt JOIN r ON r.", -1);
  kqlStrIdent(&s, zRn, -1);
  kqlStrAppend(&s, " = pt.\"kql$rep\") ORDER BY 1", -1);
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
  r->bOrdered = 1;
  return r;
}

KqlRel *kqlPluginMisc(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName){
  if( strcmp(zName, "basket")==0 ) return basket(p, pIn, pCall);
  if( strcmp(zName, "dcount_intersect")==0 ) return dcountIntersect(p, pIn, pCall);
  if( strcmp(zName, "schema_merge")==0 ) return schemaMerge(p, pIn, pCall);
  return 0;
}
