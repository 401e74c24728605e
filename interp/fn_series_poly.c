/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** series_fit_poly(y [, x [, degree]]): least-squares polynomial regression
** of y on x (x defaults to 1, 2, ..., n; degree to 1), solved by Householder
** QR of the Vandermonde matrix (stable enough for the degree-8 fits the docs
** show on x normalised to [0, 1]). Points whose y or x is null take no part;
** poly_fit is null where x is. The bag, as series_fit_line reports its fit:
**   rsquare       1 - SSE/SST (1 when y is constant)
**   coefficients  highest power first
**   variance      SST/(m-1), rvariance SSE/(m-1) over the m points used
**   poly_fit      the polynomial at every x
** Null when y is not an array, x is not one of y's length, the degree is
** negative or above 64, or the points do not determine the coefficients
** (fewer of them, or too few distinct x).
**   kql_series_fit_poly(y [, x [, degree]])   the bag (bind_series.c splits it)
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <math.h>
#include <string.h>

#define MAX_DEGREE 64

/* Least squares of A[m x p] c = b (A column-major, overwritten, as is b): 0 ok, 1 rank-deficient. */
static int qrSolve(double *A, double *b, int m, int p, double *c){
  for(int k=0; k<p; k++){
    double *ak = A + (size_t)k*m;
    double nrm = 0;
    for(int i=k; i<m; i++) nrm += ak[i]*ak[i];
    nrm = sqrt(nrm);
    if( nrm==0 ) return 1;
    double alpha = ak[k]>0 ? -nrm : nrm;
    /* v = ak[k..m) - alpha e1, stored in ak[k..m) */
    ak[k] -= alpha;
    double vv = 0;
    for(int i=k; i<m; i++) vv += ak[i]*ak[i];
    if( vv==0 ) return 1;
    for(int j=k+1; j<p; j++){
      double *aj = A + (size_t)j*m, s = 0;
      for(int i=k; i<m; i++) s += ak[i]*aj[i];
      s = 2*s/vv;
      for(int i=k; i<m; i++) aj[i] -= s*ak[i];
    }
    double s = 0;
    for(int i=k; i<m; i++) s += ak[i]*b[i];
    s = 2*s/vv;
    for(int i=k; i<m; i++) b[i] -= s*ak[i];
    ak[k] = alpha;   /* R's diagonal */
  }
  for(int k=p-1; k>=0; k--){
    double s = b[k];
    for(int j=k+1; j<p; j++) s -= A[(size_t)j*m + k]*c[j];
    double d = A[(size_t)k*m + k];
    if( d==0 || !isfinite(d) ) return 1;
    c[k] = s/d + 0.0;   /* no -0 */
  }
  return 0;
}

static double polyAt(const double *c, int p, double x){
  double r = 0;
  for(int j=0; j<p; j++) r = r*x + c[j];
  return r;
}

static char *fitPolyFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  KqlSeriesVec vy, vx;
  int bX = argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL;
  long long deg = 1;
  if( argc>2 && sqlite3_value_type(argv[2])!=SQLITE_NULL ){
    double r = kqlFnReal(argv[2]);
    if( !(r>=0 && r<=MAX_DEGREE) ) return 0;
    deg = (long long)r;
  }
  if( !kqlSeriesRead(ctx, argv[0], &vy, 0) ) return 0;
  if( bX ){
    if( !kqlSeriesRead(ctx, argv[1], &vx, 0) ){ kqlSeriesFree(&vy); return 0; }
    if( vx.n!=vy.n ){ kqlSeriesFree(&vy); kqlSeriesFree(&vx); return 0; }
  }
  int n = vy.n, p = (int)deg + 1, m = 0;
  double *xs = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(n+1));
  unsigned char *xNull = sqlite3_malloc64((sqlite3_uint64)n+1);
  double *A = sqlite3_malloc64(sizeof(double)*((sqlite3_uint64)(n+1)*(sqlite3_uint64)p + 2*(sqlite3_uint64)(n+1) + (sqlite3_uint64)p));
  char *zRes = 0;
  if( xs==0 || xNull==0 || A==0 ){
    sqlite3_result_error_nomem(ctx);
    *pbErr = 1;
    goto done;
  }
  for(int i=0; i<n; i++){
    xNull[i] = bX ? vx.aNull[i] : 0;
    xs[i] = bX ? vx.a[i] : i+1;
  }
  double *b = A + (size_t)(n+1)*p, *yUsed = b + n + 1, *c = yUsed + n + 1;
  for(int i=0; i<n; i++){
    if( xNull[i] || vy.aNull[i] || !isfinite(xs[i]) || !isfinite(vy.a[i]) ) continue;
    m++;
  }
  if( m<p ) goto done;
  {
    int r = 0;
    for(int i=0; i<n; i++){
      if( xNull[i] || vy.aNull[i] || !isfinite(xs[i]) || !isfinite(vy.a[i]) ) continue;
      double pw = 1;
      for(int j=p-1; j>=0; j--){ A[(size_t)j*m + r] = pw; pw *= xs[i]; }
      b[r] = yUsed[r] = vy.a[i];
      r++;
    }
  }
  if( qrSolve(A, b, m, p, c) ) goto done;
  double sy = 0, sst = 0, sse = 0;
  for(int r=0; r<m; r++) sy += yUsed[r];
  double avg = sy/m;
  for(int i=0; i<n; i++){
    if( xNull[i] || vy.aNull[i] || !isfinite(xs[i]) || !isfinite(vy.a[i]) ) continue;
    double d = vy.a[i] - polyAt(c, p, xs[i]);
    sse += d*d;
    sst += (vy.a[i]-avg)*(vy.a[i]-avg);
  }
  {
    sqlite3_str *s = sqlite3_str_new(0);
    sqlite3_str_append(s, "{\"rsquare\":", 11);
    kqlSeriesAppendReal(s, sst>0 ? 1 - sse/sst : 1);
    sqlite3_str_append(s, ",\"coefficients\":", 16);
    kqlSeriesAppendArray(s, c, 0, p);
    sqlite3_str_append(s, ",\"variance\":", 12);
    kqlSeriesAppendReal(s, m>1 ? sst/(m-1) : 0);
    sqlite3_str_append(s, ",\"rvariance\":", 13);
    kqlSeriesAppendReal(s, m>1 ? sse/(m-1) : 0);
    sqlite3_str_append(s, ",\"poly_fit\":[", 13);
    for(int i=0; i<n; i++){
      if( i ) sqlite3_str_append(s, ",", 1);
      if( xNull[i] ) sqlite3_str_append(s, "null", 4);
      else kqlSeriesAppendReal(s, polyAt(c, p, xs[i]));
    }
    sqlite3_str_append(s, "]}", 2);
    zRes = kqlSeriesStrDone(ctx, s, pbErr);
  }
done:
  sqlite3_free(xs);
  sqlite3_free(xNull);
  sqlite3_free(A);
  kqlSeriesFree(&vy);
  if( bX ) kqlSeriesFree(&vx);
  return zRes;
}

int kqlFnRegisterSeriesPoly(sqlite3 *db){
  return kqlSeriesCreateCached(db, "kql_series_fit_poly", -1, fitPolyFunc);
}
