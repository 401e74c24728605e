/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL aggregate functions as SQLite aggregates (xStep/xFinal, state in
** sqlite3_aggregate_context): sum/avg with Kusto's empty-group values,
** the *if variants, dcount and count_distinct (exact), minif/maxif,
** arg_max/arg_min (one call per output column), take_any, stdev/variance
** (sample and population), covariance, and the binary_all_* reductions.
** Nulls are ignored. Every xFinal releases what its state owns; SQLite calls
** xFinal for every started aggregate, also when a statement is reset early.
** The aggregates that build dynamic values, percentiles, hll and tdigest
** are in fn_aggdyn.c and registered from here.
*/
#include "fn.h"
#include "fn_aggint.h"
#include "fn_hashset.h"
#include "fnutil.h"
#include <math.h>
#include <string.h>

/****************************** value helpers ******************************/

/* 1 when the predicate argument is true (NULL is false). */
int kqlAggPred(sqlite3_value *pVal){
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER: return sqlite3_value_int64(pVal)!=0;
    case SQLITE_FLOAT:   return kqlFnReal(pVal)!=0.0;
    case SQLITE_TEXT: {
      const char *z = (const char*)sqlite3_value_text(pVal);
      return z && (strcmp(z, "true")==0 || strcmp(z, "True")==0 || strcmp(z, "1")==0);
    }
    default:             return 0;
  }
}

/* Order class of a storage type: numbers, then text, then blobs. */
static int valueClass(int eType){
  return eType==SQLITE_INTEGER || eType==SQLITE_FLOAT ? 0 : eType==SQLITE_TEXT ? 1 : 2;
}

/* kqlAggCompare(): contract in fn_aggint.h. */
int kqlAggCompare(sqlite3_value *pA, sqlite3_value *pB){
  int tA = sqlite3_value_type(pA), tB = sqlite3_value_type(pB);
  int cA = valueClass(tA), cB = valueClass(tB);
  if( cA!=cB ) return cA - cB;
  if( cA==0 ){
    if( tA==SQLITE_INTEGER && tB==SQLITE_INTEGER ){
      int64_t a = sqlite3_value_int64(pA), b = sqlite3_value_int64(pB);
      return a<b ? -1 : a>b;
    }else{
      double a = kqlFnReal(pA), b = kqlFnReal(pB);
      return a<b ? -1 : a>b;
    }
  }else{
    int nA = sqlite3_value_bytes(pA), nB = sqlite3_value_bytes(pB);
    const void *a = cA==1 ? (const void*)sqlite3_value_text(pA) : sqlite3_value_blob(pA);
    const void *b = cA==1 ? (const void*)sqlite3_value_text(pB) : sqlite3_value_blob(pB);
    int m = nA<nB ? nA : nB, c = 0;
    if( m>0 && a && b ) c = memcmp(a, b, (size_t)m);
    return c ? c : nA - nB;
  }
}

/* kqlAggDistinctKey(): contract in fn_aggint.h. */
char *kqlAggDistinctKey(sqlite3_value *pVal, int *pn){
  sqlite3_str *p = sqlite3_str_new(0);
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER:
      sqlite3_str_appendf(p, "i%lld", (long long)sqlite3_value_int64(pVal));
      break;
    case SQLITE_FLOAT: {
      double r = kqlFnReal(pVal);
      if( r==0.0 ) r = 0.0;                 /* -0.0 and 0.0 are one value */
      if( r!=r ) sqlite3_str_appendall(p, "rNaN");
      else sqlite3_str_appendf(p, "r%.17g", r);
      break;
    }
    default: {
      int n = sqlite3_value_bytes(pVal);
      const char *z = (const char*)sqlite3_value_text(pVal);
      sqlite3_str_appendchar(p, 1, 't');
      if( z ) sqlite3_str_append(p, z, n);
      break;
    }
  }
  *pn = sqlite3_str_length(p);
  return sqlite3_str_finish(p);
}

/*************************** dcount, count_distinct ***************************/

typedef struct DistinctAgg DistinctAgg;
struct DistinctAgg {
  KqlHset set;          /* distinct keys seen */
  int bOom;             /* out of memory was hit */
};

/*
** kql_dcount(x [, accuracy]), kql_count_distinct(x): user data 0;
** kql_dcountif(x, pred [, accuracy]), kql_count_distinctif(x, pred): user
** data 1. Exact count of distinct non-null values; 0 for an empty group.
*/
static void distinctStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bIf = sqlite3_user_data(ctx)!=0;
  DistinctAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  char aKey[256], *zFree = 0;
  const char *z;
  int n;
  if( p==0 || p->bOom ) return;
  if( bIf && (argc<2 || !kqlAggPred(argv[1])) ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  /* The key: a type byte and the value's bytes (no allocation for numbers
  ** and short strings; the set copies it). */
  switch( sqlite3_value_type(argv[0]) ){
    case SQLITE_INTEGER: {
      int64_t v = sqlite3_value_int64(argv[0]);
      aKey[0] = 'i';
      memcpy(aKey+1, &v, 8);
      z = aKey; n = 9;
      break;
    }
    case SQLITE_FLOAT: {
      double r = sqlite3_value_double(argv[0]);
      if( r==0.0 ) r = 0.0;                 /* -0.0 and 0.0 are one value */
      aKey[0] = 'r';
      memcpy(aKey+1, &r, 8);
      z = aKey; n = 9;
      break;
    }
    default: {
      const char *zVal = (const char*)sqlite3_value_text(argv[0]);
      int nVal = sqlite3_value_bytes(argv[0]);
      char *zKey = aKey;
      if( nVal+1 > (int)sizeof(aKey) ){
        zKey = zFree = sqlite3_malloc(nVal+1);
        if( zKey==0 ){ p->bOom = 1; return; }
      }
      zKey[0] = 't';
      if( nVal>0 && zVal ) memcpy(zKey+1, zVal, (size_t)nVal);
      z = zKey; n = nVal + 1;
      break;
    }
  }
  if( kqlHsetAdd(&p->set, z, n)<0 ) p->bOom = 1;
  sqlite3_free(zFree);
}

static void distinctFinal(sqlite3_context *ctx){
  DistinctAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 ){
    sqlite3_result_int64(ctx, 0);
    return;
  }
  if( p->bOom ) sqlite3_result_error_nomem(ctx);
  else sqlite3_result_int64(ctx, kqlHsetCount(&p->set));
  kqlHsetClear(&p->set);
}

/******************************* sum and avg *******************************/

typedef struct SumAgg SumAgg;
struct SumAgg {
  uint64_t iSum;        /* integer sum, wrapping like Kusto's long */
  double rSum;          /* sum as real */
  int bReal;            /* a real value was seen */
  int64_t n;            /* values summed */
};

#define SUM_PLAIN  0    /* kql_sum(x) */
#define SUM_IF     1    /* kql_sumif(x, pred) */
#define AVG_PLAIN  2    /* kql_avg(x) */
#define AVG_IF     3    /* kql_avgif(x, pred) */

static void sumStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  SumAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  int eType = sqlite3_value_type(argv[0]);
  if( p==0 ) return;
  if( (iMode & 1) && (argc<2 || !kqlAggPred(argv[1])) ) return;
  if( eType==SQLITE_NULL ) return;
  if( eType==SQLITE_INTEGER ){
    int64_t v = sqlite3_value_int64(argv[0]);
    p->iSum += (uint64_t)v;
    p->rSum += (double)v;
  }else{
    double r = kqlFnReal(argv[0]);
    p->rSum += r;
    p->bReal = 1;
  }
  p->n++;
}

/*
** sum/sumif: 0 for an empty group (a long), long for integer inputs (with
** two's-complement wrap-around), real as soon as one input is real.
** avg/avgif: real; NaN for an empty group (what Kusto prints for
** avg() over no rows). A NaN input makes the result NaN.
*/
static void sumFinal(sqlite3_context *ctx){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  SumAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( iMode>=AVG_PLAIN ){
    if( p==0 || p->n==0 ) kqlFnResultReal(ctx, NAN);
    else if( p->bReal ) kqlFnResultReal(ctx, p->rSum / (double)p->n);
    else sqlite3_result_double(ctx, (double)(int64_t)p->iSum / (double)p->n);
    return;
  }
  if( p==0 ) sqlite3_result_int64(ctx, 0);
  else if( p->bReal ) kqlFnResultReal(ctx, p->rSum);
  else sqlite3_result_int64(ctx, (int64_t)p->iSum);
}

/******************************* minif, maxif *******************************/

typedef struct BestAgg BestAgg;
struct BestAgg {
  sqlite3_value *pKey;  /* best key so far (owned copy) */
  sqlite3_value *pVal;  /* value returned with it (owned copy; NULL for min/max) */
  int bOom;
};

/* Replace *pp with a copy of pNew. Returns 0, or -1 when out of memory. */
static int keepValue(sqlite3_value **pp, sqlite3_value *pNew){
  sqlite3_value *p = sqlite3_value_dup(pNew);
  if( p==0 ) return -1;
  sqlite3_value_free(*pp);
  *pp = p;
  return 0;
}

#define BEST_MIN   0
#define BEST_MAX   1

/*
** kql_minif(x, pred) (user data BEST_MIN) and kql_maxif(x, pred)
** (BEST_MAX): smallest / largest non-null x where pred is true; NULL for
** none.
*/
static void minmaxIfStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMax = (int)(intptr_t)sqlite3_user_data(ctx);
  BestAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  (void)argc;
  if( p==0 || p->bOom || !kqlAggPred(argv[1]) ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( p->pKey ){
    int c = kqlAggCompare(argv[0], p->pKey);
    if( bMax ? c<=0 : c>=0 ) return;
  }
  if( keepValue(&p->pKey, argv[0]) ) p->bOom = 1;
}

static void minmaxIfFinal(sqlite3_context *ctx){
  BestAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 ) return;
  if( p->bOom ) sqlite3_result_error_nomem(ctx);
  else if( p->pKey ) sqlite3_result_value(ctx, p->pKey);
  sqlite3_value_free(p->pKey);
  sqlite3_value_free(p->pVal);
}

/*
** kql_arg_max_v(t, v) (user data BEST_MAX) and kql_arg_min_v(t, v)
** (BEST_MIN): v of the row where t is largest / smallest. Rows with a
** NULL t lose to any other; on ties the first row seen wins. When every t
** is NULL, v of the first row (the docs' arg_max null-handling example).
** The binder emits one call per output column.
*/
static void argStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMax = (int)(intptr_t)sqlite3_user_data(ctx);
  BestAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  (void)argc;
  if( p==0 || p->bOom ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ){
    if( p->pKey==0 && p->pVal==0 && keepValue(&p->pVal, argv[1]) ) p->bOom = 1;
    return;
  }
  if( p->pKey ){
    int c = kqlAggCompare(argv[0], p->pKey);
    if( bMax ? c<=0 : c>=0 ) return;
  }
  if( keepValue(&p->pKey, argv[0]) || keepValue(&p->pVal, argv[1]) ) p->bOom = 1;
}

static void argFinal(sqlite3_context *ctx){
  BestAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p==0 ) return;
  if( p->bOom ) sqlite3_result_error_nomem(ctx);
  else if( p->pVal ) sqlite3_result_value(ctx, p->pVal);
  sqlite3_value_free(p->pKey);
  sqlite3_value_free(p->pVal);
}

/*
** kql_take_any(v) and kql_take_anyif(v, pred) (user data 1): the first
** non-null value, preferring a non-empty string over an empty one; NULL
** when every value is null.
*/
static void takeAnyStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bIf = sqlite3_user_data(ctx)!=0;
  BestAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  if( p==0 || p->bOom ) return;
  if( bIf && (argc<2 || !kqlAggPred(argv[1])) ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( p->pVal ){
    if( sqlite3_value_type(p->pVal)!=SQLITE_TEXT || sqlite3_value_bytes(p->pVal)>0 ) return;
    if( sqlite3_value_type(argv[0])==SQLITE_TEXT && sqlite3_value_bytes(argv[0])==0 ) return;
  }
  if( keepValue(&p->pVal, argv[0]) ) p->bOom = 1;
}

/************************** variance, stdev, covariance **************************/

typedef struct VarAgg VarAgg;
struct VarAgg {
  int64_t n;            /* values seen */
  double mean;          /* running mean (Welford) */
  double m2;            /* sum of squared deviations */
  double meanY;         /* covariance: running mean of y */
  double c;             /* covariance: co-moment */
};

/* User data of the variance family: bit 0 population, bit 1 sqrt (stdev),
** bit 2 predicate argument, bit 3 covariance (two value arguments). */
#define VAR_POP   1
#define VAR_SQRT  2
#define VAR_IF    4
#define VAR_COV   8

static void varStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  int iPred = (iMode & VAR_COV) ? 2 : 1;
  VarAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  double x, dx;
  if( p==0 ) return;
  if( (iMode & VAR_IF) && (argc<=iPred || !kqlAggPred(argv[iPred])) ) return;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( (iMode & VAR_COV) && sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  x = kqlFnReal(argv[0]);
  p->n++;
  dx = x - p->mean;
  p->mean += dx / (double)p->n;
  p->m2 += dx * (x - p->mean);
  if( iMode & VAR_COV ){
    double y = kqlFnReal(argv[1]);
    p->meanY += (y - p->meanY) / (double)p->n;
    p->c += dx * (y - p->meanY);
  }
}

/*
** Sample forms (variance, stdev, covariance and their *if): 0 for fewer
** than two values (Kusto's value for an empty group). Population forms
** (variancep, stdevp, covariancep): NaN for an empty group, 0 for one
** value.
*/
static void varFinal(sqlite3_context *ctx){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  VarAgg *p = sqlite3_aggregate_context(ctx, 0);
  int64_t n = p ? p->n : 0;
  double s = p ? ((iMode & VAR_COV) ? p->c : p->m2) : 0.0, r;
  if( iMode & VAR_POP ){
    r = n>0 ? s/(double)n : NAN;
  }else{
    r = n>1 ? s/(double)(n-1) : 0.0;
  }
  if( iMode & VAR_SQRT ) r = sqrt(r<0.0 ? 0.0 : r);
  kqlFnResultReal(ctx, r);
}

/****************************** binary_all_* ******************************/

typedef struct BinAgg BinAgg;
struct BinAgg {
  int64_t acc;          /* running result */
  int bAny;             /* a value was seen */
};

#define BIN_AND 0
#define BIN_OR  1
#define BIN_XOR 2

/* kql_binary_all_and/or/xor(x): bitwise reduction of the non-null longs;
** NULL for an empty group. */
static void binStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOp = (int)(intptr_t)sqlite3_user_data(ctx);
  BinAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  int64_t v;
  (void)argc;
  if( p==0 || sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  v = sqlite3_value_int64(argv[0]);
  if( !p->bAny ){ p->acc = v; p->bAny = 1; return; }
  if( eOp==BIN_AND ) p->acc &= v;
  else if( eOp==BIN_OR ) p->acc |= v;
  else p->acc ^= v;
}

static void binFinal(sqlite3_context *ctx){
  BinAgg *p = sqlite3_aggregate_context(ctx, 0);
  if( p && p->bAny ) sqlite3_result_int64(ctx, p->acc);
}

/****************************** registration ******************************/

/* kqlAggRegisterTable(): contract in fn_aggint.h. */
int kqlAggRegisterTable(sqlite3 *db, const KqlAggFunc *a, int n){
  for(int i=0; i<n; i++){
    int rc = sqlite3_create_function(db, a[i].zName, a[i].nArg, SQLITE_UTF8,
        (void*)a[i].iUser, 0, a[i].xStep, a[i].xFinal);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}

static const KqlAggFunc aAgg[] = {
  {"kql_dcount",             1, 0, distinctStep, distinctFinal},
  {"kql_dcount",             2, 0, distinctStep, distinctFinal},
  {"kql_dcountif",           2, 1, distinctStep, distinctFinal},
  {"kql_dcountif",           3, 1, distinctStep, distinctFinal},
  {"kql_count_distinct",     1, 0, distinctStep, distinctFinal},
  {"kql_count_distinctif",   2, 1, distinctStep, distinctFinal},
  {"kql_sum",                1, SUM_PLAIN, sumStep, sumFinal},
  {"kql_sumif",              2, SUM_IF,    sumStep, sumFinal},
  {"kql_avg",                1, AVG_PLAIN, sumStep, sumFinal},
  {"kql_avgif",              2, AVG_IF,    sumStep, sumFinal},
  {"kql_minif",              2, BEST_MIN,  minmaxIfStep, minmaxIfFinal},
  {"kql_maxif",              2, BEST_MAX,  minmaxIfStep, minmaxIfFinal},
  {"kql_arg_max_v",          2, BEST_MAX,  argStep, argFinal},
  {"kql_arg_min_v",          2, BEST_MIN,  argStep, argFinal},
  {"kql_take_any",           1, 0, takeAnyStep, argFinal},
  {"kql_take_anyif",         2, 1, takeAnyStep, argFinal},
  {"kql_variance",           1, 0,                       varStep, varFinal},
  {"kql_variancep",          1, VAR_POP,                 varStep, varFinal},
  {"kql_varianceif",         2, VAR_IF,                  varStep, varFinal},
  {"kql_stdev",              1, VAR_SQRT,                varStep, varFinal},
  {"kql_stdevp",             1, VAR_SQRT|VAR_POP,        varStep, varFinal},
  {"kql_stdevif",            2, VAR_SQRT|VAR_IF,         varStep, varFinal},
  {"kql_covariance",         2, VAR_COV,                 varStep, varFinal},
  {"kql_covariancep",        2, VAR_COV|VAR_POP,         varStep, varFinal},
  {"kql_covarianceif",       3, VAR_COV|VAR_IF,          varStep, varFinal},
  {"kql_covariancepif",      3, VAR_COV|VAR_POP|VAR_IF,  varStep, varFinal},
  {"kql_binary_all_and",     1, BIN_AND, binStep, binFinal},
  {"kql_binary_all_or",      1, BIN_OR,  binStep, binFinal},
  {"kql_binary_all_xor",     1, BIN_XOR, binStep, binFinal},
};

/* kqlFnRegisterAgg(): register this group's SQL functions on db; an SQLite result code (fn.h). */
int kqlFnRegisterAgg(sqlite3 *db){
  int rc = kqlAggRegisterTable(db, aAgg, (int)(sizeof(aAgg)/sizeof(aAgg[0])));
  if( rc==SQLITE_OK ) rc = kqlFnRegisterAggdyn(db);
  return rc;
}
