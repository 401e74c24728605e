/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the math built-ins (fn_math.c) through plain SQL, with the KQL
** reference docs' examples. Type tags: 'a'+KQL_T_*: c int, d long, e real,
** g string, h datetime.
*/
#include "fnbtest.h"
#include <stdlib.h>

static const FnbCase aMath[] = {
  {"SELECT kql_round(2.98765, 3)",            "2.988"},
  {"SELECT kql_round(2.15, 1)",               "2.2"},
  {"SELECT kql_round(2.15)",                  "2"},
  {"SELECT kql_round(-50.55, -2)",            "-100"},
  {"SELECT kql_round(21.5, -1)",              "20"},
  {"SELECT kql_round(2.5)",                   "3"},
  {"SELECT kql_round(-2.5)",                  "-3"},
  {"SELECT kql_round(1234, -2)",              "1200"},
  {"SELECT kql_round(1250, -2)",              "1300"},
  {"SELECT kql_round(-1250, -2)",             "-1300"},
  {"SELECT typeof(kql_round(7))",             "integer"},
  {"SELECT kql_round(1.5, NULL)",             "<null>"},
  {"SELECT kql_abs(-5)",                      "5"},
  {"SELECT typeof(kql_abs(-5))",              "integer"},
  {"SELECT kql_abs(-1.5)",                    "1.5"},
  {"SELECT kql_ceiling(1.2)",                 "2"},
  {"SELECT kql_ceiling(-1.2)",                "-1"},
  {"SELECT kql_ceiling(7)",                   "7"},
  {"SELECT kql_sign(-42)",                    "-1"},
  {"SELECT kql_sign(0)",                      "0"},
  {"SELECT kql_sign(11.2)",                   "1"},
  {"SELECT printf('%.6f', kql_exp(2))",       "7.389056"},
  {"SELECT kql_log(5)",                       "1.6094379124341"},
  {"SELECT kql_log2(5)",                      "2.32192809488736"},
  {"SELECT kql_log(-1)",                      "<null>"},
  {"SELECT kql_log10(100)",                   "2"},
  {"SELECT kql_exp2(3)",                      "8"},
  {"SELECT kql_exp10(2)",                     "100"},
  {"SELECT kql_pow(2, 3)",                    "8"},
  {"SELECT kql_sqrt(4)",                      "2"},
  {"SELECT kql_sqrt(-1)",                     "<null>"},
  {"SELECT kql_gamma(5)",                     "24"},
  {"SELECT kql_loggamma(5)",                  "3.17805383034795"},
  {"SELECT kql_cot(1)",                       "0.642092615934331"},
  {"SELECT kql_radians(90)",                  "1.5707963267949"},
  {"SELECT kql_radians(180)",                 "3.14159265358979"},
  {"SELECT kql_degrees(kql_pi())",            "180"},
  {"SELECT kql_atan2(1, 1) * 4",              "3.14159265358979"},
  {"SELECT kql_erf(1)",                       "0.842700792949715"},
  {"SELECT kql_erfc(-3)",                     "1.999977909503"},
  {"SELECT kql_erfc(3)",                      "2.20904969985854e-05"},
  {"SELECT kql_isfinite(1.0/0.0)",            "0"},
  {"SELECT kql_isfinite(1.5)",                "1"},
  {"SELECT kql_isinf(9e999)",                 "1"},
  {"SELECT kql_isinf(-9e999)",                "1"},
  {"SELECT kql_isnan(1.5)",                   "0"},
  {"SELECT kql_exp(NULL)",                    "<null>"},
};
Test(fn_math, functions){ fnbCases(aMath, FNB_N(aMath)); }

static const FnbCase aMaxOf[] = {
  {"SELECT kql_max_of('dddd', 10, 1, -3, 17)",                "17"},
  {"SELECT kql_min_of('dddd', 10, 1, -3, 17)",                "-3"},
  {"SELECT kql_max_of('cc', 1, 6)",                           "6"},
  {"SELECT kql_max_of('cc', NULL, 2)",                        "2"},
  {"SELECT kql_max_of('cc', 1, NULL)",                        "1"},
  {"SELECT kql_max_of('cc', NULL, NULL)",                     "<null>"},
  {"SELECT kql_max_of('de', 3, 2.5)",                         "3"},
  {"SELECT typeof(kql_max_of('de', 3, 2.5))",                 "real"},
  {"SELECT kql_min_of('gg', 'b', 'a')",                       "a"},
  {"SELECT t_dt(kql_max_of('hh', t_d('2024-12-15 07:15:22'), t_d('2024-12-15 07:15:24')))", "2024-12-15T07:15:24Z"},
  {"SELECT t_dt(kql_max_of('hh', t_d('2024-12-15 10:45:00'), t_d('2024-12-14 10:45:00')))", "2024-12-15T10:45:00Z"},
};
Test(fn_math, max_of){ fnbCases(aMaxOf, FNB_N(aMaxOf)); }

static const FnbCase aBits[] = {
  {"SELECT kql_binary_or(5, 3)",              "7"},
  {"SELECT kql_binary_and(6, 3)",             "2"},
  {"SELECT kql_binary_xor(6, 3)",             "5"},
  {"SELECT kql_binary_not(0)",                "-1"},
  {"SELECT kql_binary_shift_left(1, 3)",      "8"},
  {"SELECT kql_binary_shift_left(1, 65)",     "2"},
  {"SELECT kql_binary_shift_right(-16, 2)",   "-4"},
  {"SELECT kql_binary_shift_right(16, 2)",    "4"},
  {"SELECT kql_bitset_count_ones(255)",       "8"},
  {"SELECT kql_bitset_count_ones(-1)",        "64"},
  {"SELECT kql_binary_and(NULL, 1)",          "<null>"},
};
Test(fn_math, bits){ fnbCases(aBits, FNB_N(aBits)); }

Test(fn_math, rand_range){
  sqlite3 *db = fnbOpen();
  char zBuf[64];
  for(int i=0; i<200; i++){
    double r = atof(fnbRun(db, "SELECT kql_rand()", zBuf, sizeof(zBuf)));
    double n = atof(fnbRun(db, "SELECT kql_rand(10)", zBuf, sizeof(zBuf)));
    cr_assert(r>=0.0 && r<1.0, "rand() out of range: %g", r);
    cr_assert(n>=0.0 && n<=9.0 && n==(double)(int)n, "rand(10) not a whole number 0..9: %g", n);
  }
  cr_assert_str_eq(fnbRun(db, "SELECT typeof(kql_rand(10))", zBuf, sizeof(zBuf)), "real");
  sqlite3_close(db);
}

/* Extreme numeric arguments: no undefined behaviour (checked under UBSan). */
static const FnbCase aExtreme[] = {
  {"SELECT kql_abs(-9223372036854775808)",                 "-9223372036854775808"},
  {"SELECT kql_round(-9223372036854775808, -1)",           "<null>"},
  {"SELECT kql_round(9223372036854775807, -18)",           "9000000000000000000"},
  {"SELECT kql_round(9223372036854775807, -19)",           "0"},
  {"SELECT kql_round(1e308, 15)",                          "1e+308"},
  {"SELECT kql_round(1.5, -400)",                          "0"},
  {"SELECT kql_round(1.5, 9223372036854775807)",           "1.5"},
  {"SELECT kql_binary_shift_left(1, -1)",                  "<null>"},   /* docs: negative shift gives null */
  {"SELECT kql_binary_shift_right(-9223372036854775808, 63)", "-1"},
  {"SELECT kql_exp(1e308)",                                "inf"},
  {"SELECT kql_rand(-5)",                                  "<null>"},
};
Test(fn_math, extreme_values){ fnbCases(aExtreme, FNB_N(aExtreme)); }
