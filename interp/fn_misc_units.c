/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Unit conversion and byte-size formatting: convert_angle, convert_energy,
** convert_force, convert_length, convert_mass, convert_speed,
** convert_temperature and convert_volume (value, from, to), with the unit
** names the KQL reference lists (matched without regard to ASCII case; an
** unknown unit gives null), and format_bytes(size [, precision [, units]]).
** A unit is a factor pair: value_in_base = value * mul / div. The factors
** are those of the .NET units library Kusto converts with, so results
** agree with Kusto's to the last digit or two; temperature (affine) and the
** angle unit Tilt (a sine) are computed apart.
*/
#include "fn.h"
#include "fn_misc.h"
#include "fn_text.h"
#include "fnutil.h"
#include "value.h"
#include <math.h>
#include <string.h>
#include <strings.h>

/* One unit: to base = x * mul / div; from base = x * div / mul. */
typedef struct KqlUnit KqlUnit;
struct KqlUnit {
  const char *zName;    /* unit name as the docs spell it */
  double mul;           /* multiplier to the base unit */
  double div;           /* divisor to the base unit */
};

#define PI_180 (180.0/3.14159265358979323846)   /* degrees per radian */
#define JDAY   86400.0                          /* joules in a watt-day */

/* Angle; base Degree. Tilt is handled apart (mul 0). */
static const KqlUnit aAngle[] = {
  {"Arcminute", 1, 60}, {"Arcsecond", 1, 3600}, {"Centiradian", PI_180*1e-2, 1},
  {"Deciradian", PI_180*1e-1, 1}, {"Degree", 1, 1}, {"Gradian", 0.9, 1},
  {"Microdegree", 1e-6, 1}, {"Microradian", PI_180*1e-6, 1}, {"Millidegree", 1e-3, 1},
  {"Milliradian", PI_180*1e-3, 1}, {"Nanodegree", 1e-9, 1}, {"Nanoradian", PI_180*1e-9, 1},
  {"NatoMil", 9, 160}, {"Radian", PI_180, 1}, {"Revolution", 360, 1}, {"Tilt", 0, 1},
};

/* Energy; base Joule. */
static const KqlUnit aEnergy[] = {
  {"BritishThermalUnit", 1055.05585262, 1}, {"Calorie", 4.184, 1},
  {"DecathermEc", 1.05505585262e9, 1}, {"DecathermImperial", 1.05505585257348e9, 1},
  {"DecathermUs", 1.054804e9, 1}, {"ElectronVolt", 1.602176565e-19, 1}, {"Erg", 1, 1e7},
  {"FootPound", 1.355817948, 1}, {"GigabritishThermalUnit", 1055.05585262e9, 1},
  {"GigaelectronVolt", 1.602176565e-10, 1}, {"Gigajoule", 1e9, 1},
  {"GigawattDay", JDAY*1e9, 1}, {"GigawattHour", 3600e9, 1},
  {"HorsepowerHour", 2.6845195377e6, 1}, {"Joule", 1, 1},
  {"KilobritishThermalUnit", 1055.05585262e3, 1}, {"Kilocalorie", 4184, 1},
  {"KiloelectronVolt", 1.602176565e-16, 1}, {"Kilojoule", 1e3, 1},
  {"KilowattDay", JDAY*1e3, 1}, {"KilowattHour", 3600e3, 1},
  {"MegabritishThermalUnit", 1055.05585262e6, 1}, {"Megacalorie", 4.184e6, 1},
  {"MegaelectronVolt", 1.602176565e-13, 1}, {"Megajoule", 1e6, 1},
  {"MegawattDay", JDAY*1e6, 1}, {"MegawattHour", 3600e6, 1}, {"Millijoule", 1, 1e3},
  {"TeraelectronVolt", 1.602176565e-7, 1}, {"TerawattDay", JDAY*1e12, 1},
  {"TerawattHour", 3600e12, 1}, {"ThermEc", 1.05505585262e8, 1},
  {"ThermImperial", 1.05505585257348e8, 1}, {"ThermUs", 1.054804e8, 1},
  {"WattDay", JDAY, 1}, {"WattHour", 3600, 1},
};

/* Force; base Newton. */
static const KqlUnit aForce[] = {
  {"Decanewton", 10, 1}, {"Dyn", 1, 1e5}, {"KilogramForce", 9.80665002864, 1},
  {"Kilonewton", 1e3, 1}, {"KiloPond", 9.80665002864, 1},
  {"KilopoundForce", 4.4482216152605095551842641431421e3, 1}, {"Meganewton", 1e6, 1},
  {"Micronewton", 1e-6, 1}, {"Millinewton", 1e-3, 1}, {"Newton", 1, 1},
  {"OunceForce", 2.780138509537812e-1, 1}, {"Poundal", 0.13825502798973041652092282466083, 1},
  {"PoundForce", 4.4482216152605095551842641431421, 1}, {"ShortTonForce", 8.896443230521e3, 1},
  {"TonneForce", 9.80665002864e3, 1},
};

/* Length; base Meter. */
static const KqlUnit aLength[] = {
  {"Angstrom", 1e-10, 1}, {"AstronomicalUnit", 1.4959787070e11, 1}, {"Centimeter", 1e-2, 1},
  {"Chain", 20.1168, 1}, {"DataMile", 1828.8, 1}, {"Decameter", 10, 1}, {"Decimeter", 1e-1, 1},
  {"DtpPica", 1, 236.220472441}, {"DtpPoint", 2.54e-2, 72}, {"Fathom", 1.8288, 1},
  {"Foot", 0.3048, 1}, {"Hand", 1.016e-1, 1}, {"Hectometer", 1e2, 1}, {"Inch", 2.54e-2, 1},
  {"KilolightYear", 9.46073047258e18, 1}, {"Kilometer", 1e3, 1},
  {"Kiloparsec", 3.08567758128e19, 1}, {"LightYear", 9.46073047258e15, 1},
  {"MegalightYear", 9.46073047258e21, 1}, {"Megaparsec", 3.08567758128e22, 1},
  {"Meter", 1, 1}, {"Microinch", 2.54e-8, 1}, {"Micrometer", 1e-6, 1}, {"Mil", 2.54e-5, 1},
  {"Mile", 1609.34, 1}, {"Millimeter", 1e-3, 1}, {"Nanometer", 1e-9, 1},
  {"NauticalMile", 1852, 1}, {"Parsec", 3.08567758128e16, 1},
  {"PrinterPica", 1, 237.106301584}, {"PrinterPoint", 2.54e-2, 72.27}, {"Shackle", 27.432, 1},
  {"SolarRadius", 6.95510000e8, 1}, {"Twip", 1, 56692.913385826},
  {"UsSurveyFoot", 1200, 3937}, {"Yard", 0.9144, 1},
};

/* Mass; base Kilogram. */
static const KqlUnit aMass[] = {
  {"Centigram", 1e-5, 1}, {"Decagram", 1e-2, 1}, {"Decigram", 1e-4, 1},
  {"EarthMass", 5.9722e24, 1}, {"Grain", 1, 15432.358352941431}, {"Gram", 1e-3, 1},
  {"Hectogram", 1e-1, 1}, {"Kilogram", 1, 1}, {"Kilopound", 0.45359237e3, 1},
  {"Kilotonne", 1e6, 1}, {"LongHundredweight", 1, 0.01968413055222121},
  {"LongTon", 1.0160469088e3, 1}, {"Megapound", 0.45359237e6, 1}, {"Megatonne", 1e9, 1},
  {"Microgram", 1e-9, 1}, {"Milligram", 1e-6, 1}, {"Nanogram", 1e-12, 1},
  {"Ounce", 1, 35.2739619}, {"Pound", 0.45359237, 1},
  {"ShortHundredweight", 1, 0.022046226218487758}, {"ShortTon", 9.0718474e2, 1},
  {"Slug", 1, 6.852176556196105e-2}, {"SolarMass", 1.98947e30, 1},
  {"Stone", 1, 0.1574731728702698}, {"Tonne", 1e3, 1},
};

/* Speed; base MeterPerSecond. */
static const KqlUnit aSpeed[] = {
  {"CentimeterPerHour", 1e-2, 3600}, {"CentimeterPerMinute", 1e-2, 60},
  {"CentimeterPerSecond", 1e-2, 1}, {"DecimeterPerMinute", 1e-1, 60},
  {"DecimeterPerSecond", 1e-1, 1}, {"FootPerHour", 0.3048, 3600},
  {"FootPerMinute", 0.3048, 60}, {"FootPerSecond", 0.3048, 1},
  {"InchPerHour", 2.54e-2, 3600}, {"InchPerMinute", 2.54e-2, 60},
  {"InchPerSecond", 2.54e-2, 1}, {"KilometerPerHour", 1e3, 3600},
  {"KilometerPerMinute", 1e3, 60}, {"KilometerPerSecond", 1e3, 1},
  {"Knot", 0.514444, 1}, {"MeterPerHour", 1, 3600}, {"MeterPerMinute", 1, 60},
  {"MeterPerSecond", 1, 1}, {"MicrometerPerMinute", 1e-6, 60},
  {"MicrometerPerSecond", 1e-6, 1}, {"MilePerHour", 0.44704, 1},
  {"MillimeterPerHour", 1e-3, 3600}, {"MillimeterPerMinute", 1e-3, 60},
  {"MillimeterPerSecond", 1e-3, 1}, {"NanometerPerMinute", 1e-9, 60},
  {"NanometerPerSecond", 1e-9, 1}, {"UsSurveyFootPerHour", 1200.0/3937.0, 3600},
  {"UsSurveyFootPerMinute", 1200.0/3937.0, 60}, {"UsSurveyFootPerSecond", 1200.0/3937.0, 1},
  {"YardPerHour", 0.9144, 3600}, {"YardPerMinute", 0.9144, 60}, {"YardPerSecond", 0.9144, 1},
};

/* Volume; base CubicMeter. */
#define US_GAL  0.00378541
#define IMP_GAL 0.00454609000000181429905810072407
#define CU_FT   0.0283168
static const KqlUnit aVolume[] = {
  {"AcreFoot", 1, 0.000810714}, {"AuTablespoon", 2e-5, 1}, {"BoardFoot", 2.3597372158e-3, 1},
  {"Centiliter", 1e-5, 1}, {"CubicCentimeter", 1, 1e6}, {"CubicDecimeter", 1, 1e3},
  {"CubicFoot", CU_FT, 1}, {"CubicHectometer", 1e6, 1}, {"CubicInch", 1.6387e-5, 1},
  {"CubicKilometer", 1e9, 1}, {"CubicMeter", 1, 1}, {"CubicMicrometer", 1, 1e18},
  {"CubicMile", 4.16818182544058e9, 1}, {"CubicMillimeter", 1, 1e9},
  {"CubicYard", 0.764554858, 1}, {"Decaliter", 1e-2, 1}, {"DecausGallon", US_GAL*1e1, 1},
  {"Deciliter", 1e-4, 1}, {"DeciusGallon", US_GAL*1e-1, 1}, {"HectocubicFoot", CU_FT*1e2, 1},
  {"HectocubicMeter", 1e2, 1}, {"Hectoliter", 1e-1, 1}, {"HectousGallon", US_GAL*1e2, 1},
  {"ImperialBeerBarrel", 0.16365924, 1}, {"ImperialGallon", IMP_GAL, 1},
  {"ImperialOunce", 2.8413062499962901241875439064617e-5, 1},
  {"ImperialPint", 5.6826125e-4, 1}, {"KilocubicFoot", CU_FT*1e3, 1},
  {"KilocubicMeter", 1e3, 1}, {"KiloimperialGallon", IMP_GAL*1e3, 1}, {"Kiloliter", 1, 1},
  {"KilousGallon", US_GAL*1e3, 1}, {"Liter", 1, 1e3}, {"MegacubicFoot", CU_FT*1e6, 1},
  {"MegaimperialGallon", IMP_GAL*1e6, 1}, {"Megaliter", 1e3, 1},
  {"MegausGallon", US_GAL*1e6, 1}, {"MetricCup", 0.00025, 1}, {"MetricTeaspoon", 0.5e-5, 1},
  {"Microliter", 1, 1e9}, {"Milliliter", 1, 1e6}, {"OilBarrel", 0.158987294928, 1},
  {"UkTablespoon", 1.5e-5, 1}, {"UsBeerBarrel", 0.1173477658, 1},
  {"UsCustomaryCup", 0.0002365882365, 1}, {"UsGallon", US_GAL, 1},
  {"UsLegalCup", 0.00024, 1}, {"UsOunce", 2.957352956253760505068307980135e-5, 1},
  {"UsPint", 4.73176473e-4, 1}, {"UsQuart", 9.46352946e-4, 1},
  {"UsTablespoon", 1.478676478125e-5, 1}, {"UsTeaspoon", 4.92892159375e-6, 1},
};

/* Temperature units (affine; see tempToKelvin). */
static const char *const azTemp[] = {
  "DegreeCelsius", "DegreeDelisle", "DegreeFahrenheit", "DegreeNewton", "DegreeRankine",
  "DegreeReaumur", "DegreeRoemer", "Kelvin", "MillidegreeCelsius", "SolarTemperature",
};

/* One conversion family. */
typedef struct UnitFamily UnitFamily;
struct UnitFamily {
  const KqlUnit *a;     /* its units; NULL for temperature */
  int n;                /* number of units */
};

#define FAMILY(A) {A, (int)(sizeof(A)/sizeof(A[0]))}
/* Indexed by the user data of kql_convert: ORDER matters (aUnitFn). */
static const UnitFamily aFamily[] = {
  FAMILY(aAngle), FAMILY(aEnergy), FAMILY(aForce), FAMILY(aLength),
  FAMILY(aMass), FAMILY(aSpeed), {0, (int)(sizeof(azTemp)/sizeof(azTemp[0]))}, FAMILY(aVolume),
};
#define FAM_TEMPERATURE 6

/* Index of unit z[0..n) in family pF (ASCII case ignored), or -1. */
static int unitFind(const UnitFamily *pF, const char *z, int n){
  for(int i=0; i<pF->n; i++){
    const char *zName = pF->a ? pF->a[i].zName : azTemp[i];
    if( (int)strlen(zName)==n && strncasecmp(zName, z, (size_t)n)==0 ) return i;
  }
  return -1;
}

/* Temperature x in unit i of azTemp as kelvins. */
static double tempToKelvin(int i, double x){
  switch( i ){
    case 0: return x + 273.15;                       /* Celsius */
    case 1: return x * -2.0/3.0 + 373.15;            /* Delisle */
    case 2: return (x + 459.67) * 5.0/9.0;           /* Fahrenheit */
    case 3: return x * 100.0/33.0 + 273.15;          /* Newton */
    case 4: return x * 5.0/9.0;                      /* Rankine */
    case 5: return x * 5.0/4.0 + 273.15;             /* Reaumur */
    case 6: return (x - 7.5) * 40.0/21.0 + 273.15;   /* Roemer */
    case 7: return x;                                /* Kelvin */
    case 8: return x / 1000.0 + 273.15;              /* millidegree Celsius */
    default: return x * 5778.0;                      /* solar temperature */
  }
}

/* Kelvins k as unit i of azTemp. */
static double tempFromKelvin(int i, double k){
  switch( i ){
    case 0: return k - 273.15;
    case 1: return (373.15 - k) * 1.5;
    case 2: return k * 9.0/5.0 - 459.67;
    case 3: return (k - 273.15) * 33.0/100.0;
    case 4: return k * 9.0/5.0;
    case 5: return (k - 273.15) * 4.0/5.0;
    case 6: return (k - 273.15) * 21.0/40.0 + 7.5;
    case 7: return k;
    case 8: return (k - 273.15) * 1000.0;
    default: return k / 5778.0;
  }
}

/*
** kql_convert(value, from, to), family chosen by user data (aFamily):
** value converted between two units of the family; NULL when any
** argument is NULL or a unit name is unknown.
*/
static void convertFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  const UnitFamily *pF = &aFamily[(int)(intptr_t)sqlite3_user_data(ctx)];
  int nFrom, nTo, iFrom, iTo;
  const char *zFrom, *zTo;
  double x, r;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( sqlite3_value_numeric_type(argv[0])!=SQLITE_INTEGER
   && sqlite3_value_numeric_type(argv[0])!=SQLITE_FLOAT ) return;
  zFrom = kqlFnText(argv[1], &nFrom);
  zTo = kqlFnText(argv[2], &nTo);
  iFrom = unitFind(pF, zFrom, nFrom);
  iTo = unitFind(pF, zTo, nTo);
  if( iFrom<0 || iTo<0 ) return;
  x = kqlFnReal(argv[0]);
  if( pF->a==0 ){
    r = tempFromKelvin(iTo, tempToKelvin(iFrom, x));
  }else{
    const KqlUnit *pA = &pF->a[iFrom], *pB = &pF->a[iTo];
    double base = pA->mul==0 ? asin(x)*PI_180 : x * pA->mul / pA->div;   /* Tilt */
    r = pB->mul==0 ? sin(base/PI_180) : base * pB->div / pB->mul;
  }
  sqlite3_result_double(ctx, r);
}

/*********************************** format_bytes ***********************************/

static const char *const azByteUnit[] = {"Bytes", "KB", "MB", "GB", "TB", "PB", "EB"};

/*
** kql_format_bytes(size [, precision [, units]]): size in the given unit
** (Bytes, KB, ... EB, powers of 1024; case ignored) or, when units is
** missing or empty, in the largest unit that keeps the value >= 1,
** rounded to precision decimals (default 0, halves away from zero) and
** followed by a space and the unit: "19.08 MB". NULL when size or
** precision is NULL; "" for an unknown unit.
*/
static void formatBytesFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  double x, a, s;
  int64_t nPrec = 0;
  int iUnit = -1;
  char zNum[48];
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  if( argc>1 ){
    if( sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
    nPrec = sqlite3_value_int64(argv[1]);
    if( nPrec<0 ) nPrec = 0;
    if( nPrec>15 ) nPrec = 15;
  }
  if( argc>2 ){
    int n;
    const char *z = kqlFnText(argv[2], &n);
    if( n>0 ){
      for(int i=0; i<(int)(sizeof(azByteUnit)/sizeof(azByteUnit[0])); i++){
        if( (int)strlen(azByteUnit[i])==n && strncasecmp(azByteUnit[i], z, (size_t)n)==0 ) iUnit = i;
      }
      if( iUnit<0 ){ sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); return; }
    }
  }
  x = kqlFnReal(argv[0]);
  if( !isfinite(x) ){
    kqlValFormatReal(x, zNum);
    sqlite3_result_text(ctx, sqlite3_mprintf("%s Bytes", zNum), -1, sqlite3_free);
    return;
  }
  if( iUnit<0 ){
    a = fabs(x);
    iUnit = 0;
    while( iUnit<6 && a>=1024.0 ){ a /= 1024.0; iUnit++; }
  }
  a = x / pow(1024.0, (double)iUnit);
  s = pow(10.0, (double)nPrec);
  if( isfinite(a*s) ) a = round(a*s) / s;
  if( a==0.0 ) a = 0.0;            /* no "-0" */
  kqlValFormatReal(a, zNum);
  {
    char *z = sqlite3_mprintf("%s %s", zNum, azByteUnit[iUnit]);
    if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
    sqlite3_result_text(ctx, z, -1, sqlite3_free);
  }
}

static const FnDef aUnitFn[] = {
  {"kql_convert_angle",       3, 0, convertFunc},
  {"kql_convert_energy",      3, 1, convertFunc},
  {"kql_convert_force",       3, 2, convertFunc},
  {"kql_convert_length",      3, 3, convertFunc},
  {"kql_convert_mass",        3, 4, convertFunc},
  {"kql_convert_speed",       3, 5, convertFunc},
  {"kql_convert_temperature", 3, FAM_TEMPERATURE, convertFunc},
  {"kql_convert_volume",      3, 7, convertFunc},
  {"kql_format_bytes",        1, 0, formatBytesFunc},
  {"kql_format_bytes",        2, 0, formatBytesFunc},
  {"kql_format_bytes",        3, 0, formatBytesFunc},
};

/* kqlMiscRegisterUnits(): contract in fn_misc.h. */
int kqlMiscRegisterUnits(sqlite3 *db){
  return kqlFnRegisterTable(db, aUnitFn, (int)(sizeof(aUnitFn)/sizeof(aUnitFn[0])));
}
