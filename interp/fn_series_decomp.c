/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Series decomposition and outlier scoring, as the docs describe them:
**
**   kql_series_outliers(x [, kind, ignore_val, min_pct, max_pct])
**        Tukey's test: with Q_lo / Q_hi the min_pct / max_pct percentiles
**        (kind 'ctukey', the default: 10 / 90, settable in [2, 98];
**        'tukey': 25 / 75) and IQR = Q_hi - Q_lo, a value above Q_hi scores
**        (v - Q_hi) / IQR, below Q_lo (v - Q_lo) / IQR, else 0; null and
**        ignore_val elements score 0. A zero IQR counts as 1.
**   kql_series_decompose(x [, seasonality, trend, test_points, threshold])
**        {"baseline", "seasonal", "trend", "residual"}: the seasonal
**        component is the median of the learning points in the same phase
**        (period from series_periods_detect over 4..n/2 when seasonality
**        is -1 and its score reaches the threshold, default 0.6; none for
**        0); with trend 'linefit' both work on x minus a first fitted line.
**        The trend is then fitted to x - seasonal: 'avg' its mean,
**        'linefit' least squares, 'none' 0; baseline = seasonal + trend, residual =
**        x - baseline. The last test_points points are left out of the
**        learning (medians, trend, percentiles) but get every component.
**   kql_series_decompose_anomalies(x [, threshold, seasonality, trend,
**        test_points, ad_method, seas_threshold])
**        {"ad_flag", "ad_score", "baseline"}: ad_score = series_outliers
**        of the residual (ad_method 'ctukey' or 'tukey'); ad_flag is 1 /
**        -1 where the score is above threshold (1.5) / below -threshold.
**   kql_series_decompose_forecast(x, points [, seasonality, trend,
**        seas_threshold])  decompose with test_points = points and trend
**        'linefit' by default: the same bag as kql_series_decompose.
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int cmpDouble(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y ? 1 : 0;
}

double kqlSeriesPercentile(const double *a, int n, double pct){
  if( n<=0 ) return 0;
  double r = pct/100.0*(n-1);
  int i = (int)floor(r);
  if( i<0 ) return a[0];
  if( i>=n-1 ) return a[n-1];
  return a[i] + (r-i)*(a[i+1]-a[i]);
}

/* Scores of v[0..n) into aScore; the percentiles come from the first nLearn points. */
static int outlierScores(const double *v, const unsigned char *aNull, int n, int nLearn,
                         int bIgnore, double rIgnore, double lo, double hi, double *aScore){
  double *s = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(n+1));
  if( s==0 ) return 1;
  int m = 0;
  for(int i=0; i<nLearn && i<n; i++){
    if( aNull[i] || !isfinite(v[i]) || (bIgnore && v[i]==rIgnore) ) continue;
    s[m++] = v[i];
  }
  if( m>1 ) qsort(s, (size_t)m, sizeof(double), cmpDouble);
  double qlo = kqlSeriesPercentile(s, m, lo), qhi = kqlSeriesPercentile(s, m, hi);
  double iqr = qhi - qlo;
  if( !(iqr>0) ) iqr = 1;
  for(int i=0; i<n; i++){
    double x = v[i];
    aScore[i] = 0;
    if( m==0 || aNull[i] || isnan(x) || (bIgnore && x==rIgnore) ) continue;
    if( x>qhi ) aScore[i] = (x-qhi)/iqr;
    else if( x<qlo ) aScore[i] = (x-qlo)/iqr;
  }
  sqlite3_free(s);
  return 0;
}

/* The percentile range of an outlier kind; 0 when the kind is unknown. */
static int kindRange(const char *z, double *pLo, double *pHi){
  if( z==0 || strcmp(z, "ctukey")==0 ){ *pLo = 10; *pHi = 90; return 1; }
  if( strcmp(z, "tukey")==0 ){ *pLo = 25; *pHi = 75; return 1; }
  return 0;
}

static const char *textArg(int argc, sqlite3_value **argv, int i){
  if( i>=argc || sqlite3_value_type(argv[i])==SQLITE_NULL ) return 0;
  return (const char*)sqlite3_value_text(argv[i]);
}

static int isArg(int argc, sqlite3_value **argv, int i){
  return i<argc && sqlite3_value_type(argv[i])!=SQLITE_NULL;
}

/* kql_series_outliers(x [, kind, ignore_val, min_percentile, max_percentile]) */
static char *outliersFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  KqlSeriesVec v;
  double lo, hi;
  const char *zKind = textArg(argc, argv, 1);
  if( argc>5 ){
    /* Microsoft's binder takes a 6th argument the docs do not describe */
    kqlFnError(ctx, "series_outliers", "not supported: a 6th argument");
    *pbErr = 1;
    return 0;
  }
  if( !kindRange(zKind, &lo, &hi) ){
    kqlFnError(ctx, "series_outliers", "unknown kind '%s' (expected 'ctukey' or 'tukey')", zKind);
    *pbErr = 1;
    return 0;
  }
  int bCustom = zKind==0 || strcmp(zKind, "ctukey")==0;
  if( bCustom && isArg(argc, argv, 3) ) lo = kqlFnReal(argv[3]);
  if( bCustom && isArg(argc, argv, 4) ) hi = kqlFnReal(argv[4]);
  if( !(lo>=2 && lo<=98 && hi>=2 && hi<=98 && lo<hi) ){
    kqlFnError(ctx, "series_outliers", "the percentiles must be in [2, 98], min below max");
    *pbErr = 1;
    return 0;
  }
  int bIgnore = isArg(argc, argv, 2);
  double rIgnore = bIgnore ? kqlFnReal(argv[2]) : 0;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  double *a = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(v.n+1));
  if( a==0 || outlierScores(v.a, v.aNull, v.n, v.n, bIgnore, rIgnore, lo, hi, a) ){
    sqlite3_free(a); kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0;
  }
  sqlite3_str *p = sqlite3_str_new(0);
  kqlSeriesAppendArray(p, a, 0, v.n);
  sqlite3_free(a);
  kqlSeriesFree(&v);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

/************************** decomposition *************************************/

enum { T_AVG, T_LINEFIT, T_NONE };

typedef struct Decomp Decomp;
struct Decomp {
  int n, nLearn;
  double *aBase, *aSeas, *aTrend, *aResid;   /* one allocation */
};

static int trendKind(const char *z, int eDefault){
  if( z==0 ) return eDefault;
  if( strcmp(z, "avg")==0 ) return T_AVG;
  if( strcmp(z, "linefit")==0 ) return T_LINEFIT;
  if( strcmp(z, "none")==0 ) return T_NONE;
  return -1;
}

/* Least squares line a + b*i through the non-null y[i], iFrom <= i < iTo. */
static void fitLine(const double *y, const unsigned char *aNull, int iFrom, int iTo, double *pb, double *pa){
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int k = 0;
  for(int j=iFrom; j<iTo; j++){
    if( aNull[j] ) continue;
    sx += j; sy += y[j]; sxx += (double)j*j; sxy += j*y[j];
    k++;
  }
  double den = k*sxx - sx*sx;
  *pb = k>1 && den!=0 ? (k*sxy - sx*sy)/den : 0;
  *pa = k ? (sy - *pb*sx)/k : 0;
}

/* Decompose v; returns 1 on OOM. */
static int decompose(const KqlSeriesVec *v, int iSeason, int eTrend, int nTest, double rThresh, Decomp *d){
  int n = v->n;
  memset(d, 0, sizeof(*d));
  d->n = n;
  d->nLearn = nTest>0 ? (nTest<n ? n-nTest : 0) : n;
  int m = d->nLearn;
  d->aBase = sqlite3_malloc64(sizeof(double)*4*(sqlite3_uint64)(n+1));
  if( d->aBase==0 ) return 1;
  d->aSeas = d->aBase + (n+1);
  d->aTrend = d->aSeas + (n+1);
  d->aResid = d->aTrend + (n+1);
  /* with a linear trend, the seasonal part is looked for in x minus a first
  ** line fitted to the learning points (else the trend would leak into the
  ** phase medians): aResid holds that series meanwhile */
  double *r = d->aResid;
  double slope0 = 0, icpt0 = 0;
  if( eTrend==T_LINEFIT ) fitLine(v->a, v->aNull, 0, m, &slope0, &icpt0);
  for(int i=0; i<n; i++) r[i] = v->a[i] - (icpt0 + slope0*i);
  /* seasonality */
  int P = iSeason;
  if( P<0 ){
    double score;
    P = (int)kqlSeriesBestPeriod(r, v->aNull, m, 4, m/2, &score);
    if( score<rThresh ) P = 0;
  }
  for(int i=0; i<n; i++) d->aSeas[i] = 0;
  if( P>0 ){
    double *tmp = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(m/P+2));
    if( tmp==0 ){ sqlite3_free(d->aBase); d->aBase = 0; return 1; }
    for(int ph=0; ph<P && ph<n; ph++){
      int k = 0;
      for(int j=ph; j<m; j+=P) if( !v->aNull[j] ) tmp[k++] = r[j];
      double med = 0;
      if( k ){
        if( k>1 ) qsort(tmp, (size_t)k, sizeof(double), cmpDouble);
        med = k%2 ? tmp[k/2] : (tmp[k/2-1]+tmp[k/2])/2;
      }
      for(int j=ph; j<n; j+=P) d->aSeas[j] = med;
    }
    sqlite3_free(tmp);
  }
  /* trend of the deseasonalised learning points */
  for(int i=0; i<n; i++) r[i] = v->a[i] - d->aSeas[i];
  double slope = 0, icpt = 0;
  if( eTrend==T_AVG ){
    double sy = 0;
    int k = 0;
    for(int j=0; j<m; j++) if( !v->aNull[j] ){ sy += r[j]; k++; }
    icpt = k ? sy/k : 0;
  }else if( eTrend==T_LINEFIT ){
    fitLine(r, v->aNull, 0, m, &slope, &icpt);
  }
  for(int i=0; i<n; i++){
    d->aTrend[i] = eTrend==T_NONE ? 0 : icpt + slope*i;
    d->aBase[i] = d->aSeas[i] + d->aTrend[i];
    d->aResid[i] = v->a[i] - d->aBase[i];
  }
  return 0;
}

static void appendKey(sqlite3_str *p, const char *zKey, const double *a, const unsigned char *aNull, int n){
  sqlite3_str_appendf(p, "\"%s\":", zKey);
  kqlSeriesAppendArray(p, a, aNull, n);
}

static char *decompBag(sqlite3_context *ctx, const Decomp *d, const unsigned char *aNull, int *pbErr){
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "{", 1);
  appendKey(p, "baseline", d->aBase, 0, d->n);
  sqlite3_str_append(p, ",", 1);
  appendKey(p, "seasonal", d->aSeas, 0, d->n);
  sqlite3_str_append(p, ",", 1);
  appendKey(p, "trend", d->aTrend, 0, d->n);
  sqlite3_str_append(p, ",", 1);
  appendKey(p, "residual", d->aResid, aNull, d->n);
  sqlite3_str_append(p, "}", 1);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

/*
** The shared arguments: seasonality at argv[iSeason], trend at iSeason+1;
** Returns 0 after reporting an error.
*/
static int seasonTrendArgs(sqlite3_context *ctx, const char *zFn, int argc, sqlite3_value **argv,
                           int iSeason, int eDefTrend, int *piSeason, int *peTrend){
  *piSeason = isArg(argc, argv, iSeason) ? sqlite3_value_int(argv[iSeason]) : -1;
  if( *piSeason<-1 ){
    kqlFnError(ctx, zFn, "seasonality must be -1 (autodetect), 0 (none) or a positive period");
    return 0;
  }
  const char *zTrend = textArg(argc, argv, iSeason+1);
  *peTrend = trendKind(zTrend, eDefTrend);
  if( *peTrend<0 ){
    kqlFnError(ctx, zFn, "unknown trend '%s' (expected 'avg', 'linefit' or 'none')", zTrend);
    return 0;
  }
  return 1;
}

/* kql_series_decompose(x [, seasonality, trend, test_points, seasonality_threshold]) */
static char *decomposeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  int iSeason, eTrend;
  if( !seasonTrendArgs(ctx, "series_decompose", argc, argv, 1, T_AVG, &iSeason, &eTrend) ){ *pbErr = 1; return 0; }
  int nTest = isArg(argc, argv, 3) ? sqlite3_value_int(argv[3]) : 0;
  double rThresh = isArg(argc, argv, 4) ? kqlFnReal(argv[4]) : 0.6;
  KqlSeriesVec v;
  Decomp d;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  if( decompose(&v, iSeason, eTrend, nTest, rThresh, &d) ){
    kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0;
  }
  char *z = decompBag(ctx, &d, v.aNull, pbErr);
  sqlite3_free(d.aBase);
  kqlSeriesFree(&v);
  return z;
}

/* kql_series_decompose_forecast(x, points [, seasonality, trend, seasonality_threshold]) */
static char *forecastFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  int iSeason, eTrend;
  if( !seasonTrendArgs(ctx, "series_decompose_forecast", argc, argv, 2, T_LINEFIT, &iSeason, &eTrend) ){ *pbErr = 1; return 0; }
  if( !isArg(argc, argv, 1) ) return 0;
  int nTest = sqlite3_value_int(argv[1]);
  double rThresh = isArg(argc, argv, 4) ? kqlFnReal(argv[4]) : 0.6;
  KqlSeriesVec v;
  Decomp d;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  if( decompose(&v, iSeason, eTrend, nTest, rThresh, &d) ){
    kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0;
  }
  char *z = decompBag(ctx, &d, v.aNull, pbErr);
  sqlite3_free(d.aBase);
  kqlSeriesFree(&v);
  return z;
}

/* kql_series_decompose_anomalies(x [, threshold, seasonality, trend, test_points, ad_method, seas_threshold]) */
static char *anomaliesFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  int iSeason, eTrend;
  double lo, hi;
  double rK = isArg(argc, argv, 1) ? kqlFnReal(argv[1]) : 1.5;
  if( !seasonTrendArgs(ctx, "series_decompose_anomalies", argc, argv, 2, T_AVG, &iSeason, &eTrend) ){ *pbErr = 1; return 0; }
  int nTest = isArg(argc, argv, 4) ? sqlite3_value_int(argv[4]) : 0;
  const char *zMethod = textArg(argc, argv, 5);
  if( !kindRange(zMethod, &lo, &hi) ){
    kqlFnError(ctx, "series_decompose_anomalies", "unknown AD_method '%s' (expected 'ctukey' or 'tukey')", zMethod);
    *pbErr = 1;
    return 0;
  }
  double rThresh = isArg(argc, argv, 6) ? kqlFnReal(argv[6]) : 0.6;
  KqlSeriesVec v;
  Decomp d;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  if( decompose(&v, iSeason, eTrend, nTest, rThresh, &d) ){
    kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0;
  }
  double *aScore = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(v.n+1));
  if( aScore==0 || outlierScores(d.aResid, v.aNull, v.n, d.nLearn, 0, 0, lo, hi, aScore) ){
    sqlite3_free(aScore); sqlite3_free(d.aBase); kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0;
  }
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "{\"ad_flag\":[", 12);
  for(int i=0; i<v.n; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    sqlite3_str_appendall(p, aScore[i]>rK ? "1" : aScore[i]< -rK ? "-1" : "0");
  }
  sqlite3_str_append(p, "],", 2);
  appendKey(p, "ad_score", aScore, 0, v.n);
  sqlite3_str_append(p, ",", 1);
  appendKey(p, "baseline", d.aBase, 0, v.n);
  sqlite3_str_append(p, "}", 1);
  sqlite3_free(aScore);
  sqlite3_free(d.aBase);
  kqlSeriesFree(&v);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

int kqlFnRegisterSeriesDecomp(sqlite3 *db){
  static const struct { const char *zName; KqlSeriesCompute xCompute; } a[] = {
    {"kql_series_outliers", outliersFunc},
    {"kql_series_decompose", decomposeFunc},
    {"kql_series_decompose_forecast", forecastFunc},
    {"kql_series_decompose_anomalies", anomaliesFunc},
  };
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    int rc = kqlSeriesCreateCached(db, a[i].zName, -1, a[i].xCompute);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
