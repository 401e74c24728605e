/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming scan: the prefilter. The binder may attach to a scan a
** necessary condition of the query's first where, as the value of the
** hidden column kql_prefilter:
**   {"any":[{"col":"SourceIP","op":"eq","cs":true,"v":["1.2.3.4",...]}, ...]}
** a disjunction of terms over string columns; op is eq (whole value),
** sub (substring), prefix or suffix; cs false compares ASCII letters
** without case. A record is skipped before any cell is converted when no
** term matches. SQLite still evaluates the exact where, so a prefilter
** only has to keep every row that could match: anything not understood
** here (a column that is not a string, an unknown op, a non-ASCII needle
** compared without case) switches the prefilter off. A case-insensitive
** term also keeps every value with non-ASCII bytes (Unicode case folding
** could map them onto ASCII letters).
*/
#include "scanInt.h"
#include "types.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void kqlScanFilterFree(KqlScanFilter *p){
  for(int i=0; i<p->nTerm; i++){
    for(int k=0; k<p->aTerm[i].nNeedle; k++) free(p->aTerm[i].azNeedle[k]);
    free(p->aTerm[i].azNeedle);
    free(p->aTerm[i].anNeedle);
  }
  free(p->aTerm);
  p->aTerm = 0;
  p->nTerm = 0;
}

static int opCode(const char *zOp, int bCs){
  if( zOp==0 ) return 0;
  if( strcmp(zOp, "eq")==0 ) return bCs ? KS_OP_EQ : KS_OP_EQ_CI;
  if( strcmp(zOp, "sub")==0 ) return bCs ? KS_OP_SUB : KS_OP_SUB_CI;
  if( strcmp(zOp, "prefix")==0 ) return bCs ? KS_OP_PREFIX : KS_OP_PREFIX_CI;
  if( strcmp(zOp, "suffix")==0 ) return bCs ? KS_OP_SUFFIX : KS_OP_SUFFIX_CI;
  return 0;
}

static int isCi(int eOp){ return (eOp & 1)==0; }

/* Add needle z[0..n) to term t. Returns 0, or 1 when out of memory. */
static int addNeedle(KqlScanTerm *t, const char *z, int n){
  char **az = realloc(t->azNeedle, sizeof(char*)*(size_t)(t->nNeedle+1));
  if( az==0 ) return 1;
  t->azNeedle = az;
  int *an = realloc(t->anNeedle, sizeof(int)*(size_t)(t->nNeedle+1));
  if( an==0 ) return 1;
  t->anNeedle = an;
  char *zCopy = malloc((size_t)n+1);
  if( zCopy==0 ) return 1;
  memcpy(zCopy, z, (size_t)n);
  zCopy[n] = 0;
  if( isCi(t->eOp) ){
    for(int i=0; i<n; i++) zCopy[i] = (char)tolower((unsigned char)zCopy[i]);
  }
  t->azNeedle[t->nNeedle] = zCopy;
  t->anNeedle[t->nNeedle] = n;
  t->nNeedle++;
  return 0;
}

/*
** Parse the prefilter zJson for cursor pCur (its columns must be mapped).
** Returns 0 (pCur->filter set, possibly empty: no prefilter) or 1 with
** *pzErr (malloc'ed) for JSON that SQLite cannot read.
*/
int kqlScanFilterParse(sqlite3 *db, KqlScanCursor *pCur, const char *zJson, char **pzErr){
  static const char zSql[] =
    "SELECT json_extract(t.value,'$.col'), json_extract(t.value,'$.op'),"
    " json_extract(t.value,'$.cs'), t.key, v.value, v.type"
    " FROM json_each(?1,'$.any') AS t, json_each(t.value,'$.v') AS v ORDER BY t.key, v.key";
  KqlScanFilter *f = &pCur->filter;
  const KqlTableDef *d = &pCur->pSpec->def;
  sqlite3_stmt *pStmt = 0;
  int64_t iLastKey = -1;
  int bOff = 0;
  int rc;
  kqlScanFilterFree(f);
  if( sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0)!=SQLITE_OK ){
    *pzErr = strdup(sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_bind_text(pStmt, 1, zJson, -1, SQLITE_STATIC);
  while( !bOff && (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    const char *zCol = (const char*)sqlite3_column_text(pStmt, 0);
    const char *zOp = (const char*)sqlite3_column_text(pStmt, 1);
    int bCs = sqlite3_column_int(pStmt, 2);
    int64_t iKey = sqlite3_column_int64(pStmt, 3);
    const char *zV = (const char*)sqlite3_column_text(pStmt, 4);
    int nV = sqlite3_column_bytes(pStmt, 4);
    const char *zType = (const char*)sqlite3_column_text(pStmt, 5);
    KqlScanTerm *t;
    if( iKey!=iLastKey ){
      int iCol = -1, eOp = opCode(zOp, bCs);
      for(int i=0; zCol && i<d->nCol; i++){
        if( strcmp(d->aCol[i].zName, zCol)==0 ){ iCol = i; break; }
      }
      if( iCol<0 || eOp==0 || d->aCol[iCol].eType!=KQL_T_STRING ){ bOff = 1; break; }
      KqlScanTerm *a = realloc(f->aTerm, sizeof(*a)*(size_t)(f->nTerm+1));
      if( a==0 ){ bOff = 1; break; }
      f->aTerm = a;
      t = &a[f->nTerm++];
      memset(t, 0, sizeof(*t));
      t->iFld = pCur->aColFld[iCol];
      t->eOp = eOp;
      iLastKey = iKey;
    }
    t = &f->aTerm[f->nTerm-1];
    if( zType==0 || strcmp(zType, "text")!=0 || zV==0 ){ bOff = 1; break; }
    if( isCi(t->eOp) ){
      for(int i=0; i<nV; i++) if( (unsigned char)zV[i]>=0x80 ){ bOff = 1; break; }
    }
    if( !bOff && addNeedle(t, zV, nV) ) bOff = 1;
  }
  sqlite3_finalize(pStmt);
  if( bOff ) kqlScanFilterFree(f);
  pCur->nNeed = 0;
  for(int i=0; i<f->nTerm; i++){
    if( f->aTerm[i].iFld+1>pCur->nNeed ) pCur->nNeed = f->aTerm[i].iFld+1;
  }
  return 0;
}

/* ASCII case-insensitive: does h[0..n) equal the lower-case needle z? */
static int eqCi(const char *h, const char *z, int n){
  for(int i=0; i<n; i++){
    if( tolower((unsigned char)h[i])!=(unsigned char)z[i] ) return 0;
  }
  return 1;
}

/* Does h[0..nH) contain the lower-case needle z[0..n), ignoring ASCII case? */
static int subCi(const char *h, int nH, const char *z, int n){
  if( n==0 ) return 1;
  int c0 = (unsigned char)z[0];
  int c1 = toupper(c0);
  for(int i=0; i+n<=nH; i++){
    int c = (unsigned char)h[i];
    if( (c==c0 || c==c1) && eqCi(h+i+1, z+1, n-1) ) return 1;
  }
  return 0;
}

static int hasHighByte(const char *z, int n){
  for(int i=0; i<n; i++) if( (unsigned char)z[i]>=0x80 ) return 1;
  return 0;
}

static int termTest(const KqlScanTerm *t, const char *h, int nH){
  if( isCi(t->eOp) && hasHighByte(h, nH) ) return 1;
  for(int k=0; k<t->nNeedle; k++){
    const char *z = t->azNeedle[k];
    int n = t->anNeedle[k];
    switch( t->eOp ){
      case KS_OP_EQ:        if( n==nH && memcmp(h, z, (size_t)n)==0 ) return 1; break;
      case KS_OP_EQ_CI:     if( n==nH && eqCi(h, z, n) ) return 1; break;
      case KS_OP_SUB:       if( n==0 || (n<=nH && memmem(h, (size_t)nH, z, (size_t)n)) ) return 1; break;
      case KS_OP_SUB_CI:    if( subCi(h, nH, z, n) ) return 1; break;
      case KS_OP_PREFIX:    if( n<=nH && memcmp(h, z, (size_t)n)==0 ) return 1; break;
      case KS_OP_PREFIX_CI: if( n<=nH && eqCi(h, z, n) ) return 1; break;
      case KS_OP_SUFFIX:    if( n<=nH && memcmp(h+nH-n, z, (size_t)n)==0 ) return 1; break;
      case KS_OP_SUFFIX_CI: if( n<=nH && eqCi(h+nH-n, z, n) ) return 1; break;
    }
  }
  return 0;
}

/* Does the current record of L pass the prefilter p (some term matches)? */
int kqlScanFilterTest(const KqlScanFilter *p, const KqlLoader *L){
  for(int i=0; i<p->nTerm; i++){
    const KqlScanTerm *t = &p->aTerm[i];
    const char *h = "";
    int nH = 0;
    if( t->iFld>=0 ){
      h = L->aCell[t->iFld].z;
      nH = L->aCell[t->iFld].n;
    }
    if( termTest(t, h, nH) ) return 1;
  }
  return 0;
}
