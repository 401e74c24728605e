/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Docs-fidelity tests for the string, regex, encoding and conversion
** functions: examples of the Kusto reference pages that build their own data
** (print/datatable/range/let) and are not in the shared conformance file,
** each with the output table the page prints (column types checked with the
** Kusto language service). Expected text is kqltestRun's form: a
** "name:type" header, then rows with cells joined by ','.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include "kql.h"
#include "kqltest.h"

typedef struct DocCase DocCase;
struct DocCase {
  const char *zPage;     /* docs page the example is taken from */
  const char *zQuery;    /* the example */
  const char *zExpect;   /* its output, or "error" when the page says it fails */
};

static const DocCase aDocs[] = {
  /* extract(): typeof(T) converts the captured text */
  {"extract-function#0",
   "let Dates = datatable(DateString: string)[\"15-12-2024\", \"21-07-2023\", \"10-03-2022\"]; "
   "Dates | extend Month = extract(@\"-(\\d{2})-\", 1, DateString, typeof(int)) | project DateString, Month",
   "DateString:string,Month:int\n15-12-2024,12\n21-07-2023,7\n10-03-2022,3\n"},
  {"extract-function#1",
   "let Text = \"User: JohnDoe, Email: johndoe@example.com, Age: 29\"; "
   "print UserName = extract(\"User: ([^,]+)\", 1, Text)",
   "UserName:string\nJohnDoe\n"},
  {"extract-all-function (intro)",
   "print extract_all(@\"(\\d+)\", \"a set of numbers: 123, 567 and 789\")",
   "print_0:dynamic\n[\"123\",\"567\",\"789\"]\n"},
  /* indexof() */
  {"indexof-function#0",
   "print idx1 = indexof(\"abcdefg\",\"cde\"), idx2 = indexof(\"abcdefg\",\"cde\",1,4), "
   "idx3 = indexof(\"abcdefg\",\"cde\",1,2), idx4 = indexof(\"abcdefg\",\"cde\",3,4), "
   "idx5 = indexof(\"abcdefg\",\"cde\",-5), idx6 = indexof(1234567,5,1,4), "
   "idx7 = indexof(\"abcdefg\",\"cde\",2,-1), idx8 = indexof(\"abcdefgabcdefg\", \"cde\", 1, 10, 2), "
   "idx9 = indexof(\"abcdefgabcdefg\", \"cde\", 1, -1, 3)",
   "idx1:long,idx2:long,idx3:long,idx4:long,idx5:long,idx6:long,idx7:long,idx8:long,idx9:long\n"
   "2,2,-1,-1,2,4,2,9,-1\n"},
  /* countof(): the table of calls */
  {"countof-function",
   "print a=countof(\"aaa\", \"a\"), b=countof(\"aaaa\", \"aa\"), c=countof(\"ababa\", \"ab\", \"normal\"), "
   "d=countof(\"ababa\", \"aba\"), e=countof(\"ababa\", \"aba\", \"regex\"), f=countof(\"abcabc\", \"a.c\", \"regex\")",
   "a:long,b:long,c:long,d:long,e:long,f:long\n3,3,2,2,1,2\n"},
  /* substring(): the commented calls */
  {"substring-function",
   "print a=substring(\"123456\", 1), b=substring(\"123456\", 2, 2), c=substring(\"ABCD\", 0, 2), "
   "d=substring(\"123456\", -2, 2)",
   "a:string,b:string,c:string,d:string\n23456,34,AB,56\n"},
  /* strlen() */
  {"strlen-function#0", "print length = strlen(\"hello\")", "length:long\n5\n"},
  {"strlen-function#1", "print length = strlen(\"\xe2\x92\xa6\xe2\x92\xb0\xe2\x92\xae\xe2\x92\xaf\xe2\x92\xaa\")",
   "length:long\n5\n"},
  /* strcat() */
  {"strcat-function#0", "print str = strcat(\"hello\", \" \", \"world\")", "str:string\nhello world\n"},
  {"strcat-function#1", "print MultiLineString = strcat(\"Line 1\\n\", \"Line 2\\n\", \"Line 3\")",
   "MultiLineString:string\nLine 1\nLine 2\nLine 3\n"},
  /* strrep() */
  {"strrep-function#0",
   "print from_str = strrep('ABC', 2), from_int = strrep(123,3,'.'), from_time = strrep(3s,2,' ')",
   "from_str:string,from_int:string,from_time:string\nABCABC,123.123.123,00:00:03 00:00:03\n"},
  /* translate(): the table of calls */
  {"translate-function",
   "print a=translate(\"abc\", \"x\", \"abc\"), b=translate(\"abc\", \"\", \"ab\"), c=translate(\"krasp\", \"otsku\", \"spark\")",
   "a:string,b:string,c:string\nxxx,,kusto\n"},
  /* trim() */
  {"trim-function#1",
   "range x from 1 to 5 step 1 | project str = strcat(\"-  \",\"Te st\",x,@\"// $\") "
   "| extend trimmed_str = trim(@\"[^\\w]+\",str)",
   "str:string,trimmed_str:string\n-  Te st1// $,Te st1\n-  Te st2// $,Te st2\n-  Te st3// $,Te st3\n"
   "-  Te st4// $,Te st4\n-  Te st5// $,Te st5\n"},
  /* reverse() of non-string values */
  {"reverse-function#1",
   "print ['int'] = 12345, ['double'] = 123.45, ['datetime'] = datetime(2017-10-15 12:00), ['timespan'] = 3h "
   "| project rint = reverse(['int']), rdouble = reverse(['double']), "
   "rdatetime = reverse(['datetime']), rtimespan = reverse(['timespan'])",
   "rint:string,rdouble:string,rdatetime:string,rtimespan:string\n"
   "54321,54.321,Z0000000.00:00:21T51-01-7102,00:00:30\n"},
  /* isempty(): the table of values */
  {"isempty-function",
   "print a=isempty(\"\"), b=isempty(\"x\"), c=isempty(parsejson(\"\")), d=isempty(parsejson(\"[]\")), "
   "e=isempty(parsejson(\"{}\"))",
   "a:bool,b:bool,c:bool,d:bool,e:bool\ntrue,false,true,false,false\n"},
  /* toupper() / tolower() */
  {"toupper-function", "print toupper(\"hello\") == \"HELLO\"", "print_0:bool\ntrue\n"},
  /* parse_json(): nested JSON strings */
  {"parse-json-function#1", "let d='{\"a\":123, \"b\":\"{\\\\\"c\\\\\":456}\"}'; print d",
   "print_0:string\n{\"a\":123, \"b\":\"{\\\"c\\\":456}\"}\n"},
  {"parse-json-function#2",
   "let d='{\"a\":123, \"b\":\"{\\\\\"c\\\\\":456}\"}'; print d_b_c=parse_json(tostring(parse_json(d).b)).c",
   "d_b_c:dynamic\n456\n"},
  /* extract_json() with typeof */
  {"extract-json-function#0",
   "let json = '{\"name\": \"John\", \"age\": 30, \"city\": \"New York\"}'; "
   "print extract_json(\"$.name\", json, typeof(string));",
   "print_0:string\nJohn\n"},
  /* base64 */
  {"base64-encode-tostring-function#0", "print Quine=base64_encode_tostring(\"Kusto\")",
   "Quine:string\nS3VzdG8=\n"},
  {"base64-decode-toarray-function#0", "print Quine=base64_decode_toarray(\"S3VzdG8=\")",
   "Quine:dynamic\n[75,117,115,116,111]\n"},
  {"base64-encode-fromguid-function#0",
   "print Quine = base64_encode_fromguid(toguid(\"ae3133f2-6e22-49ae-b06a-16e6a9b212eb\"))",
   "Quine:string\n8jMxriJurkmwahbmqbIS6w==\n"},
  {"base64-encode-fromguid-function#1", "print Empty = base64_encode_fromguid(\"abcd1231\")", "error"},
  /* hash() */
  {"hash-function#0", "print result=hash(\"World\")", "result:long\n1846988464401551951\n"},
  {"hash-function#1", "print result=hash(\"World\", 100)", "result:long\n51\n"},
  {"hash-function#2", "print result=hash(datetime(\"2015-01-01\"))", "result:long\n1380966698541616202\n"},
  /* tohex() */
  {"tohex-function#0",
   "print tohex(256) == '100', tohex(-256) == 'ffffffffffffff00', tohex(toint(-256), 8) == 'ffffff00', "
   "tohex(256, 8) == '00000100', tohex(256, 2) == '100'",
   "print_0:bool,print_1:bool,print_2:bool,print_3:bool,print_4:bool\ntrue,true,true,true,true\n"},
  /* conversions */
  {"toint-function#0", "print toint(\"123\") == 123 |project Integer = print_0", "Integer:bool\ntrue\n"},
  {"toint-function#1", "print toint(2.3) |project Integer = print_0", "Integer:int\n2\n"},
  {"tolong/toreal/tobool-function",
   "print a=tolong(\"123\") == 123, b=todouble(\"123.4\") == 123.4, c=tobool(\"true\") == true, "
   "d=tobool(\"false\") == false, e=tobool(1) == true, f=tobool(123) == true",
   "a:bool,b:bool,c:bool,d:bool,e:bool,f:bool\ntrue,true,true,true,true,true\n"},
  {"todatetime-function#1", "print todatetime('12-02-2022') == datetime('12-02-2022')", "print_0:bool\ntrue\n"},
  /* the datetime page's supported formats (ISO 8601, RFC 822, RFC 850, sortable) */
  {"scalar-data-types/datetime (formats)",
   "print a=todatetime('2014-05-25T08:20') == datetime(2014-05-25 08:20), "
   "b=todatetime('Sat, 8 Nov 14 15:05:02 GMT') == datetime(2014-11-08 15:05:02), "
   "c=todatetime('8 Nov 14 15:05') == datetime(2014-11-08 15:05), "
   "d=todatetime('Saturday, 08-Nov-14 15:05:02 GMT') == datetime(2014-11-08 15:05:02), "
   "e=todatetime('08-Nov-14 15:05') == datetime(2014-11-08 15:05), "
   "f=todatetime('2014-11-08T15:05:25 GMT') == datetime(2014-11-08 15:05:25), "
   "g=todatetime('2014-11-08 15:55:55.123456Z') == datetime(2014-11-08 15:55:55.123456)",
   "a:bool,b:bool,c:bool,d:bool,e:bool,f:bool,g:bool\ntrue,true,true,true,true,true,true\n"},
  /* format_datetime() / format_timespan() */
  {"format-datetime-function#0",
   "let dt = datetime(2017-01-29 09:00:05); print v1=format_datetime(dt,'yy-MM-dd [HH:mm:ss]')",
   "v1:string\n17-01-29 [09:00:05]\n"},
  {"format-datetime-function#1",
   "let dt = datetime(2017-01-29 09:00:05); print v2=format_datetime(dt, 'yyyy-M-dd [H:mm:ss]')",
   "v2:string\n2017-1-29 [9:00:05]\n"},
  {"format-timespan-function#0",
   "let t = time(29.09:00:05.12345); print v1=format_timespan(t, 'dd.hh:mm:ss:FF'), "
   "v2=format_timespan(t, 'ddd.h:mm:ss [fffffff]')",
   "v1:string,v2:string\n29.09:00:05:12,029.9:00:05 [1234500]\n"},
  /* strcmp() */
  {"strcmp-function#0",
   "datatable(string1:string, string2:string) [\"ABC\",\"ABC\", \"abc\",\"ABC\", \"ABC\",\"abc\", \"abcde\",\"abc\"] "
   "| extend result = strcmp(string1,string2)",
   "string1:string,string2:string,result:long\nABC,ABC,0\nabc,ABC,1\nABC,abc,-1\nabcde,abc,1\n"},
  /* strcat_delim() */
  {"strcat-delim-function#0", "print st = strcat_delim('-', 1, '2', 'A', 1s)", "st:string\n1-2-A-00:00:01\n"},
  /* parse_csv() */
  {"parse-csv-function#1",
   "print result=parse_csv('aa,\"b,b,b\",cc,\"Escaping quotes: \"\"Title\"\"\",\"line1\\nline2\"')",
   "result:dynamic\n[\"aa\",\"b,b,b\",\"cc\",\"Escaping quotes: \\\"Title\\\"\",\"line1\\nline2\"]\n"},
  {"parse-csv-function#2", "print result_multi_record=parse_csv('record1,a,b,c\\nrecord2,x,y,z')",
   "result_multi_record:dynamic\n[\"record1\",\"a\",\"b\",\"c\"]\n"},
  /* base64_decode_tostring() of bytes that are not UTF-8 */
  {"base64-decode-tostring-function#1", "print Empty=base64_decode_tostring(\"U3RyaW5n0KHR0tGA0L7Rh9C60LA=\")",
   "Empty:string\n\n"},
  /* format_bytes() */
  {"format-bytes-function#0",
   "print v1 = format_bytes(564), v2 = format_bytes(10332, 1), v3 = format_bytes(20010332), "
   "v4 = format_bytes(20010332, 2), v5 = format_bytes(20010332, 0, \"KB\")",
   "v1:string,v2:string,v3:string,v4:string,v5:string\n564 Bytes,10.1 KB,19 MB,19.08 MB,19541 KB\n"},
  /* the string operators page: every example of its table yields true */
  {"datatypes-string-operators",
   "print a1=\"aBc\" == \"aBc\", a2=\"abc\" != \"ABC\", a3=\"abc\" =~ \"ABC\", a4=\"aBc\" !~ \"xyz\", "
   "b1=\"North America\" has \"america\", b2=\"North America\" !has \"amer\", "
   "b3=\"North America\" has_cs \"America\", b4=\"North America\" !has_cs \"amer\", "
   "c1=\"North America\" hasprefix \"ame\", c2=\"North America\" !hasprefix \"mer\", "
   "c3=\"North America\" hasprefix_cs \"Ame\", c4=\"North America\" !hasprefix_cs \"CA\", "
   "d1=\"North America\" hassuffix \"ica\", d2=\"North America\" !hassuffix \"americ\", "
   "d3=\"North America\" hassuffix_cs \"ica\", d4=\"North America\" !hassuffix_cs \"icA\", "
   "e1=\"FabriKam\" contains \"BRik\", e2=\"Fabrikam\" !contains \"xyz\", e3=\"FabriKam\" contains_cs \"Kam\", "
   "e4=\"Fabrikam\" !contains_cs \"Kam\", f1=\"Fabrikam\" startswith \"fab\", f2=\"Fabrikam\" !startswith \"kam\", "
   "f3=\"Fabrikam\" startswith_cs \"Fab\", f4=\"Fabrikam\" !startswith_cs \"fab\", g1=\"Fabrikam\" endswith \"Kam\", "
   "g2=\"Fabrikam\" !endswith \"brik\", h1=\"Fabrikam\" matches regex \"b.*k\", "
   "i1=\"abc\" in (\"123\", \"345\", \"abc\"), i2=\"bca\" !in (\"123\", \"345\", \"abc\"), "
   "i3=\"abc\" in~ (\"123\", \"345\", \"ABC\"), i4=\"bca\" !in~ (\"123\", \"345\", \"ABC\"), "
   "j1=\"North America\" has_any(\"south\", \"north\")",
   "a1:bool,a2:bool,a3:bool,a4:bool,b1:bool,b2:bool,b3:bool,b4:bool,c1:bool,c2:bool,c3:bool,c4:bool,"
   "d1:bool,d2:bool,d3:bool,d4:bool,e1:bool,e2:bool,e3:bool,e4:bool,f1:bool,f2:bool,f3:bool,f4:bool,"
   "g1:bool,g2:bool,h1:bool,i1:bool,i2:bool,i3:bool,i4:bool,j1:bool\n"
   "true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,"
   "true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true\n"},
  /* the string data type page: splicing literals, verbatim and obfuscated literals */
  {"scalar-data-types/string (splicing)",
   "print myPath1 = @'C:\\Folder\\filename.txt', a=strlen(\"Hello\"', '@\"world!\"), "
   "b=strlen(\"Hello\" ', ' @\"world!\"), c=strlen(\"Hello\"\n  // Comment\n  ', '@\"world!\"), "
   "x=\"https://contoso.blob.core.windows.net/container/blob.txt?\"\n  h'sv=2012-02-12&se=2013-04-13T0...'",
   "myPath1:string,a:long,b:long,c:long,x:string\nC:\\Folder\\filename.txt,13,13,13,"
   "https://contoso.blob.core.windows.net/container/blob.txt?sv=2012-02-12&se=2013-04-13T0...\n"},
  /* the regex syntax page: escapes for code points and word boundaries */
  {"regex (escapes)",
   "print a=extract(@'\\u0041+', 0, 'xAAy'), b=extract(@'\\u{41}+', 0, 'xAAy'), c=extract(@'\\U00000041+', 0, 'xAAy'), "
   "d=extract(@'\\x{41}+', 0, 'xAAy'), e=countof('  hello world', @'\\<\\w+\\>', 'regex'), "
   "f=extract(@'\\b{start}\\w+', 0, '  hello'), g=extract(@'[[:alpha:]]+', 0, '123abc456'), "
   "h=extract(@'(?i)a+(?-i)b+', 0, 'xAAbbB')",
   "a:string,b:string,c:string,d:string,e:long,f:string,g:string,h:string\nAA,AA,AA,AA,2,hello,abc,AAbb\n"},
  /* timespan data type page */
  {"scalar-data-types/timespan#0",
   "print result1 = 1d / 1s, result2 = time(1d) / time(1s), result3 = 24 * 60 * time(00:01:00) / time(1s)",
   "result1:real,result2:real,result3:real\n86400,86400,86400\n"},
};

static void check(const DocCase *c){
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  if( strcmp(c->zExpect, "error")==0 ){
    cr_expect(strncmp(z, "error", 5)==0 || strstr(z, "\nerror")!=0,
              "%s: %s\nexpected an error, got:\n%s", c->zPage, c->zQuery, z);
    cr_expect_neq(rc, KQL_OK);
  }else{
    cr_expect_str_eq(z, c->zExpect, "%s: %s\nexpected:\n%s\ngot:\n%s", c->zPage, c->zQuery, c->zExpect, z);
  }
  free(z);
}

ParameterizedTestParameters(docs_strings, examples){
  static size_t aIdx[sizeof(aDocs)/sizeof(aDocs[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pi, docs_strings, examples){ check(&aDocs[*pi]); }
