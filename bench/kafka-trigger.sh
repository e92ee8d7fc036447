#!/usr/bin/env bash
# Kafka topic trigger throughput: the `orders` function through the Quiver runtime's trigger
# (functions-examples/orders) vs a bare Quarkus messaging-kafka consumer doing the same work (bench/bare-orders:
# the orders example's own domain sources, @Incoming/@Outgoing, offset acked after the result's ack), side by side
# in one run on one real Kafka (KRaft, eventing/kafka-local, loopback, free ports).
# - One topic (4 partitions, like the demo) is filled once with N valid orders keyed by 50 customers; each run
#   starts one app (one instance) as a fresh consumer group reading it from the start, writing one result per order
#   to its own results topic (4 partitions); the driver follows the results' end offsets and reports the rate
#   between 10 % and 90 % of N (JVM start and the tail left out). Then the app is stopped.
# - ROUNDS rounds, each running both apps, the first one alternating, so load from other processes hits both alike;
#   prints each run, then per app the median and spread (min..max), and the ratio of the medians.
# Needs: nothing built (it builds what it runs, offline when the Maven repository has everything).
# Usage: bench/kafka-trigger.sh [orders=100000] [rounds=3]   (env: MVN_REPO=<maven repo>, SKIP_BUILD=1 to run what
#        is built, TIMEOUT=120 s per run,
#        JAVA_OPTS for both apps, default -Xmx512m; QUIVER_OPTS for the Quiver app only, e.g. -Dquiver.kafka.concurrency=32)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
ROUNDS=${2:-3}
TIMEOUT=${TIMEOUT:-120}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
QUIVER_OPTS=${QUIVER_OPTS:-}
MVN=(./mvnw -B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} -DskipTests -Daot-cache.skip=true -Dnative-sources.skip=true)
KL=eventing/kafka-local/target
QUIVER_APP=functions-examples/orders/target/quarkus-app/quarkus-run.jar
BARE_APP=bench/bare-orders/target/quarkus-app/quarkus-run.jar

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "# building: kafka-local, the orders example (with the runtime), the bare consumer"
  "${MVN[@]}" package -pl eventing/kafka-local,functions-examples/orders -am
  "${MVN[@]}" package -f bench/bare-orders/pom.xml
fi
[[ -d $KL/lib && -f $QUIVER_APP && -f $BARE_APP ]] || { echo "build failed: missing $KL/lib, $QUIVER_APP or $BARE_APP" >&2; exit 1; }

WORK=$(mktemp -d /tmp/quiver-kafka-trigger.XXXX)
PIDS=()
APP_PID=
cleanup() {
  [[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null || true
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

CP="$KL/lib/*"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/kafka-trigger/KafkaTriggerBench.java
driver() { java -Xmx256m -cp "$WORK/classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn KafkaTriggerBench "$@" 2>/dev/null; }

KPORT=$(free_port)
echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the machine)"
echo "# Kafka (KRaft, own JVM, -Xmx256m) on 127.0.0.1:$KPORT"
java -Xmx256m -cp "$KL/lib/*:$KL/classes" dev.quiver.kafka.local.KafkaLocalMain \
  --data-dir "$WORK/kafka" --port "$KPORT" --controller-port "$(free_port)" > "$WORK/kafka.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do grep -qs bootstrap.servers "$WORK/kafka.out" && break; sleep 0.5; done
grep -q bootstrap.servers "$WORK/kafka.out" || { cat "$WORK/kafka.out"; exit 1; }
BOOT=127.0.0.1:$KPORT

for _ in $(seq 20); do driver topic "$BOOT" orders 4 && break; sleep 1; done
driver topic "$BOOT" orders-dlq 1
echo "# $(driver produce "$BOOT" orders "$N") (topic orders, 4 partitions, 50 customer keys)"

run() { # app round -> prints the rate
  local app=$1 round=$2 results="results-$1-$2"
  driver topic "$BOOT" "$results" 4
  if [[ $app == quiver ]]; then
    java $JAVA_OPTS $QUIVER_OPTS -Dkafka.bootstrap.servers="$BOOT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$(free_port)" \
      -Dquiver.kafka.group="quiver-$round" -Dorders.results-topic="$results" -Dquarkus.log.level=WARN \
      -jar "$QUIVER_APP" > "$WORK/$app-$round.out" 2>&1 &
  else
    java $JAVA_OPTS -Dkafka.bootstrap.servers="$BOOT" -Dorders.group="bare-$round" \
      -Dorders.results-topic="$results" -Dquarkus.log.level=WARN -jar "$BARE_APP" > "$WORK/$app-$round.out" 2>&1 &
  fi
  APP_PID=$!
  local line
  line=$(driver watch "$BOOT" "$results" "$N" "$TIMEOUT")
  # CPU seconds the app used from its start until the 90 % mark (start-up included)
  local cpu
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14+$15)/hz}' "/proc/$APP_PID/stat" 2>/dev/null || echo "?")
  line="$line, app cpu ${cpu} s"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "$line" | sed -E 's/^rate=([0-9]+).*/\1/' > "$WORK/$app-$round.rate"
  printf 'round %d  %-6s %s\n' "$round" "$app" "${line#rate=}"
  if [[ $line == *timeout* ]]; then tail -20 "$WORK/$app-$round.out" >&2; fi
}

for round in $(seq "$ROUNDS"); do
  if (( round % 2 == 1 )); then run quiver "$round"; run bare "$round"; else run bare "$round"; run quiver "$round"; fi
done

stats() { sort -n | awk '{a[NR]=$1} END{printf "%d %d %d\n", a[int((NR+1)/2)], a[1], a[NR]}'; }
read -r QMED QMIN QMAX < <(cat "$WORK"/quiver-*.rate | stats)
read -r BMED BMIN BMAX < <(cat "$WORK"/bare-*.rate | stats)
echo "# records/s, median (min..max) of $ROUNDS runs, one instance each, $N orders"
printf 'quiver trigger  %6d  (%d..%d)\n' "$QMED" "$QMIN" "$QMAX"
printf 'bare messaging  %6d  (%d..%d)\n' "$BMED" "$BMIN" "$BMAX"
awk -v q="$QMED" -v b="$BMED" 'BEGIN{ if (b > 0) printf "ratio quiver/bare %.2f  (goal >= 0.50; and quiver >= 5000 records/s)\n", q/b }'
