/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** datetime_utc_to_local() and datetime_local_to_utc(). A time zone is
** "UTC" (also "GMT", "Z"), a fixed offset ("+02:00", "UTC-5", "UTC+05:30"),
** or an IANA name ("Europe/Paris", "US/Pacific") read from the system's
** compiled tz database (/usr/share/zoneinfo, TZif format, RFC 8536),
** including the POSIX TZ rule in its footer for instants after the last
** listed transition. A parsed zone is cached per statement with
** sqlite3_set_auxdata(). An unknown zone is an error naming the function.
*/
#include "fn_dtint.h"
#include "fnutil.h"
#include "calendar.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define TZ_DIR        "/usr/share/zoneinfo/"
#define TZ_MAX_FILE   (1<<20)       /* refuse larger files */
#define TZ_MAX_TRANS  5000
#define TZ_MAX_TYPES  256

/* One rule date of a POSIX TZ string: Jn, n or Mm.w.d plus a time. */
typedef struct TzRuleDate TzRuleDate;
struct TzRuleDate {
  char eKind;           /* 'J' (1..365, no Feb 29), 'N' (0..365), 'M' */
  int n;                /* day for J and N */
  int m, w, d;          /* month, week 1..5 (5 = last), weekday for M */
  int iSec;             /* local time of the change, seconds (may be <0 or >24h) */
};

typedef struct TzZone TzZone;
struct TzZone {
  int nTrans;                   /* transitions */
  int64_t aTrans[TZ_MAX_TRANS]; /* transition instants, Unix seconds, ascending */
  unsigned char aIdx[TZ_MAX_TRANS]; /* type index in force from aTrans[i] */
  int nType;                    /* local time types */
  int aOff[TZ_MAX_TYPES];       /* UTC offset of each type, seconds */
  int bRule;                    /* the footer rule below is valid */
  int stdOff, dstOff;           /* footer: offsets east of UTC, seconds */
  int bDst;                     /* footer has daylight time */
  TzRuleDate start, end;        /* footer: daylight time starts / ends */
};

/*********************** POSIX TZ strings (TZif footer) ***********************/

/* Parse [+-]hh[:mm[:ss]] at *pz; returns seconds, advances *pz. -1 fails via *pOk. */
static int parseTzTime(const char **pz, int *pOk){
  const char *z = *pz;
  int sign = 1, v[3] = {0, 0, 0}, i = 0;
  if( *z=='+' || *z=='-' ){ if( *z=='-' ) sign = -1; z++; }
  if( !isdigit((unsigned char)*z) ){ *pOk = 0; return 0; }
  for(;;){
    int x = 0, nDig = 0;
    while( isdigit((unsigned char)*z) && nDig<3 ){ x = x*10 + (*z - '0'); z++; nDig++; }
    if( nDig==0 ){ *pOk = 0; return 0; }
    v[i++] = x;
    if( i==3 || *z!=':' ) break;
    z++;
  }
  *pz = z;
  return sign*(v[0]*3600 + v[1]*60 + v[2]);
}

/* Skip a zone abbreviation (letters, or <...>). Returns 0 when absent. */
static int skipTzName(const char **pz){
  const char *z = *pz;
  if( *z=='<' ){
    while( *z && *z!='>' ) z++;
    if( *z!='>' ) return 0;
    z++;
  }else{
    while( isalpha((unsigned char)*z) ) z++;
    if( z - *pz < 3 ) return 0;
  }
  *pz = z;
  return 1;
}

/* Parse ",date[/time]" at *pz into *p. Returns 1 on success. */
static int parseTzRuleDate(const char **pz, TzRuleDate *p){
  const char *z = *pz;
  int ok = 1;
  if( *z!=',' ) return 0;
  z++;
  if( *z=='M' ){
    int v[3], i;
    z++;
    for(i=0; i<3; i++){
      if( !isdigit((unsigned char)*z) ) return 0;
      v[i] = 0;
      while( isdigit((unsigned char)*z) ){ v[i] = v[i]*10 + (*z - '0'); z++; if( v[i]>99 ) return 0; }
      if( i<2 ){ if( *z!='.' ) return 0; z++; }
    }
    if( v[0]<1 || v[0]>12 || v[1]<1 || v[1]>5 || v[2]>6 ) return 0;
    p->eKind = 'M'; p->m = v[0]; p->w = v[1]; p->d = v[2];
  }else{
    p->eKind = 'N';
    if( *z=='J' ){ p->eKind = 'J'; z++; }
    if( !isdigit((unsigned char)*z) ) return 0;
    p->n = 0;
    while( isdigit((unsigned char)*z) ){ p->n = p->n*10 + (*z - '0'); z++; if( p->n>366 ) return 0; }
  }
  p->iSec = 7200;
  if( *z=='/' ){
    z++;
    p->iSec = parseTzTime(&z, &ok);
    if( !ok ) return 0;
  }
  *pz = z;
  return 1;
}

/* Parse the POSIX TZ string z into the footer fields of p. */
static void parseTzRule(TzZone *p, const char *z){
  int ok = 1;
  p->bRule = 0;
  if( !skipTzName(&z) ) return;
  p->stdOff = -parseTzTime(&z, &ok);
  if( !ok ) return;
  p->bDst = 0;
  if( *z ){
    if( !skipTzName(&z) ) return;
    p->dstOff = p->stdOff + 3600;
    if( *z && *z!=',' ){
      p->dstOff = -parseTzTime(&z, &ok);
      if( !ok ) return;
    }
    if( !parseTzRuleDate(&z, &p->start) || !parseTzRuleDate(&z, &p->end) ) return;
    p->bDst = 1;
  }
  if( *z ) return;
  p->bRule = 1;
}

/* Local-midnight day number (days since 1970) of rule date r in year y. */
static int64_t ruleDay(const TzRuleDate *r, int64_t y){
  if( r->eKind=='J' ){
    int64_t d = kqlCalDaysFromCivil(y, 1, 1) + r->n - 1;
    if( kqlCalIsLeap(y) && r->n>=60 ) d++;
    return d;
  }
  if( r->eKind=='N' ) return kqlCalDaysFromCivil(y, 1, 1) + r->n;
  {
    int64_t first = kqlCalDaysFromCivil(y, r->m, 1);
    int wdFirst = (int)kqlCalFloorMod(first + 4, 7);
    int64_t d = first + (r->d - wdFirst + 7) % 7 + 7*(r->w - 1);
    int dim = kqlCalDaysInMonth(y, r->m);
    while( d >= first + dim ) d -= 7;
    return d;
  }
}

/* UTC offset (seconds) given by the footer rule at Unix second t. */
static int ruleOffset(const TzZone *p, int64_t t){
  int y, m, d;
  int64_t s, e;
  if( !p->bDst ) return p->stdOff;
  kqlCalCivilFromDays(kqlCalFloorDiv(t + p->stdOff, 86400), &y, &m, &d);
  s = ruleDay(&p->start, y)*86400 + p->start.iSec - p->stdOff;
  e = ruleDay(&p->end, y)*86400 + p->end.iSec - p->dstOff;
  if( s<e ) return (t>=s && t<e) ? p->dstOff : p->stdOff;
  return (t>=e && t<s) ? p->stdOff : p->dstOff;
}

/******************************* TZif files *******************************/

static int64_t be32(const unsigned char *a){
  return (int32_t)(((uint32_t)a[0]<<24) | ((uint32_t)a[1]<<16) | ((uint32_t)a[2]<<8) | a[3]);
}
static int64_t be64(const unsigned char *a){
  return (int64_t)(((uint64_t)(uint32_t)be32(a)<<32) | (uint32_t)be32(a+4));
}

/*
** Parse TZif data a[0..n) into p. Uses the 64-bit block of version 2+ files
** and their footer. Returns 0 on success, -1 on malformed data.
*/
static int parseTzif(TzZone *p, const unsigned char *a, size_t n){
  size_t off = 0;
  int nTime = 4;
  for(int pass=0; pass<2; pass++){
    int64_t isut, isstd, leap, tim, typ, chr;
    size_t nBody;
    if( n - off < 44 || memcmp(a+off, "TZif", 4)!=0 ) return -1;
    isut = be32(a+off+20); isstd = be32(a+off+24); leap = be32(a+off+28);
    tim = be32(a+off+32); typ = be32(a+off+36); chr = be32(a+off+40);
    if( isut<0 || isstd<0 || leap<0 || tim<0 || tim>TZ_MAX_TRANS
     || typ<1 || typ>TZ_MAX_TYPES || chr<0 || chr>TZ_MAX_FILE || leap>TZ_MAX_FILE ) return -1;
    nBody = (size_t)(tim*nTime + tim + typ*6 + chr + leap*(nTime+4) + isstd + isut);
    if( n - off - 44 < nBody ) return -1;
    if( pass==0 && a[off+4]>='2' ){
      off += 44 + nBody;          /* skip the 32-bit block */
      nTime = 8;
      continue;
    }
    {
      const unsigned char *q = a + off + 44;
      p->nTrans = (int)tim;
      p->nType = (int)typ;
      for(int i=0; i<tim; i++) p->aTrans[i] = nTime==8 ? be64(q + i*8) : be32(q + i*4);
      q += tim*nTime;
      for(int i=0; i<tim; i++){
        if( q[i]>=typ ) return -1;
        p->aIdx[i] = q[i];
      }
      q += tim;
      for(int i=0; i<typ; i++) p->aOff[i] = (int)be32(q + i*6);
      off += 44 + nBody;
    }
    if( nTime==8 && off<n && a[off]=='\n' ){
      char zRule[128];
      size_t j = off + 1, k = 0;
      while( j<n && a[j]!='\n' && k<sizeof(zRule)-1 ) zRule[k++] = (char)a[j++];
      zRule[k] = 0;
      if( j<n && a[j]=='\n' ) parseTzRule(p, zRule);
    }
    return 0;
  }
  return -1;
}

/* UTC offset in seconds at Unix second t. */
static int zoneOffset(const TzZone *p, int64_t t){
  int lo = 0, hi = p->nTrans - 1;
  if( p->nTrans==0 || t<p->aTrans[0] ){
    if( p->nTrans==0 && p->bRule ) return ruleOffset(p, t);
    return p->aOff[0];
  }
  if( t>=p->aTrans[p->nTrans-1] && p->bRule ) return ruleOffset(p, t);
  while( lo<hi ){                     /* last transition <= t */
    int mid = (lo + hi + 1)/2;
    if( p->aTrans[mid]<=t ) lo = mid; else hi = mid - 1;
  }
  return p->aOff[p->aIdx[lo]];
}

/* 1 when z is a safe relative zone file name (no "..", no leading '/'). */
static int tzNameOk(const char *z, int n){
  if( n<1 || n>100 || z[0]=='/' || z[0]=='.' ) return 0;
  for(int i=0; i<n; i++){
    char c = z[i];
    if( !(isalnum((unsigned char)c) || c=='/' || c=='_' || c=='-' || c=='+') ) return 0;
    if( c=='/' && i+1<n && z[i+1]=='.' ) return 0;
  }
  return 1;
}

/*
** Parse a fixed offset "+hh[:mm]", "-hh[:mm]", optionally after "UTC" or
** "GMT", or a bare "UTC"/"GMT"/"Z". Returns 1 and sets *pOff (seconds east).
*/
static int parseFixedZone(const char *z, int n, int *pOff){
  char zBuf[32];
  const char *q;
  int ok = 1, v;
  if( n>=(int)sizeof(zBuf) ) return 0;
  memcpy(zBuf, z, (size_t)n); zBuf[n] = 0;
  q = zBuf;
  if( strncasecmp(q, "UTC", 3)==0 || strncasecmp(q, "GMT", 3)==0 ) q += 3;
  else if( strcasecmp(q, "Z")==0 ) q++;
  if( *q==0 ){ *pOff = 0; return 1; }
  if( *q!='+' && *q!='-' ) return 0;
  v = parseTzTime(&q, &ok);
  if( !ok || *q || v>18*3600 || v<-18*3600 ) return 0;
  *pOff = v;
  return 1;
}

/* Load zone z[0..n) into a new TzZone (sqlite3_malloc), or NULL. */
static TzZone *loadZone(const char *z, int n){
  TzZone *p;
  int fixedOff;
  if( parseFixedZone(z, n, &fixedOff) ){
    p = sqlite3_malloc(sizeof(*p));
    if( p==0 ) return 0;
    memset(p, 0, sizeof(*p));
    p->nType = 1;
    p->aOff[0] = fixedOff;
    return p;
  }
  if( !tzNameOk(z, n) ) return 0;
  {
    char zPath[160];
    FILE *f;
    unsigned char *a;
    size_t nRead;
    snprintf(zPath, sizeof(zPath), TZ_DIR "%.*s", n, z);
    f = fopen(zPath, "rb");
    if( f==0 ) return 0;
    a = sqlite3_malloc(TZ_MAX_FILE);
    p = sqlite3_malloc(sizeof(*p));
    if( a==0 || p==0 ){
      fclose(f); sqlite3_free(a); sqlite3_free(p);
      return 0;
    }
    nRead = fread(a, 1, TZ_MAX_FILE, f);
    fclose(f);
    memset(p, 0, sizeof(*p));
    if( nRead>=TZ_MAX_FILE || parseTzif(p, a, nRead) ){
      sqlite3_free(p);
      p = 0;
    }
    sqlite3_free(a);
    return p;
  }
}

/*
** kql_datetime_utc_to_local(dt, zone) (user data 0) and
** kql_datetime_local_to_utc(dt, zone) (user data 1).
*/
static void fnTz(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bToUtc = sqlite3_user_data(ctx)!=0;
  const char *zFunc = bToUtc ? "datetime_local_to_utc" : "datetime_utc_to_local";
  TzZone *pZone;
  int64_t t, sec, r;
  (void)argc;
  if( !kqlFnArgTicks(argv[0], &t) || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  pZone = sqlite3_get_auxdata(ctx, 1);
  if( pZone==0 ){
    int n;
    const char *z = kqlFnText(argv[1], &n);
    pZone = loadZone(z, n);
    if( pZone==0 ){
      kqlFnError(ctx, zFunc, "unknown time zone '%.*s'", n>60 ? 60 : n, z);
      return;
    }
    sqlite3_set_auxdata(ctx, 1, pZone, sqlite3_free);
    pZone = sqlite3_get_auxdata(ctx, 1);
    if( pZone==0 ){ sqlite3_result_error_nomem(ctx); return; }
  }
  sec = kqlCalFloorDiv(t, KQL_TICKS_PER_SECOND);
  if( !bToUtc ){
    r = t + (int64_t)zoneOffset(pZone, sec)*KQL_TICKS_PER_SECOND;
  }else{
    /* Find u with u + off(u) == local: try the offsets around the instant. */
    int off1 = zoneOffset(pZone, sec - zoneOffset(pZone, sec));
    int off2 = zoneOffset(pZone, sec - off1);
    r = t - (int64_t)off2*KQL_TICKS_PER_SECOND;
  }
  if( kqlCalInRange(r) ) sqlite3_result_int64(ctx, r);
}

/* kqlFnRegisterTz(): register this group's SQL functions on db; an SQLite result code (fn_dtint.h). */
int kqlFnRegisterTz(sqlite3 *db){
  int rc = sqlite3_create_function(db, "kql_datetime_utc_to_local", 2,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, fnTz, 0, 0);
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_function(db, "kql_datetime_local_to_utc", 2,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, (void*)(intptr_t)1, fnTz, 0, 0);
  }
  return rc;
}
