/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL scalar types and how each is stored in SQLite. SQLite keeps storage
** classes only, so the KQL type of every column and expression is carried
** statically (bound tree, plan schema) and output is formatted from it.
**
**   bool      INTEGER 0/1           int, long  INTEGER
**   real      REAL                  decimal    REAL (approximation)
**   string    TEXT (never NULL: KQL strings are "" when empty)
**   datetime  INTEGER, 100-ns ticks since 1970-01-01T00:00:00Z (UTC)
**   timespan  INTEGER, 100-ns ticks
**   guid      TEXT, lower case 8-4-4-4-12
**   dynamic   TEXT holding JSON (SQLite's JSON1 functions operate on it)
** A NULL of any type but string is SQL NULL.
*/
#ifndef KQL_TYPES_H
#define KQL_TYPES_H
#include <stdint.h>

/* X-macro: KQL_TYPE(enum suffix, KQL spelling). ORDER matters: the enum
** values are stable and are passed to SQL functions as type tags. */
#define KQL_TYPE_LIST \
  KQL_TYPE(UNKNOWN,  "unknown")  \
  KQL_TYPE(BOOL,     "bool")     \
  KQL_TYPE(INT,      "int")      \
  KQL_TYPE(LONG,     "long")     \
  KQL_TYPE(REAL,     "real")     \
  KQL_TYPE(DECIMAL,  "decimal")  \
  KQL_TYPE(STRING,   "string")   \
  KQL_TYPE(DATETIME, "datetime") \
  KQL_TYPE(TIMESPAN, "timespan") \
  KQL_TYPE(GUID,     "guid")     \
  KQL_TYPE(DYNAMIC,  "dynamic")  \
  KQL_TYPE(TABLE,    "table")

enum {
#define KQL_TYPE(E, S) KQL_T_##E,
  KQL_TYPE_LIST
#undef KQL_TYPE
  KQL_T_COUNT
};

/* KQL spelling of a type ("long"); "unknown" for out-of-range values. */
const char *kqlTypeName(int eType);
/* Type from a spelling, case-insensitive, with synonyms (boolean, int32,
** int64, double, date, time, uniqueid, object...). -1 when unknown. */
int kqlTypeFromName(const char *z, int n);
/* 1 for int, long, real, decimal. */
int kqlTypeIsNumeric(int eType);

#define KQL_TICKS_PER_SECOND  10000000LL
#define KQL_TICKS_PER_DAY     (86400LL * KQL_TICKS_PER_SECOND)

#endif
