/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL built-ins of the dynamic group that work on arrays, as SQLite
** functions: member access for the binder (kql_dyn_get), array_length,
** array_concat, array_slice, array_reverse, array_sort_asc/desc,
** array_index_of, set_has_element, array_sum, array_iff, array_split,
** array_rotate_*, array_shift_*, zip, repeat and range. Dynamic values are
** JSON text; results are compact JSON (no white space, as Kusto prints
** them). An argument that should be an array but is not gives NULL. The bag,
** set and pack functions are in fn_dynbag.c and registered from here.
*/
#include "fn.h"
#include "fn_dynint.h"
#include "fnutil.h"
#include "types.h"
#include "value.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Largest array range() and repeat() build (Kusto's limit, 2^20). */
#define KQL_MAX_GEN 1048576

/******************************* shared helpers *******************************/

/* kqlDynLoadArray(): contract in fn_dynint.h. */
int kqlDynLoadArray(sqlite3_value *pVal, KqlElems *p){
  KqlJsonIter it;
  const char *z, *zV;
  int n, nV, rc;
  memset(p, 0, sizeof(*p));
  if( sqlite3_value_type(pVal)!=SQLITE_TEXT ) return 0;
  z = (const char*)sqlite3_value_text(pVal);
  n = sqlite3_value_bytes(pVal);
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_ARRAY ) return 0;
  while( (rc = kqlJsonIterNext(&it, 0, 0, &zV, &nV))==1 ){
    if( p->n>=p->nAlloc ){
      int nNew = p->nAlloc ? p->nAlloc*2 : 16;
      const char **az = sqlite3_realloc64(p->az, sizeof(char*)*(sqlite3_uint64)nNew);
      int *an;
      if( az==0 ){ kqlDynElemsFree(p); return -1; }
      p->az = az;
      an = sqlite3_realloc64(p->an, sizeof(int)*(sqlite3_uint64)nNew);
      if( an==0 ){ kqlDynElemsFree(p); return -1; }
      p->an = an;
      p->nAlloc = nNew;
    }
    p->az[p->n] = zV;
    p->an[p->n] = nV;
    p->n++;
  }
  if( rc<0 ){
    kqlDynElemsFree(p);
    return 0;
  }
  /* Only white space may follow the array. */
  for(int i=it.i; i<n; i++){
    if( !strchr(" \t\r\n", z[i]) ){ kqlDynElemsFree(p); return 0; }
  }
  return 1;
}

/* kqlDynElemsFree(): contract in fn_dynint.h. */
void kqlDynElemsFree(KqlElems *p){
  sqlite3_free(p->az);
  sqlite3_free(p->an);
  memset(p, 0, sizeof(*p));
}

/* kqlDynAppendValue(): contract in fn_dynint.h. */
void kqlDynAppendValue(sqlite3_str *p, int eType, sqlite3_value *pVal){
  eType = kqlFnEffectiveType(eType, pVal);
  if( eType==KQL_T_DYNAMIC && sqlite3_value_type(pVal)==SQLITE_TEXT ){
    const char *z = (const char*)sqlite3_value_text(pVal);
    int n = sqlite3_value_bytes(pVal);
    if( kqlJsonKind(z, n)!=KQL_JSON_BAD ){
      kqlJsonAppendCanonical(p, z, n);
      return;
    }
  }
  kqlFnAppendJsonValue(p, eType, pVal);
}

/* Load argument pVal as an array; on 0 (not an array) the caller returns
** NULL; on -1 this reports out-of-memory. */
static int loadArg(sqlite3_context *ctx, sqlite3_value *pVal, KqlElems *p){
  int rc = kqlDynLoadArray(pVal, p);
  if( rc<0 ) sqlite3_result_error_nomem(ctx);
  return rc;
}

/* Append the elements a->az[i] for i in [iFrom, iTo) to p, comma separated;
** bComma: whether an element was already written before. */
static void appendRange(sqlite3_str *p, const KqlElems *a, int iFrom, int iTo, int bComma){
  for(int i=iFrom; i<iTo; i++){
    if( bComma ) sqlite3_str_appendchar(p, 1, ',');
    kqlJsonAppendCanonical(p, a->az[i], a->an[i]);
    bComma = 1;
  }
}

/* New string for a result. */
static sqlite3_str *newStr(sqlite3_context *ctx){
  return sqlite3_str_new(sqlite3_context_db_handle(ctx));
}

/*
** Append real r as Kusto's dynamic prints it (see fn_dynint.h). Same rule
** as fnutil.c's kqlFnAppendJsonValue for reals, which fnutil.h does not
** export on its own.
*/
void kqlDynAppendReal(sqlite3_str *p, double r){
  char zBuf[48];
  int n = kqlValFormatReal(r, zBuf);
  if( zBuf[0]=='N' || zBuf[n-1]=='y' ){
    kqlFnAppendJsonString(p, zBuf, n);
    return;
  }
  sqlite3_str_append(p, zBuf, n);
  if( strchr(zBuf, '.')==0 && strchr(zBuf, 'E')==0 ) sqlite3_str_append(p, ".0", 2);
}

/* 1 when element text z[0..n) is JSON null. */
static int isJsonNull(const char *z, int n){
  return n==4 && memcmp(z, "null", 4)==0;
}

/****************************** member access ******************************/

/*
** kql_dyn_get(json, key): the member for x.key / x["key"] (key TEXT) or
** the element x[i] (key INTEGER; negative counts from the end) as compact
** JSON text. NULL when absent, when json is not a bag/array, or when the
** value is JSON null.
*/
static void fnDynGet(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const char *z = 0, *zV = 0, *zK;
  int n, nV = 0, nK, eKey = sqlite3_value_type(argv[1]);
  (void)argc;
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT ) return;
  z = (const char*)sqlite3_value_text(argv[0]);
  n = sqlite3_value_bytes(argv[0]);
  if( eKey==SQLITE_INTEGER || eKey==SQLITE_FLOAT ){
    KqlElems a;
    int64_t i;
    if( eKey==SQLITE_FLOAT ){
      double r = kqlFnReal(argv[1]);
      if( r!=floor(r) || !(r>-1e15 && r<1e15) ) return;
      i = (int64_t)r;
    }else{
      i = sqlite3_value_int64(argv[1]);
    }
    if( loadArg(ctx, argv[0], &a)<=0 ) return;
    if( i<0 ) i += a.n;
    if( i>=0 && i<a.n ){ zV = a.az[i]; nV = a.an[i]; }
    kqlDynElemsFree(&a);
  }else if( eKey==SQLITE_TEXT ){
    KqlJsonIter it;
    const char *zKey = (const char*)sqlite3_value_text(argv[1]);
    int nKey = sqlite3_value_bytes(argv[1]), rc;
    const char *zMatch = 0;
    int nMatch = 0;
    if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_OBJECT ) return;
    while( (rc = kqlJsonIterNext(&it, &zK, &nK, &zV, &nV))==1 ){
      if( zMatch==0 && kqlJsonKeyIs(zK, nK, zKey, nKey) ){ zMatch = zV; nMatch = nV; }
    }
    if( rc<0 ) return;
    zV = zMatch; nV = nMatch;
  }
  if( zV==0 || isJsonNull(zV, nV) ) return;
  {
    sqlite3_str *p = newStr(ctx);
    kqlJsonAppendCanonical(p, zV, nV);
    kqlFnResultStr(ctx, p);
  }
}

/******************************** array basics ********************************/

/* kql_array_length(a): number of elements; NULL when a is not an array. */
static void fnArrayLength(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a;
  (void)argc;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  sqlite3_result_int64(ctx, a.n);
  kqlDynElemsFree(&a);
}

/* kql_array_concat(a1, a2, ...): NULL when any argument is not an array. */
static void fnArrayConcat(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *p;
  int bComma = 0;
  for(int i=0; i<argc; i++){
    if( kqlJsonKind((const char*)sqlite3_value_text(argv[i]), sqlite3_value_bytes(argv[i]))!=KQL_JSON_ARRAY
     || sqlite3_value_type(argv[i])!=SQLITE_TEXT ) return;
  }
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<argc; i++){
    KqlElems a;
    if( loadArg(ctx, argv[i], &a)<0 ){ sqlite3_free(sqlite3_str_finish(p)); return; }
    appendRange(p, &a, 0, a.n, bComma);
    if( a.n ) bComma = 1;
    kqlDynElemsFree(&a);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/* Write a[iFrom..iTo) as an array result. */
static void resultSlice(sqlite3_context *ctx, const KqlElems *a, int iFrom, int iTo){
  sqlite3_str *p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  if( iFrom<iTo ) appendRange(p, a, iFrom, iTo, 0);
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/*
** kql_array_slice(a, start, end): elements start..end inclusive; negative
** indices count from the end; out-of-range parts are ignored.
*/
static void fnArraySlice(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a;
  int64_t s, e;
  (void)argc;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL || sqlite3_value_type(argv[2])==SQLITE_NULL ) return;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  s = sqlite3_value_int64(argv[1]);
  e = sqlite3_value_int64(argv[2]);
  if( s<0 ) s += a.n;
  if( e<0 ) e += a.n;
  if( s<0 ) s = 0;
  if( s>a.n ) s = a.n;
  if( e>=a.n ) e = a.n - 1;
  resultSlice(ctx, &a, (int)s, e<s ? (int)s : (int)e + 1);
  kqlDynElemsFree(&a);
}

/* kql_array_reverse(a). */
static void fnArrayReverse(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a;
  sqlite3_str *p;
  (void)argc;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=a.n-1; i>=0; i--){
    if( i<a.n-1 ) sqlite3_str_appendchar(p, 1, ',');
    kqlJsonAppendCanonical(p, a.az[i], a.an[i]);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  kqlDynElemsFree(&a);
}

/******************************** sorting ********************************/

typedef struct SortCtx SortCtx;
struct SortCtx {
  const KqlElems *pA;   /* the array that gives the order */
  int bDesc;            /* descending */
  int bNullsLast;       /* nulls after all other values */
};

/* Order of elements i and j; ties keep the original order. */
static int sortCmp(const SortCtx *s, int i, int j){
  const KqlElems *a = s->pA;
  int bNi = isJsonNull(a->az[i], a->an[i]), bNj = isJsonNull(a->az[j], a->an[j]), c;
  if( bNi || bNj ){
    c = bNi - bNj;
    if( !s->bNullsLast ) c = -c;
  }else{
    c = kqlJsonCompare(a->az[i], a->an[i], a->az[j], a->an[j]);
    if( s->bDesc ) c = -c;
  }
  return c ? c : i - j;
}

/* Stable merge sort of the index array ai[0..n) using aTmp as scratch. */
static void mergeSort(const SortCtx *s, int *ai, int *aTmp, int n){
  int m;
  if( n<2 ) return;
  m = n/2;
  mergeSort(s, ai, aTmp, m);
  mergeSort(s, ai+m, aTmp, n-m);
  {
    int i = 0, j = m, k = 0;
    while( i<m && j<n ) aTmp[k++] = sortCmp(s, ai[i], ai[j])<=0 ? ai[i++] : ai[j++];
    while( i<m ) aTmp[k++] = ai[i++];
    while( j<n ) aTmp[k++] = ai[j++];
    memcpy(ai, aTmp, sizeof(int)*(size_t)n);
  }
}

/*
** kql_array_sort_asc(a1 [, a2, ...] [, nulls_last]) and _desc: a1 sorted
** (the KQL call's first output). kql_array_sort_asc_nth(i, a1, ...) and
** _desc_nth: array i (0-based) reordered the way a1 sorts, NULL when its
** length differs from a1's. A trailing non-text argument is nulls_last
** (default true). User data: 1 for descending, +2 for the _nth form.
*/
static void fnArraySort(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  SortCtx s;
  KqlElems a, b;
  int iOut = 0, nArr, *ai, *aTmp;
  sqlite3_str *p;
  s.bDesc = iMode & 1;
  s.bNullsLast = 1;
  if( iMode & 2 ){
    if( argc<2 || sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
    iOut = sqlite3_value_int(argv[0]);
    argv++; argc--;
  }
  nArr = argc;
  if( argc>1 && sqlite3_value_type(argv[argc-1])!=SQLITE_TEXT ){
    if( sqlite3_value_type(argv[argc-1])!=SQLITE_NULL ) s.bNullsLast = sqlite3_value_int(argv[argc-1])!=0;
    nArr--;
  }
  if( iOut<0 || iOut>=nArr ) return;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  memset(&b, 0, sizeof(b));
  if( iOut>0 ){
    if( loadArg(ctx, argv[iOut], &b)<=0 || b.n!=a.n ){
      kqlDynElemsFree(&a); kqlDynElemsFree(&b);
      return;
    }
  }
  ai = sqlite3_malloc64(sizeof(int)*2*(sqlite3_uint64)(a.n+1));
  if( ai==0 ){
    sqlite3_result_error_nomem(ctx);
    kqlDynElemsFree(&a); kqlDynElemsFree(&b);
    return;
  }
  aTmp = ai + a.n + 1;
  for(int i=0; i<a.n; i++) ai[i] = i;
  s.pA = &a;
  mergeSort(&s, ai, aTmp, a.n);
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<a.n; i++){
    const KqlElems *pOut = iOut>0 ? &b : &a;
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    kqlJsonAppendCanonical(p, pOut->az[ai[i]], pOut->an[ai[i]]);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  sqlite3_free(ai);
  kqlDynElemsFree(&a);
  kqlDynElemsFree(&b);
}

/******************************* searching *******************************/

/*
** The canonical JSON text of SQL value pVal of type eType, in a new string
** the caller frees with sqlite3_free(); NULL when out of memory. *pn gets
** its length.
*/
static char *canonicalOf(int eType, sqlite3_value *pVal, int *pn){
  sqlite3_str *p = sqlite3_str_new(0);
  kqlDynAppendValue(p, eType, pVal);
  *pn = sqlite3_str_length(p);
  return sqlite3_str_finish(p);
}

/* 1 when element z[0..n) equals the canonical text zC[0..nC). */
static int elemEquals(const char *z, int n, const char *zC, int nC){
  sqlite3_str *p;
  int bEq, nE;
  char *zE;
  if( n==nC && memcmp(z, zC, (size_t)n)==0 ) return 1;
  p = sqlite3_str_new(0);
  kqlJsonAppendCanonical(p, z, n);
  nE = sqlite3_str_length(p);
  zE = sqlite3_str_finish(p);
  bEq = zE && nE==nC && memcmp(zE, zC, (size_t)nC)==0;
  sqlite3_free(zE);
  return bEq;
}

/*
** Index of the occurrence-th element of a equal to zC within
** [start, start+length), or -1; -2 for invalid arguments.
*/
static int64_t indexOf(const KqlElems *a, const char *zC, int nC,
                       int64_t iStart, int64_t nLen, int64_t nOcc){
  int64_t iEnd;
  if( nOcc<0 || nLen<-1 ) return -2;
  if( nOcc==0 ) nOcc = 1;
  if( iStart<0 ) iStart += a->n;
  if( iStart<0 ) iStart = 0;
  if( iStart>a->n ) iStart = a->n;
  iEnd = (nLen==-1 || nLen>a->n) ? a->n : iStart + nLen;
  if( iEnd>a->n ) iEnd = a->n;
  for(int64_t i=iStart; i<iEnd; i++){
    if( elemEquals(a->az[i], a->an[i], zC, nC) && --nOcc==0 ) return i;
  }
  return -1;
}

/*
** kql_array_index_of(tags, a, value [, start [, length [, occurrence]]]):
** zero-based position or -1; NULL when a is not an array or for invalid
** length/occurrence. kql_set_has_element(tags, a, value) (user data 1):
** whether value is an element.
*/
static void fnIndexOf(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bHas = sqlite3_user_data(ctx)!=0;
  KqlElems a;
  char *zC;
  int nC;
  int64_t iStart = 0, nLen = -1, nOcc = 1, r;
  if( argc<3 ) return;
  for(int i=3; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return;
  }
  if( argc>3 ) iStart = sqlite3_value_int64(argv[3]);
  if( argc>4 ) nLen = sqlite3_value_int64(argv[4]);
  if( argc>5 ) nOcc = sqlite3_value_int64(argv[5]);
  if( loadArg(ctx, argv[1], &a)<=0 ) return;
  zC = canonicalOf(kqlFnTagType(argv[0], 1), argv[2], &nC);
  if( zC==0 ){
    sqlite3_result_error_nomem(ctx);
    kqlDynElemsFree(&a);
    return;
  }
  r = indexOf(&a, zC, nC, iStart, nLen, nOcc);
  if( bHas ) sqlite3_result_int(ctx, r>=0);
  else if( r>=-1 ) sqlite3_result_int64(ctx, r);
  sqlite3_free(zC);
  kqlDynElemsFree(&a);
}

/* kql_array_sum(a): sum as real; NULL when an element is not a number. */
static void fnArraySum(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a;
  double r = 0.0;
  (void)argc;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  for(int i=0; i<a.n; i++){
    const char *z = a.az[i];
    double v;
    int bInt;
    int64_t iv;
    if( !(z[0]=='-' || (z[0]>='0' && z[0]<='9')) || !kqlJsonNumber(z, a.an[i], &v, &bInt, &iv) ){
      kqlDynElemsFree(&a);
      return;
    }
    r += v;
  }
  sqlite3_result_double(ctx, r);
  kqlDynElemsFree(&a);
}

/*
** Append branch value i of array_iff: element i of an array (null past its
** end), or the scalar itself.
*/
static void appendBranch(sqlite3_str *p, int eType, sqlite3_value *pVal, const KqlElems *pArr, int i){
  if( pArr ){
    if( i<pArr->n ) kqlJsonAppendCanonical(p, pArr->az[i], pArr->an[i]);
    else sqlite3_str_append(p, "null", 4);
  }else{
    kqlDynAppendValue(p, eType, pVal);
  }
}

/*
** kql_array_iff(tags, conditions, when_true, when_false): element-wise
** choice. A condition is true for true or a non-zero number, false for
** false or 0, and gives null otherwise. A dynamic array branch is indexed
** (null past its end); any other branch value is used for every element.
*/
static void fnArrayIff(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems c, aT, aF;
  int eT = kqlFnEffectiveType(kqlFnTagType(argv[0], 1), argv[2]);
  int eF = kqlFnEffectiveType(kqlFnTagType(argv[0], 2), argv[3]);
  int bT, bF;
  sqlite3_str *p;
  (void)argc;
  if( loadArg(ctx, argv[1], &c)<=0 ) return;
  memset(&aT, 0, sizeof(aT)); memset(&aF, 0, sizeof(aF));
  bT = eT==KQL_T_DYNAMIC && kqlDynLoadArray(argv[2], &aT)==1;
  bF = eF==KQL_T_DYNAMIC && kqlDynLoadArray(argv[3], &aF)==1;
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<c.n; i++){
    const char *z = c.az[i];
    int n = c.an[i], eCond = -1;
    double v;
    int bInt;
    int64_t iv;
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    if( n==4 && memcmp(z, "true", 4)==0 ) eCond = 1;
    else if( n==5 && memcmp(z, "false", 5)==0 ) eCond = 0;
    else if( (z[0]=='-' || (z[0]>='0' && z[0]<='9')) && kqlJsonNumber(z, n, &v, &bInt, &iv) ) eCond = v!=0.0;
    if( eCond==1 ) appendBranch(p, eT, argv[2], bT ? &aT : 0, i);
    else if( eCond==0 ) appendBranch(p, eF, argv[3], bF ? &aF : 0, i);
    else sqlite3_str_append(p, "null", 4);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  kqlDynElemsFree(&c); kqlDynElemsFree(&aT); kqlDynElemsFree(&aF);
}

/* Compare two int64 for qsort. */
static int cmpI64(const void *a, const void *b){
  int64_t x = *(const int64_t*)a, y = *(const int64_t*)b;
  return x<y ? -1 : x>y;
}

/*
** kql_array_split(a, index): index is a long or a JSON array of longs;
** negative indices count from the end. Returns [a[0..i1), a[i1..i2), ...].
*/
static void fnArraySplit(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a, idx;
  int64_t *ai;
  int nIdx = 0, iPrev = 0;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  memset(&idx, 0, sizeof(idx));
  if( sqlite3_value_type(argv[1])==SQLITE_TEXT ){
    if( kqlDynLoadArray(argv[1], &idx)!=1 ){ kqlDynElemsFree(&a); return; }
  }
  ai = sqlite3_malloc64(sizeof(int64_t)*(sqlite3_uint64)(idx.n+1));
  if( ai==0 ){
    sqlite3_result_error_nomem(ctx);
    kqlDynElemsFree(&a); kqlDynElemsFree(&idx);
    return;
  }
  if( sqlite3_value_type(argv[1])==SQLITE_TEXT ){
    for(int i=0; i<idx.n; i++){
      double v; int bInt; int64_t iv;
      if( !kqlJsonNumber(idx.az[i], idx.an[i], &v, &bInt, &iv) ){
        sqlite3_free(ai); kqlDynElemsFree(&a); kqlDynElemsFree(&idx);
        return;
      }
      ai[nIdx++] = bInt ? iv : (int64_t)v;
    }
  }else{
    ai[nIdx++] = sqlite3_value_int64(argv[1]);
  }
  for(int i=0; i<nIdx; i++){
    if( ai[i]<0 ) ai[i] += a.n;
    if( ai[i]<0 ) ai[i] = 0;
    if( ai[i]>a.n ) ai[i] = a.n;
  }
  if( nIdx>1 ) qsort(ai, (size_t)nIdx, sizeof(int64_t), cmpI64);
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<=nIdx; i++){
    int iEnd = i<nIdx ? (int)ai[i] : a.n;
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    sqlite3_str_appendchar(p, 1, '[');
    appendRange(p, &a, iPrev, iEnd, 0);
    sqlite3_str_appendchar(p, 1, ']');
    iPrev = iEnd;
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  sqlite3_free(ai);
  kqlDynElemsFree(&a);
  kqlDynElemsFree(&idx);
}

/*
** kql_array_rotate_left(a, n) (user data 0) and kql_array_rotate_right(a, n)
** (user data 1). A negative n rotates the other way.
*/
static void fnArrayRotate(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a;
  int64_t k;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  if( loadArg(ctx, argv[0], &a)<=0 ) return;
  k = sqlite3_value_int64(argv[1]);
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  if( a.n>0 ){
    int s;
    k %= a.n;                                /* |k| < a.n: negation is safe */
    if( sqlite3_user_data(ctx) ) k = -k;
    s = (int)((k + a.n) % a.n);
    appendRange(p, &a, s, a.n, 0);
    appendRange(p, &a, 0, s, s<a.n);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  kqlDynElemsFree(&a);
}

/*
** kql_array_shift_left(tags, a, n [, fill]) (user data 0) and
** kql_array_shift_right (user data 1): elements move n places, the vacated
** places get fill (default null). Negative n shifts the other way.
*/
static void fnArrayShift(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a;
  int64_t k;
  sqlite3_str *p, *pFill;
  char *zFill;
  int nFill;
  if( argc<3 || sqlite3_value_type(argv[2])==SQLITE_NULL ) return;
  if( loadArg(ctx, argv[1], &a)<=0 ) return;
  k = sqlite3_value_int64(argv[2]);
  if( sqlite3_user_data(ctx) ) k = k==INT64_MIN ? INT64_MAX : -k;
  pFill = sqlite3_str_new(0);
  if( argc>3 ) kqlDynAppendValue(pFill, kqlFnTagType(argv[0], 2), argv[3]);
  else sqlite3_str_append(pFill, "null", 4);
  nFill = sqlite3_str_length(pFill);
  zFill = sqlite3_str_finish(pFill);
  if( zFill==0 ){
    sqlite3_result_error_nomem(ctx);
    kqlDynElemsFree(&a);
    return;
  }
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=0; i<a.n; i++){
    int64_t j = (k>a.n || k<-(int64_t)a.n) ? -1 : i + k;   /* source index */
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    if( j>=0 && j<a.n ) kqlJsonAppendCanonical(p, a.az[j], a.an[j]);
    else sqlite3_str_append(p, zFill, nFill);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  sqlite3_free(zFill);
  kqlDynElemsFree(&a);
}

/*
** kql_zip(a1, a2, ...): [[a1[0], a2[0], ...], ...] as long as the longest
** array, null filling the shorter ones. NULL when an argument is not an
** array.
*/
static void fnZip(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems *aA;
  int nMax = 0, ok = 1;
  sqlite3_str *p;
  aA = sqlite3_malloc64(sizeof(KqlElems)*(sqlite3_uint64)(argc+1));
  if( aA==0 ){ sqlite3_result_error_nomem(ctx); return; }
  memset(aA, 0, sizeof(KqlElems)*(size_t)(argc+1));
  for(int i=0; i<argc && ok; i++){
    ok = loadArg(ctx, argv[i], &aA[i])>0;
    if( ok && aA[i].n>nMax ) nMax = aA[i].n;
  }
  if( ok ){
    p = newStr(ctx);
    sqlite3_str_appendchar(p, 1, '[');
    for(int j=0; j<nMax; j++){
      sqlite3_str_append(p, j ? ",[" : "[", j ? 2 : 1);
      for(int i=0; i<argc; i++){
        if( i ) sqlite3_str_appendchar(p, 1, ',');
        if( j<aA[i].n ) kqlJsonAppendCanonical(p, aA[i].az[j], aA[i].an[j]);
        else sqlite3_str_append(p, "null", 4);
      }
      sqlite3_str_appendchar(p, 1, ']');
    }
    sqlite3_str_appendchar(p, 1, ']');
    kqlFnResultStr(ctx, p);
  }
  for(int i=0; i<argc; i++) kqlDynElemsFree(&aA[i]);
  sqlite3_free(aA);
}

/*
** kql_repeat(tags, value, count): an array holding value count times
** (empty for count <= 0, at most 2^20 elements). NULL count gives NULL.
*/
static void fnRepeat(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *p, *pV;
  char *zV;
  int nV;
  int64_t k;
  (void)argc;
  if( sqlite3_value_type(argv[2])==SQLITE_NULL ) return;
  k = sqlite3_value_int64(argv[2]);
  if( k>KQL_MAX_GEN ) k = KQL_MAX_GEN;
  pV = sqlite3_str_new(0);
  kqlDynAppendValue(pV, kqlFnTagType(argv[0], 0), argv[1]);
  nV = sqlite3_str_length(pV);
  zV = sqlite3_str_finish(pV);
  if( zV==0 ){ sqlite3_result_error_nomem(ctx); return; }
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int64_t i=0; i<k; i++){
    if( i ) sqlite3_str_appendchar(p, 1, ',');
    sqlite3_str_append(p, zV, nV);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
  sqlite3_free(zV);
}

/*
** kql_range(tags, start, stop [, step]): start, start+step, ... while not
** past stop (at most 2^20 values). Numbers give longs, or reals when any
** argument is real; datetime/timespan starts take a timespan step (default
** 1h; 1 for numbers). NULL for a NULL argument or a zero step.
*/
static void fnRange(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eStart, eStop, eStep;
  sqlite3_str *p;
  if( argc<3 || argc>4 ) return;
  eStart = kqlFnEffectiveType(kqlFnTagType(argv[0], 0), argv[1]);
  eStop = kqlFnEffectiveType(kqlFnTagType(argv[0], 1), argv[2]);
  eStep = argc>3 ? kqlFnEffectiveType(kqlFnTagType(argv[0], 2), argv[3]) : KQL_T_LONG;
  for(int i=1; i<argc; i++){
    if( sqlite3_value_type(argv[i])==SQLITE_NULL ) return;
  }
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  if( eStart==KQL_T_REAL || eStart==KQL_T_DECIMAL || eStop==KQL_T_REAL
   || eStop==KQL_T_DECIMAL || eStep==KQL_T_REAL || eStep==KQL_T_DECIMAL ){
    double a = kqlFnReal(argv[1]), b = kqlFnReal(argv[2]);
    double s = argc>3 ? kqlFnReal(argv[3]) : 1.0;
    if( s==0.0 || s!=s ){ sqlite3_free(sqlite3_str_finish(p)); return; }
    for(int64_t i=0; i<KQL_MAX_GEN; i++){
      double v = a + (double)i*s;
      if( s>0 ? v>b : v<b ) break;
      if( i ) sqlite3_str_appendchar(p, 1, ',');
      kqlDynAppendReal(p, v);
    }
  }else{
    int64_t a = sqlite3_value_int64(argv[1]), b = sqlite3_value_int64(argv[2]), s;
    int bTime = eStart==KQL_T_DATETIME || eStart==KQL_T_TIMESPAN;
    s = argc>3 ? sqlite3_value_int64(argv[3]) : (bTime ? 36000000000LL : 1);
    if( s==0 ){ sqlite3_free(sqlite3_str_finish(p)); return; }
    for(int64_t i=0; i<KQL_MAX_GEN; i++){
      int64_t v;
      if( __builtin_mul_overflow(i, s, &v) || __builtin_add_overflow(a, v, &v) ) break;
      if( s>0 ? v>b : v<b ) break;
      if( i ) sqlite3_str_appendchar(p, 1, ',');
      if( bTime ){
        char zBuf[48];
        if( eStart==KQL_T_DATETIME ){
          kqlFnFormatDatetime7(v, zBuf);
          sqlite3_str_appendf(p, "\"%s\"", zBuf);
        }else{
          kqlValFormatTimespan(v, zBuf);
          sqlite3_str_appendf(p, "\"%s\"", zBuf);
        }
      }else{
        sqlite3_str_appendf(p, "%lld", (long long)v);
      }
    }
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/***************************** registration *****************************/

typedef struct DynFunc DynFunc;
struct DynFunc {
  const char *zName;
  signed char nArg;
  intptr_t iUser;
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

static const DynFunc aDynFunc[] = {
  {"kql_dyn_get",                 2, 0, fnDynGet},
  {"kql_array_length",            1, 0, fnArrayLength},
  {"kql_array_concat",           -1, 0, fnArrayConcat},
  {"kql_array_slice",             3, 0, fnArraySlice},
  {"kql_array_reverse",           1, 0, fnArrayReverse},
  {"kql_array_sort_asc",         -1, 0, fnArraySort},
  {"kql_array_sort_desc",        -1, 1, fnArraySort},
  {"kql_array_sort_asc_nth",     -1, 2, fnArraySort},
  {"kql_array_sort_desc_nth",    -1, 3, fnArraySort},
  {"kql_array_index_of",         -1, 0, fnIndexOf},
  {"kql_set_has_element",         3, 1, fnIndexOf},
  {"kql_array_sum",               1, 0, fnArraySum},
  {"kql_array_iff",               4, 0, fnArrayIff},
  {"kql_array_split",             2, 0, fnArraySplit},
  {"kql_array_rotate_left",       2, 0, fnArrayRotate},
  {"kql_array_rotate_right",      2, 1, fnArrayRotate},
  {"kql_array_shift_left",       -1, 0, fnArrayShift},
  {"kql_array_shift_right",      -1, 1, fnArrayShift},
  {"kql_zip",                    -1, 0, fnZip},
  {"kql_repeat",                  3, 0, fnRepeat},
  {"kql_range",                  -1, 0, fnRange},
};

/* kqlFnRegisterDynamic(): register this group's SQL functions on db; an SQLite result code (fn.h). */
int kqlFnRegisterDynamic(sqlite3 *db){
  for(size_t i=0; i<sizeof(aDynFunc)/sizeof(aDynFunc[0]); i++){
    int rc = sqlite3_create_function(db, aDynFunc[i].zName, aDynFunc[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)aDynFunc[i].iUser, aDynFunc[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return kqlFnRegisterDynbag(db);
}
