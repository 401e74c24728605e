/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The built-in function catalogue (see builtins.h). The rows for the
** functions implemented in C live beside their code, one fn_<group>.inc per
** fn_<group>.c, and are included here. Lookup is linear: it runs only while
** binding, a few times per query.
**
** Rows flagged KQL_FNF_SPECIAL are compiled by the binder itself (bind_expr.c):
** conditionals, null tests, now/ago, aggregates that need special SQL
** (count, countif, arg_max, arg_min, take_any) and window functions.
*/
#include "builtins.h"
#include <string.h>

#define SP KQL_FNF_SPECIAL
#define AGG KQL_FN_AGG
#define SCL KQL_FN_SCALAR
#define WIN KQL_FN_WINDOW

static const KqlBuiltin aBuiltin[] = {
  /* zName        nMin nMax kind flags            eRet              zArgs  zSql */
  /* column i of the multi-column array_sort_asc/desc(a1, a2, ...) (bind_op.c) */
  {"__array_sort_asc_nth",  2, -1, SCL, 0,         KQL_T_DYNAMIC,    "l?",  "kql_array_sort_asc_nth"},
  {"__array_sort_desc_nth", 2, -1, SCL, 0,         KQL_T_DYNAMIC,    "l?",  "kql_array_sort_desc_nth"},
  {"ago",            1,  1, SCL, SP,               KQL_T_DATETIME,   "t",   0},
  {"any",            1, -1, AGG, SP|KQL_FNF_STARARG, KQL_RET_ARG0,   "*",   0},
  {"arg_max",        2, -1, AGG, SP|KQL_FNF_STARARG, KQL_T_UNKNOWN,  "*?",  0},
  {"arg_min",        2, -1, AGG, SP|KQL_FNF_STARARG, KQL_T_UNKNOWN,  "*?",  0},
  {"avg",            1,  1, AGG, 0,                KQL_T_REAL,       "n",   "kql_avg"},
  {"case",           3, -1, SCL, SP,               KQL_T_UNKNOWN,    "?",   0},
  {"coalesce",       1, -1, SCL, SP,               KQL_RET_ARG0,     "*",   0},
  {"column_ifexists", 2, 2, SCL, SP,               KQL_RET_ARG1,     "q*",  0},
  {"columnifexists", 2,  2, SCL, SP,               KQL_RET_ARG1,     "q*",  0},
  {"count",          0,  1, AGG, SP|KQL_FNF_STARARG, KQL_T_LONG,     "?",   0},
  {"countif",        1,  1, AGG, SP,               KQL_T_LONG,       "b",   0},
  {"geo_info_from_ip_address", 1, 1, SCL, SP,      KQL_T_DYNAMIC,    "s",   0},
  {"iff",            3,  3, SCL, SP,               KQL_RET_ARG1,     "b**", 0},
  {"iif",            3,  3, SCL, SP,               KQL_RET_ARG1,     "b**", 0},
  {"ingestion_time", 0,  0, SCL, SP,               KQL_T_DATETIME,   "",    0},
  {"isempty",        1,  1, SCL, SP,               KQL_T_BOOL,       "*",   0},
  {"isnotempty",     1,  1, SCL, SP,               KQL_T_BOOL,       "*",   0},
  {"isnotnull",      1,  1, SCL, SP,               KQL_T_BOOL,       "*",   0},
  {"isnull",         1,  1, SCL, SP,               KQL_T_BOOL,       "*",   0},
  {"max",            1,  1, AGG, 0,                KQL_RET_ARG0,     "*",   "max"},
  {"min",            1,  1, AGG, 0,                KQL_RET_ARG0,     "*",   "min"},
  {"not",            1,  1, SCL, SP,               KQL_T_BOOL,       "b",   0},
  {"next",           1,  3, WIN, SP,               KQL_RET_ARG0,     "*l*", 0},
  {"new_guid",       0,  0, SCL, SP|KQL_FNF_NONDET, KQL_T_GUID,      "",    0},
  {"now",            0,  1, SCL, SP,               KQL_T_DATETIME,   "t",   0},
  {"pack_all",       0,  1, SCL, SP,               KQL_T_DYNAMIC,    "b",   0},
  {"prev",           1,  3, WIN, SP,               KQL_RET_ARG0,     "*l*", 0},
  {"row_cumsum",     1,  2, WIN, SP,               KQL_RET_SUM,      "nb",  0},
  {"row_number",     0,  2, WIN, SP,               KQL_T_LONG,       "lb",  0},
  {"sum",            1,  1, AGG, 0,                KQL_RET_SUM,      "n",   "kql_sum"},
  {"take_any",       1, -1, AGG, SP|KQL_FNF_STARARG, KQL_RET_ARG0,   "*",   0},
  /* deprecated spellings still common in hunts */
  {"arraylength",    1,  1, SCL, 0,                KQL_T_LONG,       "y",   "kql_array_length"},
  {"extractall",     2,  3, SCL, 0,                KQL_T_DYNAMIC,    "s?s", "kql_extract_all"},
  {"array_strcat",   2,  2, SCL, 0,                KQL_T_STRING,     "ys",  "kql_strcat_array"},
  {"pack_dictionary", 2, -1, SCL, KQL_FNF_TAGS,    KQL_T_DYNAMIC,    "?",   "kql_bag_pack"},
  {"notempty",       1,  1, SCL, SP,               KQL_T_BOOL,       "*",   0},
  {"notnull",        1,  1, SCL, SP,               KQL_T_BOOL,       "*",   0},
  {"parse_xml",      1,  1, SCL, 0,                KQL_T_DYNAMIC,    "s",   "kql_parse_xml"},
#include "fn_string.inc"
#include "fn_convert.inc"
#include "fn_regex.inc"
#include "fn_datetime.inc"
#include "fn_dynamic.inc"
#include "fn_agg.inc"
#include "fn_math.inc"
#include "fn_net.inc"
#include "fn_series.inc"
#include "fn_geo.inc"
#include "fn_misc.inc"
#include "fn_window.inc"
#include "fn_misc2.inc"
#include "fn_useragent.inc"
#include "fn_known.inc"
};

#undef SP
#undef AGG
#undef SCL
#undef WIN

int kqlBuiltinCount(void){ return (int)(sizeof(aBuiltin)/sizeof(aBuiltin[0])); }

const KqlBuiltin *kqlBuiltinAt(int i){
  return (i>=0 && i<kqlBuiltinCount()) ? &aBuiltin[i] : 0;
}

const KqlBuiltin *kqlBuiltinFind(const char *zName, int n){
  if( n<0 ) n = (int)strlen(zName);
  for(int i=0; i<kqlBuiltinCount(); i++){
    const char *z = aBuiltin[i].zName;
    if( strncmp(z, zName, (size_t)n)==0 && z[n]==0 ) return &aBuiltin[i];
  }
  return 0;
}
