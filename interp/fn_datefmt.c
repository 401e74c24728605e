/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** format_datetime() and format_timespan(): Kusto's custom format strings,
** which follow .NET's custom date/time and time-interval formats with the
** invariant culture. A run of one pattern letter is one format element
** (d, dd, ddd, dddd, M..MMMM, y..yyyy, h, hh, H, HH, m, mm, s, ss, f..fffffff,
** F..FFFFFFF, t, tt); 'text' and "text" are copied literally, as is a
** character after a backslash, and every other character is a delimiter
** copied as is. A NULL value gives the empty string (KQL strings are never
** null).
*/
#include "fn_dtint.h"
#include "fnutil.h"
#include "calendar.h"
#include <stdio.h>
#include <string.h>

static const char *const azDay[7] = {
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
};
static const char *const azMonth[12] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"
};

/* Length of the run of character c at z[i..n). */
static int runLength(const char *z, int n, int i){
  int j = i;
  while( j<n && z[j]==z[i] ) j++;
  return j - i;
}

/* Append v as a decimal of at least nDigit digits (zero padded). */
static void appendNum(sqlite3_str *p, int64_t v, int nDigit){
  sqlite3_str_appendf(p, "%0*lld", nDigit, (long long)v);
}

/* Number of digits the F form prints for nDigit (1..7) digits of frac:
** the leading digits with trailing zeros dropped. */
static int fractionLen(int frac, int nDigit, char *zBuf /* 8 bytes */){
  int n = nDigit>7 ? 7 : nDigit;
  snprintf(zBuf, 8, "%07d", frac);
  while( n>0 && zBuf[n-1]=='0' ) n--;
  return n;
}

/* Append nDigit (1..7) leading digits of the 7-digit fraction frac; bTrim
** (the F form) drops trailing zeros. */
static void appendFraction(sqlite3_str *p, int frac, int nDigit, int bTrim){
  char zBuf[8];
  int n = nDigit>7 ? 7 : nDigit;
  if( bTrim ) n = fractionLen(frac, nDigit, zBuf);
  else snprintf(zBuf, sizeof(zBuf), "%07d", frac);
  sqlite3_str_append(p, zBuf, n);
}

/* True when z[i] is a '.' directly before an F run that prints nothing:
** .NET drops such a '.' too. */
static int dotBeforeEmptyF(const char *z, int n, int i, int frac){
  char zBuf[8];
  if( z[i]!='.' || i+1>=n || z[i+1]!='F' ) return 0;
  return fractionLen(frac, runLength(z, n, i+1), zBuf)==0;
}

/*
** Copy a quoted literal or an escaped character starting at z[*pi] to p
** and advance *pi. Returns 1 when z[*pi] started one, else 0.
*/
static int appendLiteral(sqlite3_str *p, const char *z, int n, int *pi){
  int i = *pi;
  if( z[i]=='\\' ){
    if( i+1<n ) sqlite3_str_appendchar(p, 1, z[i+1]);
    *pi = i + 2;
    return 1;
  }
  if( z[i]=='\'' || z[i]=='"' ){
    int j = i + 1;
    while( j<n && z[j]!=z[i] ) j++;
    sqlite3_str_append(p, z+i+1, j-i-1);
    *pi = j<n ? j+1 : j;
    return 1;
  }
  return 0;
}

/* Format datetime t with the custom format z[0..n) into p. */
static void formatDatetime(sqlite3_str *p, int64_t t, const char *z, int n){
  KqlCal c;
  int i = 0;
  kqlCalSplit(t, &c);
  while( i<n ){
    int k;
    if( appendLiteral(p, z, n, &i) ) continue;
    k = runLength(z, n, i);
    switch( z[i] ){
      case 'd':
        if( k<=2 ) appendNum(p, c.d, k);
        else if( k==3 ) sqlite3_str_append(p, azDay[c.wday], 3);
        else sqlite3_str_appendall(p, azDay[c.wday]);
        break;
      case 'M':
        if( k<=2 ) appendNum(p, c.m, k);
        else if( k==3 ) sqlite3_str_append(p, azMonth[c.m-1], 3);
        else sqlite3_str_appendall(p, azMonth[c.m-1]);
        break;
      case 'y':
        if( k<=2 ) appendNum(p, c.y % 100, k);
        else appendNum(p, c.y, k);
        break;
      case 'h': appendNum(p, c.hh%12==0 ? 12 : c.hh%12, k>2 ? 2 : k); break;
      case 'H': appendNum(p, c.hh, k>2 ? 2 : k); break;
      case 'm': appendNum(p, c.mi, k>2 ? 2 : k); break;
      case 's': appendNum(p, c.ss, k>2 ? 2 : k); break;
      case 'f': appendFraction(p, c.frac, k, 0); break;
      case 'F': appendFraction(p, c.frac, k, 1); break;
      case 't':
        sqlite3_str_append(p, c.hh<12 ? "AM" : "PM", k>=2 ? 2 : 1);
        break;
      default:
        if( dotBeforeEmptyF(z, n, i, c.frac) ){ i++; continue; }
        sqlite3_str_append(p, z+i, 1);
        k = 1;
        break;
    }
    i += k;
  }
}

/* Format timespan t with the custom format z[0..n) into p. Components are
** those of |t|, without a sign, as in .NET. */
static void formatTimespan(sqlite3_str *p, int64_t t, const char *z, int n){
  uint64_t u = t<0 ? (uint64_t)0 - (uint64_t)t : (uint64_t)t;
  int64_t nDay = (int64_t)(u / (uint64_t)KQL_TICKS_PER_DAY);
  uint64_t tod = u % (uint64_t)KQL_TICKS_PER_DAY;
  int hh = (int)(tod / (uint64_t)KQL_TICKS_PER_HOUR);
  int mi = (int)(tod / (uint64_t)KQL_TICKS_PER_MINUTE % 60);
  int ss = (int)(tod / (uint64_t)KQL_TICKS_PER_SECOND % 60);
  int frac = (int)(tod % (uint64_t)KQL_TICKS_PER_SECOND);
  int i = 0;
  while( i<n ){
    int k;
    if( appendLiteral(p, z, n, &i) ) continue;
    k = runLength(z, n, i);
    switch( z[i] ){
      case 'd': appendNum(p, nDay, k>8 ? 8 : k); break;
      case 'h':
      case 'H': appendNum(p, hh, k>2 ? 2 : k); break;
      case 'm': appendNum(p, mi, k>2 ? 2 : k); break;
      case 's': appendNum(p, ss, k>2 ? 2 : k); break;
      case 'f': appendFraction(p, frac, k, 0); break;
      case 'F': appendFraction(p, frac, k, 1); break;
      default:
        if( dotBeforeEmptyF(z, n, i, frac) ){ i++; continue; }
        sqlite3_str_append(p, z+i, 1);
        k = 1;
        break;
    }
    i += k;
  }
}

/*
** kql_format_datetime(dt, format) and kql_format_timespan(ts, format):
** user data 0 for datetime, 1 for timespan.
*/
static void fnFormat(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bTimespan = sqlite3_user_data(ctx)!=0;
  sqlite3_str *p;
  int64_t t;
  int n;
  const char *z;
  (void)argc;
  if( !kqlFnArgTicks(argv[0], &t) || sqlite3_value_type(argv[1])==SQLITE_NULL ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  if( !bTimespan && !kqlCalInRange(t) ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  z = kqlFnText(argv[1], &n);
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  if( bTimespan ) formatTimespan(p, t, z, n);
  else formatDatetime(p, t, z, n);
  kqlFnResultStr(ctx, p);
}

/* kqlFnRegisterDatefmt(): register this group's SQL functions on db; an SQLite result code (fn_dtint.h). */
int kqlFnRegisterDatefmt(sqlite3 *db){
  int rc = sqlite3_create_function(db, "kql_format_datetime", 2,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, fnFormat, 0, 0);
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_function(db, "kql_format_timespan", 2,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, (void*)(intptr_t)1, fnFormat, 0, 0);
  }
  return rc;
}
