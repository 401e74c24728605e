/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Loaders (load.h): finding a table's file in a data directory, and loading
** one file into a new SQLite table. This file runs the passes described in
** loadInt.h (SAMPLE, LOAD, and SCAN plus a second LOAD when the sample was
** wrong), creates the table with %w-quoted names inside one SAVEPOINT, and
** turns the loader's state into the caller's KqlLoadSchema. The formats
** live in load_csv.c and load_json.c, cell conversion in load_cell.c.
*/
#include "loadInt.h"
#include "types.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* The format a file name promises (after any ".gz"), or -1. */
static int formatFromName(const char *zPath){
  static const struct { const char *zExt; int eFmt; } aExt[] = {
    {"csv", KL_FMT_CSV}, {"tsv", KL_FMT_TSV}, {"tab", KL_FMT_TSV},
    {"json", KL_FMT_JSON}, {"jsonl", KL_FMT_JSONL}, {"ndjson", KL_FMT_JSONL},
  };
  const char *zBase = strrchr(zPath, '/');
  size_t n;
  zBase = zBase ? zBase+1 : zPath;
  n = strlen(zBase);
  if( n>3 && strcasecmp(zBase+n-3, ".gz")==0 ) n -= 3;
  for(unsigned i=0; i<sizeof(aExt)/sizeof(aExt[0]); i++){
    size_t nExt = strlen(aExt[i].zExt);
    if( n>nExt+1 && zBase[n-nExt-1]=='.'
     && strncasecmp(zBase+n-nExt, aExt[i].zExt, nExt)==0 ){
      return aExt[i].eFmt;
    }
  }
  return -1;
}

/* Guess the format of a file whose name does not say: JSON when it starts
** with '[' or '{', TSV when its first line has tabs and no commas, else
** CSV. Returns KL_OK or KL_ERROR. */
static int sniffFormat(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  const char *z, *zEnd, *zEol;
  int nTab = 0, nComma = 0;
  if( kqlLoadBufOpen(p) ) return KL_ERROR;
  if( kqlLoadBufFill(p) ){ kqlLoadBufClose(b); return KL_ERROR; }
  z = b->a;
  zEnd = b->a + b->nData;
  if( zEnd-z>=3 && memcmp(z, "\xEF\xBB\xBF", 3)==0 ) z += 3;
  while( z<zEnd && (*z==' ' || *z=='\t' || *z=='\r' || *z=='\n') ) z++;
  if( z<zEnd && (*z=='[' || *z=='{') ){
    p->eFmt = KL_FMT_JSON;
  }else{
    zEol = memchr(z, '\n', (size_t)(zEnd - z));
    if( zEol==0 ) zEol = zEnd;
    for(const char *y=z; y<zEol; y++){
      nTab += *y=='\t';
      nComma += *y==',';
    }
    p->eFmt = (nTab>0 && nComma==0) ? KL_FMT_TSV : KL_FMT_CSV;
  }
  kqlLoadBufClose(b);
  return KL_OK;
}

/* Run one pass over the file. Returns what the format's pass returns. */
static int runPass(KqlLoader *p, int ePass){
  int rc;
  p->ePass = ePass;
  p->nRec = 0;
  for(int i=0; i<p->nCol; i++) p->aCol[i].iStamp = -1;
  rc = kqlLoadBufOpen(p);
  if( rc==KL_OK ){
    if( p->eFmt==KL_FMT_CSV || p->eFmt==KL_FMT_TSV ){
      rc = kqlLoadCsvPass(p);
    }else if( p->eFmt==KL_FMT_LA || p->eFmt==KL_FMT_MDE ){
      rc = kqlLoadApiPass(p);
    }else{
      rc = kqlLoadJsonPass(p);
    }
  }
  kqlLoadBufClose(&p->buf);
  return rc;
}

/* SQLite column type (hence affinity) for KQL type eType. */
static const char *declType(int eType){
  switch( eType ){
    case KQL_T_BOOL: case KQL_T_INT: case KQL_T_LONG:
    case KQL_T_DATETIME: case KQL_T_TIMESPAN:
      return "INTEGER";
    case KQL_T_REAL: case KQL_T_DECIMAL:
      return "REAL";
    default:
      return "TEXT";
  }
}

/* kqlLoadAppendSqlName(): contract in load.h. */
void kqlLoadAppendSqlName(sqlite3_str *pStr, const char *zName){
  int n = (int)strlen(zName);
  char *zSql = malloc((size_t)KQL_SQL_NAME_MAX(n));
  if( zSql==0 ){ sqlite3_str_appendall(pStr, "\"\""); return; }   /* the CREATE then fails */
  kqlCatalogSqlName(zName, n, zSql);
  sqlite3_str_appendf(pStr, "\"%w\"", zSql);
  free(zSql);
}

/*
** Settle inferred types, create the table and prepare the INSERT. Columns
** no record has (catalogue columns the file lacks) are left out of the
** INSERT and get the column default: '' for strings, NULL for the rest.
** Every parameter starts at its default. Returns KL_OK or KL_ERROR.
*/
static int createTable(KqlLoader *p){
  sqlite3_str *pStr;
  char *zSql;
  int rc;
  if( p->nCol==0 ){
    return kqlLoadError(p, 0, "no columns: the file has no header or records");
  }
  free(p->aParamCol);
  p->aParamCol = malloc(sizeof(int)*(size_t)p->nCol);
  if( p->aParamCol==0 ) return kqlLoadError(p, 0, "out of memory");
  p->nParam = 0;
  for(int i=0; i<p->nCol; i++){
    KqlLoadCol *pCol = &p->aCol[i];
    if( pCol->bInfer ) pCol->eType = kqlLoadTypeFromMask(pCol->mCand, pCol->bSeen);
    if( pCol->bInfer && (p->mFlags & KQL_LOAD_ALLTEXT) ) pCol->eType = KQL_T_STRING;
    /* a portal datetime column ("Name [UTC]") stays datetime: a later value
    ** that does not parse is an error at its place, not a wider type */
    if( pCol->bInfer && pCol->bTimeHint && pCol->eType==KQL_T_DATETIME ) pCol->bInfer = 0;
    pCol->iParam = 0;
    if( pCol->bInFile ){
      p->aParamCol[p->nParam++] = i;
      pCol->iParam = p->nParam;
    }
  }
  pStr = sqlite3_str_new(p->db);
  sqlite3_str_appendf(pStr, "CREATE TABLE \"%w\"(", p->zTable);
  for(int i=0; i<p->nCol; i++){
    sqlite3_str_appendall(pStr, i ? ", " : "");
    kqlLoadAppendSqlName(pStr, p->aCol[i].zName);
    sqlite3_str_appendf(pStr, " %s%s", declType(p->aCol[i].eType),
                        p->aCol[i].eType==KQL_T_STRING ? " DEFAULT ''" : "");
  }
  sqlite3_str_appendall(pStr, ")");
  zSql = sqlite3_str_finish(pStr);
  if( zSql==0 ) return kqlLoadError(p, 0, "out of memory");
  rc = sqlite3_exec(p->db, zSql, 0, 0, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    return kqlLoadError(p, 0, "cannot create table: %s", sqlite3_errmsg(p->db));
  }
  pStr = sqlite3_str_new(p->db);
  sqlite3_str_appendf(pStr, "INSERT INTO \"%w\"", p->zTable);
  if( p->nParam==0 ){
    sqlite3_str_appendall(pStr, " DEFAULT VALUES");
  }else{
    for(int i=0; i<p->nParam; i++){
      sqlite3_str_appendall(pStr, i ? "," : "(");
      kqlLoadAppendSqlName(pStr, p->aCol[p->aParamCol[i]].zName);
    }
    sqlite3_str_appendall(pStr, ") VALUES(");
    for(int i=0; i<p->nParam; i++) sqlite3_str_appendall(pStr, i ? ",?" : "?");
    sqlite3_str_appendall(pStr, ")");
  }
  zSql = sqlite3_str_finish(pStr);
  if( zSql==0 ) return kqlLoadError(p, 0, "out of memory");
  rc = sqlite3_prepare_v2(p->db, zSql, -1, &p->pIns, 0);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    return kqlLoadError(p, 0, "cannot prepare insert: %s", sqlite3_errmsg(p->db));
  }
  for(int i=0; i<p->nParam; i++){
    if( kqlLoadBindDefault(p, p->aParamCol[i]) ) return KL_ERROR;
  }
  return KL_OK;
}

/* Create the table and run the LOAD pass. Returns KL_OK, KL_ERROR or
** KL_RESTART. */
static int createAndLoad(KqlLoader *p){
  int rc = createTable(p);
  if( rc ) return rc;
  p->nRow = 0;
  return runPass(p, KL_PASS_LOAD);
}

/* The schema the table ended up with, or NULL (out of memory). */
static KqlLoadSchema *makeSchema(KqlLoader *p){
  KqlLoadSchema *pOut = calloc(1, sizeof(*pOut));
  if( pOut==0 ) return 0;
  pOut->nCol = p->nCol;
  pOut->nRow = p->nRow;
  pOut->azName = calloc((size_t)p->nCol+1, sizeof(char*));
  pOut->aeType = calloc((size_t)p->nCol+1, sizeof(int));
  if( pOut->azName==0 || pOut->aeType==0 ){
    kqlLoadSchemaFree(pOut);
    return 0;
  }
  for(int i=0; i<p->nCol; i++){
    pOut->azName[i] = p->aCol[i].zName;     /* ownership moves to pOut */
    p->aCol[i].zName = 0;
    pOut->aeType[i] = p->aCol[i].eType;
  }
  return pOut;
}

/* Free everything the loader holds (not the error message); see loadInt.h. */
void kqlLoaderFree(KqlLoader *p){
  sqlite3_finalize(p->pIns);
  p->pIns = 0;
  kqlLoadBufClose(&p->buf);
  for(int i=0; i<p->nCol; i++) free(p->aCol[i].zName);
  free(p->aCol);
  for(int i=0; i<p->nKey; i++) free(p->aKey[i].z);
  free(p->aKey);
  free(p->aHash);
  free(p->aCell);
  free(p->aFileMap);
  free(p->aKeyCache);
  free(p->aParamCol);
  free(p->scratch.z);
  free(p->conv.z);
  if( p->fdSpool>=0 ) close(p->fdSpool);
  p->fdSpool = -1;
}

/*
** Load zPath into the new table zSqlTable (see load.h). The load runs
** inside SAVEPOINT kql_load, so on failure no table remains. Returns
** SQLITE_OK, or SQLITE_CANTOPEN (file cannot be opened), SQLITE_MISUSE
** (NULL argument) or SQLITE_ERROR with *pzErr "PATH:LINE:COL: message"
** ("PATH: message" when the error has no place in the file).
*/
int kqlLoadFile(sqlite3 *db, const char *zPath, const char *zSqlTable,
                const KqlTableDef *pDef, KqlLoadSchema **ppOut, char **pzErr){
  return kqlLoadFileEx(db, zPath, zSqlTable, pDef, 0, ppOut, pzErr);
}

/* kqlLoadFile with KQL_LOAD_* flags (load.h). */
int kqlLoadFileEx(sqlite3 *db, const char *zPath, const char *zSqlTable,
                  const KqlTableDef *pDef, int mFlags, KqlLoadSchema **ppOut, char **pzErr){
  KqlLoader L;
  int rc;
  int rcOut = SQLITE_OK;
  if( ppOut ) *ppOut = 0;
  if( pzErr ) *pzErr = 0;
  memset(&L, 0, sizeof(L));
  L.db = db;
  L.zPath = zPath ? zPath : "(null)";
  L.zTable = zSqlTable;
  L.pDef = pDef;
  L.mFlags = mFlags;
  if( db==0 || zPath==0 || zSqlTable==0 ){
    kqlLoadError(&L, 0, "kqlLoadFile: NULL database, path or table name");
    if( pzErr ) *pzErr = L.zErr; else free(L.zErr);
    return SQLITE_MISUSE;
  }
  L.fdSpool = -1;
  L.eFmt = formatFromName(zPath);
  rc = kqlLoadSpool(&L);
  if( rc==KL_OK && L.eFmt<0 ) rc = sniffFormat(&L);
  if( rc==KL_OK && L.eFmt==KL_FMT_JSON ) rc = kqlLoadApiSniff(&L);
  if( rc==KL_OK ) rc = kqlLoadAddCatalogue(&L);
  if( rc==KL_OK && sqlite3_exec(db, "SAVEPOINT kql_load", 0, 0, 0)!=SQLITE_OK ){
    kqlLoaderFree(&L);
    kqlLoadError(&L, 0, "cannot start a transaction: %s", sqlite3_errmsg(db));
    if( pzErr ) *pzErr = L.zErr; else free(L.zErr);
    return SQLITE_ERROR;
  }
  if( rc==KL_OK ){
    rc = runPass(&L, KL_PASS_SAMPLE);
    if( rc==KL_OK ) L.bExact = 1;           /* the sample was the whole file */
    if( rc==KL_LIMIT ) rc = KL_OK;
    if( rc==KL_OK ) rc = createAndLoad(&L);
    if( rc==KL_RESTART ){
      sqlite3_finalize(L.pIns);
      L.pIns = 0;
      sqlite3_exec(db, "ROLLBACK TO kql_load", 0, 0, 0);
      kqlLoadResetInference(&L);
      rc = runPass(&L, KL_PASS_SCAN);
      L.bExact = 1;
      if( rc==KL_OK ) rc = createAndLoad(&L);
      if( rc==KL_RESTART ){
        rc = kqlLoadError(&L, 0, "internal error: a value does not fit its inferred type");
      }
    }
    sqlite3_finalize(L.pIns);
    L.pIns = 0;
    if( rc==KL_OK ){
      sqlite3_exec(db, "RELEASE kql_load", 0, 0, 0);
    }else{
      sqlite3_exec(db, "ROLLBACK TO kql_load", 0, 0, 0);
      sqlite3_exec(db, "RELEASE kql_load", 0, 0, 0);
    }
  }
  if( rc==KL_OK ){
    KqlLoadSchema *pOut = makeSchema(&L);
    if( pOut==0 ){
      rcOut = SQLITE_NOMEM;
      kqlLoadError(&L, 0, "out of memory");
    }else if( ppOut ){
      *ppOut = pOut;
    }else{
      kqlLoadSchemaFree(pOut);
    }
  }else{
    rcOut = L.bCantOpen ? SQLITE_CANTOPEN : SQLITE_ERROR;
    if( L.zErr==0 ) kqlLoadError(&L, 0, "load failed");
  }
  kqlLoaderFree(&L);
  if( rcOut!=SQLITE_OK && pzErr ) *pzErr = L.zErr;
  else free(L.zErr);
  return rcOut;
}

/* Free a schema returned by kqlLoadFile (NULL is a no-op). */
void kqlLoadSchemaFree(KqlLoadSchema *p){
  if( p==0 ) return;
  if( p->azName ){
    for(int i=0; i<p->nCol; i++) free(p->azName[i]);
  }
  free(p->azName);
  free(p->aeType);
  free(p);
}

/*
** The file for table zTable in zDir (see load.h): the first regular file
** among zDir/zTable.csv, .csv.gz, .tsv, .tsv.gz, .json, .json.gz, .jsonl,
** .jsonl.gz, .ndjson, .ndjson.gz. A table name that could leave the
** directory (empty, starting with '.', holding '/', '\\' or a control
** character) finds nothing. Returns a malloc'ed path or NULL.
*/
char *kqlLoadFindInDir(const char *zDir, const char *zTable){
  static const char *const azExt[] = {
    ".csv", ".csv.gz", ".tsv", ".tsv.gz", ".json", ".json.gz",
    ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz",
  };
  size_t nDir, nTable;
  char *zPath;
  if( zTable==0 || zTable[0]==0 || zTable[0]=='.' ) return 0;
  for(const char *z=zTable; *z; z++){
    if( *z=='/' || *z=='\\' || (unsigned char)*z<0x20 ) return 0;
  }
  if( zDir==0 || zDir[0]==0 ) zDir = ".";
  nDir = strlen(zDir);
  nTable = strlen(zTable);
  zPath = malloc(nDir + nTable + 16);
  if( zPath==0 ) return 0;
  for(unsigned i=0; i<sizeof(azExt)/sizeof(azExt[0]); i++){
    struct stat st;
    int bSlash = zDir[nDir-1]=='/';
    snprintf(zPath, nDir + nTable + 16, "%s%s%s%s", zDir, bSlash ? "" : "/",
             zTable, azExt[i]);
    if( stat(zPath, &st)==0 && S_ISREG(st.st_mode) ) return zPath;
  }
  free(zPath);
  return 0;
}
