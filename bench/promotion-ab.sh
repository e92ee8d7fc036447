#!/usr/bin/env bash
# Promotion before/after, side by side on a loaded machine: runs bench/promotion.sh (hello only) alternately with a
# baseline platform (A, e.g. one built from the commit before a change) and the platform built here (B), PAIRS times,
# then prints each run's summary and the added latency per side: median of the runs' medians and min..max.
#   bench/promotion-ab.sh <baseline quarkus-app folder> [pairs=2] [rounds=5] [warm=20]
#   BASE_HELLO=<the baseline's hello quarkus-app folder>: A deploys that hello (a runtime change: its warm-up), B the
#   one built here; without it both sides run the hello built here
# Make a baseline:  git archive <commit> | tar -x -C /tmp/base && (cd /tmp/base && ./mvnw -q package -DskipTests \
#                     -pl backends/local -am -Daot-cache.skip=true -Dquiver.image.skip=true -Dnative-sources.skip=true)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:?usage: bench/promotion-ab.sh <baseline quarkus-app folder> [pairs] [rounds] [warm]}
PAIRS=${2:-2}
ROUNDS=${3:-5}
WARM=${4:-20}
NOW="$ROOT/backends/local/target/quarkus-app"
OUT="$ROOT/bench/out/promotion-ab"
rm -rf "$OUT"; mkdir -p "$OUT"
for n in $(seq 1 "$PAIRS"); do
  for side in A B; do
    app=$BASE; [ "$side" = B ] && app=$NOW
    hello="$ROOT/functions-examples/hello/target/quarkus-app"; [ "$side" = A ] && hello=${BASE_HELLO:-$hello}
    echo "==> pair $n, $side ($app, hello $hello)"
    SKIP_BUILD=1 ONLY_HELLO=1 PLATFORM="$app" HELLO="$hello" OUT="$OUT/run-$n-$side" "$ROOT/bench/promotion.sh" "$ROUNDS" "$WARM" \
      >"$OUT/run-$n-$side.txt" 2>&1 || { echo "    failed: $OUT/run-$n-$side.txt"; continue; }
    grep -E "promoted .* added|platform record|instance log" "$OUT/run-$n-$side.txt" | sed 's/^/    /' || true
    sed "s/^/$side|/" "$OUT/run-$n-$side/summary" >>"$OUT/summaries"
  done
done
echo "Promotion A (baseline) vs B (this build), $PAIRS pairs x $ROUNDS rounds (function|promoted|warm|added|added spread|decision+promotion|instance):"
sed 's/^/  /' "$OUT/summaries"
for side in A B; do
  grep "^$side|" "$OUT/summaries" | cut -d'|' -f5 | sort -n | awk -v s="$side" '
    { v[NR] = $1 } END { if (NR == 0) exit; m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "  %s added: median %.1f ms (min %.1f .. max %.1f) over %d runs\n", s, m, v[1], v[NR], NR }'
done
