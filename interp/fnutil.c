/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Helpers shared by the fn_*.c SQL functions (see fnutil.h): type-tag
** decoding, tostring() text and JSON rendering of stored KQL values, JSON
** string quoting/unquoting and validation, UTF-8 decoding/encoding and a
** small locale-independent case mapping table.
*/
#include "fnutil.h"
#include "value.h"
#include <math.h>
#include <stdarg.h>
#include <string.h>

/*
** Type of KQL argument iArg from the tag text (see fnutil.h).
*/
int kqlFnTagType(sqlite3_value *pTags, int iArg){
  const unsigned char *z;
  int n, e;
  if( pTags==0 || iArg<0 || sqlite3_value_type(pTags)!=SQLITE_TEXT ) return KQL_T_UNKNOWN;
  z = sqlite3_value_text(pTags);
  n = sqlite3_value_bytes(pTags);
  if( z==0 || iArg>=n ) return KQL_T_UNKNOWN;
  e = z[iArg] - 'a';
  if( e<0 || e>=KQL_T_COUNT ) return KQL_T_UNKNOWN;
  return e;
}

/*
** The type to render pVal as (see fnutil.h).
*/
int kqlFnEffectiveType(int eType, sqlite3_value *pVal){
  if( eType!=KQL_T_UNKNOWN ) return eType;
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER: return KQL_T_LONG;
    case SQLITE_FLOAT:   return KQL_T_REAL;
    case SQLITE_NULL:    return KQL_T_UNKNOWN;
    default:             return KQL_T_STRING;
  }
}

/* NaN reals as the text "NaN" (see fnutil.h). */
int kqlFnIsNanText(sqlite3_value *pVal){
  return sqlite3_value_type(pVal)==SQLITE_TEXT && sqlite3_value_bytes(pVal)==3
      && memcmp(sqlite3_value_text(pVal), "NaN", 3)==0;
}
double kqlFnReal(sqlite3_value *pVal){
  if( sqlite3_value_type(pVal)==SQLITE_TEXT && kqlFnIsNanText(pVal) ) return NAN;
  return sqlite3_value_double(pVal);
}
void kqlFnResultReal(sqlite3_context *ctx, double r){
  if( isnan(r) ) sqlite3_result_text(ctx, "NaN", 3, SQLITE_STATIC);
  else sqlite3_result_double(ctx, r);
}

/*
** Text of a value, "" for NULL (see fnutil.h).
*/
const char *kqlFnText(sqlite3_value *pVal, int *pn){
  const char *z = (const char*)sqlite3_value_text(pVal);
  int n = z ? sqlite3_value_bytes(pVal) : 0;
  if( z==0 ) z = "";
  if( pn ) *pn = n;
  return z;
}

/*
** tostring() text of a stored value (see fnutil.h).
*/
void kqlFnAppendText(sqlite3_str *p, int eType, sqlite3_value *pVal){
  char zBuf[48];
  int n;
  const char *z;
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return;
  eType = kqlFnEffectiveType(eType, pVal);
  switch( eType ){
    case KQL_T_BOOL:
      sqlite3_str_appendall(p, sqlite3_value_int64(pVal) ? "true" : "false");
      return;
    case KQL_T_INT:
    case KQL_T_LONG:
      if( sqlite3_value_type(pVal)==SQLITE_FLOAT ) break;
      sqlite3_str_appendf(p, "%lld", (long long)sqlite3_value_int64(pVal));
      return;
    case KQL_T_REAL:
    case KQL_T_DECIMAL:
      n = kqlValFormatReal(kqlFnReal(pVal), zBuf);
      sqlite3_str_append(p, zBuf, n);
      return;
    case KQL_T_DATETIME:
      if( sqlite3_value_type(pVal)==SQLITE_TEXT ) break;
      n = kqlFnFormatDatetime7(sqlite3_value_int64(pVal), zBuf);
      sqlite3_str_append(p, zBuf, n);
      return;
    case KQL_T_TIMESPAN:
      if( sqlite3_value_type(pVal)==SQLITE_TEXT ) break;
      n = kqlValFormatTimespan(sqlite3_value_int64(pVal), zBuf);
      sqlite3_str_append(p, zBuf, n);
      return;
    case KQL_T_DYNAMIC:
      z = kqlFnText(pVal, &n);
      if( kqlFnJsonUnquote(p, z, n) ) return;
      while( n>0 && (z[0]==' ' || z[0]=='\t' || z[0]=='\n' || z[0]=='\r') ){ z++; n--; }
      while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\n' || z[n-1]=='\r') ) n--;
      if( n==4 && memcmp(z, "null", 4)==0 ) return;
      if( sqlite3_value_type(pVal)==SQLITE_FLOAT ){
        n = kqlValFormatReal(sqlite3_value_double(pVal), zBuf);
        sqlite3_str_append(p, zBuf, n);
        return;
      }
      break;
    default:
      break;
  }
  if( sqlite3_value_type(pVal)==SQLITE_FLOAT ){
    n = kqlValFormatReal(sqlite3_value_double(pVal), zBuf);
    sqlite3_str_append(p, zBuf, n);
    return;
  }
  z = kqlFnText(pVal, &n);
  sqlite3_str_append(p, z, n);
}

/* Append a real as a JSON number the way Kusto's dynamic prints it: 1.0
** keeps ".0" (1.0, 0.1, 1E+20); NaN and infinities become JSON strings. */
static void appendJsonReal(sqlite3_str *p, double r){
  char zBuf[48];
  int n = kqlValFormatReal(r, zBuf);
  if( zBuf[0]=='N' || zBuf[n-1]=='y' ){
    kqlFnAppendJsonString(p, zBuf, n);
    return;
  }
  sqlite3_str_append(p, zBuf, n);
  if( strchr(zBuf, '.')==0 && strchr(zBuf, 'E')==0 ) sqlite3_str_append(p, ".0", 2);
}

/*
** One JSON value for a stored value (see fnutil.h).
*/
void kqlFnAppendJsonValue(sqlite3_str *p, int eType, sqlite3_value *pVal){
  char zBuf[48];
  int n;
  const char *z;
  if( sqlite3_value_type(pVal)==SQLITE_NULL ){
    sqlite3_str_append(p, "null", 4);
    return;
  }
  eType = kqlFnEffectiveType(eType, pVal);
  switch( eType ){
    case KQL_T_BOOL:
      sqlite3_str_appendall(p, sqlite3_value_int64(pVal) ? "true" : "false");
      return;
    case KQL_T_INT:
    case KQL_T_LONG:
      if( sqlite3_value_type(pVal)==SQLITE_FLOAT ){
        appendJsonReal(p, sqlite3_value_double(pVal));
      }else{
        sqlite3_str_appendf(p, "%lld", (long long)sqlite3_value_int64(pVal));
      }
      return;
    case KQL_T_REAL:
    case KQL_T_DECIMAL:
      appendJsonReal(p, kqlFnReal(pVal));
      return;
    case KQL_T_DATETIME:
      if( sqlite3_value_type(pVal)==SQLITE_TEXT ) break;
      n = kqlFnFormatDatetime7(sqlite3_value_int64(pVal), zBuf);
      kqlFnAppendJsonString(p, zBuf, n);
      return;
    case KQL_T_TIMESPAN:
      if( sqlite3_value_type(pVal)==SQLITE_TEXT ) break;
      n = kqlValFormatTimespan(sqlite3_value_int64(pVal), zBuf);
      kqlFnAppendJsonString(p, zBuf, n);
      return;
    case KQL_T_DYNAMIC:
      if( sqlite3_value_type(pVal)==SQLITE_INTEGER ){
        sqlite3_str_appendf(p, "%lld", (long long)sqlite3_value_int64(pVal));
        return;
      }
      if( sqlite3_value_type(pVal)==SQLITE_FLOAT ){
        appendJsonReal(p, sqlite3_value_double(pVal));
        return;
      }
      z = kqlFnText(pVal, &n);
      if( kqlFnJsonValid(z, n) ){
        while( n>0 && (z[0]==' ' || z[0]=='\t' || z[0]=='\n' || z[0]=='\r') ){ z++; n--; }
        while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\n' || z[n-1]=='\r') ) n--;
        sqlite3_str_append(p, z, n);
        return;
      }
      break;
    default:
      break;
  }
  if( sqlite3_value_type(pVal)==SQLITE_FLOAT ){
    appendJsonReal(p, sqlite3_value_double(pVal));
    return;
  }
  if( sqlite3_value_type(pVal)==SQLITE_INTEGER ){
    sqlite3_str_appendf(p, "%lld", (long long)sqlite3_value_int64(pVal));
    return;
  }
  z = kqlFnText(pVal, &n);
  kqlFnAppendJsonString(p, z, n);
}

/*
** Quoted JSON string (see fnutil.h).
*/
void kqlFnAppendJsonString(sqlite3_str *p, const char *z, int n){
  int i, iStart = 0;
  if( n<0 ) n = (int)strlen(z);
  sqlite3_str_appendchar(p, 1, '"');
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    const char *zEsc = 0;
    char zU[8];
    if( c>=0x20 && c!='"' && c!='\\' ) continue;
    switch( c ){
      case '"':  zEsc = "\\\""; break;
      case '\\': zEsc = "\\\\"; break;
      case '\n': zEsc = "\\n"; break;
      case '\r': zEsc = "\\r"; break;
      case '\t': zEsc = "\\t"; break;
      case '\b': zEsc = "\\b"; break;
      case '\f': zEsc = "\\f"; break;
      default:
        zU[0] = '\\'; zU[1] = 'u'; zU[2] = '0'; zU[3] = '0';
        zU[4] = "0123456789abcdef"[c>>4]; zU[5] = "0123456789abcdef"[c&15];
        zU[6] = 0;
        zEsc = zU;
        break;
    }
    if( i>iStart ) sqlite3_str_append(p, z+iStart, i-iStart);
    sqlite3_str_appendall(p, zEsc);
    iStart = i+1;
  }
  if( i>iStart ) sqlite3_str_append(p, z+iStart, i-iStart);
  sqlite3_str_appendchar(p, 1, '"');
}

/************************** JSON validation **********************************/

typedef struct JsonScan JsonScan;
struct JsonScan {
  const char *z;   /* text */
  int n;           /* its length */
  int i;           /* cursor */
};

static void jsonWs(JsonScan *s){
  while( s->i<s->n && (s->z[s->i]==' ' || s->z[s->i]=='\t'
                     || s->z[s->i]=='\n' || s->z[s->i]=='\r') ) s->i++;
}

static int isHex(char c){
  return (c>='0' && c<='9') || ((c|0x20)>='a' && (c|0x20)<='f');
}

/* A string literal at the cursor (which is on '"'). */
static int jsonString(JsonScan *s){
  s->i++;
  while( s->i<s->n ){
    unsigned char c = (unsigned char)s->z[s->i];
    if( c=='"' ){ s->i++; return 1; }
    if( c<0x20 ) return 0;
    if( c=='\\' ){
      char e;
      if( ++s->i>=s->n ) return 0;
      e = s->z[s->i];
      if( e=='u' ){
        if( s->i+4>=s->n ) return 0;
        for(int k=1; k<=4; k++) if( !isHex(s->z[s->i+k]) ) return 0;
        s->i += 4;
      }else if( !strchr("\"\\/bfnrt", e) ){
        return 0;
      }
    }
    s->i++;
  }
  return 0;
}

static int jsonNumber(JsonScan *s){
  int i = s->i, n = s->n;
  const char *z = s->z;
  if( i<n && z[i]=='-' ) i++;
  if( i>=n || z[i]<'0' || z[i]>'9' ) return 0;
  if( z[i]=='0' ) i++;
  else while( i<n && z[i]>='0' && z[i]<='9' ) i++;
  if( i<n && z[i]=='.' ){
    i++;
    if( i>=n || z[i]<'0' || z[i]>'9' ) return 0;
    while( i<n && z[i]>='0' && z[i]<='9' ) i++;
  }
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
    if( i>=n || z[i]<'0' || z[i]>'9' ) return 0;
    while( i<n && z[i]>='0' && z[i]<='9' ) i++;
  }
  s->i = i;
  return 1;
}

static int jsonLiteral(JsonScan *s, const char *zLit){
  int n = (int)strlen(zLit);
  if( s->n - s->i < n || memcmp(s->z+s->i, zLit, (size_t)n)!=0 ) return 0;
  s->i += n;
  return 1;
}

static int jsonValue(JsonScan *s, int iDepth){
  char c;
  if( iDepth>1000 ) return 0;
  jsonWs(s);
  if( s->i>=s->n ) return 0;
  c = s->z[s->i];
  if( c=='"' ) return jsonString(s);
  if( c=='{' || c=='[' ){
    char cEnd = c=='{' ? '}' : ']';
    s->i++;
    jsonWs(s);
    if( s->i<s->n && s->z[s->i]==cEnd ){ s->i++; return 1; }
    for(;;){
      if( c=='{' ){
        jsonWs(s);
        if( s->i>=s->n || s->z[s->i]!='"' || !jsonString(s) ) return 0;
        jsonWs(s);
        if( s->i>=s->n || s->z[s->i]!=':' ) return 0;
        s->i++;
      }
      if( !jsonValue(s, iDepth+1) ) return 0;
      jsonWs(s);
      if( s->i>=s->n ) return 0;
      if( s->z[s->i]==',' ){ s->i++; continue; }
      if( s->z[s->i]==cEnd ){ s->i++; return 1; }
      return 0;
    }
  }
  if( c=='t' ) return jsonLiteral(s, "true");
  if( c=='f' ) return jsonLiteral(s, "false");
  if( c=='n' ) return jsonLiteral(s, "null");
  return jsonNumber(s);
}

/*
** 1 when z[0..n) is one valid JSON value (see fnutil.h).
*/
int kqlFnJsonValid(const char *z, int n){
  JsonScan s;
  if( z==0 ) return 0;
  if( n<0 ) n = (int)strlen(z);
  s.z = z; s.n = n; s.i = 0;
  if( !jsonValue(&s, 0) ) return 0;
  jsonWs(&s);
  return s.i==n;
}

/*
** Minified copy of valid JSON (see fnutil.h).
*/
void kqlFnAppendJsonMinified(sqlite3_str *p, const char *z, int n){
  int i = 0;
  while( i<n ){
    int iStart = i;
    if( z[i]=='"' ){
      i++;
      while( i<n && z[i]!='"' ){ i += (z[i]=='\\') ? 2 : 1; }
      i++;
      if( i>n ) i = n;
    }else if( z[i]==' ' || z[i]=='\t' || z[i]=='\n' || z[i]=='\r' ){
      i++;
      continue;
    }else{
      while( i<n && z[i]!='"' && z[i]!=' ' && z[i]!='\t' && z[i]!='\n' && z[i]!='\r' ) i++;
    }
    sqlite3_str_append(p, z+iStart, i-iStart);
  }
}

/*
** Iterate a JSON array (see fnutil.h).
*/
int kqlFnJsonArrayEach(const char *z, int n,
                       int (*xItem)(void*, const char*, int, int), void *pArg){
  JsonScan s;
  int nItem = 0;
  if( z==0 ) return -1;
  if( n<0 ) n = (int)strlen(z);
  if( !kqlFnJsonValid(z, n) ) return -1;
  s.z = z; s.n = n; s.i = 0;
  jsonWs(&s);
  if( s.i>=n || z[s.i]!='[' ) return -1;
  s.i++;
  jsonWs(&s);
  if( s.i<n && z[s.i]==']' ) return 0;
  for(;;){
    int iStart, rc;
    jsonWs(&s);
    iStart = s.i;
    jsonValue(&s, 1);
    nItem++;
    if( z[iStart]=='"' ){
      sqlite3_str *pStr = sqlite3_str_new(0);
      char *zU;
      int nU;
      kqlFnJsonUnquote(pStr, z+iStart, s.i-iStart);
      nU = sqlite3_str_length(pStr);
      zU = sqlite3_str_finish(pStr);
      rc = xItem(pArg, zU ? zU : "", zU ? nU : 0, 1);
      sqlite3_free(zU);
    }else{
      rc = xItem(pArg, z+iStart, s.i-iStart, 0);
    }
    if( rc ) return nItem;
    jsonWs(&s);
    if( s.i<n && z[s.i]==',' ){ s.i++; continue; }
    break;
  }
  return nItem;
}

/*
** Canonical 7-digit datetime text (see fnutil.h).
*/
int kqlFnFormatDatetime7(int64_t ticks, char *zBuf){
  int n = kqlValFormatDatetime(ticks, zBuf);
  if( strchr(zBuf, '.')==0 ){
    memcpy(zBuf+n-1, ".0000000Z", 10);
    n += 8;
  }
  return n;
}

static int hexDigit(char c){
  if( c>='0' && c<='9' ) return c-'0';
  return (c|0x20)-'a'+10;
}

/*
** Unescape a JSON string literal into p (see fnutil.h).
*/
int kqlFnJsonUnquote(sqlite3_str *p, const char *z, int n){
  JsonScan s;
  int i, iEnd;
  if( z==0 ) return 0;
  s.z = z; s.n = n; s.i = 0;
  jsonWs(&s);
  if( s.i>=n || z[s.i]!='"' ) return 0;
  i = s.i;
  if( !jsonString(&s) ) return 0;
  iEnd = s.i - 1;
  jsonWs(&s);
  if( s.i!=n ) return 0;
  for(i=i+1; i<iEnd; i++){
    int iStart = i;
    while( i<iEnd && z[i]!='\\' ) i++;
    if( i>iStart ) sqlite3_str_append(p, z+iStart, i-iStart);
    if( i>=iEnd ) break;
    i++;
    switch( z[i] ){
      case 'n': sqlite3_str_appendchar(p, 1, '\n'); break;
      case 'r': sqlite3_str_appendchar(p, 1, '\r'); break;
      case 't': sqlite3_str_appendchar(p, 1, '\t'); break;
      case 'b': sqlite3_str_appendchar(p, 1, '\b'); break;
      case 'f': sqlite3_str_appendchar(p, 1, '\f'); break;
      case 'u': {
        int c = (hexDigit(z[i+1])<<12) | (hexDigit(z[i+2])<<8)
              | (hexDigit(z[i+3])<<4) | hexDigit(z[i+4]);
        unsigned char aBuf[4];
        i += 4;
        if( c>=0xD800 && c<0xDC00 && i+6<iEnd && z[i+1]=='\\' && z[i+2]=='u' ){
          int c2 = (hexDigit(z[i+3])<<12) | (hexDigit(z[i+4])<<8)
                 | (hexDigit(z[i+5])<<4) | hexDigit(z[i+6]);
          if( c2>=0xDC00 && c2<0xE000 ){
            c = 0x10000 + ((c-0xD800)<<10) + (c2-0xDC00);
            i += 6;
          }
        }
        sqlite3_str_append(p, (const char*)aBuf, kqlFnUtf8Put(aBuf, c));
        break;
      }
      default: sqlite3_str_appendchar(p, 1, z[i]); break;
    }
  }
  return 1;
}

/*
** Finish p into the function result (see fnutil.h).
*/
void kqlFnResultStr(sqlite3_context *ctx, sqlite3_str *p){
  int rc = sqlite3_str_errcode(p);
  int n = sqlite3_str_length(p);
  char *z = sqlite3_str_finish(p);
  if( rc==SQLITE_NOMEM ){ sqlite3_free(z); sqlite3_result_error_nomem(ctx); return; }
  if( rc==SQLITE_TOOBIG ){ sqlite3_free(z); sqlite3_result_error_toobig(ctx); return; }
  if( z==0 ){ sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); return; }
  sqlite3_result_text(ctx, z, n, sqlite3_free);
}

/*
** Error "<zFunc>(): message" (see fnutil.h).
*/
void kqlFnError(sqlite3_context *ctx, const char *zFunc, const char *zFmt, ...){
  va_list ap;
  char *zMsg, *zAll;
  va_start(ap, zFmt);
  zMsg = sqlite3_vmprintf(zFmt, ap);
  va_end(ap);
  zAll = sqlite3_mprintf("%s(): %s", zFunc, zMsg ? zMsg : "out of memory");
  if( zAll ) sqlite3_result_error(ctx, zAll, -1);
  else sqlite3_result_error_nomem(ctx);
  sqlite3_free(zMsg);
  sqlite3_free(zAll);
}

/************************** UTF-8 ********************************************/

/*
** Decode one UTF-8 character (see fnutil.h).
*/
int kqlFnUtf8Next(const unsigned char *z, int n, int *pi){
  int i = *pi;
  unsigned c = z[i];
  int nExtra, k;
  unsigned cp;
  if( c<0x80 ){ *pi = i+1; return (int)c; }
  if( c>=0xC2 && c<=0xDF ){ nExtra = 1; cp = c & 0x1F; }
  else if( c>=0xE0 && c<=0xEF ){ nExtra = 2; cp = c & 0x0F; }
  else if( c>=0xF0 && c<=0xF4 ){ nExtra = 3; cp = c & 0x07; }
  else { *pi = i+1; return 0xFFFD; }
  if( i+nExtra>=n ){ *pi = i+1; return 0xFFFD; }
  for(k=1; k<=nExtra; k++){
    unsigned cc = z[i+k];
    if( (cc & 0xC0)!=0x80 ){ *pi = i+1; return 0xFFFD; }
    cp = (cp<<6) | (cc & 0x3F);
  }
  if( (nExtra==2 && (cp<0x800 || (cp>=0xD800 && cp<0xE000)))
   || (nExtra==3 && (cp<0x10000 || cp>0x10FFFF)) ){
    *pi = i+1; return 0xFFFD;
  }
  *pi = i+1+nExtra;
  return (int)cp;
}

/*
** Encode a code point (see fnutil.h).
*/
int kqlFnUtf8Put(unsigned char *z, int c){
  if( c<0 || c>0x10FFFF || (c>=0xD800 && c<0xE000) ) c = 0xFFFD;
  if( c<0x80 ){ z[0] = (unsigned char)c; return 1; }
  if( c<0x800 ){
    z[0] = (unsigned char)(0xC0 | (c>>6)); z[1] = (unsigned char)(0x80 | (c&0x3F));
    return 2;
  }
  if( c<0x10000 ){
    z[0] = (unsigned char)(0xE0 | (c>>12)); z[1] = (unsigned char)(0x80 | ((c>>6)&0x3F));
    z[2] = (unsigned char)(0x80 | (c&0x3F));
    return 3;
  }
  z[0] = (unsigned char)(0xF0 | (c>>18)); z[1] = (unsigned char)(0x80 | ((c>>12)&0x3F));
  z[2] = (unsigned char)(0x80 | ((c>>6)&0x3F)); z[3] = (unsigned char)(0x80 | (c&0x3F));
  return 4;
}

/*
** 1 if z[0..n) is well-formed UTF-8 (see fnutil.h).
*/
int kqlFnUtf8Valid(const unsigned char *z, int n){
  int i = 0;
  while( i<n ){
    int iPrev = i;
    int c = kqlFnUtf8Next(z, n, &i);
    if( c==0xFFFD && !(i-iPrev==3 && z[iPrev]==0xEF && z[iPrev+1]==0xBF && z[iPrev+2]==0xBD) ){
      return 0;
    }
  }
  return 1;
}

/************************** Case mapping *************************************/

/* Simple lower-case mapping (see fnutil.h). */
int kqlFnToLower(int c){
  if( c<0x80 ) return (c>='A' && c<='Z') ? c+32 : c;
  if( c<0x100 ){
    if( c>=0xC0 && c<=0xDE && c!=0xD7 ) return c+32;
    return c;
  }
  if( c<0x180 ){
    if( c==0x130 || c==0x131 || c==0x138 || c==0x149 || c==0x17F ) return c;
    if( c==0x178 ) return 0xFF;
    if( (c>=0x139 && c<=0x148) || (c>=0x179 && c<=0x17E) ) return (c&1) ? c+1 : c;
    return (c&1) ? c : c+1;
  }
  if( c>=0x370 && c<0x400 ){
    if( c>=0x391 && c<=0x3A9 && c!=0x3A2 ) return c+32;
    if( c==0x386 ) return 0x3AC;
    if( c>=0x388 && c<=0x38A ) return c+37;
    if( c==0x38C ) return 0x3CC;
    if( c==0x38E || c==0x38F ) return c+63;
    return c;
  }
  if( c>=0x400 && c<0x500 ){
    if( c<0x410 ) return c+80;
    if( c<0x430 ) return c+32;
    if( c<0x460 ) return c;
    if( (c>=0x460 && c<=0x481) || (c>=0x48A && c<=0x4BF) || (c>=0x4D0 && c<=0x4FF) ){
      return (c&1) ? c : c+1;
    }
    if( c==0x4C0 ) return 0x4CF;
    if( c>=0x4C1 && c<=0x4CE ) return (c&1) ? c+1 : c;
    return c;
  }
  if( c>=0xFF21 && c<=0xFF3A ) return c+32;
  return c;
}

/* Simple upper-case mapping (see fnutil.h). */
int kqlFnToUpper(int c){
  if( c<0x80 ) return (c>='a' && c<='z') ? c-32 : c;
  if( c<0x100 ){
    if( c>=0xE0 && c<=0xFE && c!=0xF7 ) return c-32;
    if( c==0xFF ) return 0x178;
    if( c==0xB5 ) return 0x39C;
    return c;
  }
  if( c<0x180 ){
    if( c==0x130 || c==0x131 || c==0x138 || c==0x149 || c==0x178 ) return c;
    if( c==0x17F ) return 'S';
    if( (c>=0x139 && c<=0x148) || (c>=0x179 && c<=0x17E) ) return (c&1) ? c : c-1;
    return (c&1) ? c-1 : c;
  }
  if( c>=0x370 && c<0x400 ){
    if( c>=0x3B1 && c<=0x3C9 ){
      if( c==0x3C2 ) return 0x3A3;
      return c-32;
    }
    if( c==0x3AC ) return 0x386;
    if( c>=0x3AD && c<=0x3AF ) return c-37;
    if( c==0x3CC ) return 0x38C;
    if( c==0x3CD || c==0x3CE ) return c-63;
    return c;
  }
  if( c>=0x400 && c<0x500 ){
    if( c>=0x430 && c<0x450 ) return c-32;
    if( c>=0x450 && c<0x460 ) return c-80;
    if( (c>=0x460 && c<=0x481) || (c>=0x48A && c<=0x4BF) || (c>=0x4D0 && c<=0x4FF) ){
      return (c&1) ? c-1 : c;
    }
    if( c==0x4CF ) return 0x4C0;
    if( c>=0x4C1 && c<=0x4CE ) return (c&1) ? c : c-1;
    return c;
  }
  if( c>=0xFF41 && c<=0xFF5A ) return c-32;
  return c;
}
