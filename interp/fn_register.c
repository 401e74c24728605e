/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlFnRegisterAll(): registers every group of KQL SQL functions (fn.h).
*/
#include "fn.h"
#include "fn_useragent.h"

int kqlFnRegisterAll(sqlite3 *db){
  int (*const aReg[])(sqlite3 *) = {
    kqlFnRegisterCore, kqlFnRegisterXml, kqlFnRegisterMvExpand, kqlFnRegisterRangeRows, kqlFnRegisterMvRows, kqlFnRegisterString, kqlFnRegisterConvert, kqlFnRegisterRegex,
    kqlFnRegisterDatetime, kqlFnRegisterDynamic, kqlFnRegisterAgg,
    kqlFnRegisterMath, kqlFnRegisterNet,
    kqlFnRegisterGeo,
    kqlFnRegisterOps,
    kqlFnRegisterMisc,
    kqlFnRegisterWindow,
    kqlFnRegisterPattern,
    kqlFnRegisterUserAgent,
  };
  for(unsigned i=0; i<sizeof(aReg)/sizeof(aReg[0]); i++){
    int rc = aReg[i](db);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
