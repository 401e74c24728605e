/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Dynamic-value helpers: dynamic_to_json(v) (canonical JSON text, bag keys
** sorted ordinally at every level), treepath(v) (the path expressions of a
** value's members: ['key'] for bag members, [0] standing for every array
** element, each path once, in order of first appearance), set_equals(a, b)
** (same distinct elements) and estimate_data_size(v1, ...) (bytes by
** type: 1 bool, 4 int, 8 long/real/datetime/timespan, 16 decimal/guid,
** the UTF-8 length of strings and of dynamic JSON text; nulls count 0),
** rank_tdigest(td, v) and percentrank_tdigest(td, v).
*/
#include "fn.h"
#include "fn_misc.h"
#include "fn_json.h"
#include "fn_hashset.h"
#include "fn_text.h"
#include "fnutil.h"
#include "types.h"
#include <stdlib.h>
#include <string.h>

/* First non-blank character of z[0..n), or 0. */
static char firstChar(const char *z, int n){
  for(int i=0; i<n; i++){
    if( z[i]!=' ' && z[i]!='\t' && z[i]!='\n' && z[i]!='\r' ) return z[i];
  }
  return 0;
}

/*********************************** dynamic_to_json ***********************************/

/* One bag member while sorting. */
typedef struct SortMember SortMember;
struct SortMember {
  const char *zKey; int nKey;   /* key literal, with quotes */
  const char *zVal; int nVal;   /* value text */
  char *zName; int nName;       /* unescaped key (sqlite3_malloc) */
};

static int cmpMember(const void *pA, const void *pB){
  const SortMember *a = (const SortMember*)pA, *b = (const SortMember*)pB;
  int n = a->nName < b->nName ? a->nName : b->nName;
  int c = memcmp(a->zName ? a->zName : "", b->zName ? b->zName : "", (size_t)n);
  if( c ) return c;
  if( a->nName != b->nName ) return a->nName < b->nName ? -1 : 1;
  return a < b ? -1 : a > b;     /* stable for duplicate keys */
}

/*
** Append the well-formed JSON z[0..n) to p compactly with the members of
** every bag sorted by key. Returns SQLITE_OK or SQLITE_NOMEM.
*/
static int appendSorted(sqlite3_str *p, const char *z, int n, int nDepth){
  KqlJsonIter it;
  char c = firstChar(z, n);
  if( (c!='{' && c!='[') || nDepth>KQL_JSON_MAX_DEPTH ){
    kqlJsonAppendCanonical(p, z, n);
    return SQLITE_OK;
  }
  kqlJsonIterStart(&it, z, n);
  if( c=='[' ){
    const char *zV; int nV, k = 0, rc;
    sqlite3_str_append(p, "[", 1);
    while( kqlJsonIterNext(&it, 0, 0, &zV, &nV)==1 ){
      if( k++ ) sqlite3_str_append(p, ",", 1);
      rc = appendSorted(p, zV, nV, nDepth+1);
      if( rc ) return rc;
    }
    sqlite3_str_append(p, "]", 1);
    return SQLITE_OK;
  }else{
    SortMember *a = 0;
    int nA = 0, nAlloc = 0, rc = SQLITE_OK;
    const char *zK, *zV; int nK, nV;
    while( kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
      sqlite3_str *pName;
      if( nA==nAlloc ){
        int nNew = nAlloc ? nAlloc*2 : 8;
        SortMember *aNew = sqlite3_realloc64(a, sizeof(SortMember)*(size_t)nNew);
        if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
        a = aNew; nAlloc = nNew;
      }
      pName = sqlite3_str_new(0);
      kqlFnJsonUnquote(pName, zK, nK);
      a[nA].zKey = zK; a[nA].nKey = nK;
      a[nA].zVal = zV; a[nA].nVal = nV;
      a[nA].nName = sqlite3_str_length(pName);
      a[nA].zName = sqlite3_str_finish(pName);
      if( a[nA].nName && a[nA].zName==0 ){ rc = SQLITE_NOMEM; break; }
      nA++;
    }
    if( rc==SQLITE_OK ){
      if( nA>1 ) qsort(a, (size_t)nA, sizeof(SortMember), cmpMember);
      sqlite3_str_append(p, "{", 1);
      for(int i=0; i<nA && rc==SQLITE_OK; i++){
        if( i ) sqlite3_str_append(p, ",", 1);
        kqlJsonAppendCanonical(p, a[i].zKey, a[i].nKey);
        sqlite3_str_append(p, ":", 1);
        rc = appendSorted(p, a[i].zVal, a[i].nVal, nDepth+1);
      }
      sqlite3_str_append(p, "}", 1);
    }
    for(int i=0; i<nA; i++) sqlite3_free(a[i].zName);
    sqlite3_free(a);
    return rc;
  }
}

/*
** kql_dynamic_to_json(tags, v): for a dynamic v its JSON with bags sorted
** by key (a string value stays quoted); for any other type tostring(v).
** Null of any type gives "".
*/
static void dynToJsonFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eType = kqlFnTagType(argv[0], 0);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  if( eType==KQL_T_DYNAMIC && sqlite3_value_type(argv[1])==SQLITE_TEXT ){
    int n;
    const char *z = kqlFnText(argv[1], &n);
    if( kqlFnJsonValid(z, n) ){
      if( appendSorted(p, z, n, 0)!=SQLITE_OK ){
        sqlite3_free(sqlite3_str_finish(p));
        sqlite3_result_error_nomem(ctx);
        return;
      }
      kqlFnResultStr(ctx, p);
      return;
    }
  }
  if( eType==KQL_T_DYNAMIC && sqlite3_value_type(argv[1])==SQLITE_NULL ){
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  if( eType==KQL_T_DYNAMIC ) kqlFnAppendJsonValue(p, eType, argv[1]);
  else kqlFnAppendText(p, kqlFnEffectiveType(eType, argv[1]), argv[1]);
  kqlFnResultStr(ctx, p);
}

/*********************************** treepath ***********************************/

/* State of one treepath() walk. */
typedef struct TreeWalk TreeWalk;
struct TreeWalk {
  sqlite3_str *pOut;    /* the JSON array being built */
  KqlHset seen;         /* paths already emitted */
  int nOut;             /* paths emitted */
  int rc;               /* SQLITE_OK or SQLITE_NOMEM */
};

/* Emit path z[0..n) once. */
static void emitPath(TreeWalk *pW, const char *z, int n){
  int r = kqlHsetAdd(&pW->seen, z, n);
  if( r<0 ){ pW->rc = SQLITE_NOMEM; return; }
  if( r==0 ) return;
  if( pW->nOut++ ) sqlite3_str_append(pW->pOut, ",", 1);
  kqlFnAppendJsonString(pW->pOut, z, n);
}

/* Walk the members of JSON z[0..n) below path zPath[0..nPath). */
static void walkTree(TreeWalk *pW, const char *z, int n, const char *zPath, int nPath, int nDepth){
  KqlJsonIter it;
  char c = firstChar(z, n);
  const char *zK, *zV; int nK, nV;
  if( (c!='{' && c!='[') || nDepth>KQL_JSON_MAX_DEPTH || pW->rc ) return;
  kqlJsonIterStart(&it, z, n);
  if( c=='[' ){
    char *zSub = sqlite3_mprintf("%.*s[0]", nPath, zPath);
    int bAny = 0;
    if( zSub==0 ){ pW->rc = SQLITE_NOMEM; return; }
    while( pW->rc==SQLITE_OK && kqlJsonIterNext(&it, 0, 0, &zV, &nV)==1 ){
      if( !bAny ){ emitPath(pW, zSub, nPath+3); bAny = 1; }
      walkTree(pW, zV, nV, zSub, nPath+3, nDepth+1);
    }
    sqlite3_free(zSub);
    return;
  }
  while( pW->rc==SQLITE_OK && kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
    sqlite3_str *pS = sqlite3_str_new(0), *pK = sqlite3_str_new(0);
    const char *zName;
    int nName, nSub;
    char *zSub;
    kqlFnJsonUnquote(pK, zK, nK);
    zName = sqlite3_str_value(pK);
    nName = sqlite3_str_length(pK);
    sqlite3_str_append(pS, zPath, nPath);
    sqlite3_str_append(pS, "['", 2);
    for(int i=0; i<nName; i++){
      if( zName[i]=='\'' || zName[i]=='\\' ) sqlite3_str_append(pS, "\\", 1);
      sqlite3_str_append(pS, &zName[i], 1);
    }
    sqlite3_str_append(pS, "']", 2);
    nSub = sqlite3_str_length(pS);
    zSub = sqlite3_str_finish(pS);
    if( sqlite3_str_errcode(pK) || zSub==0 ) pW->rc = SQLITE_NOMEM;
    sqlite3_free(sqlite3_str_finish(pK));
    if( pW->rc ){ sqlite3_free(zSub); return; }
    emitPath(pW, zSub, nSub);
    walkTree(pW, zV, nV, zSub, nSub, nDepth+1);
    sqlite3_free(zSub);
  }
}

/* kql_treepath(v): JSON array of the path expressions of v's members. */
static void treepathFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  TreeWalk w;
  int n;
  const char *z;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  memset(&w, 0, sizeof(w));
  w.pOut = sqlite3_str_new(0);
  sqlite3_str_append(w.pOut, "[", 1);
  if( kqlFnJsonValid(z, n) ) walkTree(&w, z, n, "", 0, 0);
  sqlite3_str_append(w.pOut, "]", 1);
  kqlHsetClear(&w.seen);
  if( w.rc ){
    sqlite3_free(sqlite3_str_finish(w.pOut));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kqlFnResultStr(ctx, w.pOut);
}

/*********************************** set_equals ***********************************/

/*
** Add the canonical text of every element of the JSON array z[0..n) to
** pSet. Returns 0, 1 when z is not an array, SQLITE_NOMEM.
*/
static int addElements(KqlHset *pSet, const char *z, int n){
  KqlJsonIter it;
  const char *zV; int nV, r;
  if( firstChar(z, n)!='[' || !kqlFnJsonValid(z, n) ) return 1;
  kqlJsonIterStart(&it, z, n);
  while( (r = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    sqlite3_str *p = sqlite3_str_new(0);
    char *zC;
    int nC;
    kqlJsonAppendCanonical(p, zV, nV);
    nC = sqlite3_str_length(p);
    zC = sqlite3_str_finish(p);
    if( zC==0 || kqlHsetAdd(pSet, zC, nC)<0 ){ sqlite3_free(zC); return SQLITE_NOMEM; }
    sqlite3_free(zC);
  }
  return r<0 ? 1 : 0;
}

/* kql_set_equals(a, b): 1 when arrays a and b hold the same distinct
** values; NULL when either is not an array. */
static void setEqualsFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlHset a, b;
  int nA, nB, rc;
  const char *zA, *zB;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  zA = kqlFnText(argv[0], &nA);
  zB = kqlFnText(argv[1], &nB);
  memset(&a, 0, sizeof(a));
  memset(&b, 0, sizeof(b));
  rc = addElements(&a, zA, nA);
  if( rc==0 ) rc = addElements(&b, zB, nB);
  if( rc==0 ){
    int bEq = kqlHsetCount(&a)==kqlHsetCount(&b);
    for(int i=0; bEq && i<a.nSlot; i++){
      const char *z; int n;
      if( kqlHsetSlot(&a, i, &z, &n) && !kqlHsetHas(&b, z, n) ) bEq = 0;
    }
    sqlite3_result_int(ctx, bEq);
  }else if( rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }
  kqlHsetClear(&a);
  kqlHsetClear(&b);
}

/*********************************** estimate_data_size ***********************************/

/* kql_estimate_data_size(tags, v1, ...): estimated bytes of the values. */
static void estimateSizeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_int64 nTotal = 0;
  for(int i=1; i<argc; i++){
    int e = sqlite3_value_type(argv[i]);
    int eType = kqlFnEffectiveType(kqlFnTagType(argv[0], i-1), argv[i]);
    if( e==SQLITE_NULL ) continue;
    switch( eType ){
      case KQL_T_BOOL:    nTotal += 1; break;
      case KQL_T_INT:     nTotal += 4; break;
      case KQL_T_DECIMAL:
      case KQL_T_GUID:    nTotal += 16; break;
      case KQL_T_STRING:
      case KQL_T_DYNAMIC: nTotal += sqlite3_value_bytes(argv[i]); break;
      default:            nTotal += 8; break;
    }
  }
  sqlite3_result_int64(ctx, nTotal);
}

/*********************************** rank_tdigest ***********************************/

/*
** kql_rank_tdigest(td, v) (user data 0): the total weight of the values
** of tdigest td (kqlite's exact form: a JSON array of [value, weight]
** pairs, fn_aggdyn.c) that are <= v; kql_percentrank_tdigest(td, v)
** (user data 1): that weight as a percentage of the whole. NULL when td
** is not such an array or either argument is NULL.
*/
static void rankTdigestFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bPercent = (int)(intptr_t)sqlite3_user_data(ctx);
  KqlJsonIter it;
  const char *z, *zE; int n, nE, r;
  double x, rBelow = 0, rTotal = 0;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  if( firstChar(z, n)!='[' || !kqlFnJsonValid(z, n) ) return;
  x = kqlFnReal(argv[1]);
  kqlJsonIterStart(&it, z, n);
  while( (r = kqlJsonIterNext(&it, 0, 0, &zE, &nE))==1 ){
    KqlJsonIter itPair;
    const char *zV, *zW; int nV, nW, bInt;
    double v, w;
    int64_t iIgnore;
    if( kqlJsonIterStart(&itPair, zE, nE)!=KQL_JSON_ARRAY ) continue;
    if( kqlJsonIterNext(&itPair, 0, 0, &zV, &nV)!=1 || kqlJsonIterNext(&itPair, 0, 0, &zW, &nW)!=1 ) continue;
    if( zV[0]=='"' || !kqlJsonNumber(zV, nV, &v, &bInt, &iIgnore) ) continue;
    if( !kqlJsonNumber(zW, nW, &w, &bInt, &iIgnore) || !(w>0) ) continue;
    rTotal += w;
    if( v<=x ) rBelow += w;
  }
  if( r<0 || rTotal<=0 ) return;
  sqlite3_result_double(ctx, bPercent ? rBelow*100.0/rTotal : rBelow);
}

static const FnDef aDynFn[] = {
  {"kql_dynamic_to_json",     2, 0, dynToJsonFunc},
  {"kql_treepath",            1, 0, treepathFunc},
  {"kql_set_equals",          2, 0, setEqualsFunc},
  {"kql_estimate_data_size", -1, 0, estimateSizeFunc},
  {"kql_rank_tdigest",        2, 0, rankTdigestFunc},
  {"kql_percentrank_tdigest", 2, 1, rankTdigestFunc},
};

/* kqlMiscRegisterDyn(): contract in fn_misc.h. */
int kqlMiscRegisterDyn(sqlite3 *db){
  return kqlFnRegisterTable(db, aDynFn, (int)(sizeof(aDynFn)/sizeof(aDynFn[0])));
}
