/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kql_run(): parse, bind, then prepare and step each result statement on
** the engine's SQLite database, handing each result to the caller; and the
** kql_result_* readers, which format values from their static KQL types.
*/
#include "engineInt.h"
#include "parse.h"
#include "value.h"
#include "catalog.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bindParamArray(sqlite3_stmt *pStmt, const KqlParam *aParam, int nParam);

static void bindParams(sqlite3_stmt *pStmt, const KqlProgram *pProg){
  bindParamArray(pStmt, pProg->aParam, pProg->nParam);
}

static void bindParamArray(sqlite3_stmt *pStmt, const KqlParam *aParam, int nParam){
  int n = sqlite3_bind_parameter_count(pStmt);
  for(int i=1; i<=n && i<=nParam; i++){
    const KqlParam *v = &aParam[i-1];
    switch( v->eKind ){
      case KQL_PARAM_INT:  sqlite3_bind_int64(pStmt, i, v->i); break;
      case KQL_PARAM_REAL:   /* a NaN literal (real(nan)) travels as the text "NaN" */
        if( isnan(v->r) ) sqlite3_bind_text(pStmt, i, "NaN", 3, SQLITE_STATIC);
        else sqlite3_bind_double(pStmt, i, v->r);
        break;
      case KQL_PARAM_TEXT: sqlite3_bind_text(pStmt, i, v->z, v->n, SQLITE_STATIC); break;
      default:             sqlite3_bind_null(pStmt, i); break;
    }
  }
}

/* Turn an SQLite error message into a KQL one ("kql_matches: ..." -> "matches: ..."). */
static void runtimeError(KqlResult *r, const char *zMsg){
  const KqlAst *pAt = r->pBound->pAst;
  if( strncmp(zMsg, "kql_", 4)==0 ) zMsg += 4;
  kqlDiagAdd(r->pDiags, KQL_SEV_ERROR, "KQL300", pAt->iOfst, pAt->nLen, "runtime error: %s", zMsg);
}

/* KqlBindEnv.xQuery: run a SELECT while binding; first cell as text. */
static int runQuery(void *pArg, const char *zSql, const KqlParam *aParam, int nParam,
                    const char **pzOut, const char **pzErr){
  KqlEngineRun *pRun = pArg;
  sqlite3_stmt *pStmt = 0;
  *pzOut = 0;
  if( sqlite3_prepare_v2(pRun->pEng->db, zSql, -1, &pStmt, 0)!=SQLITE_OK ){
    *pzErr = kqlArenaPrintf(pRun->pArena, "internal error: SQL: %s", sqlite3_errmsg(pRun->pEng->db));
    sqlite3_finalize(pStmt);
    return 1;
  }
  bindParamArray(pStmt, aParam, nParam);
  int rc = sqlite3_step(pStmt);
  if( rc==SQLITE_ROW ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    if( z ) *pzOut = kqlArenaStrdup(pRun->pArena, z, sqlite3_column_bytes(pStmt, 0));
    rc = SQLITE_DONE;
  }
  if( rc!=SQLITE_DONE ){
    const char *zMsg = sqlite3_errmsg(pRun->pEng->db);
    if( strncmp(zMsg, "kql_", 4)==0 ) zMsg += 4;
    *pzErr = kqlArenaPrintf(pRun->pArena, "runtime error: %s", zMsg);
    sqlite3_finalize(pStmt);
    return 1;
  }
  sqlite3_finalize(pStmt);
  return 0;
}

/* Drop the temp tables a batch's materialize() made while binding (bind.c). */
static void dropMaterialized(KqlEngine *pEng, const KqlProgram *pProg){
  for(int i=0; pProg && i<pProg->nMat; i++){
    char *zSql = sqlite3_mprintf("DROP TABLE IF EXISTS temp.\"%w\"", pProg->azMat[i]);
    if( zSql ) sqlite3_exec(pEng->db, zSql, 0, 0, 0);
    sqlite3_free(zSql);
  }
}

int kql_run(KqlEngine *pEng, const KqlSource *pSrc, KqlDiagList *pDiags,
            int (*xResult)(void *pArg, KqlResult *pRes), void *pArg){
  KqlArena *pArena = pDiags->pArena;
  KqlAst *pQuery = kqlParse(pArena, pSrc->z, pSrc->n, pDiags);
  if( pEng->mDump & 1 ){
    char *z = kqlAstDump(pQuery);
    fprintf(stderr, "%s\n", z);
    free(z);
  }
  if( pDiags->nErr ) return KQL_ERROR;
  KqlEngineRun run;
  run.pEng = pEng;
  run.pArena = pArena;
  run.pQuery = pQuery;
  KqlBindEnv env;
  memset(&env, 0, sizeof(env));
  env.pArg = &run;
  env.xTable = kqlEngineTable;
  env.xQuery = runQuery;
  env.xExternal = kqlEngineExternal;
  env.xListTables = kqlEngineListTables;
  env.xWatchlist = kqlEngineWatchlist;
  env.bGeoIp = pEng->pGeoIp!=0;
  env.eDialect = pEng->eDialect;
  env.nowTicks = kqlEngineNow(pEng);
  env.zTableHint = pEng->zDataDir
      ? kqlArenaPrintf(pArena, "(no file for it in directory '%s')", pEng->zDataDir)
      : "(no --data directory or --table mapping names it)";
  KqlProgram *pProg = kqlBindQuery(pArena, pQuery, &env, pDiags);
  if( pDiags->nErr ){
    dropMaterialized(pEng, pProg);
    return env.eIoErr ? KQL_IOERR : env.eOffline ? KQL_OFFLINE : KQL_ERROR;
  }
  int rc = KQL_OK;
  for(int i=0; i<pProg->nStmt && rc==KQL_OK; i++){
    const KqlBoundStmt *pB = &pProg->aStmt[i];
    if( pEng->mDump & 4 ) fprintf(stderr, "-- statement %d\n%s;\n", i+1, pB->zSql);
    if( pEng->mDump & 2 ){
      fprintf(stderr, "-- schema %d:", i+1);
      for(int c=0; c<pB->nCol; c++){
        fprintf(stderr, "%s %s:%s", c ? "," : "", pB->aCol[c].zName, kqlTypeName(pB->aCol[c].eType));
      }
      fprintf(stderr, "\n");
    }
    sqlite3_stmt *pStmt = 0;
    if( sqlite3_prepare_v2(pEng->db, pB->zSql, -1, &pStmt, 0)!=SQLITE_OK ){
      kqlDiagAdd(pDiags, KQL_SEV_ERROR, "KQL301", pB->pAst->iOfst, pB->pAst->nLen,
                 "internal error: SQL: %s", sqlite3_errmsg(pEng->db));
      sqlite3_finalize(pStmt);
      rc = KQL_ERROR;
      break;
    }
    bindParams(pStmt, pProg);
    KqlResult res;
    memset(&res, 0, sizeof(res));
    res.pEng = pEng;
    res.pStmt = pStmt;
    res.pBound = pB;
    res.pDiags = pDiags;
    res.aBuf = kqlArenaAlloc(pArena, sizeof(*res.aBuf)*(size_t)(pB->nCol+1));
    res.zLabel = pSrc->zName;
    int rcCb = xResult ? xResult(pArg, &res) : 0;
    if( !res.bDone && !res.bError ){
      /* the callback stopped early; still surface a runtime error of the first row */
    }
    if( res.bError ) rc = res.bIoErr ? KQL_IOERR : KQL_ERROR;
    sqlite3_finalize(pStmt);
    if( rcCb ) break;
  }
  dropMaterialized(pEng, pProg);
  return rc;
}

/* KqlBindEnv.xTable for checking: schemas from the catalogue only. */
static int checkTable(void *pArg, const char *zName, KqlTableRef *pOut, const char **pzErr){
  KqlEngineRun *pRun = pArg;
  (void)pzErr;
  const KqlTableDef *pDef = kqlEngineSchema(pRun->pEng, zName);
  if( pDef==0 ) return KQL_TABLE_UNKNOWN;
  KqlCol *aCol = kqlArenaAlloc(pRun->pArena, sizeof(KqlCol)*(size_t)(pDef->nCol+1));
  for(int i=0; i<pDef->nCol; i++){
    aCol[i].zName = pDef->aCol[i].zName;
    aCol[i].eType = pDef->aCol[i].eType;
  }
  pOut->zSqlName = zName;
  pOut->nCol = pDef->nCol;
  pOut->aCol = aCol;
  return KQL_TABLE_OK;
}

/* KqlBindEnv.xExternal for checking: the declared schema is the answer. */
static int checkExternal(void *pArg, const char *zUrl, int nCol, const KqlCol *aCol,
                         const char *zFormat, KqlTableRef *pOut, const char **pzErr){
  (void)pArg; (void)zUrl; (void)zFormat; (void)pzErr;
  pOut->zSqlName = "externaldata";
  pOut->nCol = nCol;
  pOut->aCol = aCol;
  return KQL_TABLE_OK;
}

/* KqlBindEnv.xListTables for checking: user schemas and the catalogue. */
static int checkListTables(void *pArg, const char ***pazName){
  KqlEngineRun *pRun = pArg;
  KqlEngine *p = pRun->pEng;
  int n = 0, nMax = kqlCatalogCount() + p->nSchema;
  const char **az = kqlArenaAlloc(pRun->pArena, sizeof(char*)*(size_t)(nMax+1));
  for(int i=0; i<p->nSchema; i++) az[n++] = p->aSchema[i].zName;
  for(int i=0; i<kqlCatalogCount(); i++){
    const char *z = kqlCatalogAt(i)->zName;
    int bDup = 0;
    for(int k=0; k<p->nSchema; k++) if( strcmp(az[k], z)==0 ) bDup = 1;
    if( !bDup ) az[n++] = z;
  }
  *pazName = az;
  return n;
}

int kql_check(KqlEngine *pEng, const KqlSource *pSrc, KqlDiagList *pDiags){
  KqlArena *pArena = pDiags->pArena;
  KqlAst *pQuery = kqlParse(pArena, pSrc->z, pSrc->n, pDiags);
  if( pDiags->nErr ) return KQL_ERROR;
  KqlEngineRun run;
  run.pEng = pEng;
  run.pArena = pArena;
  run.pQuery = 0;
  KqlBindEnv env;
  memset(&env, 0, sizeof(env));
  env.pArg = &run;
  env.xTable = checkTable;
  env.bCheck = 1;
  env.xExternal = checkExternal;
  env.xListTables = checkListTables;
  env.eDialect = pEng->eDialect;
  env.nowTicks = kqlEngineNow(pEng);
  env.zTableHint = "(not in the schema catalogue)";
  kqlBindQuery(pArena, pQuery, &env, pDiags);
  return pDiags->nErr ? KQL_ERROR : KQL_OK;
}

int kql_result_columns(KqlResult *p){ return p->pBound->nCol; }
const char *kql_result_name(KqlResult *p, int i){ return p->pBound->aCol[i].zName; }
int kql_result_type(KqlResult *p, int i){ return p->pBound->aCol[i].eType; }
const char *kql_result_label(KqlResult *p){ return p->zLabel; }

int kql_result_step(KqlResult *p){
  if( p->bDone ) return p->bError ? KQL_ERROR : KQL_DONE;
  int rc = sqlite3_step(p->pStmt);
  if( rc==SQLITE_ROW ) return KQL_ROW;
  p->bDone = 1;
  if( rc==SQLITE_DONE ) return KQL_DONE;
  p->bError = 1;
  /* a streamed table's data error (tables/scan_vtab.c) is an I/O error, as when loading */
  p->bIoErr = (sqlite3_errcode(sqlite3_db_handle(p->pStmt)) & 0xff)==SQLITE_IOERR;
  runtimeError(p, sqlite3_errmsg(sqlite3_db_handle(p->pStmt)));
  return KQL_ERROR;
}

int kql_result_isnull(KqlResult *p, int i){
  return sqlite3_column_type(p->pStmt, i)==SQLITE_NULL;
}

int64_t kql_result_int64(KqlResult *p, int i){ return sqlite3_column_int64(p->pStmt, i); }
/* A real column holds a NaN as the text "NaN" (fnutil.h: kqlFnReal). */
static int columnIsNan(sqlite3_stmt *s, int i){
  return sqlite3_column_type(s, i)==SQLITE_TEXT && sqlite3_column_bytes(s, i)==3
      && memcmp(sqlite3_column_text(s, i), "NaN", 3)==0;
}
double kql_result_double(KqlResult *p, int i){
  if( columnIsNan(p->pStmt, i) ) return NAN;
  return sqlite3_column_double(p->pStmt, i);
}

const char *kql_result_raw(KqlResult *p, int i){
  return (const char*)sqlite3_column_text(p->pStmt, i);
}

const char *kql_result_text(KqlResult *p, int i){
  sqlite3_stmt *s = p->pStmt;
  int eStore = sqlite3_column_type(s, i);
  if( eStore==SQLITE_NULL ) return "";
  char *zBuf = p->aBuf[i];
  switch( p->pBound->aCol[i].eType ){
    case KQL_T_BOOL:
      return sqlite3_column_int64(s, i) ? "true" : "false";
    case KQL_T_INT: case KQL_T_LONG:
      if( eStore==SQLITE_FLOAT ){
        snprintf(zBuf, 48, "%lld", (long long)sqlite3_column_double(s, i));
      }else{
        snprintf(zBuf, 48, "%lld", (long long)sqlite3_column_int64(s, i));
      }
      return zBuf;
    case KQL_T_REAL: case KQL_T_DECIMAL:
      kqlValFormatReal(columnIsNan(s, i) ? NAN : sqlite3_column_double(s, i), zBuf);
      return zBuf;
    case KQL_T_DATETIME:
      kqlValFormatDatetime(sqlite3_column_int64(s, i), zBuf);
      return zBuf;
    case KQL_T_TIMESPAN:
      kqlValFormatTimespan(sqlite3_column_int64(s, i), zBuf);
      return zBuf;
    default: {
      const char *z = (const char*)sqlite3_column_text(s, i);
      return z ? z : "";
    }
  }
}
