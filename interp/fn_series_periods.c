/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** series_periods_detect(x, min_period, max_period, num_periods) and
** series_periods_validate(x, p1 [, p2 ...]), and the autocorrelation they
** share with series_decompose's seasonality autodetection.
**
** The docs fix the interface (periods in bins, scores in [0, 1], periods
** from 4 points to half the series, at most 16 periods to validate) but
** not the algorithm. Ours: the score of a period L is the autocorrelation
** of the series at lag L (normalised by the number of pairs), clamped to
** [0, 1], and reported as 0 below 0.25 (not significant). Detection keeps
** lags whose score is the largest within L-L/4..L+L/4 (a true peak, not
** the flank of a stronger one) and that follow a dip of the
** autocorrelation at least 0.1 below them (not just a slow signal's
** smoothness), best first, and drops integer multiples of
** a period found first or of a shorter peak scoring at most 0.1 less (the
** fundamental); the arrays are padded with 0 to num_periods.
**
**   kql_series_periods(x, min, max, num)     {"periods": [...], "scores": [...]}
**   kql_series_periods_validate(x, p1, ...)  the same bag
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SIGNIFICANT 0.25   /* a score below is reported as 0 */
#define MAX_VALIDATE 16    /* the docs' limit */
#define TROUGH_DEPTH 0.1   /* how far the autocorrelation must dip before a peak */
#define HARMONIC_MARGIN 0.1 /* a multiple scoring less than this above its divisor is a harmonic */

double kqlSeriesAcf(const double *x, const unsigned char *aNull, int n, int L){
  double s = 0, ss = 0;
  int m = 0;
  for(int i=0; i<n; i++){
    if( aNull && aNull[i] ) continue;
    s += x[i];
    m++;
  }
  if( m<2 || L<=0 || L>=n ) return 0;
  double mean = s/m;
  for(int i=0; i<n; i++){
    if( aNull && aNull[i] ) continue;
    ss += (x[i]-mean)*(x[i]-mean);
  }
  if( !(ss>0) ) return 0;
  double c = 0;
  int k = 0;
  for(int i=0; i+L<n; i++){
    if( aNull && (aNull[i] || aNull[i+L]) ) continue;
    c += (x[i]-mean)*(x[i+L]-mean);
    k++;
  }
  if( k==0 ) return 0;
  double r = (c/k)/(ss/m);
  return r>1 ? 1 : r<-1 ? -1 : r;
}

/* Circular autocorrelation sums of v[0..n) zero-padded to N (>= 2n): out[L] = sum v[t]*v[t+L]. */
static void autoSums(double *re, double *im, int N){
  kqlSeriesFft(re, im, N, 0);   /* N a power of 2: no allocation */
  for(int i=0; i<N; i++){
    re[i] = re[i]*re[i] + im[i]*im[i];
    im[i] = 0;
  }
  kqlSeriesFft(re, im, N, 1);
  for(int i=0; i<N; i++) re[i] /= N;
}

/*
** r[1..Lmax] = kqlSeriesAcf(x, aNull, n, L) for every L, in O(n log n)
** through the FFT when the direct sums would cost more. Returns 1 on OOM.
*/
static int acfAll(const double *x, const unsigned char *aNull, int n, int Lmax, double *r){
  if( (double)n*Lmax < 2.0e7 ){
    for(int L=1; L<=Lmax; L++) r[L] = kqlSeriesAcf(x, aNull, n, L);
    return 0;
  }
  double s = 0, ss = 0;
  int m = 0;
  for(int i=0; i<n; i++) if( !aNull || !aNull[i] ){ s += x[i]; m++; }
  double mean = m ? s/m : 0;
  for(int i=0; i<n; i++) if( !aNull || !aNull[i] ) ss += (x[i]-mean)*(x[i]-mean);
  int N = 1;
  while( N<2*n ) N <<= 1;
  double *a = sqlite3_malloc64(sizeof(double)*4*(sqlite3_uint64)N);
  if( a==0 ) return 1;
  double *dRe = a, *dIm = a+N, *mRe = a+2*N, *mIm = a+3*N;
  memset(a, 0, sizeof(double)*4*(size_t)N);
  for(int i=0; i<n; i++){
    if( aNull && aNull[i] ) continue;
    dRe[i] = x[i]-mean;
    mRe[i] = 1;
  }
  autoSums(dRe, dIm, N);
  autoSums(mRe, mIm, N);
  for(int L=1; L<=Lmax; L++){
    double k = floor(mRe[L]+0.5);
    double v = 0;
    if( m>=2 && ss>0 && L<n && k>=1 ) v = (dRe[L]/k)/(ss/m);
    r[L] = v>1 ? 1 : v<-1 ? -1 : v;
  }
  sqlite3_free(a);
  return 0;
}

static double scoreOf(double r){
  if( !(r>=SIGNIFICANT) ) return 0;
  return r>1 ? 1 : r;
}

typedef struct Period Period;
struct Period { int L; double score; };

static int periodCmp(const void *a, const void *b){
  const Period *x = a, *y = b;
  if( x->score!=y->score ) return x->score<y->score ? 1 : -1;
  return x->L - y->L;
}

/* Detect up to nWant periods of x in [lo, hi]; returns how many (in aOut, best first). */
static int detect(const double *x, const unsigned char *aNull, int n, double lo, double hi,
                  int nWant, Period *aOut){
  int Lmin = (int)ceil(lo), Lmax = (int)floor(hi);
  if( Lmin<4 ) Lmin = 4;
  if( Lmax>n/2 ) Lmax = n/2;
  if( Lmax<Lmin || nWant<=0 ) return 0;
  /* autocorrelation over the neighbourhoods too */
  int Ltop = Lmax + Lmax/4 + 1;
  if( Ltop>n-1 ) Ltop = n-1;
  double *r = sqlite3_malloc64(sizeof(double)*(sqlite3_uint64)(Ltop+2));
  Period *aCand = sqlite3_malloc64(sizeof(Period)*(sqlite3_uint64)(Lmax-Lmin+2));
  if( r==0 || aCand==0 ){ sqlite3_free(r); sqlite3_free(aCand); return -1; }
  if( acfAll(x, aNull, n, Ltop, r) ){ sqlite3_free(r); sqlite3_free(aCand); return -1; }
  /* the peaks: r[L] is the largest within L-L/4..L+L/4; both ends of that
  ** window only move right, so a monotonic deque of indices (values
  ** decreasing from its front) gives each window's maximum in O(1) */
  int *aDq = sqlite3_malloc64(sizeof(int)*(sqlite3_uint64)(Ltop+2));
  if( aDq==0 ){ sqlite3_free(r); sqlite3_free(aCand); return -1; }
  int iHead = 0, iTail = 0, iNext = 1, nCand = 0;
  double rMin = 1;   /* min of r[1..L-1]: a period's peak follows a trough */
  for(int L=1; L<Lmin; L++) if( r[L]<rMin ) rMin = r[L];
  for(int L=Lmin; L<=Lmax; L++){
    int w = L/4 > 1 ? L/4 : 1;
    int iLo = L-w < 1 ? 1 : L-w, iHi = L+w > Ltop ? Ltop : L+w;
    for(; iNext<=iHi; iNext++){
      while( iTail>iHead && r[aDq[iTail-1]]<=r[iNext] ) iTail--;
      aDq[iTail++] = iNext;
    }
    while( iTail>iHead && aDq[iHead]<iLo ) iHead++;
    double sc = scoreOf(r[L]);
    int bTrough = rMin <= r[L] - TROUGH_DEPTH;
    if( r[L]<rMin ) rMin = r[L];
    if( sc<=0 || !bTrough || iTail==iHead || r[aDq[iHead]]>r[L] ) continue;
    aCand[nCand].L = L;
    aCand[nCand].score = sc;
    nCand++;
  }
  sqlite3_free(aDq);
  if( nCand>1 ) qsort(aCand, (size_t)nCand, sizeof(Period), periodCmp);
  int nOut = 0;
  for(int i=0; i<nCand && nOut<nWant; i++){
    /* a multiple of a period found first, or of a shorter one scoring
    ** nearly as well (the fundamental), is a harmonic */
    int bMultiple = 0;
    for(int j=0; j<nCand && !bMultiple; j++){
      if( j==i || (j>i && aCand[j].score < aCand[i].score - HARMONIC_MARGIN) ) continue;
      double q = (double)aCand[i].L / aCand[j].L;
      if( q>=1.5 && fabs(q - floor(q+0.5)) <= 0.1*floor(q+0.5) ) bMultiple = 1;
    }
    if( !bMultiple ) aOut[nOut++] = aCand[i];
  }
  sqlite3_free(r);
  sqlite3_free(aCand);
  return nOut;
}

double kqlSeriesBestPeriod(const double *x, const unsigned char *aNull, int n, double lo, double hi,
                           double *pScore){
  Period best;
  *pScore = 0;
  if( detect(x, aNull, n, lo, hi, 1, &best)<=0 ) return 0;
  *pScore = best.score;
  return best.L;
}

/* {"periods": [...], "scores": [...]} padded with zeros to nLen. */
static char *resultBag(sqlite3_context *ctx, const double *aPer, const Period *a, int nA, int nLen, int *pbErr){
  sqlite3_str *p = sqlite3_str_new(0);
  for(int k=0; k<2; k++){
    sqlite3_str_appendall(p, k ? "],\"scores\":[" : "{\"periods\":[");
    for(int i=0; i<nLen; i++){
      if( i ) sqlite3_str_append(p, ",", 1);
      double v = 0.0;
      if( i<nA ) v = k ? a[i].score : aPer ? aPer[i] : (double)a[i].L;
      kqlSeriesAppendReal(p, v);
    }
  }
  sqlite3_str_append(p, "]}", 2);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

/* kql_series_periods(x, min_period, max_period, num_periods) */
static char *periodsDetectFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  KqlSeriesVec v;
  (void)argc;
  for(int i=1; i<4; i++) if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return 0;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  double lo = kqlFnReal(argv[1]), hi = kqlFnReal(argv[2]);
  sqlite3_int64 nWant = sqlite3_value_int64(argv[3]);
  if( nWant<0 ) nWant = 0;
  if( nWant>1024 ) nWant = 1024;
  Period *a = sqlite3_malloc64(sizeof(Period)*(sqlite3_uint64)(nWant+1));
  if( a==0 ){ kqlSeriesFree(&v); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0; }
  int nA = detect(v.a, v.aNull, v.n, lo, hi, (int)nWant, a);
  kqlSeriesFree(&v);
  if( nA<0 ){ sqlite3_free(a); sqlite3_result_error_nomem(ctx); *pbErr = 1; return 0; }
  char *z = resultBag(ctx, 0, a, nA, (int)nWant, pbErr);
  sqlite3_free(a);
  return z;
}

/* kql_series_periods_validate(x, p1, ...) */
static char *periodsValidateFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  KqlSeriesVec v;
  if( argc<2 ) return 0;
  if( argc-1>MAX_VALIDATE ){
    kqlFnError(ctx, "series_periods_validate", "at most %d periods can be validated", MAX_VALIDATE);
    *pbErr = 1;
    return 0;
  }
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  Period a[MAX_VALIDATE];
  double aPer[MAX_VALIDATE];
  int nA = argc-1;
  for(int i=0; i<nA; i++){
    double per = kqlFnReal(argv[i+1]);
    aPer[i] = per;
    a[i].L = 0;
    a[i].score = 0;
    if( per>=4 && per<=v.n/2.0 ){
      int L0 = (int)floor(per);
      double f = per - L0;
      double r = kqlSeriesAcf(v.a, v.aNull, v.n, L0);
      if( f>0 ) r = r*(1-f) + f*kqlSeriesAcf(v.a, v.aNull, v.n, L0+1);
      a[i].score = scoreOf(r);
    }
  }
  kqlSeriesFree(&v);
  return resultBag(ctx, aPer, a, nA, nA, pbErr);
}

int kqlFnRegisterSeriesPeriods(sqlite3 *db){
  int rc = kqlSeriesCreateCached(db, "kql_series_periods", 4, periodsDetectFunc);
  if( rc!=SQLITE_OK ) return rc;
  return kqlSeriesCreateCached(db, "kql_series_periods_validate", -1, periodsValidateFunc);
}
