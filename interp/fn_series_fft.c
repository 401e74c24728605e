/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** series_fft(x_real [, x_imag]) and series_ifft(fft_real [, fft_imag]): the
** discrete Fourier transform of a complex series and its inverse,
**   X[k] = sum_t x[t] e^(-2 pi i k t / n)      (fft)
**   x[t] = 1/n sum_k X[k] e^(+2 pi i k t / n)  (ifft)
** so that series_ifft(series_fft(x)) gives x back, as the docs say. Any
** length: radix-2 for powers of 2, the direct sums up to 256 points,
** Bluestein's chirp-z through a radix-2 convolution beyond. A null element counts as 0; an imaginary array of
** another length than the real one, or a non-array, gives null.
** The multi-column items (bind_series.c) read the bag
**   kql_series_fft(re [, im]) / kql_series_ifft(re [, im])  {"real": [...], "imag": [...]}
** kqlSeriesFft (fn_seriesInt.h) is the transform itself, shared.
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#define DIRECT_MAX 256   /* up to this length, a length other than 2^k is summed directly */

/* In-place iterative radix-2 FFT of (re, im)[0..n), n a power of 2; bInv: e^(+...), unscaled. */
static void fftPow2(double *re, double *im, int n, int bInv){
  for(int i=1, j=0; i<n; i++){
    int bit = n>>1;
    for(; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if( i<j ){
      double t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }
  for(int len=2; len<=n; len<<=1){
    double ang = 2*M_PI/len*(bInv ? 1 : -1);
    for(int k=0; k<len/2; k++){
      /* the twiddle from its own angle, not a running product: exact enough for long series */
      double cr = cos(ang*k), ci = sin(ang*k);
      for(int i=0; i<n; i+=len){
        int a = i+k, b = i+k+len/2;
        double xr = re[b]*cr - im[b]*ci, xi = re[b]*ci + im[b]*cr;
        re[b] = re[a] - xr; im[b] = im[a] - xi;
        re[a] += xr; im[a] += xi;
      }
    }
  }
}

/* The sums themselves, angles from (k*t) mod n (exact zeros where the
** transform has them); for short series of a length other than 2^k. */
static int dftDirect(double *re, double *im, int n, int bInv){
  double *a = sqlite3_malloc64(sizeof(double)*4*(sqlite3_uint64)n);
  if( a==0 ) return 1;
  double *cs = a, *sn = a+n, *oRe = a+2*n, *oIm = a+3*n;
  for(int j=0; j<n; j++){
    double ang = 2*M_PI*j/n*(bInv ? 1 : -1);
    cs[j] = cos(ang); sn[j] = sin(ang);
  }
  for(int k=0; k<n; k++){
    double sr = 0, si = 0;
    for(int t=0; t<n; t++){
      int j = (int)(((long long)k*t) % n);
      sr += re[t]*cs[j] - im[t]*sn[j];
      si += re[t]*sn[j] + im[t]*cs[j];
    }
    oRe[k] = sr; oIm[k] = si;
  }
  memcpy(re, oRe, sizeof(double)*(size_t)n);
  memcpy(im, oIm, sizeof(double)*(size_t)n);
  sqlite3_free(a);
  return 0;
}

int kqlSeriesFft(double *re, double *im, int n, int bInv){
  if( n<=1 ) return 0;
  if( (n & (n-1))==0 ){
    fftPow2(re, im, n, bInv);
    return 0;
  }
  if( n<=DIRECT_MAX ) return dftDirect(re, im, n, bInv);
  /* Bluestein: X[k] = w[k] * sum_t (x[t] w[t]) conj(w[k-t]), w[t] = e^(-+ i pi t^2 / n) */
  int m = 1;
  while( m < 2*n-1 ) m <<= 1;
  double *buf = sqlite3_malloc64(sizeof(double)*(6*(sqlite3_uint64)m + 2*(sqlite3_uint64)n));
  if( buf==0 ) return 1;
  double *aRe = buf, *aIm = buf+m, *bRe = buf+2*m, *bIm = buf+3*m;
  double *wRe = buf+4*m, *wIm = buf+4*m+n;
  memset(buf, 0, sizeof(double)*4*(size_t)m);
  double sgn = bInv ? 1 : -1;
  for(int t=0; t<n; t++){
    /* t^2 mod 2n keeps the angle small and exact */
    uint64_t q = ((uint64_t)t*(uint64_t)t) % (2*(uint64_t)n);
    double ang = sgn*M_PI*(double)q/n;
    wRe[t] = cos(ang); wIm[t] = sin(ang);
  }
  for(int t=0; t<n; t++){
    aRe[t] = re[t]*wRe[t] - im[t]*wIm[t];
    aIm[t] = re[t]*wIm[t] + im[t]*wRe[t];
  }
  bRe[0] = wRe[0]; bIm[0] = -wIm[0];
  for(int t=1; t<n; t++){
    bRe[t] = bRe[m-t] = wRe[t];
    bIm[t] = bIm[m-t] = -wIm[t];
  }
  fftPow2(aRe, aIm, m, 0);
  fftPow2(bRe, bIm, m, 0);
  for(int i=0; i<m; i++){
    double r = aRe[i]*bRe[i] - aIm[i]*bIm[i];
    double s = aRe[i]*bIm[i] + aIm[i]*bRe[i];
    aRe[i] = r; aIm[i] = s;
  }
  fftPow2(aRe, aIm, m, 1);
  for(int k=0; k<n; k++){
    double cr = aRe[k]/m, ci = aIm[k]/m;
    re[k] = cr*wRe[k] - ci*wIm[k];
    im[k] = cr*wIm[k] + ci*wRe[k];
  }
  sqlite3_free(buf);
  return 0;
}

static char *transform(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr, int bInv){
  KqlSeriesVec vr, vi;
  int bIm = argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL;
  if( !kqlSeriesRead(ctx, argv[0], &vr, 0) ) return 0;
  if( bIm ){
    if( !kqlSeriesRead(ctx, argv[1], &vi, 0) ){ kqlSeriesFree(&vr); return 0; }
    if( vi.n!=vr.n ){ kqlSeriesFree(&vr); kqlSeriesFree(&vi); return 0; }
  }
  int n = vr.n;
  double *re = sqlite3_malloc64(sizeof(double)*2*(sqlite3_uint64)(n+1));
  if( re==0 ){
    kqlSeriesFree(&vr);
    if( bIm ) kqlSeriesFree(&vi);
    sqlite3_result_error_nomem(ctx);
    *pbErr = 1;
    return 0;
  }
  double *im = re + n + 1;
  for(int i=0; i<n; i++){
    re[i] = vr.aNull[i] ? 0 : vr.a[i];
    im[i] = bIm && !vi.aNull[i] ? vi.a[i] : 0;
  }
  kqlSeriesFree(&vr);
  if( bIm ) kqlSeriesFree(&vi);
  if( kqlSeriesFft(re, im, n, bInv) ){
    sqlite3_free(re);
    sqlite3_result_error_nomem(ctx);
    *pbErr = 1;
    return 0;
  }
  if( bInv ){
    for(int i=0; i<n; i++){ re[i] /= n; im[i] /= n; }
  }
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "{\"real\":", 8);
  kqlSeriesAppendArray(p, re, 0, n);
  sqlite3_str_append(p, ",\"imag\":", 8);
  kqlSeriesAppendArray(p, im, 0, n);
  sqlite3_str_append(p, "}", 1);
  sqlite3_free(re);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

static char *fftFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  return transform(ctx, argc, argv, pbErr, 0);
}

static char *ifftFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  return transform(ctx, argc, argv, pbErr, 1);
}

int kqlFnRegisterSeriesFft(sqlite3 *db){
  int rc = kqlSeriesCreateCached(db, "kql_series_fft", -1, fftFunc);
  if( rc!=SQLITE_OK ) return rc;
  return kqlSeriesCreateCached(db, "kql_series_ifft", -1, ifftFunc);
}
