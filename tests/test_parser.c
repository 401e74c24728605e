/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the parser (grammar/parser.y + grammar/parse.c) through
** kqlParse() and kqlAstDump(): exact dumps for the core constructs the binder
** relies on, one positive and one negative case for every operator and
** statement, keywords used as names, and syntax errors with their exact
** offsets and messages (including recovery at ';' and the depth guard).
*/
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

/* What one parse produced. */
typedef struct ParseOut ParseOut;
struct ParseOut {
  char *zDump;          /* kqlAstDump of the QUERY node (malloc'ed) */
  int nErr;             /* number of errors */
  int iErrOfst;         /* offset of the first error, -1 when none */
  char zErr[200];       /* message of the first error */
  int nStmt;            /* statements in the QUERY node */
};

static void parseText(const char *z, ParseOut *pOut){
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  KqlAst *pQ;
  kqlDiagInit(&diags, pArena);
  pQ = kqlParse(pArena, z, (int)strlen(z), &diags);
  cr_assert_not_null(pQ);
  pOut->zDump = kqlAstDump(pQ);
  pOut->nErr = diags.nErr;
  pOut->iErrOfst = diags.pFirst ? diags.pFirst->iOfst : -1;
  pOut->zErr[0] = 0;
  if( diags.pFirst ) snprintf(pOut->zErr, sizeof(pOut->zErr), "%s", diags.pFirst->zMsg);
  if( diags.pFirst ) cr_assert_str_eq(diags.pFirst->zCode, "KQL001");
  pOut->nStmt = pQ->nChild;
  kqlArenaFree(pArena);
}

/* Parse z, require no error, and compare the whole dump with zWant. */
static void expectDump(const char *z, const char *zWant){
  ParseOut o;
  parseText(z, &o);
  cr_expect_eq(o.nErr, 0, "[%s]: unexpected error: %s", z, o.zErr);
  cr_expect_str_eq(o.zDump, zWant, "[%s]: dump differs:\n%s", z, o.zDump);
  free(o.zDump);
}

/* ------------------------------------------------------------------ */
/* Exact trees for the core (priority 1) constructs                    */

Test(parser, pipeline_where_project_take){
  expectDump("T | where a == 1 and b has \"x\" | project a, c = b + 1 | take 10",
    "(query @0+63\n"
    "  (pipe @0+63\n"
    "    (ident \"T\" @0+1)\n"
    "    (where @4+26\n"
    "      (binary and @10+20\n"
    "        (binary == @10+6\n"
    "          (ident \"a\" @10+1)\n"
    "          (literal long \"1\" @15+1))\n"
    "        (binary has @21+9\n"
    "          (ident \"b\" @21+1)\n"
    "          (literal string \"x\" @27+3))))\n"
    "    (project @33+20\n"
    "      (ident \"a\" @41+1)\n"
    "      (assign \"c\" @44+9\n"
    "        (binary + @48+5\n"
    "          (ident \"b\" @48+1)\n"
    "          (literal long \"1\" @52+1))))\n"
    "    (take @56+7\n"
    "      (literal long \"10\" @61+2))))\n");
}

Test(parser, sort_keys_and_bits){
  expectDump("T | order by b desc nulls first, c asc, d",
    "(query @0+41\n"
    "  (pipe @0+41\n"
    "    (ident \"T\" @0+1)\n"
    "    (sort @4+37\n"
    "      (sortkey desc nulls-first @13+18\n"
    "        (ident \"b\" @13+1))\n"
    "      (sortkey asc @33+5\n"
    "        (ident \"c\" @33+1))\n"
    "      (sortkey @40+1\n"
    "        (ident \"d\" @40+1)))))\n");
}

Test(parser, summarize_aggs_and_keys){
  expectDump("T | summarize n = count(), arg_max(t, *) by bin(ts, 1h), type",
    "(query @0+61\n"
    "  (pipe @0+61\n"
    "    (ident \"T\" @0+1)\n"
    "    (summarize @4+57\n"
    "      (list @14+26\n"
    "        (assign \"n\" @14+11\n"
    "          (call \"count\" @18+7))\n"
    "        (call \"arg_max\" @27+13\n"
    "          (ident \"t\" @35+1)\n"
    "          (star @38+1)))\n"
    "      (list @41+20\n"
    "        (call \"bin\" @44+11\n"
    "          (ident \"ts\" @48+2)\n"
    "          (literal timespan \"1h\" @52+2))\n"
    "        (ident \"type\" @57+4)))))\n");
}

Test(parser, summarize_without_aggs_or_keys){
  expectDump("T | summarize by a",
    "(query @0+18\n"
    "  (pipe @0+18\n"
    "    (ident \"T\" @0+1)\n"
    "    (summarize @4+14\n"
    "      (list @-1+0)\n"
    "      (list @14+4\n"
    "        (ident \"a\" @17+1)))))\n");
  expectDump("T | summarize count()",
    "(query @0+21\n"
    "  (pipe @0+21\n"
    "    (ident \"T\" @0+1)\n"
    "    (summarize @4+17\n"
    "      (list @14+7\n"
    "        (call \"count\" @14+7))\n"
    "      ())))\n");
}

Test(parser, let_lambda_and_call){
  expectDump("let f = (a:string, b:long = 5) { let c = b; a }; f('x')",
    "(query @0+55\n"
    "  (let \"f\" @0+47\n"
    "    (lambda @8+39\n"
    "      (list @9+20\n"
    "        (param \"a\" @9+8\n"
    "          (type \"string\" @11+6))\n"
    "        (param \"b\" @19+10\n"
    "          (type \"long\" @21+4)\n"
    "          (literal long \"5\" @28+1)))\n"
    "      (block @33+12\n"
    "        (let \"c\" @33+9\n"
    "          (ident \"b\" @41+1))\n"
    "        (ident \"a\" @44+1))))\n"
    "  (call \"f\" @49+6\n"
    "    (literal string \"x\" @51+3)))\n");
}

Test(parser, datatable_and_top){
  expectDump("datatable(a:long, b:string)[1, \"x\"] | top 3 by a asc",
    "(query @0+52\n"
    "  (pipe @0+52\n"
    "    (datatable @0+35\n"
    "      (schema @0+26\n"
    "        (coldecl \"a\" @10+6\n"
    "          (type \"long\" @12+4))\n"
    "        (coldecl \"b\" @18+8\n"
    "          (type \"string\" @20+6)))\n"
    "      (literal long \"1\" @28+1)\n"
    "      (literal string \"x\" @31+3))\n"
    "    (top @38+14\n"
    "      (literal long \"3\" @42+1)\n"
    "      (sortkey asc @47+5\n"
    "        (ident \"a\" @47+1)))))\n");
}

Test(parser, range_print_and_literals){
  expectDump("range x from 1 to 10 step 2",
    "(query @0+27\n"
    "  (range \"x\" @0+27\n"
    "    (literal long \"1\" @13+1)\n"
    "    (literal long \"10\" @18+2)\n"
    "    (literal long \"2\" @26+1)))\n");
  expectDump("print y = x * -2, datetime( 2020-01-01 ), 1.5h, \"a\" 'b', dynamic({\"k\":[1,-2,null]})",
    "(query @0+83\n"
    "  (print @0+83\n"
    "    (assign \"y\" @6+10\n"
    "      (binary * @10+6\n"
    "        (ident \"x\" @10+1)\n"
    "        (unary - @14+2\n"
    "          (literal long \"2\" @15+1))))\n"
    "    (literal datetime \"2020-01-01\" @18+22)\n"
    "    (literal timespan \"1.5h\" @42+4)\n"
    "    (literal string \"ab\" @48+7)\n"
    "    (dynbag @57+26\n"
    "      (pair \"k\" @66+15\n"
    "        (dynarray @70+11\n"
    "          (literal long \"1\" @71+1)\n"
    "          (literal long \"-2\" @73+2)\n"
    "          (literal null \"null\" @76+4))))))\n");
}

Test(parser, in_and_between){
  expectDump("T | where a in (\"x\", \"y\") and b between (1 .. 2)",
    "(query @0+48\n"
    "  (pipe @0+48\n"
    "    (ident \"T\" @0+1)\n"
    "    (where @4+44\n"
    "      (binary and @10+38\n"
    "        (in in @10+15\n"
    "          (ident \"a\" @10+1)\n"
    "          (literal string \"x\" @16+3)\n"
    "          (literal string \"y\" @21+3))\n"
    "        (between between @30+18\n"
    "          (ident \"b\" @30+1)\n"
    "          (literal long \"1\" @41+1)\n"
    "          (literal long \"2\" @46+1))))))\n");
}

Test(parser, member_index_and_names){
  expectDump("print $left.a, x['y'], x[0], ['a b'], -1",
    "(query @0+40\n"
    "  (print @0+40\n"
    "    (member \"a\" @6+7\n"
    "      (ident \"$left\" @6+5))\n"
    "    (index @15+6\n"
    "      (ident \"x\" @15+1)\n"
    "      (literal string \"y\" @17+3))\n"
    "    (index @23+4\n"
    "      (ident \"x\" @23+1)\n"
    "      (literal long \"0\" @25+1))\n"
    "    (ident \"a b\" @29+7)\n"
    "    (unary - @38+2\n"
    "      (literal long \"1\" @39+1))))\n");
}

Test(parser, join_keys_split_and){
  expectDump("T | join kind=inner (U) on $left.a == $right.b and c",
    "(query @0+52\n"
    "  (pipe @0+52\n"
    "    (ident \"T\" @0+1)\n"
    "    (join @4+48\n"
    "      (opts\n"
    "        (namedarg \"kind\" @9+10\n"
    "          (ident \"inner\" @14+5)))\n"
    "      (ident \"U\" @20+3)\n"
    "      (binary == @27+19\n"
    "        (member \"a\" @27+7\n"
    "          (ident \"$left\" @27+5))\n"
    "        (member \"b\" @38+8\n"
    "          (ident \"$right\" @38+6)))\n"
    "      (ident \"c\" @51+1))))\n");
}

Test(parser, string_literal_decoding){
  expectDump("print \"a\\tb\\u00e9\\x41\\\\\", @'c:\\d''e', h'x'",
    "(query @0+42\n"
    "  (print @0+42\n"
    "    (literal string \"a\\tbéA\\\\\" @6+18)\n"
    "    (literal string \"c:\\\\d'e\" @26+10)\n"
    "    (literal string \"x\" @38+4)))\n");
}

Test(parser, typed_literals_payload){
  ParseOut o;
  parseText("print int(5), long(-1), real(nan), bool(TRUE), decimal(1.5), timespan(1.02:00:00), "
            "guid(74be27de-1e4e-49d9-b579-fe0b331d3642), datetime(null), true, 0x1F, 1e3", &o);
  cr_assert_eq(o.nErr, 0, "%s", o.zErr);
  cr_expect(strstr(o.zDump, "(literal int \"5\"")!=0);
  cr_expect(strstr(o.zDump, "(literal long \"-1\"")!=0);
  cr_expect(strstr(o.zDump, "(literal real \"nan\"")!=0);
  cr_expect(strstr(o.zDump, "(literal bool \"true\" @35+10")!=0, "%s", o.zDump);
  cr_expect(strstr(o.zDump, "(literal decimal \"1.5\"")!=0);
  cr_expect(strstr(o.zDump, "(literal timespan \"1.02:00:00\"")!=0);
  cr_expect(strstr(o.zDump, "(literal guid \"74be27de-1e4e-49d9-b579-fe0b331d3642\"")!=0);
  cr_expect(strstr(o.zDump, "(literal datetime \"null\"")!=0);
  cr_expect(strstr(o.zDump, "(literal bool \"true\" @143+4")!=0, "%s", o.zDump);
  cr_expect(strstr(o.zDump, "(literal long \"0x1F\"")!=0);
  cr_expect(strstr(o.zDump, "(literal real \"1e3\"")!=0);
  free(o.zDump);
}

/* ------------------------------------------------------------------ */
/* Every operator and statement: one that parses (with a fragment its  */
/* dump must contain) and one that does not (message and offset).     */

typedef struct GoodCase GoodCase;
struct GoodCase {
  const char *zQuery;
  const char *zWant;    /* must occur in the dump */
};

static const GoodCase aGood[] = {
  { "T | where a > 1",                              "(where @4+11" },
  { "T | filter a > 1",                             "(where @4+12" },
  { "T | project a, b = 1",                         "(project @4+16" },
  { "T | project-away a, b*, *c",                   "(wildcard \"b*\" @20+2)" },
  { "T | project-keep a*, b",                       "(project-keep @4+18" },
  { "T | project-rename x = a, y = b",              "(assign \"x\" @19+5" },
  { "T | project-reorder b*, a asc",                "(sortkey asc @24+5" },
  { "T | extend x = 1, y",                          "(extend @4+15" },
  { "T | extend (a, b) = f(x)",                     "(multiassign @11+13" },
  { "T | summarize hint.strategy=shuffle count() by k", "(namedarg \"hint.strategy\" @14+21" },
  { "T | count",                                    "(count @4+5)" },
  { "T | distinct a, b",                            "(distinct @4+13" },
  { "T | distinct *",                               "(star @13+1)" },
  { "T | take 5",                                   "(take @4+6" },
  { "T | limit 5",                                  "(take @4+7" },
  { "T | top 3 by a desc nulls last",               "(sortkey desc nulls-last @13+17" },
  { "T | top-nested 3 of a by count(), top-nested 2 of b with others = \"o\" by sum(x) desc",
                                                    "(namedarg \"others\"" },
  { "T | top-hitters 5 of a by b",                  "(top-hitters @4+23" },
  { "T | sort by a",                                "(sort @4+9" },
  { "T | join kind=leftouter hint.strategy=broadcast (U | where x) on a", "(namedarg \"hint.strategy\"" },
  { "T | join U on a",                              "(join @4+11" },
  { "T | lookup kind=inner U on a",                 "(lookup @4+24" },
  { "union withsource=Src isfuzzy=true T1, T2*, (T3 | take 1)", "(wildcard \"T2*\" @38+3)" },
  { "union *",                                      "(wildcard \"*\" @6+1)" },
  { "T | union kind=outer U",                       "(union @4+18" },
  { "T | mv-expand with_itemindex=i bagexpansion=array a to typeof(long), b = c limit 10",
                                                    "(namedarg \"limit\"" },
  { "T | mvexpand a",                               "(mv-expand @4+10" },
  { "T | mv-apply x = arr to typeof(long) on (summarize max(x) | take 1)", "(context @41+0)" },
  { "T | parse kind=regex flags=Ui Col with * \"a=\" A:string \" b=\" B:long *", "(coldecl \"B\" @61+6" },
  { "T | parse-where Col with \"x\" y",             "(parse \"parse-where\" @4+26" },
  { "T | parse-kv Col as (a:string, b:long) with (pair_delimiter=\",\")", "(parse-kv @4+60" },
  { "T | evaluate bag_unpack(x, columnsConflict=\"keep_source\")", "(namedarg \"columnsConflict\"" },
  { "T | evaluate pivot(a): (k:string, n:long)",    "(schema @4+37" },
  { "T | make-series n = count() default = 0 on ts from ago(1d) to now() step 1h by a",
                                                    "(namedarg \"default\"" },
  { "T | make-series n = count() on ts in range(ago(1d), now(), 1h)", "(make-series @4+58" },
  { "T | serialize rn = row_number()",              "(serialize @4+27" },
  { "T | serialize",                                "(serialize @4+9)" },
  { "T | sample 10",                                "(sample @4+9" },
  { "T | sample-distinct 5 of a",                   "(sample-distinct @4+22" },
  { "search \"x\"",                                 "(search @0+10" },
  { "T | search kind=case_sensitive \"x\"",         "(search @4+30" },
  { "search in (T1, T2*) \"x\" and a:\"b\"",        "(binary : @28+5" },
  { "search *",                                     "(star @7+1)" },
  { "find withsource=S in (T1, T*) where a == 1 project a, b", "(wildcard \"T*\" @26+2)" },
  { "find where x == 1",                            "(find @0+17" },
  { "T | as hint.materialized=true X",              "(as \"X\" @4+27" },
  { "T | invoke f(1)",                              "(invoke @4+11" },
  { "T | render timechart with (title=\"t\", ycolumns=a, b, kind=stacked)", "(render \"timechart\"" },
  { "T | getschema",                                "(getschema @4+9)" },
  { "range x from 1 to 10 step 1",                  "(range \"x\" @0+27" },
  { "datatable(a:long, b:string)[1, \"x\", 2, \"y\"]", "(datatable @0+43" },
  { "print a=1, 2",                                 "(print @0+12" },
  { "externaldata (a:string)[\"https://x\"] with (format=\"csv\")", "(externaldata @0+56" },
  { "let t = materialize(T | take 1); t",           "(call \"materialize\" @8+23" },
  { "print toscalar(T | count)",                    "(call \"toscalar\" @6+19" },
  { "T | fork (where a == 1) (take 1) x = (count)", "(fork @4+40" },
  { "T | facet by a, b with (take 1)",              "(facet @4+27" },
  { "T | partition hint.strategy=native by a (top 1 by b)", "(partition @4+48" },
  { "T | partition by a { U | take 1 }",            "(partition @4+29" },
  { "T | scan with_match_id=id declare (s:string = \"x\") with (step s1 output=last: a == 1 => s = \"y\"; step s2: b == 2;)",
                                                    "(scan-step \"s1\"" },
  { "T | consume decodeblocks=true",                "(consume @4+25" },
  { "T | reduce kind=source by Msg with threshold=0.1, characters=\"x\"", "(namedarg \"threshold\"" },
  { "let f = (T:(*), x:string = \"d\") { T | where a == x }; f(U, \"q\")", "(schema \"*\" @11+3)" },
  { "let g = (T:(a:string, b:long)) { T }; g(U)",  "(param \"T\" @9+20" },
  { "let v = view () { T };",                       "(lambda \"view\" @8+13" },
  { "declare query_parameters(a:string = \"x\", b:long);", "(declare @0+48" },
  { "set notruncation;",                            "(set \"notruncation\" @0+16)" },
  { "set query_now = datetime(2020-01-01);",        "(set \"query_now\" @0+36" },
  { "declare pattern p;",                           "(pattern \"p\" @0+17)" },
  { "alias database db = cluster(\"c\").database(\"d\");", "(call method \"database\"" },
  { "restrict access to (T1, T2*);",                "(wildcard \"T2*\" @24+3)" },
  { "table('x') | take 1",                          "(call \"table\" @0+10" },
  { "print typeof(string), typeof(a:long, *)",      "(type \"string\" @6+14)" },
  { "T | where x in (U | project y) and z !in (\"a\") and w in~ (\"A\") and v has_any (dynamic([\"a\"]))",
                                                    "(in has_any" },
  { "T | where a between (1 .. 5) and b !between (1d .. 2d)", "(between !between" },
  { "T | where a matches regex \"x\" and b !contains_cs \"y\" and c !has \"z\"", "(binary matches regex" },
  { "print d.['a b'], x.[0]",                       "(index @17+5" },
  { "T | extend kind_ = 1, count = 2, type = 3",    "(assign \"count\" @22+9" },
  { "T | summarize count() by type",                "(ident \"type\" @25+4)" },
  { "T | where count > 5 | project count, type",   "(ident \"count\" @30+5)" },
  { "T | project as = 1, where = 2",                "(assign \"where\" @20+9" },
  { "T | extend step = 1, with = 2, on = 3, from = 4", "(assign \"from\" @39+8" },
  { "T | count as n",                              "(namedarg \"as\" @10+4" },
  { "T | render timechart kind=stacked title=\"x\" with (ytitle=\"y\")", "(namedarg \"ytitle\"" },
  { "declare pattern p = (a:string) [b:string] { (\"x\").[\"y\"] = { T }; };", "(pattern \"p\" @0+66" },
  { "T | parse x with",                             "(parse \"parse\" @4+12" },
  { "T | project",                                  "(project @4+7)" },
  { "print range(1, 5, 2)",                         "(call \"range\" @6+14" },
  { "T | project typeof, mvexpand, range",         "(ident \"mvexpand\" @20+8)" },
  { "T | mvexpand a | mvapply b on (take 1)",       "(mv-apply @17+21" },
  { "let 2022Report = 1; print 2022Report",         "(let \"2022Report\"" },
  { "T | where a has_any (1) | where b:\"x\"",     "(binary : @32+5" },
  { "let x = 1;;; print x;",                        "(print @13+7" },
  { "T\n| where a // comment\n| take 1",            "(take @25+6" },
};

Test(parser, every_operator_parses){
  for(int i=0; i<(int)(sizeof(aGood)/sizeof(aGood[0])); i++){
    ParseOut o;
    parseText(aGood[i].zQuery, &o);
    cr_expect_eq(o.nErr, 0, "case %d [%s]: error at %d: %s", i, aGood[i].zQuery, o.iErrOfst, o.zErr);
    cr_expect(strstr(o.zDump, aGood[i].zWant)!=0, "case %d [%s]: dump lacks %s:\n%s",
              i, aGood[i].zQuery, aGood[i].zWant, o.zDump);
    free(o.zDump);
  }
}

typedef struct BadCase BadCase;
struct BadCase {
  const char *zQuery;
  int iOfst;            /* offset of the first error */
  const char *zMsg;     /* its message */
};

static const BadCase aBad[] = {
  { "T | where",                         9,  "incomplete query" },
  { "T | filter a b",                    13, "near \"b\": syntax error" },
  { "T | project a b",                   14, "near \"b\": syntax error" },
  { "T | project-away a + b",            19, "near \"+\": syntax error" },
  { "T | project-keep 1",                17, "near \"1\": syntax error" },
  { "T | project-rename a",              20, "incomplete query" },
  { "T | project-reorder a +",           22, "near \"+\": syntax error" },
  { "T | extend a = ",                   14, "incomplete query" },
  { "T | summarize count() by",          24, "incomplete query" },
  { "T | count 5",                       10, "near \"5\": syntax error" },
  { "T | distinct",                      12, "incomplete query" },
  { "T | take",                          8,  "incomplete query" },
  { "T | limit by",                      10, "near \"by\": syntax error" },
  { "T | top 3 a",                       10, "near \"a\": syntax error, expected 'by'" },
  { "T | top-nested 3 by a",             17, "near \"by\": syntax error, expected 'of'" },
  { "T | top-hitters 3 by a",            18, "near \"by\": syntax error, expected 'of'" },
  { "T | sort a",                        9,  "near \"a\": syntax error, expected 'by'" },
  { "T | order by a up",                 15, "near \"up\": syntax error" },
  { "T | join kind=inner",              19, "incomplete query" },
  { "T | lookup U a",                    13, "near \"a\": syntax error" },
  { "union",                             5,  "incomplete query" },
  { "T | union kind=outer",              20, "incomplete query" },
  { "T | mv-expand",                     13, "incomplete query" },
  { "T | mv-apply x on summarize",       18, "near \"summarize\": syntax error, expected '('" },
  { "T | parse x y",                     12, "near \"y\": syntax error, expected 'with'" },
  { "T | parse-where x \"y\"",           18, "near \"\"y\"\": syntax error, expected 'with'" },
  { "T | parse-kv x (a:string)",         17, "expected ')' to close '(' at 1:16" },
  { "T | evaluate",                      12, "incomplete query" },
  { "T | make-series count() step 1h",   24, "near \"step\": syntax error, expected ',' or 'on'" },
  { "T | serialize x y",                 16, "near \"y\": syntax error" },
  { "T | sample",                        10, "incomplete query" },
  { "T | sample-distinct 3 a",           22, "near \"a\": syntax error, expected 'of'" },
  { "search in T \"x\"",                 10, "near \"T\": syntax error, expected '('" },
  { "find in (T) project a",             12, "near \"project\": syntax error" },
  { "T | as",                            6,  "incomplete query" },
  { "T | invoke",                        10, "incomplete query" },
  { "T | render",                        10, "incomplete query" },
  { "T | getschema x",                   14, "near \"x\": syntax error" },
  { "range x from 1 to 10",              20, "incomplete query" },
  { "datatable(a:long)(1)",              17, "near \"(\": syntax error, expected '['" },
  { "print",                             5,  "incomplete query" },
  { "externaldata (a:string) \"x\"",     24, "near \"\"x\"\": syntax error, expected '['" },
  { "T | fork where a",                  9,  "near \"where\": syntax error" },
  { "T | facet a",                       10, "near \"a\": syntax error, expected 'by'" },
  { "T | partition by a take 1",         19, "near \"take\": syntax error, expected '(' or '{'" },
  { "T | scan with (step s1 a == 1;)",   23, "near \"a\": syntax error, expected ':'" },
  { "T | consume x",                     12, "near \"x\": syntax error" },
  { "T | reduce Msg",                    11, "near \"Msg\": syntax error, expected 'by'" },
  { "let = 1",                           4,  "near \"=\": syntax error" },
  { "let f = (a:string) { a",            22, "expected '}' to close '{' at 1:20" },
  { "declare query_params(a:long);",     8,  "near \"query_params\": syntax error, expected 'query_parameters'" },
  { "set = 1",                           4,  "near \"=\": syntax error" },
  { "restrict access (T)",               16, "near \"(\": syntax error, expected 'to'" },
  { "print f(a b)",                      10, "expected ')' to close '(' at 1:8" },
  { "print x[1",                         9,  "expected ']' to close '[' at 1:8" },
  { "print dynamic({\"a\" 1})",          19, "near \"1\": syntax error, expected ':'" },
  { "print dynamic([1,])",               17, "near \"]\": syntax error" },
  { "print 1 == 2 == 3",                 13, "near \"==\": syntax error" },
  { "print 1 < 2 < 3",                   12, "near \"<\": syntax error" },
  { "print 1 in (1) == true",            15, "near \"==\": syntax error" },
  { "print - -1",                        8,  "near \"-\": syntax error" },
  { "print !true",                       6,  "unexpected character '!'" },
  { "T | project and",                   12, "near \"and\": syntax error" },
  { "T | Where a",                       4,  "near \"Where\": syntax error" },
  { "print \"abc",                       6,  "unterminated string literal" },
  { "print \"a\\qb\"",                   8,  "invalid escape sequence '\\q' in string literal" },
  { "print ```abc",                      6,  "unterminated multi-line string literal" },
  { "print datetime(2020-01-01",         6,  "expected ')' to close 'datetime('" },
  { "print a \xff",                      8,  "invalid UTF-8 byte 0xff" },
  { "print \"a\xc3(\"",                  8,  "invalid UTF-8 byte 0xc3" },
  { "T | where a # b",                   12, "unexpected character '#'" },
  { "let v = view { T }",                13, "near \"{\": syntax error, expected '('" },
  { "print toscalar(T | count",          24, "expected ')' to close '(' at 1:15" },
  { "declare pattern",                   15, "incomplete query" },
  { "alias database = 1",                15, "near \"=\": syntax error" },
  { "T | extend (a, b) = ",              19, "incomplete query" },
  { "print typeof(long",                 17, "expected ')' to close '(' at 1:13" },
  { "print $left.",                      12, "incomplete query" },
  { "T | as hint.materialized=true",     29, "incomplete query" },
  { "let f = (a) { a }",                 12, "near \"{\": syntax error" },
  { "T | mv-expand a to typeof(",        26, "incomplete query" },
  { "print table('x'",                   15, "expected ')' to close '(' at 1:12" },
  { "print x = (1, 2)",                  12, "expected ')' to close '(' at 1:11" },
  { "T | where (a == 1",                 17, "expected ')' to close '(' at 1:11" },
};

Test(parser, every_operator_rejects){
  for(int i=0; i<(int)(sizeof(aBad)/sizeof(aBad[0])); i++){
    ParseOut o;
    parseText(aBad[i].zQuery, &o);
    cr_expect(o.nErr>=1, "case %d [%s]: no error", i, aBad[i].zQuery);
    cr_expect_eq(o.iErrOfst, aBad[i].iOfst, "case %d [%s]: error at %d, want %d (%s)",
                 i, aBad[i].zQuery, o.iErrOfst, aBad[i].iOfst, o.zErr);
    cr_expect_str_eq(o.zErr, aBad[i].zMsg, "case %d [%s]: message [%s], want [%s]",
                     i, aBad[i].zQuery, o.zErr, aBad[i].zMsg);
    free(o.zDump);
  }
}

/* ------------------------------------------------------------------ */
/* Statements, recovery and limits                                     */

Test(parser, statements_and_empty_statements){
  ParseOut o;
  parseText(";; let a = 1; let b = T | take 1;;\nb;", &o);
  cr_assert_eq(o.nErr, 0, "%s", o.zErr);
  cr_expect_eq(o.nStmt, 3);
  free(o.zDump);
  parseText("", &o);
  cr_expect_eq(o.nErr, 0);
  cr_expect_eq(o.nStmt, 0);
  free(o.zDump);
}

Test(parser, each_statement_reports_its_first_error){
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  const char *z = "let a = ;\nT | where (x > 1; \nprint b c;\nprint ok";
  KqlAst *pQ;
  kqlDiagInit(&diags, pArena);
  pQ = kqlParse(pArena, z, (int)strlen(z), &diags);
  /* statement 1 fails at ';', statement 2 at ';' inside '(' which then runs
  ** to the end of the text; the good statements after an error are kept only
  ** when the skip finds a top-level ';' */
  cr_assert_eq(diags.nErr, 2);
  cr_expect_eq(diags.pFirst->iOfst, 8);
  cr_expect_str_eq(diags.pFirst->zMsg, "near \";\": syntax error");
  cr_expect_eq(diags.pFirst->pNext->iOfst, 26);
  cr_expect_str_eq(diags.pFirst->pNext->zMsg, "expected ')' to close '(' at 2:11");
  cr_expect_eq(pQ->nChild, 0);
  kqlArenaFree(pArena);

  pArena = kqlArenaNew();
  kqlDiagInit(&diags, pArena);
  z = "print a b; print 1; T | take; print 2";
  pQ = kqlParse(pArena, z, (int)strlen(z), &diags);
  cr_assert_eq(diags.nErr, 2);
  cr_expect_eq(diags.pFirst->iOfst, 8);
  cr_expect_eq(diags.pFirst->pNext->iOfst, 28);
  cr_expect_str_eq(diags.pFirst->pNext->zMsg, "near \";\": syntax error");
  cr_expect_eq(pQ->nChild, 2, "the two good statements are kept");
  kqlArenaFree(pArena);
}

Test(parser, deep_nesting_is_an_error){
  int n = 10000;
  char *z = malloc((size_t)n*2 + 16);
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  strcpy(z, "print ");
  for(int i=0; i<n; i++) z[6+i] = '(';
  z[6+n] = '1';
  for(int i=0; i<n; i++) z[7+n+i] = ')';
  z[7+2*n] = 0;
  kqlDiagInit(&diags, pArena);
  kqlParse(pArena, z, (int)strlen(z), &diags);
  cr_assert_eq(diags.nErr, 1);
  cr_expect_str_eq(diags.pFirst->zMsg, "query nested too deeply");
  cr_expect_eq(diags.pFirst->iOfst, 6 + KQL_MAX_DEPTH);
  kqlArenaFree(pArena);
  free(z);
}

Test(parser, long_flat_chains_are_limited){
  /* 1 MB of "1+1+...": flat for the parser, deep as a tree */
  int n = 500000;
  char *z = malloc((size_t)n*2 + 16);
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  int j = 0;
  j += sprintf(z, "print ");
  for(int i=0; i<n; i++){ z[j++] = '1'; z[j++] = '+'; }
  z[j++] = '1';
  z[j] = 0;
  kqlDiagInit(&diags, pArena);
  KqlAst *pQ = kqlParse(pArena, z, j, &diags);
  cr_assert_eq(diags.nErr, 1);
  cr_expect_str_eq(diags.pFirst->zMsg, "query nested too deeply");
  cr_expect_eq(pQ->nChild, 0);
  kqlArenaFree(pArena);
  free(z);
}

Test(parser, garbage_never_crashes){
  /* every byte value in a few positions of a real query */
  static const char zBase[] = "T | where a == \"x\" | project b = dynamic([1]) | take 1";
  int nBase = (int)strlen(zBase);
  for(int c=1; c<256; c+=3){
    for(int k=0; k<nBase; k+=7){
      char z[128];
      memcpy(z, zBase, (size_t)nBase + 1);
      z[k] = (char)c;
      KqlArena *pArena = kqlArenaNew();
      KqlDiagList diags;
      kqlDiagInit(&diags, pArena);
      KqlAst *pQ = kqlParse(pArena, z, nBase, &diags);
      cr_assert_not_null(pQ);
      cr_assert(diags.nErr>0 || pQ->nChild==1);
      kqlArenaFree(pArena);
    }
  }
}
