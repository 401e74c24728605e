/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests of the datetime built-ins (fn_datetime.c, fn_datefmt.c, fn_tz.c)
** through plain SQL. Expected values are the examples of the KQL reference
** docs where they give one. Type tags: 'a'+KQL_T_*, so d long, e real,
** h datetime, i timespan.
*/
#include "fnbtest.h"
#include <unistd.h>

/* bin, floor, bin_at */
static const FnbCase aBin[] = {
  {"SELECT kql_bin('ed', 4.5, 1)",                                    "4"},
  {"SELECT typeof(kql_bin('ed', 4.5, 1))",                            "real"},
  {"SELECT kql_bin('dd', 7, 2)",                                      "6"},
  {"SELECT typeof(kql_bin('dd', 7, 2))",                              "integer"},
  {"SELECT kql_bin('dd', -7, 2)",                                     "-8"},
  {"SELECT kql_bin('ed', -4.5, 1)",                                   "-5"},
  {"SELECT kql_bin('de', 7, 2.5)",                                    "5"},
  {"SELECT t_tsf(kql_bin('ii', t_ts('16d'), t_ts('7d')))",            "14.00:00:00"},
  {"SELECT t_tsf(kql_bin('ii', -t_ts('1h'), t_ts('1d')))",            "-1.00:00:00"},
  {"SELECT t_dt(kql_bin('hi', t_d('1970-05-11 13:45:07'), t_ts('1d')))", "1970-05-11T00:00:00Z"},
  /* Ticks count from 0001-01-01, a Monday: weekly bins start on Mondays. */
  {"SELECT t_dt(kql_bin('hi', t_d('1970-01-01'), t_ts('7d')))",       "1969-12-29T00:00:00Z"},
  {"SELECT t_dt(kql_bin('hi', t_d('2023-02-01 09:04:04.8'), t_ts('1d')))", "2023-02-01T00:00:00Z"},
  {"SELECT kql_bin('dd', NULL, 2)",                                   "<null>"},
  {"SELECT kql_bin('dd', 7, NULL)",                                   "<null>"},
  {"SELECT kql_bin('dd', 7, -2)",                                     "<null>"},
  {"SELECT kql_bin('dd', 7, 0)",                                      "<null>"},
  {"SELECT kql_bin('dd', -9223372036854775807, 10)",                  "<null>"},
  {"SELECT kql_bin_at('eed', 6.5, 2.5, 7)",                           "4.5"},
  {"SELECT t_tsf(kql_bin_at('iii', t_ts('1h'), t_ts('1d'), t_ts('12h')))", "-12:00:00"},
  {"SELECT t_dt(kql_bin_at('hih', t_d('2017-05-15 10:20:00.0'), t_ts('1d'), t_d('1970-01-01 12:00:00.0')))",
   "2017-05-14T12:00:00Z"},
  {"SELECT t_dt(kql_bin_at('hih', t_d('2017-05-17 10:20:00.0'), t_ts('7d'), t_d('2017-06-04 00:00:00.0')))",
   "2017-05-14T00:00:00Z"},
  {"SELECT t_dt(kql_bin_at('hih', t_d('2018-02-23T16:14'), t_ts('1d'), t_d('2018-02-24 15:14:00')))",
   "2018-02-23T15:14:00Z"},
  {"SELECT t_dt(kql_bin_at('hih', t_d('2018-02-26T15:14'), t_ts('1d'), t_d('2018-02-24 15:14:00')))",
   "2018-02-26T15:14:00Z"},
};
Test(fn_datetime, bin){ fnbCases(aBin, FNB_N(aBin)); }

/* startof*, endof* with the docs' offsets -1, 0, 1 from 2017-01-01 10:10:17 */
static const FnbCase aStartOf[] = {
  {"SELECT t_dt(kql_startofday(t_d('2017-01-01 10:10:17'), -1))",   "2016-12-31T00:00:00Z"},
  {"SELECT t_dt(kql_startofday(t_d('2017-01-01 10:10:17')))",       "2017-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_startofday(t_d('2017-01-01 10:10:17'), 1))",    "2017-01-02T00:00:00Z"},
  {"SELECT t_dt(kql_startofweek(t_d('2017-01-01 10:10:17'), -1))",  "2016-12-25T00:00:00Z"},
  {"SELECT t_dt(kql_startofweek(t_d('2017-01-01 10:10:17'), 0))",   "2017-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_startofweek(t_d('2017-01-01 10:10:17'), 1))",   "2017-01-08T00:00:00Z"},
  {"SELECT t_dt(kql_startofmonth(t_d('2017-01-01 10:10:17'), -1))", "2016-12-01T00:00:00Z"},
  {"SELECT t_dt(kql_startofmonth(t_d('2017-01-01 10:10:17'), 1))",  "2017-02-01T00:00:00Z"},
  {"SELECT t_dt(kql_startofyear(t_d('2017-01-01 10:10:17'), -1))",  "2016-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_startofyear(t_d('2017-01-01 10:10:17'), 1))",   "2018-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_endofday(t_d('2017-01-01 10:10:17'), -1))",     "2016-12-31T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofday(t_d('2017-01-01 10:10:17'), 1))",      "2017-01-02T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofweek(t_d('2017-01-01 10:10:17'), -1))",    "2016-12-31T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofweek(t_d('2017-01-01 10:10:17')))",        "2017-01-07T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofweek(t_d('2017-01-01 10:10:17'), 1))",     "2017-01-14T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofmonth(t_d('2016-02-10')))",                "2016-02-29T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofyear(t_d('2017-01-01 10:10:17'), -1))",    "2016-12-31T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_endofyear(t_d('2017-01-01 10:10:17'), 1))",     "2018-12-31T23:59:59.9999999Z"},
  {"SELECT t_dt(kql_startofday(t_d('1969-12-31 23:00')))",          "1969-12-31T00:00:00Z"},
  {"SELECT kql_startofday(NULL)",                                   "<null>"},
  {"SELECT kql_startofyear(t_d('2017-01-01'), 9000)",               "<null>"},
  {"SELECT kql_startofyear(t_d('2017-01-01'), 9223372036854775807)", "<null>"},
};
Test(fn_datetime, startof_endof){ fnbCases(aStartOf, FNB_N(aStartOf)); }

static const FnbCase aAddDiff[] = {
  {"SELECT t_dt(kql_datetime_add('year', 1, t_d('2017-01-01')))",    "2018-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('quarter', 1, t_d('2017-01-01')))", "2017-04-01T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('month', 1, t_d('2017-01-01')))",   "2017-02-01T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('week', 1, t_d('2017-01-01')))",    "2017-01-08T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('day', 1, t_d('2017-01-01')))",     "2017-01-02T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('hour', 1, t_d('2017-01-01')))",    "2017-01-01T01:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('minute', 1, t_d('2017-01-01')))",  "2017-01-01T00:01:00Z"},
  {"SELECT t_dt(kql_datetime_add('second', 1, t_d('2017-01-01')))",  "2017-01-01T00:00:01Z"},
  {"SELECT t_dt(kql_datetime_add('year', -5, t_d('2017-01-01')))",   "2012-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('quarter', 12, t_d('2017-01-01')))", "2020-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('month', -15, t_d('2017-01-01')))", "2015-10-01T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('week', 100, t_d('2017-01-01')))",  "2018-12-02T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('Month', 1, t_d('2017-01-31')))",   "2017-02-28T00:00:00Z"},
  {"SELECT t_dt(kql_datetime_add('millisecond', 5, t_d('2017-01-01')))", "2017-01-01T00:00:00.0050000Z"},
  {"SELECT t_dt(kql_datetime_add('nanosecond', 700, t_d('2017-01-01')))", "2017-01-01T00:00:00.0000007Z"},
  {"SELECT kql_datetime_add('year', 9000, t_d('2017-01-01'))",       "<null>"},
  {"SELECT kql_datetime_add('day', NULL, t_d('2017-01-01'))",        "<null>"},
  {"SELECT kql_datetime_add('fortnight', 1, t_d('2017-01-01'))",
   "ERROR: datetime_add(): unknown period 'fortnight'"},
  {"SELECT kql_datetime_diff('year', t_d('2017-01-01'), t_d('2000-12-31'))",               "17"},
  {"SELECT kql_datetime_diff('quarter', t_d('2017-07-01'), t_d('2017-03-30'))",            "2"},
  {"SELECT kql_datetime_diff('month', t_d('2017-01-01'), t_d('2015-12-30'))",              "13"},
  {"SELECT kql_datetime_diff('week', t_d('2017-10-29 00:00'), t_d('2017-09-30 23:59'))",   "5"},
  {"SELECT kql_datetime_diff('day', t_d('2017-10-29 00:00'), t_d('2017-09-30 23:59'))",    "29"},
  {"SELECT kql_datetime_diff('hour', t_d('2017-10-31 01:00'), t_d('2017-10-30 23:59'))",   "2"},
  {"SELECT kql_datetime_diff('minute', t_d('2017-10-30 23:05:01'), t_d('2017-10-30 23:00:59'))", "5"},
  {"SELECT kql_datetime_diff('second', t_d('2017-10-30 23:00:10.100'), t_d('2017-10-30 23:00:00.900'))", "10"},
  {"SELECT kql_datetime_diff('millisecond', t_d('2017-10-30 23:00:00.200100'), t_d('2017-10-30 23:00:00.100900'))", "100"},
  {"SELECT kql_datetime_diff('microsecond', t_d('2017-10-30 23:00:00.1009001'), t_d('2017-10-30 23:00:00.1008009'))", "100"},
  {"SELECT kql_datetime_diff('nanosecond', t_d('2017-10-30 23:00:00.0000000'), t_d('2017-10-30 23:00:00.0000007'))", "-700"},
  {"SELECT kql_datetime_diff('day', t_d('2017-01-01'), t_d('2017-01-05'))",                "-4"},
  {"SELECT kql_datetime_diff('day', NULL, t_d('2017-01-05'))",                             "<null>"},
};
Test(fn_datetime, add_diff){ fnbCases(aAddDiff, FNB_N(aAddDiff)); }

static const FnbCase aPart[] = {
  {"SELECT kql_datetime_part('year', t_d('2017-10-30 01:02:03.7654321'))",         "2017"},
  {"SELECT kql_datetime_part('quarter', t_d('2017-10-30 01:02:03.7654321'))",      "4"},
  {"SELECT kql_datetime_part('month', t_d('2017-10-30 01:02:03.7654321'))",        "10"},
  {"SELECT kql_datetime_part('week_of_year', t_d('2017-10-30 01:02:03.7654321'))", "44"},
  {"SELECT kql_datetime_part('day', t_d('2017-10-30 01:02:03.7654321'))",          "30"},
  {"SELECT kql_datetime_part('dayOfYear', t_d('2017-10-30 01:02:03.7654321'))",    "303"},
  {"SELECT kql_datetime_part('hour', t_d('2017-10-30 01:02:03.7654321'))",         "1"},
  {"SELECT kql_datetime_part('minute', t_d('2017-10-30 01:02:03.7654321'))",       "2"},
  {"SELECT kql_datetime_part('second', t_d('2017-10-30 01:02:03.7654321'))",       "3"},
  {"SELECT kql_datetime_part('millisecond', t_d('2017-10-30 01:02:03.7654321'))",  "765"},
  {"SELECT kql_datetime_part('microsecond', t_d('2017-10-30 01:02:03.7654321'))",  "765432"},
  {"SELECT kql_datetime_part('nanosecond', t_d('2017-10-30 01:02:03.7654321'))",   "765432100"},
  {"SELECT kql_datetime_part('eon', t_d('2017-10-30'))", "ERROR: datetime_part(): unknown period 'eon'"},
  {"SELECT kql_week_of_year(t_d('2020-12-31'))",          "53"},
  {"SELECT kql_week_of_year(t_d('2020-06-15'))",          "25"},
  {"SELECT kql_week_of_year(t_d('1970-01-01'))",          "1"},
  {"SELECT kql_week_of_year(t_d('2000-01-01'))",          "52"},
  {"SELECT kql_week_of_year(t_d('2018-12-31'))",          "1"},
  {"SELECT kql_getyear(t_d('2015-10-12'))",               "2015"},
  {"SELECT kql_hourofday(t_d('2015-12-14 18:54'))",       "18"},
  {"SELECT kql_getmonth(t_d('2015-12-14'))",              "12"},
  {"SELECT kql_dayofmonth(t_d('2015-12-14'))",            "14"},
  {"SELECT kql_dayofyear(t_d('2015-12-31'))",             "365"},
  {"SELECT t_tsf(kql_dayofweek(t_d('1947-11-30 10:00:05')))", "00:00:00"},
  {"SELECT t_tsf(kql_dayofweek(t_d('1970-05-11')))",      "1.00:00:00"},
  {"SELECT kql_getyear(NULL)",                            "<null>"},
};
Test(fn_datetime, parts){ fnbCases(aPart, FNB_N(aPart)); }

static const FnbCase aMake[] = {
  {"SELECT t_dt(kql_make_datetime(2017, 10, 1))",                    "2017-10-01T00:00:00Z"},
  {"SELECT t_dt(kql_make_datetime(2017, 10, 1, 12, 10))",            "2017-10-01T12:10:00Z"},
  {"SELECT t_dt(kql_make_datetime(2017, 10, 1, 12, 11, 0.1234567))", "2017-10-01T12:11:00.1234567Z"},
  {"SELECT kql_make_datetime(2017, 2, 29)",                          "<null>"},
  {"SELECT kql_make_datetime(2017, 13, 1)",                          "<null>"},
  {"SELECT kql_make_datetime(2017, 1, 1, 24, 0)",                    "<null>"},
  {"SELECT kql_make_datetime(NULL, 1, 1)",                           "<null>"},
  {"SELECT t_tsf(kql_make_timespan(1, 12, 30, 55.123))",             "1.12:30:55.1230000"},
  {"SELECT t_tsf(kql_make_timespan(1, 30))",                         "01:30:00"},
  {"SELECT t_tsf(kql_make_timespan(1, 30, 15))",                     "01:30:15"},
  {"SELECT kql_make_timespan(1, NULL)",                              "<null>"},
  {"SELECT t_dt(kql_unixtime_seconds_todatetime(1546300800))",       "2019-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_unixtime_milliseconds_todatetime(1546300800000))", "2019-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_unixtime_microseconds_todatetime(1546300800000000))", "2019-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_unixtime_nanoseconds_todatetime(1546300800000000000))", "2019-01-01T00:00:00Z"},
  {"SELECT t_dt(kql_unixtime_seconds_todatetime(1.5))",              "1970-01-01T00:00:01.5000000Z"},
  {"SELECT kql_unixtime_seconds_todatetime(1e15)",                   "<null>"},
  {"SELECT kql_unixtime_seconds_todatetime(9223372036854775807)",    "<null>"},
  {"SELECT kql_unixtime_seconds_todatetime(NULL)",                   "<null>"},
};
Test(fn_datetime, make){ fnbCases(aMake, FNB_N(aMake)); }

static const FnbCase aFormat[] = {
  {"SELECT kql_format_datetime(t_d('2017-01-29 09:00:05'), 'yy-MM-dd [HH:mm:ss]')",   "17-01-29 [09:00:05]"},
  {"SELECT kql_format_datetime(t_d('2017-01-29 09:00:05'), 'yyyy-M-dd [H:mm:ss]')",   "2017-1-29 [9:00:05]"},
  {"SELECT kql_format_datetime(t_d('2017-01-29 09:00:05'), 'yy-MM-dd [hh:mm:ss tt]')", "17-01-29 [09:00:05 AM]"},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:30.6175425'), 'h hh H HH')",     "1 01 13 13"},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:30.6175425'), 'f ff fff fffffff')", "6 61 617 6175425"},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:30.0001150'), 'FFFFFFF')",       "000115"},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:30.0500000'), 'F')",             ""},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:30'), 'HH:mm:ss.FFF')",          "13:45:30"},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:30.617'), 'ss.FFF')",            "30.617"},
  {"SELECT kql_format_datetime(t_d('0900-01-01'), 'y yy yyyy')",                      "0 00 0900"},
  {"SELECT kql_format_datetime(t_d('2019-06-15'), 'y/d/M')",                          "19/15/6"},
  {"SELECT kql_format_datetime(t_d('2009-06-01T13:45:30'), 'd dd')",                  "1 01"},
  {"SELECT kql_format_datetime(t_d('2009-06-15T13:45:09'), 'ddd, dd MMM yyyy')",      "Mon, 15 Jun 2009"},
  {"SELECT kql_format_datetime(NULL, 'yyyy')",                                        ""},
  {"SELECT kql_format_timespan(t_ts('29.09:00:05.12345'), 'dd.hh:mm:ss:FF')",         "29.09:00:05:12"},
  {"SELECT kql_format_timespan(t_ts('29.09:00:05.12345'), 'ddd.h:mm:ss [fffffff]')",  "029.9:00:05 [1234500]"},
  {"SELECT kql_format_timespan(t_ts('15.13:45:30'), 'd dd ddd H HH m mm s ss')",      "15 15 015 13 13 45 45 30 30"},
  {"SELECT kql_format_timespan(-t_ts('1h'), 'hh:mm')",                                "01:00"},
  {"SELECT kql_format_timespan(NULL, 'hh')",                                          ""},
};
Test(fn_datetime, format){ fnbCases(aFormat, FNB_N(aFormat)); }

static const FnbCase aTzFixed[] = {
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2020-02-02 20:02:20'), 'UTC'))",    "2020-02-02T20:02:20Z"},
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2020-02-02 20:02:20'), '+05:30'))", "2020-02-03T01:32:20Z"},
  {"SELECT t_dt(kql_datetime_local_to_utc(t_d('2020-02-02 20:02:20'), 'UTC-3'))",  "2020-02-02T23:02:20Z"},
  {"SELECT kql_datetime_utc_to_local(NULL, 'UTC')",                                "<null>"},
  {"SELECT kql_datetime_utc_to_local(t_d('2020-02-02'), '../../etc/passwd')",
   "ERROR: datetime_utc_to_local(): unknown time zone '../../etc/passwd'"},
  {"SELECT kql_datetime_local_to_utc(t_d('2020-02-02'), 'Mars/Olympus')",
   "ERROR: datetime_local_to_utc(): unknown time zone 'Mars/Olympus'"},
};
Test(fn_datetime, timezone_fixed){ fnbCases(aTzFixed, FNB_N(aTzFixed)); }

/* Named zones need the system tz database. */
static const FnbCase aTzNamed[] = {
  {"SELECT t_dt(kql_datetime_local_to_utc(t_d('2020-02-02 20:02:20'), 'US/Pacific'))",      "2020-02-03T04:02:20Z"},
  {"SELECT t_dt(kql_datetime_local_to_utc(t_d('2020-02-02 20:02:20'), 'America/Chicago'))", "2020-02-03T02:02:20Z"},
  {"SELECT t_dt(kql_datetime_local_to_utc(t_d('2020-02-02 20:02:20'), 'Europe/Paris'))",    "2020-02-02T19:02:20Z"},
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2022-07-11 22:18:48.467862'), 'US/Pacific'))",        "2022-07-11T15:18:48.4678620Z"},
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2022-07-11 22:18:48.467862'), 'Australia/Canberra'))", "2022-07-12T08:18:48.4678620Z"},
  /* Past the last listed transition: the POSIX rule of the file's footer. */
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2077-07-01 12:00'), 'Europe/Paris'))",  "2077-07-01T14:00:00Z"},
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2077-12-01 12:00'), 'Europe/Paris'))",  "2077-12-01T13:00:00Z"},
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2077-01-15 12:00'), 'Australia/Sydney'))", "2077-01-15T23:00:00Z"},
  {"SELECT t_dt(kql_datetime_utc_to_local(t_d('2020-01-01'), 'Etc/GMT+5'))",            "2019-12-31T19:00:00Z"},
};
Test(fn_datetime, timezone_named){
  if( access("/usr/share/zoneinfo/Europe/Paris", R_OK)!=0 ){
    cr_skip_test("no tz database in /usr/share/zoneinfo");
  }
  fnbCases(aTzNamed, FNB_N(aTzNamed));
}

/* Extreme inputs: never undefined behaviour (checked under UBSan), NULL
** when the result is not a datetime. */
static const FnbCase aExtreme[] = {
  {"SELECT kql_startofweek(9223372036854775807, 4000000)",                  "<null>"},
  {"SELECT kql_endofyear(-9223372036854775808, -4000000)",                  "<null>"},
  {"SELECT kql_startofmonth(9223372036854775807)",                          "<null>"},
  {"SELECT kql_datetime_add('month', 9223372036854775807, 0)",              "<null>"},
  {"SELECT kql_datetime_add('week', 9223372036854775807, 0)",               "<null>"},
  {"SELECT kql_datetime_add('nanosecond', -9223372036854775807, 0)",        "-92233720368547758"},
  {"SELECT kql_datetime_add('second', -9223372036854775807, 0)",            "<null>"},
  {"SELECT kql_datetime_diff('nanosecond', 9223372036854775807, -9223372036854775807)", "<null>"},
  {"SELECT kql_datetime_diff('year', 9223372036854775807, -9223372036854775807)", "58454"},
  {"SELECT kql_datetime_part('week_of_year', -9223372036854775808) > 0",   "1"},
  {"SELECT kql_bin('hi', -9223372036854775808, 1)",                         "<null>"},
  {"SELECT kql_bin('dd', 9223372036854775807, 3)",                          "9223372036854775806"},
  {"SELECT kql_bin('ee', 1e308, 1e-308)",                                   "<null>"},
  {"SELECT kql_make_timespan(9223372036854775807, 1)",                      "<null>"},
  {"SELECT kql_make_timespan(1, 2, 3, 1e300)",                              "<null>"},
  {"SELECT kql_make_datetime(99999, 1, 1)",                                 "<null>"},
  {"SELECT length(kql_format_datetime(0, printf('%.*c', 100000, 'x')))",    "100000"},
  {"SELECT kql_format_datetime(0, printf('%.*c', 100000, 'd'))",            "Thursday"},
  {"SELECT kql_format_timespan(-9223372036854775808, 'd.hh:mm:ss.fffffff')", "10675199.02:48:05.4775808"},
  {"SELECT kql_format_datetime(9223372036854775807, 'yyyy')",              ""},
  {"SELECT kql_dayofweek(-9223372036854775808) >= 0",                       "1"},
};
Test(fn_datetime, extreme_values){ fnbCases(aExtreme, FNB_N(aExtreme)); }
