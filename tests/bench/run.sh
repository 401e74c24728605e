#!/bin/sh
# 2026-11-28
# kqlite — offline KQL engine.
#
# Benchmark stub: generates a synthetic DeviceNetworkEvents table of N rows
# (default 200000) in a temporary directory, then times the DCRat endpoint
# hunt and a summarize over it. Prints one line per query: name, rows, seconds.
# The binary is $KQLITE (default build/kqlite); run from the repository root
# (make bench does). Not part of make test.
set -eu

KQLITE=${KQLITE:-build/kqlite}
N=${N:-200000}
[ -x "$KQLITE" ] || { echo "bench: $KQLITE not built (run make first)" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/kqlite-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

# Synthetic rows: 1 in 1000 goes to a DCRat C2 address.
awk -v n="$N" 'BEGIN {
  srand(42);
  print "Timestamp,DeviceName,ActionType,RemoteIP,RemotePort,InitiatingProcessFileName";
  for (i = 0; i < n; i++) {
    s = i % 86400;
    ts = sprintf("2026-06-03T%02d:%02d:%02dZ", int(s / 3600), int(s % 3600 / 60), s % 60);
    dev = sprintf("WS-%04d", int(rand() * 500));
    if (i % 1000 == 7) { ip = (i % 2000 == 7) ? "156.247.40.190" : "82.23.246.160"; port = 12159 }
    else { ip = sprintf("20.%d.%d.%d", int(rand() * 256), int(rand() * 256), int(rand() * 256)); port = 443 }
    print ts "," dev ",ConnectionSuccess," ip "," port ",svchost.exe";
  }
}' > "$dir/DeviceNetworkEvents.csv"

timeit() {
  name=$1; shift
  start=$(date +%s.%N)
  rows=$("$KQLITE" run --no-cache --format csv --data "$dir" "$@" | wc -l)
  end=$(date +%s.%N)
  echo "$name $((rows - 1)) $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')"
}

echo "bench: $N rows of DeviceNetworkEvents"
timeit dcrat-devicenetworkevents queries/dcrat-devicenetworkevents.kql
timeit summarize-by-device -e 'DeviceNetworkEvents | summarize n = count(), ips = dcount(RemoteIP) by DeviceName'
