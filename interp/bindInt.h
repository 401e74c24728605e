/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface shared by the binder's files: bind.c (statements, let
** scopes, tabular sources), bind_op.c (tabular operators), bind_expr.c
** (scalar expressions) and bind_name.c (KQL's result-column naming rules).
** Every pass checks Binder.pDiags before doing work; helpers that fail add
** a diagnostic and return a harmless placeholder so binding can go on and
** report more errors.
*/
#ifndef KQL_BINDINT_H
#define KQL_BINDINT_H
#include "bind.h"
#include "builtins.h"
#include "strbuf.h"

/* A bound scalar expression. */
typedef struct KqlExpr KqlExpr;
struct KqlExpr {
  const char *zSql;     /* SQL text, self-contained (parenthesised) */
  int eType;            /* KQL_T_* */
  int bConst;           /* refers to no column */
  int bAgg;             /* contains an aggregate call */
  int bError;           /* binding failed (a diagnostic was added) */
  const char *zName;    /* name KQL would give the column, or NULL (ColumnN) */
  const KqlAst *pAst;   /* source, for locations */
  const char *zJson;    /* constant dynamic value as JSON text, else NULL */
  int bNoNan;           /* a real that cannot be NaN (+, -, * of integers and finite literals) */
};

/* A bound tabular value: a SELECT and its schema. */
typedef struct KqlRel KqlRel;
struct KqlRel {
  const char *zSql;     /* SELECT producing the columns, in order */
  int nCol;
  KqlCol *aCol;
  int bOrdered;         /* rows are in a meaningful order (sort/top/serialize) */
  int bError;           /* binding failed: later operators add no further errors */
  const char *zCte;     /* name of the CTE holding zSql, once kqlBindSrc made one */
  const char *zStreamTable; /* a plain scan of this streamed table (issue 6), else NULL */
  void *pGraph;         /* make-graph: a KqlGraph (bind_graph.h); only graph operators take it */
  int iExtCol;          /* 1 + the column an extend item computed here (0: none) */
  int nExtCopy;         /* copies of that column's expressions SQLite inlines (bind_op.c) */
  int bMaterialize;     /* kqlBindSrc makes the CTE "AS MATERIALIZED" */
  KqlRel *pPushLeft;    /* innerunique join: its left input before the dedup ... */
  const KqlAst *pPushJoin; /* ... and the join operator: a where on left columns goes below (bind_join.c) */
};

/* let-bound names. */
#define KQL_SCOPE_SCALAR  1   /* pExpr */
#define KQL_SCOPE_TABULAR 2   /* pAst bound lazily in pDefScope */
#define KQL_SCOPE_LAMBDA  3   /* pAst is a LAMBDA */
#define KQL_SCOPE_REL     4   /* pRel: an already-bound tabular value (materialize, params) */
#define KQL_SCOPE_PATTERN 5   /* pAst: a declare pattern statement (bind_pattern.c) */
typedef struct KqlScope KqlScope;
struct KqlScope {
  const char *zName;    /* bound name */
  int eKind;            /* KQL_SCOPE_* */
  KqlExpr *pExpr;       /* SCALAR */
  const KqlAst *pAst;   /* TABULAR, LAMBDA */
  KqlRel *pRel;         /* REL */
  KqlScope *pDefScope;  /* scope at the definition (lexical scoping) */
  KqlScope *pNext;      /* enclosing binding */
};

/* Row context: the input relation expressions are evaluated against. */
typedef struct KqlRowCtx KqlRowCtx;
struct KqlRowCtx {
  const KqlRel *pRel;   /* input schema */
  const char *zAlias;   /* SQL alias of the input in FROM */
  int bAggOk;           /* aggregates allowed (summarize) */
};

typedef struct Binder Binder;
struct Binder {
  KqlArena *pArena;
  KqlBindEnv *pEnv;
  KqlDiagList *pDiags;
  KqlScope *pScope;     /* innermost let binding */
  KqlRowCtx *pRow;      /* current row context, or NULL */
  int nParam, nParamAlloc;
  KqlParam *aParam;
  int nAlias;           /* counter for unique SQL aliases */
  KqlStr cte;           /* "c1 AS (...), c2 AS (...)": every relation used as an input */
  int nCte;             /* CTEs in cte */
  int nDepth;           /* recursion guard */
  const KqlAst *pStepPipe; /* the PIPE whose step iStep is being bound (bind_union.c narrows) */
  int iStep;
  /* window functions nested in a window function's arguments (bind_call.c):
  ** ", <sql> AS "kql$wN"" items the FROM of alias zHoistAlias computes first */
  const char *zHoist;
  const char *zHoistAlias;
  int nHoist;
  /* the input of the extend being bound: pack_all() sees only its columns */
  const KqlRel *pExtendIn;
  /* values of 'set query_bin_auto_size=...' / 'query_bin_auto_at=...' (bind.c),
  ** read by bin_auto() (bind_call.c); NULL when not set */
  const KqlAst *pBinAutoSize;
  const KqlAst *pBinAutoAt;
  /* columns whose names differ only in case were reported (kqlBindRelNew) */
  int bCaseClash;
  /* a batch (more than one result statement): a top-level let of
  ** materialize() is computed once into a temp table (bind.c), named in
  ** azMat so that the engine drops it after the query */
  int nResultStmt;
  int bTopLet;
  int nMat;
  const char **azMat;
};

#define KQL_BIND_MAX_DEPTH 400

/* bind.c */
KqlRel *kqlBindTabular(Binder *p, const KqlAst *pAst);
const char *kqlBindAlias(Binder *p);
KqlRel *kqlBindRelNew(Binder *p, const char *zSql, int nCol, KqlCol *aCol);
int kqlBindIsTabular(Binder *p, const KqlAst *pAst);
KqlScope *kqlBindLookup(Binder *p, const char *zName);
void kqlBindErr(Binder *p, const KqlAst *pAt, const char *zCode, const char *zFmt, ...)
  __attribute__((format(printf, 4, 5)));
void kqlBindNotSupported(Binder *p, const KqlAst *pAt, const char *zWhat);
void kqlBindLet(Binder *p, const KqlAst *pLet);
/* Bind zName to an already-bound relation (the 'as' operator). */
void kqlBindDefineRel(Binder *p, const char *zName, KqlRel *pRel);
/* Add a parameter; returns its "?NNN" text. */
const char *kqlBindParamText(Binder *p, const char *z, int n);
const char *kqlBindParamInt(Binder *p, int64_t i);
const char *kqlBindParamReal(Binder *p, double r);
const char *kqlBindParamNull(Binder *p);
/*
** The name to read relation pRel FROM: the SQL of every operator's input
** becomes a common table expression (c1, c2, ...) of the statement instead
** of a nested sub-select, so long pipelines never nest deeply (SQLite's
** parser has a small stack) and SQLite still inlines CTEs used once.
*/
const char *kqlBindSrc(Binder *p, const KqlRel *pRel);
/* The CTE list so far as a "WITH ... " prefix ("" when empty). */
const char *kqlBindWith(Binder *p);
/* Column list "a"."x", ... of pRel read through alias zAlias. */
void kqlBindColList(KqlStr *pOut, const KqlRel *pRel, const char *zAlias);

/* bind_op.c, bind_join.c, bind_union.c, bind_mvexpand.c */
KqlRel *kqlBindOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* project/extend/print items with multi-column calls expanded into ASSIGNs */
KqlAst *kqlBindExpandItems(Binder *p, const KqlAst *pOp);
KqlRel *kqlBindJoin(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlBindJoinPushWhere(Binder *p, KqlRel *pIn, const KqlAst *pWhere,
                             KqlRel *(*xWhere)(Binder*, KqlRel*, const KqlAst*));
/* bind_fork.c: a statement ending in fork or facet gives several tables */
const KqlAst *kqlBindForkOp(const KqlAst *pSt);
int kqlBindFork(Binder *p, const KqlAst *pSt, KqlRel ***papOut);
/* pFirst: the piped input (NULL for a union source); legs are pOp's children */
KqlRel *kqlBindUnion(Binder *p, KqlRel *pFirst, const KqlAst *pFirstAst, const KqlAst *pOp);
KqlRel *kqlBindMvExpand(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* union legs with T* / * expanded to table names (bind.c) */
KqlAst *kqlBindExpandWildcards(Binder *p, const KqlAst *pOp);
/* bind_ext*.c: the remaining operators (parse, evaluate, make-series, ...) and
** sources (externaldata, evaluate as a source, find, search); "not supported" otherwise */
KqlRel *kqlBindExtOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlBindExtSource(Binder *p, const KqlAst *pAst);
/* bind_pattern.c: is pAst P(...) or P(...).path of a declared pattern; bind it */
int kqlBindIsPatternRef(Binder *p, const KqlAst *pAst);
KqlRel *kqlBindPatternRef(Binder *p, const KqlAst *pAst);
/* bind_graph*.c: make-graph and the graph operators; also any operator whose
** input is a graph (an error: only graph operators take one) */
int kqlGraphTakes(const KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlBindGraphOperator(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* Report a graph read as a table (kqlBindSrc on a make-graph result). */
void kqlGraphAsTable(Binder *p, const KqlRel *pRel);

/* bind_expr.c */
KqlExpr *kqlBindExpr(Binder *p, const KqlAst *pAst);
KqlExpr *kqlBindCall(Binder *p, const KqlAst *pAst);   /* bind_call.c */
KqlExpr *kqlExprNew(Binder *p, const KqlAst *pAst, int eType, const char *zSql);
KqlExpr *kqlExprError(Binder *p, const KqlAst *pAst);
/* SQL text of e converted to KQL type eTo (tostring, numeric widening...). */
const char *kqlExprAs(Binder *p, KqlExpr *e, int eTo);
/* SQL text of e as a bool condition. */
const char *kqlExprCond(Binder *p, KqlExpr *e);
/* bind_names.c: register the query's own column names that differ only in
** case from another name it uses, before binding; and test a name. */
void kqlBindCaseNames(Binder *p, const KqlAst *pQuery);
int kqlBindIsCaseName(const Binder *p, const char *z);
/* Find column zName in the row context; -1 if absent. */
int kqlBindFindCol(const KqlRel *pRel, const char *zName);
/* bind_prefilter.c: "?N" holding the streamed scan's prefilter JSON, or NULL. */
const char *kqlBindPrefilter(Binder *p, const KqlAst *pPred, const KqlRel *pIn);
/* The SQL reference to column iCol of the row context. */
const char *kqlBindColRef(Binder *p, int iCol);
/* The argument AST for parameter i of a user function call (positional, name=value or default). */
const KqlAst *kqlBindLambdaArg(Binder *p, const KqlAst *pCall, const KqlAst *pParams, int i);
/* Serialize a DYNARRAY/DYNBAG/LITERAL tree as JSON (constant dynamic). */
const char *kqlBindDynJson(Binder *p, const KqlAst *pAst, int *pbOk);

/* bind_name.c */
/* Column name KQL gives an unnamed expression, or NULL when it would be ColumnN. */
const char *kqlNameForExpr(Binder *p, const KqlAst *pAst, int bAggCtx);
/* Make zName unique among aCol[0..nCol) by appending 1, 2, ... (Kusto's rule). */
const char *kqlNameUnique(Binder *p, const char *zName, const KqlCol *aCol, int nCol);
/* "ColumnN" with the smallest N unused in both lists. */
const char *kqlNameColumnN(Binder *p, const KqlCol *aIn, int nIn, const KqlCol *aOut, int nOut);

#endif
