/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Loaders: CSV (RFC 4180) and TSV input. The first record is the header.
** A CSV field may be quoted; inside quotes, commas, newlines and doubled
** quotes ("") are data, and a quote must be followed by a separator or the
** end of the line. Lines end with LF or CRLF; a UTF-8 byte-order mark is
** skipped; blank lines are skipped. A TSV field is split at tabs; one that
** starts with a quote and has its closing quote on the same line, followed
** by a tab or the end of the line, is unquoted the CSV way, any other field
** is taken as it stands. Every record must have as many fields as the
** header. Fields are found with memchr() over the block and handed on as
** slices of it; only a quoted field with doubled quotes is copied (into the
** scratch buffer). Lines are counted as ext/misc/csv.c's CsvReader does, so
** an error names PATH:LINE:COL.
*/
#include "loadInt.h"
#include <stdlib.h>
#include <string.h>

/* Count the newlines in z[0..n). */
static int64_t countNewlines(const char *z, size_t n){
  int64_t nNl = 0;
  const char *zEnd = z + n;
  while( z<zEnd ){
    const char *zNl = memchr(z, '\n', (size_t)(zEnd - z));
    if( zNl==0 ) break;
    nNl++;
    z = zNl+1;
  }
  return nNl;
}

/* Append a field to p->aCell. Returns the cell or NULL (error recorded). */
static KqlLoadCell *addField(KqlLoader *p, const char *zLoc, const char *z, size_t n){
  KqlLoadCell *pCell;
  if( n>(size_t)KQL_LOAD_MAX_FIELD ){
    kqlLoadError(p, zLoc, "field longer than 64 MiB");
    return 0;
  }
  if( p->nCell>=p->nCellAlloc ){
    int nNew = p->nCellAlloc ? 2*p->nCellAlloc : 64;
    KqlLoadCell *aNew = realloc(p->aCell, sizeof(KqlLoadCell)*(size_t)nNew);
    if( aNew==0 ){ kqlLoadError(p, 0, "out of memory"); return 0; }
    p->aCell = aNew;
    p->nCellAlloc = nNew;
  }
  pCell = &p->aCell[p->nCell++];
  pCell->iCol = 0;
  pCell->eKind = KL_CELL_TEXT;
  pCell->z = z;
  pCell->n = (int)n;
  pCell->zRaw = 0;
  pCell->nRaw = 0;
  pCell->zLoc = zLoc;
  return pCell;
}

/*
** TSV: is the field at z (a quote) a properly quoted field that closes
** before zEol and is followed by a tab or the end of the line? Sets *pzClose
** to its closing quote.
*/
static int tsvQuoted(const char *z, const char *zEol, const char **pzClose){
  const char *q = z+1;
  for(;;){
    const char *r = memchr(q, '"', (size_t)(zEol - q));
    if( r==0 ) return 0;
    if( r+1<zEol && r[1]=='"' ){ q = r+2; continue; }
    if( r+1==zEol || r[1]=='\t' || (r[1]=='\r' && r+2==zEol) ){
      *pzClose = r;
      return 1;
    }
    return 0;
  }
}

/*
** The content of the quoted field whose opening quote is zOpen and closing
** quote zClose, with doubled quotes made single: a slice of the block when
** there are none, else a copy appended to the scratch buffer. Returns the
** cell or NULL.
*/
static KqlLoadCell *quotedField(KqlLoader *p, const char *zOpen, const char *zClose){
  const char *z = zOpen+1;
  const char *zQ = memchr(z, '"', (size_t)(zClose - z));
  char *zOut, *zO;
  if( zQ==0 ) return addField(p, zOpen, z, (size_t)(zClose - z));
  zOut = zO = p->scratch.z + p->scratch.n;
  while( zQ ){
    size_t n = (size_t)(zQ - z) + 1;        /* up to and including one quote */
    memcpy(zO, z, n);
    zO += n;
    z = zQ + 2;
    zQ = z<zClose ? memchr(z, '"', (size_t)(zClose - z)) : 0;
  }
  memcpy(zO, z, (size_t)(zClose - z));
  zO += zClose - z;
  p->scratch.n += (size_t)(zO - zOut);
  return addField(p, zOpen, zOut, (size_t)(zO - zOut));
}

/*
** Parse the record at the start of the unconsumed block into p->aCell.
** On KL_OK sets *pzNext to the first byte after it and *pnNl to the
** newlines it holds (p->nCell is 0 for a blank line). Returns KL_OK,
** KL_MORE (read more and call again), KL_EOF or KL_ERROR.
*/
int kqlLoadCsvRecord(KqlLoader *p, char cSep, const char **pzNext, int64_t *pnNl){
  KqlLoadBuf *b = &p->buf;
  const char *z = b->a + b->iRec;
  const char *zEnd = b->a + b->nData;
  const char *zEol, *zLineEnd;
  int64_t nNl = 0;
  p->nCell = 0;
  p->scratch.n = 0;
  if( z>=zEnd ) return b->bEof ? KL_EOF : KL_MORE;
  zEol = memchr(z, '\n', (size_t)(zEnd - z));
  if( zEol==0 ){
    if( !b->bEof ) return KL_MORE;
    zEol = zEnd;
  }
  zLineEnd = (zEol>z && zEol[-1]=='\r') ? zEol-1 : zEol;
  if( zLineEnd==z ){                        /* a blank line */
    *pzNext = zEol<zEnd ? zEol+1 : zEnd;
    *pnNl = zEol<zEnd;
    return KL_OK;
  }
  if( kqlLoadStrReserve(p, &p->scratch, (size_t)(zEnd - z) + 1) ) return KL_ERROR;
  for(;;){
    if( *z=='"' && z<zLineEnd && cSep==',' ){
      /* an RFC 4180 quoted field; it may run past this line */
      const char *q = z+1;
      const char *r, *a;
      for(;;){
        r = memchr(q, '"', (size_t)(zEnd - q));
        if( r==0 ){
          if( !b->bEof ){
            if( zEnd - z > KQL_LOAD_MAX_FIELD ){
              return kqlLoadError(p, z, "field longer than 64 MiB");
            }
            return KL_MORE;
          }
          return kqlLoadError(p, z, "unterminated quoted field (no closing '\"')");
        }
        if( r+1>=zEnd && !b->bEof ) return KL_MORE;
        if( r+1<zEnd && r[1]=='"' ){ q = r+2; continue; }
        break;
      }
      if( quotedField(p, z, r)==0 ) return KL_ERROR;
      if( r>zEol ) nNl += countNewlines(zEol, (size_t)(r - zEol));
      a = r+1;
      if( r>=zEol ){                        /* the field held the newline(s) */
        zEol = memchr(a, '\n', (size_t)(zEnd - a));
        if( zEol==0 ){
          if( !b->bEof ) return KL_MORE;
          zEol = zEnd;
        }
        zLineEnd = (zEol>a && zEol[-1]=='\r') ? zEol-1 : zEol;
      }
      if( a==zEnd ){ *pzNext = zEnd; break; }
      if( *a==cSep ){ z = a+1; continue; }
      if( a==zLineEnd ){
        *pzNext = zEol<zEnd ? zEol+1 : zEnd;
        nNl += zEol<zEnd;
        break;
      }
      return kqlLoadError(p, a, "unexpected character after closing quote "
                                "(a quote inside a quoted field must be doubled)");
    }else if( *z=='"' && z<zLineEnd ){
      /* TSV: quoted only when it closes properly on this line */
      const char *r;
      if( tsvQuoted(z, zLineEnd, &r) ){
        if( quotedField(p, z, r)==0 ) return KL_ERROR;
        if( r+1<zLineEnd ){ z = r+2; continue; }
        *pzNext = zEol<zEnd ? zEol+1 : zEnd;
        nNl += zEol<zEnd;
        break;
      }
    }
    {
      const char *s = memchr(z, cSep, (size_t)(zLineEnd - z));
      if( s ){
        if( addField(p, z, z, (size_t)(s - z))==0 ) return KL_ERROR;
        z = s+1;
        continue;
      }
      if( addField(p, z, z, (size_t)(zLineEnd - z))==0 ) return KL_ERROR;
      *pzNext = zEol<zEnd ? zEol+1 : zEnd;
      nNl += zEol<zEnd;
      break;
    }
  }
  *pnNl = nNl;
  return KL_OK;
}

/*
** Run the current pass over a CSV or TSV file: map the header (first pass
** only) and hand each record to kqlLoadRow(). Returns KL_OK at the end of
** the input, KL_LIMIT when the sample is complete, KL_ERROR or KL_RESTART.
*/
int kqlLoadCsvPass(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  char cSep = p->eFmt==KL_FMT_TSV ? '\t' : ',';
  int bHeader = 1;
  int rc;
  if( kqlLoadBufStart(p) ) return KL_ERROR;
  for(;;){
    const char *zNext = 0;
    int64_t nNl = 0;
    rc = kqlLoadCsvRecord(p, cSep, &zNext, &nNl);
    if( rc==KL_MORE ){
      if( kqlLoadBufFill(p) ) return KL_ERROR;
      continue;
    }
    if( rc==KL_EOF ) break;
    if( rc ) return rc;
    if( p->nCell==0 ){                      /* blank line */
      kqlLoadBufAdvanceLines(b, zNext, nNl);
      continue;
    }
    rc = kqlLoadCheckRecord(p, zNext);
    if( rc ) return rc;
    if( bHeader ){
      bHeader = 0;
      if( p->aFileMap==0 ){
        rc = kqlLoadMapHeader(p);
        if( rc ) return rc;
      }
    }else{
      if( p->nCell!=p->nFileCol ){
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
      for(int i=0; i<p->nCell; i++) p->aCell[i].iCol = p->aFileMap[i];
      rc = kqlLoadRow(p);
      if( rc ) return rc;
    }
    kqlLoadBufAdvanceLines(b, zNext, nNl);
    if( p->ePass==KL_PASS_SAMPLE && p->nRec>=KQL_LOAD_SAMPLE ) return KL_LIMIT;
  }
  if( bHeader && p->aFileMap==0 ){
    p->nFileCol = 0;
    p->aFileMap = malloc(sizeof(int));
    if( p->aFileMap==0 ) return kqlLoadError(p, 0, "out of memory");
  }
  return KL_OK;
}

/*
** For the streaming scan (scan_vtab.c): from the start of the input, read
** the header record (skipping blank lines), check it and map it onto
** columns with kqlLoadMapHeader(). On KL_OK the block is positioned at the
** first data record. Returns KL_OK, KL_EOF (no header: an empty file) or
** KL_ERROR.
*/
int kqlLoadCsvHeader(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  char cSep = p->eFmt==KL_FMT_TSV ? '\t' : ',';
  if( kqlLoadBufStart(p) ) return KL_ERROR;
  for(;;){
    const char *zNext = 0;
    int64_t nNl = 0;
    int rc = kqlLoadCsvRecord(p, cSep, &zNext, &nNl);
    if( rc==KL_MORE ){
      if( kqlLoadBufFill(p) ) return KL_ERROR;
      continue;
    }
    if( rc ) return rc;
    if( p->nCell==0 ){
      kqlLoadBufAdvanceLines(b, zNext, nNl);
      continue;
    }
    rc = kqlLoadCheckRecord(p, zNext);
    if( rc==KL_OK ) rc = kqlLoadMapHeader(p);
    if( rc==KL_OK ) kqlLoadBufAdvanceLines(b, zNext, nNl);
    return rc;
  }
}
