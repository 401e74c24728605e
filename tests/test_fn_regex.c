/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for fn_regex.c: matches regex, extract, extract_all, replace_regex,
** replace, trim, trim_start, trim_end, countof and regex_quote, with the
** examples of their Kusto reference pages, plus bad patterns, per-row
** caching and runaway patterns.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include "fntest.h"

#define GUID_ID "'82b8be2d-dfa7-4bd1-8f63-24ad26d31449'"

static const FnCase aRx[] = {
  /* matches regex */
  {"kql_matches('abc123', '[0-9]+')", "1"},
  {"kql_matches('abc', '^[0-9]+$')", "0"},
  {"kql_matches(NULL, '^$')", "1"},
  {"kql_matches('a' || char(10), 'a$')", "0"},     /* RE2: $ only at the very end */
  {"kql_matches('ÄBC', '(?i)äbc')", "1"},
  /* extract (its page) */
  {"kql_extract('User: ([^,]+)', 1, 'User: James, Email: James@example.com, Age: 29')", "James"},
  {"kql_extract('Email: (\\S+),', 1, 'User: James, Email: James@example.com, Age: 29')", "James@example.com"},
  {"kql_extract('\\d+', 0, 'User: James, Email: James@example.com, Age: 29')", "29"},
  {"kql_extract('Email: (\\S+),', 1, 'User: David, Age: 35')", ""},
  {"kql_extract('x=([0-9.]+)', 1, 'hello x=45.6|wo', 'real')", "45.6"},
  {"kql_extract('x=([0-9.]+)', 1, 'hello x=456|wo', 'long')", "456"},
  {"kql_extract('x=([0-9.]+)', 1, 'hello y=456|wo', 'long')", "NULL"},
  {"kql_extract('(a)|(b)', 2, 'a')", ""},
  {"kql_extract('(a', 1, 'a')", "ERROR: extract(): invalid regular expression \"(a\": missing closing parenthesis"},
  {"kql_extract('(a)', 2, 'a')", "ERROR: extract(): capture group 2 does not exist in \"(a)\""},
  /* extract_all (its page) */
  {"kql_extract_all('([\\da-f]{2})', " GUID_ID ")",
   "[\"82\",\"b8\",\"be\",\"2d\",\"df\",\"a7\",\"4b\",\"d1\",\"8f\",\"63\",\"24\",\"ad\",\"26\",\"d3\",\"14\",\"49\"]"},
  {"kql_extract_all('(\\w)(\\w+)(\\w)', " GUID_ID ")",
   "[[\"8\",\"2b8be2\",\"d\"],[\"d\",\"fa\",\"7\"],[\"4\",\"bd\",\"1\"],[\"8\",\"f6\",\"3\"],[\"2\",\"4ad26d3144\",\"9\"]]"},
  {"kql_extract_all('(\\w)(\\w+)(\\w)', '[1,3]', " GUID_ID ")",
   "[[\"8\",\"d\"],[\"d\",\"7\"],[\"4\",\"1\"],[\"8\",\"3\"],[\"2\",\"9\"]]"},
  {"kql_extract_all('(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)', '[\"first\",2,\"last\"]', " GUID_ID ")",
   "[[\"8\",\"2b8be2\",\"d\"],[\"d\",\"fa\",\"7\"],[\"4\",\"bd\",\"1\"],[\"8\",\"f6\",\"3\"],[\"2\",\"4ad26d3144\",\"9\"]]"},
  {"kql_extract_all('(x)', 'abc')", "NULL"},
  {"kql_extract_all('\\d', 'a1b2')", "[\"1\",\"2\"]"},
  {"kql_extract_all('(\\w)', '[\"nope\"]', 'ab')", "ERROR: extract_all(): invalid capture groups [\"nope\"] for \"(\\w)\""},
  /* replace_regex (its page) and replace */
  {"kql_replace_regex('Number is 1.000000', 'is (\\d+)', 'was: \\1')", "Number was: 1.000000"},
  {"kql_replace_regex('abc', 'x*', '-')", "-a-b-c-"},
  {"kql_replace_regex('aaa', 'a', '\\0\\0')", "aaaaaa"},
  {"kql_replace_regex('a.b', '\\.', '\\\\')", "a\\b"},
  {"kql_replace('is (\\d+)', 'was: \\1', 'Number is 2')", "Number was: 2"},
  {"kql_replace_regex('⒦⒰⒮', '', '.')", ".⒦.⒰.⒮."},
  /* trim / trim_start / trim_end (their pages) */
  {"kql_trim('--', '--https://bing.com--')", "https://bing.com"},
  {"kql_trim('\\s+', '    Hello, world!    ')", "Hello, world!"},
  {"kql_trim_start('https://', 'https://bing.com')", "bing.com"},
  {"kql_trim_start('[^\\w]+', '-  Te st1// $')", "Te st1// $"},
  {"kql_trim_end('.com', 'bing.com')", "bing"},
  {"kql_trim_end('[^\\w]+', '-  Te st1// $')", "-  Te st1"},
  {"kql_trim_end('\\s+', '    Hello, world!    ')", "    Hello, world!"},
  {"kql_trim('a', 'aaaa')", ""},
  {"kql_trim('x', 'abc')", "abc"},
  /* countof (its page) */
  {"kql_countof('aaa', 'a')", "3"},
  {"kql_countof('aaaa', 'aa')", "3"},
  {"kql_countof('ababa', 'ab', 'normal')", "2"},
  {"kql_countof('ababa', 'aba')", "2"},
  {"kql_countof('ababa', 'aba', 'regex')", "1"},
  {"kql_countof('abcabc', 'a.c', 'regex')", "2"},
  {"kql_countof('abc', '')", "0"},
  {"kql_countof('abc', 'a', 'fuzzy')", "ERROR: countof(): kind must be \"normal\" or \"regex\", not \"fuzzy\""},
  /* regex_quote (its page) */
  {"kql_regex_quote('(so$me.Te^xt)')", "\\(so\\$me\\.Te\\^xt\\)"},
  {"kql_matches('a.b', kql_regex_quote('a.b'))", "1"},
  {"kql_matches('axb', kql_regex_quote('a.b'))", "0"},
};

ParameterizedTestParameters(fn_regex, cases){
  static size_t aIdx[sizeof(aRx)/sizeof(aRx[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pIdx, fn_regex, cases){
  char zOut[1024];
  fnEval(aRx[*pIdx].zExpr, zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, aRx[*pIdx].zWant, "%s", aRx[*pIdx].zExpr);
}

/* Run zSql over a few rows and concatenate the results with '|'. */
static void runRows(const char *zSql, char *zOut, int nOut){
  sqlite3 *db;
  sqlite3_stmt *pStmt;
  int n = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(kqlFnRegisterRegex(db), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0), SQLITE_OK, "%s", sqlite3_errmsg(db));
  zOut[0] = 0;
  while( sqlite3_step(pStmt)==SQLITE_ROW && n<nOut-64 ){
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    n += snprintf(zOut+n, (size_t)(nOut-n), "%s|", z ? z : "NULL");
  }
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
}

/* Cached patterns stay right when the pattern or the mode changes by row. */
Test(fn_regex, cache_across_rows){
  char zOut[512];
  runRows("WITH t(s,p) AS (VALUES('a1','\\d'),('b2','\\d'),('c3','[a-z]'),('d4','[a-z]'))"
          " SELECT kql_extract(p, 0, s) FROM t", zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "1|2|c|d|");
  runRows("WITH t(s) AS (VALUES('xxaxx'),('xbx'),('c'))"
          " SELECT kql_trim('x', s) || kql_trim_start('x', s) || kql_trim_end('x', s) FROM t",
          zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "aaxxxxa|bbxxb|ccc|");
}

/* A catastrophic pattern fails with an error instead of hanging. */
Test(fn_regex, runaway_pattern){
  char zOut[512];
  fnEval("kql_matches(replace(hex(zeroblob(5000)), '0', 'a') || '!', '^(a+)+$')", zOut, sizeof(zOut));
  cr_assert(strncmp(zOut, "ERROR: matches regex(): regular expression failed", 49)==0
            || strcmp(zOut, "0")==0, "%s", zOut);
}

/* Bad UTF-8 in the subject does not break matching. */
Test(fn_regex, bad_utf8_subject){
  char zOut[512];
  fnEval("kql_extract('b(c)', 1, CAST(x'61ff6263' AS TEXT))", zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "c");
  fnEval("kql_replace_regex(CAST(x'ff41' AS TEXT), 'A', 'b') = CAST(x'ff62' AS TEXT)", zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "1");
}
