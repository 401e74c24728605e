/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** series_fit_2lines_dynamic(x): two-segment linear regression. Every split
** point s (each segment at least 2 points) divides x into left = x[0..s)
** and right = x[s..n); each part is fitted like series_fit_line (x = 1, 2,
** ... within the part, so each interception is at the point before the
** part's first one) and the split with the largest total R-squared
** 1 - (SSE_left + SSE_right) / SST wins (the first one on ties). The bag:
** rsquare, split_idx (= s, zero-based), variance (of x), rvariance
** ((SSE_left + SSE_right) / (n-1)), line_fit, and right / left bags of
** rsquare, slope, interception, variance, rvariance. Null elements take
** no part in the sums. Under 4 points, the whole series is the right part.
*/
#include "fn.h"
#include "fnutil.h"
#include "fn_seriesInt.h"
#include <math.h>
#include <string.h>

typedef struct Fit Fit;
struct Fit {
  int m;                /* non-null points */
  double slope, icpt;
  double sse, sst;      /* residual / total sum of squares */
};

static void fitPart(const KqlSeriesVec *v, int iFrom, int iTo, Fit *f){
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int m = 0;
  memset(f, 0, sizeof(*f));
  for(int i=iFrom; i<iTo; i++){
    if( v->aNull[i] ) continue;
    double x = i-iFrom+1, y = v->a[i];
    sx += x; sy += y; sxx += x*x; sxy += x*y;
    m++;
  }
  f->m = m;
  if( m==0 ) return;
  double den = m*sxx - sx*sx;
  f->slope = m>1 && den!=0 ? (m*sxy - sx*sy)/den : 0;
  f->icpt = (sy - f->slope*sx)/m;
  double avg = sy/m;
  for(int i=iFrom; i<iTo; i++){
    if( v->aNull[i] ) continue;
    double y = v->a[i], yf = f->icpt + f->slope*(i-iFrom+1);
    f->sst += (y-avg)*(y-avg);
    f->sse += (y-yf)*(y-yf);
  }
}

static double rsq(double sse, double sst){ return sst>0 ? 1 - sse/sst : 1; }

static void appendPart(sqlite3_str *p, const char *zKey, const Fit *f){
  sqlite3_str_appendf(p, ",\"%s\":{\"rsquare\":", zKey);
  kqlSeriesAppendReal(p, rsq(f->sse, f->sst));
  sqlite3_str_append(p, ",\"slope\":", 9);
  kqlSeriesAppendReal(p, f->slope);
  sqlite3_str_append(p, ",\"interception\":", 16);
  kqlSeriesAppendReal(p, f->icpt);
  sqlite3_str_append(p, ",\"variance\":", 12);
  kqlSeriesAppendReal(p, f->m>1 ? f->sst/(f->m-1) : 0);
  sqlite3_str_append(p, ",\"rvariance\":", 13);
  kqlSeriesAppendReal(p, f->m>1 ? f->sse/(f->m-1) : 0);
  sqlite3_str_append(p, "}", 1);
}

static char *fit2Func(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr){
  KqlSeriesVec v;
  (void)argc;
  if( !kqlSeriesRead(ctx, argv[0], &v, 0) ) return 0;
  int n = v.n;
  Fit all, l, r, bestL, bestR;
  fitPart(&v, 0, n, &all);
  int iBest = 0;
  double best = -INFINITY;
  memset(&bestL, 0, sizeof(bestL));
  bestR = all;
  if( n>=4 ){
    for(int s=2; s<=n-2; s++){
      fitPart(&v, 0, s, &l);
      fitPart(&v, s, n, &r);
      double q = rsq(l.sse + r.sse, all.sst);
      if( q>best ){ best = q; iBest = s; bestL = l; bestR = r; }
    }
  }
  double sse = bestL.sse + bestR.sse;
  int m = all.m;
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "{\"rsquare\":", 11);
  kqlSeriesAppendReal(p, rsq(sse, all.sst));
  sqlite3_str_appendf(p, ",\"split_idx\":%d,\"variance\":", iBest);
  kqlSeriesAppendReal(p, m>1 ? all.sst/(m-1) : 0);
  sqlite3_str_append(p, ",\"rvariance\":", 13);
  kqlSeriesAppendReal(p, m>1 ? sse/(m-1) : 0);
  sqlite3_str_append(p, ",\"line_fit\":[", 13);
  for(int i=0; i<n; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    const Fit *f = i<iBest ? &bestL : &bestR;
    int x = i<iBest ? i+1 : i-iBest+1;
    kqlSeriesAppendReal(p, f->icpt + f->slope*x);
  }
  sqlite3_str_append(p, "]", 1);
  appendPart(p, "right", &bestR);
  appendPart(p, "left", &bestL);
  sqlite3_str_append(p, "}", 1);
  kqlSeriesFree(&v);
  return kqlSeriesStrDone(ctx, p, pbErr);
}

int kqlFnRegisterSeriesFit(sqlite3 *db){
  return kqlSeriesCreateCached(db, "kql_series_fit_2lines_dynamic", 1, fit2Func);
}
