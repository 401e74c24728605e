/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL conversion functions as SQLite functions: tostring, toint, tolong,
** toreal/todouble, todecimal, tobool/toboolean, toguid, todatetime,
** totimespan, tohex, parse_json/todynamic/parsejson and gettype. Every one
** takes the KQL_FNF_TAGS type-tag text as its first SQL argument, because
** the result depends on the argument's KQL type (a datetime and a long are
** both INTEGER in SQLite; a dynamic and a string are both TEXT). Failed
** conversions give NULL, as the Kusto reference pages specify.
*/
#include "fn.h"
#include "fn_text.h"
#include "fnutil.h"
#include "value.h"
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* .NET ticks (since 0001-01-01) of the Unix epoch. */
#define DOTNET_EPOCH_TICKS 621355968000000000LL

/* A scalar extracted from an argument of any KQL type. */
#define SC_NULL  0
#define SC_INT   1    /* iVal; eType says bool/int/long/datetime/timespan */
#define SC_REAL  2    /* rVal */
#define SC_TEXT  3    /* z/n: a string (or a JSON string's contents) */
#define SC_JSON  4    /* z/n: a JSON array, object or other non-scalar */

typedef struct Scalar Scalar;
struct Scalar {
  int eKind;            /* SC_* */
  int eType;            /* KQL type of the value (for dynamic: of the element) */
  sqlite3_int64 iVal;   /* SC_INT */
  double rVal;          /* SC_REAL */
  const char *z;        /* SC_TEXT/SC_JSON text (not NUL-terminated) */
  int n;                /* its length */
  sqlite3_str *pOwn;    /* owns z when a JSON string was unescaped */
  char *zOwn;           /* finished text of pOwn */
};

static void scalarClear(Scalar *p){
  sqlite3_free(p->zOwn);
  p->zOwn = 0;
}

/* Trim JSON white space from both ends of z[0..*pn). */
static const char *trimWs(const char *z, int *pn){
  int n = *pn;
  while( n>0 && (z[0]==' ' || z[0]=='\t' || z[0]=='\n' || z[0]=='\r') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\n' || z[n-1]=='\r') ) n--;
  *pn = n;
  return z;
}

/*
** Read argument pVal of KQL type eType into p. Dynamic values are looked
** into: a JSON number becomes SC_INT/SC_REAL, true/false SC_INT bool, a
** JSON string SC_TEXT, null SC_NULL, anything else SC_JSON. Returns
** SQLITE_OK or SQLITE_NOMEM.
*/
static int scalarRead(int eType, sqlite3_value *pVal, Scalar *p){
  int eSql = sqlite3_value_type(pVal);
  memset(p, 0, sizeof(*p));
  eType = kqlFnEffectiveType(eType, pVal);
  p->eType = eType;
  if( eSql==SQLITE_NULL ){ p->eKind = SC_NULL; return SQLITE_OK; }
  if( eType!=KQL_T_DYNAMIC ){
    if( eSql==SQLITE_INTEGER ){ p->eKind = SC_INT; p->iVal = sqlite3_value_int64(pVal); }
    else if( eSql==SQLITE_FLOAT ){ p->eKind = SC_REAL; p->rVal = kqlFnReal(pVal); }
    else { p->eKind = SC_TEXT; p->z = kqlFnText(pVal, &p->n); }
    return SQLITE_OK;
  }
  if( eSql==SQLITE_INTEGER ){ p->eKind = SC_INT; p->eType = KQL_T_LONG; p->iVal = sqlite3_value_int64(pVal); return SQLITE_OK; }
  if( eSql==SQLITE_FLOAT ){ p->eKind = SC_REAL; p->eType = KQL_T_REAL; p->rVal = kqlFnReal(pVal); return SQLITE_OK; }
  {
    int n;
    const char *z = trimWs(kqlFnText(pVal, &n), &n);
    if( n==0 || (n==4 && memcmp(z, "null", 4)==0) ){ p->eKind = SC_NULL; return SQLITE_OK; }
    if( n==4 && memcmp(z, "true", 4)==0 ){ p->eKind = SC_INT; p->eType = KQL_T_BOOL; p->iVal = 1; return SQLITE_OK; }
    if( n==5 && memcmp(z, "false", 5)==0 ){ p->eKind = SC_INT; p->eType = KQL_T_BOOL; p->iVal = 0; return SQLITE_OK; }
    if( z[0]=='"' ){
      p->pOwn = sqlite3_str_new(0);
      if( kqlFnJsonUnquote(p->pOwn, z, n) ){
        p->n = sqlite3_str_length(p->pOwn);
        p->zOwn = sqlite3_str_finish(p->pOwn);
        p->pOwn = 0;
        if( p->zOwn==0 && p->n>0 ) return SQLITE_NOMEM;
        p->z = p->zOwn ? p->zOwn : "";
        p->eKind = SC_TEXT;
        p->eType = KQL_T_STRING;
        return SQLITE_OK;
      }
      sqlite3_free(sqlite3_str_finish(p->pOwn));
      p->pOwn = 0;
    }
    if( z[0]=='-' || (z[0]>='0' && z[0]<='9') ){
      int bReal = 0;
      for(int i=0; i<n; i++){ if( z[i]=='.' || z[i]=='e' || z[i]=='E' ) bReal = 1; }
      if( !bReal && n<=19 ){
        char zNum[24];
        memcpy(zNum, z, (size_t)n); zNum[n] = 0;
        p->eKind = SC_INT; p->eType = KQL_T_LONG; p->iVal = strtoll(zNum, 0, 10);
        return SQLITE_OK;
      }
      {
        char zNum[64];
        if( n<(int)sizeof(zNum) ){
          memcpy(zNum, z, (size_t)n); zNum[n] = 0;
          p->eKind = SC_REAL; p->eType = KQL_T_REAL; p->rVal = strtod(zNum, 0);
          return SQLITE_OK;
        }
      }
    }
    p->eKind = SC_JSON;
    p->z = z; p->n = n;
  }
  return SQLITE_OK;
}

/*
** Parse a decimal number from text (blanks around allowed): integer or
** real with optional fraction and exponent, or NaN/Infinity/-Infinity.
** Returns 1 for an integer (*piVal), 2 for a real (*prVal), 0 if none.
*/
static int parseNumber(const char *z, int n, sqlite3_int64 *piVal, double *prVal){
  char zBuf[80];
  int i = 0, nDig = 0, bReal = 0, iStart;
  z = trimWs(z, &n);
  if( n==0 || n>=(int)sizeof(zBuf) ) return 0;
  memcpy(zBuf, z, (size_t)n); zBuf[n] = 0;
  if( strcmp(zBuf, "NaN")==0 ){ *prVal = NAN; return 2; }
  if( strcmp(zBuf, "Infinity")==0 || strcmp(zBuf, "+Infinity")==0 ){ *prVal = INFINITY; return 2; }
  if( strcmp(zBuf, "-Infinity")==0 ){ *prVal = -INFINITY; return 2; }
  iStart = i;
  if( zBuf[i]=='+' || zBuf[i]=='-' ) i++;
  while( zBuf[i]>='0' && zBuf[i]<='9' ){ i++; nDig++; }
  if( zBuf[i]=='.' ){
    bReal = 1; i++;
    while( zBuf[i]>='0' && zBuf[i]<='9' ){ i++; nDig++; }
  }
  if( nDig==0 ) return 0;
  if( zBuf[i]=='e' || zBuf[i]=='E' ){
    int nExp = 0;
    bReal = 1; i++;
    if( zBuf[i]=='+' || zBuf[i]=='-' ) i++;
    while( zBuf[i]>='0' && zBuf[i]<='9' ){ i++; nExp++; }
    if( nExp==0 ) return 0;
  }
  if( zBuf[i]!=0 ) return 0;
  if( !bReal ){
    long long v;
    errno = 0;
    v = strtoll(zBuf+iStart, 0, 10);
    if( errno==ERANGE ){
      /* out of range: fall back to a real */
      *prVal = strtod(zBuf+iStart, 0);
      return 2;
    }
    *piVal = v;
    return 1;
  }
  *prVal = strtod(zBuf+iStart, 0);
  return 2;
}

/*
** The numeric value of an argument for toint/tolong/toreal/todecimal:
** bools 0/1, numbers as is, datetimes as .NET ticks, timespans as ticks,
** strings parsed. Returns 1 integer, 2 real, 0 no number.
*/
static int numberOf(const Scalar *p, sqlite3_int64 *piVal, double *prVal){
  switch( p->eKind ){
    case SC_INT:
      *piVal = p->iVal;
      if( p->eType==KQL_T_DATETIME ) *piVal = p->iVal + DOTNET_EPOCH_TICKS;
      return 1;
    case SC_REAL:
      *prVal = p->rVal;
      return 2;
    case SC_TEXT:
      if( p->eType==KQL_T_GUID ) return 0;
      return parseNumber(p->z, p->n, piVal, prVal);
    default:
      return 0;
  }
}

/* Kinds of integer conversion (user data of toIntFunc). */
#define CONV_INT   32
#define CONV_LONG  64

/*
** toint(tags, v) / tolong(tags, v): NULL when v is not a number or the
** truncated value does not fit the result type.
*/
static void toIntFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int nBits = (int)(intptr_t)sqlite3_user_data(ctx);
  Scalar s;
  sqlite3_int64 i = 0;
  double r = 0;
  int k;
  (void)argc;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  k = numberOf(&s, &i, &r);
  scalarClear(&s);
  if( k==2 ){
    if( isnan(r) ) return;
    r = trunc(r);
    if( r < -9223372036854775808.0 || r >= 9223372036854775808.0 ) return;
    i = (sqlite3_int64)r;
  }else if( k==0 ){
    return;
  }
  if( nBits==CONV_INT && (i<INT32_MIN || i>INT32_MAX) ) return;
  sqlite3_result_int64(ctx, i);
}

/* toreal/todouble/todecimal(tags, v): NULL when v is not a number. */
static void toRealFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Scalar s;
  sqlite3_int64 i = 0;
  double r = 0;
  int k;
  (void)argc;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  k = numberOf(&s, &i, &r);
  scalarClear(&s);
  if( k==1 ) sqlite3_result_double(ctx, (double)i);
  else if( k==2 ) kqlFnResultReal(ctx, r);    /* todouble("NaN") is NaN */
}

/*
** tobool/toboolean(tags, v): "true"/"false" in any letter case, numbers
** (non-zero is true), integer strings likewise; anything else NULL.
*/
static void toBoolFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Scalar s;
  (void)argc;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  switch( s.eKind ){
    case SC_INT:  sqlite3_result_int(ctx, s.iVal!=0); break;
    case SC_REAL: if( !isnan(s.rVal) ) sqlite3_result_int(ctx, s.rVal!=0.0); break;
    case SC_TEXT: {
      int n = s.n;
      const char *z = trimWs(s.z, &n);
      sqlite3_int64 i;
      double r;
      if( n==4 && sqlite3_strnicmp(z, "true", 4)==0 ) sqlite3_result_int(ctx, 1);
      else if( n==5 && sqlite3_strnicmp(z, "false", 5)==0 ) sqlite3_result_int(ctx, 0);
      else if( parseNumber(z, n, &i, &r)==1 ) sqlite3_result_int(ctx, i!=0);
      break;
    }
    default: break;
  }
  scalarClear(&s);
}

/* toguid(tags, v): a lower-case 8-4-4-4-12 guid, or NULL. */
static void toGuidFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Scalar s;
  char zG[40];
  (void)argc;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  if( s.eKind==SC_TEXT && kqlValParseGuid(s.z, s.n, zG)==0 ){
    sqlite3_result_text(ctx, zG, 36, SQLITE_TRANSIENT);
  }
  scalarClear(&s);
}

/*
** todatetime(tags, v): datetimes pass through, strings are parsed with
** kqlValParseDatetime; other types give NULL.
*/
static void toDatetimeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Scalar s;
  int64_t t;
  (void)argc;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  if( s.eKind==SC_INT && s.eType==KQL_T_DATETIME ){
    sqlite3_result_int64(ctx, s.iVal);
  }else if( s.eKind==SC_TEXT && kqlValParseDatetime(s.z, s.n, &t)==0 ){
    sqlite3_result_int64(ctx, t);
  }
  scalarClear(&s);
}

/*
** totimespan(tags, v): timespans pass through, strings are parsed with
** kqlValParseTimespan, integers are taken as ticks; otherwise NULL.
*/
static void toTimespanFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Scalar s;
  int64_t t;
  (void)argc;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  if( s.eKind==SC_INT && s.eType!=KQL_T_DATETIME && s.eType!=KQL_T_BOOL ){
    sqlite3_result_int64(ctx, s.iVal);
  }else if( s.eKind==SC_TEXT && kqlValParseTimespan(s.z, s.n, &t)==0 ){
    sqlite3_result_int64(ctx, t);
  }
  scalarClear(&s);
}

/* tostring(tags, v): the tostring() text; "" for NULL. */
static void toStringFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  kqlFnAppendText(p, kqlFnTagType(argv[0], 0), argv[1]);
  kqlFnResultStr(ctx, p);
}

/*
** tohex(tags, v [, minLength]): lower-case hex; negative ints use 32-bit
** and negative longs 64-bit two's complement; minLength (capped at 16)
** pads with zeros. NULL for non-integers.
*/
static void toHexFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Scalar s;
  char zHex[20], zOut[20];
  int nHex, nMin = 0;
  uint64_t u;
  if( scalarRead(kqlFnTagType(argv[0], 0), argv[1], &s) ){ sqlite3_result_error_nomem(ctx); return; }
  if( s.eKind!=SC_INT || s.eType==KQL_T_DATETIME ){
    if( s.eKind==SC_REAL && s.rVal==trunc(s.rVal) && fabs(s.rVal)<9.2e18 ){
      s.eKind = SC_INT; s.iVal = (sqlite3_int64)s.rVal; s.eType = KQL_T_LONG;
    }else{
      scalarClear(&s);
      return;
    }
  }
  scalarClear(&s);
  if( argc>2 ){
    if( sqlite3_value_type(argv[2])==SQLITE_NULL ) return;
    nMin = (int)sqlite3_value_int64(argv[2]);
    if( nMin>16 ) nMin = 16;
    if( nMin<0 ) nMin = 0;
  }
  u = (uint64_t)s.iVal;
  if( s.eType==KQL_T_INT && s.iVal<0 && s.iVal>=INT32_MIN ) u &= 0xFFFFFFFFu;
  nHex = 0;
  do{ zHex[nHex++] = "0123456789abcdef"[u & 15]; u >>= 4; }while( u );
  {
    int n = 0;
    for(int k=nHex; k<nMin; k++) zOut[n++] = '0';
    while( nHex>0 ) zOut[n++] = zHex[--nHex];
    sqlite3_result_text(ctx, zOut, n, SQLITE_TRANSIENT);
  }
}

/*
** parse_json/todynamic/parsejson(tags, v): a dynamic passes through; a
** string holding valid JSON becomes that JSON (minified); any other string
** becomes a JSON string; "" (or blanks) gives NULL (gettype() says "null"); values of
** other types become their JSON form.
*/
static void parseJsonFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eType = kqlFnEffectiveType(kqlFnTagType(argv[0], 0), argv[1]);
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  p = sqlite3_str_new(0);
  if( eType==KQL_T_STRING || eType==KQL_T_DYNAMIC ){
    int n;
    const char *z = kqlFnText(argv[1], &n);
    int nT = n;
    const char *zT = trimWs(z, &nT);
    if( nT==0 ){
      sqlite3_free(sqlite3_str_finish(p));
      return;
    }
    if( kqlFnJsonValid(zT, nT) ) kqlFnAppendJsonMinified(p, zT, nT);
    else kqlFnAppendJsonString(p, z, n);
  }else{
    kqlFnAppendJsonValue(p, eType, argv[1]);
  }
  kqlFnResultStr(ctx, p);
}

/*
** gettype(tags, v): the KQL type name; for dynamic values the type of the
** element: "array", "dictionary", "string", "int" (fits 32 bits), "long",
** "real", "bool" or "null".
*/
static void getTypeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eType = kqlFnEffectiveType(kqlFnTagType(argv[0], 0), argv[1]);
  const char *zName;
  (void)argc;
  if( eType==KQL_T_DYNAMIC ){
    int n;
    const char *z;
    if( sqlite3_value_type(argv[1])==SQLITE_NULL ){ zName = "null"; }
    else if( sqlite3_value_type(argv[1])==SQLITE_INTEGER ){ zName = "long"; }
    else if( sqlite3_value_type(argv[1])==SQLITE_FLOAT ){ zName = "real"; }
    else{
      z = trimWs(kqlFnText(argv[1], &n), &n);
      if( n==0 || !kqlFnJsonValid(z, n) ) zName = n==0 ? "null" : "string";
      else if( z[0]=='[' ) zName = "array";
      else if( z[0]=='{' ) zName = "dictionary";
      else if( z[0]=='"' ) zName = "string";
      else if( z[0]=='t' || z[0]=='f' ) zName = "bool";
      else if( z[0]=='n' ) zName = "null";
      else{
        sqlite3_int64 i;
        double r;
        int k = parseNumber(z, n, &i, &r);
        zName = k==1 ? (i>=INT32_MIN && i<=INT32_MAX ? "int" : "long") : "real";
      }
    }
  }else if( eType==KQL_T_UNKNOWN ){
    zName = "null";
  }else{
    zName = kqlTypeName(eType);
  }
  sqlite3_result_text(ctx, zName, -1, SQLITE_STATIC);
}

static const FnDef aConvertFn[] = {
  {"kql_tostring",    2, 0,         toStringFunc},
  {"kql_toint",       2, CONV_INT,  toIntFunc},
  {"kql_tolong",      2, CONV_LONG, toIntFunc},
  {"kql_toreal",      2, 0,         toRealFunc},
  {"kql_todecimal",   2, 0,         toRealFunc},
  {"kql_tobool",      2, 0,         toBoolFunc},
  {"kql_toguid",      2, 0,         toGuidFunc},
  {"kql_todatetime",  2, 0,         toDatetimeFunc},
  {"kql_totimespan",  2, 0,         toTimespanFunc},
  {"kql_tohex",       2, 0,         toHexFunc},
  {"kql_tohex",       3, 0,         toHexFunc},
  {"kql_parse_json",  2, 0,         parseJsonFunc},
  {"kql_gettype",     2, 0,         getTypeFunc},
};

/*
** Register the conversion functions (fn.h).
*/
int kqlFnRegisterConvert(sqlite3 *db){
  return kqlFnRegisterTable(db, aConvertFn, (int)(sizeof(aConvertFn)/sizeof(aConvertFn[0])));
}
