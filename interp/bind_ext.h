/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface of the binder's extension files (bind_ext*.c): the
** less common tabular operators and sources. bind_ext.c dispatches on the
** node kind and holds the small helpers every family uses (row contexts,
** constant arguments, option values); each family lives in its own file:
** bind_ext_parse.c (parse, parse-where, parse-kv), bind_ext_eval.c
** (evaluate plugins), bind_ext_series.c (make-series), bind_ext_top.c
** (top-nested, top-hitters, sample, sample-distinct), bind_ext_apply.c
** (mv-apply, invoke), bind_ext_search.c (search, find) and bind_ext_scan.c
** (scan). Every operator returns a relation whose SQL is one SELECT over its
** input as a sub-select, like the lead's operators in bind_op.c.
*/
#ifndef KQL_BIND_EXT_H
#define KQL_BIND_EXT_H
#include "bindInt.h"

/* Name under which mv-apply publishes the current sub-table for CONTEXT
** (not a valid KQL identifier, so no let can shadow it). */
#define KQL_EXT_CONTEXT_NAME "$context"

/* bind_ext.c: shared helpers */
/* Enter a row context over pIn with a fresh alias; returns the alias. */
const char *kqlExtRowEnter(Binder *p, KqlRowCtx *pCtx, KqlRowCtx **ppSave, const KqlRel *pIn);
/* Leave a row context entered with kqlExtRowEnter. */
void kqlExtRowLeave(Binder *p, KqlRowCtx *pSave);
/* n zeroed columns in the arena (at least one slot). */
KqlCol *kqlExtCols(Binder *p, int n);
/* An empty relation flagged as an error (a diagnostic was already added). */
KqlRel *kqlExtRelError(Binder *p);
/* Bind pAst outside any row context (a constant argument). */
KqlExpr *kqlExtConst(Binder *p, const KqlAst *pAst);
/*
** The text of a constant string argument (a literal or a let-bound one), or
** an identifier's name when bIdentOk (kind=regex). NULL when pAst is neither.
*/
const char *kqlExtConstText(Binder *p, const KqlAst *pAst, int bIdentOk);
/* Value of option zName of pOp (its NAMEDARG's first child), or NULL. */
const KqlAst *kqlExtOpt(const KqlAst *pOp, const char *zName);
/* KQL type of a TYPE node (or a COLDECL holding one); -1 when unknown. */
int kqlExtType(const KqlAst *pType);
/* Copy of pIn's columns as "alias"."name", ... into s. */
void kqlExtColList(KqlStr *s, const KqlRel *pIn, const char *zAlias);
/* A column name not used by pIn, built from zBase ("kql$p", "kql$p1", ...). */
const char *kqlExtHiddenName(Binder *p, const KqlRel *pIn, const char *zBase);
/* The KQL type of a bound expression as a column type (unknown -> string). */
int kqlExtColType(const KqlExpr *e);
/* Append the SQL that reads element iIdx of the JSON array column zArr (as
** built by kql_parse / mv-apply) converted back to the storage of eType. */
void kqlExtAppendJsonCell(KqlStr *s, const char *zArr, int iIdx, int eType);

/* bind_ext_parse.c */
KqlRel *kqlExtParse(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtParseKv(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* bind_ext_eval.c: evaluate plugins; pIn is NULL for evaluate as a source */
KqlRel *kqlExtEvaluate(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* bind_ext_series.c */
KqlRel *kqlExtMakeSeries(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* bind_ext_top.c */
KqlRel *kqlExtTopNested(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtTopHitters(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtSample(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtSampleDistinct(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* bind_ext_apply.c */
KqlRel *kqlExtMvApply(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtInvoke(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtContext(Binder *p, const KqlAst *pAst);
/* bind_ext_search.c: pIn is NULL for the source forms */
KqlRel *kqlExtSearch(Binder *p, KqlRel *pIn, const KqlAst *pOp);
KqlRel *kqlExtFind(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* find's default output over several tables (bind_ext_find.c). */
typedef struct KqlFindShape KqlFindShape;
struct KqlFindShape {
  KqlAst *pList;            /* the tables searched */
  const char **azCommon;    /* columns every searched table has */
  int nCommon;
  const char **azRef;       /* columns the predicate names */
  int nRef;
};
/* NULL when find searches one table or the tables disagree on a column's type. */
KqlFindShape *kqlExtFindShape(Binder *p, const KqlAst *pOp, const KqlAst *pList, const KqlAst *pPred);
KqlRel *kqlExtFindProject(Binder *p, KqlRel *r, const KqlFindShape *s);
/* bind_ext_scan.c */
KqlRel *kqlExtScan(Binder *p, KqlRel *pIn, const KqlAst *pOp);

/* bind_partition.c: the partition operator */
KqlRel *kqlBindPartition(Binder *p, KqlRel *pIn, const KqlAst *pOp);
/* bind_project_names.c: project-by-names */
KqlRel *kqlBindProjectByNames(Binder *p, KqlRel *pIn, const KqlAst *pOp);

#endif
