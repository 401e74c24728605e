/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** geo_info_from_ip_address(ip) offline: kql_set_geoip opens a MaxMind DB
** file (.mmdb: GeoLite2-City as Kusto itself uses, or GeoLite2-Country,
** DB-IP lite ...) with libmaxminddb and registers the SQL function
** kql_geo_ip(ip), which the binder calls when a database is set. The
** result is the documented bag {"country", "state", "city", "latitude",
** "longitude"} with English names; keys the database has no value for are
** left out, and an address it has no entry for (private ranges, unknown)
** or a string that is not an IP address gives null.
*/
#include "engineInt.h"
#include "value.h"
#include <maxminddb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append "key":<string> for the UTF-8 string at the path, if the entry has one. */
static void addString(sqlite3_str *s, int *pbFirst, const char *zKey, MMDB_entry_s *pEntry,
                      const char *const *azPath){
  MMDB_entry_data_s d;
  if( MMDB_aget_value(pEntry, &d, azPath)!=MMDB_SUCCESS || !d.has_data
   || d.type!=MMDB_DATA_TYPE_UTF8_STRING ){
    return;
  }
  sqlite3_str_appendf(s, "%s\"%s\":\"", *pbFirst ? "" : ",", zKey);
  for(uint32_t i=0; i<d.data_size; i++){
    unsigned char c = (unsigned char)d.utf8_string[i];
    if( c=='"' || c=='\\' ) sqlite3_str_appendf(s, "\\%c", c);
    else if( c<0x20 ) sqlite3_str_appendf(s, "\\u%04x", c);
    else sqlite3_str_appendchar(s, 1, (char)c);
  }
  sqlite3_str_appendchar(s, 1, '"');
  *pbFirst = 0;
}

/* Append "key":<real> for the double at the path, if the entry has one. */
static void addReal(sqlite3_str *s, int *pbFirst, const char *zKey, MMDB_entry_s *pEntry,
                    const char *const *azPath){
  MMDB_entry_data_s d;
  char zBuf[48];
  double r;
  if( MMDB_aget_value(pEntry, &d, azPath)!=MMDB_SUCCESS || !d.has_data ) return;
  if( d.type==MMDB_DATA_TYPE_DOUBLE ) r = d.double_value;
  else if( d.type==MMDB_DATA_TYPE_FLOAT ) r = d.float_value;
  else return;
  kqlValFormatReal(r, zBuf);
  sqlite3_str_appendf(s, "%s\"%s\":%s", *pbFirst ? "" : ",", zKey, zBuf);
  *pbFirst = 0;
}

/* kql_geo_ip(ip): the bag described above, as JSON text, or NULL. */
static void geoIpFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  MMDB_s *pDb = sqlite3_user_data(ctx);
  const char *zIp = (const char*)sqlite3_value_text(argv[0]);
  int eGai = 0, eDb = 0;
  (void)argc;
  if( zIp==0 || zIp[0]==0 ) return;
  MMDB_lookup_result_s res = MMDB_lookup_string(pDb, zIp, &eGai, &eDb);
  if( eGai!=0 || eDb!=MMDB_SUCCESS || !res.found_entry ) return;
  static const char *const azCountry[] = {"country", "names", "en", 0};
  static const char *const azState[] = {"subdivisions", "0", "names", "en", 0};
  static const char *const azCity[] = {"city", "names", "en", 0};
  static const char *const azLat[] = {"location", "latitude", 0};
  static const char *const azLon[] = {"location", "longitude", 0};
  sqlite3_str *s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  int bFirst = 1;
  sqlite3_str_appendchar(s, 1, '{');
  addString(s, &bFirst, "country", &res.entry, azCountry);
  addString(s, &bFirst, "state", &res.entry, azState);
  addString(s, &bFirst, "city", &res.entry, azCity);
  addReal(s, &bFirst, "latitude", &res.entry, azLat);
  addReal(s, &bFirst, "longitude", &res.entry, azLon);
  sqlite3_str_appendchar(s, 1, '}');
  int n = sqlite3_str_length(s);
  char *z = sqlite3_str_finish(s);
  if( z==0 ){ sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, z, n, sqlite3_free);
}

int kql_set_geoip(KqlEngine *p, const char *zPath, char **pzErr){
  MMDB_s *pDb = calloc(1, sizeof(*pDb));
  if( pzErr ) *pzErr = 0;
  if( pDb==0 ) return KQL_IOERR;
  int rc = MMDB_open(zPath, MMDB_MODE_MMAP, pDb);
  if( rc!=MMDB_SUCCESS ){
    if( pzErr ){
      const char *zWhy = MMDB_strerror(rc);
      size_t n = strlen(zPath) + strlen(zWhy) + 32;
      *pzErr = malloc(n);
      if( *pzErr ) snprintf(*pzErr, n, "%s: %s", zPath, zWhy);
    }
    free(pDb);
    return KQL_IOERR;
  }
  kqlGeoIpClose(p);
  if( sqlite3_create_function_v2(p->db, "kql_geo_ip", 1, SQLITE_UTF8|SQLITE_DETERMINISTIC,
                                 pDb, geoIpFunc, 0, 0, 0)!=SQLITE_OK ){
    MMDB_close(pDb);
    free(pDb);
    return KQL_IOERR;
  }
  p->pGeoIp = pDb;
  return KQL_OK;
}

/* Close the database (after the SQL function is gone or replaced). */
void kqlGeoIpClose(KqlEngine *p){
  MMDB_s *pDb = p->pGeoIp;
  if( pDb==0 ) return;
  MMDB_close(pDb);
  free(pDb);
  p->pGeoIp = 0;
}
