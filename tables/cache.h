/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The table cache: a typed SQLite copy of each loaded data file, one
** database file per source file in a cache directory, so that a second run
** over the same file attaches it instead of parsing the text again.
**
**   DIR/<hash of real path>-<hash of schema>.sqlite
**     t              the table, as kqlLoadFile made it, plus indexes on the
**                    columns hunts filter on (cache_index.c)
**     kqlite_meta    key/value: format version, real path, size, mtime and
**                    ctime (ns) of the source when it was read, schema hash,
**                    size and mtime of the kqlite program that wrote it
**     kqlite_cols    i, name, type (KQL_T_*): the table's KQL schema
**
** A cache file is used only when every key matches the source file as it
** is now; anything else (missing, stale, truncated, not a database) is a
** miss, never an error. One process builds a file at a time (DIR/.NAME.lock
** holds its pid); it writes DIR/.NAME.tmp.PID and renames it into place
** (cache.c), so a partial file never has the final name. Building happens after the
** results were written: in a detached, nice'd background process, or in
** the foreground when the environment sets KQLITE_CACHE_SYNC=1 (cache_bg.c).
** Files smaller than KQLITE_CACHE_MIN_BYTES (default 1 MiB) are not cached:
** parsing them costs less than attaching a database.
*/
#ifndef KQL_CACHE_H
#define KQL_CACHE_H
#include <sqlite3.h>
#include "catalog.h"
#include "load.h"

/* Bump when the loader's storage forms or the cache layout change. */
#define KQL_CACHE_FORMAT 2

typedef struct KqlCache KqlCache;
typedef struct KqlCacheTodo KqlCacheTodo;
struct KqlCache {
  char *zDir;           /* cache directory */
  int nTodo;            /* files noted for building */
  KqlCacheTodo *aTodo;
};

/* A cache over directory zDir (created when first written). NULL: no memory. */
KqlCache *kqlCacheNew(const char *zDir);
/* Free the cache object (builds nothing: call kqlCacheFlush first). */
void kqlCacheFree(KqlCache *p);
/* The default directory: $XDG_CACHE_HOME/kqlite, else $HOME/.cache/kqlite.
** malloc'ed; NULL when neither variable is set. */
char *kqlCacheDefaultDir(void);

/*
** Attach the cache of file zPath (loaded with schema pDef, may be NULL) to
** db as schema zSchema, read-only. Returns SQLITE_OK and sets *ppOut to the
** table's schema (kqlLoadSchemaFree); its rows are in zSchema."t". Any
** other return is a miss: nothing stays attached.
*/
int kqlCacheAttach(KqlCache *p, sqlite3 *db, const char *zPath, const KqlTableDef *pDef,
                   const char *zSchema, KqlLoadSchema **ppOut);

/* Remember that file zPath (schema pDef, copied) should be cached by
** kqlCacheFlush. Files that are not regular or are too small are skipped. */
void kqlCacheNote(KqlCache *p, const char *zPath, const KqlTableDef *pDef);

/* Build the cache files noted so far (see above: background or, with
** KQLITE_CACHE_SYNC=1, now), and forget them. */
void kqlCacheFlush(KqlCache *p);

/* Build the cache file of zPath in zDir now. Returns SQLITE_OK, or an error
** code when nothing was written (also when another process is building it). */
int kqlCacheBuild(const char *zDir, const char *zPath, const KqlTableDef *pDef);

/* The cache file name for source zPath under zDir (malloc'ed), or NULL when
** zPath cannot be resolved. Tests use it to find, damage and inspect files. */
char *kqlCachePath(const char *zDir, const char *zPath, const KqlTableDef *pDef);

/*
** Choose the columns to index: the ones hunts filter on, found by name and
** type (addresses, host, account and file names, hashes, time, action and
** event ids). Writes up to nMax column numbers to aiOut, most useful first;
** returns how many.
*/
int kqlCacheIndexColumns(int nCol, char *const *azName, const int *aeType,
                         int *aiOut, int nMax);

/* Internal, shared by cache.c and cache_bg.c: the smallest file worth caching. */
long long kqlCacheMinBytes(void);

#endif
