/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Output of `kqlite check`. Every diagnostic is first located in its file
** (a YAML rule's query is mapped back through KqlCheckUnit.aMap), then
** written in one of three formats:
**   text   FILE:LINE:COL: error|warning: message [CODE], the source line and
**          a caret under the span (jq's locfile style, as diag.c prints);
**   json   one object per line: {"file","line","col","offset","length",
**          "severity","code","message"} (offset/length are bytes of the file);
**   sarif  one SARIF 2.1.0 log for the whole run, written at the end: the
**          rules that occurred (id, shortDescription, default level) and one
**          result per diagnostic with its region (columns in code points).
*/
#include "cli_check.h"
#include <stdlib.h>
#include <string.h>

struct KqlCheckOut {
  FILE *out;             /* where everything goes */
  int eFmt;              /* KQL_CHECK_FMT_* */
  /* SARIF: results are buffered, rules collected in order of first use */
  char *zRes;            /* open_memstream buffer */
  size_t nRes;
  FILE *pRes;            /* stream writing zRes */
  int nResult;           /* results written so far */
  const char **azRule;   /* codes used, in first-use order */
  int nRule, nRuleAlloc;
};

/* Is byte c the first byte of a UTF-8 character? */
static int isCharStart(unsigned char c){ return (c & 0xC0)!=0x80; }

/* 1-based line and character column of byte offset iOfst of z. */
static void lineCol(const char *z, int n, int iOfst, int *piLine, int *piCol){
  int line = 1, col = 1;
  if( iOfst>n ) iOfst = n;
  for(int i=0; i<iOfst; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='\n' ){ line++; col = 1; }
    else if( isCharStart(c) ) col++;
  }
  *piLine = line;
  *piCol = col;
}

void kqlCheckLocate(const KqlCheckUnit *pUnit, const KqlDiag *pDiag, KqlCheckLoc *pLoc){
  int q0 = pDiag->iOfst, q1;
  if( q0<0 ) q0 = 0;
  if( q0>pUnit->nQuery ) q0 = pUnit->nQuery;
  q1 = q0 + (pDiag->nLen>0 ? pDiag->nLen : 0);
  if( q1>pUnit->nQuery ) q1 = pUnit->nQuery;
  int f0 = q0, f1 = q1;
  if( pUnit->aMap ){
    f0 = pUnit->aMap[q0];
    f1 = q1>q0 ? pUnit->aMap[q1-1] + 1 : f0;
    if( f1<f0 ) f1 = f0;
  }
  if( f0>pUnit->nText ) f0 = pUnit->nText;
  if( f1>pUnit->nText ) f1 = pUnit->nText;
  pLoc->iOfst = f0;
  pLoc->nLen = f1 - f0;
  lineCol(pUnit->zText, pUnit->nText, f0, &pLoc->iLine, &pLoc->iCol);
  lineCol(pUnit->zText, pUnit->nText, f1, &pLoc->iEndLine, &pLoc->iEndCol);
}

void kqlCheckJsonString(FILE *out, const char *z, long n){
  if( n<0 ) n = (long)strlen(z);
  fputc('"', out);
  for(long i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    switch( c ){
      case '"':  fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      default:
        if( c<0x20 || c==0x7f ) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
  }
  fputc('"', out);
}

static const char *sevName(int eSev){ return eSev==KQL_SEV_ERROR ? "error" : "warning"; }

/* ---------------------------------------------------------------- text */

/* The file line holding loc's start, a caret under the span (to the end of
** that line at most); long lines are cut to a 120-byte window. */
static void printSourceLine(FILE *out, const KqlCheckUnit *pUnit, const KqlCheckLoc *pLoc){
  const char *z = pUnit->zText;
  int n = pUnit->nText, iOfst = pLoc->iOfst;
  int b = iOfst, e = iOfst;
  while( b>0 && z[b-1]!='\n' ) b--;
  while( e<n && z[e]!='\n' ) e++;
  if( e>b && z[e-1]=='\r' ) e--;
  int wb = b, we = e;
  if( we - wb > 120 ){
    wb = iOfst - 40 < b ? b : iOfst - 40;
    while( wb>b && !isCharStart((unsigned char)z[wb]) ) wb--;
    we = wb + 120 > e ? e : wb + 120;
    while( we<e && !isCharStart((unsigned char)z[we]) ) we++;
  }
  if( iOfst>we ) iOfst = we;
  fputs("  ", out);
  for(int i=wb; i<we; i++){
    char c = z[i];
    fputc(c=='\t' || c=='\r' ? ' ' : (c==0 ? '?' : c), out);
  }
  fputs("\n  ", out);
  for(int i=wb; i<iOfst; i++){
    if( isCharStart((unsigned char)z[i]) ) fputc(' ', out);
  }
  fputc('^', out);
  int iEnd = pLoc->iOfst + pLoc->nLen;
  if( iEnd>we ) iEnd = we;
  int bFirst = 1;
  for(int i=iOfst; i<iEnd; i++){
    if( isCharStart((unsigned char)z[i]) ){
      if( !bFirst ) fputc('~', out);
      bFirst = 0;
    }
  }
  fputc('\n', out);
}

static void writeText(KqlCheckOut *p, const KqlCheckUnit *pUnit, const KqlDiag *d,
                      const KqlCheckLoc *pLoc){
  fprintf(p->out, "%s:%d:%d: %s: %s [%s]\n", pUnit->zFile, pLoc->iLine, pLoc->iCol,
          sevName(d->eSev), d->zMsg, d->zCode);
  printSourceLine(p->out, pUnit, pLoc);
}

/* ---------------------------------------------------------------- json */

static void writeJson(KqlCheckOut *p, const KqlCheckUnit *pUnit, const KqlDiag *d,
                      const KqlCheckLoc *pLoc){
  FILE *out = p->out;
  fputs("{\"file\":", out);
  kqlCheckJsonString(out, pUnit->zFile, -1);
  fprintf(out, ",\"line\":%d,\"col\":%d,\"offset\":%d,\"length\":%d,\"severity\":\"%s\",\"code\":",
          pLoc->iLine, pLoc->iCol, pLoc->iOfst, pLoc->nLen, sevName(d->eSev));
  kqlCheckJsonString(out, d->zCode, -1);
  fputs(",\"message\":", out);
  kqlCheckJsonString(out, d->zMsg, -1);
  fputs("}\n", out);
}

/* --------------------------------------------------------------- sarif */

/* Index of code zCode among the rules used so far, adding it if new. */
static int ruleIndex(KqlCheckOut *p, const char *zCode){
  for(int i=0; i<p->nRule; i++){
    if( strcmp(p->azRule[i], zCode)==0 ) return i;
  }
  if( p->nRule>=p->nRuleAlloc ){
    int nNew = p->nRuleAlloc ? p->nRuleAlloc*2 : 16;
    const char **az = realloc(p->azRule, sizeof(char*)*(size_t)nNew);
    if( az==0 ) return -1;
    p->azRule = az;
    p->nRuleAlloc = nNew;
  }
  /* codes point into the code table or an arena that outlives the run:
  ** keep a copy so nothing dangles */
  const KqlCheckCode *pCode = kqlCheckCodeFind(zCode);
  p->azRule[p->nRule] = pCode ? pCode->zCode : strdup(zCode);
  return p->nRule++;
}

/* A file path as a URI reference: unreserved bytes and '/' as they are,
** everything else percent-encoded; absolute paths become file:// URIs. */
static void writeUri(FILE *out, const char *zPath){
  static const char hex[] = "0123456789ABCDEF";
  fputc('"', out);
  if( zPath[0]=='/' ) fputs("file://", out);
  for(const unsigned char *z = (const unsigned char*)zPath; *z; z++){
    unsigned char c = *z;
    if( (c>='A' && c<='Z') || (c>='a' && c<='z') || (c>='0' && c<='9')
     || c=='-' || c=='.' || c=='_' || c=='~' || c=='/' ){
      fputc(c, out);
    }else{
      fputc('%', out);
      fputc(hex[c>>4], out);
      fputc(hex[c&15], out);
    }
  }
  fputc('"', out);
}

static void writeSarifResult(KqlCheckOut *p, const KqlCheckUnit *pUnit, const KqlDiag *d,
                             const KqlCheckLoc *pLoc){
  FILE *out = p->pRes;
  int iRule = ruleIndex(p, d->zCode);
  fputs(p->nResult++ ? ",\n        {" : "\n        {", out);
  fputs("\"ruleId\": ", out);
  kqlCheckJsonString(out, d->zCode, -1);
  if( iRule>=0 ) fprintf(out, ", \"ruleIndex\": %d", iRule);
  fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", sevName(d->eSev));
  kqlCheckJsonString(out, d->zMsg, -1);
  fputs("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
  writeUri(out, pUnit->zFile);
  fprintf(out, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d, \"endLine\": %d, "
               "\"endColumn\": %d}}}]}",
          pLoc->iLine, pLoc->iCol, pLoc->iEndLine, pLoc->iEndCol);
}

static void writeSarif(KqlCheckOut *p){
  FILE *out = p->out;
  if( p->pRes ){ fclose(p->pRes); p->pRes = 0; }
  fputs("{\n"
        "  \"version\": \"2.1.0\",\n"
        "  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json\",\n"
        "  \"runs\": [{\n"
        "    \"tool\": {\"driver\": {\n"
        "      \"name\": \"kqlite\",\n"
        "      \"rules\": [", out);
  for(int i=0; i<p->nRule; i++){
    const KqlCheckCode *pCode = kqlCheckCodeFind(p->azRule[i]);
    fputs(i ? ",\n        {" : "\n        {", out);
    fputs("\"id\": ", out);
    kqlCheckJsonString(out, p->azRule[i], -1);
    fputs(", \"shortDescription\": {\"text\": ", out);
    kqlCheckJsonString(out, pCode ? pCode->zTitle : "kqlite diagnostic", -1);
    fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
            pCode ? pCode->zLevel : "error");
  }
  fputs(p->nRule ? "\n      ]\n" : "]\n", out);
  fputs("    }},\n"
        "    \"columnKind\": \"unicodeCodePoints\",\n"
        "    \"results\": [", out);
  if( p->zRes && p->nRes ) fwrite(p->zRes, 1, p->nRes, out);
  fputs(p->nResult ? "\n    ]\n" : "]\n", out);
  fputs("  }]\n}\n", out);
}

/* ---------------------------------------------------------------- API */

KqlCheckOut *kqlCheckOutNew(FILE *out, int eFmt){
  KqlCheckOut *p = calloc(1, sizeof(*p));
  if( p==0 ) return 0;
  p->out = out;
  p->eFmt = eFmt;
  if( eFmt==KQL_CHECK_FMT_SARIF ){
    p->pRes = open_memstream(&p->zRes, &p->nRes);
    if( p->pRes==0 ){ free(p); return 0; }
  }
  return p;
}

void kqlCheckOutUnit(KqlCheckOut *p, const KqlCheckUnit *pUnit, const KqlDiagList *pDiags){
  for(const KqlDiag *d = pDiags->pFirst; d; d = d->pNext){
    KqlCheckLoc loc;
    kqlCheckLocate(pUnit, d, &loc);
    switch( p->eFmt ){
      case KQL_CHECK_FMT_JSON:  writeJson(p, pUnit, d, &loc); break;
      case KQL_CHECK_FMT_SARIF: writeSarifResult(p, pUnit, d, &loc); break;
      default:                  writeText(p, pUnit, d, &loc); break;
    }
  }
}

void kqlCheckOutFinish(KqlCheckOut *p){
  if( p==0 ) return;
  if( p->eFmt==KQL_CHECK_FMT_SARIF ) writeSarif(p);
  fflush(p->out);
  for(int i=0; i<p->nRule; i++){
    if( kqlCheckCodeFind(p->azRule[i])==0 ) free((char*)p->azRule[i]);
  }
  free(p->azRule);
  free(p->zRes);
  free(p);
}
