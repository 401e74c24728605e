/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Series: the aggregate behind make-series and the series_* functions over
** dynamic numeric arrays.
**
**   kql_series_agg(bin, lo, hi, step, tag [, value, default])  aggregate:
**        one array per group, element i = the value whose bin is lo+i*step,
**        default elsewhere; lo (inclusive) / hi (exclusive) NULL = from the
**        data's first / past its last bin. Without value/default it builds
**        the axis array (lo, lo+step, ...). tag is 'a'+KQL_T_* of the value
**        (of the axis). A row with a NULL bin only fixes lo/hi (kind=nonempty).
**   kql_series_<op>(...)  element-wise math, comparisons, fills, filters,
**        fits and statistics; see aSeriesFn at the end. Non-numeric elements
**        count as null; element-wise results of two arrays are as long as
**        the longer one; a number in place of an array is repeated.
** The numeric-array reader and number writers are shared with the other
** series files through fn_seriesInt.h, and kqlFnRegisterSeries registers
** their functions too (decompositions, periods, two-line fits).
*/
#include "fn.h"
#include "fn_ops.h"
#include "fn_json.h"
#include "fn_seriesInt.h"
#include "fnutil.h"
#include "types.h"
#include "value.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SERIES_MAX_LEN  1048576   /* make-series' limit (2^20 elements) */

/* A JSON real the way the rest of kqlite writes one (fnutil.c). */
static void appendReal(sqlite3_str *p, double r){
  char zBuf[48];
  int n = kqlValFormatReal(r, zBuf);
  if( zBuf[0]=='N' || zBuf[n-1]=='y' ){
    kqlFnAppendJsonString(p, zBuf, n);
    return;
  }
  sqlite3_str_append(p, zBuf, n);
  if( strchr(zBuf, '.')==0 && strchr(zBuf, 'E')==0 ) sqlite3_str_append(p, ".0", 2);
}

/************************** make-series aggregate *****************************/

typedef struct SeriesPt SeriesPt;
struct SeriesPt {
  int64_t iBin;         /* bin (integer axis) */
  double rBin;          /* bin (real axis) */
  char *zJson;          /* value as JSON text (sqlite3_malloc) */
};

typedef struct SeriesAcc SeriesAcc;
struct SeriesAcc {
  int bInit;            /* lo/hi/step/default recorded */
  int bReal;            /* real arithmetic (some bin/lo/hi/step is REAL) */
  int bLo, bHi;         /* lo / hi given */
  int64_t iLo, iHi, iStep;
  double rLo, rHi, rStep;
  int eTag;             /* KQL type of the values (or of the axis) */
  char *zDefault;       /* default value as JSON text */
  int nPt, nAlloc;
  SeriesPt *aPt;
  int bOom;
};

static int isRealArg(sqlite3_value *v){ return sqlite3_value_type(v)==SQLITE_FLOAT; }

/* JSON text of v as KQL type eType (sqlite3_malloc'ed; NULL on OOM). */
static char *jsonOf(int eType, sqlite3_value *v){
  sqlite3_str *p = sqlite3_str_new(0);
  kqlFnAppendJsonValue(p, eType, v);
  return sqlite3_str_finish(p);
}

static void seriesStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SeriesAcc *a = (SeriesAcc*)sqlite3_aggregate_context(ctx, sizeof(SeriesAcc));
  if( a==0 || a->bOom ) return;
  if( !a->bInit ){
    a->bInit = 1;
    a->bLo = sqlite3_value_type(argv[1])!=SQLITE_NULL;
    a->bHi = sqlite3_value_type(argv[2])!=SQLITE_NULL;
    a->bReal = isRealArg(argv[1]) || isRealArg(argv[2]) || isRealArg(argv[3]);
    a->iLo = sqlite3_value_int64(argv[1]); a->rLo = kqlFnReal(argv[1]);
    a->iHi = sqlite3_value_int64(argv[2]); a->rHi = kqlFnReal(argv[2]);
    a->iStep = sqlite3_value_int64(argv[3]); a->rStep = kqlFnReal(argv[3]);
    a->eTag = kqlFnText(argv[4], 0)[0] - 'a';
    if( a->eTag<0 || a->eTag>=KQL_T_COUNT ) a->eTag = KQL_T_UNKNOWN;
    if( argc>6 ){
      a->zDefault = jsonOf(a->eTag, argv[6]);
      if( a->zDefault==0 ){ a->bOom = 1; return; }
    }
  }
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( isRealArg(argv[0]) && !a->bReal ){
    /* switch to real arithmetic: convert the points so far */
    a->bReal = 1;
    for(int i=0; i<a->nPt; i++) a->aPt[i].rBin = (double)a->aPt[i].iBin;
  }
  if( a->nPt>=a->nAlloc ){
    int nNew = a->nAlloc ? a->nAlloc*2 : 16;
    SeriesPt *aNew = sqlite3_realloc64(a->aPt, sizeof(SeriesPt)*(sqlite3_uint64)nNew);
    if( aNew==0 ){ a->bOom = 1; return; }
    a->aPt = aNew;
    a->nAlloc = nNew;
  }
  SeriesPt *pt = &a->aPt[a->nPt];
  pt->iBin = sqlite3_value_int64(argv[0]);
  pt->rBin = kqlFnReal(argv[0]);
  pt->zJson = 0;
  if( argc>5 ){
    pt->zJson = jsonOf(a->eTag, argv[5]);
    if( pt->zJson==0 ){ a->bOom = 1; return; }
  }
  a->nPt++;
}

static void seriesFree(SeriesAcc *a){
  for(int i=0; i<a->nPt; i++) sqlite3_free(a->aPt[i].zJson);
  sqlite3_free(a->aPt);
  sqlite3_free(a->zDefault);
}

/* The axis value lo + i*step as JSON of the axis type. */
static void appendAxis(sqlite3_str *p, const SeriesAcc *a, int64_t i){
  char zBuf[48];
  int n;
  if( a->bReal ){
    double r = a->rLo + (double)i*a->rStep;
    if( a->eTag==KQL_T_DATETIME || a->eTag==KQL_T_TIMESPAN ){
      int64_t t = (int64_t)llround(r);
      n = a->eTag==KQL_T_DATETIME ? kqlFnFormatDatetime7(t, zBuf) : kqlValFormatTimespan(t, zBuf);
      kqlFnAppendJsonString(p, zBuf, n);
    }else{
      appendReal(p, r);
    }
    return;
  }
  int64_t t = a->iLo + i*a->iStep;
  switch( a->eTag ){
    case KQL_T_DATETIME:
      n = kqlFnFormatDatetime7(t, zBuf);
      kqlFnAppendJsonString(p, zBuf, n);
      break;
    case KQL_T_TIMESPAN:
      n = kqlValFormatTimespan(t, zBuf);
      kqlFnAppendJsonString(p, zBuf, n);
      break;
    case KQL_T_REAL: case KQL_T_DECIMAL:
      appendReal(p, (double)t);
      break;
    default:
      sqlite3_str_appendf(p, "%lld", (long long)t);
      break;
  }
}

static void seriesFinal(sqlite3_context *ctx){
  SeriesAcc *a = (SeriesAcc*)sqlite3_aggregate_context(ctx, 0);
  if( a==0 ){ sqlite3_result_text(ctx, "[]", 2, SQLITE_STATIC); return; }
  if( a->bOom ){ seriesFree(a); sqlite3_result_error_nomem(ctx); return; }
  int bAxis = sqlite3_user_data(ctx)!=0;
  int64_t nLen = 0;
  /* the bounds */
  if( a->bReal ){
    if( !(a->rStep>0) ){ seriesFree(a); kqlFnError(ctx, "make-series", "step must be positive"); return; }
    double lo = a->rLo, hi = a->rHi;
    if( !a->bLo || !a->bHi ){
      double mn = INFINITY, mx = -INFINITY;
      for(int i=0; i<a->nPt; i++){
        if( a->aPt[i].rBin<mn ) mn = a->aPt[i].rBin;
        if( a->aPt[i].rBin>mx ) mx = a->aPt[i].rBin;
      }
      if( a->nPt==0 ){ mn = lo; mx = lo - a->rStep; }
      if( !a->bLo ) lo = mn;
      if( !a->bHi ) hi = mx + a->rStep;
    }
    a->rLo = lo;
    double rN = ceil((hi - lo)/a->rStep - 1e-9);
    if( !(rN>0) ) rN = 0;
    if( rN>SERIES_MAX_LEN ){ seriesFree(a); kqlFnError(ctx, "make-series", "the series would have more than %d elements", SERIES_MAX_LEN); return; }
    nLen = (int64_t)rN;
  }else{
    if( a->iStep<=0 ){ seriesFree(a); kqlFnError(ctx, "make-series", "step must be positive"); return; }
    int64_t lo = a->iLo, hi = a->iHi;
    if( !a->bLo || !a->bHi ){
      int64_t mn = INT64_MAX, mx = INT64_MIN;
      for(int i=0; i<a->nPt; i++){
        if( a->aPt[i].iBin<mn ) mn = a->aPt[i].iBin;
        if( a->aPt[i].iBin>mx ) mx = a->aPt[i].iBin;
      }
      if( a->nPt==0 ){ mn = lo; mx = lo - a->iStep; }
      if( !a->bLo ) lo = mn;
      if( !a->bHi ) hi = mx + a->iStep;
    }
    a->iLo = lo;
    if( hi>lo ){
      double rN = ((double)hi - (double)lo)/(double)a->iStep;
      if( rN>SERIES_MAX_LEN+1.0 ){ seriesFree(a); kqlFnError(ctx, "make-series", "the series would have more than %d elements", SERIES_MAX_LEN); return; }
      nLen = (hi - lo + a->iStep - 1)/a->iStep;
      if( nLen>SERIES_MAX_LEN ){ seriesFree(a); kqlFnError(ctx, "make-series", "the series would have more than %d elements", SERIES_MAX_LEN); return; }
    }
  }
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  if( bAxis ){
    for(int64_t i=0; i<nLen; i++){
      if( i ) sqlite3_str_append(p, ",", 1);
      appendAxis(p, a, i);
    }
  }else{
    const char **az = sqlite3_malloc64(sizeof(char*)*(sqlite3_uint64)(nLen+1));
    if( az==0 ){ sqlite3_free(sqlite3_str_finish(p)); seriesFree(a); sqlite3_result_error_nomem(ctx); return; }
    memset(az, 0, sizeof(char*)*(size_t)(nLen+1));
    for(int i=0; i<a->nPt; i++){
      int64_t k;
      if( a->bReal ) k = (int64_t)llround((a->aPt[i].rBin - a->rLo)/a->rStep);
      else k = (a->aPt[i].iBin - a->iLo)/a->iStep;
      if( k>=0 && k<nLen && az[k]==0 ) az[k] = a->aPt[i].zJson;
    }
    for(int64_t i=0; i<nLen; i++){
      if( i ) sqlite3_str_append(p, ",", 1);
      const char *z = az[i] ? az[i] : (a->zDefault ? a->zDefault : "null");
      sqlite3_str_appendall(p, z);
    }
    sqlite3_free((void*)az);
  }
  sqlite3_str_append(p, "]", 1);
  seriesFree(a);
  kqlFnResultStr(ctx, p);
}

/************************** numeric arrays ************************************/

/* A numeric array (fn_seriesInt.h). */
typedef KqlSeriesVec Vec;

static void vecFree(Vec *v){
  sqlite3_free(v->a);
  sqlite3_free(v->aNull);
  memset(v, 0, sizeof(*v));
}

typedef struct VecFill VecFill;
struct VecFill { Vec *v; int nAlloc; int bOom; };

static int vecPush(VecFill *f, double r, int bNull){
  Vec *v = f->v;
  if( v->n>=f->nAlloc ){
    int nNew = f->nAlloc ? f->nAlloc*2 : 16;
    double *a = sqlite3_realloc64(v->a, sizeof(double)*(sqlite3_uint64)nNew);
    if( a ) v->a = a;
    unsigned char *an = sqlite3_realloc64(v->aNull, (sqlite3_uint64)nNew);
    if( an ) v->aNull = an;
    if( a==0 || an==0 ){ f->bOom = 1; return 1; }
    f->nAlloc = nNew;
  }
  v->a[v->n] = r;
  v->aNull[v->n] = (unsigned char)bNull;
  v->n++;
  return 0;
}

static int vecItem(void *pArg, const char *z, int n, int bString){
  VecFill *f = (VecFill*)pArg;
  double r = 0;
  int bInt = 0;
  int64_t iv;
  if( bString || !kqlJsonNumber(z, n, &r, &bInt, &iv) ){
    /* "NaN"/"Infinity" strings are reals; anything else is null */
    if( bString && n==3 && memcmp(z, "NaN", 3)==0 ) return vecPush(f, NAN, 0);
    if( bString && n==8 && memcmp(z, "Infinity", 8)==0 ) return vecPush(f, INFINITY, 0);
    if( bString && n==9 && memcmp(z, "-Infinity", 9)==0 ) return vecPush(f, -INFINITY, 0);
    return vecPush(f, 0, 1);
  }
  if( !bInt ) f->v->bAllInt = 0;
  return vecPush(f, r, 0);
}

/*
** Read argv[i] as a numeric array. A number (or a JSON number) becomes a
** scalar when bScalarOk. Returns 0 when the value is not an array (or on
** OOM, reported); the caller then returns NULL.
*/
static int vecRead(sqlite3_context *ctx, sqlite3_value *pVal, Vec *v, int bScalarOk){
  memset(v, 0, sizeof(*v));
  v->bAllInt = 1;
  int t = sqlite3_value_type(pVal);
  if( t==SQLITE_NULL ) return 0;
  if( t==SQLITE_INTEGER || t==SQLITE_FLOAT ){
    if( !bScalarOk ) return 0;
    VecFill f = {v, 0, 0};
    if( vecPush(&f, kqlFnReal(pVal), 0) ){ sqlite3_result_error_nomem(ctx); vecFree(v); return 0; }
    v->bScalar = 1;
    v->bAllInt = t==SQLITE_INTEGER;
    return 1;
  }
  int n;
  const char *z = kqlFnText(pVal, &n);
  int eKind = kqlJsonKind(z, n);
  if( eKind==KQL_JSON_NUMBER && bScalarOk ){
    double r; int bInt; int64_t iv;
    kqlJsonNumber(z, n, &r, &bInt, &iv);
    VecFill f = {v, 0, 0};
    if( vecPush(&f, r, 0) ){ sqlite3_result_error_nomem(ctx); vecFree(v); return 0; }
    v->bScalar = 1;
    v->bAllInt = bInt;
    return 1;
  }
  if( eKind!=KQL_JSON_ARRAY ) return 0;
  VecFill f = {v, 0, 0};
  if( kqlFnJsonArrayEach(z, n, vecItem, &f)<0 || f.bOom ){
    if( f.bOom ) sqlite3_result_error_nomem(ctx);
    vecFree(v);
    return 0;
  }
  return 1;
}

static double vecAt(const Vec *v, int i, int *pbNull){
  if( v->bScalar ) i = 0;
  if( i>=v->n ){ *pbNull = 1; return 0; }
  *pbNull = v->aNull[i];
  return v->a[i];
}

static int vecLen(const Vec *v){ return v->bScalar ? 1 : v->n; }

/* Write a number: an integer when bInt and it is integral and in range. */
static void appendNum(sqlite3_str *p, double r, int bInt){
  if( bInt && r==floor(r) && fabs(r)<9.0e15 ) sqlite3_str_appendf(p, "%lld", (long long)r);
  else appendReal(p, r);
}

/************************** element-wise **************************************/

/* unary: argument the op code */
enum { U_ABS, U_ACOS, U_ASIN, U_ATAN, U_CEIL, U_COS, U_EXP, U_FLOOR, U_LOG, U_SIGN, U_SIN,
       U_TAN, U_SQRT, U_EXP2, U_EXP10, U_LOG10, U_LOG2, U_NEG };

static void unaryFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec v;
  int op = (int)(intptr_t)sqlite3_user_data(ctx);
  (void)argc;
  if( !vecRead(ctx, argv[0], &v, 0) ) return;
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int i=0; i<v.n; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    if( v.aNull[i] ){ sqlite3_str_append(p, "null", 4); continue; }
    double x = v.a[i], r = 0;
    int bInt = 0;
    switch( op ){
      case U_ABS:   r = fabs(x); bInt = v.bAllInt; break;
      case U_ACOS:  r = acos(x); break;
      case U_ASIN:  r = asin(x); break;
      case U_ATAN:  r = atan(x); break;
      case U_CEIL:  r = ceil(x); break;
      case U_COS:   r = cos(x); break;
      case U_EXP:   r = exp(x); break;
      case U_FLOOR: r = floor(x); break;
      case U_LOG:   r = log(x); break;
      case U_SIGN:  r = x>0 ? 1 : x<0 ? -1 : 0; bInt = 1; break;
      case U_SIN:   r = sin(x); break;
      case U_TAN:   r = tan(x); break;
      case U_SQRT:  r = sqrt(x); break;
      case U_EXP2:  r = exp2(x); break;
      case U_EXP10: r = pow(10.0, x); break;
      case U_LOG10: r = log10(x); break;
      case U_LOG2:  r = log2(x); break;
      case U_NEG:   r = -x; bInt = v.bAllInt; break;
    }
    appendNum(p, r, bInt);
  }
  sqlite3_str_append(p, "]", 1);
  vecFree(&v);
  kqlFnResultStr(ctx, p);
}

enum { B_ADD, B_SUB, B_MUL, B_DIV, B_POW, B_GT, B_GE, B_LT, B_LE, B_EQ, B_NE };

static void binaryFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec x, y;
  int op = (int)(intptr_t)sqlite3_user_data(ctx);
  (void)argc;
  if( !vecRead(ctx, argv[0], &x, 1) ) return;
  if( !vecRead(ctx, argv[1], &y, 1) ){ vecFree(&x); return; }
  int n = vecLen(&x) > vecLen(&y) ? vecLen(&x) : vecLen(&y);
  if( x.bScalar && y.bScalar ) n = 1;
  int bInt = x.bAllInt && y.bAllInt;
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int i=0; i<n; i++){
    int bNa, bNb;
    double a = vecAt(&x, i, &bNa), b = vecAt(&y, i, &bNb);
    if( i ) sqlite3_str_append(p, ",", 1);
    if( bNa || bNb ){ sqlite3_str_append(p, "null", 4); continue; }
    switch( op ){
      case B_ADD: appendNum(p, a+b, bInt); break;
      case B_SUB: appendNum(p, a-b, bInt); break;
      case B_MUL: appendNum(p, a*b, bInt); break;
      case B_DIV: appendReal(p, a/b); break;
      case B_POW: appendReal(p, pow(a, b)); break;
      case B_GT: sqlite3_str_appendall(p, a>b ? "true" : "false"); break;
      case B_GE: sqlite3_str_appendall(p, a>=b ? "true" : "false"); break;
      case B_LT: sqlite3_str_appendall(p, a<b ? "true" : "false"); break;
      case B_LE: sqlite3_str_appendall(p, a<=b ? "true" : "false"); break;
      case B_EQ: sqlite3_str_appendall(p, a==b ? "true" : "false"); break;
      case B_NE: sqlite3_str_appendall(p, a!=b ? "true" : "false"); break;
    }
  }
  sqlite3_str_append(p, "]", 1);
  vecFree(&x);
  vecFree(&y);
  kqlFnResultStr(ctx, p);
}

/************************** reductions ****************************************/

enum { R_SUM, R_PRODUCT, R_MAGNITUDE, R_DOT, R_COSINE, R_PEARSON };

static void reduceFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec x, y;
  int op = (int)(intptr_t)sqlite3_user_data(ctx);
  int bTwo = op>=R_DOT;
  (void)argc;
  /* series_dot_product() takes a number for either series (the docs'
  ** example: each element times the number) */
  int bScalarOk = op==R_DOT;
  if( !vecRead(ctx, argv[0], &x, bScalarOk) ) return;
  memset(&y, 0, sizeof(y));
  if( bTwo && !vecRead(ctx, argv[1], &y, bScalarOk) ){ vecFree(&x); return; }
  if( x.bScalar && (!bTwo || y.bScalar) ){ vecFree(&x); vecFree(&y); return; }
  double r = 0;
  if( !bTwo ){
    r = op==R_PRODUCT ? 1 : 0;
    for(int i=0; i<x.n; i++){
      if( x.aNull[i] ) continue;
      if( op==R_SUM ) r += x.a[i];
      else if( op==R_PRODUCT ) r *= x.a[i];
      else r += x.a[i]*x.a[i];
    }
    if( op==R_MAGNITUDE ) r = sqrt(r);
  }else{
    int n = x.bScalar ? y.n : y.bScalar ? x.n : x.n < y.n ? x.n : y.n;
    double sxy = 0, sxx = 0, syy = 0, sx = 0, sy = 0;
    int m = 0;
    for(int i=0; i<n; i++){
      int bNx, bNy;
      double a = vecAt(&x, i, &bNx), b = vecAt(&y, i, &bNy);
      if( bNx || bNy ) continue;
      sxy += a*b; sxx += a*a; syy += b*b;
      sx += a; sy += b;
      m++;
    }
    if( op==R_DOT ) r = sxy;
    else if( op==R_COSINE ) r = sxy / (sqrt(sxx)*sqrt(syy));
    else{
      double cov = sxy - sx*sy/m, vx = sxx - sx*sx/m, vy = syy - sy*sy/m;
      r = m>0 ? cov / sqrt(vx*vy) : NAN;
    }
  }
  vecFree(&x);
  vecFree(&y);
  sqlite3_result_double(ctx, r);
}

/* series_stats_dynamic(x [, ignore_nonfinite]): {min, min_idx, max, max_idx, avg, stdev, variance, sum, len} */
static void statsFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec x;
  int bIgnore = argc>1 ? sqlite3_value_int(argv[1]) : 0;
  if( !vecRead(ctx, argv[0], &x, 0) ) return;
  double mn = 0, mx = 0, s = 0, ss = 0;
  int iMin = -1, iMax = -1, m = 0;
  for(int i=0; i<x.n; i++){
    if( x.aNull[i] ) continue;
    double v = x.a[i];
    if( bIgnore && !isfinite(v) ) continue;
    if( iMin<0 || v<mn ){ mn = v; iMin = i; }
    if( iMax<0 || v>mx ){ mx = v; iMax = i; }
    s += v;
    m++;
  }
  double avg = m ? s/m : NAN;
  for(int i=0; i<x.n; i++){
    if( x.aNull[i] || (bIgnore && !isfinite(x.a[i])) ) continue;
    ss += (x.a[i]-avg)*(x.a[i]-avg);
  }
  double var = m>1 ? ss/(m-1) : 0;
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "{\"min\":", 7);
  if( m ) appendReal(p, mn); else sqlite3_str_append(p, "null", 4);
  sqlite3_str_appendf(p, ",\"min_idx\":%d,\"max\":", iMin);
  if( m ) appendReal(p, mx); else sqlite3_str_append(p, "null", 4);
  sqlite3_str_appendf(p, ",\"max_idx\":%d,\"avg\":", iMax);
  if( m ) appendReal(p, avg); else sqlite3_str_append(p, "null", 4);
  sqlite3_str_append(p, ",\"stdev\":", 9);
  appendReal(p, sqrt(var));
  sqlite3_str_append(p, ",\"variance\":", 12);
  appendReal(p, var);
  sqlite3_str_append(p, ",\"sum\":", 7);
  if( m ) appendReal(p, s); else sqlite3_str_append(p, "null", 4);
  sqlite3_str_appendf(p, ",\"len\":%d}", x.n);
  vecFree(&x);
  kqlFnResultStr(ctx, p);
}

/************************** fills *********************************************/

/* Is element i missing: null, or equal to the placeholder (argv[iMissing])? */
static int isMissing(const Vec *v, int i, int bPh, double rPh){
  if( v->aNull[i] ) return !bPh;
  return bPh && (v->a[i]==rPh || (isnan(rPh) && isnan(v->a[i])));
}

/* Placeholder argument: *pbPh set when it is a non-null number. */
static double placeholder(sqlite3_value *pVal, int *pbPh){
  *pbPh = 0;
  if( pVal==0 || sqlite3_value_type(pVal)==SQLITE_NULL ) return 0;
  if( sqlite3_value_type(pVal)==SQLITE_TEXT ){
    int n; double r; int bInt; int64_t iv;
    const char *z = kqlFnText(pVal, &n);
    if( !kqlJsonNumber(z, n, &r, &bInt, &iv) ) return 0;
    *pbPh = 1;
    return r;
  }
  *pbPh = 1;
  return kqlFnReal(pVal);
}

static void appendVec(sqlite3_str *p, const Vec *v, const unsigned char *aMiss, int bInt){
  sqlite3_str_append(p, "[", 1);
  for(int i=0; i<v->n; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    if( aMiss[i] ) sqlite3_str_append(p, "null", 4);
    else appendNum(p, v->a[i], bInt);
  }
  sqlite3_str_append(p, "]", 1);
}

enum { F_FORWARD, F_BACKWARD, F_CONST, F_LINEAR };

static void fillFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec v;
  int op = (int)(intptr_t)sqlite3_user_data(ctx);
  int bPh;
  double rPh, rConst = 0;
  int bConstInt = 1;
  if( !vecRead(ctx, argv[0], &v, 0) ) return;
  unsigned char *aMiss = sqlite3_malloc(v.n+1);
  if( aMiss==0 ){ vecFree(&v); sqlite3_result_error_nomem(ctx); return; }
  if( op==F_CONST ){
    rConst = argc>1 ? kqlFnReal(argv[1]) : 0;
    bConstInt = argc>1 && sqlite3_value_type(argv[1])==SQLITE_INTEGER;
    rPh = placeholder(argc>2 ? argv[2] : 0, &bPh);
  }else{
    rPh = placeholder(argc>1 ? argv[1] : 0, &bPh);
  }
  for(int i=0; i<v.n; i++) aMiss[i] = (unsigned char)isMissing(&v, i, bPh, rPh);
  int bInt = v.bAllInt;
  switch( op ){
    case F_FORWARD:
      for(int i=1; i<v.n; i++){
        if( aMiss[i] && !aMiss[i-1] ){ v.a[i] = v.a[i-1]; aMiss[i] = 0; }
      }
      break;
    case F_BACKWARD:
      for(int i=v.n-2; i>=0; i--){
        if( aMiss[i] && !aMiss[i+1] ){ v.a[i] = v.a[i+1]; aMiss[i] = 0; }
      }
      break;
    case F_CONST:
      for(int i=0; i<v.n; i++){
        if( aMiss[i] ){ v.a[i] = rConst; aMiss[i] = 0; }
      }
      bInt = bInt && bConstInt;
      break;
    case F_LINEAR: {
      int bEdges = argc>2 && sqlite3_value_type(argv[2])!=SQLITE_NULL ? sqlite3_value_int(argv[2]) : 1;
      double rC = argc>3 && sqlite3_value_type(argv[3])!=SQLITE_NULL ? kqlFnReal(argv[3]) : 0;
      int iPrev = -1, nKnown = 0;
      for(int i=0; i<v.n; i++) if( !aMiss[i] ) nKnown++;
      if( nKnown==0 ){
        for(int i=0; i<v.n; i++){ v.a[i] = rC; aMiss[i] = 0; }
        bInt = 0;
        break;
      }
      for(int i=0; i<v.n; i++){
        if( aMiss[i] ) continue;
        if( iPrev>=0 && i-iPrev>1 ){
          for(int k=iPrev+1; k<i; k++){
            double r = v.a[iPrev] + (v.a[i]-v.a[iPrev])*(double)(k-iPrev)/(double)(i-iPrev);
            v.a[k] = bInt ? trunc(r) : r;
            aMiss[k] = 0;
          }
        }
        iPrev = i;
      }
      if( bEdges ){
        int iFirst = 0, iLast = v.n-1;
        while( aMiss[iFirst] ) iFirst++;
        while( aMiss[iLast] ) iLast--;
        for(int k=0; k<iFirst; k++){ v.a[k] = v.a[iFirst]; aMiss[k] = 0; }
        for(int k=iLast+1; k<v.n; k++){ v.a[k] = v.a[iLast]; aMiss[k] = 0; }
      }
      break;
    }
  }
  sqlite3_str *p = sqlite3_str_new(0);
  appendVec(p, &v, aMiss, bInt);
  sqlite3_free(aMiss);
  vecFree(&v);
  kqlFnResultStr(ctx, p);
}

/************************** filters and fits **********************************/

/* series_iir(x, numerators, denominators) */
static void iirFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec x, b, a;
  (void)argc;
  if( !vecRead(ctx, argv[0], &x, 0) ) return;
  if( !vecRead(ctx, argv[1], &b, 0) ){ vecFree(&x); return; }
  if( !vecRead(ctx, argv[2], &a, 0) ){ vecFree(&x); vecFree(&b); return; }
  double *y = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(x.n+1));
  if( y==0 || a.n==0 || a.aNull[0] || a.a[0]==0 ){
    if( y==0 ) sqlite3_result_error_nomem(ctx);
    sqlite3_free(y); vecFree(&x); vecFree(&b); vecFree(&a);
    return;
  }
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int n=0; n<x.n; n++){
    double s = 0;
    for(int i=0; i<b.n && i<=n; i++) if( !b.aNull[i] && !x.aNull[n-i] ) s += b.a[i]*x.a[n-i];
    for(int j=1; j<a.n && j<=n; j++) if( !a.aNull[j] ) s -= a.a[j]*y[n-j];
    y[n] = s / a.a[0];
    if( n ) sqlite3_str_append(p, ",", 1);
    appendReal(p, y[n]);
  }
  sqlite3_str_append(p, "]", 1);
  sqlite3_free(y); vecFree(&x); vecFree(&b); vecFree(&a);
  kqlFnResultStr(ctx, p);
}

/* series_fir(x, filter [, normalize [, center]]) */
static void firFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec x, f;
  if( !vecRead(ctx, argv[0], &x, 0) ) return;
  if( !vecRead(ctx, argv[1], &f, 0) ){ vecFree(&x); return; }
  int bNorm = argc>2 && sqlite3_value_type(argv[2])!=SQLITE_NULL ? sqlite3_value_int(argv[2]) : 1;
  int bCenter = argc>3 ? sqlite3_value_int(argv[3]) : 0;
  double sum = 0;
  for(int i=0; i<f.n; i++) if( !f.aNull[i] ) sum += f.a[i];
  if( !bNorm || sum==0 ) sum = 1;
  int iShift = bCenter ? (f.n-1)/2 : 0;
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int n=0; n<x.n; n++){
    double s = 0;
    int bNull = 0;
    for(int i=0; i<f.n; i++){
      int k = n + iShift - i;
      if( k<0 || k>=x.n ) continue;
      if( x.aNull[k] ){ bNull = 1; continue; }
      if( !f.aNull[i] ) s += f.a[i]*x.a[k];
    }
    if( n ) sqlite3_str_append(p, ",", 1);
    if( bNull ) sqlite3_str_append(p, "null", 4);
    else appendReal(p, s/sum);
  }
  sqlite3_str_append(p, "]", 1);
  vecFree(&x); vecFree(&f);
  kqlFnResultStr(ctx, p);
}

/* series_fit_line_dynamic(y): least squares over x = 1, 2, ... */
static void fitLineFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Vec y;
  (void)argc;
  if( !vecRead(ctx, argv[0], &y, 0) ) return;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int m = 0;
  for(int i=0; i<y.n; i++){
    if( y.aNull[i] ) continue;
    double x = i+1;
    sx += x; sy += y.a[i]; sxx += x*x; sxy += x*y.a[i];
    m++;
  }
  double slope = 0, icpt = 0;
  if( m>1 ){
    slope = (m*sxy - sx*sy)/(m*sxx - sx*sx);
    icpt = (sy - slope*sx)/m;
  }else if( m==1 ){
    icpt = sy;
  }
  double avg = m ? sy/m : 0, sst = 0, sse = 0;
  for(int i=0; i<y.n; i++){
    if( y.aNull[i] ) continue;
    double f = icpt + slope*(i+1);
    sst += (y.a[i]-avg)*(y.a[i]-avg);
    sse += (y.a[i]-f)*(y.a[i]-f);
  }
  double var = m>1 ? sst/(m-1) : 0, rvar = m>1 ? sse/(m-1) : 0;
  double rsq = sst>0 ? 1 - sse/sst : 1;
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "{\"rsquare\":", 11); appendReal(p, rsq);
  sqlite3_str_append(p, ",\"slope\":", 9); appendReal(p, slope);
  sqlite3_str_append(p, ",\"variance\":", 12); appendReal(p, var);
  sqlite3_str_append(p, ",\"rvariance\":", 13); appendReal(p, rvar);
  sqlite3_str_append(p, ",\"interception\":", 16); appendReal(p, icpt);
  sqlite3_str_append(p, ",\"line_fit\":[", 13);
  for(int i=0; i<y.n; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    appendReal(p, icpt + slope*(i+1));
  }
  sqlite3_str_append(p, "]}", 2);
  vecFree(&y);
  kqlFnResultStr(ctx, p);
}

/************************** registration **************************************/

typedef struct SeriesFn SeriesFn;
struct SeriesFn {
  const char *zName;
  signed char nArg;
  int iUser;
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

static const SeriesFn aSeriesFn[] = {
  {"kql_series_abs", 1, U_ABS, unaryFunc},       {"kql_series_acos", 1, U_ACOS, unaryFunc},
  {"kql_series_asin", 1, U_ASIN, unaryFunc},     {"kql_series_atan", 1, U_ATAN, unaryFunc},
  {"kql_series_ceiling", 1, U_CEIL, unaryFunc},  {"kql_series_cos", 1, U_COS, unaryFunc},
  {"kql_series_exp", 1, U_EXP, unaryFunc},       {"kql_series_floor", 1, U_FLOOR, unaryFunc},
  {"kql_series_log", 1, U_LOG, unaryFunc},       {"kql_series_sign", 1, U_SIGN, unaryFunc},
  {"kql_series_sin", 1, U_SIN, unaryFunc},       {"kql_series_tan", 1, U_TAN, unaryFunc},
  {"kql_series_add", 2, B_ADD, binaryFunc},      {"kql_series_subtract", 2, B_SUB, binaryFunc},
  {"kql_series_multiply", 2, B_MUL, binaryFunc}, {"kql_series_divide", 2, B_DIV, binaryFunc},
  {"kql_series_pow", 2, B_POW, binaryFunc},      {"kql_series_greater", 2, B_GT, binaryFunc},
  {"kql_series_greater_equals", 2, B_GE, binaryFunc}, {"kql_series_less", 2, B_LT, binaryFunc},
  {"kql_series_less_equals", 2, B_LE, binaryFunc},    {"kql_series_equals", 2, B_EQ, binaryFunc},
  {"kql_series_not_equals", 2, B_NE, binaryFunc},
  {"kql_series_sum", 1, R_SUM, reduceFunc},      {"kql_series_product", 1, R_PRODUCT, reduceFunc},
  {"kql_series_magnitude", 1, R_MAGNITUDE, reduceFunc}, {"kql_series_dot_product", 2, R_DOT, reduceFunc},
  {"kql_series_cosine_similarity", 2, R_COSINE, reduceFunc},
  {"kql_series_pearson_correlation", 2, R_PEARSON, reduceFunc},
  {"kql_series_stats_dynamic", 1, 0, statsFunc}, {"kql_series_stats_dynamic", 2, 0, statsFunc},
  {"kql_series_fill_forward", 1, F_FORWARD, fillFunc}, {"kql_series_fill_forward", 2, F_FORWARD, fillFunc},
  {"kql_series_fill_backward", 1, F_BACKWARD, fillFunc}, {"kql_series_fill_backward", 2, F_BACKWARD, fillFunc},
  {"kql_series_fill_const", 2, F_CONST, fillFunc}, {"kql_series_fill_const", 3, F_CONST, fillFunc},
  {"kql_series_fill_linear", -1, F_LINEAR, fillFunc},
  {"kql_series_iir", 3, 0, iirFunc},
  {"kql_series_fir", -1, 0, firFunc},
  {"kql_series_fit_line_dynamic", 1, 0, fitLineFunc},
};

/************************** shared with the other series files ****************/

int kqlSeriesRead(sqlite3_context *ctx, sqlite3_value *pVal, KqlSeriesVec *v, int bScalarOk){
  return vecRead(ctx, pVal, v, bScalarOk);
}
void kqlSeriesFree(KqlSeriesVec *v){ vecFree(v); }
void kqlSeriesAppendReal(sqlite3_str *p, double r){ appendReal(p, r); }
void kqlSeriesAppendArray(sqlite3_str *p, const double *a, const unsigned char *aNull, int n){
  sqlite3_str_append(p, "[", 1);
  for(int i=0; i<n; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    if( aNull && aNull[i] ) sqlite3_str_append(p, "null", 4);
    else appendReal(p, a[i]);
  }
  sqlite3_str_append(p, "]", 1);
}

int kqlFnRegisterSeries(sqlite3 *db){
  int rc;
  if( (rc = kqlFnRegisterSeriesDecomp(db))!=SQLITE_OK ) return rc;
  if( (rc = kqlFnRegisterSeriesPeriods(db))!=SQLITE_OK ) return rc;
  if( (rc = kqlFnRegisterSeriesFit(db))!=SQLITE_OK ) return rc;
  if( (rc = kqlFnRegisterSeriesSeasonal(db))!=SQLITE_OK ) return rc;
  if( (rc = kqlFnRegisterSeriesFft(db))!=SQLITE_OK ) return rc;
  if( (rc = kqlFnRegisterSeriesPoly(db))!=SQLITE_OK ) return rc;
  for(unsigned i=0; i<sizeof(aSeriesFn)/sizeof(aSeriesFn[0]); i++){
    rc = sqlite3_create_function(db, aSeriesFn[i].zName, aSeriesFn[i].nArg,
                                 SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                                 (void*)(intptr_t)aSeriesFn[i].iUser, aSeriesFn[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  rc = sqlite3_create_function(db, "kql_series_agg", 7, SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                               0, 0, seriesStep, seriesFinal);
  if( rc!=SQLITE_OK ) return rc;
  return sqlite3_create_function(db, "kql_series_agg", 5, SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                                 (void*)1, 0, seriesStep, seriesFinal);
}
