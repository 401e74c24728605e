/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** series_seasonal(series [, period]): the seasonal component of a series.
** Element i is the median of the non-null elements at the same position
** within the period (j = i mod period), the docs' definition. period -1 (the
** default) detects the period with the series_periods_detect() detector of
** fn_series_periods.c and the docs' threshold 0.7, looking at periods of 4
** points up to a third of the series (so that three cycles show it: the
** docs' 12-point series of period 6 is "too short to be detected"); no
** period found, or a period other than -1 and not positive, gives zeros.
**
**   kql_series_seasonal(x [, period])   a JSON array of reals
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <math.h>
#include <stdlib.h>

#define SEASONAL_THRESHOLD 0.7   /* the docs' detection threshold */

static int cmpReal(const void *a, const void *b){
  double x = *(const double*)a, y = *(const double*)b;
  return x<y ? -1 : x>y;
}

static char *seasonalFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  KqlSeriesVec v;
  if( argc>2 ){
    /* Kusto takes a third (integer) argument the docs do not describe */
    kqlFnError(ctx, "series_seasonal", "not supported: series_seasonal with a third argument");
    *pbErr = 1;
    return 0;
  }
  if( argc>1 && sqlite3_value_type(argv[1])==SQLITE_NULL ) return 0;
  sqlite3_int64 iPer = argc>1 ? sqlite3_value_int64(argv[1]) : -1;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  int n = v.n;
  int P = 0;
  if( iPer==-1 ){
    double score = 0;
    P = (int)kqlSeriesBestPeriod(v.a, v.aNull, n, 4, n/3, &score);
    if( score<SEASONAL_THRESHOLD ) P = 0;
  }else if( iPer>0 ){
    P = iPer>n ? n : (int)iPer;
  }
  double *aOut = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(2*n+1));
  if( aOut==0 ){ kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0; }
  double *tmp = aOut + n;
  for(int i=0; i<n; i++) aOut[i] = 0;
  for(int ph=0; ph<P; ph++){
    int k = 0;
    for(int j=ph; j<n; j+=P) if( !v.aNull[j] ) tmp[k++] = v.a[j];
    double med = 0;
    if( k ){
      if( k>1 ) qsort(tmp, (size_t)k, sizeof(double), cmpReal);
      med = k%2 ? tmp[k/2] : (tmp[k/2-1]+tmp[k/2])/2;
    }
    for(int j=ph; j<n; j+=P) aOut[j] = med;
  }
  kqlSeriesFree(&v);
  sqlite3_str *p = sqlite3_str_new(0);
  kqlSeriesAppendArray(p, aOut, 0, n);
  sqlite3_free(aOut);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

int kqlFnRegisterSeriesSeasonal(sqlite3 *db){
  return kqlSeriesCreateCached(db, "kql_series_seasonal", -1, seasonalFunc);
}
