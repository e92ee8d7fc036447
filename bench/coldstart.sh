#!/usr/bin/env bash
# Scale from zero, side by side in one run: the time from a request to a function at zero until its response,
# median of N rounds, for each way an instance can start, and the idle RSS of an instance started that way.
#
#   through the platform (activator on loopback; the function is at zero before every round):
#     warm pool      a ready pre-started instance is promoted (launch: auto)
#     (new JVMs started for a waiting request get the platform's on-demand options: C1 only by default)
#     JDK 17         a new JVM, no archive                    (jvm: {archive: none})
#     JDK 17 AppCDS  a new JVM with the app's AppCDS archive  (jvm: {archive: appcds})
#     JDK 25 AOT     a new JVM with the app's JDK AOT cache   (jvm: {archive: aot})
#   warm request     the same request to an instance already serving (the baseline the warm pool is compared to)
#   bare process     process start until its first 200, no platform: the same three JVM modes, and a bare Funqy
#                    app with the same function (bench/bare-hello) for what the Quiver runtime costs at start
#
#   bench/coldstart.sh [rounds=5]
# Goals (issue 8): warm pool adds <= 20 ms over a warm request; a cold JVM start serves within 700 ms.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
ACTIVATOR_PORT=18280
CONTROL_PORT=18282
DIRECT_PORT=18290
OUT="$ROOT/bench/out/coldstart"
rm -rf "$OUT"; mkdir -p "$OUT"
PLATFORM_JAR="$ROOT/backends/local/target/quarkus-app/quarkus-run.jar"
BUILT="$ROOT/functions-examples/hello/target/quarkus-app"
BARE="$ROOT/bench/bare-hello/target/quarkus-app"
if [ ! -f "$PLATFORM_JAR" ] || [ ! -f "$BUILT/quiver-jvm.properties" ]; then
  echo "==> building the platform and hello (with its AppCDS archive and, with a JDK 25+, its AOT cache)"
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests -Dnative-sources.skip=true -pl backends/local,functions-examples/hello -am)
fi
if grep -q '^aot.skipped=.*aot-cache.skip' "$BUILT/quiver-jvm.properties"; then
  echo "==> hello was built without its AOT cache (-Daot-cache.skip=true): rebuilding it"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dnative-sources.skip=true -pl functions-examples/hello)
fi
[ -f "$BARE/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -f bench/bare-hello/pom.xml)
# a private copy (cp -a keeps the jar times the archives check): the build tree may be rebuilt meanwhile
cp -a "$BUILT" "$OUT/app"
APP="$OUT/app"
prop() { grep "^$1=" "$APP/quiver-jvm.properties" | cut -d= -f2-; }
CDS_JAVA="$(prop appcds.java.home)/bin/java"
AOT_HOME=$(prop aot.java.home || true)
echo "==> hello's archives: AppCDS by $(prop appcds.java.version); AOT cache: $( [ -n "$AOT_HOME" ] && prop aot.java.version || prop aot.skipped)"

CONTROL="http://127.0.0.1:$CONTROL_PORT"
now_ms() { date +%s%3N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# fields of a function's status (the Java CLI reads the control API's typed records): fields <fn> <path>...
fields() { local fn=$1; shift; "$ROOT/quiver" status "$fn" --context "$CONTROL" $(printf -- '--field %s ' "$@"); }
# one POST /hello; prints "<http code> <ms>" (curl's own clock: no process start-up in the figure)
hello() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
    -d '{"name":"x"}' "$1" | awk '{printf "%s %.1f\n", $1, $2 * 1000}'
}
declare -A RESULT RSS

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

# through_platform <label> <name> <warmPool> <archive>: deploy, then N times: wait at zero, time one request.
through_platform() {
  local label=$1 name=$2 pool=$3 archive=$4 times=()
  curl -fs -X PUT "$CONTROL/v1/functions/$name" -H 'Content-Type: application/yaml' --data-binary @- >/dev/null <<YAML
name: $name
artifact: $APP/quarkus-run.jar
jvm: {archive: $archive}
scale: {initialScale: 0, warmPool: $pool, stableWindow: 6s, scaleToZeroGracePeriod: 0s, tickInterval: 500ms}
YAML
  for r in $(seq 1 "$ROUNDS"); do
    until [ "$(fields "$name" ready starting warm)" = "0 0 $pool" ]; do
      sleep 0.5
    done
    [ "$pool" -gt 0 ] && sleep 2   # the pool instance finished its warm-up and sits idle
    read -r code ms < <(hello "http://127.0.0.1:$ACTIVATOR_PORT/f/$name/hello")
    [ "$code" = 200 ] || echo "    round $r: HTTP $code" >&2
    times+=("$ms")
    echo "    $label round $r: $ms ms" >&2
    if [ "$r" = 1 ]; then
      sleep 3
      local pid; pid=$(fields "$name" instances.0.pid)
      echo "$(( $(ps -o rss= -p "$pid") / 1024 ))" >"$OUT/rss-$name"
    fi
    if [ "$pool" -gt 0 ] && [ "$r" = "$ROUNDS" ]; then
      local warm=()
      for _ in $(seq 1 20); do read -r code ms < <(hello "http://127.0.0.1:$ACTIVATOR_PORT/f/$name/hello"); warm+=("$ms"); done
      median "${warm[@]}" >"$OUT/warm-request"
    fi
  done
  echo "    launch $(fields "$name" launch), the platform's record: $(fields "$name" coldStartText)" >&2
  curl -fs -X DELETE "$CONTROL/v1/functions/$name" >/dev/null
  median "${times[@]}"
}

# direct <label> <dir> <java> [jvm options]: N times: start the process in <dir>, poll until the first 200, stop it.
direct() {
  local label=$1 dir=$2 java=$3; shift 3
  local times=()
  for r in $(seq 1 "$ROUNDS"); do
    local t0; t0=$(now_ms)
    (cd "$dir" && exec "$java" -Xmx128m -XX:+UseSerialGC "$@" -Dquiver.warmup.iterations=0 \
      -Dquarkus.http.port=$DIRECT_PORT -Dquarkus.http.host=127.0.0.1 -jar quarkus-run.jar >"$OUT/direct.log" 2>&1) &
    DIRECT_PID=$!
    # poll with bash's own connect (no process per try: a curl every 5 ms would slow the start on 2 cores),
    # then with curl until the first 200
    until { (exec 3<>"/dev/tcp/127.0.0.1/$DIRECT_PORT") 2>/dev/null && \
            [ "$(hello "http://127.0.0.1:$DIRECT_PORT/hello" | cut -d' ' -f1)" = 200 ]; }; do
      kill -0 "$DIRECT_PID" 2>/dev/null && [ $(( $(now_ms) - t0 )) -lt 120000 ] \
        || { echo "    $label did not start; see $OUT/direct.log" >&2; return 1; }
      read -r -t 0.005 <> <(:) || true
    done
    times+=($(( $(now_ms) - t0 )))
    echo "    $label round $r: ${times[-1]} ms" >&2
    if [ "$r" = 1 ]; then sleep 3; echo "$(( $(ps -o rss= -p "$DIRECT_PID") / 1024 ))" >"$OUT/rss-direct-${label// /_}"; fi
    kill "$DIRECT_PID"; wait "$DIRECT_PID" 2>/dev/null || true; DIRECT_PID=""
  done
  median "${times[@]}"
}

echo "==> through the platform"
RESULT[pool]=$(through_platform "warm pool" pooled 1 auto)
RESULT[p17]=$(through_platform "JDK 17" plain17 0 none)
RESULT[pcds]=$(through_platform "JDK 17 AppCDS" appcds 0 appcds)
[ -n "$AOT_HOME" ] && RESULT[paot]=$(through_platform "JDK 25 AOT" aot25 0 aot)
RESULT[warm]=$(cat "$OUT/warm-request")

echo "==> bare processes (no platform)"
RESULT[d17]=$(direct "JDK 17" "$APP" java)
RESULT[dcds]=$(direct "JDK 17 AppCDS" "$APP" "$CDS_JAVA" -XX:SharedArchiveFile=app-cds.jsa)
[ -n "$AOT_HOME" ] && RESULT[daot]=$(direct "JDK 25 AOT" "$APP" "$AOT_HOME/bin/java" -XX:AOTCache=app.aot)
[ -n "$AOT_HOME" ] && RESULT[daotc1]=$(direct "JDK 25 AOT C1" "$APP" "$AOT_HOME/bin/java" -XX:AOTCache=app.aot \
  -XX:TieredStopAtLevel=1)
RESULT[dbare]=$(direct "bare Funqy JDK 17" "$BARE" java)

rss() { [ -f "$OUT/rss-$1" ] && cat "$OUT/rss-$1" || echo "-"; }
row() { printf '  %-36s %9s ms %9s MB\n' "$1" "${2:--}" "$3"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
echo
echo "Request to hello at zero until its response, median of $ROUNDS ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
printf '  %-36s %12s %12s\n' "" "time" "idle RSS"
row "platform: warm pool (promotion)" "${RESULT[pool]}" "$(rss pooled)"
row "platform: cold, JDK 17" "${RESULT[p17]}" "$(rss plain17)"
row "platform: cold, JDK 17 + AppCDS" "${RESULT[pcds]}" "$(rss appcds)"
row "platform: cold, JDK 25 + AOT cache" "${RESULT[paot]:-}" "$(rss aot25)"
row "platform: warm request (baseline)" "${RESULT[warm]}" "-"
row "process: JDK 17" "${RESULT[d17]}" "$(rss direct-JDK_17)"
row "process: JDK 17 + AppCDS" "${RESULT[dcds]}" "$(rss direct-JDK_17_AppCDS)"
row "process: JDK 25 + AOT cache" "${RESULT[daot]:-}" "$(rss direct-JDK_25_AOT)"
row "process: JDK 25 + AOT cache, C1 only" "${RESULT[daotc1]:-}" "$(rss direct-JDK_25_AOT_C1)"
row "process: bare Funqy app, JDK 17" "${RESULT[dbare]}" "$(rss direct-bare_Funqy_JDK_17)"
echo
echo "  warm pool over a warm request:        +$(awk -v a="${RESULT[pool]}" -v b="${RESULT[warm]}" 'BEGIN {printf "%.1f", a - b}') ms   (goal <= 20 ms)"
echo "  cold AOT / cold JDK 17 (platform):    $(ratio "${RESULT[paot]:-}" "${RESULT[p17]}")"
echo "  cold AppCDS / cold JDK 17 (platform): $(ratio "${RESULT[pcds]}" "${RESULT[p17]}")"
echo "  Quiver runtime / bare Funqy (JDK 17): $(ratio "${RESULT[d17]}" "${RESULT[dbare]}")"
echo "  fastest cold start through the platform: $(printf '%s\n' "${RESULT[p17]}" "${RESULT[pcds]}" "${RESULT[paot]:-999999}" | sort -g | head -n 1) ms   (goal <= 700 ms)"
