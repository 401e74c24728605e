/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The engine's side of the table cache (tables/cache.h): kql_set_cache, and
** the two hooks kqlEngineTable() calls. On a hit the cache database is
** attached read-only as schema kc_N and the table is the temporary view
** kt_N over kc_N."t" (the name the table gets when loaded) (the binder names a table by one identifier; a plain
** SELECT * view is flattened away by SQLite, so the cache's indexes still
** serve the query). On a miss the file is loaded as usual and noted; the
** cache files of noted tables are written when the engine closes.
*/
#include "engineInt.h"
#include "cache.h"
#include "load.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kql_set_cache(KqlEngine *p, const char *zDir){
  kqlEngineCacheClose(p);
  if( zDir==0 ) return KQL_OK;
  p->pCache = kqlCacheNew(zDir);
  return p->pCache ? KQL_OK : KQL_IOERR;
}

void kqlEngineCacheClose(KqlEngine *p){
  if( p->pCache==0 ) return;
  kqlCacheFlush(p->pCache);
  kqlCacheFree(p->pCache);
  p->pCache = 0;
}

int kqlEngineCacheHit(KqlEngine *p, KqlEngineTable *t, const KqlTableDef *pDef){
  char zSchema[32], zView[32];
  int iTab = (int)(t - p->aTable) + 1;
  KqlLoadSchema *pSchema = 0;
  char *zSql;
  int rc;
  if( p->pCache==0 || t->bLoaded || t->zPath==0 ) return 0;
  snprintf(zSchema, sizeof(zSchema), "kc_%d", iTab);
  snprintf(zView, sizeof(zView), "kt_%d", iTab);     /* the name a load gives it */
  if( kqlCacheAttach(p->pCache, p->db, t->zPath, pDef, zSchema, &pSchema)!=SQLITE_OK ) return 0;
  zSql = sqlite3_mprintf("CREATE TEMP VIEW \"%w\" AS SELECT * FROM \"%w\".\"t\"", zView, zSchema);
  rc = zSql ? sqlite3_exec(p->db, zSql, 0, 0, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  t->zSqlName = rc==SQLITE_OK ? strdup(zView) : 0;
  t->aCol = t->zSqlName ? calloc((size_t)pSchema->nCol, sizeof(KqlCol)) : 0;
  if( t->aCol==0 ){
    free(t->zSqlName);
    t->zSqlName = 0;
    zSql = sqlite3_mprintf("DETACH \"%w\"", zSchema);
    if( zSql ) sqlite3_exec(p->db, zSql, 0, 0, 0);
    sqlite3_free(zSql);
    kqlLoadSchemaFree(pSchema);
    return 0;
  }
  t->nCol = pSchema->nCol;
  for(int i=0; i<pSchema->nCol; i++){
    t->aCol[i].zName = pSchema->azName[i];    /* ownership moves to t */
    pSchema->azName[i] = 0;
    t->aCol[i].eType = pSchema->aeType[i];
  }
  kqlLoadSchemaFree(pSchema);
  t->bLoaded = 1;
  return 1;
}

void kqlEngineCacheNote(KqlEngine *p, KqlEngineTable *t, const KqlTableDef *pDef){
  if( p->pCache && t->zPath ) kqlCacheNote(p->pCache, t->zPath, pDef);
}
