/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming scan (scan.h): kqlScanCreate() decides whether a file can be
** streamed (CSV/TSV by name, a regular file, a header whose every field
** maps onto the schema as the loader maps it), keeps its KqlScanSpec in the
** per-database registry (the "kqlscan" module's pAux), and
** creates the virtual table.
*/
#include "scanInt.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static void specFree(KqlScanSpec *s){
  if( s==0 ) return;
  for(int i=0; i<s->def.nCol; i++) free((char*)s->def.aCol[i].zName);
  free((KqlColDef*)s->def.aCol);
  free(s->zName);
  free(s->zPath);
  free(s->zTable);
  free(s);
}

/* Module states by database (closing a database unlinks its own). */
static KqlScanModule *g_pModules;

static void moduleFree(void *pArg){
  KqlScanModule *m = pArg;
  KqlScanModule **pp;
  for(pp=&g_pModules; *pp && *pp!=m; pp=&(*pp)->pNextModule){}
  if( *pp ) *pp = m->pNextModule;
  while( m->pList ){
    KqlScanSpec *s = m->pList;
    m->pList = s->pNext;
    specFree(s);
  }
  free(m);
}

/* The module's state in db, registering the module on first use. */
static KqlScanModule *moduleFor(sqlite3 *db){
  KqlScanModule *m;
  for(m=g_pModules; m && m->db!=db; m=m->pNextModule){}
  if( m ) return m;
  m = calloc(1, sizeof(*m));
  if( m==0 ) return 0;
  m->db = db;
  if( sqlite3_create_module_v2(db, "kqlscan", &kqlScanModule, m, moduleFree)!=SQLITE_OK ) return 0;
  m->pNextModule = g_pModules;
  g_pModules = m;
  return m;
}

/* Is zPath a CSV or TSV file by its name (before any .gz)? Sets *peFmt. */
static int isTsvOrCsv(const char *zPath, int *peFmt){
  const char *zBase = strrchr(zPath, '/');
  size_t n;
  zBase = zBase ? zBase+1 : zPath;
  n = strlen(zBase);
  if( n>3 && strcasecmp(zBase+n-3, ".gz")==0 ) n -= 3;
  if( n>4 && strncasecmp(zBase+n-4, ".csv", 4)==0 ){ *peFmt = KL_FMT_CSV; return 1; }
  if( n>4 && (strncasecmp(zBase+n-4, ".tsv", 4)==0 || strncasecmp(zBase+n-4, ".tab", 4)==0) ){
    *peFmt = KL_FMT_TSV;
    return 1;
  }
  return 0;
}

int kqlScanCreate(sqlite3 *db, const char *zPath, const char *zSqlName,
                  const KqlTableDef *pDef, KqlLoadSchema **ppOut, char **pzErr){
  KqlScanModule *m;
  KqlScanSpec *s;
  KqlScanCursor cur;
  struct stat st;
  int eFmt = 0;
  int rc;
  char *zSql;
  *ppOut = 0;
  *pzErr = 0;
  if( pDef==0 || pDef->nCol==0 || !isTsvOrCsv(zPath, &eFmt) ) return SQLITE_DONE;
  if( stat(zPath, &st)!=0 || !S_ISREG(st.st_mode) ) return SQLITE_DONE;
  m = moduleFor(db);
  if( m==0 ) return SQLITE_DONE;
  s = calloc(1, sizeof(*s));
  if( s==0 ) return SQLITE_NOMEM;
  s->zName = strdup(zSqlName);
  s->zPath = strdup(zPath);
  s->zTable = strdup(pDef->zName ? pDef->zName : zSqlName);
  s->eFmt = eFmt;
  KqlColDef *aCol = calloc((size_t)pDef->nCol, sizeof(KqlColDef));
  s->def.aCol = aCol;
  s->def.zName = s->zTable;
  if( aCol ){
    s->def.nCol = pDef->nCol;
    for(int i=0; i<pDef->nCol; i++){
      aCol[i].zName = strdup(pDef->aCol[i].zName);
      aCol[i].eType = pDef->aCol[i].eType;
      if( aCol[i].zName==0 ) aCol = 0;
    }
  }
  if( s->zName==0 || s->zPath==0 || s->zTable==0 || aCol==0 ){
    specFree(s);
    return SQLITE_NOMEM;
  }
  /* read the header once: stream only when every field is a schema column */
  memset(&cur, 0, sizeof(cur));
  cur.pSpec = s;
  cur.L.fdSpool = -1;
  rc = kqlScanCursorStart(&cur, db);
  if( rc==KL_ERROR ){
    if( !cur.bExtraCols ){    /* a column the schema lacks: load the file instead */
      *pzErr = cur.L.zErr;
      cur.L.zErr = 0;
      kqlScanCursorReset(&cur);
      specFree(s);
      return SQLITE_ERROR;
    }
  }
  kqlScanCursorReset(&cur);
  if( rc!=KL_OK ){
    specFree(s);
    return SQLITE_DONE;
  }
  s->pNext = m->pList;
  m->pList = s;
  zSql = sqlite3_mprintf("CREATE VIRTUAL TABLE \"%w\" USING kqlscan", zSqlName);
  rc = zSql ? sqlite3_exec(db, zSql, 0, 0, 0) : SQLITE_NOMEM;
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    m->pList = s->pNext;
    specFree(s);
    return SQLITE_DONE;
  }
  KqlLoadSchema *pOut = calloc(1, sizeof(*pOut));
  if( pOut ){
    pOut->nCol = pDef->nCol;
    pOut->nRow = -1;
    pOut->azName = calloc((size_t)pDef->nCol+1, sizeof(char*));
    pOut->aeType = calloc((size_t)pDef->nCol+1, sizeof(int));
  }
  if( pOut==0 || pOut->azName==0 || pOut->aeType==0 ){
    kqlLoadSchemaFree(pOut);
    return SQLITE_NOMEM;
  }
  for(int i=0; i<pDef->nCol; i++){
    pOut->azName[i] = strdup(pDef->aCol[i].zName);
    pOut->aeType[i] = pDef->aCol[i].eType;
  }
  *ppOut = pOut;
  return SQLITE_OK;
}
