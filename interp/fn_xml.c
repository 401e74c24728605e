/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kql_parse_xml(text): KQL's parse_xml(), XML to a dynamic value, converted
** the way Kusto does (the Json.NET XML convention): {"Root": value}, where an
** element with only text is that string, an empty element is null, and any
** other element is an object of "@attribute" strings, child elements by name
** (an array when a name repeats) and "#text". Comments, processing
** instructions and the declaration are skipped; entities and CDATA are
** decoded. Text that is not well-formed XML gives null. Nesting is limited.
*/
#include "fn.h"
#include "fnutil.h"
#include <stdlib.h>
#include <string.h>

#define XML_MAX_DEPTH 200

/* A parsed element (a tree in one malloc'ed block list). */
typedef struct XNode XNode;
struct XNode {
  const char *zName; int nName;   /* tag name (slice of the input) */
  XNode *pFirstAttr, *pLastAttr;  /* attributes: zName/nName, zText (decoded, malloc'ed) */
  XNode *pFirstKid, *pLastKid;    /* child elements */
  XNode *pNext;                   /* next sibling (or next attribute) */
  char *zText; int nText;         /* decoded text content (elements) or value (attributes) */
  int bDone;                      /* already emitted (grouped with an earlier same-named sibling) */
};

typedef struct XParse XParse;
struct XParse {
  const char *z; int n; int i;
  int bErr;
};

static void xFree(XNode *p){
  while( p ){
    XNode *pNext = p->pNext;
    xFree(p->pFirstAttr);
    xFree(p->pFirstKid);
    free(p->zText);
    free(p);
    p = pNext;
  }
}

static int isNameChar(char c){
  return (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9') || c=='_' || c=='-' || c=='.'
      || c==':' || (unsigned char)c>=0x80;
}

static void skipWs(XParse *x){
  while( x->i<x->n && (x->z[x->i]==' ' || x->z[x->i]=='\t' || x->z[x->i]=='\n' || x->z[x->i]=='\r') ) x->i++;
}

/* Append decoded text z[0..n) (entities resolved) to *pz, *pn. */
static void appendDecoded(XParse *x, char **pz, int *pn, const char *z, int n){
  char *zOut = realloc(*pz, (size_t)(*pn + n + 1));
  if( zOut==0 ){ x->bErr = 1; return; }
  int k = *pn;
  for(int i=0; i<n; i++){
    if( z[i]!='&' ){ zOut[k++] = z[i]; continue; }
    int j = i+1;
    while( j<n && z[j]!=';' && j-i<12 ) j++;
    if( j>=n || z[j]!=';' ){ x->bErr = 1; break; }
    const char *e = z+i+1; int ne = j-i-1;
    unsigned c = 0;
    if( ne==2 && memcmp(e, "lt", 2)==0 ) c = '<';
    else if( ne==2 && memcmp(e, "gt", 2)==0 ) c = '>';
    else if( ne==3 && memcmp(e, "amp", 3)==0 ) c = '&';
    else if( ne==4 && memcmp(e, "quot", 4)==0 ) c = '"';
    else if( ne==4 && memcmp(e, "apos", 4)==0 ) c = '\'';
    else if( ne>1 && e[0]=='#' ){
      c = (unsigned)strtoul(e[1]=='x' ? e+2 : e+1, 0, e[1]=='x' ? 16 : 10);
      if( c==0 || c>0x10FFFF ){ x->bErr = 1; break; }
    }else{ x->bErr = 1; break; }
    k += kqlFnUtf8Put((unsigned char*)zOut+k, (int)c);
    i = j;
  }
  zOut[k] = 0;
  *pz = zOut;
  *pn = k;
}

/* Skip comments, processing instructions, the declaration and DOCTYPE. */
static int skipMisc(XParse *x){
  for(;;){
    skipWs(x);
    if( x->i+3<x->n && memcmp(x->z+x->i, "<!--", 4)==0 ){
      const char *e = memmem(x->z+x->i+4, (size_t)(x->n-x->i-4), "-->", 3);
      if( e==0 ) return 0;
      x->i = (int)(e - x->z) + 3;
    }else if( x->i+1<x->n && (memcmp(x->z+x->i, "<?", 2)==0 || memcmp(x->z+x->i, "<!D", 3)==0) ){
      const char *e = memchr(x->z+x->i, '>', (size_t)(x->n-x->i));
      if( e==0 ) return 0;
      x->i = (int)(e - x->z) + 1;
    }else{
      return 1;
    }
  }
}

static XNode *parseElement(XParse *x, int iDepth){
  if( iDepth>XML_MAX_DEPTH || x->i>=x->n || x->z[x->i]!='<' ){ x->bErr = 1; return 0; }
  x->i++;
  XNode *p = calloc(1, sizeof(*p));
  if( p==0 ){ x->bErr = 1; return 0; }
  p->zName = x->z + x->i;
  while( x->i<x->n && isNameChar(x->z[x->i]) ) x->i++;
  p->nName = (int)(x->z + x->i - p->zName);
  if( p->nName==0 ){ x->bErr = 1; return p; }
  for(;;){
    skipWs(x);
    if( x->i>=x->n ){ x->bErr = 1; return p; }
    char c = x->z[x->i];
    if( c=='/' ){
      if( x->i+1>=x->n || x->z[x->i+1]!='>' ){ x->bErr = 1; return p; }
      x->i += 2;
      return p;                 /* <a/> */
    }
    if( c=='>' ){ x->i++; break; }
    XNode *a = calloc(1, sizeof(*a));
    if( a==0 ){ x->bErr = 1; return p; }
    if( p->pLastAttr ) p->pLastAttr->pNext = a; else p->pFirstAttr = a;
    p->pLastAttr = a;
    a->zName = x->z + x->i;
    while( x->i<x->n && isNameChar(x->z[x->i]) ) x->i++;
    a->nName = (int)(x->z + x->i - a->zName);
    skipWs(x);
    if( a->nName==0 || x->i>=x->n || x->z[x->i]!='=' ){ x->bErr = 1; return p; }
    x->i++;
    skipWs(x);
    if( x->i>=x->n || (x->z[x->i]!='"' && x->z[x->i]!='\'') ){ x->bErr = 1; return p; }
    char q = x->z[x->i++];
    const char *zV = x->z + x->i;
    const char *e = memchr(zV, q, (size_t)(x->n - x->i));
    if( e==0 ){ x->bErr = 1; return p; }
    appendDecoded(x, &a->zText, &a->nText, zV, (int)(e - zV));
    x->i = (int)(e - x->z) + 1;
  }
  /* content */
  for(;;){
    if( x->bErr ) return p;
    if( x->i>=x->n ){ x->bErr = 1; return p; }
    if( x->z[x->i]!='<' ){
      const char *s = x->z + x->i;
      const char *e = memchr(s, '<', (size_t)(x->n - x->i));
      if( e==0 ){ x->bErr = 1; return p; }
      appendDecoded(x, &p->zText, &p->nText, s, (int)(e - s));
      x->i = (int)(e - x->z);
      continue;
    }
    if( x->i+8<x->n && memcmp(x->z+x->i, "<![CDATA[", 9)==0 ){
      const char *s = x->z + x->i + 9;
      const char *e = memmem(s, (size_t)(x->n - x->i - 9), "]]>", 3);
      if( e==0 ){ x->bErr = 1; return p; }
      char *zT = realloc(p->zText, (size_t)(p->nText + (e - s) + 1));
      if( zT==0 ){ x->bErr = 1; return p; }
      memcpy(zT + p->nText, s, (size_t)(e - s));
      p->nText += (int)(e - s);
      zT[p->nText] = 0;
      p->zText = zT;
      x->i = (int)(e - x->z) + 3;
      continue;
    }
    if( x->i+3<x->n && memcmp(x->z+x->i, "<!--", 4)==0 ){
      if( !skipMisc(x) ){ x->bErr = 1; return p; }
      continue;
    }
    if( x->i+1<x->n && x->z[x->i+1]=='/' ){
      x->i += 2;
      if( x->n - x->i < p->nName || memcmp(x->z+x->i, p->zName, (size_t)p->nName)!=0 ){ x->bErr = 1; return p; }
      x->i += p->nName;
      skipWs(x);
      if( x->i>=x->n || x->z[x->i]!='>' ){ x->bErr = 1; return p; }
      x->i++;
      return p;
    }
    XNode *k = parseElement(x, iDepth+1);
    if( k ){
      if( p->pLastKid ) p->pLastKid->pNext = k; else p->pFirstKid = k;
      p->pLastKid = k;
    }
  }
}

/* Is text only white space? */
static int isBlank(const char *z, int n){
  for(int i=0; i<n; i++) if( z[i]!=' ' && z[i]!='\t' && z[i]!='\n' && z[i]!='\r' ) return 0;
  return 1;
}

static void emitValue(sqlite3_str *s, XNode *p);

static void emitKey(sqlite3_str *s, const char *zPre, const char *z, int n){
  sqlite3_str *k = sqlite3_str_new(0);
  sqlite3_str_appendall(k, zPre);
  sqlite3_str_append(k, z, n);
  char *zk = sqlite3_str_finish(k);
  kqlFnAppendJsonString(s, zk ? zk : "", zk ? (int)strlen(zk) : 0);
  sqlite3_free(zk);
  sqlite3_str_appendchar(s, 1, ':');
}

static void emitValue(sqlite3_str *s, XNode *p){
  int bText = p->zText && !isBlank(p->zText, p->nText);
  if( p->pFirstAttr==0 && p->pFirstKid==0 ){
    if( bText ) kqlFnAppendJsonString(s, p->zText, p->nText);
    else sqlite3_str_appendall(s, "null");
    return;
  }
  sqlite3_str_appendchar(s, 1, '{');
  int bFirst = 1;
  for(XNode *a = p->pFirstAttr; a; a = a->pNext){
    if( !bFirst ) sqlite3_str_appendchar(s, 1, ',');
    bFirst = 0;
    emitKey(s, "@", a->zName, a->nName);
    kqlFnAppendJsonString(s, a->zText ? a->zText : "", a->nText);
  }
  if( bText ){
    if( !bFirst ) sqlite3_str_appendchar(s, 1, ',');
    bFirst = 0;
    emitKey(s, "", "#text", 5);
    kqlFnAppendJsonString(s, p->zText, p->nText);
  }
  for(XNode *k = p->pFirstKid; k; k = k->pNext){
    if( k->bDone ) continue;
    int nSame = 0;
    for(XNode *o = k; o; o = o->pNext){
      if( o->nName==k->nName && memcmp(o->zName, k->zName, (size_t)k->nName)==0 ) nSame++;
    }
    if( !bFirst ) sqlite3_str_appendchar(s, 1, ',');
    bFirst = 0;
    emitKey(s, "", k->zName, k->nName);
    if( nSame>1 ) sqlite3_str_appendchar(s, 1, '[');
    int bF2 = 1;
    for(XNode *o = k; o; o = o->pNext){
      if( o->nName!=k->nName || memcmp(o->zName, k->zName, (size_t)k->nName)!=0 ) continue;
      if( !bF2 ) sqlite3_str_appendchar(s, 1, ',');
      bF2 = 0;
      emitValue(s, o);
      o->bDone = 1;
    }
    if( nSame>1 ) sqlite3_str_appendchar(s, 1, ']');
  }
  sqlite3_str_appendchar(s, 1, '}');
}

static void fnParseXml(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc;
  const char *z = (const char*)sqlite3_value_text(argv[0]);
  if( z==0 ) return;
  XParse x = { z, sqlite3_value_bytes(argv[0]), 0, 0 };
  if( !skipMisc(&x) ) return;
  XNode *pRoot = parseElement(&x, 0);
  if( !x.bErr ){
    if( !skipMisc(&x) || x.i<x.n ) x.bErr = 1;
  }
  if( !x.bErr && pRoot ){
    sqlite3_str *s = sqlite3_str_new(0);
    sqlite3_str_appendchar(s, 1, '{');
    emitKey(s, "", pRoot->zName, pRoot->nName);
    emitValue(s, pRoot);
    sqlite3_str_appendchar(s, 1, '}');
    kqlFnResultStr(ctx, s);
  }
  xFree(pRoot);
}

int kqlFnRegisterXml(sqlite3 *db){
  return sqlite3_create_function(db, "kql_parse_xml", 1, SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
                                 0, fnParseXml, 0, 0);
}
