#!/bin/sh
#
# 2026-11-28
# kqlite — offline KQL engine.
#
# Developer tool, run by hand when the table schemas change (the build never
# runs it): reads SCHEMA_DIR/*.json (default ../shared/schemas, relative to
# the repository root) and writes tables/catalog_data.c, the committed table
# of table names, column names and KQL types that catalog.c serves.
#
#   sh tables/gen_catalog.sh [SCHEMA_DIR] [OUTPUT]
#
# Each schema is {"name": T, "columns": [{"name": C, "type": K}, ...]} (other
# keys are ignored). Tables are sorted by name in strcmp() order so that
# kqlCatalogFind() can binary-search them; columns keep schema order. A
# column whose name repeats an earlier one exactly is dropped (reported on
# stderr). Columns whose names differ only in letter case (ISP and Isp) are
# both kept: KQL names are case-sensitive, SQLite's are not, so their folded
# names (and those of names spelled differently in two tables, which meet after
# a union or join) are listed in kqlCatalogCaseNames and SQL spells every name of that
# fold with a suffix that keeps the spellings apart (catalog.h). Type
# spellings follow kqlTypeFromName() (interp/types.c); a few more spellings
# are folded sensibly (enum, bigint, text, ...) and anything still unknown
# becomes string. Both are reported on stderr.
#
# Needs POSIX sh and python3.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCHEMAS=${1:-"$ROOT/../shared/schemas"}
OUTPUT=${2:-"$ROOT/tables/catalog_data.c"}

if [ ! -d "$SCHEMAS" ]; then
  echo "gen_catalog.sh: no schema directory $SCHEMAS" >&2
  exit 1
fi

python3 - "$SCHEMAS" "$OUTPUT" <<'PYEOF'
import glob, json, os, sys

schema_dir, output = sys.argv[1], sys.argv[2]

# kqlTypeFromName(): canonical names and synonyms, case-insensitive.
CANON = ["bool", "int", "long", "real", "decimal", "string", "datetime",
         "timespan", "guid", "dynamic"]
SYN = {
  "boolean": "bool", "int32": "int", "int64": "long", "double": "real",
  "float": "real", "date": "datetime", "time": "timespan", "uniqueid": "guid",
  "object": "dynamic", "integer": "int", "system.string": "string",
  "system.int32": "int", "system.int64": "long", "system.double": "real",
  "system.boolean": "bool", "system.datetime": "datetime",
  "system.timespan": "timespan", "system.guid": "guid",
  "system.object": "dynamic", "sbyte": "int", "system.sbyte": "bool",
  "system.decimal": "decimal", "system.single": "real",
}
# Spellings kqlTypeFromName() does not know, folded the way the schema
# extractor documents (enum is a string in Kusto, BigInt is long, ...).
EXTRA = {
  "enum": "string", "text": "string", "str": "string", "bigint": "long",
  "single": "real", "number": "real", "timestamp": "datetime",
  "array": "dynamic", "dictionary": "dynamic", "bag": "dynamic",
  "uuid": "guid",
}

def kql_type(spelling):
    s = spelling.strip().lower()
    if s in CANON:
        return s, None
    if s in SYN:
        return SYN[s], None
    if s in EXTRA:
        return EXTRA[s], "folded"
    return "string", "unknown"

def c_string(s):
    out = ['"']
    for b in s.encode("utf-8"):
        c = chr(b)
        if c == '"' or c == '\\':
            out.append('\\' + c)
        elif 32 <= b < 127 and c != '?':
            out.append(c)
        else:
            out.append('\\%03o' % b)
    out.append('"')
    return "".join(out)

def c_ident(s):
    return "".join(ch if ch.isalnum() and ord(ch) < 128 else "_" for ch in s)

tables = {}
notes = []
casefold = set()
spellings = {}     # folded name -> every spelling in any table
for path in sorted(glob.glob(os.path.join(schema_dir, "*.json"))):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    name = doc.get("name")
    cols = doc.get("columns")
    if not isinstance(name, str) or not isinstance(cols, list):
        notes.append("%s: no name/columns, skipped" % path)
        continue
    if name in tables:
        notes.append("%s: table %s repeated, skipped" % (path, name))
        continue
    seen = {}
    out = []
    for c in cols:
        cname, ctype = c.get("name"), c.get("type")
        if not isinstance(cname, str) or cname == "":
            notes.append("%s: column without a name, skipped" % name)
            continue
        if cname in seen:
            notes.append("%s.%s: repeats %s, dropped" % (name, cname, cname))
            continue
        key = cname.lower()
        for other in seen:
            if other.lower() == key:
                casefold.add(key)
                notes.append("%s.%s: differs from %s only in case, kept" % (name, cname, other))
        seen[cname] = 1
        spellings.setdefault(key, set()).add(cname)
        t, why = kql_type(ctype if isinstance(ctype, str) else "")
        if why:
            notes.append("%s.%s: type %r %s -> %s" % (name, cname, ctype, why, t))
        out.append((cname, t))
    tables[name] = out
# Names spelled differently in different tables (DestinationIP, DestinationIp)
# meet in one result after union or join: they are folds too.
for key, names_ in spellings.items():
    if len(names_) > 1:
        casefold.add(key)

names = sorted(tables, key=lambda s: s.encode("utf-8"))
lines = []
w = lines.append
w("/*")
w("** 2026-11-28")
w("** kqlite — offline KQL engine.")
w("**")
w("** GENERATED by tables/gen_catalog.sh from the table schemas; do not edit.")
w("** The schema catalogue's data: %d tables, sorted by name (strcmp order)," % len(names))
w("** each with its columns in schema order and their KQL types.")
w("*/")
w('#include "catalogInt.h"')
w('#include "types.h"')
w("")
for i, t in enumerate(names):
    w("static const KqlColDef aCol%d[] = { /* %s */" % (i, c_ident(t)))
    for cname, ctype in tables[t]:
        w("  {%s, KQL_T_%s}," % (c_string(cname), ctype.upper()))
    w("};")
w("")
w("const KqlTableDef kqlCatalogData[] = {")
for i, t in enumerate(names):
    w("  {%s, %d, aCol%d}," % (c_string(t), len(tables[t]), i))
w("};")
w("const int kqlCatalogDataCount = %d;" % len(names))
w("")
w("/* Folded (lower-case) names of columns that differ only in letter case")
w("** from another column of the same or another table, sorted (strcmp order). */")
folds = sorted(casefold, key=lambda s: s.encode("utf-8"))
w("const char *const kqlCatalogCaseNames[] = {")
for k in folds:
    w("  %s," % c_string(k))
if not folds:
    w("  0,")
w("};")
w("const int kqlCatalogCaseNameCount = %d;" % len(folds))

tmp = output + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
os.replace(tmp, output)
for n in notes:
    print("gen_catalog.sh: " + n, file=sys.stderr)
print("gen_catalog.sh: wrote %s: %d tables, %d columns" % (
    output, len(names), sum(len(v) for v in tables.values())), file=sys.stderr)
PYEOF
