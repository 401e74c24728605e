/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL aggregates that build dynamic values or need every value of the
** group: make_list (+_if, _with_nulls), make_set (+_if), make_bag (+_if),
** percentile/percentiles_array and their weighted forms (exact
** nearest-rank), hll/hll_merge/dcount_hll (an exact set stands in for the
** HyperLogLog sketch: a JSON array of distinct value keys), and
** tdigest/tdigest_merge/percentile_tdigest (a JSON array of [value,weight]
** pairs). State lives in sqlite3_aggregate_context and is freed in xFinal.
*/
#include "fn_aggint.h"
#include "fn_dynint.h"
#include "fn_hashset.h"
#include "fnutil.h"
#include "types.h"
#include "value.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Kusto's default and largest maxSize of make_list/make_set/make_bag. */
#define KQL_MAX_LIST 1048576

/******************************** make_list, make_set ********************************/

typedef struct ListAgg ListAgg;
struct ListAgg {
  sqlite3_str *p;       /* "[v1,v2,..." built so far (no closing bracket) */
  int64_t n;            /* elements written */
  KqlHset set;          /* make_set: canonical texts already written */
  int bOom;             /* out of memory */
};

/* User data bits of the list family. */
#define LIST_SET    1   /* distinct values; dynamic arrays are flattened */
#define LIST_IF     2   /* a predicate argument follows the value */
#define LIST_NULLS  4   /* keep nulls (make_list_with_nulls) */

/* Append one canonical JSON element z[0..n) to the list (set: if new). */
static void listAdd(ListAgg *p, int bSet, const char *z, int n, int64_t nMax){
  if( p->n>=nMax ) return;
  if( bSet ){
    int rc = kqlHsetAdd(&p->set, z, n);
    if( rc<0 ){ p->bOom = 1; return; }
    if( rc==0 ) return;
  }
  sqlite3_str_appendchar(p->p, 1, p->n ? ',' : '[');
  sqlite3_str_append(p->p, z, n);
  p->n++;
  if( sqlite3_str_errcode(p->p) ) p->bOom = 1;
}

/*
** kql_make_list(tags, x [, maxSize]), kql_make_list_if(tags, x, pred
** [, maxSize]), kql_make_list_with_nulls(tags, x [, maxSize]),
** kql_make_set(tags, x [, maxSize]), kql_make_set_if(tags, x, pred
** [, maxSize]). Values become JSON by their type tag. Lists keep
** duplicates in input order; sets keep the first of equal values and take
** the elements of a dynamic array one by one. Nulls are skipped except by
** make_list_with_nulls. An empty group gives [].
*/
static void listStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  int bSet = iMode & LIST_SET;
  int iNext = (iMode & LIST_IF) ? 3 : 2;
  int eType;
  int64_t nMax = KQL_MAX_LIST;
  ListAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  sqlite3_str *pV;
  char *zV;
  int nV;
  if( p==0 || p->bOom || argc<2 ) return;
  if( (iMode & LIST_IF) && (argc<3 || !kqlAggPred(argv[2])) ) return;
  if( argc>iNext && sqlite3_value_type(argv[iNext])!=SQLITE_NULL ){
    nMax = sqlite3_value_int64(argv[iNext]);
    if( nMax>KQL_MAX_LIST || nMax<0 ) nMax = KQL_MAX_LIST;
  }
  if( p->p==0 ){
    p->p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    if( p->p==0 ){ p->bOom = 1; return; }
  }
  eType = kqlFnEffectiveType(kqlFnTagType(argv[0], 0), argv[1]);
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ){
    if( iMode & LIST_NULLS ) listAdd(p, 0, "null", 4, nMax);
    return;
  }
  if( bSet && eType==KQL_T_DYNAMIC ){
    KqlElems a;
    int rc = kqlDynLoadArray(argv[1], &a);
    if( rc<0 ){ p->bOom = 1; return; }
    if( rc>0 ){
      for(int i=0; i<a.n && !p->bOom; i++){
        sqlite3_str *pE;
        char *zE;
        int nE;
        if( a.an[i]==4 && memcmp(a.az[i], "null", 4)==0 ) continue;
        pE = sqlite3_str_new(0);
        kqlJsonAppendCanonical(pE, a.az[i], a.an[i]);
        nE = sqlite3_str_length(pE);
        zE = sqlite3_str_finish(pE);
        if( zE==0 ){ p->bOom = 1; break; }
        listAdd(p, 1, zE, nE, nMax);
        sqlite3_free(zE);
      }
      kqlDynElemsFree(&a);
      return;
    }
  }
  pV = sqlite3_str_new(0);
  kqlDynAppendValue(pV, eType, argv[1]);
  nV = sqlite3_str_length(pV);
  zV = sqlite3_str_finish(pV);
  if( zV==0 ){ p->bOom = 1; return; }
  if( (iMode & LIST_NULLS) || !(nV==4 && memcmp(zV, "null", 4)==0) ){
    listAdd(p, bSet, zV, nV, nMax);
  }
  sqlite3_free(zV);
}

static void listFinal(sqlite3_context *ctx){
  ListAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 || p->p==0 ){
    if( p && p->bOom ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC);
    if( p ) kqlHsetClear(&p->set);
    return;
  }
  if( p->n==0 ) sqlite3_str_appendchar(p->p, 1, '[');
  sqlite3_str_appendchar(p->p, 1, ']');
  if( p->bOom ){
    sqlite3_free(sqlite3_str_finish(p->p));
    sqlite3_result_error_nomem(ctx);
  }else{
    kqlFnResultStr(ctx, p->p);
  }
  p->p = 0;
  kqlHsetClear(&p->set);
}

/******************************** make_bag ********************************/

/*
** kql_make_bag(x [, maxSize]) and kql_make_bag_if(x, pred [, maxSize])
** (user data 1): the union of the property bags x; for a key seen more
** than once the first value is kept. Values that are not bags are
** ignored. An empty group gives {}.
*/
static void bagStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bIf = sqlite3_user_data(ctx)!=0;
  int iNext = bIf ? 2 : 1;
  int64_t nMax = KQL_MAX_LIST;
  ListAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  KqlJsonIter it;
  const char *zK, *zV;
  int nK, nV;
  if( p==0 || p->bOom ) return;
  if( bIf && (argc<2 || !kqlAggPred(argv[1])) ) return;
  if( argc>iNext && sqlite3_value_type(argv[iNext])!=SQLITE_NULL ){
    nMax = sqlite3_value_int64(argv[iNext]);
    if( nMax>KQL_MAX_LIST || nMax<0 ) nMax = KQL_MAX_LIST;
  }
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT ) return;
  if( kqlJsonKind((const char*)sqlite3_value_text(argv[0]), sqlite3_value_bytes(argv[0]))!=KQL_JSON_OBJECT ) return;
  if( p->p==0 ){
    p->p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    if( p->p==0 ){ p->bOom = 1; return; }
  }
  kqlJsonIterStart(&it, (const char*)sqlite3_value_text(argv[0]), sqlite3_value_bytes(argv[0]));
  while( p->n<nMax && kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
    sqlite3_str *pKey = sqlite3_str_new(0);
    char *zKey;
    int nKey, rc;
    kqlJsonAppendCanonical(pKey, zK, nK);
    nKey = sqlite3_str_length(pKey);
    zKey = sqlite3_str_finish(pKey);
    rc = zKey ? kqlHsetAdd(&p->set, zKey, nKey) : -1;
    if( rc<0 ){ p->bOom = 1; sqlite3_free(zKey); return; }
    if( rc==1 ){
      sqlite3_str_appendchar(p->p, 1, p->n ? ',' : '{');
      sqlite3_str_append(p->p, zKey, nKey);
      sqlite3_str_appendchar(p->p, 1, ':');
      kqlJsonAppendCanonical(p->p, zV, nV);
      p->n++;
    }
    sqlite3_free(zKey);
  }
}

static void bagFinal(sqlite3_context *ctx){
  ListAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 || p->p==0 ){
    if( p && p->bOom ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_text(ctx, "{}", 2, SQLITE_STATIC);
    if( p ) kqlHsetClear(&p->set);
    return;
  }
  if( p->n==0 ) sqlite3_str_appendchar(p->p, 1, '{');
  sqlite3_str_appendchar(p->p, 1, '}');
  if( p->bOom ){
    sqlite3_free(sqlite3_str_finish(p->p));
    sqlite3_result_error_nomem(ctx);
  }else{
    kqlFnResultStr(ctx, p->p);
  }
  p->p = 0;
  kqlHsetClear(&p->set);
}

/******************************** percentiles ********************************/

/* One observed number. */
typedef struct PctVal PctVal;
struct PctVal {
  double r;             /* value as real */
  int64_t i;            /* value as integer when bInt */
  int64_t w;            /* weight (1 unless weighted) */
  int bInt;             /* the value was an integer */
};

typedef struct PctAgg PctAgg;
struct PctAgg {
  PctVal *a;            /* values (sqlite3_malloc) */
  int64_t n, nAlloc;
  int nP;               /* number of percentile arguments */
  sqlite3_value **apP;  /* copies of the first row's percentile arguments */
  int eElemType;        /* array forms: KQL type of x, for the JSON result */
  int bOom;
};

static int cmpPct(const void *pA, const void *pB){
  const PctVal *a = pA, *b = pB;
  if( a->bInt && b->bInt ) return a->i<b->i ? -1 : a->i>b->i;
  return a->r<b->r ? -1 : a->r>b->r;
}

/* Append one value (weight w) to p. */
static void pctAdd(PctAgg *p, sqlite3_value *pVal, int64_t w){
  int eType = sqlite3_value_type(pVal);
  PctVal *v;
  if( eType==SQLITE_NULL || w<=0 ) return;
  if( eType==SQLITE_TEXT || eType==SQLITE_BLOB ){
    if( sqlite3_value_numeric_type(pVal)==SQLITE_TEXT ) return;
    eType = sqlite3_value_type(pVal);
  }
  if( p->n>=p->nAlloc ){
    int64_t nNew = p->nAlloc ? p->nAlloc*2 : 64;
    PctVal *aNew = sqlite3_realloc64(p->a, sizeof(PctVal)*(sqlite3_uint64)nNew);
    if( aNew==0 ){ p->bOom = 1; return; }
    p->a = aNew;
    p->nAlloc = nNew;
  }
  v = &p->a[p->n++];
  v->bInt = eType==SQLITE_INTEGER;
  v->i = sqlite3_value_int64(pVal);
  v->r = kqlFnReal(pVal);
  v->w = w;
  if( v->r!=v->r ) p->n--;               /* NaN has no rank */
}

/* Keep copies of the percentile arguments argv[0..n). */
static void pctKeepArgs(PctAgg *p, sqlite3_value **argv, int n){
  if( p->apP ) return;                   /* constant: the first row's are kept */
  p->apP = sqlite3_malloc64(sizeof(sqlite3_value*)*(sqlite3_uint64)(n+1));
  if( p->apP==0 ){ p->bOom = 1; return; }
  memset(p->apP, 0, sizeof(sqlite3_value*)*(size_t)(n+1));
  for(int i=0; i<n; i++){
    p->apP[i] = sqlite3_value_dup(argv[i]);
    if( p->apP[i]==0 ){ p->bOom = 1; }
  }
  p->nP = n;
}

static void pctFree(PctAgg *p){
  sqlite3_free(p->a);
  for(int i=0; i<p->nP; i++) sqlite3_value_free(p->apP[i]);
  sqlite3_free(p->apP);
  memset(p, 0, sizeof(*p));
}

/* User data of the percentile family. */
#define PCT_WEIGHTED 1  /* a weight argument follows the value */
#define PCT_ARRAY    2  /* result is a JSON array; first SQL arg is the type tags */

/*
** kql_percentile(x, p), kql_percentilew(x, w, p),
** kql_percentiles_array(tags, x, p1 [, p2...]) (p1 may be a dynamic array),
** kql_percentilesw_array(tags, x, w, p1 [, ...]).
*/
static void pctStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  int iX = (iMode & PCT_ARRAY) ? 1 : 0;
  int iP = iX + 1 + ((iMode & PCT_WEIGHTED) ? 1 : 0);
  PctAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  int64_t w = 1;
  if( p==0 || p->bOom || argc<=iP ) return;
  if( iMode & PCT_WEIGHTED ){
    if( sqlite3_value_type(argv[iX+1])==SQLITE_NULL ) return;
    w = sqlite3_value_int64(argv[iX+1]);
  }
  pctKeepArgs(p, argv+iP, argc-iP);
  pctAdd(p, argv[iX], w);
}

/* The value at nearest rank for percentile pct of the sorted values. */
static const PctVal *pctPick(const PctAgg *p, int64_t nTotal, double pct){
  double rank;
  int64_t k, cum = 0;
  if( pct<0.0 ) pct = 0.0;
  if( pct>100.0 ) pct = 100.0;
  rank = ceil(pct/100.0*(double)nTotal);
  k = rank<1.0 ? 1 : (int64_t)rank;
  for(int64_t i=0; i<p->n; i++){
    cum += p->a[i].w;
    if( cum>=k ) return &p->a[i];
  }
  return &p->a[p->n-1];
}

/* Append v to p as JSON, formatted by KQL type eType. */
static void appendPctJson(sqlite3_str *p, int eType, const PctVal *v){
  char zBuf[48];
  if( v->bInt && eType==KQL_T_DATETIME ){
    kqlFnFormatDatetime7(v->i, zBuf);
    kqlFnAppendJsonString(p, zBuf, -1);
  }else if( v->bInt && eType==KQL_T_TIMESPAN ){
    kqlValFormatTimespan(v->i, zBuf);
    kqlFnAppendJsonString(p, zBuf, -1);
  }else if( v->bInt && eType!=KQL_T_REAL && eType!=KQL_T_DECIMAL ){
    sqlite3_str_appendf(p, "%lld", (long long)v->i);
  }else{
    kqlDynAppendReal(p, v->r);
  }
}

static void pctFinal(sqlite3_context *ctx){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  PctAgg *p = sqlite3_aggregate_context(ctx, 0);
  int64_t nTotal = 0;
  if( p==0 ){
    if( iMode & PCT_ARRAY ) sqlite3_result_null(ctx);
    return;
  }
  if( p->bOom ){
    sqlite3_result_error_nomem(ctx);
    pctFree(p);
    return;
  }
  if( p->n>0 ){
    if( p->n>1 ) qsort(p->a, (size_t)p->n, sizeof(PctVal), cmpPct);
    for(int64_t i=0; i<p->n; i++) nTotal += p->a[i].w;
  }
  if( (iMode & PCT_ARRAY)==0 ){
    if( p->n>0 && p->nP>0 && sqlite3_value_type(p->apP[0])!=SQLITE_NULL ){
      const PctVal *v = pctPick(p, nTotal, kqlFnReal(p->apP[0]));
      if( v->bInt ) sqlite3_result_int64(ctx, v->i);
      else sqlite3_result_double(ctx, v->r);
    }
  }else if( p->n>0 ){
    sqlite3_str *pOut = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    KqlElems a;
    int eType = p->eElemType, bComma = 0, nPct = p->nP;
    memset(&a, 0, sizeof(a));
    sqlite3_str_appendchar(pOut, 1, '[');
    if( nPct==1 && sqlite3_value_type(p->apP[0])==SQLITE_TEXT && kqlDynLoadArray(p->apP[0], &a)==1 ){
      for(int i=0; i<a.n; i++){
        double r; int bInt; int64_t iv;
        if( !kqlJsonNumber(a.az[i], a.an[i], &r, &bInt, &iv) ) continue;
        if( bComma ) sqlite3_str_appendchar(pOut, 1, ',');
        appendPctJson(pOut, eType, pctPick(p, nTotal, r));
        bComma = 1;
      }
      kqlDynElemsFree(&a);
    }else{
      for(int i=0; i<nPct; i++){
        if( sqlite3_value_type(p->apP[i])==SQLITE_NULL ) continue;
        if( bComma ) sqlite3_str_appendchar(pOut, 1, ',');
        appendPctJson(pOut, eType, pctPick(p, nTotal, kqlFnReal(p->apP[i])));
        bComma = 1;
      }
    }
    sqlite3_str_appendchar(pOut, 1, ']');
    kqlFnResultStr(ctx, pOut);
  }
  pctFree(p);
}

/* Step of the array forms: argument 0 is the type tags, x follows. */
static void pctArrayStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  int iP = 2 + ((iMode & PCT_WEIGHTED) ? 1 : 0);
  PctAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  int64_t w = 1;
  if( p==0 || p->bOom || argc<=iP ) return;
  if( p->apP==0 ) p->eElemType = kqlFnEffectiveType(kqlFnTagType(argv[0], 0), argv[1]);
  pctKeepArgs(p, argv+iP, argc-iP);
  if( iMode & PCT_WEIGHTED ){
    if( sqlite3_value_type(argv[2])==SQLITE_NULL ) return;
    w = sqlite3_value_int64(argv[2]);
  }
  pctAdd(p, argv[1], w);
}

/******************************** hll ********************************/

typedef struct HllAgg HllAgg;
struct HllAgg {
  KqlHset set;          /* JSON string literals of distinct value keys */
  int bOom;
};

/* Add the key of pVal (as a JSON string literal) to the set. */
static void hllAddValue(HllAgg *p, sqlite3_value *pVal){
  int n, nLit, rc;
  char *z, *zLit;
  sqlite3_str *pLit;
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return;
  z = kqlAggDistinctKey(pVal, &n);
  if( z==0 ){ p->bOom = 1; return; }
  pLit = sqlite3_str_new(0);
  kqlFnAppendJsonString(pLit, z, n);
  nLit = sqlite3_str_length(pLit);
  zLit = sqlite3_str_finish(pLit);
  rc = zLit ? kqlHsetAdd(&p->set, zLit, nLit) : -1;
  if( rc<0 ) p->bOom = 1;
  sqlite3_free(z);
  sqlite3_free(zLit);
}

/* Add the elements of hll value pVal (a JSON array of key strings). */
static void hllAddSketch(HllAgg *p, sqlite3_value *pVal){
  KqlElems a;
  int rc = kqlDynLoadArray(pVal, &a);
  if( rc<0 ){ p->bOom = 1; return; }
  for(int i=0; i<a.n && !p->bOom; i++){
    if( a.az[i][0]!='"' ) continue;
    if( kqlHsetAdd(&p->set, a.az[i], a.an[i])<0 ) p->bOom = 1;
  }
  kqlDynElemsFree(&a);
}

/* Result: the set as a JSON array. */
static void hllResult(sqlite3_context *ctx, HllAgg *p){
  sqlite3_str *pOut;
  const char *z;
  int n, bComma = 0;
  if( p->bOom ){
    sqlite3_result_error_nomem(ctx);
    kqlHsetClear(&p->set);
    return;
  }
  pOut = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendchar(pOut, 1, '[');
  for(int i=0; i<p->set.nSlot; i++){
    if( !kqlHsetSlot(&p->set, i, &z, &n) ) continue;
    if( bComma ) sqlite3_str_appendchar(pOut, 1, ',');
    sqlite3_str_append(pOut, z, n);
    bComma = 1;
  }
  sqlite3_str_appendchar(pOut, 1, ']');
  kqlHsetClear(&p->set);
  kqlFnResultStr(ctx, pOut);
}

#define HLL_VALUE  0    /* kql_hll(x [, accuracy]) */
#define HLL_IF     1    /* kql_hll_if(x, pred [, accuracy]) */
#define HLL_MERGE  2    /* kql_hll_merge(h) */

static void hllStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  HllAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 || p->bOom ) return;
  if( iMode==HLL_IF && (argc<2 || !kqlAggPred(argv[1])) ) return;
  if( iMode==HLL_MERGE ) hllAddSketch(p, argv[0]);
  else hllAddValue(p, argv[0]);
}

/* No input row at all: null, like the other aggregates without a default
** (the summarize docs' empty-table example prints an empty hll_x). */
static void hllFinal(sqlite3_context *ctx){
  HllAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 ) return;
  hllResult(ctx, p);
}

/* Scalar kql_hll_merge(h1, h2, ...): the union of the sketches. */
static void fnHllMergeScalar(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  HllAgg h;
  memset(&h, 0, sizeof(h));
  for(int i=0; i<argc && !h.bOom; i++) hllAddSketch(&h, argv[i]);
  hllResult(ctx, &h);
}

/* Scalar kql_dcount_hll(h): number of distinct values in the sketch. */
static void fnDcountHll(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  HllAgg h;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  memset(&h, 0, sizeof(h));
  hllAddSketch(&h, argv[0]);
  if( h.bOom ) sqlite3_result_error_nomem(ctx);
  else sqlite3_result_int64(ctx, kqlHsetCount(&h.set));
  kqlHsetClear(&h.set);
}

/******************************** tdigest ********************************/

/*
** kql_tdigest(x [, w]) (user data 0) and kql_tdigest_merge(td) (user data
** 1): a JSON array of [value, weight] pairs holding every value.
*/
static void tdStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMerge = sqlite3_user_data(ctx)!=0;
  ListAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 || p->bOom ) return;
  if( p->p==0 ){
    p->p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    if( p->p==0 ){ p->bOom = 1; return; }
  }
  if( bMerge ){
    KqlElems a;
    int rc = kqlDynLoadArray(argv[0], &a);
    if( rc<0 ){ p->bOom = 1; return; }
    for(int i=0; i<a.n; i++){
      if( a.az[i][0]!='[' ) continue;
      sqlite3_str_appendchar(p->p, 1, p->n ? ',' : '[');
      kqlJsonAppendCanonical(p->p, a.az[i], a.an[i]);
      p->n++;
    }
    kqlDynElemsFree(&a);
  }else{
    int eType = sqlite3_value_numeric_type(argv[0]);
    int64_t w = 1;
    if( eType!=SQLITE_INTEGER && eType!=SQLITE_FLOAT ) return;
    if( argc>1 ){
      if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
      w = sqlite3_value_int64(argv[1]);
      if( w<=0 ) return;
    }
    sqlite3_str_appendchar(p->p, 1, p->n ? ',' : '[');
    sqlite3_str_appendchar(p->p, 1, '[');
    if( eType==SQLITE_INTEGER ) sqlite3_str_appendf(p->p, "%lld", (long long)sqlite3_value_int64(argv[0]));
    else{
      double r = kqlFnReal(argv[0]);
      if( r!=r ){ sqlite3_str_appendall(p->p, "null"); }
      else kqlDynAppendReal(p->p, r);
    }
    sqlite3_str_appendf(p->p, ",%lld]", (long long)w);
    p->n++;
  }
  if( sqlite3_str_errcode(p->p) ) p->bOom = 1;
}

static void tdFinal(sqlite3_context *ctx){
  ListAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 || p->p==0 ){
    if( p && p->bOom ) sqlite3_result_error_nomem(ctx);
    return;                               /* null for an empty group */
  }
  if( p->n==0 ){
    sqlite3_free(sqlite3_str_finish(p->p));
    p->p = 0;
    return;
  }
  sqlite3_str_appendchar(p->p, 1, ']');
  if( p->bOom ){
    sqlite3_free(sqlite3_str_finish(p->p));
    sqlite3_result_error_nomem(ctx);
  }else{
    kqlFnResultStr(ctx, p->p);
  }
  p->p = 0;
}

/* Load the [value, weight] pairs of a tdigest into a sorted PctAgg. */
static int tdLoad(sqlite3_value *pTd, PctAgg *p){
  KqlElems a;
  int rc = kqlDynLoadArray(pTd, &a);
  memset(p, 0, sizeof(*p));
  if( rc<=0 ) return rc;
  for(int i=0; i<a.n && !p->bOom; i++){
    KqlJsonIter it;
    const char *zV, *zW;
    int nV, nW;
    double r, rw;
    int bInt, bIntW;
    int64_t iv, iw;
    PctVal *v;
    if( kqlJsonIterStart(&it, a.az[i], a.an[i])!=KQL_JSON_ARRAY ) continue;
    if( kqlJsonIterNext(&it, 0, 0, &zV, &nV)!=1 || kqlJsonIterNext(&it, 0, 0, &zW, &nW)!=1 ) continue;
    if( !kqlJsonNumber(zV, nV, &r, &bInt, &iv) || zV[0]=='"' ) continue;
    if( !kqlJsonNumber(zW, nW, &rw, &bIntW, &iw) || !bIntW || iw<=0 ) continue;
    if( p->n>=p->nAlloc ){
      int64_t nNew = p->nAlloc ? p->nAlloc*2 : 64;
      PctVal *aNew = sqlite3_realloc64(p->a, sizeof(PctVal)*(sqlite3_uint64)nNew);
      if( aNew==0 ){ p->bOom = 1; break; }
      p->a = aNew;
      p->nAlloc = nNew;
    }
    v = &p->a[p->n++];
    v->bInt = bInt; v->i = iv; v->r = r; v->w = iw;
  }
  kqlDynElemsFree(&a);
  if( p->bOom ){ pctFree(p); return -1; }
  if( p->n>0 ) qsort(p->a, (size_t)p->n, sizeof(PctVal), cmpPct);
  return 1;
}

/*
** kql_percentile_tdigest(td, p [, type]) (user data 0): the value at
** nearest rank, as JSON text without the type argument (Kusto's result is
** then dynamic), as a number with it (the binder types it);
** kql_percentiles_array_tdigest(td, p1, ...) (user data 1): a JSON array.
*/
static void fnPercentileTdigest(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bArray = sqlite3_user_data(ctx)!=0;
  PctAgg pa;
  int64_t nTotal = 0;
  int rc;
  if( argc<2 ) return;
  rc = tdLoad(argv[0], &pa);
  if( rc<0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( rc==0 || pa.n==0 ){ pctFree(&pa); return; }
  for(int64_t i=0; i<pa.n; i++) nTotal += pa.a[i].w;
  if( !bArray ){
    const PctVal *v;
    if( sqlite3_value_type(argv[1])!=SQLITE_NULL ){
      v = pctPick(&pa, nTotal, kqlFnReal(argv[1]));
      if( argc==2 ){
        /* No result type given: Kusto's result is dynamic (JSON text). */
        sqlite3_str *pOut = sqlite3_str_new(sqlite3_context_db_handle(ctx));
        appendPctJson(pOut, KQL_T_UNKNOWN, v);
        kqlFnResultStr(ctx, pOut);
      }else if( v->bInt ){
        sqlite3_result_int64(ctx, v->i);
      }else{
        sqlite3_result_double(ctx, v->r);
      }
    }
  }else{
    sqlite3_str *pOut = sqlite3_str_new(sqlite3_context_db_handle(ctx));
    sqlite3_str_appendchar(pOut, 1, '[');
    for(int i=1; i<argc; i++){
      if( i>1 ) sqlite3_str_appendchar(pOut, 1, ',');
      appendPctJson(pOut, KQL_T_UNKNOWN, pctPick(&pa, nTotal, kqlFnReal(argv[i])));
    }
    sqlite3_str_appendchar(pOut, 1, ']');
    kqlFnResultStr(ctx, pOut);
  }
  pctFree(&pa);
}

/******************************** registration ********************************/

static const KqlAggFunc aAggDyn[] = {
  {"kql_make_list",             2, 0,                   listStep, listFinal},
  {"kql_make_list",             3, 0,                   listStep, listFinal},
  {"kql_make_list_if",          3, LIST_IF,             listStep, listFinal},
  {"kql_make_list_if",          4, LIST_IF,             listStep, listFinal},
  {"kql_make_list_with_nulls",  2, LIST_NULLS,          listStep, listFinal},
  {"kql_make_list_with_nulls",  3, LIST_NULLS,          listStep, listFinal},
  {"kql_make_set",              2, LIST_SET,            listStep, listFinal},
  {"kql_make_set",              3, LIST_SET,            listStep, listFinal},
  {"kql_make_set_if",           3, LIST_SET|LIST_IF,    listStep, listFinal},
  {"kql_make_set_if",           4, LIST_SET|LIST_IF,    listStep, listFinal},
  {"kql_make_bag",              1, 0,                   bagStep, bagFinal},
  {"kql_make_bag",              2, 0,                   bagStep, bagFinal},
  {"kql_make_bag_if",           2, 1,                   bagStep, bagFinal},
  {"kql_make_bag_if",           3, 1,                   bagStep, bagFinal},
  {"kql_percentile",            2, 0,                   pctStep, pctFinal},
  {"kql_percentilew",           3, PCT_WEIGHTED,        pctStep, pctFinal},
  {"kql_percentiles_array",    -1, PCT_ARRAY,           pctArrayStep, pctFinal},
  {"kql_percentilesw_array",   -1, PCT_ARRAY|PCT_WEIGHTED, pctArrayStep, pctFinal},
  {"kql_hll",                   1, HLL_VALUE,           hllStep, hllFinal},
  {"kql_hll",                   2, HLL_VALUE,           hllStep, hllFinal},
  {"kql_hll_if",                2, HLL_IF,              hllStep, hllFinal},
  {"kql_hll_if",                3, HLL_IF,              hllStep, hllFinal},
  {"kql_hll_merge",             1, HLL_MERGE,           hllStep, hllFinal},
  {"kql_tdigest",               1, 0,                   tdStep, tdFinal},
  {"kql_tdigest",               2, 0,                   tdStep, tdFinal},
  {"kql_tdigest_merge",         1, 1,                   tdStep, tdFinal},
};

/* kqlFnRegisterAggdyn(): register this group's SQL functions on db; an SQLite result code (fn_aggint.h). */
int kqlFnRegisterAggdyn(sqlite3 *db){
  int rc = kqlAggRegisterTable(db, aAggDyn, (int)(sizeof(aAggDyn)/sizeof(aAggDyn[0])));
  const int f = SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS;
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "kql_hll_merge", -1, f, 0, fnHllMergeScalar, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "kql_dcount_hll", 1, f, 0, fnDcountHll, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "kql_percentile_tdigest", 2, f, 0, fnPercentileTdigest, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "kql_percentile_tdigest", 3, f, 0, fnPercentileTdigest, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "kql_percentiles_array_tdigest", -1, f, (void*)1, fnPercentileTdigest, 0, 0);
  return rc;
}
