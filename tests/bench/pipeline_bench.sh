#!/usr/bin/env bash
# 2026-11-28
# kqlite — offline KQL engine.
#
# Issue 5's pipeline benchmark: three everyday KQL pipelines over 1M rows —
# summarize count() by bin(TimeGenerated, 1h), DeviceName; join kind=inner on
# a key; mv-expand of a 3-element array — each timed in kqlite (load + query,
# from the CSV) against the equivalent hand-written SQL in the sqlite3 shell
# (.import + query, from the same CSV). Prints median wall times of RUNS runs
# and the ratio kqlite/sqlite3. Not part of `make test`.
#
#   tests/bench/pipeline_bench.sh [ROWS] [RUNS]      (defaults 1000000, 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
RUNS=${2:-3}
KQLITE=${KQLITE:-build/kqlite}
W=${BENCH_DIR:-/tmp/kqlite-pipeline-bench}
mkdir -p "$W"
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)"; exit 2; }
[ -x "$KQLITE" ] || make -s "$KQLITE"

if [ ! -f "$W/Ev_$ROWS.csv" ]; then
  echo "generating $ROWS rows in $W ..." >&2
  awk -v n="$ROWS" 'BEGIN{
    srand(7); print "TimeGenerated,DeviceName,Key,Tags";
    for(i=0;i<n;i++){
      t=1780000000+int(rand()*7*86400);
      printf "%s,dev-%03d,k%05d,\"[\"\"a%d\"\",\"\"b%d\"\",\"\"c%d\"\"]\"\n",
        strftime("%Y-%m-%dT%H:%M:%SZ", t, 1), int(rand()*500), int(rand()*50000), i%7, i%11, i%13 }
  }' > "$W/Ev_$ROWS.csv"
  awk 'BEGIN{ print "Key,Owner"; for(i=0;i<50000;i+=2) printf "k%05d,owner-%d\n", i, i%97 }' > "$W/Keys.csv"
fi
cp -f "$W/Ev_$ROWS.csv" "$W/Ev.csv"

K1='Ev | summarize count() by bin(TimeGenerated, 1h), DeviceName | count'
K2='Ev | join kind=inner (Keys) on Key | count'
K3='Ev | mv-expand Tags | count'
S_IMPORT=(-cmd ".mode csv" -cmd ".import $W/Ev.csv Ev" -cmd ".import $W/Keys.csv Keys" -cmd ".mode list")
S1="SELECT count(*) FROM (SELECT count(*) FROM Ev GROUP BY strftime('%Y-%m-%dT%H', TimeGenerated), DeviceName);"
S2="SELECT count(*) FROM Ev JOIN (SELECT Key FROM Keys GROUP BY Key) AS k ON Ev.Key = k.Key;"
S3="SELECT count(*) FROM Ev, json_each(Ev.Tags);"

median(){ sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
timeit(){ local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }

printf '%-10s %12s %12s %8s\n' pipeline kqlite_s sqlite3_s ratio
for i in 1 2 3; do
  kq=K$i; sq=S$i
  tk=$(for r in $(seq "$RUNS"); do timeit "$KQLITE" run --no-cache --format csv --data "$W" -e "${!kq}"; done | median)
  ts=$(for r in $(seq "$RUNS"); do timeit sqlite3 "${S_IMPORT[@]}" :memory: "${!sq}"; done | median)
  printf '%-10s %12.3f %12.3f %8.2f\n' "p$i" "$tk" "$ts" "$(echo "$tk / $ts" | bc -l)"
done
echo "same answers:"
for i in 1 2 3; do
  kq=K$i; sq=S$i
  a=$("$KQLITE" run --no-cache --format csv --data "$W" -e "${!kq}" | tail -1)
  b=$(sqlite3 "${S_IMPORT[@]}" :memory: "${!sq}" | tail -1)
  echo "  p$i kqlite=$a sqlite3=$b $([ "$a" = "$b" ] && echo ok || echo DIFFERENT)"
done
