/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Offline stand-ins for sources that live in the service: Sentinel
** watchlists for _GetWatchlist('alias'), from CSV files mapped with
** kql_add_watchlist (--watchlist ALIAS[:KEY]=PATH) or found as DIR/ALIAS.csv
** (--watchlist-dir). A watchlist is loaded once, every item column as a
** string (watchlist items are strings in Sentinel), into a table with the
** columns _GetWatchlist returns: _DTItemId (a stable guid per item),
** LastUpdatedTimeUTC (the file's modification time), SearchKey (the search
** key column's value: KEY, else the first column), WatchlistItem (a bag of
** the item's columns), then the item's columns themselves.
*/
#include "engineInt.h"
#include "load.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One watchlist: its mapping and, once loaded, its table. */
typedef struct Watchlist Watchlist;
struct Watchlist {
  char *zAlias;         /* the alias _GetWatchlist names */
  char *zKey;           /* search key column, or NULL (the first) */
  char *zPath;          /* CSV file */
  char *zSqlName;       /* SQLite table once loaded */
  int bFailed;          /* loading failed */
  int nCol;
  KqlCol *aCol;         /* malloc'ed names */
};

struct KqlEngineInputs {
  int nWatch;
  Watchlist *aWatch;
  char *zWatchDir;      /* --watchlist-dir */
  int nLoaded;          /* watchlists loaded (table names kw_N) */
};

static KqlEngineInputs *inputs(KqlEngine *p){
  if( p->pInputs==0 ) p->pInputs = calloc(1, sizeof(KqlEngineInputs));
  return p->pInputs;
}

void kqlEngineInputsFree(KqlEngine *p){
  KqlEngineInputs *x = p->pInputs;
  if( x==0 ) return;
  for(int i=0; i<x->nWatch; i++){
    Watchlist *w = &x->aWatch[i];
    free(w->zAlias);
    free(w->zKey);
    free(w->zPath);
    free(w->zSqlName);
    for(int c=0; c<w->nCol; c++) free((char*)w->aCol[c].zName);
    free(w->aCol);
  }
  free(x->aWatch);
  free(x->zWatchDir);
  free(x);
  p->pInputs = 0;
}

static Watchlist *findWatch(KqlEngineInputs *x, const char *zAlias){
  for(int i=0; x && i<x->nWatch; i++){
    if( strcmp(x->aWatch[i].zAlias, zAlias)==0 ) return &x->aWatch[i];
  }
  return 0;
}

static Watchlist *addWatch(KqlEngineInputs *x, const char *zAlias){
  Watchlist *a = realloc(x->aWatch, sizeof(*a)*(size_t)(x->nWatch+1));
  if( a==0 ) return 0;
  x->aWatch = a;
  Watchlist *w = &a[x->nWatch++];
  memset(w, 0, sizeof(*w));
  w->zAlias = strdup(zAlias);
  return w;
}

int kql_add_watchlist(KqlEngine *p, const char *zAlias, const char *zKey, const char *zPath){
  KqlEngineInputs *x = inputs(p);
  if( x==0 || zAlias==0 || zPath==0 ) return KQL_IOERR;
  Watchlist *w = findWatch(x, zAlias);
  if( w && w->zSqlName ) return KQL_IOERR;
  if( w==0 ) w = addWatch(x, zAlias);
  if( w==0 ) return KQL_IOERR;
  free(w->zPath);
  free(w->zKey);
  w->zPath = strdup(zPath);
  w->zKey = zKey && zKey[0] ? strdup(zKey) : 0;
  return KQL_OK;
}

int kql_set_watchlist_dir(KqlEngine *p, const char *zDir){
  KqlEngineInputs *x = inputs(p);
  if( x==0 ) return KQL_IOERR;
  free(x->zWatchDir);
  x->zWatchDir = zDir ? strdup(zDir) : 0;
  return KQL_OK;
}

/* A guid for item iRow of watchlist zAlias: the same every run. */
static unsigned aliasHash(const char *z){
  unsigned h = 2166136261u;
  for(; *z; z++){ h ^= (unsigned char)*z; h *= 16777619u; }
  return h;
}

/*
** Build w's table from the loaded items (table zRaw, schema pItems).
** Returns SQLITE_OK or an SQLite error code (message in db).
*/
static int buildTable(KqlEngine *p, Watchlist *w, const char *zRaw, const KqlLoadSchema *pItems,
                      int64_t mtimeTicks, char **pzErr){
  int iKey = 0;
  if( w->zKey ){
    iKey = -1;
    for(int i=0; i<pItems->nCol; i++){
      if( strcmp(pItems->azName[i], w->zKey)==0 ) iKey = i;
    }
    if( iKey<0 ){
      *pzErr = sqlite3_mprintf("%s: watchlist '%s' has no column '%s' for its search key",
                               w->zPath, w->zAlias, w->zKey);
      return SQLITE_ERROR;
    }
  }
  if( pItems->nCol==0 ){
    *pzErr = sqlite3_mprintf("%s: watchlist '%s' has no columns", w->zPath, w->zAlias);
    return SQLITE_ERROR;
  }
  sqlite3_str *s = sqlite3_str_new(p->db);
  sqlite3_str_appendf(s, "CREATE TABLE \"%w\" AS SELECT "
                      "printf('%%08x-%%04x-4%%03x-8%%03x-%%012x', %u, (rowid>>24)&65535, "
                      "(rowid>>12)&4095, rowid&4095, rowid) AS \"_DTItemId\", "
                      "%lld AS \"LastUpdatedTimeUTC\", ",
                      w->zSqlName, aliasHash(w->zAlias), (long long)mtimeTicks);
  kqlLoadAppendSqlName(s, pItems->azName[iKey]);
  sqlite3_str_appendall(s, " AS \"SearchKey\", kql_bag_pack('");
  for(int i=0; i<pItems->nCol; i++){
    sqlite3_str_appendchar(s, 2, (char)('a' + KQL_T_STRING));
  }
  sqlite3_str_appendall(s, "'");
  for(int i=0; i<pItems->nCol; i++){
    sqlite3_str_appendf(s, ", %Q, ", pItems->azName[i]);
    kqlLoadAppendSqlName(s, pItems->azName[i]);
  }
  sqlite3_str_appendall(s, ") AS \"WatchlistItem\"");
  for(int i=0; i<pItems->nCol; i++){
    sqlite3_str_appendall(s, ", ");
    kqlLoadAppendSqlName(s, pItems->azName[i]);
  }
  sqlite3_str_appendf(s, " FROM \"%w\" ORDER BY rowid; DROP TABLE \"%w\";", zRaw, zRaw);
  char *zSql = sqlite3_str_finish(s);
  if( zSql==0 ) return SQLITE_NOMEM;
  char *zMsg = 0;
  int rc = sqlite3_exec(p->db, zSql, 0, 0, &zMsg);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    *pzErr = sqlite3_mprintf("%s: cannot build watchlist '%s': %s", w->zPath, w->zAlias,
                             zMsg ? zMsg : sqlite3_errmsg(p->db));
  }
  sqlite3_free(zMsg);
  return rc;
}

/* Load watchlist w (once). Returns KQL_TABLE_OK or KQL_TABLE_ERROR with *pzErr. */
static int loadWatch(KqlEngineRun *pRun, Watchlist *w, const char **pzErr){
  KqlEngine *p = pRun->pEng;
  int iLoad = ++p->pInputs->nLoaded;
  char *zRaw = sqlite3_mprintf("kw_raw_%d", iLoad);
  char *zSql = sqlite3_mprintf("kw_%d", iLoad);
  KqlLoadSchema *pItems = 0;
  char *zErr = 0;
  struct stat st;
  int64_t mtime = 0;
  if( stat(w->zPath, &st)==0 ){
    mtime = (int64_t)st.st_mtim.tv_sec*KQL_TICKS_PER_SECOND + st.st_mtim.tv_nsec/100;
  }
  int rc = kqlLoadFileEx(p->db, w->zPath, zRaw, 0, KQL_LOAD_ALLTEXT, &pItems, &zErr);
  if( rc==SQLITE_OK ){
    w->zSqlName = strdup(zSql);
    char *zErr2 = 0;
    rc = buildTable(p, w, zRaw, pItems, mtime, &zErr2);
    if( rc!=SQLITE_OK ){
      *pzErr = kqlArenaPrintf(pRun->pArena, "%s", zErr2 ? zErr2 : "cannot build the watchlist");
      sqlite3_free(zErr2);
      free(w->zSqlName);
      w->zSqlName = 0;
    }
  }else{
    *pzErr = kqlArenaPrintf(pRun->pArena, "%s", zErr ? zErr : "cannot load the watchlist");
  }
  free(zErr);
  sqlite3_free(zRaw);
  sqlite3_free(zSql);
  if( rc!=SQLITE_OK ){
    kqlLoadSchemaFree(pItems);
    w->bFailed = 1;
    return KQL_TABLE_ERROR;
  }
  static const char *const azFixed[] = {"_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "WatchlistItem"};
  static const int aeFixed[] = {KQL_T_STRING, KQL_T_DATETIME, KQL_T_STRING, KQL_T_DYNAMIC};
  w->nCol = 4 + pItems->nCol;
  w->aCol = calloc((size_t)w->nCol, sizeof(KqlCol));
  for(int i=0; i<4; i++){
    w->aCol[i].zName = strdup(azFixed[i]);
    w->aCol[i].eType = aeFixed[i];
  }
  for(int i=0; i<pItems->nCol; i++){
    w->aCol[4+i].zName = strdup(pItems->azName[i]);
    w->aCol[4+i].eType = KQL_T_STRING;
  }
  kqlLoadSchemaFree(pItems);
  return KQL_TABLE_OK;
}

/* KqlBindEnv.xWatchlist: resolve (and on first use load) watchlist zAlias. */
int kqlEngineWatchlist(void *pArg, const char *zAlias, KqlTableRef *pOut, const char **pzErr){
  KqlEngineRun *pRun = pArg;
  KqlEngineInputs *x = pRun->pEng->pInputs;
  Watchlist *w = findWatch(x, zAlias);
  if( w==0 ){
    if( x==0 || x->zWatchDir==0 || zAlias[0]==0 || zAlias[0]=='.' || strchr(zAlias, '/') ){
      return KQL_TABLE_UNKNOWN;
    }
    char *zPath = sqlite3_mprintf("%s/%s.csv", x->zWatchDir, zAlias);
    int bOk = zPath && access(zPath, R_OK)==0;
    if( bOk ) w = addWatch(x, zAlias);
    if( w ) w->zPath = strdup(zPath);
    sqlite3_free(zPath);
    if( w==0 ) return KQL_TABLE_UNKNOWN;
  }
  if( w->zSqlName==0 ){
    if( w->bFailed ){
      *pzErr = kqlArenaPrintf(pRun->pArena, "watchlist '%s' could not be loaded from %s",
                              zAlias, w->zPath);
      return KQL_TABLE_ERROR;
    }
    int rc = loadWatch(pRun, w, pzErr);
    if( rc!=KQL_TABLE_OK ) return rc;
  }
  pOut->zSqlName = w->zSqlName;
  pOut->nCol = w->nCol;
  pOut->aCol = w->aCol;
  return KQL_TABLE_OK;
}
