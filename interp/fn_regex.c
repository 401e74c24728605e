/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL regular-expression functions on PCRE2: the `matches regex` operator
** (kql_matches), extract, extract_all, replace_regex and the deprecated
** replace, trim/trim_start/trim_end, countof and regex_quote. Kusto uses
** RE2 syntax; PCRE2 accepts it (named groups (?P<n>...), classes, flags)
** and is configured to behave like RE2 where they differ: '$' matches only
** at the very end (PCRE2_DOLLAR_ENDONLY), \w \d \s are ASCII, subjects may
** hold invalid UTF-8 (PCRE2_MATCH_INVALID_UTF). A compiled pattern is
** cached per statement with sqlite3_set_auxdata(), as SQLite's own
** ext/misc/regexp.c does, and every match runs under a match limit so a
** pathological pattern fails with an error instead of hanging.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "fn.h"
#include "fn_text.h"
#include "fnutil.h"
#include "value.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Backtracking budget of one pcre2_match() call. */
#define KQL_REGEX_MATCH_LIMIT  10000000
#define KQL_REGEX_DEPTH_LIMIT  100000

/* A compiled pattern and its match data, cached per statement. */
typedef struct KqlRegex KqlRegex;
struct KqlRegex {
  char *zPat;                 /* pattern text the code was compiled from */
  int nPat;                   /* its length */
  int eMode;                  /* RX_* wrapping used when compiling */
  pcre2_code *pCode;          /* compiled pattern */
  pcre2_match_data *pMatch;   /* match data sized for pCode */
  pcre2_match_context *pMctx; /* match limits */
  int nGroup;                 /* number of capture groups */
  KqlRegex *pNext;            /* same pattern compiled in another RX_ mode */
};

/* How the user's pattern is wrapped before compiling. */
#define RX_PLAIN     0
#define RX_TRIM_HEAD 1   /* ^(?:re)+     */
#define RX_TRIM_TAIL 2   /* (?:re)+$     */

static void regexFree(void *p){
  KqlRegex *pRe = (KqlRegex*)p;
  while( pRe ){
    KqlRegex *pNext = pRe->pNext;
    pcre2_match_data_free(pRe->pMatch);
    pcre2_match_context_free(pRe->pMctx);
    pcre2_code_free(pRe->pCode);
    sqlite3_free(pRe->zPat);
    sqlite3_free(pRe);
    pRe = pNext;
  }
}

/*
** Kusto's regex syntax (its regex page) has escapes PCRE2 lacks or reads
** differently; rewrite them to PCRE2 spellings: \u{X} \uXXXX \U{X}
** \UXXXXXXXX become \x{...}; outside a class, the word-boundary forms \<
** and \b{start}, \> and \b{end}, \b{start-half} and \b{end-half} become
** lookarounds on \w. Everything else is copied. Returns an sqlite3_malloc'ed
** string (NULL when out of memory).
*/
static int isHex(char c){
  return (c>='0' && c<='9') || (c>='a' && c<='f') || (c>='A' && c<='F');
}
static char *regexTranslate(const char *z, int n){
  sqlite3_str *p = sqlite3_str_new(0);
  int bClass = 0, i = 0;
  while( i<n ){
    char c = z[i];
    if( c=='\\' && i+1<n ){
      char d = z[i+1];
      if( d=='u' || d=='U' ){
        int nHex = d=='u' ? 4 : 8, j = i+2;
        if( j<n && z[j]=='{' ){
          int k = j+1;
          while( k<n && isHex(z[k]) ) k++;
          if( k<n && z[k]=='}' && k>j+1 ){
            sqlite3_str_appendf(p, "\\x{%.*s}", k-j-1, z+j+1);
            i = k+1;
            continue;
          }
        }else{
          int k = j;
          while( k<n && k<j+nHex && isHex(z[k]) ) k++;
          if( k==j+nHex ){
            sqlite3_str_appendf(p, "\\x{%.*s}", nHex, z+j);
            i = k;
            continue;
          }
        }
      }
      if( !bClass ){
        static const struct { const char *zFrom; const char *zTo; } aB[] = {
          {"\\b{start-half}", "(?<!\\w)"}, {"\\b{end-half}", "(?!\\w)"},
          {"\\b{start}", "\\b(?=\\w)"},  {"\\b{end}", "\\b(?<=\\w)"},
          {"\\<", "\\b(?=\\w)"},        {"\\>", "\\b(?<=\\w)"},
        };
        size_t k;
        for(k=0; k<sizeof(aB)/sizeof(aB[0]); k++){
          int nFrom = (int)strlen(aB[k].zFrom);
          if( i+nFrom<=n && memcmp(z+i, aB[k].zFrom, (size_t)nFrom)==0 ){
            sqlite3_str_appendall(p, aB[k].zTo);
            i += nFrom;
            break;
          }
        }
        if( k<sizeof(aB)/sizeof(aB[0]) ) continue;
      }
      sqlite3_str_append(p, z+i, 2);
      i += 2;
      continue;
    }
    if( c=='[' ){
      if( bClass==0 ){
        /* a leading ']' (or '^]') is a literal member, not the end */
        sqlite3_str_appendchar(p, 1, c);
        i++;
        if( i<n && z[i]=='^' ){ sqlite3_str_appendchar(p, 1, '^'); i++; }
        if( i<n && z[i]==']' ){ sqlite3_str_appendchar(p, 1, ']'); i++; }
        bClass = 1;
        continue;
      }
      bClass++;
    }else if( c==']' && bClass>0 ){
      bClass--;
    }
    sqlite3_str_appendchar(p, 1, c);
    i++;
  }
  if( sqlite3_str_errcode(p) ){ sqlite3_free(sqlite3_str_finish(p)); return 0; }
  if( sqlite3_str_length(p)==0 ){ sqlite3_free(sqlite3_str_finish(p)); return sqlite3_mprintf("%s", ""); }
  return sqlite3_str_finish(p);
}

/*
** Compile z[0..n) wrapped as eMode into a new KqlRegex. On a bad pattern,
** reports "<zFunc>(): invalid regular expression ..." and returns NULL.
*/
static KqlRegex *regexCompile(sqlite3_context *ctx, const char *z, int n,
                              int eMode, const char *zFunc){
  int rcComp, nWrapped;
  PCRE2_SIZE iErrOff;
  char *zWrapped;
  KqlRegex *pRe;
  if( (int)strlen(z)!=n ){
    kqlFnError(ctx, zFunc, "invalid regular expression: NUL character in pattern");
    return 0;
  }
  pRe = sqlite3_malloc(sizeof(*pRe));
  if( pRe==0 ){ sqlite3_result_error_nomem(ctx); return 0; }
  memset(pRe, 0, sizeof(*pRe));
  pRe->eMode = eMode;
  pRe->zPat = sqlite3_malloc(n+1);
  if( pRe->zPat==0 ){ regexFree(pRe); sqlite3_result_error_nomem(ctx); return 0; }
  memcpy(pRe->zPat, z, (size_t)n+1);
  pRe->nPat = n;
  {
    char *zRx = regexTranslate(z, n);
    if( zRx==0 ){ regexFree(pRe); sqlite3_result_error_nomem(ctx); return 0; }
    switch( eMode ){
      case RX_TRIM_HEAD: zWrapped = sqlite3_mprintf("^(?:%s)+", zRx); break;
      case RX_TRIM_TAIL: zWrapped = sqlite3_mprintf("(?:%s)+$", zRx); break;
      default:           zWrapped = sqlite3_mprintf("%s", zRx); break;
    }
    sqlite3_free(zRx);
  }
  if( zWrapped==0 ){ regexFree(pRe); sqlite3_result_error_nomem(ctx); return 0; }
  nWrapped = (int)strlen(zWrapped);
  pRe->pCode = pcre2_compile((PCRE2_SPTR)zWrapped, (PCRE2_SIZE)nWrapped,
                             PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY,
                             &rcComp, &iErrOff, 0);
  sqlite3_free(zWrapped);
  if( pRe->pCode==0 ){
    PCRE2_UCHAR zMsg[256];
    pcre2_get_error_message(rcComp, zMsg, sizeof(zMsg));
    kqlFnError(ctx, zFunc, "invalid regular expression \"%.*s\": %s", n, z, (const char*)zMsg);
    regexFree(pRe);
    return 0;
  }
  pcre2_jit_compile(pRe->pCode, PCRE2_JIT_COMPLETE);   /* optional: falls back to the interpreter */
  pRe->pMatch = pcre2_match_data_create_from_pattern(pRe->pCode, 0);
  pRe->pMctx = pcre2_match_context_create(0);
  if( pRe->pMatch==0 || pRe->pMctx==0 ){ regexFree(pRe); sqlite3_result_error_nomem(ctx); return 0; }
  pcre2_set_match_limit(pRe->pMctx, KQL_REGEX_MATCH_LIMIT);
  pcre2_set_depth_limit(pRe->pMctx, KQL_REGEX_DEPTH_LIMIT);
  pcre2_pattern_info(pRe->pCode, PCRE2_INFO_CAPTURECOUNT, &pRe->nGroup);
  return pRe;
}

/*
** The pattern argv[iArg] compiled for this statement: *ppBase receives
** the object that owns every compiled mode of the pattern (the cached one,
** or a new one: then *pbNew is set and the caller must pass it to
** regexKeep() or regexFree() when done). Returns the eMode variant, or
** NULL after reporting an error (a new base is freed in that case).
*/
static KqlRegex *regexGet(sqlite3_context *ctx, sqlite3_value **argv, int iArg,
                          int eMode, const char *zFunc, KqlRegex **ppBase, int *pbNew){
  int n;
  const char *z = kqlFnText(argv[iArg], &n);
  KqlRegex *pBase = (KqlRegex*)sqlite3_get_auxdata(ctx, iArg);
  KqlRegex *pRe;
  *pbNew = 0;
  if( pBase==0 || pBase->nPat!=n || memcmp(pBase->zPat, z, (size_t)n)!=0 ){
    pBase = regexCompile(ctx, z, n, eMode, zFunc);
    if( pBase==0 ) return 0;
    *pbNew = 1;
  }
  *ppBase = pBase;
  for(pRe=pBase; pRe; pRe=pRe->pNext){
    if( pRe->eMode==eMode ) return pRe;
  }
  pRe = regexCompile(ctx, z, n, eMode, zFunc);
  if( pRe==0 ){
    if( *pbNew ) regexFree(pBase);
    return 0;
  }
  pRe->pNext = pBase->pNext;
  pBase->pNext = pRe;
  return pRe;
}

/* Hand a newly compiled pattern (its base) to SQLite's per-statement cache. */
static void regexKeep(sqlite3_context *ctx, int iArg, KqlRegex *pBase, int bNew){
  if( bNew ) sqlite3_set_auxdata(ctx, iArg, pBase, regexFree);
}

/*
** Run pRe on z[0..n) from byte iStart. Returns 1 on a match (offsets in
** pRe->pMatch), 0 on no match, -1 after reporting an error (match limit).
*/
static int regexRun(sqlite3_context *ctx, KqlRegex *pRe, const char *zFunc,
                    const char *z, int n, int iStart, uint32_t opts){
  int rc = pcre2_match(pRe->pCode, (PCRE2_SPTR)z, (PCRE2_SIZE)n, (PCRE2_SIZE)iStart,
                       opts, pRe->pMatch, pRe->pMctx);
  if( rc>=0 ) return 1;
  if( rc==PCRE2_ERROR_NOMATCH ) return 0;
  {
    PCRE2_UCHAR zMsg[256];
    pcre2_get_error_message(rc, zMsg, sizeof(zMsg));
    kqlFnError(ctx, zFunc, "regular expression failed: %s", (const char*)zMsg);
  }
  return -1;
}

/* Byte range of group iGroup after a successful match; -1/-1 when unset. */
static void groupRange(KqlRegex *pRe, int iGroup, int *piB, int *piE){
  PCRE2_SIZE *a = pcre2_get_ovector_pointer(pRe->pMatch);
  if( iGroup<0 || iGroup>pRe->nGroup || a[2*iGroup]==PCRE2_UNSET ){
    *piB = *piE = -1;
  }else{
    *piB = (int)a[2*iGroup];
    *piE = (int)a[2*iGroup+1];
  }
}

/* Byte length of the character starting at z[i] (1 for bad bytes). */
static int charLen(const char *z, int n, int i){
  int j = i;
  if( (unsigned char)z[i]<0x80 ) return 1;
  kqlFnUtf8Next((const unsigned char*)z, n, &j);
  return j - i;
}

/************************** matches regex ************************************/

/* kql_matches(lhs, pattern): 1 when the pattern matches anywhere in lhs. */
static void matchesFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bNew, n, rc;
  const char *z = kqlFnText(argv[0], &n);
  KqlRegex *pBase, *pRe = regexGet(ctx, argv, 1, RX_PLAIN, "matches regex", &pBase, &bNew);
  (void)argc;
  if( pRe==0 ) return;
  rc = regexRun(ctx, pRe, "matches regex", z, n, 0, 0);
  if( rc>=0 ) sqlite3_result_int(ctx, rc);
  if( rc<0 && bNew ){ regexFree(pBase); return; }
  regexKeep(ctx, 1, pBase, bNew);
}

/************************** extract ******************************************/

/*
** Store the text z[0..n) converted to the KQL type named zType ("long",
** "real", "datetime", ...) as the result; NULL when it does not convert.
*/
static void resultTyped(sqlite3_context *ctx, const char *zType, const char *z, int n){
  int eType = kqlTypeFromName(zType, -1);
  char zBuf[80];
  switch( eType ){
    case KQL_T_INT:
    case KQL_T_LONG: {
      char *zEnd;
      long long v;
      if( n==0 || n>=(int)sizeof(zBuf) ) return;
      memcpy(zBuf, z, (size_t)n); zBuf[n] = 0;
      v = strtoll(zBuf, &zEnd, 10);
      if( *zEnd==0 ){
        if( eType==KQL_T_INT && (v<INT32_MIN || v>INT32_MAX) ) return;
        sqlite3_result_int64(ctx, v);
      }else{
        double r = strtod(zBuf, &zEnd);
        if( *zEnd==0 && r>-9.2e18 && r<9.2e18 ) sqlite3_result_int64(ctx, (sqlite3_int64)r);
      }
      return;
    }
    case KQL_T_REAL:
    case KQL_T_DECIMAL: {
      char *zEnd;
      double r;
      if( n==0 || n>=(int)sizeof(zBuf) ) return;
      memcpy(zBuf, z, (size_t)n); zBuf[n] = 0;
      r = strtod(zBuf, &zEnd);
      if( *zEnd==0 ) sqlite3_result_double(ctx, r);
      return;
    }
    case KQL_T_BOOL:
      if( n==4 && sqlite3_strnicmp(z, "true", 4)==0 ) sqlite3_result_int(ctx, 1);
      else if( n==5 && sqlite3_strnicmp(z, "false", 5)==0 ) sqlite3_result_int(ctx, 0);
      else if( n==1 && (z[0]=='0' || z[0]=='1') ) sqlite3_result_int(ctx, z[0]=='1');
      return;
    case KQL_T_DATETIME: {
      int64_t t;
      if( kqlValParseDatetime(z, n, &t)==0 ) sqlite3_result_int64(ctx, t);
      return;
    }
    case KQL_T_TIMESPAN: {
      int64_t t;
      if( kqlValParseTimespan(z, n, &t)==0 ) sqlite3_result_int64(ctx, t);
      return;
    }
    case KQL_T_GUID:
      if( kqlValParseGuid(z, n, zBuf)==0 ) sqlite3_result_text(ctx, zBuf, 36, SQLITE_TRANSIENT);
      return;
    case KQL_T_DYNAMIC: {
      sqlite3_str *p = sqlite3_str_new(0);
      if( kqlFnJsonValid(z, n) ) kqlFnAppendJsonMinified(p, z, n);
      else kqlFnAppendJsonString(p, z, n);
      kqlFnResultStr(ctx, p);
      return;
    }
    default:
      sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
      return;
  }
}

/*
** extract(regex, captureGroup, text [, typeName]): the text of group
** captureGroup (0 = whole match) of the first match; "" when there is no
** match or the group did not participate; with typeName (a KQL type name
** such as "long", from typeof(long)) the text converted to that type, NULL
** when it does not convert.
*/
static void extractFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bNew, n, rc, iB, iE;
  const char *z = kqlFnText(argv[2], &n);
  const char *zType = argc>3 ? kqlFnText(argv[3], 0) : 0;
  sqlite3_int64 iGroup;
  KqlRegex *pBase, *pRe = regexGet(ctx, argv, 0, RX_PLAIN, "extract", &pBase, &bNew);
  if( pRe==0 ) return;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ){ regexKeep(ctx, 0, pBase, bNew); return; }
  iGroup = sqlite3_value_int64(argv[1]);
  if( iGroup<0 || iGroup>pRe->nGroup ){
    kqlFnError(ctx, "extract", "capture group %lld does not exist in \"%s\"",
               (long long)iGroup, pRe->zPat);
    if( bNew ) regexFree(pBase); else regexKeep(ctx, 0, pRe, 0);
    return;
  }
  rc = regexRun(ctx, pRe, "extract", z, n, 0, 0);
  if( rc<0 ){ if( bNew ) regexFree(pBase); return; }
  if( rc==0 ){
    if( zType && *zType && sqlite3_stricmp(zType, "string")!=0 ){
      /* NULL of the requested type */
    }else{
      sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    }
  }else{
    groupRange(pRe, (int)iGroup, &iB, &iE);
    if( iB<0 ){ iB = iE = 0; }
    if( zType && *zType ) resultTyped(ctx, zType, z+iB, iE-iB);
    else sqlite3_result_text(ctx, z+iB, iE-iB, SQLITE_TRANSIENT);
  }
  regexKeep(ctx, 0, pBase, bNew);
}

/* Selected groups for extract_all: numbers, resolved from names if given. */
typedef struct GroupSel GroupSel;
struct GroupSel {
  KqlRegex *pRe;      /* pattern (for name lookup) */
  int aGroup[64];     /* selected group numbers */
  int nGroup;         /* how many */
  int bBad;           /* an unknown group name/number */
};

static int groupSelItem(void *pArg, const char *z, int n, int bString){
  GroupSel *pSel = (GroupSel*)pArg;
  int iGroup;
  if( pSel->nGroup>=64 ){ pSel->bBad = 1; return 1; }
  if( bString ){
    char zName[128];
    if( n>=(int)sizeof(zName) ){ pSel->bBad = 1; return 1; }
    memcpy(zName, z, (size_t)n); zName[n] = 0;
    iGroup = pcre2_substring_number_from_name(pSel->pRe->pCode, (PCRE2_SPTR)zName);
  }else{
    char zNum[24];
    if( n==0 || n>=(int)sizeof(zNum) ){ pSel->bBad = 1; return 1; }
    memcpy(zNum, z, (size_t)n); zNum[n] = 0;
    iGroup = atoi(zNum);
  }
  if( iGroup<0 || iGroup>pSel->pRe->nGroup ){ pSel->bBad = 1; return 1; }
  pSel->aGroup[pSel->nGroup++] = iGroup;
  return 0;
}

/*
** extract_all(regex, text) and extract_all(regex, captureGroups, text):
** a JSON array with one entry per non-overlapping match: the group's text
** when one group is selected, else an array of the selected groups' texts.
** Without captureGroups every group is selected (the whole match when the
** pattern has none). NULL when nothing matches.
*/
static void extractAllFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bNew, n, i = 0, nMatch = 0;
  const char *z = kqlFnText(argv[argc-1], &n);
  KqlRegex *pBase, *pRe = regexGet(ctx, argv, 0, RX_PLAIN, "extract_all", &pBase, &bNew);
  GroupSel sel;
  sqlite3_str *p;
  if( pRe==0 ) return;
  memset(&sel, 0, sizeof(sel));
  sel.pRe = pRe;
  if( argc>2 ){
    int nG;
    const char *zG = kqlFnText(argv[1], &nG);
    if( kqlFnJsonArrayEach(zG, nG, groupSelItem, &sel)<0 || sel.bBad || sel.nGroup==0 ){
      kqlFnError(ctx, "extract_all", "invalid capture groups %.*s for \"%s\"", nG, zG, pRe->zPat);
      if( bNew ) regexFree(pBase);
      return;
    }
  }else if( pRe->nGroup==0 ){
    sel.aGroup[sel.nGroup++] = 0;
  }else{
    for(int g=1; g<=pRe->nGroup && sel.nGroup<64; g++) sel.aGroup[sel.nGroup++] = g;
  }
  p = sqlite3_str_new(0);
  sqlite3_str_appendchar(p, 1, '[');
  while( i<=n ){
    int iB, iE;
    int rc = regexRun(ctx, pRe, "extract_all", z, n, i, 0);
    if( rc<0 ){
      sqlite3_free(sqlite3_str_finish(p));
      if( bNew ) regexFree(pBase);
      return;
    }
    if( rc==0 ) break;
    if( nMatch++ ) sqlite3_str_appendchar(p, 1, ',');
    if( sel.nGroup>1 ) sqlite3_str_appendchar(p, 1, '[');
    for(int g=0; g<sel.nGroup; g++){
      int gB, gE;
      groupRange(pRe, sel.aGroup[g], &gB, &gE);
      if( g ) sqlite3_str_appendchar(p, 1, ',');
      if( gB<0 ) kqlFnAppendJsonString(p, "", 0);
      else kqlFnAppendJsonString(p, z+gB, gE-gB);
    }
    if( sel.nGroup>1 ) sqlite3_str_appendchar(p, 1, ']');
    groupRange(pRe, 0, &iB, &iE);
    if( iE==iB ){
      if( iE>=n ) break;
      i = iE + charLen(z, n, iE);
    }else{
      i = iE;
    }
  }
  sqlite3_str_appendchar(p, 1, ']');
  if( nMatch==0 ){
    sqlite3_free(sqlite3_str_finish(p));
  }else{
    kqlFnResultStr(ctx, p);
  }
  regexKeep(ctx, 0, pBase, bNew);
}

/************************** replace_regex ************************************/

/* Append rewrite zR with \0..\9 replaced by the groups of the last match. */
static void appendRewrite(sqlite3_str *p, KqlRegex *pRe, const char *z,
                          const char *zR, int nR){
  for(int i=0; i<nR; i++){
    if( zR[i]=='\\' && i+1<nR && zR[i+1]>='0' && zR[i+1]<='9' ){
      int iB, iE;
      groupRange(pRe, zR[i+1]-'0', &iB, &iE);
      if( iB>=0 ) sqlite3_str_append(p, z+iB, iE-iB);
      i++;
    }else if( zR[i]=='\\' && i+1<nR && zR[i+1]=='\\' ){
      sqlite3_str_appendchar(p, 1, '\\');
      i++;
    }else{
      sqlite3_str_appendchar(p, 1, zR[i]);
    }
  }
}

/*
** replace_regex(text, regex, rewrite) (user data 0) and the deprecated
** replace(regex, rewrite, text) (user data 1): every non-overlapping match
** replaced by rewrite, where \1..\9 insert groups and \0 the whole match.
*/
static void replaceRegexFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bOld = (int)(intptr_t)sqlite3_user_data(ctx);
  int iText = bOld ? 2 : 0, iRe = bOld ? 0 : 1, iRw = bOld ? 1 : 2;
  const char *zFunc = bOld ? "replace" : "replace_regex";
  int bNew, n, nR, i = 0, iCopy = 0;
  const char *z = kqlFnText(argv[iText], &n);
  const char *zR = kqlFnText(argv[iRw], &nR);
  KqlRegex *pBase, *pRe = regexGet(ctx, argv, iRe, RX_PLAIN, zFunc, &pBase, &bNew);
  sqlite3_str *p;
  (void)argc;
  if( pRe==0 ) return;
  p = sqlite3_str_new(0);
  while( i<=n ){
    int iB, iE;
    int rc = regexRun(ctx, pRe, zFunc, z, n, i, 0);
    if( rc<0 ){
      sqlite3_free(sqlite3_str_finish(p));
      if( bNew ) regexFree(pBase);
      return;
    }
    if( rc==0 ) break;
    groupRange(pRe, 0, &iB, &iE);
    sqlite3_str_append(p, z+iCopy, iB-iCopy);
    appendRewrite(p, pRe, z, zR, nR);
    iCopy = iE;
    if( iE==iB ){
      if( iE>=n ) break;
      i = iE + charLen(z, n, iE);
      sqlite3_str_append(p, z+iE, i-iE);
      iCopy = i;
    }else{
      i = iE;
    }
  }
  if( iCopy<n ) sqlite3_str_append(p, z+iCopy, n-iCopy);
  kqlFnResultStr(ctx, p);
  regexKeep(ctx, iRe, pBase, bNew);
}

/************************** trim *********************************************/

/* Which ends trimFunc strips (user data). */
#define TRIM_HEAD 1
#define TRIM_TAIL 2

/*
** trim(regex, text), trim_start(regex, text), trim_end(regex, text):
** remove all leading and/or trailing matches of regex.
*/
static void trimFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eEnds = (int)(intptr_t)sqlite3_user_data(ctx);
  const char *zFunc = eEnds==TRIM_HEAD ? "trim_start" : eEnds==TRIM_TAIL ? "trim_end" : "trim";
  int n, iB = 0, iE, bNew = 0, mB, mE, rc;
  const char *z = kqlFnText(argv[1], &n);
  KqlRegex *pBase = 0, *pRe;
  (void)argc;
  iE = n;
  if( eEnds & TRIM_HEAD ){
    pRe = regexGet(ctx, argv, 0, RX_TRIM_HEAD, zFunc, &pBase, &bNew);
    if( pRe==0 ) return;
    rc = regexRun(ctx, pRe, zFunc, z, n, 0, 0);
    if( rc<0 ){ if( bNew ) regexFree(pBase); return; }
    if( rc>0 ){ groupRange(pRe, 0, &mB, &mE); iB = mE; }
  }
  if( eEnds & TRIM_TAIL ){
    if( pBase ){
      /* the head pattern's base owns the tail variant too */
      for(pRe=pBase; pRe && pRe->eMode!=RX_TRIM_TAIL; pRe=pRe->pNext){}
      if( pRe==0 ){
        int nPat;
        const char *zPat = kqlFnText(argv[0], &nPat);
        pRe = regexCompile(ctx, zPat, nPat, RX_TRIM_TAIL, zFunc);
        if( pRe==0 ){ if( bNew ) regexFree(pBase); return; }
        pRe->pNext = pBase->pNext;
        pBase->pNext = pRe;
      }
    }else{
      pRe = regexGet(ctx, argv, 0, RX_TRIM_TAIL, zFunc, &pBase, &bNew);
      if( pRe==0 ) return;
    }
    rc = regexRun(ctx, pRe, zFunc, z, n, iB, 0);
    if( rc<0 ){ if( bNew ) regexFree(pBase); return; }
    if( rc>0 ){ groupRange(pRe, 0, &mB, &mE); if( mB>=iB ) iE = mB; }
  }
  sqlite3_result_text(ctx, z+iB, iE-iB, SQLITE_TRANSIENT);
  regexKeep(ctx, 0, pBase, bNew);
}

/************************** countof ******************************************/

/*
** countof(source, search [, kind]): kind "normal" (default) counts
** possibly overlapping plain occurrences; "regex" counts non-overlapping
** regex matches.
*/
static void countofFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nS;
  const char *z = kqlFnText(argv[0], &n);
  const char *zS = kqlFnText(argv[1], &nS);
  const char *zKind = argc>2 ? kqlFnText(argv[2], 0) : "normal";
  sqlite3_int64 nCount = 0;
  if( sqlite3_stricmp(zKind, "regex")==0 ){
    int bNew, i = 0;
    KqlRegex *pBase, *pRe = regexGet(ctx, argv, 1, RX_PLAIN, "countof", &pBase, &bNew);
    if( pRe==0 ) return;
    while( i<=n ){
      int iB, iE;
      int rc = regexRun(ctx, pRe, "countof", z, n, i, 0);
      if( rc<0 ){ if( bNew ) regexFree(pBase); return; }
      if( rc==0 ) break;
      nCount++;
      groupRange(pRe, 0, &iB, &iE);
      if( iE==iB ){
        if( iE>=n ) break;
        i = iE + charLen(z, n, iE);
      }else{
        i = iE;
      }
    }
    regexKeep(ctx, 1, pBase, bNew);
  }else if( sqlite3_stricmp(zKind, "normal")==0 ){
    if( nS>0 ){
      for(int i=0; i+nS<=n; ){
        const char *zHit = memmem(z+i, (size_t)(n-i), zS, (size_t)nS);
        if( zHit==0 ) break;
        nCount++;
        i = (int)(zHit - z) + 1;
      }
    }
  }else{
    kqlFnError(ctx, "countof", "kind must be \"normal\" or \"regex\", not \"%s\"", zKind);
    return;
  }
  sqlite3_result_int64(ctx, nCount);
}

/************************** regex_quote **************************************/

/*
** regex_quote(s): s with the regex metacharacters escaped as .NET's
** Regex.Escape does (\ * + ? | { [ ( ) ^ $ . # and white space).
*/
static void regexQuoteFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z = kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  for(int i=0; i<n; i++){
    char c = z[i];
    switch( c ){
      case '\\': case '*': case '+': case '?': case '|': case '{': case '[':
      case '(': case ')': case '^': case '$': case '.': case '#': case ' ':
        sqlite3_str_appendchar(p, 1, '\\');
        sqlite3_str_appendchar(p, 1, c);
        break;
      case '\t': sqlite3_str_append(p, "\\t", 2); break;
      case '\n': sqlite3_str_append(p, "\\n", 2); break;
      case '\r': sqlite3_str_append(p, "\\r", 2); break;
      case '\f': sqlite3_str_append(p, "\\f", 2); break;
      default:   sqlite3_str_appendchar(p, 1, c); break;
    }
  }
  kqlFnResultStr(ctx, p);
}

static const FnDef aRegexFn[] = {
  {"kql_matches",        2, 0,          matchesFunc},
  {"kql_extract",        3, 0,          extractFunc},
  {"kql_extract",        4, 0,          extractFunc},
  {"kql_extract_all",    2, 0,          extractAllFunc},
  {"kql_extract_all",    3, 0,          extractAllFunc},
  {"kql_replace_regex",  3, 0,          replaceRegexFunc},
  {"kql_replace",        3, 1,          replaceRegexFunc},
  {"kql_trim",           2, TRIM_HEAD|TRIM_TAIL, trimFunc},
  {"kql_trim_start",     2, TRIM_HEAD,  trimFunc},
  {"kql_trim_end",       2, TRIM_TAIL,  trimFunc},
  {"kql_countof",        2, 0,          countofFunc},
  {"kql_countof",        3, 0,          countofFunc},
  {"kql_regex_quote",    1, 0,          regexQuoteFunc},
};

/*
** Register the regex functions (fn.h).
*/
int kqlFnRegisterRegex(sqlite3 *db){
  return kqlFnRegisterTable(db, aRegexFn, (int)(sizeof(aRegexFn)/sizeof(aRegexFn[0])));
}
