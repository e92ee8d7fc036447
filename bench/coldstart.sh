#!/usr/bin/env bash
# Scale from zero: time from a request to a function at zero until its response, median of N rounds.
#   - through the platform, from the warm pool (a ready instance is promoted)
#   - through the platform, cold (the activator buffers the request while a JVM starts)
#   - a bare process, cold: process start until the first 200 (JDK 17; JDK 17 + AppCDS; JDK 25 + AOT cache)
# and the RSS of one idle instance.   bench/coldstart.sh [rounds=5]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
ACTIVATOR_PORT=18280
CONTROL_PORT=18282
DIRECT_PORT=18290
OUT="$ROOT/bench/out/coldstart"
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
rm -rf "$OUT"; mkdir -p "$OUT"
PLATFORM_JAR="$ROOT/platform/target/quarkus-app/quarkus-run.jar"
APP="$ROOT/functions-examples/hello/target/quarkus-app"
if [ ! -f "$PLATFORM_JAR" ] || [ ! -f "$APP/quarkus-run.jar" ]; then
  echo "==> building the platform and hello"
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl platform,functions-examples/hello -am)
fi
CONTROL="http://127.0.0.1:$CONTROL_PORT"
# a private copy (cp -a keeps the jar times the CDS archive checks): the build tree may be rebuilt meanwhile
cp -a "$APP" "$OUT/app17"
APP="$OUT/app17"
now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { curl -s "$CONTROL/v1/functions/$1" | grep -o "\"$2\":[-0-9]*" | head -n 1 | cut -d: -f2; }
hello() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -d '{"name":"x"}' "$1"; }
declare -A RESULT
rss() { echo "$2" >"$OUT/rss-${1// /_}.txt"; }  # the measuring functions run in subshells

echo "==> starting the platform"
java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port=$CONTROL_PORT -Dquiver.platform.activator.port=$ACTIVATOR_PORT \
  -Dquiver.platform.home="$ROOT" -Dquiver.platform.data-dir="$OUT/data" -jar "$PLATFORM_JAR" >"$OUT/platform.log" 2>&1 &
PLATFORM_PID=$!
DIRECT_PID=""
cleanup() {
  [ -n "$DIRECT_PID" ] && kill "$DIRECT_PID" 2>/dev/null
  kill $PLATFORM_PID 2>/dev/null; wait $PLATFORM_PID 2>/dev/null || true
}
trap cleanup EXIT
until curl -fs "$CONTROL/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done

# through_platform <name> <warmPool>: deploy, then N times: wait at zero, time one request.
through_platform() {
  local name=$1 pool=$2 times=()
  curl -fs -X PUT "$CONTROL/v1/functions/$name" -H 'Content-Type: application/yaml' --data-binary @- >/dev/null <<YAML
name: $name
artifact: $APP/quarkus-run.jar
scale: {initialScale: 0, warmPool: $pool, stableWindow: 6s, scaleToZeroGracePeriod: 0s, tickInterval: 500ms}
YAML
  for r in $(seq 1 "$ROUNDS"); do
    until [ "$(field "$name" ready)" = 0 ] && [ "$(field "$name" starting)" = 0 ] && [ "$(field "$name" warm)" = "$pool" ]; do
      sleep 0.5
    done
    if [ "$pool" -gt 0 ] && [ "$r" = 1 ]; then
      sleep 3
      local pid; pid=$(curl -s "$CONTROL/v1/functions/$name" | grep -o '"pid":[0-9]*' | head -n 1 | cut -d: -f2)
      rss "warm pool instance (JDK 17)" $(( $(ps -o rss= -p "$pid") / 1024 ))
    fi
    local t0 code; t0=$(now_ms)
    code=$(hello "http://127.0.0.1:$ACTIVATOR_PORT/f/$name/hello")
    times+=($(( $(now_ms) - t0 )))
    [ "$code" = 200 ] || echo "    round $r: HTTP $code" >&2
    echo "    $name round $r: ${times[-1]} ms"
  done
  curl -fs -X DELETE "$CONTROL/v1/functions/$name" >/dev/null
  median "${times[@]}"
}

# direct <label> <java> [jvm options]: N times: start the process, poll until the first 200, stop it.
direct() {
  local label=$1 java=$2; shift 2
  local times=()
  for r in $(seq 1 "$ROUNDS"); do
    local t0; t0=$(now_ms)
    "$java" -Xmx128m -XX:+UseSerialGC "$@" -Dquarkus.http.port=$DIRECT_PORT -Dquarkus.http.host=127.0.0.1 \
      -jar "$JAR" >"$OUT/direct.log" 2>&1 &
    DIRECT_PID=$!
    until [ "$(hello "http://127.0.0.1:$DIRECT_PORT/hello")" = 200 ]; do
      kill -0 "$DIRECT_PID" 2>/dev/null && [ $(( $(now_ms) - t0 )) -lt 120000 ] \
        || { echo "    $label did not start; see $OUT/direct.log" >&2; return 1; }
      sleep 0.005
    done
    times+=($(( $(now_ms) - t0 )))
    echo "    $label round $r: ${times[-1]} ms"
    if [ "$r" = 1 ]; then sleep 3; rss "$label" $(( $(ps -o rss= -p "$DIRECT_PID") / 1024 )); fi
    kill "$DIRECT_PID"; wait "$DIRECT_PID" 2>/dev/null || true; DIRECT_PID=""
  done
  median "${times[@]}"
}

echo "==> through the platform: warm pool (1 ready instance promoted)"
RESULT["platform, warm pool"]=$(through_platform pooled 1 | tee /dev/stderr | tail -n 1)
echo "==> through the platform: cold (no pool; the request waits in the activator)"
RESULT["platform, cold JDK 17"]=$(through_platform cold 0 | tee /dev/stderr | tail -n 1)

JAR="$APP/quarkus-run.jar"
echo "==> bare process: JDK 17"
RESULT["process, JDK 17"]=$(direct "process, JDK 17" java | tee /dev/stderr | tail -n 1)
if [ -f "$APP/app-cds.jsa" ]; then
  echo "==> bare process: JDK 17 + AppCDS"
  RESULT["process, JDK 17 + AppCDS"]=$(direct "process, JDK 17 + AppCDS" java -XX:SharedArchiveFile="$APP/app-cds.jsa" \
    | tee /dev/stderr | tail -n 1)
fi
if [ -x "$JDK25/bin/java" ]; then
  echo "==> bare process: JDK 25 + AOT cache (training run first)"
  cp -a "$APP" "$OUT/app25"
  JAR="$OUT/app25/quarkus-run.jar"
  "$JDK25/bin/java" -Xmx128m -XX:AOTCacheOutput="$OUT/app25/app.aot" -Dquarkus.http.port=$DIRECT_PORT \
    -jar "$JAR" >"$OUT/training.log" 2>&1 &
  DIRECT_PID=$!
  until [ "$(hello "http://127.0.0.1:$DIRECT_PORT/hello")" = 200 ]; do
    kill -0 "$DIRECT_PID" 2>/dev/null || { echo "training run failed; see $OUT/training.log" >&2; exit 1; }
    sleep 0.05
  done
  for _ in $(seq 1 200); do hello "http://127.0.0.1:$DIRECT_PORT/hello" >/dev/null; done
  kill "$DIRECT_PID"; wait "$DIRECT_PID" 2>/dev/null || true; DIRECT_PID=""
  if [ -f "$OUT/app25/app.aot" ]; then
    RESULT["process, JDK 25 + AOT cache"]=$(direct "process, JDK 25 + AOT cache" "$JDK25/bin/java" \
      -XX:AOTCache="$OUT/app25/app.aot" | tee /dev/stderr | tail -n 1)
  else
    echo "    no AOT cache written; see $OUT/training.log"
  fi
fi

echo
echo "Request to a function at zero until its response, median of $ROUNDS ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
for k in "platform, warm pool" "platform, cold JDK 17" "process, JDK 17" "process, JDK 17 + AppCDS" "process, JDK 25 + AOT cache"; do
  [ -n "${RESULT[$k]:-}" ] && printf '  %-30s %8s ms\n' "$k" "${RESULT[$k]}"
done
echo "Idle RSS of one instance:"
for f in "$OUT"/rss-*.txt; do k=${f##*/rss-}; k=${k%.txt}; printf '  %-30s %8s MB\n' "${k//_/ }" "$(cat "$f")"; done
