/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Loaders: one cell at a time. kqlLoadCellMask() says which KQL types a
** value could be loaded as without losing anything (type inference);
** kqlLoadCellBind() converts a value to its column's storage form (types.h)
** and binds it to the INSERT. Conversion for a typed column is lenient about
** spelling (blanks around numbers, "1.0" for an int, True/FALSE/1/0 for a
** bool, every datetime form value.c knows) but never guesses: a value that
** does not convert is an error naming the column and the value's place in
** the file. Inference is strict instead ("007", "+5" and " 12" stay strings)
** so that choosing a type never changes what a cell said.
*/
#include "loadInt.h"
#include "types.h"
#include "value.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BIT(t) (1u<<(t))

static int isBlank(char c){
  return c==' ' || c=='\t' || c=='\r' || c=='\n';
}

/* Drop blanks from both ends of the text *pz of *pn bytes. */
static void trim(const char **pz, int *pn){
  const char *z = *pz;
  int n = *pn;
  while( n>0 && isBlank(z[0]) ){ z++; n--; }
  while( n>0 && isBlank(z[n-1]) ) n--;
  *pz = z;
  *pn = n;
}

/* [+-]?[0-9]+ that fits in 64 bits. Returns 0 and sets *pV, or -1. */
static int parseIntDigits(const char *z, int n, int64_t *pV){
  uint64_t v = 0;
  int i = 0, bNeg = 0;
  if( n>0 && (z[0]=='-' || z[0]=='+') ){ bNeg = z[0]=='-'; i++; }
  if( i>=n ) return -1;
  for(; i<n; i++){
    unsigned d = (unsigned)(z[i]-'0');
    if( d>9 ) return -1;
    if( v > (UINT64_MAX - d)/10 ) return -1;
    v = v*10 + d;
  }
  if( bNeg ){
    if( v > (uint64_t)INT64_MAX + 1 ) return -1;
    *pV = (int64_t)(0 - v);
  }else{
    if( v > (uint64_t)INT64_MAX ) return -1;
    *pV = (int64_t)v;
  }
  return 0;
}

/*
** Is z[0..n) a JSON number, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
** Sets *pbInt when it has neither fraction nor exponent.
*/
static int isJsonNumber(const char *z, int n, int *pbInt){
  int i = 0;
  *pbInt = 1;
  if( i<n && z[i]=='-' ) i++;
  if( i>=n ) return 0;
  if( z[i]=='0' ){
    i++;
  }else if( z[i]>='1' && z[i]<='9' ){
    while( i<n && z[i]>='0' && z[i]<='9' ) i++;
  }else{
    return 0;
  }
  if( i<n && z[i]=='.' ){
    *pbInt = 0;
    i++;
    if( i>=n || z[i]<'0' || z[i]>'9' ) return 0;
    while( i<n && z[i]>='0' && z[i]<='9' ) i++;
  }
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    *pbInt = 0;
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
    if( i>=n || z[i]<'0' || z[i]>'9' ) return 0;
    while( i<n && z[i]>='0' && z[i]<='9' ) i++;
  }
  return i==n;
}

/* Case-insensitive comparison of z[0..n) with the word zWord. */
static int isWord(const char *z, int n, const char *zWord){
  return (int)strlen(zWord)==n && strncasecmp(z, zWord, (size_t)n)==0;
}

/*
** A real number in decimal notation ([+-], digits, '.', exponent) or one of
** NaN, Infinity, inf with an optional sign, any case. No blanks. Returns 0
** and sets *pR, or -1.
*/
static int parseReal(const char *z, int n, double *pR){
  char zBuf[512];
  char *zEnd = 0;
  int nDigit = 0;
  const char *zWord = z;
  int nWord = n;
  if( nWord>0 && (zWord[0]=='-' || zWord[0]=='+') ){ zWord++; nWord--; }
  if( isWord(zWord, nWord, "nan") ){ *pR = NAN; return 0; }
  if( isWord(zWord, nWord, "infinity") || isWord(zWord, nWord, "inf") ){
    *pR = z[0]=='-' ? -INFINITY : INFINITY;
    return 0;
  }
  if( n<=0 || n>=(int)sizeof(zBuf) ) return -1;
  for(int i=0; i<n; i++){
    char c = z[i];
    if( c>='0' && c<='9' ){ nDigit++; continue; }
    if( c=='+' || c=='-' || c=='.' || c=='e' || c=='E' ) continue;
    return -1;
  }
  if( nDigit==0 ) return -1;
  memcpy(zBuf, z, (size_t)n);
  zBuf[n] = 0;
  *pR = strtod(zBuf, &zEnd);
  return zEnd==zBuf+n ? 0 : -1;
}

/*
** An integer for an int/long column: [+-]digits, or a real number with no
** fractional part within range ("1.0", "2e3"). Returns 0 and sets *pV, or -1.
*/
static int parseLong(const char *z, int n, int64_t *pV){
  double r;
  if( parseIntDigits(z, n, pV)==0 ) return 0;
  if( parseReal(z, n, &r)==0 && isfinite(r) && r==floor(r)
   && r>=-9223372036854775808.0 && r<9223372036854775808.0 ){
    *pV = (int64_t)r;
    return 0;
  }
  return -1;
}

/* true/false (any case), and 1/0 unless bStrict. Returns 0 and sets *pB, or -1. */
static int parseBool(const char *z, int n, int bStrict, int *pB){
  if( isWord(z, n, "true") ){ *pB = 1; return 0; }
  if( isWord(z, n, "false") ){ *pB = 0; return 0; }
  if( !bStrict && n==1 && (z[0]=='0' || z[0]=='1') ){ *pB = z[0]=='1'; return 0; }
  return -1;
}

/* Does z[0..n) begin like an ISO 8601 date, "dddd-dd-dd" then end, 'T' or ' '? */
static int isIsoDate(const char *z, int n){
  static const char aShape[] = "dddd-dd-dd";
  if( n<10 ) return 0;
  for(int i=0; i<10; i++){
    if( aShape[i]=='d' ){ if( z[i]<'0' || z[i]>'9' ) return 0; }
    else if( z[i]!='-' ) return 0;
  }
  return n==10 || z[10]=='T' || z[10]==' ';
}

/* Strict real for inference: a JSON number whose value is finite. */
static int isStrictReal(const char *z, int n){
  int bInt;
  double r;
  return isJsonNumber(z, n, &bInt) && parseReal(z, n, &r)==0 && isfinite(r);
}

/*
** The types (bit 1<<KQL_T_x) value pCell can be loaded as without loss,
** looking only at the types in mWant (the others may be left out of the
** answer). An empty cell or a JSON null fits every type: returns ~0u.
**   CSV text: string; long and real for plain decimal numbers (no sign
**     '+', no leading zeros or blanks); bool for true/false; datetime for
**     ISO 8601 dates; dynamic (and then not string) for a JSON object or
**     array.
**   JSON: numbers long/real, true/false bool, strings string (datetime
**     when ISO 8601), objects and arrays dynamic only; every scalar also
**     fits string and dynamic.
*/
unsigned kqlLoadCellMask(const KqlLoadCell *pCell, unsigned mWant){
  const char *z = pCell->z;
  int n = pCell->n;
  unsigned m;
  int64_t iDummy;
  switch( pCell->eKind ){
    case KL_CELL_TEXT:
      if( n==0 ) return ~0u;
      if( (mWant & BIT(KQL_T_DYNAMIC)) && (z[0]=='{' || z[0]=='[')
       && kqlLoadJsonMinify(z, n, 0, 0)==0 ){
        return BIT(KQL_T_DYNAMIC);
      }
      m = BIT(KQL_T_STRING);
      if( mWant & (BIT(KQL_T_LONG)|BIT(KQL_T_REAL)) ){
        int bInt;
        if( isJsonNumber(z, n, &bInt) ){
          /* an integer too big for a long stays text: a real would round it */
          if( bInt ){
            if( parseIntDigits(z, n, &iDummy)==0 ) m |= BIT(KQL_T_LONG)|BIT(KQL_T_REAL);
          }else if( isStrictReal(z, n) ){
            m |= BIT(KQL_T_REAL);
          }
        }
      }
      if( (mWant & BIT(KQL_T_BOOL)) && parseBool(z, n, 1, &(int){0})==0 ){
        m |= BIT(KQL_T_BOOL);
      }
      if( (mWant & BIT(KQL_T_DATETIME)) && isIsoDate(z, n)
       && kqlValParseDatetime(z, n, &iDummy)==0 ){
        m |= BIT(KQL_T_DATETIME);
      }
      return m;
    case KL_CELL_STR:
      m = BIT(KQL_T_STRING)|BIT(KQL_T_DYNAMIC);
      if( (mWant & BIT(KQL_T_DATETIME)) && isIsoDate(z, n)
       && kqlValParseDatetime(z, n, &iDummy)==0 ){
        m |= BIT(KQL_T_DATETIME);
      }
      return m;
    case KL_CELL_INT:
      m = BIT(KQL_T_STRING)|BIT(KQL_T_DYNAMIC);
      if( parseIntDigits(z, n, &iDummy)==0 ) m |= BIT(KQL_T_LONG)|BIT(KQL_T_REAL);
      return m;
    case KL_CELL_NUM:
      m = BIT(KQL_T_STRING)|BIT(KQL_T_DYNAMIC);
      if( isStrictReal(z, n) ) m |= BIT(KQL_T_REAL);
      return m;
    case KL_CELL_TRUE:
    case KL_CELL_FALSE:
      return BIT(KQL_T_BOOL)|BIT(KQL_T_STRING)|BIT(KQL_T_DYNAMIC);
    case KL_CELL_NULL:
      return ~0u;
    default: /* KL_CELL_JSON */
      return BIT(KQL_T_DYNAMIC);
  }
}

/*
** The type inference picks from the candidate mask of a column: the first
** of long, real, bool, datetime, string, dynamic that every value fits;
** string when none does or the column never held a value.
*/
int kqlLoadTypeFromMask(unsigned mCand, int bSeen){
  static const int aOrder[] = {
    KQL_T_LONG, KQL_T_REAL, KQL_T_BOOL, KQL_T_DATETIME, KQL_T_STRING, KQL_T_DYNAMIC
  };
  if( !bSeen ) return KQL_T_STRING;
  for(unsigned i=0; i<sizeof(aOrder)/sizeof(aOrder[0]); i++){
    if( mCand & BIT(aOrder[i]) ) return aOrder[i];
  }
  return KQL_T_STRING;
}

/*
** Give column iCol its value for records that lack it: "" for a string
** column (KQL strings are never null), NULL for the others.
** Returns KL_OK or KL_ERROR.
*/
int kqlLoadBindDefault(KqlLoader *p, int iCol){
  KqlLoadCol *pCol = &p->aCol[iCol];
  int rc;
  if( pCol->eType==KQL_T_STRING ){
    rc = sqlite3_bind_text(p->pIns, pCol->iParam, "", 0, SQLITE_STATIC);
  }else{
    rc = sqlite3_bind_null(p->pIns, pCol->iParam);
  }
  if( rc ) return kqlLoadError(p, 0, "cannot bind: %s", sqlite3_errmsg(p->db));
  pCol->bDefault = 1;
  return KL_OK;
}

/* Error for a value of pCell that type eType cannot hold. */
static int badValue(KqlLoader *p, const KqlLoadCell *pCell, int eType, const char *zWhy){
  char zVal[100];
  const char *z = pCell->z;
  int n = pCell->n;
  if( pCell->eKind==KL_CELL_TRUE ){ z = "true"; n = 4; }
  if( pCell->eKind==KL_CELL_FALSE ){ z = "false"; n = 5; }
  kqlLoadQuoteValue(zVal, sizeof(zVal), z, (size_t)n);
  return kqlLoadError(p, pCell->zLoc, "cannot parse %s %s for column %s%s",
                      kqlTypeName(eType), zVal, p->aCol[pCell->iCol].zName, zWhy);
}

/* Make pVal text z[0..n); bCopy when z lives in p->conv or pVal->zBuf. */
static void valText(KqlLoadVal *pVal, const char *z, int n, int bCopy){
  pVal->eVal = KL_VAL_TEXT;
  pVal->z = z;
  pVal->n = n;
  pVal->bTransient = bCopy;
}

/* CSV text z[0..n) as a dynamic value: the JSON it holds, minified, when it
** is JSON; else a JSON string (in p->conv). Returns KL_OK or KL_ERROR. */
static int dynamicText(KqlLoader *p, KqlLoadVal *pVal, const char *z, int n){
  const char *zT = z;
  int nT = n;
  int nOut = 0;
  trim(&zT, &nT);
  p->conv.n = 0;
  if( kqlLoadStrReserve(p, &p->conv, (size_t)n*6 + 8) ) return KL_ERROR;
  if( nT>0 && kqlLoadJsonMinify(zT, nT, p->conv.z, &nOut)==0 ){
    valText(pVal, p->conv.z, nOut, 1);
    return KL_OK;
  }
  kqlLoadJsonQuote(&p->conv, z, n);
  valText(pVal, p->conv.z, (int)p->conv.n, 1);
  return KL_OK;
}

/*
** Convert the value pCell to the storage form of type eType (its column's)
** in *pVal: KL_VAL_DEFAULT for a missing value (the column default), else
** an integer, real, NULL (a NaN real) or text. Text points into the block,
** the scratch buffer, p->conv or pVal->zBuf (bTransient for the last two)
** and stays valid until the next conversion. Shared by the loader's INSERT
** (kqlLoadCellBind) and the streaming scan (scan_vtab.c). Returns KL_OK or
** KL_ERROR (located at the value).
*/
int kqlLoadCellConvert(KqlLoader *p, const KqlLoadCell *pCell, int eType, KqlLoadVal *pVal){
  int eKind = pCell->eKind;
  const char *z = pCell->z;
  int n = pCell->n;
  int bText = eKind==KL_CELL_TEXT || eKind==KL_CELL_STR;
  int64_t v;
  double r;
  int b;

  pVal->eVal = KL_VAL_DEFAULT;
  pVal->bTransient = 0;
  if( eKind==KL_CELL_NULL ) return KL_OK;
  if( bText && eType!=KQL_T_STRING && eType!=KQL_T_DYNAMIC ){
    trim(&z, &n);
    if( n==0 ) return KL_OK;
  }
  switch( eType ){
    case KQL_T_BOOL:
      if( bText || eKind==KL_CELL_INT ){
        if( parseBool(z, n, 0, &b) ) return badValue(p, pCell, eType, "");
      }else if( eKind==KL_CELL_TRUE || eKind==KL_CELL_FALSE ){
        b = eKind==KL_CELL_TRUE;
      }else{
        return badValue(p, pCell, eType, "");
      }
      pVal->eVal = KL_VAL_INT;
      pVal->i = b;
      break;
    case KQL_T_INT:
    case KQL_T_LONG:
      if( eKind==KL_CELL_TRUE || eKind==KL_CELL_FALSE ){
        v = eKind==KL_CELL_TRUE;
      }else if( eKind==KL_CELL_JSON || parseLong(z, n, &v) ){
        return badValue(p, pCell, eType, "");
      }
      if( eType==KQL_T_INT && (v<INT32_MIN || v>INT32_MAX) ){
        return badValue(p, pCell, eType, " (out of range)");
      }
      pVal->eVal = KL_VAL_INT;
      pVal->i = v;
      break;
    case KQL_T_REAL:
    case KQL_T_DECIMAL:
      if( eKind==KL_CELL_TRUE || eKind==KL_CELL_FALSE ){
        r = eKind==KL_CELL_TRUE;
      }else if( eKind==KL_CELL_JSON || parseReal(z, n, &r) ){
        return badValue(p, pCell, eType, "");
      }
      /* SQLite stores a NaN as NULL: kqlite carries a NaN real as the
      ** text "NaN" (interp/fnutil.h kqlFnReal). */
      if( isnan(r) ){
        valText(pVal, "NaN", 3, 0);
      }else{
        pVal->eVal = KL_VAL_REAL;
        pVal->r = r;
      }
      break;
    case KQL_T_DATETIME:
      if( !bText || kqlValParseDatetime(z, n, &v) ) return badValue(p, pCell, eType, "");
      pVal->eVal = KL_VAL_INT;
      pVal->i = v;
      break;
    case KQL_T_TIMESPAN:
      if( !bText || kqlValParseTimespan(z, n, &v) ) return badValue(p, pCell, eType, "");
      pVal->eVal = KL_VAL_INT;
      pVal->i = v;
      break;
    case KQL_T_GUID:
      if( !bText || kqlValParseGuid(z, n, pVal->zBuf) ) return badValue(p, pCell, eType, "");
      valText(pVal, pVal->zBuf, (int)strlen(pVal->zBuf), 1);
      break;
    case KQL_T_DYNAMIC:
      if( eKind==KL_CELL_TEXT ){
        trim(&z, &n);
        if( n==0 ) return KL_OK;
        return dynamicText(p, pVal, pCell->z, pCell->n);
      }else if( eKind==KL_CELL_STR ){
        const char *zT = z;
        int nT = n;
        trim(&zT, &nT);
        int nOut = 0;
        p->conv.n = 0;
        if( kqlLoadStrReserve(p, &p->conv, (size_t)nT+8) ) return KL_ERROR;
        if( nT>0 && (zT[0]=='{' || zT[0]=='[')
         && kqlLoadJsonMinify(zT, nT, p->conv.z, &nOut)==0 ){
          /* a string holding an object or array, as Log Analytics exports
          ** dynamic columns: store the object or array itself */
          valText(pVal, p->conv.z, nOut, 1);
        }else{
          valText(pVal, pCell->zRaw, pCell->nRaw, 0);
        }
      }else if( eKind==KL_CELL_TRUE ){
        valText(pVal, "true", 4, 0);
      }else if( eKind==KL_CELL_FALSE ){
        valText(pVal, "false", 5, 0);
      }else{
        valText(pVal, z, n, 0);
      }
      break;
    default: /* string, and any type without a storage rule of its own */
      if( eKind==KL_CELL_TRUE ) valText(pVal, "true", 4, 0);
      else if( eKind==KL_CELL_FALSE ) valText(pVal, "false", 5, 0);
      else valText(pVal, z, n, 0);
      break;
  }
  return KL_OK;
}

/*
** Convert the value pCell to the storage form of its column's type and bind
** it. For an inferred column in a load whose types came from a sample, a
** value that does not fit the chosen type gives KL_RESTART (it cannot
** happen once the types come from the whole file). Returns KL_OK,
** KL_RESTART or KL_ERROR (located at the value).
*/
int kqlLoadCellBind(KqlLoader *p, const KqlLoadCell *pCell){
  KqlLoadCol *pCol = &p->aCol[pCell->iCol];
  int eType = pCol->eType;
  int iParam = pCol->iParam;
  int rc = SQLITE_OK;
  KqlLoadVal val;

  if( iParam==0 ){
    /* no record of the sample had this column: the INSERT lacks it */
    if( p->bExact ){
      return kqlLoadError(p, pCell->zLoc, "internal error: column %s not in the insert",
                          pCol->zName);
    }
    return KL_RESTART;
  }
  if( pCol->bInfer && !p->bExact ){
    unsigned m = kqlLoadCellMask(pCell, BIT(eType));
    if( m!=~0u && (m & BIT(eType))==0
     && !(eType==KQL_T_STRING && pCell->eKind==KL_CELL_TEXT) ){
      return KL_RESTART;
    }
  }
  if( kqlLoadCellConvert(p, pCell, eType, &val) ) return KL_ERROR;
  switch( val.eVal ){
    case KL_VAL_DEFAULT: return kqlLoadBindDefault(p, pCell->iCol);
    case KL_VAL_NULL:    rc = sqlite3_bind_null(p->pIns, iParam); break;
    case KL_VAL_INT:     rc = sqlite3_bind_int64(p->pIns, iParam, val.i); break;
    case KL_VAL_REAL:    rc = sqlite3_bind_double(p->pIns, iParam, val.r); break;
    default:
      rc = sqlite3_bind_text(p->pIns, iParam, val.z, val.n,
                             val.bTransient ? SQLITE_TRANSIENT : SQLITE_STATIC);
      break;
  }
  if( rc!=SQLITE_OK ){
    if( rc<0 ) return KL_ERROR;
    return kqlLoadError(p, pCell->zLoc, "cannot bind value for column %s: %s",
                        pCol->zName, sqlite3_errmsg(p->db));
  }
  return KL_OK;
}
