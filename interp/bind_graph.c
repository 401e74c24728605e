/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Binding of KQL's graph operators, except graph-match (bind_graph_match.c):
** make-graph, which turns its tabular input into a graph value (KqlGraph, see
** bind_graph.h); graph-to-table, which turns a graph back into its nodes or
** edges table; graph-mark-components, which adds a component id to every
** node. Also the gate every operator passes through: a graph goes only into
** graph operators, and graph operators take only a graph.
*/
#include "bind_graph.h"
#include <string.h>

static int isGraphOp(int eKind){
  return eKind==KQL_AST_OP_MAKE_GRAPH || eKind==KQL_AST_OP_GRAPH_MATCH
      || eKind==KQL_AST_OP_GRAPH_TO_TABLE || eKind==KQL_AST_OP_GRAPH_MARK;
}

int kqlGraphTakes(const KqlRel *pIn, const KqlAst *pOp){
  return (pIn && pIn->pGraph) || (pOp && isGraphOp(pOp->eKind));
}

static KqlRel *relErr(Binder *p){
  KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
  r->bError = 1;
  return r;
}

static KqlCol *colsNew(Binder *p, int n){
  return kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(n>0 ? n : 1));
}

/* A relation carrying graph g (its own SQL is never run). */
static KqlRel *graphRel(Binder *p, KqlGraph *g){
  KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
  r->pGraph = g;
  return r;
}

/* Text of option zName of pOp: a name or a string literal; NULL when absent. */
static const char *optText(const KqlAst *pOp, const char *zName, const KqlAst **ppAt){
  const KqlAst *pArg = kqlAstOpt(pOp, zName);
  if( ppAt ) *ppAt = pArg;
  if( pArg==0 || pArg->nChild==0 || pArg->aChild[0]==0 ) return 0;
  const KqlAst *v = pArg->aChild[0];
  if( v->eKind==KQL_AST_IDENT || (v->eKind==KQL_AST_LITERAL && v->eOp==KQL_LIT_STRING) ) return v->z ? v->z : "";
  return 0;
}

/* Report options of pOp other than those listed (NULL-terminated). */
static int checkOpts(Binder *p, const KqlAst *pOp, const char *const *azOk){
  if( pOp->pOpts==0 ) return 0;
  for(int i=0; i<pOp->pOpts->nChild; i++){
    const KqlAst *o = pOp->pOpts->aChild[i];
    int k;
    for(k=0; azOk[k] && strcmp(azOk[k], o->z ? o->z : "")!=0; k++){}
    if( azOk[k]==0 ){
      kqlBindNotSupported(p, o, kqlArenaPrintf(p->pArena, "%s option %s", kqlAstKindName(pOp->eKind), o->z ? o->z : ""));
      return 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------------ make-graph */

static int partCol(Binder *p, KqlStr *s, const KqlRel *pRel, const char *zA, const char *zPart, const KqlAst *pAt);

/*
** Nodes from two tables "with T1 on k1, T2 on k2": their columns merged by
** name (T1's first), one node per id with, per property, a value of a row
** that has one; the key properties of a node missing from a table take its
** id. Then the edge ends neither table has, with only the key properties.
** 1 after an error.
*/
static int twoNodeTables(Binder *p, KqlGraph *g, const KqlAst *pOp, const char *zEnds, const char *zPart){
  KqlRel *apT[2];
  const KqlAst *apKey[2];
  int aiKey[2];
  if( kqlAstOpt(pOp, "with_node_id") ){
    kqlBindNotSupported(p, kqlAstOpt(pOp, "with_node_id"), "make-graph with both node tables and with_node_id");
    return 1;
  }
  for(int t=0; t<2; t++){
    const KqlAst *pL = pOp->aChild[2+t];
    apKey[t] = pL->aChild[1];
    if( !kqlBindIsTabular(p, pL->aChild[0]) ){
      kqlBindErr(p, pL->aChild[0], "KQL104", "make-graph expects a table of nodes after 'with'");
      return 1;
    }
    apT[t] = kqlBindTabular(p, pL->aChild[0]);
    if( apT[t]->bError ) return 1;
    aiKey[t] = kqlBindFindCol(apT[t], apKey[t]->z);
    if( aiKey[t]<0 ){
      kqlBindErr(p, apKey[t], "KQL103", "unknown column '%s'", apKey[t]->z);
      return 1;
    }
  }
  /* merged schema */
  int nU = 0;
  KqlCol *aU = colsNew(p, apT[0]->nCol + apT[1]->nCol + 4);
  for(int t=0; t<2; t++){
    for(int i=0; i<apT[t]->nCol; i++){
      int k;
      for(k=0; k<nU && strcmp(aU[k].zName, apT[t]->aCol[i].zName)!=0; k++){}
      if( k==nU ) aU[nU++] = apT[t]->aCol[i];
    }
  }
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  for(int t=0; t<2; t++){
    const char *zA = kqlBindAlias(p);
    kqlStrAppend(&s, t ? " UNION ALL SELECT " : "SELECT ", -1);
    for(int k=0; k<nU; k++){
      int i = kqlBindFindCol(apT[t], aU[k].zName);
      if( i>=0 ){
        kqlStrPrintf(&s, "%s.", zA);
        kqlStrIdent(&s, aU[k].zName, -1);
      }else{
        kqlStrAppend(&s, "NULL", -1);
      }
      kqlStrPrintf(&s, " AS \"kql$u%d\", ", k);
    }
    kqlStrPrintf(&s, "%s.", zA);
    kqlStrIdent(&s, apKey[t]->z, -1);
    kqlStrPrintf(&s, " AS \"kql$id\", %s(row_number() OVER ()) AS \"kql$rn\", ", t ? "2305843009213693952 + " : "");
    if( partCol(p, &s, apT[t], zA, zPart, pOp->aChild[2+t]->aChild[0]) ) return 1;
    kqlStrPrintf(&s, " AS \"kql$pt\" FROM %s AS %s", kqlBindSrc(p, apT[t]), zA);
  }
  KqlCol *aR = colsNew(p, nU+3);
  for(int k=0; k<nU; k++){
    aR[k].zName = kqlArenaPrintf(p->pArena, "kql$u%d", k);
    aR[k].eType = aU[k].eType;
  }
  aR[nU].zName = "kql$id";   aR[nU].eType = g->eIdType;
  aR[nU+1].zName = "kql$rn"; aR[nU+1].eType = KQL_T_LONG;
  aR[nU+2].zName = "kql$pt"; aR[nU+2].eType = g->pEdges->aCol[g->pEdges->nCol-1].eType;
  const char *zR = kqlBindSrc(p, kqlBindRelNew(p, kqlStrText(&s), nU+3, aR));
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int k=0; k<nU; k++){
    int bKey = strcmp(aU[k].zName, apKey[0]->z)==0 || strcmp(aU[k].zName, apKey[1]->z)==0;
    if( bKey ) kqlStrPrintf(&s, "coalesce(max(x.\"kql$u%d\"), x.\"kql$id\") AS ", k);
    else if( aU[k].eType==KQL_T_STRING ) kqlStrPrintf(&s, "coalesce(max(x.\"kql$u%d\"), '') AS ", k);
    else kqlStrPrintf(&s, "max(x.\"kql$u%d\") AS ", k);
    kqlStrIdent(&s, aU[k].zName, -1);
    kqlStrAppend(&s, ", ", -1);
  }
  kqlStrPrintf(&s, "x.\"kql$id\" AS \"kql$id\", min(x.\"kql$rn\") AS \"kql$ord\", x.\"kql$pt\" AS \"kql$part\" "
               "FROM %s AS x WHERE x.\"kql$id\" IS NOT NULL GROUP BY x.\"kql$id\", x.\"kql$pt\" UNION ALL SELECT ", zR);
  for(int k=0; k<nU; k++){
    int bKey = strcmp(aU[k].zName, apKey[0]->z)==0 || strcmp(aU[k].zName, apKey[1]->z)==0;
    kqlStrAppend(&s, bKey ? "e.id, " : aU[k].eType==KQL_T_STRING ? "'', " : "NULL, ", -1);
  }
  kqlStrPrintf(&s, "e.id, 4611686018427387904 + e.o, e.part FROM (%s) AS e WHERE NOT EXISTS "
               "(SELECT 1 FROM %s AS y WHERE y.\"kql$id\" = e.id AND y.\"kql$pt\" IS e.part)", zEnds, zR);
  aU[nU].zName = "kql$id";    aU[nU].eType = g->eIdType;
  aU[nU+1].zName = "kql$ord"; aU[nU+1].eType = KQL_T_LONG;
  aU[nU+2] = aR[nU+2];
  aU[nU+2].zName = "kql$part";
  g->pNodes = kqlBindRelNew(p, kqlStrText(&s), nU+3, aU);
  g->nNodeProp = nU;
  return 0;
}

/* Append the partition column of pRel read through zA (NULL when not
** partitioned); 1 after an error (the table lacks it). */
static int partCol(Binder *p, KqlStr *s, const KqlRel *pRel, const char *zA, const char *zPart, const KqlAst *pAt){
  if( zPart==0 ){
    kqlStrAppend(s, "NULL", -1);
    return 0;
  }
  if( kqlBindFindCol(pRel, zPart)<0 ){
    kqlBindErr(p, pAt, "KQL103", "unknown column '%s' (the partitioned-by column)", zPart);
    return 1;
  }
  kqlStrPrintf(s, "%s.", zA);
  kqlStrIdent(s, zPart, -1);
  return 0;
}

static KqlRel *partitioned(Binder *p, KqlRel *pIn, const KqlAst *pOp, const KqlAst *pPart);

/* zPart: the partitioned-by column, or NULL */
static KqlRel *makeGraph(Binder *p, KqlRel *pIn, const KqlAst *pOp, const char *zPart){
  static const char *const azOpt[] = {"with_node_id", "partitioned-by", 0};
  const KqlAst *pPart = kqlAstOpt(pOp, "partitioned-by");
  if( pPart && zPart==0 ) return partitioned(p, pIn, pOp, pPart);
  if( checkOpts(p, pOp, azOpt) ) return relErr(p);
  const KqlAst *pS = pOp->aChild[0], *pT = pOp->aChild[1];
  int iS = kqlBindFindCol(pIn, pS->z), iT = kqlBindFindCol(pIn, pT->z);
  if( iS<0 || iT<0 ){
    const KqlAst *pBad = iS<0 ? pS : pT;
    kqlBindErr(p, pBad, "KQL103", "unknown column '%s'", pBad->z);
    return relErr(p);
  }
  if( pOp->nChild>4 ){
    kqlBindErr(p, pOp->aChild[4], "KQL131", "make-graph takes at most two node tables");
    return relErr(p);
  }
  KqlGraph *g = kqlArenaAlloc(p->pArena, sizeof(*g));
  memset(g, 0, sizeof(*g));
  g->eIdType = pIn->aCol[iS].eType;
  g->pAt = pOp;

  /* edges */
  int n = pIn->nCol;
  KqlCol *aE = colsNew(p, n+4);
  memcpy(aE, pIn->aCol, sizeof(KqlCol)*(size_t)n);
  aE[n].zName = "kql$eid";   aE[n].eType = KQL_T_LONG;
  aE[n+1].zName = "kql$src"; aE[n+1].eType = pIn->aCol[iS].eType;
  aE[n+2].zName = "kql$dst"; aE[n+2].eType = pIn->aCol[iT].eType;
  aE[n+3].zName = "kql$part"; aE[n+3].eType = KQL_T_STRING;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  const char *zA = kqlBindAlias(p);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pIn, zA);
  kqlStrPrintf(&s, "%s(row_number() OVER ()) - 1 AS \"kql$eid\", %s.", n ? ", " : "", zA);
  kqlStrIdent(&s, pS->z, -1);
  kqlStrPrintf(&s, " AS \"kql$src\", %s.", zA);
  kqlStrIdent(&s, pT->z, -1);
  kqlStrAppend(&s, " AS \"kql$dst\", ", -1);
  if( zPart ){
    int iP = kqlBindFindCol(pIn, zPart);
    if( iP<0 ){
      kqlBindErr(p, pOp, "KQL103", "unknown column '%s' (the partitioned-by column)", zPart);
      return relErr(p);
    }
    aE[n+3].eType = pIn->aCol[iP].eType;
    kqlStrPrintf(&s, "%s.", zA);
    kqlStrIdent(&s, zPart, -1);
  }else{
    kqlStrAppend(&s, "NULL", -1);
  }
  kqlStrPrintf(&s, " AS \"kql$part\" FROM %s AS %s", kqlBindSrc(p, pIn), zA);
  g->pEdges = kqlBindRelNew(p, kqlStrText(&s), n+4, aE);
  g->bPart = zPart!=0;
  g->nEdgeProp = n;
  const char *zE = kqlBindSrc(p, g->pEdges);
  /* every edge end, in the order they appear */
  const char *zEnds = kqlArenaPrintf(p->pArena,
      "SELECT kql_i AS id, kql_p AS part, min(kql_o) AS o FROM (SELECT \"kql$src\" AS kql_i, \"kql$part\" AS kql_p, "
      "2*\"kql$eid\" AS kql_o FROM %s UNION ALL SELECT \"kql$dst\", \"kql$part\", 2*\"kql$eid\"+1 FROM %s) "
      "WHERE kql_i IS NOT NULL GROUP BY kql_i, kql_p", zE, zE);

  /* nodes */
  kqlStrInit(&s, p->pArena);
  if( pOp->nChild<3 ){
    const KqlAst *pAt;
    const char *zId = optText(pOp, "with_node_id", &pAt);
    if( pAt && zId==0 ){
      kqlBindErr(p, pAt, "KQL132", "with_node_id expects a column name");
      return relErr(p);
    }
    int k = 0;
    KqlCol *aN = colsNew(p, 4);
    if( zId ){
      aN[k].zName = zId; aN[k].eType = g->eIdType; k++;
      kqlStrAppend(&s, "SELECT e.id AS ", -1);
      kqlStrIdent(&s, zId, -1);
      kqlStrAppend(&s, ", ", -1);
    }else{
      kqlStrAppend(&s, "SELECT ", -1);
    }
    aN[k].zName = "kql$id";  aN[k].eType = g->eIdType; k++;
    aN[k].zName = "kql$ord"; aN[k].eType = KQL_T_LONG; k++;
    aN[k].zName = "kql$part"; aN[k].eType = aE[n+3].eType; k++;
    kqlStrPrintf(&s, "e.id AS \"kql$id\", e.o AS \"kql$ord\", e.part AS \"kql$part\" FROM (%s) AS e", zEnds);
    g->pNodes = kqlBindRelNew(p, kqlStrText(&s), k, aN);
    g->nNodeProp = k-3;
  }else if( pOp->nChild==4 ){
    if( twoNodeTables(p, g, pOp, zEnds, zPart) ) return relErr(p);
  }else{
    const KqlAst *pL = pOp->aChild[2];
    const KqlAst *pKey = pL->aChild[1];
    if( kqlAstOpt(pOp, "with_node_id") ){
      kqlBindNotSupported(p, kqlAstOpt(pOp, "with_node_id"), "make-graph with both node tables and with_node_id");
      return relErr(p);
    }
    if( !kqlBindIsTabular(p, pL->aChild[0]) ){
      kqlBindErr(p, pL->aChild[0], "KQL104", "make-graph expects a table of nodes after 'with'");
      return relErr(p);
    }
    KqlRel *pN = kqlBindTabular(p, pL->aChild[0]);
    if( pN->bError ) return relErr(p);
    int iK = kqlBindFindCol(pN, pKey->z);
    if( iK<0 ){
      kqlBindErr(p, pKey, "KQL103", "unknown column '%s'", pKey->z);
      return relErr(p);
    }
    int m = pN->nCol;
    /* the node table numbered in its order */
    KqlCol *aR = colsNew(p, m+2);
    memcpy(aR, pN->aCol, sizeof(KqlCol)*(size_t)m);
    aR[m].zName = "kql$rn"; aR[m].eType = KQL_T_LONG;
    aR[m+1].zName = "kql$pt"; aR[m+1].eType = aE[n+3].eType;
    const char *zB = kqlBindAlias(p);
    kqlStrAppend(&s, "SELECT ", -1);
    kqlBindColList(&s, pN, zB);
    kqlStrPrintf(&s, "%srow_number() OVER () AS \"kql$rn\", ", m ? ", " : "");
    if( partCol(p, &s, pN, zB, zPart, pL->aChild[0]) ) return relErr(p);
    kqlStrPrintf(&s, " AS \"kql$pt\" FROM %s AS %s", kqlBindSrc(p, pN), zB);
    KqlRel *pR = kqlBindRelNew(p, kqlStrText(&s), m+2, aR);
    const char *zR = kqlBindSrc(p, pR);
    KqlStr k1;
    kqlStrInit(&k1, p->pArena);
    kqlStrIdent(&k1, pKey->z, -1);
    const char *zK = kqlStrText(&k1);
    /* first row of each key, then the edge ends the table lacks */
    kqlStrInit(&s, p->pArena);
    kqlStrAppend(&s, "SELECT ", -1);
    kqlBindColList(&s, pN, "x");
    kqlStrPrintf(&s, "%sx.%s AS \"kql$id\", x.\"kql$rn\" AS \"kql$ord\", x.\"kql$pt\" AS \"kql$part\" FROM %s AS x "
                 "WHERE x.%s IS NOT NULL AND x.\"kql$rn\" = (SELECT min(y.\"kql$rn\") FROM %s AS y WHERE y.%s = x.%s "
                 "AND y.\"kql$pt\" IS x.\"kql$pt\") UNION ALL SELECT ",
                 m ? ", " : "", zK, zR, zK, zR, zK, zK);
    for(int i=0; i<m; i++){
      kqlStrAppend(&s, i==iK ? "e.id, " : pN->aCol[i].eType==KQL_T_STRING ? "'', " : "NULL, ", -1);
    }
    kqlStrPrintf(&s, "e.id, 4611686018427387904 + e.o, e.part FROM (%s) AS e WHERE NOT EXISTS "
                 "(SELECT 1 FROM %s AS y WHERE y.%s = e.id AND y.\"kql$pt\" IS e.part)", zEnds, zR, zK);
    KqlCol *aN = colsNew(p, m+3);
    memcpy(aN, pN->aCol, sizeof(KqlCol)*(size_t)m);
    aN[m].zName = "kql$id";    aN[m].eType = g->eIdType;
    aN[m+1].zName = "kql$ord"; aN[m+1].eType = KQL_T_LONG;
    aN[m+2].zName = "kql$part"; aN[m+2].eType = aE[n+3].eType;
    g->pNodes = kqlBindRelNew(p, kqlStrText(&s), m+3, aN);
    g->nNodeProp = m;
  }
  return graphRel(p, g);
}

/*
** make-graph ... partitioned-by col (graph operators): one graph per value of
** col (node and edge ids are only matched within a partition: every graph
** operator compares the hidden kql$part), the sub-pipeline applied to it, and
** the results together.
*/
static KqlRel *partitioned(Binder *p, KqlRel *pIn, const KqlAst *pOp, const KqlAst *pPart){
  if( pPart->nChild<2 || pPart->aChild[0]==0 || pPart->aChild[0]->eKind!=KQL_AST_IDENT ){
    kqlBindErr(p, pPart, "KQL145", "partitioned-by expects a column and a graph operator");
    return relErr(p);
  }
  KqlRel *r = makeGraph(p, pIn, pOp, pPart->aChild[0]->z);
  const KqlAst *pSub = pPart->aChild[1];
  for(int i=1; i<pSub->nChild && !r->bError; i++){
    if( pSub->aChild[i] ) r = kqlBindOperator(p, r, pSub->aChild[i]);
  }
  if( !r->bError && r->pGraph ){
    kqlBindErr(p, pSub, "KQL106", "the partitioned-by operators must end with a table (graph-match, graph-to-table ...)");
    return relErr(p);
  }
  return r;
}

/* ------------------------------------------------------------ graph-to-table */

/* SQL of hash(<alias>.<zCol>) bound like the KQL call, in a row context over pRel. */
static const char *hashSql(Binder *p, const KqlRel *pRel, const char *zAlias, const char *zCol,
                           const KqlAst *pAt, int *peType){
  KqlRowCtx ctx, *pSave = p->pRow;
  ctx.pRel = pRel;
  ctx.zAlias = zAlias;
  ctx.bAggOk = 0;
  p->pRow = &ctx;
  KqlAst *pCall = kqlAstNewText(p->pArena, KQL_AST_CALL, pAt->iOfst, pAt->nLen, "hash", -1);
  kqlAstAppend(p->pArena, pCall, kqlAstNewText(p->pArena, KQL_AST_IDENT, pAt->iOfst, pAt->nLen, zCol, -1));
  pCall->iOfst = pAt->iOfst; pCall->nLen = pAt->nLen;
  KqlExpr *e = kqlBindExpr(p, pCall);
  p->pRow = pSave;
  *peType = e->eType;
  return e->zSql;
}

static KqlRel *graphToTable(Binder *p, KqlGraph *g, const KqlAst *pOp){
  if( pOp->nChild!=1 ){
    kqlBindNotSupported(p, pOp, "graph-to-table with several outputs");
    return relErr(p);
  }
  const KqlAst *pIt = pOp->aChild[0];
  int bNodes = pIt->z && strcmp(pIt->z, "nodes")==0;
  int bEdges = pIt->z && strcmp(pIt->z, "edges")==0;
  if( !bNodes && !bEdges ){
    kqlBindErr(p, pIt, "KQL145", "graph-to-table expects 'nodes' or 'edges'");
    return relErr(p);
  }
  static const char *const azNodeOpt[] = {"with_node_id", "as", 0};
  static const char *const azEdgeOpt[] = {"with_source_id", "with_target_id", "as", 0};
  if( checkOpts(p, pIt, bNodes ? azNodeOpt : azEdgeOpt) ) return relErr(p);
  const KqlRel *pSrc = bNodes ? g->pNodes : g->pEdges;
  int nProp = bNodes ? g->nNodeProp : g->nEdgeProp;
  const char *azId[2], *azHid[2];
  int nId = 0;
  if( bNodes ){
    azId[0] = optText(pIt, "with_node_id", 0); azHid[0] = "kql$id";
    nId = azId[0] ? 1 : 0;
  }else{
    const char *zS = optText(pIt, "with_source_id", 0), *zT = optText(pIt, "with_target_id", 0);
    if( zS ){ azId[nId] = zS; azHid[nId++] = "kql$src"; }
    if( zT ){ azId[nId] = zT; azHid[nId++] = "kql$dst"; }
  }
  if( nId+nProp==0 ){
    kqlBindNotSupported(p, pIt, "graph-to-table nodes of a graph whose nodes have no properties");
    return relErr(p);
  }
  KqlCol *a = colsNew(p, nId+nProp);
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  const char *zA = kqlBindAlias(p);
  for(int i=0; i<nId; i++){
    int t;
    const char *zSql = hashSql(p, pSrc, zA, azHid[i], pIt, &t);
    kqlStrPrintf(&s, "%s%s AS ", i ? ", " : "", zSql);
    kqlStrIdent(&s, azId[i], -1);
    a[i].zName = azId[i];
    a[i].eType = t==KQL_T_UNKNOWN ? KQL_T_LONG : t;
  }
  for(int i=0; i<nProp; i++){
    a[nId+i] = pSrc->aCol[i];
    kqlStrPrintf(&s, "%s%s.", nId+i ? ", " : "", zA);
    kqlStrIdent(&s, pSrc->aCol[i].zName, -1);
  }
  kqlStrPrintf(&s, " FROM %s AS %s ORDER BY %s.\"%s\"", kqlBindSrc(p, pSrc), zA, zA,
               bNodes ? "kql$ord" : "kql$eid");
  KqlRel *r = kqlBindRelNew(p, kqlStrText(&s), nId+nProp, a);
  const char *zAs = optText(pIt, "as", 0);
  if( zAs ) kqlBindDefineRel(p, zAs, r);
  return r;
}

/* ------------------------------------------------------------ graph-mark-components */

static KqlRel *markComponents(Binder *p, KqlGraph *g, const KqlAst *pOp){
  static const char *const azOpt[] = {"kind", "with_component_id", 0};
  if( checkOpts(p, pOp, azOpt) ) return relErr(p);
  const KqlAst *pAt;
  const char *zKind = optText(pOp, "kind", &pAt);
  int bStrong = 0;
  if( zKind && strcmp(zKind, "strong")==0 ) bStrong = 1;
  else if( pAt && (zKind==0 || strcmp(zKind, "weak")!=0) ){
    kqlBindErr(p, pAt, "KQL132", "graph-mark-components kind must be weak or strong");
    return relErr(p);
  }
  const char *zCol = optText(pOp, "with_component_id", &pAt);
  if( pAt && zCol==0 ){
    kqlBindErr(p, pAt, "KQL132", "with_component_id expects a column name");
    return relErr(p);
  }
  if( zCol==0 ) zCol = "ComponentId";
  const char *zE = kqlBindSrc(p, g->pEdges), *zN = kqlBindSrc(p, g->pNodes);
  /* kql$cid -> kql$root: the smallest kql$ord of the node's component */
  const char *zComp;
  if( !bStrong ){
    zComp = kqlArenaPrintf(p->pArena,
      /* a node's root only travels to nodes listed after it: the smallest one still reaches them all */
      "WITH kql_adj(a, b, pt, ob) AS (SELECT e.\"kql$src\", e.\"kql$dst\", e.\"kql$part\", n.\"kql$ord\" FROM %s AS e "
      "JOIN %s AS n ON n.\"kql$id\" = e.\"kql$dst\" AND n.\"kql$part\" IS e.\"kql$part\" UNION ALL "
      "SELECT e.\"kql$dst\", e.\"kql$src\", e.\"kql$part\", n.\"kql$ord\" FROM %s AS e "
      "JOIN %s AS n ON n.\"kql$id\" = e.\"kql$src\" AND n.\"kql$part\" IS e.\"kql$part\"), "
      "kql_r(id, pt, root) AS (SELECT \"kql$id\", \"kql$part\", \"kql$ord\" FROM %s UNION "
      "SELECT kql_adj.b, kql_r.pt, kql_r.root FROM kql_r JOIN kql_adj ON kql_adj.a = kql_r.id AND kql_adj.pt IS kql_r.pt "
      "AND kql_adj.ob > kql_r.root) "
      "SELECT id AS \"kql$cid\", pt AS \"kql$cpt\", min(root) AS \"kql$root\" FROM kql_r GROUP BY id, pt", zE, zN, zE, zN, zN);
  }else{
    zComp = kqlArenaPrintf(p->pArena,
      "WITH kql_r(a, b, pt) AS (SELECT \"kql$id\", \"kql$id\", \"kql$part\" FROM %s UNION "
      "SELECT kql_r.a, e.\"kql$dst\", kql_r.pt FROM kql_r JOIN %s AS e ON e.\"kql$src\" = kql_r.b AND e.\"kql$part\" IS kql_r.pt) "
      "SELECT r1.a AS \"kql$cid\", r1.pt AS \"kql$cpt\", min(n.\"kql$ord\") AS \"kql$root\" FROM kql_r AS r1 "
      "JOIN kql_r AS r2 ON r2.a = r1.b AND r2.b = r1.a AND r2.pt IS r1.pt "
      "JOIN %s AS n ON n.\"kql$id\" = r1.b AND n.\"kql$part\" IS r1.pt GROUP BY r1.a, r1.pt", zN, zE, zN);
  }
  KqlCol aC[3] = {{"kql$cid", g->eIdType}, {"kql$cpt", KQL_T_STRING}, {"kql$root", KQL_T_LONG}};
  KqlCol *aCc = colsNew(p, 3);
  memcpy(aCc, aC, sizeof(aC));
  const char *zC = kqlBindSrc(p, kqlBindRelNew(p, zComp, 3, aCc));
  int m = g->nNodeProp;
  KqlCol *a = colsNew(p, m+4);
  memcpy(a, g->pNodes->aCol, sizeof(KqlCol)*(size_t)m);
  a[m].zName = zCol;       a[m].eType = KQL_T_LONG;
  memcpy(a+m+1, g->pNodes->aCol+m, sizeof(KqlCol)*3);   /* kql$id, kql$ord, kql$part */
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int i=0; i<m; i++){
    kqlStrAppend(&s, "x.", -1);
    kqlStrIdent(&s, a[i].zName, -1);
    kqlStrAppend(&s, ", ", -1);
  }
  kqlStrPrintf(&s, "dense_rank() OVER (PARTITION BY c.\"kql$cpt\" ORDER BY c.\"kql$root\") - 1 AS ");
  kqlStrIdent(&s, zCol, -1);
  kqlStrPrintf(&s, ", x.\"kql$id\", x.\"kql$ord\", x.\"kql$part\" FROM %s AS x JOIN %s AS c "
               "ON c.\"kql$cid\" = x.\"kql$id\" AND c.\"kql$cpt\" IS x.\"kql$part\"", zN, zC);
  KqlGraph *g2 = kqlArenaAlloc(p->pArena, sizeof(*g2));
  *g2 = *g;
  g2->pNodes = kqlBindRelNew(p, kqlStrText(&s), m+4, a);
  g2->nNodeProp = m+1;
  return graphRel(p, g2);
}

/* ------------------------------------------------------------ dispatch */

void kqlGraphAsTable(Binder *p, const KqlRel *pRel){
  KqlGraph *g = pRel->pGraph;
  if( g && g->pAt && !g->bReported ){
    kqlBindErr(p, g->pAt, "KQL106", "a graph (from make-graph) cannot be used as a table");
    g->bReported = 1;
  }
}

KqlRel *kqlBindGraphOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp){
  KqlGraph *g = pIn ? pIn->pGraph : 0;
  if( pOp->eKind==KQL_AST_OP_MAKE_GRAPH ){
    if( g ){
      kqlBindErr(p, pOp, "KQL106", "make-graph expects a table, not a graph");
      return relErr(p);
    }
    return makeGraph(p, pIn, pOp, 0);
  }
  if( !isGraphOp(pOp->eKind) ){
    kqlBindErr(p, pOp, "KQL106", "%s expects a table, not a graph (use graph-match or graph-to-table)",
               kqlAstKindName(pOp->eKind));
    return relErr(p);
  }
  if( g==0 ){
    kqlBindErr(p, pOp, "KQL106", "%s expects a graph (from make-graph)",
               pOp->z && pOp->eKind==KQL_AST_OP_GRAPH_MATCH ? pOp->z : kqlAstKindName(pOp->eKind));
    return relErr(p);
  }
  switch( pOp->eKind ){
    case KQL_AST_OP_GRAPH_TO_TABLE: return graphToTable(p, g, pOp);
    case KQL_AST_OP_GRAPH_MARK:     return markComponents(p, g, pOp);
    default:                        return kqlGraphMatch(p, g, pOp);
  }
}
