/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the misc built-ins (fn_misc*.c): unit conversion, format_bytes,
** the beta distribution and welch_test, gzip/zlib, punycode, parse_version,
** parse_command_line, parse_csv, dynamic_to_json, treepath, set_equals,
** estimate_data_size, indexof_regex, around, assert and the aggregates
** buildschema and variancepif. Suite "fn_misc_kql" runs KQL queries (most
** of them the KQL reference's own examples, with the reference's
** expected values) through the public API; suite "fn_misc_sql" calls the
** SQL functions directly for NULLs, bad input and round trips.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include "fnbtest.h"
#include "kqltest.h"
#include <stdlib.h>

/* A KQL query and its expected kqltestRun() text; zExpect "error" means
** any error. */
typedef struct MiscCase MiscCase;
struct MiscCase {
  const char *zQuery;
  const char *zExpect;
};

static const MiscCase aKql[] = {
  /* 0: convert_* (the reference's examples) */
  {"print result = convert_angle(1.2, 'Degree', 'Arcminute')", "result:real\n72\n"},
  {"print result = round(convert_energy(1.2, 'Joule', 'BritishThermalUnit') * 1e17)", "result:real\n113738054437598\n"},
  {"print result = convert_force(1.2, 'Newton', 'Decanewton')", "result:real\n0.12\n"},
  {"print result = round(convert_length(1.2, 'Meter', 'Foot'), 14)", "result:real\n3.93700787401575\n"},
  {"print result = round(convert_mass(1.2, 'Kilogram', 'Pound'), 14)", "result:real\n2.64554714621853\n"},
  {"print result = convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')", "result:real\n432000\n"},
  {"print result = convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')", "result:real\n-271.95\n"},
  {"print result = convert_volume(1.2, 'CubicMeter', 'AcreFoot')", "result:real\n0.0009728568\n"},
  /* 8: unit names ignore case; unknown units give null; Tilt is a sine */
  {"print a=convert_length(1, 'INCH', 'centimeter'), b=convert_length(1, 'Meter', 'Parsnip')",
   "a:real,b:real\n2.54,null\n"},
  {"print a=round(convert_temperature(-40, 'DegreeCelsius', 'DegreeFahrenheit'), 9), b=round(convert_angle(30, 'Degree', 'Tilt'), 12)",
   "a:real,b:real\n-40,0.5\n"},
  /* 10: format_bytes */
  {"print v1 = format_bytes(564), v2 = format_bytes(10332, 1), v3 = format_bytes(20010332), "
   "v4 = format_bytes(20010332, 2), v5 = format_bytes(20010332, 0, \"KB\")",
   "v1:string,v2:string,v3:string,v4:string,v5:string\n564 Bytes,10.1 KB,19 MB,19.08 MB,19541 KB\n"},
  {"print a=format_bytes(1024), b=format_bytes(0), c=format_bytes(5, 0, 'GB'), d=format_bytes(int(null))",
   "a:string,b:string,c:string,d:string\n1 KB,0 Bytes,0 GB,null\n"},
  /* 12: beta distribution (reference examples; NaN rows read back null) */
  {"datatable(x:double, alpha:double, beta:double)[0.9, 10.0, 20.0, 1.5, 10.0, 20.0, 0.1, double(-1.0), 20.0]"
   "| extend b = round(beta_cdf(x, alpha, beta), 14)",
   "x:real,alpha:real,beta:real,b:real\n0.9,10,20,0.99999999999996\n1.5,10,20,NaN\n0.1,-1,20,NaN\n"},
  {"print a=beta_cdf(0.5, 1, 1), b=round(beta_cdf(0.9, 10.0, 20.0)*1e14)",
   "a:real,b:real\n0.5,99999999999996\n"},
  {"print a=round(beta_inv(0.1, 10.0, 20.0), 12), b=beta_inv(1.5, 10.0, 20.0)",
   "a:real,b:real\n0.226415022389,null\n"},
  {"print a=round(beta_pdf(0.5, 10.0, 20.0), 12), b=beta_pdf(1.5, 10.0, 20.0)",
   "a:real,b:real\n0.746176019311,NaN\n"},
  /* 16: welch_test: the reference's example (Wikipedia's data), p = 0.021 */
  {"print s1 = dynamic([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]),"
   " s2 = dynamic([27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4])"
   "| mv-expand s1 to typeof(double), s2 to typeof(double)"
   "| summarize m1=avg(s1), v1=variance(s1), c1=count(), m2=avg(s2), v2=variance(s2), c2=count()"
   "| project pValue=round(welch_test(m1,v1,c1,m2,v2,c2), 3)",
   "pValue:real\n0.021\n"},
  /* 17: gzip / zlib (reference examples) */
  {"print res = gzip_compress_to_base64_string(\"1234567890qwertyuiop\")",
   "res:string\nH4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==\n"},
  {"print res=gzip_decompress_from_base64_string(\"H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==\")",
   "res:string\n1234567890qwertyuiop\n"},
  {"print res=gzip_decompress_from_base64_string(\"x0x0x0\")", "res:string\n\n"},
  {"print zcomp = zlib_compress_to_base64_string(\"1234567890qwertyuiop\")",
   "zcomp:string\neAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==\n"},
  {"print zcomp = zlib_decompress_from_base64_string(\"eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=\")",
   "zcomp:string\nTest string 123\n"},
  {"print zcomp = zlib_decompress_from_base64_string(\"x0x0x0\")", "zcomp:string\n\n"},
  /* 23: compressible text really shrinks and comes back */
  {"let s = strrep('kqlite ', 500); print a = gzip_decompress_from_base64_string(gzip_compress_to_base64_string(s)) == s,"
   " b = zlib_decompress_from_base64_string(zlib_compress_to_base64_string(s)) == s,"
   " c = strlen(zlib_compress_to_base64_string(s)) < 100",
   "a:bool,b:bool,c:bool\ntrue,true,true\n"},
  /* 24: punycode (reference examples) */
  {"print encoded = punycode_from_string('acad\xc3\xa9mie-fran\xc3\xa7" "aise')", "encoded:string\nacadmie-franaise-npb1a\n"},
  {"print decoded = punycode_to_string('acadmie-franaise-npb1a')", "decoded:string\nacad\xc3\xa9mie-fran\xc3\xa7" "aise\n"},
  {"print domain='\xe8\x89\xba\xe6\x9c\xaf.com' | extend domain_vec = split(domain, '.')"
   "| extend encoded_host = punycode_from_string(tostring(domain_vec[0]))"
   "| project encoded_domain = strcat('xn--', encoded_host, '.', domain_vec[1])",
   "encoded_domain:string\nxn--cqv902d.com\n"},
  {"datatable(encoded:string)[\"xn--Ge-mia.Bulg.edu\", \"xn--Lin-8na.Celtchair.org\", "
   "\"xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com\"] | project domain=punycode_domain_from_string(encoded)",
   "domain:string\nG\xc3\xa1" "e.Bulg.edu\nL\xc3\xbain.Celtchair.org\nR\xc3\xbay\xc3\xac.J\xc4\xabng\xc5\xab.B\xc3\xa0ng.com\n"},
  {"datatable(domain:string)['L\xc3\xaa L\xe1\xbb\xa3i\xe3\x80\x82Thu\xe1\xba\xadn Thi\xc3\xaan\xe3\x80\x82" "com', "
   "'Ri\xc3\xb0ill\xef\xbd\xa1Sk\xc3\xa1ldskaparm\xc3\xa1l\xef\xbd\xa1org', \"Kaledvoulc'h.Artor\xc4\xabjos.edu\"]"
   "| project str=punycode_domain_to_string(domain)",
   "str:string\nxn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com\nxn--Riill-jta.xn--Skldskaparml-dbbj.org\n"
   "Kaledvoulc'h.xn--Artorjos-ejb.edu\n"},
  {"print a=punycode_to_string('ab\xc2\xa9'), b=punycode_to_string('99999999999a'), c=punycode_from_string('abc')",
   "a:string,b:string,c:string\n,,abc-\n"},
  /* 30: parse_version (reference examples) */
  {"let dt = datatable(lab: string, v: string)[\"Lab A\", \"0.0.0.5\", \"Lab B\", \"0.0.7.0\", \"Lab D\",\"0.0.3\","
   "\"Lab C\", \"0.2\", \"Lab G\", \"0.1.2.0\", \"Lab F\", \"1.2.3.4\", \"Lab E\", \"1\",];"
   "dt | extend parsed_version = parse_version(v)"
   "| extend needs_update = iff(parsed_version < parse_version(\"1.0.0.0\"), \"Yes\", \"No\")"
   "| project lab, v, needs_update | sort by lab asc , v, needs_update",
   "lab:string,v:string,needs_update:string\nLab A,0.0.0.5,Yes\nLab B,0.0.7.0,Yes\nLab C,0.2,Yes\n"
   "Lab D,0.0.3,Yes\nLab E,1,No\nLab F,1.2.3.4,No\nLab G,0.1.2.0,Yes\n"},
  {"datatable(v: string)[\"0.0.0.5\", \"0.0.7.0\", \"0.0.3\", \"0.2\", \"0.1.2.0\"]"
   "| project p = tolong(parse_version(v))",
   "p:long\n5\n700000000\n300000000\n20000000000000000\n10000000200000000\n"},
  {"print a=isnull(parse_version('1.2.3.4.5')), b=isnull(parse_version('123456789')), c=isnull(parse_version('1..2')),"
   " d=isnull(parse_version('')), e=parse_version('1.0') == parse_version('1.0.0.0')",
   "a:bool,b:bool,c:bool,d:bool,e:bool\ntrue,true,true,true,true\n"},
  /* 33: parse_command_line */
  {"print Result=parse_command_line(\"echo \\\"hello world!\\\"\", \"windows\")",
   "Result:dynamic\n[\"echo\",\"hello world!\"]\n"},
  {"print a=parse_command_line(@'\"C:\\Program Files\\app.exe\" -x \"a b\" c\\\"d e\\\\\"f g\" h\\\\i', 'Windows'),"
   " b=parse_command_line('x', 'linux')",
   "a:dynamic,b:dynamic\n[\"C:\\\\Program Files\\\\app.exe\",\"-x\",\"a b\",\"c\\\"d\",\"e\\\\f g\",\"h\\\\\\\\i\"],null\n"},
  /* 35: parse_csv (reference examples) */
  {"print result=parse_csv('aa,\"b,b,b\",cc,\"Escaping quotes: \"\"Title\"\"\",\"line1\\nline2\"')",
   "result:dynamic\n[\"aa\",\"b,b,b\",\"cc\",\"Escaping quotes: \\\"Title\\\"\",\"line1\\nline2\"]\n"},
  {"print result_multi_record=parse_csv('record1,a,b,c\\nrecord2,x,y,z')",
   "result_multi_record:dynamic\n[\"record1\",\"a\",\"b\",\"c\"]\n"},
  {"print a=parse_csv(''), b=parse_csv('x,'), c=array_length(parse_csv('Guy Reginiano, Guy Yehudy, Pankaj Suri, Saeed Copty'))",
   "a:dynamic,b:dynamic,c:long\n[\"\"],[\"x\",\"\"],4\n"},
  /* 38: dynamic_to_json (reference example) */
  {"let bag1 = dynamic_to_json(dynamic({'Y10':dynamic({}), 'X8': dynamic({'c3':1, 'd8':5, 'a4':6}), 'D1':114,"
   " 'A1':12, 'B1':2, 'C1':3, 'A14':[15, 13, 18]}));"
   "let bag2 = dynamic_to_json(dynamic({'X8': dynamic({'a4':6, 'c3':1, 'd8':5}), 'A14':[15, 13, 18], 'C1':3,"
   " 'B1':2, 'Y10': dynamic({}), 'A1':12, 'D1':114}));"
   "print AreEqual=bag1 == bag2, Result=bag1",
   "AreEqual:bool,Result:string\ntrue,{\"A1\":12,\"A14\":[15,13,18],\"B1\":2,\"C1\":3,\"D1\":114,\"X8\":{\"a4\":6,\"c3\":1,\"d8\":5},\"Y10\":{}}\n"},
  {"print a=dynamic_to_json(12), b=dynamic_to_json('x'), c=dynamic_to_json(dynamic([{'b':1,'a':[{'z':0,'y':1}]}]))",
   "a:string,b:string,c:string\n12,x,[{\"a\":[{\"y\":1,\"z\":0}],\"b\":1}]\n"},
  /* 40: treepath (reference examples) */
  {"print a=treepath(parse_json('{\"a\":\"b\", \"c\":123}')),"
   " b=treepath(parse_json('{\"prop1\":[1,2,3,4], \"prop2\":\"value2\"}')),"
   " c=treepath(parse_json('{\"listProperty\":[100,200,300,\"abcde\",{\"x\":\"y\"}]}'))",
   "a:dynamic,b:dynamic,c:dynamic\n[\"['a']\",\"['c']\"],[\"['prop1']\",\"['prop1'][0]\",\"['prop2']\"],"
   "[\"['listProperty']\",\"['listProperty'][0]\",\"['listProperty'][0]['x']\"]\n"},
  {"print a=treepath(dynamic(1)), b=treepath(dynamic([[1],[2]]))", "a:dynamic,b:dynamic\n[],[\"[0]\",\"[0][0]\"]\n"},
  /* 42: set_equals */
  {"print a=set_equals(dynamic([1,2,3]), dynamic([3,2,1,1])), b=set_equals(dynamic([1,2]), dynamic([1,2,3])),"
   " c=set_equals(dynamic(['a']), dynamic(['a','a'])), d=set_equals(dynamic(1), dynamic([1]))",
   "a:bool,b:bool,c:bool,d:bool\ntrue,false,true,null\n"},
  /* 43: estimate_data_size (reference example, with the columns named) */
  {"range x from 1 to 10 step 1 | extend Text = '1234567890' | summarize Total=sum(estimate_data_size(x, Text))",
   "Total:long\n180\n"},
  {"print a=estimate_data_size(true, int(1), 1.5, guid(00000000-0000-0000-0000-000000000000), '', long(null))",
   "a:long\n29\n"},
  /* 45: indexof_regex (reference example) */
  {"print idx1 = indexof_regex(\"abcabc\", @\"a.c\"), idx2 = indexof_regex(\"abcabcdefg\", @\"a.c\", 0, 9, 2),"
   " idx3 = indexof_regex(\"abcabc\", @\"a.c\", 1, -1, 2), idx4 = indexof_regex(\"ababaa\", @\"a.a\", 0, -1, 2),"
   " idx5 = indexof_regex(\"abcabc\", @\"a|ab\", -1)",
   "idx1:long,idx2:long,idx3:long,idx4:long,idx5:long\n0,3,-1,-1,null\n"},
  {"print a=indexof_regex('h\xc3\xa9llo w\xc3\xb6rld', 'w.r'), b=indexof_regex('abc', 'x*', 0, -1, 3),"
   " c=indexof_regex('abcabc', 'abc', 0, 3, 2), d=indexof_regex('abc', 'b', 0, -2)",
   "a:long,b:long,c:long,d:long\n6,2,-1,null\n"},
  {"print indexof_regex('abc', '(')", "error"},
  /* 48: around (reference example) */
  {"range dt from datetime(2021-01-01 01:00) to datetime(2021-01-01 02:00) step 1min"
   "| where around(dt, datetime(2021-01-01 01:30), 1min)",
   "dt:datetime\n2021-01-01T01:29:00Z\n2021-01-01T01:30:00Z\n2021-01-01T01:31:00Z\n"},
  {"print a=around(1.5, 1, 0.5), b=around(1.51, 1, 0.5), c=around(5, 4, 1), d=around(int(null), 1, 1), e=around(1d, 2d, 1d)",
   "a:bool,b:bool,c:bool,d:bool,e:bool\ntrue,false,true,null,true\n"},
  /* 50: assert (reference example, positional arguments) */
  {"let checkLength = (len:long, s:string) { assert(len > 0, \"Length must be greater than zero\") and strlen(s) > len };"
   "datatable(input:string) ['123', '4567'] | where checkLength(3, input)",
   "input:string\n4567\n"},
  {"let checkLength = (len:long, s:string) { assert(len > 0, \"Length must be greater than zero\") and strlen(s) > len };"
   "datatable(input:string) ['123', '4567'] | where checkLength(long(-1), input)",
   "error"},
  /* 52: buildschema (reference example) and variancepif */
  {"datatable(value: dynamic) [dynamic({\"x\":1, \"y\":3.5}), dynamic({\"x\":\"somevalue\", \"z\":[1, 2, 3]}),"
   " dynamic({\"y\":{\"w\":\"zzz\"}, \"t\":[\"aa\", \"bb\"], \"z\":[\"foo\"]})] | summarize schema_value=buildschema(value)",
   "schema_value:dynamic\n{\"x\":[\"long\",\"string\"],\"y\":[\"double\",{\"w\":\"string\"}],"
   "\"z\":{\"`indexer`\":[\"long\",\"string\"]},\"t\":{\"`indexer`\":\"string\"}}\n"},
  {"datatable(value: dynamic) [dynamic(null)] | summarize s=buildschema(value)", "s:dynamic\nnull\n"},
  {"datatable(x:real, b:bool)[1.0, true, 2.0, true, 3.0, false, 100.0, false] | summarize v=variancepif(x, b)",
   "v:real\n0.25\n"},
};

/* Run aKql[i] and compare. */
static void checkKql(size_t i){
  int rc;
  const MiscCase *c = &aKql[i];
  char *z = kqltestRun(c->zQuery, 0, &rc);
  if( strcmp(c->zExpect, "error")==0 ){
    cr_expect(strncmp(z, "error", 5)==0 || strstr(z, "\nerror")!=0,
              "case %zu: %s\nexpected an error, got:\n%s", i, c->zQuery, z);
  }else{
    cr_expect_str_eq(z, c->zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", i, c->zQuery, c->zExpect, z);
  }
  free(z);
}

ParameterizedTestParameters(fn_misc_kql, docs){
  static size_t aIdx[sizeof(aKql)/sizeof(aKql[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pi, fn_misc_kql, docs){ checkKql(*pi); }

/* SQL-level cases: NULLs, malformed input, round trips. */
static const FnbCase aSql[] = {
  {"SELECT kql_around(NULL, 1, 1)",                                  "<null>"},
  {"SELECT kql_around('a', 1, 1)",                                   "<null>"},
  {"SELECT kql_around(9223372036854775807, 9223372036854775807, 10)", "1"},
  {"SELECT kql_around(-9223372036854775807, 0, 9223372036854775807)", "1"},
  {"SELECT kql_convert_length(NULL, 'Meter', 'Foot')",               "<null>"},
  {"SELECT kql_convert_length(1, NULL, 'Foot')",                     "<null>"},
  {"SELECT kql_convert_mass(1, 'Stone', 'Stone')",                   "1"},
  {"SELECT kql_format_bytes(1, NULL)",                               "<null>"},
  {"SELECT kql_format_bytes(1, 2, 'XB')",                            ""},
  {"SELECT kql_beta_cdf('x', 1, 1)",                                 "<null>"},
  {"SELECT kql_beta_cdf(0.5, 10001, 1)",                             "NaN"},
  {"SELECT kql_beta_inv(1, 2, 3)",                                   "1"},
  {"SELECT kql_welch_test(1, 1, 1, 2, 1, 5)",                        "NaN"},
  {"SELECT kql_gzip_decompress(NULL)",                               "<null>"},
  {"SELECT kql_gzip_decompress('')",                                 ""},
  {"SELECT kql_gzip_decompress('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAAA=')", ""},  /* trailing byte */
  {"SELECT kql_gzip_decompress('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FQAAAA==')", ""},  /* bad ISIZE */
  {"SELECT kql_gzip_decompress('H4sICAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==')", ""},  /* FLG != 0 */
  {"SELECT kql_gzip_decompress('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3')", ""},                          /* truncated */
  {"SELECT kql_zlib_decompress('eJwLSS0uUSguKcrMS1cwNDIGACxqBQ')",   ""},         /* no adler32 */
  {"SELECT kql_zlib_decompress(kql_zlib_compress(x'ff41'))",          "\xef\xbf\xbd" "A"},
  {"SELECT kql_gzip_decompress(kql_gzip_compress(''))",               ""},
  {"SELECT kql_punycode_to_string('-')",                              ""},
  {"SELECT kql_punycode_to_string('a-\xc3\xa9')",                     ""},
  {"SELECT kql_punycode_domain_decode('xn--zzzzzzzzzzzzzzzzzzzz.com')", ""},
  {"SELECT kql_punycode_domain_encode('a..b.')",                      "a..b."},
  {"SELECT kql_parse_command_line(NULL, 'windows')",                  "<null>"},
  {"SELECT kql_parse_command_line('\"unterminated', 'windows')",      "[\"unterminated\"]"},
  {"SELECT kql_parse_csv('\"open,quote')",                            "[\"open,quote\"]"},
  {"SELECT kql_parse_version('1.2.3.99999999')",                      "1.00000002e+24"},
  {"SELECT kql_dynamic_to_json('k', '{\"b\":\"\\u0041\",\"a\":null}')", "{\"a\":null,\"b\":\"A\"}"},
  {"SELECT kql_dynamic_to_json('k', NULL)",                           ""},
  {"SELECT kql_dynamic_to_json('g', NULL)",                           ""},
  {"SELECT kql_treepath('{broken')",                                  "[]"},
  {"SELECT kql_set_equals('[1', '[1]')",                              "<null>"},
  {"SELECT kql_indexof_regex('abc', 'b', NULL)",                      "<null>"},
  {"SELECT kql_indexof_regex('abc', 'b', 9)",                         "-1"},
  {"SELECT kql_indexof_regex('abc', 'b', 0, -1, 0)",                  "1"},
  {"SELECT kql_indexof_regex(x'61ff62', 'b')",                        "2"},
  {"SELECT kql_assert(NULL, 'm')",                                    "ERROR: assert() has failed with message: 'm'"},
  {"SELECT kql_buildschema(v) FROM (SELECT 1 AS v UNION ALL SELECT 2.5 UNION ALL SELECT '[\"a\"]')",
   "[\"long\",\"double\",{\"`indexer`\":\"string\"}]"},
  {"SELECT kql_variancepif(v, 1) FROM (SELECT 5 AS v)",               "0"},
  {"SELECT kql_variancepif(v, 0) FROM (SELECT 5 AS v)",               "<null>"},
};

Test(fn_misc_sql, cases){
  fnbCases(aSql, FNB_N(aSql));
}

/* Every function survives hostile input: bytes that are not UTF-8, NULs,
** deep nesting, long text; each call gives a value or a clean error. */
Test(fn_misc_sql, hostile_input){
  static const char *const azExpr[] = {
    "kql_punycode_from_string(%s)", "kql_punycode_to_string(%s)", "kql_punycode_domain_encode(%s)",
    "kql_punycode_domain_decode(%s)", "kql_gzip_decompress(%s)", "kql_zlib_decompress(%s)",
    "kql_gzip_compress(%s)", "kql_parse_csv(%s)", "kql_parse_command_line(%s, 'windows')",
    "kql_parse_version(%s)", "kql_treepath(%s)", "kql_dynamic_to_json('k', %s)",
    "kql_set_equals(%s, %s)", "kql_indexof_regex(%s, 'a')", "kql_indexof_regex('abc', %s)",
    "kql_convert_volume(1, %s, 'Liter')", "kql_format_bytes(1, 0, %s)",
    "kql_estimate_data_size('gk', %s, %s)",
  };
  static const char *const azArg[] = {
    "x'ff00fe41'", "x'c3'", "''", "zeroblob(3)", "'xn--'", "'xn--.'", "'.'",
    "printf('%.*c', 5000, '[') || '1' || printf('%.*c', 5000, ']')",
    "printf('%.*c', 100000, 'a')", "'\"\"\"\"\\\\\\\\\"'", "'[1,{\"a\":[{}]},\"x\"]'",
  };
  sqlite3 *db = fnbOpen();
  char zBuf[4096];
  for(size_t i=0; i<sizeof(azExpr)/sizeof(azExpr[0]); i++){
    for(size_t j=0; j<sizeof(azArg)/sizeof(azArg[0]); j++){
      char *zSql = sqlite3_mprintf("SELECT length(%z)",
                                   sqlite3_mprintf(azExpr[i], azArg[j], azArg[j]));
      const char *z = fnbRun(db, zSql, zBuf, sizeof(zBuf));
      cr_expect(strncmp(z, "<no row>", 8)!=0, "%s gave no row", zSql);
      sqlite3_free(zSql);
    }
  }
  sqlite3_close(db);
}

/* A small zlib bomb (10 MB of zeros) under a lowered length limit gives a
** clean "too big" error, not an allocation of the whole output. */
Test(fn_misc_sql, decompression_limit){
  sqlite3 *db = fnbOpen();
  char zBuf[4096];
  const char *z;
  z = fnbRun(db, "CREATE TEMP TABLE bomb AS SELECT kql_zlib_compress(zeroblob(10000000)) AS c;"
                 "SELECT length(c) < 20000 FROM bomb", zBuf, sizeof(zBuf));
  cr_expect_str_eq(z, "1");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000);
  z = fnbRun(db, "SELECT length(kql_zlib_decompress(c)) FROM bomb", zBuf, sizeof(zBuf));
  cr_expect(strncmp(z, "ERROR:", 6)==0, "got %s", z);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000000);
  z = fnbRun(db, "SELECT length(kql_gzip_decompress(kql_gzip_compress(printf('%.*c', 300000, 'q'))))", zBuf, sizeof(zBuf));
  cr_expect_str_eq(z, "300000");
  sqlite3_close(db);
}
