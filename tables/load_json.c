/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Loaders: JSON input. A file is either one array of objects ("[{...},
** {...}]", any layout) or a sequence of objects; a .jsonl/.ndjson file must
** hold one object per line (blank lines allowed). Each object is a record;
** its members become cells. The reader is a small strict RFC 8259 parser
** written for this job: it works on the block in place, decodes a string
** only when it has escapes, and copies nested objects and arrays minified
** (whitespace dropped, every token kept byte for byte, which is what
** SQLite's json() makes of them). Malformed input is a PATH:LINE:COL error.
** kqlLoadJsonMinify() and kqlLoadJsonQuote() serve the CSV reader's dynamic
** cells too.
*/
#include "loadInt.h"
#include <stdlib.h>
#include <string.h>

/* Parse state of one JSON text (a record, or a cell for kqlLoadJsonMinify). */
typedef struct JsonCtx JsonCtx;
struct JsonCtx {
  KqlLoader *p;         /* the loader, for messages; NULL: just fail */
  const char *z;        /* cursor */
  const char *zEnd;     /* end of the available text */
  int bEof;             /* zEnd ends the text (else: more may be read) */
  int bLine;            /* zEnd is the end of a JSON-lines line */
  char *zOut;           /* minified copy goes here when not NULL */
  const char *zVal;     /* start of the member value being parsed */
  int rc;               /* KL_OK, KL_MORE, KL_ERROR or KL_RESTART */
};

/* Fail with message zMsg located at zAt. Returns 1. */
static int jsonFail(JsonCtx *c, const char *zAt, const char *zMsg){
  if( c->rc==KL_OK ){
    c->rc = KL_ERROR;
    if( c->p ) kqlLoadError(c->p, zAt, "%s", zMsg);
  }
  return 1;
}

/* The text ran out at c->zEnd: more may be read (KL_MORE), unless this was
** the end of the input or the line. Returns 1. */
static int jsonEnd(JsonCtx *c){
  if( !c->bEof ){
    if( c->zVal && c->zEnd - c->zVal > KQL_LOAD_MAX_FIELD ){
      return jsonFail(c, c->zVal, "value longer than 64 MiB");
    }
    if( c->rc==KL_OK ) c->rc = KL_MORE;
    return 1;
  }
  return jsonFail(c, c->zEnd, c->bLine ? "unexpected end of line in JSON object"
                                       : "unexpected end of JSON input");
}

static void skipWs(JsonCtx *c){
  const char *z = c->z;
  while( z<c->zEnd && (*z==' ' || *z=='\t' || *z=='\n' || *z=='\r') ) z++;
  c->z = z;
}

/* Append z[0..n) to the minified copy, when one is being made. */
static void emit(JsonCtx *c, const char *z, size_t n){
  if( c->zOut ){
    memcpy(c->zOut, z, n);
    c->zOut += n;
  }
}

static int hexValue(char ch){
  if( ch>='0' && ch<='9' ) return ch-'0';
  if( ch>='a' && ch<='f' ) return ch-'a'+10;
  if( ch>='A' && ch<='F' ) return ch-'A'+10;
  return -1;
}

/* The 4 hex digits at z as a number, or -1. */
static int hex4(const char *z){
  int v = 0;
  for(int i=0; i<4; i++){
    int h = hexValue(z[i]);
    if( h<0 ) return -1;
    v = v*16 + h;
  }
  return v;
}

/* Write code point cp as UTF-8 at z; returns the bytes written. */
static int putUtf8(char *z, unsigned cp){
  if( cp<0x80 ){ z[0] = (char)cp; return 1; }
  if( cp<0x800 ){
    z[0] = (char)(0xC0 | (cp>>6));
    z[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if( cp<0x10000 ){
    z[0] = (char)(0xE0 | (cp>>12));
    z[1] = (char)(0x80 | ((cp>>6) & 0x3F));
    z[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  z[0] = (char)(0xF0 | (cp>>18));
  z[1] = (char)(0x80 | ((cp>>12) & 0x3F));
  z[2] = (char)(0x80 | ((cp>>6) & 0x3F));
  z[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/*
** The string literal at c->z (its opening quote). With pzDec, the value is
** decoded: *pz and *pn point into the block when it has no escapes, else at the
** decoded copy written at *pzDec (which advances). Without pzDec the literal
** is only checked (and copied to the minified output). Returns 0, or 1 with
** c->rc set.
*/
static int jsonString(JsonCtx *c, char **pzDec, const char **pz, int *pn){
  const char *zStart = c->z;
  const char *z = zStart + 1;
  const char *zEnd = c->zEnd;
  const char *zSeg = z;       /* first byte not yet copied to zD */
  char *zD = 0;               /* decoded output, once an escape was seen */
  char *zD0 = 0;
  for(;;){
    unsigned char ch = 0;
    while( z<zEnd ){
      ch = (unsigned char)*z;
      if( ch=='"' || ch=='\\' || ch<0x20 ) break;
      z++;
    }
    if( z>=zEnd ) return jsonEnd(c);
    if( ch=='"' ) break;
    if( ch<0x20 ){
      return jsonFail(c, z, ch==0 ? "NUL byte in JSON string"
                                  : "control character in JSON string (must be escaped)");
    }
    /* a backslash escape */
    if( pzDec && zD==0 ){ zD = zD0 = *pzDec; }
    if( zD ){ memcpy(zD, zSeg, (size_t)(z-zSeg)); zD += z-zSeg; }
    if( z+1>=zEnd ) return jsonEnd(c);
    switch( z[1] ){
      case '"': case '\\': case '/':
        if( zD ) *zD++ = z[1];
        z += 2; break;
      case 'b': if( zD ) *zD++ = '\b'; z += 2; break;
      case 'f': if( zD ) *zD++ = '\f'; z += 2; break;
      case 'n': if( zD ) *zD++ = '\n'; z += 2; break;
      case 'r': if( zD ) *zD++ = '\r'; z += 2; break;
      case 't': if( zD ) *zD++ = '\t'; z += 2; break;
      case 'u': {
        int cp, lo;
        if( zEnd - z < 6 ){
          if( !c->bEof ) return jsonEnd(c);
          return jsonFail(c, z, "invalid \\u escape in JSON string");
        }
        cp = hex4(z+2);
        if( cp<0 ) return jsonFail(c, z, "invalid \\u escape in JSON string");
        if( cp>=0xD800 && cp<=0xDBFF ){
          if( zEnd - z < 12 && !c->bEof ) return jsonEnd(c);
          lo = (zEnd - z >= 12 && z[6]=='\\' && z[7]=='u') ? hex4(z+8) : -1;
          if( lo>=0xDC00 && lo<=0xDFFF ){
            cp = 0x10000 + ((cp-0xD800)<<10) + (lo-0xDC00);
            z += 6;
          }else if( pzDec ){
            return jsonFail(c, z, "unpaired surrogate in \\u escape");
          }
        }else if( cp>=0xDC00 && cp<=0xDFFF && pzDec ){
          return jsonFail(c, z, "unpaired surrogate in \\u escape");
        }
        if( cp==0 && pzDec ){
          return jsonFail(c, z, "\\u0000 (NUL) in a JSON string cannot be loaded");
        }
        if( zD ) zD += putUtf8(zD, (unsigned)cp);
        z += 6;
        break;
      }
      default:
        return jsonFail(c, z, "invalid escape in JSON string");
    }
    zSeg = z;
  }
  /* z is at the closing quote */
  if( z - zStart > KQL_LOAD_MAX_FIELD ){
    return jsonFail(c, zStart, "value longer than 64 MiB");
  }
  if( pzDec ){
    if( zD ){
      memcpy(zD, zSeg, (size_t)(z-zSeg));
      zD += z-zSeg;
      *pz = zD0;
      *pn = (int)(zD - zD0);
      *pzDec = zD;
    }else{
      *pz = zStart+1;
      *pn = (int)(z - (zStart+1));
    }
  }
  emit(c, zStart, (size_t)(z+1-zStart));
  c->z = z+1;
  return 0;
}

/* Skip decimal digits from z; returns the first non-digit (or zEnd). */
static const char *digits(const char *z, const char *zEnd){
  while( z<zEnd && *z>='0' && *z<='9' ) z++;
  return z;
}

/*
** The number at c->z: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
** Sets *pbInt when it has no fraction or exponent. Returns 0, or 1.
*/
static int jsonNumber(JsonCtx *c, int *pbInt){
  const char *zStart = c->z;
  const char *z = zStart;
  const char *zEnd = c->zEnd;
  *pbInt = 1;
  if( *z=='-' ) z++;
  if( z>=zEnd ) return jsonEnd(c);
  if( *z=='0' ){
    z++;
  }else if( *z>='1' && *z<='9' ){
    z = digits(z, zEnd);
  }else{
    return jsonFail(c, z, "invalid number");
  }
  if( z<zEnd && *z=='.' ){
    *pbInt = 0;
    z++;
    if( z>=zEnd ) return jsonEnd(c);
    if( *z<'0' || *z>'9' ) return jsonFail(c, z, "invalid number");
    z = digits(z, zEnd);
  }
  if( z<zEnd && (*z=='e' || *z=='E') ){
    *pbInt = 0;
    z++;
    if( z<zEnd && (*z=='+' || *z=='-') ) z++;
    if( z>=zEnd ) return jsonEnd(c);
    if( *z<'0' || *z>'9' ) return jsonFail(c, z, "invalid number");
    z = digits(z, zEnd);
  }
  /* a number may not end the available text unless the text ends there */
  if( z>=zEnd && !c->bEof ) return jsonEnd(c);
  emit(c, zStart, (size_t)(z-zStart));
  c->z = z;
  return 0;
}

/* The literal zWord (true, false, null) at c->z. Returns 0, or 1. */
static int jsonLiteral(JsonCtx *c, const char *zWord, int n){
  if( c->zEnd - c->z < n ){
    if( memcmp(c->z, zWord, (size_t)(c->zEnd - c->z))==0 ) return jsonEnd(c);
    return jsonFail(c, c->z, "unexpected character in JSON");
  }
  if( memcmp(c->z, zWord, (size_t)n)!=0 ){
    return jsonFail(c, c->z, "unexpected character in JSON");
  }
  emit(c, c->z, (size_t)n);
  c->z += n;
  return 0;
}

/* Any JSON value at c->z (after blanks), copied minified when c->zOut is
** set. Returns 0, or 1 with c->rc set. */
static int jsonValue(JsonCtx *c, int iDepth){
  int bInt;
  skipWs(c);
  if( c->z>=c->zEnd ) return jsonEnd(c);
  switch( *c->z ){
    case '{':
    case '[': {
      char cClose = *c->z=='{' ? '}' : ']';
      int bObj = cClose=='}';
      if( iDepth>=KQL_LOAD_MAX_DEPTH ){
        return jsonFail(c, c->z, "JSON nested too deeply");
      }
      emit(c, c->z, 1);
      c->z++;
      skipWs(c);
      if( c->z>=c->zEnd ) return jsonEnd(c);
      if( *c->z==cClose ){
        emit(c, c->z, 1);
        c->z++;
        return 0;
      }
      for(;;){
        if( bObj ){
          skipWs(c);
          if( c->z>=c->zEnd ) return jsonEnd(c);
          if( *c->z!='"' ) return jsonFail(c, c->z, "expected a string key in JSON object");
          if( jsonString(c, 0, 0, 0) ) return 1;
          skipWs(c);
          if( c->z>=c->zEnd ) return jsonEnd(c);
          if( *c->z!=':' ) return jsonFail(c, c->z, "expected ':' after key in JSON object");
          emit(c, c->z, 1);
          c->z++;
        }
        if( jsonValue(c, iDepth+1) ) return 1;
        skipWs(c);
        if( c->z>=c->zEnd ) return jsonEnd(c);
        if( *c->z==',' ){
          emit(c, c->z, 1);
          c->z++;
          continue;
        }
        if( *c->z==cClose ){
          emit(c, c->z, 1);
          c->z++;
          return 0;
        }
        return jsonFail(c, c->z, bObj ? "expected ',' or '}' in JSON object"
                                      : "expected ',' or ']' in JSON array");
      }
    }
    case '"':
      return jsonString(c, 0, 0, 0);
    case 't': return jsonLiteral(c, "true", 4);
    case 'f': return jsonLiteral(c, "false", 5);
    case 'n': return jsonLiteral(c, "null", 4);
    default:
      if( *c->z=='-' || (*c->z>='0' && *c->z<='9') ) return jsonNumber(c, &bInt);
      return jsonFail(c, c->z, "unexpected character in JSON");
  }
}

/*
** Check that z[0..n) is exactly one JSON value (blanks around it allowed).
** When zOut is not NULL, write the value minified there (at most n bytes)
** and its length to *pnOut. Returns 0 when it is JSON, else -1.
*/
int kqlLoadJsonMinify(const char *z, int n, char *zOut, int *pnOut){
  JsonCtx c;
  memset(&c, 0, sizeof(c));
  c.z = z;
  c.zEnd = z + n;
  c.bEof = 1;
  c.zOut = zOut;
  if( jsonValue(&c, 0) ) return -1;
  skipWs(&c);
  if( c.z!=c.zEnd ) return -1;
  if( pnOut ) *pnOut = (int)(c.zOut - zOut);
  return 0;
}

/*
** Append z[0..n) to pOut as a JSON string literal, escaped as SQLite's
** json_quote() does. The caller has reserved 6*n+2 bytes.
*/
void kqlLoadJsonQuote(KqlLoadStr *pOut, const char *z, int n){
  static const char aSpecial[32] = {
    0,0,0,0,0,0,0,0,'b','t','n',0,'f','r',0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
  };
  static const char aHex[] = "0123456789abcdef";
  char *zO = pOut->z + pOut->n;
  *zO++ = '"';
  for(int i=0; i<n; i++){
    unsigned char ch = (unsigned char)z[i];
    if( ch=='"' || ch=='\\' ){
      *zO++ = '\\';
      *zO++ = (char)ch;
    }else if( ch<0x20 ){
      if( aSpecial[ch] ){
        *zO++ = '\\';
        *zO++ = aSpecial[ch];
      }else{
        memcpy(zO, "\\u00", 4);
        zO[4] = aHex[ch>>4];
        zO[5] = aHex[ch&15];
        zO += 6;
      }
    }else{
      *zO++ = (char)ch;
    }
  }
  *zO++ = '"';
  pOut->n = (size_t)(zO - pOut->z);
}

/* Per-pass state: where the reader is in the file's structure. */
#define ST_START  0   /* nothing read yet */
#define ST_FIRST  1   /* after '[': an object or ']' */
#define ST_ELEM   2   /* after ',': an object */
#define ST_NEXT   3   /* after an array element: ',' or ']' */
#define ST_STREAM 4   /* a sequence of objects */
#define ST_AFTER  5   /* after the closing ']': only blanks */

/* The column for key z[0..n), the iMember'th member of its object. Uses the
** key order of the previous record as a cache. Returns the column, -1
** (error recorded) or -2 (an unknown key in the LOAD pass). */
static int columnForKey(KqlLoader *p, const char *z, int n, int iMember){
  int iKey;
  if( iMember<p->nKeyCache ){
    iKey = p->aKeyCache[iMember];
    if( iKey>=0 && p->aKey[iKey].n==n && memcmp(p->aKey[iKey].z, z, (size_t)n)==0 ){
      return p->aKey[iKey].iCol;
    }
  }
  iKey = kqlLoadKeyFind(p, z, n);
  if( iKey<0 ){
    int iCol = kqlLoadColumnForKey(p, z, n);
    if( iCol<0 ) return iCol;
    iKey = kqlLoadKeyFind(p, z, n);
  }
  if( iMember>=p->nKeyCache ){
    int nNew = iMember+16;
    int *aNew = realloc(p->aKeyCache, sizeof(int)*(size_t)nNew);
    if( aNew==0 ) return kqlLoadError(p, 0, "out of memory"), -1;
    for(int i=p->nKeyCache; i<nNew; i++) aNew[i] = -1;
    p->aKeyCache = aNew;
    p->nKeyCache = nNew;
  }
  p->aKeyCache[iMember] = iKey;
  return iKey>=0 ? p->aKey[iKey].iCol : -1;
}

/* A new cell in p->aCell, or NULL (error recorded). */
static KqlLoadCell *newCell(KqlLoader *p){
  if( p->nCell>=p->nCellAlloc ){
    int nNew = p->nCellAlloc ? 2*p->nCellAlloc : 64;
    KqlLoadCell *aNew = realloc(p->aCell, sizeof(KqlLoadCell)*(size_t)nNew);
    if( aNew==0 ){ kqlLoadError(p, 0, "out of memory"); return 0; }
    p->aCell = aNew;
    p->nCellAlloc = nNew;
  }
  return &p->aCell[p->nCell++];
}

/*
** The object at c->z: one record. Its members become p->aCell. Returns 0,
** or 1 with c->rc set (KL_MORE, KL_ERROR, KL_RESTART).
*/
static int jsonRecord(JsonCtx *c){
  KqlLoader *p = c->p;
  char *zDec = p->scratch.z;
  int iMember = 0;
  p->nCell = 0;
  c->z++;                                   /* the '{' */
  skipWs(c);
  if( c->z>=c->zEnd ) return jsonEnd(c);
  if( *c->z=='}' ){ c->z++; return 0; }
  for(;;){
    const char *zKey;
    int nKey, iCol, bInt;
    KqlLoadCell *pCell;
    skipWs(c);
    if( c->z>=c->zEnd ) return jsonEnd(c);
    if( *c->z!='"' ) return jsonFail(c, c->z, "expected a string key in JSON object");
    c->zVal = c->z;
    if( jsonString(c, &zDec, &zKey, &nKey) ) return 1;
    skipWs(c);
    if( c->z>=c->zEnd ) return jsonEnd(c);
    if( *c->z!=':' ) return jsonFail(c, c->z, "expected ':' after key in JSON object");
    c->z++;
    skipWs(c);
    if( c->z>=c->zEnd ) return jsonEnd(c);
    iCol = columnForKey(p, zKey, nKey, iMember++);
    if( iCol==-2 ){ c->rc = KL_RESTART; return 1; }
    if( iCol<0 ){ c->rc = KL_ERROR; return 1; }
    pCell = newCell(p);
    if( pCell==0 ){ c->rc = KL_ERROR; return 1; }
    memset(pCell, 0, sizeof(*pCell));
    pCell->iCol = iCol;
    pCell->zLoc = c->z;
    c->zVal = c->z;
    switch( *c->z ){
      case '"':
        pCell->eKind = KL_CELL_STR;
        pCell->zRaw = c->z;
        if( jsonString(c, &zDec, &pCell->z, &pCell->n) ) return 1;
        pCell->nRaw = (int)(c->z - pCell->zRaw);
        break;
      case '{':
      case '[':
        pCell->eKind = KL_CELL_JSON;
        c->zOut = zDec;
        if( jsonValue(c, 1) ){ c->zOut = 0; return 1; }
        pCell->z = zDec;
        pCell->n = (int)(c->zOut - zDec);
        zDec = c->zOut;
        c->zOut = 0;
        break;
      case 't':
        pCell->eKind = KL_CELL_TRUE;
        if( jsonLiteral(c, "true", 4) ) return 1;
        break;
      case 'f':
        pCell->eKind = KL_CELL_FALSE;
        if( jsonLiteral(c, "false", 5) ) return 1;
        break;
      case 'n':
        pCell->eKind = KL_CELL_NULL;
        if( jsonLiteral(c, "null", 4) ) return 1;
        break;
      default:
        if( *c->z=='-' || (*c->z>='0' && *c->z<='9') ){
          pCell->z = c->z;
          if( jsonNumber(c, &bInt) ) return 1;
          pCell->n = (int)(c->z - pCell->z);
          pCell->eKind = bInt ? KL_CELL_INT : KL_CELL_NUM;
          break;
        }
        return jsonFail(c, c->z, "expected a JSON value");
    }
    if( c->z - pCell->zLoc > KQL_LOAD_MAX_FIELD ){
      return jsonFail(c, pCell->zLoc, "value longer than 64 MiB");
    }
    c->zVal = 0;
    skipWs(c);
    if( c->z>=c->zEnd ) return jsonEnd(c);
    if( *c->z==',' ){ c->z++; continue; }
    if( *c->z=='}' ){ c->z++; return 0; }
    return jsonFail(c, c->z, "expected ',' or '}' in JSON object");
  }
}

/*
** Parse the object at the record start and process it. Returns KL_OK,
** KL_MORE, KL_LIMIT, KL_ERROR or KL_RESTART.
*/
static int oneRecord(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  const char *z = b->a + b->iRec;
  const char *zEnd = b->a + b->nData;
  const char *zNext;
  JsonCtx c;
  int rc;
  memset(&c, 0, sizeof(c));
  c.p = p;
  c.z = z;
  c.zEnd = zEnd;
  c.bEof = b->bEof;
  if( p->eFmt==KL_FMT_JSONL ){
    const char *zEol = memchr(z, '\n', (size_t)(zEnd - z));
    if( zEol==0 && !b->bEof ) return KL_MORE;
    c.zEnd = zEol ? zEol : zEnd;
    c.bEof = 1;
    c.bLine = zEol!=0;
  }
  p->scratch.n = 0;
  if( kqlLoadStrReserve(p, &p->scratch, (size_t)(c.zEnd - z) + 16) ) return KL_ERROR;
  if( jsonRecord(&c) ) return c.rc;
  zNext = c.z;
  if( p->eFmt==KL_FMT_JSONL ){
    while( zNext<c.zEnd && (*zNext==' ' || *zNext=='\t' || *zNext=='\r') ) zNext++;
    if( zNext<c.zEnd ){
      return kqlLoadError(p, zNext, "expected end of line after JSON object "
                                    "(JSON lines: one object per line)");
    }
    if( c.bLine ) zNext++;
  }
  rc = kqlLoadCheckRecord(p, zNext);
  if( rc ) return rc;
  rc = kqlLoadRow(p);
  if( rc ) return rc;
  kqlLoadBufAdvance(b, zNext);
  if( p->ePass==KL_PASS_SAMPLE && p->nRec>=KQL_LOAD_SAMPLE ) return KL_LIMIT;
  return KL_OK;
}

/*
** Run the current pass over a JSON or JSON-lines file: parse each object
** and hand it to kqlLoadRow(). Returns KL_OK at the end of the input,
** KL_LIMIT when the sample is complete, KL_ERROR or KL_RESTART.
*/
int kqlLoadJsonPass(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  int eState = ST_START;
  int rc;
  if( kqlLoadBufStart(p) ) return KL_ERROR;
  for(;;){
    const char *z = b->a + b->iRec;
    const char *zEnd = b->a + b->nData;
    const char *y = z;
    while( y<zEnd && (*y==' ' || *y=='\t' || *y=='\n' || *y=='\r') ) y++;
    if( y>z ){
      kqlLoadBufAdvance(b, y);
      z = y;
    }
    if( z>=zEnd ){
      if( !b->bEof ){
        if( kqlLoadBufFill(p) ) return KL_ERROR;
        continue;
      }
      if( eState==ST_FIRST || eState==ST_ELEM || eState==ST_NEXT ){
        return kqlLoadError(p, z, "unexpected end of JSON input (the array is not closed)");
      }
      return KL_OK;
    }
    switch( eState ){
      case ST_START:
        if( *z=='[' ){
          kqlLoadBufAdvance(b, z+1);
          eState = ST_FIRST;
          continue;
        }
        if( *z=='{' ){
          eState = ST_STREAM;
          continue;
        }
        return kqlLoadError(p, z, "expected '[' or '{' at the start of JSON input");
      case ST_NEXT:
        if( *z==',' ){
          kqlLoadBufAdvance(b, z+1);
          eState = ST_ELEM;
          continue;
        }
        if( *z==']' ){
          kqlLoadBufAdvance(b, z+1);
          eState = ST_AFTER;
          continue;
        }
        return kqlLoadError(p, z, "expected ',' or ']' after an array element");
      case ST_AFTER:
        return kqlLoadError(p, z, "unexpected text after the JSON array");
      case ST_FIRST:
        if( *z==']' ){
          kqlLoadBufAdvance(b, z+1);
          eState = ST_AFTER;
          continue;
        }
        /* fall through */
      default:
        if( *z!='{' ){
          return kqlLoadError(p, z, eState==ST_STREAM
                 ? "expected '{' (each record must be a JSON object)"
                 : "expected a JSON object as array element");
        }
        rc = oneRecord(p);
        if( rc==KL_MORE ){
          if( kqlLoadBufFill(p) ) return KL_ERROR;
          continue;
        }
        if( rc ) return rc;
        if( eState!=ST_STREAM ) eState = ST_NEXT;
        continue;
    }
  }
}

/*
** Helpers for readers that walk a JSON document themselves (load_api.c).
** Each works on the text [*pz, zEnd), skips blanks first and advances *pz
** past what it read. bEof says that zEnd ends the input; when it does not,
** running out of text gives KL_MORE. Errors are located in the block.
*/

/* Skip one JSON value. Returns KL_OK, KL_MORE or KL_ERROR. */
int kqlLoadJsonSkip(KqlLoader *p, const char **pz, const char *zEnd, int bEof){
  JsonCtx c;
  memset(&c, 0, sizeof(c));
  c.p = p;
  c.z = *pz;
  c.zEnd = zEnd;
  c.bEof = bEof;
  if( jsonValue(&c, 0) ) return c.rc;
  *pz = c.z;
  return KL_OK;
}

/*
** The string literal at *pz (after blanks). With pzDec, the value is decoded
** (into *pzDec, which advances, when it has escapes); without it *pzStr is
** the literal's raw content. Returns KL_OK, KL_MORE or KL_ERROR (also when
** the value is not a string).
*/
int kqlLoadJsonString(KqlLoader *p, const char **pz, const char *zEnd, int bEof,
                      char **pzDec, const char **pzStr, int *pnStr){
  JsonCtx c;
  memset(&c, 0, sizeof(c));
  c.p = p;
  c.z = *pz;
  c.zEnd = zEnd;
  c.bEof = bEof;
  skipWs(&c);
  if( c.z>=c.zEnd ){ jsonEnd(&c); return c.rc; }
  if( *c.z!='"' ){ jsonFail(&c, c.z, "expected a JSON string"); return c.rc; }
  if( pzDec ){
    if( jsonString(&c, pzDec, pzStr, pnStr) ) return c.rc;
  }else{
    const char *zStart = c.z;
    if( jsonString(&c, 0, 0, 0) ) return c.rc;
    *pzStr = zStart+1;
    *pnStr = (int)(c.z - zStart - 2);
  }
  *pz = c.z;
  return KL_OK;
}

/*
** The value at *pz (after blanks; the input is complete) as cell pCell of
** column iCol: strings decoded into *pzDec (which advances), objects and
** arrays minified there. Returns KL_OK or KL_ERROR.
*/
int kqlLoadJsonCell(KqlLoader *p, const char **pz, const char *zEnd, char **pzDec,
                    int iCol, KqlLoadCell *pCell){
  JsonCtx c;
  int bInt;
  memset(&c, 0, sizeof(c));
  memset(pCell, 0, sizeof(*pCell));
  c.p = p;
  c.z = *pz;
  c.zEnd = zEnd;
  c.bEof = 1;
  skipWs(&c);
  if( c.z>=c.zEnd ){ jsonEnd(&c); return KL_ERROR; }
  pCell->iCol = iCol;
  pCell->zLoc = c.z;
  switch( *c.z ){
    case '"':
      pCell->eKind = KL_CELL_STR;
      pCell->zRaw = c.z;
      if( jsonString(&c, pzDec, &pCell->z, &pCell->n) ) return KL_ERROR;
      pCell->nRaw = (int)(c.z - pCell->zRaw);
      break;
    case '{':
    case '[':
      pCell->eKind = KL_CELL_JSON;
      c.zOut = *pzDec;
      if( jsonValue(&c, 1) ) return KL_ERROR;
      pCell->z = *pzDec;
      pCell->n = (int)(c.zOut - *pzDec);
      *pzDec = c.zOut;
      break;
    case 't':
      pCell->eKind = KL_CELL_TRUE;
      if( jsonLiteral(&c, "true", 4) ) return KL_ERROR;
      break;
    case 'f':
      pCell->eKind = KL_CELL_FALSE;
      if( jsonLiteral(&c, "false", 5) ) return KL_ERROR;
      break;
    case 'n':
      pCell->eKind = KL_CELL_NULL;
      if( jsonLiteral(&c, "null", 4) ) return KL_ERROR;
      break;
    default:
      if( *c.z=='-' || (*c.z>='0' && *c.z<='9') ){
        pCell->z = c.z;
        if( jsonNumber(&c, &bInt) ) return KL_ERROR;
        pCell->n = (int)(c.z - pCell->z);
        pCell->eKind = bInt ? KL_CELL_INT : KL_CELL_NUM;
        break;
      }
      jsonFail(&c, c.z, "expected a JSON value");
      return KL_ERROR;
  }
  if( c.z - pCell->zLoc > KQL_LOAD_MAX_FIELD ){
    jsonFail(&c, pCell->zLoc, "value longer than 64 MiB");
    return KL_ERROR;
  }
  *pz = c.z;
  return KL_OK;
}
