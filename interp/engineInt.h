/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal layout of KqlEngine and KqlResult, shared by engine.c (tables,
** options) and exec.c (running a query, reading results).
*/
#ifndef KQL_ENGINEINT_H
#define KQL_ENGINEINT_H
#include <sqlite3.h>
#include "kql.h"
#include "bind.h"
#include "catalog.h"

/* A table source: a file, loaded into SQLite on first use. */
typedef struct KqlEngineTable KqlEngineTable;
struct KqlEngineTable {
  char *zName;          /* KQL table name */
  char *zPath;          /* file it comes from */
  char *zSqlName;       /* SQLite table once loaded */
  int bLoaded;          /* loaded into SQLite */
  int bFailed;          /* loading failed (error already reported) */
  int nCol;
  KqlCol *aCol;         /* schema (malloc'ed names) */
};

struct KqlEngine {
  sqlite3 *db;          /* in-memory database holding the loaded tables */
  char *zDataDir;       /* --data DIR, or NULL */
  int nTable, nTableAlloc;
  KqlEngineTable *aTable;
  int64_t nowTicks;     /* --now */
  int bNowSet;
  int mDump;            /* kql_set_dump bits */
  int eDialect;         /* KQL_DIALECT_* */
  int nExt;             /* --externaldata URL=PATH mappings */
  char **azExtUrl, **azExtPath;
  char *zExtDir;        /* --externaldata-dir */
  int nExtLoaded;       /* externaldata tables loaded (names kx_N) */
  int nSchema;          /* user schemas (kql_add_schema) */
  KqlTableDef *aSchema; /* names and columns malloc'ed */
};

/* The schema of table zName: a user schema, else the built-in catalogue, else NULL. */
const KqlTableDef *kqlEngineSchema(KqlEngine *p, const char *zName);

/* State of one kql_run, passed to xTable. */
typedef struct KqlEngineRun KqlEngineRun;
struct KqlEngineRun {
  KqlEngine *pEng;
  KqlArena *pArena;
};

struct KqlResult {
  KqlEngine *pEng;
  sqlite3_stmt *pStmt;  /* the running statement */
  const KqlBoundStmt *pBound;
  KqlDiagList *pDiags;
  int bDone;            /* stepped to the end (or failed) */
  int bError;           /* a step failed */
  char (*aBuf)[48];     /* per-column formatting buffers */
  const char *zLabel;
};

int64_t kqlEngineNow(KqlEngine *p);
int kqlEngineTable(void *pArg, const char *zName, KqlTableRef *pOut, const char **pzErr);
int kqlEngineExternal(void *pArg, const char *zUrl, int nCol, const KqlCol *aCol,
                      const char *zFormat, KqlTableRef *pOut, const char **pzErr);
int kqlEngineListTables(void *pArg, const char ***pazName);

#endif
