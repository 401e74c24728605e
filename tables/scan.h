/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming scans: a table whose schema is known (catalogue or --schemas)
** and whose file is CSV or TSV (optionally .gz) can be read through the
** SQLite virtual table module "kqlscan" instead of being loaded: every scan
** reads the file from its first byte, splits records with a vector scan,
** converts only the cells SQLite asks for (the loader's own conversion, so
** values are byte-identical) and skips records that fail a pushed-down
** prefilter. Memory stays bounded by the read block, whatever the file size.
*/
#ifndef KQL_SCAN_H
#define KQL_SCAN_H
#include <sqlite3.h>
#include "catalog.h"
#include "load.h"

/*
** Create virtual table zSqlName streaming zPath with schema pDef (not NULL).
** The header is read now: every field must map to a column of pDef (as
** the loader maps it), else the file is not streamed. Returns SQLITE_OK
** with *ppOut the table's schema (kqlLoadSchemaFree; nRow is -1),
** SQLITE_DONE when the file cannot be streamed (the caller loads it), or
** an error code with *pzErr (malloc'ed "PATH:LINE:COL: message").
*/
int kqlScanCreate(sqlite3 *db, const char *zPath, const char *zSqlName,
                  const KqlTableDef *pDef, KqlLoadSchema **ppOut, char **pzErr);

/* The hidden column that carries the prefilter (see scan_filter.c). */
#define KQL_SCAN_PREFILTER "kql_prefilter"

#endif
