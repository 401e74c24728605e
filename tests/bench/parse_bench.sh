#!/bin/sh
# 2026-11-28
# kqlite — offline KQL engine.
#
# Parser benchmark: builds the front end (lexer, parser, AST) and the small
# driver tests/bench/kqlparse.c into build-bench/, then parses every hunt of
# ../shared/corpus/hunts REPS times (default 20) and reports queries/s and MB/s.
# Usage (from the repository root): sh tests/bench/parse_bench.sh [REPS]
set -e
REPS=${1:-20}
B=${B:-build-bench}
CORPUS=../shared/corpus/hunts
if [ ! -d "$CORPUS" ]; then
  echo "parse_bench: corpus not found at $CORPUS, nothing to measure"
  exit 0
fi
# Fresh generated sources every time: the Makefile does not yet remake
# lexer.c when parser.h changes within one run, and stale token codes would
# make the lexer and the parser disagree.
rm -rf "$B/grammar"
make -s B="$B" LIB_SRC="interp/arena.c interp/diag.c interp/types.c interp/ast.c grammar/parse.c" \
  "$B/libkql.a" >/dev/null
cc -O2 -std=c11 -D_GNU_SOURCE -Iinterp -Igrammar -I"$B/grammar" -o "$B/kqlparse" \
  tests/bench/kqlparse.c "$B/libkql.a"
# One process parses every file REPS times; the driver prints the totals.
LINE=$("$B/kqlparse" -q -r "$REPS" "$CORPUS"/*/*.kql)
echo "$LINE" | awk -v reps="$REPS" '{
  files=$2; acc=$4; rej=$6; bytes=$8; sec=$10;
  if (sec <= 0) sec = 1e-9;
  printf "parsed %d queries (%d distinct x %d) %.1f MB in %.3f s: %.0f queries/s, %.1f MB/s (accepted %d, rejected %d)\n",
    files, files/reps, reps, bytes/1e6, sec, files/sec, bytes/1e6/sec, acc, rej }'
