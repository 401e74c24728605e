/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming scan: the CSV/TSV record splitter. Each record is split in one
** vector pass over the block (16 bytes at a time, a bit mask of the bytes
** that matter: separator, quote, newline, NUL) into slices of the block
** (KqlLoadCell, as the loader's cells). A CSV field quoted without doubled
** quotes or newlines is handled inline; any other record with a quote, a
** NUL byte, or the wrong number of fields is parsed again by the loader's
** own kqlLoadCsvRecord(), so every value and every error message (with its
** PATH:LINE:COL) is the loader's. Records with bytes >= 0x80 get the
** loader's UTF-8 check. Blank lines are skipped, as the loader does.
*/
#include "scanInt.h"
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Outcomes of fastRecord(). */
#define FR_OK    0    /* a record: p->nCell fields */
#define FR_BLANK 1    /* a blank line */
#define FR_MORE  2    /* the record runs past the data read so far */
#define FR_SLOW  3    /* let kqlLoadCsvRecord() parse it */

/* Bit i set when z[i] is one of the bytes the splitter stops at; *pHi gets
** the bytes' high bits (non-ASCII), *pSep the separators alone. Reads 16
** bytes. */
static unsigned stopMask2(const char *z, char cSep, unsigned *pHi, unsigned *pSep){
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128((const __m128i*)z);
  __m128i s = _mm_cmpeq_epi8(v, _mm_set1_epi8(cSep));
  __m128i m = _mm_or_si128(
      _mm_or_si128(s, _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_setzero_si128())));
  *pHi = (unsigned)_mm_movemask_epi8(v);
  *pSep = (unsigned)_mm_movemask_epi8(s);
  return (unsigned)_mm_movemask_epi8(m);
#else
  unsigned m = 0, hi = 0, sp = 0;
  for(int i=0; i<16; i++){
    char c = z[i];
    if( c==cSep ) sp |= 1u<<i;
    if( c==cSep || c=='"' || c=='\n' || c==0 ) m |= 1u<<i;
    if( (unsigned char)c>=0x80 ) hi |= 1u<<i;
  }
  *pHi = hi;
  *pSep = sp;
  return m;
#endif
}

/* Bits set in a 16-bit mask (no popcnt instruction needed). */
static int popcount16(unsigned m){
  m = m - ((m >> 1) & 0x5555u);
  m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
  m = (m + (m >> 4)) & 0x0F0Fu;
  return (int)((m + (m >> 8)) & 0x1Fu);
}

static unsigned stopMask(const char *z, char cSep, unsigned *pHi){
  unsigned sp;
  return stopMask2(z, cSep, pHi, &sp);
}

/* Set cell i of p (capacity checked by the caller). */
static void setCell(KqlLoader *p, int i, const char *z, const char *zEnd, const char *zLoc){
  KqlLoadCell *c = &p->aCell[i];
  c->iCol = 0;
  c->eKind = KL_CELL_TEXT;
  c->z = z;
  c->n = (int)(zEnd - z);
  c->zRaw = 0;
  c->nRaw = 0;
  c->zLoc = zLoc;
}

/*
** Split the record at the start of the unconsumed block. On FR_OK and
** FR_BLANK sets *pzNext (after the record) and *pnNl (newlines in it) and
** *pbHi (the record may hold non-ASCII bytes).
*/
static int fastRecord(KqlLoader *p, char cSep, int nNeed, const char **pzNext, int64_t *pnNl,
                      int *pbHi){
  KqlLoadBuf *b = &p->buf;
  const char *z0 = b->a + b->iRec;
  const char *zEnd = b->a + b->nData;
  const char *zStart = z0;             /* start of the current field */
  const char *zLoc = z0;               /* its location for messages */
  const char *z = z0;
  int nFld = 0;
  unsigned hiAll = 0;
  if( z0>=zEnd ) return b->bEof ? FR_BLANK : FR_MORE;
  for(;;){
    unsigned hi, mSep;
    unsigned m = stopMask2(z, cSep, &hi, &mSep);
    hiAll |= hi;
    if( m==mSep && nFld>=nNeed ){
      /* only separators, past the fields wanted: count them */
      if( m ){
        nFld += popcount16(m);
        zStart = zLoc = z + (31 - __builtin_clz(m)) + 1;
      }
      z += 16;
      continue;
    }
    while( m ){
      int k = __builtin_ctz(m);
      const char *zc = z + k;
      char c = *zc;
      m &= m-1;
      if( c==cSep ){
        if( nFld<nNeed ) setCell(p, nFld, zStart, zc, zLoc);
        nFld++;
        zStart = zLoc = zc+1;
      }else if( c=='\n' || zc>=zEnd ){
        const char *zLineEnd = zc;
        if( c!='\n' && !b->bEof ) return FR_MORE;
        if( zc>z0 && zc[-1]=='\r' ) zLineEnd = zc-1;
        *pnNl = c=='\n';
        *pzNext = c=='\n' ? zc+1 : zc;
        *pbHi = hiAll!=0;
        if( zLineEnd==z0 ) return FR_BLANK;
        if( nFld<nNeed ) setCell(p, nFld, zStart, zLineEnd, zLoc);
        p->nCell = ++nFld;
        return FR_OK;
      }else if( c=='"' ){
        const char *r;
        if( zc!=zStart ) continue;          /* a quote inside a field is data */
        if( cSep!=',' ) return FR_SLOW;     /* TSV quoting: the loader's rules */
        r = memchr(zc+1, '"', (size_t)(zEnd - (zc+1)));
        if( r==0 ) return b->bEof ? FR_SLOW : FR_MORE;
        if( r+1>=zEnd ) return b->bEof ? FR_SLOW : FR_MORE;
        if( r[1]!=cSep && r[1]!='\n' && r[1]!='\r' ) return FR_SLOW;   /* "" or an error */
        if( memchr(zc+1, '\n', (size_t)(r - (zc+1))) ) return FR_SLOW;
        /* the field's content; its separator or line end comes next */
        zLoc = zc;
        zStart = zc+1;
        {
          const char *zAfter = r+1;
          if( *zAfter=='\r' && zAfter[1]!='\n' ) return FR_SLOW;
          for(const char *y=zc; y<zAfter; y+=16){
            unsigned hy;
            stopMask(y, cSep, &hy);
            hiAll |= hy;
          }
          if( *zAfter==cSep ){
            if( nFld<nNeed ) setCell(p, nFld, zStart, r, zLoc);
            nFld++;
            zStart = zLoc = zAfter+1;
            z = zAfter+1;
          }else{
            /* line end: finish the record here */
            const char *zNl = *zAfter=='\r' ? zAfter+1 : zAfter;
            if( nFld<nNeed ) setCell(p, nFld, zStart, r, zLoc);
            p->nCell = ++nFld;
            *pnNl = 1;
            *pzNext = zNl+1;
            *pbHi = hiAll!=0;
            return FR_OK;
          }
        }
        goto next_chunk;
      }else{
        return FR_SLOW;                     /* a NUL byte inside the data */
      }
    }
    z += 16;
  next_chunk:;
  }
}

/* The loader's record-length error for a record of nCell fields. */
static int fieldCountError(KqlLoader *p, const char *zNext){
  KqlLoadBuf *b = &p->buf;
  const char *zAt;
  if( p->nCell>p->nFileCol ){
    zAt = p->aCell[p->nFileCol].zLoc;
  }else{
    zAt = zNext;
    if( zAt>b->a + b->iRec && zAt[-1]=='\n' ) zAt--;
    if( zAt>b->a + b->iRec && zAt[-1]=='\r' ) zAt--;
  }
  return kqlLoadError(p, zAt, "record has %d field%s but the header has %d",
                      p->nCell, p->nCell==1 ? "" : "s", p->nFileCol);
}

/*
** Split the rest of the current record (only pCur->nCells of its fields
** were kept): afterwards p->aCell[0..nFileCol) all hold. Returns KS_REC_OK
** or KS_REC_ERROR.
*/
int kqlScanCsvFull(KqlScanCursor *pCur){
  KqlLoader *p = &pCur->L;
  const char *zNext = 0;
  int64_t nNl = 0;
  int bHi = 0;
  char cSep = p->eFmt==KL_FMT_TSV ? '\t' : ',';
  if( pCur->nCells>=p->nFileCol ) return KS_REC_OK;
  if( fastRecord(p, cSep, p->nFileCol, &zNext, &nNl, &bHi)!=FR_OK || p->nCell!=p->nFileCol ){
    kqlLoadError(p, p->buf.a + p->buf.iRec, "internal error: the record splits differently");
    return KS_REC_ERROR;
  }
  pCur->nCells = p->nFileCol;
  return KS_REC_OK;
}

/*
** Move to the next record, keeping its first nNeed fields (all of them
** when the record needed the loader's parser) in p->aCell; the record
** stays in the block (at iRec) until the next call. Returns KS_REC_OK,
** KS_REC_EOF or KS_REC_ERROR (message in p->zErr).
*/
int kqlScanCsvNext(KqlScanCursor *pCur, int nNeed){
  KqlLoader *p = &pCur->L;
  KqlLoadBuf *b = &p->buf;
  char cSep = p->eFmt==KL_FMT_TSV ? '\t' : ',';
  if( pCur->bHave ){
    kqlLoadBufAdvanceLines(b, pCur->zNext, pCur->nNl);
    pCur->bHave = 0;
  }
  if( p->nCellAlloc<p->nFileCol+1 ){
    int nNew = p->nFileCol+1;
    KqlLoadCell *aNew = realloc(p->aCell, sizeof(KqlLoadCell)*(size_t)nNew);
    if( aNew==0 ){ kqlLoadError(p, 0, "out of memory"); return KS_REC_ERROR; }
    p->aCell = aNew;
    p->nCellAlloc = nNew;
  }
  for(;;){
    const char *zNext = 0;
    int64_t nNl = 0;
    int bHi = 0;
    int bSlow;
    int rc;
    if( b->iRec>=b->nData ){
      if( b->bEof ) return KS_REC_EOF;
      if( kqlLoadBufFill(p) ) return KS_REC_ERROR;
      continue;
    }
    rc = fastRecord(p, cSep, nNeed, &zNext, &nNl, &bHi);
    if( rc==FR_MORE ){
      if( kqlLoadBufFill(p) ) return KS_REC_ERROR;
      continue;
    }
    if( rc==FR_BLANK ){
      if( zNext==0 ) return KS_REC_EOF;
      kqlLoadBufAdvanceLines(b, zNext, nNl);
      continue;
    }
    if( rc==FR_OK && p->nCell!=p->nFileCol ) rc = FR_SLOW;
    bSlow = rc==FR_SLOW;
    if( bSlow ){
      p->scratch.n = 0;
      rc = kqlLoadCsvRecord(p, cSep, &zNext, &nNl);
      if( rc==KL_MORE ){
        if( kqlLoadBufFill(p) ) return KS_REC_ERROR;
        continue;
      }
      if( rc==KL_EOF ) return KS_REC_EOF;
      if( rc ) return KS_REC_ERROR;
      if( p->nCell==0 ){
        kqlLoadBufAdvanceLines(b, zNext, nNl);
        continue;
      }
      if( kqlLoadCheckRecord(p, zNext) ) return KS_REC_ERROR;
      if( p->nCell!=p->nFileCol ){
        fieldCountError(p, zNext);
        return KS_REC_ERROR;
      }
    }else if( bHi ){
      if( kqlLoadCheckRecord(p, zNext) ) return KS_REC_ERROR;
    }
    pCur->zNext = zNext;
    pCur->nNl = nNl;
    pCur->bHave = 1;
    pCur->nCells = bSlow ? p->nFileCol : nNeed;
    return KS_REC_OK;
  }
}
