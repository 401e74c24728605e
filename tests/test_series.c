/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests of the series functions that return several columns
** and of the algorithms behind them (bind_series.c, fn_series_decomp.c,
** fn_series_periods.c, fn_series_fit.c): '(a, b, ...) = f(...)', 'a =
** f(...)' and bare 'f(...)' items with the column names and types of
** Microsoft's binder (checked with the oracle), and the KQL docs' examples.
** Where the docs give exact numbers (series_stats, series_fit_line) they
** are asserted; where they only state the outcome (series_decompose_
** anomalies finds the 6 outliers added to the weekly series, series_periods
** finds the 14-point period) the test asserts that outcome. The docs
** examples' 2*rand() noise is replaced by a fixed pseudo-random sequence.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include "kql.h"
#include "kqltest.h"

typedef struct SeriesCase SeriesCase;
struct SeriesCase {
  const char *zWhat;
  const char *zQuery;
  const char *zExpect;
};

static const SeriesCase aDocs[] = {
  {"extend (x, b) = f(x): every output is computed from the input's x",
   "print x=dynamic([3, 1, 2]) | extend (b, x) = series_stats(x)",
   "x:long,b:real,series_stats_x_max:real,series_stats_x_max_idx:long,series_stats_x_avg:real,series_stats_x_stdev:real,series_stats_x_variance:real\n1,1,3,0,2,1,1\n"},
  {"series_stats: the docs example",
   "print x=dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]) | project series_stats(x)",
   "series_stats_x_min:real,series_stats_x_min_idx:long,series_stats_x_max:real,series_stats_x_max_idx:long,series_stats_x_avg:real,series_stats_x_stdev:real,series_stats_x_variance:real\n2,8,87,3,32.8,28.503633853548266,812.4571428571428\n"},
  {"series_fit_line: the docs example",
   "print y=dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]) | extend (RSquare, Slope, Variance, RVariance, Interception, LineFit)=series_fit_line(y) | project RSquare, Slope, Variance, RVariance, Interception, LineFit",
   "RSquare:real,Slope:real,Variance:real,RVariance:real,Interception:real,LineFit:dynamic\n0.982900730884447,2.730769230769231,98.62878787878786,1.6864801864801877,-1.6666666666666667,[1.064102564102564,3.7948717948717947,6.525641025641026,9.256410256410257,11.987179487179487,14.71794871794872,17.44871794871795,20.17948717948718,22.91025641025641,25.64102564102564,28.371794871794872,31.102564102564106]\n"},
  {"series_decompose_anomalies: the docs weekly example finds exactly its 6 outliers",
   "range t from 1 to 24*7*5 step 1 | extend y = 2*((t*t*7919)%1009)/1009.0 + iff((t/24)%7>=5, 10.0, 15.0) - (((t%24)/10)*((t%24)/10)) | extend y=iff(t==150 or t==200 or t==780, y-8.0, y) | extend y=iff(t==300 or t==400 or t==600, y+8.0, y) | summarize t=make_list(t, 10000), y=make_list(y, 10000) | extend series_decompose_anomalies(y) | mv-expand t to typeof(long), series_decompose_anomalies_y_ad_flag to typeof(long) | where series_decompose_anomalies_y_ad_flag != 0 | project t, series_decompose_anomalies_y_ad_flag",
   "t:long,series_decompose_anomalies_y_ad_flag:long\n150,-1\n200,-1\n300,1\n400,1\n600,1\n780,-1\n"},
  {"series_decompose_anomalies: explicit period 168",
   "range t from 1 to 24*7*5 step 1 | extend y = 2*((t*t*7919)%1009)/1009.0 + iff((t/24)%7>=5, 10.0, 15.0) - (((t%24)/10)*((t%24)/10)) | extend y=iff(t==150 or t==200 or t==780, y-8.0, y) | extend y=iff(t==300 or t==400 or t==600, y+8.0, y) | summarize t=make_list(t, 10000), y=make_list(y, 10000) | extend (flag, score, baseline) = series_decompose_anomalies(y, 1.5, 168) | mv-expand t to typeof(long), flag to typeof(long) | where flag != 0 | project t, flag",
   "t:long,flag:long\n150,-1\n200,-1\n300,1\n400,1\n600,1\n780,-1\n"},
  {"series_decompose_anomalies: the docs trend example with 'linefit'",
   "range t from 1 to 24*7*5 step 1 | extend y = 2*((t*t*7919)%1009)/1009.0 + iff((t/24)%7>=5, 5.0, 15.0) - (((t%24)/10)*((t%24)/10)) + t/72.0 | extend y=iff(t==150 or t==200 or t==780, y-8.0, y) | extend y=iff(t==300 or t==400 or t==600, y+8.0, y) | summarize t=make_list(t, 10000), y=make_list(y, 10000) | extend (flag, score, baseline) = series_decompose_anomalies(y, 1.5, -1, 'linefit') | mv-expand t to typeof(long), flag to typeof(long) | where flag != 0 | project t, flag",
   "t:long,flag:long\n150,-1\n200,-1\n300,1\n400,1\n600,1\n780,-1\n"},
  {"series_decompose_forecast: the docs example forecasts the empty last week",
   "range t from 1 to 24*7*4 step 1 | extend Timestamp = datetime(2018-03-01 05:00) + 1h * t | extend y = 2*((t*t*7919)%1009)/1009.0 + iff((t/24)%7>=5, 5.0, 15.0) - (((t%24)/10)*((t%24)/10)) + t/72.0 | make-series y=max(y) on Timestamp from datetime(2018-03-01 05:00) to datetime(2018-03-01 05:00)+24*7*5h step 1h | extend y_forecasted = series_decompose_forecast(y, 24*7) | mv-expand with_itemindex=i y_forecasted to typeof(real) | where i >= 24*7*4 | extend truth = 1.0 + iff((i/24)%7>=5, 5.0, 15.0) - (((i%24)/10)*((i%24)/10)) + i/72.0 | summarize close = max(abs(y_forecasted - truth)) < 1.5, n = count()",
   "close:bool,n:long\ntrue,168\n"},
  {"series_periods_detect: the docs example finds the 14-point week and nothing else",
   "print y=dynamic([80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72, 152, 94, 148, 105, 162, 101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71, 62, 62, 65, 165, 109, 181, 115, 182, 121, 178, 114, 170]) | project (periods, scores) = series_periods_detect(y, 0.0, 50.0, 2) | project periods, strong = todouble(scores[0]) > 0.6, second = todouble(scores[1])",
   "periods:dynamic,strong:bool,second:real\n[14.0,0.0],true,0\n"},
  {"series_periods_validate: the docs example, 14 high and 10 zero",
   "print y=dynamic([80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72, 152, 94, 148, 105, 162, 101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71, 62, 62, 65, 165, 109, 181, 115, 182, 121, 178, 114, 170]) | project (periods, scores) = series_periods_validate(y, 14.0, 10.0) | project periods, strong = todouble(scores[0]) > 0.6, second = todouble(scores[1])",
   "periods:dynamic,strong:bool,second:real\n[14.0,10.0],true,0\n"},
  {"series_periods_detect: weekly and daily periods of the hourly docs series",
   "range t from 1 to 24*7*5 step 1 | extend y = 2*((t*t*7919)%1009)/1009.0 + iff((t/24)%7>=5, 10.0, 15.0) - (((t%24)/10)*((t%24)/10)) | extend y=iff(t==150 or t==200 or t==780, y-8.0, y) | extend y=iff(t==300 or t==400 or t==600, y+8.0, y) | summarize t=make_list(t, 10000), y=make_list(y, 10000) | project (periods, scores) = series_periods_detect(y, 0.8*24, 1.2*168, 2) | project periods",
   "periods:dynamic\n[168.0,24.0]\n"},
  {"series_decompose: neither seasonality nor trend gives baseline 0 and residual x",
   "print x=dynamic([5, 7, 6, 5, 7, 6, 5, 7, 6]) | project (baseline, seasonal, trend, residual) = series_decompose(x, 0, 'none')",
   "baseline:dynamic,seasonal:dynamic,trend:dynamic,residual:dynamic\n[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0],[5.0,7.0,6.0,5.0,7.0,6.0,5.0,7.0,6.0]\n"},
  {"series_decompose: a given period, seasonal = phase medians",
   "print x=dynamic([5, 7, 6, 5, 7, 6, 5, 7, 6]) | project (baseline, seasonal, trend, residual) = series_decompose(x, 3)",
   "baseline:dynamic,seasonal:dynamic,trend:dynamic,residual:dynamic\n[5.0,7.0,6.0,5.0,7.0,6.0,5.0,7.0,6.0],[5.0,7.0,6.0,5.0,7.0,6.0,5.0,7.0,6.0],[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]\n"},
  {"series_outliers: Tukey's fences (25/75) flag the rise and the decline",
   "print x=dynamic([10, 11, 9, 10, 12, 10, 60, 10, 11, -40, 10, null, 9, 10]) | project o = series_outliers(x, 'tukey') | mv-expand with_itemindex=i o to typeof(real) | where abs(o) > 1.5 | project i, up = o > 0",
   "i:long,up:bool\n6,true\n9,false\n"},
  {"series_outliers: ctukey (10/90) scores, 0 for null",
   "print x=dynamic([10, 11, 9, 10, 12, 10, 60, 10, 11, -40, 10, null, 9, 10]) | project series_outliers(x)",
   "x:dynamic\n[0.0,0.0,0.0,0.0,0.07142857142857116,0.0,17.21428571428571,0.0,0.0,-17.499999999999996,0.0,0.0,0.0,0.0]\n"},
  {"series_fit_2lines_dynamic: a V splits at its top",
   "print x=dynamic([1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1]) | project series_fit_2lines_dynamic(x)",
   "Column1:dynamic\n{\"rsquare\":1.0,\"split_idx\":6,\"variance\":3.1818181818181817,\"rvariance\":0.0,\"line_fit\":[1.0,2.0,3.0,4.0,5.0,6.0,6.0,5.0,4.0,3.0,2.0,1.0],\"right\":{\"rsquare\":1.0,\"slope\":-1.0,\"interception\":7.0,\"variance\":3.5,\"rvariance\":0.0},\"left\":{\"rsquare\":1.0,\"slope\":1.0,\"interception\":0.0,\"variance\":3.5,\"rvariance\":0.0}}\n"},
};

static const SeriesCase aNames[] = {
  {"print keeps only the named outputs (a bare call gives all)",
   "print (a, b) = series_stats(dynamic([1, 2, 3])), c = series_stats(dynamic([4]))",
   "a:real,b:long,c:real\n1,0,4\n"},
  {"two bare calls: the second gets 1-suffixed names, as in Microsoft's binder",
   "print x=dynamic([1,2]) | extend series_stats(x), series_stats(x) | getschema | project ColumnName",
   "ColumnName:string\nx\nseries_stats_x_min\nseries_stats_x_min_idx\nseries_stats_x_max\nseries_stats_x_max_idx\nseries_stats_x_avg\nseries_stats_x_stdev\nseries_stats_x_variance\nseries_stats_x_min1\nseries_stats_x_min_idx1\nseries_stats_x_max1\nseries_stats_x_max_idx1\nseries_stats_x_avg1\nseries_stats_x_stdev1\nseries_stats_x_variance1\n"},
  {"a default name never replaces an input column",
   "print x=dynamic([1,2]) | extend series_fit_line_x_slope=1 | extend series_fit_line(x) | getschema | project ColumnName",
   "ColumnName:string\nx\nseries_fit_line_x_slope\nseries_fit_line_x_rsquare\nseries_fit_line_x_slope1\nseries_fit_line_x_variance\nseries_fit_line_x_rvariance\nseries_fit_line_x_interception\nseries_fit_line_x_line_fit\n"},
  {"bare call: series_fit_line_<arg>_<output>, typed as the oracle",
   "print y=dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]) | project series_fit_line(y) | getschema | project ColumnName, ColumnType",
   "ColumnName:string,ColumnType:string\nseries_fit_line_y_rsquare,real\nseries_fit_line_y_slope,real\nseries_fit_line_y_variance,real\nseries_fit_line_y_rvariance,real\nseries_fit_line_y_interception,real\nseries_fit_line_y_line_fit,dynamic\n"},
  {"extend f(x)",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | extend series_decompose_anomalies(x) | getschema | project ColumnName, ColumnType",
   "ColumnName:string,ColumnType:string\nx,dynamic\nseries_decompose_anomalies_x_ad_flag,dynamic\nseries_decompose_anomalies_x_ad_score,dynamic\nseries_decompose_anomalies_x_baseline,dynamic\n"},
  {"fewer names than outputs: the rest get default names",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | extend (a, b) = series_decompose_anomalies(x) | getschema | project ColumnName",
   "ColumnName:string\nx\na\nb\nseries_decompose_anomalies_x_baseline\n"},
  {"a = f(x) names the first output",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | extend y = series_periods_detect(x, 4, 6, 1) | getschema | project ColumnName",
   "ColumnName:string\nx\ny\nseries_periods_detect_x_scores\n"},
  {"series_decompose and series_decompose_forecast",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | project series_decompose(x), series_decompose_forecast(x, 2) | getschema | project ColumnName",
   "ColumnName:string\nseries_decompose_x_baseline\nseries_decompose_x_seasonal\nseries_decompose_x_trend\nseries_decompose_x_residual\nseries_decompose_forecast_x_baseline\nseries_decompose_forecast_x_seasonal\nseries_decompose_forecast_x_trend\nseries_decompose_forecast_x_residual\n"},
  {"series_fit_2lines: split_idx is long",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | project series_fit_2lines(x) | getschema | project ColumnName, ColumnType",
   "ColumnName:string,ColumnType:string\nseries_fit_2lines_x_rsquare,real\nseries_fit_2lines_x_split_idx,long\nseries_fit_2lines_x_variance,real\nseries_fit_2lines_x_rvariance,real\nseries_fit_2lines_x_line_fit,dynamic\nseries_fit_2lines_x_right_rsquare,real\nseries_fit_2lines_x_right_slope,real\nseries_fit_2lines_x_right_interception,real\nseries_fit_2lines_x_right_variance,real\nseries_fit_2lines_x_right_rvariance,real\nseries_fit_2lines_x_left_rsquare,real\nseries_fit_2lines_x_left_slope,real\nseries_fit_2lines_x_left_interception,real\nseries_fit_2lines_x_left_variance,real\nseries_fit_2lines_x_left_rvariance,real\n"},
  {"x.a names x_a; series_periods_validate",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | project series_stats(x.a), series_periods_validate(x, 4.0) | getschema | project ColumnName",
   "ColumnName:string\nseries_stats_x_a_min\nseries_stats_x_a_min_idx\nseries_stats_x_a_max\nseries_stats_x_a_max_idx\nseries_stats_x_a_avg\nseries_stats_x_a_stdev\nseries_stats_x_a_variance\nseries_periods_validate_x_periods\nseries_periods_validate_x_scores\n"},
  {"series_outliers(x) is named x",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | project series_outliers(x) | getschema | project ColumnName",
   "ColumnName:string\nx\n"},
};

static const SeriesCase aErrors[] = {
  {"extend naming two columns the arguments use",
   "print x=dynamic([3,1,2]), y=dynamic([1]) | extend (y, x) = series_stats(series_add(x, y))",
   "error KQL190 @50+39: not supported: (a, b, ...) = series_stats(...) naming two columns its arguments use\n"},
  {"more names than outputs",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | extend (a, b, c, d) = series_decompose_anomalies(x)",
   "error KQL112 @65+1: the name 'd' does not have a corresponding expression (series_decompose_anomalies returns 3 columns)\n"},
  {"a multi-column function inside an expression",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | extend a = series_stats(x).min",
   "error KQL190 @59+15: not supported: series_stats\n"},
  {"unknown trend",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | project series_decompose(x, -1, 'bad')",
   "series_decompose_x_baseline:dynamic,series_decompose_x_seasonal:dynamic,series_decompose_x_trend:dynamic,series_decompose_x_residual:dynamic\nerror KQL300 @0+86: runtime error: series_decompose(): unknown trend 'bad' (expected 'avg', 'linefit' or 'none')\n"},
  {"unknown outlier kind",
   "print x=dynamic([1,2,3,4,5,6,7,8,9,10,11,12]) | project series_outliers(x, 'zz')",
   "x:dynamic\nerror KQL300 @0+80: runtime error: series_outliers(): unknown kind 'zz' (expected 'ctukey' or 'tukey')\n"},
};

static void check(const SeriesCase *c){
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  cr_expect_str_eq(z, c->zExpect, "%s\n%s\nexpected:\n%s\ngot:\n%s", c->zWhat, c->zQuery, c->zExpect, z);
  if( strncmp(c->zExpect, "error", 5)==0 ) cr_expect_neq(rc, KQL_OK, "%s: expected a failure", c->zWhat);
  free(z);
}

#define SERIES_SUITE(NAME, TABLE) \
  ParameterizedTestParameters(series, NAME){ \
    static size_t aIdx[sizeof(TABLE)/sizeof(TABLE[0])]; \
    for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i; \
    return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0])); \
  } \
  ParameterizedTest(size_t *pi, series, NAME){ check(&TABLE[*pi]); }

SERIES_SUITE(docs, aDocs)
SERIES_SUITE(names, aNames)
SERIES_SUITE(errors, aErrors)
