/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The stable diagnostic codes, one line each: the code, the level
** `kqlite check` reports it at, and what it means. `kqlite check
** --list-codes` prints this table and the SARIF output takes its rule
** descriptions from it. A code is never reused for another meaning.
** Ranges: KQL0xx the input files (syntax, YAML), KQL1xx names, types and
** calls, KQL2xx operator-specific checks, KQL3xx execution, KQL39x data
** that is not available offline. tests/test_check.c fails when a code used
** in interp/, grammar/ or tables/ is missing here.
*/
#include "cli_check.h"
#include <string.h>

static const KqlCheckCode aCode[] = {
  /* ORDER: ascending by code (kqlCheckCodeFind relies on it) */
  {"KQL000", "error",   "diagnostic without a specific code"},
  {"KQL001", "error",   "syntax error (the first one of each statement)"},
  {"KQL002", "warning", "YAML file without a top-level 'query' field (nothing to check)"},
  {"KQL003", "error",   "invalid YAML"},
  {"KQL004", "error",   "the YAML 'query' field is empty or not a string"},
  {"KQL101", "error",   "unknown table, or no table matches a wildcard"},
  {"KQL102", "error",   "a table or externaldata file cannot be loaded"},
  {"KQL103", "error",   "unknown column"},
  {"KQL104", "error",   "a scalar value used where a table is expected"},
  {"KQL105", "error",   "a let statement without a value"},
  {"KQL106", "error",   "a query statement that is not a tabular expression"},
  {"KQL107", "error",   "a table used where a scalar value is expected"},
  {"KQL108", "error",   "unknown name"},
  {"KQL109", "error",   "unknown function or plugin"},
  {"KQL110", "error",   "datatable without columns"},
  {"KQL111", "error",   "unknown type name"},
  {"KQL112", "error",   "duplicate column name"},
  {"KQL113", "error",   "datatable values are not a multiple of its columns"},
  {"KQL120", "error",   "range bounds of the wrong type"},
  {"KQL130", "error",   "user-defined function called with wrong or missing arguments"},
  {"KQL131", "error",   "wrong number of arguments, or a function without the expected result"},
  {"KQL132", "error",   "argument of the wrong type"},
  {"KQL133", "error",   "branches or results of different types (iff, case, coalesce)"},
  {"KQL134", "error",   "aggregate function outside summarize"},
  {"KQL135", "error",   "aggregate function in a 'by' key"},
  {"KQL136", "error",   "summarize or make-series expression without an aggregate"},
  {"KQL137", "error",   "window function over input that is not serialized"},
  {"KQL140", "error",   "expected a bool expression"},
  {"KQL141", "error",   "operator applied to operands of the wrong types"},
  {"KQL142", "error",   "member access or index on a value that does not support it"},
  {"KQL143", "error",   "a tabular expression used as a scalar (toscalar() needed)"},
  {"KQL144", "error",   "row count that is not an integer"},
  {"KQL145", "error",   "malformed item in a column list"},
  {"KQL146", "error",   "toscalar() of a value that depends on the current row"},
  {"KQL150", "error",   "invalid literal"},
  {"KQL151", "error",   "invalid datetime literal"},
  {"KQL152", "error",   "invalid timespan literal"},
  {"KQL153", "error",   "invalid guid literal"},
  {"KQL154", "error",   "dynamic literal with a non-constant element"},
  {"KQL160", "error",   "invalid join or lookup kind"},
  {"KQL161", "error",   "join keys missing or too many"},
  {"KQL162", "error",   "join keys of different types"},
  {"KQL170", "error",   "mv-expand or mv-apply of a value that is not dynamic"},
  {"KQL180", "error",   "externaldata without a constant URL"},
  {"KQL190", "warning", "valid KQL that kqlite cannot run yet (checking stops there)"},
  {"KQL191", "error",   "query or expression nested too deeply"},
  {"KQL200", "error",   "parse: unknown kind"},
  {"KQL201", "error",   "parse: invalid regex flags"},
  {"KQL202", "error",   "parse: malformed pattern"},
  {"KQL203", "error",   "parse-kv: invalid options"},
  {"KQL210", "error",   "make-series: malformed operator"},
  {"KQL211", "error",   "make-series: axis or step of the wrong type"},
  {"KQL212", "error",   "make-series: step that is not positive"},
  {"KQL220", "error",   "bag_unpack: invalid arguments"},
  {"KQL221", "error",   "evaluate: the plugin's input cannot be read"},
  {"KQL222", "error",   "bag_unpack: a column already exists"},
  {"KQL223", "error",   "pivot: missing pivot column"},
  {"KQL224", "error",   "ipv4_lookup / ipv6_lookup: invalid arguments"},
  {"KQL225", "error",   "evaluate without a plugin call"},
  {"KQL226", "error",   "geo_polygon_lookup / geo_line_lookup: invalid arguments"},
  {"KQL227", "error",   "dcount_intersect: invalid arguments"},
  {"KQL228", "error",   "schema_merge: invalid arguments or input"},
  {"KQL229", "error",   "user analytics plugin: invalid arguments"},
  {"KQL230", "error",   "top-nested: malformed clause"},
  {"KQL231", "error",   "top-hitters: 'by' is not a number"},
  {"KQL232", "error",   "rows_near: invalid arguments"},
  {"KQL240", "error",   "sub-query input outside mv-apply"},
  {"KQL241", "error",   "mv-apply: malformed operator"},
  {"KQL242", "error",   "invoke: not a call of a tabular function"},
  {"KQL250", "error",   "search: malformed operator"},
  {"KQL251", "error",   "find: malformed operator"},
  {"KQL260", "error",   "scan: malformed operator"},
  {"KQL261", "error",   "scan: assignment to an undeclared column"},
  {"KQL270", "error",   "partition: malformed operator"},
  {"KQL271", "error",   "partition / project-by-names: the data they depend on cannot be read"},
  {"KQL300", "error",   "runtime error (kqlite run)"},
  {"KQL301", "error",   "internal error: generated SQL rejected (kqlite run)"},
  {"KQL390", "error",   "externaldata source not available offline (kqlite run)"},
  {"KQL391", "error",   "function needs data that is not available offline (kqlite run)"},
};

int kqlCheckCodeCount(void){ return (int)(sizeof(aCode)/sizeof(aCode[0])); }

const KqlCheckCode *kqlCheckCodeAt(int i){
  return i>=0 && i<kqlCheckCodeCount() ? &aCode[i] : 0;
}

const KqlCheckCode *kqlCheckCodeFind(const char *zCode){
  int lo = 0, hi = kqlCheckCodeCount()-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    int c = strcmp(aCode[mid].zCode, zCode);
    if( c==0 ) return &aCode[mid];
    if( c<0 ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

void kqlCheckListCodes(FILE *out){
  for(int i=0; i<kqlCheckCodeCount(); i++){
    fprintf(out, "%s  %-7s  %s\n", aCode[i].zCode, aCode[i].zLevel, aCode[i].zTitle);
  }
}
