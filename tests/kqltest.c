/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqltestRun(): a query's results or diagnostics as one string (kqltest.h).
*/
#include <criterion/criterion.h>
#include "kqltest.h"
#include "kql.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Buf Buf;
struct Buf { char *z; size_t n, nAlloc; int nTable; };

static void bufAdd(Buf *b, const char *z){
  size_t n = strlen(z);
  if( b->n + n + 1 > b->nAlloc ){
    b->nAlloc = (b->n + n + 1)*2 + 256;
    b->z = realloc(b->z, b->nAlloc);
  }
  memcpy(b->z + b->n, z, n + 1);
  b->n += n;
}

static int collect(void *pArg, KqlResult *r){
  Buf *b = pArg;
  if( b->nTable++ ) bufAdd(b, "--\n");
  int n = kql_result_columns(r);
  for(int i=0; i<n; i++){
    if( i ) bufAdd(b, ",");
    bufAdd(b, kql_result_name(r, i));
    bufAdd(b, ":");
    bufAdd(b, kqlTypeName(kql_result_type(r, i)));
  }
  bufAdd(b, "\n");
  int rc;
  while( (rc = kql_result_step(r))==KQL_ROW ){
    for(int i=0; i<n; i++){
      if( i ) bufAdd(b, ",");
      bufAdd(b, kql_result_isnull(r, i) ? "null" : kql_result_text(r, i));
    }
    bufAdd(b, "\n");
  }
  return 0;
}

char *kqltestRun(const char *zQuery, const char *zDataDir, int *pRc){
  Buf b = {0};
  bufAdd(&b, "");
  KqlEngine *pEng = 0;
  kql_open(&pEng);
  if( zDataDir ) kql_set_data_dir(pEng, zDataDir);
  kql_set_now(pEng, 17810496000000000LL);   /* 2026-06-10T00:00:00Z */
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  KqlSource src = { "<query>", zQuery, (int)strlen(zQuery), 0, 0 };
  int rc = kql_run(pEng, &src, &diags, collect, &b);
  for(KqlDiag *d = diags.pFirst; d; d = d->pNext){
    char buf[1200];
    snprintf(buf, sizeof(buf), "%s %s @%d+%d: %s\n", d->eSev==KQL_SEV_ERROR ? "error" : "warning",
             d->zCode, d->iOfst, d->nLen, d->zMsg);
    bufAdd(&b, buf);
  }
  kqlArenaFree(pArena);
  kql_close(pEng);
  if( pRc ) *pRc = rc;
  return b.z;
}

void kqltestRunCases(const KqlTestCase *a, size_t n, const char *zDataDir){
  for(size_t i=0; i<n; i++){
    int rc;
    char *z = kqltestRun(a[i].zQuery, zDataDir, &rc);
    cr_expect_str_eq(z, a[i].zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", i, a[i].zQuery, a[i].zExpect, z);
    free(z);
  }
}

/* Read a number at *pz (advancing it); 0 when there is none. */
static int readNum(const char **pz, double *pR){
  char *zEnd;
  const char *z = *pz;
  if( !(isdigit((unsigned char)z[0]) || ((z[0]=='-' || z[0]=='.') && isdigit((unsigned char)z[1]))) ) return 0;
  *pR = strtod(z, &zEnd);
  if( zEnd==z ) return 0;
  *pz = zEnd;
  return 1;
}

/* kqltestSameNumbers(): contract in kqltest.h. */
int kqltestSameNumbers(const char *zGot, const char *zWant){
  for(;;){
    double g, w;
    while( isspace((unsigned char)*zGot) ) zGot++;
    while( isspace((unsigned char)*zWant) ) zWant++;
    if( *zGot==0 || *zWant==0 ) return *zGot==*zWant;
    if( readNum(&zGot, &g) ){
      double m;
      if( !readNum(&zWant, &w) ) return 0;
      m = fabs(g)>fabs(w) ? fabs(g) : fabs(w);
      if( fabs(g-w)>1e-9*m && fabs(g-w)>1e-12 ) return 0;
      continue;
    }
    if( *zGot!=*zWant ) return 0;
    zGot++;
    zWant++;
  }
}
