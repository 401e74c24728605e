/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface of the "misc" group of KQL built-ins (fn_misc*.c):
** unit conversion and byte formatting, statistical distributions,
** gzip/zlib, punycode, the small parsers (parse_version,
** parse_command_line, parse_csv), dynamic helpers (dynamic_to_json,
** treepath, set_equals, estimate_data_size), indexof_regex and the
** aggregates buildschema and variancepif. kqlFnRegisterMisc() (fn.h)
** calls the per-file entry points declared here; each returns SQLITE_OK
** or the first SQLite error code.
*/
#ifndef KQL_FN_MISC_H
#define KQL_FN_MISC_H
#include <sqlite3.h>

int kqlMiscRegisterUnits(sqlite3 *db);    /* fn_misc_units.c */
int kqlMiscRegisterStats(sqlite3 *db);    /* fn_misc_stats.c */
int kqlMiscRegisterZip(sqlite3 *db);      /* fn_misc_zip.c */
int kqlMiscRegisterPuny(sqlite3 *db);     /* fn_misc_puny.c */
int kqlMiscRegisterParse(sqlite3 *db);    /* fn_misc_parse.c */
int kqlMiscRegisterDyn(sqlite3 *db);      /* fn_misc_dyn.c */
int kqlMiscRegisterSchema(sqlite3 *db);   /* fn_misc_schema.c */
int kqlMiscRegisterRegex(sqlite3 *db);    /* fn_misc_regex.c */

#endif
