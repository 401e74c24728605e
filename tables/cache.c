/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The table cache (cache.h): naming a source file's cache file, checking
** that a cache file still describes the source (attach on a hit), and
** building one: load the source into a temporary database next to the
** final name, add the indexes and the key tables, fsync, rename. Deciding
** when to build (background or not) is cache_bg.c's job.
*/
#include "cache.h"
#include "catalog.h"
#include "types.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A build's lock older than this (seconds) was left by a dead builder. */
#define STALE_LOCK_SECONDS 3600
/* At most this many indexes per table. */
#define MAX_INDEX 16

/* What a cache file is keyed by: the source as it is now. */
typedef struct CacheKey CacheKey;
struct CacheKey {
  char *zReal;          /* realpath() of the source (malloc'ed) */
  long long nSize;
  long long mtimeNs, ctimeNs;
  char zDef[17];        /* hash of the schema, hex */
  char zBuild[48];      /* the running program's size and mtime: another
                        ** kqlite build may load files differently */
};

static uint64_t fnv(uint64_t h, const void *pData, size_t n){
  const unsigned char *z = pData;
  for(size_t i=0; i<n; i++){ h ^= z[i]; h *= 0x100000001b3ULL; }
  return h;
}

/* Hash of the schema a load starts from (names and types, in order). */
static void defHash(const KqlTableDef *pDef, char *zOut){
  uint64_t h = 0xcbf29ce484222325ULL;
  int v = KQL_CACHE_FORMAT;
  h = fnv(h, &v, sizeof(v));
  if( pDef ){
    for(int i=0; i<pDef->nCol; i++){
      h = fnv(h, pDef->aCol[i].zName, strlen(pDef->aCol[i].zName)+1);
      h = fnv(h, &pDef->aCol[i].eType, sizeof(int));
    }
  }
  snprintf(zOut, 17, "%016llx", (unsigned long long)h);
}

static long long tsNs(const struct timespec *t){
  return (long long)t->tv_sec*1000000000LL + t->tv_nsec;
}

/* Fill *pKey for the source zPath. Returns 0, or 1 when zPath is not a
** regular file or cannot be resolved. */
static int keyOf(const char *zPath, const KqlTableDef *pDef, CacheKey *pKey){
  struct stat st;
  memset(pKey, 0, sizeof(*pKey));
  if( zPath==0 || stat(zPath, &st)!=0 || !S_ISREG(st.st_mode) ) return 1;
  pKey->zReal = realpath(zPath, 0);
  if( pKey->zReal==0 ) return 1;
  pKey->nSize = (long long)st.st_size;
  pKey->mtimeNs = tsNs(&st.st_mtim);
  pKey->ctimeNs = tsNs(&st.st_ctim);
  defHash(pDef, pKey->zDef);
  if( stat("/proc/self/exe", &st)==0 ){
    snprintf(pKey->zBuild, sizeof(pKey->zBuild), "%lld-%lld", (long long)st.st_size, tsNs(&st.st_mtim));
  }
  return 0;
}

static char *fileName(const char *zDir, const CacheKey *pKey, const char *zPrefix,
                      const char *zSuffix){
  uint64_t h = fnv(0xcbf29ce484222325ULL, pKey->zReal, strlen(pKey->zReal));
  size_t n = strlen(zDir) + 80;
  char *z = malloc(n);
  if( z==0 ) return 0;
  snprintf(z, n, "%s%s%s%016llx-%s.sqlite%s", zDir, zDir[0] && zDir[strlen(zDir)-1]=='/' ? "" : "/",
           zPrefix, (unsigned long long)h, pKey->zDef, zSuffix);
  return z;
}

char *kqlCachePath(const char *zDir, const char *zPath, const KqlTableDef *pDef){
  CacheKey key;
  char *z;
  if( zDir==0 || keyOf(zPath, pDef, &key) ) return 0;
  z = fileName(zDir, &key, "", "");
  free(key.zReal);
  return z;
}

long long kqlCacheMinBytes(void){
  const char *z = getenv("KQLITE_CACHE_MIN_BYTES");
  if( z && z[0]>='0' && z[0]<='9' ) return atoll(z);
  return 1<<20;
}

/* "file:PATH?mode=ro&immutable=1" with PATH percent-encoded (sqlite3_free). */
static char *roUri(const char *zFile){
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendall(s, "file:");
  for(const unsigned char *z=(const unsigned char*)zFile; *z; z++){
    if( (*z>='a' && *z<='z') || (*z>='A' && *z<='Z') || (*z>='0' && *z<='9')
     || *z=='/' || *z=='.' || *z=='-' || *z=='_' ){
      sqlite3_str_appendchar(s, 1, (char)*z);
    }else{
      sqlite3_str_appendf(s, "%%%02X", *z);
    }
  }
  sqlite3_str_appendall(s, "?mode=ro&immutable=1");
  return sqlite3_str_finish(s);
}

/* 0 when the attached schema zSchema's key table matches pKey. */
static int checkMeta(sqlite3 *db, const char *zSchema, const CacheKey *pKey){
  char *zSql = sqlite3_mprintf("SELECT key, value FROM \"%w\".kqlite_meta", zSchema);
  sqlite3_stmt *pStmt = 0;
  int nOk = 0, bBad = 0;
  if( zSql==0 ) return 1;
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ) bBad = 1;
  sqlite3_free(zSql);
  while( !bBad && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zKey = (const char*)sqlite3_column_text(pStmt, 0);
    const char *zVal = (const char*)sqlite3_column_text(pStmt, 1);
    long long iVal = sqlite3_column_int64(pStmt, 1);
    if( zKey==0 || zVal==0 ){ bBad = 1; break; }
    if( strcmp(zKey, "format")==0 ) bBad |= iVal!=KQL_CACHE_FORMAT;
    else if( strcmp(zKey, "path")==0 ) bBad |= strcmp(zVal, pKey->zReal)!=0;
    else if( strcmp(zKey, "size")==0 ) bBad |= iVal!=pKey->nSize;
    else if( strcmp(zKey, "mtime_ns")==0 ) bBad |= iVal!=pKey->mtimeNs;
    else if( strcmp(zKey, "ctime_ns")==0 ) bBad |= iVal!=pKey->ctimeNs;
    else if( strcmp(zKey, "schema")==0 ) bBad |= strcmp(zVal, pKey->zDef)!=0;
    else if( strcmp(zKey, "build")==0 ) bBad |= strcmp(zVal, pKey->zBuild)!=0;
    else continue;
    nOk++;
  }
  sqlite3_finalize(pStmt);
  return bBad || nOk!=7;
}

/* The schema stored in zSchema.kqlite_cols, or NULL. */
static KqlLoadSchema *readCols(sqlite3 *db, const char *zSchema){
  char *zSql = sqlite3_mprintf("SELECT name, type, (SELECT count(*) FROM \"%w\".kqlite_cols),"
                               " (SELECT value FROM \"%w\".kqlite_meta WHERE key='rows')"
                               " FROM \"%w\".kqlite_cols ORDER BY i", zSchema, zSchema, zSchema);
  sqlite3_stmt *pStmt = 0;
  KqlLoadSchema *pOut = calloc(1, sizeof(*pOut));
  int bBad = 0;
  if( zSql==0 || pOut==0 || sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ) bBad = 1;
  sqlite3_free(zSql);
  while( !bBad && sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pStmt, 0);
    int eType = sqlite3_column_int(pStmt, 1);
    if( pOut->azName==0 ){
      int n = sqlite3_column_int(pStmt, 2);
      pOut->azName = calloc((size_t)n+1, sizeof(char*));
      pOut->aeType = calloc((size_t)n+1, sizeof(int));
      pOut->nRow = sqlite3_column_int64(pStmt, 3);
      if( pOut->azName==0 || pOut->aeType==0 ){ bBad = 1; break; }
    }
    if( zName==0 || eType<=KQL_T_UNKNOWN || eType>=KQL_T_COUNT ){ bBad = 1; break; }
    pOut->azName[pOut->nCol] = strdup(zName);
    pOut->aeType[pOut->nCol] = eType;
    if( pOut->azName[pOut->nCol++]==0 ){ bBad = 1; break; }
  }
  sqlite3_finalize(pStmt);
  if( !bBad && pOut->nCol==0 ) bBad = 1;
  if( bBad ){
    kqlLoadSchemaFree(pOut);
    return 0;
  }
  return pOut;
}

static void detach(sqlite3 *db, const char *zSchema){
  char *zSql = sqlite3_mprintf("DETACH \"%w\"", zSchema);
  if( zSql ) sqlite3_exec(db, zSql, 0, 0, 0);
  sqlite3_free(zSql);
}

/* 0 when the file's size is the database's page count times its page size
** (a truncated or padded file is not used). */
static int checkSize(sqlite3 *db, const char *zSchema, long long nFile){
  char *zSql = sqlite3_mprintf("SELECT page_count*page_size FROM pragma_page_count(%Q),"
                               " pragma_page_size(%Q)", zSchema, zSchema);
  sqlite3_stmt *pStmt = 0;
  int bBad = 1;
  if( zSql && sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)==SQLITE_OK
   && sqlite3_step(pStmt)==SQLITE_ROW ){
    bBad = sqlite3_column_int64(pStmt, 0)!=nFile;
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zSql);
  return bBad;
}

int kqlCacheAttach(KqlCache *p, sqlite3 *db, const char *zPath, const KqlTableDef *pDef,
                   const char *zSchema, KqlLoadSchema **ppOut){
  CacheKey key;
  struct stat st;
  char *zFile, *zUri;
  sqlite3_stmt *pStmt = 0;
  int rc = SQLITE_NOTFOUND;
  const char *zDir = p->zDir;
  *ppOut = 0;
  if( keyOf(zPath, pDef, &key) ) return SQLITE_NOTFOUND;
  if( key.nSize < kqlCacheMinBytes() ){ free(key.zReal); return SQLITE_NOTFOUND; }
  zFile = fileName(zDir, &key, "", "");
  if( zFile==0 || stat(zFile, &st)!=0 || !S_ISREG(st.st_mode) || st.st_size<512 ){
    free(zFile);
    free(key.zReal);
    return SQLITE_NOTFOUND;
  }
  zUri = roUri(zFile);
  if( zUri && sqlite3_prepare_v2(db, "ATTACH ?1 AS ?2", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_text(pStmt, 1, zUri, -1, SQLITE_STATIC);
    sqlite3_bind_text(pStmt, 2, zSchema, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)==SQLITE_DONE ) rc = SQLITE_OK;
  }
  sqlite3_finalize(pStmt);
  sqlite3_free(zUri);
  if( rc==SQLITE_OK ){
    if( checkMeta(db, zSchema, &key) || checkSize(db, zSchema, (long long)st.st_size)
     || (*ppOut = readCols(db, zSchema))==0 ){
      detach(db, zSchema);
      rc = SQLITE_NOTFOUND;
    }
  }
  free(zFile);
  free(key.zReal);
  return rc;
}

/* mkdir -p zDir (0700 for what it creates). */
static void makeDirs(const char *zDir){
  char *z = strdup(zDir);
  if( z==0 ) return;
  for(char *y=z+1; *y; y++){
    if( *y=='/' ){
      *y = 0;
      mkdir(z, 0700);
      *y = '/';
    }
  }
  mkdir(z, 0700);
  free(z);
}

/*
** Claim the build of one cache file: create its lock file zLock exclusively,
** holding our pid. An existing lock belongs to a build in progress unless
** its pid is gone or it is older than STALE_LOCK_SECONDS (a dead builder's,
** or a pid reused since): then it is replaced. Returns 0 when claimed.
*/
static int claimLock(const char *zLock){
  for(int iTry=0; iTry<2; iTry++){
    int fd = open(zLock, O_CREAT|O_EXCL|O_WRONLY|O_CLOEXEC, 0600);
    struct stat st;
    char zPid[24];
    long pid = 0;
    if( fd>=0 ){
      int n = snprintf(zPid, sizeof(zPid), "%ld\n", (long)getpid());
      if( write(fd, zPid, (size_t)n)!=n ){ /* an empty lock still locks */ }
      close(fd);
      return 0;
    }
    if( errno!=EEXIST || stat(zLock, &st)!=0 ) return 1;
    fd = open(zLock, O_RDONLY|O_CLOEXEC);
    if( fd>=0 ){
      ssize_t n = read(fd, zPid, sizeof(zPid)-1);
      close(fd);
      if( n>0 ){ zPid[n] = 0; pid = atol(zPid); }
    }
    if( time(0) - st.st_mtime < STALE_LOCK_SECONDS
     && !(pid>0 && kill((pid_t)pid, 0)!=0 && errno==ESRCH) ){
      return 1;
    }
    unlink(zLock);
  }
  return 1;
}

/* Remove temporary files a dead builder of zBase left in zDir. */
static void removeLeftovers(const char *zDir, const char *zTmpBase, const char *zMine){
  DIR *d = opendir(zDir);
  struct dirent *e;
  size_t n = strlen(zTmpBase);
  while( d && (e = readdir(d))!=0 ){
    if( strncmp(e->d_name, zTmpBase, n)==0 && strcmp(e->d_name, zMine)!=0 ){
      char *z = sqlite3_mprintf("%s/%s", zDir, e->d_name);
      if( z ) unlink(z);
      sqlite3_free(z);
    }
  }
  if( d ) closedir(d);
}

/* Write the indexes and the key tables of a freshly loaded table "t". */
static int finishDb(sqlite3 *db, const CacheKey *pKey, const KqlLoadSchema *pSchema){
  int aiIdx[MAX_INDEX];
  int nIdx = kqlCacheIndexColumns(pSchema->nCol, pSchema->azName, pSchema->aeType, aiIdx, MAX_INDEX);
  sqlite3_stmt *pStmt = 0;
  int rc = SQLITE_OK;
  for(int i=0; i<nIdx && rc==SQLITE_OK; i++){
    /* the column's SQL spelling (names differing only in case carry a suffix, catalog.h) */
    const char *zCol = pSchema->azName[aiIdx[i]];
    char *zName = sqlite3_malloc64((sqlite3_uint64)KQL_SQL_NAME_MAX(strlen(zCol)));
    if( zName==0 ){ rc = SQLITE_NOMEM; break; }
    kqlCatalogSqlName(zCol, -1, zName);
    char *zSql = sqlite3_mprintf("CREATE INDEX \"i%d\" ON \"t\"(\"%w\")", i, zName);
    sqlite3_free(zName);
    rc = zSql ? sqlite3_exec(db, zSql, 0, 0, 0) : SQLITE_NOMEM;
    sqlite3_free(zSql);
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_exec(db, "BEGIN; CREATE TABLE kqlite_meta(key TEXT PRIMARY KEY, value);"
                          " CREATE TABLE kqlite_cols(i INTEGER PRIMARY KEY, name TEXT, type INTEGER);",
                      0, 0, 0);
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_prepare_v2(db, "INSERT INTO kqlite_meta VALUES('format', ?1), ('path', ?2),"
                                " ('size', ?3), ('mtime_ns', ?4), ('ctime_ns', ?5), ('schema', ?6),"
                                " ('rows', ?7), ('build', ?8)", -1, &pStmt, 0);
  }
  if( rc==SQLITE_OK ){
    sqlite3_bind_int(pStmt, 1, KQL_CACHE_FORMAT);
    sqlite3_bind_text(pStmt, 2, pKey->zReal, -1, SQLITE_STATIC);
    sqlite3_bind_int64(pStmt, 3, pKey->nSize);
    sqlite3_bind_int64(pStmt, 4, pKey->mtimeNs);
    sqlite3_bind_int64(pStmt, 5, pKey->ctimeNs);
    sqlite3_bind_text(pStmt, 6, pKey->zDef, -1, SQLITE_STATIC);
    sqlite3_bind_int64(pStmt, 7, pSchema->nRow);
    sqlite3_bind_text(pStmt, 8, pKey->zBuild, -1, SQLITE_STATIC);
    rc = sqlite3_step(pStmt)==SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( rc==SQLITE_OK ){
    rc = sqlite3_prepare_v2(db, "INSERT INTO kqlite_cols VALUES(?1, ?2, ?3)", -1, &pStmt, 0);
  }
  for(int i=0; rc==SQLITE_OK && i<pSchema->nCol; i++){
    sqlite3_bind_int(pStmt, 1, i);
    sqlite3_bind_text(pStmt, 2, pSchema->azName[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(pStmt, 3, pSchema->aeType[i]);
    rc = sqlite3_step(pStmt)==SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  if( rc==SQLITE_OK ) rc = sqlite3_exec(db, "COMMIT", 0, 0, 0);
  return rc;
}

/* 0 when zPath still has the size and times recorded in pKey. */
static int sameSource(const char *zPath, const CacheKey *pKey){
  struct stat st;
  if( stat(zPath, &st)!=0 ) return 1;
  return (long long)st.st_size!=pKey->nSize || tsNs(&st.st_mtim)!=pKey->mtimeNs
      || tsNs(&st.st_ctim)!=pKey->ctimeNs;
}

static int fsyncFile(const char *zFile){
  int fd = open(zFile, O_RDONLY|O_CLOEXEC);
  int rc;
  if( fd<0 ) return 1;
  rc = fsync(fd);
  close(fd);
  return rc!=0;
}

int kqlCacheBuild(const char *zDir, const char *zPath, const KqlTableDef *pDef){
  CacheKey key;
  char *zFinal = 0, *zTmp = 0, *zLock = 0;
  char zSuffix[40];
  sqlite3 *db = 0;
  KqlLoadSchema *pSchema = 0;
  char *zErr = 0;
  int rc = SQLITE_ERROR;
  int bLocked = 0;
  if( zDir==0 || keyOf(zPath, pDef, &key) ) return SQLITE_NOTFOUND;
  /* DIR/NAME.sqlite, locked by DIR/.NAME.sqlite.lock, written as DIR/.NAME.sqlite.tmp.PID */
  snprintf(zSuffix, sizeof(zSuffix), ".tmp.%ld", (long)getpid());
  zFinal = fileName(zDir, &key, "", "");
  zTmp = fileName(zDir, &key, ".", zSuffix);
  zLock = fileName(zDir, &key, ".", ".lock");
  if( zFinal==0 || zTmp==0 || zLock==0 ) goto done;
  makeDirs(zDir);
  if( claimLock(zLock) ){ rc = SQLITE_BUSY; goto done; }
  bLocked = 1;
  {
    const char *zBase = strrchr(zTmp, '/') + 1;
    char *zTmpBase = sqlite3_mprintf("%.*s", (int)(strlen(zBase) - strlen(zSuffix) + 5), zBase);
    char *zDirOnly = sqlite3_mprintf("%.*s", (int)(zBase - zTmp - 1), zTmp);
    if( zTmpBase && zDirOnly ) removeLeftovers(zDirOnly, zTmpBase, zBase);
    sqlite3_free(zTmpBase);
    sqlite3_free(zDirOnly);
  }
  unlink(zTmp);
  {
    /* owner-only: the copy holds the log's contents */
    int fd = open(zTmp, O_CREAT|O_EXCL|O_WRONLY|O_CLOEXEC, 0600);
    if( fd<0 ) goto done;
    close(fd);
  }
  if( sqlite3_open_v2(zTmp, &db, SQLITE_OPEN_READWRITE, 0)!=SQLITE_OK ) goto done;
  /* the loader rolls back to a savepoint when its type guess was wrong:
  ** keep a (memory) journal; the new file is not crash-safe until renamed */
  sqlite3_exec(db, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
                   " PRAGMA cache_size=-65536", 0, 0, 0);
  rc = kqlLoadFile(db, zPath, "t", pDef, &pSchema, &zErr);
  free(zErr);
  if( rc==SQLITE_OK ) rc = finishDb(db, &key, pSchema);
  if( rc==SQLITE_OK && sameSource(zPath, &key) ) rc = SQLITE_ABORT;
  if( sqlite3_close(db)!=SQLITE_OK && rc==SQLITE_OK ) rc = SQLITE_ERROR;
  db = 0;
  if( rc==SQLITE_OK && fsyncFile(zTmp) ) rc = SQLITE_IOERR;
  if( rc==SQLITE_OK && rename(zTmp, zFinal)!=0 ) rc = SQLITE_IOERR;
done:
  if( db ) sqlite3_close(db);
  if( rc!=SQLITE_OK && bLocked ) unlink(zTmp);
  if( bLocked ) unlink(zLock);
  kqlLoadSchemaFree(pSchema);
  free(key.zReal);
  free(zFinal);
  free(zTmp);
  free(zLock);
  return rc;
}
