/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL IPv4/IPv6 built-ins as SQLite functions. Addresses are text
** ("192.168.1.1", "192.168.1.1/24", "fe80::1/64"); an IPv4 address may also
** be a long (big-endian). IPv6 functions accept IPv4 text too: it is
** compared as the IPv4-mapped address ::ffff:a.b.c.d, and so is any IPv6
** text written with an embedded dotted quad ("::192.168.1.1"), whose
** /prefix then counts IPv4 bits, as Kusto does. When two prefixes apply
** (one in each address, one as an argument) the shortest wins. Text that
** is not an address gives NULL (format_* give the empty string).
*/
#include "fn.h"
#include "fn_dynint.h"
#include "fnutil.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/********************************* parsing *********************************/

/* Parse a dotted quad at z[*pi] (octets of 1-3 digits, each <= 255).
** Returns 1 and sets *pV, advancing *pi; 0 otherwise. */
static int parseQuad(const char *z, int n, int *pi, uint32_t *pV){
  int i = *pi;
  uint32_t v = 0;
  for(int k=0; k<4; k++){
    int nDig = 0, o = 0;
    if( k>0 ){
      if( i>=n || z[i]!='.' ) return 0;
      i++;
    }
    while( i<n && isdigit((unsigned char)z[i]) && nDig<3 ){
      o = o*10 + (z[i] - '0');
      i++; nDig++;
    }
    if( nDig==0 || o>255 ) return 0;
    if( i<n && isdigit((unsigned char)z[i]) ) return 0;
    v = (v<<8) | (uint32_t)o;
  }
  *pV = v;
  *pi = i;
  return 1;
}

/* Parse "/<n>" at z[*pi] with 0 <= n <= nMax. Returns 1, or 0 when
** malformed. When there is no '/', *pPrefix is left alone. */
static int parseSuffix(const char *z, int n, int *pi, int nMax, int *pPrefix){
  int i = *pi, v = 0, nDig = 0;
  if( i>=n ) return 1;
  if( z[i]!='/' ) return 0;
  i++;
  while( i<n && isdigit((unsigned char)z[i]) && nDig<4 ){
    v = v*10 + (z[i] - '0');
    i++; nDig++;
  }
  if( nDig==0 || v>nMax ) return 0;
  *pPrefix = v;
  *pi = i;
  return 1;
}

/* Trim blanks around z[0..*pn). */
static const char *trim(const char *z, int *pn){
  int n = *pn;
  while( n>0 && isspace((unsigned char)z[0]) ){ z++; n--; }
  while( n>0 && isspace((unsigned char)z[n-1]) ) n--;
  *pn = n;
  return z;
}

/* Mask of the top nBits (0..32) bits. */
static uint32_t mask32(int nBits){
  return nBits<=0 ? 0 : nBits>=32 ? 0xffffffffu : ~(0xffffffffu >> nBits);
}

/*
** IPv4 argument: text "a.b.c.d[/n]" or a long. Sets *pAddr and *pPrefix
** (32 when absent). Returns 1, or 0 when it is not an IPv4 address.
*/
static int argIpv4(sqlite3_value *pVal, uint32_t *pAddr, int *pPrefix){
  *pPrefix = 32;
  switch( sqlite3_value_type(pVal) ){
    case SQLITE_INTEGER: {
      int64_t v = sqlite3_value_int64(pVal);
      if( v<0 || v>0xffffffffLL ) return 0;
      *pAddr = (uint32_t)v;
      return 1;
    }
    case SQLITE_TEXT: {
      int n, i = 0;
      const char *z = kqlFnText(pVal, &n);
      z = trim(z, &n);
      if( !parseQuad(z, n, &i, pAddr) ) return 0;
      if( !parseSuffix(z, n, &i, 32, pPrefix) || i!=n ) return 0;
      return 1;
    }
    default:
      return 0;
  }
}

/* An IPv6 address as 16 bytes, network order. */
typedef struct Ip6 Ip6;
struct Ip6 {
  unsigned char a[16];
};

static int hexVal(char c){
  if( c>='0' && c<='9' ) return c - '0';
  if( c>='a' && c<='f' ) return c - 'a' + 10;
  if( c>='A' && c<='F' ) return c - 'A' + 10;
  return -1;
}

/*
** Parse IPv6 text (or IPv4 text, mapped) z[0..n) with an optional
** "/prefix" into *p and *pPrefix (0..128). Returns 1, or 0 when it is not
** an address.
*/
static int parseIp6(const char *z, int n, Ip6 *p, int *pPrefix){
  uint16_t aGrp[8];
  int nGrp = 0, iGap = -1, i = 0, bQuad = 0;
  uint32_t v4 = 0;
  z = trim(z, &n);
  memset(p, 0, sizeof(*p));
  *pPrefix = 128;
  /* Plain IPv4. */
  {
    int j = 0;
    uint32_t v;
    if( parseQuad(z, n, &j, &v) ){
      int nPre = 32;
      if( !parseSuffix(z, n, &j, 32, &nPre) || j!=n ) return 0;
      p->a[10] = p->a[11] = 0xff;
      p->a[12] = (unsigned char)(v>>24); p->a[13] = (unsigned char)(v>>16);
      p->a[14] = (unsigned char)(v>>8);  p->a[15] = (unsigned char)v;
      *pPrefix = 96 + nPre;
      return 1;
    }
  }
  if( n>=2 && z[0]==':' && z[1]==':' ){
    iGap = 0;
    i = 2;
  }else if( n>=1 && z[0]==':' ){
    return 0;
  }
  while( i<n && z[i]!='/' ){
    int j = i, v = 0, nDig = 0;
    /* An embedded dotted quad ends the address. */
    {
      int k = i;
      uint32_t q;
      if( nGrp<=6 && parseQuad(z, n, &k, &q) && (k==n || z[k]=='/') ){
        v4 = q;
        bQuad = 1;
        aGrp[nGrp++] = (uint16_t)(q>>16);
        aGrp[nGrp++] = (uint16_t)q;
        i = k;
        break;
      }
    }
    while( j<n && hexVal(z[j])>=0 && nDig<5 ){
      v = v*16 + hexVal(z[j]);
      j++; nDig++;
    }
    if( nDig==0 || nDig>4 || nGrp>=8 ) return 0;
    aGrp[nGrp++] = (uint16_t)v;
    i = j;
    if( i<n && z[i]==':' ){
      if( i+1<n && z[i+1]==':' ){
        if( iGap>=0 ) return 0;
        iGap = nGrp;
        i += 2;
      }else{
        i++;
        if( i>=n || z[i]=='/' ) return 0;
      }
    }else if( i<n && z[i]!='/' ){
      return 0;
    }
  }
  if( iGap<0 && nGrp!=8 ) return 0;
  if( iGap>=0 && nGrp>7 ) return 0;
  {
    int nPre = bQuad ? 32 : 128;
    if( !parseSuffix(z, n, &i, nPre, &nPre) || i!=n ) return 0;
    *pPrefix = bQuad ? nPre + 96 : nPre;
  }
  {
    int nZero = 8 - nGrp, k = 0;
    for(int g=0; g<nGrp; g++){
      if( g==iGap ) k += nZero;
      p->a[2*k] = (unsigned char)(aGrp[g]>>8);
      p->a[2*k+1] = (unsigned char)aGrp[g];
      k++;
    }
  }
  if( bQuad ){
    /* "::a.b.c.d" and "::ffff:a.b.c.d" both mean the IPv4 address. */
    int bZero = 1;
    for(int k=0; k<10; k++) if( p->a[k] ) bZero = 0;
    if( bZero && ((p->a[10]==0 && p->a[11]==0) || (p->a[10]==0xff && p->a[11]==0xff)) ){
      p->a[10] = p->a[11] = 0xff;
    }
    (void)v4;
  }
  return 1;
}

/* IPv6 argument (text). */
static int argIp6(sqlite3_value *pVal, Ip6 *p, int *pPrefix){
  int n;
  const char *z;
  if( sqlite3_value_type(pVal)!=SQLITE_TEXT ) return 0;
  z = kqlFnText(pVal, &n);
  return parseIp6(z, n, p, pPrefix);
}

/* Keep the top nBits bits of *p. */
static void mask6(Ip6 *p, int nBits){
  for(int k=0; k<16; k++){
    int nKeep = nBits - 8*k;
    if( nKeep>=8 ) continue;
    p->a[k] = nKeep<=0 ? 0 : (unsigned char)(p->a[k] & (0xff << (8 - nKeep)));
  }
}

/* Optional prefix argument: 1 and *pPrefix (clamped to nMax's range) when
** usable; 0 when NULL or out of range 0..nMax. */
static int argPrefix(sqlite3_value *pVal, int nMax, int *pPrefix){
  int64_t v;
  if( sqlite3_value_type(pVal)==SQLITE_NULL ) return 0;
  v = sqlite3_value_int64(pVal);
  if( v<0 || v>nMax ) return 0;
  *pPrefix = (int)v;
  return 1;
}

static void resultQuad(sqlite3_context *ctx, uint32_t v, int nPrefix){
  char zBuf[48];
  if( nPrefix<0 ) snprintf(zBuf, sizeof(zBuf), "%u.%u.%u.%u", v>>24, (v>>16)&255, (v>>8)&255, v&255);
  else snprintf(zBuf, sizeof(zBuf), "%u.%u.%u.%u/%d", v>>24, (v>>16)&255, (v>>8)&255, v&255, nPrefix);
  sqlite3_result_text(ctx, zBuf, -1, SQLITE_TRANSIENT);
}

/********************************* IPv4 *********************************/

/*
** kql_ipv4_compare(a, b [, prefix]) (user data 0): -1, 0 or 1 comparing the
** addresses under the shortest prefix; kql_ipv4_is_match (user data 1):
** whether they are equal under it. NULL for an invalid address or prefix.
*/
static void fnIpv4Compare(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMatch = sqlite3_user_data(ctx)!=0;
  uint32_t a, b, m;
  int pa, pb, p;
  if( !argIpv4(argv[0], &a, &pa) || !argIpv4(argv[1], &b, &pb) ) return;
  p = pa<pb ? pa : pb;
  if( argc>2 ){
    int pArg;
    if( !argPrefix(argv[2], 32, &pArg) ) return;
    if( pArg<p ) p = pArg;
  }
  m = mask32(p);
  a &= m; b &= m;
  if( bMatch ) sqlite3_result_int(ctx, a==b);
  else sqlite3_result_int(ctx, a<b ? -1 : a>b);
}

/* kql_ipv4_is_in_range(ip, range): ip and range equal under range's prefix. */
static void fnIpv4InRange(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint32_t a, r;
  int pa, pr;
  (void)argc;
  if( !argIpv4(argv[0], &a, &pa) || !argIpv4(argv[1], &r, &pr) ) return;
  sqlite3_result_int(ctx, (a & mask32(pr))==(r & mask32(pr)));
}

/*
** kql_ipv4_is_in_any_range(ip, r1, r2, ...): each r is a range text or a
** JSON array of them. Invalid ranges are skipped; NULL for an invalid ip.
*/
static void fnIpv4InAnyRange(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint32_t a, r;
  int pa, pr;
  if( argc<2 || !argIpv4(argv[0], &a, &pa) ) return;
  for(int i=1; i<argc; i++){
    KqlElems e;
    if( kqlDynLoadArray(argv[i], &e)==1 ){
      for(int k=0; k<e.n; k++){
        sqlite3_str *p = sqlite3_str_new(0);
        char *z;
        int n, j = 0, bHit = 0;
        if( !kqlFnJsonUnquote(p, e.az[k], e.an[k]) ){ sqlite3_free(sqlite3_str_finish(p)); continue; }
        n = sqlite3_str_length(p);
        z = sqlite3_str_finish(p);
        if( z ){
          const char *zt = trim(z, &n);
          pr = 32;
          if( parseQuad(zt, n, &j, &r) && parseSuffix(zt, n, &j, 32, &pr) && j==n ){
            bHit = (a & mask32(pr))==(r & mask32(pr));
          }
        }
        sqlite3_free(z);
        if( bHit ){ kqlDynElemsFree(&e); sqlite3_result_int(ctx, 1); return; }
      }
      kqlDynElemsFree(&e);
    }else if( argIpv4(argv[i], &r, &pr) ){
      if( (a & mask32(pr))==(r & mask32(pr)) ){ sqlite3_result_int(ctx, 1); return; }
    }
  }
  sqlite3_result_int(ctx, 0);
}

/* kql_ipv4_is_private(ip): in 10/8, 172.16/12 or 192.168/16. */
static void fnIpv4IsPrivate(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  static const struct { uint32_t net; int nBits; } aNet[] = {
    {0x0a000000u, 8}, {0xac100000u, 12}, {0xc0a80000u, 16},
  };
  uint32_t a;
  int p, bPriv = 0;
  (void)argc;
  if( !argIpv4(argv[0], &a, &p) ) return;
  for(int i=0; i<3; i++){
    if( p>=aNet[i].nBits && (a & mask32(aNet[i].nBits))==aNet[i].net ) bPriv = 1;
  }
  sqlite3_result_int(ctx, bPriv);
}

/*
** kql_parse_ipv4(ip): the address as a long, masked by its own prefix;
** kql_parse_ipv4_mask(ip, prefix) (user data 1): masked by the shorter of
** the two prefixes. NULL when invalid.
*/
static void fnParseIpv4(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint32_t a;
  int p;
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT || !argIpv4(argv[0], &a, &p) ) return;
  if( argc>1 ){
    int pArg;
    if( !argPrefix(argv[1], 32, &pArg) ) return;
    if( pArg<p ) p = pArg;
  }
  sqlite3_result_int64(ctx, (int64_t)(a & mask32(p)));
}

/*
** kql_format_ipv4(ip [, prefix]) (user data 0) and kql_format_ipv4_mask
** (user data 1, adds "/prefix"): ip is text or a long; the empty string
** when invalid.
*/
static void fnFormatIpv4(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMask = sqlite3_user_data(ctx)!=0;
  uint32_t a;
  int p;
  if( !argIpv4(argv[0], &a, &p) ){
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
    return;
  }
  if( argc>1 ){
    int pArg;
    if( !argPrefix(argv[1], 32, &pArg) ){
      sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
      return;
    }
    if( pArg<p ) p = pArg;
  }
  resultQuad(ctx, a & mask32(p), bMask ? p : -1);
}

/* kql_ipv4_netmask_suffix(ip): the prefix length (32 when none). */
static void fnIpv4Suffix(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint32_t a;
  int p;
  (void)argc;
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT || !argIpv4(argv[0], &a, &p) ) return;
  sqlite3_result_int(ctx, p);
}

/* kql_ipv4_range_to_cidr_list(start, end): the smallest list of CIDR
** blocks covering start..end, as a JSON array of strings. */
static void fnRangeToCidr(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  uint32_t a, b;
  int pa, pb, bComma = 0;
  uint64_t cur, end;
  sqlite3_str *p;
  (void)argc;
  if( !argIpv4(argv[0], &a, &pa) || !argIpv4(argv[1], &b, &pb) ) return;
  cur = a; end = b;
  if( cur>end ) return;
  p = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendchar(p, 1, '[');
  while( cur<=end ){
    int nBits = 32;
    /* Largest aligned block starting at cur that stays within end. */
    while( nBits>0 ){
      uint64_t size = (uint64_t)1 << (33 - nBits);
      if( (cur & (size-1))!=0 || cur + size - 1 > end ) break;
      nBits--;
    }
    sqlite3_str_appendf(p, "%s\"%u.%u.%u.%u/%d\"", bComma ? "," : "",
        (unsigned)(cur>>24)&255, (unsigned)(cur>>16)&255, (unsigned)(cur>>8)&255, (unsigned)cur&255, nBits);
    bComma = 1;
    cur += (uint64_t)1 << (32 - nBits);
  }
  sqlite3_str_appendchar(p, 1, ']');
  kqlFnResultStr(ctx, p);
}

/************************ IPv4 in text (has_ipv4...) ************************/

/*
** Call back for every properly delimited IPv4 address in z[0..n): one not
** touching a letter, digit or another dotted number on either side. Stops
** and returns 1 when xMatch returns 1.
*/
static int scanIpv4(const char *z, int n, int (*xMatch)(void*, const char*, int), void *pArg){
  for(int i=0; i<n; i++){
    int j = i;
    uint32_t v;
    if( !isdigit((unsigned char)z[i]) ) continue;
    if( i>0 && (isalnum((unsigned char)z[i-1]) || z[i-1]=='.') ) continue;
    if( !parseQuad(z, n, &j, &v) ){
      while( i+1<n && isdigit((unsigned char)z[i+1]) ) i++;
      continue;
    }
    if( j<n && (isalnum((unsigned char)z[j]) || (z[j]=='.' && j+1<n && isdigit((unsigned char)z[j+1]))) ){
      i = j - 1;
      continue;
    }
    if( xMatch(pArg, z+i, j-i) ) return 1;
    i = j - 1;
  }
  return 0;
}

/* A list of IPv4 texts or prefixes to look for. */
typedef struct IpNeedles IpNeedles;
struct IpNeedles {
  int n;
  const char **az;
  int *an;
  int bPrefix;          /* match as prefix */
};

static int matchNeedles(void *pArg, const char *z, int n){
  IpNeedles *p = pArg;
  for(int k=0; k<p->n; k++){
    int m = p->an[k];
    if( p->bPrefix ? (m<=n && memcmp(z, p->az[k], (size_t)m)==0)
                   : (m==n && memcmp(z, p->az[k], (size_t)n)==0) ) return 1;
  }
  return 0;
}

/* 1 when z[0..n) is a full dotted quad, or (bPrefix) 1-3 octets and a dot. */
static int validNeedle(const char *z, int n, int bPrefix){
  int i = 0;
  uint32_t v;
  if( parseQuad(z, n, &i, &v) && i==n ) return 1;
  if( !bPrefix || n==0 || z[n-1]!='.' ) return 0;
  for(int k=0; k<3 && i<n; k++){
    int nDig = 0, o = 0;
    while( i<n && isdigit((unsigned char)z[i]) && nDig<4 ){ o = o*10 + z[i]-'0'; i++; nDig++; }
    if( nDig==0 || nDig>3 || o>255 || i>=n || z[i]!='.' ) return 0;
    i++;
  }
  return i==n;
}

/*
** kql_has_ipv4(text, ip), kql_has_ipv4_prefix(text, prefix) (user data 1),
** kql_has_any_ipv4(text, ip1, ...) (user data 2, ips may be a JSON array),
** kql_has_any_ipv4_prefix(text, p1, ...) (user data 3).
*/
static void fnHasIpv4(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int iMode = (int)(intptr_t)sqlite3_user_data(ctx);
  IpNeedles nd;
  KqlElems e;
  sqlite3_str **apStr;
  int n, nMax = 0, bFound = 0;
  const char *z;
  if( argc<2 ) return;
  memset(&nd, 0, sizeof(nd));
  memset(&e, 0, sizeof(e));
  nd.bPrefix = iMode & 1;
  for(int i=1; i<argc; i++){
    if( kqlDynLoadArray(argv[i], &e)==1 ){ nMax += e.n; kqlDynElemsFree(&e); }
    else nMax++;
  }
  nd.az = sqlite3_malloc64((sizeof(char*)+sizeof(int)+sizeof(sqlite3_str*))*(sqlite3_uint64)(nMax+1));
  if( nd.az==0 ){ sqlite3_result_error_nomem(ctx); return; }
  apStr = (sqlite3_str**)&nd.az[nMax+1];
  nd.an = (int*)&apStr[nMax+1];
  {
    int nStr = 0;
    for(int i=1; i<argc; i++){
      if( kqlDynLoadArray(argv[i], &e)==1 ){
        for(int k=0; k<e.n && nd.n<nMax; k++){
          sqlite3_str *p = sqlite3_str_new(0);
          apStr[nStr++] = p;
          if( kqlFnJsonUnquote(p, e.az[k], e.an[k]) && sqlite3_str_value(p) ){
            int m = sqlite3_str_length(p);
            const char *zN = trim(sqlite3_str_value(p), &m);
            if( validNeedle(zN, m, nd.bPrefix) ){ nd.az[nd.n] = zN; nd.an[nd.n] = m; nd.n++; }
          }
        }
        kqlDynElemsFree(&e);
      }else if( sqlite3_value_type(argv[i])==SQLITE_TEXT && nd.n<nMax ){
        int m;
        const char *zN = kqlFnText(argv[i], &m);
        zN = trim(zN, &m);
        if( validNeedle(zN, m, nd.bPrefix) ){ nd.az[nd.n] = zN; nd.an[nd.n] = m; nd.n++; }
      }
    }
    z = kqlFnText(argv[0], &n);
    if( nd.n>0 ) bFound = scanIpv4(z, n, matchNeedles, &nd);
    for(int k=0; k<nStr; k++) sqlite3_free(sqlite3_str_finish(apStr[k]));
  }
  sqlite3_free(nd.az);
  sqlite3_result_int(ctx, bFound);
}

/********************************* IPv6 *********************************/

/* Compare two IPv6 addresses byte by byte. */
static int cmp6(const Ip6 *a, const Ip6 *b){
  int c = memcmp(a->a, b->a, 16);
  return c<0 ? -1 : c>0;
}

/*
** kql_ipv6_compare(a, b [, prefix]) (user data 0) and kql_ipv6_is_match
** (user data 1). The prefix argument counts IPv6 bits.
*/
static void fnIpv6Compare(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int bMatch = sqlite3_user_data(ctx)!=0;
  Ip6 a, b;
  int pa, pb, p;
  if( !argIp6(argv[0], &a, &pa) || !argIp6(argv[1], &b, &pb) ) return;
  p = pa<pb ? pa : pb;
  if( argc>2 ){
    int pArg;
    if( !argPrefix(argv[2], 128, &pArg) ) return;
    if( pArg<p ) p = pArg;
  }
  mask6(&a, p); mask6(&b, p);
  if( bMatch ) sqlite3_result_int(ctx, cmp6(&a, &b)==0);
  else sqlite3_result_int(ctx, cmp6(&a, &b));
}

/* 1 when a is inside range r (r's own prefix). */
static int inRange6(Ip6 a, Ip6 r, int pr){
  mask6(&a, pr); mask6(&r, pr);
  return cmp6(&a, &r)==0;
}

/* kql_ipv6_is_in_range(ip, range). */
static void fnIpv6InRange(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Ip6 a, r;
  int pa, pr;
  (void)argc;
  if( !argIp6(argv[0], &a, &pa) || !argIp6(argv[1], &r, &pr) ) return;
  sqlite3_result_int(ctx, inRange6(a, r, pr));
}

/* kql_ipv6_is_in_any_range(ip, r1, ...): ranges as text or JSON arrays. */
static void fnIpv6InAnyRange(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Ip6 a, r;
  int pa, pr;
  if( argc<2 || !argIp6(argv[0], &a, &pa) ) return;
  for(int i=1; i<argc; i++){
    KqlElems e;
    if( kqlDynLoadArray(argv[i], &e)==1 ){
      int bHit = 0;
      for(int k=0; k<e.n && !bHit; k++){
        sqlite3_str *p = sqlite3_str_new(0);
        if( kqlFnJsonUnquote(p, e.az[k], e.an[k]) && sqlite3_str_value(p) ){
          if( parseIp6(sqlite3_str_value(p), sqlite3_str_length(p), &r, &pr) ) bHit = inRange6(a, r, pr);
        }
        sqlite3_free(sqlite3_str_finish(p));
      }
      kqlDynElemsFree(&e);
      if( bHit ){ sqlite3_result_int(ctx, 1); return; }
    }else if( argIp6(argv[i], &r, &pr) && inRange6(a, r, pr) ){
      sqlite3_result_int(ctx, 1);
      return;
    }
  }
  sqlite3_result_int(ctx, 0);
}

/*
** kql_parse_ipv6(ip) and kql_parse_ipv6_mask(ip, prefix) (user data 1):
** the canonical form "xxxx:xxxx:...:xxxx" (8 groups of 4 lower-case hex
** digits), masked by the shortest prefix. NULL when invalid.
*/
static void fnParseIpv6(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  Ip6 a;
  int p;
  char zBuf[48], *zOut = zBuf;
  if( !argIp6(argv[0], &a, &p) ) return;
  if( argc>1 ){
    int pArg;
    if( !argPrefix(argv[1], 128, &pArg) ) return;
    if( pArg<p ) p = pArg;
  }
  mask6(&a, p);
  for(int g=0; g<8; g++){
    zOut += snprintf(zOut, (size_t)(zBuf + sizeof(zBuf) - zOut), "%s%02x%02x", g ? ":" : "", a.a[2*g], a.a[2*g+1]);
  }
  sqlite3_result_text(ctx, zBuf, -1, SQLITE_TRANSIENT);
}

/******************************** registration ********************************/

typedef struct NetFunc NetFunc;
struct NetFunc {
  const char *zName;
  signed char nArg;
  intptr_t iUser;
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

static const NetFunc aNet[] = {
  {"kql_ipv4_compare",            2, 0, fnIpv4Compare},
  {"kql_ipv4_compare",            3, 0, fnIpv4Compare},
  {"kql_ipv4_is_match",           2, 1, fnIpv4Compare},
  {"kql_ipv4_is_match",           3, 1, fnIpv4Compare},
  {"kql_ipv4_is_in_range",        2, 0, fnIpv4InRange},
  {"kql_ipv4_is_in_any_range",   -1, 0, fnIpv4InAnyRange},
  {"kql_ipv4_is_private",         1, 0, fnIpv4IsPrivate},
  {"kql_parse_ipv4",              1, 0, fnParseIpv4},
  {"kql_parse_ipv4_mask",         2, 1, fnParseIpv4},
  {"kql_format_ipv4",             1, 0, fnFormatIpv4},
  {"kql_format_ipv4",             2, 0, fnFormatIpv4},
  {"kql_format_ipv4_mask",        1, 1, fnFormatIpv4},
  {"kql_format_ipv4_mask",        2, 1, fnFormatIpv4},
  {"kql_ipv4_netmask_suffix",     1, 0, fnIpv4Suffix},
  {"kql_ipv4_range_to_cidr_list", 2, 0, fnRangeToCidr},
  {"kql_has_ipv4",                2, 0, fnHasIpv4},
  {"kql_has_ipv4_prefix",         2, 1, fnHasIpv4},
  {"kql_has_any_ipv4",           -1, 2, fnHasIpv4},
  {"kql_has_any_ipv4_prefix",    -1, 3, fnHasIpv4},
  {"kql_ipv6_compare",            2, 0, fnIpv6Compare},
  {"kql_ipv6_compare",            3, 0, fnIpv6Compare},
  {"kql_ipv6_is_match",           2, 1, fnIpv6Compare},
  {"kql_ipv6_is_match",           3, 1, fnIpv6Compare},
  {"kql_ipv6_is_in_range",        2, 0, fnIpv6InRange},
  {"kql_ipv6_is_in_any_range",   -1, 0, fnIpv6InAnyRange},
  {"kql_parse_ipv6",              1, 0, fnParseIpv6},
  {"kql_parse_ipv6_mask",         2, 1, fnParseIpv6},
};

/* kqlFnRegisterNet(): register this group's SQL functions on db; an SQLite result code (fn.h). */
int kqlFnRegisterNet(sqlite3 *db){
  for(size_t i=0; i<sizeof(aNet)/sizeof(aNet[0]); i++){
    int rc = sqlite3_create_function(db, aNet[i].zName, aNet[i].nArg,
        SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS,
        (void*)aNet[i].iUser, aNet[i].xFunc, 0, 0);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
