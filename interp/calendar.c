/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Proleptic Gregorian calendar arithmetic for KQL datetimes (calendar.h).
** Day numbers are converted with the era-based method (400-year cycles of
** 146097 days, years starting in March), which is exact for any int64 year
** range we can meet.
*/
#include "calendar.h"

/* kqlCalFloorDiv(): contract in calendar.h. */
int64_t kqlCalFloorDiv(int64_t a, int64_t b){
  int64_t q = a / b;
  if( a % b < 0 ) q--;               /* b > 0: round toward -infinity */
  return q;
}

/* kqlCalFloorMod(): contract in calendar.h. */
int64_t kqlCalFloorMod(int64_t a, int64_t b){
  int64_t r = a % b;
  return r<0 ? r + b : r;
}

/* kqlCalDaysFromCivil(): contract in calendar.h. */
int64_t kqlCalDaysFromCivil(int64_t y, int m, int d){
  int64_t era, yoe, doy, doe;
  if( m<=2 ) y--;
  era = kqlCalFloorDiv(y, 400);
  yoe = y - era*400;                                   /* 0..399 */
  doy = (153*(m>2 ? m-3 : m+9) + 2)/5 + d - 1;         /* 0..365 */
  doe = yoe*365 + yoe/4 - yoe/100 + doy;               /* 0..146096 */
  return era*146097 + doe - 719468;
}

/* kqlCalCivilFromDays(): contract in calendar.h. */
void kqlCalCivilFromDays(int64_t nDay, int *pY, int *pM, int *pD){
  int64_t z = nDay + 719468;
  int64_t era = kqlCalFloorDiv(z, 146097);
  int64_t doe = z - era*146097;                                    /* 0..146096 */
  int64_t yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;   /* 0..399 */
  int64_t y = yoe + era*400;
  int64_t doy = doe - (365*yoe + yoe/4 - yoe/100);                 /* 0..365 */
  int64_t mp = (5*doy + 2)/153;                                    /* 0..11 */
  int d = (int)(doy - (153*mp + 2)/5 + 1);
  int m = (int)(mp<10 ? mp+3 : mp-9);
  *pY = (int)(y + (m<=2));
  *pM = m;
  *pD = d;
}

/* kqlCalIsLeap(): contract in calendar.h. */
int kqlCalIsLeap(int64_t y){
  return (y%4==0 && y%100!=0) || y%400==0;
}

/* kqlCalDaysInMonth(): contract in calendar.h. */
int kqlCalDaysInMonth(int64_t y, int m){
  static const unsigned char aDays[12] = {31,28,31,30,31,30,31,31,30,31,30,31};
  if( m<1 || m>12 ) return 0;
  return aDays[m-1] + (m==2 && kqlCalIsLeap(y));
}

/* kqlCalInRange(): contract in calendar.h. */
int kqlCalInRange(int64_t ticks){
  return ticks>=KQL_DT_MIN && ticks<=KQL_DT_MAX;
}

/* kqlCalSplit(): contract in calendar.h. */
void kqlCalSplit(int64_t ticks, KqlCal *p){
  int64_t nDay = kqlCalFloorDiv(ticks, KQL_TICKS_PER_DAY);
  int64_t tod = kqlCalFloorMod(ticks, KQL_TICKS_PER_DAY);
  int64_t nSec = tod / KQL_TICKS_PER_SECOND;
  kqlCalCivilFromDays(nDay, &p->y, &p->m, &p->d);
  p->hh = (int)(nSec / 3600);
  p->mi = (int)(nSec / 60 % 60);
  p->ss = (int)(nSec % 60);
  p->frac = (int)(tod % KQL_TICKS_PER_SECOND);
  p->wday = (int)kqlCalFloorMod(nDay + 4, 7);          /* 1970-01-01 was a Thursday */
  p->yday = (int)(nDay - kqlCalDaysFromCivil(p->y, 1, 1)) + 1;
}

/* Number of ISO weeks in ISO year y (52 or 53). */
static int isoWeeksInYear(int64_t y){
  /* A year has 53 weeks when Jan 1 is a Thursday, or a Wednesday in a leap year. */
  int wdJan1 = (int)kqlCalFloorMod(kqlCalDaysFromCivil(y, 1, 1) + 4, 7);
  return (wdJan1==4 || (wdJan1==3 && kqlCalIsLeap(y))) ? 53 : 52;
}

/* kqlCalIsoWeek(): contract in calendar.h. */
int kqlCalIsoWeek(int64_t ticks){
  KqlCal c;
  int isoWday, w;
  kqlCalSplit(ticks, &c);
  isoWday = c.wday==0 ? 7 : c.wday;                    /* Monday 1 .. Sunday 7 */
  w = (c.yday - isoWday + 10) / 7;
  if( w<1 ) return isoWeeksInYear(c.y - 1);
  if( w>isoWeeksInYear(c.y) ) return 1;
  return w;
}

/* kqlCalAddMonths(): contract in calendar.h. */
int kqlCalAddMonths(int64_t ticks, int64_t nMonth, int64_t *pOut){
  KqlCal c;
  int64_t tod, iMon, y;
  int m, d, dim;
  if( nMonth>120000 || nMonth<-120000 ) return -1;
  kqlCalSplit(ticks, &c);
  tod = kqlCalFloorMod(ticks, KQL_TICKS_PER_DAY);
  iMon = (int64_t)c.y*12 + (c.m-1) + nMonth;
  y = kqlCalFloorDiv(iMon, 12);
  m = (int)(iMon - y*12) + 1;
  dim = kqlCalDaysInMonth(y, m);
  d = c.d>dim ? dim : c.d;
  if( __builtin_mul_overflow(kqlCalDaysFromCivil(y, m, d), KQL_TICKS_PER_DAY, pOut) ) return -1;
  *pOut += tod;
  return kqlCalInRange(*pOut) ? 0 : -1;
}
