#!/usr/bin/env bash
# Cold start, side by side in one run, several rounds, each figure with its spread (median, min..max).
#
# Through the platform (activator on loopback; each function is at zero before every round), per launch mode:
#   warm pool      a ready pre-started instance is promoted            (launch: auto, warmPool 1)
#   JDK 17         a new JVM, no archive                              (jvm: {archive: none})
#   JDK 17 AppCDS  a new JVM with the app's AppCDS archive             (jvm: {archive: appcds})
#   JDK 25 AOT     a new JVM with the app's JDK AOT cache (+ C1 only)  (jvm: {archive: aot})
#   (new JVMs started for a waiting request get the platform's on-demand options: C1 only by default)
#   request -> response as curl sees it, and the platform's own split of it (its cold-start record, p50 over the
#   rounds), the spawn path: decision -> exec (launch plan, process start), exec -> ready (the instance pushes
#   "ready": docs/runtime.md), ready -> first byte (derived: publication and the first request).
# As a bare process (no platform), the same launch modes: exec until the first 200 of POST /hello, polled with
# bash's own connect; and the process's CPU time by then (robust on a busy machine). Both the Quiver hello and the
# bare Funqy app with the same function (bench/bare-hello, packaged the same way), alternating in each round: their
# ratio is the Quiver runtime's start-up tax per launch mode.
#
#   bench/coldstart.sh [rounds=5]          (env: SKIP_BUILD=1 runs what is built; MVN_REPO=<maven repo>)
# Goals (issue 15): fastest mode through the platform <= 350 ms median, the platform adds <= 30 ms over the bare
# process of the same mode; Quiver runtime / bare Funqy <= 1.10 in every launch mode.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
ACTIVATOR_PORT=${ACTIVATOR_PORT:-18280}
CONTROL_PORT=${CONTROL_PORT:-18282}
DIRECT_PORT=${DIRECT_PORT:-18290}
OUT="$ROOT/bench/out/coldstart"
rm -rf "$OUT"; mkdir -p "$OUT"
MVN=(./mvnw -B -q -o ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO})
PLATFORM_JAR="$ROOT/backends/local/target/quarkus-app/quarkus-run.jar"
BUILT="$ROOT/functions-examples/hello/target/quarkus-app"
BUILT_BARE="$ROOT/bench/bare-hello/target/quarkus-app"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "==> building the platform, hello and the bare baseline (with their AppCDS archives and AOT caches)"
  (cd "$ROOT" && "${MVN[@]}" install -DskipTests -Dnative-sources.skip=true -Dquiver.image.skip=true \
     -pl backends/local,functions-examples/hello -am)
  (cd "$ROOT" && "${MVN[@]}" package -DskipTests -f bench/bare-hello/pom.xml)
fi
# private copies (cp -a keeps the jar times the archives check): the build tree may be rebuilt meanwhile
cp -a "$BUILT" "$OUT/app"; cp -a "$BUILT_BARE" "$OUT/bare"
APP="$OUT/app"; BARE="$OUT/bare"
prop() { grep "^$2=" "$1/quiver-jvm.properties" | cut -d= -f2-; }
CDS_JAVA="$(prop "$APP" appcds.java.home)/bin/java"
AOT_HOME=$(prop "$APP" aot.java.home || true)
[ -n "$AOT_HOME" ] && [ "$(prop "$BARE" aot.java.home || true)" != "$AOT_HOME" ] && AOT_HOME=""
echo "==> archives: AppCDS by $(prop "$APP" appcds.java.version); AOT cache: $( [ -n "$AOT_HOME" ] && prop "$APP" aot.java.version || echo none)"

CONTROL="http://127.0.0.1:$CONTROL_PORT"
now_ms() { date +%s%3N; }
# stats over numbers: "median min..max"
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); printf "%.0f %.0f..%.0f", m, a[1], a[NR]}'; }
med() { stats "$@" | cut -d' ' -f1; }
fields() { local fn=$1; shift; "$ROOT/quiver" status "$fn" --context "$CONTROL" --token "$TOKEN" $(printf -- '--field %s ' "$@"); }
hello() { # one POST /hello: "<http code> <ms>" (curl's own clock)
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: application/json' \
    -d '{"name":"x"}' "$1" | awk '{printf "%s %.1f\n", $1, $2 * 1000}'
}

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
until curl -fs "$CONTROL/q/health/ready" >/dev/null 2>&1; do
  kill -0 $PLATFORM_PID 2>/dev/null || { tail "$OUT/platform.log"; exit 1; }
  sleep 0.5
done
TOKEN=$(cat "$OUT/data/control-token")   # the control API's bearer token, written by the platform at start

# mode table: key, label, platform archive, warm pool, java for the bare process, its options
MODES=(pool p17 pcds)
[ -n "$AOT_HOME" ] && MODES+=(paot)
declare -A LABEL=([pool]="warm pool (promotion)" [p17]="JDK 17" [pcds]="JDK 17 + AppCDS" [paot]="JDK 25 + AOT cache")
declare -A ARCHIVE=([pool]=auto [p17]=none [pcds]=appcds [paot]=aot)
declare -A POOL=([pool]=1 [p17]=0 [pcds]=0 [paot]=0)
deploy() { # key
  curl -fsS -X PUT "$CONTROL/v1/functions/$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/yaml' \
    --data-binary @- >/dev/null <<YAML
name: $1
artifact: $APP/quarkus-run.jar
jvm: {archive: ${ARCHIVE[$1]}}
scale: {initialScale: 0, warmPool: ${POOL[$1]}, stableWindow: 6s, scaleToZeroGracePeriod: 0s, tickInterval: 500ms}
YAML
}
# platform_round <key>: wait until at zero (pool ready), time one request; prints ms
platform_round() {
  local key=$1 pool=${POOL[$1]} code ms
  until [ "$(fields "$key" ready starting warm)" = "0 0 $pool" ]; do sleep 0.5; done
  [ "$pool" -gt 0 ] && sleep 2   # the pool instance finished its warm-up and sits idle
  read -r code ms < <(hello "http://127.0.0.1:$ACTIVATOR_PORT/f/$key/hello")
  [ "$code" = 200 ] || echo "    $key: HTTP $code" >&2
  echo "$ms"
}
# direct <dir> <java> [jvm options]: exec until the first 200; prints "<ms> <cpu ms>"
direct() {
  local dir=$1 java=$2; shift 2
  local t0; t0=$(now_ms)
  (cd "$dir" && exec "$java" -Xmx128m -XX:+UseSerialGC "$@" -Dquiver.warmup.iterations=0 \
    -Dquarkus.http.port=$DIRECT_PORT -Dquarkus.http.host=127.0.0.1 -jar quarkus-run.jar >"$OUT/direct.log" 2>&1) &
  DIRECT_PID=$!
  until { (exec 3<>"/dev/tcp/127.0.0.1/$DIRECT_PORT") 2>/dev/null && \
          [ "$(hello "http://127.0.0.1:$DIRECT_PORT/hello" | cut -d' ' -f1)" = 200 ]; }; do
    kill -0 "$DIRECT_PID" 2>/dev/null && [ $(( $(now_ms) - t0 )) -lt 120000 ] \
      || { echo "    $dir did not start; see $OUT/direct.log" >&2; return 1; }
    read -r -t 0.005 <> <(:) || true
  done
  local ms=$(( $(now_ms) - t0 ))
  local cpu; cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$DIRECT_PID/stat")
  kill "$DIRECT_PID"; wait "$DIRECT_PID" 2>/dev/null || true; DIRECT_PID=""
  echo "$ms $cpu"
}
direct_mode() { # key app-dir -> "<ms> <cpu>"
  case $1 in
    p17) direct "$2" java ;;
    pcds) direct "$2" "$CDS_JAVA" -XX:SharedArchiveFile=app-cds.jsa ;;
    paot) direct "$2" "$AOT_HOME/bin/java" -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 ;;
  esac
}

for k in "${MODES[@]}"; do deploy "$k"; done
declare -A P Q QC B BC
for r in $(seq 1 "$ROUNDS"); do
  for k in "${MODES[@]}"; do
    ms=$(platform_round "$k"); P[$k]+="$ms "
    line="    round $r ${LABEL[$k]}: platform $ms ms"
    if [ "$k" != pool ]; then
      # alternate which app starts first, so load from other processes hits both alike
      if [ $((r % 2)) = 1 ]; then read -r q qc < <(direct_mode "$k" "$APP"); read -r b bc < <(direct_mode "$k" "$BARE")
      else read -r b bc < <(direct_mode "$k" "$BARE"); read -r q qc < <(direct_mode "$k" "$APP"); fi
      Q[$k]+="$q "; QC[$k]+="$qc "; B[$k]+="$b "; BC[$k]+="$bc "
      line+=", process $q ms ($qc ms CPU), bare Funqy $b ms ($bc ms CPU)"
    fi
    echo "$line" >&2
  done
done
WARM=()
for _ in $(seq 1 20); do read -r _ ms < <(hello "http://127.0.0.1:$ACTIVATOR_PORT/f/pool/hello"); WARM+=("$ms"); done

# startup_p50 <key> <measuredBy>: the p50 of the function's active start-ups measured so (decision-exec: the
# decision to the process exec; platform: exec to the instance's ready push), "-" when not recorded
startup_p50() {
  local i by role
  for i in 0 1 2 3 4 5; do
    read -r by role < <(fields "$1" "coldStart.startups.$i.measuredBy" "coldStart.startups.$i.role" 2>/dev/null || true)
    [ -z "${by:-}" ] && break
    [ "$by" = "$2" ] && [ "$role" = active ] && { fields "$1" "coldStart.startups.$i.figures.p50Ms"; return; }
  done
  echo "-"
}
# spawn_split <key>: "decision>exec / exec>ready / ready>first byte", the last derived from the cold request's
# arrival -> first byte minus the two before (p50s of the same rounds)
spawn_split() {
  local de er wait served
  de=$(startup_p50 "$1" decision-exec); er=$(startup_p50 "$1" platform)
  read -r wait served < <(fields "$1" coldStart.cold.waiting.p50Ms coldStart.cold.served.p50Ms 2>/dev/null || echo "- -")
  awk -v de="$de" -v er="$er" -v w="$wait" -v s="$served" 'BEGIN {
    rf = (de == "-" || er == "-" || w == "-") ? "-" : sprintf("%.1f", w + s - de - er);
    printf "%s / %s / %s", de, er, rf }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
echo
echo "Cold start of hello, $ROUNDS rounds, median and min..max ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
printf '  %-24s %16s | %-34s | %16s %16s %8s %8s\n' "launch mode" "platform ms" "platform p50: decision>exec / exec>ready / ready>1st byte" \
  "process ms" "bare Funqy ms" "wall x" "CPU x"
for k in "${MODES[@]}"; do
  read -r -a pv <<<"${P[$k]}"
  split="$(spawn_split "$k")"
  [ "$k" = pool ] && split="pool: wait $(fields "$k" coldStart.warm.waiting.p50Ms) / served $(fields "$k" coldStart.warm.served.p50Ms)"
  if [ "$k" = pool ]; then
    printf '  %-24s %16s | %-34s |\n' "${LABEL[$k]}" "$(stats "${pv[@]}")" "$split"
  else
    read -r -a qv <<<"${Q[$k]}"; read -r -a bv <<<"${B[$k]}"; read -r -a qcv <<<"${QC[$k]}"; read -r -a bcv <<<"${BC[$k]}"
    printf '  %-24s %16s | %-34s | %16s %16s %8s %8s\n' "${LABEL[$k]}" "$(stats "${pv[@]}")" "$split" \
      "$(stats "${qv[@]}")" "$(stats "${bv[@]}")" "$(ratio "$(med "${qv[@]}")" "$(med "${bv[@]}")")" \
      "$(ratio "$(med "${qcv[@]}")" "$(med "${bcv[@]}")")"
    echo "${LABEL[$k]}|$(med "${pv[@]}")|$(med "${qv[@]}")|$(med "${bv[@]}")|$(med "${qcv[@]}")|$(med "${bcv[@]}")|$(stats "${pv[@]}")" >>"$OUT/summary"
  fi
done
printf '  %-24s %16s\n' "warm request (baseline)" "$(stats "${WARM[@]}")"
read -r -a pv <<<"${P[pool]}"
echo "pool|$(med "${pv[@]}")|$(med "${WARM[@]}")|$(stats "${pv[@]}")" >>"$OUT/summary"
echo
echo "  warm pool over a warm request: +$(awk -v a="$(med "${pv[@]}")" -v b="$(med "${WARM[@]}")" 'BEGIN {printf "%.1f", a - b}') ms"
echo "  platform columns: curl's request -> response; the spawn path's split is the platform's record, p50 ms:"
echo "  decision > exec (launch plan, process start), exec > ready (the instance's ready push), ready > first byte"
echo "  (derived: the cold request's arrival -> first byte minus the two before; the publication and the first request)."
echo "  wall x / CPU x: Quiver hello / bare Funqy hello as processes, same launch mode (goal <= 1.10)."
echo "  summary for bench/goals.sh: $OUT/summary"
