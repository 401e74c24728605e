/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** kqlCacheIndexColumns() (cache.h): which columns of a cached table get an
** index. Hunts filter on indicators (IP addresses, hashes, file, host and
** account names), on time, and on action or event ids; an index turns
** `where X in (iocs)` (and an OR of such terms) into a few lookups instead
** of a scan. The rules below go from the most to the least useful; each
** matches a column name exactly or by suffix (case-insensitive), and only
** columns of a type an index can serve (string, integer, datetime, guid).
*/
#include "cache.h"
#include "types.h"
#include <string.h>
#include <strings.h>

/* One rule: zPat matches the whole name (bSuffix 0) or its end (1). */
typedef struct IndexRule IndexRule;
struct IndexRule {
  const char *zPat;
  int bSuffix;
};

static const IndexRule aRule[] = {
  /* time: ranges and order by */
  {"TimeGenerated", 0}, {"Timestamp", 0},
  /* network indicators */
  {"SourceIP", 0}, {"DestinationIP", 0}, {"RemoteIP", 0}, {"LocalIP", 0},
  {"IPAddress", 0}, {"ClientIP", 0}, {"CallerIpAddress", 0},
  {"IP", 1}, {"IPAddress", 1}, {"IpAddress", 1},
  {"RemoteUrl", 0}, {"DestinationHostName", 0}, {"SourceHostName", 0},
  /* hosts */
  {"DeviceName", 0}, {"Computer", 0}, {"HostName", 0},
  /* accounts */
  {"AccountName", 0}, {"AccountUpn", 0}, {"UserPrincipalName", 0},
  {"UserName", 1}, {"AccountName", 1},
  /* files and hashes */
  {"SHA256", 1}, {"SHA1", 1}, {"MD5", 1}, {"FileHash", 0},
  {"FileName", 0}, {"ProcessName", 0},
  /* actions and events */
  {"ActionType", 0}, {"EventID", 0}, {"OperationName", 0},
  {"DeviceId", 0}, {"DeviceAction", 0},
};

static int matches(const IndexRule *r, const char *zName){
  size_t n = strlen(zName), nPat = strlen(r->zPat);
  if( !r->bSuffix ) return strcasecmp(zName, r->zPat)==0;
  return n>nPat && strcasecmp(zName+n-nPat, r->zPat)==0;
}

static int indexableType(int eType){
  return eType==KQL_T_STRING || eType==KQL_T_INT || eType==KQL_T_LONG
      || eType==KQL_T_DATETIME || eType==KQL_T_GUID;
}

int kqlCacheIndexColumns(int nCol, char *const *azName, const int *aeType,
                         int *aiOut, int nMax){
  int n = 0;
  for(unsigned r=0; r<sizeof(aRule)/sizeof(aRule[0]) && n<nMax; r++){
    for(int i=0; i<nCol && n<nMax; i++){
      int bDup = 0;
      if( !indexableType(aeType[i]) || !matches(&aRule[r], azName[i]) ) continue;
      for(int k=0; k<n; k++) if( aiOut[k]==i ) bDup = 1;
      if( !bDup ) aiOut[n++] = i;
    }
  }
  return n;
}
