#!/usr/bin/env bash
# The activator's cost: wrk against one hello instance directly and through the activator (serve mode: the
# function has capacity, nothing is buffered), same instance, same run, alternating rounds.
# Prints QPS and p99 of both and the ratio (goal: through the activator >= 80% of direct).
#   bench/gateway.sh [duration-seconds=15] [connections=32] [rounds=3]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-15}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
ACTIVATOR_PORT=18180
CONTROL_PORT=18182
OUT="$ROOT/bench/out/gateway"
rm -rf "$OUT"; mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -q wrk >/dev/null; }
PLATFORM_JAR="$ROOT/backends/local/target/quarkus-app/quarkus-run.jar"
HELLO_JAR="$ROOT/functions-examples/hello/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$PLATFORM_JAR" ] || [ ! -f "$HELLO_JAR" ]; then
  echo "==> building the platform and hello"
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl backends/local,functions-examples/hello -am)
fi

echo "==> starting the platform (activator :$ACTIVATOR_PORT, control :$CONTROL_PORT)"
java -Xmx256m -XX:+UseParallelGC -Dquarkus.http.port=$CONTROL_PORT -Dquiver.platform.activator.port=$ACTIVATOR_PORT \
  -Dquiver.platform.home="$ROOT" -Dquiver.platform.data-dir="$OUT/data" -Dquarkus.log.level=WARN \
  -jar "$PLATFORM_JAR" >"$OUT/platform.log" 2>&1 &
PLATFORM_PID=$!
trap 'kill $PLATFORM_PID 2>/dev/null; wait $PLATFORM_PID 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$CONTROL_PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $PLATFORM_PID 2>/dev/null || { tail "$OUT/platform.log"; exit 1; }
  sleep 0.5
done
# One instance, never scaled (min = max = 1); targetBurstCapacity 0 keeps the scaler in serve mode.
curl -fs -X PUT "http://127.0.0.1:$CONTROL_PORT/v1/functions/bench" -H 'Content-Type: application/yaml' --data-binary @- \
  >/dev/null <<YAML
name: bench
artifact: functions-examples/hello/target/quarkus-app/quarkus-run.jar
scale: {minScale: 1, maxScale: 1, initialScale: 1, targetBurstCapacity: 0}
YAML
# the function's status through the Java CLI (typed records of the control API)
field() { "$ROOT/quiver" status bench --context "http://127.0.0.1:$CONTROL_PORT" --field "$1" 2>/dev/null; }
for _ in $(seq 1 300); do [ "$(field ready)" = 1 ] && break; sleep 0.5; done
PORT=$(field instances.0.port)
[ -n "$PORT" ] || { echo "the instance did not become ready" >&2; exit 1; }
for _ in $(seq 1 20); do [ "$(field mode)" = serve ] && break; sleep 0.5; done
MODE=$(field mode)
echo "    instance on :$PORT, scaler mode $MODE"

cat >"$OUT/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"name":"wrk"}'
wrk.headers["Content-Type"] = "application/json"
LUA
DIRECT="http://127.0.0.1:$PORT/hello"
VIA="http://127.0.0.1:$ACTIVATOR_PORT/f/bench/hello"

run() { # url label -> "qps p99 non2xx"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$OUT/post.lua" "$1" >"$OUT/wrk-$2.txt"
  local qps p99 non2xx
  qps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$2.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-$2.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$2.txt")
  echo "$qps $p99 ${non2xx:-0}"
}
to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v+0 } else { sub(/s$/, "", v); print v*1000 } }'
}

echo "==> warm-up: 10 s each"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$OUT/post.lua" "$DIRECT" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$OUT/post.lua" "$VIA" >/dev/null

printf '\n%-6s %-10s %10s %10s %8s\n' round path QPS p99_ms non2xx
DQ=(); DP=(); AQ=(); AP=()
for r in $(seq 1 "$ROUNDS"); do
  read -r q p n <<<"$(run "$DIRECT" "direct-$r")"
  printf '%-6s %-10s %10s %10s %8s\n' "$r" direct "$q" "$(to_ms "$p")" "$n"; DQ+=("$q"); DP+=("$(to_ms "$p")")
  read -r q p n <<<"$(run "$VIA" "activator-$r")"
  printf '%-6s %-10s %10s %10s %8s\n' "$r" activator "$q" "$(to_ms "$p")" "$n"; AQ+=("$q"); AP+=("$(to_ms "$p")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
dq=$(median "${DQ[@]}"); aq=$(median "${AQ[@]}"); dp=$(median "${DP[@]}"); ap=$(median "${AP[@]}")
echo
echo "median of $ROUNDS rounds, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores shared by wrk, activator and instance:"
printf '  direct     %10.0f req/s   p99 %7.2f ms\n' "$dq" "$dp"
printf '  activator  %10.0f req/s   p99 %7.2f ms\n' "$aq" "$ap"
awk -v a="$aq" -v d="$dq" 'BEGIN { printf "  ratio      %9.1f %% of direct (goal >= 80 %%; Knative activator ~30 %%)\n", 100*a/d }'
echo "  raw wrk output: $OUT"
