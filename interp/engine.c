/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The engine object of the public API (kql.h): the in-memory SQLite
** database with the KQL built-ins registered, the table sources (--data
** directory, --table mappings), the clock, and lazy loading: a table's file
** is read into SQLite the first time a query names it, with the schema from
** the catalogue when the table is a known Sentinel/Defender table.
*/
#include "engineInt.h"
#include "catalog.h"
#include "fn.h"
#include "load.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>

static int cmpStr(const void *a, const void *b){
  return strcmp(*(const char *const*)a, *(const char *const*)b);
}

int kql_open(KqlEngine **ppEng){
  KqlEngine *p = calloc(1, sizeof(*p));
  if( p==0 ) return KQL_IOERR;
  /* SQLITE_OPEN_URI: the table cache attaches its files read-only (engine_cache.c) */
  if( sqlite3_open_v2(":memory:", &p->db, SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE|SQLITE_OPEN_URI, 0)!=SQLITE_OK ){
    sqlite3_close(p->db);
    free(p);
    return KQL_IOERR;
  }
  sqlite3_exec(p->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;", 0, 0, 0);
  /* A double-quoted name is always an identifier: a column the SQL misses
  ** is an error, never the string literal SQLite would otherwise read. */
  sqlite3_db_config(p->db, SQLITE_DBCONFIG_DQS_DML, 0, (int*)0);
  sqlite3_db_config(p->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int*)0);
  if( kqlFnRegisterAll(p->db)!=SQLITE_OK ){
    sqlite3_close(p->db);
    free(p);
    return KQL_IOERR;
  }
  *ppEng = p;
  return KQL_OK;
}

void kql_close(KqlEngine *p){
  if( p==0 ) return;
  kqlEngineCacheClose(p);     /* builds the cache files of the tables read */
  for(int i=0; i<p->nTable; i++){
    KqlEngineTable *t = &p->aTable[i];
    free(t->zName);
    free(t->zPath);
    free(t->zSqlName);
    for(int c=0; c<t->nCol; c++) free((char*)t->aCol[c].zName);
    free(t->aCol);
    kqlEngineStreamFree(t);
  }
  free(p->aTable);
  for(int i=0; i<p->nSchema; i++){
    KqlTableDef *d = &p->aSchema[i];
    for(int c=0; c<d->nCol; c++) free((char*)d->aCol[c].zName);
    free((KqlColDef*)d->aCol);
    free((char*)d->zName);
  }
  free(p->aSchema);
  for(int i=0; i<p->nExt; i++){ free(p->azExtUrl[i]); free(p->azExtPath[i]); }
  free(p->azExtUrl);
  free(p->azExtPath);
  free(p->zExtDir);
  free(p->zDataDir);
  kqlEngineInputsFree(p);
  sqlite3_close(p->db);
  kqlGeoIpClose(p);
  free(p);
}

int kql_set_data_dir(KqlEngine *p, const char *zDir){
  free(p->zDataDir);
  p->zDataDir = zDir ? strdup(zDir) : 0;
  return KQL_OK;
}

static KqlEngineTable *findTable(KqlEngine *p, const char *zName){
  for(int i=0; i<p->nTable; i++){
    if( strcmp(p->aTable[i].zName, zName)==0 ) return &p->aTable[i];
  }
  return 0;
}

static KqlEngineTable *addTable(KqlEngine *p, const char *zName){
  if( p->nTable>=p->nTableAlloc ){
    int n = p->nTableAlloc ? p->nTableAlloc*2 : 8;
    KqlEngineTable *a = realloc(p->aTable, sizeof(*a)*(size_t)n);
    if( a==0 ) return 0;
    p->aTable = a;
    p->nTableAlloc = n;
  }
  KqlEngineTable *t = &p->aTable[p->nTable++];
  memset(t, 0, sizeof(*t));
  t->zName = strdup(zName);
  return t;
}

int kql_add_table(KqlEngine *p, const char *zName, const char *zPath){
  KqlEngineTable *t = findTable(p, zName);
  if( t && t->bLoaded ) return KQL_IOERR;
  if( t==0 ) t = addTable(p, zName);
  if( t==0 ) return KQL_IOERR;
  free(t->zPath);
  t->zPath = strdup(zPath);
  return KQL_OK;
}

void kql_set_now(KqlEngine *p, int64_t ticks){
  p->nowTicks = ticks;
  p->bNowSet = 1;
}

void kql_set_dump(KqlEngine *p, int mDump){ p->mDump = mDump; }
void kql_set_dialect(KqlEngine *p, int eDialect){ p->eDialect = eDialect; }

int kql_add_external(KqlEngine *p, const char *zUrl, const char *zPath){
  char **a = realloc(p->azExtUrl, sizeof(char*)*(size_t)(p->nExt+1));
  if( a==0 ) return KQL_IOERR;
  p->azExtUrl = a;
  char **b = realloc(p->azExtPath, sizeof(char*)*(size_t)(p->nExt+1));
  if( b==0 ) return KQL_IOERR;
  p->azExtPath = b;
  p->azExtUrl[p->nExt] = strdup(zUrl);
  p->azExtPath[p->nExt] = strdup(zPath);
  p->nExt++;
  return KQL_OK;
}

int kql_set_external_dir(KqlEngine *p, const char *zDir){
  free(p->zExtDir);
  p->zExtDir = zDir ? strdup(zDir) : 0;
  return KQL_OK;
}

/* The local file for externaldata URL zUrl: a mapping, or DIR/<file name of the URL>. */
static char *externalPath(KqlEngine *p, const char *zUrl){
  for(int i=0; i<p->nExt; i++){
    if( strcmp(p->azExtUrl[i], zUrl)==0 ) return strdup(p->azExtPath[i]);
  }
  if( p->zExtDir==0 ) return 0;
  const char *zEnd = zUrl + strcspn(zUrl, "?#");
  const char *zBase = zEnd;
  while( zBase>zUrl && zBase[-1]!='/' ) zBase--;
  if( zBase==zEnd ) return 0;
  char *zPath = sqlite3_mprintf("%s/%.*s", p->zExtDir, (int)(zEnd-zBase), zBase);
  char *r = 0;
  if( zPath && access(zPath, R_OK)==0 ) r = strdup(zPath);
  sqlite3_free(zPath);
  return r;
}

int kqlEngineExternal(void *pArg, const char *zUrl, int nCol, const KqlCol *aCol,
                      const char *zFormat, KqlTableRef *pOut, const char **pzErr){
  KqlEngineRun *pRun = pArg;
  KqlEngine *p = pRun->pEng;
  (void)zFormat;
  char *zPath = externalPath(p, zUrl);
  if( zPath==0 ) return KQL_TABLE_UNKNOWN;
  KqlColDef *aDef = calloc((size_t)(nCol>0 ? nCol : 1), sizeof(KqlColDef));
  for(int i=0; i<nCol; i++){ aDef[i].zName = aCol[i].zName; aDef[i].eType = aCol[i].eType; }
  KqlTableDef def = { "externaldata", nCol, aDef };
  char *zSql = sqlite3_mprintf("kx_%d", ++p->nExtLoaded);
  KqlLoadSchema *pSchema = 0;
  char *zErr = 0;
  int rc = kqlLoadFile(p->db, zPath, zSql, &def, &pSchema, &zErr);
  free(aDef);
  free(zPath);
  kqlLoadSchemaFree(pSchema);
  if( rc!=SQLITE_OK ){
    *pzErr = kqlArenaPrintf(pRun->pArena, "%s", zErr ? zErr : "cannot load externaldata");
    free(zErr);
    sqlite3_free(zSql);
    return KQL_TABLE_ERROR;
  }
  pOut->zSqlName = kqlArenaStrdup(pRun->pArena, zSql, -1);
  sqlite3_free(zSql);
  pOut->nCol = nCol;
  pOut->aCol = aCol;
  return KQL_TABLE_OK;
}

int kqlEngineListTables(void *pArg, const char ***pazName){
  KqlEngineRun *pRun = pArg;
  KqlEngine *p = pRun->pEng;
  int nAlloc = p->nTable + 16, n = 0;
  const char **az = kqlArenaAlloc(pRun->pArena, sizeof(char*)*(size_t)nAlloc);
  for(int i=0; i<p->nTable; i++) az[n++] = kqlArenaStrdup(pRun->pArena, p->aTable[i].zName, -1);
  if( p->zDataDir ){
    DIR *d = opendir(p->zDataDir);
    struct dirent *e;
    while( d && (e = readdir(d))!=0 ){
      if( e->d_name[0]=='.' ) continue;
      const char *zDot = strchr(e->d_name, '.');
      if( zDot==0 ) continue;
      const char *zExt = zDot+1;
      static const char *const azOk[] = {"csv", "tsv", "json", "jsonl", "ndjson", "csv.gz", "tsv.gz",
                                         "json.gz", "jsonl.gz", "ndjson.gz"};
      int bOk = 0;
      for(unsigned k=0; k<sizeof(azOk)/sizeof(azOk[0]); k++) if( strcmp(zExt, azOk[k])==0 ) bOk = 1;
      if( !bOk ) continue;
      char *zName = kqlArenaStrdup(pRun->pArena, e->d_name, (long)(zDot - e->d_name));
      int bDup = 0;
      for(int k=0; k<n; k++) if( strcmp(az[k], zName)==0 ) bDup = 1;
      if( bDup ) continue;
      if( n>=nAlloc ){
        const char **az2 = kqlArenaAlloc(pRun->pArena, sizeof(char*)*(size_t)(nAlloc*2));
        memcpy(az2, az, sizeof(char*)*(size_t)n);
        az = az2;
        nAlloc *= 2;
      }
      az[n++] = zName;
    }
    if( d ) closedir(d);
  }
  if( n>1 ) qsort(az, (size_t)n, sizeof(char*), cmpStr);
  *pazName = az;
  return n;
}

int kql_add_schema(KqlEngine *p, const char *zName, int nCol, const char *const *azName,
                   const int *aeType){
  KqlTableDef *d = 0;
  for(int i=0; i<p->nSchema; i++){
    if( strcmp(p->aSchema[i].zName, zName)==0 ){
      d = &p->aSchema[i];
      for(int c=0; c<d->nCol; c++) free((char*)d->aCol[c].zName);
      free((KqlColDef*)d->aCol);
      break;
    }
  }
  if( d==0 ){
    KqlTableDef *a = realloc(p->aSchema, sizeof(*a)*(size_t)(p->nSchema+1));
    if( a==0 ) return KQL_IOERR;
    p->aSchema = a;
    d = &a[p->nSchema++];
    d->zName = strdup(zName);
  }
  KqlColDef *aCol = calloc((size_t)(nCol>0 ? nCol : 1), sizeof(KqlColDef));
  for(int c=0; c<nCol; c++){
    aCol[c].zName = strdup(azName[c]);
    aCol[c].eType = aeType[c];
  }
  d->aCol = aCol;
  d->nCol = nCol;
  return KQL_OK;
}

const KqlTableDef *kqlEngineSchema(KqlEngine *p, const char *zName){
  for(int i=0; i<p->nSchema; i++){
    if( strcmp(p->aSchema[i].zName, zName)==0 ) return &p->aSchema[i];
  }
  return kqlCatalogFind(zName, -1);
}

int64_t kqlEngineNow(KqlEngine *p){
  if( p->bNowSet ) return p->nowTicks;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec*KQL_TICKS_PER_SECOND + ts.tv_nsec/100;
}

/*
** KqlBindEnv.xTable: resolve (and on first use load) table zName.
*/
int kqlEngineTable(void *pArg, const char *zName, KqlTableRef *pOut, const char **pzErr){
  KqlEngineRun *pRun = pArg;
  KqlEngine *p = pRun->pEng;
  KqlEngineTable *t = findTable(p, zName);
  if( t==0 || (!t->bLoaded && t->zPath==0) ){
    char *zPath = p->zDataDir ? kqlLoadFindInDir(p->zDataDir, zName) : 0;
    if( zPath==0 ) return KQL_TABLE_UNKNOWN;
    if( t==0 ) t = addTable(p, zName);
    if( t==0 ){ free(zPath); return KQL_TABLE_UNKNOWN; }
    t->zPath = zPath;
  }
  /* a valid cache file (engine_cache.c) beats streaming and loading */
  if( !t->bLoaded && !t->bFailed ) kqlEngineCacheHit(p, t, kqlEngineSchema(p, zName));
  if( !t->bLoaded && !t->bFailed ){
    /* issue 6: a single-pass read of a known table streams (engine_stream.c) */
    int rcStream = kqlEngineStream(pRun, t, zName, pOut, pzErr);
    if( rcStream==KQL_TABLE_OK ) kqlEngineCacheNote(p, t, kqlEngineSchema(p, zName));
    if( rcStream!=KQL_TABLE_UNKNOWN ) return rcStream;
  }
  if( !t->bLoaded ){
    if( t->bFailed ){
      *pzErr = kqlArenaPrintf(pRun->pArena, "table '%s' could not be loaded from %s", zName, t->zPath);
      return KQL_TABLE_ERROR;
    }
    char *zSql = sqlite3_mprintf("kt_%d", (int)(t - p->aTable) + 1);
    KqlLoadSchema *pSchema = 0;
    char *zErr = 0;
    const KqlTableDef *pDef = kqlEngineSchema(p, zName);
    int rc = kqlLoadFile(p->db, t->zPath, zSql, pDef, &pSchema, &zErr);
    if( rc!=SQLITE_OK ){
      *pzErr = kqlArenaPrintf(pRun->pArena, "%s", zErr ? zErr : "cannot load table");
      free(zErr);
      sqlite3_free(zSql);
      kqlLoadSchemaFree(pSchema);
      t->bFailed = 1;
      return KQL_TABLE_ERROR;
    }
    t->zSqlName = strdup(zSql);
    sqlite3_free(zSql);
    t->nCol = pSchema->nCol;
    t->aCol = calloc((size_t)(pSchema->nCol ? pSchema->nCol : 1), sizeof(KqlCol));
    for(int i=0; i<pSchema->nCol; i++){
      t->aCol[i].zName = strdup(pSchema->azName[i]);
      t->aCol[i].eType = pSchema->aeType[i];
    }
    kqlLoadSchemaFree(pSchema);
    t->bLoaded = 1;
    kqlEngineCacheNote(p, t, pDef);
  }
  pOut->zSqlName = t->zSqlName;
  pOut->nCol = t->nCol;
  pOut->aCol = t->aCol;
  return KQL_TABLE_OK;
}
