#!/usr/bin/env bash
# Overhead of the Quiver runtime: wrk against the same hello function as a bare Quarkus Funqy app and with the
# Quiver runtime, in one run, same settings, alternating rounds. Prints QPS, p50, p99 and the ratios.
#   bench/overhead.sh [duration-seconds=15] [connections=32] [rounds=3]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-15}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
BARE_PORT=18090
QUIVER_PORT=18091
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -q wrk >/dev/null; }

echo "==> building hello (Quiver runtime) and the bare baseline"
(cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl functions-examples/hello -am)
(cd "$ROOT" && ./mvnw -B -q package -DskipTests -f bench/bare-hello/pom.xml)

start() { # name port jar
  java -Xmx256m -XX:+UseParallelGC -Dquarkus.http.port="$2" -Dquarkus.log.level=WARN -jar "$3" >"$OUT/$1.log" 2>&1 &
  echo $!
}
wait_ready() { # port: until POST /hello answers 200
  for _ in $(seq 1 300); do
    curl -fs -X POST -H 'Content-Type: application/json' -d '{"name":"x"}' "http://localhost:$1/hello" >/dev/null 2>&1 \
      && return 0
    sleep 0.1
  done
  echo "not ready on port $1" >&2; return 1
}
BARE_PID=$(start bare "$BARE_PORT" "$ROOT/bench/bare-hello/target/quarkus-app/quarkus-run.jar")
QUIVER_PID=$(start quiver "$QUIVER_PORT" "$ROOT/functions-examples/hello/target/quarkus-app/quarkus-run.jar")
trap 'kill $BARE_PID $QUIVER_PID 2>/dev/null || true' EXIT
wait_ready "$BARE_PORT"
wait_ready "$QUIVER_PORT"

run() { # port label
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$ROOT/bench/post-hello.lua" "http://localhost:$1/hello" \
    >"$OUT/wrk-$2.txt"
  local qps p50 p99
  qps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$2.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk-$2.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-$2.txt")
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$2.txt")
  echo "$qps $p50 $p99 ${non2xx:-0}"
}
to_ms() { # wrk latency like 1.23ms / 456.00us / 1.2s -> ms
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v+0 } else { sub(/s$/, "", v); print v*1000 } }'
}

echo "==> warm-up: 10 s each"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$ROOT/bench/post-hello.lua" "http://localhost:$BARE_PORT/hello" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$ROOT/bench/post-hello.lua" "http://localhost:$QUIVER_PORT/hello" >/dev/null

printf '\n%-6s %-8s %10s %10s %10s %8s\n' round app QPS p50_ms p99_ms non2xx
declare -a BQ BP50 BP99 QQ QP50 QP99
for r in $(seq 1 "$ROUNDS"); do
  read -r q p50 p99 n <<<"$(run "$BARE_PORT" "bare-$r")"
  BQ+=("$q"); BP50+=("$(to_ms "$p50")"); BP99+=("$(to_ms "$p99")")
  printf '%-6s %-8s %10s %10s %10s %8s\n' "$r" bare "$q" "$(to_ms "$p50")" "$(to_ms "$p99")" "$n"
  read -r q p50 p99 n <<<"$(run "$QUIVER_PORT" "quiver-$r")"
  QQ+=("$q"); QP50+=("$(to_ms "$p50")"); QP99+=("$(to_ms "$p99")")
  printf '%-6s %-8s %10s %10s %10s %8s\n' "$r" quiver "$q" "$(to_ms "$p50")" "$(to_ms "$p99")" "$n"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
bq=$(median "${BQ[@]}"); qq=$(median "${QQ[@]}")
bp50=$(median "${BP50[@]}"); qp50=$(median "${QP50[@]}")
bp99=$(median "${BP99[@]}"); qp99=$(median "${QP99[@]}")
echo
echo "median of $ROUNDS rounds, ${DURATION}s each, $CONNECTIONS connections, wrk -t2, same machine (2 cores shared with wrk)"
printf '%-8s %10s %10s %10s\n' app QPS p50_ms p99_ms
printf '%-8s %10s %10s %10s\n' bare "$bq" "$bp50" "$bp99"
printf '%-8s %10s %10s %10s\n' quiver "$qq" "$qp50" "$qp99"
awk -v b="$bq" -v q="$qq" -v b50="$bp50" -v q50="$qp50" -v b99="$bp99" -v q99="$qp99" 'BEGIN {
  printf "QPS ratio quiver/bare: %.3f   p50 ratio: %.2f   p99 ratio: %.2f\n", q/b, q50/b50, q99/b99 }'
echo "stats endpoint after the run:"; curl -s "http://localhost:$QUIVER_PORT/quiver/stats"; echo
