/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Output renderers (render.h): an aligned text table, CSV, TSV, JSON, JSON
** lines and Markdown. Every value is formatted from the column's static KQL
** type through the public result API of kql.h (kql_result_text for the
** printed form, kql_result_raw for strings and dynamic JSON, the int64 and
** double readers for JSON numbers); SQLite's storage classes are never seen
** here. The streaming formats write each row as it is stepped; the text table
** buffers all cells first to work out the column widths, which count display
** columns of UTF-8 text (wide East Asian characters count two, combining marks
** none). Invalid UTF-8 is passed through untouched by CSV/TSV and replaced by
** U+FFFD inside JSON strings, so JSON output is always valid UTF-8.
** Separators and labels between the results of one run are the caller's
** business (the CLI prints them), so iTable is not used by any format yet.
*/
#include "render.h"
#include "types.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Display width at which the table format cuts a cell, "…" included. */
#define KQL_RENDER_MAXCELL 80

/*
** Decode one UTF-8 character from z[0..n). Stores the code point in *pCp and
** returns the number of bytes used (1..4), or returns 1 with *pCp = -1 for
** an invalid byte (overlong forms, surrogates and truncated sequences are
** invalid).
*/
static int utf8Decode(const unsigned char *z, long n, long *pCp){
  unsigned c = z[0];
  int nByte;
  long cp, mn;
  if( c<0x80 ){ *pCp = c; return 1; }
  if( c>=0xC2 && c<=0xDF ){ nByte = 2; cp = c & 0x1F; mn = 0x80; }
  else if( c>=0xE0 && c<=0xEF ){ nByte = 3; cp = c & 0x0F; mn = 0x800; }
  else if( c>=0xF0 && c<=0xF4 ){ nByte = 4; cp = c & 0x07; mn = 0x10000; }
  else { *pCp = -1; return 1; }
  if( n<nByte ){ *pCp = -1; return 1; }
  for(int i=1; i<nByte; i++){
    if( (z[i] & 0xC0)!=0x80 ){ *pCp = -1; return 1; }
    cp = (cp<<6) | (z[i] & 0x3F);
  }
  if( cp<mn || cp>0x10FFFF || (cp>=0xD800 && cp<=0xDFFF) ){ *pCp = -1; return 1; }
  *pCp = cp;
  return nByte;
}

/*
** Terminal columns taken by code point cp: 0 for combining marks and
** zero-width characters, 2 for wide and fullwidth East Asian characters and
** emoji, 1 otherwise (an invalid byte, cp<0, counts one: it is shown as one
** replacement character).
*/
static int cpWidth(long cp){
  static const struct { long lo, hi; } aZero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E}, {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
  };
  static const struct { long lo, hi; } aWide[] = {
    {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
    {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
  };
  if( cp<0 ) return 1;
  if( cp<0x300 ) return 1;
  for(unsigned i=0; i<sizeof(aZero)/sizeof(aZero[0]); i++){
    if( cp>=aZero[i].lo && cp<=aZero[i].hi ) return 0;
  }
  for(unsigned i=0; i<sizeof(aWide)/sizeof(aWide[0]); i++){
    if( cp>=aWide[i].lo && cp<=aWide[i].hi ) return 2;
  }
  return 1;
}

/****************************************************************************
** A growable byte buffer (malloc'ed). Out-of-memory aborts: the renderer
** has no way to report it and silently losing rows is worse.
*/
typedef struct Buf Buf;
struct Buf {
  char *z;              /* bytes so far (not NUL-terminated) */
  size_t n;             /* bytes used */
  size_t nAlloc;        /* bytes allocated */
};

static void bufGrow(Buf *p, size_t nMore){
  if( p->n + nMore <= p->nAlloc ) return;
  size_t nNew = p->nAlloc ? p->nAlloc*2 : 4096;
  while( nNew < p->n + nMore ) nNew *= 2;
  char *zNew = realloc(p->z, nNew);
  if( zNew==0 ) abort();
  p->z = zNew;
  p->nAlloc = nNew;
}
static void bufAppend(Buf *p, const char *z, size_t n){
  bufGrow(p, n);
  memcpy(p->z + p->n, z, n);
  p->n += n;
}

/****************************************************************************
** Cell text for the text formats.
*/

/* The printed form of cell iCol ("" for null, never NULL). */
static const char *cellText(KqlResult *pRes, int iCol){
  const char *z;
  if( kql_result_isnull(pRes, iCol) ) return "";
  z = kql_result_text(pRes, iCol);
  return z ? z : "";
}

/* 1 if columns of type eType are right-aligned in the table format. */
static int isRightAligned(int eType){
  return kqlTypeIsNumeric(eType);
}

/*
** Append the display form of z to pBuf for the table and markdown formats:
** control characters become visible escapes (\n, \r, \t, \xHH) so that one
** cell stays on one line, invalid UTF-8 bytes become U+FFFD, and with
** bMarkdown a '|' becomes "\|". The text is cut at nMax display columns
** with a trailing "…" (nMax<=0: no limit). Returns the display width.
*/
static int appendDisplay(Buf *pBuf, const char *zIn, int nMax, int bMarkdown){
  const unsigned char *z = (const unsigned char*)zIn;
  long n = (long)strlen(zIn);
  long i = 0;
  int w = 0;
  /* First pass: does it fit? */
  int bCut = 0;
  if( nMax>0 ){
    int wAll = 0;
    for(long j=0; j<n; ){
      long cp;
      int k = utf8Decode(z+j, n-j, &cp);
      if( cp>=0 && cp<0x20 ) wAll += (cp=='\n' || cp=='\r' || cp=='\t') ? 2 : 4;
      else if( bMarkdown && cp=='|' ) wAll += 2;
      else wAll += cpWidth(cp);
      j += k;
      if( wAll>nMax ){ bCut = 1; break; }
    }
  }
  int nLimit = bCut ? nMax-1 : 0x7fffffff;
  while( i<n ){
    long cp;
    char aEsc[8];
    const char *zPut;
    int nPut, wPut;
    int k = utf8Decode(z+i, n-i, &cp);
    if( cp<0 ){
      zPut = "\xEF\xBF\xBD"; nPut = 3; wPut = 1;
    }else if( cp<0x20 ){
      if( cp=='\n' ) zPut = "\\n";
      else if( cp=='\r' ) zPut = "\\r";
      else if( cp=='\t' ) zPut = "\\t";
      else { snprintf(aEsc, sizeof(aEsc), "\\x%02X", (unsigned)cp); zPut = aEsc; }
      nPut = (int)strlen(zPut); wPut = nPut;
    }else if( bMarkdown && cp=='|' ){
      zPut = "\\|"; nPut = 2; wPut = 2;
    }else{
      zPut = (const char*)z+i; nPut = k; wPut = cpWidth(cp);
    }
    if( w + wPut > nLimit ) break;
    bufAppend(pBuf, zPut, (size_t)nPut);
    w += wPut;
    i += k;
  }
  if( bCut ){
    bufAppend(pBuf, "\xE2\x80\xA6", 3);   /* … */
    w++;
  }
  return w;
}

static void putSpaces(FILE *out, int n){
  while( n-- > 0 ) fputc(' ', out);
}

/****************************************************************************
** JSON helpers.
*/

/* Write z as a JSON string literal; invalid UTF-8 becomes U+FFFD. */
static void jsonString(FILE *out, const char *zIn){
  const unsigned char *z = (const unsigned char*)zIn;
  long n = (long)strlen(zIn);
  fputc('"', out);
  for(long i=0; i<n; ){
    long cp;
    int k = utf8Decode(z+i, n-i, &cp);
    if( cp<0 ){
      fputs("\xEF\xBF\xBD", out);
    }else if( cp=='"' ){
      fputs("\\\"", out);
    }else if( cp=='\\' ){
      fputs("\\\\", out);
    }else if( cp<0x20 ){
      switch( cp ){
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:   fprintf(out, "\\u%04x", (unsigned)cp); break;
      }
    }else if( cp==0x2028 || cp==0x2029 ){
      fprintf(out, "\\u%04lx", cp);      /* safe for JavaScript consumers too */
    }else{
      fwrite(z+i, 1, (size_t)k, out);
    }
    i += k;
  }
  fputc('"', out);
}

/* 1 if z is exactly a JSON number (RFC 8259 grammar). */
static int isJsonNumber(const char *z){
  if( *z=='-' ) z++;
  if( *z=='0' ) z++;
  else if( *z>='1' && *z<='9' ){ while( *z>='0' && *z<='9' ) z++; }
  else return 0;
  if( *z=='.' ){
    z++;
    if( !(*z>='0' && *z<='9') ) return 0;
    while( *z>='0' && *z<='9' ) z++;
  }
  if( *z=='e' || *z=='E' ){
    z++;
    if( *z=='+' || *z=='-' ) z++;
    if( !(*z>='0' && *z<='9') ) return 0;
    while( *z>='0' && *z<='9' ) z++;
  }
  return *z==0;
}

/* Write a finite real as the shortest JSON number that reads back exactly. */
static void jsonReal(FILE *out, double r){
  char zBuf[40];
  for(int nDigit=15; nDigit<=17; nDigit++){
    snprintf(zBuf, sizeof(zBuf), "%.*g", nDigit, r);
    if( strtod(zBuf, 0)==r ) break;
  }
  fputs(zBuf, out);
}

/* Write cell iCol as a JSON value according to its KQL type. */
static void jsonValue(FILE *out, KqlResult *pRes, int iCol){
  int eType = kql_result_type(pRes, iCol);
  if( kql_result_isnull(pRes, iCol) ){
    fputs("null", out);
    return;
  }
  switch( eType ){
    case KQL_T_BOOL:
      fputs(kql_result_int64(pRes, iCol) ? "true" : "false", out);
      break;
    case KQL_T_INT:
    case KQL_T_LONG:
      fprintf(out, "%lld", (long long)kql_result_int64(pRes, iCol));
      break;
    case KQL_T_REAL:
    case KQL_T_DECIMAL: {
      double r = kql_result_double(pRes, iCol);
      const char *z;
      if( isnan(r) ) fputs("\"NaN\"", out);
      else if( isinf(r) ) fputs(r>0 ? "\"Infinity\"" : "\"-Infinity\"", out);
      else if( (z = kql_result_text(pRes, iCol))!=0 && isJsonNumber(z) && strtod(z, 0)==r ){
        fputs(z, out);
      }else{
        jsonReal(out, r);
      }
      break;
    }
    case KQL_T_DYNAMIC: {
      const char *z = kql_result_raw(pRes, iCol);
      if( z==0 || z[0]==0 ) fputs("null", out);
      else fputs(z, out);
      break;
    }
    case KQL_T_STRING:
    case KQL_T_GUID: {
      const char *z = kql_result_raw(pRes, iCol);
      jsonString(out, z ? z : cellText(pRes, iCol));
      break;
    }
    default:
      jsonString(out, cellText(pRes, iCol));
      break;
  }
}

/****************************************************************************
** The formats.
*/

/* CSV field: quoted when it holds a comma, quote, CR or LF (RFC 4180). */
static void csvField(FILE *out, const char *z){
  if( strpbrk(z, ",\"\r\n")==0 ){
    fputs(z, out);
    return;
  }
  fputc('"', out);
  for(; *z; z++){
    if( *z=='"' ) fputc('"', out);
    fputc(*z, out);
  }
  fputc('"', out);
}

/* TSV field: tab, newline, carriage return and backslash escaped. */
static void tsvField(FILE *out, const char *z){
  for(; *z; z++){
    switch( *z ){
      case '\t': fputs("\\t", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\\': fputs("\\\\", out); break;
      default: fputc(*z, out); break;
    }
  }
}

static int renderDelimited(FILE *out, KqlResult *pRes, int bTsv){
  int nCol = kql_result_columns(pRes);
  int rc;
  for(int i=0; i<nCol; i++){
    const char *zName = kql_result_name(pRes, i);
    if( i ) fputc(bTsv ? '\t' : ',', out);
    if( bTsv ) tsvField(out, zName ? zName : "");
    else csvField(out, zName ? zName : "");
  }
  fputc('\n', out);
  while( (rc = kql_result_step(pRes))==KQL_ROW ){
    for(int i=0; i<nCol; i++){
      if( i ) fputc(bTsv ? '\t' : ',', out);
      if( bTsv ) tsvField(out, cellText(pRes, i));
      else csvField(out, cellText(pRes, i));
    }
    fputc('\n', out);
  }
  return rc==KQL_DONE ? KQL_OK : KQL_ERROR;
}

static int renderJson(FILE *out, KqlResult *pRes){
  int nCol = kql_result_columns(pRes);
  int rc, nRow = 0;
  fputs("{\"columns\":[", out);
  for(int i=0; i<nCol; i++){
    const char *zName = kql_result_name(pRes, i);
    if( i ) fputc(',', out);
    fputs("{\"name\":", out);
    jsonString(out, zName ? zName : "");
    fputs(",\"type\":", out);
    jsonString(out, kqlTypeName(kql_result_type(pRes, i)));
    fputc('}', out);
  }
  fputs("],\"rows\":[", out);
  while( (rc = kql_result_step(pRes))==KQL_ROW ){
    fputs(nRow++ ? ",\n[" : "\n[", out);
    for(int i=0; i<nCol; i++){
      if( i ) fputc(',', out);
      jsonValue(out, pRes, i);
    }
    fputc(']', out);
  }
  fputs(nRow ? "\n]}\n" : "]}\n", out);
  return rc==KQL_DONE ? KQL_OK : KQL_ERROR;
}

static int renderJsonl(FILE *out, KqlResult *pRes){
  int nCol = kql_result_columns(pRes);
  int rc;
  while( (rc = kql_result_step(pRes))==KQL_ROW ){
    fputc('{', out);
    for(int i=0; i<nCol; i++){
      const char *zName = kql_result_name(pRes, i);
      if( i ) fputc(',', out);
      jsonString(out, zName ? zName : "");
      fputc(':', out);
      jsonValue(out, pRes, i);
    }
    fputs("}\n", out);
  }
  return rc==KQL_DONE ? KQL_OK : KQL_ERROR;
}

static int renderMarkdown(FILE *out, KqlResult *pRes){
  int nCol = kql_result_columns(pRes);
  int rc;
  Buf b = {0, 0, 0};
  fputc('|', out);
  for(int i=0; i<nCol; i++){
    const char *zName = kql_result_name(pRes, i);
    b.n = 0;
    appendDisplay(&b, zName ? zName : "", 0, 1);
    fputc(' ', out);
    fwrite(b.z, 1, b.n, out);
    fputs(" |", out);
  }
  fputs("\n|", out);
  for(int i=0; i<nCol; i++){
    fputs(isRightAligned(kql_result_type(pRes, i)) ? "---:|" : "---|", out);
  }
  fputc('\n', out);
  while( (rc = kql_result_step(pRes))==KQL_ROW ){
    fputc('|', out);
    for(int i=0; i<nCol; i++){
      b.n = 0;
      appendDisplay(&b, cellText(pRes, i), 0, 1);
      fputc(' ', out);
      fwrite(b.z, 1, b.n, out);
      fputs(" |", out);
    }
    fputc('\n', out);
  }
  free(b.z);
  return rc==KQL_DONE ? KQL_OK : KQL_ERROR;
}

/*
** The aligned table. Cells are converted to their display form once, into
** one buffer; aOfst/aWidth record where each cell starts and how wide it is.
*/
static int renderTable(FILE *out, KqlResult *pRes){
  int nCol = kql_result_columns(pRes);
  int rc;
  Buf text = {0, 0, 0};         /* display text of every cell, headers first */
  Buf cells = {0, 0, 0};        /* per cell: {offset, length, width} as size_t[3] */
  size_t nCell = 0;
  int *aColW;
  if( nCol<=0 ){
    while( (rc = kql_result_step(pRes))==KQL_ROW ){}
    return rc==KQL_DONE ? KQL_OK : KQL_ERROR;
  }
  aColW = calloc((size_t)nCol, sizeof(int));
  int *aRight = calloc((size_t)nCol, sizeof(int));
  if( aColW==0 || aRight==0 ) abort();
  for(int i=0; i<nCol; i++){
    const char *zName = kql_result_name(pRes, i);
    size_t a[3];
    a[0] = text.n;
    a[2] = (size_t)appendDisplay(&text, zName ? zName : "", KQL_RENDER_MAXCELL, 0);
    a[1] = text.n - a[0];
    bufAppend(&cells, (const char*)a, sizeof(a));
    nCell++;
    aRight[i] = isRightAligned(kql_result_type(pRes, i));
  }
  while( (rc = kql_result_step(pRes))==KQL_ROW ){
    for(int i=0; i<nCol; i++){
      size_t a[3];
      a[0] = text.n;
      a[2] = (size_t)appendDisplay(&text, cellText(pRes, i), KQL_RENDER_MAXCELL, 0);
      a[1] = text.n - a[0];
      bufAppend(&cells, (const char*)a, sizeof(a));
      nCell++;
    }
  }
  size_t *aCell = (size_t*)cells.z;
  for(size_t k=0; k<nCell; k++){
    int iCol = (int)(k % (size_t)nCol);
    if( (int)aCell[k*3+2] > aColW[iCol] ) aColW[iCol] = (int)aCell[k*3+2];
  }
  for(size_t k=0; k<nCell; k++){
    int iCol = (int)(k % (size_t)nCol);
    int w = (int)aCell[k*3+2];
    int bLast = iCol==nCol-1;
    if( iCol>0 ) fputs("  ", out);
    if( aRight[iCol] ) putSpaces(out, aColW[iCol]-w);
    fwrite(text.z + aCell[k*3], 1, aCell[k*3+1], out);
    if( !aRight[iCol] && !bLast ) putSpaces(out, aColW[iCol]-w);
    if( bLast ){
      fputc('\n', out);
      if( k==(size_t)nCol-1 ){
        /* the rule under the header */
        for(int i=0; i<nCol; i++){
          if( i>0 ) fputs("  ", out);
          for(int j=0; j<aColW[i]; j++) fputc('-', out);
        }
        fputc('\n', out);
      }
    }
  }
  free(text.z);
  free(cells.z);
  free(aColW);
  free(aRight);
  return rc==KQL_DONE ? KQL_OK : KQL_ERROR;
}

int kqlRenderFormatFromName(const char *z){
  static const struct { const char *zName; int eFmt; } aFmt[] = {
    {"table", KQL_FMT_TABLE}, {"csv", KQL_FMT_CSV}, {"tsv", KQL_FMT_TSV},
    {"json", KQL_FMT_JSON}, {"jsonl", KQL_FMT_JSONL}, {"ndjson", KQL_FMT_JSONL},
    {"markdown", KQL_FMT_MARKDOWN}, {"md", KQL_FMT_MARKDOWN},
  };
  if( z==0 ) return -1;
  for(unsigned i=0; i<sizeof(aFmt)/sizeof(aFmt[0]); i++){
    if( strcmp(z, aFmt[i].zName)==0 ) return aFmt[i].eFmt;
  }
  return -1;
}

int kqlRenderResult(FILE *out, int eFmt, KqlResult *pRes, int iTable){
  (void)iTable;
  switch( eFmt ){
    case KQL_FMT_TABLE:    return renderTable(out, pRes);
    case KQL_FMT_CSV:      return renderDelimited(out, pRes, 0);
    case KQL_FMT_TSV:      return renderDelimited(out, pRes, 1);
    case KQL_FMT_JSON:     return renderJson(out, pRes);
    case KQL_FMT_JSONL:    return renderJsonl(out, pRes);
    case KQL_FMT_MARKDOWN: return renderMarkdown(out, pRes);
  }
  return KQL_ERROR;
}
