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
  char *zStreamSql;     /* issue 6: its "kqlscan" virtual table, once created */
  int nStreamCol;
  KqlCol *aStreamCol;   /* the streamed schema (malloc'ed names) */
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
  struct KqlEngineInputs *pInputs;  /* watchlists (engine_inputs.c), or NULL */
  void *pGeoIp;         /* geo_info_from_ip_address database (fn_geoip.c), or NULL */
  struct KqlCache *pCache; /* table cache (tables/cache.h), NULL: off */
  int bNoStream;        /* kql_set_stream(0): always load tables (engine_stream.c) */
};

/* The schema of table zName: a user schema, else the built-in catalogue, else NULL. */
const KqlTableDef *kqlEngineSchema(KqlEngine *p, const char *zName);

/* State of one kql_run, passed to xTable. */
typedef struct KqlEngineRun KqlEngineRun;
struct KqlEngineRun {
  KqlEngine *pEng;
  KqlArena *pArena;
  const KqlAst *pQuery; /* the query being run (engine_stream.c), or NULL */
};

struct KqlResult {
  KqlEngine *pEng;
  sqlite3_stmt *pStmt;  /* the running statement */
  const KqlBoundStmt *pBound;
  KqlDiagList *pDiags;
  int bDone;            /* stepped to the end (or failed) */
  int bError;           /* a step failed */
  int bIoErr;           /* ... reading a streamed table's file (issue 6) */
  char (*aBuf)[48];     /* per-column formatting buffers */
  const char *zLabel;
};

int64_t kqlEngineNow(KqlEngine *p);
/* The table cache (engine_cache.c): kqlEngineCacheHit makes table t, not yet
** loaded, ready from its cache file (returns 1) or does nothing (0);
** kqlEngineCacheNote: t was just read from its file, cache it at kql_close. */
int kqlEngineCacheHit(KqlEngine *p, KqlEngineTable *t, const KqlTableDef *pDef);
void kqlEngineCacheNote(KqlEngine *p, KqlEngineTable *t, const KqlTableDef *pDef);
void kqlEngineCacheClose(KqlEngine *p);
int kqlEngineTable(void *pArg, const char *zName, KqlTableRef *pOut, const char **pzErr);
/* engine_stream.c (issue 6): stream a single-pass table instead of loading it. */
int kqlEngineStream(KqlEngineRun *pRun, KqlEngineTable *t, const char *zName,
                    KqlTableRef *pOut, const char **pzErr);
void kqlEngineStreamFree(KqlEngineTable *t);
int kqlEngineExternal(void *pArg, const char *zUrl, int nCol, const KqlCol *aCol,
                      const char *zFormat, KqlTableRef *pOut, const char **pzErr);
int kqlEngineListTables(void *pArg, const char ***pazName);
/* engine_inputs.c: _GetWatchlist sources. */
typedef struct KqlEngineInputs KqlEngineInputs;
int kqlEngineWatchlist(void *pArg, const char *zAlias, KqlTableRef *pOut, const char **pzErr);
void kqlEngineInputsFree(KqlEngine *p);
/* fn_geoip.c: the geo_info_from_ip_address database. */
void kqlGeoIpClose(KqlEngine *p);

#endif
