/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Tests of parse_user_agent() (fn_useragent.c). Suite "user_agent": the
** KQL reference's two examples with their documented results, look_for
** forms and errors through the public API, and a conformance run over the
** ua-parser project's own test cases (uap-core's tests/test_ua.yaml,
** test_os.yaml, test_device.yaml) calling the parser directly, which must
** agree on at least 99% of the cases of each file. Everything that needs
** the rules skips when the uap-core package is not installed.
*/
#include <criterion/criterion.h>
#include "clirun.h"
#include "fn_useragent.h"
#include "kqltest.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#define UAP_TESTS "/usr/share/uap-core/tests/"
#define UAP_RESOURCES "/usr/share/uap-core/test_resources/"

/* Skip the test when the rules cannot be loaded. */
static void needRules(void){
  const char *zErr = kqlUaRulesError();
  if( zErr ) cr_skip_test("uap-core rules not available: %s", zErr);
}

/* ---- The reference's examples and the argument forms */

static const KqlTestCase aDocs[] = {
  /* the reference's "Look-for parameter as string" example */
  {"print useragent = \"Mozilla/5.0 (Windows; U; en-US) AppleWebKit/531.9 (KHTML, like Gecko) AdobeAIR/2.5.1\"\n"
   "| extend x = parse_user_agent(useragent, \"browser\")",
   "useragent:string,x:dynamic\n"
   "Mozilla/5.0 (Windows; U; en-US) AppleWebKit/531.9 (KHTML, like Gecko) AdobeAIR/2.5.1,"
   "{\"Browser\":{\"Family\":\"AdobeAIR\",\"MajorVersion\":\"2\",\"MinorVersion\":\"5\",\"Patch\":\"1\"}}\n"},
  /* the reference's "Look-for parameter as dynamic array" example */
  {"print useragent = \"Mozilla/5.0 (SymbianOS/9.2; U; Series60/3.1 NokiaN81-3/10.0.032 Profile/MIDP-2.0 "
   "Configuration/CLDC-1.1 ) AppleWebKit/413 (KHTML, like Gecko) Safari/4\"\n"
   "| extend x = parse_user_agent(useragent, dynamic([\"browser\",\"os\",\"device\"]))\n"
   "| project x",
   "x:dynamic\n"
   "{\"Browser\":{\"Family\":\"Nokia OSS Browser\",\"MajorVersion\":\"3\",\"MinorVersion\":\"1\",\"Patch\":\"\"},"
   "\"OperatingSystem\":{\"Family\":\"Symbian OS\",\"MajorVersion\":\"9\",\"MinorVersion\":\"2\",\"Patch\":\"\",\"PatchMinor\":\"\"},"
   "\"Device\":{\"Family\":\"Nokia N81\",\"Brand\":\"Nokia\",\"Model\":\"N81-3\"}}\n"},
};

Test(user_agent, docs_examples){
  needRules();
  kqltestRunCases(aDocs, sizeof(aDocs)/sizeof(aDocs[0]), 0);
}

static const KqlTestCase aForms[] = {
  /* no rule matches: family "Other", the rest empty */
  {"print x = parse_user_agent('', dynamic(['os', 'device']))",
   "x:dynamic\n{\"OperatingSystem\":{\"Family\":\"Other\",\"MajorVersion\":\"\",\"MinorVersion\":\"\","
   "\"Patch\":\"\",\"PatchMinor\":\"\"},\"Device\":{\"Family\":\"Other\",\"Brand\":\"\",\"Model\":\"\"}}\n"},
  /* one part as a string; a dynamic string; the same part twice */
  {"print a = tostring(parse_user_agent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
   "(KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36', 'os').OperatingSystem.Family),"
   " b = tostring(parse_user_agent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
   "(KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36', dynamic('browser')).Browser.MajorVersion),"
   " c = parse_user_agent('x', dynamic(['device', 'device']))",
   "a:string,b:string,c:dynamic\nWindows,120,{\"Device\":{\"Family\":\"Other\",\"Brand\":\"\",\"Model\":\"\"}}\n"},
  /* an empty array asks for nothing */
  {"print x = parse_user_agent('x', dynamic([]))", "x:dynamic\n{}\n"},
  /* the corpus hunts' form: parse_json of the result, then member access */
  {"datatable(UserAgent:string)['Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 "
   "(KHTML, like Gecko) Version/16.5 Mobile/15E148 Safari/604.1']\n"
   "| extend P = parse_json(parse_user_agent(UserAgent, 'os'))\n"
   "| project OS = strcat(tostring(P.OperatingSystem.Family), ' ', tostring(P.OperatingSystem.MajorVersion))",
   "OS:string\niOS 16\n"},
};

Test(user_agent, forms){
  needRules();
  kqltestRunCases(aForms, sizeof(aForms)/sizeof(aForms[0]), 0);
}

/* Run zQuery and expect a runtime error whose text contains zPart. */
static void expectError(const char *zQuery, const char *zPart){
  int rc = 0;
  char *zGot = kqltestRun(zQuery, 0, &rc);
  cr_expect(zGot && strstr(zGot, zPart)!=0, "%s\n  got: %s\n  want an error with: %s",
            zQuery, zGot ? zGot : "(null)", zPart);
  free(zGot);
}

Test(user_agent, errors){
  needRules();
  expectError("print parse_user_agent('x', 'bogus')", "unknown look_for value 'bogus'");
  expectError("print parse_user_agent('x', dynamic(['os', 'cpu']))", "unknown look_for value 'cpu'");
  expectError("print parse_user_agent('x', dynamic([1]))", "look_for must be a string or a dynamic array of strings");
  expectError("print parse_user_agent('x')", "not supported: parse_user_agent without look_for");
}

/* Without the rules file the call fails and names the package (a child
** process, since the rules load once per process). */
Test(user_agent, missing_rules_file){
  const char *zBin = kqlcliBinary();
  if( access(zBin, X_OK)!=0 ) cr_skip_test("no kqlite binary at %s", zBin);
  setenv("KQLITE_UAP_REGEXES", "/nonexistent/regexes.yaml", 1);
  static const char *const azArg[] = {"run", "-e", "print x = parse_user_agent('Mozilla/5.0', 'os')", 0};
  KqlCliRun r = kqlcliRun(0, 0, azArg);
  unsetenv("KQLITE_UAP_REGEXES");
  cr_expect_neq(r.rc, 0);
  kqlcliExpectErrHas(&r, "/nonexistent/regexes.yaml");
  kqlcliExpectErrHas(&r, "install the Debian package `uap-core`");
  kqlcliFree(&r);
}

/* ---- Conformance with uap-core's test cases */

/* One test file: which part it tests and its expected fields in order. */
typedef struct UapFile UapFile;
struct UapFile {
  const char *zFile;
  int mask;                 /* KQL_UA_* part */
  int nField;
  const char *azKey[5];     /* YAML keys */
  int aiField[5];           /* KqlUaResult fields */
};

static const UapFile aFile[] = {
  {UAP_TESTS "test_ua.yaml", KQL_UA_BROWSER, 4, {"family", "major", "minor", "patch", 0},
   {KQL_UA_FAMILY, KQL_UA_MAJOR, KQL_UA_MINOR, KQL_UA_PATCH, 0}},
  {UAP_TESTS "test_os.yaml", KQL_UA_OS, 5, {"family", "major", "minor", "patch", "patch_minor"},
   {KQL_UA_OS_FAMILY, KQL_UA_OS_MAJOR, KQL_UA_OS_MINOR, KQL_UA_OS_PATCH, KQL_UA_OS_PATCH_MINOR}},
  {UAP_TESTS "test_device.yaml", KQL_UA_DEVICE, 3, {"family", "brand", "model", 0, 0},
   {KQL_UA_DEV_FAMILY, KQL_UA_DEV_BRAND, KQL_UA_DEV_MODEL, 0, 0}},
  /* the extra cases uap-core's own test runners use */
  {UAP_RESOURCES "firefox_user_agent_strings.yaml", KQL_UA_BROWSER, 4, {"family", "major", "minor", "patch", 0},
   {KQL_UA_FAMILY, KQL_UA_MAJOR, KQL_UA_MINOR, KQL_UA_PATCH, 0}},
  {UAP_RESOURCES "opera_mini_user_agent_strings.yaml", KQL_UA_BROWSER, 4, {"family", "major", "minor", "patch", 0},
   {KQL_UA_FAMILY, KQL_UA_MAJOR, KQL_UA_MINOR, KQL_UA_PATCH, 0}},
  {UAP_RESOURCES "pgts_browser_list.yaml", KQL_UA_BROWSER, 4, {"family", "major", "minor", "patch", 0},
   {KQL_UA_FAMILY, KQL_UA_MAJOR, KQL_UA_MINOR, KQL_UA_PATCH, 0}},
  {UAP_RESOURCES "podcasting_user_agent_strings.yaml", KQL_UA_BROWSER, 4, {"family", "major", "minor", "patch", 0},
   {KQL_UA_FAMILY, KQL_UA_MAJOR, KQL_UA_MINOR, KQL_UA_PATCH, 0}},
  {UAP_RESOURCES "additional_os_tests.yaml", KQL_UA_OS, 5, {"family", "major", "minor", "patch", "patch_minor"},
   {KQL_UA_OS_FAMILY, KQL_UA_OS_MAJOR, KQL_UA_OS_MINOR, KQL_UA_OS_PATCH, KQL_UA_OS_PATCH_MINOR}},
};

/* Scalar text of a node, NULL for a missing or empty (null) value. */
static const char *scalarText(yaml_document_t *pDoc, int iNode){
  yaml_node_t *p = yaml_document_get_node(pDoc, iNode);
  if( p==0 || p->type!=YAML_SCALAR_NODE || p->data.scalar.length==0 ) return 0;
  if( p->data.scalar.style==YAML_PLAIN_SCALAR_STYLE && strcmp((const char*)p->data.scalar.value, "~")==0 ){
    return 0;
  }
  return (const char*)p->data.scalar.value;
}

/* Run every case of file pF; *pnCase and *pnPass get the counts. Returns
** 0, or 1 when the file is missing (then skipped). Prints the first
** mismatches. */
static int runFile(const UapFile *pF, int *pnCase, int *pnPass){
  FILE *f = fopen(pF->zFile, "rb");
  yaml_parser_t parser;
  yaml_document_t doc;
  int nShown = 0;
  *pnCase = *pnPass = 0;
  if( f==0 ) return 1;
  cr_assert(yaml_parser_initialize(&parser));
  yaml_parser_set_input_file(&parser, f);
  cr_assert(yaml_parser_load(&parser, &doc), "%s: unreadable YAML", pF->zFile);
  yaml_node_t *pRoot = yaml_document_get_root_node(&doc);
  cr_assert(pRoot && pRoot->type==YAML_MAPPING_NODE);
  yaml_node_t *pCases = 0;
  for(yaml_node_pair_t *pp=pRoot->data.mapping.pairs.start; pp<pRoot->data.mapping.pairs.top; pp++){
    const char *zKey = scalarText(&doc, pp->key);
    if( zKey && strcmp(zKey, "test_cases")==0 ) pCases = yaml_document_get_node(&doc, pp->value);
  }
  cr_assert(pCases && pCases->type==YAML_SEQUENCE_NODE, "%s: no test_cases list", pF->zFile);
  for(yaml_node_item_t *pi=pCases->data.sequence.items.start; pi<pCases->data.sequence.items.top; pi++){
    yaml_node_t *pCase = yaml_document_get_node(&doc, *pi);
    const char *zUa = 0, *azWant[5] = {0, 0, 0, 0, 0};
    if( pCase==0 || pCase->type!=YAML_MAPPING_NODE ) continue;
    for(yaml_node_pair_t *pp=pCase->data.mapping.pairs.start; pp<pCase->data.mapping.pairs.top; pp++){
      const char *zKey = scalarText(&doc, pp->key);
      if( zKey==0 ) continue;
      if( strcmp(zKey, "user_agent_string")==0 ){
        yaml_node_t *pV = yaml_document_get_node(&doc, pp->value);
        zUa = pV && pV->type==YAML_SCALAR_NODE ? (const char*)pV->data.scalar.value : "";
      }
      for(int i=0; i<pF->nField; i++){
        if( strcmp(zKey, pF->azKey[i])==0 ) azWant[i] = scalarText(&doc, pp->value);
      }
    }
    if( zUa==0 ) continue;
    KqlUaResult res;
    int eMatch = 0;
    int rc = kqlUaParse(zUa, (int)strlen(zUa), pF->mask, &res, &eMatch);
    cr_assert(rc==SQLITE_OK, "%s: parse failed (rc %d, PCRE2 %d) for %s", pF->zFile, rc, eMatch, zUa);
    int bOk = 1;
    for(int i=0; i<pF->nField; i++){
      const char *zGot = res.az[pF->aiField[i]];
      /* Kusto shows a missing value as "": null and "" are the same here */
      if( strcmp(zGot ? zGot : "", azWant[i] ? azWant[i] : "")!=0 ) bOk = 0;
    }
    (*pnCase)++;
    if( bOk ){
      (*pnPass)++;
    }else if( nShown++<5 ){
      fprintf(stderr, "user_agent: %s mismatch for '%s':", pF->zFile, zUa);
      for(int i=0; i<pF->nField; i++){
        const char *zGot = res.az[pF->aiField[i]];
        fprintf(stderr, " %s=%s/%s", pF->azKey[i], zGot ? zGot : "-", azWant[i] ? azWant[i] : "-");
      }
      fprintf(stderr, " (got/want)\n");
    }
    kqlUaResultClear(&res);
  }
  yaml_document_delete(&doc);
  yaml_parser_delete(&parser);
  fclose(f);
  return 0;
}

Test(user_agent, uap_core_conformance){
  int nRun = 0;
  needRules();
  for(size_t k=0; k<sizeof(aFile)/sizeof(aFile[0]); k++){
    int nCase, nPass;
    if( runFile(&aFile[k], &nCase, &nPass) ){
      fprintf(stderr, "user_agent: %s absent, skipped\n", aFile[k].zFile);
      continue;
    }
    nRun++;
    fprintf(stderr, "user_agent: %s: %d of %d cases agree\n", aFile[k].zFile, nPass, nCase);
    cr_expect(nCase>0, "%s: no cases", aFile[k].zFile);
    cr_expect(nPass*100>=nCase*99, "%s: only %d of %d cases agree (99%% needed)",
              aFile[k].zFile, nPass, nCase);
  }
  if( nRun==0 ) cr_skip_test("uap-core test files absent (" UAP_TESTS ")");
}
