/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Punycode (RFC 3492): punycode_from_string(s) encodes one label (no
** "xn--" prefix is added), punycode_to_string(s) decodes one;
** punycode_domain_to_string(domain) encodes every non-ASCII label of a
** domain name as "xn--..." and punycode_domain_from_string(domain)
** decodes the "xn--" labels back (the KQL names read backwards, but that
** is what the reference's examples do). Labels are split at '.' and the
** IDNA dots U+3002, U+FF0E, U+FF61, which come out as '.'. Letter case is
** kept, as Kusto does: no IDNA mapping is applied. Any failure (bad
** digit, overflow, non-ASCII input to a decoder) gives "".
*/
#include "fn.h"
#include "fn_misc.h"
#include "fn_text.h"
#include "fnutil.h"
#include <stdint.h>
#include <string.h>

/* RFC 3492 section 5 parameters. */
#define PUNY_BASE  36
#define PUNY_TMIN  1
#define PUNY_TMAX  26
#define PUNY_SKEW  38
#define PUNY_DAMP  700
#define PUNY_BIAS  72
#define PUNY_N     128

/* Longest label (in code points) we encode or decode. */
#define PUNY_MAX_CP  65536

/* Bias adaptation (RFC 3492 section 6.1). */
static uint32_t adapt(uint32_t delta, uint32_t nPoints, int bFirst){
  uint32_t k = 0;
  delta = bFirst ? delta/PUNY_DAMP : delta/2;
  delta += delta/nPoints;
  while( delta > ((PUNY_BASE-PUNY_TMIN)*PUNY_TMAX)/2 ){
    delta /= PUNY_BASE - PUNY_TMIN;
    k += PUNY_BASE;
  }
  return k + (PUNY_BASE - PUNY_TMIN + 1)*delta/(delta + PUNY_SKEW);
}

static char digitChar(uint32_t d){
  return (char)(d<26 ? 'a'+d : '0'+(d-26));
}

static int digitValue(unsigned char c){
  if( c>='a' && c<='z' ) return c-'a';
  if( c>='A' && c<='Z' ) return c-'A';
  if( c>='0' && c<='9' ) return c-'0'+26;
  return -1;
}

/* Threshold t for digit position k with bias b. */
static uint32_t threshold(uint32_t k, uint32_t bias){
  if( k<=bias ) return PUNY_TMIN;
  if( k>=bias+PUNY_TMAX ) return PUNY_TMAX;
  return k - bias;
}

/*
** Append the punycode of the code points a[0..n) to p (RFC 3492 section
** 6.3). Returns 0, or 1 on overflow.
*/
static int punyEncode(sqlite3_str *p, const uint32_t *a, int n){
  uint32_t cp = PUNY_N, delta = 0, bias = PUNY_BIAS, h, b = 0;
  for(int i=0; i<n; i++){
    if( a[i]<0x80 ){
      char c = (char)a[i];
      sqlite3_str_append(p, &c, 1);
      b++;
    }
  }
  h = b;
  if( b>0 ) sqlite3_str_append(p, "-", 1);
  while( h<(uint32_t)n ){
    uint32_t m = UINT32_MAX;
    for(int i=0; i<n; i++) if( a[i]>=cp && a[i]<m ) m = a[i];
    if( (uint64_t)(m-cp)*(h+1) + delta > UINT32_MAX ) return 1;
    delta += (m-cp)*(h+1);
    cp = m;
    for(int i=0; i<n; i++){
      if( a[i]<cp && ++delta==0 ) return 1;
      if( a[i]==cp ){
        uint32_t q = delta;
        for(uint32_t k=PUNY_BASE; ; k+=PUNY_BASE){
          uint32_t t = threshold(k, bias);
          char c;
          if( q<t ) break;
          c = digitChar(t + (q-t)%(PUNY_BASE-t));
          sqlite3_str_append(p, &c, 1);
          q = (q-t)/(PUNY_BASE-t);
        }
        {
          char c = digitChar(q);
          sqlite3_str_append(p, &c, 1);
        }
        bias = adapt(delta, h+1, h==b);
        delta = 0;
        h++;
      }
    }
    delta++;
    cp++;
  }
  return 0;
}

/*
** Decode the punycode z[0..n) into code points, appended to p as UTF-8
** (RFC 3492 section 6.2). Returns 0, or 1 for malformed input.
*/
static int punyDecode(sqlite3_str *p, const char *z, int n){
  uint32_t *a;
  int nOut = 0, b = 0, iIn;
  uint32_t cp = PUNY_N, i = 0, bias = PUNY_BIAS;
  for(int j=0; j<n; j++){
    if( (unsigned char)z[j]>=0x80 ) return 1;
    if( z[j]=='-' ) b = j;
  }
  if( n>PUNY_MAX_CP ) return 1;
  a = sqlite3_malloc64(sizeof(uint32_t)*(size_t)(n+1));
  if( a==0 ) return 1;
  for(int j=0; j<b; j++) a[nOut++] = (unsigned char)z[j];
  for(iIn = b>0 ? b+1 : 0; iIn<n; ){
    uint32_t oldi = i, w = 1;
    for(uint32_t k=PUNY_BASE; ; k+=PUNY_BASE){
      int d;
      uint32_t t;
      if( iIn>=n ){ sqlite3_free(a); return 1; }
      d = digitValue((unsigned char)z[iIn++]);
      if( d<0 || (uint64_t)d*w > UINT32_MAX - i ){ sqlite3_free(a); return 1; }
      i += (uint32_t)d*w;
      t = threshold(k, bias);
      if( (uint32_t)d<t ) break;
      if( (uint64_t)w*(PUNY_BASE-t) > UINT32_MAX ){ sqlite3_free(a); return 1; }
      w *= PUNY_BASE-t;
    }
    bias = adapt(i-oldi, (uint32_t)nOut+1, oldi==0);
    if( i/((uint32_t)nOut+1) > 0x10FFFF - cp ){ sqlite3_free(a); return 1; }
    cp += i/((uint32_t)nOut+1);
    i %= (uint32_t)nOut+1;
    if( cp<0x80 || (cp>=0xD800 && cp<=0xDFFF) ){ sqlite3_free(a); return 1; }
    memmove(a+i+1, a+i, sizeof(uint32_t)*(size_t)(nOut-(int)i));
    a[i++] = cp;
    nOut++;
  }
  for(int j=0; j<nOut; j++){
    unsigned char aBuf[4];
    sqlite3_str_append(p, (const char*)aBuf, kqlFnUtf8Put(aBuf, (int)a[j]));
  }
  sqlite3_free(a);
  return 0;
}

/*
** The code points of the UTF-8 text z[0..n) in a new array (*pn of them);
** NULL when out of memory or longer than PUNY_MAX_CP.
*/
static uint32_t *codePoints(const char *z, int n, int *pn){
  uint32_t *a;
  int nCp = 0;
  if( n>PUNY_MAX_CP*4 ) return 0;
  a = sqlite3_malloc64(sizeof(uint32_t)*(size_t)(n+1));
  if( a==0 ) return 0;
  for(int i=0; i<n; ){
    a[nCp++] = (uint32_t)kqlFnUtf8Next((const unsigned char*)z, n, &i);
  }
  if( nCp>PUNY_MAX_CP ){ sqlite3_free(a); return 0; }
  *pn = nCp;
  return a;
}

/* Encode label z[0..n) (UTF-8) onto p; 0 or 1 on failure. */
static int encodeLabel(sqlite3_str *p, const char *z, int n){
  int nCp, rc;
  uint32_t *a = codePoints(z, n, &nCp);
  if( a==0 ) return 1;
  rc = punyEncode(p, a, nCp);
  sqlite3_free(a);
  return rc;
}

/* Length of an IDNA label separator at z[i] ('.', U+3002, U+FF0E, U+FF61), or 0. */
static int dotLen(const char *z, int n, int i){
  const unsigned char *u = (const unsigned char*)z;
  if( z[i]=='.' ) return 1;
  if( i+2<n && u[i]==0xE3 && u[i+1]==0x80 && u[i+2]==0x82 ) return 3;              /* U+3002 */
  if( i+2<n && u[i]==0xEF && u[i+1]==0xBC && u[i+2]==0x8E ) return 3;              /* U+FF0E */
  if( i+2<n && u[i]==0xEF && u[i+1]==0xBD && u[i+2]==0xA1 ) return 3;              /* U+FF61 */
  return 0;
}

/* Finish p as the result, or give "" when bFail. */
static void resultOrEmpty(sqlite3_context *ctx, sqlite3_str *p, int bFail){
  if( bFail ){
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
  }else{
    kqlFnResultStr(ctx, p);
  }
}

/* kql_punycode_from_string(s): the punycode of s; "" on failure. */
static void fromStringFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  p = sqlite3_str_new(0);
  resultOrEmpty(ctx, p, encodeLabel(p, z, n));
}

/* kql_punycode_to_string(s): the text s encodes; "" on failure. */
static void toStringFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  p = sqlite3_str_new(0);
  resultOrEmpty(ctx, p, punyDecode(p, z, n));
}

/*
** kql_punycode_domain_encode(domain) (punycode_domain_to_string): each
** label holding a non-ASCII character becomes "xn--" + its punycode.
** kql_punycode_domain_decode(domain) (punycode_domain_from_string), user
** data 1: each label starting "xn--" (any case) is decoded. "" on failure.
*/
static void domainFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bDecode = (int)(intptr_t)sqlite3_user_data(ctx);
  int n, iLabel = 0, bFail = 0;
  const char *z;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  p = sqlite3_str_new(0);
  for(int i=0; i<=n && !bFail; ){
    int nDot = i<n ? dotLen(z, n, i) : 0;
    if( i<n && nDot==0 ){ i++; continue; }
    {
      const char *zL = z + iLabel;
      int nL = i - iLabel, bAscii = 1;
      for(int j=0; j<nL; j++) if( (unsigned char)zL[j]>=0x80 ) bAscii = 0;
      if( bDecode ){
        if( nL>=4 && (zL[0]=='x' || zL[0]=='X') && (zL[1]=='n' || zL[1]=='N')
         && zL[2]=='-' && zL[3]=='-' ){
          bFail = punyDecode(p, zL+4, nL-4);
        }else{
          sqlite3_str_append(p, zL, nL);
        }
      }else if( bAscii ){
        sqlite3_str_append(p, zL, nL);
      }else{
        sqlite3_str_append(p, "xn--", 4);
        bFail = encodeLabel(p, zL, nL);
      }
    }
    if( i>=n ) break;
    sqlite3_str_append(p, ".", 1);
    i += nDot;
    iLabel = i;
    if( i==n ) break;   /* trailing dot: nothing follows */
  }
  resultOrEmpty(ctx, p, bFail);
}

static const FnDef aPunyFn[] = {
  {"kql_punycode_from_string",   1, 0, fromStringFunc},
  {"kql_punycode_to_string",     1, 0, toStringFunc},
  {"kql_punycode_domain_encode", 1, 0, domainFunc},
  {"kql_punycode_domain_decode", 1, 1, domainFunc},
};

/* kqlMiscRegisterPuny(): contract in fn_misc.h. */
int kqlMiscRegisterPuny(sqlite3 *db){
  return kqlFnRegisterTable(db, aPunyFn, (int)(sizeof(aPunyFn)/sizeof(aPunyFn[0])));
}
