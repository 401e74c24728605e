/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of `kqlite check` (interp/cli_check*.c). Most start the binary named
** by KQLITE (default build/kqlite) on the fixtures of tests/cases/check/ or
** on files written to a scratch directory, and compare standard output,
** standard error and the exit code: each diagnostic kind with its exact
** position and message, positions inside YAML rules (block, folded, quoted
** and plain scalars, CRLF, several documents), JSON and SARIF output (the
** SARIF log is read back with SQLite's JSON functions and checked against
** the schema's required properties), directories, --schemas, --dialect,
** --syntax-only and the exit codes. Expected lines and columns were counted
** by hand from the fixtures. In-process tests check the function catalogue
** (no name twice, the known-but-not-runnable rows) and that every code the
** sources emit is in the code table.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "builtins.h"
#include "cli_check.h"

#define CASES "tests/cases/check/"

#include "clirun.h"

typedef KqlCliRun CheckRunResult;
/* `kqlite check ARGS...` (NULL-terminated), stdin from zStdin (or /dev/null). */
static CheckRunResult runCheckv(const char *zStdin, const char *const *azArg){
  return kqlcliRun(zStdin, "check", azArg);
}
#define runCheck(...) kqlcliRun(0, "check", (const char *const[]){__VA_ARGS__, NULL})

static void expectOutHas(const CheckRunResult *r, const char *zPart){
  cr_expect_not_null(strstr(r->zOut, zPart), "stdout lacks \"%s\":\n%s", zPart, r->zOut);
}

/* A scratch directory; removeDir() deletes it. */
static char *scratchDir(void){
  char zTmpl[] = "/tmp/kqlite-chk.XXXXXX";
  char *z = mkdtemp(zTmpl);
  cr_assert_not_null(z);
  return strdup(z);
}

/* Write n bytes of z (strlen when n<0) to DIR/NAME; returns the malloc'ed path. */
static char *writeFileN(const char *zDir, const char *zName, const char *z, long n){
  size_t nPath = strlen(zDir) + strlen(zName) + 2;
  char *zPath = malloc(nPath);
  FILE *f;
  snprintf(zPath, nPath, "%s/%s", zDir, zName);
  f = fopen(zPath, "wb");
  cr_assert_not_null(f, "cannot write %s", zPath);
  fwrite(z, 1, n<0 ? strlen(z) : (size_t)n, f);
  fclose(f);
  return zPath;
}

static char *writeFile(const char *zDir, const char *zName, const char *z){
  return writeFileN(zDir, zName, z, -1);
}

static void removeDir(const char *zDir){
  char zCmd[600];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( strncmp(zDir, "/tmp/kqlite-chk.", 16)==0 && system(zCmd)!=0 ){
    cr_log_warn("could not remove %s", zDir);
  }
}

/*************************************************** each diagnostic kind */

/* One -e query, its exact text output and exit code. */
typedef struct KindCase KindCase;
struct KindCase {
  const char *zQuery;
  const char *zOut;
  int rc;
};

static const KindCase aKind[] = {
  /* 0: syntax error at the end of the input */
  {"SecurityEvent | where",
   "<query>:1:22: error: incomplete query [KQL001]\n"
   "  SecurityEvent | where\n"
   "                       ^\n", 1},
  /* 1: syntax error on a token */
  {"SecurityEvent\n| where EventID = 4625",
   "<query>:2:17: error: near \"=\": syntax error [KQL001]\n"
   "  | where EventID = 4625\n"
   "                  ^\n", 1},
  /* 2: unknown table */
  {"NoSuchTable | take 1",
   "<query>:1:1: error: unknown table 'NoSuchTable' (not in the schema catalogue) [KQL101]\n"
   "  NoSuchTable | take 1\n"
   "  ^~~~~~~~~~~\n", 1},
  /* 3: unknown column, with a suggestion */
  {"SecurityEvent | project Acount",
   "<query>:1:25: error: unknown column 'Acount' (did you mean 'Account'?) [KQL103]\n"
   "  SecurityEvent | project Acount\n"
   "                          ^~~~~~\n", 1},
  /* 4: unknown function */
  {"print nosuchfn(1)",
   "<query>:1:7: error: unknown function 'nosuchfn' [KQL109]\n"
   "  print nosuchfn(1)\n"
   "        ^~~~~~~~~~~\n", 1},
  /* 5: arity */
  {"print strlen(\"a\", \"b\")",
   "<query>:1:7: error: function 'strlen' expects 1 argument, got 2 [KQL131]\n"
   "  print strlen(\"a\", \"b\")\n"
   "        ^~~~~~~~~~~~~~~~\n", 1},
  /* 6: argument type */
  {"print strlen(1)",
   "<query>:1:14: error: argument 1 of 'strlen' must be a string, not long [KQL132]\n"
   "  print strlen(1)\n"
   "               ^\n", 1},
  /* 7: operator type mismatch */
  {"print 1 + \"a\"",
   "<query>:1:7: error: cannot apply '+' to long and string [KQL141]\n"
   "  print 1 + \"a\"\n"
   "        ^~~~~~~\n", 1},
  /* 8: a plugin kqlite cannot run: a warning, exit 0 */
  {"print x = 1 | evaluate python(typeof(*), \"result = df\")",
   "<query>:1:24: warning: not supported: evaluate python [KQL190]\n"
   "  print x = 1 | evaluate python(typeof(*), \"result = df\")\n"
   "                         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n", 0},
  /* 9: a known function kqlite cannot run yet (fn_known.inc): a warning */
  {"print extent_id()",
   "<query>:1:7: warning: not supported: extent_id [KQL190]\n"
   "  print extent_id()\n"
   "        ^~~~~~~~~~~\n", 0},
  /* 10: ... whose arity is still checked */
  {"print welch_test(1, 2)",
   "<query>:1:7: error: function 'welch_test' expects 6 arguments, got 2 [KQL131]\n"
   "  print welch_test(1, 2)\n"
   "        ^~~~~~~~~~~~~~~~\n", 1},
  /* 11: a clean query prints nothing */
  {"SecurityEvent | where EventID == 4625 | count", "", 0},
};

ParameterizedTestParameters(check, diagnostic_kind){
  static int aIdx[sizeof(aKind)/sizeof(aKind[0])];
  for(size_t i=0; i<sizeof(aKind)/sizeof(aKind[0]); i++) aIdx[i] = (int)i;
  return cr_make_param_array(int, aIdx, sizeof(aKind)/sizeof(aKind[0]));
}

ParameterizedTest(int *pIdx, check, diagnostic_kind){
  const KindCase *p = &aKind[*pIdx];
  CheckRunResult r = runCheck("-e", p->zQuery);
  kqlcliExpectRc(&r, p->rc);
  kqlcliExpectOut(&r, p->zOut);
  kqlcliFree(&r);
}

Test(check, summary_on_stderr){
  CheckRunResult r = runCheck("-e", "NoSuchTable", "-e", "print extent_id()");
  kqlcliExpectRc(&r, 1);
  cr_expect_str_eq(r.zErr, "kqlite: check: 2 queries in 2 files: 1 error, 1 warning\n");
  kqlcliFree(&r);
}

Test(check, several_errors_in_one_query){
  CheckRunResult r = runCheck("--format", "json", "-e",
                              "SecurityEvent | extend a = strlen(Foo), b = nosuch(1)");
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r,
    "{\"file\":\"<query>\",\"line\":1,\"col\":35,\"offset\":34,\"length\":3,\"severity\":\"error\","
    "\"code\":\"KQL103\",\"message\":\"unknown column 'Foo'\"}\n"
    "{\"file\":\"<query>\",\"line\":1,\"col\":45,\"offset\":44,\"length\":9,\"severity\":\"error\","
    "\"code\":\"KQL109\",\"message\":\"unknown function 'nosuch'\"}\n");
  kqlcliFree(&r);
}

/************************************************************ exit codes */

Test(check, clean_file_exits_0_silently){
  CheckRunResult r = runCheck(CASES "clean.kql");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "");
  cr_expect_str_eq(r.zErr, "");
  kqlcliFree(&r);
}

Test(check, usage_errors_exit_2){
  CheckRunResult r = runCheckv(0, (const char *const[]){NULL});
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "usage: kqlite check");
  kqlcliFree(&r);
  r = runCheck("--bogus", CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "unknown option '--bogus'");
  kqlcliFree(&r);
  r = runCheck("--format", "xml", CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "unknown format 'xml'");
  kqlcliFree(&r);
  r = runCheck(CASES "clean.kql", "--format");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "option '--format' needs a value");
  kqlcliFree(&r);
  r = runCheck("--dialect", "splunk", CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "unknown dialect 'splunk'");
  kqlcliFree(&r);
}

Test(check, missing_file_exits_2_even_with_query_errors){
  CheckRunResult r = runCheck("-e", "NoSuchTable", CASES "no-such-file.kql", CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "kqlite: check: " CASES "no-such-file.kql: No such file or directory");
  expectOutHas(&r, "[KQL101]");
  kqlcliFree(&r);
}

Test(check, help_and_options_after_files){
  CheckRunResult r = runCheck("--help");
  kqlcliExpectRc(&r, 0);
  expectOutHas(&r, "usage: kqlite check");
  kqlcliFree(&r);
  r = runCheck(CASES "tree/b.csl", "--format=json");
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r, "{\"file\":\"" CASES "tree/b.csl\",\"line\":2,\"col\":17,\"offset\":30,\"length\":1,"
                "\"severity\":\"error\",\"code\":\"KQL001\",\"message\":\"near \\\"=\\\": syntax error\"}\n");
  kqlcliFree(&r);
}

Test(check, stdin_is_a_query){
  char *zDir = scratchDir();
  char *zIn = writeFile(zDir, "in.kql", "SigninLogs\n| project Nope\n");
  CheckRunResult r = runCheckv(zIn, (const char *const[]){"-", NULL});
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r, "<stdin>:2:11: error: unknown column 'Nope' [KQL103]\n"
                "  | project Nope\n"
                "            ^~~~\n");
  kqlcliFree(&r);
  free(zIn);
  removeDir(zDir);
  free(zDir);
}

/****************************************************************** YAML */

typedef struct YamlCase YamlCase;
struct YamlCase {
  const char *zFile;    /* fixture under tests/cases/check/ */
  const char *zOut;     /* expected text output */
  int rc;
};

static const YamlCase aYaml[] = {
  /* query: | (literal block): line 7, indentation 2 */
  {"rule_literal.yaml",
   CASES "rule_literal.yaml:7:37: error: unknown column 'Acount' (did you mean 'Account'?) [KQL103]\n"
   "    | summarize Failures = count() by Acount\n"
   "                                      ^~~~~~\n", 1},
  /* query: >- (folded: the lines are joined, columns still per line) */
  {"rule_folded.yaml",
   CASES "rule_folded.yaml:7:22: error: unknown column 'Computr' (did you mean 'Computer'?) [KQL103]\n"
   "    | project Account, Computr\n"
   "                       ^~~~~~~\n", 1},
  /* double-quoted: \n and \" escapes before the error; the span starts at
  ** the backslash of \"a\" and covers the raw text of "a" + 1 */
  {"rule_quoted.yaml",
   CASES "rule_quoted.yaml:2:69: error: cannot apply '+' to string and long [KQL141]\n"
   "  query: \"SecurityEvent\\n| where Account == \\\"x\\\\\\\\y\\\" and EventID == \\\"a\\\" + 1\"\n"
   "                                                                      ^~~~~~~~~\n", 1},
  /* single-quoted with '' escapes */
  {"rule_single.yaml",
   CASES "rule_single.yaml:2:64: error: unknown column 'Foo' [KQL103]\n"
   "  query: 'SecurityEvent | where Account == ''it''''s'' | project Foo'\n"
   "                                                                 ^~~\n", 1},
  /* plain scalar continued on more-indented lines */
  {"rule_plain.yaml",
   CASES "rule_plain.yaml:4:13: error: unknown column 'Foo' [KQL103]\n"
   "    | project Foo\n"
   "              ^~~\n", 1},
  /* two documents, the second one wrong */
  {"multi.yaml",
   CASES "multi.yaml:3:8: error: unknown table 'NoSuchTable' (not in the schema catalogue) [KQL101]\n"
   "  query: NoSuchTable | take 1\n"
   "         ^~~~~~~~~~~\n", 1},
  /* no top-level query: a warning only */
  {"noquery.yaml",
   CASES "noquery.yaml:1:1: warning: no top-level 'query' field: nothing to check [KQL002]\n"
   "  name: Not a rule\n"
   "  ^\n", 0},
  /* broken YAML: the query is not a string, then the parser's error at the end */
  {"bad.yaml",
   CASES "bad.yaml:2:8: error: 'query' must be a string holding the KQL query [KQL004]\n"
   "  query: [SecurityEvent | take 1\n"
   "         ^\n"
   CASES "bad.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence [KQL003]\n"
   "  \n"
   "  ^\n", 1},
};

ParameterizedTestParameters(check, yaml_position){
  static int aIdx[sizeof(aYaml)/sizeof(aYaml[0])];
  for(size_t i=0; i<sizeof(aYaml)/sizeof(aYaml[0]); i++) aIdx[i] = (int)i;
  return cr_make_param_array(int, aIdx, sizeof(aYaml)/sizeof(aYaml[0]));
}

ParameterizedTest(int *pIdx, check, yaml_position){
  const YamlCase *p = &aYaml[*pIdx];
  char zPath[200];
  snprintf(zPath, sizeof(zPath), CASES "%s", p->zFile);
  CheckRunResult r = runCheck(zPath);
  kqlcliExpectRc(&r, p->rc);
  kqlcliExpectOut(&r, p->zOut);
  kqlcliFree(&r);
}

Test(check, yaml_crlf_bom_and_unicode){
  char *zDir = scratchDir();
  /* BOM, CRLF line ends, a non-ASCII string before the error on its line:
  ** columns count characters, so 'é' is one column */
  char *zPath = writeFile(zDir, "r.yaml",
    "\xEF\xBB\xBFname: crlf\r\n"
    "query: |\r\n"
    "  let x = 1;\r\n"
    "  SecurityEvent | where Account == \"caf\xC3\xA9\" | project Nope\r\n");
  CheckRunResult r = runCheck("--format", "json", zPath);
  kqlcliExpectRc(&r, 1);
  char zWant[400];
  /* "  SecurityEvent | where Account == "café" | project " is 52 characters,
  ** 53 bytes; line 4 starts at byte 3+12+10+14 = 39 */
  snprintf(zWant, sizeof(zWant),
           "{\"file\":\"%s\",\"line\":4,\"col\":53,\"offset\":92,\"length\":4,\"severity\":\"error\","
           "\"code\":\"KQL103\",\"message\":\"unknown column 'Nope'\"}\n", zPath);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  free(zPath);
  removeDir(zDir);
  free(zDir);
}

Test(check, yaml_block_with_keep_chomping_and_comment_header){
  char *zDir = scratchDir();
  char *zPath = writeFile(zDir, "k.yaml",
    "query: |+ # a comment on the header line\n"
    "    SecurityEvent\n"
    "      | project Nope\n"
    "\n"
    "kind: Scheduled\n");
  CheckRunResult r = runCheck(zPath);
  kqlcliExpectRc(&r, 1);
  char zWant[400];
  snprintf(zWant, sizeof(zWant), "%s:3:17: error: unknown column 'Nope' [KQL103]\n"
                                 "        | project Nope\n"
                                 "                  ^~~~\n", zPath);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  free(zPath);
  removeDir(zDir);
  free(zDir);
}

Test(check, yaml_syntax_error_inside_the_query){
  char *zDir = scratchDir();
  char *zPath = writeFile(zDir, "s.yaml",
    "id: x\n"
    "query: |-\n"
    "  SecurityEvent\n"
    "  | where (EventID == 4625\n"
    "  | take 5\n");
  CheckRunResult r = runCheck(zPath);
  kqlcliExpectRc(&r, 1);
  /* at the end of the query; the '(' named in the message is at 4:11 of the file */
  char zWant[400];
  snprintf(zWant, sizeof(zWant), "%s:5:11: error: expected ')' to close '(' at 4:11 [KQL001]\n"
                                 "    | take 5\n"
                                 "            ^\n", zPath);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  /* the same with the Defender prelude in front: still the file's position */
  r = runCheck("--dialect", "defender", zPath);
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  free(zPath);
  removeDir(zDir);
  free(zDir);
}

/******************************************************** directories */

Test(check, directory_recursion_extensions_and_order){
  CheckRunResult r = runCheck(CASES "tree");
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r,
    CASES "tree/b.csl:2:17: error: near \"=\": syntax error [KQL001]\n"
    "  | where EventID = 4625\n"
    "                  ^\n"
    CASES "tree/sub/c.yml:5:26: error: unknown column 'UserPrincipalNam' (did you mean 'UserPrincipalName'?) [KQL103]\n"
    "    | summarize count() by UserPrincipalNam\n"
    "                           ^~~~~~~~~~~~~~~~\n");
  /* a.kql, b.csl, sub/c.yml, sub/d.txt; not sub/e.md, not .hidden/f.kql */
  cr_expect_str_eq(r.zErr, "kqlite: check: 4 queries in 4 files: 2 errors, 0 warnings\n");
  kqlcliFree(&r);
}

Test(check, explicit_file_of_any_extension_is_a_query){
  CheckRunResult r = runCheck(CASES "tree/sub/e.md");
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, CASES "tree/sub/e.md:1:6: error: near \"is\": syntax error [KQL001]");
  kqlcliFree(&r);
}

/**************************************************************** formats */

Test(check, json_format_yaml_offsets_are_file_offsets){
  CheckRunResult r = runCheck("--format", "json", CASES "rule_literal.yaml");
  kqlcliExpectRc(&r, 1);
  /* line 7 starts at byte 41+36+17+9+16+26 = 145; +36 */
  kqlcliExpectOut(&r, "{\"file\":\"" CASES "rule_literal.yaml\",\"line\":7,\"col\":37,\"offset\":181,"
                "\"length\":6,\"severity\":\"error\",\"code\":\"KQL103\","
                "\"message\":\"unknown column 'Acount' (did you mean 'Account'?)\"}\n");
  cr_expect_str_eq(r.zErr, "");
  kqlcliFree(&r);
}

/* The single value of SQL zSql over the JSON text zJson (?1); malloc'ed or NULL. */
static char *jsonQuery(sqlite3 *db, const char *zJson, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  char *z = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  cr_assert_eq(rc, SQLITE_OK, "%s: %s", zSql, sqlite3_errmsg(db));
  sqlite3_bind_text(pStmt, 1, zJson, -1, SQLITE_STATIC);
  if( sqlite3_step(pStmt)==SQLITE_ROW && sqlite3_column_type(pStmt, 0)!=SQLITE_NULL ){
    z = strdup((const char*)sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  return z;
}

static void expectJson(sqlite3 *db, const char *zJson, const char *zSql, const char *zWant){
  char *z = jsonQuery(db, zJson, zSql);
  cr_expect(z && strcmp(z, zWant)==0, "%s gave %s, expected %s", zSql, z ? z : "NULL", zWant);
  free(z);
}

Test(check, sarif_has_the_required_properties){
  char *zDir = scratchDir();
  char *zA = writeFile(zDir, "My Rule.yaml",
                       "query: |\n  SecurityEvent\n  | project Acount\n");
  char *zB = writeFile(zDir, "b.kql", "print extent_id()\n| where x ==\n");
  char *zC = writeFile(zDir, "c.kql", "print extent_id()\n");
  CheckRunResult r = runCheck("--format", "sarif", zDir);
  kqlcliExpectRc(&r, 1);
  cr_expect_str_eq(r.zErr, "");
  sqlite3 *db = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  const char *z = r.zOut;
  expectJson(db, z, "SELECT json_valid(?1)", "1");
  /* sarifLog: version, $schema, runs (exactly one run) */
  expectJson(db, z, "SELECT json_extract(?1, '$.version')", "2.1.0");
  expectJson(db, z, "SELECT json_extract(?1, '$.\"$schema\"') LIKE 'https://%sarif%2.1.0%.json'", "1");
  expectJson(db, z, "SELECT json_array_length(?1, '$.runs')", "1");
  /* run.tool.driver.name; each rule has id and shortDescription.text */
  expectJson(db, z, "SELECT json_extract(?1, '$.runs[0].tool.driver.name')", "kqlite");
  expectJson(db, z, "SELECT group_concat(json_extract(value, '$.id'), ',') "
                    "FROM json_each(?1, '$.runs[0].tool.driver.rules')", "KQL103,KQL001,KQL190");
  expectJson(db, z, "SELECT count(*) FROM json_each(?1, '$.runs[0].tool.driver.rules') "
                    "WHERE json_type(value, '$.shortDescription.text')<>'text'", "0");
  /* results: ruleId, ruleIndex pointing at that rule, level, message.text,
  ** one location with an artifact URI and a region */
  expectJson(db, z, "SELECT json_array_length(?1, '$.runs[0].results')", "3");
  expectJson(db, z,
    "SELECT count(*) FROM json_each(?1, '$.runs[0].results') AS r "
    "WHERE json_type(r.value, '$.message.text')<>'text' "
    "   OR json_extract(r.value, '$.level') NOT IN ('error','warning','note','none') "
    "   OR json_extract(r.value, '$.ruleId')<>json_extract(?1, '$.runs[0].tool.driver.rules['"
    "      || json_extract(r.value, '$.ruleIndex') || '].id') "
    "   OR json_type(r.value, '$.locations[0].physicalLocation.artifactLocation.uri')<>'text' "
    "   OR json_extract(r.value, '$.locations[0].physicalLocation.region.startLine')<1 "
    "   OR json_extract(r.value, '$.locations[0].physicalLocation.region.startColumn')<1 "
    "   OR json_extract(r.value, '$.locations[0].physicalLocation.region.endColumn')"
    "      <json_extract(r.value, '$.locations[0].physicalLocation.region.startColumn')", "0");
  /* the first result in detail: the YAML file, line 3, columns 13..19 */
  char zWant[300];
  snprintf(zWant, sizeof(zWant), "%s/My%%20Rule.yaml|3|13|3|19|error|KQL103", zDir);
  expectJson(db, z,
    "SELECT substr(json_extract(?1, '$.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri'), 8)"
    " || '|' || json_extract(?1, '$.runs[0].results[0].locations[0].physicalLocation.region.startLine')"
    " || '|' || json_extract(?1, '$.runs[0].results[0].locations[0].physicalLocation.region.startColumn')"
    " || '|' || json_extract(?1, '$.runs[0].results[0].locations[0].physicalLocation.region.endLine')"
    " || '|' || json_extract(?1, '$.runs[0].results[0].locations[0].physicalLocation.region.endColumn')"
    " || '|' || json_extract(?1, '$.runs[0].results[0].level')"
    " || '|' || json_extract(?1, '$.runs[0].results[0].ruleId')", zWant);
  expectJson(db, z, "SELECT json_extract(?1, '$.runs[0].results[2].level')", "warning");
  sqlite3_close(db);
  kqlcliFree(&r);
  free(zA);
  free(zB);
  free(zC);
  removeDir(zDir);
  free(zDir);
}

Test(check, sarif_without_results_is_still_a_log){
  CheckRunResult r = runCheck("--format", "sarif", CASES "clean.kql");
  kqlcliExpectRc(&r, 0);
  sqlite3 *db = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  expectJson(db, r.zOut, "SELECT json_valid(?1)", "1");
  expectJson(db, r.zOut, "SELECT json_array_length(?1, '$.runs[0].results')", "0");
  expectJson(db, r.zOut, "SELECT json_array_length(?1, '$.runs[0].tool.driver.rules')", "0");
  sqlite3_close(db);
  kqlcliFree(&r);
}

/*************************************************** options: schemas, ... */

Test(check, schemas_add_and_override_tables){
  CheckRunResult r = runCheck("-e", "MyTable_CL | where BytesSent > 100 | project SrcIp");
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "unknown table 'MyTable_CL'");
  kqlcliFree(&r);
  r = runCheck("--schemas", CASES "schemas", "-e", "MyTable_CL | where BytesSent > 100 | project SrcIp");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  /* SecurityEvent.json replaces the catalogue's definition */
  r = runCheck("--schemas", CASES "schemas", "-e", "SecurityEvent | project Account, EventID");
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r, "<query>:1:34: error: unknown column 'EventID' [KQL103]\n"
                "  SecurityEvent | project Account, EventID\n"
                "                                   ^~~~~~~\n");
  kqlcliFree(&r);
  /* one file */
  r = runCheck("--schemas=" CASES "schemas/MyTable_CL.json", "-e", "MyTable_CL | take 1");
  kqlcliExpectRc(&r, 0);
  kqlcliFree(&r);
}

Test(check, schemas_errors_exit_2){
  char *zDir = scratchDir();
  char *zBadType = writeFile(zDir, "t1.json", "{\"name\": \"T1\", \"columns\": [{\"name\": \"a\", \"type\": \"strng\"}]}");
  CheckRunResult r = runCheck("--schemas", zBadType, CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "t1.json: table 'T1': column 'a' has an unknown type 'strng'");
  kqlcliFree(&r);
  char *zBadJson = writeFile(zDir, "t2.json", "{\"name\": \"T2\", \"columns\": [");
  r = runCheck("--schemas", zBadJson, CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "t2.json: not valid JSON");
  kqlcliFree(&r);
  char *zNoName = writeFile(zDir, "t3.json", "{\"columns\": []}");
  r = runCheck("--schemas", zNoName, CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "t3.json: a table needs a non-empty string \"name\"");
  kqlcliFree(&r);
  r = runCheck("--schemas", CASES "no-such-dir", CASES "clean.kql");
  kqlcliExpectRc(&r, 2);
  kqlcliExpectErrHas(&r, "no-such-dir: no such file or directory");
  kqlcliFree(&r);
  free(zBadType);
  free(zBadJson);
  free(zNoName);
  removeDir(zDir);
  free(zDir);
}

Test(check, syntax_only_skips_binding){
  CheckRunResult r = runCheck("--syntax-only", "-e", "NoSuchTable | project Whatever");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  r = runCheck("--syntax-only", "-e", "NoSuchTable | where");
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "<query>:1:20: error: incomplete query [KQL001]");
  kqlcliFree(&r);
}

Test(check, dialect_defender_functions){
  const char *zQ = "DeviceProcessEvents | invoke FileProfile('SHA1', 1000)"
                   " | where GlobalPrevalence < 50 and IsCertificateValid | project SHA1, Signer";
  CheckRunResult r = runCheck("-e", zQ);
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "unknown function 'FileProfile'");
  kqlcliFree(&r);
  r = runCheck("--dialect", "defender", "-e", zQ);
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  /* positions after the dialect's declarations are the query's own */
  r = runCheck("--dialect", "defender", "-e", "AssignedIPAddresses('host', ago(1d)) | project IPAddress, Nope");
  kqlcliExpectRc(&r, 1);
  char zWant[300];
  snprintf(zWant, sizeof(zWant), "<query>:1:59: error: unknown column 'Nope' [KQL103]\n"
           "  AssignedIPAddresses('host', ago(1d)) | project IPAddress, Nope\n"
           "%*s^~~~\n", 2+58, "");
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  /* the file-ID column given by name; positions after it are still right */
  r = runCheck("--dialect", "defender", "-e",
               "DeviceFileEvents | invoke FileProfile(SHA256, 1000) | where GlobalPrevalence < 50 | project Nope");
  snprintf(zWant, sizeof(zWant), "<query>:1:93: error: unknown column 'Nope' [KQL103]\n"
           "  DeviceFileEvents | invoke FileProfile(SHA256, 1000) | where GlobalPrevalence < 50 | project Nope\n"
           "%*s^~~~\n", 2+92, "");
  kqlcliExpectRc(&r, 1);
  kqlcliExpectOut(&r, zWant);
  kqlcliFree(&r);
  r = runCheck("--dialect", "defender", "-e",
               "DeviceProcessEvents | invoke FileProfile(InitiatingProcessSHA1) | where IsExecutable");
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  r = runCheck("--dialect", "defender", "-e", "DeviceFromIP('10.0.0.1') | project DeviceId, IP");
  kqlcliExpectRc(&r, 0);
  kqlcliFree(&r);
}

Test(check, dialect_sentinel_watchlist){
  const char *zQ = "_GetWatchlist('HighValueHosts') | where SearchKey has 'srv' | project HostName";
  CheckRunResult r = runCheck("-e", zQ);
  expectOutHas(&r, "_GetWatchlist");     /* not known without the dialect */
  kqlcliFree(&r);
  r = runCheck("--dialect", "sentinel", "-e", zQ);
  kqlcliExpectRc(&r, 0);
  kqlcliExpectOut(&r, "");
  kqlcliFree(&r);
  /* Defender's functions are not Sentinel's */
  r = runCheck("--dialect", "sentinel", "-e", "DeviceFromIP('10.0.0.1')");
  expectOutHas(&r, "DeviceFromIP");
  kqlcliFree(&r);
}

/******************************************************* hostile input */

Test(check, hostile_inputs_give_located_errors){
  char *zDir = scratchDir();
  /* a NUL byte inside a query */
  char *zNul = writeFileN(zDir, "nul.kql", "print 1\0 + 2\n", 13);
  CheckRunResult r = runCheck(zNul);
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "nul.kql:1:8: error: ");
  kqlcliFree(&r);
  /* invalid UTF-8 and a NUL in YAML: libyaml refuses it */
  char *zBadUtf = writeFileN(zDir, "u.yaml", "query: \"Security\xC3\x28\"\n", 20);
  r = runCheck(zBadUtf);
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "[KQL003]");
  kqlcliFree(&r);
  /* 200000 nested flow sequences: no stack overflow */
  size_t n = 200000;
  char *zDeep = malloc(2*n + 20);
  memcpy(zDeep, "query: ", 7);
  memset(zDeep+7, '[', n);
  memset(zDeep+7+n, ']', n);
  zDeep[7+2*n] = '\n';
  char *zDeepPath = writeFileN(zDir, "deep.yaml", zDeep, (long)(7+2*n+1));
  r = runCheck(zDeepPath);
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "deep.yaml:1:1008: error: invalid YAML: collections nested more than 1000 deep [KQL003]");
  kqlcliFree(&r);
  /* one 300000-character line: the source line is cut around the error */
  size_t m = 300000;
  char *zLong = malloc(m + 40);
  strcpy(zLong, "print x = \"");
  memset(zLong+11, 'a', m);
  strcpy(zLong+11+m, "\" + 1\n");
  char *zLongPath = writeFile(zDir, "long.kql", zLong);
  r = runCheck(zLongPath);
  kqlcliExpectRc(&r, 1);
  expectOutHas(&r, "long.kql:1:11: error: cannot apply '+' to string and long [KQL141]\n");
  cr_expect_lt(strlen(r.zOut), 600, "%zu bytes of output", strlen(r.zOut));
  kqlcliFree(&r);
  free(zDeep);
  free(zLong);
  free(zNul);
  free(zBadUtf);
  free(zDeepPath);
  free(zLongPath);
  removeDir(zDir);
  free(zDir);
}

/******************************************************* codes, catalogue */

Test(check, list_codes_prints_the_table){
  CheckRunResult r = runCheck("--list-codes");
  kqlcliExpectRc(&r, 0);
  expectOutHas(&r, "KQL001  error    syntax error (the first one of each statement)\n");
  expectOutHas(&r, "KQL190  warning  valid KQL that kqlite cannot run yet (checking stops there)\n");
  kqlcliFree(&r);
}

/* Every "KQLnnn" literal in the C files of zDir must be in the code table. */
static int checkCodesIn(const char *zDir){
  DIR *d = opendir(zDir);
  struct dirent *e;
  int nSeen = 0;
  cr_assert_not_null(d, "cannot open %s", zDir);
  while( (e = readdir(d))!=0 ){
    size_t n = strlen(e->d_name);
    if( n<3 || strcmp(e->d_name+n-2, ".c")!=0 ) continue;
    char zPath[512];
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, e->d_name);
    FILE *f = fopen(zPath, "rb");
    if( f==0 ) continue;
    char zLine[4096];
    while( fgets(zLine, sizeof(zLine), f) ){
      for(char *p = zLine; (p = strstr(p, "\"KQL"))!=0; p += 4){
        if( p[4]>='0' && p[4]<='9' && p[5]>='0' && p[5]<='9' && p[6]>='0' && p[6]<='9' && p[7]=='"' ){
          char zCode[8];
          memcpy(zCode, p+1, 6);
          zCode[6] = 0;
          cr_expect_not_null(kqlCheckCodeFind(zCode), "%s uses %s, which is not in "
                             "interp/cli_check_codes.c", zPath, zCode);
          nSeen++;
        }
      }
    }
    fclose(f);
  }
  closedir(d);
  return nSeen;
}

Test(check, every_code_in_the_sources_is_documented){
  int n = checkCodesIn("interp") + checkCodesIn("grammar") + checkCodesIn("tables");
  cr_expect_gt(n, 50, "only %d codes found: run the tests from the repository root", n);
  for(int i=1; i<kqlCheckCodeCount(); i++){
    cr_expect_lt(strcmp(kqlCheckCodeAt(i-1)->zCode, kqlCheckCodeAt(i)->zCode), 0,
                 "code table out of order at %s", kqlCheckCodeAt(i)->zCode);
  }
}

Test(catalogue, no_function_name_twice){
  int n = kqlBuiltinCount();
  for(int i=0; i<n; i++){
    for(int j=i+1; j<n; j++){
      cr_expect_str_neq(kqlBuiltinAt(i)->zName, kqlBuiltinAt(j)->zName,
                        "'%s' is in the function catalogue twice (rows %d and %d)",
                        kqlBuiltinAt(i)->zName, i, j);
    }
  }
}

Test(catalogue, known_only_rows_are_consistent){
  static const char *const azKnown[] = {
    "extractjson", "make_string", "row_rank_dense", "welch_test", "series_decompose_anomalies",
    "format_bytes", "new_guid", "argmax", "buildschema", "autocluster", "basket", "python",
    "FileProfile", "_GetWatchlist",
  };
  for(size_t i=0; i<sizeof(azKnown)/sizeof(azKnown[0]); i++){
    cr_expect_not_null(kqlBuiltinFind(azKnown[i], -1), "'%s' is not in the catalogue", azKnown[i]);
  }
  for(int i=0; i<kqlBuiltinCount(); i++){
    const KqlBuiltin *p = kqlBuiltinAt(i);
    /* a row that cannot run has no SQL; a plugin is never an aggregate */
    if( p->flags & KQL_FNF_NOTSUPP ) cr_expect_null(p->zSql, "%s", p->zName);
    if( p->flags & KQL_FNF_PLUGIN ) cr_expect_eq(p->eKind, KQL_FN_SCALAR, "%s", p->zName);
    cr_expect(p->nMax<0 || p->nMax>=p->nMin, "%s: nMin %d > nMax %d", p->zName, p->nMin, p->nMax);
    cr_expect(p->nMax<0 || p->zArgs==0 || (int)strlen(p->zArgs)<=p->nMax,
              "%s: %d argument letters for at most %d arguments", p->zName,
              (int)strlen(p->zArgs), p->nMax);
  }
  const KqlBuiltin *p = kqlBuiltinFind("FileProfile", -1);
  cr_expect(p && (p->flags & KQL_FNF_DEFENDER) && p->eRet==KQL_T_TABLE);
  p = kqlBuiltinFind("autocluster", -1);
  cr_expect(p && (p->flags & KQL_FNF_PLUGIN));
}
