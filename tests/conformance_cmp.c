/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The comparison rules of the documentation conformance cases (see
** conformance_cmp.h and ../shared/conformance/README.md). Cells: exact text,
** then null, bool, numbers, datetime, timespan, dynamic JSON and guid
** normalisations. Tables: column names, row count, then rows in order or as a
** multiset (a maximum bipartite matching, so one loose cell rule can never
** make a greedy choice steal the row another expected row needed). The JSON
** reader here is deliberately separate from the engine's, so the two cannot
** share a bug.
*/
#include "conformance_cmp.h"
#include "types.h"
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/****************************************************************************
** Memory helpers: out-of-memory aborts (this is test code).
*/
static void *xmalloc(size_t n){
  void *p = malloc(n ? n : 1);
  if( p==0 ) abort();
  return p;
}
static void *xrealloc(void *p, size_t n){
  p = realloc(p, n ? n : 1);
  if( p==0 ) abort();
  return p;
}
static char *xstrdup(const char *z){
  size_t n = strlen(z);
  char *p = xmalloc(n+1);
  memcpy(p, z, n+1);
  return p;
}

/****************************************************************************
** Tables.
*/
KqlConfTable *kqlConfTableNew(void){
  KqlConfTable *p = xmalloc(sizeof(*p));
  memset(p, 0, sizeof(*p));
  return p;
}

void kqlConfTableFree(KqlConfTable *p){
  if( p==0 ) return;
  for(int i=0; i<p->nCol; i++) free(p->azCol[i]);
  free(p->azCol);
  free(p->aeType);
  for(int i=0; i<p->nRow; i++){
    for(int j=0; j<p->aRow[i].nCell; j++) free(p->aRow[i].azCell[j]);
    free(p->aRow[i].azCell);
  }
  free(p->aRow);
  free(p);
}

void kqlConfTableAddColumn(KqlConfTable *p, const char *zName, int eType, int bTyped){
  p->azCol = xrealloc(p->azCol, sizeof(char*)*(size_t)(p->nCol+1));
  p->azCol[p->nCol] = xstrdup(zName ? zName : "");
  if( bTyped ){
    p->aeType = xrealloc(p->aeType, sizeof(int)*(size_t)(p->nCol+1));
    p->aeType[p->nCol] = eType;
  }
  p->nCol++;
}

void kqlConfTableAddRow(KqlConfTable *p, int nCell, const char *const *azCell){
  if( p->nRow>=p->nRowAlloc ){
    p->nRowAlloc = p->nRowAlloc ? p->nRowAlloc*2 : 16;
    p->aRow = xrealloc(p->aRow, sizeof(KqlConfRow)*(size_t)p->nRowAlloc);
  }
  KqlConfRow *pRow = &p->aRow[p->nRow++];
  pRow->nCell = nCell;
  pRow->azCell = xmalloc(sizeof(char*)*(size_t)(nCell>0 ? nCell : 1));
  for(int i=0; i<nCell; i++){
    pRow->azCell[i] = azCell[i] ? xstrdup(azCell[i]) : 0;
  }
  if( p->nRowTotal < p->nRow ) p->nRowTotal = p->nRow;
}

int kqlConfFlagFromName(const char *zName){
  static const struct { const char *z; int m; } aFlag[] = {
    {"nondeterministic", KQLCONF_F_NONDET}, {"approximate", KQLCONF_F_APPROX},
    {"render", KQLCONF_F_RENDER}, {"partial", KQLCONF_F_PARTIAL},
    {"ragged", KQLCONF_F_RAGGED}, {"multiple_tables", KQLCONF_F_MULTI},
  };
  for(unsigned i=0; i<sizeof(aFlag)/sizeof(aFlag[0]); i++){
    if( strcmp(zName, aFlag[i].z)==0 ) return aFlag[i].m;
  }
  return 0;
}

/****************************************************************************
** Numbers.
*/
#define NUM_NONE   0
#define NUM_FINITE 1
#define NUM_NAN    2
#define NUM_PINF   3
#define NUM_NINF   4

/*
** Parse z[0..n) as a number the way the docs and the engine print one:
** [+-]digits[.digits][(e|E)[+-]digits], or NaN, Infinity, ∞ with a sign.
** Returns the NUM_* class; for a finite number stores the value in *pR and
** in *piScale the power of ten of the last digit shown ("12.34" → -2,
** "1.5E+20" → 19, "1200" → 0).
*/
static int parseNum(const char *z, long n, double *pR, int *piScale){
  const char *zEnd = z+n;
  const char *p = z;
  int bNeg = 0, nFrac = 0, nDigit = 0;
  long iExp = 0;
  if( n<=0 ) return NUM_NONE;
  if( *p=='+' || *p=='-' ){ bNeg = *p=='-'; p++; }
  if( (size_t)(zEnd-p)==3 && memcmp(p, "NaN", 3)==0 ) return NUM_NAN;
  if( ((size_t)(zEnd-p)==8 && memcmp(p, "Infinity", 8)==0)
   || ((size_t)(zEnd-p)==3 && memcmp(p, "\xE2\x88\x9E", 3)==0) ){
    return bNeg ? NUM_NINF : NUM_PINF;
  }
  while( p<zEnd && isdigit((unsigned char)*p) ){ p++; nDigit++; }
  if( p<zEnd && *p=='.' ){
    p++;
    while( p<zEnd && isdigit((unsigned char)*p) ){ p++; nFrac++; nDigit++; }
  }
  if( nDigit==0 ) return NUM_NONE;
  if( p<zEnd && (*p=='e' || *p=='E') ){
    int bExpNeg = 0, nExpDigit = 0;
    p++;
    if( p<zEnd && (*p=='+' || *p=='-') ){ bExpNeg = *p=='-'; p++; }
    while( p<zEnd && isdigit((unsigned char)*p) ){
      if( iExp<100000 ) iExp = iExp*10 + (*p - '0');
      p++; nExpDigit++;
    }
    if( nExpDigit==0 ) return NUM_NONE;
    if( bExpNeg ) iExp = -iExp;
  }
  if( p!=zEnd ) return NUM_NONE;
  {
    char *zCopy = xmalloc((size_t)n+1);
    memcpy(zCopy, z, (size_t)n);
    zCopy[n] = 0;
    *pR = strtod(zCopy, 0);
    free(zCopy);
  }
  *piScale = (int)(iExp - nFrac);
  return NUM_FINITE;
}

/*
** Do expected number (eClass, e, eScale) and the engine's (gClass, g) match?
** Equal within a relative 1e-9, or the engine's value rounded to the digits
** the docs show equals the docs' value; with KQLCONF_F_APPROX also within
** KQLCONF_APPROX_TOL relative.
*/
static int numMatch(int eClass, double e, int eScale, int gClass, double g, int mFlags){
  double d, m;
  if( eClass!=gClass ) return 0;
  if( eClass!=NUM_FINITE ) return 1;
  if( e==g ) return 1;
  d = fabs(e-g);
  m = fabs(e)>fabs(g) ? fabs(e) : fabs(g);
  if( d <= 1e-9*m ) return 1;
  if( (mFlags & KQLCONF_F_APPROX)!=0 && d <= KQLCONF_APPROX_TOL*m ) return 1;
  if( d <= 0.5*pow(10.0, eScale)*(1.0+1e-9) + 1e-12*m ) return 1;
  return 0;
}

/* Number rule on two whole texts: -1 if either is not a number, else 0/1. */
static int numTextMatch(const char *zExp, const char *zGot, int mFlags){
  double e = 0, g = 0;
  int eScale = 0, gScale = 0;
  int eClass = parseNum(zExp, (long)strlen(zExp), &e, &eScale);
  int gClass = parseNum(zGot, (long)strlen(zGot), &g, &gScale);
  if( eClass==NUM_NONE || gClass==NUM_NONE ) return -1;
  return numMatch(eClass, e, eScale, gClass, g, mFlags);
}

/****************************************************************************
** Datetime and timespan.
*/

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's method). */
static int64_t daysFromCivil(int64_t y, int m, int d){
  y -= m<=2;
  int64_t era = (y>=0 ? y : y-399)/400;
  int64_t yoe = y - era*400;
  int64_t doy = (153*(m + (m>2 ? -3 : 9)) + 2)/5 + d - 1;
  int64_t doe = yoe*365 + yoe/4 - yoe/100 + doy;
  return era*146097 + doe - 719468;
}

/* Read 1..nMax digits at *pz into *pV; returns the digit count (0: none). */
static int readDigits(const char **pz, int nMax, int64_t *pV){
  int n = 0;
  int64_t v = 0;
  while( n<nMax && isdigit((unsigned char)**pz) ){
    v = v*10 + (**pz - '0');
    (*pz)++;
    n++;
  }
  *pV = v;
  return n;
}

/* Read ".fffffff" (any number of digits, first 7 used) as ticks; 0 if absent. */
static int64_t readFraction(const char **pz){
  int64_t t = 0;
  int n = 0;
  if( **pz!='.' ) return 0;
  (*pz)++;
  while( isdigit((unsigned char)**pz) ){
    if( n<7 ){ t = t*10 + (**pz - '0'); n++; }
    (*pz)++;
  }
  while( n++<7 ) t *= 10;
  return t;
}

static const char *skipBlanks(const char *z){
  while( *z==' ' || *z=='\t' ) z++;
  return z;
}

/* hh:mm[:ss[.f]] at *pz into ticks since midnight; -1 if malformed. */
static int readClock(const char **pz, int64_t *pTicks){
  int64_t h, mi, s = 0, f = 0;
  if( readDigits(pz, 2, &h)==0 || **pz!=':' ) return -1;
  (*pz)++;
  if( readDigits(pz, 2, &mi)!=2 ) return -1;
  if( **pz==':' ){
    (*pz)++;
    if( readDigits(pz, 2, &s)!=2 ) return -1;
    f = readFraction(pz);
  }
  if( h>23 || mi>59 || s>60 ) return -1;
  *pTicks = ((h*60 + mi)*60 + s)*KQL_TICKS_PER_SECOND + f;
  return 0;
}

int kqlConfParseDatetime(const char *z, int64_t *pTicks){
  int64_t y, mo, d, t = 0;
  const char *p = skipBlanks(z);
  const char *q = p;
  int64_t a;
  int nA = readDigits(&q, 4, &a);
  if( nA==4 && *q=='-' ){
    /* ISO: YYYY-MM-DD[(T| )hh:mm[:ss[.f]]][Z|+hh:mm|-hh:mm] */
    y = a; q++;
    if( readDigits(&q, 2, &mo)!=2 || *q!='-' ) return -1;
    q++;
    if( readDigits(&q, 2, &d)!=2 ) return -1;
    if( *q=='T' || (*q==' ' && isdigit((unsigned char)q[1])) ){
      q++;
      if( readClock(&q, &t) ) return -1;
    }
    q = skipBlanks(q);
    if( *q=='Z' ){
      q++;
    }else if( (*q=='+' || *q=='-') && isdigit((unsigned char)q[1]) ){
      int bNeg = *q=='-';
      int64_t oh, om = 0;
      q++;
      if( readDigits(&q, 2, &oh)!=2 ) return -1;
      if( *q==':' ) q++;
      readDigits(&q, 2, &om);
      t += (bNeg ? 1 : -1)*(oh*60 + om)*60*KQL_TICKS_PER_SECOND;
    }
  }else if( nA>=1 && nA<=2 && *q=='/' ){
    /* US: M/D/YYYY[ h:mm[:ss[.f]][ AM|PM]] */
    mo = a; q++;
    if( readDigits(&q, 2, &d)==0 || *q!='/' ) return -1;
    q++;
    if( readDigits(&q, 4, &y)!=4 ) return -1;
    q = skipBlanks(q);
    if( isdigit((unsigned char)*q) ){
      if( readClock(&q, &t) ) return -1;
      q = skipBlanks(q);
      if( (q[0]=='A' || q[0]=='P' || q[0]=='a' || q[0]=='p') && (q[1]=='M' || q[1]=='m') ){
        int64_t h = t / (3600*KQL_TICKS_PER_SECOND);
        if( h<1 || h>12 ) return -1;
        if( h==12 ) t -= 12*3600*KQL_TICKS_PER_SECOND;
        if( q[0]=='P' || q[0]=='p' ) t += 12*3600*KQL_TICKS_PER_SECOND;
        q += 2;
      }
    }
  }else{
    return -1;
  }
  q = skipBlanks(q);
  if( *q ) return -1;
  if( mo<1 || mo>12 || d<1 || d>31 ) return -1;
  *pTicks = daysFromCivil(y, (int)mo, (int)d)*KQL_TICKS_PER_DAY + t;
  return 0;
}

int kqlConfParseTimespan(const char *z, int64_t *pTicks){
  const char *p = skipBlanks(z);
  int bNeg = 0;
  int64_t days = 0, h, mi, s, f, a;
  if( *p=='-' ){ bNeg = 1; p++; }
  if( readDigits(&p, 9, &a)==0 ) return -1;
  if( *p=='.' ){
    days = a; p++;
    if( readDigits(&p, 2, &h)==0 ) return -1;
  }else{
    h = a;
  }
  if( *p!=':' ) return -1;
  p++;
  if( readDigits(&p, 2, &mi)!=2 || *p!=':' ) return -1;
  p++;
  if( readDigits(&p, 2, &s)!=2 ) return -1;
  f = readFraction(&p);
  p = skipBlanks(p);
  if( *p ) return -1;
  if( mi>59 || s>59 ) return -1;
  int64_t t = (((days*24 + h)*60 + mi)*60 + s)*KQL_TICKS_PER_SECOND + f;
  *pTicks = bNeg ? -t : t;
  return 0;
}

/****************************************************************************
** A small JSON reader: values become a tree of JNode in one array.
*/
#define J_NULL  0
#define J_FALSE 1
#define J_TRUE  2
#define J_NUM   3
#define J_STR   4
#define J_ARR   5
#define J_OBJ   6

typedef struct JNode JNode;
struct JNode {
  int eType;            /* J_* */
  int nChild;           /* J_ARR elements or J_OBJ members */
  int iFirst;           /* index of the first child (-1 none) */
  int iNext;            /* next sibling (-1 none) */
  char *zKey;           /* member name when the parent is an object (malloc'ed) */
  char *zStr;           /* J_STR value (malloc'ed, unescaped) */
  const char *zNum;     /* J_NUM text in the source */
  int nNum;             /* bytes in zNum */
};

typedef struct JParse JParse;
struct JParse {
  const char *z;        /* next byte to read */
  JNode *a;             /* nodes */
  int n, nAlloc;        /* used and allocated nodes */
  int nDepth;           /* nesting depth, for the guard */
};

static void jSkip(JParse *p){
  while( *p->z==' ' || *p->z=='\t' || *p->z=='\n' || *p->z=='\r' ) p->z++;
}

static int jNew(JParse *p, int eType){
  if( p->n>=p->nAlloc ){
    p->nAlloc = p->nAlloc ? p->nAlloc*2 : 32;
    p->a = xrealloc(p->a, sizeof(JNode)*(size_t)p->nAlloc);
  }
  JNode *pN = &p->a[p->n];
  memset(pN, 0, sizeof(*pN));
  pN->eType = eType;
  pN->iFirst = -1;
  pN->iNext = -1;
  return p->n++;
}

static void putUtf8(char *zOut, size_t *pn, unsigned long cp){
  size_t n = *pn;
  if( cp<0x80 ) zOut[n++] = (char)cp;
  else if( cp<0x800 ){ zOut[n++] = (char)(0xC0|(cp>>6)); zOut[n++] = (char)(0x80|(cp&0x3F)); }
  else if( cp<0x10000 ){
    zOut[n++] = (char)(0xE0|(cp>>12)); zOut[n++] = (char)(0x80|((cp>>6)&0x3F));
    zOut[n++] = (char)(0x80|(cp&0x3F));
  }else{
    zOut[n++] = (char)(0xF0|(cp>>18)); zOut[n++] = (char)(0x80|((cp>>12)&0x3F));
    zOut[n++] = (char)(0x80|((cp>>6)&0x3F)); zOut[n++] = (char)(0x80|(cp&0x3F));
  }
  *pn = n;
}

static int hex4(const char *z, unsigned long *pV){
  unsigned long v = 0;
  for(int i=0; i<4; i++){
    int c = (unsigned char)z[i];
    if( !isxdigit(c) ) return -1;
    v = v*16 + (unsigned long)(isdigit(c) ? c-'0' : (tolower(c)-'a'+10));
  }
  *pV = v;
  return 0;
}

/* A string literal at p->z (on the opening quote); malloc'ed copy or NULL. */
static char *jString(JParse *p){
  const char *z = p->z + 1;
  size_t nCap = 16, n = 0;
  char *zOut = xmalloc(nCap);
  for(;;){
    unsigned char c = (unsigned char)*z;
    if( n+8>=nCap ){ nCap *= 2; zOut = xrealloc(zOut, nCap); }
    if( c==0 || c<0x20 ){ free(zOut); return 0; }
    if( c=='"' ){ z++; break; }
    if( c!='\\' ){ zOut[n++] = (char)c; z++; continue; }
    z++;
    switch( *z ){
      case '"': zOut[n++] = '"'; break;
      case '\\': zOut[n++] = '\\'; break;
      case '/': zOut[n++] = '/'; break;
      case 'b': zOut[n++] = '\b'; break;
      case 'f': zOut[n++] = '\f'; break;
      case 'n': zOut[n++] = '\n'; break;
      case 'r': zOut[n++] = '\r'; break;
      case 't': zOut[n++] = '\t'; break;
      case 'u': {
        unsigned long cp, lo;
        if( hex4(z+1, &cp) ){ free(zOut); return 0; }
        z += 4;
        if( cp>=0xD800 && cp<=0xDBFF && z[1]=='\\' && z[2]=='u' && hex4(z+3, &lo)==0
         && lo>=0xDC00 && lo<=0xDFFF ){
          cp = 0x10000 + ((cp-0xD800)<<10) + (lo-0xDC00);
          z += 6;
        }
        putUtf8(zOut, &n, cp);
        break;
      }
      default: free(zOut); return 0;
    }
    z++;
  }
  zOut[n] = 0;
  p->z = z;
  return zOut;
}

/* Parse one value at p->z; returns its node index or -1. */
static int jValue(JParse *p){
  int i;
  jSkip(p);
  if( ++p->nDepth > 200 ) return -1;
  switch( *p->z ){
    case 'n': if( strncmp(p->z, "null", 4) ) return -1; p->z += 4; i = jNew(p, J_NULL); break;
    case 't': if( strncmp(p->z, "true", 4) ) return -1; p->z += 4; i = jNew(p, J_TRUE); break;
    case 'f': if( strncmp(p->z, "false", 5) ) return -1; p->z += 5; i = jNew(p, J_FALSE); break;
    case '"': {
      char *zS = jString(p);
      if( zS==0 ) return -1;
      i = jNew(p, J_STR);
      p->a[i].zStr = zS;
      break;
    }
    case '[': case '{': {
      int bObj = *p->z=='{';
      int iLast = -1;
      i = jNew(p, bObj ? J_OBJ : J_ARR);
      p->z++;
      jSkip(p);
      if( *p->z==(bObj ? '}' : ']') ){ p->z++; break; }
      for(;;){
        char *zKey = 0;
        int iChild;
        if( bObj ){
          jSkip(p);
          if( *p->z!='"' || (zKey = jString(p))==0 ) return -1;
          jSkip(p);
          if( *p->z!=':' ){ free(zKey); return -1; }
          p->z++;
        }
        iChild = jValue(p);
        if( iChild<0 ){ free(zKey); return -1; }
        p->a[iChild].zKey = zKey;
        if( iLast<0 ) p->a[i].iFirst = iChild; else p->a[iLast].iNext = iChild;
        iLast = iChild;
        p->a[i].nChild++;
        jSkip(p);
        if( *p->z==',' ){ p->z++; continue; }
        if( *p->z==(bObj ? '}' : ']') ){ p->z++; break; }
        return -1;
      }
      break;
    }
    default: {
      const char *zStart = p->z;
      double r;
      int iScale;
      if( *p->z=='-' ) p->z++;
      while( isdigit((unsigned char)*p->z) || *p->z=='.' || *p->z=='e' || *p->z=='E'
          || *p->z=='+' || *p->z=='-' ) p->z++;
      if( parseNum(zStart, (long)(p->z-zStart), &r, &iScale)!=NUM_FINITE ) return -1;
      i = jNew(p, J_NUM);
      p->a[i].zNum = zStart;
      p->a[i].nNum = (int)(p->z - zStart);
      break;
    }
  }
  p->nDepth--;
  return i;
}

static void jFree(JParse *p){
  for(int i=0; i<p->n; i++){
    free(p->a[i].zKey);
    free(p->a[i].zStr);
  }
  free(p->a);
}

/* Parse all of z; returns 0 (root is node 0) or -1. */
static int jParseAll(JParse *p, const char *z){
  memset(p, 0, sizeof(*p));
  p->z = z;
  if( jValue(p)!=0 ) return -1;
  jSkip(p);
  return *p->z==0 ? 0 : -1;
}

static int jEqual(const JParse *pE, int iE, const JParse *pG, int iG, int mFlags){
  const JNode *e = &pE->a[iE], *g = &pG->a[iG];
  if( e->eType!=g->eType ) return 0;
  switch( e->eType ){
    case J_NULL: case J_TRUE: case J_FALSE: return 1;
    case J_STR: return strcmp(e->zStr, g->zStr)==0;
    case J_NUM: {
      double re, rg;
      int se, sg;
      int ce = parseNum(e->zNum, e->nNum, &re, &se);
      int cg = parseNum(g->zNum, g->nNum, &rg, &sg);
      return numMatch(ce, re, se, cg, rg, mFlags);
    }
    case J_ARR: {
      if( e->nChild!=g->nChild ) return 0;
      for(int a=e->iFirst, b=g->iFirst; a>=0; a=pE->a[a].iNext, b=pG->a[b].iNext){
        if( !jEqual(pE, a, pG, b, mFlags) ) return 0;
      }
      return 1;
    }
    case J_OBJ: {
      if( e->nChild!=g->nChild ) return 0;
      for(int a=e->iFirst; a>=0; a=pE->a[a].iNext){
        int b;
        for(b=g->iFirst; b>=0; b=pG->a[b].iNext){
          if( strcmp(pE->a[a].zKey, pG->a[b].zKey)==0 ) break;
        }
        if( b<0 || !jEqual(pE, a, pG, b, mFlags) ) return 0;
      }
      return 1;
    }
  }
  return 0;
}

int kqlConfJsonEqual(const char *zExp, const char *zGot, int mFlags){
  JParse e, g;
  int rc;
  if( jParseAll(&e, zExp) ){ jFree(&e); return -1; }
  if( jParseAll(&g, zGot) ){ jFree(&e); jFree(&g); return -1; }
  rc = jEqual(&e, 0, &g, 0, mFlags);
  jFree(&e);
  jFree(&g);
  return rc;
}

/* Copy of z without whitespace, and also without '"' when bQuotes. */
static char *squeeze(const char *z, int bQuotes){
  char *zOut = xmalloc(strlen(z)+1);
  size_t n = 0;
  for(; *z; z++){
    if( isspace((unsigned char)*z) ) continue;
    if( bQuotes && *z=='"' ) continue;
    zOut[n++] = *z;
  }
  zOut[n] = 0;
  return zOut;
}

static int squeezeEqual(const char *zA, const char *zB, int bQuotes){
  char *a = squeeze(zA, bQuotes), *b = squeeze(zB, bQuotes);
  int rc = strcmp(a, b)==0;
  free(a);
  free(b);
  return rc;
}

static char *trimCopy(const char *z);

/****************************************************************************
** Cells.
*/
int kqlConfCellMatch(const char *zExp, int eType, const char *zGot, int mFlags){
  int bAny = eType<0;
  int rc;
  if( zGot && strcmp(zExp, zGot)==0 ) return 1;
  /* The extraction trimmed the blanks around every docs cell, so the
  ** engine's value is compared trimmed as well. */
  if( zGot && (zGot[0]==' ' || zGot[0]=='\t' || (zGot[0] && (zGot[strlen(zGot)-1]==' '
                                                   || zGot[strlen(zGot)-1]=='\t'))) ){
    char *zTrim = trimCopy(zGot);
    int bEq = strcmp(zExp, zTrim)==0;
    free(zTrim);
    if( bEq ) return 1;
  }
  /* null */
  if( zExp[0]==0 || strcmp(zExp, "null")==0 ){
    if( zGot==0 || zGot[0]==0 ) return 1;
  }
  if( zGot==0 ) return 0;
  /* bool */
  if( eType==KQL_T_BOOL || bAny ){
    int bExp = -1, bGot = -1;
    if( strcmp(zExp, "true")==0 || strcmp(zExp, "True")==0 || strcmp(zExp, "1")==0 ) bExp = 1;
    if( strcmp(zExp, "false")==0 || strcmp(zExp, "False")==0 || strcmp(zExp, "0")==0 ) bExp = 0;
    if( strcmp(zGot, "true")==0 || strcmp(zGot, "True")==0 ) bGot = 1;
    if( strcmp(zGot, "false")==0 || strcmp(zGot, "False")==0 ) bGot = 0;
    if( eType==KQL_T_BOOL && (strcmp(zGot, "1")==0) ) bGot = 1;
    if( eType==KQL_T_BOOL && (strcmp(zGot, "0")==0) ) bGot = 0;
    if( bExp>=0 && bGot>=0 ) return bExp==bGot;
  }
  /* numbers */
  rc = numTextMatch(zExp, zGot, mFlags);
  if( rc>=0 ) return rc;
  /* datetime */
  if( eType==KQL_T_DATETIME || bAny ){
    int64_t e, g;
    if( kqlConfParseDatetime(zExp, &e)==0 && kqlConfParseDatetime(zGot, &g)==0 ) return e==g;
  }
  /* timespan */
  if( eType==KQL_T_TIMESPAN || bAny ){
    int64_t e, g;
    if( kqlConfParseTimespan(zExp, &e)==0 && kqlConfParseTimespan(zGot, &g)==0 ) return e==g;
  }
  /* dynamic */
  if( eType==KQL_T_DYNAMIC || bAny ){
    rc = kqlConfJsonEqual(zExp, zGot, mFlags);
    if( rc>=0 ) return rc;
    if( squeezeEqual(zExp, zGot, 0) || squeezeEqual(zExp, zGot, 1) ) return 1;
  }
  /* guid */
  if( eType==KQL_T_GUID || bAny ){
    if( strcasecmp(zExp, zGot)==0 ) return 1;
  }
  return 0;
}

/****************************************************************************
** Tables.
*/

/* Bounded appending to the reason buffer. */
static void why(char *zWhy, int nWhy, const char *zFmt, ...){
  va_list ap;
  if( zWhy==0 || nWhy<=0 ) return;
  va_start(ap, zFmt);
  vsnprintf(zWhy, (size_t)nWhy, zFmt, ap);
  va_end(ap);
}

/* Copy of z with surrounding blanks removed (malloc'ed). */
static char *trimCopy(const char *z){
  size_t n;
  while( isspace((unsigned char)*z) ) z++;
  n = strlen(z);
  while( n>0 && isspace((unsigned char)z[n-1]) ) n--;
  char *zOut = xmalloc(n+1);
  memcpy(zOut, z, n);
  zOut[n] = 0;
  return zOut;
}

/* Cell i of an expected row, "" past its end. */
static const char *expCell(const KqlConfRow *pRow, int i){
  return i<pRow->nCell && pRow->azCell[i] ? pRow->azCell[i] : "";
}

/*
** Does expected row pE match engine row pG? On a cell mismatch *piCol gets
** the first bad column.
*/
static int rowMatch(const KqlConfTable *pExp, const KqlConfRow *pE,
                    const KqlConfTable *pGot, const KqlConfRow *pG, int mFlags, int *piCol){
  int nCol = pGot->nCol;
  for(int i=nCol; i<pE->nCell; i++){
    if( pE->azCell[i] && pE->azCell[i][0] ){ *piCol = i; return 0; }
  }
  for(int i=0; i<nCol; i++){
    int eType = pGot->aeType ? pGot->aeType[i] : -1;
    const char *zGot = i<pG->nCell ? pG->azCell[i] : 0;
    if( !kqlConfCellMatch(expCell(pE, i), eType, zGot, mFlags) ){ *piCol = i; return 0; }
  }
  (void)pExp;
  return 1;
}

/* Append z to zBuf[*pn..nBuf) on one line: control characters become \n,
** \t or \xHH; stops short of the end, always NUL-terminates. */
static void appendOneLine(char *zBuf, int nBuf, int *pn, const char *z){
  int n = *pn;
  for(; *z && n<nBuf-8; z++){
    unsigned char c = (unsigned char)*z;
    if( c=='\n' ){ zBuf[n++] = '\\'; zBuf[n++] = 'n'; }
    else if( c=='\t' ){ zBuf[n++] = '\\'; zBuf[n++] = 't'; }
    else if( c<0x20 ){ n += snprintf(zBuf+n, 5, "\\x%02X", c); }
    else zBuf[n++] = (char)c;
  }
  zBuf[n] = 0;
  *pn = n;
}

/* Row as "a | b | c" on one line, cut to fit zBuf. */
static const char *rowText(const KqlConfRow *pRow, char *zBuf, int nBuf){
  int n = 0;
  zBuf[0] = 0;
  for(int i=0; i<pRow->nCell && n<nBuf-8; i++){
    if( i ) appendOneLine(zBuf, nBuf, &n, " | ");
    appendOneLine(zBuf, nBuf, &n, pRow->azCell[i] ? pRow->azCell[i] : "(null)");
  }
  return zBuf;
}

/* One cell on one line, cut to fit zBuf; "null" for NULL, else quoted. */
static const char *cellText(const char *z, char *zBuf, int nBuf){
  int n = 0;
  zBuf[0] = 0;
  if( z==0 ){ appendOneLine(zBuf, nBuf, &n, "null"); return zBuf; }
  appendOneLine(zBuf, nBuf, &n, "\"");
  appendOneLine(zBuf, nBuf-1, &n, z);
  zBuf[n++] = '"';
  zBuf[n] = 0;
  return zBuf;
}

/* The engine row (among the first 1000) with the most cells matching
** expected row pE; -1 when the result is empty. */
static int closestRow(const KqlConfTable *pExp, const KqlConfRow *pE,
                      const KqlConfTable *pGot, int mFlags){
  int iBest = -1, nBest = -1;
  (void)pExp;
  for(int g=0; g<pGot->nRow && g<1000; g++){
    int n = 0;
    for(int i=0; i<pGot->nCol; i++){
      int eType = pGot->aeType ? pGot->aeType[i] : -1;
      const char *zGot = i<pGot->aRow[g].nCell ? pGot->aRow[g].azCell[i] : 0;
      n += kqlConfCellMatch(expCell(pE, i), eType, zGot, mFlags);
    }
    if( n>nBest ){ nBest = n; iBest = g; }
  }
  return iBest;
}

/* Kuhn's augmenting path from expected row iE. aMemo: 0 unknown, 1 match, 2 no. */
typedef struct Matcher Matcher;
struct Matcher {
  const KqlConfTable *pExp, *pGot;
  int mFlags;
  unsigned char *aMemo;   /* nExp*nGot, or NULL (greedy only) */
  int *aGotOwner;         /* expected row that holds each engine row, or -1 */
  unsigned char *aSeen;   /* engine rows visited in this search */
};

static int pairMatch(Matcher *m, int iE, int iG){
  int iCol;
  if( m->aMemo ){
    unsigned char *p = &m->aMemo[(size_t)iE*(size_t)m->pGot->nRow + (size_t)iG];
    if( *p==0 ){
      *p = rowMatch(m->pExp, &m->pExp->aRow[iE], m->pGot, &m->pGot->aRow[iG], m->mFlags, &iCol) ? 1 : 2;
    }
    return *p==1;
  }
  return rowMatch(m->pExp, &m->pExp->aRow[iE], m->pGot, &m->pGot->aRow[iG], m->mFlags, &iCol);
}

static int augment(Matcher *m, int iE, int nDepth){
  for(int iG=0; iG<m->pGot->nRow; iG++){
    if( m->aSeen[iG] || !pairMatch(m, iE, iG) ) continue;
    m->aSeen[iG] = 1;
    if( m->aGotOwner[iG]<0 || (nDepth<100000 && augment(m, m->aGotOwner[iG], nDepth+1)) ){
      m->aGotOwner[iG] = iE;
      return 1;
    }
  }
  return 0;
}

int kqlConfTableMatch(const KqlConfTable *pExp, const KqlConfTable *pGot,
                      int bOrdered, int mFlags, char *zWhy, int nWhy){
  int bCase = 0;
  int bPartial = (mFlags & KQLCONF_F_PARTIAL)!=0;
  char zA[160], zB[160];
  if( zWhy && nWhy>0 ) zWhy[0] = 0;

  /* 1. Columns */
  if( pExp->nCol!=pGot->nCol ){
    why(zWhy, nWhy, "expected %d columns, got %d", pExp->nCol, pGot->nCol);
    return KQLCONF_MISMATCH;
  }
  for(int i=0; i<pExp->nCol; i++){
    char *a = trimCopy(pExp->azCol[i]), *b = trimCopy(pGot->azCol[i]);
    int bSame = strcmp(a, b)==0;
    int bCaseOnly = !bSame && strcasecmp(a, b)==0;
    if( !bSame && !bCaseOnly ){
      why(zWhy, nWhy, "column %d: expected name \"%s\", got \"%s\"", i+1, a, b);
    }
    free(a);
    free(b);
    if( bCaseOnly ) bCase = 1;
    else if( !bSame ) return KQLCONF_MISMATCH;
  }

  /* 2. Row count */
  if( bPartial ? pGot->nRowTotal < pExp->nRow : pGot->nRowTotal != pExp->nRow ){
    why(zWhy, nWhy, "expected %s%d rows, got %lld", bPartial ? "at least " : "",
        pExp->nRow, pGot->nRowTotal);
    return KQLCONF_MISMATCH;
  }
  if( mFlags & KQLCONF_F_NONDET ) return bCase ? KQLCONF_MATCH_CASE : KQLCONF_MATCH;

  /* 3. Cells */
  if( bOrdered ){
    if( pGot->nRow < pExp->nRow ){
      why(zWhy, nWhy, "result too large to compare (%lld rows)", pGot->nRowTotal);
      return KQLCONF_MISMATCH;
    }
    for(int r=0; r<pExp->nRow; r++){
      int iCol = 0;
      if( !rowMatch(pExp, &pExp->aRow[r], pGot, &pGot->aRow[r], mFlags, &iCol) ){
        const char *zGot = iCol<pGot->nCol && iCol<pGot->aRow[r].nCell ? pGot->aRow[r].azCell[iCol] : 0;
        why(zWhy, nWhy, "row %d column %d (%s): expected %s, got %s",
            r+1, iCol+1, iCol<pGot->nCol ? pGot->azCol[iCol] : "extra",
            cellText(expCell(&pExp->aRow[r], iCol), zA, 72), cellText(zGot, zB, 72));
        return KQLCONF_MISMATCH;
      }
    }
  }else{
    Matcher m;
    int rc = KQLCONF_MATCH;
    if( pGot->nRow < pGot->nRowTotal ){
      why(zWhy, nWhy, "result too large to compare (%lld rows)", pGot->nRowTotal);
      return KQLCONF_MISMATCH;
    }
    memset(&m, 0, sizeof(m));
    m.pExp = pExp;
    m.pGot = pGot;
    m.mFlags = mFlags;
    if( (long long)pExp->nRow * pGot->nRow <= 4000000 ){
      m.aMemo = calloc((size_t)pExp->nRow * (size_t)pGot->nRow + 1, 1);
    }
    m.aGotOwner = xmalloc(sizeof(int)*(size_t)(pGot->nRow+1));
    m.aSeen = xmalloc((size_t)pGot->nRow+1);
    for(int i=0; i<pGot->nRow; i++) m.aGotOwner[i] = -1;
    for(int r=0; r<pExp->nRow; r++){
      memset(m.aSeen, 0, (size_t)pGot->nRow+1);
      if( !augment(&m, r, 0) ){
        int iBest = closestRow(pExp, &pExp->aRow[r], pGot, mFlags);
        if( iBest<0 ){
          why(zWhy, nWhy, "expected row %d [%s] has no match in the result",
              r+1, rowText(&pExp->aRow[r], zA, (int)sizeof(zA)));
        }else{
          int iCol = 0;
          char zC[80], zD[80];
          rowMatch(pExp, &pExp->aRow[r], pGot, &pGot->aRow[iBest], mFlags, &iCol);
          why(zWhy, nWhy, "expected row %d [%s] has no match; closest result row %d differs in"
              " column %d (%s): expected %s, got %s", r+1,
              rowText(&pExp->aRow[r], zA, 64), iBest+1, iCol+1,
              iCol<pGot->nCol ? pGot->azCol[iCol] : "extra",
              cellText(expCell(&pExp->aRow[r], iCol), zC, (int)sizeof(zC)),
              cellText(iCol<pGot->aRow[iBest].nCell ? pGot->aRow[iBest].azCell[iCol] : 0,
                       zD, (int)sizeof(zD)));
        }
        rc = KQLCONF_MISMATCH;
        break;
      }
    }
    free(m.aMemo);
    free(m.aGotOwner);
    free(m.aSeen);
    if( rc ) return rc;
  }
  return bCase ? KQLCONF_MATCH_CASE : KQLCONF_MATCH;
}
