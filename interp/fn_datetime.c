/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL built-ins of the datetime group as SQLite functions: bin/floor/bin_at,
** the startof/endof family, datetime_add/datetime_diff/datetime_part and the get*
** field extractors, make_datetime, make_timespan and the unixtime_*
** conversions. Datetimes and timespans arrive as INTEGER ticks (types.h).
** Calendar arithmetic is in calendar.c; format_datetime/format_timespan are
** in fn_datefmt.c and the time-zone conversions in fn_tz.c, both registered
** from here. now() and ago() are compiled by the binder.
*/
#include "fn.h"
#include "fn_dtint.h"
#include "fnutil.h"
#include "calendar.h"
#include "value.h"
#include <math.h>
#include <string.h>
#include <strings.h>

/*
** Read a datetime (or timespan) argument as ticks. INTEGER is taken as is,
** REAL is truncated, TEXT is parsed as a datetime. Returns 1 and sets *pT,
** or 0 for NULL and anything that is not a datetime.
*/
int kqlFnArgTicks(sqlite3_value *pVal, int64_t *pT){
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER:
      *pT = sqlite3_value_int64(pVal);
      return 1;
    case SQLITE_FLOAT: {
      double r = kqlFnReal(pVal);
      if( !(r>=-9.2e18 && r<=9.2e18) ) return 0;
      *pT = (int64_t)r;
      return 1;
    }
    case SQLITE_TEXT: {
      const char *z = (const char*)sqlite3_value_text(pVal);
      return z && kqlValParseDatetime(z, sqlite3_value_bytes(pVal), pT)==0;
    }
    default:
      return 0;
  }
}

/* Result a datetime, or NULL when it is outside the datetime range. */
static void resultDatetime(sqlite3_context *ctx, int64_t t){
  if( kqlCalInRange(t) ) sqlite3_result_int64(ctx, t);
  else sqlite3_result_null(ctx);
}

/*
** Periods of datetime_add, datetime_diff and datetime_part, matched
** case-insensitively. ORDER: aPeriod[] below lists them in enum order.
*/
enum {
  PER_YEAR, PER_QUARTER, PER_MONTH, PER_WEEK, PER_DAY, PER_HOUR, PER_MINUTE,
  PER_SECOND, PER_MILLISECOND, PER_MICROSECOND, PER_NANOSECOND,
  PER_WEEK_OF_YEAR, PER_DAYOFYEAR, PER_COUNT
};
static const char *const aPeriod[PER_COUNT] = {
  "year", "quarter", "month", "week", "day", "hour", "minute",
  "second", "millisecond", "microsecond", "nanosecond",
  "week_of_year", "dayofyear",
};
/* Tick lengths of the fixed periods (0 for calendar ones). ORDER as aPeriod. */
static const int64_t aPeriodTicks[PER_COUNT] = {
  0, 0, 0, 7*KQL_TICKS_PER_DAY, KQL_TICKS_PER_DAY, KQL_TICKS_PER_HOUR,
  KQL_TICKS_PER_MINUTE, KQL_TICKS_PER_SECOND, KQL_TICKS_PER_MS, 10, 0, 0, 0
};

/*
** Look up the period named by pVal; nLast is the highest period accepted.
** Reports an error naming zFunc and returns -1 when it is unknown.
*/
static int periodArg(sqlite3_context *ctx, const char *zFunc, sqlite3_value *pVal, int nLast){
  int n;
  const char *z = kqlFnText(pVal, &n);
  for(int i=0; i<=nLast; i++){
    if( (int)strlen(aPeriod[i])==n && strncasecmp(z, aPeriod[i], (size_t)n)==0 ) return i;
  }
  if( nLast>=PER_WEEK_OF_YEAR && n==10 && strncasecmp(z, "weekofyear", 10)==0 ){
    return PER_WEEK_OF_YEAR;
  }
  kqlFnError(ctx, zFunc, "unknown period '%.*s'", n>40 ? 40 : n, z);
  return -1;
}

/************************** bin, floor, bin_at ****************************/

/* True for the KQL types stored as REAL. */
static int isRealType(int eType){
  return eType==KQL_T_REAL || eType==KQL_T_DECIMAL;
}

/*
** The binning shared by bin()/floor() (bHasBase 0) and bin_at() (bHasBase 1,
** pBase is the fixed point): the largest base + k*size not above the value.
** datetime/timespan values take a timespan size and give the value's type;
** numbers give real when any input is real, long otherwise. bin() aligns
** datetimes to 0001-01-01, as Kusto's tick counter starts there (so 7d
** bins start on Mondays). A NULL input, or a size that is not positive,
** gives NULL.
*/
static void binCore(sqlite3_context *ctx, sqlite3_value *pTags, sqlite3_value **aArg, int bHasBase){
  int eV = kqlFnEffectiveType(kqlFnTagType(pTags, 0), aArg[0]);
  int eR = kqlFnEffectiveType(kqlFnTagType(pTags, 1), aArg[1]);
  int eB = bHasBase ? kqlFnEffectiveType(kqlFnTagType(pTags, 2), aArg[2]) : KQL_T_LONG;
  for(int i=0; i<2+bHasBase; i++){
    if( sqlite3_value_type(aArg[i])==SQLITE_NULL ) return;
  }
  if( eV==KQL_T_DATETIME || eV==KQL_T_TIMESPAN ){
    int64_t v, r, base, q;
    if( !kqlFnArgTicks(aArg[0], &v) || !kqlFnArgTicks(aArg[1], &r) || r<=0 ) return;
    if( bHasBase ){
      if( !kqlFnArgTicks(aArg[2], &base) ) return;
    }else{
      base = eV==KQL_T_DATETIME ? KQL_DT_MIN : 0;
    }
    if( __builtin_sub_overflow(v, base, &q) ) return;
    q = kqlCalFloorDiv(q, r);
    if( __builtin_mul_overflow(q, r, &q) || __builtin_add_overflow(q, base, &q) ) return;
    if( eV==KQL_T_DATETIME ) resultDatetime(ctx, q);
    else sqlite3_result_int64(ctx, q);
    return;
  }
  if( isRealType(eV) || isRealType(eR) || isRealType(eB)
   || sqlite3_value_type(aArg[0])==SQLITE_FLOAT || sqlite3_value_type(aArg[1])==SQLITE_FLOAT ){
    double v = kqlFnReal(aArg[0]);
    double r = kqlFnReal(aArg[1]);
    double base = bHasBase ? kqlFnReal(aArg[2]) : 0.0;
    double q;
    if( !(r>0.0) ) return;
    q = floor((v - base)/r);
    if( !isfinite(q) ) return;
    sqlite3_result_double(ctx, base + q*r);
  }else{
    int64_t v = sqlite3_value_int64(aArg[0]);
    int64_t r = sqlite3_value_int64(aArg[1]);
    int64_t base = bHasBase ? sqlite3_value_int64(aArg[2]) : 0, q;
    if( r<=0 ) return;
    if( __builtin_sub_overflow(v, base, &q) ) return;
    q = kqlCalFloorDiv(q, r);
    if( __builtin_mul_overflow(q, r, &q) || __builtin_add_overflow(q, base, &q) ) return;
    sqlite3_result_int64(ctx, q);
  }
}

/* kql_bin(tags, value, roundTo): KQL bin() and floor(). */
static void fnBin(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  binCore(ctx, argv[0], argv+1, 0);
}

/* kql_bin_at(tags, value, size, fixed_point). */
static void fnBinAt(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  binCore(ctx, argv[0], argv+1, 1);
}

/************************** startof*, endof* ******************************/

#define UNIT_DAY   0
#define UNIT_WEEK  1
#define UNIT_MONTH 2
#define UNIT_YEAR  3

/*
** kql_startof<unit>(dt [, offset]) and kql_endof<unit>(...): user data is
** unit*2 + bEnd. The start of the unit holding dt, moved by offset units;
** the end is one tick before the next start. Weeks start on Sunday.
*/
static void fnStartOf(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  int eUnit = iMode/2, bEnd = iMode&1;
  int64_t t, off = 0, nDay, r;
  KqlCal c;
  if( !kqlFnArgTicks(argv[0], &t) ) return;
  if( argc>1 ){
    if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
    off = sqlite3_value_int64(argv[1]);
  }
  if( off>4000000 || off<-4000000 ) return;
  off += bEnd;
  kqlCalSplit(t, &c);
  nDay = kqlCalFloorDiv(t, KQL_TICKS_PER_DAY);
  switch( eUnit ){
    case UNIT_DAY:   nDay += off; break;
    case UNIT_WEEK:  nDay += off*7 - c.wday; break;
    case UNIT_MONTH: {
      int64_t iMon = (int64_t)c.y*12 + c.m - 1 + off;
      int64_t y = kqlCalFloorDiv(iMon, 12);
      nDay = kqlCalDaysFromCivil(y, (int)(iMon - y*12) + 1, 1);
      break;
    }
    default:         nDay = kqlCalDaysFromCivil(c.y + off, 1, 1); break;
  }
  if( __builtin_mul_overflow(nDay, KQL_TICKS_PER_DAY, &r) ) return;
  resultDatetime(ctx, r - bEnd);
}

/******************** datetime_add, datetime_diff, datetime_part ********************/

/* kql_datetime_add(period, amount, dt). */
static void fnDatetimeAdd(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int ePer;
  int64_t n, t, r;
  (void)argc;
  ePer = periodArg(ctx, "datetime_add", argv[0], PER_NANOSECOND);
  if( ePer<0 ) return;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL || !kqlFnArgTicks(argv[2], &t) ) return;
  n = sqlite3_value_int64(argv[1]);
  switch( ePer ){
    case PER_YEAR:
      if( n>10000 || n<-10000 || kqlCalAddMonths(t, n*12, &r) ) return;
      break;
    case PER_QUARTER:
      if( n>40000 || n<-40000 || kqlCalAddMonths(t, n*3, &r) ) return;
      break;
    case PER_MONTH:
      if( kqlCalAddMonths(t, n, &r) ) return;
      break;
    case PER_NANOSECOND:
      r = t + n/100;
      break;
    default:
      if( __builtin_mul_overflow(n, aPeriodTicks[ePer], &r) ) return;
      if( __builtin_add_overflow(t, r, &r) ) return;
      break;
  }
  resultDatetime(ctx, r);
}

/* Months since year 0 for calendar differences. */
static int64_t monthIndex(int64_t t){
  KqlCal c;
  kqlCalSplit(t, &c);
  return (int64_t)c.y*12 + c.m - 1;
}

/*
** kql_datetime_diff(period, dt1, dt2): the number of period boundaries
** crossed from dt2 to dt1 (calendar units: year 2017-01-01 minus 2016-12-31
** is 1), positive when dt1 is later. Weeks start on Sunday.
*/
static void fnDatetimeDiff(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int ePer;
  int64_t t1, t2, r;
  (void)argc;
  ePer = periodArg(ctx, "datetime_diff", argv[0], PER_NANOSECOND);
  if( ePer<0 ) return;
  if( !kqlFnArgTicks(argv[1], &t1) || !kqlFnArgTicks(argv[2], &t2) ) return;
  switch( ePer ){
    case PER_YEAR:    r = monthIndex(t1)/12 - monthIndex(t2)/12; break;
    case PER_QUARTER: r = monthIndex(t1)/3 - monthIndex(t2)/3; break;
    case PER_MONTH:   r = monthIndex(t1) - monthIndex(t2); break;
    case PER_WEEK: {
      /* Day numbers shifted so weeks begin on Sunday (day 3 was a Sunday). */
      int64_t d1 = kqlCalFloorDiv(t1, KQL_TICKS_PER_DAY) - 3;
      int64_t d2 = kqlCalFloorDiv(t2, KQL_TICKS_PER_DAY) - 3;
      r = kqlCalFloorDiv(d1, 7) - kqlCalFloorDiv(d2, 7);
      break;
    }
    case PER_NANOSECOND:
      if( __builtin_sub_overflow(t1, t2, &r) || __builtin_mul_overflow(r, 100, &r) ) return;
      break;
    default:
      r = kqlCalFloorDiv(t1, aPeriodTicks[ePer]) - kqlCalFloorDiv(t2, aPeriodTicks[ePer]);
      break;
  }
  sqlite3_result_int64(ctx, r);
}

/* The value of part ePer of datetime t (datetime_part()). */
static int64_t datetimePart(int ePer, int64_t t){
  KqlCal c;
  kqlCalSplit(t, &c);
  switch( ePer ){
    case PER_YEAR:         return c.y;
    case PER_QUARTER:      return (c.m - 1)/3 + 1;
    case PER_MONTH:        return c.m;
    case PER_WEEK:
    case PER_WEEK_OF_YEAR: return kqlCalIsoWeek(t);
    case PER_DAY:          return c.d;
    case PER_DAYOFYEAR:    return c.yday;
    case PER_HOUR:         return c.hh;
    case PER_MINUTE:       return c.mi;
    case PER_SECOND:       return c.ss;
    case PER_MILLISECOND:  return c.frac / 10000;
    case PER_MICROSECOND:  return c.frac / 10;
    default:               return (int64_t)c.frac * 100;   /* nanosecond */
  }
}

/* kql_datetime_part(part, dt). */
static void fnDatetimePart(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t t;
  int ePer;
  (void)argc;
  ePer = periodArg(ctx, "datetime_part", argv[0], PER_COUNT-1);
  if( ePer<0 || !kqlFnArgTicks(argv[1], &t) ) return;
  sqlite3_result_int64(ctx, datetimePart(ePer, t));
}

/*
** kql_getyear(dt), kql_getmonth(dt), kql_dayofmonth(dt), ...: user data is
** the PER_* part returned.
*/
static void fnGetPart(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t t;
  (void)argc;
  if( !kqlFnArgTicks(argv[0], &t) ) return;
  sqlite3_result_int64(ctx, datetimePart((int)(intptr_t)sqlite3_user_data(ctx), t));
}

/* kql_dayofweek(dt): timespan of whole days since the preceding Sunday. */
static void fnDayOfWeek(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t t;
  KqlCal c;
  (void)argc;
  if( !kqlFnArgTicks(argv[0], &t) ) return;
  kqlCalSplit(t, &c);
  sqlite3_result_int64(ctx, c.wday*KQL_TICKS_PER_DAY);
}

/****************** make_datetime, make_timespan, unixtime ******************/

/* Read argument i as a long into *p; 0 when it is NULL. */
static int argLong(sqlite3_value **argv, int i, int64_t *p){
  if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return 0;
  *p = sqlite3_value_int64(argv[i]);
  return 1;
}

/*
** kql_make_datetime(year, month, day [, hour, minute [, second]]): NULL when
** any part is NULL or out of range; second may be fractional.
*/
static void fnMakeDatetime(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t y, mo, d, h = 0, mi = 0, t;
  double s = 0.0;
  if( argc<3 || argc>6 ){
    kqlFnError(ctx, "make_datetime", "expects 3 to 6 arguments");
    return;
  }
  if( !argLong(argv, 0, &y) || !argLong(argv, 1, &mo) || !argLong(argv, 2, &d) ) return;
  if( argc>3 && !argLong(argv, 3, &h) ) return;
  if( argc>4 && !argLong(argv, 4, &mi) ) return;
  if( argc>5 ){
    if( sqlite3_value_type(argv[5])==SQLITE_NULL ) return;
    s = kqlFnReal(argv[5]);
  }
  if( y<1 || y>9999 || mo<1 || mo>12 || d<1 || d>kqlCalDaysInMonth(y, (int)mo) ) return;
  if( h<0 || h>23 || mi<0 || mi>59 || !(s>=0.0 && s<60.0) ) return;
  t = kqlCalDaysFromCivil(y, (int)mo, (int)d)*KQL_TICKS_PER_DAY
    + h*KQL_TICKS_PER_HOUR + mi*KQL_TICKS_PER_MINUTE + llround(s*1e7);
  resultDatetime(ctx, t);
}

/*
** kql_make_timespan(hour, minute), (hour, minute, second) or
** (day, hour, minute, second). NULL when a part is NULL or the total does
** not fit.
*/
static void fnMakeTimespan(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const int64_t aUnit[] = {
    KQL_TICKS_PER_DAY, KQL_TICKS_PER_HOUR, KQL_TICKS_PER_MINUTE, KQL_TICKS_PER_SECOND
  };
  int iFirst;
  int64_t t = 0;
  if( argc<2 || argc>4 ){
    kqlFnError(ctx, "make_timespan", "expects 2 to 4 arguments");
    return;
  }
  iFirst = argc==4 ? 0 : 1;
  for(int i=0; i<argc; i++){
    int64_t v, x;
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return;
    if( i==argc-1 && i+iFirst==3 && sqlite3_value_type(argv[i])==SQLITE_FLOAT ){
      double r = kqlFnReal(argv[i]);
      if( !(r>-9.2e11 && r<9.2e11) ) return;
      x = llround(r*1e7);
    }else{
      v = sqlite3_value_int64(argv[i]);
      if( __builtin_mul_overflow(v, aUnit[i+iFirst], &x) ) return;
    }
    if( __builtin_add_overflow(t, x, &t) ) return;
  }
  sqlite3_result_int64(ctx, t);
}

/*
** kql_unixtime_<unit>_todatetime(n): user data is the number of ticks per
** unit (10^7 seconds, 10^4 ms, 10 us), or 0 for nanoseconds (n/100).
*/
static void fnUnixtime(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t nPer = (int64_t)(intptr_t)sqlite3_user_data(ctx), t;
  (void)argc;
  switch( sqlite3_value_type(argv[0]) ){
    case SQLITE_INTEGER: {
      int64_t v = sqlite3_value_int64(argv[0]);
      if( nPer==0 ) t = v/100;
      else if( __builtin_mul_overflow(v, nPer, &t) ) return;
      break;
    }
    case SQLITE_FLOAT: {
      double r = kqlFnReal(argv[0]);
      r = nPer==0 ? r/100.0 : r*(double)nPer;
      if( !(r>-9.2e18 && r<9.2e18) ) return;
      t = llround(r);
      break;
    }
    case SQLITE_TEXT: {
      /* A numeric string (from dynamic or CSV data). */
      sqlite3_value *p = argv[0];
      double r = kqlFnReal(p);
      int n; const char *z = kqlFnText(p, &n);
      if( n==0 || strspn(z, "+-0123456789.eE ")!=(size_t)n ) return;
      r = nPer==0 ? r/100.0 : r*(double)nPer;
      if( !(r>-9.2e18 && r<9.2e18) ) return;
      t = llround(r);
      break;
    }
    default:
      return;
  }
  resultDatetime(ctx, t);
}

/*************************** registration ****************************/

typedef struct DtFunc DtFunc;
struct DtFunc {
  const char *zName;    /* SQL name */
  signed char nArg;     /* SQL argument count, -1 variadic */
  intptr_t iUser;       /* user data */
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

static const DtFunc aDtFunc[] = {
  {"kql_bin",                    3, 0, fnBin},
  {"kql_bin_at",                 4, 0, fnBinAt},
  {"kql_startofday",             1, UNIT_DAY*2,     fnStartOf},
  {"kql_startofday",             2, UNIT_DAY*2,     fnStartOf},
  {"kql_startofweek",            1, UNIT_WEEK*2,    fnStartOf},
  {"kql_startofweek",            2, UNIT_WEEK*2,    fnStartOf},
  {"kql_startofmonth",           1, UNIT_MONTH*2,   fnStartOf},
  {"kql_startofmonth",           2, UNIT_MONTH*2,   fnStartOf},
  {"kql_startofyear",            1, UNIT_YEAR*2,    fnStartOf},
  {"kql_startofyear",            2, UNIT_YEAR*2,    fnStartOf},
  {"kql_endofday",               1, UNIT_DAY*2+1,   fnStartOf},
  {"kql_endofday",               2, UNIT_DAY*2+1,   fnStartOf},
  {"kql_endofweek",              1, UNIT_WEEK*2+1,  fnStartOf},
  {"kql_endofweek",              2, UNIT_WEEK*2+1,  fnStartOf},
  {"kql_endofmonth",             1, UNIT_MONTH*2+1, fnStartOf},
  {"kql_endofmonth",             2, UNIT_MONTH*2+1, fnStartOf},
  {"kql_endofyear",              1, UNIT_YEAR*2+1,  fnStartOf},
  {"kql_endofyear",              2, UNIT_YEAR*2+1,  fnStartOf},
  {"kql_datetime_add",           3, 0, fnDatetimeAdd},
  {"kql_datetime_diff",          3, 0, fnDatetimeDiff},
  {"kql_datetime_part",          2, 0, fnDatetimePart},
  {"kql_getyear",                1, PER_YEAR,         fnGetPart},
  {"kql_getmonth",               1, PER_MONTH,        fnGetPart},
  {"kql_dayofmonth",             1, PER_DAY,          fnGetPart},
  {"kql_dayofyear",              1, PER_DAYOFYEAR,    fnGetPart},
  {"kql_hourofday",              1, PER_HOUR,         fnGetPart},
  {"kql_week_of_year",           1, PER_WEEK_OF_YEAR, fnGetPart},
  {"kql_dayofweek",              1, 0, fnDayOfWeek},
  {"kql_make_datetime",         -1, 0, fnMakeDatetime},
  {"kql_make_timespan",         -1, 0, fnMakeTimespan},
  {"kql_unixtime_seconds_todatetime",      1, 10000000, fnUnixtime},
  {"kql_unixtime_milliseconds_todatetime", 1, 10000,    fnUnixtime},
  {"kql_unixtime_microseconds_todatetime", 1, 10,       fnUnixtime},
  {"kql_unixtime_nanoseconds_todatetime",  1, 0,        fnUnixtime},
};

/*
** Register the functions of table a[0..n) on db as deterministic,
** innocuous UTF-8 scalar functions. Returns an SQLite result code.
*/
static int registerTable(sqlite3 *db, const DtFunc *a, int n){
  for(int i=0; i<n; i++){
    int rc = sqlite3_create_function(db, a[i].zName, a[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)a[i].iUser, a[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}

/* kqlFnRegisterDatetime(): register this group's SQL functions on db; an SQLite result code (fn.h). */
int kqlFnRegisterDatetime(sqlite3 *db){
  int rc = registerTable(db, aDtFunc, (int)(sizeof(aDtFunc)/sizeof(aDtFunc[0])));
  if( rc==SQLITE_OK ) rc = kqlFnRegisterDatefmt(db);
  if( rc==SQLITE_OK ) rc = kqlFnRegisterTz(db);
  return rc;
}
