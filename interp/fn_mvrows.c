/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** kql_mv_rows(limit, bArray, x1 [, x2 ... x8]): the table-valued function
** behind mv-expand (bind_mvexpand.c). One row per index 0..n-1, n the
** largest item count over x1..xk (an array or bag: its size; null, a scalar
** or malformed JSON: 1), cut to limit when limit is not null. Columns: idx
** (the 0-based index) and e1..e8, element idx of each xi as JSON text: an
** array element as it is (a JSON null as SQL NULL), a bag member as
** {"key":value} (["key",value] when bArray), a scalar xi itself at index 0;
** NULL past an item's end. Each argument is parsed once per input row,
** where the scalar helpers kql_mv_seq/kql_mv_elem (fn_mvexpand.c) reparse
** the item for every element.
*/
#include "fn.h"
#include "fn_json.h"
#include <string.h>

#define MV_MAX_ITEMS 8
#define MV_COL_IDX    0
#define MV_COL_E1     1                      /* e1..e8: columns 1..8 */
#define MV_COL_LIMIT  (MV_COL_E1 + MV_MAX_ITEMS)
#define MV_COL_BARRAY (MV_COL_LIMIT + 1)
#define MV_COL_X1     (MV_COL_BARRAY + 1)     /* x1..x8: hidden arguments */

typedef struct MvElem MvElem;
struct MvElem {
  const char *zKey; int nKey;   /* bag member name (with its quotes), or NULL */
  const char *zVal; int nVal;   /* element text */
};

typedef struct MvItem MvItem;
struct MvItem {
  char *zText;          /* private copy of the argument's text, or NULL (SQL NULL) */
  int nText;
  int eKind;            /* KQL_JSON_ARRAY / KQL_JSON_OBJECT, or 0 for a scalar */
  int nElem;            /* elements (containers) */
  MvElem *aElem;
};

typedef struct MvCur MvCur;
struct MvCur {
  sqlite3_vtab_cursor base;
  int nItem;
  MvItem aItem[MV_MAX_ITEMS];
  int bArray;
  sqlite3_int64 iIdx, nRow;
};

static int mvConnect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                     sqlite3_vtab **ppVtab, char **pzErr){
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  return kqlTvfConnect(db, "CREATE TABLE x(idx, e1, e2, e3, e4, e5, e6, e7, e8, "
                           "lim HIDDEN, barray HIDDEN, x1 HIDDEN, x2 HIDDEN, x3 HIDDEN, "
                           "x4 HIDDEN, x5 HIDDEN, x6 HIDDEN, x7 HIDDEN, x8 HIDDEN)", ppVtab);
}

static void itemsClear(MvCur *c){
  for(int i=0; i<c->nItem; i++){
    sqlite3_free(c->aItem[i].zText);
    sqlite3_free(c->aItem[i].aElem);
  }
  memset(c->aItem, 0, sizeof(c->aItem));
  c->nItem = 0;
}

static int mvOpen(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur){
  MvCur *c = sqlite3_malloc(sizeof(*c));
  (void)pVtab;
  if( c==0 ) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static int mvClose(sqlite3_vtab_cursor *pCur){
  itemsClear((MvCur*)pCur);
  sqlite3_free(pCur);
  return SQLITE_OK;
}

/* Copy and split one argument. Returns its row count, or -1 when out of memory. */
static int itemLoad(MvItem *pItem, sqlite3_value *pVal){
  KqlJsonIter it;
  const char *z;
  int n, nAlloc = 0, rc;
  memset(pItem, 0, sizeof(*pItem));
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return 1;
  z = (const char*)sqlite3_value_text(pVal);
  n = sqlite3_value_bytes(pVal);
  if( z==0 ) return -1;
  pItem->zText = sqlite3_malloc(n>0 ? n : 1);
  if( pItem->zText==0 ) return -1;
  memcpy(pItem->zText, z, (size_t)n);
  pItem->nText = n;
  pItem->eKind = kqlJsonIterStart(&it, pItem->zText, n);
  if( pItem->eKind==0 ) return 1;
  for(;;){
    MvElem e;
    rc = kqlJsonIterNext(&it, &e.zKey, &e.nKey, &e.zVal, &e.nVal);
    if( rc!=1 ) break;
    if( pItem->nElem>=nAlloc ){
      int nNew = nAlloc ? nAlloc*2 : 8;
      MvElem *aNew = sqlite3_realloc64(pItem->aElem, sizeof(MvElem)*(sqlite3_uint64)nNew);
      if( aNew==0 ) return -1;
      pItem->aElem = aNew;
      nAlloc = nNew;
    }
    if( pItem->eKind!=KQL_JSON_OBJECT ) e.zKey = 0;
    pItem->aElem[pItem->nElem++] = e;
  }
  if( rc<0 ){                         /* malformed: one row holding the text */
    pItem->eKind = 0;
    pItem->nElem = 0;
    return 1;
  }
  return pItem->nElem;
}

static int mvFilter(sqlite3_vtab_cursor *pCur, int idxNum, const char *idxStr,
                    int argc, sqlite3_value **argv){
  MvCur *c = (MvCur*)pCur;
  sqlite3_int64 nMax = 0;
  (void)idxNum; (void)idxStr;
  itemsClear(c);
  c->iIdx = 0;
  c->nRow = 0;
  if( argc<3 ) return SQLITE_OK;
  c->bArray = sqlite3_value_int(argv[1]);
  for(int i=2; i<argc && c->nItem<MV_MAX_ITEMS; i++){
    int nRow = itemLoad(&c->aItem[c->nItem], argv[i]);
    c->nItem++;
    if( nRow<0 ) return SQLITE_NOMEM;
    if( nRow>nMax ) nMax = nRow;
  }
  if( sqlite3_value_type(argv[0])!=SQLITE_NULL ){
    sqlite3_int64 lim = sqlite3_value_int64(argv[0]);
    if( lim<nMax ) nMax = lim<0 ? 0 : lim;
  }
  c->nRow = nMax;
  return SQLITE_OK;
}

static int mvNext(sqlite3_vtab_cursor *pCur){
  ((MvCur*)pCur)->iIdx++;
  return SQLITE_OK;
}

static int mvEof(sqlite3_vtab_cursor *pCur){
  MvCur *c = (MvCur*)pCur;
  return c->iIdx>=c->nRow;
}

static int mvColumn(sqlite3_vtab_cursor *pCur, sqlite3_context *ctx, int iCol){
  MvCur *c = (MvCur*)pCur;
  const MvItem *pItem;
  const MvElem *e;
  if( iCol==MV_COL_IDX ){
    sqlite3_result_int64(ctx, c->iIdx);
    return SQLITE_OK;
  }
  if( iCol<MV_COL_E1 || iCol>=MV_COL_E1 + c->nItem ) return SQLITE_OK;
  pItem = &c->aItem[iCol - MV_COL_E1];
  if( pItem->zText==0 ) return SQLITE_OK;
  if( pItem->eKind==0 ){
    if( c->iIdx==0 ) sqlite3_result_text(ctx, pItem->zText, pItem->nText, SQLITE_TRANSIENT);
    return SQLITE_OK;
  }
  if( c->iIdx>=pItem->nElem ) return SQLITE_OK;
  e = &pItem->aElem[c->iIdx];
  if( e->zKey==0 ){
    if( !(e->nVal==4 && memcmp(e->zVal, "null", 4)==0) ){
      sqlite3_result_text(ctx, e->zVal, e->nVal, SQLITE_TRANSIENT);
    }
    return SQLITE_OK;
  }
  {
    sqlite3_str *s = sqlite3_str_new(0);
    sqlite3_str_append(s, c->bArray ? "[" : "{", 1);
    sqlite3_str_append(s, e->zKey, e->nKey);
    sqlite3_str_append(s, c->bArray ? "," : ":", 1);
    sqlite3_str_append(s, e->zVal, e->nVal);
    sqlite3_str_append(s, c->bArray ? "]" : "}", 1);
    if( sqlite3_str_errcode(s) ){
      sqlite3_free(sqlite3_str_finish(s));
      return SQLITE_NOMEM;
    }
    sqlite3_result_text(ctx, sqlite3_str_finish(s), -1, sqlite3_free);
  }
  return SQLITE_OK;
}

static int mvRowid(sqlite3_vtab_cursor *pCur, sqlite_int64 *pRowid){
  *pRowid = ((MvCur*)pCur)->iIdx;
  return SQLITE_OK;
}

/* lim, barray and x1 are required; x2..x8 follow in order when given. */
static int mvBestIndex(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo){
  (void)pVtab;
  return kqlTvfBestIndex(pInfo, MV_COL_LIMIT, 2 + MV_MAX_ITEMS, 3, 10.0);
}

static sqlite3_module mvModule = {
  .iVersion = 0,
  .xCreate = 0,                      /* eponymous-only */
  .xConnect = mvConnect,
  .xBestIndex = mvBestIndex,
  .xDisconnect = kqlTvfDisconnect,
  .xOpen = mvOpen,
  .xClose = mvClose,
  .xFilter = mvFilter,
  .xNext = mvNext,
  .xEof = mvEof,
  .xColumn = mvColumn,
  .xRowid = mvRowid,
};

/* kqlFnRegisterMvRows(): contract in fn.h. */
int kqlFnRegisterMvRows(sqlite3 *db){
  return sqlite3_create_module(db, "kql_mv_rows", &mvModule, 0);
}
