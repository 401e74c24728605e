/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The loaders' block reader and shared low-level helpers: reading a plain or
** gzip file in large blocks (zlib's gzread tells the two apart by the magic
** bytes), keeping the line and column of the record being parsed (the
** CsvReader idea of SQLite's ext/misc/csv.c, which keeps nLine for its
** messages), UTF-8 and NUL checks, "PATH:LINE:COL: message" errors, and
** growable buffers.
*/
#include "loadInt.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Initial block size: two reads' worth, so a record straddling the end of
** one read still fits after the compaction. */
#define BUF_INITIAL (2*(size_t)KQL_LOAD_BLOCK)

/*
** When zPath is a pipe or device (not a regular file or a directory), copy
** its contents to an unlinked temporary file once, so that every pass can
** read them from the start (p->fdSpool). Returns KL_OK or KL_ERROR.
*/
int kqlLoadSpool(KqlLoader *p){
  struct stat st;
  const char *zDir = getenv("TMPDIR");
  char zTmp[1100];
  char *aBuf;
  int fdIn, fdOut;
  ssize_t n;
  if( stat(p->zPath, &st)!=0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) ) return KL_OK;
  if( zDir==0 || zDir[0]==0 || strlen(zDir)>1000 ) zDir = "/tmp";
  snprintf(zTmp, sizeof(zTmp), "%s/kqlite-spool-XXXXXX", zDir);
  fdIn = open(p->zPath, O_RDONLY);
  if( fdIn<0 ){
    p->bCantOpen = 1;
    return kqlLoadError(p, 0, "cannot open: %s", strerror(errno));
  }
  fdOut = mkstemp(zTmp);
  if( fdOut<0 ){
    close(fdIn);
    return kqlLoadError(p, 0, "cannot create a temporary copy of the input: %s", strerror(errno));
  }
  unlink(zTmp);
  aBuf = malloc(1<<20);
  if( aBuf==0 ){
    close(fdIn);
    close(fdOut);
    return kqlLoadError(p, 0, "out of memory");
  }
  while( (n = read(fdIn, aBuf, 1<<20))!=0 ){
    ssize_t nDone = 0;
    if( n<0 ){
      if( errno==EINTR ) continue;
      break;
    }
    while( nDone<n ){
      ssize_t w = write(fdOut, aBuf+nDone, (size_t)(n-nDone));
      if( w<0 && errno==EINTR ) continue;
      if( w<=0 ){ n = -1; break; }
      nDone += w;
    }
    if( n<0 ) break;
  }
  free(aBuf);
  close(fdIn);
  if( n<0 ){
    close(fdOut);
    return kqlLoadError(p, 0, "cannot copy the input: %s", strerror(errno));
  }
  p->fdSpool = fdOut;
  return KL_OK;
}

/*
** Open p->zPath for reading into p->buf, positioned at line 1, column 1.
** Returns KL_OK, or KL_ERROR with "PATH: cannot open ..." in p->zErr.
*/
int kqlLoadBufOpen(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  struct stat st;
  int fd;
  memset(b, 0, sizeof(*b));
  b->nLine = 1;
  b->nCol = 1;
  if( p->fdSpool>=0 ){
    /* a pipe read once into a temporary file: every pass reads the copy */
    fd = dup(p->fdSpool);
    if( fd<0 || lseek(fd, 0, SEEK_SET)!=0 ){
      if( fd>=0 ) close(fd);
      return kqlLoadError(p, 0, "cannot reread the input copy: %s", strerror(errno));
    }
  }else{
    fd = open(p->zPath, O_RDONLY);
  }
  if( fd<0 ){
    p->bCantOpen = 1;
    return kqlLoadError(p, 0, "cannot open: %s", strerror(errno));
  }
  if( fstat(fd, &st)==0 && S_ISDIR(st.st_mode) ){
    close(fd);
    p->bCantOpen = 1;
    return kqlLoadError(p, 0, "cannot open: is a directory");
  }
  b->in = gzdopen(fd, "rb");
  if( b->in==0 ){
    close(fd);
    return kqlLoadError(p, 0, "cannot open: out of memory");
  }
  gzbuffer(b->in, 256*1024);
  b->a = malloc(BUF_INITIAL+1+KQL_LOAD_PAD);
  if( b->a==0 ) return kqlLoadError(p, 0, "out of memory");
  b->nAlloc = BUF_INITIAL;
  b->a[0] = 0;
  return KL_OK;
}

/* Close the input and free the block. */
void kqlLoadBufClose(KqlLoadBuf *b){
  if( b->in ) gzclose(b->in);
  free(b->a);
  memset(b, 0, sizeof(*b));
}

/*
** Read more input. Bytes before iRec are dropped (iRec becomes 0, so every
** pointer into the block is stale afterwards); when the block is full of
** the current record it is doubled, up to KQL_LOAD_MAX_RECORD. Sets bEof at
** the end of the input. Returns KL_OK or KL_ERROR.
*/
int kqlLoadBufFill(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  size_t nWant;
  int nGot;
  if( b->bEof ) return KL_OK;
  if( b->iRec>0 ){
    b->nData -= b->iRec;
    memmove(b->a, b->a + b->iRec, b->nData);
    b->iRec = 0;
  }
  if( b->nData==b->nAlloc ){
    size_t nNew = b->nAlloc*2;
    char *aNew;
    if( b->nAlloc>=(size_t)KQL_LOAD_MAX_RECORD ){
      return kqlLoadError(p, b->a, "record longer than %d MiB",
                          KQL_LOAD_MAX_RECORD/(1024*1024));
    }
    aNew = realloc(b->a, nNew+1+KQL_LOAD_PAD);
    if( aNew==0 ) return kqlLoadError(p, 0, "out of memory");
    b->a = aNew;
    b->nAlloc = nNew;
  }
  nWant = b->nAlloc - b->nData;
  if( nWant>(size_t)INT_MAX/2 ) nWant = (size_t)INT_MAX/2;
  nGot = gzread(b->in, b->a + b->nData, (unsigned)nWant);
  if( nGot<0 ){
    int eErr = 0;
    const char *zMsg = gzerror(b->in, &eErr);
    if( eErr==Z_ERRNO ) zMsg = strerror(errno);
    return kqlLoadError(p, 0, "read error: %s", zMsg ? zMsg : "unknown");
  }
  if( nGot==0 ){
    int eErr = 0;
    const char *zMsg = gzerror(b->in, &eErr);
    if( eErr!=Z_OK && eErr!=Z_STREAM_END ){
      return kqlLoadError(p, 0, "read error: %s", zMsg ? zMsg : "unknown");
    }
    b->bEof = 1;
  }
  b->nData += (size_t)nGot;
  b->a[b->nData] = 0;
  return KL_OK;
}

/*
** At the start of a pass: read the first bytes, skip a UTF-8 byte-order
** mark, and refuse UTF-16 (its BOM) with a clear message. Returns KL_OK or
** KL_ERROR.
*/
int kqlLoadBufStart(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  while( b->nData<3 && !b->bEof ){
    if( kqlLoadBufFill(p) ) return KL_ERROR;
  }
  if( b->nData>=3 && memcmp(b->a, "\xEF\xBB\xBF", 3)==0 ){
    b->iRec = 3;
  }else if( b->nData>=2 && (memcmp(b->a, "\xFF\xFE", 2)==0 || memcmp(b->a, "\xFE\xFF", 2)==0) ){
    return kqlLoadError(p, b->a, "UTF-16 input is not supported (convert the file to UTF-8)");
  }
  return KL_OK;
}

/* Characters (UTF-8 lead bytes) in z[0..n). */
static int64_t countChars(const char *z, size_t n){
  int64_t nChar = 0;
  for(size_t i=0; i<n; i++){
    nChar += ((unsigned char)z[i] & 0xC0)!=0x80;
  }
  return nChar;
}

/*
** Consume the block up to zNext (a pointer into it, at or after the current
** record start), keeping nLine/nCol right for the byte at zNext.
*/
void kqlLoadBufAdvance(KqlLoadBuf *b, const char *zNext){
  const char *z = b->a + b->iRec;
  const char *zLast = 0;
  while( z<zNext ){
    const char *zNl = memchr(z, '\n', (size_t)(zNext - z));
    if( zNl==0 ) break;
    b->nLine++;
    zLast = zNl;
    z = zNl+1;
  }
  if( zLast ){
    b->nCol = 1 + countChars(zLast+1, (size_t)(zNext - (zLast+1)));
  }else{
    b->nCol += countChars(b->a + b->iRec, (size_t)(zNext - (b->a + b->iRec)));
  }
  b->iRec = (size_t)(zNext - b->a);
}

/*
** Consume the block up to zNext when the caller knows the consumed bytes
** hold nNl newlines and zNext starts a line (or nNl is 0 and the bytes hold
** no newline). Cheaper than kqlLoadBufAdvance for CSV records.
*/
void kqlLoadBufAdvanceLines(KqlLoadBuf *b, const char *zNext, int64_t nNl){
  if( nNl>0 && zNext>b->a && zNext[-1]=='\n' ){
    b->nLine += nNl;
    b->nCol = 1;
    b->iRec = (size_t)(zNext - b->a);
  }else{
    kqlLoadBufAdvance(b, zNext);
  }
}

/* Line and character column of z, a pointer at or after the record start. */
static void locate(const KqlLoadBuf *b, const char *z, int64_t *pLine, int64_t *pCol){
  const char *zRec = b->a + b->iRec;
  int64_t nLine = b->nLine, nCol = b->nCol;
  if( z<zRec || z>b->a + b->nData ) z = zRec;
  for(const char *y=zRec; y<z; y++){
    if( *y=='\n' ){ nLine++; nCol = 1; }
    else if( ((unsigned char)*y & 0xC0)!=0x80 ) nCol++;
  }
  *pLine = nLine;
  *pCol = nCol;
}

/*
** Record an error: "PATH:LINE:COL: message" when zLoc points into the
** current record, "PATH: message" when zLoc is NULL. The first error
** recorded wins. Returns KL_ERROR.
*/
int kqlLoadError(KqlLoader *p, const char *zLoc, const char *zFmt, ...){
  char zMsg[1024];
  char zPrefix[64];
  va_list ap;
  size_t nPath, nPrefix, nMsg;
  if( p->zErr ) return KL_ERROR;
  va_start(ap, zFmt);
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  va_end(ap);
  if( zLoc && p->buf.a ){
    int64_t nLine, nCol;
    locate(&p->buf, zLoc, &nLine, &nCol);
    snprintf(zPrefix, sizeof(zPrefix), ":%lld:%lld: ", (long long)nLine, (long long)nCol);
  }else{
    snprintf(zPrefix, sizeof(zPrefix), ": ");
  }
  nPath = strlen(p->zPath);
  nPrefix = strlen(zPrefix);
  nMsg = strlen(zMsg);
  p->zErr = malloc(nPath + nPrefix + nMsg + 1);
  if( p->zErr ){
    memcpy(p->zErr, p->zPath, nPath);
    memcpy(p->zErr + nPath, zPrefix, nPrefix);
    memcpy(p->zErr + nPath + nPrefix, zMsg, nMsg+1);
  }
  return KL_ERROR;
}

/* Non-zero when some byte of w is zero (the classic bit trick). */
#define HAS_ZERO(w) (((w) - 0x0101010101010101ULL) & ~(w) & 0x8080808080808080ULL)

/*
** Check that z[0..n) is UTF-8 without NUL bytes or overlong, surrogate or
** out-of-range sequences. Returns NULL when it is, else a pointer to the
** first bad byte with *pzWhy set to a message.
*/
const char *kqlLoadUtf8Check(const char *z, size_t n, const char **pzWhy){
  const unsigned char *u = (const unsigned char*)z;
  size_t i = 0;
  while( i<n ){
    unsigned c;
    size_t nLen;
    unsigned lo = 0x80, hi = 0xBF;
    while( i+8<=n ){
      uint64_t w;
      memcpy(&w, u+i, 8);
      if( (w & 0x8080808080808080ULL) || HAS_ZERO(w) ) break;
      i += 8;
    }
    if( i>=n ) break;
    c = u[i];
    if( c==0 ){ *pzWhy = "NUL byte in input"; return z+i; }
    if( c<0x80 ){ i++; continue; }
    if( c>=0xC2 && c<=0xDF ) nLen = 2;
    else if( c>=0xE0 && c<=0xEF ){
      nLen = 3;
      if( c==0xE0 ) lo = 0xA0;
      if( c==0xED ) hi = 0x9F;
    }else if( c>=0xF0 && c<=0xF4 ){
      nLen = 4;
      if( c==0xF0 ) lo = 0x90;
      if( c==0xF4 ) hi = 0x8F;
    }else{
      *pzWhy = "invalid UTF-8";
      return z+i;
    }
    if( i+nLen>n || u[i+1]<lo || u[i+1]>hi ){
      *pzWhy = "invalid UTF-8";
      return z+i;
    }
    for(size_t k=2; k<nLen; k++){
      if( (u[i+k] & 0xC0)!=0x80 ){ *pzWhy = "invalid UTF-8"; return z+i; }
    }
    i += nLen;
  }
  return 0;
}

/*
** Check the current record, from the record start up to zEnd, for NUL bytes
** and invalid UTF-8. Returns KL_OK, or KL_ERROR located at the bad byte.
*/
int kqlLoadCheckRecord(KqlLoader *p, const char *zEnd){
  const char *zRec = p->buf.a + p->buf.iRec;
  const char *zWhy = 0;
  const char *zBad = kqlLoadUtf8Check(zRec, (size_t)(zEnd - zRec), &zWhy);
  if( zBad ){
    if( *zBad==0 ) return kqlLoadError(p, zBad, "%s", zWhy);
    return kqlLoadError(p, zBad, "%s (byte 0x%02X)", zWhy, (unsigned char)*zBad);
  }
  return KL_OK;
}

/*
** Make pStr hold at least n bytes of capacity beyond its current use.
** Returns KL_OK, or KL_ERROR (out of memory).
*/
int kqlLoadStrReserve(KqlLoader *p, KqlLoadStr *pStr, size_t n){
  if( pStr->n + n <= pStr->nAlloc ) return KL_OK;
  size_t nNew = pStr->nAlloc ? pStr->nAlloc : 4096;
  while( nNew < pStr->n + n ) nNew *= 2;
  char *zNew = realloc(pStr->z, nNew);
  if( zNew==0 ) return kqlLoadError(p, 0, "out of memory");
  pStr->z = zNew;
  pStr->nAlloc = nNew;
  return KL_OK;
}

/*
** Write z[0..n) into zOut (nOut bytes, nOut >= 80) as a quoted value for a
** message: control characters and quotes escaped, cut after about 60 bytes
** (on a character boundary) with "..." appended.
*/
void kqlLoadQuoteValue(char *zOut, size_t nOut, const char *z, size_t n){
  size_t j = 0;
  size_t nMax = nOut - 8;
  zOut[j++] = '"';
  for(size_t i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( j>=60 && j+4<nMax && (c & 0xC0)!=0x80 ){
      memcpy(zOut+j, "...", 3);
      j += 3;
      break;
    }
    if( j+5>=nMax ) break;
    if( c=='"' || c=='\\' ){ zOut[j++] = '\\'; zOut[j++] = (char)c; }
    else if( c=='\n' ){ zOut[j++] = '\\'; zOut[j++] = 'n'; }
    else if( c=='\r' ){ zOut[j++] = '\\'; zOut[j++] = 'r'; }
    else if( c=='\t' ){ zOut[j++] = '\\'; zOut[j++] = 't'; }
    else if( c<0x20 || c==0x7F ){
      snprintf(zOut+j, 5, "\\x%02X", c);
      j += 4;
    }else{
      zOut[j++] = (char)c;
    }
  }
  zOut[j++] = '"';
  zOut[j] = 0;
}

/* FNV-1a hash of z[0..n). */
unsigned kqlLoadHash(const char *z, int n){
  unsigned h = 2166136261u;
  for(int i=0; i<n; i++){
    h ^= (unsigned char)z[i];
    h *= 16777619u;
  }
  return h;
}
