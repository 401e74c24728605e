/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The pattern mining behind evaluate basket (bind_ext_plugin_misc.c):
** aggregate kql_basket(threshold, maxdims, rn, v0, ..., vn-1) over the
** input rows (rn numbers the row; v are its n column values). An item is a
** (column, value) pair with a non-null, non-empty value; a pattern is a set
** of items of different columns. Apriori finds the patterns of at most
** maxdims items whose rows make at least threshold of all rows; the result
** keeps the closed ones (no pattern with one more item has the same count)
** as a JSON array of [count, column mask, rn of a matching row], ordered by
** count descending, then by more items first, then by column mask.
*/
#include "fn.h"
#include "fn_aggint.h"
#include "fnutil.h"
#include <stdlib.h>
#include <string.h>

typedef struct BasketAgg BasketAgg;
struct BasketAgg {
  int nCol;             /* columns per row */
  int nRow, nAlloc;
  char **azKey;         /* nRow*nCol keys (NULL: no item) */
  int64_t *aRn;         /* row numbers */
  double rThreshold;
  int nMaxDims;
  int bOom;
};

/* One frequent pattern: its items (ascending item ids), count, first row. */
typedef struct BPat BPat;
struct BPat {
  int *aItem;
  int nItem;
  int64_t nCount;
  int iFirst;           /* index of the first matching row */
  int bClosed;
};

static void basketStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  BasketAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 || p->bOom || argc<4 ) return;
  if( p->nRow==0 && p->nAlloc==0 ){
    p->nCol = argc - 3;
    p->rThreshold = kqlFnReal(argv[0]);
    p->nMaxDims = sqlite3_value_int(argv[1]);
  }
  if( p->nRow>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 64;
    char **azNew = sqlite3_realloc64(p->azKey, sizeof(char*)*(sqlite3_uint64)nNew*(sqlite3_uint64)p->nCol);
    if( azNew==0 ){ p->bOom = 1; return; }
    p->azKey = azNew;
    int64_t *aNew = sqlite3_realloc64(p->aRn, sizeof(int64_t)*(sqlite3_uint64)nNew);
    if( aNew==0 ){ p->bOom = 1; return; }
    p->aRn = aNew;
    p->nAlloc = nNew;
  }
  char **az = p->azKey + (size_t)p->nRow*(size_t)p->nCol;
  for(int c=0; c<p->nCol; c++){
    sqlite3_value *v = argv[3+c];
    int t = sqlite3_value_type(v), n;
    az[c] = 0;
    if( t==SQLITE_NULL || (t==SQLITE_TEXT && sqlite3_value_bytes(v)==0) ) continue;
    az[c] = kqlAggDistinctKey(v, &n);
    if( az[c]==0 ){
      for(int k=0; k<c; k++) sqlite3_free(az[k]);
      p->bOom = 1;
      return;
    }
  }
  p->aRn[p->nRow++] = sqlite3_value_int64(argv[2]);
}

static void basketFree(BasketAgg *p){
  if( p->azKey ){
    for(size_t i=0; i<(size_t)p->nRow*(size_t)p->nCol; i++) sqlite3_free(p->azKey[i]);
  }
  sqlite3_free(p->azKey);
  sqlite3_free(p->aRn);
}

/* qsort_r: row indices by the key of column iCol (rows without an item first) */
typedef struct KeyCtx KeyCtx;
struct KeyCtx { char **azKey; int nCol, iCol; };
static int cmpRowKey(const void *a, const void *b, void *pCtx){
  const KeyCtx *k = pCtx;
  const char *x = k->azKey[(size_t)*(const int*)a*(size_t)k->nCol + (size_t)k->iCol];
  const char *y = k->azKey[(size_t)*(const int*)b*(size_t)k->nCol + (size_t)k->iCol];
  if( x==0 || y==0 ) return (x!=0) - (y!=0);
  return strcmp(x, y);
}

static int cmpPat(const void *a, const void *b){
  const BPat *x = a, *y = b;
  if( x->nCount!=y->nCount ) return x->nCount > y->nCount ? -1 : 1;
  if( x->nItem!=y->nItem ) return x->nItem > y->nItem ? -1 : 1;
  for(int i=0; i<x->nItem; i++){
    if( x->aItem[i]!=y->aItem[i] ) return x->aItem[i] < y->aItem[i] ? -1 : 1;
  }
  return 0;
}

static void basketFinal(sqlite3_context *ctx){
  BasketAgg *p = sqlite3_aggregate_context(ctx, 0);
  BasketAgg empty;
  if( p==0 ){ memset(&empty, 0, sizeof(empty)); p = &empty; }
  int nRow = p->nRow, nCol = p->nCol, bOom = p->bOom;
  int *aRowItem = 0, *aIdx = 0, *aItemCol = 0, nItem = 0;
  BPat *aPat = 0;
  int nPat = 0, nPatAlloc = 0;
  sqlite3_str *pOut = 0;
  if( bOom ) goto done;
  pOut = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendchar(pOut, 1, '[');
  if( nRow==0 || nCol==0 ) goto finish;
  {
    int64_t nMin = (int64_t)(p->rThreshold * nRow);
    while( (double)nMin < p->rThreshold * nRow ) nMin++;
    if( nMin<1 ) nMin = 1;
    /* items: the frequent (column, value) pairs, ids ascending by column */
    aRowItem = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)nRow*(sqlite3_uint64)nCol);
    aIdx = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)nRow);
    aItemCol = sqlite3_malloc64(sizeof(int)*((sqlite3_uint64)nRow*(sqlite3_uint64)nCol + 1));
    if( aRowItem==0 || aIdx==0 || aItemCol==0 ){ bOom = 1; goto done; }
    for(int c=0; c<nCol; c++){
      for(int r=0; r<nRow; r++){ aIdx[r] = r; aRowItem[(size_t)r*nCol + c] = -1; }
      KeyCtx kc = {p->azKey, nCol, c};
      qsort_r(aIdx, (size_t)nRow, sizeof(int), cmpRowKey, &kc);
      for(int i=0; i<nRow; ){
        const char *z = p->azKey[(size_t)aIdx[i]*nCol + c];
        int j = i+1;
        while( j<nRow && z && p->azKey[(size_t)aIdx[j]*nCol + c]
               && strcmp(z, p->azKey[(size_t)aIdx[j]*nCol + c])==0 ) j++;
        if( z && j-i>=nMin ){
          for(int k=i; k<j; k++) aRowItem[(size_t)aIdx[k]*nCol + c] = nItem;
          aItemCol[nItem++] = c;
        }
        i = j;
      }
    }
    /* level 1 */
    int iLevel0 = 0;
    for(int it=0; it<nItem; it++){
      if( nPat>=nPatAlloc ){
        int nNew = nPatAlloc ? nPatAlloc*2 : 64;
        BPat *aNew = sqlite3_realloc64(aPat, sizeof(BPat)*(sqlite3_uint64)nNew);
        if( aNew==0 ){ bOom = 1; goto done; }
        aPat = aNew; nPatAlloc = nNew;
      }
      BPat *q = &aPat[nPat];
      memset(q, 0, sizeof(*q));
      q->aItem = sqlite3_malloc64(sizeof(int));
      if( q->aItem==0 ){ bOom = 1; goto done; }
      nPat++;
      q->aItem[0] = it;
      q->nItem = 1;
      q->iFirst = -1;
      for(int r=0; r<nRow; r++){
        if( aRowItem[(size_t)r*nCol + aItemCol[it]]==it ){ if( q->iFirst<0 ) q->iFirst = r; q->nCount++; }
      }
      q->bClosed = 1;
    }
    /* level k+1 from level k: join patterns sharing all but their last item */
    for(int k=1; k<p->nMaxDims; k++){
      int iStart = nPat, iEnd0 = nPat;
      for(int a=iLevel0; a<iEnd0; a++){
        for(int b=a+1; b<iEnd0; b++){
          BPat *x = &aPat[a], *y = &aPat[b];
          if( memcmp(x->aItem, y->aItem, sizeof(int)*(size_t)(k-1))!=0 ) continue;
          int i1 = x->aItem[k-1], i2 = y->aItem[k-1];
          if( aItemCol[i1]==aItemCol[i2] ) continue;
          int lo = i1<i2 ? i1 : i2, hi = i1<i2 ? i2 : i1;
          int64_t n = 0;
          int iFirst = -1;
          for(int r=0; r<nRow; r++){
            const int *ri = &aRowItem[(size_t)r*nCol];
            int bAll = 1;
            for(int m=0; m<k-1 && bAll; m++) bAll = ri[aItemCol[x->aItem[m]]]==x->aItem[m];
            if( bAll && ri[aItemCol[lo]]==lo && ri[aItemCol[hi]]==hi ){ n++; if( iFirst<0 ) iFirst = r; }
          }
          if( n<nMin ) continue;
          if( nPat>=nPatAlloc ){
            int nNew = nPatAlloc*2;
            BPat *aNew = sqlite3_realloc64(aPat, sizeof(BPat)*(sqlite3_uint64)nNew);
            if( aNew==0 ){ bOom = 1; goto done; }
            aPat = aNew; nPatAlloc = nNew;
            x = &aPat[a]; y = &aPat[b];
          }
          BPat *q = &aPat[nPat];
          memset(q, 0, sizeof(*q));
          q->aItem = sqlite3_malloc64(sizeof(int)*(size_t)(k+1));
          if( q->aItem==0 ){ bOom = 1; goto done; }
          nPat++;
          memcpy(q->aItem, x->aItem, sizeof(int)*(size_t)(k-1));
          q->aItem[k-1] = lo;
          q->aItem[k] = hi;
          q->nItem = k+1;
          q->nCount = n;
          q->iFirst = iFirst;
          q->bClosed = 1;
          /* the k-subsets with the same count are not closed */
          for(int s=iLevel0; s<iEnd0; s++){
            BPat *z = &aPat[s];
            if( z->nCount!=n ) continue;
            int iq = 0, bSub = 1;
            for(int m=0; m<k && bSub; m++){
              while( iq<k+1 && q->aItem[iq]<z->aItem[m] ) iq++;
              bSub = iq<k+1 && q->aItem[iq]==z->aItem[m];
            }
            if( bSub ) z->bClosed = 0;
          }
        }
      }
      iLevel0 = iStart;
      if( nPat==iStart ) break;
    }
    /* keep the closed patterns, in a stable order */
    int nKeep = 0;
    for(int i=0; i<nPat; i++){
      if( aPat[i].bClosed ){ BPat t = aPat[nKeep]; aPat[nKeep] = aPat[i]; aPat[i] = t; nKeep++; }
    }
    if( nKeep>1 ) qsort(aPat, (size_t)nKeep, sizeof(BPat), cmpPat);
    for(int i=0; i<nKeep; i++){
      int64_t mMask = 0;
      for(int m=0; m<aPat[i].nItem; m++) mMask |= (int64_t)1 << aItemCol[aPat[i].aItem[m]];
      sqlite3_str_appendf(pOut, "%s[%lld,%lld,%lld]", i ? "," : "", (long long)aPat[i].nCount,
                          (long long)mMask, (long long)p->aRn[aPat[i].iFirst]);
    }
  }
finish:
  sqlite3_str_appendchar(pOut, 1, ']');
done:
  for(int i=0; i<nPat; i++) sqlite3_free(aPat[i].aItem);
  sqlite3_free(aPat);
  sqlite3_free(aRowItem);
  sqlite3_free(aIdx);
  sqlite3_free(aItemCol);
  basketFree(p);
  if( bOom ){
    if( pOut ) sqlite3_free(sqlite3_str_finish(pOut));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  char *z = sqlite3_str_finish(pOut);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, z, -1, sqlite3_free);
}

int kqlFnRegisterPattern(sqlite3 *db){
  return sqlite3_create_function(db, "kql_basket", -1, SQLITE_UTF8|SQLITE_DETERMINISTIC, 0, 0,
                                 basketStep, basketFinal);
}
