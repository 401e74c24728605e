/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL built-ins that build property bags and treat arrays as sets:
** pack_array, bag_pack (pack), bag_keys, bag_merge, bag_remove_keys,
** bag_set_key, bag_has_key, bag_zip, set_union, set_intersect,
** set_difference and jaccard_index. Values of other KQL types enter JSON
** through the type tags of KQL_FNF_TAGS. Keys may be JSONPath expressions
** of property names ("$.a.b", "$['a'].b"); array indexing in paths is not
** supported, as in Kusto. Set elements are compared by their canonical
** compact JSON text.
*/
#include "fn_dynint.h"
#include "fn_hashset.h"
#include "fnutil.h"
#include "types.h"
#include <math.h>
#include <string.h>

/* Deepest path accepted by the bag functions. */
#define MAX_PATH 64

static sqlite3_str *newStr(sqlite3_context *ctx){
  return sqlite3_str_new(sqlite3_context_db_handle(ctx));
}

/* 1 when pVal holds a JSON object (property bag). */
static int isBag(sqlite3_value *pVal){
  return sqlite3_value_type(pVal)==SQLITE_TEXT
      && kqlJsonKind((const char*)sqlite3_value_text(pVal), sqlite3_value_bytes(pVal))==KQL_JSON_OBJECT;
}

/****************************** packing ******************************/

/* kql_pack_array(tags, v1, v2, ...): [v1,v2,...] with nulls kept. */
static void fnPackArray(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  for(int i=1; i<argc; i++){
    if( i>1 ) sqlite3_str_appendchar(p, 1, ',');
    kqlDynAppendValue(p, kqlFnTagType(argv[0], i-1), argv[i]);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/* Append the text of key argument pKey (any type, as tostring()). */
static void appendKeyText(sqlite3_str *p, int eType, sqlite3_value *pKey){
  kqlFnAppendText(p, eType, pKey);
}

/*
** kql_bag_pack(tags, k1, v1, k2, v2, ...) (also KQL pack()): a bag; a key
** given twice keeps its last value. An odd number of KQL arguments is an
** error.
*/
static void fnBagPack(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  sqlite3_str *p, *pKeys;
  int nPair = (argc-1)/2, bFirst = 1;
  char **azKey;
  int *anKey;
  if( (argc-1)%2 ){
    kqlFnError(ctx, "bag_pack", "expects an even number of arguments (key, value pairs)");
    return;
  }
  azKey = sqlite3_malloc64((sizeof(char*)+sizeof(int))*(sqlite3_uint64)(nPair+1));
  if( azKey==0 ){ sqlite3_result_error_nomem(ctx); return; }
  anKey = (int*)&azKey[nPair+1];
  for(int i=0; i<nPair; i++){
    pKeys = sqlite3_str_new(0);
    appendKeyText(pKeys, kqlFnTagType(argv[0], 2*i), argv[1+2*i]);
    anKey[i] = sqlite3_str_length(pKeys);
    azKey[i] = sqlite3_str_finish(pKeys);
    if( azKey[i]==0 ){
      for(int j=0; j<i; j++) sqlite3_free(azKey[j]);
      sqlite3_free(azKey);
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '{');
  for(int i=0; i<nPair; i++){
    int bLater = 0;
    for(int j=i+1; j<nPair && !bLater; j++){
      bLater = anKey[j]==anKey[i] && memcmp(azKey[j], azKey[i], (size_t)anKey[i])==0;
    }
    if( bLater ) continue;
    if( !bFirst ) sqlite3_str_appendchar(p, 1, ',');
    bFirst = 0;
    kqlFnAppendJsonString(p, azKey[i], anKey[i]);
    sqlite3_str_appendchar(p, 1, ':');
    kqlDynAppendValue(p, kqlFnTagType(argv[0], 2*i+1), argv[2+2*i]);
  }
  sqlite3_str_appendchar(p, 1, '}');
  for(int i=0; i<nPair; i++) sqlite3_free(azKey[i]);
  sqlite3_free(azKey);
  kqlFnResultStr(ctx, p);
}

/* kql_bag_keys(bag): the keys as an array of strings; NULL for a non-bag. */
static void fnBagKeys(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlJsonIter it;
  const char *zK, *zV;
  int nK, nV, rc, bComma = 0;
  sqlite3_str *p;
  (void)argc;
  if( !isBag(argv[0]) ) return;
  kqlJsonIterStart(&it, (const char*)sqlite3_value_text(argv[0]), sqlite3_value_bytes(argv[0]));
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '[');
  while( (rc = kqlJsonIterNext(&it, &zK, &nK, &zV, &nV))==1 ){
    if( bComma ) sqlite3_str_appendchar(p, 1, ',');
    kqlJsonAppendCanonical(p, zK, nK);
    bComma = 1;
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/* The unescaped bytes of key literal zK[0..nK) appended to a fresh string
** (caller frees); *pn gets the length. */
static char *keyText(const char *zK, int nK, int *pn){
  sqlite3_str *p = sqlite3_str_new(0);
  kqlFnJsonUnquote(p, zK, nK);
  *pn = sqlite3_str_length(p);
  return sqlite3_str_finish(p);
}

/*
** kql_bag_merge(b1, b2, ...): all properties; a key present in several
** bags takes its value from the leftmost. NULL when an argument is not a
** bag.
*/
static void fnBagMerge(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlHset seen;
  sqlite3_str *p;
  int bComma = 0, rc = 0;
  for(int i=0; i<argc; i++){
    if( !isBag(argv[i]) ) return;
  }
  memset(&seen, 0, sizeof(seen));
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '{');
  for(int i=0; i<argc && rc>=0; i++){
    KqlJsonIter it;
    const char *zK, *zV;
    int nK, nV;
    kqlJsonIterStart(&it, (const char*)sqlite3_value_text(argv[i]), sqlite3_value_bytes(argv[i]));
    while( kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
      int nKey;
      char *zKey = keyText(zK, nK, &nKey);
      rc = zKey ? kqlHsetAdd(&seen, zKey, nKey) : -1;
      if( rc==1 ){
        if( bComma ) sqlite3_str_appendchar(p, 1, ',');
        kqlFnAppendJsonString(p, zKey, nKey);
        sqlite3_str_appendchar(p, 1, ':');
        kqlJsonAppendCanonical(p, zV, nV);
        bComma = 1;
      }
      sqlite3_free(zKey);
      if( rc<0 ) break;
    }
  }
  kqlHsetClear(&seen);
  sqlite3_str_appendchar(p, 1, '}');
  if( rc<0 ){
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kqlFnResultStr(ctx, p);
}

/***************************** JSONPath keys *****************************/

/* A parsed key path: segment i is the raw key az[i][0..an[i]). Segments
** point into the key text or into zOwn (unescaped quoted names). */
typedef struct KeyPath KeyPath;
struct KeyPath {
  int n;
  const char *az[MAX_PATH];
  int an[MAX_PATH];
};

/*
** Parse key text z[0..n): "$.a.b", "$['a']", "$[\"a\"].b" or a plain key
** (the whole text). Returns 0, or -1 for a path this does not support
** (array indexes, the root alone, too deep).
*/
static int parsePath(const char *z, int n, KeyPath *p){
  int i = 1;
  p->n = 0;
  if( n==0 || z[0]!='$' ){
    p->az[0] = z; p->an[0] = n; p->n = 1;
    return 0;
  }
  while( i<n ){
    const char *zSeg;
    int nSeg;
    if( p->n>=MAX_PATH ) return -1;
    if( z[i]=='.' ){
      int j = ++i;
      while( j<n && z[j]!='.' && z[j]!='[' ) j++;
      zSeg = z+i; nSeg = j-i;
      i = j;
    }else if( z[i]=='[' && i+1<n && (z[i+1]=='\'' || z[i+1]=='"') ){
      char q = z[i+1];
      int j = i+2;
      while( j<n && z[j]!=q ) j++;
      if( j+1>=n || z[j+1]!=']' ) return -1;
      zSeg = z+i+2; nSeg = j-i-2;
      i = j+2;
    }else{
      return -1;
    }
    if( nSeg==0 ) return -1;
    p->az[p->n] = zSeg; p->an[p->n] = nSeg; p->n++;
  }
  return p->n>0 ? 0 : -1;
}

/* Find member zKey[0..nKey) of object z[0..n): sets *pzV and *pnV, returns 1. */
static int findMember(const char *z, int n, const char *zKey, int nKey,
                      const char **pzV, int *pnV){
  KqlJsonIter it;
  const char *zK, *zV;
  int nK, nV;
  if( kqlJsonIterStart(&it, z, n)!=KQL_JSON_OBJECT ) return 0;
  while( kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
    if( kqlJsonKeyIs(zK, nK, zKey, nKey) ){ *pzV = zV; *pnV = nV; return 1; }
  }
  return 0;
}

/* kql_bag_has_key(bag, key): whether the key or JSONPath exists. */
static void fnBagHasKey(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KeyPath path;
  const char *z;
  int n, nKey;
  const char *zKey;
  (void)argc;
  if( !isBag(argv[0]) ){
    if( sqlite3_value_type(argv[0])!=SQLITE_NULL ) sqlite3_result_int(ctx, 0);
    return;
  }
  zKey = kqlFnText(argv[1], &nKey);
  z = (const char*)sqlite3_value_text(argv[0]);
  n = sqlite3_value_bytes(argv[0]);
  if( parsePath(zKey, nKey, &path) ){
    sqlite3_result_int(ctx, 0);
    return;
  }
  for(int i=0; i<path.n; i++){
    if( !findMember(z, n, path.az[i], path.an[i], &z, &n) ){
      sqlite3_result_int(ctx, 0);
      return;
    }
  }
  sqlite3_result_int(ctx, 1);
}

/*
** Append object z[0..n) to p without the members named by the paths
** aPath[0..nPath) at depth iDepth (a path ending here removes the member;
** a longer one recurses into it).
*/
static void removeKeys(sqlite3_str *p, const char *z, int n, KeyPath **aPath, int nPath, int iDepth){
  KqlJsonIter it;
  const char *zK, *zV;
  int nK, nV, bComma = 0;
  kqlJsonIterStart(&it, z, n);
  sqlite3_str_appendchar(p, 1, '{');
  while( kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
    int bDrop = 0, bDeeper = 0;
    for(int k=0; k<nPath; k++){
      KeyPath *q = aPath[k];
      if( q->n>iDepth && kqlJsonKeyIs(zK, nK, q->az[iDepth], q->an[iDepth]) ){
        if( q->n==iDepth+1 ) bDrop = 1; else bDeeper = 1;
      }
    }
    if( bDrop ) continue;
    if( bComma ) sqlite3_str_appendchar(p, 1, ',');
    bComma = 1;
    kqlJsonAppendCanonical(p, zK, nK);
    sqlite3_str_appendchar(p, 1, ':');
    if( bDeeper && kqlJsonKind(zV, nV)==KQL_JSON_OBJECT ){
      removeKeys(p, zV, nV, aPath, nPath, iDepth+1);
    }else{
      kqlJsonAppendCanonical(p, zV, nV);
    }
  }
  sqlite3_str_appendchar(p, 1, '}');
}

/* kql_bag_remove_keys(bag, keys): keys is an array of keys or JSONPaths. */
static void fnBagRemoveKeys(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems keys;
  KeyPath *aPath, **apPath;
  char **azText;
  int nPath = 0;
  sqlite3_str *p;
  (void)argc;
  if( !isBag(argv[0]) ) return;
  if( kqlDynLoadArray(argv[1], &keys)!=1 ) return;
  aPath = sqlite3_malloc64((sizeof(KeyPath)+sizeof(KeyPath*)+sizeof(char*))*(sqlite3_uint64)(keys.n+1));
  if( aPath==0 ){ kqlDynElemsFree(&keys); sqlite3_result_error_nomem(ctx); return; }
  apPath = (KeyPath**)&aPath[keys.n+1];
  azText = (char**)&apPath[keys.n+1];
  for(int i=0; i<keys.n; i++){
    int nT;
    azText[i] = 0;
    if( keys.az[i][0]!='"' ) continue;
    azText[i] = keyText(keys.az[i], keys.an[i], &nT);
    if( azText[i] && parsePath(azText[i], nT, &aPath[i])==0 ) apPath[nPath++] = &aPath[i];
  }
  p = newStr(ctx);
  removeKeys(p, (const char*)sqlite3_value_text(argv[0]), sqlite3_value_bytes(argv[0]), apPath, nPath, 0);
  for(int i=0; i<keys.n; i++) sqlite3_free(azText[i]);
  sqlite3_free(aPath);
  kqlDynElemsFree(&keys);
  kqlFnResultStr(ctx, p);
}

/*
** Append object z[0..n) (NULL: an empty object) to p with path q from
** depth iDepth set to the JSON zVal[0..nVal); missing levels are created.
*/
static void setKey(sqlite3_str *p, const char *z, int n, const KeyPath *q, int iDepth,
                   const char *zVal, int nVal){
  KqlJsonIter it;
  const char *zK, *zV;
  int nK, nV, bComma = 0, bFound = 0;
  sqlite3_str_appendchar(p, 1, '{');
  if( z && kqlJsonIterStart(&it, z, n)==KQL_JSON_OBJECT ){
    while( kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
      if( bComma ) sqlite3_str_appendchar(p, 1, ',');
      bComma = 1;
      kqlJsonAppendCanonical(p, zK, nK);
      sqlite3_str_appendchar(p, 1, ':');
      if( !bFound && kqlJsonKeyIs(zK, nK, q->az[iDepth], q->an[iDepth]) ){
        bFound = 1;
        if( iDepth+1==q->n ) sqlite3_str_append(p, zVal, nVal);
        else setKey(p, kqlJsonKind(zV, nV)==KQL_JSON_OBJECT ? zV : 0, nV, q, iDepth+1, zVal, nVal);
      }else{
        kqlJsonAppendCanonical(p, zV, nV);
      }
    }
  }
  if( !bFound ){
    if( bComma ) sqlite3_str_appendchar(p, 1, ',');
    kqlFnAppendJsonString(p, q->az[iDepth], q->an[iDepth]);
    sqlite3_str_appendchar(p, 1, ':');
    if( iDepth+1==q->n ) sqlite3_str_append(p, zVal, nVal);
    else setKey(p, 0, 0, q, iDepth+1, zVal, nVal);
  }
  sqlite3_str_appendchar(p, 1, '}');
}

/*
** kql_bag_set_key(tags, bag, key, value): bag with key (or JSONPath) set
** to value, replacing an existing value in place. NULL when bag is not a
** bag or the path is not supported.
*/
static void fnBagSetKey(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KeyPath path;
  sqlite3_str *p, *pV;
  char *zVal;
  int nVal, nKey;
  const char *zKey;
  (void)argc;
  if( !isBag(argv[1]) ) return;
  zKey = kqlFnText(argv[2], &nKey);
  if( parsePath(zKey, nKey, &path) ) return;
  pV = sqlite3_str_new(0);
  kqlDynAppendValue(pV, kqlFnTagType(argv[0], 2), argv[3]);
  nVal = sqlite3_str_length(pV);
  zVal = sqlite3_str_finish(pV);
  if( zVal==0 ){ sqlite3_result_error_nomem(ctx); return; }
  p = newStr(ctx);
  setKey(p, (const char*)sqlite3_value_text(argv[1]), sqlite3_value_bytes(argv[1]), &path, 0, zVal, nVal);
  sqlite3_free(zVal);
  kqlFnResultStr(ctx, p);
}

/*
** kql_bag_zip(keys, values): a bag pairing keys[i] with values[i] (null
** past the end of values); keys that are not strings are skipped. NULL
** when keys is not an array; values that is not an array gives every key
** a null value (the docs' bag_zip(['a', 8, 'b'], 1) is {"a":null,"b":null}).
*/
static void fnBagZip(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems k, v;
  sqlite3_str *p;
  int bComma = 0;
  (void)argc;
  if( kqlDynLoadArray(argv[0], &k)!=1 ) return;
  if( kqlDynLoadArray(argv[1], &v)<0 ){ kqlDynElemsFree(&k); sqlite3_result_error_nomem(ctx); return; }
  p = newStr(ctx);
  sqlite3_str_appendchar(p, 1, '{');
  for(int i=0; i<k.n; i++){
    if( k.az[i][0]!='"' ) continue;
    if( bComma ) sqlite3_str_appendchar(p, 1, ',');
    bComma = 1;
    kqlJsonAppendCanonical(p, k.az[i], k.an[i]);
    sqlite3_str_appendchar(p, 1, ':');
    if( i<v.n ) kqlJsonAppendCanonical(p, v.az[i], v.an[i]);
    else sqlite3_str_append(p, "null", 4);
  }
  sqlite3_str_appendchar(p, 1, '}');
  kqlFnResultStr(ctx, p);
  kqlDynElemsFree(&k);
  kqlDynElemsFree(&v);
}

/******************************** sets ********************************/

/* Canonical text of element i of a (caller frees); NULL when out of memory. */
static char *elemCanon(const KqlElems *a, int i, int *pn){
  sqlite3_str *p = sqlite3_str_new(0);
  kqlJsonAppendCanonical(p, a->az[i], a->an[i]);
  *pn = sqlite3_str_length(p);
  return sqlite3_str_finish(p);
}

/* Add the canonical elements of a to *pSet. Returns 0, or -1 on OOM. */
static int addAll(KqlHset *pSet, const KqlElems *a){
  for(int i=0; i<a->n; i++){
    int n, rc;
    char *z = elemCanon(a, i, &n);
    rc = z ? kqlHsetAdd(pSet, z, n) : -1;
    sqlite3_free(z);
    if( rc<0 ) return -1;
  }
  return 0;
}

#define SET_UNION      0
#define SET_INTERSECT  1
#define SET_DIFFERENCE 2

/*
** kql_set_union(a1, a2, ...), kql_set_intersect(...), kql_set_difference(...)
** (user data SET_*): distinct elements in first-seen order. Union: in any
** array; intersect: in a1 and every other; difference: in a1 and no other.
** NULL when an argument is not an array.
*/
static void fnSet(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int eOp = (int)(intptr_t)sqlite3_user_data(ctx);
  KqlElems *aA;
  KqlHset *aSet = 0, emitted;
  sqlite3_str *p = 0;
  int ok = 1, bComma = 0;
  aA = sqlite3_malloc64(sizeof(KqlElems)*(sqlite3_uint64)(argc+1));
  if( aA ){
    memset(aA, 0, sizeof(KqlElems)*(size_t)(argc+1));
    aSet = sqlite3_malloc64(sizeof(KqlHset)*(sqlite3_uint64)(argc+1));
  }
  if( aA==0 || aSet==0 ){
    sqlite3_free(aA);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  memset(aSet, 0, sizeof(KqlHset)*(size_t)(argc+1));
  memset(&emitted, 0, sizeof(emitted));
  for(int i=0; i<argc && ok; i++){
    int rc = kqlDynLoadArray(argv[i], &aA[i]);
    if( rc<0 ) sqlite3_result_error_nomem(ctx);
    ok = rc>0;
    if( ok && i>0 && eOp!=SET_UNION && addAll(&aSet[i], &aA[i]) ){
      sqlite3_result_error_nomem(ctx);
      ok = 0;
    }
  }
  if( ok ){
    p = newStr(ctx);
    sqlite3_str_appendchar(p, 1, '[');
    for(int i=0; i<(eOp==SET_UNION ? argc : 1) && ok; i++){
      for(int j=0; j<aA[i].n && ok; j++){
        int n, bKeep = 1, rc;
        char *z = elemCanon(&aA[i], j, &n);
        if( z==0 ){ ok = 0; break; }
        for(int k=1; k<argc && eOp!=SET_UNION; k++){
          int bIn = kqlHsetHas(&aSet[k], z, n);
          if( eOp==SET_INTERSECT && !bIn ){ bKeep = 0; break; }
          if( eOp==SET_DIFFERENCE && bIn ){ bKeep = 0; break; }
        }
        if( bKeep ){
          rc = kqlHsetAdd(&emitted, z, n);
          if( rc<0 ) ok = 0;
          if( rc==1 ){
            if( bComma ) sqlite3_str_appendchar(p, 1, ',');
            sqlite3_str_append(p, z, n);
            bComma = 1;
          }
        }
        sqlite3_free(z);
      }
    }
    sqlite3_str_appendchar(p, 1, ']');
    if( ok ) kqlFnResultStr(ctx, p);
    else{
      sqlite3_free(sqlite3_str_finish(p));
      sqlite3_result_error_nomem(ctx);
    }
  }
  for(int i=0; i<argc; i++){
    kqlDynElemsFree(&aA[i]);
    kqlHsetClear(&aSet[i]);
  }
  kqlHsetClear(&emitted);
  sqlite3_free(aA);
  sqlite3_free(aSet);
}

/*
** kql_jaccard_index(a1, a2): |distinct a1 ∩ a2| / |distinct a1 ∪ a2| as a
** real (NaN when both are empty). NULL when an argument is not an array.
*/
static void fnJaccard(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlElems a, b;
  KqlHset sA, sB;
  int nInter = 0, ok = 1;
  (void)argc;
  if( kqlDynLoadArray(argv[0], &a)!=1 ) return;
  if( kqlDynLoadArray(argv[1], &b)!=1 ){ kqlDynElemsFree(&a); return; }
  memset(&sA, 0, sizeof(sA)); memset(&sB, 0, sizeof(sB));
  if( addAll(&sA, &a) ) ok = 0;
  for(int i=0; i<b.n && ok; i++){
    int n, rc;
    char *z = elemCanon(&b, i, &n);
    rc = z ? kqlHsetAdd(&sB, z, n) : -1;
    if( rc<0 ) ok = 0;
    else if( rc==1 && kqlHsetHas(&sA, z, n) ) nInter++;
    sqlite3_free(z);
  }
  if( ok ){
    int nUnion = kqlHsetCount(&sA) + kqlHsetCount(&sB) - nInter;
    sqlite3_result_double(ctx, nUnion ? (double)nInter/nUnion : NAN);
  }else{
    sqlite3_result_error_nomem(ctx);
  }
  kqlHsetClear(&sA); kqlHsetClear(&sB);
  kqlDynElemsFree(&a); kqlDynElemsFree(&b);
}

typedef struct BagFunc BagFunc;
struct BagFunc {
  const char *zName;
  signed char nArg;
  intptr_t iUser;
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

static const BagFunc aBagFunc[] = {
  {"kql_pack_array",        -1, 0, fnPackArray},
  {"kql_bag_pack",          -1, 0, fnBagPack},
  {"kql_bag_keys",           1, 0, fnBagKeys},
  {"kql_bag_merge",         -1, 0, fnBagMerge},
  {"kql_bag_has_key",        2, 0, fnBagHasKey},
  {"kql_bag_remove_keys",    2, 0, fnBagRemoveKeys},
  {"kql_bag_set_key",        4, 0, fnBagSetKey},
  {"kql_bag_zip",            2, 0, fnBagZip},
  {"kql_set_union",         -1, SET_UNION,      fnSet},
  {"kql_set_intersect",     -1, SET_INTERSECT,  fnSet},
  {"kql_set_difference",    -1, SET_DIFFERENCE, fnSet},
  {"kql_jaccard_index",      2, 0, fnJaccard},
};

/* kqlFnRegisterDynbag(): register this group's SQL functions on db; an SQLite result code (fn_dynint.h). */
int kqlFnRegisterDynbag(sqlite3 *db){
  for(size_t i=0; i<sizeof(aBagFunc)/sizeof(aBagFunc[0]); i++){
    int rc = sqlite3_create_function(db, aBagFunc[i].zName, aBagFunc[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)aBagFunc[i].iUser, aBagFunc[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
