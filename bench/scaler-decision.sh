#!/usr/bin/env bash
# Decision cost of the scaler core: one tick (record 2 s of traffic + decide) for 10,000 functions on one thread.
# Goal: under 50 ms per tick on one core. Builds the JMH jar if needed, then runs it pinned to one CPU.
#   bench/scaler-decision.sh                 # default: 10,000 functions
#   bench/scaler-decision.sh -p functions=1000,10000,50000
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/scaler-decision/target/scaler-benchmarks.jar
if [[ ! -f "$JAR" || -n "$(find scaler/core/src bench/scaler-decision/src -newer "$JAR" -type f -print -quit)" ]]; then
  echo "building $JAR ..." >&2
  ./mvnw -q -N install
  ./mvnw -q -pl bench/scaler-decision -am install -DskipTests
fi
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c 0); fi
"${PIN[@]}" java -jar "$JAR" DecisionBenchmark -t 1 "$@"
