/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The binder: walks the parse tree, resolves tables, columns, let names and
** functions, gives every expression its KQL type, and compiles each tabular
** statement into one SQL SELECT (one nested sub-select per pipeline stage;
** SQLite's flattener merges them). Literal values never appear in the SQL
** text: they are collected as parameters (?NNN) and bound by the executor.
** The binder does not include sqlite3.h: tables are resolved through the
** xTable callback of KqlBindEnv, which the engine implements by loading files.
*/
#ifndef KQL_BIND_H
#define KQL_BIND_H
#include <stdint.h>
#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "types.h"

/* A column of a tabular value. */
typedef struct KqlCol KqlCol;
struct KqlCol {
  const char *zName;    /* KQL column name */
  int eType;            /* KQL_T_* */
};

/* A bound parameter value (?NNN in the SQL text, 1-based). */
#define KQL_PARAM_NULL 0
#define KQL_PARAM_INT  1
#define KQL_PARAM_REAL 2
#define KQL_PARAM_TEXT 3
typedef struct KqlParam KqlParam;
struct KqlParam {
  int eKind;            /* KQL_PARAM_* */
  int64_t i;            /* INT */
  double r;             /* REAL */
  const char *z;        /* TEXT (arena) */
  int n;                /* bytes in z */
};

/* One result-producing statement. */
typedef struct KqlBoundStmt KqlBoundStmt;
struct KqlBoundStmt {
  const KqlAst *pAst;   /* the statement (for error locations) */
  const char *zSql;     /* the SELECT */
  int nCol;             /* result columns */
  KqlCol *aCol;         /* their names and KQL types */
};

typedef struct KqlProgram KqlProgram;
struct KqlProgram {
  int nStmt;
  KqlBoundStmt *aStmt;  /* result statements, in order */
  int nParam;
  KqlParam *aParam;     /* aParam[i] is ?(i+1) */
  int nMat;             /* temp tables made while binding (a batch's materialize()): */
  const char **azMat;   /* the engine drops them after the last statement */
};

/* What a table name resolves to (filled by xTable). */
typedef struct KqlTableRef KqlTableRef;
struct KqlTableRef {
  const char *zSqlName; /* SQLite table to read (the caller keeps it alive) */
  int nCol;
  const KqlCol *aCol;   /* the caller keeps it alive */
  int bStream;          /* a streamed scan (kqlscan virtual table): prefilter applies */
};

#define KQL_TABLE_OK       0
#define KQL_TABLE_UNKNOWN  1  /* no such table: the binder reports "unknown table" */
#define KQL_TABLE_ERROR    2  /* I/O or data error: *pzErr has been set (arena) */

typedef struct KqlBindEnv KqlBindEnv;
struct KqlBindEnv {
  void *pArg;           /* first argument of xTable */
  /* Resolve table zName. Returns KQL_TABLE_*; on ERROR sets *pzErr (arena string). */
  int (*xTable)(void *pArg, const char *zName, KqlTableRef *pOut, const char **pzErr);
  /* Text added to "unknown table" messages, e.g. "in directory tables/samples/". */
  const char *zTableHint;
  /*
  ** Run a SELECT now, during binding (for operators whose result schema
  ** depends on the data: evaluate bag_unpack, pivot). aParam/nParam are the
  ** program's parameters so far. On success returns 0 and sets *pzOut to the
  ** first column of the first row as text (arena; NULL for SQL NULL). NULL in
  ** check mode, where such operators are typed as far as possible without data.
  */
  int (*xQuery)(void *pArg, const char *zSql, const KqlParam *aParam, int nParam,
                const char **pzOut, const char **pzErr);
  /*
  ** externaldata(schema)[url]: resolve url to a table holding the declared
  ** columns. Returns KQL_TABLE_OK (pOut filled), KQL_TABLE_UNKNOWN when the
  ** URL is not mapped to a local file (the binder reports "not available
  ** offline" and sets eOffline), or KQL_TABLE_ERROR with *pzErr.
  */
  int (*xExternal)(void *pArg, const char *zUrl, int nCol, const KqlCol *aCol,
                   const char *zFormat, KqlTableRef *pOut, const char **pzErr);
  /* All table names available (for union T* and union *); returns the count,
  ** *pazName an arena array. */
  int (*xListTables)(void *pArg, const char ***pazName);
  /*
  ** _GetWatchlist('alias'): resolve a Sentinel watchlist to a table. Returns
  ** KQL_TABLE_OK, KQL_TABLE_UNKNOWN (not mapped: "not available offline")
  ** or KQL_TABLE_ERROR with *pzErr. NULL: no watchlists (check mode).
  */
  int (*xWatchlist)(void *pArg, const char *zAlias, KqlTableRef *pOut, const char **pzErr);
  int bGeoIp;           /* geo_info_from_ip_address() has a database (kql_geo_ip) */
  int eOffline;         /* set by the binder when a source is not available offline */
  int bCheck;           /* checking only: offline sources are typed, never resolved */
  int64_t nowTicks;     /* value of now() */
  int eDialect;         /* KQL_DIALECT_* of kql.h: enables service-specific functions */
  int eIoErr;           /* set to 1 by the binder when xTable reported an I/O error */
};

/*
** Bind and compile the parsed query pQuery. Errors go to pDiags (codes
** KQL1xx). Returns the program (in pArena) — possibly with fewer
** statements when errors were found; check pDiags->nErr.
*/
KqlProgram *kqlBindQuery(KqlArena *pArena, const KqlAst *pQuery, KqlBindEnv *pEnv,
                         KqlDiagList *pDiags);

#endif
