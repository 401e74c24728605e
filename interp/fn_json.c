/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The JSON walker of fn_json.h. Values are scanned in place; the scanner
** recurses once per nesting level, bounded by KQL_JSON_MAX_DEPTH.
*/
#include "fn_json.h"
#include "fnutil.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int isWs(char c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r';
}

static int skipWs(const char *z, int n, int i){
  while( i<n && isWs(z[i]) ) i++;
  return i;
}

static int isHexDigit(char c){
  return (c>='0' && c<='9') || (c>='a' && c<='f') || (c>='A' && c<='F');
}

/* End of the string literal starting at z[i]=='"', or -1. */
static int stringEnd(const char *z, int n, int i){
  i++;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' ) return i+1;
    if( c<0x20 ) return -1;
    if( c=='\\' ){
      if( i+1>=n ) return -1;
      c = (unsigned char)z[i+1];
      if( c=='u' ){
        if( i+5>=n ) return -1;
        for(int k=2; k<6; k++) if( !isHexDigit(z[i+k]) ) return -1;
        i += 6;
        continue;
      }
      if( !strchr("\"\\/bfnrt", c) || c==0 ) return -1;
      i += 2;
      continue;
    }
    i++;
  }
  return -1;
}

/* End of the number starting at z[i], or -1. */
static int numberEnd(const char *z, int n, int i){
  int j = i;
  if( j<n && z[j]=='-' ) j++;
  if( j>=n || !(z[j]>='0' && z[j]<='9') ) return -1;
  if( z[j]=='0' ) j++;
  else while( j<n && z[j]>='0' && z[j]<='9' ) j++;
  if( j<n && z[j]=='.' ){
    j++;
    if( j>=n || !(z[j]>='0' && z[j]<='9') ) return -1;
    while( j<n && z[j]>='0' && z[j]<='9' ) j++;
  }
  if( j<n && (z[j]=='e' || z[j]=='E') ){
    j++;
    if( j<n && (z[j]=='+' || z[j]=='-') ) j++;
    if( j>=n || !(z[j]>='0' && z[j]<='9') ) return -1;
    while( j<n && z[j]>='0' && z[j]<='9' ) j++;
  }
  return j;
}

static int valueEnd(const char *z, int n, int i, int iDepth){
  i = skipWs(z, n, i);
  if( i>=n ) return -1;
  switch( z[i] ){
    case '"': return stringEnd(z, n, i);
    case 't': return (n-i>=4 && memcmp(z+i, "true", 4)==0) ? i+4 : -1;
    case 'f': return (n-i>=5 && memcmp(z+i, "false", 5)==0) ? i+5 : -1;
    case 'n': return (n-i>=4 && memcmp(z+i, "null", 4)==0) ? i+4 : -1;
    case '[':
    case '{': {
      char cClose = z[i]=='[' ? ']' : '}';
      int bObj = z[i]=='{';
      if( iDepth>=KQL_JSON_MAX_DEPTH ) return -1;
      i = skipWs(z, n, i+1);
      if( i<n && z[i]==cClose ) return i+1;
      for(;;){
        if( bObj ){
          i = skipWs(z, n, i);
          if( i>=n || z[i]!='"' ) return -1;
          i = stringEnd(z, n, i);
          if( i<0 ) return -1;
          i = skipWs(z, n, i);
          if( i>=n || z[i]!=':' ) return -1;
          i++;
        }
        i = valueEnd(z, n, i, iDepth+1);
        if( i<0 ) return -1;
        i = skipWs(z, n, i);
        if( i>=n ) return -1;
        if( z[i]==cClose ) return i+1;
        if( z[i]!=',' ) return -1;
        i++;
      }
    }
    default:
      return numberEnd(z, n, i);
  }
}

/* kqlJsonValueEnd(): contract in fn_json.h. */
int kqlJsonValueEnd(const char *z, int n, int i){
  if( z==0 ) return -1;
  return valueEnd(z, n, i, 0);
}

/* kqlJsonKind(): contract in fn_json.h. */
int kqlJsonKind(const char *z, int n){
  int i, e;
  if( z==0 ) return KQL_JSON_BAD;
  i = skipWs(z, n, 0);
  e = valueEnd(z, n, i, 0);
  if( e<0 || skipWs(z, n, e)!=n ) return KQL_JSON_BAD;
  switch( z[i] ){
    case '"': return KQL_JSON_STRING;
    case 't': return KQL_JSON_TRUE;
    case 'f': return KQL_JSON_FALSE;
    case 'n': return KQL_JSON_NULL;
    case '[': return KQL_JSON_ARRAY;
    case '{': return KQL_JSON_OBJECT;
    default:  return KQL_JSON_NUMBER;
  }
}

/* kqlJsonIterStart(): contract in fn_json.h. */
int kqlJsonIterStart(KqlJsonIter *p, const char *z, int n){
  int i = z ? skipWs(z, n, 0) : 0;
  memset(p, 0, sizeof(*p));
  if( z==0 || i>=n || (z[i]!='[' && z[i]!='{') ) return 0;
  p->z = z;
  p->n = n;
  p->i = i+1;
  p->cClose = z[i]=='[' ? ']' : '}';
  return z[i]=='[' ? KQL_JSON_ARRAY : KQL_JSON_OBJECT;
}

int kqlJsonIterNext(KqlJsonIter *p, const char **pzKey, int *pnKey,
                    const char **pzVal, int *pnVal){
  const char *z = p->z;
  int n = p->n, i, e;
  if( z==0 ) return 0;
  i = skipWs(z, n, p->i);
  if( i>=n ) return -1;
  if( z[i]==p->cClose ){
    p->i = i+1;               /* just past the container */
    p->z = 0;
    return 0;
  }
  if( p->nItem>0 ){
    if( z[i]!=',' ) return -1;
    i = skipWs(z, n, i+1);
  }
  if( p->cClose=='}' ){
    if( i>=n || z[i]!='"' ) return -1;
    e = stringEnd(z, n, i);
    if( e<0 ) return -1;
    if( pzKey ){ *pzKey = z+i; *pnKey = e-i; }
    i = skipWs(z, n, e);
    if( i>=n || z[i]!=':' ) return -1;
    i = skipWs(z, n, i+1);
  }
  e = valueEnd(z, n, i, 1);
  if( e<0 ) return -1;
  *pzVal = z+i;
  *pnVal = e-i;
  p->i = e;
  p->nItem++;
  return 1;
}

/* Decode one escape at z[*pi] ('\\' already seen at z[*pi-1]); returns the
** code point (surrogate pairs combined) and advances *pi. */
static int decodeEscape(const char *z, int n, int *pi){
  int i = *pi, c;
  char e = z[i];
  switch( e ){
    case 'b': c = '\b'; i++; break;
    case 'f': c = '\f'; i++; break;
    case 'n': c = '\n'; i++; break;
    case 'r': c = '\r'; i++; break;
    case 't': c = '\t'; i++; break;
    case 'u': {
      c = (int)strtol((char[5]){z[i+1], z[i+2], z[i+3], z[i+4], 0}, 0, 16);
      i += 5;
      if( c>=0xD800 && c<0xDC00 && i+5<n && z[i]=='\\' && z[i+1]=='u' ){
        int lo = (int)strtol((char[5]){z[i+2], z[i+3], z[i+4], z[i+5], 0}, 0, 16);
        if( lo>=0xDC00 && lo<0xE000 ){
          c = 0x10000 + ((c - 0xD800)<<10) + (lo - 0xDC00);
          i += 6;
        }
      }
      break;
    }
    default: c = e; i++; break;
  }
  *pi = i;
  return c;
}

/* kqlJsonKeyIs(): contract in fn_json.h. */
int kqlJsonKeyIs(const char *zKey, int nKey, const char *z, int n){
  int i = 1, j = 0, end = nKey-1;
  if( nKey<2 || zKey[0]!='"' ) return 0;
  while( i<end ){
    if( zKey[i]=='\\' ){
      unsigned char aBuf[4];
      int c, k, nc;
      i++;
      c = decodeEscape(zKey, end, &i);
      nc = kqlFnUtf8Put(aBuf, c);
      for(k=0; k<nc; k++){
        if( j>=n || (unsigned char)z[j]!=aBuf[k] ) return 0;
        j++;
      }
    }else{
      if( j>=n || z[j]!=zKey[i] ) return 0;
      i++; j++;
    }
  }
  return j==n;
}

/* Append the canonical form of string literal z[0..n) (with quotes). */
static void appendCanonicalString(sqlite3_str *p, const char *z, int n){
  if( memchr(z, '\\', (size_t)n)==0 ){
    /* No escapes: canonical already unless it holds bytes >= 0x7f we'd escape;
    ** kqlFnAppendJsonString passes those through, so copy as is. */
    sqlite3_str_append(p, z, n);
    return;
  }
  {
    sqlite3_str *pTmp = sqlite3_str_new(0);
    int nTmp;
    char *zTmp;
    kqlFnJsonUnquote(pTmp, z, n);
    nTmp = sqlite3_str_length(pTmp);
    zTmp = sqlite3_str_finish(pTmp);
    kqlFnAppendJsonString(p, zTmp ? zTmp : "", zTmp ? nTmp : 0);
    sqlite3_free(zTmp);
  }
}

/* kqlJsonAppendCanonical(): contract in fn_json.h. */
void kqlJsonAppendCanonical(sqlite3_str *p, const char *z, int n){
  int i = 0;
  while( i<n ){
    char c = z[i];
    if( isWs(c) ){ i++; continue; }
    if( c=='"' ){
      int e = stringEnd(z, n, i);
      if( e<0 ) e = n;
      appendCanonicalString(p, z+i, e-i);
      i = e;
      continue;
    }
    {
      int j = i;
      while( j<n && !isWs(z[j]) && z[j]!='"' ) j++;
      sqlite3_str_append(p, z+i, j-i);
      i = j;
    }
  }
}

/* kqlJsonNumber(): contract in fn_json.h. */
int kqlJsonNumber(const char *z, int n, double *pR, int *pbInt, int64_t *piVal){
  char zBuf[64];
  int i = skipWs(z, n, 0), e;
  *pbInt = 0;
  if( i>=n ) return 0;
  if( z[i]=='t' || z[i]=='f' ){
    int k = kqlJsonKind(z, n);
    if( k!=KQL_JSON_TRUE && k!=KQL_JSON_FALSE ) return 0;
    *pbInt = 1;
    *piVal = k==KQL_JSON_TRUE;
    *pR = (double)*piVal;
    return 1;
  }
  if( z[i]=='"' ){
    /* A string holding a number, e.g. "42". */
    e = stringEnd(z, n, i);
    if( e<0 ) return 0;
    i++;
    e--;
  }else{
    e = numberEnd(z, n, i);
    if( e<0 ) return 0;
  }
  if( e-i<=0 || e-i>=(int)sizeof(zBuf) ) return 0;
  memcpy(zBuf, z+i, (size_t)(e-i));
  zBuf[e-i] = 0;
  {
    char *zEnd;
    if( strpbrk(zBuf, ".eE")==0 ){
      long long v;
      errno = 0;
      v = strtoll(zBuf, &zEnd, 10);
      if( *zEnd==0 && errno==0 && zEnd!=zBuf ){
        *pbInt = 1;
        *piVal = v;
        *pR = (double)v;
        return 1;
      }
    }
    *pR = strtod(zBuf, &zEnd);
    return *zEnd==0 && zEnd!=zBuf;
  }
}

/* Sort class of a JSON value: 0 number, 1 string, 2 other. */
static int sortClass(const char *z){
  if( z[0]=='"' ) return 1;
  if( z[0]=='-' || (z[0]>='0' && z[0]<='9') ) return 0;
  return 2;
}

/* Compare two strings literals by their unescaped bytes. */
static int compareStrings(const char *zA, int nA, const char *zB, int nB){
  int c;
  if( memchr(zA, '\\', (size_t)nA)==0 && memchr(zB, '\\', (size_t)nB)==0 ){
    int m = (nA<nB ? nA : nB) - 2;
    c = memcmp(zA+1, zB+1, (size_t)(m>0 ? m : 0));
    if( c ) return c;
    return nA - nB;
  }else{
    sqlite3_str *pA = sqlite3_str_new(0), *pB = sqlite3_str_new(0);
    int na, nb, m;
    char *a, *b;
    kqlFnJsonUnquote(pA, zA, nA);
    kqlFnJsonUnquote(pB, zB, nB);
    na = sqlite3_str_length(pA); nb = sqlite3_str_length(pB);
    a = sqlite3_str_finish(pA); b = sqlite3_str_finish(pB);
    m = na<nb ? na : nb;
    c = (a && b && m>0) ? memcmp(a, b, (size_t)m) : 0;
    if( c==0 ) c = na - nb;
    sqlite3_free(a); sqlite3_free(b);
    return c;
  }
}

/* kqlJsonCompare(): contract in fn_json.h. */
int kqlJsonCompare(const char *zA, int nA, const char *zB, int nB){
  int cA = sortClass(zA), cB = sortClass(zB);
  if( cA!=cB ) return cA - cB;
  if( cA==0 ){
    double a, b;
    int bIntA, bIntB;
    int64_t iA = 0, iB = 0;
    kqlJsonNumber(zA, nA, &a, &bIntA, &iA);
    kqlJsonNumber(zB, nB, &b, &bIntB, &iB);
    if( bIntA && bIntB ) return iA<iB ? -1 : iA>iB;
    if( a<b ) return -1;
    if( a>b ) return 1;
    return 0;
  }
  if( cA==1 ) return compareStrings(zA, nA, zB, nB);
  {
    int m = nA<nB ? nA : nB;
    int c = memcmp(zA, zB, (size_t)m);
    return c ? c : nA - nB;
  }
}
