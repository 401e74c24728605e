/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The public API: the only header the CLI, the renderer and the tests outside
** interp/ need. An engine holds the SQLite database, the table sources and the
** options; kql_run() parses, binds, plans and executes one query text and
** hands every result table to a callback, which reads it row by row. Errors
** are appended to a diagnostic list (diag.h) for the caller to print.
*/
#ifndef KQL_H
#define KQL_H
#include <stdint.h>
#include "diag.h"
#include "types.h"

#define KQL_OK     0
#define KQL_ERROR  1    /* query error: syntax, binding, runtime */
#define KQL_IOERR  2    /* usage or I/O error: missing file, bad data file */
#define KQL_OFFLINE 3   /* an external source is not available offline */
#define KQL_ROW    100  /* kql_result_step: a row is ready */
#define KQL_DONE   101  /* kql_result_step: no more rows */

typedef struct KqlEngine KqlEngine;
typedef struct KqlResult KqlResult;

/* Open an engine (in-memory SQLite with the KQL built-ins). Returns KQL_OK. */
int kql_open(KqlEngine **ppEng);
void kql_close(KqlEngine *pEng);
/* Tables named by a query are looked up in DIR/<Table>.<ext> (load.h). */
int kql_set_data_dir(KqlEngine *pEng, const char *zDir);
/* Table zName comes from file zPath (overrides the data dir). */
int kql_add_table(KqlEngine *pEng, const char *zName, const char *zPath);
/* now() and ago() measure from this instant (100-ns ticks since the epoch).
** Without it, the clock is read once per kql_run. */
void kql_set_now(KqlEngine *pEng, int64_t ticks);
/*
** Declare (or override) the schema of table zName: nCol columns with names
** azName and KQL types aeType. Used by kql_check and, for files without a
** catalogue entry, by loading (the names are copied). Returns KQL_OK.
*/
int kql_add_schema(KqlEngine *pEng, const char *zName, int nCol, const char *const *azName,
                   const int *aeType);
/* externaldata(...)[zUrl] reads local file zPath instead. */
int kql_add_external(KqlEngine *pEng, const char *zUrl, const char *zPath);
/* externaldata URLs not mapped one by one are looked up by their file name in zDir. */
int kql_set_external_dir(KqlEngine *pEng, const char *zDir);
/*
** _GetWatchlist('zAlias') reads the CSV file zPath; zKey names its search
** key column (NULL: the first column). kql_set_watchlist_dir: watchlists
** not mapped one by one are read from DIR/<alias>.csv.
*/
int kql_add_watchlist(KqlEngine *pEng, const char *zAlias, const char *zKey, const char *zPath);
int kql_set_watchlist_dir(KqlEngine *pEng, const char *zDir);
/*
** geo_info_from_ip_address() answers from the MaxMind database zPath
** (.mmdb, e.g. GeoLite2-City). Returns KQL_OK, or KQL_IOERR with *pzErr
** (malloc'ed; free it) when it cannot be opened.
*/
int kql_set_geoip(KqlEngine *pEng, const char *zPath, char **pzErr);
/* Service dialect for service-specific functions: 0 none, KQL_DIALECT_*. */
#define KQL_DIALECT_NONE     0
#define KQL_DIALECT_SENTINEL 1
#define KQL_DIALECT_DEFENDER 2
void kql_set_dialect(KqlEngine *pEng, int eDialect);
/*
** Keep a typed SQLite copy of each data file read, with indexes, in
** directory zDir (tables/cache.h); later runs attach it instead of parsing
** the file. Copies are written when the engine closes (in a background
** process unless KQLITE_CACHE_SYNC=1). NULL turns the cache off (default).
*/
int kql_set_cache(KqlEngine *pEng, const char *zDir);
/*
** Streaming (issue 6): a query that reads a CSV/TSV table with a known
** schema in a single pass streams the file instead of loading it (the
** default, bOn=1); bOn=0 always loads. KQLITE_NO_STREAM=1 also loads.
*/
void kql_set_stream(KqlEngine *pEng, int bOn);
/* Debug dumps written to stderr by kql_run: bit 1 = AST, 2 = plan/schema, 4 = SQL. */
void kql_set_dump(KqlEngine *pEng, int mDump);

/*
** Run the query text pSrc. Each result table (one per tabular statement, in
** order) is passed to xResult, which may read its rows with kql_result_step
** before returning; a non-zero return from xResult stops the run. Diagnostics
** go to pDiags (allocated in pDiags->pArena). Returns KQL_OK, KQL_ERROR,
** KQL_IOERR or KQL_OFFLINE.
*/
int kql_run(KqlEngine *pEng, const KqlSource *pSrc, KqlDiagList *pDiags,
            int (*xResult)(void *pArg, KqlResult *pRes), void *pArg);

/*
** Check the query text pSrc without running it: parse, then bind against
** the catalogue of known tables (no data is read). Every problem found is
** appended to pDiags. Returns KQL_OK when there is no error, else KQL_ERROR.
*/
int kql_check(KqlEngine *pEng, const KqlSource *pSrc, KqlDiagList *pDiags);

/* Reading a result table. */
int kql_result_columns(KqlResult *p);
const char *kql_result_name(KqlResult *p, int iCol);
int kql_result_type(KqlResult *p, int iCol);          /* KQL_T_* */
/* Advance: KQL_ROW, KQL_DONE or KQL_ERROR (the message is in the diag list). */
int kql_result_step(KqlResult *p);
int kql_result_isnull(KqlResult *p, int iCol);
int64_t kql_result_int64(KqlResult *p, int iCol);     /* bool, int, long, datetime, timespan ticks */
double kql_result_double(KqlResult *p, int iCol);     /* real, decimal */
/* The value as KQL prints it (CSV/table form): "true", "1.5", "2026-06-03T01:02:03Z",
** "1.02:03:04", JSON text for dynamic, "" for null. Valid until the next step. */
const char *kql_result_text(KqlResult *p, int iCol);
/* The raw stored text (string, guid, dynamic JSON); NULL for null. */
const char *kql_result_raw(KqlResult *p, int iCol);
/* Label of the result (file name or statement index), may be NULL. */
const char *kql_result_label(KqlResult *p);

#endif
