/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface of the string group's source files (fn_string.c,
** fn_encode.c, fn_hash.c, fn_convert.c, fn_regex.c): the registration
** table row type and the per-file registration entry points that
** kqlFnRegisterString()/kqlFnRegisterConvert()/kqlFnRegisterRegex() call.
*/
#ifndef KQL_FN_TEXT_H
#define KQL_FN_TEXT_H
#include <sqlite3.h>

/* One SQL function to register: all are UTF8|DETERMINISTIC|INNOCUOUS. */
typedef struct FnDef FnDef;
struct FnDef {
  const char *zName;    /* SQL name, "kql_..." */
  signed char nArg;     /* SQL argument count, -1 variadic */
  int iUser;            /* user data, read back with sqlite3_user_data() */
  void (*xFunc)(sqlite3_context*, int, sqlite3_value**);
};

/* Register nDef rows of aDef on db. Returns SQLITE_OK or the first error. */
int kqlFnRegisterTable(sqlite3 *db, const FnDef *aDef, int nDef);

/* base64, URL and path functions (fn_encode.c). */
int kqlFnRegisterEncode(sqlite3 *db);
/* hash, hash_md5, hash_sha1, hash_sha256, hash_xxhash64 (fn_hash.c). */
int kqlFnRegisterHash(sqlite3 *db);

#endif
