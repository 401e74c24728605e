/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** `kqlite check --schemas PATH`: table schemas from JSON, in the format of
** the shared schema catalogue: {"name": "T", "columns": [{"name": "C",
** "type": "string"}, ...]} (a file may also hold an array of such objects).
** PATH is one file or a directory whose *.json files are read in name
** order. Each table is registered with kql_add_schema(), which adds it or
** replaces the catalogue's definition. The JSON is read with SQLite's JSON
** functions on a private in-memory database; the text is bound as a
** parameter, never pasted into SQL.
*/
#include "cli_check.h"
#include "cli.h"
#include "kql.h"
#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Table objects of a file: the whole text, or each element of a top-level array. */
static const char zTablesSql[] =
  "SELECT value FROM json_each(?1) WHERE json_type(?1)='array' "
  "UNION ALL SELECT json(?1) WHERE json_type(?1)='object'";

/* Columns of one table object: index, name, name's JSON type, type. */
static const char zColsSql[] =
  "SELECT json_extract(value,'$.name'), json_type(value,'$.name'), "
  "json_extract(value,'$.type'), json_type(value,'$.type') "
  "FROM json_each(?1,'$.columns') ORDER BY CAST(key AS INTEGER)";

/* Register the table described by JSON object zObj; 0 or -1 with zErr set. */
static int addTable(sqlite3 *db, KqlEngine *pEng, const char *zFile, const char *zObj,
                    char *zErr, int nErr){
  sqlite3_stmt *pStmt = 0;
  int rc = -1, nCol = 0, nAlloc = 0;
  char **azName = 0;
  int *aeType = 0;
  char *zTable = 0;
  if( sqlite3_prepare_v2(db, "SELECT json_extract(?1,'$.name'), json_type(?1,'$.name'), "
                             "json_type(?1,'$.columns')", -1, &pStmt, 0)!=SQLITE_OK ) goto done;
  sqlite3_bind_text(pStmt, 1, zObj, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)!=SQLITE_ROW ) goto done;
  const char *zType = (const char*)sqlite3_column_text(pStmt, 1);
  const char *zColsType = (const char*)sqlite3_column_text(pStmt, 2);
  if( zType==0 || strcmp(zType, "text")!=0 || sqlite3_column_bytes(pStmt, 0)==0 ){
    snprintf(zErr, (size_t)nErr, "%s: a table needs a non-empty string \"name\"", zFile);
    goto done;
  }
  zTable = strdup((const char*)sqlite3_column_text(pStmt, 0));
  if( zColsType==0 || strcmp(zColsType, "array")!=0 ){
    snprintf(zErr, (size_t)nErr, "%s: table '%s' needs a \"columns\" array", zFile, zTable);
    goto done;
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( sqlite3_prepare_v2(db, zColsSql, -1, &pStmt, 0)!=SQLITE_OK ) goto done;
  sqlite3_bind_text(pStmt, 1, zObj, -1, SQLITE_STATIC);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zName = (const char*)sqlite3_column_text(pStmt, 0);
    const char *zNameType = (const char*)sqlite3_column_text(pStmt, 1);
    const char *zColType = (const char*)sqlite3_column_text(pStmt, 2);
    const char *zColTypeType = (const char*)sqlite3_column_text(pStmt, 3);
    if( zNameType==0 || strcmp(zNameType, "text")!=0 || zName==0 || zName[0]==0 ){
      snprintf(zErr, (size_t)nErr, "%s: table '%s': column %d needs a non-empty string \"name\"",
               zFile, zTable, nCol+1);
      goto done;
    }
    int eType = (zColTypeType && strcmp(zColTypeType, "text")==0 && zColType)
                ? kqlTypeFromName(zColType, -1) : -1;
    if( eType<0 || eType==KQL_T_UNKNOWN || eType==KQL_T_TABLE ){
      snprintf(zErr, (size_t)nErr, "%s: table '%s': column '%s' has %s type%s%s%s", zFile, zTable,
               zName, zColType ? "an unknown" : "no", zColType ? " '" : "",
               zColType ? zColType : "", zColType ? "'" : "");
      goto done;
    }
    int bDup = 0;
    for(int i=0; i<nCol; i++) if( strcmp(azName[i], zName)==0 ) bDup = 1;
    if( bDup ) continue;   /* as Kusto: the first definition of a name wins */
    if( nCol>=nAlloc ){
      nAlloc = nAlloc ? nAlloc*2 : 32;
      char **az = realloc(azName, sizeof(char*)*(size_t)nAlloc);
      if( az ) azName = az;
      int *ae = realloc(aeType, sizeof(int)*(size_t)nAlloc);
      if( ae ) aeType = ae;
      if( az==0 || ae==0 ) goto done;
    }
    azName[nCol] = strdup(zName);
    aeType[nCol] = eType;
    if( azName[nCol]==0 ) goto done;
    nCol++;
  }
  if( kql_add_schema(pEng, zTable, nCol, (const char *const*)azName, aeType)==KQL_OK ) rc = 0;
done:
  if( rc && zErr[0]==0 ) snprintf(zErr, (size_t)nErr, "%s: cannot read the schema", zFile);
  sqlite3_finalize(pStmt);
  for(int i=0; i<nCol; i++) free(azName[i]);
  free(azName);
  free(aeType);
  free(zTable);
  return rc;
}

/* Register every table of JSON file zFile; the number added, or -1. */
static int loadFile(sqlite3 *db, KqlEngine *pEng, const char *zFile, char *zErr, int nErr){
  int n = 0, nAdded = 0;
  char *z = kqlCliReadFile(zFile, &n);
  sqlite3_stmt *pStmt = 0;
  if( z==0 ){
    snprintf(zErr, (size_t)nErr, "%s: cannot read the file", zFile);
    return -1;
  }
  if( sqlite3_prepare_v2(db, "SELECT json_valid(?1)", -1, &pStmt, 0)!=SQLITE_OK ) goto fail;
  sqlite3_bind_text(pStmt, 1, z, n, SQLITE_STATIC);
  if( sqlite3_step(pStmt)!=SQLITE_ROW || sqlite3_column_int(pStmt, 0)==0 || (int)strlen(z)!=n ){
    snprintf(zErr, (size_t)nErr, "%s: not valid JSON", zFile);
    goto fail;
  }
  sqlite3_finalize(pStmt);
  pStmt = 0;
  if( sqlite3_prepare_v2(db, zTablesSql, -1, &pStmt, 0)!=SQLITE_OK ) goto fail;
  sqlite3_bind_text(pStmt, 1, z, n, SQLITE_STATIC);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    const char *zObj = (const char*)sqlite3_column_text(pStmt, 0);
    if( zObj==0 || addTable(db, pEng, zFile, zObj, zErr, nErr) ) goto fail;
    nAdded++;
  }
  if( nAdded==0 ){
    snprintf(zErr, (size_t)nErr, "%s: expected a table object {\"name\", \"columns\"} "
             "or an array of them", zFile);
    goto fail;
  }
  sqlite3_finalize(pStmt);
  free(z);
  return nAdded;
fail:
  if( zErr[0]==0 ) snprintf(zErr, (size_t)nErr, "%s: %s", zFile, sqlite3_errmsg(db));
  sqlite3_finalize(pStmt);
  free(z);
  return -1;
}

/* scandir filter: regular *.json names, not hidden. */
static int isJsonName(const struct dirent *e){
  size_t n = strlen(e->d_name);
  return e->d_name[0]!='.' && n>5 && strcmp(e->d_name+n-5, ".json")==0;
}

int kqlCheckLoadSchemas(KqlEngine *pEng, const char *zPath, char *zErr, int nErr){
  struct stat st;
  sqlite3 *db = 0;
  int nTotal = 0;
  zErr[0] = 0;
  if( stat(zPath, &st)!=0 ){
    snprintf(zErr, (size_t)nErr, "%s: no such file or directory", zPath);
    return -1;
  }
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ){
    snprintf(zErr, (size_t)nErr, "%s: cannot open SQLite", zPath);
    sqlite3_close(db);
    return -1;
  }
  if( S_ISDIR(st.st_mode) ){
    struct dirent **aEnt = 0;
    int nEnt = scandir(zPath, &aEnt, isJsonName, alphasort);
    if( nEnt<0 ){
      snprintf(zErr, (size_t)nErr, "%s: cannot list the directory", zPath);
      nTotal = -1;
    }
    for(int i=0; i<nEnt; i++){
      if( nTotal>=0 ){
        size_t nP = strlen(zPath) + strlen(aEnt[i]->d_name) + 2;
        char *zFile = malloc(nP);
        int nAdd = -1;
        if( zFile ){
          snprintf(zFile, nP, "%s%s%s", zPath, zPath[strlen(zPath)-1]=='/' ? "" : "/",
                   aEnt[i]->d_name);
          nAdd = loadFile(db, pEng, zFile, zErr, nErr);
          free(zFile);
        }
        nTotal = nAdd<0 ? -1 : nTotal + nAdd;
      }
      free(aEnt[i]);
    }
    free(aEnt);
    if( nTotal==0 ){
      snprintf(zErr, (size_t)nErr, "%s: no *.json schema files in the directory", zPath);
      nTotal = -1;
    }
  }else{
    nTotal = loadFile(db, pEng, zPath, zErr, nErr);
  }
  sqlite3_close(db);
  return nTotal;
}
