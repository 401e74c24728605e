/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Two aggregates: buildschema(d), the minimal schema admitting every
** dynamic value of the group, and variancepif(x, predicate), the
** population variance of the rows where the predicate holds.
**
** A schema node is a union of kinds, kept in order of first appearance:
** the primitives "long", "double", "string", "bool" and at most one
** container. Bags and arrays share the container: a bag's keys become
** named members, array elements all go to the member "`indexer`". A union
** of one kind prints as that kind, a larger one as a JSON array of them.
** JSON nulls add nothing. Members are found through a small hash table,
** so a bag with many keys costs linear time.
*/
#include "fn.h"
#include "fn_aggint.h"
#include "fn_json.h"
#include "fn_misc.h"
#include "fnutil.h"
#include <math.h>
#include <string.h>

/* Union kinds, in the order they print when first seen together. */
#define SK_LONG      1
#define SK_DOUBLE    2
#define SK_STRING    3
#define SK_BOOL      4
#define SK_CONTAINER 5
#define SK_MAX       5

typedef struct SchemaNode SchemaNode;
typedef struct SchemaMember SchemaMember;

/* One member of a container: its name and its schema. */
struct SchemaMember {
  char *zName;          /* member name (unescaped), sqlite3_malloc */
  int nName;            /* its length */
  SchemaNode *pNode;    /* its schema */
};

/* A union of kinds; the container part holds the members. */
struct SchemaNode {
  unsigned char aKind[SK_MAX];  /* kinds in order of first appearance */
  int nKind;                    /* entries used in aKind */
  SchemaMember *aMem;           /* container members in order of appearance */
  int nMem, nMemAlloc;          /* used and allocated entries of aMem */
  int *aHash;                   /* member index by name hash, -1 free; nHash slots */
  int nHash;                    /* slots in aHash (power of two), 0 before the first member */
};

/* Aggregate state of buildschema(). */
typedef struct SchemaAgg SchemaAgg;
struct SchemaAgg {
  SchemaNode *pRoot;    /* schema so far, NULL before the first value */
  int rc;               /* SQLITE_OK or SQLITE_NOMEM */
};

static void nodeFree(SchemaNode *p){
  if( p==0 ) return;
  for(int i=0; i<p->nMem; i++){
    sqlite3_free(p->aMem[i].zName);
    nodeFree(p->aMem[i].pNode);
  }
  sqlite3_free(p->aMem);
  sqlite3_free(p->aHash);
  sqlite3_free(p);
}

static SchemaNode *nodeNew(void){
  SchemaNode *p = sqlite3_malloc(sizeof(*p));
  if( p ) memset(p, 0, sizeof(*p));
  return p;
}

/* Note that kind e occurs in p. */
static void addKind(SchemaNode *p, int e){
  for(int i=0; i<p->nKind; i++) if( p->aKind[i]==e ) return;
  p->aKind[p->nKind++] = (unsigned char)e;
}

static unsigned hashName(const char *z, int n){
  unsigned h = 2166136261u;
  for(int i=0; i<n; i++){ h ^= (unsigned char)z[i]; h *= 16777619u; }
  return h;
}

/* Rebuild p's member hash with nSlot slots. SQLITE_OK or SQLITE_NOMEM. */
static int rehash(SchemaNode *p, int nSlot){
  int *a = sqlite3_malloc64(sizeof(int)*(size_t)nSlot);
  if( a==0 ) return SQLITE_NOMEM;
  for(int i=0; i<nSlot; i++) a[i] = -1;
  for(int i=0; i<p->nMem; i++){
    unsigned h = hashName(p->aMem[i].zName, p->aMem[i].nName) & (unsigned)(nSlot-1);
    while( a[h]>=0 ) h = (h+1) & (unsigned)(nSlot-1);
    a[h] = i;
  }
  sqlite3_free(p->aHash);
  p->aHash = a;
  p->nHash = nSlot;
  return SQLITE_OK;
}

/* The member of p named z[0..n), created when missing; NULL when out of memory. */
static SchemaNode *member(SchemaNode *p, const char *z, int n){
  unsigned h;
  if( p->nHash==0 && rehash(p, 16) ) return 0;
  h = hashName(z, n) & (unsigned)(p->nHash-1);
  while( p->aHash[h]>=0 ){
    SchemaMember *m = &p->aMem[p->aHash[h]];
    if( m->nName==n && memcmp(m->zName, z, (size_t)n)==0 ) return m->pNode;
    h = (h+1) & (unsigned)(p->nHash-1);
  }
  if( p->nMem==p->nMemAlloc ){
    int nNew = p->nMemAlloc ? p->nMemAlloc*2 : 4;
    SchemaMember *aNew = sqlite3_realloc64(p->aMem, sizeof(SchemaMember)*(size_t)nNew);
    if( aNew==0 ) return 0;
    p->aMem = aNew;
    p->nMemAlloc = nNew;
  }
  {
    SchemaMember *m = &p->aMem[p->nMem];
    m->zName = sqlite3_malloc(n+1);
    m->pNode = nodeNew();
    if( m->zName==0 || m->pNode==0 ){
      sqlite3_free(m->zName);
      sqlite3_free(m->pNode);
      return 0;
    }
    memcpy(m->zName, z, (size_t)n);
    m->zName[n] = 0;
    m->nName = n;
    p->aHash[h] = p->nMem++;
    if( p->nMem*2 > p->nHash && rehash(p, p->nHash*2) ){
      /* the member is in place; only the table could not grow */
      return 0;
    }
    return m->pNode;
  }
}

#define INDEXER "`indexer`"

/* Merge the JSON value z[0..n) (well formed) into p. SQLITE_OK or SQLITE_NOMEM. */
static int mergeValue(SchemaNode *p, const char *z, int n, int nDepth){
  KqlJsonIter it;
  const char *zK, *zV; int nK, nV;
  int i = 0;
  while( i<n && (z[i]==' ' || z[i]=='\t' || z[i]=='\n' || z[i]=='\r') ) i++;
  if( i>=n ) return SQLITE_OK;
  switch( z[i] ){
    case 'n': return SQLITE_OK;                         /* null */
    case 't': case 'f': addKind(p, SK_BOOL); return SQLITE_OK;
    case '"': addKind(p, SK_STRING); return SQLITE_OK;
    case '{': case '[': break;
    default: {
      int bReal = 0;
      for(int j=i; j<n; j++) if( z[j]=='.' || z[j]=='e' || z[j]=='E' ) bReal = 1;
      addKind(p, bReal ? SK_DOUBLE : SK_LONG);
      return SQLITE_OK;
    }
  }
  addKind(p, SK_CONTAINER);
  if( nDepth>KQL_JSON_MAX_DEPTH ) return SQLITE_OK;
  kqlJsonIterStart(&it, z+i, n-i);
  if( z[i]=='[' ){
    while( kqlJsonIterNext(&it, 0, 0, &zV, &nV)==1 ){
      SchemaNode *pM = member(p, INDEXER, (int)sizeof(INDEXER)-1);
      if( pM==0 || mergeValue(pM, zV, nV, nDepth+1) ) return SQLITE_NOMEM;
    }
    return SQLITE_OK;
  }
  while( kqlJsonIterNext(&it, &zK, &nK, &zV, &nV)==1 ){
    sqlite3_str *pName = sqlite3_str_new(0);
    SchemaNode *pM;
    int nName;
    kqlFnJsonUnquote(pName, zK, nK);
    nName = sqlite3_str_length(pName);
    if( sqlite3_str_errcode(pName) ){ sqlite3_free(sqlite3_str_finish(pName)); return SQLITE_NOMEM; }
    pM = member(p, sqlite3_str_value(pName) ? sqlite3_str_value(pName) : "", nName);
    sqlite3_free(sqlite3_str_finish(pName));
    if( pM==0 || mergeValue(pM, zV, nV, nDepth+1) ) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

/* Append the schema p to s as JSON. */
static void printNode(sqlite3_str *s, const SchemaNode *p){
  static const char *const azKind[] = {0, "long", "double", "string", "bool"};
  if( p->nKind==0 ){ sqlite3_str_append(s, "null", 4); return; }
  if( p->nKind>1 ) sqlite3_str_append(s, "[", 1);
  for(int k=0; k<p->nKind; k++){
    if( k ) sqlite3_str_append(s, ",", 1);
    if( p->aKind[k]==SK_CONTAINER ){
      sqlite3_str_append(s, "{", 1);
      for(int i=0; i<p->nMem; i++){
        if( i ) sqlite3_str_append(s, ",", 1);
        kqlFnAppendJsonString(s, p->aMem[i].zName, p->aMem[i].nName);
        sqlite3_str_append(s, ":", 1);
        printNode(s, p->aMem[i].pNode);
      }
      sqlite3_str_append(s, "}", 1);
    }else{
      sqlite3_str_appendf(s, "\"%s\"", azKind[p->aKind[k]]);
    }
  }
  if( p->nKind>1 ) sqlite3_str_append(s, "]", 1);
}

/* kql_buildschema(d) step: merge one non-null dynamic value. */
static void schemaStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  SchemaAgg *pAgg = sqlite3_aggregate_context(ctx, sizeof(*pAgg));
  int n;
  const char *z;
  (void)argc;
  if( pAgg==0 || pAgg->rc || sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( pAgg->pRoot==0 && (pAgg->pRoot = nodeNew())==0 ){ pAgg->rc = SQLITE_NOMEM; return; }
  if( sqlite3_value_type(argv[0])==SQLITE_INTEGER ){
    addKind(pAgg->pRoot, SK_LONG);
    return;
  }
  if( sqlite3_value_type(argv[0])==SQLITE_FLOAT ){
    addKind(pAgg->pRoot, SK_DOUBLE);
    return;
  }
  z = kqlFnText(argv[0], &n);
  if( !kqlFnJsonValid(z, n) ){
    addKind(pAgg->pRoot, SK_STRING);
    return;
  }
  pAgg->rc = mergeValue(pAgg->pRoot, z, n, 0);
}

/* kql_buildschema(d) final: the schema as JSON; NULL for an empty group. */
static void schemaFinal(sqlite3_context *ctx){
  SchemaAgg *pAgg = sqlite3_aggregate_context(ctx, 0);
  if( pAgg==0 ) return;
  if( pAgg->rc ){
    sqlite3_result_error_nomem(ctx);
  }else if( pAgg->pRoot && pAgg->pRoot->nKind ){
    sqlite3_str *s = sqlite3_str_new(0);
    printNode(s, pAgg->pRoot);
    kqlFnResultStr(ctx, s);
  }
  nodeFree(pAgg->pRoot);
  pAgg->pRoot = 0;
}

/*********************************** variancepif ***********************************/

/* Welford state of variancepif(). */
typedef struct VarpAgg VarpAgg;
struct VarpAgg {
  sqlite3_int64 n;      /* values counted */
  double mean;          /* running mean */
  double m2;            /* sum of squared deviations from the mean */
};

static void varpStep(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  VarpAgg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  double x, d;
  (void)argc;
  if( p==0 || !kqlAggPred(argv[1]) || sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  x = kqlFnReal(argv[0]);
  p->n++;
  d = x - p->mean;
  p->mean += d / (double)p->n;
  p->m2 += d * (x - p->mean);
}

/* Population variance: NaN (stored as NULL) for no rows, 0 for one. */
static void varpFinal(sqlite3_context *ctx){
  VarpAgg *p = sqlite3_aggregate_context(ctx, 0);
  sqlite3_result_double(ctx, p && p->n>0 ? p->m2/(double)p->n : NAN);
}

static const KqlAggFunc aSchemaAgg[] = {
  {"kql_buildschema", 1, 0, schemaStep, schemaFinal},
  {"kql_variancepif", 2, 0, varpStep, varpFinal},
};

/* kqlMiscRegisterSchema(): contract in fn_misc.h. */
int kqlMiscRegisterSchema(sqlite3 *db){
  return kqlAggRegisterTable(db, aSchemaAgg, (int)(sizeof(aSchemaAgg)/sizeof(aSchemaAgg[0])));
}
