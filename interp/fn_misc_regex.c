/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** indexof_regex(string, match [, start [, length [, occurrence]]]): the
** zero-based character index of the occurrence-th non-overlapping match
** of a regular expression inside the window of length characters that
** begins at start. PCRE2 is set up as in fn_regex.c to act like RE2
** (UTF-8, '$' only at the very end, invalid UTF-8 subjects allowed, a
** backtracking budget); the compiled pattern is cached per statement
** with sqlite3_set_auxdata().
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "fn.h"
#include "fn_misc.h"
#include "fn_text.h"
#include "fnutil.h"
#include <stdint.h>
#include <string.h>

#define MISC_REGEX_MATCH_LIMIT  10000000
#define MISC_REGEX_DEPTH_LIMIT  100000

/* A compiled pattern with its match data, cached per statement. */
typedef struct MiscRegex MiscRegex;
struct MiscRegex {
  char *zPat;                 /* pattern text */
  int nPat;                   /* its length */
  pcre2_code *pCode;          /* compiled pattern */
  pcre2_match_data *pMatch;   /* match data for pCode */
  pcre2_match_context *pMctx; /* match limits */
};

static void regexFree(void *pArg){
  MiscRegex *p = (MiscRegex*)pArg;
  if( p==0 ) return;
  pcre2_match_data_free(p->pMatch);
  pcre2_match_context_free(p->pMctx);
  pcre2_code_free(p->pCode);
  sqlite3_free(p->zPat);
  sqlite3_free(p);
}

/*
** The compiled form of argv[iArg] for this statement: the cached one, or
** a new one (then *pbNew is set and the caller hands it to
** sqlite3_set_auxdata() when done). NULL after reporting an error.
*/
static MiscRegex *regexFor(sqlite3_context *ctx, sqlite3_value **argv, int iArg, int *pbNew){
  int n, rcComp;
  const char *z = kqlFnText(argv[iArg], &n);
  MiscRegex *p = (MiscRegex*)sqlite3_get_auxdata(ctx, iArg);
  PCRE2_SIZE iErrOff;
  *pbNew = 0;
  if( p && p->nPat==n && memcmp(p->zPat, z, (size_t)n)==0 ) return p;
  if( (int)strlen(z)!=n ){
    kqlFnError(ctx, "indexof_regex", "invalid regular expression: NUL character in pattern");
    return 0;
  }
  p = sqlite3_malloc(sizeof(*p));
  if( p==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  memset(p, 0, sizeof(*p));
  p->zPat = sqlite3_malloc(n+1);
  if( p->zPat==0 ){ regexFree(p); sqlite3_result_error_nomem(ctx); return 0; }
  memcpy(p->zPat, z, (size_t)n+1);
  p->nPat = n;
  p->pCode = pcre2_compile((PCRE2_SPTR)z, (PCRE2_SIZE)n,
                           PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY,
                           &rcComp, &iErrOff, 0);
  if( p->pCode==0 ){
    PCRE2_UCHAR zMsg[256];
    pcre2_get_error_message(rcComp, zMsg, sizeof(zMsg));
    kqlFnError(ctx, "indexof_regex", "invalid regular expression \"%.*s\": %s", n, z, (const char*)zMsg);
    regexFree(p);
    return 0;
  }
  p->pMatch = pcre2_match_data_create_from_pattern(p->pCode, 0);
  p->pMctx = pcre2_match_context_create(0);
  if( p->pMatch==0 || p->pMctx==0 ){ regexFree(p); sqlite3_result_error_nomem(ctx); return 0; }
  pcre2_set_match_limit(p->pMctx, MISC_REGEX_MATCH_LIMIT);
  pcre2_set_depth_limit(p->pMctx, MISC_REGEX_DEPTH_LIMIT);
  *pbNew = 1;
  return p;
}

/* Byte offset of character iChar of z[0..n) (n when past the end). */
static int charOffset(const char *z, int n, int64_t iChar){
  int i = 0;
  for(int64_t k=0; k<iChar && i<n; k++){
    if( (unsigned char)z[i]<0x80 ) i++;
    else kqlFnUtf8Next((const unsigned char*)z, n, &i);
  }
  return i;
}

/* Number of characters in z[0..n). */
static int64_t charCount(const char *z, int n){
  int64_t k = 0;
  for(int i=0; i<n; k++){
    if( (unsigned char)z[i]<0x80 ) i++;
    else kqlFnUtf8Next((const unsigned char*)z, n, &i);
  }
  return k;
}

/*
** Character index of the nOcc-th non-overlapping match of pRe in z[0..n)
** between bytes iB and iE, -1 when there is none, -2 after reporting an
** error. Each search starts where the previous match ended (one
** character further after an empty match).
*/
static int64_t findNth(sqlite3_context *ctx, MiscRegex *pRe, const char *z, int n,
                       int iB, int iE, int64_t nOcc){
  int iPos = iB;
  for(int64_t k=0; k<nOcc; k++){
    PCRE2_SIZE *a;
    int rc;
    if( iPos>iE ) return -1;
    rc = pcre2_match(pRe->pCode, (PCRE2_SPTR)z, (PCRE2_SIZE)iE, (PCRE2_SIZE)iPos, 0,
                     pRe->pMatch, pRe->pMctx);
    if( rc==PCRE2_ERROR_NOMATCH ) return -1;
    if( rc<0 ){
      PCRE2_UCHAR zMsg[256];
      pcre2_get_error_message(rc, zMsg, sizeof(zMsg));
      kqlFnError(ctx, "indexof_regex", "regular expression failed: %s", (const char*)zMsg);
      return -2;
    }
    a = pcre2_get_ovector_pointer(pRe->pMatch);
    if( k==nOcc-1 ) return charCount(z, (int)a[0]);
    if( a[1]>a[0] ){
      iPos = (int)a[1];
    }else{
      iPos = (int)a[1] + (a[1]<(PCRE2_SIZE)iE ? charOffset(z+a[1], iE-(int)a[1], 1) : 1);
    }
  }
  (void)n;
  return -1;
}

/*
** kql_indexof_regex(string, match [, start [, length [, occurrence]]]):
** -1 when there is no such match; NULL when start < 0, length < -1,
** occurrence < 0 or an argument is NULL. Occurrence 0 counts as 1.
** Matches are searched within [start, start+length) characters (length
** -1: to the end).
*/
static void indexofRegexFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int64_t iStart = 0, nLen = -1, nOcc = 1, iRes;
  int n, iB, iE, bNew;
  const char *z;
  MiscRegex *pRe;
  for(int i=0; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return;
  }
  if( argc>2 ) iStart = sqlite3_value_int64(argv[2]);
  if( argc>3 ) nLen = sqlite3_value_int64(argv[3]);
  if( argc>4 ) nOcc = sqlite3_value_int64(argv[4]);
  if( iStart<0 || nLen< -1 || nOcc<0 ) return;
  if( nOcc==0 ) nOcc = 1;
  pRe = regexFor(ctx, argv, 1, &bNew);
  if( pRe==0 ) return;
  z = kqlFnText(argv[0], &n);
  if( iStart>charCount(z, n) ){
    iRes = -1;
  }else{
    iB = charOffset(z, n, iStart);
    iE = nLen<0 ? n : iB + charOffset(z+iB, n-iB, nLen);
    iRes = findNth(ctx, pRe, z, n, iB, iE, nOcc);
  }
  if( iRes>=-1 ) sqlite3_result_int64(ctx, iRes);
  if( bNew ) sqlite3_set_auxdata(ctx, 1, pRe, regexFree);
}

static const FnDef aRegexFn[] = {
  {"kql_indexof_regex", 2, 0, indexofRegexFunc},
  {"kql_indexof_regex", 3, 0, indexofRegexFunc},
  {"kql_indexof_regex", 4, 0, indexofRegexFunc},
  {"kql_indexof_regex", 5, 0, indexofRegexFunc},
};

/* kqlMiscRegisterRegex(): contract in fn_misc.h. */
int kqlMiscRegisterRegex(sqlite3 *db){
  return kqlFnRegisterTable(db, aRegexFn, (int)(sizeof(aRegexFn)/sizeof(aRegexFn[0])));
}
