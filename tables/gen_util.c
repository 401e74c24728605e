/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Small helpers of the synthetic table generator (genInt.h): seeding the
** PRNG, hashing names, and writing numbers, addresses, guids, datetimes and
** JSON strings into a value buffer without printf (the generator writes
** hundreds of millions of values, and printf would also depend on the
** locale), plus the glob matcher the rule table uses.
*/
#include "genInt.h"

void kqlGenSeed(KqlGenRng *r, uint64_t iSeed){
  uint64_t x = iSeed;
  for(int i=0; i<4; i++){
    x += 0x9e3779b97f4a7c15ULL;
    r->s[i] = kqlGenMix(x);
  }
  if( (r->s[0]|r->s[1]|r->s[2]|r->s[3])==0 ) r->s[0] = 1;
}

uint64_t kqlGenHashStr(const char *z){
  uint64_t h = 0xcbf29ce484222325ULL;           /* FNV-1a, then mixed */
  while( *z ){ h ^= (unsigned char)*z++; h *= 0x100000001b3ULL; }
  return kqlGenMix(h);
}

/* "00" "01" ... "99": two digits at a time. */
static const char aDigit2[] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

void kqlGenPutUint(KqlGenBuf *b, uint64_t v){
  char a[24];
  int i = (int)sizeof(a);
  while( v>=100 ){
    unsigned k = (unsigned)(v % 100) * 2;
    v /= 100;
    a[--i] = aDigit2[k+1];
    a[--i] = aDigit2[k];
  }
  if( v>=10 ){
    a[--i] = aDigit2[v*2+1];
    a[--i] = aDigit2[v*2];
  }else{
    a[--i] = (char)('0' + v);
  }
  kqlGenPutn(b, a+i, (int)sizeof(a)-i);
}

void kqlGenPutInt(KqlGenBuf *b, int64_t v){
  if( v<0 ){
    kqlGenPutc(b, '-');
    kqlGenPutUint(b, (uint64_t)0 - (uint64_t)v);
  }else{
    kqlGenPutUint(b, (uint64_t)v);
  }
}

void kqlGenPutPad(KqlGenBuf *b, uint64_t v, int nDigit){
  char a[24];
  if( nDigit>20 ) nDigit = 20;
  if( nDigit==2 && v<100 && b->nCap - b->n >= 2 ){
    b->z[b->n++] = aDigit2[v*2];
    b->z[b->n++] = aDigit2[v*2+1];
    return;
  }
  int i = nDigit;
  while( i>=2 ){
    unsigned k = (unsigned)(v % 100) * 2;
    v /= 100;
    a[--i] = aDigit2[k+1];
    a[--i] = aDigit2[k];
  }
  if( i ) a[0] = (char)('0' + v%10);
  kqlGenPutn(b, a, nDigit);
}

void kqlGenPutHex(KqlGenBuf *b, uint64_t v, int nDigit){
  static const char aHex[] = "0123456789abcdef";
  char a[16];
  if( nDigit>16 ) nDigit = 16;
  for(int i=nDigit-1; i>=0; i--){ a[i] = aHex[v & 15]; v >>= 4; }
  kqlGenPutn(b, a, nDigit);
}

void kqlGenPutFixed(KqlGenBuf *b, int64_t v, int nDec){
  uint64_t u, p = 1;
  if( v<0 ){ kqlGenPutc(b, '-'); u = (uint64_t)0 - (uint64_t)v; }else{ u = (uint64_t)v; }
  for(int i=0; i<nDec; i++) p *= 10;
  kqlGenPutUint(b, u/p);
  if( nDec>0 ){
    kqlGenPutc(b, '.');
    kqlGenPutPad(b, u%p, nDec);
  }
}

void kqlGenPutIp4(KqlGenBuf *b, uint32_t ip){
  for(int i=3; i>=0; i--){
    kqlGenPutUint(b, (ip>>(8*i)) & 255);
    if( i ) kqlGenPutc(b, '.');
  }
}

void kqlGenPutGuid(KqlGenBuf *b, uint64_t hi, uint64_t lo){
  hi = (hi & ~0xf000ULL) | 0x4000ULL;                  /* version 4 */
  lo = (lo & ~(3ULL<<62)) | (2ULL<<62);                /* RFC 4122 variant */
  kqlGenPutHex(b, hi>>32, 8);
  kqlGenPutc(b, '-');
  kqlGenPutHex(b, hi>>16, 4);
  kqlGenPutc(b, '-');
  kqlGenPutHex(b, hi, 4);
  kqlGenPutc(b, '-');
  kqlGenPutHex(b, lo>>48, 4);
  kqlGenPutc(b, '-');
  kqlGenPutHex(b, lo, 12);
}

/* Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
static void civilFromDays(int64_t z, int *pY, int *pM, int *pD){
  z += 719468;
  int64_t era = (z>=0 ? z : z-146096) / 146097;
  int64_t doe = z - era*146097;
  int64_t yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;
  int64_t y = yoe + era*400;
  int64_t doy = doe - (365*yoe + yoe/4 - yoe/100);
  int64_t mp = (5*doy + 2)/153;
  int64_t d = doy - (153*mp + 2)/5 + 1;
  int64_t m = mp<10 ? mp+3 : mp-9;
  *pY = (int)(y + (m<=2));
  *pM = (int)m;
  *pD = (int)d;
}

void kqlGenPutTime(KqlGenBuf *b, int64_t ticks, int nFrac){
  int64_t days = ticks / KQL_TICKS_PER_DAY;
  int64_t rem = ticks % KQL_TICKS_PER_DAY;
  int y, m, d;
  if( rem<0 ){ rem += KQL_TICKS_PER_DAY; days--; }
  civilFromDays(days, &y, &m, &d);
  int64_t sec = rem / KQL_TICKS_PER_SECOND;
  int64_t frac = rem % KQL_TICKS_PER_SECOND;
  kqlGenPutPad(b, (uint64_t)y, 4);
  kqlGenPutc(b, '-');
  kqlGenPutPad(b, (uint64_t)m, 2);
  kqlGenPutc(b, '-');
  kqlGenPutPad(b, (uint64_t)d, 2);
  kqlGenPutc(b, 'T');
  kqlGenPutPad(b, (uint64_t)(sec/3600), 2);
  kqlGenPutc(b, ':');
  kqlGenPutPad(b, (uint64_t)(sec/60%60), 2);
  kqlGenPutc(b, ':');
  kqlGenPutPad(b, (uint64_t)(sec%60), 2);
  if( nFrac==3 ){
    kqlGenPutc(b, '.');
    kqlGenPutPad(b, (uint64_t)(frac/10000), 3);
  }else if( nFrac==7 ){
    kqlGenPutc(b, '.');
    kqlGenPutPad(b, (uint64_t)frac, 7);
  }
  kqlGenPutc(b, 'Z');
}

void kqlGenPutJsonStr(KqlGenBuf *b, const char *z, int n){
  static const char aHex[] = "0123456789abcdef";
  kqlGenPutc(b, '"');
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' || c=='\\' ){
      kqlGenPutc(b, '\\');
      kqlGenPutc(b, (char)c);
    }else if( c<0x20 ){
      kqlGenPutn(b, "\\u00", 4);
      kqlGenPutc(b, aHex[c>>4]);
      kqlGenPutc(b, aHex[c&15]);
    }else{
      kqlGenPutc(b, (char)c);
    }
  }
  kqlGenPutc(b, '"');
}

/* Does z match the single alternative zPat[0..nPat)? */
static int globOne(const char *zPat, int nPat, const char *z){
  const char *zStar = 0;      /* pattern position after the last '*' */
  const char *zMark = 0;      /* input position that '*' is extended from */
  const char *zEnd = zPat + nPat;
  const char *p = zPat;
  while( *z ){
    if( p<zEnd && (*p=='?' || *p==*z) ){ p++; z++; continue; }
    if( p<zEnd && *p=='*' ){ zStar = ++p; zMark = z; continue; }
    if( zStar ){ p = zStar; z = ++zMark; continue; }
    return 0;
  }
  while( p<zEnd && *p=='*' ) p++;
  return p==zEnd;
}

int kqlGenGlob(const char *zPattern, const char *z){
  const char *p = zPattern;
  for(;;){
    const char *zBar = strchr(p, '|');
    int n = zBar ? (int)(zBar - p) : (int)strlen(p);
    if( globOne(p, n, z) ) return 1;
    if( zBar==0 ) return 0;
    p = zBar + 1;
  }
}
