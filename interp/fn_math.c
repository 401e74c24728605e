/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL math built-ins as SQLite functions: abs, ceiling, round, sign, exp,
** exp2, exp10, log, log2, log10, pow, sqrt, pi, the trigonometric
** functions, degrees, radians, gamma, loggamma, erf, erfc, isnan, isinf,
** isfinite, rand, max_of, min_of, and the binary_* bit functions.
** Integer inputs stay integers where Kusto keeps them (abs, ceiling,
** round); most others return real. SQLite stores a NaN result as NULL, so
** NaN reads back as null. floor() is bin() (fn_datetime.c).
*/
#include "fn.h"
#include "fnutil.h"
#include "types.h"
#include <math.h>
#include <string.h>

/* Read argument pVal as a real; 0 when NULL or not a number. */
static int argReal(sqlite3_value *pVal, double *pR){
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      *pR = kqlFnReal(pVal);
      return 1;
    case SQLITE_TEXT: {
      int e;
      if( kqlFnIsNanText(pVal) ){ *pR = NAN; return 1; }
      e = sqlite3_value_numeric_type(pVal);
      if( e!=SQLITE_INTEGER && e!=SQLITE_FLOAT ) return 0;
      *pR = kqlFnReal(pVal);
      return 1;
    }
    default:
      return 0;
  }
}

/* Result a real: NaN when an input was NaN (NaN in, NaN out); a NaN made
** from ordinary inputs (sqrt(-1)) is null, as the docs give it. */
static void resultReal(sqlite3_context *ctx, double r, int bNanIn){
  if( bNanIn ) kqlFnResultReal(ctx, r);
  else sqlite3_result_double(ctx, r);
}

/*************************** one-argument real functions ***************************/

/* Functions of one real, told apart by user data. ORDER matters for
** aUnary[] below. */
enum {
  U_EXP, U_EXP2, U_EXP10, U_LOG, U_LOG2, U_LOG10, U_SQRT, U_SIN, U_COS, U_TAN,
  U_ASIN, U_ACOS, U_ATAN, U_COT, U_DEGREES, U_RADIANS, U_GAMMA, U_LOGGAMMA,
  U_ERF, U_ERFC, U_SIGN
};

/* kql_exp(x), kql_log(x), ... (see the enum): real result; NULL for NULL.
** The logarithms give NULL for negative input, as the docs say. */
static void fnUnary(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOp = (int)(intptr_t)sqlite3_user_data(ctx);
  double x, r;
  (void)argc;
  if( !argReal(argv[0], &x) ) return;
  switch( eOp ){
    case U_EXP:      r = exp(x); break;
    case U_EXP2:     r = exp2(x); break;
    case U_EXP10:    r = pow(10.0, x); break;
    case U_LOG:      if( x<0.0 ) return; r = log(x); break;
    case U_LOG2:     if( x<0.0 ) return; r = log2(x); break;
    case U_LOG10:    if( x<0.0 ) return; r = log10(x); break;
    case U_SQRT:     r = sqrt(x); break;
    case U_SIN:      r = sin(x); break;
    case U_COS:      r = cos(x); break;
    case U_TAN:      r = tan(x); break;
    case U_ASIN:     r = asin(x); break;
    case U_ACOS:     r = acos(x); break;
    case U_ATAN:     r = atan(x); break;
    case U_COT:      r = 1.0/tan(x); break;
    case U_DEGREES:  r = x * (180.0/M_PI); break;
    case U_RADIANS:  r = x * (M_PI/180.0); break;
    case U_GAMMA:    r = tgamma(x); break;
    case U_LOGGAMMA: { int sgn; r = lgamma_r(x, &sgn); break; }
    case U_ERF:      r = erf(x); break;
    case U_ERFC:     r = erfc(x); break;
    default:         r = x>0.0 ? 1.0 : x<0.0 ? -1.0 : 0.0; break;   /* U_SIGN */
  }
  resultReal(ctx, r, isnan(x));
}

/* kql_pow(x, y) and kql_atan2(y, x) (user data 1). */
static void fnBinaryReal(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double a, b;
  (void)argc;
  if( !argReal(argv[0], &a) || !argReal(argv[1], &b) ) return;
  resultReal(ctx, sqlite3_user_data(ctx) ? atan2(a, b) : pow(a, b), isnan(a) || isnan(b));
}

/* kql_pi(). */
static void fnPi(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_double(ctx, M_PI);
}

/*********************** abs, ceiling, round ***********************/

/* kql_abs(x): integers (and timespans) stay integers. */
static void fnAbs(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  switch( sqlite3_value_numeric_type(argv[0]) ){
    case SQLITE_INTEGER: {
      int64_t v = sqlite3_value_int64(argv[0]);
      sqlite3_result_int64(ctx, v<0 ? (int64_t)(0 - (uint64_t)v) : v);
      break;
    }
    case SQLITE_FLOAT:
      sqlite3_result_double(ctx, fabs(kqlFnReal(argv[0])));
      break;
    default:
      break;
  }
}

/* kql_ceiling(x): smallest integer not below x; integers unchanged. */
static void fnCeiling(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  switch( sqlite3_value_numeric_type(argv[0]) ){
    case SQLITE_INTEGER: sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0])); break;
    case SQLITE_FLOAT:   sqlite3_result_double(ctx, ceil(kqlFnReal(argv[0]))); break;
    default:             break;
  }
}

/* x rounded to d decimal digits, halves away from zero (d may be < 0). */
static double roundDigits(double x, int64_t d){
  double s, y;
  if( !isfinite(x) || d>15 ) return x;
  if( d<-308 ) return 0.0*x;
  if( d>=0 ){
    s = pow(10.0, (double)d);
    y = x * s;
    if( !isfinite(y) ) return x;
    return round(y) / s;
  }
  s = pow(10.0, (double)-d);
  return round(x / s) * s;
}

/*
** kql_round(x [, digits]): halves round away from zero (round(2.15, 1) is
** 2.2, round(-50.55, -2) is -100). Integers stay integers; a negative
** digits count rounds them to tens, hundreds...
*/
static void fnRound(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t d = 0;
  if( argc>1 ){
    if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
    d = sqlite3_value_int64(argv[1]);
  }
  if( kqlFnIsNanText(argv[0]) ){ kqlFnResultReal(ctx, NAN); return; }
  switch( sqlite3_value_numeric_type(argv[0]) ){
    case SQLITE_INTEGER: {
      int64_t v = sqlite3_value_int64(argv[0]), s = 1, q, r;
      if( d>=0 ){ sqlite3_result_int64(ctx, v); return; }
      if( d<-18 ){ sqlite3_result_int64(ctx, 0); return; }
      for(int64_t i=0; i<-d; i++) s *= 10;
      q = v / s; r = v % s;
      if( r*2>=s ) q++;
      else if( r*2<=-s ) q--;
      if( __builtin_mul_overflow(q, s, &q) ) return;
      sqlite3_result_int64(ctx, q);
      return;
    }
    case SQLITE_FLOAT:
      sqlite3_result_double(ctx, roundDigits(kqlFnReal(argv[0]), d));
      return;
    default:
      return;
  }
}

/******************************* NaN tests *******************************/

/*
** kql_isnan(x) (user data 0), kql_isinf(x) (1), kql_isfinite(x) (2): bool.
** A NaN arrives as the text "NaN" (fnutil.h); null gives 0 for all three.
*/
static void fnFpClass(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOp = (int)(intptr_t)sqlite3_user_data(ctx);
  double x;
  (void)argc;
  if( !argReal(argv[0], &x) ){
    sqlite3_result_int(ctx, 0);
    return;
  }
  if( eOp==0 ) sqlite3_result_int(ctx, isnan(x)!=0);
  else if( eOp==1 ) sqlite3_result_int(ctx, isinf(x)!=0);
  else sqlite3_result_int(ctx, isfinite(x)!=0);
}

/********************************** rand **********************************/

/* kql_rand() in [0, 1), or kql_rand(n): a whole number 0..n-1 as a real
** (NULL when n < 1). */
static void fnRand(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint64_t u;
  double r;
  sqlite3_randomness(sizeof(u), &u);
  r = (double)(u >> 11) * (1.0/9007199254740992.0);
  if( argc>0 ){
    double n;
    if( !argReal(argv[0], &n) || !(n>=1.0) ) return;
    r = floor(r * floor(n));
  }
  sqlite3_result_double(ctx, r);
}

/***************************** max_of, min_of *****************************/

/*
** kql_max_of(tags, a, b, ...) and kql_min_of (user data 1): the largest /
** smallest non-null argument; NULL when all are null. Numbers compare
** numerically, strings ordinally; the result is real when any argument's
** type is real.
*/
static void fnMaxOf(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMin = sqlite3_user_data(ctx)!=0, bReal = 0;
  sqlite3_value *pBest = 0;
  for(int i=1; i<argc; i++){
    sqlite3_value *p = argv[i];
    int eType = kqlFnEffectiveType(kqlFnTagType(argv[0], i-1), p);
    if( eType==KQL_T_REAL || eType==KQL_T_DECIMAL ) bReal = 1;
    if( sqlite3_value_type(p)==SQLITE_NULL ) continue;
    if( pBest==0 ){ pBest = p; continue; }
    {
      int tA = sqlite3_value_type(p), tB = sqlite3_value_type(pBest), c;
      int bNumA = tA==SQLITE_INTEGER || tA==SQLITE_FLOAT;
      int bNumB = tB==SQLITE_INTEGER || tB==SQLITE_FLOAT;
      if( bNumA && bNumB ){
        if( tA==SQLITE_INTEGER && tB==SQLITE_INTEGER ){
          int64_t a = sqlite3_value_int64(p), b = sqlite3_value_int64(pBest);
          c = a<b ? -1 : a>b;
        }else{
          double a = kqlFnReal(p), b = kqlFnReal(pBest);
          c = a<b ? -1 : a>b;
        }
      }else if( bNumA!=bNumB ){
        c = bNumA ? -1 : 1;
      }else{
        const char *a = (const char*)sqlite3_value_text(p);
        int na = sqlite3_value_bytes(p);
        const char *b = (const char*)sqlite3_value_text(pBest);
        int nb = sqlite3_value_bytes(pBest), m = na<nb ? na : nb;
        c = (m>0 && a && b) ? memcmp(a, b, (size_t)m) : 0;
        if( c==0 ) c = na - nb;
      }
      if( bMin ? c<0 : c>0 ) pBest = p;
    }
  }
  if( pBest==0 ) return;
  if( bReal && sqlite3_value_type(pBest)==SQLITE_INTEGER ){
    sqlite3_result_double(ctx, (double)sqlite3_value_int64(pBest));
  }else{
    sqlite3_result_value(ctx, pBest);
  }
}

/*************************** binary_* bit functions ***************************/

enum { B_AND, B_OR, B_XOR, B_NOT, B_SHL, B_SHR, B_POPCOUNT };

/*
** kql_binary_and(a, b), _or, _xor, kql_binary_not(a),
** kql_binary_shift_left(a, n), kql_binary_shift_right(a, n) (arithmetic,
** shift count taken modulo 64 as .NET does; NULL for a negative n, as the
** docs state), kql_bitset_count_ones(a).
*/
static void fnBits(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOp = (int)(intptr_t)sqlite3_user_data(ctx);
  uint64_t a, b = 0;
  int64_t r;
  for(int i=0; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return;
  }
  a = (uint64_t)sqlite3_value_int64(argv[0]);
  if( argc>1 ) b = (uint64_t)sqlite3_value_int64(argv[1]);
  if( (eOp==B_SHL || eOp==B_SHR) && (int64_t)b<0 ) return;
  switch( eOp ){
    case B_AND: r = (int64_t)(a & b); break;
    case B_OR:  r = (int64_t)(a | b); break;
    case B_XOR: r = (int64_t)(a ^ b); break;
    case B_NOT: r = (int64_t)~a; break;
    case B_SHL: r = (int64_t)(a << (b & 63)); break;
    case B_SHR: {
      int64_t s = (int64_t)a;
      int n = (int)(b & 63);
      r = s<0 ? (int64_t)~(~(uint64_t)s >> n) : (int64_t)((uint64_t)s >> n);
      break;
    }
    default:    r = __builtin_popcountll(a); break;
  }
  sqlite3_result_int64(ctx, r);
}

/****************************** registration ******************************/

typedef struct MathFunc MathFunc;
struct MathFunc {
  const char *zName;
  signed char nArg;
  intptr_t iUser;
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

static const MathFunc aMath[] = {
  {"kql_exp",            1, U_EXP,      fnUnary},
  {"kql_exp2",           1, U_EXP2,     fnUnary},
  {"kql_exp10",          1, U_EXP10,    fnUnary},
  {"kql_log",            1, U_LOG,      fnUnary},
  {"kql_log2",           1, U_LOG2,     fnUnary},
  {"kql_log10",          1, U_LOG10,    fnUnary},
  {"kql_sqrt",           1, U_SQRT,     fnUnary},
  {"kql_sin",            1, U_SIN,      fnUnary},
  {"kql_cos",            1, U_COS,      fnUnary},
  {"kql_tan",            1, U_TAN,      fnUnary},
  {"kql_asin",           1, U_ASIN,     fnUnary},
  {"kql_acos",           1, U_ACOS,     fnUnary},
  {"kql_atan",           1, U_ATAN,     fnUnary},
  {"kql_cot",            1, U_COT,      fnUnary},
  {"kql_degrees",        1, U_DEGREES,  fnUnary},
  {"kql_radians",        1, U_RADIANS,  fnUnary},
  {"kql_gamma",          1, U_GAMMA,    fnUnary},
  {"kql_loggamma",       1, U_LOGGAMMA, fnUnary},
  {"kql_erf",            1, U_ERF,      fnUnary},
  {"kql_erfc",           1, U_ERFC,     fnUnary},
  {"kql_sign",           1, U_SIGN,     fnUnary},
  {"kql_pow",            2, 0, fnBinaryReal},
  {"kql_atan2",          2, 1, fnBinaryReal},
  {"kql_pi",             0, 0, fnPi},
  {"kql_abs",            1, 0, fnAbs},
  {"kql_ceiling",        1, 0, fnCeiling},
  {"kql_round",          1, 0, fnRound},
  {"kql_round",          2, 0, fnRound},
  {"kql_isnan",          1, 0, fnFpClass},
  {"kql_isinf",          1, 1, fnFpClass},
  {"kql_isfinite",       1, 2, fnFpClass},
  {"kql_max_of",        -1, 0, fnMaxOf},
  {"kql_min_of",        -1, 1, fnMaxOf},
  {"kql_binary_and",     2, B_AND, fnBits},
  {"kql_binary_or",      2, B_OR,  fnBits},
  {"kql_binary_xor",     2, B_XOR, fnBits},
  {"kql_binary_not",     1, B_NOT, fnBits},
  {"kql_binary_shift_left",  2, B_SHL, fnBits},
  {"kql_binary_shift_right", 2, B_SHR, fnBits},
  {"kql_bitset_count_ones",  1, B_POPCOUNT, fnBits},
};

/* kqlFnRegisterMath(): register this group's SQL functions on db; an SQLite result code (fn.h). */
int kqlFnRegisterMath(sqlite3 *db){
  int rc;
  for(size_t i=0; i<sizeof(aMath)/sizeof(aMath[0]); i++){
    rc = sqlite3_create_function(db, aMath[i].zName, aMath[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)aMath[i].iUser, aMath[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  /* rand() is not deterministic. */
  rc = sqlite3_create_function(db, "kql_rand", 0, SQLITE_UTF8|SQLITE_INNOCUOUS, 0, fnRand, 0, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_create_function(db, "kql_rand", 1, SQLITE_UTF8|SQLITE_INNOCUOUS, 0, fnRand, 0, 0);
  return rc;
}
