/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for the string group (fn_string.c, fn_encode.c, fn_hash.c): the
** string operators and functions evaluated through SQLite. Expected values
** are the examples of the Kusto reference pages where they exist. Type tags:
** 'b' bool, 'c' int, 'd' long, 'e' real, 'g' string, 'h' datetime,
** 'i' timespan, 'k' dynamic.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include "fntest.h"

static const FnCase aStr[] = {
  /* has family: the operator pages' "North America" examples */
  {"kql_has('North America', 'america')", "1"},
  {"kql_has('North America', 'amer')", "0"},
  {"kql_has_cs('North America', 'America')", "1"},
  {"kql_has_cs('North America', 'amer')", "0"},
  {"kql_has_cs('North America', 'america')", "0"},
  {"kql_hasprefix('North America', 'ame')", "1"},
  {"kql_hasprefix('North America', 'mer')", "0"},
  {"kql_hasprefix_cs('North America', 'Ame')", "1"},
  {"kql_hasprefix_cs('North America', 'CA')", "0"},
  {"kql_hassuffix('North America', 'ica')", "1"},
  {"kql_hassuffix('North America', 'americ')", "0"},
  {"kql_hassuffix_cs('North America', 'ica')", "1"},
  {"kql_hassuffix_cs('North America', 'icA')", "0"},
  /* the term example of the string operators page */
  {"kql_has('Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun', 'c1db')", "1"},
  {"kql_has('Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun', 'KustoExplorerQueryRun')", "1"},
  {"kql_has('Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun', 'Explorer')", "0"},
  {"kql_has('Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun', 'c1db-4f9f')", "1"},
  {"kql_has('Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun', 'b-4f9f')", "0"},
  {"kql_has('cmd.exe /c whoami', '.exe')", "1"},
  {"kql_has('foo_bar', 'bar')", "1"},
  {"kql_has('a b', 'b')", "1"},
  {"kql_has('ab', 'b')", "0"},
  {"kql_has(NULL, 'b')", "0"},
  {"kql_has('abc', '')", "1"},
  {"kql_has('ÉCOLE normale', 'école')", "1"},
  {"kql_has('caféx', 'caf')", "1"},
  /* contains / startswith / endswith / =~ (string operators page) */
  {"kql_contains('FabriKam', 'BRik')", "1"},
  {"kql_contains('Fabrikam', 'xyz')", "0"},
  {"kql_contains_cs('FabriKam', 'Kam')", "1"},
  {"kql_contains_cs('Fabrikam', 'Kam')", "0"},
  {"kql_startswith('Fabrikam', 'fab')", "1"},
  {"kql_startswith_cs('Fabrikam', 'fab')", "0"},
  {"kql_startswith_cs('Fabrikam', 'Fab')", "1"},
  {"kql_endswith('Fabrikam', 'Kam')", "1"},
  {"kql_endswith_cs('Fabrikam', 'Kam')", "0"},
  {"kql_endswith_cs('Fabrikam', 'kam')", "1"},
  {"kql_eq_ci('abc', 'ABC')", "1"},
  {"kql_eq_ci('aBc', 'xyz')", "0"},
  {"kql_eq_ci('ΣΊΣΥΦΟΣ', 'σίσυφος')", "1"},
  {"kql_eq_ci('Привет', 'пРИВЕТ')", "1"},
  {"kql_eq_ci(NULL, '')", "1"},
  {"kql_contains('ab\xff' || 'cd', 'CD')", "1"},
  /* has_any / has_all / in~ */
  {"kql_has_any('this is an example', '[\"this\",\"example\"]')", "1"},
  {"kql_has_any('this is an example', '[\"not\",\"found\"]')", "0"},
  {"kql_has_any('Example number 2', '[1,2,3]')", "1"},
  {"kql_has_any('abc', '[]')", "0"},
  {"kql_has_all('this is an example', '[\"THIS\",\"example\"]')", "1"},
  {"kql_has_all('this is an example', '[\"this\",\"found\"]')", "0"},
  {"kql_in_ci('ABC', '[\"x\",\"abc\"]')", "1"},
  {"kql_in_ci('ABC', '[\"x\",\"abcd\"]')", "0"},
  {"kql_in_ci('1', '[1,2]')", "1"},
  /* has_any_index (its reference page) */
  {"kql_has_any_index('this is an example', '[\"this\",\"example\"]')", "0"},
  {"kql_has_any_index('this is an example', '[\"not\",\"example\"]')", "1"},
  {"kql_has_any_index('this is an example', '[\"not\",\"found\"]')", "-1"},
  {"kql_has_any_index('Example number 2', '[1,2,3]')", "1"},
  {"kql_has_any_index('this is an example', '[]')", "-1"},
  /* strlen, string_size */
  {"kql_strlen('hello')", "5"},
  {"kql_strlen('⒦⒰⒮⒯⒪')", "5"},
  {"kql_strlen('C' || char(807) || 'edilla')", "8"},
  {"kql_strlen(NULL)", "0"},
  {"kql_string_size('hello')", "5"},
  {"kql_string_size('⒦⒰⒮⒯⒪')", "15"},
  /* tolower / toupper */
  {"kql_tolower('Hello ÄÖÜ')", "hello äöü"},
  {"kql_toupper('hello äöü ÿ')", "HELLO ÄÖÜ Ÿ"},
  {"kql_toupper('straße')", "STRAßE"},
  /* substring (its reference page) */
  {"kql_substring('123456', 1)", "23456"},
  {"kql_substring('123456', 2, 2)", "34"},
  {"kql_substring('ABCD', 0, 2)", "AB"},
  {"kql_substring('123456', -2, 2)", "56"},
  {"kql_substring('123456', 10)", ""},
  {"kql_substring('⒦⒰⒮⒯⒪', 1, 2)", "⒰⒮"},
  /* strcat / strcat_delim / strcat_array (their pages) */
  {"kql_strcat('ggg', 'hello', ' ', 'world')", "hello world"},
  {"kql_strcat('gd', 'Number is ', 1)", "Number is 1"},
  {"kql_strcat('ebh', 1.5, 1, 0)", "1.5true1970-01-01T00:00:00.0000000Z"},
  {"kql_strcat('gg', 'a', NULL)", "a"},
  {"kql_strcat_delim('gdggi', '-', 1, '2', 'A', 10000000)", "1-2-A-00:00:01"},
  {"kql_strcat_array('[1, 2, 3]', '->')", "1->2->3"},
  {"kql_strcat_array('[1, 2, 3]', '\"')", "1\"2\"3"},
  {"kql_strcat_array('[\"a\",null,true]', ',')", "a,,true"},
  /* split (its page) */
  {"kql_split('aa_bb', '_')", "[\"aa\",\"bb\"]"},
  {"kql_split('aaa_bbb_ccc', '_', 1)", "[\"bbb\"]"},
  {"kql_split('', '_')", "[\"\"]"},
  {"kql_split('a__b', '_')", "[\"a\",\"\",\"b\"]"},
  {"kql_split('aabbcc', 'bb')", "[\"aa\",\"cc\"]"},
  {"kql_split('a_b', '_', 5)", "[]"},
  {"kql_split('a\"b', ',')", "[\"a\\\"b\"]"},
  /* replace_string (its page) */
  {"kql_replace_string('A magic trick can turn a cat into a dog', 'cat', 'hamster')",
   "A magic trick can turn a hamster into a dog"},
  {"kql_replace_string('aaa', 'a', 'bb')", "bbbbbb"},
  {"kql_replace_string('aaa', '', 'b')", "aaa"},
  /* replace_strings (its page) */
  {"kql_replace_strings('A magic trick can turn a cat into a dog', '[\"cat\",\"dog\"]', '[\"dog\",\"pigeon\"]')",
   "A magic trick can turn a dog into a pigeon"},
  {"kql_replace_strings('A magic trick can turn a cat into a dog', '[\"turn\",\" into a dog\"]', '[\"disappear\",\"\"]')",
   "A magic trick can disappear a cat"},
  {"kql_replace_strings('This is an example of using replace_strings()', '[\"This\",\"is\"]', '[\"This\",\"was\"]')",
   "This was an example of using replace_strings()"},
  {"kql_replace_strings('This is an example of using replace_strings()', '[\"is\",\"This\"]', '[\"was\",\"This\"]')",
   "Thwas was an example of using replace_strings()"},
  {"kql_replace_strings('This is an example of using replace_strings()', '[\"This\",\"is\"]', '[12345,\"was\"]')",
   "This was an example of using replace_strings()"},
  /* strrep (its page) */
  {"kql_strrep('g', 'ABC', 2)", "ABCABC"},
  {"kql_strrep('d', 123, 3, ',')", "123,123,123"},
  {"kql_strrep('g', 'a', 0)", ""},
  /* reverse (its page) */
  {"kql_reverse('g', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')", "ZYXWVUTSRQPONMLKJIHGFEDCBA"},
  {"kql_reverse('d', 123)", "321"},
  {"kql_reverse('g', 'a⒦b')", "b⒦a"},
  /* indexof (its page: idx1 .. idx9) */
  {"kql_indexof('gg', 'abcdefg', 'cde')", "2"},
  {"kql_indexof('gg', 'abcdefg', 'cde', 1, 4)", "2"},
  {"kql_indexof('gg', 'abcdefg', 'cde', 1, 2)", "-1"},
  {"kql_indexof('gg', 'abcdefg', 'cde', 3, 4)", "-1"},
  {"kql_indexof('gg', 'abcdefg', 'cde', -5)", "2"},
  {"kql_indexof('dd', 1234567, 5, 1, 4)", "4"},
  {"kql_indexof('gg', 'abcdefg', 'cde', 2, -1)", "2"},
  {"kql_indexof('gg', 'abcdefgabcdefg', 'cde', 1, 10, 2)", "9"},
  {"kql_indexof('gg', 'abcdefgabcdefg', 'cde', 1, -1, 3)", "-1"},
  {"kql_indexof('gg', 'abc', 'c', 0, -2)", "NULL"},
  {"kql_indexof('gg', '⒦⒰⒮', '⒮')", "2"},
  /* strcmp, translate (translate page) */
  {"kql_strcmp('ABC', 'ABC')", "0"},
  {"kql_strcmp('abc', 'abd')", "-1"},
  {"kql_strcmp('b', 'a')", "1"},
  {"kql_translate('abc', 'x', 'abc')", "xxx"},
  {"kql_translate('abc', '', 'ab')", ""},
  {"kql_translate('krasp', 'otsku', 'spark')", "kusto"},
  /* isascii / isutf8 / to_utf8 / code points (their pages) */
  {"kql_isascii('some string')", "1"},
  {"kql_isascii('⒦')", "0"},
  {"kql_isutf8('some string')", "1"},
  {"kql_isutf8(CAST(x'ff41' AS TEXT))", "0"},
  {"kql_to_utf8('⒦a')", "[226,146,166,97]"},
  {"kql_unicode_codepoints_from_string('⒦⒰⒮⒯⒪')", "[9382,9392,9390,9391,9386]"},
  {"kql_unicode_codepoints_from_string('קוסטו - Kusto')",
   "[1511,1493,1505,1496,1493,32,45,32,75,117,115,116,111]"},
  {"kql_unicode_codepoints_to_string('ddddd', 75, 117, 115, 116, 111)", "Kusto"},
  {"kql_unicode_codepoints_to_string('k', '[75, 117, 115, 116, 111]')", "Kusto"},
  {"kql_unicode_codepoints_to_string('kdd', '[75, 117, 115]', 116, 111)", "Kusto"},
  {"kql_unicode_codepoints_to_string('d', -1)", "NULL"},
  /* base64 (its pages) */
  {"kql_base64_encode_tostring('Kusto')", "S3VzdG8="},
  {"kql_base64_encode_tostring('Kusto1')", "S3VzdG8x"},
  {"kql_base64_encode_tostring('Kusto12')", "S3VzdG8xMg=="},
  {"kql_base64_decode_tostring('S3VzdG8=')", "Kusto"},
  {"kql_base64_decode_tostring('S3VzdG8xMg==')", "Kusto12"},
  {"kql_base64_decode_tostring('U3RyaW5n0KHR0tGA0L7Rh9C60LA=')", ""},
  {"kql_base64_decode_tostring('S3V*dG8=')", ""},
  {"kql_base64_decode_toarray('S3VzdG8=')", "[75,117,115,116,111]"},
  {"kql_base64_encode_fromarray('[75,117,115,116,111]')", "S3VzdG8="},
  {"kql_base64_encode_fromarray('[75,300]')", "NULL"},
  /* base64 and guids (their pages) */
  {"kql_base64_encode_fromguid('ae3133f2-6e22-49ae-b06a-16e6a9b212eb')", "8jMxriJurkmwahbmqbIS6w=="},
  {"kql_base64_decode_toguid('8jMxriJurkmwahbmqbIS6w==')", "ae3133f2-6e22-49ae-b06a-16e6a9b212eb"},
  {"kql_base64_decode_toguid('S3VzdG8=')", "NULL"},
  /* URL functions (their pages) */
  {"kql_url_encode('https://www.bing.com/hello world')", "https%3a%2f%2fwww.bing.com%2fhello+world"},
  {"kql_url_encode_component('https://www.bing.com/hello world')",
   "https%3a%2f%2fwww.bing.com%2fhello%20world"},
  {"kql_url_decode('https%3a%2f%2fwww.bing.com%2f')", "https://www.bing.com/"},
  {"kql_url_decode('a+b%2')", "a b%2"},
  {"kql_parse_url('scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment')",
   "{\"Scheme\":\"scheme\",\"Host\":\"host\",\"Port\":\"1234\",\"Path\":\"this/is/a/path\","
   "\"Username\":\"username\",\"Password\":\"password\",\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\"},"
   "\"Fragment\":\"fragment\"}"},
  {"kql_parse_url('https://bing.com')",
   "{\"Scheme\":\"https\",\"Host\":\"bing.com\",\"Port\":\"\",\"Path\":\"\",\"Username\":\"\","
   "\"Password\":\"\",\"Query Parameters\":{},\"Fragment\":\"\"}"},
  {"kql_parse_urlquery('k1=v1&k2=v2&k3=v3')",
   "{\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\",\"k3\":\"v3\"}}"},
  /* parse_path (its page) */
  {"kql_parse_path('C:\\temp\\file.txt')",
   "{\"Scheme\":\"\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:\\\\temp\",\"DirectoryName\":\"temp\","
   "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}"},
  {"kql_parse_path('temp\\file.txt')",
   "{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"temp\",\"DirectoryName\":\"temp\","
   "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}"},
  {"kql_parse_path('file://C:/temp/file.txt:some.exe')",
   "{\"Scheme\":\"file\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:/temp\",\"DirectoryName\":\"temp\","
   "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"some.exe\"}"},
  {"kql_parse_path('\\\\shared\\users\\temp\\file.txt.gz')",
   "{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"\\\\\\\\shared\\\\users\\\\temp\",\"DirectoryName\":\"temp\","
   "\"Filename\":\"file.txt.gz\",\"Extension\":\"gz\",\"AlternateDataStreamName\":\"\"}"},
  {"kql_parse_path('/usr/lib/temp/file.txt')",
   "{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"/usr/lib/temp\",\"DirectoryName\":\"temp\","
   "\"Filename\":\"file.txt\",\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}"},
  /* hashes (their pages) */
  {"kql_hash('g', 'World')", "1846988464401551951"},
  {"kql_hash('g', 'World', 100)", "51"},
  {"kql_hash('h', 1420070400 * 10000000)", "1380966698541616202"},
  {"kql_hash_xxhash64('h', 1420070400 * 10000000)", "1380966698541616202"},
  {"kql_hash_md5('g', 'World')", "f5a7924e621e84c9280a9a27e1bcb7f6"},
  {"kql_hash_md5('h', 1577836800 * 10000000)", "786c530672d1f8db31fee25ea8a9390b"},
  {"kql_hash_sha1('g', 'World')", "70c07ec18ef89c5309bbb0937f3a6342411e1fdd"},
  {"kql_hash_sha1('h', 1577836800 * 10000000)", "e903e533f4d636b4fc0dcf3cf81e7b7f330de776"},
  {"kql_hash_sha256('g', 'World')", "78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524"},
  {"kql_hash_sha256('h', 1577836800 * 10000000)",
   "ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d"},
  {"kql_hash_md5('g', '')", "d41d8cd98f00b204e9800998ecf8427e"},
  {"kql_hash_sha256('g', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')",
   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  {"kql_hash_md5('g', NULL)", "NULL"},
};

ParameterizedTestParameters(fn_string, cases){
  static size_t aIdx[sizeof(aStr)/sizeof(aStr[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pIdx, fn_string, cases){
  char zOut[1024];
  fnEval(aStr[*pIdx].zExpr, zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, aStr[*pIdx].zWant, "%s", aStr[*pIdx].zExpr);
}

/* The list operators reuse their parsed list across rows of one statement. */
Test(fn_string, has_any_across_rows){
  sqlite3 *db;
  sqlite3_stmt *pStmt;
  int nHit = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(kqlFnRegisterString(db), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db,
    "WITH t(x) AS (VALUES('a b'),('c d'),('e f'),('xb'),(NULL))"
    " SELECT kql_has_any(x, '[\"b\",\"f\"]') FROM t", -1, &pStmt, 0), SQLITE_OK);
  while( sqlite3_step(pStmt)==SQLITE_ROW ) nHit += sqlite3_column_int(pStmt, 0);
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  cr_assert_eq(nHit, 2);
}

/* Large and hostile inputs neither crash nor hang. */
Test(fn_string, large_inputs){
  char zOut[256];
  fnEval("length(kql_toupper(replace(hex(zeroblob(200000)), '0', 'ä')))", zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "400000");
  fnEval("kql_has(hex(zeroblob(100000)) || ' needle', 'NEEDLE')", zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "1");
  fnEval("kql_strrep('g', 'x', 100000)", zOut, sizeof(zOut));
  cr_assert_eq(strlen(zOut), 255);   /* capped at 1024 repeats, printed truncated */
  fnEval("length(kql_strrep('g', 'x', 100000))", zOut, sizeof(zOut));
  cr_assert_str_eq(zOut, "1024");
  fnEval("kql_reverse('g', CAST(x'e282' AS TEXT) || 'a')", zOut, sizeof(zOut));
  cr_assert_eq(strlen(zOut), 3);
}
