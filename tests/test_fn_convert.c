/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for fn_convert.c: tostring, toint, tolong, toreal, todecimal,
** tobool, toguid, todatetime, totimespan, tohex, parse_json and gettype,
** with the examples of their Kusto reference pages. The first argument is
** the type-tag text: 'b' bool, 'c' int, 'd' long, 'e' real, 'g' string,
** 'h' datetime, 'i' timespan, 'j' guid, 'k' dynamic.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include "fntest.h"

static const FnCase aConv[] = {
  /* tostring: the page's tostring(123), and each type's text */
  {"kql_tostring('d', 123)", "123"},
  {"kql_tostring('g', NULL)", ""},
  {"kql_tostring('e', 1.0)", "1"},
  {"kql_tostring('e', 0.1)", "0.1"},
  {"kql_tostring('e', 1e20)", "1E+20"},
  {"kql_tostring('b', 1)", "true"},
  {"kql_tostring('b', 0)", "false"},
  {"kql_tostring('h', 0)", "1970-01-01T00:00:00.0000000Z"},
  {"kql_tostring('h', 15778368001234567)", "2020-01-01T00:00:00.1234567Z"},
  {"kql_tostring('i', 10000000)", "00:00:01"},
  {"kql_tostring('i', 1080000000000 + 123)", "1.06:00:00.0000123"},
  {"kql_tostring('k', '\"abc\"')", "abc"},
  {"kql_tostring('k', '{\"a\":1}')", "{\"a\":1}"},
  {"kql_tostring('k', 'null')", ""},
  {"kql_tostring('j', '74be27de-1e4e-49d9-b579-fe0b331d3642')", "74be27de-1e4e-49d9-b579-fe0b331d3642"},
  /* toint / tolong (toint page: toint("123") == 123, toint(2.3) == 2) */
  {"kql_toint('g', '123')", "123"},
  {"kql_toint('e', 2.3)", "2"},
  {"kql_toint('e', -2.7)", "-2"},
  {"kql_toint('g', 'abc')", "NULL"},
  {"kql_toint('g', '2.5')", "2"},
  {"kql_toint('d', 3000000000)", "NULL"},
  {"kql_toint('b', 1)", "1"},
  {"kql_tolong('g', ' 9223372036854775807 ')", "9223372036854775807"},
  {"kql_tolong('d', 3000000000)", "3000000000"},
  {"kql_tolong('k', '42')", "42"},
  {"kql_tolong('k', '\"42\"')", "42"},
  {"kql_tolong('k', '[1]')", "NULL"},
  {"kql_tolong('i', 864000000000)", "864000000000"},
  {"kql_tolong('h', 0)", "621355968000000000"},
  {"kql_tolong('g', NULL)", "NULL"},
  /* toreal / todecimal (todecimal page: "123.45678") */
  {"kql_toreal('g', '123.45678')", "123.45678"},
  {"kql_todecimal('g', '123.45678')", "123.45678"},
  {"kql_toreal('g', '1e3')", "1000.0"},
  {"kql_toreal('g', 'x1')", "NULL"},
  {"kql_toreal('d', 7)", "7.0"},
  /* SQLite turns a NaN result into NULL: a REAL column cannot hold NaN */
  {"kql_toreal('g', 'NaN')", "NaN"},
  {"kql_toreal('g', '-Infinity')", "-Inf"},
  /* tobool (its page) */
  {"kql_tobool('g', 'true')", "1"},
  {"kql_tobool('g', 'false')", "0"},
  {"kql_tobool('g', 'TRUE')", "1"},
  {"kql_tobool('d', 1)", "1"},
  {"kql_tobool('d', 123)", "1"},
  {"kql_tobool('d', 0)", "0"},
  {"kql_tobool('g', 'yes')", "NULL"},
  {"kql_tobool('k', 'true')", "1"},
  /* toguid (its page) */
  {"kql_toguid('g', '0123456789abcdef0123456789abcdef')", "01234567-89ab-cdef-0123-456789abcdef"},
  {"kql_toguid('g', '0123456789ab-cdef-0123-456789abcdef')", "01234567-89ab-cdef-0123-456789abcdef"},
  {"kql_toguid('g', 'a string that is not a guid')", "NULL"},
  /* todatetime (its page) */
  {"kql_todatetime('g', '2015-12-31 23:59:59.9') = 14516063999000000", "1"},
  {"kql_todatetime('g', '12-02-2022') = kql_todatetime('g', '2022-12-02')", "1"},
  {"kql_todatetime('g', 'not a date')", "NULL"},
  {"kql_todatetime('h', 5)", "5"},
  {"kql_todatetime('k', '\"2017-01-01T00:00:00.0000000Z\"')", "14832288000000000"},
  {"kql_todatetime('d', 5)", "NULL"},
  /* totimespan (its page: "0.00:03:00" is three minutes) */
  {"kql_totimespan('g', '0.00:03:00')", "1800000000"},
  {"kql_totimespan('i', 3456000000000)", "3456000000000"},
  {"kql_totimespan('g', '25min')", "15000000000"},
  {"kql_totimespan('g', 'x')", "NULL"},
  /* tohex (its page) */
  {"kql_tohex('d', 256)", "100"},
  {"kql_tohex('d', -256)", "ffffffffffffff00"},
  {"kql_tohex('c', -256, 8)", "ffffff00"},
  {"kql_tohex('d', 256, 8)", "00000100"},
  {"kql_tohex('d', 256, 2)", "100"},
  {"upper(kql_tohex('d', 3405705229))", "CAFEF00D"},
  {"kql_tohex('g', 'x')", "NULL"},
  /* parse_json (its page and gettype's) */
  {"kql_parse_json('g', '{\"a\":123, \"b\":\"{\\\"c\\\":456}\"}')", "{\"a\":123,\"b\":\"{\\\"c\\\":456}\"}"},
  {"kql_parse_json('g', ' [1, 2, 3] ')", "[1,2,3]"},
  {"kql_parse_json('g', 'not json')", "\"not json\""},
  {"kql_parse_json('g', '')", "NULL"},
  {"kql_parse_json('k', '[1]')", "[1]"},
  {"kql_parse_json('d', 5)", "5"},
  {"kql_parse_json('g', '{\"s\":\"a b\"}')", "{\"s\":\"a b\"}"},
  /* gettype (its page) */
  {"kql_gettype('g', 'a')", "string"},
  {"kql_gettype('d', 111)", "long"},
  {"kql_gettype('b', 1)", "bool"},
  {"kql_gettype('h', 0)", "datetime"},
  {"kql_gettype('i', 10000000)", "timespan"},
  {"kql_gettype('k', kql_parse_json('g', '1'))", "int"},
  {"kql_gettype('k', kql_parse_json('g', ' \"abc\" '))", "string"},
  {"kql_gettype('k', kql_parse_json('g', ' {\"abc\":1} '))", "dictionary"},
  {"kql_gettype('k', kql_parse_json('g', ' [1, 2, 3] '))", "array"},
  {"kql_gettype('e', 123.45)", "real"},
  {"kql_gettype('j', '12e8b78d-55b4-46ae-b068-26d7a0080254')", "guid"},
  {"kql_gettype('k', kql_parse_json('g', ''))", "null"},
  {"kql_gettype('k', '12345678901')", "long"},
  {"kql_gettype('k', '1.5')", "real"},
};

ParameterizedTestParameters(fn_convert, cases){
  static size_t aIdx[sizeof(aConv)/sizeof(aConv[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pIdx, fn_convert, cases){
  char zOut[1024];
  fnEval(aConv[*pIdx].zExpr, zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, aConv[*pIdx].zWant, "%s", aConv[*pIdx].zExpr);
}

/* parse_json(tostring(parse_json(d).b)).c from the parse_json page. */
Test(fn_convert, nested_json_string){
  char zOut[256];
  fnEval("json_extract(kql_parse_json('g', kql_tostring('k', json_extract("
         "kql_parse_json('g', '{\"a\":123, \"b\":\"{\\\"c\\\":456}\"}'), '$.b'))), '$.c')",
         zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "456");
}
