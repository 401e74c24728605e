/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Internal interface of fn_useragent.c, the ua-parser (uap-core) matcher
** behind parse_user_agent(): the rules file is read once per process, then
** one user-agent string is parsed into the browser, operating-system and
** device fields. Exposed for the SQL function and for the conformance test
** that replays uap-core's own test cases (tests/test_user_agent.c).
*/
#ifndef KQL_FN_USERAGENT_H
#define KQL_FN_USERAGENT_H
#include <sqlite3.h>

/* Rules file when the environment variable KQLITE_UAP_REGEXES is unset. */
#define KQL_UA_DEFAULT_RULES "/usr/share/uap-core/regexes.yaml"

/* Parts a parse asks for (bit mask). */
#define KQL_UA_BROWSER 1
#define KQL_UA_OS      2
#define KQL_UA_DEVICE  4

/* Fields of a parse, index into KqlUaResult.az. */
#define KQL_UA_FAMILY         0   /* browser family ("Other" when no rule matched) */
#define KQL_UA_MAJOR          1
#define KQL_UA_MINOR          2
#define KQL_UA_PATCH          3
#define KQL_UA_OS_FAMILY      4   /* operating system ("Other" when no rule matched) */
#define KQL_UA_OS_MAJOR       5
#define KQL_UA_OS_MINOR       6
#define KQL_UA_OS_PATCH       7
#define KQL_UA_OS_PATCH_MINOR 8
#define KQL_UA_DEV_FAMILY     9   /* device family ("Other" when no rule matched) */
#define KQL_UA_DEV_BRAND      10
#define KQL_UA_DEV_MODEL      11
#define KQL_UA_NFIELD         12

/* One parse: each field sqlite3_malloc'ed, NULL when the rules give none. */
typedef struct KqlUaResult KqlUaResult;
struct KqlUaResult {
  char *az[KQL_UA_NFIELD];
};

/*
** Load the rules (first call only; thread-safe). Returns NULL when they
** are usable, else the reason, which names the file and the `uap-core`
** package (static text, valid for the life of the process).
*/
const char *kqlUaRulesError(void);

/*
** Parse the user-agent string z[0..n) for the parts in mask (KQL_UA_*
** bits), filling *p (zeroed first; the parts not asked for stay NULL).
** Returns SQLITE_OK, SQLITE_NOMEM, or SQLITE_ERROR when the rules cannot
** be loaded or a match fails (the PCRE2 error code in *peMatch, 0 for the
** former). The caller frees the fields with kqlUaResultClear().
*/
int kqlUaParse(const char *z, int n, int mask, KqlUaResult *p, int *peMatch);

/* Free the fields of *p and zero it. */
void kqlUaResultClear(KqlUaResult *p);

/* Register kql_parse_user_agent(tags, ua [, look_for]) on db (fn_register.c). */
int kqlFnRegisterUserAgent(sqlite3 *db);

#endif
