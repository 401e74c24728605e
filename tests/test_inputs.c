/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The files hunters actually have, end to end through the kqlite binary
** (KQLITE, default build/kqlite): CSV saved from the Log Analytics and
** Defender portals (header suffixes such as "TimeGenerated [UTC]", US
** 12-hour datetimes "6/3/2026, 1:02:03.456 PM"), saved Log Analytics and
** Defender advanced-hunting API responses (JSON, recognised by content,
** their column types used), Sentinel watchlists for _GetWatchlist
** (--watchlist, --watchlist-dir), geo_info_from_ip_address from a MaxMind
** database (--geoip; the test writes a one-entry .mmdb itself, following the
** MaxMind DB format specification), and several query files in one run.
** Expected values were worked out by hand from the small files the tests
** write; the geo values are the docs' example for 20.53.203.50 (Sydney).
*/
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clirun.h"

typedef KqlCliRun InRun;
#define run(...) kqlcliRun(0, 0, (const char *const[]){__VA_ARGS__, NULL})

static char *scratchDir(void){
  char zTmpl[] = "/tmp/kqlite-inp.XXXXXX";
  char *z = mkdtemp(zTmpl);
  cr_assert_not_null(z);
  return strdup(z);
}

static char *pathIn(const char *zDir, const char *zName){
  size_t n = strlen(zDir) + strlen(zName) + 2;
  char *zPath = malloc(n);
  snprintf(zPath, n, "%s/%s", zDir, zName);
  return zPath;
}

static char *writeBytes(const char *zDir, const char *zName, const void *p, size_t n){
  char *zPath = pathIn(zDir, zName);
  FILE *f = fopen(zPath, "wb");
  cr_assert_not_null(f, "cannot write %s", zPath);
  cr_assert_eq(fwrite(p, 1, n, f), n);
  fclose(f);
  return zPath;
}

static char *writeFile(const char *zDir, const char *zName, const char *zText){
  return writeBytes(zDir, zName, zText, strlen(zText));
}

static void removeDir(char *zDir){
  char zCmd[600];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( strncmp(zDir, "/tmp/kqlite-inp.", 16)==0 && system(zCmd)!=0 ){
    cr_log_warn("could not remove %s", zDir);
  }
  free(zDir);
}

/* "NAME=PATH" (malloc'ed). */
static char *mapping(const char *zName, const char *zPath){
  size_t n = strlen(zName) + strlen(zPath) + 2;
  char *z = malloc(n);
  snprintf(z, n, "%s=%s", zName, zPath);
  return z;
}

/************************************************************ portal CSV */

/* Heartbeat exported from the Log Analytics portal: header suffixes and the
** US 12-hour form, including the 12 AM (midnight) and 12 PM (noon) cases,
** a fraction, no seconds, and an empty cell (null). */
Test(inputs, portal_csv_suffix_and_ampm){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "hb.csv",
    "TimeGenerated [UTC],Computer,Category\n"
    "\"6/3/2026, 1:02:03.456 PM\",h1,Direct Agent\n"
    "\"6/3/2026, 12:00:00 AM\",h2,Direct Agent\n"
    "\"6/3/2026, 12:30:00 PM\",h3,Direct Agent\n"
    "\"12/31/2025, 11:59:59 PM\",h4,Direct Agent\n"
    "\"1/2/2026, 3:04 PM\",h5,Direct Agent\n"
    "\"1/2/2026, 12:05 AM\",h6,Direct Agent\n"
    ",h7,Direct Agent\n");
  char *zMap = mapping("Heartbeat", zCsv);
  InRun r = run("run", "--no-cache", "--table", zMap, "-e",
                "Heartbeat | project TimeGenerated, Computer, n=isnull(TimeGenerated)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "TimeGenerated,Computer,n\n"
    "2026-06-03T13:02:03.4560000Z,h1,false\n"
    "2026-06-03T00:00:00Z,h2,false\n"
    "2026-06-03T12:30:00Z,h3,false\n"
    "2025-12-31T23:59:59Z,h4,false\n"
    "2026-01-02T15:04:00Z,h5,false\n"
    "2026-01-02T00:05:00Z,h6,false\n"
    ",h7,true\n");
  kqlcliFree(&r);
  /* a table the catalogue does not know: the suffix is dropped from the name,
  ** and "[UTC]" marks the column as a datetime column */
  char *zMap2 = mapping("MyExport", zCsv);
  r = run("run", "--no-cache", "--table", zMap2, "-e",
          "MyExport | extend t=gettype(TimeGenerated), c=gettype(Category) "
          "| project Computer, TimeGenerated, t, c | take 2");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "Computer,TimeGenerated,t,c\nh1,2026-06-03T13:02:03.4560000Z,datetime,string\n"
                "h2,2026-06-03T00:00:00Z,datetime,string\n");
  kqlcliFree(&r);
  free(zMap2);
  free(zMap);
  free(zCsv);
  removeDir(zDir);
}

/* A datetime cell that does not parse fails the query at PATH:LINE:COL. */
Test(inputs, bad_datetime_is_located){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "bad.csv",
    "Computer,TimeGenerated [UTC]\n"
    "h1,\"6/3/2026, 1:02:03 PM\"\n"
    "h2,\"13/45/2026, 1:00 PM\"\n");
  char *zMap = mapping("Heartbeat", zCsv);
  InRun r = run("run", "--no-cache", "--table", zMap, "-e", "Heartbeat | project TimeGenerated");
  cr_expect_neq(r.rc, 0, "a bad datetime must fail the run:\n%s", r.zOut);
  kqlcliExpectErrHas(&r, "bad.csv:3:4: cannot parse datetime \"13/45/2026, 1:00 PM\" for column TimeGenerated");
  kqlcliFree(&r);
  /* a table the catalogue does not know: a "[UTC]" column whose sample
  ** parsed stays datetime, and a bad value after the sample is an error */
  size_t nBig = 64 + 40*1100;
  char *zBig = malloc(nBig), *z = zBig;
  z += sprintf(z, "Host,Seen [UTC]\n");
  for(int i=0; i<1100; i++) z += sprintf(z, "h%d,\"6/3/2026, 1:02:%02d PM\"\n", i, i%60);
  sprintf(z, "hx,yesterday\n");
  char *zCsv2 = writeFile(zDir, "big.csv", zBig);
  char *zMap2 = mapping("Sightings", zCsv2);
  r = run("run", "--no-cache", "--table", zMap2, "-e", "Sightings | count");
  cr_expect_neq(r.rc, 0, "a bad datetime must fail the run:\n%s", r.zOut);
  kqlcliExpectErrHas(&r, "big.csv:1102:4: cannot parse datetime \"yesterday\" for column Seen");
  kqlcliFree(&r);
  free(zMap2);
  free(zCsv2);
  free(zBig);
  free(zMap);
  free(zCsv);
  removeDir(zDir);
}

/* "[Local Time]": the exporting browser's zone is unknown, so a datetime
** column with that suffix is refused rather than read as UTC. */
Test(inputs, portal_local_time_is_refused){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "lt.csv",
    "Computer,TimeGenerated [Local Time]\nh1,\"6/3/2026, 1:02:03 PM\"\n");
  char *zMap = mapping("Heartbeat", zCsv);
  InRun r = run("run", "--no-cache", "--table", zMap, "-e", "Heartbeat | count");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "lt.csv:1:10: column TimeGenerated holds local times of an unknown time zone");
  kqlcliFree(&r);
  free(zMap);
  free(zCsv);
  removeDir(zDir);
}

/*********************************************************** API JSON */

static const char zLaJson[] =
  "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
  "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},{\"name\":\"Computer\",\"type\":\"string\"},"
  "{\"name\":\"Count\",\"type\":\"int\"},{\"name\":\"Ratio\",\"type\":\"real\"},"
  "{\"name\":\"Ok\",\"type\":\"bool\"},{\"name\":\"Bag\",\"type\":\"dynamic\"},"
  "{\"name\":\"Id\",\"type\":\"guid\"},{\"name\":\"Dur\",\"type\":\"timespan\"},"
  "{\"name\":\"Big\",\"type\":\"long\"},{\"name\":\"Price\",\"type\":\"decimal\"}],\n"
  "\"rows\":[[\"2026-06-03T13:02:03.456Z\",\"host1\",5,0.5,true,\"{\\\"a\\\":1}\","
  "\"6f1e5b0c-6a0f-4d1d-9a59-0a5c8f1e2d3c\",\"00:01:30\",12345678901,1.5],\n"
  "[\"2026-06-03T00:00:00Z\",\"host2\",7,1.25,false,null,null,\"1.02:03:04\",null,null]]}]}\n";

/* Log Analytics query API response: the column types of the file. */
Test(inputs, log_analytics_api_json){
  char *zDir = scratchDir();
  char *zJson = writeFile(zDir, "la.json", zLaJson);
  char *zMap = mapping("T", zJson);
  InRun r = run("run", "--no-cache", "--table", zMap, "-e",
                "T | getschema | project ColumnName, ColumnType");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "ColumnName,ColumnType\nTimeGenerated,datetime\nComputer,string\nCount,int\n"
                "Ratio,real\nOk,bool\nBag,dynamic\nId,guid\nDur,timespan\nBig,long\nPrice,decimal\n");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--table", zMap, "-e",
          "T | project TimeGenerated, Computer, c=Count*2, Ok, a=toint(Bag.a), Id, "
          "s=Dur/1s, b=Big+1, nb=isnull(Bag)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "TimeGenerated,Computer,c,Ok,a,Id,s,b,nb\n"
                "2026-06-03T13:02:03.4560000Z,host1,10,true,1,6f1e5b0c-6a0f-4d1d-9a59-0a5c8f1e2d3c,90,12345678902,false\n"
                "2026-06-03T00:00:00Z,host2,14,false,,,93784,,true\n");
  kqlcliFree(&r);
  free(zMap);
  free(zJson);
  removeDir(zDir);
}

static const char zMdeJson[] =
  "{\"Stats\":{\"ExecutionTime\":0.1},\"Schema\":["
  "{\"Name\":\"Timestamp\",\"Type\":\"DateTime\"},{\"Name\":\"DeviceName\",\"Type\":\"String\"},"
  "{\"Name\":\"RemotePort\",\"Type\":\"Int64\"},{\"Name\":\"Bytes\",\"Type\":\"Int64\"},"
  "{\"Name\":\"Score\",\"Type\":\"Double\"},{\"Name\":\"IsX\",\"Type\":\"Boolean\"},"
  "{\"Name\":\"Extra\",\"Type\":\"Object\"},{\"Name\":\"Small\",\"Type\":\"Int32\"}],\n"
  "\"Results\":[{\"Timestamp\":\"2020-08-30T06:38:35.7664356Z\",\"DeviceName\":\"dev1\","
  "\"RemotePort\":443,\"Bytes\":9000000000,\"Score\":1.5,\"IsX\":true,"
  "\"Extra\":\"{\\\"k\\\":\\\"v\\\"}\",\"Small\":3},\n"
  "{\"Timestamp\":\"2020-08-30T06:38:36Z\",\"DeviceName\":\"dev2\",\"RemotePort\":80,"
  "\"Bytes\":1,\"Score\":2,\"IsX\":false,\"Extra\":{\"k\":2},\"Small\":null}]}\n";

/* Defender advanced hunting API response: its types for an unknown table,
** the catalogue's for a known one (RemotePort is int there, Int64 in the file). */
Test(inputs, defender_api_json){
  char *zDir = scratchDir();
  char *zJson = writeFile(zDir, "mde.json", zMdeJson);
  char *zMap = mapping("T", zJson);
  InRun r = run("run", "--no-cache", "--table", zMap, "-e",
                "T | getschema | project ColumnName, ColumnType");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "ColumnName,ColumnType\nTimestamp,datetime\nDeviceName,string\nRemotePort,long\n"
                "Bytes,long\nScore,real\nIsX,bool\nExtra,dynamic\nSmall,int\n");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--table", zMap, "-e",
          "T | project Timestamp, DeviceName, b=Bytes*2, Score, IsX, k=tostring(Extra.k), Small");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "Timestamp,DeviceName,b,Score,IsX,k,Small\n"
                "2020-08-30T06:38:35.7664356Z,dev1,18000000000,1.5,true,v,3\n"
                "2020-08-30T06:38:36Z,dev2,2,2,false,2,\n");
  kqlcliFree(&r);
  char *zMap2 = mapping("DeviceNetworkEvents", zJson);
  r = run("run", "--no-cache", "--table", zMap2, "-e",
          "DeviceNetworkEvents | where DeviceName == 'dev1' | project Timestamp, RemotePort, "
          "Bytes | getschema | project ColumnName, ColumnType");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "ColumnName,ColumnType\nTimestamp,datetime\nRemotePort,int\nBytes,long\n");
  kqlcliFree(&r);
  free(zMap2);
  free(zMap);
  free(zJson);
  removeDir(zDir);
}

/* Kusto's v1 response shape ("Tables", "ColumnName"/"ColumnType"), and a
** column whose type the file does not name: inferred from all rows, here
** widened to string by a value after the first 1000 rows. */
Test(inputs, api_json_v1_and_inferred_column){
  char *zDir = scratchDir();
  char *zV1 = writeFile(zDir, "v1.json",
    "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
    "{\"ColumnName\":\"a\",\"DataType\":\"Int64\",\"ColumnType\":\"long\"},"
    "{\"ColumnName\":\"b\",\"DataType\":\"String\",\"ColumnType\":\"string\"}],"
    "\"Rows\":[[1,\"x\"],[2,\"y\"]]}]}");
  char *zMap = mapping("V", zV1);
  InRun r = run("run", "--no-cache", "--table", zMap, "-e", "V | extend t=gettype(a), s=a*10");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "a,b,t,s\n1,x,long,10\n2,y,long,20\n");
  kqlcliFree(&r);
  size_t nBig = 200 + 40*1500;
  char *zBig = malloc(nBig), *z = zBig;
  z += sprintf(z, "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"n\","
                  "\"type\":\"long\"},{\"name\":\"odd\",\"type\":\"sometype\"}],\"rows\":[");
  for(int i=0; i<1500; i++){
    if( i<1200 ) z += sprintf(z, "%s[%d,%d]", i ? ",\n" : "", i, i);
    else z += sprintf(z, ",\n[%d,\"x%d\"]", i, i);
  }
  sprintf(z, "]}]}\n");
  char *zBigPath = writeFile(zDir, "big.json", zBig);
  char *zMap2 = mapping("B", zBigPath);
  r = run("run", "--no-cache", "--table", zMap2, "-e",
          "B | summarize c=count(), s=sum(n), x=countif(odd startswith 'x'), t=take_any(gettype(odd))");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "c,s,x,t\n1500,1124250,300,string\n");
  kqlcliFree(&r);
  free(zMap2);
  free(zBigPath);
  free(zBig);
  free(zMap);
  free(zV1);
  removeDir(zDir);
}

/* Malformed API responses fail at PATH:LINE:COL. */
Test(inputs, api_json_errors_are_located){
  char *zDir = scratchDir();
  char *zA = writeFile(zDir, "a.json",
    "{\"tables\":[{\"name\":\"P\",\"columns\":[{\"name\":\"a\",\"type\":\"long\"}],\n"
    "\"rows\":[[1],\n[2,3]]}]}\n");
  char *zB = writeFile(zDir, "b.json",
    "{\"Schema\":[{\"Name\":\"a\",\"Type\":\"Int64\"}],\n\"Results\":[{\"a\":1},\n{\"a\":\"x\"}]}\n");
  char *zC = writeFile(zDir, "c.json",
    "{\"Schema\":[{\"Name\":\"a\",\"Type\":\"Int64\"}],\n\"Results\":[{\"a\":1},\n{\"a\" 2}]}\n");
  char *zMapA = mapping("A", zA), *zMapB = mapping("B", zB), *zMapC = mapping("C", zC);
  InRun r = run("run", "--no-cache", "--table", zMapA, "-e", "A");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "a.json:3:4: row has more values than the 1 columns");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--table", zMapB, "-e", "B");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "b.json:3:6: cannot parse long \"x\" for column a");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--table", zMapC, "-e", "C");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "c.json:3:6: expected ':' after key in JSON object");
  kqlcliFree(&r);
  free(zMapA); free(zMapB); free(zMapC);
  free(zA); free(zB); free(zC);
  removeDir(zDir);
}

/*********************************************************** watchlists */

Test(inputs, watchlist_columns_and_search_key){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "hv.csv", "Hostname,IP,Risk\nsrv1,10.0.0.1,5\nsrv2,10.0.0.2,\n");
  char *zMap = mapping("HighValueHosts", zCsv);
  InRun r = run("run", "--no-cache", "--watchlist", zMap, "-e",
                "_GetWatchlist('HighValueHosts') | getschema | project ColumnName, ColumnType");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "ColumnName,ColumnType\n_DTItemId,string\nLastUpdatedTimeUTC,datetime\n"
                "SearchKey,string\nWatchlistItem,dynamic\nHostname,string\nIP,string\nRisk,string\n");
  kqlcliFree(&r);
  /* the search key is the first column unless named; items are strings */
  r = run("run", "--no-cache", "--watchlist", zMap, "-e",
          "_GetWatchlist('HighValueHosts') | project SearchKey, ip=tostring(WatchlistItem.IP), "
          "Risk, g=isnotempty(toguid(_DTItemId)), t=isnotnull(LastUpdatedTimeUTC)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "SearchKey,ip,Risk,g,t\nsrv1,10.0.0.1,5,true,true\nsrv2,10.0.0.2,,true,true\n");
  kqlcliFree(&r);
  char *zMapKey = mapping("HighValueHosts:IP", zCsv);
  r = run("run", "--no-cache", "--watchlist", zMapKey, "-e",
          "print x='10.0.0.2' | where x in (_GetWatchlist('HighValueHosts') | project SearchKey)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "x\n10.0.0.2\n");
  kqlcliFree(&r);
  /* --watchlist-dir: DIR/ALIAS.csv */
  char *zCsv2 = writeFile(zDir, "Tor.csv", "Address\n1.2.3.4\n5.6.7.8\n");
  r = run("run", "--no-cache", "--watchlist-dir", zDir, "-e", "_GetWatchlist('Tor') | count");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "Count\n2\n");
  kqlcliFree(&r);
  free(zCsv2);
  free(zMapKey);
  free(zMap);
  free(zCsv);
  removeDir(zDir);
}

/* The Sentinel docs' example: watchlist "ipwatchlist" from a CSV, joined
** with lookup on its search key (IPAddress, the first column). */
Test(inputs, watchlist_docs_lookup_example){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "ipwatchlist.csv",
    "IPAddress,Location\n10.0.100.11,Home\n172.16.107.23,Work\n"
    "10.0.150.39,Home\n172.20.32.117,Work\n");
  InRun r = run("run", "--no-cache", "--watchlist-dir", zDir, "-e",
    "datatable(Computer:string, RemoteIPCountry:string)['a','10.0.150.39','b','8.8.8.8']"
    " | lookup kind=leftouter _GetWatchlist('ipwatchlist') on $left.RemoteIPCountry == $right.SearchKey"
    " | project Computer, Location");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "Computer,Location\na,Home\nb,\n");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--watchlist-dir", zDir, "-e",
    "let watchlist = (_GetWatchlist('ipwatchlist') | project IPAddress);"
    " datatable(ComputerIP:string)['172.20.32.117','10.0.0.1'] | where ComputerIP in (watchlist)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "ComputerIP\n172.20.32.117\n");
  kqlcliFree(&r);
  free(zCsv);
  removeDir(zDir);
}

Test(inputs, watchlist_not_mapped_is_offline){
  InRun r = run("run", "--no-cache", "-e", "_GetWatchlist('Nope') | take 1");
  kqlcliExpectRc(&r, 3);
  kqlcliExpectErrHas(&r, "not available offline: watchlist 'Nope' — map it with --watchlist Nope=PATH");
  kqlcliFree(&r);
}

/************************************************************** geoip */

Test(inputs, geoip_without_database_is_offline){
  InRun r = run("run", "--no-cache", "-e", "print g=geo_info_from_ip_address('20.53.203.50')");
  kqlcliExpectRc(&r, 3);
  kqlcliExpectErrHas(&r, "not available offline: geo_info_from_ip_address()");
  kqlcliExpectErrHas(&r, "--geoip FILE.mmdb");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--geoip", "/nonexistent/GeoLite2-City.mmdb", "-e", "print 1");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "--geoip: /nonexistent/GeoLite2-City.mmdb");
  kqlcliFree(&r);
}

/* A MaxMind DB writer just big enough for one IPv4 entry (format spec 2.0). */
typedef struct Mmdb Mmdb;
struct Mmdb { unsigned char a[2048]; size_t n; };

static void mmByte(Mmdb *m, unsigned v){ m->a[m->n++] = (unsigned char)v; }
static void mmBytes(Mmdb *m, const void *p, size_t n){ memcpy(m->a + m->n, p, n); m->n += n; }
static void mmStr(Mmdb *m, const char *z){
  size_t n = strlen(z);
  mmByte(m, (2u<<5) | (unsigned)n);          /* utf8_string, size < 29 */
  mmBytes(m, z, n);
}
static void mmMap(Mmdb *m, unsigned nPair){ mmByte(m, (7u<<5) | nPair); }
static void mmArray(Mmdb *m, unsigned n){ mmByte(m, n); mmByte(m, 11-7); }   /* extended */
static void mmUint(Mmdb *m, unsigned eType, uint64_t v, unsigned nByte){
  if( eType>7 ){ mmByte(m, nByte); mmByte(m, eType-7); }
  else mmByte(m, (eType<<5) | nByte);
  for(int i=(int)nByte-1; i>=0; i--) mmByte(m, (unsigned)((v>>(8*i)) & 255));
}
static void mmDouble(Mmdb *m, double r){
  uint64_t u;
  memcpy(&u, &r, 8);
  mmByte(m, (3u<<5) | 8);
  for(int i=7; i>=0; i--) mmByte(m, (unsigned)((u>>(8*i)) & 255));
}
static void mmNamed(Mmdb *m, const char *zKey, const char *zName){
  mmStr(m, zKey);
  mmMap(m, 1); mmStr(m, "names"); mmMap(m, 1); mmStr(m, "en"); mmStr(m, zName);
}

/* 0.0.0.0/1 holds the docs' example location; 128.0.0.0/1 holds nothing. */
static void buildMmdb(Mmdb *m){
  m->n = 0;
  /* one node, 24-bit records: left -> data offset 0 (1 + 16 + 0), right -> no data (1) */
  mmByte(m, 0); mmByte(m, 0); mmByte(m, 17);
  mmByte(m, 0); mmByte(m, 0); mmByte(m, 1);
  for(int i=0; i<16; i++) mmByte(m, 0);
  mmMap(m, 4);
  mmNamed(m, "city", "Sydney");
  mmNamed(m, "country", "Australia");
  mmStr(m, "location"); mmMap(m, 2);
  mmStr(m, "latitude"); mmDouble(m, -33.8715);
  mmStr(m, "longitude"); mmDouble(m, 151.2006);
  mmStr(m, "subdivisions"); mmArray(m, 1);
  mmMap(m, 1); mmStr(m, "names"); mmMap(m, 1); mmStr(m, "en"); mmStr(m, "New South Wales");
  mmBytes(m, "\xAB\xCD\xEF" "MaxMind.com", 14);
  mmMap(m, 9);
  mmStr(m, "node_count"); mmUint(m, 6, 1, 4);
  mmStr(m, "record_size"); mmUint(m, 5, 24, 2);
  mmStr(m, "ip_version"); mmUint(m, 5, 4, 2);
  mmStr(m, "database_type"); mmStr(m, "kqlite-Test-City");
  mmStr(m, "languages"); mmArray(m, 1); mmStr(m, "en");
  mmStr(m, "binary_format_major_version"); mmUint(m, 5, 2, 2);
  mmStr(m, "binary_format_minor_version"); mmUint(m, 5, 0, 2);
  mmStr(m, "build_epoch"); mmUint(m, 9, 1700000000, 8);
  mmStr(m, "description"); mmMap(m, 1); mmStr(m, "en"); mmStr(m, "kqlite test");
}

Test(inputs, geoip_from_mmdb){
  Mmdb m;
  char *zDir = scratchDir();
  buildMmdb(&m);
  char *zDb = writeBytes(zDir, "test.mmdb", m.a, m.n);
  InRun r = run("run", "--no-cache", "--geoip", zDb, "-e",
                "print g=geo_info_from_ip_address('20.53.203.50') "
                "| project country=tostring(g.country), state=tostring(g.state), city=tostring(g.city), "
                "lat=todouble(g.latitude), lon=todouble(g.longitude)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "country,state,city,lat,lon\nAustralia,New South Wales,Sydney,-33.8715,151.2006\n");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--geoip", zDb, "-e",
          "print g=geo_info_from_ip_address('20.53.203.50')");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "g\n\"{\"\"country\"\":\"\"Australia\"\",\"\"state\"\":\"\"New South Wales\"\","
                "\"\"city\"\":\"\"Sydney\"\",\"\"latitude\"\":-33.8715,\"\"longitude\"\":151.2006}\"\n");
  kqlcliFree(&r);
  /* no entry, and not an address: null */
  r = run("run", "--no-cache", "--geoip", zDb, "-e",
          "print a=isnull(geo_info_from_ip_address('200.1.2.3')), "
          "b=isnull(geo_info_from_ip_address('not an address'))");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "a,b\ntrue,true\n");
  kqlcliFree(&r);
  free(zDb);
  removeDir(zDir);
}

/********************************************************* several files */

/* Each result labelled by its file; a failing file does not stop the
** others; the exit code is the worst (2 I/O > 3 offline > 1 query > 0). */
Test(inputs, several_query_files){
  char *zDir = scratchDir();
  char *zA = writeFile(zDir, "a.kql", "print a=1\n");
  char *zB = writeFile(zDir, "b.kql", "print b=nosuchfunction(1)\n");
  char *zC = writeFile(zDir, "c.kql", "print c=geo_info_from_ip_address('1.2.3.4')\n");
  char *zD = writeFile(zDir, "d.kql", "print d=2\n");
  InRun r = run("run", "--no-cache", "--format", "csv", zA, zB, zD);
  kqlcliExpectRc(&r, 1);
  char zWant[1200];
  snprintf(zWant, sizeof(zWant), "==> %s\na\n1\n\n==> %s\nd\n2\n", zA, zD);
  kqlcliExpectOut(&r, zWant);
  kqlcliExpectErrHas(&r, "b.kql:1:9: error: unknown function 'nosuchfunction'");
  kqlcliFree(&r);
  r = run("run", "--no-cache", "--format", "csv", zB, zC, zD);
  kqlcliExpectRc(&r, 3);
  snprintf(zWant, sizeof(zWant), "==> %s\nd\n2\n", zD);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  char *zMissing = pathIn(zDir, "missing.kql");
  r = run("run", "--no-cache", "--format", "csv", zC, zMissing, zA);
  kqlcliExpectRc(&r, 2);
  snprintf(zWant, sizeof(zWant), "==> %s\na\n1\n", zA);
  kqlcliExpectOut(&r, zWant);
  kqlcliExpectErrHas(&r, "cannot read");
  kqlcliFree(&r);
  free(zMissing);
  free(zA); free(zB); free(zC); free(zD);
  removeDir(zDir);
}
