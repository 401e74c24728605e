/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL string operators and string functions as SQLite functions. The
** operators (has, contains, startswith, =~, has_any, in~ ...) are called by
** the binder under fixed names (kql_has, kql_contains_cs, ...): two TEXT
** arguments, NULL read as "", result 0/1. The term operators follow Kusto's
** term rules: a term is a maximal run of ASCII letters and digits; `has`
** matches when the needle occurs with a term boundary on each side where the
** needle itself starts/ends with a term character. Case-insensitive
** variants fold both sides with a locale-independent simple case fold
** (fnutil.c) that never changes the byte length and never turns a non-ASCII
** character into an ASCII one, so term boundaries are preserved.
**
** The other functions (strlen, substring, strcat, split, indexof ...) count
** characters as Unicode code points. Functions whose catalogue row carries
** KQL_FNF_TAGS receive a type-tag text as their first SQL argument.
** Encoding, URL, path and hash functions live in fn_encode.c and fn_hash.c
** and are registered from here.
*/
#include "fn.h"
#include "fn_text.h"
#include "fnutil.h"
#include "value.h"
#include <stdint.h>
#include <string.h>

#define FN_FLAGS (SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS)

/* Upper bound on results built by repetition (strrep), in bytes. */
#define KQL_MAX_STRREP_BYTES (64*1024*1024)

/************************** Case folding *************************************/

/* A folded copy of a string: a stack buffer for short text, else heap. */
typedef struct Fold Fold;
struct Fold {
  char *z;            /* folded text (aBuf or sqlite3_malloc) */
  int n;              /* its length in bytes */
  char aBuf[256];     /* storage for short strings */
};

/* Fold one code point for case-insensitive comparison. */
static int foldChar(int c){
  int u;
  if( c<0x80 ) return (c>='A' && c<='Z') ? c+32 : c;
  u = kqlFnToUpper(c);
  if( u<0x80 ) return c;                 /* keep ſ, ı... non-ASCII */
  return u;
}

/*
** Fold z[0..n) into p. The folded text has exactly n bytes: the case
** table maps within equal UTF-8 lengths, and malformed bytes are copied.
** Returns SQLITE_OK or SQLITE_NOMEM.
*/
static int foldInit(Fold *p, const char *z, int n){
  const unsigned char *u = (const unsigned char*)z;
  int i = 0, o = 0;
  p->z = n < (int)sizeof(p->aBuf) ? p->aBuf : sqlite3_malloc(n+1);
  if( p->z==0 ) return SQLITE_NOMEM;
  while( i<n ){
    if( u[i]<0x80 ){
      p->z[o++] = (char)((u[i]>='A' && u[i]<='Z') ? u[i]+32 : u[i]);
      i++;
    }else{
      int iPrev = i;
      int c = kqlFnUtf8Next(u, n, &i);
      int f = foldChar(c);
      unsigned char a[4];
      int nA;
      if( i-iPrev==1 || f==c ){
        memcpy(p->z+o, z+iPrev, (size_t)(i-iPrev));
        o += i-iPrev;
        continue;
      }
      nA = kqlFnUtf8Put(a, f);
      if( nA!=i-iPrev ){ memcpy(p->z+o, z+iPrev, (size_t)(i-iPrev)); o += i-iPrev; continue; }
      memcpy(p->z+o, a, (size_t)nA);
      o += nA;
    }
  }
  p->z[o] = 0;
  p->n = o;
  return SQLITE_OK;
}

static void foldClear(Fold *p){
  if( p->z && p->z!=p->aBuf ) sqlite3_free(p->z);
  p->z = 0;
}

/************************** Term matching ************************************/

/* Match kinds of the operator family; the CI bit selects case folding. */
#define M_HAS       1
#define M_PREFIX    2   /* hasprefix */
#define M_SUFFIX    3   /* hassuffix */
#define M_CONTAINS  4
#define M_STARTS    5
#define M_ENDS      6
#define M_EQ        7   /* =~ when CI */
#define M_CI        0x10

static int isTermChar(unsigned char c){
  return (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z');
}

/*
** Core of the operator family on (already folded) byte strings.
** Returns 1 on a match.
*/
static int matchBytes(int eMode, const char *zH, int nH, const char *zN, int nN){
  const unsigned char *h = (const unsigned char*)zH;
  const unsigned char *nd = (const unsigned char*)zN;
  switch( eMode ){
    case M_CONTAINS:
      return nN==0 || (nN<=nH && memmem(zH, (size_t)nH, zN, (size_t)nN)!=0);
    case M_STARTS:
      return nN<=nH && memcmp(zH, zN, (size_t)nN)==0;
    case M_ENDS:
      return nN<=nH && memcmp(zH+nH-nN, zN, (size_t)nN)==0;
    case M_EQ:
      return nN==nH && memcmp(zH, zN, (size_t)nN)==0;
    default: {
      int bStartTerm = nN>0 && isTermChar(nd[0]);
      int bEndTerm = nN>0 && isTermChar(nd[nN-1]);
      int bCheckStart = eMode==M_HAS || eMode==M_PREFIX;
      int bCheckEnd = eMode==M_HAS || eMode==M_SUFFIX;
      int iOff = 0;
      if( nN==0 ) return 1;
      while( iOff+nN<=nH ){
        const char *zHit = memmem(zH+iOff, (size_t)(nH-iOff), zN, (size_t)nN);
        int iHit;
        if( zHit==0 ) return 0;
        iHit = (int)(zHit - zH);
        if( (!bCheckStart || !bStartTerm || iHit==0 || !isTermChar(h[iHit-1]))
         && (!bCheckEnd || !bEndTerm || iHit+nN==nH || !isTermChar(h[iHit+nN])) ){
          return 1;
        }
        iOff = iHit+1;
      }
      return 0;
    }
  }
}

/*
** Match with optional case folding. Returns 1/0, or -1 when out of memory.
*/
static int matchText(int flags, const char *zH, int nH, const char *zN, int nN){
  Fold fH, fN;
  int rc;
  if( (flags & M_CI)==0 ) return matchBytes(flags & 0xF, zH, nH, zN, nN);
  if( foldInit(&fH, zH, nH) ) return -1;
  if( foldInit(&fN, zN, nN) ){ foldClear(&fH); return -1; }
  rc = matchBytes(flags & 0xF, fH.z, fH.n, fN.z, fN.n);
  foldClear(&fH);
  foldClear(&fN);
  return rc;
}

/* kql_has(lhs, rhs) and the rest of the two-argument operator family. */
static void opFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int flags = (int)(intptr_t)sqlite3_user_data(ctx);
  int nH, nN, rc;
  const char *zH = kqlFnText(argv[0], &nH);
  const char *zN = kqlFnText(argv[1], &nN);
  (void)argc;
  rc = matchText(flags, zH, nH, zN, nN);
  if( rc<0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_int(ctx, rc);
}

/************************** has_any / has_all / in~ **************************/

/* The items of a JSON array argument, folded, cached per statement. */
typedef struct StrList StrList;
struct StrList {
  char *zSrc;         /* the JSON text the list was built from */
  int nSrc;           /* its length */
  int nItem;          /* number of items */
  int nAlloc;         /* allocated slots */
  char **az;          /* folded item texts */
  int *an;            /* their lengths */
  int rc;             /* SQLITE_OK or SQLITE_NOMEM while building */
};

static void strListFree(void *p){
  StrList *pList = (StrList*)p;
  if( pList==0 ) return;
  for(int i=0; i<pList->nItem; i++) sqlite3_free(pList->az[i]);
  sqlite3_free(pList->az);
  sqlite3_free(pList->an);
  sqlite3_free(pList->zSrc);
  sqlite3_free(pList);
}

static int strListAdd(void *pArg, const char *z, int n, int bString){
  StrList *p = (StrList*)pArg;
  Fold f;
  (void)bString;
  if( p->nItem>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 8;
    char **az = sqlite3_realloc64(p->az, sizeof(char*)*(sqlite3_uint64)nNew);
    int *an;
    if( az==0 ){ p->rc = SQLITE_NOMEM; return 1; }
    p->az = az;
    an = sqlite3_realloc64(p->an, sizeof(int)*(sqlite3_uint64)nNew);
    if( an==0 ){ p->rc = SQLITE_NOMEM; return 1; }
    p->an = an;
    p->nAlloc = nNew;
  }
  if( n==4 && bString==0 && memcmp(z, "null", 4)==0 ){ z = ""; n = 0; }
  if( foldInit(&f, z, n) ){ p->rc = SQLITE_NOMEM; return 1; }
  p->az[p->nItem] = sqlite3_malloc(f.n+1);
  if( p->az[p->nItem]==0 ){ foldClear(&f); p->rc = SQLITE_NOMEM; return 1; }
  memcpy(p->az[p->nItem], f.z, (size_t)f.n+1);
  p->an[p->nItem] = f.n;
  p->nItem++;
  foldClear(&f);
  return 0;
}

/*
** The folded item list of argv[iArg] (a JSON array text; any other text is
** one item). Reuses the statement's cached list when the text is unchanged.
** *pbNew is set when the caller must hand the list to sqlite3_set_auxdata.
*/
static StrList *strListGet(sqlite3_context *ctx, sqlite3_value **argv, int iArg, int *pbNew){
  int n;
  const char *z = kqlFnText(argv[iArg], &n);
  StrList *p = (StrList*)sqlite3_get_auxdata(ctx, iArg);
  *pbNew = 0;
  if( p && p->nSrc==n && memcmp(p->zSrc, z, (size_t)n)==0 ) return p;
  p = sqlite3_malloc(sizeof(*p));
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->zSrc = sqlite3_malloc(n+1);
  if( p->zSrc==0 ){ sqlite3_free(p); return 0; }
  memcpy(p->zSrc, z, (size_t)n+1);
  p->nSrc = n;
  if( kqlFnJsonArrayEach(z, n, strListAdd, p)<0 && p->rc==SQLITE_OK ){
    p->nItem = 0;
    strListAdd(p, z, n, 1);
  }
  if( p->rc ){ strListFree(p); return 0; }
  *pbNew = 1;
  return p;
}

/* user data of kql_has_any & co. */
#define LIST_HAS_ANY    1
#define LIST_HAS_ALL    2
#define LIST_IN_CI      3
#define LIST_HAS_INDEX  4   /* has_any_index: result is the item index */

/*
** kql_has_any(lhs, json), kql_has_all(lhs, json), kql_in_ci(lhs, json),
** has_any_index(lhs, json).
*/
static void listFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eKind = (int)(intptr_t)sqlite3_user_data(ctx);
  int bNew, nH, iFound = -1, bAll = 1;
  const char *zH = kqlFnText(argv[0], &nH);
  StrList *pList;
  Fold fH;
  (void)argc;
  pList = strListGet(ctx, argv, 1, &bNew);
  if( pList==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( foldInit(&fH, zH, nH) ){
    if( bNew ) strListFree(pList);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  for(int i=0; i<pList->nItem; i++){
    int bHit;
    if( eKind==LIST_IN_CI ){
      bHit = matchBytes(M_EQ, fH.z, fH.n, pList->az[i], pList->an[i]);
    }else{
      bHit = matchBytes(M_HAS, fH.z, fH.n, pList->az[i], pList->an[i]);
    }
    if( bHit && iFound<0 ){
      iFound = i;
      if( eKind!=LIST_HAS_ALL ) break;
    }
    if( !bHit ){
      bAll = 0;
      if( eKind==LIST_HAS_ALL ) break;
    }
  }
  foldClear(&fH);
  switch( eKind ){
    case LIST_HAS_ALL:   sqlite3_result_int(ctx, bAll && pList->nItem>0); break;
    case LIST_HAS_INDEX: sqlite3_result_int64(ctx, iFound); break;
    default:             sqlite3_result_int(ctx, iFound>=0); break;
  }
  if( bNew ) sqlite3_set_auxdata(ctx, 1, pList, strListFree);
}

/************************** UTF-8 character helpers **************************/

/* Number of code points in z[0..n). */
static int charCount(const char *z, int n){
  const unsigned char *u = (const unsigned char*)z;
  int i = 0, nChar = 0;
  while( i<n ){
    if( u[i]<0x80 ) i++;
    else kqlFnUtf8Next(u, n, &i);
    nChar++;
  }
  return nChar;
}

/* Byte offset of code point iChar (clamped to n). */
static int charOffset(const char *z, int n, int64_t iChar){
  const unsigned char *u = (const unsigned char*)z;
  int i = 0;
  while( iChar>0 && i<n ){
    if( u[i]<0x80 ) i++;
    else kqlFnUtf8Next(u, n, &i);
    iChar--;
  }
  return i;
}

/************************** Simple string functions **************************/

/* strlen(s): number of Unicode code points. */
static void strlenFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z = kqlFnText(argv[0], &n);
  (void)argc;
  sqlite3_result_int64(ctx, charCount(z, n));
}

/* string_size(s): number of bytes (UTF-8). */
static void stringSizeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  (void)argc;
  kqlFnText(argv[0], &n);
  sqlite3_result_int64(ctx, n);
}

/* tolower(s) / toupper(s): user data 0 lower, 1 upper. */
static void caseFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bUpper = (int)(intptr_t)sqlite3_user_data(ctx);
  int n, i = 0;
  const char *z = kqlFnText(argv[0], &n);
  const unsigned char *u = (const unsigned char*)z;
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  while( i<n ){
    if( u[i]<0x80 ){
      char c = (char)u[i++];
      if( bUpper && c>='a' && c<='z' ) c -= 32;
      if( !bUpper && c>='A' && c<='Z' ) c += 32;
      sqlite3_str_appendchar(p, 1, c);
    }else{
      int iPrev = i;
      int c = kqlFnUtf8Next(u, n, &i);
      int m = bUpper ? kqlFnToUpper(c) : kqlFnToLower(c);
      if( m==c || i-iPrev==1 ){
        sqlite3_str_append(p, z+iPrev, i-iPrev);
      }else{
        unsigned char a[4];
        sqlite3_str_append(p, (const char*)a, kqlFnUtf8Put(a, m));
      }
    }
  }
  kqlFnResultStr(ctx, p);
}

/*
** substring(source, start [, length]): code-point based; a negative start
** counts from the end; out-of-range parts are clipped; NULL start or
** length gives NULL... as Kusto: an empty string.
*/
static void substringFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nChar, iB, iE;
  const char *z = kqlFnText(argv[0], &n);
  int64_t iStart, nLen;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL
   || (argc>2 && sqlite3_value_type(argv[2])==SQLITE_NULL) ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  nChar = charCount(z, n);
  iStart = sqlite3_value_int64(argv[1]);
  if( iStart<0 ){ iStart += nChar; if( iStart<0 ) iStart = 0; }
  if( iStart>=nChar ){ sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); return; }
  nLen = argc>2 ? sqlite3_value_int64(argv[2]) : nChar;
  if( nLen<=0 ){ sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); return; }
  if( nLen>nChar-iStart ) nLen = nChar-iStart;
  iB = charOffset(z, n, iStart);
  iE = iB + charOffset(z+iB, n-iB, nLen);
  sqlite3_result_text(ctx, z+iB, iE-iB, SQLITE_TRANSIENT);
}

/* strcat(tags, a, b, ...): each argument as tostring() renders it. */
static void strcatFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *p = sqlite3_str_new(0);
  for(int i=1; i<argc; i++){
    kqlFnAppendText(p, kqlFnTagType(argv[0], i-1), argv[i]);
  }
  kqlFnResultStr(ctx, p);
}

/* strcat_delim(tags, delim, a, b, ...). */
static void strcatDelimFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *pDelim = sqlite3_str_new(0);
  sqlite3_str *p = sqlite3_str_new(0);
  char *zDelim;
  int nDelim;
  kqlFnAppendText(pDelim, kqlFnTagType(argv[0], 0), argv[1]);
  nDelim = sqlite3_str_length(pDelim);
  zDelim = sqlite3_str_finish(pDelim);
  for(int i=2; i<argc; i++){
    if( i>2 && zDelim ) sqlite3_str_append(p, zDelim, nDelim);
    kqlFnAppendText(p, kqlFnTagType(argv[0], i-1), argv[i]);
  }
  sqlite3_free(zDelim);
  kqlFnResultStr(ctx, p);
}

/* Context of strcat_array's element callback. */
typedef struct JoinCtx JoinCtx;
struct JoinCtx {
  sqlite3_str *p;       /* output */
  const char *zDelim;   /* delimiter */
  int nDelim;           /* its length */
  int nDone;            /* elements written */
};

static int joinItem(void *pArg, const char *z, int n, int bString){
  JoinCtx *pJ = (JoinCtx*)pArg;
  if( pJ->nDone++ ) sqlite3_str_append(pJ->p, pJ->zDelim, pJ->nDelim);
  if( !bString && n==4 && memcmp(z, "null", 4)==0 ) return 0;
  sqlite3_str_append(pJ->p, z, n);
  return 0;
}

/* strcat_array(array, delimiter): elements as text, joined. */
static void strcatArrayFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  JoinCtx j;
  int n;
  const char *z = kqlFnText(argv[0], &n);
  (void)argc;
  j.p = sqlite3_str_new(0);
  j.zDelim = kqlFnText(argv[1], &j.nDelim);
  j.nDone = 0;
  kqlFnJsonArrayEach(z, n, joinItem, &j);
  kqlFnResultStr(ctx, j.p);
}

/*
** split(source, delimiter [, index]) → JSON array of strings. An empty
** delimiter yields the source as the only element; with index, the
** array holds that element only, or is empty when out of range.
*/
static void splitFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nD, iPart = 0, iStart = 0, i;
  const char *z = kqlFnText(argv[0], &n);
  const char *zD = kqlFnText(argv[1], &nD);
  int64_t iWant = -1;
  sqlite3_str *p = sqlite3_str_new(0);
  if( argc>2 ){
    if( sqlite3_value_type(argv[2])==SQLITE_NULL ){
      sqlite3_free(sqlite3_str_finish(p));
      return;
    }
    iWant = sqlite3_value_int64(argv[2]);
    if( iWant<0 ){
      sqlite3_str_append(p, "[]", 2);
      kqlFnResultStr(ctx, p);
      return;
    }
  }
  sqlite3_str_appendchar(p, 1, '[');
  for(i=0; ; ){
    const char *zHit = nD>0 && i<=n-nD ? memmem(z+i, (size_t)(n-i), zD, (size_t)nD) : 0;
    int iEnd = zHit ? (int)(zHit - z) : n;
    if( iWant<0 || iWant==iPart ){
      if( iWant<0 && iPart>0 ) sqlite3_str_appendchar(p, 1, ',');
      kqlFnAppendJsonString(p, z+iStart, iEnd-iStart);
    }
    iPart++;
    if( !zHit ) break;
    i = iStart = iEnd + nD;
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/* replace_string(text, lookup, rewrite): every non-overlapping occurrence. */
static void replaceStringFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nL, nR, i = 0;
  const char *z = kqlFnText(argv[0], &n);
  const char *zL = kqlFnText(argv[1], &nL);
  const char *zR = kqlFnText(argv[2], &nR);
  sqlite3_str *p;
  (void)argc;
  if( nL==0 ){ sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT); return; }
  p = sqlite3_str_new(0);
  while( i<n ){
    const char *zHit = i<=n-nL ? memmem(z+i, (size_t)(n-i), zL, (size_t)nL) : 0;
    int iHit = zHit ? (int)(zHit - z) : n;
    sqlite3_str_append(p, z+i, iHit-i);
    if( !zHit ) break;
    sqlite3_str_append(p, zR, nR);
    i = iHit + nL;
  }
  kqlFnResultStr(ctx, p);
}

/* Lookups and rewrites of replace_strings, collected from JSON arrays. */
typedef struct RsList RsList;
struct RsList {
  int nItem;            /* elements seen */
  int nAlloc;           /* slots allocated */
  char **az;            /* element text (unescaped strings), or NULL if not a string */
  int *an;              /* lengths */
  int bOom;             /* allocation failed */
};

static int rsItem(void *pArg, const char *z, int n, int bString){
  RsList *p = (RsList*)pArg;
  if( p->nItem>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 8;
    char **az = sqlite3_realloc64(p->az, sizeof(char*)*(sqlite3_uint64)nNew);
    int *an;
    if( az==0 ){ p->bOom = 1; return 1; }
    p->az = az;
    an = sqlite3_realloc64(p->an, sizeof(int)*(sqlite3_uint64)nNew);
    if( an==0 ){ p->bOom = 1; return 1; }
    p->an = an;
    p->nAlloc = nNew;
  }
  p->az[p->nItem] = 0;
  p->an[p->nItem] = n;
  if( bString ){
    p->az[p->nItem] = sqlite3_malloc(n+1);
    if( p->az[p->nItem]==0 ){ p->bOom = 1; return 1; }
    memcpy(p->az[p->nItem], z, (size_t)n);
    p->az[p->nItem][n] = 0;
  }
  p->nItem++;
  return 0;
}

static void rsClear(RsList *p){
  for(int i=0; i<p->nItem; i++) sqlite3_free(p->az[i]);
  sqlite3_free(p->az);
  sqlite3_free(p->an);
}

/*
** replace_strings(text, lookups, rewrites): lookups are applied in list
** order; each claims its non-overlapping matches that do not overlap the
** matches of earlier lookups (the docs' 'This'/'is' example), and the
** claimed ranges are replaced by the rewrite at the same index. A rewrite
** that is not a string (or missing) keeps the matched text; lookups that
** are not strings, or empty, are ignored.
*/
static void replaceStringsFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nL, nR, i;
  const char *z = kqlFnText(argv[0], &n);
  const char *zL = kqlFnText(argv[1], &nL);
  const char *zR = kqlFnText(argv[2], &nR);
  RsList look, rew;
  int *aClaim = 0;          /* per byte: -1 free, -2 inside a claim, k>=0 claim start of lookup k */
  sqlite3_str *p;
  (void)argc;
  memset(&look, 0, sizeof(look));
  memset(&rew, 0, sizeof(rew));
  kqlFnJsonArrayEach(zL, nL, rsItem, &look);
  kqlFnJsonArrayEach(zR, nR, rsItem, &rew);
  if( look.bOom || rew.bOom ) goto oom;
  aClaim = sqlite3_malloc64(sizeof(int)*((sqlite3_uint64)n+1));
  if( aClaim==0 ) goto oom;
  for(i=0; i<n; i++) aClaim[i] = -1;
  for(int k=0; k<look.nItem; k++){
    int nK = look.an[k], iOff = 0;
    if( look.az[k]==0 || nK==0 ) continue;
    while( iOff+nK<=n ){
      const char *zHit = memmem(z+iOff, (size_t)(n-iOff), look.az[k], (size_t)nK);
      int iHit, bFree = 1;
      if( zHit==0 ) break;
      iHit = (int)(zHit - z);
      for(i=iHit; i<iHit+nK && bFree; i++) bFree = aClaim[i]==-1;
      if( !bFree ){ iOff = iHit+1; continue; }
      aClaim[iHit] = k;
      for(i=iHit+1; i<iHit+nK; i++) aClaim[i] = -2;
      iOff = iHit+nK;
    }
  }
  p = sqlite3_str_new(0);
  for(i=0; i<n; ){
    int k = aClaim[i];
    if( k<0 ){
      int j = i;
      while( j<n && aClaim[j]<0 ) j++;
      sqlite3_str_append(p, z+i, j-i);
      i = j;
      continue;
    }
    if( k<rew.nItem && rew.az[k] ) sqlite3_str_append(p, rew.az[k], rew.an[k]);
    else sqlite3_str_append(p, z+i, look.an[k]);
    i += look.an[k];
  }
  sqlite3_free(aClaim);
  rsClear(&look);
  rsClear(&rew);
  kqlFnResultStr(ctx, p);
  return;
oom:
  sqlite3_free(aClaim);
  rsClear(&look);
  rsClear(&rew);
  sqlite3_result_error_nomem(ctx);
}

/*
** strrep(tags, value, multiplier [, delimiter]): value repeated; the
** multiplier is capped at 1024 as in Kusto, values < 1 give "".
*/
static void strrepFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *pV = sqlite3_str_new(0);
  sqlite3_str *p;
  char *zV;
  int nV, nD = 0;
  const char *zD = "";
  int64_t nRep;
  if( sqlite3_value_type(argv[2])==SQLITE_NULL ){
    sqlite3_free(sqlite3_str_finish(pV));
    return;
  }
  nRep = sqlite3_value_int64(argv[2]);
  if( nRep>1024 ) nRep = 1024;
  kqlFnAppendText(pV, kqlFnTagType(argv[0], 0), argv[1]);
  nV = sqlite3_str_length(pV);
  zV = sqlite3_str_finish(pV);
  if( argc>3 ) zD = kqlFnText(argv[3], &nD);
  if( (int64_t)(nV+nD)*nRep > KQL_MAX_STRREP_BYTES ){
    sqlite3_free(zV);
    kqlFnError(ctx, "strrep", "result exceeds %d bytes", KQL_MAX_STRREP_BYTES);
    return;
  }
  p = sqlite3_str_new(0);
  for(int64_t i=0; i<nRep; i++){
    if( i>0 ) sqlite3_str_append(p, zD, nD);
    if( zV ) sqlite3_str_append(p, zV, nV);
  }
  sqlite3_free(zV);
  kqlFnResultStr(ctx, p);
}

/* reverse(tags, value): the text of value with its code points reversed. */
static void reverseFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *pV = sqlite3_str_new(0);
  char *zV, *zOut;
  int n, i, o;
  (void)argc;
  kqlFnAppendText(pV, kqlFnTagType(argv[0], 0), argv[1]);
  n = sqlite3_str_length(pV);
  zV = sqlite3_str_finish(pV);
  if( zV==0 ){
    if( n ) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  zOut = sqlite3_malloc(n+1);
  if( zOut==0 ){ sqlite3_free(zV); sqlite3_result_error_nomem(ctx); return; }
  for(i=0, o=n; i<n; ){
    int iPrev = i;
    if( (unsigned char)zV[i]<0x80 ) i++;
    else kqlFnUtf8Next((const unsigned char*)zV, n, &i);
    o -= i-iPrev;
    memcpy(zOut+o, zV+iPrev, (size_t)(i-iPrev));
  }
  zOut[n] = 0;
  sqlite3_free(zV);
  sqlite3_result_text(ctx, zOut, n, sqlite3_free);
}

/*
** indexof(tags, string, match [, start [, length [, occurrence]]]):
** zero-based code-point index of the occurrence-th match inside the
** window [start, start+length); -1 when not found; NULL when length < -1
** or occurrence < 0. A negative start counts from the end. Each further
** occurrence is searched from one past the previous hit with the same
** window length (the docs' idx8 example).
*/
static void indexofFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *pS = sqlite3_str_new(0), *pM = sqlite3_str_new(0);
  char *zS, *zM;
  int nS, nM, nChar;
  int64_t iStart = 0, nLen = -1, nOcc = 1, iPos = -1;
  for(int i=3; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ){
      sqlite3_free(sqlite3_str_finish(pS));
      sqlite3_free(sqlite3_str_finish(pM));
      return;
    }
  }
  if( argc>3 ) iStart = sqlite3_value_int64(argv[3]);
  if( argc>4 ) nLen = sqlite3_value_int64(argv[4]);
  if( argc>5 ) nOcc = sqlite3_value_int64(argv[5]);
  kqlFnAppendText(pS, kqlFnTagType(argv[0], 0), argv[1]);
  kqlFnAppendText(pM, kqlFnTagType(argv[0], 1), argv[2]);
  nS = sqlite3_str_length(pS); zS = sqlite3_str_finish(pS);
  nM = sqlite3_str_length(pM); zM = sqlite3_str_finish(pM);
  if( (nS && !zS) || (nM && !zM) ){
    sqlite3_free(zS); sqlite3_free(zM);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( zS==0 ) zS = sqlite3_mprintf("");
  if( zM==0 ) zM = sqlite3_mprintf("");
  if( zS==0 || zM==0 ){
    sqlite3_free(zS); sqlite3_free(zM);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if( nLen < -1 || nOcc < 0 ){
    sqlite3_free(zS); sqlite3_free(zM);
    return;  /* NULL */
  }
  nChar = charCount(zS, nS);
  if( iStart<0 ){ iStart += nChar; if( iStart<0 ) iStart = 0; }
  if( nOcc==0 || iStart>nChar ){
    sqlite3_result_int64(ctx, -1);
    sqlite3_free(zS); sqlite3_free(zM);
    return;
  }
  for(int64_t k=0; k<nOcc; k++){
    int64_t iEndChar = nLen<0 || iStart+nLen>nChar ? nChar : iStart+nLen;
    int iB = charOffset(zS, nS, iStart);
    int iE = iB + charOffset(zS+iB, nS-iB, iEndChar-iStart);
    const char *zHit = nM==0 ? zS+iB
                     : (nM<=iE-iB ? memmem(zS+iB, (size_t)(iE-iB), zM, (size_t)nM) : 0);
    if( zHit==0 ){ iPos = -1; break; }
    iPos = charCount(zS, (int)(zHit - zS));
    iStart = iPos + 1;
  }
  sqlite3_free(zS); sqlite3_free(zM);
  sqlite3_result_int64(ctx, iPos);
}

/* strcmp(a, b): -1, 0 or 1 by ordinal (byte) comparison. */
static void strcmpFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int nA, nB, c;
  const char *zA = kqlFnText(argv[0], &nA);
  const char *zB = kqlFnText(argv[1], &nB);
  (void)argc;
  c = memcmp(zA, zB, (size_t)(nA<nB ? nA : nB));
  if( c==0 ) c = nA - nB;
  sqlite3_result_int(ctx, c<0 ? -1 : c>0 ? 1 : 0);
}

/*
** translate(searchList, replacementList, source): each character of
** searchList is replaced by the character at the same position in
** replacementList, or by its last character when replacementList is
** shorter; an empty replacementList deletes the characters.
*/
static void translateFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int nS, nR, nT, i = 0;
  const unsigned char *zS = (const unsigned char*)kqlFnText(argv[0], &nS);
  const unsigned char *zR = (const unsigned char*)kqlFnText(argv[1], &nR);
  const unsigned char *zT = (const unsigned char*)kqlFnText(argv[2], &nT);
  int *aS, *aR, nSc = 0, nRc = 0;
  sqlite3_str *p;
  (void)argc;
  aS = sqlite3_malloc64(sizeof(int)*((sqlite3_uint64)nS+1));
  aR = sqlite3_malloc64(sizeof(int)*((sqlite3_uint64)nR+1));
  if( aS==0 || aR==0 ){
    sqlite3_free(aS); sqlite3_free(aR);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  while( i<nS ) aS[nSc++] = kqlFnUtf8Next(zS, nS, &i);
  i = 0;
  while( i<nR ) aR[nRc++] = kqlFnUtf8Next(zR, nR, &i);
  p = sqlite3_str_new(0);
  i = 0;
  while( i<nT ){
    int iPrev = i, k;
    int c = kqlFnUtf8Next(zT, nT, &i);
    for(k=0; k<nSc && aS[k]!=c; k++){}
    if( k==nSc ){
      sqlite3_str_append(p, (const char*)zT+iPrev, i-iPrev);
    }else if( nRc>0 ){
      unsigned char a[4];
      int r = aR[k<nRc ? k : nRc-1];
      sqlite3_str_append(p, (const char*)a, kqlFnUtf8Put(a, r));
    }
  }
  sqlite3_free(aS);
  sqlite3_free(aR);
  kqlFnResultStr(ctx, p);
}

/* isascii(s): 1 when every byte is below 0x80. */
static void isasciiFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const unsigned char *z = (const unsigned char*)kqlFnText(argv[0], &n);
  int i;
  (void)argc;
  for(i=0; i<n && z[i]<0x80; i++){}
  sqlite3_result_int(ctx, i==n);
}

/* isutf8(s): 1 when s is well-formed UTF-8. */
static void isutf8Func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const unsigned char *z;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_BLOB ){
    z = sqlite3_value_blob(argv[0]);
    n = sqlite3_value_bytes(argv[0]);
  }else{
    z = (const unsigned char*)kqlFnText(argv[0], &n);
  }
  sqlite3_result_int(ctx, kqlFnUtf8Valid(z ? z : (const unsigned char*)"", n));
}

/* to_utf8(s): JSON array of the UTF-8 bytes. */
static void toUtf8Func(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const unsigned char *z = (const unsigned char*)kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<n; i++) sqlite3_str_appendf(p, i ? ",%d" : "%d", z[i]);
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/* unicode_codepoints_from_string(s): JSON array of code points. */
static void codepointsFromFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, i = 0, k = 0;
  const unsigned char *z = (const unsigned char*)kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  sqlite3_str_appendchar(p, 1, '[');
  while( i<n ){
    int c = kqlFnUtf8Next(z, n, &i);
    sqlite3_str_appendf(p, k++ ? ",%d" : "%d", c);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/* State of unicode_codepoints_to_string's array callback. */
typedef struct CpCtx CpCtx;
struct CpCtx {
  sqlite3_str *p;     /* output */
  int bBad;           /* an element is not a valid code point */
};

static void cpAppend(CpCtx *pC, sqlite3_int64 c){
  unsigned char a[4];
  if( c<0 || c>0x10FFFF || (c>=0xD800 && c<0xE000) ){ pC->bBad = 1; return; }
  sqlite3_str_append(pC->p, (const char*)a, kqlFnUtf8Put(a, (int)c));
}

static int cpItem(void *pArg, const char *z, int n, int bString){
  CpCtx *pC = (CpCtx*)pArg;
  sqlite3_int64 v = 0;
  int i = 0, bNeg = 0;
  if( bString || n==0 ){ pC->bBad = 1; return 1; }
  if( z[0]=='-' ){ bNeg = 1; i = 1; }
  for(; i<n; i++){
    if( z[i]<'0' || z[i]>'9' || v>0x7FFFFFFF ){ pC->bBad = 1; return 1; }
    v = v*10 + (z[i]-'0');
  }
  cpAppend(pC, bNeg ? -v : v);
  return 0;
}

/*
** unicode_codepoints_to_string(tags, v1, v2, ...): each argument is a code
** point (int/long) or a dynamic array of them. NULL when an argument is
** not a valid code point.
*/
static void codepointsToFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  CpCtx c;
  c.p = sqlite3_str_new(0);
  c.bBad = 0;
  for(int i=1; i<argc && !c.bBad; i++){
    int eType = kqlFnTagType(argv[0], i-1);
    int eSql = sqlite3_value_type(argv[i]);
    if( eSql==SQLITE_NULL ){ c.bBad = 1; break; }
    if( eType==KQL_T_DYNAMIC || (eType==KQL_T_UNKNOWN && eSql==SQLITE_TEXT) ){
      int n;
      const char *z = kqlFnText(argv[i], &n);
      if( kqlFnJsonArrayEach(z, n, cpItem, &c)<0 ){
        if( kqlFnJsonValid(z, n) ) cpItem(&c, z, n, z[0]=='"');
        else c.bBad = 1;
      }
    }else if( eSql==SQLITE_INTEGER || eSql==SQLITE_FLOAT ){
      cpAppend(&c, sqlite3_value_int64(argv[i]));
    }else{
      c.bBad = 1;
    }
  }
  if( c.bBad ){
    sqlite3_free(sqlite3_str_finish(c.p));
    return;
  }
  kqlFnResultStr(ctx, c.p);
}

/************************** Registration *************************************/

static const FnDef aStringFn[] = {
  {"kql_has",              2, M_HAS|M_CI,      opFunc},
  {"kql_has_cs",           2, M_HAS,           opFunc},
  {"kql_hasprefix",        2, M_PREFIX|M_CI,   opFunc},
  {"kql_hasprefix_cs",     2, M_PREFIX,        opFunc},
  {"kql_hassuffix",        2, M_SUFFIX|M_CI,   opFunc},
  {"kql_hassuffix_cs",     2, M_SUFFIX,        opFunc},
  {"kql_contains",         2, M_CONTAINS|M_CI, opFunc},
  {"kql_contains_cs",      2, M_CONTAINS,      opFunc},
  {"kql_startswith",       2, M_STARTS|M_CI,   opFunc},
  {"kql_startswith_cs",    2, M_STARTS,        opFunc},
  {"kql_endswith",         2, M_ENDS|M_CI,     opFunc},
  {"kql_endswith_cs",      2, M_ENDS,          opFunc},
  {"kql_eq_ci",            2, M_EQ|M_CI,       opFunc},
  {"kql_has_any",          2, LIST_HAS_ANY,    listFunc},
  {"kql_has_all",          2, LIST_HAS_ALL,    listFunc},
  {"kql_in_ci",            2, LIST_IN_CI,      listFunc},
  {"kql_has_any_index",    2, LIST_HAS_INDEX,  listFunc},
  {"kql_strlen",           1, 0, strlenFunc},
  {"kql_string_size",      1, 0, stringSizeFunc},
  {"kql_tolower",          1, 0, caseFunc},
  {"kql_toupper",          1, 1, caseFunc},
  {"kql_substring",        2, 0, substringFunc},
  {"kql_substring",        3, 0, substringFunc},
  {"kql_strcat",          -1, 0, strcatFunc},
  {"kql_strcat_delim",    -1, 0, strcatDelimFunc},
  {"kql_strcat_array",     2, 0, strcatArrayFunc},
  {"kql_split",            2, 0, splitFunc},
  {"kql_split",            3, 0, splitFunc},
  {"kql_replace_string",   3, 0, replaceStringFunc},
  {"kql_replace_strings",  3, 0, replaceStringsFunc},
  {"kql_strrep",           3, 0, strrepFunc},
  {"kql_strrep",           4, 0, strrepFunc},
  {"kql_reverse",          2, 0, reverseFunc},
  {"kql_indexof",         -1, 0, indexofFunc},
  {"kql_strcmp",           2, 0, strcmpFunc},
  {"kql_translate",        3, 0, translateFunc},
  {"kql_isascii",          1, 0, isasciiFunc},
  {"kql_isutf8",           1, 0, isutf8Func},
  {"kql_to_utf8",          1, 0, toUtf8Func},
  {"kql_unicode_codepoints_from_string", 1, 0, codepointsFromFunc},
  {"kql_unicode_codepoints_to_string",  -1, 0, codepointsToFunc},
};

/*
** Register the rows of a FnDef table on db (see fn_text.h).
*/
int kqlFnRegisterTable(sqlite3 *db, const FnDef *aDef, int nDef){
  for(int i=0; i<nDef; i++){
    int rc = sqlite3_create_function(db, aDef[i].zName, aDef[i].nArg, FN_FLAGS,
                                     (void*)(intptr_t)aDef[i].iUser, aDef[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}

/*
** Register the string group: operators, string functions, and the
** encoding and hash functions of fn_encode.c and fn_hash.c.
*/
int kqlFnRegisterString(sqlite3 *db){
  int rc = kqlFnRegisterTable(db, aStringFn, (int)(sizeof(aStringFn)/sizeof(aStringFn[0])));
  if( rc==SQLITE_OK ) rc = kqlFnRegisterEncode(db);
  if( rc==SQLITE_OK ) rc = kqlFnRegisterHash(db);
  return rc;
}
