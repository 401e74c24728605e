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
**   Defender XDR:  FileProfile() (invoke; the file-ID argument given as a
**                  string or omitted), SeenBy() (invoke), DeviceFromIP(ip
**                  [, time]), AssignedIPAddresses(device [, time]);
**   Sentinel:      _GetWatchlist(alias): the watchlist's columns are not
**                  known offline, so its schema is left open (any column
**                  name is accepted after it).
** Column types follow the Defender XDR advanced-hunting documentation (its
** 'int' counts are typed long, as the service returns them).
*/
#include "cli_check.h"
#include "kql.h"
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
