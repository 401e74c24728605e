/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming scan (scan.h): the SQLite virtual table module "kqlscan". A
** table is a KqlScanSpec (file, format, schema) registered by
** kqlScanCreate(); each cursor reads the file from its first byte with the
** loader's block reader (plain or gzip), splits records with scan_csv.c,
** tests the pushed-down prefilter (the HIDDEN column kql_prefilter, an EQ
** constraint whose value is the binder's JSON, see scan_filter.c) before
** anything else, and converts a cell only when SQLite asks for its column,
** with the loader's kqlLoadCellConvert(). Data errors surface as SQLite
** errors carrying the loader's "PATH:LINE:COL: message".
*/
#include "scanInt.h"
#include "types.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct KqlScanVtab KqlScanVtab;
struct KqlScanVtab {
  sqlite3_vtab base;
  sqlite3 *db;
  KqlScanSpec *pSpec;
};

/* SQLite column type (hence affinity) for KQL type eType: as the loader's. */
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

static int vtConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                     sqlite3_vtab **ppVtab, char **pzErr){
  KqlScanModule *m = pAux;
  KqlScanSpec *s;
  KqlScanVtab *v;
  sqlite3_str *pStr;
  char *zSql;
  int rc;
  if( argc<3 ) return SQLITE_ERROR;
  for(s=m->pList; s && strcmp(s->zName, argv[2])!=0; s=s->pNext){}
  if( s==0 ){
    *pzErr = sqlite3_mprintf("kqlscan: no stream registered for %s", argv[2]);
    return SQLITE_ERROR;
  }
  pStr = sqlite3_str_new(db);
  sqlite3_str_appendall(pStr, "CREATE TABLE x(");
  for(int i=0; i<s->def.nCol; i++){
    /* the name as the binder writes it: with the suffix that keeps names
    ** differing only in case apart (catalog.h), as the loader's tables */
    const char *zCol = s->def.aCol[i].zName;
    int n = (int)strlen(zCol);
    char *zName = sqlite3_malloc64((sqlite3_uint64)KQL_SQL_NAME_MAX(n));
    if( zName==0 ){ sqlite3_free(sqlite3_str_finish(pStr)); return SQLITE_NOMEM; }
    kqlCatalogSqlName(zCol, n, zName);
    sqlite3_str_appendf(pStr, "\"%w\" %s, ", zName, declType(s->def.aCol[i].eType));
    sqlite3_free(zName);
  }
  sqlite3_str_appendall(pStr, "\"" KQL_SCAN_PREFILTER "\" HIDDEN)");
  zSql = sqlite3_str_finish(pStr);
  if( zSql==0 ) return SQLITE_NOMEM;
  rc = sqlite3_declare_vtab(db, zSql);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ) return rc;
  v = sqlite3_malloc(sizeof(*v));
  if( v==0 ) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  v->db = db;
  v->pSpec = s;
  *ppVtab = &v->base;
  return SQLITE_OK;
}

static int vtDisconnect(sqlite3_vtab *pVtab){
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

/*
** Plans: idxNum 1 when the prefilter constraint is used (argv[0] is its
** JSON). A full scan costs as much as reading the file, so every plan is
** expensive and a prefilter makes it cheaper to run. An unusable
** constraint on the prefilter column is refused: SQLite cannot evaluate it.
*/
static int vtBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  KqlScanVtab *v = (KqlScanVtab*)pVtab;
  int iPre = v->pSpec->def.nCol;
  int bPre = 0;
  for(int i=0; i<pInfo->nConstraint; i++){
    const struct sqlite3_index_constraint *c = &pInfo->aConstraint[i];
    if( c->iColumn!=iPre ) continue;
    if( !c->usable || c->op!=SQLITE_INDEX_CONSTRAINT_EQ ) return SQLITE_CONSTRAINT;
    if( !bPre ){
      pInfo->aConstraintUsage[i].argvIndex = 1;
      bPre = 1;
    }
    pInfo->aConstraintUsage[i].omit = 1;
  }
  pInfo->idxNum = bPre;
  pInfo->estimatedCost = bPre ? 1e6 : 1e7;
  pInfo->estimatedRows = bPre ? 1000 : 1000000;
  return SQLITE_OK;
}

static int vtOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  KqlScanVtab *v = (KqlScanVtab*)pVtab;
  KqlScanCursor *c = sqlite3_malloc(sizeof(*c));
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  c->pSpec = v->pSpec;
  c->L.fdSpool = -1;
  c->bEof = 1;
  *ppCur = &c->base;
  return SQLITE_OK;
}

/* Free what a pass of the cursor holds (the cursor stays usable): the
** loader's state (kqlLoaderFree) and the cursor's own. */
void kqlScanCursorReset(KqlScanCursor *c){
  KqlLoader *p = &c->L;
  kqlScanProgressEnd(c);
  kqlLoaderFree(p);
  free(p->zErr);
  memset(p, 0, sizeof(*p));
  p->fdSpool = -1;
  free(c->aColFld);
  c->aColFld = 0;
  kqlScanFilterFree(&c->filter);
  sqlite3_free(c->zPrefilter);
  c->zPrefilter = 0;
  c->bOpen = 0;
  c->bHave = 0;
  c->bEof = 1;
  c->iRow = 0;
}

static int vtClose(sqlite3_vtab_cursor *pCur){
  KqlScanCursor *c = (KqlScanCursor*)pCur;
  kqlScanCursorReset(c);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Report the loader's error on the vtab. */
static int setError(KqlScanCursor *c, const char *zFallback){
  sqlite3_vtab *pVtab = c->base.pVtab;
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = sqlite3_mprintf("%s", c->L.zErr ? c->L.zErr : zFallback);
  return SQLITE_IOERR;
}

/*
** Open the file and map its header: the columns (catalogue order) come
** from the spec, the file's fields map onto them as in the loader. Sets
** c->aColFld. Returns KL_OK, KL_EOF (no header) or KL_ERROR.
*/
int kqlScanCursorStart(KqlScanCursor *c, sqlite3 *db){
  KqlScanSpec *s = c->pSpec;
  KqlLoader *p = &c->L;
  int rc;
  p->db = db;
  p->zPath = s->zPath;
  p->zTable = s->zName;
  p->pDef = &s->def;
  p->eFmt = s->eFmt;
  p->ePass = KL_PASS_LOAD;
  p->bExact = 1;
  p->fdSpool = -1;
  if( kqlLoadAddCatalogue(p) ) return KL_ERROR;
  if( kqlLoadBufOpen(p) ) return KL_ERROR;
  c->bOpen = 1;
  rc = kqlLoadCsvHeader(p);
  if( rc ) return rc;
  c->aColFld = malloc(sizeof(int)*(size_t)(s->def.nCol+1));
  if( c->aColFld==0 ) return kqlLoadError(p, 0, "out of memory");
  for(int i=0; i<s->def.nCol; i++) c->aColFld[i] = -1;
  for(int f=0; f<p->nFileCol; f++){
    int iCol = p->aFileMap[f];
    if( iCol<0 || iCol>=s->def.nCol ){
      c->bExtraCols = 1;
      return kqlLoadError(p, 0, "the file's columns changed since the query was planned");
    }
    c->aColFld[iCol] = f;
  }
  return KL_OK;
}

/* Read records until one passes the prefilter (or the end). */
static int cursorStep(KqlScanCursor *c){
  for(;;){
    int rc = kqlScanCsvNext(c, c->filter.nTerm ? c->nNeed : c->L.nFileCol);
    if( rc==KS_REC_EOF ){
      c->bEof = 1;
      kqlScanProgressEnd(c);
      return SQLITE_OK;
    }
    if( rc!=KS_REC_OK ){
      c->bEof = 1;
      kqlScanProgressEnd(c);
      return setError(c, "read error");
    }
    c->iRow++;
    if( (c->iRow & 0x3FFF)==0 ) kqlScanProgressTick(c);
    if( c->filter.nTerm==0 ) return SQLITE_OK;
    if( kqlScanFilterTest(&c->filter, &c->L) ){
      if( kqlScanCsvFull(c)!=KS_REC_OK ){
        c->bEof = 1;
        return setError(c, "read error");
      }
      return SQLITE_OK;
    }
  }
}

static int vtFilter(sqlite3_vtab_cursor *pCur, int idxNum, const char *idxStr,
                    int argc, sqlite3_value **argv){
  KqlScanCursor *c = (KqlScanCursor*)pCur;
  KqlScanVtab *v = (KqlScanVtab*)pCur->pVtab;
  int rc;
  kqlScanCursorReset(c);
  c->bEof = 0;
  rc = kqlScanCursorStart(c, v->db);
  if( rc==KL_EOF ){
    c->bEof = 1;
    return SQLITE_OK;
  }
  if( rc ){
    c->bEof = 1;
    return setError(c, "cannot open");
  }
  if( (idxNum & 1) && argc>=1 ){
    const char *zJson = (const char*)sqlite3_value_text(argv[0]);
    char *zErr = 0;
    if( zJson ) c->zPrefilter = sqlite3_mprintf("%s", zJson);
    if( zJson && kqlScanFilterParse(v->db, c, zJson, &zErr) ){
      sqlite3_free(pCur->pVtab->zErrMsg);
      pCur->pVtab->zErrMsg = sqlite3_mprintf("kqlscan prefilter: %s", zErr ? zErr : "bad value");
      free(zErr);
      c->bEof = 1;
      return SQLITE_ERROR;
    }
  }
  kqlScanProgressStart(c);
  return cursorStep(c);
}

static int vtNext(sqlite3_vtab_cursor *pCur){
  return cursorStep((KqlScanCursor*)pCur);
}

static int vtEof(sqlite3_vtab_cursor *pCur){
  return ((KqlScanCursor*)pCur)->bEof;
}

static int vtColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx, int i){
  KqlScanCursor *c = (KqlScanCursor*)pCur;
  const KqlTableDef *d = &c->pSpec->def;
  int eType, f;
  KqlLoadVal val;
  KqlLoadCell cell;
  if( i<0 || i>=d->nCol ){
    /* the prefilter column equals the prefilter given, should SQLite check */
    if( c->zPrefilter ) sqlite3_result_text(ctx, c->zPrefilter, -1, SQLITE_TRANSIENT);
    else sqlite3_result_null(ctx);
    return SQLITE_OK;
  }
  eType = d->aCol[i].eType;
  f = c->aColFld[i];
  if( f<0 ){
    val.eVal = KL_VAL_DEFAULT;
  }else{
    cell = c->L.aCell[f];
    cell.iCol = i;
    if( kqlLoadCellConvert(&c->L, &cell, eType, &val) ){
      sqlite3_result_error(ctx, c->L.zErr ? c->L.zErr : "conversion error", -1);
      sqlite3_result_error_code(ctx, SQLITE_IOERR);
      return SQLITE_ERROR;
    }
  }
  switch( val.eVal ){
    case KL_VAL_DEFAULT:
      if( eType==KQL_T_STRING ) sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
      else sqlite3_result_null(ctx);
      break;
    case KL_VAL_NULL: sqlite3_result_null(ctx); break;
    case KL_VAL_INT:  sqlite3_result_int64(ctx, val.i); break;
    case KL_VAL_REAL: sqlite3_result_double(ctx, val.r); break;
    default:          sqlite3_result_text(ctx, val.z, val.n, SQLITE_TRANSIENT); break;
  }
  return SQLITE_OK;
}

static int vtRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid){
  *pRowid = ((KqlScanCursor*)pCur)->iRow;
  return SQLITE_OK;
}

const sqlite3_module kqlScanModule = {
  0,              /* iVersion */
  vtConnect,      /* xCreate: nothing to store */
  vtConnect,
  vtBestIndex,
  vtDisconnect,
  vtDisconnect,   /* xDestroy */
  vtOpen,
  vtClose,
  vtFilter,
  vtNext,
  vtEof,
  vtColumn,
  vtRowid,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};
