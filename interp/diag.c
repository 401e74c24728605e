/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Diagnostic list and printing (see diag.h).
*/
#include "diag.h"
#include <stdarg.h>
#include <string.h>

void kqlDiagInit(KqlDiagList *p, KqlArena *pArena){
  memset(p, 0, sizeof(*p));
  p->pArena = pArena;
}

KqlDiag *kqlDiagAdd(KqlDiagList *p, int eSev, const char *zCode, int iOfst, int nLen,
                    const char *zFmt, ...){
  va_list ap;
  char buf[1024];
  va_start(ap, zFmt);
  vsnprintf(buf, sizeof(buf), zFmt, ap);
  va_end(ap);
  KqlDiag *d = kqlArenaAlloc(p->pArena, sizeof(*d));
  d->iOfst = iOfst < 0 ? 0 : iOfst;
  d->nLen = nLen < 0 ? 0 : nLen;
  d->eSev = eSev;
  d->zCode = zCode ? zCode : "KQL000";
  d->zMsg = kqlArenaStrdup(p->pArena, buf, -1);
  if( p->pLast ) p->pLast->pNext = d; else p->pFirst = d;
  p->pLast = d;
  if( eSev==KQL_SEV_ERROR ) p->nErr++; else p->nWarn++;
  return d;
}

/* Is byte c the start of a UTF-8 character (not a continuation byte)? */
static int isCharStart(unsigned char c){ return (c & 0xC0)!=0x80; }

void kqlDiagLocate(const KqlSource *pSrc, int iOfst, int *piLine, int *piCol){
  int line = 1, col = 1, i;
  if( iOfst > pSrc->n ) iOfst = pSrc->n;
  for(i=0; i<iOfst; i++){
    unsigned char c = (unsigned char)pSrc->z[i];
    if( c=='\n' ){ line++; col = 1; }
    else if( isCharStart(c) ) col++;
  }
  *piLine = line + pSrc->iLineBase;
  *piCol = col + pSrc->iColBase;
}

static const char *sevName(int e){ return e==KQL_SEV_ERROR ? "error" : "warning"; }

void kqlDiagPrint(FILE *out, const KqlSource *pSrc, const KqlDiag *pDiag){
  int line, col;
  kqlDiagLocate(pSrc, pDiag->iOfst, &line, &col);
  fprintf(out, "%s:%d:%d: %s: %s\n", pSrc->zName, line, col, sevName(pDiag->eSev), pDiag->zMsg);
  /* the source line holding the span's start */
  int iOfst = pDiag->iOfst > pSrc->n ? pSrc->n : pDiag->iOfst;
  int b = iOfst, e = iOfst;
  while( b>0 && pSrc->z[b-1]!='\n' ) b--;
  while( e<pSrc->n && pSrc->z[e]!='\n' ) e++;
  int eLine = e;
  if( eLine>b && pSrc->z[eLine-1]=='\r' ) eLine--;
  /* very long lines: show a window of at most 120 bytes around the span */
  int wb = b, we = eLine;
  if( we - wb > 120 ){
    wb = iOfst - 40 < b ? b : iOfst - 40;
    while( wb>b && !isCharStart((unsigned char)pSrc->z[wb]) ) wb--;
    we = wb + 120 > eLine ? eLine : wb + 120;
    while( we<eLine && !isCharStart((unsigned char)pSrc->z[we]) ) we++;
  }
  fputs("  ", out);
  for(int i=wb; i<we; i++){
    char c = pSrc->z[i];
    fputc(c=='\t' ? ' ' : (c==0 ? '?' : c), out);
  }
  fputs("\n  ", out);
  for(int i=wb; i<iOfst; i++){
    if( isCharStart((unsigned char)pSrc->z[i]) ) fputc(' ', out);
  }
  fputc('^', out);
  int nEnd = iOfst + pDiag->nLen;
  if( nEnd > we ) nEnd = we;
  int bFirst = 1;
  for(int i=iOfst; i<nEnd; i++){
    if( isCharStart((unsigned char)pSrc->z[i]) ){
      if( !bFirst ) fputc('~', out);
      bFirst = 0;
    }
  }
  fputc('\n', out);
}

void kqlJsonPutString(FILE *out, const char *s, long n){
  if( n<0 ) n = (long)strlen(s);
  fputc('"', out);
  for(long i=0; i<n; i++){
    unsigned char c = (unsigned char)s[i];
    switch( c ){
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      default:
        if( c<0x20 ) fprintf(out, "\\u%04x", c);
        else fputc(c, out);
    }
  }
  fputc('"', out);
}

void kqlDiagPrintJson(FILE *out, const KqlSource *pSrc, const KqlDiag *pDiag){
  int line, col;
  kqlDiagLocate(pSrc, pDiag->iOfst, &line, &col);
  fputs("{\"file\":", out);
  kqlJsonPutString(out, pSrc->zName, -1);
  fprintf(out, ",\"line\":%d,\"col\":%d,\"offset\":%d,\"length\":%d,\"severity\":\"%s\",\"code\":",
          line, col, pDiag->iOfst, pDiag->nLen, sevName(pDiag->eSev));
  kqlJsonPutString(out, pDiag->zCode, -1);
  fputs(",\"message\":", out);
  kqlJsonPutString(out, pDiag->zMsg, -1);
  fputc('}', out);
}
