#!/usr/bin/env bash
# Broker benchmark on one real Kafka (KRaft, single node): raw Kafka producer throughput vs broker ingress
# throughput over HTTP (and their ratio), then end-to-end latency p50/p99 (ingress -> Kafka -> dispatcher -> a
# trivial subscriber) at a fixed rate. Prints figures; asserts nothing.
# - Both sides are measured warm (JIT): a warm-up until ingress throughput is stable, and ROUNDS interleaved rounds of raw and ingress whose
#   medians are compared, so that load from other processes on the machine hits both alike.
# - Ingress load comes from wrk when installed (apt-get install -y wrk), otherwise from a Vert.x client; either is
#   far lighter than the broker, so the client is not what is measured.
# - Latency: open loop at a fixed rate, counted from each event's scheduled send time to its arrival at the
#   subscriber (same JVM clock); the ingress 202 latency of the same events is printed too.
# Needs: ./mvnw -q -f eventing/pom.xml install -DskipTests   (builds kafka-local/target/lib and the broker app)
# Usage: bench/broker-bench.sh [seconds=10] [rate=200] [rounds=3]
#   INGRESS_ONLY=1 stops after the throughput rounds; E2E_ONLY=1 runs only the latency run; APP_B=<quarkus-app dir>
#   (BROKER_B_JAVA_OPTS) measures a second broker build in the same rounds (A/B); BROKER_JAVA_OPTS, KAFKA_JAVA_OPTS,
#   PRODUCER_OPTS (the anchor's producer settings, -Dproducer.<key>=<value>) add JVM options
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
RATE=${2:-200}
ROUNDS=${3:-3}
CONNS=${CONNS:-64}
KL=eventing/kafka-local/target
APP=${APP:-eventing/broker/target/quarkus-app}
[[ -d $KL/lib && -f $APP/quarkus-run.jar ]] || { echo "build first: ./mvnw -q -f eventing/pom.xml install -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d /tmp/quiver-broker-bench.XXXX)
KPORT=${KPORT:-19092}; BPORT=${BPORT:-18080}; SPORT=${SPORT:-18091}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

CP="$APP/lib/main/*:$APP/app/*"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/broker-bench/BrokerBench.java bench/broker-bench/TriggerReady.java
bench() { java -Xmx256m -cp "$WORK/classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn BrokerBench "$@" 2>/dev/null; }

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the machine)"
echo "# Kafka (KRaft, in its own JVM, -Xmx256m) on 127.0.0.1:$KPORT"
# shellcheck disable=SC2086
java -Xmx256m ${KAFKA_JAVA_OPTS:-} -Xlog:gc:file="$WORK/kafka-gc.log" -cp "$KL/lib/*:$KL/classes" dev.quiver.kafka.local.KafkaLocalMain \
  --data-dir "$WORK/kafka" --port "$KPORT" > "$WORK/kafka.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do grep -q bootstrap.servers "$WORK/kafka.out" && break; sleep 0.5; done
grep -q bootstrap.servers "$WORK/kafka.out" || { cat "$WORK/kafka.out"; exit 1; }

cat > "$WORK/triggers.yaml" <<YAML
apiVersion: eventing.quiver.dev/v1
kind: Trigger
metadata: {name: bench}
spec:
  broker: default
  filters: [{exact: {type: bench.e2e}}]
  subscriber: {uri: "http://127.0.0.1:$SPORT/"}
YAML
# BROKER_JAVA_OPTS: the broker JVM's options (default: what the local platform runs it with); its GC log is read
# around the latency run below (evidence for the tail: pauses in that window)
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:--Xmx512m}
echo "# broker ($BROKER_JAVA_OPTS) on :$BPORT, one trigger reading its topic"
# shellcheck disable=SC2086
java $BROKER_JAVA_OPTS -Xlog:gc:file="$WORK/broker-gc.log" -Dquarkus.http.port="$BPORT" -Dkafka.bootstrap.servers="127.0.0.1:$KPORT" \
  -Dquiver.broker.triggers-file="$WORK/triggers.yaml" -Dquarkus.log.level=WARN -jar "$APP/quarkus-run.jar" \
  > "$WORK/broker.out" 2>&1 &
BROKER_PID=$!; PIDS+=($!)
# the trigger's status read as the shared record (api TriggerDocument)
java -cp "$WORK/classes:$CP" TriggerReady "http://127.0.0.1:$BPORT/admin/v1/triggers/bench" 60 \
  || { cat "$WORK/broker.out"; exit 1; }

URL="http://127.0.0.1:$BPORT/default"
cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = string.rep("x", 1024)
wrk.headers["ce-specversion"] = "1.0"
wrk.headers["ce-id"] = "load"
wrk.headers["ce-source"] = "/bench"
wrk.headers["ce-type"] = "bench.load"
wrk.headers["content-type"] = "text/plain"
LUA
ingress() { # seconds [url] -> events/s (202 answers only)
  if command -v wrk > /dev/null; then
    /usr/bin/time -f "%U %S" -o "$WORK/wrk.time" wrk -t1 -c"$CONNS" -d"$1"s -s "$WORK/post.lua" "${2:-$URL}" \
      > "$WORK/wrk.out"
    awk '/requests in/{n=$1} /Non-2xx/{bad=$NF} /Requests\/sec/{r=$2}
         END{printf "%.0f %d\n", r*(n-bad)/(n>0?n:1), bad}' "$WORK/wrk.out"
  else
    bench ingress "${2:-$URL}" "$1" "$CONNS" | sed -E 's/ingress=([0-9]+) non202=([0-9]+)/\1 \2/'
  fi
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
KAFKA_PID=${PIDS[0]}
# seconds url server-pid -> "events/s non-202 cpu-us-per-event: server Kafka wrk" (CPU from /proc/<pid>/stat and
# wrk's rusage over the run: where a 2-core machine's 2,000,000 CPU us per second go, per event)
measured() {
  local s0 k0 b0 s1 k1 b1 evs bad
  s0=$(cpu_ms "$3"); k0=$(cpu_ms "$KAFKA_PID"); b0=$(cpu_ms "$BROKER_PID")
  read -r evs bad < <(ingress "$1" "$2")
  s1=$(cpu_ms "$3"); k1=$(cpu_ms "$KAFKA_PID"); b1=$(cpu_ms "$BROKER_PID")
  awk -v e="$evs" -v b="$bad" -v t="$1" -v s="$(echo "$s1 - $s0" | bc)" -v k="$(echo "$k1 - $k0" | bc)" \
    -v w="$(awk '{print ($1 + $2) * 1000}' "$WORK/wrk.time" 2>/dev/null || echo 0)" \
    -v d="$(echo "$b1 - $b0" | bc)" -v same="$([[ $3 == "$BROKER_PID" ]] && echo 1 || echo 0)" \
    'BEGIN{n = e * t; if (n < 1) n = 1; if (same) d = 0
           printf "%d %d %.1f %.1f %.1f %.1f\n", e, b, 1000*s/n, 1000*k/n, 1000*w/n, 1000*d/n}'
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

CLIENT=$(command -v wrk > /dev/null && echo "wrk -t1 -c$CONNS" || echo "Vert.x client, $CONNS connections")
# warm-up: a JVM's JIT needs a while, longer when other processes share the CPUs; load it in 5 s steps until
# two steps in a row agree within 10 % (at most 90 s); the same for every endpoint measured below
warm() { # url -> "seconds last-step-events/s"
  local prev=0 cur=0 steps=0
  for _ in $(seq 18); do
    read -r cur _ < <(ingress 5 "$1"); steps=$((steps + 1))
    awk -v a="$prev" -v b="$cur" 'BEGIN{exit !(a > 0 && b > 0 && (a > b ? a - b : b - a) < 0.1 * b)}' && break
    prev=$cur
  done
  echo "$((steps * 5)) $cur"
}
read -r wsecs cur < <(warm "$URL")
echo "# warm-up: broker ingress for $wsecs s ($CLIENT), last step $cur events/s"
if [[ -z "${E2E_ONLY:-}" ]]; then # E2E_ONLY=1: only the latency run below (after the warm-up)
# the ingress goal's baselines (same heap, same client, each warmed like the broker):
# - bare202: a bare Vert.x endpoint that reads the body and answers 202 (no Kafka)
# - barekafka202, the nearest anchor: the same endpoint sending each body to the broker's topic with the broker's
#   producer settings (acks=all, idempotent, linger 1 ms) and answering 202 after Kafka's ack
# PRODUCER_OPTS (e.g. "-Dproducer.linger.ms=5") adds producer settings to the anchor (pass the same to the broker as
# -Dquiver.broker.kafka.producer.\"linger.ms\"=5 in BROKER_JAVA_OPTS)
APORT=${APORT:-18092}; KAPORT=${KAPORT:-18093}
java -Xmx512m -cp "$WORK/classes:$CP" BrokerBench bare202 "$APORT" > "$WORK/bare202.out" 2>&1 &
BARE_PID=$!; PIDS+=($!)
# shellcheck disable=SC2086
java -Xmx512m ${PRODUCER_OPTS:-} -cp "$WORK/classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn BrokerBench \
  barekafka202 "$KAPORT" "127.0.0.1:$KPORT" quiver-broker-default > "$WORK/barekafka202.out" 2>&1 &
KBARE_PID=$!; PIDS+=($!)
for _ in $(seq 60); do grep -q listening "$WORK/bare202.out" && grep -q listening "$WORK/barekafka202.out" && break; sleep 0.5; done
BARE_URL="http://127.0.0.1:$APORT/default"; KBARE_URL="http://127.0.0.1:$KAPORT/default"
echo "# warm-up: bare 202 $(warm "$BARE_URL" | awk '{print $1 " s, last step " $2}') requests/s;" \
  "bare Kafka 202 $(warm "$KBARE_URL" | awk '{print $1 " s, last step " $2}') requests/s"
# APP_B: a second broker build (e.g. the previous commit's quarkus-app) measured in the same rounds (A/B)
if [[ -n "${APP_B:-}" ]]; then
  BPORT_B=${BPORT_B:-18081}
  # shellcheck disable=SC2086
  java ${BROKER_B_JAVA_OPTS:-$BROKER_JAVA_OPTS} -Dquarkus.http.port="$BPORT_B" -Dkafka.bootstrap.servers="127.0.0.1:$KPORT" \
    -Dquiver.broker.triggers-file="$WORK/triggers.yaml" -Dquarkus.log.level=WARN -jar "$APP_B/quarkus-run.jar" \
    > "$WORK/broker-b.out" 2>&1 &
  PID_B=$!; PIDS+=($!)
  java -cp "$WORK/classes:$CP" TriggerReady "http://127.0.0.1:$BPORT_B/admin/v1/triggers/bench" 60 \
    || { cat "$WORK/broker-b.out"; exit 1; }
  URL_B="http://127.0.0.1:$BPORT_B/default"
  echo "# broker B ($APP_B) on :$BPORT_B, warm-up $(warm "$URL_B" | awk '{print $1 " s, last step " $2}') events/s"
fi
RAWS=""; INS=""; BARES=""; KBARES=""; BS=""; R_BARE=""; R_KBARE=""; R_B=""; BAD=0
C_IN=""; C_KB=""; C_B=""; C_INB=""; K_IN=""; K_KB=""; D_KB=""; W_IN=""; W_KB=""; W_B=""
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0) printf "%.3f", a/b; else print 0}'; }
spread() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END{printf "%s (%s..%s)", a[int((NR+1)/2)], a[1], a[NR]}'; }
for r in $(seq "$ROUNDS"); do
  raw=$(bench raw "127.0.0.1:$KPORT" "$SECS" | sed -n 's/^raw=//p')
  read -r in bad cin kin win _ < <(measured "$SECS" "$URL" "$BROKER_PID")
  read -r kbare _ ckb kkb wkb dkb < <(measured "$SECS" "$KBARE_URL" "$KBARE_PID")
  read -r bare _ cb kb wb _ < <(measured "$SECS" "$BARE_URL" "$BARE_PID")
  line="round $r: raw producer $raw records/s, broker ingress $in events/s, bare Kafka 202 endpoint $kbare requests/s, bare 202 endpoint $bare requests/s"
  if [[ -n "${URL_B:-}" ]]; then
    read -r inb _ cinb kinb winb _ < <(measured "$SECS" "$URL_B" "$PID_B")
    line="$line, broker B $inb events/s"; BS="$BS $inb"; R_B="$R_B $(ratio "$in" "$inb")"
  fi
  line="$line; CPU us per event (server + Kafka + wrk): broker $cin + $kin + $win, bare Kafka 202 $ckb + $kkb + $wkb (+ the broker's trigger consumer reading them $dkb), bare 202 $cb + $kb + $wb"
  [[ -n "${URL_B:-}" ]] && line="$line, broker B $cinb + $kinb + $winb"
  C_IN="$C_IN $cin"; C_KB="$C_KB $ckb"; C_B="$C_B $cb"; C_INB="$C_INB ${cinb:-}"
  K_IN="$K_IN $kin"; K_KB="$K_KB $kkb"; D_KB="$D_KB $dkb"; W_IN="$W_IN $win"; W_KB="$W_KB $wkb"; W_B="$W_B $wb"
  echo "$line"
  RAWS="$RAWS $raw"; INS="$INS $in"; BARES="$BARES $bare"; KBARES="$KBARES $kbare"; BAD=$((BAD + bad))
  R_BARE="$R_BARE $(ratio "$in" "$bare")"; R_KBARE="$R_KBARE $(ratio "$in" "$kbare")"
done
RAW=$(echo "$RAWS" | median); IN=$(echo "$INS" | median); BARE=$(echo "$BARES" | median); KBARE=$(echo "$KBARES" | median)
echo "bare Vert.x endpoint answering 202 (1 KB body, same client): $BARE requests/s (median of $ROUNDS; $(echo "$BARES" | spread))"
echo "bare Vert.x endpoint answering 202 after Kafka's ack (same topic and producer settings): $KBARE requests/s (median of $ROUNDS; $(echo "$KBARES" | spread))"
echo "ingress/bare202: $(echo "$R_BARE" | spread) (per-round ratios, median (min..max); goal >= 0.80)"
echo "ingress/bare-kafka202: $(echo "$R_KBARE" | spread) (per-round ratios, median (min..max); the nearest anchor)"
if [[ -n "${URL_B:-}" ]]; then # B shared the trigger's consumer group: A alone from here on
  kill "$PID_B" 2> /dev/null || true
fi
echo "CPU us per event, median (min..max) over the rounds (2 cores = 2,000,000 us/s):"
echo "  broker ingress: broker $(echo "$C_IN" | spread), Kafka $(echo "$K_IN" | spread), wrk $(echo "$W_IN" | spread)"
echo "  bare Kafka 202: endpoint $(echo "$C_KB" | spread), Kafka $(echo "$K_KB" | spread), wrk $(echo "$W_KB" | spread), broker's trigger consumer $(echo "$D_KB" | spread)"
echo "  bare 202:       endpoint $(echo "$C_B" | spread), wrk $(echo "$W_B" | spread)"
[[ -n "${URL_B:-}" ]] && echo "  broker B:       broker $(echo "$C_INB" | spread)"
[[ -n "${URL_B:-}" ]] && echo "A/B: broker $APP / broker B: $(echo "$R_B" | spread) (per-round ratios; B: $(echo "$BS" | spread) events/s)"

echo "raw Kafka producer (1 KB, acks=all, idempotent, linger 1 ms, 10 partitions): $RAW records/s (median of $ROUNDS)"
echo "broker ingress over HTTP (1 KB binary mode, $CLIENT, 202 after acks=all): $IN events/s (median of $ROUNDS, $BAD non-202; $(echo "$INS" | spread))"
awk -v i="$IN" -v r="$RAW" 'BEGIN{printf "ingress/raw: %.2f\n", i/r}'
# the broker's own count (e.g. to divide a JFR recording's allocation by)
echo "events the broker accepted in this run: $(curl -sf "http://127.0.0.1:$BPORT/q/metrics" |
  awk '/^quiver_ingress_events_total\{.*result="accepted"/{n+=$2} END{printf "%.0f", n}')"
[[ -n "${INGRESS_ONLY:-}" ]] && exit 0

fi

if [[ -z "${E2E_ONLY:-}" ]] && command -v wrk > /dev/null; then # the same, 10 events per request (batched mode): HTTP per-request cost shared
  cat > "$WORK/batch.lua" <<'LUA'
local e = '{"specversion":"1.0","id":"load","source":"/bench","type":"bench.load","datacontenttype":"text/plain","data":"'
  .. string.rep("x", 1024) .. '"}'
local events = {}
for i = 1, 10 do events[i] = e end
wrk.method = "POST"
wrk.body = "[" .. table.concat(events, ",") .. "]"
wrk.headers["content-type"] = "application/cloudevents-batch+json"
LUA
  wrk -t1 -c"$CONNS" -d"$SECS"s -s "$WORK/batch.lua" "$URL" > "$WORK/wrk.out"
  awk '/requests in/{n=$1} /Non-2xx/{bad=$NF} /Requests\/sec/{r=$2}
       END{printf "broker ingress, batched mode (10 x 1 KB events per request): %.0f events/s (%d non-202)\n",
           10*r*(n-bad)/(n>0?n:1), bad}' "$WORK/wrk.out"
fi

# the trigger reads (and filters out) the load events first: start the latency run once it has caught up
for _ in $(seq 240); do
  lag=$(curl -sf "http://127.0.0.1:$BPORT/q/metrics" | awk '/^quiver_trigger_consumer_lag\{trigger="bench"\}/{print int($2)}')
  [[ "$lag" == 0 ]] && break; sleep 0.5
done
echo "# trigger caught up with the load events (lag ${lag:-?})"
gc_mark() { wc -l < "$WORK/$1-gc.log" 2>/dev/null || echo 0; }
gc_window() { # name first-line -> "N pauses, max X ms, total Y ms" of the GC log's lines after first-line
  tail -n +"$(($2 + 1))" "$WORK/$1-gc.log" 2>/dev/null | grep -E 'Pause' | sed -nE 's/.* ([0-9.]+)ms$/\1/p' |
    awk '{n++; t+=$1; if ($1>m) m=$1} END{printf "%d pauses, max %.1f ms, total %.1f ms", n, m, t}'; }
BGC=$(gc_mark broker); KGC=$(gc_mark kafka)
bench e2e "$URL" "$SPORT" "$SECS" "$RATE" | awk -v rate="$RATE" -v secs="$SECS" '{
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "end-to-end ingress -> subscriber at %s events/s for %s s: delivered %s, p50 %s ms, p99 %s ms, max %s ms" \
    " (ingress 202: p50 %s ms, p99 %s ms; %s non-202)\n", rate, secs, v["delivered"], v["e2e_p50"], v["e2e_p99"],
    v["e2e_max"], v["ingress_p50"], v["ingress_p99"], v["non202"] }'
echo "GC during the latency run: broker $(gc_window broker "$BGC"); Kafka $(gc_window kafka "$KGC")"
