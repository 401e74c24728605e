/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Statistical distribution functions: beta_cdf(x, alpha, beta) (the
** regularized incomplete beta function), beta_pdf(x, alpha, beta),
** beta_inv(p, alpha, beta) (its inverse) and welch_test(mean1, variance1,
** count1, mean2, variance2, count2) (the two-sided p-value of Welch's
** t-test, through the Student t distribution, which is an incomplete beta
** too). Out-of-domain arguments give NaN as the KQL reference says (which
** SQLite stores as null) or null where its examples show null.
*/
#include "fn.h"
#include "fn_misc.h"
#include "fnutil.h"
#include "fn_text.h"
#include <math.h>

/* Numeric argument: 1 and *pR set, or 0 for NULL / non-numeric. */
static int argNum(sqlite3_value *pVal, double *pR){
  int e;
  if( kqlFnIsNanText(pVal) ){ *pR = NAN; return 1; }
  e = sqlite3_value_numeric_type(pVal);
  if( e!=SQLITE_INTEGER && e!=SQLITE_FLOAT ) return 0;
  *pR = kqlFnReal(pVal);
  return 1;
}

/* log of the beta function B(a, b). */
static double logBeta(double a, double b){
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/*
** Continued fraction of the incomplete beta function (modified Lentz),
** valid for x < (a+1)/(a+b+2).
*/
static double betaFraction(double a, double b, double x){
  const double tiny = 1e-300, eps = 1e-16;
  double c = 1.0, d = 1.0 - (a+b)*x/(a+1.0), h;
  if( fabs(d)<tiny ) d = tiny;
  d = 1.0/d;
  h = d;
  for(int m=1; m<=10000; m++){
    double m2 = 2.0*m, num, del;
    num = m*(b-m)*x / ((a+m2-1.0)*(a+m2));           /* even step */
    d = 1.0 + num*d; if( fabs(d)<tiny ) d = tiny;
    c = 1.0 + num/c; if( fabs(c)<tiny ) c = tiny;
    d = 1.0/d;
    h *= d*c;
    num = -(a+m)*(a+b+m)*x / ((a+m2)*(a+m2+1.0));    /* odd step */
    d = 1.0 + num*d; if( fabs(d)<tiny ) d = tiny;
    c = 1.0 + num/c; if( fabs(c)<tiny ) c = tiny;
    d = 1.0/d;
    del = d*c;
    h *= del;
    if( fabs(del-1.0)<eps ) break;
  }
  return h;
}

/* Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1. */
static double betaInc(double x, double a, double b){
  double lfront;
  if( x<=0.0 ) return 0.0;
  if( x>=1.0 ) return 1.0;
  lfront = a*log(x) + b*log1p(-x) - logBeta(a, b);
  if( x < (a+1.0)/(a+b+2.0) ){
    return exp(lfront) * betaFraction(a, b, x) / a;
  }
  return 1.0 - exp(lfront) * betaFraction(b, a, 1.0-x) / b;
}

/* Beta density at 0 < x < 1. */
static double betaDensity(double x, double a, double b){
  return exp((a-1.0)*log(x) + (b-1.0)*log1p(-x) - logBeta(a, b));
}

/*
** kql_beta_cdf(x, alpha, beta): I_x(alpha, beta); NaN for x outside
** [0, 1] or alpha, beta outside (0, 10000]; NULL for a non-number.
*/
static void betaCdfFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double x, a, b;
  (void)argc;
  if( !argNum(argv[0], &x) || !argNum(argv[1], &a) || !argNum(argv[2], &b) ) return;
  if( x<0.0 || x>1.0 || !(a>0.0) || a>10000.0 || !(b>0.0) || b>10000.0 ){
    kqlFnResultReal(ctx, NAN);
    return;
  }
  sqlite3_result_double(ctx, betaInc(x, a, b));
}

/*
** kql_beta_pdf(x, alpha, beta): the beta density; NaN for x outside
** (0, 1) or alpha, beta <= 0; NULL for a non-number.
*/
static void betaPdfFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double x, a, b;
  (void)argc;
  if( !argNum(argv[0], &x) || !argNum(argv[1], &a) || !argNum(argv[2], &b) ) return;
  if( !(x>0.0) || !(x<1.0) || !(a>0.0) || !(b>0.0) ){
    kqlFnResultReal(ctx, NAN);
    return;
  }
  sqlite3_result_double(ctx, betaDensity(x, a, b));
}

/*
** kql_beta_inv(p, alpha, beta): the x with beta_cdf(x, alpha, beta) = p.
** NaN for alpha or beta <= 0; NULL for p outside (0, 1] (the reference
** example shows null for p > 1) or a non-number. Bisection keeps the
** root bracketed; Newton steps speed it up where they stay inside.
*/
static void betaInvFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double p, a, b, lo = 0.0, hi = 1.0, x;
  (void)argc;
  if( !argNum(argv[0], &p) || !argNum(argv[1], &a) || !argNum(argv[2], &b) ) return;
  if( !(a>0.0) || !(b>0.0) ){
    kqlFnResultReal(ctx, NAN);
    return;
  }
  if( !(p>0.0) || p>1.0 ) return;
  if( p==1.0 ){ sqlite3_result_double(ctx, 1.0); return; }
  x = a/(a+b);
  for(int i=0; i<300 && hi-lo>1e-17; i++){
    double f = betaInc(x, a, b) - p, dens, xn;
    if( f==0.0 ) break;
    if( f<0.0 ) lo = x; else hi = x;
    dens = betaDensity(x, a, b);
    xn = dens>0.0 && isfinite(dens) ? x - f/dens : -1.0;
    x = (xn>lo && xn<hi) ? xn : 0.5*(lo+hi);
  }
  sqlite3_result_double(ctx, x);
}

/*
** kql_welch_test(mean1, variance1, count1, mean2, variance2, count2): the
** two-sided p-value of Welch's unequal-variances t-test (Welch-Satterthwaite
** degrees of freedom). NULL for a non-number; NaN when undefined (counts
** below 2, both variances 0).
*/
static void welchFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double m1, v1, n1, m2, v2, n2, s1, s2, se2, t, df;
  (void)argc;
  if( !argNum(argv[0], &m1) || !argNum(argv[1], &v1) || !argNum(argv[2], &n1)
   || !argNum(argv[3], &m2) || !argNum(argv[4], &v2) || !argNum(argv[5], &n2) ) return;
  s1 = v1/n1;
  s2 = v2/n2;
  se2 = s1 + s2;
  if( !(n1>1.0) || !(n2>1.0) || !(se2>0.0) || v1<0.0 || v2<0.0 ){
    kqlFnResultReal(ctx, NAN);
    return;
  }
  t = (m1 - m2) / sqrt(se2);
  df = se2*se2 / (s1*s1/(n1-1.0) + s2*s2/(n2-1.0));
  if( !isfinite(t) || !(df>0.0) ){
    kqlFnResultReal(ctx, NAN);
    return;
  }
  sqlite3_result_double(ctx, betaInc(df/(df + t*t), df/2.0, 0.5));
}

static const FnDef aStatsFn[] = {
  {"kql_beta_cdf",    3, 0, betaCdfFunc},
  {"kql_beta_pdf",    3, 0, betaPdfFunc},
  {"kql_beta_inv",    3, 0, betaInvFunc},
  {"kql_welch_test",  6, 0, welchFunc},
};

/* kqlMiscRegisterStats(): contract in fn_misc.h. */
int kqlMiscRegisterStats(sqlite3 *db){
  return kqlFnRegisterTable(db, aStatsFn, (int)(sizeof(aStatsFn)/sizeof(aStatsFn[0])));
}
