/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for value.c: datetime/timespan/guid parsing and the datetime,
** timespan and real formatting. Example values come from the Kusto
** reference pages for the datetime and timespan data types.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <math.h>
#include <string.h>
#include "value.h"
#include "types.h"

/* Parse z as a datetime and format it back; "ERR" when parsing fails. */
static const char *dtRound(const char *z, char *zBuf){
  int64_t t;
  if( kqlValParseDatetime(z, -1, &t) ) return "ERR";
  kqlValFormatDatetime(t, zBuf);
  return zBuf;
}

static const struct { const char *zIn; const char *zOut; } aDt[] = {
  /* ISO 8601 forms of the datetime page */
  {"2014-05-25T08:20:03.123456Z",  "2014-05-25T08:20:03.1234560Z"},
  {"2014-05-25T08:20:03.123456",   "2014-05-25T08:20:03.1234560Z"},
  {"2014-05-25T08:20",             "2014-05-25T08:20:00Z"},
  {"2014-11-08 15:55:55.123456Z",  "2014-11-08T15:55:55.1234560Z"},
  {"2014-11-08 15:55:55",          "2014-11-08T15:55:55Z"},
  {"2014-11-08 15:55",             "2014-11-08T15:55:00Z"},
  {"2014-11-08",                   "2014-11-08T00:00:00Z"},
  {"2015-12-31 23:59:59.9",        "2015-12-31T23:59:59.9000000Z"},
  /* RFC 822 / 1123 / 850 */
  {"Sat, 8 Nov 14 15:05:02 GMT",   "2014-11-08T15:05:02Z"},
  {"Sat, 8 Nov 14 15:05:02",       "2014-11-08T15:05:02Z"},
  {"Sat, 8 Nov 14 15:05",          "2014-11-08T15:05:00Z"},
  {"Sat, 8 Nov 14 15:05 GMT",      "2014-11-08T15:05:00Z"},
  {"8 Nov 14 15:05:02 GMT",        "2014-11-08T15:05:02Z"},
  {"8 Nov 14 15:05",               "2014-11-08T15:05:00Z"},
  {"Sat, 03 Jun 2026 01:02:03 GMT","2026-06-03T01:02:03Z"},
  {"Saturday, 08-Nov-14 15:05:02 GMT", "2014-11-08T15:05:02Z"},
  {"08-Nov-14 15:05:02",           "2014-11-08T15:05:02Z"},
  {"2014-11-08 15:05:25 GMT",      "2014-11-08T15:05:25Z"},
  {"2014-11-08T15:05:25 GMT",      "2014-11-08T15:05:25Z"},
  /* offsets and zones */
  {"2026-06-03T01:02:03+02:00",    "2026-06-02T23:02:03Z"},
  {"2026-06-03T01:02:03-0130",     "2026-06-03T02:32:03Z"},
  {"Sat, 8 Nov 14 15:05:02 EST",   "2014-11-08T20:05:02Z"},
  /* portal (M/D/Y) forms */
  {"6/3/2026 1:02:03 PM",          "2026-06-03T13:02:03Z"},
  {"6/3/2026, 1:02:03.456 PM",     "2026-06-03T13:02:03.4560000Z"},
  {"6/3/2026 12:00:00 AM",         "2026-06-03T00:00:00Z"},
  {"12/31/2026",                   "2026-12-31T00:00:00Z"},
  {"12-02-2022",                   "2022-12-02T00:00:00Z"},
  /* blanks, asctime, fraction truncation */
  {"  2026-06-03  ",               "2026-06-03T00:00:00Z"},
  {"Sat Jun  3 01:02:03 2026",     "2026-06-03T01:02:03Z"},
  {"2026-06-03T01:02:03.123456789Z","2026-06-03T01:02:03.1234567Z"},
  {"0001-01-01",                   "0001-01-01T00:00:00Z"},
  {"9999-12-31 23:59:59.9999999",  "9999-12-31T23:59:59.9999999Z"},
  {"2024-02-29",                   "2024-02-29T00:00:00Z"},
  {"1969-12-31 23:59:59",          "1969-12-31T23:59:59Z"},
  /* rejected */
  {"",                             "ERR"},
  {"hello",                        "ERR"},
  {"2023-02-29",                   "ERR"},
  {"2026-13-01",                   "ERR"},
  {"2026-06-03 25:00",             "ERR"},
  {"2026-06-03 junk",              "ERR"},
  {"13/1/2026",                    "ERR"},
  {"6/3/2026 13:00 PM",            "ERR"},
  {"10000-01-01",                  "ERR"},
  {"2026-06-03\xff",               "ERR"},
};

ParameterizedTestParameters(value, datetime_parse){
  static size_t aIdx[sizeof(aDt)/sizeof(aDt[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pIdx, value, datetime_parse){
  char zBuf[48];
  cr_assert_str_eq(dtRound(aDt[*pIdx].zIn, zBuf), aDt[*pIdx].zOut, "input \"%s\"", aDt[*pIdx].zIn);
}

Test(value, datetime_epoch_and_ticks){
  int64_t t;
  char zBuf[48];
  cr_assert_eq(kqlValParseDatetime("1970-01-01", -1, &t), 0);
  cr_assert_eq(t, 0);
  /* The datetime page: 31241376000000000 ticks since 0001-01-01 is 0100-01-01. */
  cr_assert_eq(kqlValParseDatetime("0100-01-01", -1, &t), 0);
  cr_assert_eq(kqlValParseDatetime("0001-01-01", -1, &t), 0);
  {
    int64_t t100;
    kqlValParseDatetime("0100-01-01", -1, &t100);
    cr_assert_eq(t100 - t, 31241376000000000LL);
  }
  kqlValFormatDatetime(-1, zBuf);
  cr_assert_str_eq(zBuf, "1969-12-31T23:59:59.9999999Z");
  /* explicit length stops early */
  cr_assert_eq(kqlValParseDatetime("2026-06-03xyz", 10, &t), 0);
  kqlValFormatDatetime(t, zBuf);
  cr_assert_str_eq(zBuf, "2026-06-03T00:00:00Z");
}

static const struct { const char *zIn; int64_t nTicks; int rc; } aTs[] = {
  {"2d",            2*KQL_TICKS_PER_DAY, 0},
  {"1.5h",          54000000000LL, 0},
  {"30m",           30*600000000LL, 0},
  {"10s",           100000000LL, 0},
  {"0.1s",          1000000LL, 0},
  {"100ms",         1000000LL, 0},
  {"10microsecond", 100, 0},
  {"1tick",         1, 0},
  {"15 seconds",    150000000LL, 0},
  {"2",             2*KQL_TICKS_PER_DAY, 0},
  {"0.12:34:56.7",  (12*3600LL+34*60+56)*KQL_TICKS_PER_SECOND + 7000000, 0},
  {"00:01:00",      600000000LL, 0},
  {"1.02:03:04",    KQL_TICKS_PER_DAY + (2*3600LL+3*60+4)*KQL_TICKS_PER_SECOND, 0},
  {"-00:00:01",     -KQL_TICKS_PER_SECOND, 0},
  {"01:02",         (3600LL+120)*KQL_TICKS_PER_SECOND, 0},
  {"3days",         3*KQL_TICKS_PER_DAY, 0},
  {"2hours",        72000000000LL, 0},
  {"5min",          3000000000LL, 0},
  {"1millisecond",  10000, 0},
  {"7ticks",        7, 0},
  {"-1d",           -KQL_TICKS_PER_DAY, 0},
  {"",              0, -1},
  {"1w",            0, -1},
  {"abc",           0, -1},
  {"1.5",           0, -1},
  {"25:00:00",      0, -1},
  {"00:60:00",      0, -1},
  {"1.2.3",         0, -1},
};

ParameterizedTestParameters(value, timespan_parse){
  static size_t aIdx[sizeof(aTs)/sizeof(aTs[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}
ParameterizedTest(size_t *pIdx, value, timespan_parse){
  int64_t t = 0;
  int rc = kqlValParseTimespan(aTs[*pIdx].zIn, -1, &t);
  cr_assert_eq(rc, aTs[*pIdx].rc, "input \"%s\"", aTs[*pIdx].zIn);
  if( rc==0 ) cr_assert_eq(t, aTs[*pIdx].nTicks, "input \"%s\": %lld", aTs[*pIdx].zIn, (long long)t);
}

Test(value, timespan_format){
  char zBuf[48];
  kqlValFormatTimespan(0, zBuf);                    cr_assert_str_eq(zBuf, "00:00:00");
  kqlValFormatTimespan(KQL_TICKS_PER_DAY, zBuf);    cr_assert_str_eq(zBuf, "1.00:00:00");
  /* make_timespan(1,12,30,55.123) prints 1.12:30:55.1230000 in the docs */
  kqlValFormatTimespan(KQL_TICKS_PER_DAY + (12*3600LL+30*60+55)*KQL_TICKS_PER_SECOND + 1230000, zBuf);
  cr_assert_str_eq(zBuf, "1.12:30:55.1230000");
  kqlValFormatTimespan(-KQL_TICKS_PER_SECOND*90, zBuf); cr_assert_str_eq(zBuf, "-00:01:30");
  kqlValFormatTimespan(1, zBuf);                    cr_assert_str_eq(zBuf, "00:00:00.0000001");
  kqlValFormatTimespan(INT64_MIN, zBuf);
  cr_assert_str_eq(zBuf, "-10675199.02:48:05.4775808");
  kqlValFormatTimespan(INT64_MAX, zBuf);
  cr_assert_str_eq(zBuf, "10675199.02:48:05.4775807");
}

static const struct { double r; const char *z; } aReal[] = {
  {1.0, "1"}, {0.1, "0.1"}, {1e20, "1E+20"}, {-2.5, "-2.5"}, {123456789.0, "123456789"},
  {1e15, "1E+15"}, {1e14, "100000000000000"}, {0.0001, "0.0001"}, {0.00001, "1E-05"},
  {0.30000000000000004, "0.30000000000000004"}, {1.5e300, "1.5E+300"}, {5e-324, "5E-324"},
  {0.0, "0"}, {3.14159, "3.14159"}, {1.7976931348623157e308, "1.7976931348623157E+308"},
  {123.456, "123.456"}, {-0.001, "-0.001"},
};

Test(value, real_format){
  char zBuf[48];
  for(size_t i=0; i<sizeof(aReal)/sizeof(aReal[0]); i++){
    kqlValFormatReal(aReal[i].r, zBuf);
    cr_expect_str_eq(zBuf, aReal[i].z, "case %zu: %s", i, zBuf);
  }
  kqlValFormatReal(NAN, zBuf);        cr_assert_str_eq(zBuf, "NaN");
  kqlValFormatReal(INFINITY, zBuf);   cr_assert_str_eq(zBuf, "Infinity");
  kqlValFormatReal(-INFINITY, zBuf);  cr_assert_str_eq(zBuf, "-Infinity");
}

Test(value, guid_parse){
  char z[40];
  cr_assert_eq(kqlValParseGuid("74be27de-1e4e-49d9-b579-fe0b331d3642", -1, z), 0);
  cr_assert_str_eq(z, "74be27de-1e4e-49d9-b579-fe0b331d3642");
  cr_assert_eq(kqlValParseGuid("74BE27DE-1E4E-49D9-B579-FE0B331D3642", -1, z), 0);
  cr_assert_str_eq(z, "74be27de-1e4e-49d9-b579-fe0b331d3642");
  cr_assert_eq(kqlValParseGuid("{74be27de-1e4e-49d9-b579-fe0b331d3642}", -1, z), 0);
  cr_assert_str_eq(z, "74be27de-1e4e-49d9-b579-fe0b331d3642");
  cr_assert_eq(kqlValParseGuid("74be27de1e4e49d9b579fe0b331d3642", -1, z), 0);
  cr_assert_str_eq(z, "74be27de-1e4e-49d9-b579-fe0b331d3642");
  /* toguid's reference page */
  cr_assert_eq(kqlValParseGuid("0123456789ab-cdef-0123-456789abcdef", -1, z), 0);
  cr_assert_str_eq(z, "01234567-89ab-cdef-0123-456789abcdef");
  cr_assert_eq(kqlValParseGuid("a string that is not a guid", -1, z), -1);
  cr_assert_eq(kqlValParseGuid("74be27de--1e4e-49d9-b579-fe0b331d364", -1, z), -1);
  cr_assert_eq(kqlValParseGuid("74be27de-1e4e-49d9-b579-fe0b331d364", -1, z), -1);
  cr_assert_eq(kqlValParseGuid("74be27de-1e4e-49d9-b579-fe0b331d364g", -1, z), -1);
  cr_assert_eq(kqlValParseGuid("74be27de+1e4e-49d9-b579-fe0b331d3642", -1, z), -1);
  cr_assert_eq(kqlValParseGuid("", -1, z), -1);
}
