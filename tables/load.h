/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Table loaders: read a CSV, TSV, JSON (array of objects) or JSON-lines file,
** or a saved Log Analytics / Defender advanced-hunting API response (.json,
** recognised by content), each optionally gzip-compressed, into a SQLite table with the storage forms
** of types.h. Column names and types come from the catalogue when the table
** is known there, else from the file (header + type inference). Malformed
** input is an error naming file:line:column, never a crash or silent loss.
*/
#ifndef KQL_LOAD_H
#define KQL_LOAD_H
#include <sqlite3.h>
#include "catalog.h"

/* The schema a loaded table ended up with (malloc'ed; kqlLoadSchemaFree). */
typedef struct KqlLoadSchema KqlLoadSchema;
struct KqlLoadSchema {
  int nCol;
  char **azName;        /* column names */
  int *aeType;          /* KQL_T_* per column */
  long long nRow;       /* rows loaded */
};
void kqlLoadSchemaFree(KqlLoadSchema *p);

/* Append column name zName to pStr as a quoted SQL identifier, spelt as
** every table and query writes it (catalog.h kqlCatalogSqlName). */
void kqlLoadAppendSqlName(sqlite3_str *pStr, const char *zName);

/*
** Find the file for table zTable in directory zDir: zDir/zTable.{csv,tsv,json,
** jsonl,ndjson}[.gz]. Returns a malloc'ed path, or NULL when none exists.
*/
char *kqlLoadFindInDir(const char *zDir, const char *zTable);

/*
** Load file zPath into a new SQLite table named zSqlTable (created here,
** quoted safely). pDef is the catalogue schema (all its columns exist in
** the result, in catalogue order, then any extra file columns) or NULL
** (schema from the file). On success returns SQLITE_OK and sets *ppOut. On
** failure returns an SQLite error code and sets *pzErr to a malloc'ed
** message "PATH:LINE:COL: message" (caller frees with free()).
*/
int kqlLoadFile(sqlite3 *db, const char *zPath, const char *zSqlTable,
                const KqlTableDef *pDef, KqlLoadSchema **ppOut, char **pzErr);

/* kqlLoadFile with flags: KQL_LOAD_ALLTEXT types every column the catalogue
** does not as string (a Sentinel watchlist's items are strings). */
#define KQL_LOAD_ALLTEXT 0x01
int kqlLoadFileEx(sqlite3 *db, const char *zPath, const char *zSqlTable,
                  const KqlTableDef *pDef, int mFlags, KqlLoadSchema **ppOut, char **pzErr);

#endif
