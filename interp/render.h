/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Output renderers for result tables: aligned text table, CSV, TSV, JSON,
** JSON lines, Markdown. Values are formatted from the static KQL type of each
** column (kql.h), never from SQLite's storage class.
*/
#ifndef KQL_RENDER_H
#define KQL_RENDER_H
#include <stdio.h>
#include "kql.h"

#define KQL_FMT_TABLE    0
#define KQL_FMT_CSV      1
#define KQL_FMT_TSV      2
#define KQL_FMT_JSON     3
#define KQL_FMT_JSONL    4
#define KQL_FMT_MARKDOWN 5

/* Format from its name ("csv"), or -1. */
int kqlRenderFormatFromName(const char *z);

/*
** Read all rows of pRes and write them to out in format eFmt. iTable is the
** index of this result among the run's results (0 first): formats that need a
** separator between tables use it. Returns KQL_OK or KQL_ERROR (a row failed;
** the message is in the engine's diagnostics).
**
**   csv/tsv   header row, then one line per row (RFC 4180 quoting for csv;
**             tsv escapes \t \n \\ as backslash sequences)
**   json      {"columns":[{"name":..,"type":..},..],"rows":[[..],..]} then \n
**             (bool/number as JSON, null as null, datetime/timespan/string/
**             guid as strings, dynamic as the JSON value itself)
**   jsonl     one object per row {"col": value, ...}
**   table     aligned columns with a header and a rule; long cells cut at 80 chars with "…"
**   markdown  | a | b | header, |---|, rows (pipes escaped)
*/
int kqlRenderResult(FILE *out, int eFmt, KqlResult *pRes, int iTable);

#endif
