#!/usr/bin/env bash
# Where the project stands, in one run: runs every benchmark of the project in sequence and prints one table —
# measure, goal, now (median and min..max over its rounds or runs), ratio or margin — the goals of issue 15.
#
#   bench/goals.sh [quick|full]      quick (default): short runs, 2-3 rounds each (~20 min on 2 cores);
#                                    full: the issue's settings (5 broker runs, 5 rounds, 15 s wrk runs; ~1 h)
#   env: SKIP_BUILD=1 runs what is built; MVN_REPO=<maven repo>; ONLY="coldstart gateway" runs a subset.
# Each bench writes its whole output to bench/out/goals/<bench>.txt; a bench that fails shows "failed" in the table
# and the rest still run. Figures from a busy machine are indicative only: every bench alternates with its baseline
# in the same run, so compare ratios, and re-run on a quiet machine for absolute figures.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${1:-quick}
OUT="$ROOT/bench/out/goals"
rm -rf "$OUT"; mkdir -p "$OUT"
cd "$ROOT"
if [ "$MODE" = full ]; then
  BROKER_RUNS=5; BROKER=(10 1000 3); COLD=5; GATEWAY=(15 32 3); OVERHEAD=(15 32 3); KAFKA=(100000 3); PROMO=(5 20)
else
  BROKER_RUNS=2; BROKER=(5 1000 1); COLD=2; GATEWAY=(5 32 3); OVERHEAD=(5 32 2); KAFKA=(50000 2); PROMO=(3 10)
fi
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
run() { # name command...: runs one bench, its output to $OUT/<name>.txt
  local name=$1; shift
  want "$name" || return 0
  echo "==> $name: $*  ($(date +%H:%M:%S), load $(cut -d' ' -f1 /proc/loadavg))"
  if "$@" >"$OUT/$name.txt" 2>&1; then echo "    done"; else echo "    FAILED (exit $?): see $OUT/$name.txt"; fi
}
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "==> building everything the benches run (no tests)"
  ./mvnw -B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} install -DskipTests -Dnative-sources.skip=true \
    -Dquiver.image.skip=true || { echo "build failed"; exit 1; }
  ./mvnw -B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} package -DskipTests -f bench/bare-hello/pom.xml
  ./mvnw -B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} package -DskipTests -f bench/bare-orders/pom.xml
fi
export SKIP_BUILD=1

for i in $(seq 1 "$BROKER_RUNS"); do run "broker-$i" bench/broker-bench.sh "${BROKER[@]}"; done
run coldstart bench/coldstart.sh "$COLD"
run gateway bench/gateway.sh "${GATEWAY[@]}"
run promotion bench/promotion.sh "${PROMO[@]}"
run overhead bench/overhead.sh "${OVERHEAD[@]}"
run kafka-trigger bench/kafka-trigger.sh "${KAFKA[@]}"
run scaler-decision bench/scaler-decision.sh -wi 2 -i 3 -f 1

# --- the table -------------------------------------------------------------------------------------------------
spread() { printf '%s\n' "$@" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR == 0) {print "-"; exit}
  m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); f=(a[NR] < 10 ? "%.2f" : "%.1f")
  if (NR == 1) printf f, m; else printf f " (" f ".." f ")", m, a[1], a[NR]}'; }
first() { printf '%s\n' "$@" | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
ROWS=()
row() { ROWS+=("$1|$2|$3|$4"); }
failed() { [ -f "$OUT/$1.txt" ] && ! grep -q "$2" "$OUT/$1.txt"; }

# broker: end to end at 1,000 events/s, per run
P99=(); MAX=(); ING=(); BATCH=(); GCMAX=(); BARER=(); KBARER=()
for f in "$OUT"/broker-*.txt; do
  [ -f "$f" ] || continue
  P99+=("$(sed -nE 's/.*end-to-end.* p99 ([0-9.]+) ms, max.*/\1/p' "$f")")
  MAX+=("$(sed -nE 's/.*end-to-end.* max ([0-9.]+) ms.*/\1/p' "$f")")
  ING+=("$(sed -nE 's/^broker ingress over HTTP.*: ([0-9]+) events\/s.*/\1/p' "$f")")
  BATCH+=("$(sed -nE 's/^broker ingress, batched mode.*: ([0-9]+) events\/s.*/\1/p' "$f")")
  BARER+=("$(sed -nE 's/^ingress\/bare202: ([0-9.]+).*/\1/p' "$f")")
  KBARER+=("$(sed -nE 's/^ingress\/bare-kafka202: ([0-9.]+).*/\1/p' "$f")")
  GCMAX+=("$(sed -nE 's/^GC during the latency run: broker [0-9]+ pauses, max ([0-9.]+) ms.*/\1/p' "$f")")
done
if want broker-1; then
  row "broker e2e p99 at 1k ev/s (per run)" "<= 10 ms every run" "$(spread "${P99[@]}") ms" \
    "worst $(printf '%s\n' "${P99[@]}" | sort -g | tail -1) ms"
  row "broker e2e max at 1k ev/s (per run)" "<= 50 ms every run" "$(spread "${MAX[@]}") ms" \
    "worst $(printf '%s\n' "${MAX[@]}" | sort -g | tail -1) ms"
  row "broker GC: longest pause in the latency run (per run)" "(evidence)" "$(spread "${GCMAX[@]}") ms" "-"
  row "broker ingress, 1 KB, one per request" ">= 80 % of a bare 202 endpoint" "$(spread "${ING[@]}") ev/s" \
    "of bare 202: $(spread "${BARER[@]}"); batched $(spread "${BATCH[@]}")"
  row "broker ingress / its anchor (bare 202 after Kafka's ack)" "(nearest anchor)" "$(spread "${KBARER[@]}")" \
    "same topic, producer settings and client"
fi

# cold start and the runtime's start-up tax (coldstart.sh summary: label|platform|process|bare|cpu q|cpu b|spread)
S="$ROOT/bench/out/coldstart/summary"
if want coldstart && [ -f "$S" ]; then
  best=""; bestlabel=""
  while IFS='|' read -r label p q b qc bc pspread; do
    [ "$label" = pool ] && continue
    if [ -z "$best" ] || awk -v a="$p" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$p; bestlabel=$label; bq=$q; bs=$pspread; fi
    row "runtime start-up / bare Funqy, $label" "<= 1.10" "wall $(ratio "$q" "$b"), CPU $(ratio "$qc" "$bc")" \
      "$q vs $b ms; $qc vs $bc ms CPU"
  done <"$S"
  row "cold start via the platform, fastest: $bestlabel" "<= 350 ms" "$(echo "$bs" | sed -E 's/^([0-9.]+) (.*)$/\1 (\2)/') ms" \
    "platform - process: $(awk -v a="$best" -v b="$bq" 'BEGIN {printf "%+.0f", a - b}') ms (goal <= 30)"
elif want coldstart; then row "cold start (bench/coldstart.sh)" "-" "failed" "see $OUT/coldstart.txt"; fi

# activator
S="$ROOT/bench/out/gateway/summary"
if want gateway && [ -f "$S" ]; then
  while IFS='|' read -r kind rs rm acpu icpu; do
    if [ "$kind" = bare-proxy ]; then
      row "through a bare Vert.x proxy / the instance's port (anchor)" "(nearest anchor)" "$rs %" \
        "bare proxy CPU/req $acpu us; activator / bare proxy: $icpu %"
    elif [ "$kind" = direct ]; then
      row "through the direct address / the instance's port (serve)" ">= 97 %" "$rs %" "platform CPU/req $acpu us (out of the path)"
    else
      row "through the activator / the instance's port (proxy)" ">= 70 %" "$rs %" "CPU/req: activator $acpu us, instance $icpu us"
    fi
  done <"$S"
elif want gateway; then row "activator (bench/gateway.sh)" "-" "failed" "see $OUT/gateway.txt"; fi

# warm-pool promotion (promotion.sh summary: fn|promoted|warm|added|added spread|decision+promotion|instance)
S="$ROOT/bench/out/promotion/summary"
if want promotion && [ -f "$S" ]; then
  while IFS='|' read -r fn pr wm ad adspread dec inst; do
    if [ "$fn" = hello ]; then
      row "warm-pool promotion over a warm request" "<= 5 ms" "+$adspread ms" "decision+promotion $dec ms, instance $inst ms"
    else
      row "first request to a promoted $fn / warm" "<= 2x" "$(ratio "$pr" "$wm")x" "$pr vs $wm ms"
    fi
  done <"$S"
elif want promotion; then row "promotion (bench/promotion.sh)" "-" "failed" "see $OUT/promotion.txt"; fi

if want overhead && [ -f "$OUT/overhead.txt" ]; then
  row "runtime QPS / bare Funqy (overhead.sh)" "-" \
    "$(sed -nE 's/^QPS ratio quiver\/bare: ([0-9.]+).*/\1/p' "$OUT/overhead.txt")" \
    "$(sed -nE 's/.*p99 ratio: ([0-9.]+).*/p99 ratio \1/p' "$OUT/overhead.txt")"
fi
if want kafka-trigger && [ -f "$OUT/kafka-trigger.txt" ]; then
  row "Kafka trigger records/s (one instance)" ">= 5,000" \
    "$(sed -nE 's/^quiver trigger +([0-9]+) +\((.*)\)/\1 (\2)/p' "$OUT/kafka-trigger.txt")" \
    "$(sed -nE 's/^ratio quiver\/bare ([0-9.]+).*/\1 of bare (goal >= 0.50)/p' "$OUT/kafka-trigger.txt")"
fi
if want scaler-decision && [ -f "$OUT/scaler-decision.txt" ]; then
  row "scaler decision, 10k functions" "-" \
    "$(awk '/ms\/op/ {s=$(NF-3) " ± " $(NF-1)} END {print s}' "$OUT/scaler-decision.txt") ms" "-"
fi

echo
echo "Goals ($MODE mode, $(nproc) cores, load at the end $(cut -d' ' -f1 /proc/loadavg), $(git -C "$ROOT" rev-parse --short HEAD)):"
printf '  %-58s %-22s %-30s %s\n' measure goal "now: median (min..max)" "ratio / parts"
for r in "${ROWS[@]}"; do
  IFS='|' read -r m g n x <<<"$r"
  printf '  %-58s %-22s %-30s %s\n' "$m" "$g" "$n" "$x"
done
echo "  outputs: $OUT"
