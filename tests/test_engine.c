/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** End-to-end semantics through the public API: each case is a KQL query
** over self-made data (datatable, print, range) and the exact expected
** result — header with KQL types, then rows — or the exact diagnostics with
** their byte offsets. Expected values come from the KQL reference docs'
** rules (sort defaults to descending, range is inclusive, % is never
** negative, summarize names count_ / sum_x, extend replaces in place...).
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include "kqltest.h"
#include "kql.h"

typedef struct EngCase EngCase;
struct EngCase {
  const char *zQuery;
  const char *zExpect;
};

static const EngCase aCase[] = {
  /* 0: arithmetic and KQL's integer rules */
  {"print x=1+2", "x:long\n3\n"},
  {"print 7/2, -7/2, 7%3, -14%12, 14%-12",
   "print_0:long,print_1:long,print_2:long,print_3:long,print_4:long\n3,-3,1,10,2\n"},
  {"print a=1.0/2, b=1/2.0, c=real(1)/2", "a:real,b:real,c:real\n0.5,0.5,0.5\n"},
  {"print int(1) + int(2)", "print_0:long\n3\n"},
  /* 4: where / project / default descending sort */
  {"datatable(a:long, b:string)[1,\"x\",2,\"y\",3,\"z\"] | where a > 1 | project b, a | order by a",
   "b:string,a:long\nz,3\ny,2\n"},
  {"datatable(a:long)[2, long(null), 1] | sort by a asc", "a:long\nnull\n1\n2\n"},
  {"datatable(a:long)[2, long(null), 1] | sort by a", "a:long\n2\n1\nnull\n"},
  {"datatable(a:long)[2, long(null), 1] | sort by a asc nulls last", "a:long\n1\n2\nnull\n"},
  /* 8: take, count, range (inclusive, negative step) */
  {"range x from 1 to 10 step 1 | take 3 | count", "Count:long\n3\n"},
  {"range x from 1 to 5 step 2", "x:long\n1\n3\n5\n"},
  {"range x from 5 to 1 step -2", "x:long\n5\n3\n1\n"},
  {"range d from datetime(2026-01-01) to datetime(2026-01-03) step 1d",
   "d:datetime\n2026-01-01T00:00:00Z\n2026-01-02T00:00:00Z\n2026-01-03T00:00:00Z\n"},
  /* 12: summarize naming, keys first, empty input without keys */
  {"datatable(k:string, v:long)[\"a\",1,\"b\",2,\"a\",3] | summarize count(), sum(v), max(v) by k | order by k asc",
   "k:string,count_:long,sum_v:long,max_v:long\na,2,4,3\nb,1,2,2\n"},
  {"datatable(v:long)[] | summarize count()", "count_:long\n0\n"},
  /* union: a name with two types becomes name_type; a real column of that
  ** name keeps it and the synthesized one is numbered (the docs' example) */
  {"union withsource=T (print x=1), (print x=toint(2)), (print x_long=3)",
   "T:string,x_long1:long,x_int:int,x_long:long\nunion_arg0,1,null,null\nunion_arg1,null,2,null\nunion_arg2,null,null,3\n"},
  /* make_dictionary: the deprecated name of make_bag, named dictionary_X */
  {"datatable(d:dynamic)[dynamic({\"a\":1}), dynamic({\"b\":2})] | summarize make_dictionary(d)",
   "dictionary_d:dynamic\n{\"a\":1,\"b\":2}\n"},
  /* print names every unnamed item print_N, whatever the function */
  {"let y = \"s\"; print strlen(y), tostring(1), n = strlen(\"ab\")",
   "print_0:long,print_1:string,n:long\n1,1,2\n"},
  /* summarize naming of the less common aggregates (covariance as the docs show it) */
  {"datatable(x:real, y:real)[1.0, 14.0, 2.0, 10.0, 3.0, 17.0, 4.0, 20.0, 5.0, 50.0]"
   " | summarize covariance(x, y), count_distinct(x), anyif(x, x > 4), take_anyif(y, x > 4)",
   "covariance_x_y:real,count_distinct_x:long,anyif_x:real,y:real\n20.5,5,5,50\n"},
  {"datatable(v:long)[1,2,3] | summarize n=count(), c=countif(v > 1)", "n:long,c:long\n3,2\n"},
  /* 15: extend replaces in place and sees earlier items */
  {"datatable(a:long, b:long)[1,2] | extend a = a + 10, c = a * 2", "a:long,b:long,c:long\n11,2,22\n"},
  /* 16: in / !in over a let-bound dynamic array, and scalar lists */
  {"let ips = dynamic([\"10.0.0.1\",\"10.0.0.2\"]); datatable(ip:string)[\"10.0.0.1\",\"10.0.0.10\",\"10.0.0.2\"] | where ip in (ips)",
   "ip:string\n10.0.0.1\n10.0.0.2\n"},
  {"let ips = dynamic([\"10.0.0.1\",\"10.0.0.2\"]); datatable(ip:string)[\"10.0.0.1\",\"10.0.0.10\",\"10.0.0.2\"] | where ip !in (ips)",
   "ip:string\n10.0.0.10\n"},
  {"datatable(a:long)[1,2,3,4] | where a in (2, 4)", "a:long\n2\n4\n"},
  /* 19: top, distinct */
  {"range x from 1 to 10 step 1 | top 2 by x", "x:long\n10\n9\n"},
  {"datatable(a:long)[1,1,2] | distinct a | order by a asc", "a:long\n1\n2\n"},
  /* 21: datetime and timespan arithmetic, now() pinned */
  {"print d = datetime(2026-01-02) - datetime(2026-01-01), e = datetime(2026-01-01) + 1h",
   "d:timespan,e:datetime\n1.00:00:00,2026-01-01T01:00:00Z\n"},
  {"print ago(1d), now()", "print_0:datetime,print_1:datetime\n2026-06-09T00:00:00Z,2026-06-10T00:00:00Z\n"},
  {"print 1h/1m, 1h*2, 1h/2", "print_0:real,print_1:timespan,print_2:timespan\n60,02:00:00,00:30:00\n"},
  /* 24: arg_max(t, *) by k */
  {"datatable(k:string, t:long, v:string)[\"a\",1,\"x\",\"a\",3,\"y\",\"b\",2,\"z\"] | summarize arg_max(t, *) by k | order by k asc",
   "k:string,t:long,v:string\na,3,y\nb,2,z\n"},
  /* 25: conditionals, null and empty tests */
  {"print iff(1 > 2, \"a\", \"b\"), case(false, 1, true, 2, 3)", "print_0:string,print_1:long\nb,2\n"},
  {"print isempty(\"\"), isnull(\"\"), isnull(long(null)), isnotempty(\"x\")",
   "print_0:bool,print_1:bool,print_2:bool,print_3:bool\ntrue,false,true,true\n"},
  {"range x from 1 to 10 step 1 | where x between (3 .. 5) | count", "Count:long\n3\n"},
  {"range x from 1 to 10 step 1 | where x !between (3 .. 5) | count", "Count:long\n7\n"},
  /* 29: hostile names and strings reach SQL only quoted or bound */
  {"datatable(['a\"b; DROP TABLE x; --']:string)[\"v\"] | project ['a\"b; DROP TABLE x; --']",
   "a\"b; DROP TABLE x; --:string\nv\n"},
  {"print s = 'it''s'", "s:string\nits\n"},
  {"print s = \"a'b\\\"c; DROP\"", "s:string\na'b\"c; DROP\n"},
  /* 32: binder errors with exact positions */
  {"datatable(a:long)[1] | where b > 1", "error KQL103 @29+1: unknown column 'b'\n"},
  {"datatable(abc:long)[1] | where abd > 1", "error KQL103 @31+3: unknown column 'abd' (did you mean 'abc'?)\n"},
  {"print nosuchfn(1)", "error KQL109 @6+11: unknown function 'nosuchfn'\n"},
  {"NoSuchTable | take 1",
   "error KQL101 @0+11: unknown table 'NoSuchTable' (no --data directory or --table mapping names it)\n"},
  {"print x = 1 + \"a\"", "error KQL141 @10+7: cannot apply '+' to long and string\n"},
  /* 37: let scalar, let tabular, let function */
  {"let n = 2; let T = range x from 1 to 5 step 1; T | where x > n | count", "Count:long\n3\n"},
  {"let f = (a:long) { a * 10 }; print f(4)", "print_0:long\n40\n"},
  /* 39: project-away / project-rename / project-reorder / getschema */
  {"datatable(a:long, b:long, c:long)[1,2,3] | project-away b", "a:long,c:long\n1,3\n"},
  {"datatable(a:long, b:long)[1,2] | project-rename x = a", "x:long,b:long\n1,2\n"},
  {"datatable(a:long, b:long)[1,2] | project-reorder b", "b:long,a:long\n2,1\n"},
  /* 42: toscalar, materialize */
  {"let m = toscalar(range x from 1 to 4 step 1 | summarize max(x)); print m", "print_0:long\n4\n"},
  /* 43: dynamic member access and comparison */
  {"print d = dynamic({\"a\": {\"b\": 5}, \"s\": \"x\"}) | project v = d.a.b, w = d[\"s\"], t = d.s == \"x\"",
   "v:dynamic,w:dynamic,t:bool\n5,\"x\",true\n"},
  /* 44: extract_json with a JSONPath subset and typeof() */
  {"print a=extract_json(\"$.a.b[1]\", @'{\"a\":{\"b\":[1,22]}}', typeof(long)), b=extractjson(\"$['x y']\", @'{\"x y\":\"s\"}')",
   "a:long,b:string\n22,s\n"},
  /* 45: parse_xml: attributes as @name, repeated elements as arrays, text-only elements as strings */
  {"print x=parse_xml('<E a=\"1\"><D n=\"x\">v &amp; w</D><D n=\"y\"/><S><I>7</I></S></E>'), bad=parse_xml('<a><b></a>')",
   "x:dynamic,bad:dynamic\n{\"E\":{\"@a\":\"1\",\"D\":[{\"@n\":\"x\",\"#text\":\"v & w\"},{\"@n\":\"y\"}],\"S\":{\"I\":\"7\"}}},null\n"},
  /* 46: summarize by bin-like expression and ColumnN naming */
  {"datatable(v:long)[1,2,3] | summarize count() by v % 2 | order by Column1 asc",
   "Column1:long,count_:long\n0,1\n1,2\n"},
};

ParameterizedTestParameters(engine, cases){
  static size_t aIdx[sizeof(aCase)/sizeof(aCase[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}

ParameterizedTest(size_t *pi, engine, cases){
  const EngCase *c = &aCase[*pi];
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  size_t nExp = strlen(c->zExpect);
  if( strncmp(c->zExpect, "error", 5)==0 && c->zExpect[nExp-1]!='\n' ){
    /* prefix match for errors whose message is the parser's */
    cr_expect(strncmp(z, c->zExpect, nExp)==0, "case %zu: %s\nexpected prefix:\n%s\ngot:\n%s",
              *pi, c->zQuery, c->zExpect, z);
    cr_expect_neq(rc, KQL_OK);
  }else{
    cr_expect_str_eq(z, c->zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", *pi, c->zQuery, c->zExpect, z);
  }
  free(z);
}
