/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL type names and synonyms (see types.h).
*/
#include "types.h"
#include <string.h>
#include <strings.h>

static const char *const azTypeName[] = {
#define KQL_TYPE(E, S) S,
  KQL_TYPE_LIST
#undef KQL_TYPE
};

const char *kqlTypeName(int eType){
  if( eType<0 || eType>=KQL_T_COUNT ) return "unknown";
  return azTypeName[eType];
}

static const struct { const char *z; int e; } aSyn[] = {
  {"boolean", KQL_T_BOOL}, {"int32", KQL_T_INT}, {"int64", KQL_T_LONG},
  {"double", KQL_T_REAL}, {"float", KQL_T_REAL}, {"date", KQL_T_DATETIME},
  {"time", KQL_T_TIMESPAN}, {"uniqueid", KQL_T_GUID}, {"object", KQL_T_DYNAMIC},
  {"integer", KQL_T_INT}, {"system.string", KQL_T_STRING},
  {"system.int32", KQL_T_INT}, {"system.int64", KQL_T_LONG},
  {"system.double", KQL_T_REAL}, {"system.boolean", KQL_T_BOOL},
  {"system.datetime", KQL_T_DATETIME}, {"system.timespan", KQL_T_TIMESPAN},
  {"system.guid", KQL_T_GUID}, {"system.object", KQL_T_DYNAMIC},
  {"sbyte", KQL_T_INT}, {"system.sbyte", KQL_T_BOOL},
  {"system.decimal", KQL_T_DECIMAL}, {"system.single", KQL_T_REAL},
};

int kqlTypeFromName(const char *z, int n){
  if( n<0 ) n = (int)strlen(z);
  for(int i=1; i<KQL_T_TABLE; i++){
    if( (int)strlen(azTypeName[i])==n && strncasecmp(azTypeName[i], z, n)==0 ) return i;
  }
  for(unsigned i=0; i<sizeof(aSyn)/sizeof(aSyn[0]); i++){
    if( (int)strlen(aSyn[i].z)==n && strncasecmp(aSyn[i].z, z, n)==0 ) return aSyn[i].e;
  }
  return -1;
}

int kqlTypeIsNumeric(int eType){
  return eType==KQL_T_INT || eType==KQL_T_LONG || eType==KQL_T_REAL || eType==KQL_T_DECIMAL;
}
