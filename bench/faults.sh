#!/usr/bin/env bash
# The fault suite: each scenario injects one fault under load on real processes (a KRaft Kafka process, the broker's
# packaged app, a subscriber), then prints one line: events acknowledged (202), delivered at least once, lost
# (acknowledged, never delivered: must be 0), duplicated deliveries, refused (not acknowledged: the publisher retries
# those), and the time from the fault to the first delivery of an event accepted after it.
# Scenarios (bench/faults/src/main/java/dev/quiver/bench/faults/Scenario.java, the same the ITs run shorter):
#   broker-kill-9                  kill -9 of the broker mid-stream, restarted at once; its trigger was created
#                                  through the admin API and comes back from the triggers topic
#   kafka-kill-9                   kill -9 of Kafka, restarted on its data
#   broker-down-<outage>           the broker killed and kept down for OUTAGE (default 2 minutes)
#   subscriber-hang-20s            the subscriber answers nothing for 20 s
#   dispatcher-kafka-timeouts-20s  Kafka SIGSTOPped for 20 s: the dispatchers' Kafka calls time out (5 s)
#   sources-kill-9                 kill -9 of the sources (object store) during uploads, restarted on its data
#   uploads-broker-down-<outage>   the broker down for OUTAGE during uploads: the store's events must wait for it
# (the two upload scenarios count uploads answered 200 and their ObjectCreated events; lost = 0 holds because the
# sources acknowledge an upload only once its event is durable: the broker's 202 or their fsynced outbox)
# Then, on a real local platform (backends/local's fault ITs, run through Maven; skip with PLATFORM=0):
#   instance-kill-9                an instance SIGKILLed with requests in flight through the activator
#   platform-kill-9                the platform SIGKILLed under load with instances running, then restarted
# Exits 1 when a scenario lost an acknowledged event.
# Usage: bench/faults.sh [events=3000] [rate=200] [outage=PT2M] [only=broker-kill-9,kafka-kill-9]
#        (env: MVN_REPO=<maven repo>, SKIP_BUILD=1 to run what is built)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-3000}
RATE=${2:-200}
OUTAGE=${3:-PT2M}
ONLY=${4:-}
MVN=(./mvnw -B -q ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} -DskipTests -Daot-cache.skip=true -Dnative-sources.skip=true
  -Dquiver.image.skip=true)
BROKER_APP=eventing/broker/target/quarkus-app/quarkus-run.jar
FAULTS=bench/faults/target

if [[ -z ${SKIP_BUILD:-} ]]; then
  echo "# building: the broker, the sources, kafka-local, the fault suite"
  "${MVN[@]}" install -pl eventing/broker,eventing/sources,bench/faults -am
fi
[[ -f $BROKER_APP && -d $FAULTS/lib && -d $FAULTS/classes ]] || {
  echo "build failed: missing $BROKER_APP, $FAULTS/lib or $FAULTS/classes" >&2; exit 1; }

WORK=$PWD/$FAULTS/faults-run-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$WORK"
echo "# $(date -u +%FT%TZ) bench/faults.sh $EVENTS $RATE $OUTAGE ${ONLY} (logs: $WORK)"
status=0
java -Xmx256m -cp "$FAULTS/classes:$FAULTS/lib/*" -Dquiver.faults.broker-jar="$BROKER_APP" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  dev.quiver.bench.faults.FaultsMain --events "$EVENTS" --rate "$RATE" --outage "$OUTAGE" --settle PT4M \
  --dir "$WORK" ${ONLY:+--only "$ONLY"} || status=$?

if [[ ${PLATFORM:-1} != 0 && -z $ONLY ]]; then
  echo "# local platform scenarios (InstanceKillIT, PlatformKillIT; statuses of the requests answered after the kill)"
  if ./mvnw -B ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO} verify -pl backends/local -Daot-cache.skip=true \
      -Dnative-sources.skip=true -Dquiver.image.skip=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test='InstanceKillIT,PlatformKillIT' > "$WORK/platform-its.log" 2>&1; then
    grep -hE '^(instance|platform)-kill-9' "$WORK/platform-its.log" || true
  else
    echo "platform scenarios FAILED (see $WORK/platform-its.log)"; status=1
  fi
fi
exit $status
