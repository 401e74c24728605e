/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL hash functions: hash() and hash_xxhash64() (XXH64, seed 0),
** hash_md5(), hash_sha1() and hash_sha256() (lower-case hex digests).
** The digest algorithms are written here from their public specifications
** (RFC 1321, FIPS 180-4, the XXH64 description). The digests hash a
** value's canonical text (tostring(), datetimes with 7 fraction digits: the
** docs' hash_md5(datetime(2020-01-01)) example hashes
** "2020-01-01T00:00:00.0000000Z"); hash() hashes scalars' binary form.
*/
#include "fn.h"
#include "fn_text.h"
#include "fnutil.h"
#include "value.h"
#include <stdint.h>
#include <string.h>

/************************** XXH64 ********************************************/

#define XXP1 0x9E3779B185EBCA87ULL
#define XXP2 0xC2B2AE3D27D4EB4FULL
#define XXP3 0x165667B19E3779F9ULL
#define XXP4 0x85EBCA77C2B2AE63ULL
#define XXP5 0x27D4EB2F165667C5ULL

static uint64_t rotl64(uint64_t x, int r){ return (x<<r) | (x>>(64-r)); }

static uint64_t rd64(const unsigned char *p){
  uint64_t v = 0;
  for(int i=7; i>=0; i--) v = (v<<8) | p[i];
  return v;
}
static uint32_t rd32le(const unsigned char *p){
  return (uint32_t)p[0] | ((uint32_t)p[1]<<8) | ((uint32_t)p[2]<<16) | ((uint32_t)p[3]<<24);
}

static uint64_t xxRound(uint64_t acc, uint64_t in){
  acc += in*XXP2;
  acc = rotl64(acc, 31);
  return acc*XXP1;
}
static uint64_t xxMerge(uint64_t acc, uint64_t v){
  acc ^= xxRound(0, v);
  return acc*XXP1 + XXP4;
}

/* XXH64 of p[0..n) with the given seed. */
static uint64_t xxh64(const unsigned char *p, size_t n, uint64_t seed){
  const unsigned char *pEnd = p + n;
  uint64_t h;
  if( n>=32 ){
    uint64_t v1 = seed + XXP1 + XXP2, v2 = seed + XXP2, v3 = seed, v4 = seed - XXP1;
    const unsigned char *pLimit = pEnd - 32;
    do{
      v1 = xxRound(v1, rd64(p)); p += 8;
      v2 = xxRound(v2, rd64(p)); p += 8;
      v3 = xxRound(v3, rd64(p)); p += 8;
      v4 = xxRound(v4, rd64(p)); p += 8;
    }while( p<=pLimit );
    h = rotl64(v1,1) + rotl64(v2,7) + rotl64(v3,12) + rotl64(v4,18);
    h = xxMerge(h, v1); h = xxMerge(h, v2); h = xxMerge(h, v3); h = xxMerge(h, v4);
  }else{
    h = seed + XXP5;
  }
  h += (uint64_t)n;
  while( p+8<=pEnd ){
    h ^= xxRound(0, rd64(p));
    h = rotl64(h, 27)*XXP1 + XXP4;
    p += 8;
  }
  if( p+4<=pEnd ){
    h ^= (uint64_t)rd32le(p)*XXP1;
    h = rotl64(h, 23)*XXP2 + XXP3;
    p += 4;
  }
  while( p<pEnd ){
    h ^= (uint64_t)(*p)*XXP5;
    h = rotl64(h, 11)*XXP1;
    p++;
  }
  h ^= h>>33; h *= XXP2;
  h ^= h>>29; h *= XXP3;
  h ^= h>>32;
  return h;
}

/************************** MD5 (RFC 1321) ***********************************/

static uint32_t rotl32(uint32_t x, int r){ return (x<<r) | (x>>(32-r)); }

static void md5Block(uint32_t *s, const unsigned char *b){
  static const unsigned char aShift[64] = {
    7,12,17,22,7,12,17,22,7,12,17,22,7,12,17,22,
    5,9,14,20,5,9,14,20,5,9,14,20,5,9,14,20,
    4,11,16,23,4,11,16,23,4,11,16,23,4,11,16,23,
    6,10,15,21,6,10,15,21,6,10,15,21,6,10,15,21 };
  static const uint32_t aK[64] = {
    0xd76aa478,0xe8c7b756,0x242070db,0xc1bdceee,0xf57c0faf,0x4787c62a,0xa8304613,0xfd469501,
    0x698098d8,0x8b44f7af,0xffff5bb1,0x895cd7be,0x6b901122,0xfd987193,0xa679438e,0x49b40821,
    0xf61e2562,0xc040b340,0x265e5a51,0xe9b6c7aa,0xd62f105d,0x02441453,0xd8a1e681,0xe7d3fbc8,
    0x21e1cde6,0xc33707d6,0xf4d50d87,0x455a14ed,0xa9e3e905,0xfcefa3f8,0x676f02d9,0x8d2a4c8a,
    0xfffa3942,0x8771f681,0x6d9d6122,0xfde5380c,0xa4beea44,0x4bdecfa9,0xf6bb4b60,0xbebfbc70,
    0x289b7ec6,0xeaa127fa,0xd4ef3085,0x04881d05,0xd9d4d039,0xe6db99e5,0x1fa27cf8,0xc4ac5665,
    0xf4292244,0x432aff97,0xab9423a7,0xfc93a039,0x655b59c3,0x8f0ccc92,0xffeff47d,0x85845dd1,
    0x6fa87e4f,0xfe2ce6e0,0xa3014314,0x4e0811a1,0xf7537e82,0xbd3af235,0x2ad7d2bb,0xeb86d391 };
  uint32_t m[16], a = s[0], b2 = s[1], c = s[2], d = s[3];
  for(int i=0; i<16; i++) m[i] = rd32le(b+4*i);
  for(int i=0; i<64; i++){
    uint32_t f;
    int g;
    if( i<16 ){ f = (b2&c) | (~b2&d); g = i; }
    else if( i<32 ){ f = (d&b2) | (~d&c); g = (5*i+1)&15; }
    else if( i<48 ){ f = b2^c^d; g = (3*i+5)&15; }
    else { f = c ^ (b2|~d); g = (7*i)&15; }
    f = f + a + aK[i] + m[g];
    a = d; d = c; c = b2;
    b2 = b2 + rotl32(f, aShift[i]);
  }
  s[0] += a; s[1] += b2; s[2] += c; s[3] += d;
}

static void md5(const unsigned char *p, size_t n, unsigned char *aOut){
  uint32_t s[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  unsigned char aTail[128];
  size_t nFull = n & ~(size_t)63, nTail = n - nFull, nPad;
  uint64_t nBits = (uint64_t)n*8;
  for(size_t i=0; i<nFull; i+=64) md5Block(s, p+i);
  memcpy(aTail, p+nFull, nTail);
  aTail[nTail] = 0x80;
  nPad = nTail<56 ? 64 : 128;
  memset(aTail+nTail+1, 0, nPad-nTail-1);
  for(int i=0; i<8; i++) aTail[nPad-8+i] = (unsigned char)(nBits>>(8*i));
  md5Block(s, aTail);
  if( nPad==128 ) md5Block(s, aTail+64);
  for(int i=0; i<4; i++){
    for(int k=0; k<4; k++) aOut[4*i+k] = (unsigned char)(s[i]>>(8*k));
  }
}

/************************** SHA-1 and SHA-256 (FIPS 180-4) *******************/

static uint32_t rd32be(const unsigned char *p){
  return ((uint32_t)p[0]<<24) | ((uint32_t)p[1]<<16) | ((uint32_t)p[2]<<8) | p[3];
}

static void sha1Block(uint32_t *h, const unsigned char *b){
  uint32_t w[80], a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];
  for(int i=0; i<16; i++) w[i] = rd32be(b+4*i);
  for(int i=16; i<80; i++) w[i] = rotl32(w[i-3]^w[i-8]^w[i-14]^w[i-16], 1);
  for(int i=0; i<80; i++){
    uint32_t f, k, t;
    if( i<20 ){ f = (bb&c) | (~bb&d); k = 0x5A827999; }
    else if( i<40 ){ f = bb^c^d; k = 0x6ED9EBA1; }
    else if( i<60 ){ f = (bb&c) | (bb&d) | (c&d); k = 0x8F1BBCDC; }
    else { f = bb^c^d; k = 0xCA62C1D6; }
    t = rotl32(a, 5) + f + e + k + w[i];
    e = d; d = c; c = rotl32(bb, 30); bb = a; a = t;
  }
  h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e;
}

static uint32_t rotr32(uint32_t x, int r){ return (x>>r) | (x<<(32-r)); }

static void sha256Block(uint32_t *h, const unsigned char *b){
  static const uint32_t aK[64] = {
    0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
    0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
    0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
    0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
    0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,
    0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
    0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,
    0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2 };
  uint32_t w[64], v[8];
  for(int i=0; i<16; i++) w[i] = rd32be(b+4*i);
  for(int i=16; i<64; i++){
    uint32_t s0 = rotr32(w[i-15],7) ^ rotr32(w[i-15],18) ^ (w[i-15]>>3);
    uint32_t s1 = rotr32(w[i-2],17) ^ rotr32(w[i-2],19) ^ (w[i-2]>>10);
    w[i] = w[i-16] + s0 + w[i-7] + s1;
  }
  memcpy(v, h, sizeof(v));
  for(int i=0; i<64; i++){
    uint32_t S1 = rotr32(v[4],6) ^ rotr32(v[4],11) ^ rotr32(v[4],25);
    uint32_t ch = (v[4]&v[5]) ^ (~v[4]&v[6]);
    uint32_t t1 = v[7] + S1 + ch + aK[i] + w[i];
    uint32_t S0 = rotr32(v[0],2) ^ rotr32(v[0],13) ^ rotr32(v[0],22);
    uint32_t mj = (v[0]&v[1]) ^ (v[0]&v[2]) ^ (v[1]&v[2]);
    uint32_t t2 = S0 + mj;
    v[7] = v[6]; v[6] = v[5]; v[5] = v[4]; v[4] = v[3] + t1;
    v[3] = v[2]; v[2] = v[1]; v[1] = v[0]; v[0] = t1 + t2;
  }
  for(int i=0; i<8; i++) h[i] += v[i];
}

/* SHA-1 (nWord 5) or SHA-256 (nWord 8) of p[0..n), big-endian output. */
static void shaDigest(int nWord, const unsigned char *p, size_t n, unsigned char *aOut){
  uint32_t h[8];
  unsigned char aTail[128];
  size_t nFull = n & ~(size_t)63, nTail = n - nFull, nPad;
  uint64_t nBits = (uint64_t)n*8;
  void (*xBlock)(uint32_t*, const unsigned char*) = nWord==5 ? sha1Block : sha256Block;
  if( nWord==5 ){
    static const uint32_t aInit[5] = {0x67452301,0xEFCDAB89,0x98BADCFE,0x10325476,0xC3D2E1F0};
    memcpy(h, aInit, sizeof(aInit));
  }else{
    static const uint32_t aInit[8] = {0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,
                                      0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19};
    memcpy(h, aInit, sizeof(aInit));
  }
  for(size_t i=0; i<nFull; i+=64) xBlock(h, p+i);
  memcpy(aTail, p+nFull, nTail);
  aTail[nTail] = 0x80;
  nPad = nTail<56 ? 64 : 128;
  memset(aTail+nTail+1, 0, nPad-nTail-1);
  for(int i=0; i<8; i++) aTail[nPad-1-i] = (unsigned char)(nBits>>(8*i));
  xBlock(h, aTail);
  if( nPad==128 ) xBlock(h, aTail+64);
  for(int i=0; i<nWord; i++){
    for(int k=0; k<4; k++) aOut[4*i+k] = (unsigned char)(h[i]>>(24-8*k));
  }
}

/************************** SQL functions ************************************/

/*
** Canonical bytes of KQL argument iArg (SQL argument iArg+1) of a
** KQL_FNF_TAGS hash function: its tostring() text. Returns an sqlite3
** string (caller frees; may be NULL for ""), its length in *pn, and
** sets *pbNull for a NULL argument.
*/
static char *hashInput(sqlite3_value **argv, int iArg, int *pn, int *pbNull){
  sqlite3_str *p = sqlite3_str_new(0);
  int eType = kqlFnTagType(argv[0], iArg);
  *pbNull = sqlite3_value_type(argv[iArg+1])==SQLITE_NULL;
  kqlFnAppendText(p, eType, argv[iArg+1]);
  *pn = sqlite3_str_length(p);
  return sqlite3_str_finish(p);
}

/* Digest kinds (user data of digestFunc). */
#define DIGEST_MD5    1
#define DIGEST_SHA1   2
#define DIGEST_SHA256 3

/* hash_md5/hash_sha1/hash_sha256(tags, value): lower-case hex digest. */
static void digestFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eKind = (int)(intptr_t)sqlite3_user_data(ctx);
  int n, bNull, nOut;
  char *z = hashInput(argv, 0, &n, &bNull);
  unsigned char aDig[32];
  char zHex[65];
  (void)argc;
  if( n>0 && z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( bNull ){ sqlite3_free(z); return; }
  switch( eKind ){
    case DIGEST_MD5:  md5((const unsigned char*)(z ? z : ""), (size_t)n, aDig); nOut = 16; break;
    case DIGEST_SHA1: shaDigest(5, (const unsigned char*)(z ? z : ""), (size_t)n, aDig); nOut = 20; break;
    default:          shaDigest(8, (const unsigned char*)(z ? z : ""), (size_t)n, aDig); nOut = 32; break;
  }
  sqlite3_free(z);
  for(int i=0; i<nOut; i++){
    zHex[2*i] = "0123456789abcdef"[aDig[i]>>4];
    zHex[2*i+1] = "0123456789abcdef"[aDig[i]&15];
  }
  sqlite3_result_text(ctx, zHex, 2*nOut, SQLITE_TRANSIENT);
}

/* .NET ticks (since 0001-01-01) of the Unix epoch. */
#define DOTNET_EPOCH_TICKS 621355968000000000LL

static void putLe(unsigned char *a, uint64_t v, int n){
  for(int i=0; i<n; i++) a[i] = (unsigned char)(v>>(8*i));
}

/*
** The bytes hash() feeds to XXH64 for a value of KQL type eType: strings
** (and dynamic, decimal) as UTF-8 text; long/timespan 8 bytes, int 4 bytes
** little-endian; real its IEEE-754 bits; bool one byte; datetime the .NET
** tick count (the docs' hash(datetime("2015-01-01")) example is XXH64 of
** those 8 bytes); guid its 16 bytes in .NET order. Returns the length
** written to aBin (<= 16), or -1 when the text form is to be hashed.
*/
static int hashBinary(int eType, sqlite3_value *pVal, unsigned char *aBin){
  int eSql = sqlite3_value_type(pVal);
  switch( eType ){
    case KQL_T_LONG:
    case KQL_T_TIMESPAN:
      if( eSql!=SQLITE_INTEGER ) return -1;
      putLe(aBin, (uint64_t)sqlite3_value_int64(pVal), 8);
      return 8;
    case KQL_T_INT:
      if( eSql!=SQLITE_INTEGER ) return -1;
      putLe(aBin, (uint64_t)sqlite3_value_int64(pVal), 4);
      return 4;
    case KQL_T_BOOL:
      aBin[0] = sqlite3_value_int64(pVal)!=0;
      return 1;
    case KQL_T_REAL: {
      double r = kqlFnReal(pVal);
      uint64_t u;
      memcpy(&u, &r, 8);
      putLe(aBin, u, 8);
      return 8;
    }
    case KQL_T_DATETIME:
      if( eSql!=SQLITE_INTEGER ) return -1;
      putLe(aBin, (uint64_t)(sqlite3_value_int64(pVal) + DOTNET_EPOCH_TICKS), 8);
      return 8;
    case KQL_T_GUID: {
      char zG[40];
      unsigned char aRaw[16];
      int n;
      const char *z = kqlFnText(pVal, &n);
      if( kqlValParseGuid(z, n, zG) ) return -1;
      for(int i=0, k=0; i<16; i++, k+=2){
        if( zG[k]=='-' ) k++;
        aRaw[i] = (unsigned char)(((zG[k]<='9' ? zG[k]-'0' : zG[k]-'a'+10)<<4)
                                 | (zG[k+1]<='9' ? zG[k+1]-'0' : zG[k+1]-'a'+10));
      }
      aBin[0] = aRaw[3]; aBin[1] = aRaw[2]; aBin[2] = aRaw[1]; aBin[3] = aRaw[0];
      aBin[4] = aRaw[5]; aBin[5] = aRaw[4]; aBin[6] = aRaw[7]; aBin[7] = aRaw[6];
      memcpy(aBin+8, aRaw+8, 8);
      return 16;
    }
    default:
      return -1;
  }
}

/*
** hash(tags, value [, mod]) and hash_xxhash64(tags, value [, mod]):
** XXH64 (seed 0) of the value's bytes (hashBinary) as a long; with mod,
** the unsigned hash modulo mod (NULL for mod <= 0).
*/
static void xxhashFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  unsigned char aBin[16];
  int nBin;
  uint64_t h;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  nBin = hashBinary(kqlFnEffectiveType(kqlFnTagType(argv[0], 0), argv[1]), argv[1], aBin);
  if( nBin>=0 ){
    h = xxh64(aBin, (size_t)nBin, 0);
  }else{
    int n, bNull;
    char *z = hashInput(argv, 0, &n, &bNull);
    if( n>0 && z==0 ){ sqlite3_result_error_nomem(ctx); return; }
    h = xxh64((const unsigned char*)(z ? z : ""), (size_t)n, 0);
    sqlite3_free(z);
  }
  if( argc>2 ){
    sqlite3_int64 m;
    if( sqlite3_value_type(argv[2])==SQLITE_NULL ) return;
    m = sqlite3_value_int64(argv[2]);
    if( m<=0 ) return;
    sqlite3_result_int64(ctx, (sqlite3_int64)(h % (uint64_t)m));
    return;
  }
  sqlite3_result_int64(ctx, (sqlite3_int64)h);
}

static const FnDef aHashFn[] = {
  {"kql_hash",          2, 0,             xxhashFunc},
  {"kql_hash",          3, 0,             xxhashFunc},
  {"kql_hash_xxhash64", 2, 0,             xxhashFunc},
  {"kql_hash_xxhash64", 3, 0,             xxhashFunc},
  {"kql_hash_md5",      2, DIGEST_MD5,    digestFunc},
  {"kql_hash_sha1",     2, DIGEST_SHA1,   digestFunc},
  {"kql_hash_sha256",   2, DIGEST_SHA256, digestFunc},
};

/*
** Register the hash functions (see fn_text.h).
*/
int kqlFnRegisterHash(sqlite3 *db){
  return kqlFnRegisterTable(db, aHashFn, (int)(sizeof(aHashFn)/sizeof(aHashFn[0])));
}
