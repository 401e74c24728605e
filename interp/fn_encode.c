/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL encoding functions: base64 (to/from strings and byte arrays), URL
** encoding and decoding, and the parsers parse_url(), parse_urlquery() and
** parse_path() that return dynamic bags with the keys, in the order, that
** the Kusto reference pages show.
*/
#include "fn.h"
#include "fn_text.h"
#include "fnutil.h"
#include <stdint.h>
#include <string.h>

static int hexVal(unsigned char c);

static const char azB64[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Append the base64 form (with '=' padding) of a[0..n) to p. */
static void b64Encode(sqlite3_str *p, const unsigned char *a, int n){
  int i;
  for(i=0; i+2<n; i+=3){
    char z[4];
    z[0] = azB64[a[i]>>2];
    z[1] = azB64[((a[i]&3)<<4) | (a[i+1]>>4)];
    z[2] = azB64[((a[i+1]&15)<<2) | (a[i+2]>>6)];
    z[3] = azB64[a[i+2]&63];
    sqlite3_str_append(p, z, 4);
  }
  if( i<n ){
    char z[4];
    z[0] = azB64[a[i]>>2];
    if( i+1<n ){
      z[1] = azB64[((a[i]&3)<<4) | (a[i+1]>>4)];
      z[2] = azB64[(a[i+1]&15)<<2];
    }else{
      z[1] = azB64[(a[i]&3)<<4];
      z[2] = '=';
    }
    z[3] = '=';
    sqlite3_str_append(p, z, 4);
  }
}

static int b64Val(unsigned char c){
  if( c>='A' && c<='Z' ) return c-'A';
  if( c>='a' && c<='z' ) return c-'a'+26;
  if( c>='0' && c<='9' ) return c-'0'+52;
  if( c=='+' || c=='-' ) return 62;
  if( c=='/' || c=='_' ) return 63;
  return -1;
}

/*
** Decode base64 z[0..n) into a new sqlite3_malloc buffer (*pnOut bytes).
** White space is skipped; padding is optional. Returns NULL (and sets
** *pbBad) for malformed input, NULL with *pbBad==0 when out of memory.
*/
static unsigned char *b64Decode(const char *z, int n, int *pnOut, int *pbBad){
  unsigned char *a = sqlite3_malloc(n/4*3 + 4);
  int nOut = 0, nQ = 0, nPad = 0;
  uint32_t acc = 0;
  *pbBad = 0;
  if( a==0 ) return 0;
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    int v;
    if( c==' ' || c=='\t' || c=='\r' || c=='\n' ) continue;
    if( c=='=' ){ nPad++; continue; }
    if( nPad ){ *pbBad = 1; break; }       /* data after padding */
    v = b64Val(c);
    if( v<0 ){ *pbBad = 1; break; }
    acc = (acc<<6) | (uint32_t)v;
    if( ++nQ==4 ){
      a[nOut++] = (unsigned char)(acc>>16);
      a[nOut++] = (unsigned char)(acc>>8);
      a[nOut++] = (unsigned char)acc;
      nQ = 0; acc = 0;
    }
  }
  if( !*pbBad ){
    if( nQ==1 || nPad>2 ) *pbBad = 1;
    else if( nQ==2 ){ a[nOut++] = (unsigned char)(acc>>4); }
    else if( nQ==3 ){ a[nOut++] = (unsigned char)(acc>>10); a[nOut++] = (unsigned char)(acc>>2); }
  }
  if( *pbBad ){ sqlite3_free(a); return 0; }
  *pnOut = nOut;
  return a;
}

/* base64_encode_tostring(s). */
static void b64EncodeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z = kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  b64Encode(p, (const unsigned char*)z, n);
  kqlFnResultStr(ctx, p);
}

/*
** base64_decode_tostring(s) (user data 0) and base64_decode_toarray(s)
** (user data 1). Malformed base64, or decoded bytes that are not UTF-8
** for the string form, give NULL for the array and "" for the string (the
** docs' "returns null": Kusto strings are never null, the page prints an
** empty cell).
*/
static void b64DecodeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bArray = (int)(intptr_t)sqlite3_user_data(ctx);
  int n, nOut = 0, bBad;
  const char *z = kqlFnText(argv[0], &n);
  unsigned char *a;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  a = b64Decode(z, n, &nOut, &bBad);
  if( a==0 ){
    if( !bBad ) sqlite3_result_error_nomem(ctx);
    else if( !bArray ) sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  if( bArray ){
    sqlite3_str *p = sqlite3_str_new(0);
    sqlite3_str_appendchar(p, 1, '[');
    for(int i=0; i<nOut; i++) sqlite3_str_appendf(p, i ? ",%d" : "%d", a[i]);
    sqlite3_str_appendchar(p, 1, ']');
    sqlite3_free(a);
    kqlFnResultStr(ctx, p);
    return;
  }
  if( !kqlFnUtf8Valid(a, nOut) ){
    sqlite3_free(a);
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  sqlite3_result_text(ctx, (const char*)a, nOut, sqlite3_free);
}

/* Collects the bytes of a JSON array for base64_encode_fromarray. */
typedef struct ByteCtx ByteCtx;
struct ByteCtx {
  sqlite3_str *p;     /* raw bytes collected */
  int bBad;           /* an element is not a number in 0..255 */
};

static int byteItem(void *pArg, const char *z, int n, int bString){
  ByteCtx *pB = (ByteCtx*)pArg;
  int v = 0;
  if( bString || n==0 || n>3 ){ pB->bBad = 1; return 1; }
  for(int i=0; i<n; i++){
    if( z[i]<'0' || z[i]>'9' ){ pB->bBad = 1; return 1; }
    v = v*10 + (z[i]-'0');
  }
  if( v>255 ){ pB->bBad = 1; return 1; }
  sqlite3_str_appendchar(pB->p, 1, (char)v);
  return 0;
}

/* base64_encode_fromarray(bytes): NULL unless every element is a byte. */
static void b64FromArrayFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  ByteCtx b;
  int n, nRaw;
  const char *z = kqlFnText(argv[0], &n);
  char *zRaw;
  sqlite3_str *p;
  (void)argc;
  b.p = sqlite3_str_new(0);
  b.bBad = 0;
  if( kqlFnJsonArrayEach(z, n, byteItem, &b)<0 ) b.bBad = 1;
  nRaw = sqlite3_str_length(b.p);
  zRaw = sqlite3_str_finish(b.p);
  if( b.bBad ){ sqlite3_free(zRaw); return; }
  p = sqlite3_str_new(0);
  b64Encode(p, (const unsigned char*)(zRaw ? zRaw : ""), nRaw);
  sqlite3_free(zRaw);
  kqlFnResultStr(ctx, p);
}

/* 16 guid bytes in .NET's Guid.ToByteArray() order <-> "8-4-4-4-12" text. */
static const unsigned char aGuidOrder[16] = {3,2,1,0, 5,4, 7,6, 8,9, 10,11,12,13,14,15};

/* base64_encode_fromguid(guid): base64 of the guid's 16 bytes (.NET order). */
static void b64FromGuidFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z = kqlFnText(argv[0], &n);
  unsigned char aRaw[16], aBin[16];
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  for(int i=0, k=0; i<16; i++){
    while( k<n && z[k]=='-' ) k++;
    if( k+1>=n || hexVal((unsigned char)z[k])<0 || hexVal((unsigned char)z[k+1])<0 ){
      kqlFnError(ctx, "base64_encode_fromguid", "argument is not a guid");
      return;
    }
    aRaw[i] = (unsigned char)(hexVal((unsigned char)z[k])*16 + hexVal((unsigned char)z[k+1]));
    k += 2;
  }
  for(int i=0; i<16; i++) aBin[i] = aRaw[aGuidOrder[i]];
  p = sqlite3_str_new(0);
  b64Encode(p, aBin, 16);
  kqlFnResultStr(ctx, p);
}

/* base64_decode_toguid(s): the guid whose 16 bytes (.NET order) s encodes; NULL otherwise. */
static void b64ToGuidFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nOut = 0, bBad;
  const char *z = kqlFnText(argv[0], &n);
  unsigned char *a, aRaw[16];
  char zG[37];
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  a = b64Decode(z, n, &nOut, &bBad);
  if( a==0 ){ if( !bBad ) sqlite3_result_error_nomem(ctx); return; }
  if( nOut!=16 ){ sqlite3_free(a); return; }
  for(int i=0; i<16; i++) aRaw[aGuidOrder[i]] = a[i];
  sqlite3_free(a);
  for(int i=0, k=0; i<16; i++){
    if( i==4 || i==6 || i==8 || i==10 ) zG[k++] = '-';
    zG[k++] = "0123456789abcdef"[aRaw[i]>>4];
    zG[k++] = "0123456789abcdef"[aRaw[i]&15];
  }
  sqlite3_result_text(ctx, zG, 36, SQLITE_TRANSIENT);
}

/************************** URL encoding *************************************/

/* Characters left alone by url_encode (as .NET's UrlEncode). */
static int urlSafe(unsigned char c){
  return (c>='a' && c<='z') || (c>='A' && c<='Z') || (c>='0' && c<='9')
      || c=='-' || c=='_' || c=='.' || c=='!' || c=='*' || c=='(' || c==')';
}

/*
** url_encode(s) (user data 0: space becomes '+') and
** url_encode_component(s) (user data 1: space becomes "%20"). Other
** bytes outside the safe set become %xx with lower-case hex, as in the
** docs' examples.
*/
static void urlEncodeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bComponent = (int)(intptr_t)sqlite3_user_data(ctx);
  int n;
  const unsigned char *z = (const unsigned char*)kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  for(int i=0; i<n; i++){
    unsigned char c = z[i];
    if( urlSafe(c) ){
      sqlite3_str_appendchar(p, 1, (char)c);
    }else if( c==' ' && !bComponent ){
      sqlite3_str_appendchar(p, 1, '+');
    }else{
      char zEsc[3];
      zEsc[0] = '%';
      zEsc[1] = "0123456789abcdef"[c>>4];
      zEsc[2] = "0123456789abcdef"[c&15];
      sqlite3_str_append(p, zEsc, 3);
    }
  }
  kqlFnResultStr(ctx, p);
}

static int hexVal(unsigned char c){
  if( c>='0' && c<='9' ) return c-'0';
  if( c>='a' && c<='f' ) return c-'a'+10;
  if( c>='A' && c<='F' ) return c-'A'+10;
  return -1;
}

/* Append the URL-decoded form of z[0..n) ('+' is a space) to p. */
static void urlDecodeInto(sqlite3_str *p, const char *z, int n){
  for(int i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='%' && i+2<n && hexVal((unsigned char)z[i+1])>=0 && hexVal((unsigned char)z[i+2])>=0 ){
      sqlite3_str_appendchar(p, 1, (char)(hexVal((unsigned char)z[i+1])*16 + hexVal((unsigned char)z[i+2])));
      i += 2;
    }else if( c=='+' ){
      sqlite3_str_appendchar(p, 1, ' ');
    }else{
      sqlite3_str_appendchar(p, 1, (char)c);
    }
  }
}

/* url_decode(s). */
static void urlDecodeFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z = kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  urlDecodeInto(p, z, n);
  kqlFnResultStr(ctx, p);
}

/************************** parse_url / parse_urlquery ***********************/

/* Append "key":"decoded value" pairs of a query string as a JSON bag. */
static void appendQueryBag(sqlite3_str *p, const char *z, int n){
  int i = 0, nPair = 0;
  sqlite3_str_appendchar(p, 1, '{');
  while( i<n ){
    int iEnd = i, iEq;
    while( iEnd<n && z[iEnd]!='&' ) iEnd++;
    for(iEq=i; iEq<iEnd && z[iEq]!='='; iEq++){}
    if( iEnd>i ){
      sqlite3_str *pK = sqlite3_str_new(0), *pV = sqlite3_str_new(0);
      char *zK, *zV;
      int nK, nV;
      urlDecodeInto(pK, z+i, iEq-i);
      if( iEq<iEnd ) urlDecodeInto(pV, z+iEq+1, iEnd-iEq-1);
      nK = sqlite3_str_length(pK); zK = sqlite3_str_finish(pK);
      nV = sqlite3_str_length(pV); zV = sqlite3_str_finish(pV);
      if( nPair++ ) sqlite3_str_appendchar(p, 1, ',');
      kqlFnAppendJsonString(p, zK ? zK : "", zK ? nK : 0);
      sqlite3_str_appendchar(p, 1, ':');
      kqlFnAppendJsonString(p, zV ? zV : "", zV ? nV : 0);
      sqlite3_free(zK);
      sqlite3_free(zV);
    }
    i = iEnd + 1;
  }
  sqlite3_str_appendchar(p, 1, '}');
}

static void appendKey(sqlite3_str *p, int bFirst, const char *zKey, const char *z, int n){
  if( !bFirst ) sqlite3_str_appendchar(p, 1, ',');
  kqlFnAppendJsonString(p, zKey, -1);
  sqlite3_str_appendchar(p, 1, ':');
  kqlFnAppendJsonString(p, z, n);
}

/*
** parse_url(url) → {"Scheme","Host","Port","Path","Username","Password",
** "Query Parameters":{...},"Fragment"}. The path is given without its
** leading '/', as on the parse_url reference page. Text without a
** "scheme://" prefix gives all parts empty.
*/
static void parseUrlFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, i = 0;
  const char *z = kqlFnText(argv[0], &n);
  const char *zScheme = "", *zUser = "", *zPass = "", *zHost = "", *zPort = "";
  const char *zPath = "", *zQuery = "", *zFrag = "";
  int nScheme = 0, nUser = 0, nPass = 0, nHost = 0, nPort = 0, nPath = 0, nQuery = 0, nFrag = 0;
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  while( i<n && (((z[i]|0x20)>='a' && (z[i]|0x20)<='z')
         || (i>0 && ((z[i]>='0' && z[i]<='9') || z[i]=='+' || z[i]=='-' || z[i]=='.'))) ) i++;
  if( i>0 && i+2<n && z[i]==':' && z[i+1]=='/' && z[i+2]=='/' ){
    int iAuth = i+3, iAuthEnd, iAt, k;
    zScheme = z; nScheme = i;
    for(iAuthEnd=iAuth; iAuthEnd<n && z[iAuthEnd]!='/' && z[iAuthEnd]!='?' && z[iAuthEnd]!='#'; iAuthEnd++){}
    for(iAt=iAuthEnd-1; iAt>=iAuth && z[iAt]!='@'; iAt--){}
    k = iAuth;
    if( iAt>=iAuth ){
      int iColon;
      for(iColon=iAuth; iColon<iAt && z[iColon]!=':'; iColon++){}
      zUser = z+iAuth; nUser = iColon-iAuth;
      if( iColon<iAt ){ zPass = z+iColon+1; nPass = iAt-iColon-1; }
      k = iAt+1;
    }
    {
      int iColon = -1;
      if( k<iAuthEnd && z[k]=='[' ){                 /* [ipv6]:port */
        int j;
        for(j=k; j<iAuthEnd && z[j]!=']'; j++){}
        if( j<iAuthEnd && j+1<iAuthEnd && z[j+1]==':' ) iColon = j+1;
      }else{
        for(int j=iAuthEnd-1; j>=k; j--){ if( z[j]==':' ){ iColon = j; break; } }
      }
      zHost = z+k;
      nHost = (iColon>=0 ? iColon : iAuthEnd) - k;
      if( iColon>=0 ){ zPort = z+iColon+1; nPort = iAuthEnd-iColon-1; }
    }
    i = iAuthEnd;
    if( i<n && z[i]=='/' ){
      int iEnd;
      i++;
      for(iEnd=i; iEnd<n && z[iEnd]!='?' && z[iEnd]!='#'; iEnd++){}
      zPath = z+i; nPath = iEnd-i;
      i = iEnd;
    }
    if( i<n && z[i]=='?' ){
      int iEnd;
      for(iEnd=i+1; iEnd<n && z[iEnd]!='#'; iEnd++){}
      zQuery = z+i+1; nQuery = iEnd-i-1;
      i = iEnd;
    }
    if( i<n && z[i]=='#' ){ zFrag = z+i+1; nFrag = n-i-1; }
  }
  sqlite3_str_appendchar(p, 1, '{');
  appendKey(p, 1, "Scheme", zScheme, nScheme);
  appendKey(p, 0, "Host", zHost, nHost);
  appendKey(p, 0, "Port", zPort, nPort);
  appendKey(p, 0, "Path", zPath, nPath);
  appendKey(p, 0, "Username", zUser, nUser);
  appendKey(p, 0, "Password", zPass, nPass);
  sqlite3_str_appendall(p, ",\"Query Parameters\":");
  appendQueryBag(p, zQuery, nQuery);
  appendKey(p, 0, "Fragment", zFrag, nFrag);
  sqlite3_str_appendchar(p, 1, '}');
  kqlFnResultStr(ctx, p);
}

/* parse_urlquery(query) → {"Query Parameters":{...}}; a leading '?' is skipped. */
static void parseUrlQueryFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n;
  const char *z = kqlFnText(argv[0], &n);
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  if( n>0 && z[0]=='?' ){ z++; n--; }
  sqlite3_str_appendall(p, "{\"Query Parameters\":");
  appendQueryBag(p, z, n);
  sqlite3_str_appendchar(p, 1, '}');
  kqlFnResultStr(ctx, p);
}

/************************** parse_path ***************************************/

static int isSep(char c){ return c=='/' || c=='\\'; }

/*
** parse_path(path) → {"Scheme","RootPath","DirectoryPath","DirectoryName",
** "Filename","Extension","AlternateDataStreamName"} (the docs' examples:
** "C:\temp\file.txt", "file://C:/temp/file.txt:some.exe", UNC and Unix
** paths).
*/
static void parsePathFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, i = 0, iLast, iName, nName, iDot, iColon, iDirName;
  const char *z = kqlFnText(argv[0], &n);
  int nScheme = 0, nRoot = 0;
  const char *zRest;
  int nRest;
  sqlite3_str *p = sqlite3_str_new(0);
  (void)argc;
  while( i<n && (((z[i]|0x20)>='a' && (z[i]|0x20)<='z') || (i>0 && z[i]>='0' && z[i]<='9')) ) i++;
  if( i>1 && i+2<n && z[i]==':' && z[i+1]=='/' && z[i+2]=='/' ){
    nScheme = i;
    zRest = z+i+3; nRest = n-i-3;
  }else{
    zRest = z; nRest = n;
  }
  if( nRest>=2 && ((zRest[0]|0x20)>='a' && (zRest[0]|0x20)<='z') && zRest[1]==':' ){
    nRoot = 2;
  }
  for(iLast=nRest-1; iLast>=0 && !isSep(zRest[iLast]); iLast--){}
  iName = iLast+1;
  nName = nRest - iName;
  /* alternate data stream: a ':' inside the file name (not the drive's) */
  for(iColon=iName; iColon<nRest && (zRest[iColon]!=':' || iColon<nRoot); iColon++){}
  if( iColon<nRest ) nName = iColon - iName;
  for(iDot=iName+nName-1; iDot>=iName && zRest[iDot]!='.'; iDot--){}
  for(iDirName=iLast-1; iDirName>=0 && !isSep(zRest[iDirName]); iDirName--){}
  iDirName++;
  sqlite3_str_appendchar(p, 1, '{');
  appendKey(p, 1, "Scheme", z, nScheme);
  appendKey(p, 0, "RootPath", zRest, nRoot);
  appendKey(p, 0, "DirectoryPath", zRest, iLast>0 ? iLast : 0);
  if( iLast>0 && !(iLast-iDirName==nRoot && iDirName==0 && nRoot) ){
    appendKey(p, 0, "DirectoryName", zRest+iDirName, iLast-iDirName);
  }else{
    appendKey(p, 0, "DirectoryName", "", 0);
  }
  appendKey(p, 0, "Filename", zRest+iName, nName);
  if( iDot>=iName ) appendKey(p, 0, "Extension", zRest+iDot+1, iName+nName-iDot-1);
  else appendKey(p, 0, "Extension", "", 0);
  if( iColon<nRest ) appendKey(p, 0, "AlternateDataStreamName", zRest+iColon+1, nRest-iColon-1);
  else appendKey(p, 0, "AlternateDataStreamName", "", 0);
  sqlite3_str_appendchar(p, 1, '}');
  kqlFnResultStr(ctx, p);
}

static const FnDef aEncodeFn[] = {
  {"kql_base64_encode_tostring", 1, 0, b64EncodeFunc},
  {"kql_base64_decode_tostring", 1, 0, b64DecodeFunc},
  {"kql_base64_decode_toarray",  1, 1, b64DecodeFunc},
  {"kql_base64_encode_fromarray",1, 0, b64FromArrayFunc},
  {"kql_base64_encode_fromguid", 1, 0, b64FromGuidFunc},
  {"kql_base64_decode_toguid",   1, 0, b64ToGuidFunc},
  {"kql_url_encode",             1, 0, urlEncodeFunc},
  {"kql_url_encode_component",   1, 1, urlEncodeFunc},
  {"kql_url_decode",             1, 0, urlDecodeFunc},
  {"kql_parse_url",              1, 0, parseUrlFunc},
  {"kql_parse_urlquery",         1, 0, parseUrlQueryFunc},
  {"kql_parse_path",             1, 0, parsePathFunc},
};

/*
** Register the encoding functions (see fn_text.h).
*/
int kqlFnRegisterEncode(sqlite3 *db){
  return kqlFnRegisterTable(db, aEncodeFn, (int)(sizeof(aEncodeFn)/sizeof(aEncodeFn[0])));
}
