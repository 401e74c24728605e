/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming or loading a table (issue 6). A table whose schema is known
** (catalogue or --schemas) and whose file is CSV/TSV is streamed through
** the "kqlscan" virtual table (tables/scan.h) when the query reads it in a
** single pass; otherwise it is loaded into SQLite as before. Single pass,
** a simple rule on the parse tree: the table's name occurs once, no
** operator that reads its input several times (join, lookup, fork, facet,
** partition, materialize(), as) appears, and a let that names the table
** is itself used at most once. KQLITE_NO_STREAM=1 (or kql_set_stream(0))
** always loads.
*/
#include "engineInt.h"
#include "scan.h"
#include "load.h"
#include <stdlib.h>
#include <string.h>

/* Occurrences of zName as a name (table reference, call, let use) in pAst. */
static int countName(const KqlAst *pAst, const char *zName){
  int n = 0;
  if( pAst==0 ) return 0;
  if( (pAst->eKind==KQL_AST_IDENT || pAst->eKind==KQL_AST_CALL)
   && pAst->z && strcmp(pAst->z, zName)==0 ){
    n++;
  }
  for(int i=0; i<pAst->nChild; i++) n += countName(pAst->aChild[i], zName);
  return n;
}

/* Does pAst hold an operator that reads its input more than once? */
static int hasMultiPass(const KqlAst *pAst){
  if( pAst==0 ) return 0;
  switch( pAst->eKind ){
    case KQL_AST_OP_JOIN: case KQL_AST_OP_LOOKUP: case KQL_AST_OP_FORK:
    case KQL_AST_OP_FACET: case KQL_AST_OP_PARTITION: case KQL_AST_OP_AS:
    case KQL_AST_OP_SCAN:
      return 1;
    case KQL_AST_CALL:
      if( pAst->z && strcmp(pAst->z, "materialize")==0 ) return 1;
      break;
    default:
      break;
  }
  for(int i=0; i<pAst->nChild; i++) if( hasMultiPass(pAst->aChild[i]) ) return 1;
  return 0;
}

/* Lets whose value names zName: each such let name may occur once. */
static int letsOk(const KqlAst *pRoot, const KqlAst *pAst, const char *zName, int nDepth){
  if( pAst==0 ) return 1;
  if( nDepth>8 ) return 0;
  if( pAst->eKind==KQL_AST_LET && pAst->z && pAst->nChild>0 && countName(pAst->aChild[0], zName)>0 ){
    if( strcmp(pAst->z, zName)==0 ) return 0;
    if( countName(pRoot, pAst->z)>1 ) return 0;
    if( !letsOk(pRoot, pRoot, pAst->z, nDepth+1) ) return 0;
  }
  for(int i=0; i<pAst->nChild; i++){
    if( !letsOk(pRoot, pAst->aChild[i], zName, nDepth) ) return 0;
  }
  return 1;
}

/* Is the query of pRun a single pass over table zName? */
static int singlePass(const KqlEngineRun *pRun, const char *zName){
  const KqlAst *q = pRun->pQuery;
  const char *zEnv = getenv("KQLITE_NO_STREAM");
  if( q==0 || pRun->pEng->bNoStream ) return 0;
  if( zEnv && zEnv[0] && strcmp(zEnv, "0")!=0 ) return 0;
  if( countName(q, zName)!=1 ) return 0;
  if( hasMultiPass(q) ) return 0;
  return letsOk(q, q, zName, 0);
}

/*
** Stream table t (named zName) for this run when it can be: fills pOut
** (bStream set) and returns KQL_TABLE_OK; KQL_TABLE_ERROR with *pzErr for
** a bad header; KQL_TABLE_UNKNOWN when the caller should load it instead.
*/
int kqlEngineStream(KqlEngineRun *pRun, KqlEngineTable *t, const char *zName,
                    KqlTableRef *pOut, const char **pzErr){
  KqlEngine *p = pRun->pEng;
  if( t->zPath==0 || !singlePass(pRun, zName) ) return KQL_TABLE_UNKNOWN;
  if( t->zStreamSql==0 ){
    const KqlTableDef *pDef = kqlEngineSchema(p, zName);
    KqlLoadSchema *pSchema = 0;
    char *zErr = 0;
    char *zSql;
    int rc;
    if( pDef==0 ) return KQL_TABLE_UNKNOWN;
    zSql = sqlite3_mprintf("ks_%d", (int)(t - p->aTable) + 1);
    if( zSql==0 ) return KQL_TABLE_UNKNOWN;
    rc = kqlScanCreate(p->db, t->zPath, zSql, pDef, &pSchema, &zErr);
    if( rc==SQLITE_DONE || rc==SQLITE_NOMEM ){
      sqlite3_free(zSql);
      free(zErr);
      return KQL_TABLE_UNKNOWN;
    }
    if( rc!=SQLITE_OK ){
      *pzErr = kqlArenaPrintf(pRun->pArena, "%s", zErr ? zErr : "cannot read table");
      free(zErr);
      sqlite3_free(zSql);
      t->bFailed = 1;
      return KQL_TABLE_ERROR;
    }
    t->zStreamSql = strdup(zSql);
    sqlite3_free(zSql);
    t->nStreamCol = pSchema->nCol;
    t->aStreamCol = calloc((size_t)(pSchema->nCol ? pSchema->nCol : 1), sizeof(KqlCol));
    for(int i=0; i<pSchema->nCol && t->aStreamCol; i++){
      t->aStreamCol[i].zName = strdup(pSchema->azName[i]);
      t->aStreamCol[i].eType = pSchema->aeType[i];
    }
    kqlLoadSchemaFree(pSchema);
    if( t->zStreamSql==0 || t->aStreamCol==0 ) return KQL_TABLE_UNKNOWN;
  }
  pOut->zSqlName = t->zStreamSql;
  pOut->nCol = t->nStreamCol;
  pOut->aCol = t->aStreamCol;
  pOut->bStream = 1;
  return KQL_TABLE_OK;
}

/* Free what streaming table t holds (kql_close). */
void kqlEngineStreamFree(KqlEngineTable *t){
  free(t->zStreamSql);
  for(int c=0; c<t->nStreamCol && t->aStreamCol; c++) free((char*)t->aStreamCol[c].zName);
  free(t->aStreamCol);
  t->zStreamSql = 0;
  t->aStreamCol = 0;
  t->nStreamCol = 0;
}

void kql_set_stream(KqlEngine *p, int bOn){
  p->bNoStream = !bOn;
}
