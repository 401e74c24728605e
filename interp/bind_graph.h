/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Internal interface of the graph binder: make-graph builds a graph value
** (KqlGraph, hung on a KqlRel's pGraph) that only the graph operators accept.
** bind_graph.c holds make-graph, graph-to-table, graph-mark-components and the
** dispatch; bind_graph_match.c binds graph-match and graph-shortest-paths.
**
** A graph is two relations, each one CTE of the statement:
**   edges: the edge properties (the make-graph input's columns), then the
**          hidden kql$eid (0-based row number), kql$src, kql$dst (node ids),
**          kql$part (the partitioned-by value, NULL when not partitioned);
**   nodes: the node properties, then the hidden kql$id (the node id),
**          kql$ord (the order nodes are listed in) and kql$part.
*/
#ifndef KQL_BIND_GRAPH_H
#define KQL_BIND_GRAPH_H
#include "bindInt.h"

typedef struct KqlGraph KqlGraph;
struct KqlGraph {
  KqlRel *pEdges;       /* nEdgeProp properties + kql$eid, kql$src, kql$dst */
  int nEdgeProp;
  KqlRel *pNodes;       /* nNodeProp properties + kql$id, kql$ord */
  int nNodeProp;
  int eIdType;          /* KQL_T_* of node ids */
  int bPart;            /* make-graph ... partitioned-by: ids match only within one kql$part */
  const KqlAst *pAt;    /* the make-graph operator, for errors */
  int bReported;        /* kqlGraphAsTable() reported it already */
};

/* bind_graph_match.c: graph-match / graph-shortest-paths (pOp->z says which) */
KqlRel *kqlGraphMatch(Binder *p, KqlGraph *g, const KqlAst *pOp);

#endif
