/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of streamed scans (issue 6, tables/scan*.c, interp/engine_stream.c,
** interp/bind_prefilter.c): a table streamed through the kqlscan virtual
** table gives exactly what the loaded table gives (KQLITE_NO_STREAM=1
** forces loading) for the seed hunts, for generated data and for a set of
** filters the prefilter handles; quoting, CRLF, empty cells, gzip and
** malformed rows; and the binder attaches the prefilter where it should.
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kqltest.h"

static const char *binary(void){
  const char *z = getenv("KQLITE");
  return z && z[0] ? z : "build/kqlite";
}

/* Run zQuery over zDir streamed and loaded; both outcomes must be equal.
** Returns the streamed outcome (malloc'ed). */
static char *sameBothWays(const char *zQuery, const char *zDir){
  int rcS = 0, rcL = 0;
  unsetenv("KQLITE_NO_STREAM");
  char *zS = kqltestRun(zQuery, zDir, &rcS);
  setenv("KQLITE_NO_STREAM", "1", 1);
  char *zL = kqltestRun(zQuery, zDir, &rcL);
  unsetenv("KQLITE_NO_STREAM");
  cr_assert_str_eq(zS, zL, "streamed and loaded differ for: %s", zQuery);
  cr_assert_eq(rcS, rcL, "exit codes differ for: %s", zQuery);
  free(zL);
  return zS;
}

/* The contents of file zPath (malloc'ed), or NULL. */
static char *readFile(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  if( f==0 ) return 0;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *z = malloc((size_t)n+1);
  size_t nGot = fread(z, 1, (size_t)n, f);
  z[nGot] = 0;
  fclose(f);
  return z;
}

static void writeFile(const char *zPath, const char *zText){
  FILE *f = fopen(zPath, "wb");
  cr_assert_not_null(f, "cannot write %s", zPath);
  fputs(zText, f);
  fclose(f);
}

/* A fresh scratch directory (malloc'ed path). */
static char *scratchDir(const char *zTag){
  char *z = malloc(200);
  snprintf(z, 200, "/tmp/kqlite-stream-%s-%d", zTag, (int)getpid());
  char zCmd[300];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s' && mkdir -p '%s'", z, z);
  cr_assert_eq(system(zCmd), 0);
  return z;
}

static void removeDir(const char *zDir){
  char zCmd[300];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( system(zCmd)!=0 ){ /* a leftover scratch directory is harmless */ }
}

/* Standard output of a shell command (malloc'ed). */
static char *runCmd(const char *zCmd){
  FILE *f = popen(zCmd, "r");
  cr_assert_not_null(f);
  size_t n = 0, nAlloc = 4096;
  char *z = malloc(nAlloc);
  size_t k;
  while( (k = fread(z+n, 1, nAlloc-n-1, f))>0 ){
    n += k;
    if( n+1>=nAlloc ){ nAlloc *= 2; z = realloc(z, nAlloc); }
  }
  z[n] = 0;
  pclose(f);
  return z;
}

static const char *const azSeedHunts[] = {
  "queries/dcrat-commonsecuritylog.kql",
  "queries/dcrat-port-12159.kql",
  "queries/firewall-blocked-summary.kql",
  "queries/beaconing-top-talkers.kql",
  "queries/triage-exported-connections.kql",
  "queries/suspicious-process-network.kql",
  "queries/dcrat-devicenetworkevents.kql",
};

/* Filters over CommonSecurityLog: each goes through the prefilter (or
** deliberately not) and must give what the loaded table gives. */
static const char *const azFilters[] = {
  "CommonSecurityLog | where DestinationIP == '156.247.40.190' | project TimeGenerated, SourceIP, DestinationPort | order by TimeGenerated asc, SourceIP asc",
  "CommonSecurityLog | where '82.23.246.160' == SourceIP | count",
  "CommonSecurityLog | where DestinationIP in ('156.247.40.190', '82.23.246.160') | summarize n=count() by DestinationIP | order by DestinationIP asc",
  "let ips = dynamic(['156.247.40.190', '82.23.246.160']); CommonSecurityLog | where DestinationIP in (ips) or SourceIP in (ips) | count",
  "CommonSecurityLog | where DeviceVendor in~ ('PALO ALTO NETWORKS', 'fortinet') | summarize count() by DeviceVendor | order by DeviceVendor asc",
  "CommonSecurityLog | where DeviceVendor =~ 'CISCO' | count",
  "CommonSecurityLog | where Activity has 'TRAFFIC' | summarize count() by Activity | order by Activity asc",
  "CommonSecurityLog | where Activity has_cs 'traffic' | count",
  "CommonSecurityLog | where Activity contains 'raff' | count",
  "CommonSecurityLog | where Activity contains_cs 'RAFF' | count",
  "CommonSecurityLog | where Activity startswith 'threat' | summarize count() by Activity | order by Activity asc",
  "CommonSecurityLog | where Activity endswith 'END' | count",
  "CommonSecurityLog | where Activity has_any ('deny', 'drop') | count",
  "CommonSecurityLog | where Activity hasprefix 'tra' | count",
  "CommonSecurityLog | where Activity !has 'traffic' | count",
  "CommonSecurityLog | where DestinationIP !in ('156.247.40.190') | count",
  "CommonSecurityLog | where not(DestinationIP == '156.247.40.190') | count",
  "CommonSecurityLog | where TimeGenerated between (datetime(2026-06-05) .. datetime(2026-06-06)) | count",
  "CommonSecurityLog | where TimeGenerated >= datetime(2026-06-06) and DestinationPort == 12159 | count",
  "CommonSecurityLog | where DestinationIP == '156.247.40.190' and DestinationPort == 12159 | count",
  "CommonSecurityLog | where DestinationPort == 12159 and DestinationIP == '156.247.40.190' | count",
  "CommonSecurityLog | where DestinationIP == '156.247.40.190' or DestinationPort == 12159 | count",
  "CommonSecurityLog | where (DestinationIP == '156.247.40.190' or SourceIP startswith '82.23.') and DeviceAction != 'allow' | count",
  "CommonSecurityLog | where DestinationIP == '' | count",
  "CommonSecurityLog | where Message == '' | count",
  "CommonSecurityLog | summarize count(), dcount(SourceIP), sum(SentBytes) by DeviceAction | order by DeviceAction asc",
  "CommonSecurityLog | take 3 | project TimeGenerated, DeviceVendor",
  "let ip = '156.247.40.190'; CommonSecurityLog | where DestinationIP == ip or SourceIP == ip | count",
  "CommonSecurityLog | where DestinationIP in (dynamic(['156.247.40.190', '82.23.246.160'])) | count",
  "let ip = strcat('156.247.40', '.190'); CommonSecurityLog | where DestinationIP == ip | count",
  "let DestinationIP = '82.23.246.160'; CommonSecurityLog | where DestinationIP == '156.247.40.190' | count",
};

Test(stream, seed_hunts_same_as_loaded){
  for(unsigned i=0; i<sizeof(azSeedHunts)/sizeof(azSeedHunts[0]); i++){
    char *zQ = readFile(azSeedHunts[i]);
    cr_assert_not_null(zQ, "cannot read %s", azSeedHunts[i]);
    free(sameBothWays(zQ, "tables/samples"));
    free(zQ);
  }
}

Test(stream, dcrat_hunt_finds_the_samples_hits){
  char *zQ = readFile("queries/dcrat-commonsecuritylog.kql");
  char *z = sameBothWays(zQ, "tables/samples");
  /* the samples plant hits for both IPs; the hunt must return rows */
  cr_assert(strstr(z, "156.247.40.190")!=0, "%s", z);
  cr_assert(strstr(z, "error")==0, "%s", z);
  free(z);
  free(zQ);
}

Test(stream, filters_same_as_loaded_on_samples){
  for(unsigned i=0; i<sizeof(azFilters)/sizeof(azFilters[0]); i++){
    free(sameBothWays(azFilters[i], "tables/samples"));
  }
}

Test(stream, generated_data_same_as_loaded){
  char *zDir = scratchDir("gen");
  char zCmd[600];
  snprintf(zCmd, sizeof(zCmd), "'%s' gen --tables CommonSecurityLog --rows 4000 --seed 7 --out '%s'"
           " --plant-ioc 156.247.40.190:12159 --plant-ioc 82.23.246.160 >/dev/null 2>&1",
           binary(), zDir);
  cr_assert_eq(system(zCmd), 0, "kqlite gen failed");
  for(unsigned i=0; i<sizeof(azFilters)/sizeof(azFilters[0]); i++){
    free(sameBothWays(azFilters[i], zDir));
  }
  char *zQ = readFile("queries/dcrat-commonsecuritylog.kql");
  char *z = sameBothWays(zQ, zDir);
  cr_assert(strstr(z, "82.23.246.160")!=0 && strstr(z, "156.247.40.190")!=0, "%s", z);
  free(z);
  free(zQ);
  removeDir(zDir);
  free(zDir);
}

/* Quoted fields with commas, newlines and "" escapes, a quote inside an
** unquoted field, empty cells, CRLF line ends, a blank line, non-ASCII. */
static const char zEdgeCsv[] =
  "TimeGenerated,DeviceVendor,Message,SourceIP,DestinationPort,Activity\r\n"
  "2026-06-01T00:00:00Z,Acme,\"hello, world\",1.2.3.4,443,\"say \"\"hi\"\"\"\r\n"
  "2026-06-01T01:00:00Z,,\"multi\r\nline\",5.6.7.8,,plain\r\n"
  "\r\n"
  "2026-06-01T02:00:00Z,Zeta,x\"y,1.2.3.4,80,\"end\"\r\n"
  "2026-06-01T03:00:00Z,\xC3\x9Cn\xC3\xAF,ok,9.9.9.9,22,\xC3\x84" "BC\r\n";

static const char zEdgeQuery[] =
  "CommonSecurityLog | project TimeGenerated, DeviceVendor, Message, SourceIP, DestinationPort, Activity, DeviceAction";

static const char zEdgeExpected[] =
  "TimeGenerated:datetime,DeviceVendor:string,Message:string,SourceIP:string,DestinationPort:int,Activity:string,DeviceAction:string\n"
  "2026-06-01T00:00:00Z,Acme,hello, world,1.2.3.4,443,say \"hi\",\n"
  "2026-06-01T01:00:00Z,,multi\r\nline,5.6.7.8,null,plain,\n"
  "2026-06-01T02:00:00Z,Zeta,x\"y,1.2.3.4,80,end,\n"
  "2026-06-01T03:00:00Z,\xC3\x9Cn\xC3\xAF,ok,9.9.9.9,22,\xC3\x84" "BC,\n";

Test(stream, quoting_crlf_empty_cells){
  char *zDir = scratchDir("edge");
  char zPath[300];
  snprintf(zPath, sizeof(zPath), "%s/CommonSecurityLog.csv", zDir);
  writeFile(zPath, zEdgeCsv);
  char *z = sameBothWays(zEdgeQuery, zDir);
  cr_assert_str_eq(z, zEdgeExpected);
  free(z);
  z = sameBothWays("CommonSecurityLog | where SourceIP == '1.2.3.4' | project Activity", zDir);
  cr_assert_str_eq(z, "Activity:string\nsay \"hi\"\nend\n");
  free(z);
  z = sameBothWays("CommonSecurityLog | where DeviceVendor =~ '\xC3\xBCn\xC3\xAF' | count", zDir);
  free(z);
  z = sameBothWays("CommonSecurityLog | where Activity has 'abc' | project SourceIP", zDir);
  free(z);
  removeDir(zDir);
  free(zDir);
}

Test(stream, gzip_file){
  char *zDir = scratchDir("gz");
  char zPath[300], zCmd[400];
  snprintf(zPath, sizeof(zPath), "%s/CommonSecurityLog.csv", zDir);
  writeFile(zPath, zEdgeCsv);
  snprintf(zCmd, sizeof(zCmd), "gzip '%s'", zPath);
  cr_assert_eq(system(zCmd), 0);
  char *z = sameBothWays(zEdgeQuery, zDir);
  cr_assert_str_eq(z, zEdgeExpected);
  free(z);
  removeDir(zDir);
  free(zDir);
}

/* A malformed row: the error names PATH:LINE:COL as the loader's does, and
** the run fails with an I/O error either way. */
Test(stream, malformed_rows){
  char *zDir = scratchDir("bad");
  char zPath[300], zWant[400];
  snprintf(zPath, sizeof(zPath), "%s/CommonSecurityLog.csv", zDir);
  writeFile(zPath, "TimeGenerated,SourceIP,DestinationPort\n"
                   "2026-06-01T00:00:00Z,1.2.3.4,443\n"
                   "2026-06-01T00:00:00Z,1.2.3.4\n");
  int rc = 0;
  char *z = kqltestRun("CommonSecurityLog | where SourceIP == '1.2.3.4' | count", zDir, &rc);
  snprintf(zWant, sizeof(zWant), "%s:3:29: record has 2 fields but the header has 3", zPath);
  cr_assert(strstr(z, zWant)!=0, "%s", z);
  cr_assert_neq(rc, 0);
  free(z);
  writeFile(zPath, "TimeGenerated,SourceIP,DestinationPort\n"
                   "2026-06-01T00:00:00Z,1.2.3.4,443\n"
                   "2026-06-01T00:00:00Z,1.2.3.4,x12\n");
  z = kqltestRun("CommonSecurityLog | project DestinationPort", zDir, &rc);
  snprintf(zWant, sizeof(zWant), "%s:3:30: cannot parse int \"x12\" for column DestinationPort", zPath);
  cr_assert(strstr(z, zWant)!=0, "%s", z);
  cr_assert_neq(rc, 0);
  free(z);
  writeFile(zPath, "TimeGenerated,SourceIP,DestinationPort\n"
                   "2026-06-01T00:00:00Z,\"1.2.3.4,443\n");
  z = kqltestRun("CommonSecurityLog | count", zDir, &rc);
  snprintf(zWant, sizeof(zWant), "%s:2:22: unterminated quoted field", zPath);
  cr_assert(strstr(z, zWant)!=0, "%s", z);
  cr_assert_neq(rc, 0);
  free(z);
  removeDir(zDir);
  free(zDir);
}

/* The binder puts the prefilter on the scan for a where right after a
** streamed table, and only then. */
Test(stream, prefilter_in_sql){
  char zCmd[600];
  snprintf(zCmd, sizeof(zCmd), "'%s' explain --sql --no-cache --data tables/samples queries/dcrat-commonsecuritylog.kql 2>&1",
           binary());
  char *z = runCmd(zCmd);
  cr_assert(strstr(z, "FROM \"ks_1\" AS s1 WHERE s1.\"kql_prefilter\" = ?")!=0, "%s", z);
  free(z);
  snprintf(zCmd, sizeof(zCmd), "'%s' explain --sql --no-cache --data tables/samples"
           " -e 'CommonSecurityLog | where DestinationPort == 12159 | count' 2>&1", binary());
  z = runCmd(zCmd);
  cr_assert(strstr(z, "\"ks_1\"")!=0, "%s", z);
  cr_assert(strstr(z, "kql_prefilter")==0, "%s", z);
  free(z);
  /* two references: the table is loaded, not streamed */
  snprintf(zCmd, sizeof(zCmd), "'%s' explain --sql --no-cache --data tables/samples"
           " -e 'CommonSecurityLog | join kind=inner (CommonSecurityLog | take 1) on SourceIP | count' 2>&1",
           binary());
  z = runCmd(zCmd);
  cr_assert(strstr(z, "ks_")==0, "%s", z);
  free(z);
}

Test(stream, multi_pass_queries_same_as_loaded){
  free(sameBothWays("CommonSecurityLog | join kind=inner (CommonSecurityLog | where DestinationPort == 12159) on SourceIP | count",
                    "tables/samples"));
  free(sameBothWays("let t = CommonSecurityLog | where DestinationPort == 12159; t | union t | count",
                    "tables/samples"));
  free(sameBothWays("let t = materialize(CommonSecurityLog | where DestinationPort == 12159); t | count",
                    "tables/samples"));
}

/* A file larger than the read block: records straddle block refills. */
Test(stream, larger_than_one_block){
  char *zDir = scratchDir("blocks");
  char zCmd[600];
  snprintf(zCmd, sizeof(zCmd), "'%s' gen --tables CommonSecurityLog --rows 12000 --seed 11 --out '%s'"
           " --plant-ioc 156.247.40.190:12159 --plant-ioc 82.23.246.160 >/dev/null 2>&1",
           binary(), zDir);
  cr_assert_eq(system(zCmd), 0, "kqlite gen failed");
  char *zQ = readFile("queries/dcrat-commonsecuritylog.kql");
  char *z = sameBothWays(zQ, zDir);
  cr_assert(strstr(z, "82.23.246.160")!=0, "%s", z);
  free(z);
  free(zQ);
  free(sameBothWays("CommonSecurityLog | summarize count(), sum(SentBytes), dcount(Message), max(TimeGenerated)"
                    " by DeviceAction | order by DeviceAction asc", zDir));
  free(sameBothWays("CommonSecurityLog | where Activity has 'threat' or DeviceVendor =~ 'fortinet'"
                    " | summarize count() by DeviceVendor | order by DeviceVendor asc", zDir));
  removeDir(zDir);
  free(zDir);
}

/* TSV: fields split at tabs, quoted fields the loader's way. */
Test(stream, tsv_file){
  char *zDir = scratchDir("tsv");
  char zPath[300];
  snprintf(zPath, sizeof(zPath), "%s/CommonSecurityLog.tsv", zDir);
  writeFile(zPath, "TimeGenerated\tSourceIP\tMessage\tDestinationPort\n"
                   "2026-06-01T00:00:00Z\t1.2.3.4\t\"a\tb\"\t443\n"
                   "2026-06-01T01:00:00Z\t5.6.7.8\tsay \"x\"\t\n");
  char *z = sameBothWays("CommonSecurityLog | project SourceIP, Message, DestinationPort", zDir);
  cr_assert_str_eq(z, "SourceIP:string,Message:string,DestinationPort:int\n"
                      "1.2.3.4,a\tb,443\n5.6.7.8,say \"x\",null\n");
  free(z);
  z = sameBothWays("CommonSecurityLog | where SourceIP == '5.6.7.8' | project Message", zDir);
  cr_assert_str_eq(z, "Message:string\nsay \"x\"\n");
  free(z);
  removeDir(zDir);
  free(zDir);
}

/* A header field the schema lacks: the file is loaded (the loader adds the
** column), never streamed without it. */
Test(stream, extra_column_is_loaded){
  char *zDir = scratchDir("extra");
  char zPath[300], zCmd[600];
  snprintf(zPath, sizeof(zPath), "%s/CommonSecurityLog.csv", zDir);
  writeFile(zPath, "TimeGenerated,SourceIP,MyExtra\n2026-06-01T00:00:00Z,1.2.3.4,7\n");
  char *z = sameBothWays("CommonSecurityLog | project SourceIP, MyExtra", zDir);
  cr_assert_str_eq(z, "SourceIP:string,MyExtra:long\n1.2.3.4,7\n");
  free(z);
  snprintf(zCmd, sizeof(zCmd), "'%s' explain --sql --no-cache --data '%s' -e 'CommonSecurityLog | count' 2>&1",
           binary(), zDir);
  z = runCmd(zCmd);
  cr_assert(strstr(z, "\"kt_1\"")!=0 && strstr(z, "ks_")==0, "%s", z);
  free(z);
  removeDir(zDir);
  free(zDir);
}
