#!/usr/bin/env bash
# The activator's cost: wrk against one hello instance on its own port ("instance"), through the activator
# ("activator": serve mode, the function has capacity, nothing is buffered) and on the function's direct address
# ("direct": the port its instances bind with SO_REUSEPORT, the activator out of the path; docs/platform.md "How to
# reach a function"), same instance, same run, alternating rounds.
# Prints QPS and p99 of each, the ratios to the instance's own port (median and min..max over the rounds), and CPU
# per request: the activator's process (the platform JVM: activator plus the loop's ticks) and the instance's, from
# /proc/<pid>/stat around each run, divided by the requests wrk completed.
# Goals (issue 15): proxy mode (activator) >= 70 % of the instance's port; serve mode (direct) >= 97 %.
#   bench/gateway.sh [duration-seconds=15] [connections=32] [rounds=3]
#   (env GATEWAY_ACTIVATOR_PORT / GATEWAY_CONTROL_PORT: the platform's ports, default 18180 / 18182)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-15}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
ACTIVATOR_PORT=${GATEWAY_ACTIVATOR_PORT:-18180}   # other ports when another run of this bench uses these
CONTROL_PORT=${GATEWAY_CONTROL_PORT:-18182}
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
TOKEN=$(cat "$OUT/data/control-token")   # the control API's bearer token, written by the platform at start
# One instance, never scaled (min = max = 1); targetBurstCapacity 0 keeps the scaler in serve mode.
curl -fsS -X PUT "http://127.0.0.1:$CONTROL_PORT/v1/functions/bench" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/yaml' --data-binary @- \
  >/dev/null <<YAML
name: bench
artifact: functions-examples/hello/target/quarkus-app/quarkus-run.jar
scale: {minScale: 1, maxScale: 1, initialScale: 1, targetBurstCapacity: 0}
YAML
# the function's status through the Java CLI (typed records of the control API)
field() { "$ROOT/quiver" status bench --context "http://127.0.0.1:$CONTROL_PORT" --token "$TOKEN" --field "$1" 2>/dev/null; }
for _ in $(seq 1 300); do [ "$(field ready)" = 1 ] && break; sleep 0.5; done
PORT=$(field instances.0.port)
INSTANCE_PID=$(field instances.0.pid)
[ -n "$PORT" ] || { echo "the instance did not become ready" >&2; exit 1; }
for _ in $(seq 1 20); do [ "$(field mode)" = serve ] && break; sleep 0.5; done
MODE=$(field mode)
for _ in $(seq 1 40); do [ "$(field direct.servedBy)" = instances ] && break; sleep 0.5; done
DIRECT_URL=$(field direct.url)
[ "$(field direct.servedBy)" = instances ] || { echo "the direct address is not served by the instance" >&2; exit 1; }
echo "    instance on :$PORT, scaler mode $MODE, direct address $DIRECT_URL served by the instance"

# The nearest anchor of an in-path proxy: a bare Vert.x reverse proxy (bench/bare-proxy) with the activator's
# transport, event loops and client options, forwarding to the same instance; its CPU counted like the platform's.
BARE_PORT=${GATEWAY_BARE_PROXY_PORT:-18184}
java -Xmx128m -XX:+UseParallelGC -cp "$(dirname "$PLATFORM_JAR")/lib/main/*" "$ROOT/bench/bare-proxy/BareProxy.java" \
  "$BARE_PORT" "$PORT" "$(nproc)" >"$OUT/bare-proxy.log" 2>&1 &
BARE_PID=$!
trap 'kill $PLATFORM_PID $BARE_PID 2>/dev/null; wait $PLATFORM_PID 2>/dev/null || true' EXIT
until (exec 3<>"/dev/tcp/127.0.0.1/$BARE_PORT") 2>/dev/null; do
  kill -0 $BARE_PID 2>/dev/null || { cat "$OUT/bare-proxy.log"; exit 1; }
  sleep 0.3
done
echo "    $(head -1 "$OUT/bare-proxy.log")"

cat >"$OUT/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"name":"wrk"}'
wrk.headers["Content-Type"] = "application/json"
LUA
OWN="http://127.0.0.1:$PORT/hello"
VIA="http://127.0.0.1:$ACTIVATOR_PORT/f/bench/hello"
DIRECT="$DIRECT_URL/hello"
BARE="http://127.0.0.1:$BARE_PORT/hello"

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
run() { # url label [proxy pid] -> "qps p99 non2xx proxy-us-per-request instance-us-per-request"
  local proxy=${3:-$PLATFORM_PID}
  local a0 i0; a0=$(cpu_ms "$proxy"); i0=$(cpu_ms "$INSTANCE_PID")
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$OUT/post.lua" "$1" >"$OUT/wrk-$2.txt"
  local a1 i1 n; a1=$(cpu_ms "$proxy"); i1=$(cpu_ms "$INSTANCE_PID")
  n=$(awk '/requests in/ {print $1}' "$OUT/wrk-$2.txt")
  local qps p99 non2xx
  qps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$2.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk-$2.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$2.txt")
  echo "$qps $p99 ${non2xx:-0} $(awk -v a="$((${a1%.*} - ${a0%.*}))" -v i="$((${i1%.*} - ${i0%.*}))" -v n="$n" \
    'BEGIN {printf "%.1f %.1f", a * 1000 / n, i * 1000 / n}')"
}
to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v+0 } else { sub(/s$/, "", v); print v*1000 } }'
}

echo "==> warm-up: 10 s each"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$OUT/post.lua" "$OWN" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$OUT/post.lua" "$VIA" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$OUT/post.lua" "$DIRECT" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s -s "$OUT/post.lua" "$BARE" >/dev/null

printf '\n%-6s %-10s %10s %10s %8s %22s %22s\n' round path QPS p99_ms non2xx "platform CPU us/req" "instance CPU us/req"
OQ=(); OP=(); AQ=(); AP=(); DQ=(); DP=(); RATIO=(); DRATIO=(); ACPU=(); ICPU=(); DACPU=()
BQ=(); BP=(); BRATIO=(); BCPU=(); ANCHOR=()
row() { printf '%-6s %-10s %10s %10s %8s %22s %22s\n' "$@"; }
for r in $(seq 1 "$ROUNDS"); do
  read -r q p n ac ic <<<"$(run "$OWN" "instance-$r")"
  row "$r" instance "$q" "$(to_ms "$p")" "$n" "$ac" "$ic"; OQ+=("$q"); OP+=("$(to_ms "$p")")
  oq_r=$q
  read -r q p n ac ic <<<"$(run "$VIA" "activator-$r")"
  row "$r" activator "$q" "$(to_ms "$p")" "$n" "$ac" "$ic"; AQ+=("$q"); AP+=("$(to_ms "$p")")
  RATIO+=("$(awk -v a="$q" -v d="$oq_r" 'BEGIN {printf "%.1f", 100 * a / d}')"); ACPU+=("$ac"); ICPU+=("$ic")
  read -r q p n ac ic <<<"$(run "$DIRECT" "direct-$r")"
  row "$r" direct "$q" "$(to_ms "$p")" "$n" "$ac" "$ic"; DQ+=("$q"); DP+=("$(to_ms "$p")")
  DRATIO+=("$(awk -v a="$q" -v d="$oq_r" 'BEGIN {printf "%.1f", 100 * a / d}')"); DACPU+=("$ac")
  aq_r=${AQ[-1]}
  read -r q p n ac ic <<<"$(run "$BARE" "bare-proxy-$r" "$BARE_PID")"
  row "$r" bare-proxy "$q" "$(to_ms "$p")" "$n" "$ac" "$ic"; BQ+=("$q"); BP+=("$(to_ms "$p")")
  BRATIO+=("$(awk -v a="$q" -v d="$oq_r" 'BEGIN {printf "%.1f", 100 * a / d}')"); BCPU+=("$ac")
  ANCHOR+=("$(awk -v a="$aq_r" -v b="$q" 'BEGIN {printf "%.1f", 100 * a / b}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
oq=$(median "${OQ[@]}"); aq=$(median "${AQ[@]}"); dq=$(median "${DQ[@]}"); bq=$(median "${BQ[@]}")
op=$(median "${OP[@]}"); ap=$(median "${AP[@]}"); dp=$(median "${DP[@]}"); bp=$(median "${BP[@]}")
echo
echo "median of $ROUNDS rounds, $CONNECTIONS connections, ${DURATION}s each, $(nproc) cores shared by wrk, activator and instance:"
printf '  instance   %10.0f req/s   p99 %7.2f ms   (the instance own port)\n' "$oq" "$op"
printf '  activator  %10.0f req/s   p99 %7.2f ms   (/f/bench/ on the activator)\n' "$aq" "$ap"
printf '  direct     %10.0f req/s   p99 %7.2f ms   (%s, served by the instance)\n' "$dq" "$dp" "$DIRECT_URL"
printf '  bare-proxy %10.0f req/s   p99 %7.2f ms   (a bare Vert.x reverse proxy to the same instance: the anchor)\n' "$bq" "$bp"
spread() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); printf "%.1f (%.1f..%.1f)", m, a[1], a[NR]}'; }
echo "  activator  $(spread "${RATIO[@]}") % of the instance port, per round (goal proxy mode >= 70 %; Knative activator ~30 %)"
echo "  direct     $(spread "${DRATIO[@]}") % of the instance port, per round (goal serve mode >= 97 %)"
echo "  bare-proxy $(spread "${BRATIO[@]}") % of the instance port, per round (what any in-path proxy leaves here)"
echo "  activator  $(spread "${ANCHOR[@]}") % of the bare proxy, per round"
echo "  CPU per request of the bare proxy: $(spread "${BCPU[@]}") us"
echo "  CPU per request through the activator: platform $(spread "${ACPU[@]}") us, instance $(spread "${ICPU[@]}") us"
echo "  CPU per request of the platform on the direct address: $(spread "${DACPU[@]}") us (the activator is out of the path)"
{
  echo "activator|$(spread "${RATIO[@]}")|$(median "${RATIO[@]}")|$(median "${ACPU[@]}")|$(median "${ICPU[@]}")"
  echo "direct|$(spread "${DRATIO[@]}")|$(median "${DRATIO[@]}")|$(median "${DACPU[@]}")|"
  echo "bare-proxy|$(spread "${BRATIO[@]}")|$(median "${BRATIO[@]}")|$(median "${BCPU[@]}")|$(spread "${ANCHOR[@]}")"
} >"$OUT/summary"
echo "  raw wrk output: $OUT"
