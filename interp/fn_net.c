/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL built-ins of the net group as SQLite functions (stub: filled in by its owner).
*/
#include "fn.h"

int kqlFnRegisterNet(sqlite3 *db){
  (void)db;
  return SQLITE_OK;
}
