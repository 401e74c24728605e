/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the dynamic built-ins (fn_dynamic.c, fn_dynbag.c, fn_json.c)
** through plain SQL, with the KQL reference docs' examples. Type tags:
** 'a'+KQL_T_*: b bool, d long, e real, g string, h datetime, i timespan,
** k dynamic.
*/
#include "fnbtest.h"

static const FnbCase aAccess[] = {
  {"SELECT kql_dyn_get('{\"a\":{\"b\":[1,2,3]}}', 'a')",          "{\"b\":[1,2,3]}"},
  {"SELECT kql_dyn_get(kql_dyn_get('{\"a\":{\"b\":[1,2,3]}}', 'a'), 'b')", "[1,2,3]"},
  {"SELECT kql_dyn_get('[10, 20, 30]', 0)",                       "10"},
  {"SELECT kql_dyn_get('[10, 20, 30]', -1)",                      "30"},
  {"SELECT kql_dyn_get('[10, 20, 30]', 3)",                       "<null>"},
  {"SELECT kql_dyn_get('[10, 20, 30]', -4)",                      "<null>"},
  {"SELECT kql_dyn_get('{\"a\" : \"x y\"}', 'a')",                "\"x y\""},
  {"SELECT kql_dyn_get('{\"a\":{ \"c\" : [ 1 , 2 ] }}', 'a')",    "{\"c\":[1,2]}"},
  {"SELECT kql_dyn_get('{\"a\":null}', 'a')",                     "<null>"},
  {"SELECT kql_dyn_get('{\"a\":1}', 'b')",                        "<null>"},
  {"SELECT kql_dyn_get('{\"a\\u0062\":1}', 'ab')",                "1"},
  {"SELECT kql_dyn_get('{\"a\":1}', 0)",                          "<null>"},
  {"SELECT kql_dyn_get('[1,2]', 'a')",                            "<null>"},
  {"SELECT kql_dyn_get('{\"a\":1', 'a')",                         "<null>"},
  {"SELECT kql_dyn_get('not json', 'a')",                         "<null>"},
  {"SELECT kql_dyn_get(NULL, 'a')",                               "<null>"},
};
Test(fn_dynamic, access){ fnbCases(aAccess, FNB_N(aAccess)); }

static const FnbCase aPack[] = {
  {"SELECT kql_pack_array('ddd', 1, 2, 4)",                       "[1,2,4]"},
  {"SELECT kql_pack_array('gdbek', 'a', NULL, 1, 2.5, '{\"x\": [1]}')", "[\"a\",null,true,2.5,{\"x\":[1]}]"},
  {"SELECT kql_pack_array('e', 1.0)",                             "[1.0]"},
  {"SELECT kql_pack_array('hi', t_d('2017-01-01'), t_ts('1h'))",  "[\"2017-01-01T00:00:00.0000000Z\",\"01:00:00\"]"},
  {"SELECT kql_bag_pack('gdgg', 'a', 1, 'b', 'x\"y')",            "{\"a\":1,\"b\":\"x\\\"y\"}"},
  {"SELECT kql_bag_pack('gdgd', 'a', 1, 'a', 2)",                 "{\"a\":2}"},
  {"SELECT kql_bag_pack('gd', 'a', NULL)",                        "{\"a\":null}"},
  {"SELECT kql_bag_pack('g', 'a')",  "ERROR: bag_pack(): expects an even number of arguments (key, value pairs)"},
};
Test(fn_dynamic, pack){ fnbCases(aPack, FNB_N(aPack)); }

static const FnbCase aArray[] = {
  {"SELECT kql_array_length('[1,2,3]')",                          "3"},
  {"SELECT kql_array_length('[]')",                               "0"},
  {"SELECT kql_array_length('{\"a\":1}')",                        "<null>"},
  {"SELECT kql_array_length('abc')",                              "<null>"},
  {"SELECT kql_array_length(NULL)",                               "<null>"},
  {"SELECT kql_array_concat('[1,2,4]', '[1,2]')",                 "[1,2,4,1,2]"},
  {"SELECT kql_array_concat('[]', '[1]', '[]')",                  "[1]"},
  {"SELECT kql_array_concat('[1]', '{}')",                        "<null>"},
  {"SELECT kql_array_slice('[1,2,3]', 1, 2)",                     "[2,3]"},
  {"SELECT kql_array_slice('[1,2,3,4,5]', 2, -1)",                "[3,4,5]"},
  {"SELECT kql_array_slice('[1,2,3,4,5]', -3, -2)",               "[3,4]"},
  {"SELECT kql_array_slice('[1,2,3]', 5, 9)",                     "[]"},
  {"SELECT kql_array_reverse('[\"this\", \"is\", \"an\", \"example\"]')", "[\"example\",\"an\",\"is\",\"this\"]"},
  {"SELECT kql_array_sort_asc('[1,3,4,5,2]', '[\"a\",\"b\",\"c\",\"d\",\"e\"]')", "[1,2,3,4,5]"},
  {"SELECT kql_array_sort_asc_nth(1, '[1,3,4,5,2]', '[\"a\",\"b\",\"c\",\"d\",\"e\"]')", "[\"a\",\"e\",\"b\",\"c\",\"d\"]"},
  {"SELECT kql_array_sort_desc('[1,3,4,5,2]')",                   "[5,4,3,2,1]"},
  {"SELECT kql_array_sort_desc_nth(1, '[1,3,4,5,2]', '[\"a\",\"b\",\"c\",\"d\",\"e\"]')", "[\"d\",\"c\",\"b\",\"e\",\"a\"]"},
  {"SELECT kql_array_sort_asc_nth(1, '[1,3]', '[1]')",            "<null>"},
  {"SELECT kql_array_sort_asc('[null,\"blue\",\"yellow\",\"green\",null]')", "[\"blue\",\"green\",\"yellow\",null,null]"},
  {"SELECT kql_array_sort_asc('[null,\"blue\",\"yellow\",\"green\",null]', 0)", "[null,null,\"blue\",\"green\",\"yellow\"]"},
  {"SELECT kql_array_sort_desc('[null,\"blue\",\"yellow\",\"green\",null]')", "[\"yellow\",\"green\",\"blue\",null,null]"},
  {"SELECT kql_array_sort_asc('[\"b\", 10, 9.5, \"a\", true]')",  "[9.5,10,\"a\",\"b\",true]"},
  {"SELECT kql_array_sort_asc('[\"John\",\"Paul\",\"George\",\"Ringo\"]')", "[\"George\",\"John\",\"Paul\",\"Ringo\"]"},
  {"SELECT kql_array_sum('[1,2,3,4]')",                           "10"},
  {"SELECT kql_array_sum('[1,\"a\"]')",                           "<null>"},
  {"SELECT kql_array_split('[1,2,3,4,5]', 2)",                    "[[1,2],[3,4,5]]"},
  {"SELECT kql_array_split('[1,2,3,4,5]', '[1,3]')",              "[[1],[2,3],[4,5]]"},
  {"SELECT kql_array_split('[1,2,3,4,5]', -1)",                   "[[1,2,3,4],[5]]"},
  {"SELECT kql_array_rotate_left('[1,2,3,4,5]', 2)",              "[3,4,5,1,2]"},
  {"SELECT kql_array_rotate_right('[1,2,3,4,5]', -2)",            "[3,4,5,1,2]"},
  {"SELECT kql_array_rotate_right('[1,2,3,4,5]', 2)",             "[4,5,1,2,3]"},
  {"SELECT kql_array_rotate_left('[]', 2)",                       "[]"},
  {"SELECT kql_array_shift_left('kd', '[1,2,3,4,5]', 2)",         "[3,4,5,null,null]"},
  {"SELECT kql_array_shift_left('kdd', '[1,2,3,4,5]', 2, -1)",    "[3,4,5,-1,-1]"},
  {"SELECT kql_array_shift_left('kdd', '[1,2,3,4,5]', -2, -1)",   "[-1,-1,1,2,3]"},
  {"SELECT kql_array_shift_right('kdd', '[1,2,3,4,5]', 2, -1)",   "[-1,-1,1,2,3]"},
  {"SELECT kql_array_shift_right('kdd', '[1,2,3,4,5]', -2, -1)",  "[3,4,5,-1,-1]"},
  {"SELECT kql_array_shift_right('kd', '[1,2]', 9)",              "[null,null]"},
  {"SELECT kql_array_iff('kgg', '[1,0,50]', 'yes', 'no')",        "[\"yes\",\"no\",\"yes\"]"},
  {"SELECT kql_array_iff('kdd', '[\"some string value\",\"2022-01-01T00:00:00Z\",null]', 1, 0)", "[null,null,null]"},
  {"SELECT kql_array_iff('kkk', '[true,true,true]', '[1,2]', '[3,4]')", "[1,2,null]"},
  {"SELECT kql_zip('[1,3,5]', '[2,4,6]')",                        "[[1,2],[3,4],[5,6]]"},
  {"SELECT kql_zip('[\"A\", 1, 1.5]', '[{}, \"B\"]')",            "[[\"A\",{}],[1,\"B\"],[1.5,null]]"},
  {"SELECT kql_repeat('gd', 'a', 3)",                             "[\"a\",\"a\",\"a\"]"},
  {"SELECT kql_repeat('dd', 1, 0)",                               "[]"},
  {"SELECT kql_range('dd', 1, 3)",                                "[1,2,3]"},
  {"SELECT kql_range('ddd', 1, 8, 3)",                            "[1,4,7]"},
  {"SELECT kql_range('ddd', 5, 1, -2)",                           "[5,3,1]"},
  {"SELECT kql_range('edd', 1.0, 3, 1)",                          "[1.0,2.0,3.0]"},
  {"SELECT kql_range('ii', t_ts('1h'), t_ts('5h'))",  "[\"01:00:00\",\"02:00:00\",\"03:00:00\",\"04:00:00\",\"05:00:00\"]"},
  {"SELECT kql_range('hhi', t_d('2015-01-01'), t_d('2015-01-02'), t_ts('1d'))",
   "[\"2015-01-01T00:00:00.0000000Z\",\"2015-01-02T00:00:00.0000000Z\"]"},
  {"SELECT kql_range('ddd', 1, 3, 0)",                            "<null>"},
  {"SELECT kql_array_length(kql_range('dd', 1, 1000000000))",     "1048576"},
};
Test(fn_dynamic, arrays){ fnbCases(aArray, FNB_N(aArray)); }

static const FnbCase aIndex[] = {
  {"SELECT kql_array_index_of('kg', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'an')", "2"},
  {"SELECT kql_array_index_of('kgdd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'example', 1, 3)", "3"},
  {"SELECT kql_array_index_of('kgdd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'example', 1, 2)", "-1"},
  {"SELECT kql_array_index_of('kgdd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'is', 2, 4)", "-1"},
  {"SELECT kql_array_index_of('kgdd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'example', 2, -1)", "3"},
  {"SELECT kql_array_index_of('kgddd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'an', 1, -1, 2)", "4"},
  {"SELECT kql_array_index_of('kgddd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'an', 1, -1, 3)", "-1"},
  {"SELECT kql_array_index_of('kgd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'an', -3)", "4"},
  {"SELECT kql_array_index_of('kgd', '[\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]', 'is', -4)", "-1"},
  {"SELECT kql_array_index_of('kgddd', '[\"a\"]', 'a', 0, -2, 1)", "<null>"},
  {"SELECT kql_array_index_of('kd', '[1, 2, 3]', 3)",             "2"},
  {"SELECT kql_array_index_of('kg', '[1, 2, 3]', '3')",           "-1"},
  {"SELECT kql_set_has_element('kg', '[\"this\", \"is\"]', 'is')", "1"},
  {"SELECT kql_set_has_element('kd', '[1, 2]', 5)",               "0"},
  {"SELECT kql_set_has_element('kh', '[\"2017-01-01T00:00:00.0000000Z\"]', t_d('2017-01-01'))", "1"},
};
Test(fn_dynamic, index_of){ fnbCases(aIndex, FNB_N(aIndex)); }

static const FnbCase aBag[] = {
  {"SELECT kql_bag_keys('{\"a\":1,\"b\":{\"c\":2}}')",            "[\"a\",\"b\"]"},
  {"SELECT kql_bag_keys('[1]')",                                  "<null>"},
  {"SELECT kql_bag_merge('{\"A1\":12, \"B1\":2, \"C1\":3}', '{\"A2\":81, \"B2\":82, \"A1\":1}')",
   "{\"A1\":12,\"B1\":2,\"C1\":3,\"A2\":81,\"B2\":82}"},
  {"SELECT kql_bag_merge('{}', '[1]')",                           "<null>"},
  {"SELECT kql_bag_has_key('{\"key1\" : 123, \"key2\": \"abc\"}', 'key2')", "1"},
  {"SELECT kql_bag_has_key('{\"key1\" : 123, \"key3\": \"abc\"}', 'key2')", "0"},
  {"SELECT kql_bag_has_key('{\"key1\": 123, \"key2\": {\"prop1\" : \"abc\", \"prop2\": \"xyz\"}, \"key3\": [100, 200]}', '$.key2.prop1')", "1"},
  {"SELECT kql_bag_has_key('{\"key2\": {\"prop1\": 1}}', '$[''key2''].prop9')", "0"},
  {"SELECT kql_bag_remove_keys('{\"key1\" : 123, \"key2\": \"abc\"}', '[\"key2\", \"key4\"]')", "{\"key1\":123}"},
  {"SELECT kql_bag_remove_keys('{\"key1\" : \"value\", \"key3\": 42.0}', '[\"key2\", \"key4\"]')", "{\"key1\":\"value\",\"key3\":42.0}"},
  {"SELECT kql_bag_remove_keys('{\"key1\": 123, \"key2\": {\"prop1\" : \"abc\", \"prop2\": \"xyz\"}, \"key3\": [100, 200]}', '[\"$.key2.prop1\", \"key3\"]')",
   "{\"key1\":123,\"key2\":{\"prop2\":\"xyz\"}}"},
  {"SELECT kql_bag_set_key('kgd', '{\"key1\": 1, \"key2\": 2}', 'key3', 3)", "{\"key1\":1,\"key2\":2,\"key3\":3}"},
  {"SELECT kql_bag_set_key('kgd', '{\"key1\": 1, \"key3\": \"abc\"}', 'key3', 3)", "{\"key1\":1,\"key3\":3}"},
  {"SELECT kql_bag_set_key('kgg', '{\"key1\": 123, \"key2\": {\"prop1\": 123, \"prop2\": \"xyz\"}}', '$.key2.prop1', 'abc')",
   "{\"key1\":123,\"key2\":{\"prop1\":\"abc\",\"prop2\":\"xyz\"}}"},
  {"SELECT kql_bag_set_key('kgg', '{\"key1\": 123}', '$.key2.prop1', 'abc')", "{\"key1\":123,\"key2\":{\"prop1\":\"abc\"}}"},
  {"SELECT kql_bag_set_key('kgg', '[1]', 'a', 'abc')",            "<null>"},
  {"SELECT kql_bag_zip('[\"a\", \"b\", \"c\"]', '[1, \"2\"]')",   "{\"a\":1,\"b\":\"2\",\"c\":null}"},
  {"SELECT kql_bag_zip('[\"a\", 8, \"b\"]', '[1, \"2\", 2.5]')",  "{\"a\":1,\"b\":2.5}"},
  {"SELECT kql_bag_zip('\"a\"', '[1, \"2\", 2.5]')",              "<null>"},
};
Test(fn_dynamic, bags){ fnbCases(aBag, FNB_N(aBag)); }

static const FnbCase aSet[] = {
  {"SELECT kql_set_union('[1,2,4]', '[1,2]', '[4, 8]')",          "[1,2,4,8]"},
  {"SELECT kql_set_union('[\"a\",\"a\"]', '[\"\\u0061\", \"b\"]')", "[\"a\",\"b\"]"},
  {"SELECT kql_set_intersect('[1,2,3]', '[3,2,9]')",              "[2,3]"},
  {"SELECT kql_set_intersect('[1,2,3]', '[3,2,9]', '[3]')",       "[3]"},
  {"SELECT kql_set_difference('[1,2,3,3]', '[2]', '[9]')",        "[1,3]"},
  {"SELECT kql_set_difference('[1]', 'x')",                       "<null>"},
  {"SELECT kql_jaccard_index('[1,2,3]', '[1,2,3,4]')",            "0.75"},
  {"SELECT kql_jaccard_index('[1,1,2]', '[2,2]')",                "0.5"},
};
Test(fn_dynamic, sets){ fnbCases(aSet, FNB_N(aSet)); }

/* Malformed and hostile JSON must give NULL, never a crash or a read past the end. */
static const FnbCase aBad[] = {
  {"SELECT kql_array_length('[1,2')",                             "<null>"},
  {"SELECT kql_array_length('[1,,2]')",                           "<null>"},
  {"SELECT kql_array_length('[\"abc]')",                          "<null>"},
  {"SELECT kql_array_length('[\"\\u12\"]')",                      "<null>"},
  {"SELECT kql_array_length('[1] x')",                            "<null>"},
  {"SELECT kql_array_length('[01]')",                             "<null>"},
  {"SELECT kql_array_length(x'5b310032205d')",                    "<null>"},
  {"SELECT kql_array_length(printf('%.*c', 5000, '[') || printf('%.*c', 5000, ']'))", "<null>"},
  {"SELECT kql_array_length(printf('%.*c', 900, '[') || printf('%.*c', 900, ']'))", "1"},
  {"SELECT kql_bag_keys('{\"a\" 1}')",                            "<null>"},
  {"SELECT kql_array_reverse('[1,2')",                            "<null>"},
};
Test(fn_dynamic, malformed){ fnbCases(aBad, FNB_N(aBad)); }

/* Extreme numeric arguments: no undefined behaviour (checked under UBSan). */
static const FnbCase aExtreme[] = {
  {"SELECT kql_array_slice('[1,2,3]', 9223372036854775807, 9223372036854775807)", "[]"},
  {"SELECT kql_array_slice('[1,2,3]', -9223372036854775808, 9223372036854775807)", "[1,2,3]"},
  /* -2^63 is -2 modulo 3 */
  {"SELECT kql_array_rotate_right('[1,2,3]', -9223372036854775808)",             "[3,1,2]"},
  {"SELECT kql_array_rotate_left('[1,2,3]', -9223372036854775808)",              "[2,3,1]"},
  {"SELECT kql_array_shift_left('kd', '[1,2,3]', -9223372036854775808)",        "[null,null,null]"},
  {"SELECT kql_array_shift_right('kd', '[1,2,3]', -9223372036854775808)",       "[null,null,null]"},
  {"SELECT kql_array_index_of('kddd', '[1,2,3]', 3, 9223372036854775807, 2)",   "-1"},
  {"SELECT kql_array_index_of('kddd', '[1,2,3]', 3, -9223372036854775808, 5)",  "2"},
  {"SELECT kql_dyn_get('[1,2,3]', -9223372036854775808)",                        "<null>"},
  {"SELECT kql_dyn_get('[1,2,3]', 1e300)",                                       "<null>"},
  {"SELECT kql_range('ddd', -9223372036854775808, 9223372036854775807, 9223372036854775807)", "[-9223372036854775808,-1]"},
  {"SELECT kql_array_length(kql_repeat('dd', 7, 9223372036854775807))",          "1048576"},
  {"SELECT kql_array_split('[1,2,3]', '[9223372036854775807, -9223372036854775808]')", "[[],[1,2,3],[]]"},
  {"SELECT length(kql_bag_set_key('kgd', '{}', '$.' || printf('%.*c', 300, 'a'), 1))", "306"},
  {"SELECT kql_bag_set_key('kgd', '{}', replace(printf('%.*c', 100, 'x'), 'x', '.a'), 1)", "{\".a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a\":1}"},
  {"SELECT kql_bag_set_key('kgd', '{}', '$' || replace(printf('%.*c', 100, 'x'), 'x', '.a'), 1)", "<null>"},
};
Test(fn_dynamic, extreme_values){ fnbCases(aExtreme, FNB_N(aExtreme)); }
