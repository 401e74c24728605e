/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Binding of graph-match and graph-shortest-paths over a graph from
** make-graph (bind_graph.h). The pattern's node and edge elements become one
** SELECT (the match relation) joining the nodes CTE once per node variable,
** the edges CTE once per one-hop edge, and, per variable-length edge
** -[e*min..max]->, a recursive CTE of the walks from its left node (edge ids
** and visited node ids as JSON arrays, in pattern order). Its columns are
** "v.prop" for every property of every named element plus hidden ids.
**
** The where and project clauses are rewritten before binding: v.prop becomes
** the column "v.prop", and the graph functions (all, any, map over an edge
** variable or inner_nodes(e), node_id, node_degree_in/out, e.prop of a
** variable-length edge) become hidden columns computed by correlated
** sub-selects over the JSON arrays. They are then bound as ordinary where and
** project operators. graph-shortest-paths keeps, per combination of pattern
** nodes, the shortest match (output=any) or all shortest (output=all).
** Cycles: unique_edges (the default) lets no edge appear twice in a match,
** none lets no node repeat inside a variable-length edge, all allows both.
*/
#include "bind_graph.h"
#include <stdlib.h>
#include <string.h>

typedef struct GEdgeSlot GEdgeSlot;
struct GEdgeSlot {
  const KqlAst *pAst;
  const char *zVar;     /* variable or NULL */
  int iL, iR;           /* node slots on its left and right */
  int eDir;             /* 1 ->, 2 <-, 3 any */
  int bVar;             /* variable length */
  int nMin, nMax;
};

typedef struct GMatch GMatch;
struct GMatch {
  Binder *p;
  KqlGraph *g;
  const char *zE, *zN;  /* edges / nodes CTE names */
  const char *zNx;      /* nodes with kql$din, kql$dout (for inner_nodes), or NULL */
  KqlRel *pNx;
  int nNode;
  const char **azNode;  /* node slot variables (NULL: anonymous) */
  int nEdge;
  GEdgeSlot *aEdge;
  const char *zM;       /* alias of the match relation in the extension select */
  KqlStr ext;           /* ", <sql> AS "kql$gN"" items */
  int nExt;
  KqlCol *aExt;         /* their columns */
  int nExtAlloc;
  int bErr;
};

static KqlRel *relErr(Binder *p){
  KqlRel *r = kqlBindRelNew(p, "SELECT NULL WHERE 0", 0, 0);
  r->bError = 1;
  return r;
}

static int findNode(GMatch *m, const char *z){
  for(int i=0; i<m->nNode; i++) if( m->azNode[i] && strcmp(m->azNode[i], z)==0 ) return i;
  return -1;
}

static int findEdge(GMatch *m, const char *z){
  for(int i=0; i<m->nEdge; i++) if( m->aEdge[i].zVar && strcmp(m->aEdge[i].zVar, z)==0 ) return i;
  return -1;
}

/* A bound of -[e*min..max]->: a long literal, or a name bound to a constant
** integer (a let or a function parameter). 1 on error (reported). */
static int edgeBound(Binder *p, const KqlAst *a, long *pOut){
  if( a && a->eKind==KQL_AST_LITERAL ){
    *pOut = a->z ? strtol(a->z, 0, 10) : 0;
    return 0;
  }
  KqlRowCtx *pSave = p->pRow;
  p->pRow = 0;
  KqlExpr *e = kqlBindExpr(p, a);
  p->pRow = pSave;
  if( e->bError ) return 1;
  if( e->eType!=KQL_T_INT && e->eType!=KQL_T_LONG ){
    kqlBindErr(p, a, "KQL132", "variable-length edge: the bound must be an integer, not %s", kqlTypeName(e->eType));
    return 1;
  }
  /* the value of a constant is one parameter, possibly parenthesised */
  const char *z = e->zSql;
  while( *z=='(' ) z++;
  int iParam = 0;
  if( *z=='?' ) iParam = atoi(z+1);
  if( iParam>0 && iParam<=p->nParam && p->aParam[iParam-1].eKind==KQL_PARAM_INT ){
    const char *zEnd = z+1;
    while( *zEnd>='0' && *zEnd<='9' ) zEnd++;
    while( *zEnd==')' ) zEnd++;
    if( *zEnd==0 ){
      *pOut = (long)p->aParam[iParam-1].i;
      return 0;
    }
  }
  kqlBindNotSupported(p, a, "a variable-length edge bound that is not a constant");
  return 1;
}

/* Read the pattern into node and edge slots; 1 on error. */
static int readPattern(GMatch *m, const KqlAst *pPaths){
  Binder *p = m->p;
  int nElem = 0;
  for(int i=0; i<pPaths->nChild; i++) nElem += pPaths->aChild[i]->nChild;
  m->azNode = kqlArenaAlloc(p->pArena, sizeof(char*)*(size_t)(nElem+1));
  m->aEdge = kqlArenaAlloc(p->pArena, sizeof(GEdgeSlot)*(size_t)(nElem+1));
  for(int i=0; i<pPaths->nChild; i++){
    const KqlAst *pPath = pPaths->aChild[i];
    int iPrev = -1;
    for(int k=0; k<pPath->nChild; k++){
      const KqlAst *el = pPath->aChild[k];
      if( el->eKind==KQL_AST_GNODE ){
        int iN = el->z ? findNode(m, el->z) : -1;
        if( el->z && findEdge(m, el->z)>=0 ){
          kqlBindErr(p, el, "KQL112", "'%s' names both a node and an edge", el->z);
          return 1;
        }
        if( iN<0 ){
          iN = m->nNode++;
          m->azNode[iN] = el->z;
        }
        if( k>0 ) m->aEdge[m->nEdge-1].iR = iN;
        iPrev = iN;
      }else{
        GEdgeSlot *e = &m->aEdge[m->nEdge++];
        e->pAst = el;
        e->zVar = el->z;
        e->iL = iPrev;
        e->eDir = el->eOp;
        if( el->z && (findNode(m, el->z)>=0 || findEdge(m, el->z)<m->nEdge-1) ){
          kqlBindNotSupported(p, el, "a graph edge variable used twice");
          return 1;
        }
        if( el->nChild>=2 ){
          e->bVar = 1;
          long nMin = 0, nMax = 0;
          if( edgeBound(p, el->aChild[0], &nMin) || edgeBound(p, el->aChild[1], &nMax) ) return 1;
          e->nMin = nMin<0 ? 0 : nMin>1000000 ? 1000000 : (int)nMin;
          e->nMax = nMax<0 ? 0 : nMax>1000000 ? 1000000 : (int)nMax;
          if( e->nMin<1 ){
            kqlBindNotSupported(p, el, "a variable-length edge with minimum length 0");
            return 1;
          }
          if( e->nMax<e->nMin ){
            kqlBindErr(p, el, "KQL132", "variable-length edge: the maximum is smaller than the minimum");
            return 1;
          }
        }
      }
    }
  }
  return 0;
}

/* ------------------------------------------------------------ the match relation */

/* SQL of the walks of variable-length edge e: s, t, eids, nids, len. */
static const char *walkSql(GMatch *m, const GEdgeSlot *e, int eCycles){
  Binder *p = m->p;
  const char *zE = m->zE;
  const char *zStep;
  if( e->eDir==1 ){
    zStep = kqlArenaPrintf(p->pArena, "SELECT \"kql$src\", \"kql$dst\", \"kql$eid\", \"kql$part\" FROM %s", zE);
  }else if( e->eDir==2 ){
    zStep = kqlArenaPrintf(p->pArena, "SELECT \"kql$dst\", \"kql$src\", \"kql$eid\", \"kql$part\" FROM %s", zE);
  }else{
    zStep = kqlArenaPrintf(p->pArena, "SELECT \"kql$src\", \"kql$dst\", \"kql$eid\", \"kql$part\" FROM %s UNION ALL "
                           "SELECT \"kql$dst\", \"kql$src\", \"kql$eid\", \"kql$part\" FROM %s", zE, zE);
  }
  const char *zCyc = "";
  if( eCycles==1 ) zCyc = " AND st.b NOT IN (SELECT value FROM json_each(w.nids))";
  else if( eCycles==2 ) zCyc = " AND st.id NOT IN (SELECT value FROM json_each(w.eids))";
  return kqlArenaPrintf(p->pArena,
    "WITH kql_st(a, b, id, pt) AS (%s), kql_w(s, t, eids, nids, len, pt) AS ("
    "SELECT a, b, json_array(id), json_array(a, b), 1, pt FROM kql_st WHERE a IS NOT NULL AND b IS NOT NULL%s "
    "UNION ALL SELECT w.s, st.b, json_insert(w.eids, '$[#]', st.id), json_insert(w.nids, '$[#]', st.b), w.len + 1, w.pt "
    "FROM kql_w AS w JOIN kql_st AS st ON st.a = w.t%s WHERE w.len < %d AND st.b IS NOT NULL%s) "
    "SELECT s AS \"s\", t AS \"t\", eids AS \"eids\", nids AS \"nids\", len AS \"len\", pt AS \"pt\" "
    "FROM kql_w WHERE len >= %d",
    zStep, eCycles==1 ? " AND a IS NOT b" : "", m->g->bPart ? " AND st.pt IS w.pt" : "", e->nMax, zCyc, e->nMin);
}

static void addCol(KqlCol *a, int *pn, const char *zName, int eType){
  a[*pn].zName = zName;
  a[*pn].eType = eType;
  (*pn)++;
}

/* The match relation (see the header comment). eCycles: 0 all, 1 none, 2 unique_edges. */
static KqlRel *matchRel(GMatch *m, int eCycles){
  Binder *p = m->p;
  KqlGraph *g = m->g;
  int nNP = g->nNodeProp, nEP = g->nEdgeProp;
  int nMax = m->nNode*(nNP+1) + m->nEdge*(nEP+3) + 2;
  KqlCol *a = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)nMax);
  int n = 0;
  KqlStr sel, from, where;
  kqlStrInit(&sel, p->pArena);
  kqlStrInit(&from, p->pArena);
  kqlStrInit(&where, p->pArena);
  int nCond = 0;
#define COND(...) do{ kqlStrAppend(&where, nCond++ ? " AND " : " WHERE ", -1); kqlStrPrintf(&where, __VA_ARGS__); }while(0)
  kqlStrAppend(&sel, "gn0.\"kql$part\" AS \"kql$p\"", -1);
  addCol(a, &n, "kql$p", KQL_T_STRING);
  for(int k=0; k<m->nNode; k++){
    kqlStrPrintf(&from, "%s%s AS gn%d", k ? ", " : "", m->zN, k);
    if( k>0 && g->bPart ) COND("gn%d.\"kql$part\" IS gn0.\"kql$part\"", k);
    kqlStrPrintf(&sel, "%sgn%d.\"kql$id\" AS \"kql$n%d\"", n ? ", " : "", k, k);
    addCol(a, &n, kqlArenaPrintf(p->pArena, "kql$n%d", k), g->eIdType);
    if( m->azNode[k]==0 ) continue;
    for(int c=0; c<nNP; c++){
      const char *zName = kqlArenaPrintf(p->pArena, "%s.%s", m->azNode[k], g->pNodes->aCol[c].zName);
      kqlStrPrintf(&sel, ", gn%d.", k);
      kqlStrIdent(&sel, g->pNodes->aCol[c].zName, -1);
      kqlStrAppend(&sel, " AS ", -1);
      kqlStrIdent(&sel, zName, -1);
      addCol(a, &n, zName, g->pNodes->aCol[c].eType);
    }
  }
  for(int j=0; j<m->nEdge; j++){
    GEdgeSlot *e = &m->aEdge[j];
    if( e->bVar ){
      KqlCol *aW = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*6);
      static const char *const azW[] = {"s", "t", "eids", "nids", "len", "pt"};
      for(int i=0; i<6; i++){ aW[i].zName = azW[i]; aW[i].eType = i<2 ? g->eIdType : i<4 ? KQL_T_DYNAMIC : i<5 ? KQL_T_LONG : KQL_T_STRING; }
      const char *zW = kqlBindSrc(p, kqlBindRelNew(p, walkSql(m, e, eCycles), 6, aW));
      kqlStrPrintf(&from, ", %s AS ge%d", zW, j);
      COND("ge%d.s = gn%d.\"kql$id\" AND ge%d.t = gn%d.\"kql$id\"", j, e->iL, j, e->iR);
      if( g->bPart ) COND("ge%d.pt IS gn%d.\"kql$part\"", j, e->iL);
      kqlStrPrintf(&sel, ", ge%d.eids AS \"kql$e%d\", ge%d.nids AS \"kql$v%d\", ge%d.len AS \"kql$l%d\"", j, j, j, j, j, j);
      addCol(a, &n, kqlArenaPrintf(p->pArena, "kql$e%d", j), KQL_T_DYNAMIC);
      addCol(a, &n, kqlArenaPrintf(p->pArena, "kql$v%d", j), KQL_T_DYNAMIC);
      addCol(a, &n, kqlArenaPrintf(p->pArena, "kql$l%d", j), KQL_T_LONG);
    }else{
      kqlStrPrintf(&from, ", %s AS ge%d", m->zE, j);
      const char *zFwd = kqlArenaPrintf(p->pArena, "ge%d.\"kql$src\" = gn%d.\"kql$id\" AND ge%d.\"kql$dst\" = gn%d.\"kql$id\"",
                                        j, e->iL, j, e->iR);
      const char *zBack = kqlArenaPrintf(p->pArena, "ge%d.\"kql$dst\" = gn%d.\"kql$id\" AND ge%d.\"kql$src\" = gn%d.\"kql$id\"",
                                         j, e->iL, j, e->iR);
      if( g->bPart ) COND("ge%d.\"kql$part\" IS gn%d.\"kql$part\"", j, e->iL);
      if( e->eDir==1 ) COND("%s", zFwd);
      else if( e->eDir==2 ) COND("%s", zBack);
      else COND("((%s) OR (%s))", zFwd, zBack);
      kqlStrPrintf(&sel, ", ge%d.\"kql$eid\" AS \"kql$e%d\"", j, j);
      addCol(a, &n, kqlArenaPrintf(p->pArena, "kql$e%d", j), KQL_T_LONG);
      if( e->zVar ){
        for(int c=0; c<nEP; c++){
          const char *zName = kqlArenaPrintf(p->pArena, "%s.%s", e->zVar, g->pEdges->aCol[c].zName);
          kqlStrPrintf(&sel, ", ge%d.", j);
          kqlStrIdent(&sel, g->pEdges->aCol[c].zName, -1);
          kqlStrAppend(&sel, " AS ", -1);
          kqlStrIdent(&sel, zName, -1);
          addCol(a, &n, zName, g->pEdges->aCol[c].eType);
        }
      }
    }
  }
  /* no edge twice in one match */
  if( eCycles!=0 ){
    for(int i=0; i<m->nEdge; i++){
      for(int j=i+1; j<m->nEdge; j++){
        int vi = m->aEdge[i].bVar, vj = m->aEdge[j].bVar;
        if( !vi && !vj ){
          COND("ge%d.\"kql$eid\" <> ge%d.\"kql$eid\"", i, j);
        }else if( !vi || !vj ){
          int f = vi ? j : i, v = vi ? i : j;
          COND("ge%d.\"kql$eid\" NOT IN (SELECT value FROM json_each(ge%d.eids))", f, v);
        }else{
          COND("NOT EXISTS (SELECT 1 FROM json_each(ge%d.eids) AS x JOIN json_each(ge%d.eids) AS y ON x.value = y.value)", i, j);
        }
      }
    }
  }
#undef COND
  const char *zSql = kqlArenaPrintf(p->pArena, "SELECT %s FROM %s%s", kqlStrText(&sel), kqlStrText(&from),
                                    kqlStrText(&where));
  return kqlBindRelNew(p, zSql, n, a);
}

/* ------------------------------------------------------------ graph functions */

static KqlAst *astIdent(Binder *p, const KqlAst *pAt, const char *zName){
  KqlAst *a = kqlAstNewText(p->pArena, KQL_AST_IDENT, pAt->iOfst, pAt->nLen, zName, -1);
  a->iOfst = pAt->iOfst;
  a->nLen = pAt->nLen;
  return a;
}

/* Add hidden column <zSql> of type eType to the extension; returns an IDENT naming it. */
static KqlAst *addExt(GMatch *m, const KqlAst *pAt, const char *zSql, int eType){
  Binder *p = m->p;
  if( m->nExt>=m->nExtAlloc ){
    int nNew = m->nExtAlloc ? m->nExtAlloc*2 : 8;
    KqlCol *aNew = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)nNew);
    if( m->nExt ) memcpy(aNew, m->aExt, sizeof(KqlCol)*(size_t)m->nExt);
    m->aExt = aNew;
    m->nExtAlloc = nNew;
  }
  const char *zName = kqlArenaPrintf(p->pArena, "kql$g%d", m->nExt);
  m->aExt[m->nExt].zName = zName;
  m->aExt[m->nExt].eType = eType==KQL_T_UNKNOWN ? KQL_T_STRING : eType;
  m->nExt++;
  kqlStrPrintf(&m->ext, ", %s AS \"%s\"", zSql, zName);
  return astIdent(p, pAt, zName);
}

static int isGraphFn(const char *z){
  static const char *const az[] = {"all", "any", "map", "inner_nodes", "node_id", "node_degree_in",
                                   "node_degree_out", "labels", 0};
  if( z==0 ) return 0;
  for(int i=0; az[i]; i++) if( strcmp(az[i], z)==0 ) return 1;
  return 0;
}

static KqlAst *rewrite(GMatch *m, const KqlAst *a, int bInner);

/* The node variable named by argument 0 of pCall; -1 after an error. */
static int nodeArg(GMatch *m, const KqlAst *pCall){
  const KqlAst *x = pCall->nChild==1 ? pCall->aChild[0] : 0;
  int k = x && x->eKind==KQL_AST_IDENT ? findNode(m, x->z) : -1;
  if( k<0 ){
    kqlBindErr(m->p, x ? x : pCall, "KQL132", "%s expects a node variable of the pattern", pCall->z);
    m->bErr = 1;
  }
  return k;
}

/* nodes with their degrees, for node functions inside inner_nodes() */
static KqlRel *nodesX(GMatch *m){
  if( m->pNx ) return m->pNx;
  Binder *p = m->p;
  KqlRel *pN = m->g->pNodes;
  KqlCol *a = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(pN->nCol+2));
  memcpy(a, pN->aCol, sizeof(KqlCol)*(size_t)pN->nCol);
  a[pN->nCol].zName = "kql$din";    a[pN->nCol].eType = KQL_T_LONG;
  a[pN->nCol+1].zName = "kql$dout"; a[pN->nCol+1].eType = KQL_T_LONG;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  kqlBindColList(&s, pN, "x");
  const char *zP = m->g->bPart ? " AND d.\"kql$part\" IS x.\"kql$part\"" : "";
  kqlStrPrintf(&s, ", (SELECT count(*) FROM %s AS d WHERE d.\"kql$dst\" = x.\"kql$id\"%s) AS \"kql$din\", "
               "(SELECT count(*) FROM %s AS d WHERE d.\"kql$src\" = x.\"kql$id\"%s) AS \"kql$dout\" FROM %s AS x",
               m->zE, zP, m->zE, zP, m->zN);
  m->pNx = kqlBindRelNew(p, kqlStrText(&s), pN->nCol+2, a);
  m->zNx = kqlBindSrc(p, m->pNx);
  return m->pNx;
}

/* all(), any(), map() over a variable-length edge or inner_nodes(e); pBody
** (NULL for e.prop: then zProp) is bound per element. */
static KqlAst *iterFn(GMatch *m, const KqlAst *pCall, const char *zFn, const KqlAst *pSeq,
                      const KqlAst *pBody){
  Binder *p = m->p;
  int bNodes = 0;
  const KqlAst *pVar = pSeq;
  if( pSeq->eKind==KQL_AST_CALL && pSeq->z && strcmp(pSeq->z, "inner_nodes")==0 && pSeq->nChild==1 ){
    bNodes = 1;
    pVar = pSeq->aChild[0];
  }
  int j = pVar->eKind==KQL_AST_IDENT ? findEdge(m, pVar->z) : -1;
  if( j<0 || !m->aEdge[j].bVar ){
    kqlBindErr(p, pVar, "KQL132", "%s expects a variable-length edge of the pattern%s", zFn,
               bNodes ? "" : " or inner_nodes()");
    m->bErr = 1;
    return astIdent(p, pCall, "kql$error");
  }
  const KqlRel *pRel = bNodes ? nodesX(m) : m->g->pEdges;
  const char *zSrc = bNodes ? m->zNx : m->zE;
  KqlAst *pB = rewrite(m, pBody, bNodes ? 1 : 2);
  if( m->bErr ) return astIdent(p, pCall, "kql$error");
  KqlRowCtx ctx, *pSave = p->pRow;
  ctx.pRel = pRel;
  ctx.zAlias = kqlBindAlias(p);
  ctx.bAggOk = 0;
  p->pRow = &ctx;
  KqlExpr *e = kqlBindExpr(p, pB);
  const char *zVal = e->bError ? "NULL" : strcmp(zFn, "map")==0 ? e->zSql : kqlExprCond(p, e);
  p->pRow = pSave;
  if( e->bError ){ m->bErr = 1; return astIdent(p, pCall, "kql$error"); }
  const char *zX = ctx.zAlias;
  const char *zFrom;
  if( bNodes ){
    const char *zP = m->g->bPart ? kqlArenaPrintf(p->pArena, " AND %s.\"kql$part\" IS %s.\"kql$p\"", zX, m->zM) : "";
    zFrom = kqlArenaPrintf(p->pArena, "FROM json_each(%s.\"kql$v%d\") AS kql_j JOIN %s AS %s ON %s.\"kql$id\" = kql_j.value%s "
                           "WHERE kql_j.key > 0 AND kql_j.key < json_array_length(%s.\"kql$v%d\") - 1",
                           m->zM, j, zSrc, zX, zX, zP, m->zM, j);
  }else{
    zFrom = kqlArenaPrintf(p->pArena, "FROM json_each(%s.\"kql$e%d\") AS kql_j JOIN %s AS %s ON %s.\"kql$eid\" = kql_j.value",
                           m->zM, j, zSrc, zX, zX);
  }
  const char *zSql;
  int eType;
  if( strcmp(zFn, "map")==0 ){
    int t = e->eType==KQL_T_UNKNOWN ? KQL_T_STRING : e->eType;
    zSql = kqlArenaPrintf(p->pArena, "(SELECT coalesce(kql_make_list_with_nulls('%c', kql_v), '[]') FROM "
                          "(SELECT %s AS kql_v %s ORDER BY kql_j.key))", (char)('a'+t), zVal, zFrom);
    eType = KQL_T_DYNAMIC;
  }else if( strcmp(zFn, "all")==0 ){
    zSql = kqlArenaPrintf(p->pArena, "(SELECT coalesce(min(coalesce(%s, 0)), 1) %s)", zVal, zFrom);
    eType = KQL_T_BOOL;
  }else{
    zSql = kqlArenaPrintf(p->pArena, "(SELECT coalesce(max(coalesce(%s, 0)), 0) %s)", zVal, zFrom);
    eType = KQL_T_BOOL;
  }
  return addExt(m, pCall, zSql, eType);
}

/* One graph function call; bInner: 1 inside all/any/map over inner_nodes, 2 over edges. */
static KqlAst *graphFn(GMatch *m, const KqlAst *c, int bInner){
  Binder *p = m->p;
  const char *z = c->z;
  if( strcmp(z, "labels")==0 ){
    kqlBindNotSupported(p, c, "labels()");
    m->bErr = 1;
    return astIdent(p, c, "kql$error");
  }
  if( strcmp(z, "inner_nodes")==0 ){
    kqlBindErr(p, c, "KQL132", "inner_nodes() is only allowed as the first argument of all(), any() or map()");
    m->bErr = 1;
    return astIdent(p, c, "kql$error");
  }
  if( strcmp(z, "all")==0 || strcmp(z, "any")==0 || strcmp(z, "map")==0 ){
    if( c->nChild!=2 || bInner ){
      kqlBindErr(p, c, "KQL131", bInner ? "%s() cannot be nested" : "%s() expects two arguments", z);
      m->bErr = 1;
      return astIdent(p, c, "kql$error");
    }
    return iterFn(m, c, z, c->aChild[0], c->aChild[1]);
  }
  /* node_id, node_degree_in, node_degree_out */
  if( c->nChild==0 ){
    if( bInner!=1 ){
      kqlBindErr(p, c, "KQL131", "%s() without an argument is only allowed inside all(), any() or map() over inner_nodes()", z);
      m->bErr = 1;
      return astIdent(p, c, "kql$error");
    }
    return astIdent(p, c, strcmp(z, "node_id")==0 ? "kql$id" : strcmp(z, "node_degree_in")==0 ? "kql$din" : "kql$dout");
  }
  if( bInner ){
    kqlBindErr(p, c, "KQL131", "%s() takes no argument inside all(), any() or map()", z);
    m->bErr = 1;
    return astIdent(p, c, "kql$error");
  }
  int k = nodeArg(m, c);
  if( k<0 ) return astIdent(p, c, "kql$error");
  if( strcmp(z, "node_id")==0 ) return astIdent(p, c, kqlArenaPrintf(p->pArena, "kql$n%d", k));
  const char *zSql = kqlArenaPrintf(p->pArena, "(SELECT count(*) FROM %s AS d WHERE d.\"%s\" = %s.\"kql$n%d\"%s)",
                                    m->zE, strcmp(z, "node_degree_in")==0 ? "kql$dst" : "kql$src", m->zM, k,
                                    m->g->bPart ? kqlArenaPrintf(p->pArena, " AND d.\"kql$part\" IS %s.\"kql$p\"", m->zM) : "");
  return addExt(m, c, zSql, KQL_T_LONG);
}

/* Copy of a with pattern variables and graph functions replaced (see above). */
static KqlAst *rewrite(GMatch *m, const KqlAst *a, int bInner){
  Binder *p = m->p;
  if( a==0 ) return 0;
  if( !bInner && a->eKind==KQL_AST_MEMBER && a->nChild==1 && a->aChild[0]
      && a->aChild[0]->eKind==KQL_AST_IDENT && a->z ){
    const char *zV = a->aChild[0]->z;
    int j = findEdge(m, zV);
    if( findNode(m, zV)>=0 || (j>=0 && !m->aEdge[j].bVar) ){
      return astIdent(p, a, kqlArenaPrintf(p->pArena, "%s.%s", zV, a->z));
    }
    if( j>=0 ){
      /* e.prop of a variable-length edge: the array of the property along it */
      return iterFn(m, a, "map", a->aChild[0], astIdent(p, a, a->z));
    }
  }
  if( bInner && a->eKind==KQL_AST_MEMBER && a->nChild==1 && a->aChild[0] && a->aChild[0]->eKind==KQL_AST_IDENT
      && (findNode(m, a->aChild[0]->z)>=0 || findEdge(m, a->aChild[0]->z)>=0) ){
    kqlBindNotSupported(p, a, "a pattern variable inside all(), any() or map()");
    m->bErr = 1;
    return astIdent(p, a, "kql$error");
  }
  if( a->eKind==KQL_AST_CALL && a->eOp==0 && isGraphFn(a->z) ) return graphFn(m, a, bInner);
  if( !bInner && a->eKind==KQL_AST_CALL && a->z && strcmp(a->z, "array_length")==0 && a->nChild==1
      && a->aChild[0]->eKind==KQL_AST_IDENT && a->aChild[0]->z ){
    /* array_length(e) of a variable-length edge: its number of hops (the
    ** graph tutorial's reportingLevels) */
    int j = findEdge(m, a->aChild[0]->z);
    if( j>=0 && m->aEdge[j].bVar && findNode(m, a->aChild[0]->z)<0 ){
      return addExt(m, a, kqlArenaPrintf(p->pArena, "json_array_length(%s.\"kql$e%d\")", m->zM, j), KQL_T_LONG);
    }
  }
  if( !bInner && a->eKind==KQL_AST_IDENT && a->z && (findNode(m, a->z)>=0 || findEdge(m, a->z)>=0) ){
    kqlBindNotSupported(p, a, "a graph variable used as a value (use its properties)");
    m->bErr = 1;
    return astIdent(p, a, "kql$error");
  }
  KqlAst *pNew = 0;
  for(int i=0; i<a->nChild; i++){
    KqlAst *c = rewrite(m, a->aChild[i], bInner);
    if( c!=a->aChild[i] && pNew==0 ){
      pNew = kqlArenaAlloc(p->pArena, sizeof(KqlAst));
      *pNew = *a;
      pNew->aChild = kqlArenaAlloc(p->pArena, sizeof(KqlAst*)*(size_t)(a->nChild ? a->nChild : 1));
      memcpy(pNew->aChild, a->aChild, sizeof(KqlAst*)*(size_t)a->nChild);
      pNew->nAlloc = a->nChild;
    }
    if( pNew ) pNew->aChild[i] = c;
  }
  return pNew ? pNew : (KqlAst*)a;
}

/* ------------------------------------------------------------ the operator */

KqlRel *kqlGraphMatch(Binder *p, KqlGraph *g, const KqlAst *pOp){
  int bShortest = pOp->z && strcmp(pOp->z, "graph-shortest-paths")==0;
  int eCycles = 2, bAll = 0;
  if( pOp->pOpts ){
    for(int i=0; i<pOp->pOpts->nChild; i++){
      const KqlAst *o = pOp->pOpts->aChild[i];
      const KqlAst *v = o->nChild ? o->aChild[0] : 0;
      const char *zV = v && (v->eKind==KQL_AST_IDENT || v->eKind==KQL_AST_LITERAL) ? v->z : 0;
      if( !bShortest && strcmp(o->z, "cycles")==0 && zV ){
        if( strcmp(zV, "all")==0 ) eCycles = 0;
        else if( strcmp(zV, "none")==0 ) eCycles = 1;
        else if( strcmp(zV, "unique_edges")==0 ) eCycles = 2;
        else { kqlBindErr(p, o, "KQL132", "cycles must be all, none or unique_edges"); return relErr(p); }
      }else if( bShortest && strcmp(o->z, "output")==0 && zV ){
        if( strcmp(zV, "all")==0 ) bAll = 1;
        else if( strcmp(zV, "any")!=0 ){ kqlBindErr(p, o, "KQL132", "output must be any or all"); return relErr(p); }
      }else if( bShortest && strcmp(o->z, "cycles")==0 && zV && strcmp(zV, "none")==0 ){
        /* what shortest paths are searched with anyway (below) */
      }else{
        kqlBindNotSupported(p, o, kqlArenaPrintf(p->pArena, "%s option %s", pOp->z, o->z ? o->z : ""));
        return relErr(p);
      }
    }
  }
  if( bShortest ) eCycles = 1;   /* a shortest path never repeats a node */
  const KqlAst *pPaths = pOp->aChild[0], *pWhere = pOp->nChild>1 ? pOp->aChild[1] : 0;
  const KqlAst *pProj = pOp->nChild>2 ? pOp->aChild[2] : 0;
  if( pProj==0 ){
    kqlBindNotSupported(p, pOp, kqlArenaPrintf(p->pArena, "%s without project", pOp->z));
    return relErr(p);
  }
  GMatch m;
  memset(&m, 0, sizeof(m));
  m.p = p;
  m.g = g;
  m.zE = kqlBindSrc(p, g->pEdges);
  m.zN = kqlBindSrc(p, g->pNodes);
  kqlStrInit(&m.ext, p->pArena);
  if( readPattern(&m, pPaths) ) return relErr(p);
  if( bShortest ){
    int nVar = 0;
    for(int j=0; j<m.nEdge; j++) nVar += m.aEdge[j].bVar;
    if( nVar==0 ){
      kqlBindErr(p, pPaths, "KQL132", "graph-shortest-paths needs a variable-length edge in its pattern");
      return relErr(p);
    }
  }
  KqlRel *pM = matchRel(&m, eCycles);
  m.zM = kqlBindAlias(p);

  /* rewrite where and project, collecting the hidden graph-function columns */
  KqlAst *pW = pWhere ? rewrite(&m, pWhere, 0) : 0;
  KqlAst *pP = kqlAstNew(p->pArena, KQL_AST_OP_PROJECT, pProj->iOfst, pProj->nLen);
  int nColumnN = 0, nName = 0;
  KqlCol *aName = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(pProj->nChild+1));
  for(int i=0; i<pProj->nChild && !m.bErr; i++){
    const KqlAst *it = pProj->aChild[i];
    KqlAst *pItem;
    if( it->eKind==KQL_AST_ASSIGN ){
      pItem = kqlAstNewText(p->pArena, KQL_AST_ASSIGN, it->iOfst, it->nLen, it->z, -1);
      kqlAstAppend(p->pArena, pItem, rewrite(&m, it->aChild[0], 0));
    }else if( it->eKind==KQL_AST_MULTIASSIGN ){
      kqlBindNotSupported(p, it, "(a, b) = ... in graph-match project");
      return relErr(p);
    }else{
      KqlAst *x = rewrite(&m, it, 0);
      const char *zName = 0;
      if( it->eKind==KQL_AST_CALL && it->eOp==0 && isGraphFn(it->z) ){
        zName = kqlNameUnique(p, it->z, aName, nName);   /* node_id, node_id1, ... */
      }else{
        zName = kqlNameForExpr(p, it, 0);
      }
      if( zName==0 && x==it ){
        kqlAstAppend(p->pArena, pP, x);
        continue;
      }
      if( zName==0 ) zName = kqlArenaPrintf(p->pArena, "Column%d", ++nColumnN);
      pItem = kqlAstNewText(p->pArena, KQL_AST_ASSIGN, it->iOfst, it->nLen, zName, -1);
      kqlAstAppend(p->pArena, pItem, x);
    }
    pItem->iOfst = it->iOfst;
    pItem->nLen = it->nLen;
    aName[nName++].zName = pItem->z;
    kqlAstAppend(p->pArena, pP, pItem);
  }
  pP->iOfst = pProj->iOfst;
  pP->nLen = pProj->nLen;
  if( m.bErr ) return relErr(p);

  /* the match with its hidden graph-function columns */
  KqlRel *r = pM;
  if( m.nExt ){
    KqlCol *a = kqlArenaAlloc(p->pArena, sizeof(KqlCol)*(size_t)(pM->nCol + m.nExt));
    memcpy(a, pM->aCol, sizeof(KqlCol)*(size_t)pM->nCol);
    memcpy(a + pM->nCol, m.aExt, sizeof(KqlCol)*(size_t)m.nExt);
    KqlStr s;
    kqlStrInit(&s, p->pArena);
    kqlStrAppend(&s, "SELECT ", -1);
    kqlBindColList(&s, pM, m.zM);
    kqlStrPrintf(&s, "%s FROM %s AS %s", kqlStrText(&m.ext), kqlBindSrc(p, pM), m.zM);
    r = kqlBindRelNew(p, kqlStrText(&s), pM->nCol + m.nExt, a);
  }
  if( pW ){
    KqlAst *pOpW = kqlAstNew(p->pArena, KQL_AST_OP_WHERE, pWhere->iOfst, pWhere->nLen);
    kqlAstAppend(p->pArena, pOpW, pW);
    r = kqlBindOperator(p, r, pOpW);
    if( r->bError ) return r;
  }
  if( bShortest ){
    KqlStr s, part, len;
    kqlStrInit(&s, p->pArena);
    kqlStrInit(&part, p->pArena);
    kqlStrInit(&len, p->pArena);
    const char *zA = kqlBindAlias(p);
    int nPart = 1;
    kqlStrPrintf(&part, "%s.\"kql$p\"", zA);
    for(int k=0; k<m.nNode; k++){
      if( m.azNode[k] ) kqlStrPrintf(&part, "%s%s.\"kql$n%d\"", nPart++ ? ", " : "", zA, k);
    }
    for(int k=0; k<m.nNode && nPart==1; k++) kqlStrPrintf(&part, ", %s.\"kql$n%d\"", zA, k);
    kqlStrAppend(&len, "0", -1);
    for(int j=0; j<m.nEdge; j++){
      if( m.aEdge[j].bVar ) kqlStrPrintf(&len, " + %s.\"kql$l%d\"", zA, j);
      else kqlStrAppend(&len, " + 1", -1);
    }
    if( !bAll ){
      for(int j=0; j<m.nEdge; j++) kqlStrPrintf(&len, ", %s.\"kql$e%d\"", zA, j);
    }
    kqlStrAppend(&s, "SELECT ", -1);
    kqlBindColList(&s, r, "kql_s");
    kqlStrPrintf(&s, " FROM (SELECT %s.*, %s() OVER (PARTITION BY %s ORDER BY %s) AS kql_rk FROM %s AS %s) AS kql_s "
                 "WHERE kql_s.kql_rk = 1", zA, bAll ? "rank" : "row_number", kqlStrText(&part),
                 kqlStrText(&len), kqlBindSrc(p, r), zA);
    r = kqlBindRelNew(p, kqlStrText(&s), r->nCol, r->aCol);
  }
  return kqlBindOperator(p, r, pP);
}
