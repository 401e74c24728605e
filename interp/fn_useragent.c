/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** parse_user_agent(ua, look_for): Kusto's user-agent parser, on the rules
** of the ua-parser project (uap-core's regexes.yaml, the Debian package
** `uap-core`; another file with KQLITE_UAP_REGEXES). The file is read with
** libyaml and its regular expressions compiled with PCRE2 (JIT when
** available) once per process, at the first call. Matching follows the
** uap-core specification: each list (user_agent_parsers, os_parsers,
** device_parsers) is tried in order and the first regex that matches
** anywhere in the string wins; a field takes its *_replacement with $1..$9
** replaced by the capture groups when the rule has one, else its capture
** group (family/major/minor/patch/patch minor: groups 1..5; device family
** and model: group 1; brand: none); values are trimmed and an empty value
** is none; no match gives the family "Other". The SQL result is the
** documented bag {"Browser": {Family, MajorVersion, MinorVersion, Patch},
** "OperatingSystem": {Family, MajorVersion, MinorVersion, Patch,
** PatchMinor}, "Device": {Family, Brand, Model}} for the parts asked for,
** a missing value "". Results are cached per connection and distinct
** string, since one parse tries hundreds of expressions.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <yaml.h>
#include "fn.h"
#include "fn_useragent.h"
#include "fn_json.h"
#include "fnutil.h"
#include "types.h"
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One rule of a list: the compiled regex and a replacement per field. */
typedef struct UaRule UaRule;
struct UaRule {
  pcre2_code *pCode;
  char *azRepl[5];          /* malloc'ed; NULL when the rule has none */
};

/* One list of rules, in file order. */
typedef struct UaList UaList;
struct UaList {
  UaRule *a;
  int n, nAlloc;
};

/* The three lists of regexes.yaml, in KQL_UA_BROWSER/OS/DEVICE order. */
static const struct UaListDef {
  const char *zKey;         /* the list's key in regexes.yaml */
  int iFirst;               /* its first field in KqlUaResult */
  int nField;               /* how many fields it fills */
  const char *azRepl[5];    /* replacement key per field */
  int aiGroup[5];           /* capture group per field without one, 0: none */
} aListDef[3] = {
  {"user_agent_parsers", KQL_UA_FAMILY, 4,
   {"family_replacement", "v1_replacement", "v2_replacement", "v3_replacement", 0},
   {1, 2, 3, 4, 0}},
  {"os_parsers", KQL_UA_OS_FAMILY, 5,
   {"os_replacement", "os_v1_replacement", "os_v2_replacement", "os_v3_replacement",
    "os_v4_replacement"},
   {1, 2, 3, 4, 5}},
  {"device_parsers", KQL_UA_DEV_FAMILY, 3,
   {"device_replacement", "brand_replacement", "model_replacement", 0, 0},
   {1, 0, 1, 0, 0}},
};

/* The rules, loaded once per process (never freed). */
static struct {
  UaList aList[3];
  uint32_t nOvec;           /* ovector pairs a match needs (largest group count + 1) */
  const char *zErr;         /* why the rules are unusable, NULL when loaded */
  char zErrBuf[700];
} g;
static pthread_once_t uaOnce = PTHREAD_ONCE_INIT;

/* Set g.zErr to the formatted reason, with the hint on how to get the rules. */
static void uaFail(const char *zPath, const char *zFmt, const char *zArg){
  char zWhy[400];
  snprintf(zWhy, sizeof(zWhy), zFmt, zArg);
  snprintf(g.zErrBuf, sizeof(g.zErrBuf),
           "the ua-parser rules %s cannot be used (%s): install the Debian package "
           "`uap-core` (apt-get install uap-core) or set KQLITE_UAP_REGEXES to its regexes.yaml",
           zPath, zWhy);
  g.zErr = g.zErrBuf;
}

/* The scalar text of node pNode, NULL when it is not a scalar. */
static const char *scalarOf(yaml_node_t *pNode){
  if( pNode==0 || pNode->type!=YAML_SCALAR_NODE ) return 0;
  return (const char*)pNode->data.scalar.value;
}

/* Compile one rule (mapping node pItem) into list iList. Returns 0, or 1 after uaFail(). */
static int addRule(const char *zPath, yaml_document_t *pDoc, yaml_node_t *pItem, int iList){
  const struct UaListDef *pDef = &aListDef[iList];
  UaList *pList = &g.aList[iList];
  const char *zRegex = 0, *zFlag = 0;
  UaRule r;
  memset(&r, 0, sizeof(r));
  if( pItem->type!=YAML_MAPPING_NODE ){
    uaFail(zPath, "an item of %s is not a mapping", pDef->zKey);
    return 1;
  }
  for(yaml_node_pair_t *pp=pItem->data.mapping.pairs.start; pp<pItem->data.mapping.pairs.top; pp++){
    const char *zKey = scalarOf(yaml_document_get_node(pDoc, pp->key));
    const char *zVal = scalarOf(yaml_document_get_node(pDoc, pp->value));
    if( zKey==0 ) continue;
    if( strcmp(zKey, "regex")==0 ){ zRegex = zVal; continue; }
    if( strcmp(zKey, "regex_flag")==0 ){ zFlag = zVal; continue; }
    for(int i=0; i<pDef->nField; i++){
      if( strcmp(zKey, pDef->azRepl[i])==0 && zVal ){
        free(r.azRepl[i]);
        r.azRepl[i] = strdup(zVal);
        if( r.azRepl[i]==0 ){ uaFail(zPath, "%s", "out of memory"); goto fail; }
      }
    }
  }
  if( zRegex==0 ){
    uaFail(zPath, "an item of %s has no regex", pDef->zKey);
    goto fail;
  }
  int rc;
  PCRE2_SIZE iOff;
  uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
  if( zFlag && strcmp(zFlag, "i")==0 ) opts |= PCRE2_CASELESS;
  r.pCode = pcre2_compile((PCRE2_SPTR)zRegex, PCRE2_ZERO_TERMINATED, opts, &rc, &iOff, 0);
  if( r.pCode==0 ){
    PCRE2_UCHAR zMsg[200];
    char zWhy[360];
    pcre2_get_error_message(rc, zMsg, sizeof(zMsg));
    snprintf(zWhy, sizeof(zWhy), "%s: %.150s", (const char*)zMsg, zRegex);
    uaFail(zPath, "a regex does not compile: %s", zWhy);
    goto fail;
  }
  pcre2_jit_compile(r.pCode, PCRE2_JIT_COMPLETE);   /* interpreted when JIT is unavailable */
  uint32_t nCap = 0;
  pcre2_pattern_info(r.pCode, PCRE2_INFO_CAPTURECOUNT, &nCap);
  if( nCap+1>g.nOvec ) g.nOvec = nCap+1;
  if( pList->n==pList->nAlloc ){
    int nNew = pList->nAlloc ? 2*pList->nAlloc : 256;
    UaRule *aNew = realloc(pList->a, sizeof(UaRule)*(size_t)nNew);
    if( aNew==0 ){ uaFail(zPath, "%s", "out of memory"); goto fail; }
    pList->a = aNew;
    pList->nAlloc = nNew;
  }
  pList->a[pList->n++] = r;
  return 0;
fail:
  pcre2_code_free(r.pCode);
  for(int i=0; i<5; i++) free(r.azRepl[i]);
  return 1;
}

/* Read and compile the rules file (pthread_once routine). */
static void uaLoad(void){
  const char *zPath = getenv("KQLITE_UAP_REGEXES");
  yaml_parser_t parser;
  yaml_document_t doc;
  FILE *f;
  if( zPath==0 || zPath[0]==0 ) zPath = KQL_UA_DEFAULT_RULES;
  g.nOvec = 1;
  f = fopen(zPath, "rb");
  if( f==0 ){
    uaFail(zPath, "%s", strerror(errno));
    return;
  }
  if( !yaml_parser_initialize(&parser) ){
    fclose(f);
    uaFail(zPath, "%s", "out of memory");
    return;
  }
  yaml_parser_set_input_file(&parser, f);
  if( !yaml_parser_load(&parser, &doc) ){
    char zWhy[300];
    snprintf(zWhy, sizeof(zWhy), "line %lu: %s", (unsigned long)parser.problem_mark.line+1,
             parser.problem ? parser.problem : "unreadable YAML");
    uaFail(zPath, "%s", zWhy);
    yaml_parser_delete(&parser);
    fclose(f);
    return;
  }
  yaml_node_t *pRoot = yaml_document_get_root_node(&doc);
  int nFound = 0;
  if( pRoot && pRoot->type==YAML_MAPPING_NODE ){
    for(yaml_node_pair_t *pp=pRoot->data.mapping.pairs.start;
        pp<pRoot->data.mapping.pairs.top && g.zErr==0; pp++){
      const char *zKey = scalarOf(yaml_document_get_node(&doc, pp->key));
      yaml_node_t *pVal = yaml_document_get_node(&doc, pp->value);
      for(int iList=0; zKey && iList<3; iList++){
        if( strcmp(zKey, aListDef[iList].zKey)!=0 ) continue;
        if( pVal==0 || pVal->type!=YAML_SEQUENCE_NODE ){
          uaFail(zPath, "%s is not a list", zKey);
          break;
        }
        nFound++;
        for(yaml_node_item_t *pi=pVal->data.sequence.items.start;
            pi<pVal->data.sequence.items.top; pi++){
          if( addRule(zPath, &doc, yaml_document_get_node(&doc, *pi), iList) ) break;
        }
      }
    }
  }
  if( g.zErr==0 && nFound!=3 ){
    uaFail(zPath, "%s", "not a ua-parser regexes.yaml: user_agent_parsers, os_parsers or device_parsers missing");
  }
  yaml_document_delete(&doc);
  yaml_parser_delete(&parser);
  fclose(f);
}

/* kqlUaRulesError(): contract in fn_useragent.h. */
const char *kqlUaRulesError(void){
  pthread_once(&uaOnce, uaLoad);
  return g.zErr;
}

/* Copy z[0..n) without surrounding white space; NULL when nothing is left
** (*pbNoMem set when the copy fails). */
static char *trimmedCopy(const char *z, size_t n, int *pbNoMem){
  while( n>0 && (z[0]==' ' || z[0]=='\t' || z[0]=='\r' || z[0]=='\n') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\r' || z[n-1]=='\n') ) n--;
  if( n==0 ) return 0;
  char *zOut = sqlite3_malloc64(n+1);
  if( zOut==0 ){ *pbNoMem = 1; return 0; }
  memcpy(zOut, z, n);
  zOut[n] = 0;
  return zOut;
}

/* Capture group iGroup of the match (rc from pcre2_match), or NULL/0. */
static const char *groupText(const char *z, PCRE2_SIZE *aOv, int rc, int iGroup, size_t *pn){
  *pn = 0;
  if( iGroup<=0 || iGroup>=rc || aOv[2*iGroup]==PCRE2_UNSET ) return 0;
  *pn = aOv[2*iGroup+1] - aOv[2*iGroup];
  return z + aOv[2*iGroup];
}

/* Field value from replacement zRepl (with $1..$9) or capture group iGroup. */
static char *fieldValue(const char *z, PCRE2_SIZE *aOv, int rc, const char *zRepl, int iGroup,
                        int *pbNoMem){
  size_t n;
  const char *zG;
  if( zRepl==0 ){
    zG = groupText(z, aOv, rc, iGroup, &n);
    return zG ? trimmedCopy(zG, n, pbNoMem) : 0;
  }
  if( strchr(zRepl, '$')==0 ) return trimmedCopy(zRepl, strlen(zRepl), pbNoMem);
  sqlite3_str *s = sqlite3_str_new(0);
  for(const char *p=zRepl; *p; p++){
    if( p[0]=='$' && p[1]>='1' && p[1]<='9' ){
      zG = groupText(z, aOv, rc, p[1]-'0', &n);
      if( zG ) sqlite3_str_append(s, zG, (int)n);
      p++;
    }else{
      sqlite3_str_appendchar(s, 1, *p);
    }
  }
  int nOut = sqlite3_str_length(s);
  int bErr = sqlite3_str_errcode(s)!=SQLITE_OK;
  char *zTmp = sqlite3_str_finish(s);
  char *zOut = 0;
  if( bErr ) *pbNoMem = 1;
  else if( zTmp ) zOut = trimmedCopy(zTmp, (size_t)nOut, pbNoMem);
  sqlite3_free(zTmp);
  return zOut;
}

/* Match one list against z[0..n) and fill its fields. SQLITE_OK/NOMEM/ERROR. */
static int parseList(int iList, const char *z, int n, pcre2_match_data *pMd, KqlUaResult *p,
                     int *peMatch){
  const struct UaListDef *pDef = &aListDef[iList];
  const UaList *pList = &g.aList[iList];
  int bNoMem = 0;
  for(int k=0; k<pList->n; k++){
    const UaRule *r = &pList->a[k];
    int rc = pcre2_match(r->pCode, (PCRE2_SPTR)z, (PCRE2_SIZE)n, 0, 0, pMd, 0);
    if( rc==PCRE2_ERROR_JIT_STACKLIMIT ){
      rc = pcre2_match(r->pCode, (PCRE2_SPTR)z, (PCRE2_SIZE)n, 0, PCRE2_NO_JIT, pMd, 0);
    }
    if( rc==PCRE2_ERROR_NOMATCH ) continue;
    if( rc<0 ){ *peMatch = rc; return SQLITE_ERROR; }
    PCRE2_SIZE *aOv = pcre2_get_ovector_pointer(pMd);
    for(int i=0; i<pDef->nField; i++){
      p->az[pDef->iFirst+i] = fieldValue(z, aOv, rc, r->azRepl[i], pDef->aiGroup[i], &bNoMem);
    }
    break;
  }
  if( p->az[pDef->iFirst]==0 && !bNoMem ){
    p->az[pDef->iFirst] = sqlite3_mprintf("Other");
    if( p->az[pDef->iFirst]==0 ) bNoMem = 1;
  }
  return bNoMem ? SQLITE_NOMEM : SQLITE_OK;
}

/* kqlUaParse(): contract in fn_useragent.h. */
int kqlUaParse(const char *z, int n, int mask, KqlUaResult *p, int *peMatch){
  int rc = SQLITE_OK;
  memset(p, 0, sizeof(*p));
  *peMatch = 0;
  if( kqlUaRulesError() ) return SQLITE_ERROR;
  pcre2_match_data *pMd = pcre2_match_data_create(g.nOvec, 0);
  if( pMd==0 ) return SQLITE_NOMEM;
  for(int iList=0; iList<3 && rc==SQLITE_OK; iList++){
    if( mask & (1<<iList) ) rc = parseList(iList, z, n, pMd, p, peMatch);
  }
  pcre2_match_data_free(pMd);
  if( rc!=SQLITE_OK ) kqlUaResultClear(p);
  return rc;
}

/* kqlUaResultClear(): contract in fn_useragent.h. */
void kqlUaResultClear(KqlUaResult *p){
  for(int i=0; i<KQL_UA_NFIELD; i++) sqlite3_free(p->az[i]);
  memset(p, 0, sizeof(*p));
}

/* ---- The SQL function */

/* Keys of the result bag, per field. */
static const char *const azKey[KQL_UA_NFIELD] = {
  "Family", "MajorVersion", "MinorVersion", "Patch",
  "Family", "MajorVersion", "MinorVersion", "Patch", "PatchMinor",
  "Family", "Brand", "Model",
};
static const char *const azPart[3] = {"Browser", "OperatingSystem", "Device"};

/* Cache of results per connection: direct-mapped on a hash of the string. */
#define UA_CACHE_SLOTS 4096
#define UA_CACHE_MAXLEN 2048      /* longer strings are not cached */
typedef struct UaCacheEntry UaCacheEntry;
struct UaCacheEntry {
  char *zUa;                /* the string (sqlite3_malloc'ed), NULL: empty slot */
  int nUa;
  int mask;
  char *zJson;              /* the result */
  int nJson;
};
typedef struct UaCache UaCache;
struct UaCache {
  UaCacheEntry *a;          /* UA_CACHE_SLOTS entries, allocated at first use */
};

static void uaCacheFree(void *pArg){
  UaCache *pCache = (UaCache*)pArg;
  if( pCache==0 ) return;
  if( pCache->a ){
    for(int i=0; i<UA_CACHE_SLOTS; i++){
      sqlite3_free(pCache->a[i].zUa);
      sqlite3_free(pCache->a[i].zJson);
    }
    sqlite3_free(pCache->a);
  }
  sqlite3_free(pCache);
}

/* FNV-1a of z[0..n) and the mask. */
static unsigned uaHash(const char *z, int n, int mask){
  uint32_t h = 2166136261u ^ (uint32_t)mask;
  for(int i=0; i<n; i++){ h ^= (unsigned char)z[i]; h *= 16777619u; }
  return h;
}

/* Mask bit for a look_for name z[0..n), 0 when unknown. */
static int partOf(const char *z, int n){
  static const char *const az[3] = {"browser", "os", "device"};
  for(int i=0; i<3; i++){
    if( (int)strlen(az[i])==n && sqlite3_strnicmp(z, az[i], n)==0 ) return 1<<i;
  }
  return 0;
}

/* Collects the mask from a dynamic array's elements (kqlFnJsonArrayEach). */
typedef struct LookFor LookFor;
struct LookFor {
  int mask;
  int bBad;                 /* an element is not a string */
  int bUnknown;             /* an element names no part */
  char zUnknown[64];        /* first unknown name (truncated) */
};

static int lookForItem(void *pArg, const char *z, int n, int bString){
  LookFor *p = (LookFor*)pArg;
  int m = bString ? partOf(z, n) : 0;
  if( !bString ){ p->bBad = 1; return 1; }
  if( m==0 ){
    p->bUnknown = 1;
    snprintf(p->zUnknown, sizeof(p->zUnknown), "%.*s", n<60 ? n : 60, z);
    return 1;
  }
  p->mask |= m;
  return 0;
}

/* The mask look_for asks for, or -1 after reporting an error. */
static int lookForMask(sqlite3_context *ctx, int eType, sqlite3_value *pVal){
  LookFor lf;
  int n;
  const char *z = kqlFnText(pVal, &n);
  memset(&lf, 0, sizeof(lf));
  if( eType==KQL_T_DYNAMIC && sqlite3_value_type(pVal)!=SQLITE_NULL ){
    int eKind = kqlJsonKind(z, n);
    if( eKind==KQL_JSON_ARRAY ){
      if( kqlFnJsonArrayEach(z, n, lookForItem, &lf)<0 ) lf.bBad = 1;
    }else if( eKind==KQL_JSON_STRING ){
      sqlite3_str *s = sqlite3_str_new(0);
      kqlFnJsonUnquote(s, z, n);
      int nS = sqlite3_str_length(s);
      char *zS = sqlite3_str_finish(s);
      if( zS==0 && nS>0 ){ sqlite3_result_error_nomem(ctx); return -1; }
      lookForItem(&lf, zS ? zS : "", nS, 1);
      sqlite3_free(zS);
    }else{
      lf.bBad = 1;
    }
  }else if( eType==KQL_T_STRING || eType==KQL_T_UNKNOWN ){
    lookForItem(&lf, z, n, 1);
  }else{
    lf.bBad = 1;
  }
  if( lf.bBad ){
    kqlFnError(ctx, "parse_user_agent", "look_for must be a string or a dynamic array of strings");
    return -1;
  }
  if( lf.bUnknown ){
    kqlFnError(ctx, "parse_user_agent",
               "unknown look_for value '%s': expected \"browser\", \"os\" or \"device\"", lf.zUnknown);
    return -1;
  }
  return lf.mask;
}

/* The result bag of *pRes for the parts in mask, as compact JSON. */
static void appendBag(sqlite3_str *s, const KqlUaResult *pRes, int mask){
  int bFirstPart = 1;
  sqlite3_str_appendchar(s, 1, '{');
  for(int iList=0; iList<3; iList++){
    const struct UaListDef *pDef = &aListDef[iList];
    if( (mask & (1<<iList))==0 ) continue;
    sqlite3_str_appendf(s, "%s\"%s\":{", bFirstPart ? "" : ",", azPart[iList]);
    bFirstPart = 0;
    for(int i=0; i<pDef->nField; i++){
      const char *zVal = pRes->az[pDef->iFirst+i];
      sqlite3_str_appendf(s, "%s\"%s\":", i ? "," : "", azKey[pDef->iFirst+i]);
      kqlFnAppendJsonString(s, zVal ? zVal : "", -1);
    }
    sqlite3_str_appendchar(s, 1, '}');
  }
  sqlite3_str_appendchar(s, 1, '}');
}

/*
** kql_parse_user_agent(tags, ua, look_for): the bag described at the top.
** A null ua parses as the empty string. The one-argument form (the
** language service accepts it; the docs require look_for) is not supported.
*/
static void parseUserAgentFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  UaCache *pCache = (UaCache*)sqlite3_user_data(ctx);
  KqlUaResult res;
  int eMatch, rc, mask, nUa;
  const char *zUa;
  if( argc<3 ){
    kqlFnError(ctx, "parse_user_agent", "not supported: parse_user_agent without look_for");
    return;
  }
  const char *zErr = kqlUaRulesError();
  if( zErr ){
    kqlFnError(ctx, "parse_user_agent", "%s", zErr);
    return;
  }
  mask = lookForMask(ctx, kqlFnTagType(argv[0], 1), argv[2]);
  if( mask<0 ) return;
  zUa = kqlFnText(argv[1], &nUa);
  UaCacheEntry *e = 0;
  unsigned h = uaHash(zUa, nUa, mask);
  if( pCache && nUa<=UA_CACHE_MAXLEN ){
    if( pCache->a==0 ){
      pCache->a = sqlite3_malloc64(sizeof(UaCacheEntry)*UA_CACHE_SLOTS);
      if( pCache->a ) memset(pCache->a, 0, sizeof(UaCacheEntry)*UA_CACHE_SLOTS);
    }
    if( pCache->a ){
      e = &pCache->a[h % UA_CACHE_SLOTS];
      if( e->zUa && e->mask==mask && e->nUa==nUa && memcmp(e->zUa, zUa, (size_t)nUa)==0 ){
        sqlite3_result_text(ctx, e->zJson, e->nJson, SQLITE_TRANSIENT);
        return;
      }
    }
  }
  rc = kqlUaParse(zUa, nUa, mask, &res, &eMatch);
  if( rc==SQLITE_NOMEM ){ sqlite3_result_error_nomem(ctx); return; }
  if( rc!=SQLITE_OK ){
    PCRE2_UCHAR zMsg[256];
    pcre2_get_error_message(eMatch, zMsg, sizeof(zMsg));
    kqlFnError(ctx, "parse_user_agent", "regular expression failed: %s", (const char*)zMsg);
    return;
  }
  sqlite3_str *s = sqlite3_str_new(0);
  appendBag(s, &res, mask);
  kqlUaResultClear(&res);
  int nJson = sqlite3_str_length(s);
  if( sqlite3_str_errcode(s)!=SQLITE_OK ){
    sqlite3_free(sqlite3_str_finish(s));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  char *zJson = sqlite3_str_finish(s);
  if( zJson==0 ){ sqlite3_result_error_nomem(ctx); return; }
  if( e ){
    char *zCopy = sqlite3_malloc64((sqlite3_uint64)nUa+1);
    char *zJsonCopy = sqlite3_malloc64((sqlite3_uint64)nJson+1);
    if( zCopy && zJsonCopy ){
      memcpy(zCopy, zUa, (size_t)nUa);
      zCopy[nUa] = 0;
      memcpy(zJsonCopy, zJson, (size_t)nJson+1);
      sqlite3_free(e->zUa);
      sqlite3_free(e->zJson);
      e->zUa = zCopy;
      e->nUa = nUa;
      e->mask = mask;
      e->zJson = zJsonCopy;
      e->nJson = nJson;
    }else{
      sqlite3_free(zCopy);
      sqlite3_free(zJsonCopy);
    }
  }
  sqlite3_result_text(ctx, zJson, nJson, sqlite3_free);
}

/* kqlFnRegisterUserAgent(): contract in fn_useragent.h. */
int kqlFnRegisterUserAgent(sqlite3 *db){
  static const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  UaCache *pCache = sqlite3_malloc(sizeof(UaCache));
  if( pCache==0 ) return SQLITE_NOMEM;
  memset(pCache, 0, sizeof(*pCache));
  int rc = sqlite3_create_function_v2(db, "kql_parse_user_agent", 3, flags, pCache,
                                      parseUserAgentFunc, 0, 0, uaCacheFree);
  if( rc!=SQLITE_OK ) return rc;
  return sqlite3_create_function_v2(db, "kql_parse_user_agent", 2, flags, 0,
                                    parseUserAgentFunc, 0, 0, 0);
}
