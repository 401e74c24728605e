/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** SQL helpers of the extension operators (bind_ext*.c):
**   kql_parse(text, regex, types, mode)    parse / parse-where: one match of
**        the regex the binder compiled from the pattern; the value of each
**        named group kqlpN converted to the KQL type types[N] ('a'+KQL_T_*),
**        returned as a JSON array (see kqlOpsAppendTyped). mode bit 1:
**        relaxed (a failed conversion gives that column null), bit 2:
**        parse-where (NULL when the row does not parse). A row that does not
**        parse otherwise gives "" for strings and null for the rest.
**   kql_parse_kv(text, keys, types, pair, kv, quotes, escapes, greedy)
**   kql_parse_kv_regex(text, keys, types, regex)
**        parse-kv: the first value of each listed key (keys is a JSON array
**        of names), converted and returned like kql_parse.
**   kql_bag_keys(dyn, ignored)  aggregate: the keys of every bag seen (but
**        those in the JSON array ignored), in first-seen order, as the text
**        "<kinds>,<bytes>:<key>" repeated, where kinds has bit 1 integer,
**        2 real, 4 string, 8 bool, 16 anything else (bag_unpack's schema)
**        and bytes is the key's length in bytes.
** Compiled patterns are cached per statement (sqlite3_set_auxdata) and every
** match runs under a backtracking limit, as in fn_regex.c.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "fn.h"
#include "fn_ops.h"
#include "fn_json.h"
#include "fnutil.h"
#include "types.h"
#include "value.h"
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPS_MATCH_LIMIT  10000000
#define OPS_DEPTH_LIMIT  100000
#define OPS_MAX_COLS     1000

/************************** typed values **************************************/

static int isBlank(char c){ return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v'; }

/* Trim blanks from both ends of z[0..*pn); returns the new start. */
static const char *trimText(const char *z, int *pn){
  int n = *pn;
  while( n>0 && isBlank(z[0]) ){ z++; n--; }
  while( n>0 && isBlank(z[n-1]) ) n--;
  *pn = n;
  return z;
}

int kqlOpsAppendTyped(sqlite3_str *p, int eType, const char *z, int n){
  char zBuf[80];
  if( eType==KQL_T_STRING || eType==KQL_T_UNKNOWN ){
    kqlFnAppendJsonString(p, z, n);
    return 1;
  }
  z = trimText(z, &n);
  switch( eType ){
    case KQL_T_INT: case KQL_T_LONG: {
      char *zEnd;
      long long v;
      if( n==0 || n>=(int)sizeof(zBuf) ) return 0;
      memcpy(zBuf, z, (size_t)n); zBuf[n] = 0;
      if( !(zBuf[0]=='-' || zBuf[0]=='+' || (zBuf[0]>='0' && zBuf[0]<='9')) ) return 0;
      errno = 0;
      v = strtoll(zBuf, &zEnd, 10);
      if( *zEnd || errno ) return 0;
      if( eType==KQL_T_INT && (v<INT32_MIN || v>INT32_MAX) ) return 0;
      sqlite3_str_appendf(p, "%lld", v);
      return 1;
    }
    case KQL_T_REAL: case KQL_T_DECIMAL: {
      char *zEnd;
      double r;
      if( n==0 || n>=(int)sizeof(zBuf) ) return 0;
      memcpy(zBuf, z, (size_t)n); zBuf[n] = 0;
      r = strtod(zBuf, &zEnd);
      if( *zEnd ) return 0;
      if( isnan(r) ) sqlite3_str_append(p, "null", 4);
      else if( isinf(r) ) sqlite3_str_appendall(p, r<0 ? "-9e999" : "9e999");
      else sqlite3_str_appendf(p, "%!.17g", r);
      return 1;
    }
    case KQL_T_BOOL:
      if( n==4 && sqlite3_strnicmp(z, "true", 4)==0 ){ sqlite3_str_append(p, "1", 1); return 1; }
      if( n==5 && sqlite3_strnicmp(z, "false", 5)==0 ){ sqlite3_str_append(p, "0", 1); return 1; }
      if( n==1 && (z[0]=='0' || z[0]=='1') ){ sqlite3_str_append(p, z, 1); return 1; }
      return 0;
    case KQL_T_DATETIME: case KQL_T_TIMESPAN: {
      int64_t t;
      int rc = eType==KQL_T_DATETIME ? kqlValParseDatetime(z, n, &t) : kqlValParseTimespan(z, n, &t);
      if( n==0 || rc ) return 0;
      sqlite3_str_appendf(p, "%lld", (long long)t);
      return 1;
    }
    case KQL_T_GUID:
      if( kqlValParseGuid(z, n, zBuf) ) return 0;
      kqlFnAppendJsonString(p, zBuf, -1);
      return 1;
    case KQL_T_DYNAMIC: {
      sqlite3_str *q = sqlite3_str_new(0);
      if( kqlFnJsonValid(z, n) ) kqlFnAppendJsonMinified(q, z, n);
      else kqlFnAppendJsonString(q, z, n);
      {
        int nQ = sqlite3_str_length(q);
        char *zQ = sqlite3_str_finish(q);
        if( zQ==0 ) return 0;
        kqlFnAppendJsonString(p, zQ, nQ);
        sqlite3_free(zQ);
      }
      return 1;
    }
    default:
      kqlFnAppendJsonString(p, z, n);
      return 1;
  }
}

/* The value of a column that did not parse: "" for strings, else null. */
static void appendMissing(sqlite3_str *p, int eType){
  if( eType==KQL_T_STRING ) sqlite3_str_append(p, "\"\"", 2);
  else sqlite3_str_append(p, "null", 4);
}

/* Column types from the type-tag text ('a'+KQL_T_*); -1 when malformed. */
static int typesFrom(sqlite3_value *pTypes, int *aType, int nMax){
  int n;
  const char *z = kqlFnText(pTypes, &n);
  if( n>nMax ) return -1;
  for(int i=0; i<n; i++){
    int t = z[i] - 'a';
    if( t<0 || t>=KQL_T_COUNT ) return -1;
    aType[i] = t;
  }
  return n;
}

/************************** compiled patterns *********************************/

typedef struct OpsRegex OpsRegex;
struct OpsRegex {
  char *zPat;                 /* pattern text */
  int nPat;
  pcre2_code *pCode;
  pcre2_match_data *pMatch;
  pcre2_match_context *pMctx;
};

static void opsRegexFree(void *p){
  OpsRegex *pRe = (OpsRegex*)p;
  if( pRe==0 ) return;
  pcre2_match_data_free(pRe->pMatch);
  pcre2_match_context_free(pRe->pMctx);
  pcre2_code_free(pRe->pCode);
  sqlite3_free(pRe->zPat);
  sqlite3_free(pRe);
}

/*
** The compiled form of argument iArg for this statement: cached with
** sqlite3_set_auxdata(). Returns NULL after reporting an error.
*/
static OpsRegex *opsRegexGet(sqlite3_context *ctx, sqlite3_value **argv, int iArg, const char *zFunc){
  int n, rcComp;
  PCRE2_SIZE iErrOff;
  const char *z = kqlFnText(argv[iArg], &n);
  OpsRegex *pRe = (OpsRegex*)sqlite3_get_auxdata(ctx, iArg);
  if( pRe && pRe->nPat==n && memcmp(pRe->zPat, z, (size_t)n)==0 ) return pRe;
  if( (int)strlen(z)!=n ){
    kqlFnError(ctx, zFunc, "invalid regular expression: NUL character in pattern");
    return 0;
  }
  pRe = sqlite3_malloc(sizeof(*pRe));
  if( pRe==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  memset(pRe, 0, sizeof(*pRe));
  pRe->zPat = sqlite3_malloc(n+1);
  if( pRe->zPat==0 ){ opsRegexFree(pRe); sqlite3_result_error_nomem(ctx); return 0; }
  memcpy(pRe->zPat, z, (size_t)n+1);
  pRe->nPat = n;
  pRe->pCode = pcre2_compile((PCRE2_SPTR)z, (PCRE2_SIZE)n,
                             PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY,
                             &rcComp, &iErrOff, 0);
  if( pRe->pCode==0 ){
    PCRE2_UCHAR zMsg[256];
    pcre2_get_error_message(rcComp, zMsg, sizeof(zMsg));
    kqlFnError(ctx, zFunc, "invalid regular expression \"%s\": %s", z, (const char*)zMsg);
    opsRegexFree(pRe);
    return 0;
  }
  pcre2_jit_compile(pRe->pCode, PCRE2_JIT_COMPLETE);
  pRe->pMatch = pcre2_match_data_create_from_pattern(pRe->pCode, 0);
  pRe->pMctx = pcre2_match_context_create(0);
  if( pRe->pMatch==0 || pRe->pMctx==0 ){ opsRegexFree(pRe); sqlite3_result_error_nomem(ctx); return 0; }
  pcre2_set_match_limit(pRe->pMctx, OPS_MATCH_LIMIT);
  pcre2_set_depth_limit(pRe->pMctx, OPS_DEPTH_LIMIT);
  sqlite3_set_auxdata(ctx, iArg, pRe, opsRegexFree);
  /* SQLite may have freed it at once (constant argument rules): fetch again */
  pRe = (OpsRegex*)sqlite3_get_auxdata(ctx, iArg);
  if( pRe==0 ) sqlite3_result_error_nomem(ctx);
  return pRe;
}

/* Run pRe on z[0..n) from iStart: 1 match, 0 none, -1 error (reported). */
static int opsRegexRun(sqlite3_context *ctx, OpsRegex *pRe, const char *zFunc,
                       const char *z, int n, int iStart){
  int rc = pcre2_match(pRe->pCode, (PCRE2_SPTR)z, (PCRE2_SIZE)n, (PCRE2_SIZE)iStart, 0,
                       pRe->pMatch, pRe->pMctx);
  if( rc>=0 ) return 1;
  if( rc==PCRE2_ERROR_NOMATCH ) return 0;
  {
    PCRE2_UCHAR zMsg[256];
    pcre2_get_error_message(rc, zMsg, sizeof(zMsg));
    kqlFnError(ctx, zFunc, "regular expression failed: %s", (const char*)zMsg);
  }
  return -1;
}

/* Byte range of group iGroup of the last match; 0 when it did not take part. */
static int opsGroup(OpsRegex *pRe, int iGroup, int *piB, int *piE){
  uint32_t nPair = pcre2_get_ovector_count(pRe->pMatch);
  PCRE2_SIZE *a = pcre2_get_ovector_pointer(pRe->pMatch);
  if( iGroup<0 || (uint32_t)iGroup>=nPair || a[2*iGroup]==PCRE2_UNSET ) return 0;
  *piB = (int)a[2*iGroup];
  *piE = (int)a[2*iGroup+1];
  return 1;
}

/************************** kql_parse *****************************************/

static void parseFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int aType[OPS_MAX_COLS];
  int n, nCol, mode, rc, bOk = 1;
  const char *z = kqlFnText(argv[0], &n);
  OpsRegex *pRe;
  sqlite3_str *p;
  (void)argc;
  nCol = typesFrom(argv[2], aType, OPS_MAX_COLS);
  mode = sqlite3_value_int(argv[3]);
  if( nCol<0 ){ kqlFnError(ctx, "parse", "bad column types"); return; }
  pRe = opsRegexGet(ctx, argv, 1, "parse");
  if( pRe==0 ) return;
  rc = opsRegexRun(ctx, pRe, "parse", z, n, 0);
  if( rc<0 ) return;
  p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int i=0; i<nCol && rc>0; i++){
    char zName[24];
    int iB = 0, iE = 0, iGroup;
    snprintf(zName, sizeof(zName), "kqlp%d", i);
    iGroup = pcre2_substring_number_from_name(pRe->pCode, (PCRE2_SPTR)zName);
    if( i ) sqlite3_str_append(p, ",", 1);
    if( iGroup<0 || !opsGroup(pRe, iGroup, &iB, &iE) ){
      appendMissing(p, aType[i]);
      continue;
    }
    if( !kqlOpsAppendTyped(p, aType[i], z+iB, iE-iB) ){
      if( mode & 1 ){ sqlite3_str_append(p, "null", 4); continue; }
      bOk = 0;
      break;
    }
  }
  if( rc==0 || !bOk ){
    sqlite3_str_reset(p);
    if( mode & 2 ){ sqlite3_free(sqlite3_str_finish(p)); return; }
    sqlite3_str_append(p, "[", 1);
    for(int i=0; i<nCol; i++){
      if( i ) sqlite3_str_append(p, ",", 1);
      appendMissing(p, aType[i]);
    }
  }
  sqlite3_str_append(p, "]", 1);
  kqlFnResultStr(ctx, p);
}

/************************** kql_parse_kv **************************************/

/* The listed keys (from a JSON array of strings). */
typedef struct KvKeys KvKeys;
struct KvKeys {
  int nKey;
  char *azKey[OPS_MAX_COLS];
  int anKey[OPS_MAX_COLS];
};

static int kvKeyItem(void *pArg, const char *z, int n, int bString){
  KvKeys *pK = (KvKeys*)pArg;
  if( pK->nKey>=OPS_MAX_COLS ) return 1;
  pK->azKey[pK->nKey] = sqlite3_malloc(n+1);
  if( pK->azKey[pK->nKey]==0 ) return 1;
  memcpy(pK->azKey[pK->nKey], z, (size_t)n);
  pK->azKey[pK->nKey][n] = 0;
  pK->anKey[pK->nKey] = n;
  pK->nKey++;
  (void)bString;
  return 0;
}

static void kvKeysFree(KvKeys *pK){
  for(int i=0; i<pK->nKey; i++) sqlite3_free(pK->azKey[i]);
}

/* Values found so far: text ranges (possibly unescaped copies). */
typedef struct KvState KvState;
struct KvState {
  KvKeys keys;
  char *azVal[OPS_MAX_COLS];   /* sqlite3_malloc'ed value text, NULL when not seen */
  int anVal[OPS_MAX_COLS];
};

static void kvStore(KvState *s, const char *zKey, int nKey, const char *zVal, int nVal){
  zKey = trimText(zKey, &nKey);
  zVal = trimText(zVal, &nVal);
  for(int i=0; i<s->keys.nKey; i++){
    if( s->azVal[i]==0 && s->keys.anKey[i]==nKey && memcmp(s->keys.azKey[i], zKey, (size_t)nKey)==0 ){
      s->azVal[i] = sqlite3_malloc(nVal+1);
      if( s->azVal[i] ){
        memcpy(s->azVal[i], zVal, (size_t)nVal);
        s->azVal[i][nVal] = 0;
        s->anVal[i] = nVal;
      }
      return;
    }
  }
}

/* Finish: the JSON array of converted values as the result. */
static void kvResult(sqlite3_context *ctx, KvState *s, const int *aType){
  sqlite3_str *p = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int i=0; i<s->keys.nKey; i++){
    if( i ) sqlite3_str_append(p, ",", 1);
    if( s->azVal[i]==0 ) appendMissing(p, aType[i]);
    else if( !kqlOpsAppendTyped(p, aType[i], s->azVal[i], s->anVal[i]) ) sqlite3_str_append(p, "null", 4);
  }
  sqlite3_str_append(p, "]", 1);
  kqlFnResultStr(ctx, p);
}

static void kvStateFree(KvState *s){
  for(int i=0; i<s->keys.nKey; i++) sqlite3_free(s->azVal[i]);
  kvKeysFree(&s->keys);
}

/* Start state: keys from argv[1], types from argv[2]. Returns 0 after an error. */
static int kvStart(sqlite3_context *ctx, sqlite3_value **argv, KvState *s, int *aType){
  int nK;
  const char *zK = kqlFnText(argv[1], &nK);
  memset(s, 0, sizeof(*s));
  if( kqlFnJsonArrayEach(zK, nK, kvKeyItem, &s->keys)<0 ){
    kqlFnError(ctx, "parse-kv", "bad key list");
    return 0;
  }
  if( typesFrom(argv[2], aType, OPS_MAX_COLS)!=s->keys.nKey ){
    kqlFnError(ctx, "parse-kv", "bad column types");
    return 0;
  }
  return 1;
}

static int startsWith(const char *z, int n, int i, const char *zD, int nD){
  return nD>0 && i+nD<=n && memcmp(z+i, zD, (size_t)nD)==0;
}

/* Index of the quote pair opening at z[i] in zQuotes (pairs of chars), or -1. */
static int quoteAt(const char *z, int n, int i, const char *zQuotes, int nQuotes){
  if( i>=n ) return -1;
  for(int q=0; q+1<nQuotes; q+=2){
    if( z[i]==zQuotes[q] ) return q;
  }
  return -1;
}

/*
** Read a quoted run starting at z[i] (the opening quote) closed by cClose;
** characters of zEsc escape the next character. The unescaped text goes to
** pOut. Returns the index just past the closing quote (or n).
*/
static int readQuoted(const char *z, int n, int i, char cClose, const char *zEsc, int nEsc,
                      sqlite3_str *pOut){
  i++;
  while( i<n ){
    char c = z[i];
    if( nEsc && memchr(zEsc, c, (size_t)nEsc) && i+1<n ){
      sqlite3_str_appendchar(pOut, 1, z[i+1]);
      i += 2;
      continue;
    }
    if( c==cClose ) return i+1;
    sqlite3_str_appendchar(pOut, 1, c);
    i++;
  }
  return n;
}

/*
** Greedy mode: does a new pair start at z[i] (just past a pair delimiter)?
** That is a run of text with no delimiter, then the kv delimiter.
*/
static int keyStartsAt(const char *z, int n, int i, const char *zPair, int nPair,
                       const char *zKv, int nKv){
  int j = i;
  while( j<n && isBlank(z[j]) ) j++;
  int k = j;
  while( k<n && !startsWith(z, n, k, zKv, nKv) && !startsWith(z, n, k, zPair, nPair) ) k++;
  return k>j && startsWith(z, n, k, zKv, nKv);
}

/* Delimited form: pairs split by zPair, key and value by zKv. */
static void kvDelimited(KvState *s, const char *z, int n, const char *zPair, int nPair,
                        const char *zKv, int nKv, const char *zQuotes, int nQuotes,
                        const char *zEsc, int nEsc, int bGreedy){
  int i = 0;
  sqlite3_str *pKey = sqlite3_str_new(0), *pVal = sqlite3_str_new(0);
  while( i<n ){
    int q;
    sqlite3_str_reset(pKey);
    sqlite3_str_reset(pVal);
    while( i<n && isBlank(z[i]) && !startsWith(z, n, i, zPair, nPair) ) i++;
    if( i>=n ) break;
    /* the key */
    q = quoteAt(z, n, i, zQuotes, nQuotes);
    if( q>=0 ){
      i = readQuoted(z, n, i, zQuotes[q+1], zEsc, nEsc, pKey);
      while( i<n && isBlank(z[i]) && !startsWith(z, n, i, zKv, nKv) ) i++;
    }else{
      int j = i;
      while( j<n && !startsWith(z, n, j, zKv, nKv) && !startsWith(z, n, j, zPair, nPair) ) j++;
      sqlite3_str_append(pKey, z+i, j-i);
      i = j;
    }
    if( !startsWith(z, n, i, zKv, nKv) ){
      /* no value: skip to the next pair */
      while( i<n && !startsWith(z, n, i, zPair, nPair) ) i++;
      i += nPair;
      continue;
    }
    i += nKv;
    while( i<n && isBlank(z[i]) && !startsWith(z, n, i, zPair, nPair) ) i++;
    /* the value */
    q = quoteAt(z, n, i, zQuotes, nQuotes);
    if( q>=0 ){
      i = readQuoted(z, n, i, zQuotes[q+1], zEsc, nEsc, pVal);
      while( i<n && !startsWith(z, n, i, zPair, nPair) ) i++;
    }else{
      int j = i;
      while( j<n ){
        if( startsWith(z, n, j, zPair, nPair)
            && (!bGreedy || keyStartsAt(z, n, j+nPair, zPair, nPair, zKv, nKv)) ) break;
        j++;
      }
      sqlite3_str_append(pVal, z+i, j-i);
      i = j;
    }
    i += nPair;
    if( sqlite3_str_errcode(pKey)==SQLITE_OK && sqlite3_str_errcode(pVal)==SQLITE_OK ){
      kvStore(s, sqlite3_str_value(pKey) ? sqlite3_str_value(pKey) : "", sqlite3_str_length(pKey),
              sqlite3_str_value(pVal) ? sqlite3_str_value(pVal) : "", sqlite3_str_length(pVal));
    }
  }
  sqlite3_free(sqlite3_str_finish(pKey));
  sqlite3_free(sqlite3_str_finish(pVal));
}

static int isWordChar(char c){
  return (c>='0' && c<='9') || (c>='a' && c<='z') || (c>='A' && c<='Z') || c=='_' || (c & 0x80);
}

/*
** No delimiters given: any non-alphanumeric character separates. A key is
** a whole word, followed by one delimiter character (blanks around it
** allowed), then a quoted value or a word.
*/
static void kvUndelimited(KvState *s, const char *z, int n, const char *zQuotes, int nQuotes,
                          const char *zEsc, int nEsc){
  sqlite3_str *pVal = sqlite3_str_new(0);
  for(int k=0; k<s->keys.nKey; k++){
    const char *zKey = s->keys.azKey[k];
    int nKey = s->keys.anKey[k];
    for(int i=0; nKey>0 && i+nKey<=n; i++){
      if( memcmp(z+i, zKey, (size_t)nKey)!=0 ) continue;
      if( i>0 && isWordChar(z[i-1]) ) continue;
      int j = i + nKey;
      if( j<n && isWordChar(z[j]) ) continue;
      while( j<n && isBlank(z[j]) ) j++;
      if( j>=n || isWordChar(z[j]) || quoteAt(z, n, j, zQuotes, nQuotes)>=0 ) continue;
      j++;
      while( j<n && isBlank(z[j]) ) j++;
      sqlite3_str_reset(pVal);
      int q = quoteAt(z, n, j, zQuotes, nQuotes);
      if( q>=0 ){
        readQuoted(z, n, j, zQuotes[q+1], zEsc, nEsc, pVal);
      }else{
        int e = j;
        while( e<n && isWordChar(z[e]) ) e++;
        sqlite3_str_append(pVal, z+j, e-j);
      }
      if( sqlite3_str_errcode(pVal)==SQLITE_OK ){
        kvStore(s, zKey, nKey, sqlite3_str_value(pVal) ? sqlite3_str_value(pVal) : "",
                sqlite3_str_length(pVal));
      }
      break;
    }
  }
  sqlite3_free(sqlite3_str_finish(pVal));
}

/* kql_parse_kv(text, keys, types, pair, kv, quotes, escapes, greedy) */
static void parseKvFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int aType[OPS_MAX_COLS];
  KvState *ps = sqlite3_malloc(sizeof(KvState));
  int n, nPair, nKv, nQuotes, nEsc;
  const char *z = kqlFnText(argv[0], &n);
  (void)argc;
  if( ps==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( !kvStart(ctx, argv, ps, aType) ){ kvStateFree(ps); sqlite3_free(ps); return; }
  const char *zPair = kqlFnText(argv[3], &nPair);
  const char *zKv = kqlFnText(argv[4], &nKv);
  const char *zQuotes = kqlFnText(argv[5], &nQuotes);
  const char *zEsc = kqlFnText(argv[6], &nEsc);
  int bGreedy = sqlite3_value_int(argv[7]);
  if( sqlite3_value_type(argv[3])==SQLITE_NULL || nPair==0 || nKv==0 ){
    kvUndelimited(ps, z, n, zQuotes, nQuotes, zEsc, nEsc);
  }else{
    kvDelimited(ps, z, n, zPair, nPair, zKv, nKv, zQuotes, nQuotes, zEsc, nEsc, bGreedy);
  }
  kvResult(ctx, ps, aType);
  kvStateFree(ps);
  sqlite3_free(ps);
}

/* kql_parse_kv_regex(text, keys, types, regex): group 1 the key, group 2 the value. */
static void parseKvRegexFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int aType[OPS_MAX_COLS];
  KvState *ps = sqlite3_malloc(sizeof(KvState));
  int n, i = 0;
  const char *z = kqlFnText(argv[0], &n);
  (void)argc;
  if( ps==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( !kvStart(ctx, argv, ps, aType) ){ kvStateFree(ps); sqlite3_free(ps); return; }
  OpsRegex *pRe = opsRegexGet(ctx, argv, 3, "parse-kv");
  if( pRe==0 ){ kvStateFree(ps); sqlite3_free(ps); return; }
  while( i<=n ){
    int rc = opsRegexRun(ctx, pRe, "parse-kv", z, n, i);
    if( rc<0 ){ kvStateFree(ps); sqlite3_free(ps); return; }
    if( rc==0 ) break;
    int kB, kE, vB, vE, mB = i, mE = i;
    opsGroup(pRe, 0, &mB, &mE);
    if( opsGroup(pRe, 1, &kB, &kE) && opsGroup(pRe, 2, &vB, &vE) ){
      kvStore(ps, z+kB, kE-kB, z+vB, vE-vB);
    }
    i = mE>mB ? mE : mE+1;
  }
  kvResult(ctx, ps, aType);
  kvStateFree(ps);
  sqlite3_free(ps);
}

/************************** kql_bag_keys **************************************/

typedef struct BagKeys BagKeys;
struct BagKeys {
  int nKey, nAlloc;
  char **azKey;       /* unescaped key text */
  int *anKey;
  int *aKind;
  int bOom;
};

static int kindBits(const char *z, int n){
  switch( kqlJsonKind(z, n) ){
    case KQL_JSON_NULL: return 0;
    case KQL_JSON_TRUE: case KQL_JSON_FALSE: return 8;
    case KQL_JSON_STRING: return 4;
    case KQL_JSON_NUMBER: {
      double r; int bInt; int64_t v;
      if( kqlJsonNumber(z, n, &r, &bInt, &v) && bInt ) return 1;
      return 2;
    }
    default: return 16;
  }
}

/* Is the key z[0..n) in the JSON array of ignored names? */
typedef struct KeyFind KeyFind;
struct KeyFind { const char *z; int n; int bFound; };
static int keyFindItem(void *pArg, const char *z, int n, int bString){
  KeyFind *f = (KeyFind*)pArg;
  if( bString && n==f->n && memcmp(z, f->z, (size_t)n)==0 ){ f->bFound = 1; return 1; }
  return 0;
}

static void bagKeysStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  BagKeys *pK = (BagKeys*)sqlite3_aggregate_context(ctx, sizeof(BagKeys));
  KqlJsonIter it;
  const char *zKey, *zVal;
  int nKey, nVal, n;
  const char *z;
  if( pK==0 || pK->bOom || sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_OBJECT ) return;
  while( kqlJsonIterNext(&it, &zKey, &nKey, &zVal, &nVal)==1 ){
    sqlite3_str *pU = sqlite3_str_new(0);
    kqlFnJsonUnquote(pU, zKey, nKey);
    int nU = sqlite3_str_length(pU);
    char *zU = sqlite3_str_finish(pU);
    int i;
    if( argc>1 && sqlite3_value_type(argv[1])!=SQLITE_NULL ){
      int nIg;
      const char *zIg = kqlFnText(argv[1], &nIg);
      KeyFind f;
      f.z = zU ? zU : ""; f.n = nU; f.bFound = 0;
      kqlFnJsonArrayEach(zIg, nIg, keyFindItem, &f);
      if( f.bFound ){ sqlite3_free(zU); continue; }
    }
    if( zU==0 ){
      /* an empty key (or out of memory) */
      zU = sqlite3_malloc(1);
      if( zU==0 ){ pK->bOom = 1; return; }
      zU[0] = 0;
      nU = 0;
    }
    for(i=0; i<pK->nKey; i++){
      if( pK->anKey[i]==nU && memcmp(pK->azKey[i], zU, (size_t)nU)==0 ) break;
    }
    if( i<pK->nKey ){
      pK->aKind[i] |= kindBits(zVal, nVal);
      sqlite3_free(zU);
      continue;
    }
    if( pK->nKey>=pK->nAlloc ){
      int nNew = pK->nAlloc ? pK->nAlloc*2 : 16;
      char **az = sqlite3_realloc64(pK->azKey, sizeof(char*)*(sqlite3_uint64)nNew);
      if( az ) pK->azKey = az;
      int *an = sqlite3_realloc64(pK->anKey, sizeof(int)*(sqlite3_uint64)nNew);
      if( an ) pK->anKey = an;
      int *ak = sqlite3_realloc64(pK->aKind, sizeof(int)*(sqlite3_uint64)nNew);
      if( ak ) pK->aKind = ak;
      if( az==0 || an==0 || ak==0 ){ sqlite3_free(zU); pK->bOom = 1; return; }
      pK->nAlloc = nNew;
    }
    pK->azKey[pK->nKey] = zU;
    pK->anKey[pK->nKey] = nU;
    pK->aKind[pK->nKey] = kindBits(zVal, nVal);
    pK->nKey++;
  }
}

static void bagKeysFinal(sqlite3_context *ctx){
  BagKeys *pK = (BagKeys*)sqlite3_aggregate_context(ctx, 0);
  sqlite3_str *p = sqlite3_str_new(0);
  for(int i=0; pK && i<pK->nKey; i++){
    sqlite3_str_appendf(p, "%d,%d:", pK->aKind[i], pK->anKey[i]);
    sqlite3_str_append(p, pK->azKey[i], pK->anKey[i]);
  }
  if( pK && pK->bOom ){
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_error_nomem(ctx);
  }else{
    kqlFnResultStr(ctx, p);
  }
  for(int i=0; pK && i<pK->nKey; i++) sqlite3_free(pK->azKey[i]);
  if( pK ){
    sqlite3_free(pK->azKey);
    sqlite3_free(pK->anKey);
    sqlite3_free(pK->aKind);
  }
}

/************************** registration **************************************/

int kqlFnRegisterOps(sqlite3 *db){
  static const struct {
    const char *zName; int nArg; void (*x)(sqlite3_context*, int, sqlite3_value**);
  } a[] = {
    {"kql_parse", 4, parseFunc},
    {"kql_parse_kv", 8, parseKvFunc},
    {"kql_parse_kv_regex", 4, parseKvRegexFunc},
  };
  int rc;
  for(unsigned i=0; i<sizeof(a)/sizeof(a[0]); i++){
    rc = sqlite3_create_function(db, a[i].zName, a[i].nArg,
                                 SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, a[i].x, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  rc = sqlite3_create_function(db, "kql_bag_keys", 2, SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                               0, 0, bagKeysStep, bagKeysFinal);
  if( rc!=SQLITE_OK ) return rc;
  return kqlFnRegisterSeries(db);
}
