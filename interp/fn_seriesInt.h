/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Internal interface shared by the series files: fn_series.c (make-series'
** aggregate, element-wise math, fills, filters, fit_line, stats) exports
** its numeric-array reader and JSON number writers; fn_series_decomp.c
** (series_outliers, series_decompose*), fn_series_periods.c
** (series_periods_detect/validate), fn_series_fit.c
** (series_fit_2lines_dynamic), fn_series_fft.c (series_fft/ifft, and the
** transform the periods use) and fn_series_poly.c (series_fit_poly) use
** them; fn_series_cache.c caches results.
*/
#ifndef KQL_FN_SERIES_INT_H
#define KQL_FN_SERIES_INT_H
#include <sqlite3.h>

/* A numeric array: values, null flags and "was an integer" flags. */
typedef struct KqlSeriesVec KqlSeriesVec;
struct KqlSeriesVec {
  int n;
  int bScalar;          /* a single number, repeated (binary operations) */
  int bAllInt;          /* every non-null element is an integer */
  double *a;
  unsigned char *aNull;
};

/* Read pVal as a numeric array (a number too when bScalarOk). 0: not an
** array (or OOM, reported on ctx); the caller then returns NULL. */
int kqlSeriesRead(sqlite3_context *ctx, sqlite3_value *pVal, KqlSeriesVec *v, int bScalarOk);
void kqlSeriesFree(KqlSeriesVec *v);
/* Append a JSON real (NaN / infinities as strings) / an array of reals. */
void kqlSeriesAppendReal(sqlite3_str *p, double r);
void kqlSeriesAppendArray(sqlite3_str *p, const double *a, const unsigned char *aNull, int n);

/* Linear interpolation percentile (0..100) of a[0..n) sorted ascending. */
double kqlSeriesPercentile(const double *a, int n, double pct);

/* Autocorrelation of x[0..n) (null elements as the mean) at lag L, in [-1, 1]. */
double kqlSeriesAcf(const double *x, const unsigned char *aNull, int n, int L);
/* The best period of x[0..n) in [lo, hi] and its score (0 when none). */
double kqlSeriesBestPeriod(const double *x, const unsigned char *aNull, int n, double lo, double hi,
                           double *pScore);

/*
** A costly function computing its JSON result text (sqlite3_malloc'ed) from
** its arguments; NULL for a NULL result. On an error it sets it on ctx and
** *pbErr. kqlSeriesCreateCached (fn_series_cache.c) registers it behind a
** cache of its last few results.
*/
typedef char *(*KqlSeriesCompute)(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *pbErr);
int kqlSeriesCreateCached(sqlite3 *db, const char *zName, int nArg, KqlSeriesCompute xCompute);
/* The text of p (NULL, *pbErr set and OOM reported on ctx when p failed). */
char *kqlSeriesStrDone(sqlite3_context *ctx, sqlite3_str *p, int *pbErr);

int kqlFnRegisterSeriesDecomp(sqlite3 *db);
int kqlFnRegisterSeriesPeriods(sqlite3 *db);
int kqlFnRegisterSeriesFit(sqlite3 *db);
int kqlFnRegisterSeriesSeasonal(sqlite3 *db);
int kqlFnRegisterSeriesFft(sqlite3 *db);
int kqlFnRegisterSeriesPoly(sqlite3 *db);

/* In-place DFT of (re, im)[0..n), any n (fn_series_fft.c); bInv: the
** inverse direction, unscaled. Returns 1 on OOM. */
int kqlSeriesFft(double *re, double *im, int n, int bInv);

#endif
