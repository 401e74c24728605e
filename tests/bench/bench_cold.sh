#!/usr/bin/env bash
# 2026-12-07
# kqlite — offline KQL engine.
#
# Issue 6's benchmark: the bundled DCRat hunt (queries/dcrat-commonsecuritylog.kql:
# two C2 addresses in DestinationIP or SourceIP, newest first) over a generated
# ~430 MB CommonSecurityLog.csv (kqlite gen, 165 columns, planted hits plus
# near-miss decoys), timed as
#   kqlite cold   --no-cache: the file is read (streamed or loaded) every run
#   kqlite warm   the table cache was built beforehand (KQLITE_CACHE_SYNC=1)
#   sqlite3       the sqlite3 shell: .import into memory + the same query in SQL
#   duckdb        DuckDB (npm @duckdb/node-api, SET threads=2): read_csv + SQL,
#                 when it is installed in $DUCKDB_DIR or can be installed there
#   grep          grep -F -c of the two addresses (a lower bound for reading the
#                 file; it also counts the decoy lines, so its count is larger)
# Each is run RUNS times; the table shows median wall seconds, the ratios to
# DuckDB and to grep, peak RSS (/usr/bin/time) and the rows found. Every tool
# but grep must find the same rows (the script fails otherwise). BIG=1 also
# scans a ~5 GB file once with kqlite --no-cache and reports its peak RSS.
# Not part of `make test`.
#
#   tests/bench/bench_cold.sh            (env: KQLITE, ROWS, RUNS, BENCH_DIR, BIG, DUCKDB_DIR)
set -euo pipefail
cd "$(dirname "$0")/../.."
KQLITE=${KQLITE:-build/kqlite}
ROWS=${ROWS:-342000}            # about 430 MB of CSV
RUNS=${RUNS:-5}
W=${BENCH_DIR:-/tmp/kqlite-bench-cold}
DUCKDB_DIR=${DUCKDB_DIR:-/tmp/duckdb-bench}
BIG=${BIG:-0}
BIG_ROWS=${BIG_ROWS:-4000000}   # about 5 GB
IOC1=156.247.40.190
IOC2=82.23.246.160
HUNT=queries/dcrat-commonsecuritylog.kql

[ -x "$KQLITE" ] || make -s "$KQLITE"
KQLITE=$(cd "$(dirname "$KQLITE")" && pwd)/$(basename "$KQLITE")
if [ ! -x /usr/bin/time ]; then
  echo "installing /usr/bin/time (package time) ..." >&2
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq time >/dev/null 2>&1 || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
fi
mkdir -p "$W/data"
CSV=$W/data/CommonSecurityLog.csv

gen(){  # gen ROWS DIR
  "$KQLITE" gen --tables CommonSecurityLog --rows "$1" --out "$2" \
    --plant-ioc "$IOC1:12159" --plant-ioc "$IOC2:12159" >&2
}
if [ ! -f "$W/data/.rows-$ROWS" ]; then
  echo "generating $ROWS rows into $CSV ..." >&2
  rm -f "$W"/data/.rows-*
  gen "$ROWS" "$W/data"
  touch "$W/data/.rows-$ROWS"
fi
SIZE_MB=$(( $(stat -c %s "$CSV") / 1000000 ))

# --- the tools: command lines (run directly under /usr/bin/time) ------------
CMD_cold=("$KQLITE" run --no-cache --format csv --data "$W/data" "$HUNT")
CMD_warm=("$KQLITE" run --cache "$W/cache" --format csv --data "$W/data" "$HUNT")
SQL="SELECT TimeGenerated, SourceIP, DestinationIP, DestinationPort, DeviceAction, Activity
     FROM CommonSecurityLog
     WHERE DestinationIP IN ('$IOC1', '$IOC2') OR SourceIP IN ('$IOC1', '$IOC2')
     ORDER BY TimeGenerated DESC;"
CMD_sqlite3=(sqlite3 :memory: -cmd ".mode csv" -cmd ".import $CSV CommonSecurityLog" "$SQL")
CMD_grep=(grep -F -c -e "$IOC1" -e "$IOC2" "$CSV")
CMD_duckdb=(node "$DUCKDB_DIR/bench_query.mjs" "$CSV" "$W/duckdb_query_s")

HAVE_DUCKDB=0
if command -v node >/dev/null; then
  if [ ! -d "$DUCKDB_DIR/node_modules/@duckdb/node-api" ]; then
    echo "installing @duckdb/node-api into $DUCKDB_DIR ..." >&2
    mkdir -p "$DUCKDB_DIR"
    (cd "$DUCKDB_DIR" && timeout 300 npm install --no-audit --no-fund @duckdb/node-api >/dev/null 2>&1) || true
  fi
  if [ -d "$DUCKDB_DIR/node_modules/@duckdb/node-api" ]; then
    cat > "$DUCKDB_DIR/bench_query.mjs" <<EOF
import { appendFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
await con.run('SET threads=2');
const csv = process.argv[2].replaceAll("'", "''");
const t0 = performance.now();
const r = await con.runAndReadAll(\`SELECT TimeGenerated, SourceIP, DestinationIP, DestinationPort, DeviceAction, Activity
  FROM read_csv('\${csv}', header=true)
  WHERE DestinationIP IN ('$IOC1', '$IOC2') OR SourceIP IN ('$IOC1', '$IOC2')
  ORDER BY TimeGenerated DESC\`);
const rows = r.getRows();
appendFileSync(process.argv[3], (performance.now() - t0) / 1000 + '\n');
for (const row of rows) console.log(row.join(','));
EOF
    HAVE_DUCKDB=1
  fi
fi
command -v sqlite3 >/dev/null && HAVE_SQLITE3=1 || HAVE_SQLITE3=0

# --- timing -----------------------------------------------------------------
median(){ sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
# measure NAME: RUNS runs of CMD_NAME; sets T_NAME (median s), M_NAME (max
# peak RSS MB), R_NAME (rows found: output lines less kqlite's header line;
# grep's own count)
measure(){
  local name=$1 ts=() rss=0 s e m n
  local -n cmd="CMD_$name"
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N)
    /usr/bin/time -f %M -o "$W/rss" "${cmd[@]}" > "$W/out.$name"
    e=$(date +%s.%N)
    ts+=("$(echo "$e - $s" | bc)")
    m=$(tail -1 "$W/rss"); [ "$m" -gt "$rss" ] && rss=$m
  done
  case $name in
    grep) n=$(cat "$W/out.$name");;
    cold|warm) n=$(( $(wc -l < "$W/out.$name") - 1 ));;
    *) n=$(wc -l < "$W/out.$name");;
  esac
  printf -v "T_$name" '%s' "$(printf '%s\n' "${ts[@]}" | median)"
  printf -v "M_$name" '%s' "$((rss / 1024))"
  printf -v "R_$name" '%s' "$n"
  echo "  $name: runs ${ts[*]} s, rows $n" >&2
}

echo "file: $CSV ($SIZE_MB MB, $ROWS rows); $RUNS runs each; $(nproc) CPUs; $(date -u +%FT%TZ)" >&2
TOOLS="cold warm grep"
measure cold
echo "  building the cache (KQLITE_CACHE_SYNC=1) ..." >&2
rm -rf "$W/cache"
s=$(date +%s.%N)
KQLITE_CACHE_SYNC=1 "$KQLITE" run --cache "$W/cache" --format csv --data "$W/data" "$HUNT" >/dev/null
BUILD_S=$(echo "$(date +%s.%N) - $s" | bc)
CACHE_MB=$(( $(du -sk "$W/cache" | cut -f1) / 1024 ))
measure warm
measure grep
if [ "$HAVE_SQLITE3" = 1 ]; then measure sqlite3; TOOLS="$TOOLS sqlite3"; fi
if [ "$HAVE_DUCKDB" = 1 ]; then
  rm -f "$W/duckdb_query_s"
  measure duckdb
  TOOLS="$TOOLS duckdb"
fi

ratio(){ if [ -n "${2:-}" ]; then echo "scale=3; $1 / $2" | bc; else echo "-"; fi; }
label(){ case $1 in
  cold) echo "kqlite cold (--no-cache)";; warm) echo "kqlite warm (cache hit)";;
  sqlite3) echo "sqlite3 .import + SQL";; duckdb) echo "duckdb read_csv, 2 threads";;
  grep) echo "grep -F -c (counts decoys)";; esac; }
printf '\n%-30s %10s %10s %10s %12s %8s\n' tool median_s vs_duckdb vs_grep peak_rss_MB rows
for t in $TOOLS; do
  T=T_$t; M=M_$t; R=R_$t
  DT=; [ "$HAVE_DUCKDB" = 1 ] && DT=$T_duckdb
  printf '%-30s %10.3f %10s %10s %12s %8s\n' "$(label "$t")" "${!T}" "$(ratio "${!T}" "$DT")" \
    "$(ratio "${!T}" "$T_grep")" "${!M}" "${!R}"
done
[ "$HAVE_DUCKDB" = 1 ] && printf '\nduckdb in-process (read_csv + query, without node and library start-up): median %.3f s\n' \
  "$(median < "$W/duckdb_query_s")"
printf 'cache build (foreground, KQLITE_CACHE_SYNC=1, first run included): %.1f s, %s MB on disk\n' \
  "$BUILD_S" "$CACHE_MB"

rc=0
for t in $TOOLS; do
  [ "$t" = grep ] && continue
  R=R_$t
  if [ "${!R}" != "$R_cold" ]; then echo "MISMATCH: $t found ${!R} rows, kqlite cold $R_cold" >&2; rc=1; fi
done
echo "rows: kqlite cold/warm, sqlite3 and duckdb must agree ($R_cold); grep counts every line holding an address, decoys included ($R_grep)"

if [ "$BIG" = 1 ]; then
  mkdir -p "$W/big"
  if [ ! -f "$W/big/.rows-$BIG_ROWS" ]; then
    echo "generating $BIG_ROWS rows into $W/big ..." >&2
    rm -f "$W"/big/.rows-*
    gen "$BIG_ROWS" "$W/big"
    touch "$W/big/.rows-$BIG_ROWS"
  fi
  s=$(date +%s.%N)
  /usr/bin/time -f %M -o "$W/rss" "$KQLITE" run --no-cache --format csv --data "$W/big" "$HUNT" > "$W/out.big"
  e=$(date +%s.%N)
  printf 'BIG: %s MB file, kqlite --no-cache: %.1f s, peak RSS %s MB, %s rows\n' \
    "$(( $(stat -c %s "$W/big/CommonSecurityLog.csv") / 1000000 ))" "$(echo "$e - $s" | bc)" \
    "$(( $(tail -1 "$W/rss") / 1024 ))" "$(( $(wc -l < "$W/out.big") - 1 ))"
fi
exit $rc
