/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlGenTable(): the generator's row loop and its two writers. For each
** row: draw the row context (gen_value.c), apply the plant plan
** (gen_plant.c), decide which columns get a value (each column's fill
** rate, from one random byte; "...Label" columns follow their value
** column; planted roles are forced), run each column's generator into a
** scratch buffer and append the value to a large output buffer, quoted for
** the format:
**   CSV    RFC 4180: a header row, CRLF line ends, a field quoted (with
**          doubled quotes) when it holds a comma, quote, CR or LF; a
**          column with no value is an empty field.
**   JSONL  one object per line; strings, guids, datetimes and timespans
**          as JSON strings, numbers and bools bare, dynamic values as
**          JSON; a column with no value is left out of the object (the
**          loaders then give it "" or null, as for an empty CSV field).
** Nothing depends on the clock, the locale or the platform's rand(): the
** same options give the same bytes.
*/
#include "genInt.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#define OUT_CHUNK  (1<<20)        /* flush the output buffer past this */
#define CELL_MAX   (6*KQL_GEN_VALUE_MAX + 512)   /* worst case of one cell */

void kqlGenOptsInit(KqlGenOpts *p){
  memset(p, 0, sizeof(*p));
  p->nRow = 1000;
  p->eFormat = KQL_GEN_CSV;
  p->iNow = KQL_GEN_DEFAULT_NOW;
  p->nDay = 7;
}

/* The output buffer. */
typedef struct Out Out;
struct Out {
  FILE *f;
  char *a;              /* OUT_CHUNK + 2*CELL_MAX bytes */
  size_t n;             /* bytes waiting */
  int64_t nByte;        /* bytes written so far */
  int bErr;             /* a write failed */
};

static void outFlush(Out *o){
  if( o->n && !o->bErr && fwrite(o->a, 1, o->n, o->f)!=o->n ) o->bErr = 1;
  o->nByte += (int64_t)o->n;
  o->n = 0;
}

/* Room for one more cell. */
static inline void outReserve(Out *o){
  if( o->n > OUT_CHUNK ) outFlush(o);
}

static inline void outPutn(Out *o, const char *z, size_t n){
  memcpy(o->a + o->n, z, n);
  o->n += n;
}

/* Bytes that make a CSV field need quotes: , " CR LF. */
static const unsigned char aCsvSpecial[256] = {
  ['\n'] = 1, ['\r'] = 1, ['"'] = 1, [','] = 1,
};

/* A CSV field: copied as is, or quoted (quotes doubled) when it holds
** a comma, quote, CR or LF. One pass in the common case. */
static void csvField(Out *o, const char *z, int n){
  char *y = o->a + o->n;
  unsigned char bQuote = 0;
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    bQuote |= aCsvSpecial[c];
    y[i] = (char)c;
  }
  if( !bQuote ){
    o->n += (size_t)n;
    return;
  }
  *y++ = '"';
  for(int i=0; i<n; i++){
    if( z[i]=='"' ) *y++ = '"';
    *y++ = z[i];
  }
  *y++ = '"';
  o->n = (size_t)(y - o->a);
}

/* Bytes a JSON string must escape: " \ and the control characters. */
static const unsigned char aJsonSpecial[256] = {
  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  ['"'] = 1, ['\\'] = 1,
};

/* A JSON string literal of z[0..n). One pass when nothing needs escaping. */
static void jsonString(Out *o, const char *z, int n){
  static const char aHex[] = "0123456789abcdef";
  char *y = o->a + o->n;
  unsigned char bEsc = 0;
  *y++ = '"';
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    bEsc |= aJsonSpecial[c];
    y[i] = (char)c;
  }
  if( !bEsc ){
    y[n] = '"';
    o->n += (size_t)n + 2;
    return;
  }
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='"' || c=='\\' ){
      *y++ = '\\';
      *y++ = (char)c;
    }else if( c<0x20 ){
      *y++ = '\\'; *y++ = 'u'; *y++ = '0'; *y++ = '0';
      *y++ = aHex[c>>4];
      *y++ = aHex[c&15];
    }else{
      *y++ = (char)c;
    }
  }
  *y++ = '"';
  o->n = (size_t)(y - o->a);
}

/* Is a value of KQL type eType written as a JSON string? */
static int isJsonString(int eType){
  return eType==KQL_T_STRING || eType==KQL_T_GUID || eType==KQL_T_DATETIME
      || eType==KQL_T_TIMESPAN;
}

/* Column names, quoted once for the header / as JSON keys ("Name":). */
static int makeKeys(const KqlGen *p, int eFormat, char ***pazKey, int **panKey){
  char **az = calloc((size_t)p->nCol + 1, sizeof(char*));
  int *an = calloc((size_t)p->nCol + 1, sizeof(int));
  char zBuf[CELL_MAX];
  if( az==0 || an==0 ){ free(az); free(an); return -1; }
  for(int i=0; i<p->nCol; i++){
    Out o = { 0, zBuf, 0, 0, 0 };
    int n = (int)strlen(p->aCol[i].zName);
    if( n>KQL_GEN_VALUE_MAX ) n = KQL_GEN_VALUE_MAX;
    if( eFormat==KQL_GEN_JSONL ){
      jsonString(&o, p->aCol[i].zName, n);
      zBuf[o.n++] = ':';
    }else{
      csvField(&o, p->aCol[i].zName, n);
    }
    az[i] = malloc(o.n + 1);
    if( az[i]==0 ){
      for(int j=0; j<i; j++) free(az[j]);
      free(az); free(an);
      return -1;
    }
    memcpy(az[i], zBuf, o.n);
    az[i][o.n] = 0;
    an[i] = (int)o.n;
  }
  *pazKey = az;
  *panKey = an;
  return 0;
}

/* Run the rows. aThresh: per column, a random byte below it means "has a
** value" (256: always). */
static void writeRows(KqlGen *p, KqlGenPlan *pPlan, Out *o, char **azKey, int *anKey,
                      const int *aThresh, unsigned char *aFill){
  const KqlGenOpts *opt = p->pOpts;
  char zVal[KQL_GEN_VALUE_MAX];
  int bJson = opt->eFormat==KQL_GEN_JSONL;
  for(int64_t iRow=0; iRow<opt->nRow; iRow++){
    KqlGenRow *w = &p->row;
    kqlGenRowBegin(p, iRow);
    kqlGenPlanApply(p, pPlan);
    uint64_t bits = 0;
    for(int i=0; i<p->nCol; i++){
      if( (i&7)==0 ) bits = kqlGenRand(&p->rng);
      aFill[i] = (int)(bits & 255) < aThresh[i];
      bits >>= 8;
      if( w->mForce && ((w->mForce>>p->aCol[i].eRole) & 1) && p->aCol[i].eRole ) aFill[i] = 1;
    }
    for(int i=0; i<p->nCol; i++){
      if( p->aCol[i].iFollow>=0 ) aFill[i] = aFill[p->aCol[i].iFollow];
    }
    int nMember = 0;
    if( bJson ){ outReserve(o); o->a[o->n++] = '{'; }
    for(int i=0; i<p->nCol; i++){
      const KqlGenCol *c = &p->aCol[i];
      KqlGenBuf b = { zVal, 0, (int)sizeof(zVal) };
      outReserve(o);
      if( !bJson && c->bClean ){
        /* straight into the output: nothing to quote */
        if( i ) o->a[o->n++] = ',';
        if( aFill[i] ){
          b.z = o->a + o->n;
          c->xGen(p, c, &b);
          o->n += (size_t)b.n;
        }
        continue;
      }
      if( aFill[i] ) c->xGen(p, c, &b);
      if( bJson ){
        /* a column with no value is left out: the loaders give it ""
        ** (string) or null, exactly what an empty CSV field gives */
        if( !aFill[i] || b.n==0 ) continue;
        if( nMember++ ) o->a[o->n++] = ',';
        outPutn(o, azKey[i], (size_t)anKey[i]);
        if( isJsonString(c->eType) ) jsonString(o, b.z, b.n);
        else outPutn(o, b.z, (size_t)b.n);
      }else{
        if( i ) o->a[o->n++] = ',';
        if( aFill[i] && b.n>0 ) csvField(o, b.z, b.n);
      }
    }
    if( bJson ) outPutn(o, "}\n", 2);
    else outPutn(o, "\r\n", 2);
  }
}

/* Set *pzErr to a malloc'ed copy of zMsg and return -1. */
static int fail(char **pzErr, const char *zMsg){
  if( pzErr ){
    *pzErr = malloc(strlen(zMsg)+1);
    if( *pzErr ) strcpy(*pzErr, zMsg);
  }
  return -1;
}

int kqlGenTable(const KqlTableDef *pDef, const KqlGenOpts *pOpts, FILE *out,
                KqlGenReport *pRep, char **pzErr){
  KqlGen g;
  KqlGenPlan plan;
  KqlGenReport rep;
  Out o;
  char **azKey = 0;
  int *anKey = 0, *aThresh = 0;
  unsigned char *aFill = 0;
  int rc = -1;

  if( pzErr ) *pzErr = 0;
  memset(&rep, 0, sizeof(rep));
  memset(&plan, 0, sizeof(plan));
  memset(&o, 0, sizeof(o));
  if( pDef==0 || out==0 ) return fail(pzErr, "no table or no output");
  if( pOpts->nRow<0 || pOpts->nRow>KQL_GEN_MAX_ROWS ) return fail(pzErr, "row count out of range");
  if( pOpts->nDay<1 || pOpts->nDay>36500 ) return fail(pzErr, "days out of range (1..36500)");
  if( pOpts->eFormat!=KQL_GEN_CSV && pOpts->eFormat!=KQL_GEN_JSONL ) return fail(pzErr, "unknown format");
  if( pOpts->nIoc<0 || pOpts->nIoc>KQL_GEN_MAX_IOC ) return fail(pzErr, "too many indicators");

  memset(&g, 0, sizeof(g));
  g.pDef = pDef;
  g.pOpts = pOpts;
  g.nSpan = (int64_t)pOpts->nDay * KQL_TICKS_PER_DAY;
  g.iStart = pOpts->iNow - g.nSpan;
  g.pPool = malloc(sizeof(KqlGenPools));
  o.a = malloc(OUT_CHUNK + 2*CELL_MAX);
  o.f = out;
  if( g.pPool==0 || o.a==0 || kqlGenBind(&g) ) goto done;
  kqlGenPoolsInit(g.pPool, pOpts->iSeed);
  kqlGenSeed(&g.rng, kqlGenMix(pOpts->iSeed ^ kqlGenHashStr(pDef->zName)));
  if( kqlGenPlanMake(&g, &plan, &rep) ) goto done;
  if( makeKeys(&g, pOpts->eFormat, &azKey, &anKey) ) goto done;
  aThresh = malloc(sizeof(int)*((size_t)g.nCol + 1));
  aFill = malloc((size_t)g.nCol + 1);
  if( aThresh==0 || aFill==0 ) goto done;
  for(int i=0; i<g.nCol; i++){
    int n = g.aCol[i].nFill;
    aThresh[i] = n>=100 ? 256 : n*256/100;
  }
  if( pOpts->eFormat==KQL_GEN_CSV ){
    for(int i=0; i<g.nCol; i++){
      outReserve(&o);
      if( i ) o.a[o.n++] = ',';
      outPutn(&o, azKey[i], (size_t)anKey[i]);
    }
    outPutn(&o, "\r\n", 2);
  }
  writeRows(&g, &plan, &o, azKey, anKey, aThresh, aFill);
  outFlush(&o);
  if( fflush(out) ) o.bErr = 1;
  rep.nRow = pOpts->nRow;
  rep.nByte = o.nByte;
  rc = 0;

done:
  if( rc==0 && o.bErr ){
    char zMsg[200];
    snprintf(zMsg, sizeof(zMsg), "write failed: %s", strerror(errno ? errno : EIO));
    rc = fail(pzErr, zMsg);
  }else if( rc ){
    fail(pzErr, "out of memory");
  }
  if( azKey ) for(int i=0; i<g.nCol; i++) free(azKey[i]);
  free(azKey);
  free(anKey);
  free(aThresh);
  free(aFill);
  kqlGenPlanFree(&plan);
  free(g.aCol);
  free(g.pPool);
  free(o.a);
  if( pRep ) *pRep = rep;
  return rc;
}

void kqlGenDescribe(const KqlTableDef *pDef, FILE *out){
  KqlGen g;
  KqlGenOpts opts;
  kqlGenOptsInit(&opts);
  memset(&g, 0, sizeof(g));
  g.pDef = pDef;
  g.pOpts = &opts;
  if( kqlGenBind(&g) ) return;
  for(int i=0; i<g.nCol; i++){
    const KqlGenCol *c = &g.aCol[i];
    fprintf(out, "%-44s %-9s %-10s", c->zName, kqlTypeName(c->eType), kqlGenName(c->eGen));
    if( c->iFollow>=0 ) fprintf(out, " with %s\n", g.aCol[c->iFollow].zName);
    else fprintf(out, " %3d%%\n", c->nFill);
  }
  free(g.aCol);
}
