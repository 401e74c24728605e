/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Compression to and from base64 text with zlib:
** gzip_compress_to_base64_string / gzip_decompress_from_base64_string and
** zlib_compress_to_base64_string / zlib_decompress_from_base64_string.
** The gzip member Kusto writes has a fixed 10-byte header (no name, time
** 0, OS 255) and Kusto reads back only that form: the FLG byte must be 0.
** Data that deflate cannot shrink is written as stored blocks, which
** reproduces the reference examples byte for byte. Decompression
** failures of any kind give "" as the reference says; output is capped
** at the database's string length limit so a tiny bomb cannot exhaust
** memory, and bytes that are not UTF-8 become U+FFFD.
*/
#include "fn.h"
#include "fn_misc.h"
#include "fn_text.h"
#include "fnutil.h"
#include <stdint.h>
#include <string.h>
#include <zlib.h>

static const char azB64[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Append the padded base64 form of a[0..n) to p. */
static void b64Append(sqlite3_str *p, const unsigned char *a, size_t n){
  size_t i;
  char z[4];
  for(i=0; i+2<n; i+=3){
    z[0] = azB64[a[i]>>2];
    z[1] = azB64[((a[i]&3)<<4) | (a[i+1]>>4)];
    z[2] = azB64[((a[i+1]&15)<<2) | (a[i+2]>>6)];
    z[3] = azB64[a[i+2]&63];
    sqlite3_str_append(p, z, 4);
  }
  if( i<n ){
    z[0] = azB64[a[i]>>2];
    z[1] = azB64[((a[i]&3)<<4) | (i+1<n ? a[i+1]>>4 : 0)];
    z[2] = i+1<n ? azB64[(a[i+1]&15)<<2] : '=';
    z[3] = '=';
    sqlite3_str_append(p, z, 4);
  }
}

static int b64Digit(unsigned char c){
  if( c>='A' && c<='Z' ) return c-'A';
  if( c>='a' && c<='z' ) return c-'a'+26;
  if( c>='0' && c<='9' ) return c-'0'+52;
  if( c=='+' ) return 62;
  if( c=='/' ) return 63;
  return -1;
}

/*
** Decode base64 z[0..n) (padding optional, white space skipped) into a new
** sqlite3_malloc buffer of *pn bytes. NULL for malformed text or when out
** of memory (*pbNoMem set).
*/
static unsigned char *b64Decode(const char *z, int n, int *pn, int *pbNoMem){
  unsigned char *a = sqlite3_malloc64((sqlite3_uint64)n/4*3 + 3);
  int nOut = 0, nQ = 0, nPad = 0;
  uint32_t acc = 0;
  *pbNoMem = 0;
  if( a==0 ){ *pbNoMem = 1; return 0; }
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    int v;
    if( c==' ' || c=='\t' || c=='\r' || c=='\n' ) continue;
    if( c=='=' ){ nPad++; continue; }
    v = b64Digit(c);
    if( v<0 || nPad ){ sqlite3_free(a); return 0; }
    acc = (acc<<6) | (uint32_t)v;
    if( ++nQ==4 ){
      a[nOut++] = (unsigned char)(acc>>16);
      a[nOut++] = (unsigned char)(acc>>8);
      a[nOut++] = (unsigned char)acc;
      nQ = 0; acc = 0;
    }
  }
  if( nQ==1 || nPad>2 ){ sqlite3_free(a); return 0; }
  if( nQ==2 ){ a[nOut++] = (unsigned char)(acc>>4); }
  if( nQ==3 ){ a[nOut++] = (unsigned char)(acc>>10); a[nOut++] = (unsigned char)(acc>>2); }
  *pn = nOut;
  return a;
}

/*
** Raw-deflate a[0..n) at level (0 = stored blocks) into a new buffer of *pn
** bytes; windowBits as for deflateInit2 (-15 raw, 15 zlib). NULL on error.
*/
static unsigned char *deflateAll(const unsigned char *a, size_t n, int level,
                                 int windowBits, size_t *pn){
  z_stream zs;
  uLong nCap;
  unsigned char *pOut;
  memset(&zs, 0, sizeof(zs));
  if( deflateInit2(&zs, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY)!=Z_OK ) return 0;
  nCap = deflateBound(&zs, (uLong)n) + 16;
  pOut = sqlite3_malloc64(nCap);
  if( pOut==0 ){ deflateEnd(&zs); return 0; }
  zs.next_in = (Bytef*)a;
  zs.avail_in = (uInt)n;
  zs.next_out = pOut;
  zs.avail_out = (uInt)nCap;
  if( deflate(&zs, Z_FINISH)!=Z_STREAM_END ){
    deflateEnd(&zs);
    sqlite3_free(pOut);
    return 0;
  }
  *pn = (size_t)zs.total_out;
  deflateEnd(&zs);
  return pOut;
}

/*
** Compress a[0..n): at the default level, or as stored blocks (level 0)
** when that would not make the data smaller than the input itself.
*/
static unsigned char *compressBest(const unsigned char *a, size_t n, int windowBits, size_t *pn){
  unsigned char *p = deflateAll(a, n, Z_DEFAULT_COMPRESSION, windowBits, pn);
  size_t nHead = windowBits>0 ? 6 : 0;          /* zlib header + adler32 */
  if( p && n>0 && *pn - nHead >= n ){
    sqlite3_free(p);
    p = deflateAll(a, n, 0, windowBits, pn);
  }
  return p;
}

/*
** kql_gzip_compress(s) (user data 1) / kql_zlib_compress(s) (user data 0):
** base64 of the compressed UTF-8 bytes of s; NULL for NULL.
*/
static void compressFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bGzip = (int)(intptr_t)sqlite3_user_data(ctx);
  int n;
  const char *z;
  unsigned char *pZ;
  size_t nZ;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  pZ = compressBest((const unsigned char*)z, (size_t)n, bGzip ? -15 : 15, &nZ);
  if( pZ==0 ){ sqlite3_result_error_nomem(ctx); return; }
  p = sqlite3_str_new(0);
  if( bGzip ){
    static const unsigned char aHead[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
    unsigned char aTail[8];
    uLong crc = crc32(0L, (const Bytef*)z, (uInt)n);
    unsigned char *pAll = sqlite3_malloc64(nZ + 18);
    if( pAll==0 ){ sqlite3_free(pZ); sqlite3_free(sqlite3_str_finish(p)); sqlite3_result_error_nomem(ctx); return; }
    for(int i=0; i<4; i++){
      aTail[i] = (unsigned char)(crc >> (8*i));
      aTail[4+i] = (unsigned char)((uint32_t)n >> (8*i));
    }
    memcpy(pAll, aHead, 10);
    memcpy(pAll+10, pZ, nZ);
    memcpy(pAll+10+nZ, aTail, 8);
    b64Append(p, pAll, nZ+18);
    sqlite3_free(pAll);
  }else{
    b64Append(p, pZ, nZ);
  }
  sqlite3_free(pZ);
  kqlFnResultStr(ctx, p);
}

/*
** Inflate a[0..n) (windowBits as for inflateInit2) into p, at most nMax
** bytes. Returns 0 on success, 1 for bad data (or trailing garbage), 2
** when the output would exceed nMax, 3 when out of memory.
*/
static int inflateAll(const unsigned char *a, size_t n, int windowBits, sqlite3_str *p,
                      sqlite3_int64 nMax, size_t *pnUsed){
  z_stream zs;
  unsigned char aBuf[16384];
  int rc;
  memset(&zs, 0, sizeof(zs));
  if( inflateInit2(&zs, windowBits)!=Z_OK ) return 3;
  zs.next_in = (Bytef*)a;
  zs.avail_in = (uInt)n;
  do{
    zs.next_out = aBuf;
    zs.avail_out = sizeof(aBuf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if( rc!=Z_OK && rc!=Z_STREAM_END ){ inflateEnd(&zs); return rc==Z_MEM_ERROR ? 3 : 1; }
    if( (sqlite3_int64)zs.total_out > nMax ){ inflateEnd(&zs); return 2; }
    sqlite3_str_append(p, (const char*)aBuf, (int)(sizeof(aBuf) - zs.avail_out));
    if( rc==Z_OK && zs.avail_in==0 && zs.avail_out!=0 ){ inflateEnd(&zs); return 1; }  /* truncated */
  }while( rc!=Z_STREAM_END );
  *pnUsed = n - zs.avail_in;
  inflateEnd(&zs);
  return sqlite3_str_errcode(p)==SQLITE_NOMEM ? 3 : 0;
}

/*
** Append the UTF-8 text z[0..n) to p with every ill-formed byte sequence
** replaced by U+FFFD (as .NET's UTF-8 decoder does).
*/
static void appendUtf8Clean(sqlite3_str *p, const unsigned char *z, int n){
  int i = 0;
  while( i<n ){
    int iStart = i, c;
    unsigned char aOut[4];
    if( z[i]<0x80 ){
      int j = i;
      while( j<n && z[j]<0x80 ) j++;
      sqlite3_str_append(p, (const char*)z+i, j-i);
      i = j;
      continue;
    }
    c = kqlFnUtf8Next(z, n, &i);
    if( c!=0xFFFD && kqlFnUtf8Valid(z+iStart, i-iStart) ){
      sqlite3_str_append(p, (const char*)z+iStart, i-iStart);
    }else{
      sqlite3_str_append(p, (const char*)aOut, kqlFnUtf8Put(aOut, 0xFFFD));
    }
  }
}

/*
** kql_gzip_decompress(s) (user data 1) / kql_zlib_decompress(s) (user
** data 0): the text whose compressed bytes s encodes in base64; "" when s
** is not base64 of a valid stream (for gzip: ID1 ID2 CM = 1f 8b 08, FLG 0,
** CRC32 and ISIZE checked); NULL for NULL; an error when the text would
** exceed the string length limit.
*/
static void decompressFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bGzip = (int)(intptr_t)sqlite3_user_data(ctx);
  int n, nRaw, bNoMem, rc;
  const char *z;
  unsigned char *a;
  sqlite3_str *p;
  size_t nUsed = 0;
  sqlite3_int64 nMax = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  a = b64Decode(z, n, &nRaw, &bNoMem);
  if( a==0 ){
    if( bNoMem ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  p = sqlite3_str_new(0);
  if( bGzip ){
    if( nRaw<18 || a[0]!=0x1f || a[1]!=0x8b || a[2]!=8 || a[3]!=0 ){
      rc = 1;
    }else{
      rc = inflateAll(a+10, (size_t)nRaw-10, -15, p, nMax, &nUsed);
      if( rc==0 ){
        const unsigned char *t = a + 10 + nUsed;
        uint32_t crc = 0, len = 0;
        int nOut = sqlite3_str_length(p);
        if( (size_t)nRaw - 10 - nUsed != 8 ){
          rc = 1;
        }else{
          for(int i=3; i>=0; i--){ crc = (crc<<8) | t[i]; len = (len<<8) | t[4+i]; }
          if( crc != (uint32_t)crc32(0L, (const Bytef*)sqlite3_str_value(p), (uInt)nOut)
           || len != (uint32_t)nOut ) rc = 1;
        }
      }
    }
  }else{
    rc = inflateAll(a, (size_t)nRaw, 15, p, nMax, &nUsed);
    if( rc==0 && nUsed!=(size_t)nRaw ) rc = 1;
  }
  sqlite3_free(a);
  if( rc!=0 ){
    sqlite3_free(sqlite3_str_finish(p));
    if( rc==2 ) sqlite3_result_error_toobig(ctx);
    else if( rc==3 ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  {
    int nOut = sqlite3_str_length(p);
    char *zOut = sqlite3_str_finish(p);
    if( nOut && zOut==0 ){ sqlite3_result_error_nomem(ctx); return; }
    if( zOut==0 || kqlFnUtf8Valid((const unsigned char*)zOut, nOut) ){
      if( zOut ) sqlite3_result_text(ctx, zOut, nOut, sqlite3_free);
      else sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
      return;
    }
    p = sqlite3_str_new(0);
    appendUtf8Clean(p, (const unsigned char*)zOut, nOut);
    sqlite3_free(zOut);
    kqlFnResultStr(ctx, p);
  }
}

static const FnDef aZipFn[] = {
  {"kql_gzip_compress",   1, 1, compressFunc},
  {"kql_zlib_compress",   1, 0, compressFunc},
  {"kql_gzip_decompress", 1, 1, decompressFunc},
  {"kql_zlib_decompress", 1, 0, decompressFunc},
};

/* kqlMiscRegisterZip(): contract in fn_misc.h. */
int kqlMiscRegisterZip(sqlite3 *db){
  return kqlFnRegisterTable(db, aZipFn, (int)(sizeof(aZipFn)/sizeof(aZipFn[0])));
}
