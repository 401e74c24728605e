/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL literal values (value.h): parsing datetime, timespan and guid text to
** their storage form and formatting datetime, timespan and real values the
** way Kusto prints them. Civil-date arithmetic is done here (days from the
** civil date and back), so nothing depends on the C library's time zone or
** locale. The datetime parser is a small tokenizer that recognises the forms
** Kusto documents: ISO 8601, RFC 822/1123, RFC 850, sortable forms with zone
** names, the ANSI C asctime form and the M/D/Y portal form with AM/PM.
*/
#include "value.h"
#include "types.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Ticks between 0001-01-01 and 1970-01-01: Kusto's range starts at year 1. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

/************************** Civil dates **************************************/

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d. */
static int64_t daysFromCivil(int64_t y, int m, int d){
  int64_t era, yoe, doy, doe;
  y -= m<=2;
  era = (y>=0 ? y : y-399) / 400;
  yoe = y - era*400;                                 /* [0, 399] */
  doy = (153*(m + (m>2 ? -3 : 9)) + 2)/5 + d - 1;    /* [0, 365] */
  doe = yoe*365 + yoe/4 - yoe/100 + doy;             /* [0, 146096] */
  return era*146097 + doe - 719468;
}

/* Inverse of daysFromCivil. */
static void civilFromDays(int64_t z, int *pY, int *pM, int *pD){
  int64_t era, doe, yoe, y, doy, mp;
  z += 719468;
  era = (z>=0 ? z : z-146096) / 146097;
  doe = z - era*146097;
  yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;
  y = yoe + era*400;
  doy = doe - (365*yoe + yoe/4 - yoe/100);
  mp = (5*doy + 2)/153;
  *pD = (int)(doy - (153*mp + 2)/5 + 1);
  *pM = (int)(mp<10 ? mp+3 : mp-9);
  *pY = (int)(y + (*pM<=2));
}

static int isLeap(int y){ return (y%4==0 && y%100!=0) || y%400==0; }

static int daysInMonth(int y, int m){
  static const unsigned char aDays[] = {31,28,31,30,31,30,31,31,30,31,30,31};
  return (m==2 && isLeap(y)) ? 29 : aDays[m-1];
}

/************************** Datetime parsing *********************************/

/* Token kinds of the datetime tokenizer. */
#define DT_NUM   1   /* run of digits */
#define DT_WORD  2   /* run of ASCII letters */
#define DT_PUNCT 3   /* one other character */
#define DT_MAXTOK 40

typedef struct DtTok DtTok;
struct DtTok {
  int eKind;          /* DT_* */
  const char *z;      /* start in the input */
  int n;              /* length in bytes */
  int64_t v;          /* numeric value for DT_NUM (saturated) */
  int bSpaceBefore;   /* white space precedes this token */
};

/* Split z[0..n) into tokens; returns the count or -1 (too many/bad byte). */
/* Bytes of the Unicode space separator (Zs, UTF-8) at z[0..n), else 0:
** .NET's date parsing, like Kusto's, takes them as white space. */
static int dtUniSpace(const unsigned char *z, int n){
  if( n>=2 && z[0]==0xC2 && z[1]==0xA0 ) return 2;                        /* U+00A0 */
  if( n<3 ) return 0;
  if( z[0]==0xE1 && z[1]==0x9A && z[2]==0x80 ) return 3;                   /* U+1680 */
  if( z[0]==0xE2 && z[1]==0x80 && (z[2]<=0x8A || z[2]==0xAF) ) return 3;   /* U+2000-200A, 202F */
  if( z[0]==0xE2 && z[1]==0x81 && z[2]==0x9F ) return 3;                   /* U+205F */
  if( z[0]==0xE3 && z[1]==0x80 && z[2]==0x80 ) return 3;                   /* U+3000 */
  return 0;
}

static int dtTokenize(const char *z, int n, DtTok *a){
  int i = 0, nTok = 0, bSpace = 0;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    DtTok *p;
    int nSp;
    if( c==' ' || c=='\t' || c=='\n' || c=='\r' ){ bSpace = 1; i++; continue; }
    if( c>=0x80 && (nSp = dtUniSpace((const unsigned char*)z+i, n-i))>0 ){ bSpace = 1; i += nSp; continue; }
    if( nTok>=DT_MAXTOK ) return -1;
    p = &a[nTok++];
    p->z = &z[i];
    p->bSpaceBefore = bSpace;
    p->v = 0;
    bSpace = 0;
    if( c>='0' && c<='9' ){
      int j = i;
      p->eKind = DT_NUM;
      while( j<n && z[j]>='0' && z[j]<='9' ){
        if( p->v < 100000000000LL ) p->v = p->v*10 + (z[j]-'0');
        j++;
      }
      p->n = j - i; i = j;
    }else if( (c|0x20)>='a' && (c|0x20)<='z' ){
      int j = i;
      p->eKind = DT_WORD;
      while( j<n && ((z[j]|0x20)>='a' && (z[j]|0x20)<='z') ) j++;
      p->n = j - i; i = j;
    }else if( c<0x80 ){
      p->eKind = DT_PUNCT; p->n = 1; i++;
    }else{
      return -1;
    }
  }
  return nTok;
}

static int tokIsWord(const DtTok *p, const char *zWord){
  int n = (int)strlen(zWord);
  if( p->eKind!=DT_WORD || p->n!=n ) return 0;
  for(int i=0; i<n; i++){
    if( (p->z[i]|0x20)!=zWord[i] ) return 0;
  }
  return 1;
}
static int tokIsPunct(const DtTok *p, char c){
  return p->eKind==DT_PUNCT && p->z[0]==c;
}

/* Month number 1..12 for an English month name or 3-letter abbreviation. */
static int monthFromWord(const DtTok *p){
  static const char *const azMonth[] = {
    "january","february","march","april","may","june","july","august",
    "september","october","november","december"
  };
  if( p->eKind!=DT_WORD ) return 0;
  for(int m=0; m<12; m++){
    if( p->n==3 || p->n==(int)strlen(azMonth[m]) ){
      int ok = 1;
      for(int i=0; i<p->n && ok; i++) ok = (p->z[i]|0x20)==azMonth[m][i];
      if( ok ) return m+1;
    }
  }
  if( p->n==4 ){  /* "Sept" */
    int ok = 1;
    for(int i=0; i<4 && ok; i++) ok = (p->z[i]|0x20)=="sept"[i];
    if( ok ) return 9;
  }
  return 0;
}

/* 1 if the token is an English weekday name or 3-letter abbreviation. */
static int isWeekdayWord(const DtTok *p){
  static const char *const azDay[] = {
    "sunday","monday","tuesday","wednesday","thursday","friday","saturday"
  };
  if( p->eKind!=DT_WORD ) return 0;
  for(int d=0; d<7; d++){
    if( p->n==3 || p->n==(int)strlen(azDay[d]) ){
      int ok = 1;
      for(int i=0; i<p->n && ok; i++) ok = (p->z[i]|0x20)==azDay[d][i];
      if( ok ) return 1;
    }
  }
  return 0;
}

/* Offset in minutes of a zone name (GMT, UTC, EST...); -9999 if unknown. */
static int zoneFromWord(const DtTok *p){
  static const struct { const char *z; int m; } aZone[] = {
    {"z",0},{"gmt",0},{"utc",0},{"ut",0},
    {"est",-300},{"edt",-240},{"cst",-360},{"cdt",-300},
    {"mst",-420},{"mdt",-360},{"pst",-480},{"pdt",-420},
  };
  for(unsigned i=0; i<sizeof(aZone)/sizeof(aZone[0]); i++){
    if( tokIsWord(p, aZone[i].z) ) return aZone[i].m;
  }
  return -9999;
}

/* The broken-down fields collected by the datetime parser. */
typedef struct DtParts DtParts;
struct DtParts {
  int y, mo, d;       /* date */
  int h, mi, s;       /* time of day */
  int64_t frac;       /* fraction of a second in ticks */
  int offMin;         /* zone offset in minutes east of UTC */
};

/*
** Parse "h:mm[:ss[.fffffff]]" starting at a[*pi] (a DT_NUM). Digits after
** the 7th fraction digit are ignored (truncated, as .NET does).
*/
static int dtTime(DtTok *a, int nTok, int *pi, DtParts *p){
  int i = *pi;
  if( i+2>=nTok || a[i].eKind!=DT_NUM || a[i].n>2 || !tokIsPunct(&a[i+1], ':')
   || a[i+2].eKind!=DT_NUM || a[i+2].n>2 ) return -1;
  p->h = (int)a[i].v; p->mi = (int)a[i+2].v;
  i += 3;
  if( i+1<nTok && tokIsPunct(&a[i], ':') && a[i+1].eKind==DT_NUM
   && a[i+1].n<=2 && !a[i].bSpaceBefore ){
    p->s = (int)a[i+1].v;
    i += 2;
    if( i+1<nTok && tokIsPunct(&a[i], '.') && a[i+1].eKind==DT_NUM
     && !a[i+1].bSpaceBefore ){
      int64_t f = 0;
      for(int k=0; k<7; k++){
        f *= 10;
        if( k<a[i+1].n ) f += a[i+1].z[k]-'0';
      }
      p->frac = f;
      i += 2;
    }
  }
  if( p->h>23 || p->mi>59 || p->s>59 ) return -1;
  *pi = i;
  return 0;
}

/* Optional AM/PM after a time; adjusts p->h. */
static int dtAmPm(DtTok *a, int nTok, int *pi, DtParts *p){
  int i = *pi;
  if( i<nTok && (tokIsWord(&a[i], "am") || tokIsWord(&a[i], "pm")) ){
    int bPm = (a[i].z[0]|0x20)=='p';
    if( p->h<1 || p->h>12 ) return -1;
    if( p->h==12 ) p->h = 0;
    if( bPm ) p->h += 12;
    *pi = i+1;
  }
  return 0;
}

/* Optional zone: Z, GMT/UTC/..., +hh:mm, +hhmm, +hh; also "GMT+hh:mm". */
static int dtZone(DtTok *a, int nTok, int *pi, DtParts *p){
  int i = *pi;
  if( i<nTok && a[i].eKind==DT_WORD ){
    int m = zoneFromWord(&a[i]);
    if( m==-9999 ) return -1;
    p->offMin = m;
    i++;
  }
  if( i+1<nTok && (tokIsPunct(&a[i], '+') || tokIsPunct(&a[i], '-'))
   && a[i+1].eKind==DT_NUM ){
    int sign = a[i].z[0]=='-' ? -1 : 1;
    int hh, mm = 0;
    if( a[i+1].n==4 ){
      hh = (int)(a[i+1].v/100); mm = (int)(a[i+1].v%100);
      i += 2;
    }else if( a[i+1].n<=2 ){
      hh = (int)a[i+1].v;
      i += 2;
      if( i+1<nTok && tokIsPunct(&a[i], ':') && a[i+1].eKind==DT_NUM && a[i+1].n==2 ){
        mm = (int)a[i+1].v;
        i += 2;
      }
    }else{
      return -1;
    }
    if( hh>14 || mm>59 ) return -1;
    p->offMin += sign*(hh*60 + mm);
  }
  *pi = i;
  return 0;
}

/* Two-digit years follow .NET's default window: 00-49 → 20xx, 50-99 → 19xx. */
static int dtYear(const DtTok *p){
  if( p->n<=2 ) return (int)(p->v<50 ? 2000+p->v : 1900+p->v);
  return (int)p->v;
}

/* Time, AM/PM and zone after a date; anything left over is an error. */
static int dtTail(DtTok *a, int nTok, int i, DtParts *p, int bAmPm){
  if( i<nTok && (tokIsWord(&a[i], "t") && !a[i].bSpaceBefore) ) i++;
  if( i<nTok && a[i].eKind==DT_NUM ){
    if( dtTime(a, nTok, &i, p) ) return -1;
    if( bAmPm && dtAmPm(a, nTok, &i, p) ) return -1;
  }
  if( dtZone(a, nTok, &i, p) ) return -1;
  return i==nTok ? 0 : -1;
}

/*
** The ANSI C form "Sat Jun  3 01:02:03 2026": weekday, month, day, time,
** year; a zone may follow the time or the year.
*/
static int dtAsctime(DtTok *a, int nTok, int i, DtParts *p){
  p->mo = monthFromWord(&a[i]);
  if( !p->mo || i+1>=nTok || a[i+1].eKind!=DT_NUM ) return -1;
  p->d = (int)a[i+1].v;
  i += 2;
  if( dtTime(a, nTok, &i, p) ) return -1;
  if( dtZone(a, nTok, &i, p) ) return -1;
  if( i>=nTok || a[i].eKind!=DT_NUM || a[i].n!=4 ) return -1;
  p->y = (int)a[i].v;
  i++;
  if( dtZone(a, nTok, &i, p) ) return -1;
  return i==nTok ? 0 : -1;
}

/* Parse the token list into p; -1 when no known form matches. */
static int dtParseTokens(DtTok *a, int nTok, DtParts *p){
  int i = 0;
  if( nTok==0 ) return -1;
  /* Optional weekday: "Sat," / "Saturday," / "Sat " */
  if( isWeekdayWord(&a[0]) ){
    i = 1;
    if( i<nTok && tokIsPunct(&a[i], ',') ) i++;
    else if( i<nTok && monthFromWord(&a[i]) ) return dtAsctime(a, nTok, i, p);
  }
  if( i>=nTok ) return -1;
  if( a[i].eKind==DT_NUM && a[i].n==4 && i+4<nTok
   && (tokIsPunct(&a[i+1], '-') || tokIsPunct(&a[i+1], '/') || tokIsPunct(&a[i+1], '.'))
   && a[i+2].eKind==DT_NUM && a[i+2].n<=2 && a[i+3].z[0]==a[i+1].z[0]
   && a[i+3].eKind==DT_PUNCT && a[i+4].eKind==DT_NUM && a[i+4].n<=2 ){
    /* ISO 8601 / sortable: YYYY-MM-DD[(T| )time][zone] */
    p->y = (int)a[i].v; p->mo = (int)a[i+2].v; p->d = (int)a[i+4].v;
    i += 5;
    return dtTail(a, nTok, i, p, 1);
  }
  if( a[i].eKind==DT_NUM && a[i].n<=2 && i+4<nTok
   && (tokIsPunct(&a[i+1], '/') || tokIsPunct(&a[i+1], '-'))
   && a[i+2].eKind==DT_NUM && a[i+2].n<=2 && tokIsPunct(&a[i+3], a[i+1].z[0])
   && a[i+4].eKind==DT_NUM && (a[i+4].n==4 || a[i+4].n==2) ){
    /* M/D/YYYY[,] [time [AM|PM]]; also M-D-YYYY (todatetime('12-02-2022')) */
    p->mo = (int)a[i].v; p->d = (int)a[i+2].v; p->y = dtYear(&a[i+4]);
    i += 5;
    if( i<nTok && tokIsPunct(&a[i], ',') ) i++;
    return dtTail(a, nTok, i, p, 1);
  }
  if( a[i].eKind==DT_NUM && a[i].n<=2 && i+1<nTok ){
    /* RFC 822: D Mon YY[YY]; RFC 850: DD-Mon-YY */
    int k = i+1;
    int bDash = 0;
    if( tokIsPunct(&a[k], '-') ){ bDash = 1; k++; }
    if( k+1<nTok && monthFromWord(&a[k]) ){
      p->d = (int)a[i].v;
      p->mo = monthFromWord(&a[k]);
      k++;
      if( bDash ){
        if( !tokIsPunct(&a[k], '-') ) return -1;
        k++;
      }
      if( k>=nTok || a[k].eKind!=DT_NUM || (a[k].n!=2 && a[k].n!=4) ) return -1;
      p->y = dtYear(&a[k]);
      return dtTail(a, nTok, k+1, p, 0);
    }
  }
  if( monthFromWord(&a[i]) && i+1<nTok && a[i+1].eKind==DT_NUM ){
    /* "Jun 3 2026 01:02:03" / "June 3, 2026" */
    int k = i+2;
    p->mo = monthFromWord(&a[i]);
    p->d = (int)a[i+1].v;
    if( k<nTok && tokIsPunct(&a[k], ',') ) k++;
    if( k<nTok && a[k].eKind==DT_NUM && a[k].n==4
     && !(k+1<nTok && tokIsPunct(&a[k+1], ':')) ){
      p->y = (int)a[k].v;
      return dtTail(a, nTok, k+1, p, 1);
    }
    return dtAsctime(a, nTok, i, p);
  }
  return -1;
}

/*
** Parse a datetime (see value.h). Fields are range-checked; the result
** must lie within 0001-01-01 .. 9999-12-31 23:59:59.9999999.
*/
int kqlValParseDatetime(const char *z, int n, int64_t *pTicks){
  DtTok a[DT_MAXTOK];
  DtParts p;
  int nTok;
  int64_t days, t;
  if( z==0 ) return -1;
  if( n<0 ) n = (int)strlen(z);
  if( n>200 ) return -1;
  nTok = dtTokenize(z, n, a);
  if( nTok<=0 ) return -1;
  memset(&p, 0, sizeof(p));
  if( dtParseTokens(a, nTok, &p) ) return -1;
  if( p.y<MIN_YEAR || p.y>MAX_YEAR || p.mo<1 || p.mo>12 || p.d<1
   || p.d>daysInMonth(p.y, p.mo) ) return -1;
  days = daysFromCivil(p.y, p.mo, p.d);
  t = days*KQL_TICKS_PER_DAY
    + ((int64_t)p.h*3600 + p.mi*60 + p.s - (int64_t)p.offMin*60)*KQL_TICKS_PER_SECOND
    + p.frac;
  if( t < daysFromCivil(MIN_YEAR,1,1)*KQL_TICKS_PER_DAY
   || t >= daysFromCivil(MAX_YEAR+1,1,1)*KQL_TICKS_PER_DAY ) return -1;
  *pTicks = t;
  return 0;
}

/************************** Timespan parsing *********************************/

/* Ticks per unit for the timespan literal suffixes; longest names first
** is not needed because the whole suffix word is compared. */
static const struct { const char *zUnit; int64_t nTicks; } aTsUnit[] = {
  {"d", KQL_TICKS_PER_DAY}, {"day", KQL_TICKS_PER_DAY}, {"days", KQL_TICKS_PER_DAY},
  {"h", 36000000000LL}, {"hr", 36000000000LL}, {"hrs", 36000000000LL},
  {"hour", 36000000000LL}, {"hours", 36000000000LL},
  {"m", 600000000LL}, {"min", 600000000LL}, {"minute", 600000000LL},
  {"minutes", 600000000LL},
  {"s", KQL_TICKS_PER_SECOND}, {"sec", KQL_TICKS_PER_SECOND},
  {"second", KQL_TICKS_PER_SECOND}, {"seconds", KQL_TICKS_PER_SECOND},
  {"ms", 10000}, {"milli", 10000}, {"millis", 10000},
  {"millisec", 10000}, {"millisecond", 10000}, {"milliseconds", 10000},
  {"microsec", 10}, {"microsecond", 10}, {"microseconds", 10},
  {"tick", 1}, {"ticks", 1},
};

/* Parse "[-][d.]hh:mm[:ss[.fffffff]]" (also plain "d", as .NET does). */
static int tsParseClock(const char *z, int n, int64_t *pTicks){
  int i = 0, bNeg = 0, nPart = 0, bDay = 0;
  int64_t aPart[4] = {0,0,0,0};   /* days, hours, minutes, seconds */
  int64_t frac = 0, t;
  if( i<n && (z[i]=='-' || z[i]=='+') ){ bNeg = z[i]=='-'; i++; }
  /* leading number: days if followed by '.', else hours */
  for(;;){
    int j = i;
    int64_t v = 0;
    while( j<n && z[j]>='0' && z[j]<='9' ){
      if( v>100000000LL ) return -1;
      v = v*10 + (z[j]-'0'); j++;
    }
    if( j==i ) return -1;
    if( nPart==0 && j<n && z[j]=='.' ){
      /* "d." followed by hh:mm... */
      aPart[0] = v; bDay = 1; i = j+1; nPart = 1;
      continue;
    }
    if( nPart==0 ) nPart = 1;           /* no day part: start at hours */
    if( nPart>3 ) return -1;
    aPart[nPart++] = v;
    i = j;
    if( i<n && z[i]==':' ){ i++; continue; }
    if( i<n && z[i]=='.' && nPart==4 ){
      int k = 0;
      i++;
      if( i>=n || z[i]<'0' || z[i]>'9' ) return -1;
      while( i<n && z[i]>='0' && z[i]<='9' ){
        if( k<7 ){ frac = frac*10 + (z[i]-'0'); k++; }
        i++;
      }
      while( k<7 ){ frac *= 10; k++; }
    }
    break;
  }
  if( i!=n ) return -1;
  if( nPart==2 && !bDay ){
    /* a single number: .NET reads it as days */
    aPart[0] = aPart[1]; aPart[1] = 0;
  }else if( nPart<3 ){
    return -1;                          /* "1.02" or "d.hh" without minutes */
  }
  if( aPart[1]>23 || aPart[2]>59 || aPart[3]>59 ) return -1;
  if( aPart[0]>10675199 ) return -1;
  t = aPart[0]*KQL_TICKS_PER_DAY + aPart[1]*36000000000LL + aPart[2]*600000000LL
    + aPart[3]*KQL_TICKS_PER_SECOND + frac;
  *pTicks = bNeg ? -t : t;
  return 0;
}

/* Parse "<number><unit>" such as "1.5h", "10ms", "2 days". */
static int tsParseLiteral(const char *z, int n, int64_t *pTicks){
  int i = 0, bNeg = 0, nDig = 0;
  int64_t whole = 0, frac = 0, fracScale = 1;
  int iUnit;
  if( i<n && (z[i]=='-' || z[i]=='+') ){ bNeg = z[i]=='-'; i++; }
  while( i<n && z[i]>='0' && z[i]<='9' ){
    if( whole>100000000000000LL ) return -1;
    whole = whole*10 + (z[i]-'0'); i++; nDig++;
  }
  if( i<n && z[i]=='.' ){
    i++;
    while( i<n && z[i]>='0' && z[i]<='9' ){
      if( fracScale<1000000000000LL ){ frac = frac*10 + (z[i]-'0'); fracScale *= 10; }
      i++; nDig++;
    }
  }
  if( nDig==0 ) return -1;
  while( i<n && z[i]==' ' ) i++;
  iUnit = i;
  if( iUnit==n ) return -1;
  for(unsigned u=0; u<sizeof(aTsUnit)/sizeof(aTsUnit[0]); u++){
    const char *zU = aTsUnit[u].zUnit;
    int nU = (int)strlen(zU), k;
    if( n-iUnit!=nU ) continue;
    for(k=0; k<nU && (z[iUnit+k]|0x20)==zU[k]; k++){}
    if( k==nU ){
      int64_t unit = aTsUnit[u].nTicks;
      double r;
      if( whole > INT64_MAX/unit ) return -1;
      /* whole part exact; fractional part rounded to the nearest tick */
      r = (double)frac * (double)unit / (double)fracScale;
      *pTicks = whole*unit + (int64_t)llround(r);
      if( bNeg ) *pTicks = -*pTicks;
      return 0;
    }
  }
  return -1;
}

/*
** Parse a timespan (see value.h). Leading and trailing blanks are ignored.
*/
int kqlValParseTimespan(const char *z, int n, int64_t *pTicks){
  if( z==0 ) return -1;
  if( n<0 ) n = (int)strlen(z);
  while( n>0 && (z[0]==' ' || z[0]=='\t') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  if( n==0 || n>100 ) return -1;
  if( tsParseLiteral(z, n, pTicks)==0 ) return 0;
  return tsParseClock(z, n, pTicks);
}

/************************** Formatting ***************************************/

/*
** Format ticks as "YYYY-MM-DDThh:mm:ss[.fffffff]Z" (see value.h). Values
** outside year 1..9999 are still printed (with a wider or negative year)
** rather than truncated.
*/
int kqlValFormatDatetime(int64_t ticks, char *zBuf){
  int64_t days = ticks / KQL_TICKS_PER_DAY;
  int64_t rem = ticks % KQL_TICKS_PER_DAY;
  int y, m, d, n;
  int64_t secs, frac;
  if( rem<0 ){ rem += KQL_TICKS_PER_DAY; days--; }
  civilFromDays(days, &y, &m, &d);
  secs = rem / KQL_TICKS_PER_SECOND;
  frac = rem % KQL_TICKS_PER_SECOND;
  n = snprintf(zBuf, 40, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d,
               (int)(secs/3600), (int)(secs/60%60), (int)(secs%60));
  if( frac ) n += snprintf(zBuf+n, 40-(size_t)n, ".%07d", (int)frac);
  n += snprintf(zBuf+n, 40-(size_t)n, "Z");
  return n;
}

/* Format ticks as "[-][d.]hh:mm:ss[.fffffff]" (see value.h). */
int kqlValFormatTimespan(int64_t ticks, char *zBuf){
  uint64_t u = ticks<0 ? (uint64_t)0 - (uint64_t)ticks : (uint64_t)ticks;
  uint64_t days = u / (uint64_t)KQL_TICKS_PER_DAY;
  uint64_t rem = u % (uint64_t)KQL_TICKS_PER_DAY;
  uint64_t secs = rem / (uint64_t)KQL_TICKS_PER_SECOND;
  uint64_t frac = rem % (uint64_t)KQL_TICKS_PER_SECOND;
  int n = 0;
  if( ticks<0 ) zBuf[n++] = '-';
  if( days ) n += snprintf(zBuf+n, 40-(size_t)n, "%llu.", (unsigned long long)days);
  n += snprintf(zBuf+n, 40-(size_t)n, "%02u:%02u:%02u", (unsigned)(secs/3600),
                (unsigned)(secs/60%60), (unsigned)(secs%60));
  if( frac ) n += snprintf(zBuf+n, 40-(size_t)n, ".%07u", (unsigned)frac);
  return n;
}

/*
** Shortest decimal digits that read back as r (r finite, > 0): fills
** zDig with the digits (no dot) and returns the count; *pExp receives the
** decimal exponent so that r = 0.d1d2d3... * 10^(*pExp).
*/
static int shortestDigits(double r, char *zDig, int *pExp){
  char zTmp[40];
  int nDig = 0;
  for(int prec=1; prec<=17; prec++){
    snprintf(zTmp, sizeof(zTmp), "%.*e", prec-1, r);
    if( strtod(zTmp, 0)==r || prec==17 ){
      /* zTmp is "d.ddde+XX" or "de+XX" */
      char *zE = strchr(zTmp, 'e');
      for(char *q=zTmp; q<zE; q++){
        if( *q>='0' && *q<='9' ) zDig[nDig++] = *q;
      }
      *pExp = atoi(zE+1) + 1;
      break;
    }
  }
  while( nDig>1 && zDig[nDig-1]=='0' ) nDig--;
  zDig[nDig] = 0;
  return nDig;
}

/*
** Format a real as .NET's double.ToString() (shortest round-trip digits,
** "G" layout): fixed notation when the decimal exponent e (r = 0.ddd * 10^e)
** satisfies -5 < e <= 15, otherwise "d.dddE+XX" with at least two exponent
** digits. NaN, Infinity and -Infinity by name.
*/
int kqlValFormatReal(double r, char *zBuf){
  char zDig[24];
  int nDig, e, n = 0;
  if( isnan(r) ) return snprintf(zBuf, 40, "NaN");
  if( isinf(r) ) return snprintf(zBuf, 40, r<0 ? "-Infinity" : "Infinity");
  if( r==0.0 ) return snprintf(zBuf, 40, signbit(r) ? "-0" : "0");
  if( r<0 ){ zBuf[n++] = '-'; r = -r; }
  nDig = shortestDigits(r, zDig, &e);
  if( e>15 || e<-3 ){
    int x = e-1;
    zBuf[n++] = zDig[0];
    if( nDig>1 ){
      zBuf[n++] = '.';
      memcpy(zBuf+n, zDig+1, (size_t)nDig-1); n += nDig-1;
    }
    n += snprintf(zBuf+n, 40-(size_t)n, "E%c%02d", x<0 ? '-' : '+', x<0 ? -x : x);
  }else if( e<=0 ){
    zBuf[n++] = '0'; zBuf[n++] = '.';
    for(int k=0; k<-e; k++) zBuf[n++] = '0';
    memcpy(zBuf+n, zDig, (size_t)nDig); n += nDig;
  }else{
    for(int k=0; k<e; k++) zBuf[n++] = k<nDig ? zDig[k] : '0';
    if( nDig>e ){
      zBuf[n++] = '.';
      memcpy(zBuf+n, zDig+e, (size_t)(nDig-e)); n += nDig-e;
    }
  }
  zBuf[n] = 0;
  return n;
}

/************************** Guid *********************************************/

static int hexVal(char c){
  if( c>='0' && c<='9' ) return c-'0';
  c = (char)(c|0x20);
  if( c>='a' && c<='f' ) return c-'a'+10;
  return -1;
}

/*
** Normalise a guid (see value.h). Accepts 32 hex digits with or without
** dashes between groups (8-4-4-4-12 or any other split), optionally inside
** {} or (); blanks around are ignored.
*/
int kqlValParseGuid(const char *z, int n, char *zOut){
  char zHex[32];
  int nHex = 0, i = 0;
  if( z==0 ) return -1;
  if( n<0 ) n = (int)strlen(z);
  while( n>0 && z[0]==' ' ){ z++; n--; }
  while( n>0 && z[n-1]==' ' ) n--;
  if( n>=2 && ((z[0]=='{' && z[n-1]=='}') || (z[0]=='(' && z[n-1]==')')) ){
    z++; n -= 2;
  }
  /* 32 hex digits, optionally split by single dashes (toguid's docs accept
  ** "0123456789ab-cdef-0123-456789abcdef" as well as the 8-4-4-4-12 form) */
  if( n<32 || n>36 || z[0]=='-' || z[n-1]=='-' ) return -1;
  for(i=0; i<n; i++){
    if( z[i]=='-' ){
      if( z[i-1]=='-' ) return -1;
    }else{
      if( hexVal(z[i])<0 || nHex>=32 ) return -1;
      zHex[nHex++] = z[i];
    }
  }
  if( nHex!=32 ) return -1;
  for(i=0; i<32; i++){
    int o = i + (i>=8) + (i>=12) + (i>=16) + (i>=20);
    zOut[o] = "0123456789abcdef"[hexVal(zHex[i])];
  }
  zOut[8] = zOut[13] = zOut[18] = zOut[23] = '-';
  zOut[36] = 0;
  return 0;
}
