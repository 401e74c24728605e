/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** `kqlite check --dialect sentinel|defender`: besides the service-specific
** scalar functions of the catalogue (rows flagged KQL_FNF_SENTINEL or
** KQL_FNF_DEFENDER, enabled by kql_set_dialect), each service provides
** tabular functions. They are declared here as KQL `let` functions with the
** documented result columns and prepended to every query checked in that
** dialect (the checker removes the prelude's length from every offset), so
** the columns they add are known to the binder:
**   Defender XDR:  FileProfile() (invoke), SeenBy() (invoke), DeviceFromIP(ip
**                  [, time]), AssignedIPAddresses(device [, time]);
**   Sentinel:      _GetWatchlist(alias): the watchlist's columns are not
**                  known offline, so its schema is left open (any column
**                  name is accepted after it).
** Column types follow the Defender XDR advanced-hunting documentation (its
** 'int' counts are typed long, as the service returns them).
**
** FileProfile() takes the file-ID column by name (invoke FileProfile(SHA1,
** 1000)), which no `let` function can; kqlCheckDialectRewrite() quotes
** that name for checking ('SHA1'), with a map back to the original bytes.
*/
#include "cli_check.h"
#include "kql.h"
#include "lexer.h"
#include "parser.h"
#include <string.h>

static const char zDefender[] =
  "let FileProfile = (T:(*), fileIdColumn:string=\"SHA1\", maxRecords:long=1000) { T"
  " | extend SHA1=tostring(column_ifexists(\"SHA1\", \"\")),"
  " SHA256=tostring(column_ifexists(\"SHA256\", \"\")), MD5=tostring(column_ifexists(\"MD5\", \"\")),"
  " FileSize=tolong(column_ifexists(\"FileSize\", long(null))), GlobalPrevalence=long(null),"
  " GlobalFirstSeen=datetime(null), GlobalLastSeen=datetime(null), Signer=\"\", Issuer=\"\","
  " SignerHash=\"\", IsCertificateValid=bool(null), IsRootSignerMicrosoft=bool(null),"
  " SignatureState=\"\", IsExecutable=bool(null), ThreatName=\"\", Publisher=\"\","
  " SoftwareName=\"\", ProfileAvailability=\"\" };"
  " let SeenBy = (T:(*)) { T | extend SeenBy=dynamic(null) };"
  " let DeviceFromIP = (ipAddress:string, atTime:datetime=datetime(null))"
  " { datatable(IP:string, DeviceId:string)[] };"
  " let AssignedIPAddresses = (device:string, atTime:datetime=datetime(null))"
  " { datatable(Timestamp:datetime, IPAddress:string, IPType:string, NetworkAdapterType:string,"
  " ConnectedNetworks:dynamic)[] };\n";

static const char zSentinel[] =
  "let _GetWatchlist = (watchlistAlias:string) { datatable(_DTItemId:string,"
  " LastUpdatedTimeUTC:datetime, SearchKey:string, WatchlistItem:dynamic)[]"
  " | evaluate bag_unpack(WatchlistItem) };\n";

const char *kqlCheckDialectPrelude(int eDialect){
  if( eDialect==KQL_DIALECT_DEFENDER ) return zDefender;
  if( eDialect==KQL_DIALECT_SENTINEL ) return zSentinel;
  return "";
}

int kqlCheckDialectFromName(const char *zName){
  if( strcmp(zName, "sentinel")==0 ) return KQL_DIALECT_SENTINEL;
  if( strcmp(zName, "defender")==0 ) return KQL_DIALECT_DEFENDER;
  if( strcmp(zName, "none")==0 || strcmp(zName, "kusto")==0 ) return KQL_DIALECT_NONE;
  return -1;
}

/* The next token of z[i..n) that is not space or a comment; its length in *pn. */
static int nextToken(const char *z, int n, int *pi, int *pn){
  while( *pi<n ){
    KqlLexResult res;
    kqlLexNext((const unsigned char*)z + *pi, (const unsigned char*)z + n, &res);
    if( res.eTok!=TK_SPACE ){
      *pn = res.n;
      return res.eTok;
    }
    *pi += res.n;
  }
  *pn = 0;
  return 0;
}

char *kqlCheckDialectRewrite(KqlArena *pArena, int eDialect, const char *z, int n,
                             int *pnOut, int **paMap){
  int aIns[64], aLen[64], nIns = 0;   /* the column names to quote */
  int i = 0, nTok = 0;
  int e1 = 0, e2 = 0;          /* the previous token and the one before it */
  int i2 = 0, n2 = 0;          /* where the one before it is */
  int i1 = 0, n1 = 0;
  if( eDialect!=KQL_DIALECT_DEFENDER ) return 0;
  while( i<n && nIns<(int)(sizeof(aIns)/sizeof(aIns[0])) ){
    int eTok = nextToken(z, n, &i, &nTok);
    if( eTok==0 ) break;
    /* FileProfile ( column ...  -- the column an identifier, not a call */
    if( eTok==TK_ID && e1==TK_LP && e2==TK_ID && n2==11 && memcmp(z+i2, "FileProfile", 11)==0 ){
      int j = i + nTok, nNext = 0;
      int eNext = nextToken(z, n, &j, &nNext);
      if( eNext!=TK_LP && eNext!=TK_DOT ){
        aIns[nIns] = i;
        aLen[nIns++] = nTok;
      }
    }
    e2 = e1; i2 = i1; n2 = n1;
    e1 = eTok; i1 = i; n1 = nTok;
    i += nTok;
  }
  if( nIns==0 ) return 0;
  char *zOut = kqlArenaAlloc(pArena, (size_t)n + 2*(size_t)nIns + 1);
  int *aMap = kqlArenaAlloc(pArena, sizeof(int)*((size_t)n + 2*(size_t)nIns + 1));
  int o = 0, k = 0;
  for(i=0; i<n; ){
    if( k<nIns && i==aIns[k] ){
      int e = i + aLen[k++];
      aMap[o] = i; zOut[o++] = '\'';
      for(; i<e; i++){ aMap[o] = i; zOut[o++] = z[i]; }
      aMap[o] = e-1; zOut[o++] = '\'';
      continue;
    }
    aMap[o] = i;
    zOut[o++] = z[i++];
  }
  aMap[o] = n;
  zOut[o] = 0;
  *pnOut = o;
  *paMap = aMap;
  return zOut;
}
