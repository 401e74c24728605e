/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the aggregate built-ins (fn_agg.c, fn_aggdyn.c) through plain
** SQL over small tables, with the KQL reference docs' examples where they
** give values. Each case table runs on one database, in order, so the first
** case creates the data. Type tags: 'a'+KQL_T_*: d long, e real, g string,
** h datetime, k dynamic.
*/
#include "fnbtest.h"

/* WITH clause: x = 1..100 */
#define R100 "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM r WHERE x<100) "
/* WITH clause: x = 1..5 */
#define R5   "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM r WHERE x<5) "

static const FnbCase aStats[] = {
  {R5 "SELECT kql_stdev(x) FROM r",                                   "1.58113883008419"},
  {R5 "SELECT kql_variance(x) FROM r",                                "2.5"},
  {R5 "SELECT kql_variancep(x) FROM r",                               "2"},
  {R5 "SELECT kql_stdevp(x) FROM r",                                  "1.4142135623731"},
  {R100 "SELECT kql_stdevif(x, x % 2 = 0) FROM r",                    "29.1547594742265"},
  {R100 "SELECT kql_varianceif(x, x % 2 = 0) FROM r",                 "850"},
  {"CREATE TABLE cv(x REAL, y REAL); INSERT INTO cv VALUES (1,14),(2,10),(3,17),(4,20),(5,50);"
   "SELECT kql_covariance(x, y) FROM cv",                             "20.5"},
  {"SELECT kql_covariancep(x, y) FROM cv",                            "16.4"},
  {R100 "SELECT kql_covarianceif(x, CASE WHEN x % 2 = 0 THEN x*2 ELSE x*3 END, x % 3 = 0) FROM r", "2142"},
  {R100 "SELECT kql_covariancepif(x, CASE WHEN x % 2 = 0 THEN x*2 ELSE x*3 END, x % 3 = 0) FROM r", "2077.09090909091"},
  {"SELECT kql_stdev(x) FROM (SELECT 7 AS x)",                        "0"},
  {"SELECT kql_variancep(x) FROM (SELECT 7 AS x)",                    "0"},
  {"CREATE TABLE bits(n INTEGER); INSERT INTO bits VALUES (2290647048),(1107296256),(7761920),(5),(NULL);"
   "SELECT printf('%X', kql_binary_all_or(n)) FROM bits",             "CAFEF00D"},
  {"SELECT kql_binary_all_and(n) FROM bits",                          "0"},
  {"SELECT kql_binary_all_xor(n) FROM (SELECT 6 AS n UNION ALL SELECT 3)", "5"},
};
Test(fn_agg, statistics){ fnbCases(aStats, FNB_N(aStats)); }

/* Kusto's values for an empty group (summarize without by over no rows). */
static const FnbCase aEmpty[] = {
  {"CREATE TABLE e(x INTEGER, s TEXT); SELECT kql_sum(x) FROM e",     "0"},
  {"SELECT kql_sumif(x, 1) FROM e",                                   "0"},
  /* Kusto prints NaN for avg() over no rows; SQLite stores a NaN result as NULL. */
  {"SELECT kql_avg(x) FROM e",                                        "NaN"},   /* Kusto: avg() of no rows is NaN */
  {"SELECT kql_stdev(x) FROM e",                                      "0"},
  {"SELECT kql_variance(x) FROM e",                                   "0"},
  {"SELECT kql_dcount(x) FROM e",                                     "0"},
  {"SELECT kql_dcountif(x, 1) FROM e",                                "0"},
  {"SELECT kql_make_list('d', x) FROM e",                             "[]"},
  {"SELECT kql_make_set('d', x) FROM e",                              "[]"},
  {"SELECT kql_make_bag(s) FROM e",                                   "{}"},
  {"SELECT kql_percentile(x, 55) FROM e",                             "<null>"},
  {"SELECT kql_minif(x, 1) FROM e",                                   "<null>"},
  {"SELECT kql_arg_max_v(x, s) FROM e",                               "<null>"},
  {"SELECT kql_take_any(x) FROM e",                                   "<null>"},
  {"SELECT kql_tdigest(x) FROM e",                                    "<null>"},
  {"SELECT kql_binary_all_or(x) FROM e",                              "<null>"},
  {"SELECT kql_hll(x) FROM e",                                        "<null>"},  /* summarize docs: hll_x of no rows is empty */
  {"SELECT kql_dcount_hll(kql_hll(x)) FROM e",                        "<null>"},
};
Test(fn_agg, empty_group){ fnbCases(aEmpty, FNB_N(aEmpty)); }

static const FnbCase aSums[] = {
  {"CREATE TABLE v(x, p, s TEXT); INSERT INTO v VALUES (1,1,'a'),(2,0,'b'),(NULL,1,'c'),(4,1,'a'),(4,NULL,'');"
   "SELECT kql_sum(x) FROM v",                                        "11"},
  {"SELECT typeof(kql_sum(x)) FROM v",                                "integer"},
  {"SELECT kql_sumif(x, p) FROM v",                                   "5"},
  {"SELECT kql_sum(x) FROM (SELECT 1.5 AS x UNION ALL SELECT 2)",     "3.5"},
  {"SELECT kql_sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)", "-9223372036854775808"},
  {"SELECT kql_avg(x) FROM v",                                        "2.75"},
  {"SELECT kql_avgif(x, p) FROM v",                                   "2.5"},
  {"SELECT kql_minif(x, p) FROM v",                                   "1"},
  {"SELECT kql_maxif(x, p) FROM v",                                   "4"},
  {"SELECT kql_maxif(s, p) FROM v",                                   "c"},
  {"SELECT kql_dcount(s) FROM v",                                     "4"},
  {"SELECT kql_dcount(x, 2) FROM v",                                  "3"},
  {"SELECT kql_dcountif(s, p) FROM v",                                "2"},
  {"SELECT kql_count_distinct(x) FROM v",                             "3"},
  {"SELECT kql_count_distinctif(x, p) FROM v",                        "2"},
  {"SELECT kql_dcount(x) FROM (SELECT 1 AS x UNION ALL SELECT 1.0 UNION ALL SELECT '1')", "3"},
};
Test(fn_agg, sums_counts){ fnbCases(aSums, FNB_N(aSums)); }

static const FnbCase aArg[] = {
  {"CREATE TABLE a(t, v); INSERT INTO a VALUES (3,'x'),(7,'first7'),(NULL,'nullkey'),(7,'second7'),(1,NULL);"
   "SELECT kql_arg_max_v(t, v) FROM a",                               "first7"},
  {"SELECT kql_arg_min_v(t, v) FROM a",                               "<null>"},
  {"SELECT kql_arg_min_v(t, t) FROM a",                               "1"},
  {"SELECT kql_arg_max_v(t, v) FROM a WHERE t IS NULL",               "nullkey"},  /* docs: all-null group gives its first row */
  {"SELECT kql_arg_max_v(v, t) FROM a",                               "3"},
  {"SELECT kql_take_any(v) FROM a",                                   "x"},
  {"SELECT kql_take_any(v) FROM (SELECT NULL AS v UNION ALL SELECT '' UNION ALL SELECT 'z')", "z"},
  {"SELECT kql_take_anyif(v, t = 7) FROM a",                          "first7"},
};
Test(fn_agg, arg_max_take_any){ fnbCases(aArg, FNB_N(aArg)); }

static const FnbCase aLists[] = {
  {"CREATE TABLE shapes(name TEXT, sides INTEGER); INSERT INTO shapes VALUES ('triangle',3),('square',4),"
   "('rectangle',4),('pentagon',5),('hexagon',6),('heptagon',7),('octagon',8),('nonagon',9),('decagon',10);"
   "SELECT kql_make_list('g', name) FROM (SELECT * FROM shapes ORDER BY rowid)",
   "[\"triangle\",\"square\",\"rectangle\",\"pentagon\",\"hexagon\",\"heptagon\",\"octagon\",\"nonagon\",\"decagon\"]"},
  {"SELECT kql_make_list('g', name) FROM (SELECT * FROM shapes ORDER BY rowid) WHERE sides % 2 = 1",
   "[\"triangle\",\"pentagon\",\"heptagon\",\"nonagon\"]"},
  {"SELECT kql_make_list('k', kql_bag_pack('gggd', 'name', name, 'sideCount', sides)) FROM (SELECT * FROM shapes ORDER BY rowid) WHERE sides % 2 = 1",
   "[{\"name\":\"triangle\",\"sideCount\":3},{\"name\":\"pentagon\",\"sideCount\":5},{\"name\":\"heptagon\",\"sideCount\":7},{\"name\":\"nonagon\",\"sideCount\":9}]"},
  {"SELECT kql_make_list('d', sides, 3) FROM (SELECT * FROM shapes ORDER BY rowid)", "[3,4,4]"},
  {"CREATE TABLE beatles(name TEXT, dob INTEGER); INSERT INTO beatles VALUES ('John',9),('Paul',18),('George',25),('Ringo',7);"
   "SELECT kql_make_list_if('g', name, length(name) > 4) FROM beatles", "[\"George\",\"Ringo\"]"},
  {"SELECT kql_make_set_if('g', name, length(name) > 4) FROM beatles", "[\"George\",\"Ringo\"]"},
  {"SELECT kql_make_set('d', sides) FROM (SELECT * FROM shapes ORDER BY rowid)", "[3,4,5,6,7,8,9,10]"},
  {"SELECT kql_make_set('d', sides, 2) FROM (SELECT * FROM shapes ORDER BY rowid)", "[3,4]"},
  {"SELECT kql_make_set('e', y) FROM (SELECT NULL AS y UNION ALL SELECT 5.0)", "[5.0]"},
  {"SELECT kql_make_list('e', y) FROM (SELECT NULL AS y UNION ALL SELECT 5.0)", "[5.0]"},
  {"SELECT kql_make_list_with_nulls('e', y) FROM (SELECT NULL AS y UNION ALL SELECT 5.0)", "[null,5.0]"},
  {"CREATE TABLE arr(val INTEGER, a1 TEXT); INSERT INTO arr VALUES (1,'[\"A1\",\"A2\",\"A3\"]'),(5,'[\"A2\",\"C1\"]'),"
   "(7,'[\"C2\",\"A3\"]'),(5,'[\"C2\",\"A1\"]');"
   "SELECT kql_make_set('d', val) FROM (SELECT * FROM arr ORDER BY rowid)", "[1,5,7]"},
  {"SELECT kql_make_set('k', a1) FROM (SELECT * FROM arr ORDER BY rowid)", "[\"A1\",\"A2\",\"A3\",\"C1\",\"C2\"]"},
  {"SELECT kql_make_list('k', a1) FROM (SELECT * FROM arr ORDER BY rowid) WHERE val = 5", "[[\"A2\",\"C1\"],[\"C2\",\"A1\"]]"},
  {"SELECT kql_make_list('h', t_d('2019-07-15'))",                    "[\"2019-07-15T00:00:00.0000000Z\"]"},
  {"CREATE TABLE props(prop TEXT, value TEXT, pred INTEGER); INSERT INTO props VALUES ('prop01','val_a',1),"
   "('prop02','val_b',0),('prop03','val_c',1);"
   "SELECT kql_make_bag(kql_bag_pack('gg', prop, value)) FROM props", "{\"prop01\":\"val_a\",\"prop02\":\"val_b\",\"prop03\":\"val_c\"}"},
  {"SELECT kql_make_bag_if(kql_bag_pack('gg', prop, value), pred) FROM props", "{\"prop01\":\"val_a\",\"prop03\":\"val_c\"}"},
  {"SELECT kql_make_bag(b) FROM (SELECT '{\"a\":1}' AS b UNION ALL SELECT '{\"a\":2,\"b\":3}' UNION ALL SELECT '[1]')",
   "{\"a\":1,\"b\":3}"},
  {"SELECT kql_make_bag(b, 1) FROM (SELECT '{\"a\":1,\"b\":3}' AS b)", "{\"a\":1}"},
};
Test(fn_agg, make_list_set_bag){ fnbCases(aLists, FNB_N(aLists)); }

static const FnbCase aPct[] = {
  {"CREATE TABLE lat(cnt INTEGER, bucket INTEGER); INSERT INTO lat VALUES (8,10),(6,20),(3,30),(1,40);"
   "SELECT kql_percentilew(bucket, cnt, 50) FROM lat",                "20"},
  {"SELECT kql_percentilew(bucket, cnt, 75) FROM lat",                "20"},
  {"SELECT kql_percentilew(bucket, cnt, 99.9) FROM lat",              "40"},
  {"SELECT kql_percentilesw_array('ddee', bucket, cnt, 50, 75, 99.9) FROM lat", "[20,20,40]"},
  {"SELECT kql_percentilesw_array('ddk', bucket, cnt, '[50, 75, 99.9]') FROM lat", "[20,20,40]"},
  {R100 "SELECT kql_percentile(x, 50) FROM r",                        "50"},
  {R100 "SELECT kql_percentile(x, 0) FROM r",                         "1"},
  {R100 "SELECT kql_percentile(x, 100) FROM r",                       "100"},
  {R100 "SELECT kql_percentile(x, 95) FROM r",                        "95"},
  {R100 "SELECT kql_percentiles_array('dd', x, 5, 50, 95) FROM r",    "[5,50,95]"},
  {R5 "SELECT kql_percentile(x * 1.5, 50) FROM r",                    "4.5"},
  {R5 "SELECT kql_percentiles_array('ed', x * 1.0, 50) FROM r",       "[3.0]"},
  {R5 "SELECT kql_percentiles_array('hd', x * 864000000000, 50) FROM r", "[\"1970-01-04T00:00:00.0000000Z\"]"},
  {"CREATE TABLE dt(v REAL, w INTEGER); INSERT INTO dt VALUES (1.0,1),(2.0,2);"
   "SELECT kql_percentile_tdigest(kql_tdigest(v, w), 50) FROM dt",   "2.0"},
  {"SELECT kql_percentile_tdigest(td, 50, 'real') FROM (SELECT kql_tdigest(v, w) AS td FROM dt)", "2"},
  {"SELECT kql_percentile_tdigest(kql_tdigest_merge(td), 0) FROM (SELECT kql_tdigest(v) AS td FROM dt UNION ALL SELECT kql_tdigest(x) FROM (SELECT 0.5 AS x))", "0.5"},
  {"SELECT kql_percentiles_array_tdigest(kql_tdigest(v, w), 0, 100) FROM dt", "[1.0,2.0]"},
};
Test(fn_agg, percentiles){ fnbCases(aPct, FNB_N(aPct)); }

static const FnbCase aHll[] = {
  {R100 "SELECT kql_dcount_hll(kql_hll(x % 7)) FROM r",               "7"},
  {R100 "SELECT kql_dcount_hll(kql_hll_if(x, x % 2 = 0)) FROM r",     "50"},
  {R100 ", h AS (SELECT kql_hll(x % 10) AS s FROM r UNION ALL SELECT kql_hll(x % 15) FROM r)"
        " SELECT kql_dcount_hll(kql_hll_merge(s)) FROM h",            "15"},
  {R100 ", h AS (SELECT kql_hll(x % 3) AS s FROM r), g AS (SELECT kql_hll(x % 5 + 10) AS s FROM r)"
        " SELECT kql_dcount_hll(kql_hll_merge(h.s, g.s)) FROM h, g",  "8"},
  {"SELECT kql_dcount_hll(NULL)",                                     "<null>"},
};
Test(fn_agg, hll){ fnbCases(aHll, FNB_N(aHll)); }
