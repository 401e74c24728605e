/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the KQL reference docs' examples for the
** time-series pages (series_* functions, make-series, the window functions,
** the array functions, range(), pack_array()) that build their own data and
** are not in shared/conformance/cases.jsonl nor in the earlier sweeps'
** tests. Where the docs print a table, each case is the docs' query and the
** docs' output; where they show a chart, the docs' query is followed by a
** projection asserting what the docs' text says about it (a moving average
** shifted by 2 points, the inserted outliers found ...), and for the rand()
** series only what holds for any draw. Column names and types from the
** oracle. Fixed by this sweep: series_fft(), series_ifft() and
** series_fit_poly() (were not supported).
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase DocCase;
#define runCases(a, n) kqltestRunCases((a), (n), 0)
#define N(A) (sizeof(A)/sizeof(A[0]))

/* the array functions, range(), pack_array() and the window functions */
static const DocCase aArrays[] = {
  /* row_cumsum(): salary per name, restarting when the name changes */
  {"datatable (name:string, month:int, salary:long)\n"
   "[\n"
   "    \"Alice\", 1, 1000,\n"
   "    \"Bob\",   1, 1000,\n"
   "    \"Alice\", 2, 2000,\n"
   "    \"Bob\",   2, 1950,\n"
   "    \"Alice\", 3, 1400,\n"
   "    \"Bob\",   3, 1450,\n"
   "]\n"
   "| order by name asc, month asc\n"
   "| extend total=row_cumsum(salary, name != prev(name))\n",
   "name:string,month:int,salary:long,total:long\n"
   "Alice,1,1000,1000\n"
   "Alice,2,2000,3000\n"
   "Alice,3,1400,4400\n"
   "Bob,1,1000,1000\n"
   "Bob,2,1950,2950\n"
   "Bob,3,1450,4400\n"},
  /* row_number(): a from 10 down to 1, rn from 1 up to 10 */
  {"range a from 1 to 10 step 1\n"
   "| sort by a desc\n"
   "| extend rn=row_number()\n",
   "a:long,rn:long\n"
   "10,1\n"
   "9,2\n"
   "8,3\n"
   "7,4\n"
   "6,5\n"
   "5,6\n"
   "4,7\n"
   "3,8\n"
   "2,9\n"
   "1,10\n"},
  /* row_number(7): rn starts at 7 */
  {"range a from 1 to 10 step 1\n"
   "| sort by a desc\n"
   "| extend rn=row_number(7)\n",
   "a:long,rn:long\n"
   "10,7\n"
   "9,8\n"
   "8,9\n"
   "7,10\n"
   "6,11\n"
   "5,12\n"
   "4,13\n"
   "3,14\n"
   "2,15\n"
   "1,16\n"},
  /* array_slice(): [1..2] */
  {"print arr=dynamic([1,2,3]) \n"
   "| extend sliced=array_slice(arr, 1, 2)",
   "arr:dynamic,sliced:dynamic\n"
   "[1,2,3],[2,3]\n"},
  /* array_slice(): a negative end counts from the end */
  {"print arr=dynamic([1,2,3,4,5]) \n"
   "| extend sliced=array_slice(arr, 2, -1)",
   "arr:dynamic,sliced:dynamic\n"
   "[1,2,3,4,5],[3,4,5]\n"},
  /* array_slice(): negative start and end */
  {"print arr=dynamic([1,2,3,4,5]) \n"
   "| extend sliced=array_slice(arr, -3, -2)",
   "arr:dynamic,sliced:dynamic\n"
   "[1,2,3,4,5],[3,4]\n"},
  /* array_length() */
  {"print array_length(dynamic([1, 2, 3, \"four\"]))",
   "print_0:long\n"
   "4\n"},
  /* pack_array() of three columns */
  {"range x from 1 to 3 step 1\n"
   "| extend y = x * 2\n"
   "| extend z = y * 2\n"
   "| project pack_array(x, y, z)",
   "Column1:dynamic\n"
   "[1,2,4]\n"
   "[2,4,8]\n"
   "[3,6,12]\n"},
  /* array_rotate_left() by a negative count rotates right */
  {"print arr=dynamic([1,2,3,4,5])\n"
   "| extend arr_rotated=array_rotate_left(arr, -2)",
   "arr:dynamic,arr_rotated:dynamic\n"
   "[1,2,3,4,5],[4,5,1,2,3]\n"},
  /* array_rotate_right() by two */
  {"print arr=dynamic([1,2,3,4,5])\n"
   "| extend arr_rotated=array_rotate_right(arr, 2)",
   "arr:dynamic,arr_rotated:dynamic\n"
   "[1,2,3,4,5],[4,5,1,2,3]\n"},
  /* array_shift_right(): nulls come in */
  {"print arr=dynamic([1,2,3,4,5])\n"
   "| extend arr_shift=array_shift_right(arr, 2)",
   "arr:dynamic,arr_shift:dynamic\n"
   "[1,2,3,4,5],[null,null,1,2,3]\n"},
  /* array_shift_right() with a default value */
  {"print arr=dynamic([1,2,3,4,5])\n"
   "| extend arr_shift=array_shift_right(arr, 2, -1)",
   "arr:dynamic,arr_shift:dynamic\n"
   "[1,2,3,4,5],[-1,-1,1,2,3]\n"},
  /* array_shift_right() by a negative count shifts left */
  {"print arr=dynamic([1,2,3,4,5])\n"
   "| extend arr_shift=array_shift_right(arr, -2, -1)",
   "arr:dynamic,arr_shift:dynamic\n"
   "[1,2,3,4,5],[3,4,5,-1,-1]\n"},
  /* array_split() at several indices */
  {"print arr=dynamic([1,2,3,4,5]) \n"
   "| extend arr_split=array_split(arr, dynamic([1,3]))",
   "arr:dynamic,arr_split:dynamic\n"
   "[1,2,3,4,5],[[1],[2,3],[4,5]]\n"},
  /* array_sort_desc(): nulls last by default */
  {"print array_sort_desc(dynamic([null,\"blue\",\"yellow\",\"green\",null]))",
   "print_0:dynamic\n"
   "[\"yellow\",\"green\",\"blue\",null,null]\n"},
  /* array_sort_desc(..., false): nulls first */
  {"print array_sort_desc(dynamic([null,\"blue\",\"yellow\",\"green\",null]), false)",
   "print_0:dynamic\n"
   "[null,null,\"yellow\",\"green\",\"blue\"]\n"},
  /* range(1, 8, 3) */
  {"print r = range(1, 8, 3)",
   "r:dynamic\n"
   "[1,4,7]\n"},
  /* range() of the days of 2015 */
  {"print r = range(datetime(2015-01-01), datetime(2015-12-31), 1d)\n"
   "| project days = array_length(r), d0 = todatetime(r[0]), d364 = todatetime(r[364])",
   "days:long,d0:datetime,d364:datetime\n"
   "365,2015-01-01T00:00:00Z,2015-12-31T00:00:00Z\n"},
  /* range() stops at 2^20 values */
  {"print r = range(1,1000000000) | mv-expand r | count",
   "Count:long\n"
   "1048576\n"},
};

/* the element-wise series math */
static const DocCase aMath[] = {
  /* series_cos() (the docs' arr column shows other numbers than the query) */
  {"print arr = dynamic([-1,0,1])\n"
   "| extend arr_cos = series_cos(arr)",
   "arr:dynamic,arr_cos:dynamic\n"
   "[-1,0,1],[0.5403023058681398,1.0,0.5403023058681398]\n"},
  /* series_ceiling() */
  {"print s = dynamic([-1.5,1,2.5])\n"
   "| extend s_ceiling = series_ceiling(s)",
   "s:dynamic,s_ceiling:dynamic\n"
   "[-1.5,1,2.5],[-1.0,1.0,3.0]\n"},
  /* series_log() */
  {"print s = dynamic([1,2,3])\n"
   "| extend s_log = series_log(s)",
   "s:dynamic,s_log:dynamic\n"
   "[1,2,3],[0.0,0.6931471805599453,1.0986122886681098]\n"},
};

/* series_fir(), series_fft() and series_ifft() */
static const DocCase aFilters[] = {
  /* series_fir(): 5-point moving average, trailing and centered (the docs show a chart: the spike is smoothed, shifted by 2 points unless centered) */
  {"range t from bin(now(), 1h) - 23h to bin(now(), 1h) step 1h\n"
   "| summarize t=make_list(t)\n"
   "| project\n"
   "    id='TS',\n"
   "    val=dynamic([0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 20, 40, 100, 40, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0]),\n"
   "    t\n"
   "| extend\n"
   "    5h_MovingAvg=series_fir(val, dynamic([1, 1, 1, 1, 1])),\n"
   "    5h_MovingAvg_centered=series_fir(val, dynamic([1, 1, 1, 1, 1]), true, true)\n"
   "| render timechart\n"
   "| project n=array_length(t), 5h_MovingAvg, 5h_MovingAvg_centered",
   "n:long,5h_MovingAvg:dynamic,5h_MovingAvg_centered:dynamic\n"
   "24,[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,2.0,6.0,14.0,34.0,42.0,44.0,42.0,34.0,14.0,6.0,2.0,0.0,0.0,0.0,0.0],[0.0,0.0,0.0,0.0,0.0,0.0,0.0,2.0,6.0,14.0,34.0,42.0,44.0,42.0,34.0,14.0,6.0,2.0,0.0,0.0,0.0,0.0,0.0,0.0]\n"},
  /* series_fir() with [1, -1]: the difference from the preceding point */
  {"range t from bin(now(), 1h) - 11h to bin(now(), 1h) step 1h\n"
   "| summarize t=make_list(t)\n"
   "| project id='TS', t, value=dynamic([0, 0, 0, 0, 2, 2, 2, 2, 3, 3, 3, 3])\n"
   "| extend diff=series_fir(value, dynamic([1, -1]), false, false)\n"
   "| render timechart\n"
   "| project id, value, diff",
   "id:string,value:dynamic,diff:dynamic\n"
   "TS,[0,0,0,0,2,2,2,2,3,3,3,3],[0.0,0.0,0.0,0.0,2.0,0.0,0.0,0.0,1.0,0.0,0.0,0.0]\n"},
  /* series_fft() of sin(period 8) + i sin(period 32), 128 points: the four spectral lines (the docs show a chart; was not supported) */
  {"let sinewave=(x:double, period:double, gain:double=1.0, phase:double=0.0)\n"
   "{\n"
   "    gain*sin(2*pi()/period*(x+phase))\n"
   "}\n"
   ";\n"
   "let n=128;      //  signal length\n"
   "range x from 0 to n-1 step 1 | extend yr=sinewave(x, 8), yi=sinewave(x, 32)\n"
   "| summarize x=make_list(x), y_real=make_list(yr), y_imag=make_list(yi)\n"
   "| extend (fft_y_real, fft_y_imag) = series_fft(y_real, y_imag)\n"
   "| render linechart with(ysplit=panels)\n"
   "| mv-expand with_itemindex=k fft_y_real to typeof(real), fft_y_imag to typeof(real)\n"
   "| where sqrt(fft_y_real*fft_y_real + fft_y_imag*fft_y_imag) > 1e-6\n"
   "| project k, re=round(fft_y_real, 6) + 0.0, im=round(fft_y_imag, 6) + 0.0",
   "k:long,re:real,im:real\n"
   "4,64,0\n"
   "16,0,-64\n"
   "112,0,64\n"
   "124,-64,0\n"},
  /* series_ifft(series_fft(y)) gives y back (the docs show a chart) */
  {"let sinewave=(x:double, period:double, gain:double=1.0, phase:double=0.0)\n"
   "{\n"
   "    gain*sin(2*pi()/period*(x+phase))\n"
   "}\n"
   ";\n"
   "let n=128;      //  signal length\n"
   "range x from 0 to n-1 step 1 | extend yr=sinewave(x, 8), yi=sinewave(x, 32)\n"
   "| summarize x=make_list(x), y_real=make_list(yr), y_imag=make_list(yi)\n"
   "| extend (fft_y_real, fft_y_imag) = series_fft(y_real, y_imag)\n"
   "| extend (y_real2, y_image2) = series_ifft(fft_y_real, fft_y_imag)\n"
   "| project-away fft_y_real, fft_y_imag   //  too many series for linechart with panels\n"
   "| render linechart with(ysplit=panels)\n"
   "| project n=array_length(y_real2), err_real=series_magnitude(series_subtract(y_real, y_real2)) < 1e-9,\n"
   "          err_imag=series_magnitude(series_subtract(y_imag, y_image2)) < 1e-9",
   "n:long,err_real:bool,err_imag:bool\n"
   "128,true,true\n"},
  /* series_fft() / series_ifft() default column names (oracle) */
  {"print x=dynamic([1,2,3,4]) | extend series_fft(x) | extend series_ifft(series_fft_x_real, series_fft_x_imag)",
   "x:dynamic,series_fft_x_real:dynamic,series_fft_x_imag:dynamic,series_ifft_series_fft_x_real_real:dynamic,series_ifft_series_fft_x_real_imag:dynamic\n"
   "[1,2,3,4],[10.0,-2.0,-2.0,-1.9999999999999998],[0.0,2.0,0.0,-2.0],[1.0,2.0,3.0,4.0],[0.0,5.721188726109833E-18,0.0,-5.721188726109833E-18]\n"},
  /* series_fft() of a length other than a power of 2 */
  {"print x=dynamic([1,2,3]) | extend (re, im)=series_fft(x)",
   "x:dynamic,re:dynamic,im:dynamic\n"
   "[1,2,3],[6.0,-1.5000000000000009,-1.5000000000000002],[0.0,0.8660254037844377,-0.8660254037844393]\n"},
};

/* series_fit_poly() and series_fit_2lines() */
static const DocCase aFits[] = {
  /* series_fit_poly(): the docs' fifth-order polynomial, without the noise, is found again (was not supported) */
  {"range x from 1 to 200 step 1\n"
   "| project x = (x % 50)/10.0 - 2.3\n"
   "| extend y = pow(x, 5)-8*pow(x, 3)+10*x+6\n"
   "| summarize x=make_list(x), y=make_list(y)\n"
   "| extend series_fit_poly(y, x, 5)\n"
   "| project-rename fy=series_fit_poly_y_poly_fit, coeff=series_fit_poly_y_coefficients\n"
   "| mv-expand with_itemindex=power c=coeff to typeof(real)\n"
   "| project power = 5 - power, c = round(c, 6) + 0.0, rsquare = round(series_fit_poly_y_rsquare, 9), fit = series_stats_dynamic(series_abs(series_subtract(y, fy))).max < 1e-6",
   "power:long,c:real,rsquare:real,fit:bool\n"
   "5,1,1,true\n"
   "4,0,1,true\n"
   "3,-8,1,true\n"
   "2,0,1,true\n"
   "1,10,1,true\n"
   "0,6,1,true\n"},
  /* series_fit_poly() of degree 1 matches series_fit_line() (the docs' example 2, on series_fit_line's docs data: slope 2.73, interception -1.67) */
  {"print y=dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30])\n"
   "| extend series_fit_line(y)\n"
   "| extend series_fit_poly(y)\n"
   "| project-rename y_line = series_fit_line_y_line_fit, y_poly = series_fit_poly_y_poly_fit\n"
   "| project same_fit = series_magnitude(series_subtract(y_line, y_poly)) < 1e-9,\n"
   "          same_rsquare = abs(series_fit_line_y_rsquare - series_fit_poly_y_rsquare) < 1e-12,\n"
   "          slope = round(todouble(series_fit_poly_y_coefficients[0]), 2), interception = round(todouble(series_fit_poly_y_coefficients[1]), 2)",
   "same_fit:bool,same_rsquare:bool,slope:real,interception:real\n"
   "true,true,2.73,-1.67\n"},
  /* series_fit_poly(y, x, 2): column names and types (oracle) */
  {"print y=dynamic([1, 4, 9, 16, 25]), x=dynamic([1, 2, 3, 4, 5])\n"
   "| extend series_fit_poly(y, x, 2)",
   "y:dynamic,x:dynamic,series_fit_poly_y_rsquare:real,series_fit_poly_y_coefficients:dynamic,series_fit_poly_y_variance:real,series_fit_poly_y_rvariance:real,series_fit_poly_y_poly_fit:dynamic\n"
   "[1,4,9,16,25],[1,2,3,4,5],1,[1.0,0.0,0.0],93.5,0,[1.0,4.0,9.0,16.0,25.0]\n"},
  /* series_fit_poly(): the named outputs first, the others default-named */
  {"print y=dynamic([1, 4, 9, 16, 25])\n"
   "| extend (rs, co) = series_fit_poly(y, dynamic(null), 2)",
   "y:dynamic,rs:real,co:dynamic,series_fit_poly_y_variance:real,series_fit_poly_y_rvariance:real,series_fit_poly_y_poly_fit:dynamic\n"
   "[1,4,9,16,25],1,[1.0,0.0,0.0],93.5,0,[1.0,4.0,9.0,16.0,25.0]\n"},
  /* series_fit_2lines(): the left line rises, the right one falls (the docs show a chart) */
  {"print\n"
   "    id=' ',\n"
   "    x=range(bin(now(), 1h) - 11h, bin(now(), 1h), 1h),\n"
   "    y=dynamic([1, 2.2, 2.5, 4.7, 5.0, 12, 10.3, 10.3, 9, 8.3, 6.2])\n"
   "| extend\n"
   "    (Slope, Interception, RSquare, Variance, RVariance, LineFit)=series_fit_line(y),\n"
   "    (RSquare2, SplitIdx, Variance2, RVariance2, LineFit2)=series_fit_2lines(y)\n"
   "| project id, x, y, LineFit, LineFit2\n"
   "| render timechart\n"
   "| project n=array_length(x), fit_len=array_length(LineFit2), left_rises=todouble(LineFit2[4]) > todouble(LineFit2[0]), right_falls=todouble(LineFit2[10]) < todouble(LineFit2[5])",
   "n:long,fit_len:long,left_rises:bool,right_falls:bool\n"
   "12,11,true,true\n"},
  /* series_fit_2lines_dynamic().line_fit is the same fit, split at index 5 */
  {"print\n"
   "    id=' ',\n"
   "    x=range(bin(now(), 1h) - 11h, bin(now(), 1h), 1h),\n"
   "    y=dynamic([1, 2.2, 2.5, 4.7, 5.0, 12, 10.3, 10.3, 9, 8.3, 6.2])\n"
   "| extend\n"
   "    LineFit=series_fit_line_dynamic(y).line_fit,\n"
   "    LineFit2=series_fit_2lines_dynamic(y).line_fit\n"
   "| project id, x, y, LineFit, LineFit2\n"
   "| render timechart\n"
   "| project same = tostring(LineFit2) == tostring(series_fit_2lines_dynamic(y).line_fit), split = series_fit_2lines_dynamic(y).split_idx",
   "same:bool,split:dynamic\n"
   "true,5\n"},
};

/* series_decompose*() and series_outliers() (the docs' rand() series: only what holds for any draw) */
static const DocCase aDecomp[] = {
  /* series_decompose_anomalies() with linefit and threshold 2.5 finds exactly the 6 inserted outliers (as the docs say) */
  {"let ts=range t from 1 to 24*7*5 step 1 \n"
   "| extend Timestamp = datetime(2018-03-01 05:00) + 1h * t \n"
   "| extend y = 2*rand() + iff((t/24)%7>=5, 5.0, 15.0) - (((t%24)/10)*((t%24)/10)) + t/72.0 // generate a series with weekly seasonality and onlgoing trend\n"
   "| extend y=iff(t==150 or t==200 or t==780, y-8.0, y) // add some dip outliers\n"
   "| extend y=iff(t==300 or t==400 or t==600, y+8.0, y) // add some spike outliers\n"
   "| summarize Timestamp=make_list(Timestamp, 10000),y=make_list(y, 10000);\n"
   "ts \n"
   "| extend series_decompose_anomalies(y, 2.5, -1, 'linefit')\n"
   "| extend series_decompose_anomalies_y_ad_flag = \n"
   "series_multiply(10, series_decompose_anomalies_y_ad_flag) // multiply by 10 for visualization purposes\n"
   "| render timechart  \n"
   "| mv-expand with_itemindex=i flag=series_decompose_anomalies_y_ad_flag to typeof(real)\n"
   "| where flag != 0\n"
   "| project t = i + 1, flag",
   "t:long,flag:real\n"
   "150,-10\n"
   "200,-10\n"
   "300,10\n"
   "400,10\n"
   "600,10\n"
   "780,-10\n"},
  /* series_decompose(): the inserted outliers stand out in the residual (the docs show a chart) */
  {"let ts=range t from 1 to 24*7*5 step 1 \n"
   "| extend Timestamp = datetime(2018-03-01 05:00) + 1h * t \n"
   "| extend y = 2*rand() + iff((t/24)%7>=5, 10.0, 15.0) - (((t%24)/10)*((t%24)/10)) // generate a series with weekly seasonality\n"
   "| extend y=iff(t==150 or t==200 or t==780, y-8.0, y) // add some dip outliers\n"
   "| extend y=iff(t==300 or t==400 or t==600, y+8.0, y) // add some spike outliers\n"
   "| summarize Timestamp=make_list(Timestamp, 10000),y=make_list(y, 10000);\n"
   "ts \n"
   "| extend series_decompose(y)\n"
   "| render timechart  \n"
   "| project n=array_length(series_decompose_y_baseline), s=array_length(series_decompose_y_seasonal), tr=array_length(series_decompose_y_trend), r=series_decompose_y_residual\n"
   "| mv-expand with_itemindex=i r to typeof(real)\n"
   "| top 6 by abs(r)\n"
   "| summarize outliers=make_set(i + 1) by n, s, tr\n"
   "| project n, s, tr, outliers=array_sort_asc(outliers)",
   "n:long,s:long,tr:long,outliers:dynamic\n"
   "840,840,840,[150,200,300,400,600,780]\n"},
  /* series_decompose(y, -1, 'linefit'): only the outliers stand out in the residual */
  {"let ts=range t from 1 to 24*7*5 step 1 \n"
   "| extend Timestamp = datetime(2018-03-01 05:00) + 1h * t \n"
   "| extend y = 2*rand() + iff((t/24)%7>=5, 5.0, 15.0) - (((t%24)/10)*((t%24)/10)) + t/72.0 // generate a series with weekly seasonality and ongoing trend\n"
   "| extend y=iff(t==150 or t==200 or t==780, y-8.0, y) // add some dip outliers\n"
   "| extend y=iff(t==300 or t==400 or t==600, y+8.0, y) // add some spike outliers\n"
   "| summarize Timestamp=make_list(Timestamp, 10000),y=make_list(y, 10000);\n"
   "ts \n"
   "| extend series_decompose(y, -1, 'linefit')\n"
   "| render timechart  \n"
   "| project n=array_length(series_decompose_y_baseline), s=array_length(series_decompose_y_seasonal), tr=array_length(series_decompose_y_trend), r=series_decompose_y_residual\n"
   "| mv-expand with_itemindex=i r to typeof(real)\n"
   "| top 6 by abs(r)\n"
   "| summarize outliers=make_set(i + 1) by n, s, tr\n"
   "| project n, s, tr, outliers=array_sort_asc(outliers)",
   "n:long,s:long,tr:long,outliers:dynamic\n"
   "840,840,840,[150,200,300,400,600,780]\n"},
  /* series_decompose_anomalies(): the inserted outliers are among the anomalies */
  {"let ts=range t from 1 to 24*7*5 step 1 \n"
   "| extend Timestamp = datetime(2018-03-01 05:00) + 1h * t \n"
   "| extend y = 2*rand() + iff((t/24)%7>=5, 10.0, 15.0) - (((t%24)/10)*((t%24)/10)) // generate a series with weekly seasonality\n"
   "| extend y=iff(t==150 or t==200 or t==780, y-8.0, y) // add some dip outliers\n"
   "| extend y=iff(t==300 or t==400 or t==600, y+8.0, y) // add some spike outliers\n"
   "| summarize Timestamp=make_list(Timestamp, 10000),y=make_list(y, 10000);\n"
   "ts \n"
   "| extend series_decompose_anomalies(y)\n"
   "| render timechart  \n"
   "| mv-expand with_itemindex=i flag=series_decompose_anomalies_y_ad_flag to typeof(real)\n"
   "| where flag != 0\n"
   "| summarize flagged=make_set(i + 1)\n"
   "| project missed=set_difference(dynamic([150, 200, 300, 400, 600, 780]), flagged)",
   "missed:dynamic\n"
   "[]\n"},
  /* series_decompose_anomalies() with linefit: all inserted outliers are detected */
  {"let ts=range t from 1 to 24*7*5 step 1 \n"
   "| extend Timestamp = datetime(2018-03-01 05:00) + 1h * t \n"
   "| extend y = 2*rand() + iff((t/24)%7>=5, 5.0, 15.0) - (((t%24)/10)*((t%24)/10)) + t/72.0 // generate a series with weekly seasonality and ongoing trend\n"
   "| extend y=iff(t==150 or t==200 or t==780, y-8.0, y) // add some dip outliers\n"
   "| extend y=iff(t==300 or t==400 or t==600, y+8.0, y) // add some spike outliers\n"
   "| summarize Timestamp=make_list(Timestamp, 10000),y=make_list(y, 10000);\n"
   "ts \n"
   "| extend series_decompose_anomalies(y, 1.5, -1, 'linefit')\n"
   "| extend series_decompose_anomalies_y_ad_flag = \n"
   "series_multiply(10, series_decompose_anomalies_y_ad_flag) // multiply by 10 for visualization purposes\n"
   "| render timechart  \n"
   "| mv-expand with_itemindex=i flag=series_decompose_anomalies_y_ad_flag to typeof(real)\n"
   "| where flag != 0\n"
   "| summarize flagged=make_set(i + 1)\n"
   "| project missed=set_difference(dynamic([150, 200, 300, 400, 600, 780]), flagged)",
   "missed:dynamic\n"
   "[]\n"},
  /* series_decompose_forecast(): the empty fifth week is forecast */
  {"let ts=range t from 1 to 24*7*4 step 1 // generate 4 weeks of hourly data\n"
   "| extend Timestamp = datetime(2018-03-01 05:00) + 1h * t \n"
   "| extend y = 2*rand() + iff((t/24)%7>=5, 5.0, 15.0) - (((t%24)/10)*((t%24)/10)) + t/72.0 // generate a series with weekly seasonality and ongoing trend\n"
   "| extend y=iff(t==150 or t==200 or t==780, y-8.0, y) // add some dip outliers\n"
   "| extend y=iff(t==300 or t==400 or t==600, y+8.0, y) // add some spike outliers\n"
   "| make-series y=max(y) on Timestamp from datetime(2018-03-01 05:00) to datetime(2018-03-01 05:00)+24*7*5h step 1h; // create a time series of 5 weeks (last week is empty)\n"
   "ts \n"
   "| extend y_forcasted = series_decompose_forecast(y, 24*7)  // forecast a week forward\n"
   "| render timechart \n"
   "| project n=array_length(y), Timestamp0=todatetime(Timestamp[0]), empty_week=series_stats_dynamic(array_slice(y, 673, 839)).max == 0,\n"
   "    forecast_week=series_stats_dynamic(array_slice(y_forcasted, 673, 839)).min > 5",
   "n:long,Timestamp0:datetime,empty_week:bool,forecast_week:bool\n"
   "840,2018-03-01T05:00:00Z,true,true\n"},
  /* series_outliers(): only first days of months are positive anomalies */
  {"range x from 0 to 364 step 1 \n"
   "| extend t = datetime(2023-01-01) + 1d*x\n"
   "| extend y = rand() * 10\n"
   "| extend y = iff(monthofyear(t) != monthofyear(prev(t)), y+20, y) // generate a sample series with outliers at first day of each month\n"
   "| summarize t = make_list(t), series = make_list(y)\n"
   "| extend outliers=series_outliers(series)\n"
   "| extend pos_anomalies = array_iff(series_greater_equals(outliers, 1.5), 1, 0)\n"
   "| render anomalychart with(xcolumn=t, ycolumns=series, anomalycolumns=pos_anomalies)\n"
   "| mv-expand t to typeof(datetime), pos_anomalies to typeof(long)\n"
   "| summarize days=count(), flagged=countif(pos_anomalies == 1), not_first_of_month=countif(pos_anomalies == 1 and dayofmonth(t) != 1)\n"
   "| project days, some_flagged=flagged > 0, not_first_of_month",
   "days:long,some_flagged:bool,not_first_of_month:long\n"
   "365,true,0\n"},
};

Test(docs_series, arrays_windows){
  runCases(aArrays, N(aArrays));
}

Test(docs_series, elementwise){
  runCases(aMath, N(aMath));
}

Test(docs_series, filters_fft){
  runCases(aFilters, N(aFilters));
}

Test(docs_series, fits){
  runCases(aFits, N(aFits));
}

Test(docs_series, decompose){
  runCases(aDecomp, N(aDecomp));
}
