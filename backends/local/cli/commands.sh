# shellcheck shell=bash
# Sourced by ./quiver (it defines ROOT, DATA_DIR, the jar paths, step, bold, die, build, stale, need_java).
# ---------------------------------------------------------------------------------------------------------------
# The local platform: up, down, deploy, ls, status, invoke, publish, upload, logs (docs/platform.md)

usage_error() { printf 'quiver: %s (see ./quiver help)\n' "$*" >&2; exit 2; }

# Ports: flags of 'up' > environment > what the running platform saved > defaults.
load_ports() {
  local saved="$DATA_DIR/ports.env"
  # shellcheck disable=SC1090
  [ -f "$saved" ] && . "$saved"
  ACTIVATOR_PORT=${QUIVER_ACTIVATOR_PORT:-${ACTIVATOR_PORT:-8080}}
  BROKER_PORT=${QUIVER_BROKER_PORT:-${BROKER_PORT:-8081}}
  CONTROL_PORT=${QUIVER_CONTROL_PORT:-${CONTROL_PORT:-8082}}
  SOURCES_PORT=${QUIVER_SOURCES_PORT:-${SOURCES_PORT:-8083}}
  S3_PORT=${QUIVER_S3_PORT:-${S3_PORT:-9000}}
  KAFKA_PORT=${QUIVER_KAFKA_PORT:-${KAFKA_PORT:-9092}}
  CONTROL="http://127.0.0.1:$CONTROL_PORT"
  ACTIVATOR="http://127.0.0.1:$ACTIVATOR_PORT"
}

need_curl() { command -v curl >/dev/null 2>&1 || die "curl not found: install curl"; }

need_platform() {
  need_curl
  load_ports
  curl -fs -o /dev/null --max-time 3 "$CONTROL/q/health/ready" 2>/dev/null || {
    printf 'quiver: the platform is not running (no answer on %s); start it with ./quiver up\n' "$CONTROL" >&2
    exit 3
  }
}

ensure_platform() {
  local modules=()
  stale "$PLATFORM_JAR" "$ROOT/backends/local/src/main" "$ROOT/scaler/core/src/main" && modules+=(backends/local)
  stale "$BROKER_JAR" "$ROOT/eventing/broker/src/main" && modules+=(eventing/broker)
  if [ ! -d "$ROOT/eventing/kafka-local/target/lib" ] \
      || stale "$ROOT/eventing/kafka-local/target/classes/dev/quiver/kafka/local/KafkaLocalMain.class" \
         "$ROOT/eventing/kafka-local/src/main"; then
    modules+=(eventing/kafka-local)
  fi
  stale "$HELLO_JAR" "$ROOT/runtime/src/main" "$ROOT/functions-examples/hello/src/main" && modules+=(functions-examples/hello)
  if [ -f "$ROOT/eventing/sources/pom.xml" ] && grep -q '<module>sources</module>' "$ROOT/eventing/pom.xml"; then
    stale "$SOURCES_JAR" "$ROOT/eventing/sources/src/main" && modules+=(eventing/sources)
  fi
  local f
  for f in thumbnail orders; do
    if [ -f "$ROOT/functions-examples/$f/pom.xml" ] && grep -q "<module>$f</module>" "$ROOT/functions-examples/pom.xml"; then
      stale "$ROOT/functions-examples/$f/target/quarkus-app/quarkus-run.jar" "$ROOT/functions-examples/$f/src/main" \
        "$ROOT/runtime/src/main" && modules+=("functions-examples/$f")
    fi
  done
  if [ ${#modules[@]} -gt 0 ]; then build "$(IFS=,; echo "${modules[*]}")"; fi
}

pid_of() { local f="$DATA_DIR/pids/$1.pid"; [ -f "$f" ] && cat "$f"; }

# alive <name>: its pid file names a live process started by 'quiver up' (marked -Dquiver.component=<name>).
alive() {
  local pid; pid=$(pid_of "$1") || return 1
  [ -n "$pid" ] && ps -p "$pid" -o args= 2>/dev/null | grep -q -- "-Dquiver.component=$1"
}

# launch <name> <command>...: start in the background, detached from this terminal; log in logs/<name>.log.
launch() {
  local name=$1; shift
  mkdir -p "$DATA_DIR/pids" "$DATA_DIR/logs"
  nohup setsid "$@" >"$DATA_DIR/logs/$name.log" 2>&1 < /dev/null &
  echo $! >"$DATA_DIR/pids/$name.pid"
}

# await <name> <seconds> <probe command>...: progress dots until the probe succeeds.
await_up() {
  local name=$1 limit=$2; shift 2
  local start=$SECONDS
  printf '    %-10s' "$name"
  until "$@" >/dev/null 2>&1; do
    alive "$name" || { echo; tail -n 30 "$DATA_DIR/logs/$name.log" >&2; die "$name stopped during start-up; log: $DATA_DIR/logs/$name.log"; }
    [ $((SECONDS - start)) -lt "$limit" ] || { echo; die "$name not ready after $limit s; log: $DATA_DIR/logs/$name.log"; }
    printf '.'; sleep 0.5
  done
  printf ' ready (%d s)\n' $((SECONDS - start))
}

port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    die "port $1 ($2) is in use; choose another with --$2-port N, or stop what uses it (./quiver down?)"
  fi
}

up() {
  local functions=""
  while [ $# -gt 0 ]; do
    case $1 in
      --activator-port) QUIVER_ACTIVATOR_PORT=${2:?}; shift 2 ;;
      --broker-port) QUIVER_BROKER_PORT=${2:?}; shift 2 ;;
      --control-port) QUIVER_CONTROL_PORT=${2:?}; shift 2 ;;
      --sources-port) QUIVER_SOURCES_PORT=${2:?}; shift 2 ;;
      --s3-port) QUIVER_S3_PORT=${2:?}; shift 2 ;;
      --kafka-port) QUIVER_KAFKA_PORT=${2:?}; shift 2 ;;
      --functions) functions=${2:?--functions needs a directory}; shift 2 ;;
      -h|--help) usage; return 0 ;;
      *) usage_error "up: unknown option '$1'" ;;
    esac
  done
  need_java; need_curl
  if alive platform; then load_ports; die "the platform is already running (control API $CONTROL); ./quiver down first"; fi
  rm -f "$DATA_DIR/ports.env"
  load_ports
  local p
  for p in ACTIVATOR BROKER CONTROL SOURCES S3 KAFKA; do
    local v="${p}_PORT"; [[ ${!v} =~ ^[0-9]+$ ]] || usage_error "up: --$(echo "$p" | tr 'A-Z' 'a-z')-port must be a number"
  done
  ensure_platform
  port_free "$KAFKA_PORT" kafka; port_free "$((KAFKA_PORT + 1))" kafka; port_free "$BROKER_PORT" broker
  port_free "$CONTROL_PORT" control; port_free "$ACTIVATOR_PORT" activator
  local sources=false
  if [ -f "$SOURCES_JAR" ]; then sources=true; port_free "$SOURCES_PORT" sources; port_free "$S3_PORT" s3; fi
  mkdir -p "$DATA_DIR"
  cat >"$DATA_DIR/ports.env" <<PORTS
ACTIVATOR_PORT=$ACTIVATOR_PORT
BROKER_PORT=$BROKER_PORT
CONTROL_PORT=$CONTROL_PORT
SOURCES_PORT=$SOURCES_PORT
S3_PORT=$S3_PORT
KAFKA_PORT=$KAFKA_PORT
PORTS
  step "Starting the Quiver platform (logs: $DATA_DIR/logs)"
  trap 'echo "quiver: start-up failed; stopping what was started" >&2; down >&2' EXIT
  launch kafka java -Xmx256m -XX:+UseSerialGC -Dquiver.component=kafka -cp "$KAFKA_CP" dev.quiver.kafka.local.KafkaLocalMain \
    --data-dir "$DATA_DIR/kafka" --port "$KAFKA_PORT" --controller-port "$((KAFKA_PORT + 1))"
  await_up kafka 120 grep -q '^bootstrap.servers=' "$DATA_DIR/logs/kafka.log"
  launch broker java -Xmx512m -XX:+UseSerialGC -Dquiver.component=broker -Dquarkus.http.port="$BROKER_PORT" \
    -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" \
    "-Dquiver.broker.function-url-template=http://127.0.0.1:$ACTIVATOR_PORT/f/{name}/" -jar "$BROKER_JAR"
  if $sources; then
    launch sources java -Xmx256m -XX:+UseSerialGC -Dquiver.component=sources -Dquarkus.http.port="$SOURCES_PORT" \
      -Dquiver.sources.s3.port="$S3_PORT" -Dquiver.sources.data-dir="$DATA_DIR/objects" \
      -Dquiver.sources.broker-url="http://127.0.0.1:$BROKER_PORT/default" -jar "$SOURCES_JAR"
  fi
  launch platform java -Xmx256m -XX:+UseSerialGC -Dquiver.component=platform -Dquarkus.http.port="$CONTROL_PORT" \
    -Dquiver.platform.activator.port="$ACTIVATOR_PORT" -Dquiver.platform.home="$ROOT" \
    -Dquiver.platform.data-dir="$DATA_DIR" -Dquiver.platform.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" \
    -Dquiver.platform.broker.url="http://127.0.0.1:$BROKER_PORT" -jar "$PLATFORM_JAR"
  await_up broker 120 curl -fs "http://127.0.0.1:$BROKER_PORT/q/health/ready"
  if $sources; then await_up sources 120 curl -fs "http://127.0.0.1:$SOURCES_PORT/q/health/ready"; fi
  await_up platform 120 curl -fs "$CONTROL/q/health/ready"
  trap - EXIT
  bold "Quiver is up."
  echo "    activator (functions)  $ACTIVATOR/f/<function>/...  or  Host: <function>.quiver.localhost"
  echo "    control API            $CONTROL/v1/functions   (metrics: $CONTROL/q/metrics)"
  echo "    broker ingress         http://127.0.0.1:$BROKER_PORT/default"
  if $sources; then
    echo "    object store (S3)      http://127.0.0.1:$S3_PORT   (access key quiver / quiver-secret)"
  else
    echo "    object store           not built yet (eventing/sources)"
  fi
  echo "    Kafka                  127.0.0.1:$KAFKA_PORT"
  echo "    next: ./quiver deploy functions-examples/specs/hello.yaml && ./quiver invoke hello '{\"name\":\"Ada\"}'"
  if [ -n "$functions" ]; then deploy "$functions"; fi
}

# stop_component <name> <seconds>: SIGTERM, then SIGKILL after the grace.
stop_component() {
  local name=$1 grace=$2
  alive "$name" || { rm -f "$DATA_DIR/pids/$name.pid"; return 0; }
  local pid; pid=$(pid_of "$name")
  printf '    %-10s' "$name"
  kill -TERM "$pid" 2>/dev/null || true
  local start=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if [ $((SECONDS - start)) -ge "$grace" ]; then kill -KILL "$pid" 2>/dev/null || true; printf ' killed'; break; fi
    printf '.'; sleep 0.5
  done
  rm -f "$DATA_DIR/pids/$name.pid"
  echo " stopped"
}

down() {
  [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ] && { usage; return 0; }
  if ! alive platform && ! alive broker && ! alive kafka && ! alive sources; then
    echo "quiver: nothing is running"; return 0
  fi
  step "Stopping the Quiver platform"
  stop_component platform 45
  stop_component sources 20
  stop_component broker 20
  stop_component kafka 30
  rm -f "$DATA_DIR/ports.env"
}

# api <method> <path> [curl args]: the control API; prints the body, fails on HTTP >= 400 after printing it.
api() {
  local method=$1 path=$2; shift 2
  local out code
  out=$(curl -s -w '\n%{http_code}' -X "$method" "$CONTROL$path" "$@") || die "no answer from the control API ($CONTROL)"
  code=${out##*$'\n'}
  out=${out%$'\n'*}
  printf '%s' "$out"
  [ "$code" -lt 400 ]
}

pretty() { if command -v jq >/dev/null 2>&1; then jq .; else cat; echo; fi; }

deploy() {
  [ $# -gt 0 ] || usage_error "deploy: name a function YAML file or a directory of them"
  need_platform
  local files=() arg f failed=0
  for arg in "$@"; do
    if [ -d "$arg" ]; then
      while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -maxdepth 1 -name '*.y*ml' | sort)
    elif [ -f "$arg" ]; then files+=("$arg")
    else usage_error "deploy: no such file or directory: $arg"; fi
  done
  [ ${#files[@]} -gt 0 ] || usage_error "deploy: no *.yaml in $*"
  for f in "${files[@]}"; do
    local out code
    # ${QUIVER_<X>_PORT} in a spec is the platform's port (e.g. the object store's endpoint)
    out=$(sed -e "s|\${QUIVER_S3_PORT}|$S3_PORT|g; s|\${QUIVER_BROKER_PORT}|$BROKER_PORT|g" \
        -e "s|\${QUIVER_KAFKA_PORT}|$KAFKA_PORT|g; s|\${QUIVER_ACTIVATOR_PORT}|$ACTIVATOR_PORT|g" "$f" \
      | curl -s -w '\n%{http_code}' -X POST "$CONTROL/v1/functions" -H 'Content-Type: application/yaml' \
      --data-binary @-) || die "no answer from the control API ($CONTROL)"
    code=${out##*$'\n'}; out=${out%$'\n'*}
    case $code in
      201) echo "created  $f" ;;
      200) echo "updated  $f" ;;
      *) failed=1; echo "FAILED   $f (HTTP $code)" >&2
         printf '%s\n' "$out" | sed -E 's/.*"problems":\[(.*)\].*/\1/; s/","/\n/g; s/\\"/'"'"'/g; s/"//g' | sed 's/^/    /' >&2 ;;
    esac
  done
  return $failed
}

delete_fn() {
  [ $# -eq 1 ] || usage_error "delete: name one function"
  need_platform
  api DELETE "/v1/functions/$1" >/dev/null || die "no function '$1' is deployed"
  echo "deleted  $1"
}

ls_fns() {
  need_platform
  api GET /v1/functions -H 'Accept: text/plain'
}

status() {
  need_platform
  if [ $# -eq 0 ]; then api GET /v1/functions -H 'Accept: text/plain'; return; fi
  api GET "/v1/functions/$1" | pretty || die "no function '$1' is deployed"
}

invoke() {
  local fn="" body="" path=""
  while [ $# -gt 0 ]; do
    case $1 in
      --path) path=${2:?--path needs a value}; shift 2 ;;
      -h|--help) usage; return 0 ;;
      *) if [ -z "$fn" ]; then fn=$1; elif [ -z "$body" ]; then body=$1; else usage_error "invoke: too many arguments"; fi; shift ;;
    esac
  done
  [ -n "$fn" ] || usage_error "invoke: name the function"
  need_platform
  [ -n "$path" ] || path="/$fn"
  local out code
  out=$(curl -s -w '\n%{http_code}' -X POST "$ACTIVATOR/f/$fn$path" -H 'Content-Type: application/json' \
    -d "${body:-{\}}") || die "no answer from the activator ($ACTIVATOR)"
  code=${out##*$'\n'}; out=${out%$'\n'*}
  printf '%s\n' "$out"
  [ "$code" -lt 400 ] || { echo "quiver: HTTP $code" >&2; return 1; }
}

publish() {
  local type="" source="/quiver/cli" id="" broker=default data="{}"
  while [ $# -gt 0 ]; do
    case $1 in
      --type) type=${2:?}; shift 2 ;;
      --source) source=${2:?}; shift 2 ;;
      --id) id=${2:?}; shift 2 ;;
      --broker) broker=${2:?}; shift 2 ;;
      -h|--help) usage; return 0 ;;
      *) data=$1; shift ;;
    esac
  done
  [ -n "$type" ] || usage_error "publish: --type is required"
  need_curl; load_ports
  [ -n "$id" ] || id="cli-$(date +%s%N)"
  local code
  code=$(curl -s -o "$DATA_DIR/publish.out" -w '%{http_code}' -X POST "http://127.0.0.1:$BROKER_PORT/$broker" \
    -H 'ce-specversion: 1.0' -H "ce-id: $id" -H "ce-type: $type" -H "ce-source: $source" \
    -H 'Content-Type: application/json' -d "$data") || { echo "quiver: the broker is not running (http://127.0.0.1:$BROKER_PORT); ./quiver up" >&2; exit 3; }
  [ "$code" = 202 ] || { cat "$DATA_DIR/publish.out" >&2; echo; die "the broker answered HTTP $code"; }
  echo "published $type ($id) to broker $broker"
}

upload() {
  [ $# -eq 2 ] || usage_error "upload: ./quiver upload <file> <bucket/key>"
  [ -f "$1" ] || usage_error "upload: no such file: $1"
  need_curl; load_ports
  curl -fs -o /dev/null --max-time 3 "http://127.0.0.1:$SOURCES_PORT/q/health/ready" 2>/dev/null || {
    echo "quiver: the object store is not running (http://127.0.0.1:$SOURCES_PORT); ./quiver up (needs eventing/sources)" >&2; exit 3; }
  local bucket=${2%%/*} key=${2#*/} code sign
  [ -n "$bucket" ] && [ -n "$key" ] && [ "$key" != "$2" ] || usage_error "upload: the target is <bucket>/<key>, was '$2'"
  sign=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "${QUIVER_S3_ACCESS_KEY:-quiver}:${QUIVER_S3_SECRET_KEY:-quiver-secret}")
  # the bucket (an existing one answers 409, fine)
  curl -s -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/$bucket" "${sign[@]}" \
    -H "x-amz-content-sha256: $(printf '' | sha256sum | cut -d' ' -f1)" || true
  code=$(curl -s -o "$DATA_DIR/upload.out" -w '%{http_code}' -T "$1" "http://127.0.0.1:$S3_PORT/$bucket/$key" "${sign[@]}" \
    -H "x-amz-content-sha256: $(sha256sum "$1" | cut -d' ' -f1)")
  [ "$code" -lt 300 ] || { cat "$DATA_DIR/upload.out" >&2; echo >&2; die "the object store answered HTTP $code"; }
  echo "uploaded $1 to s3://$2"
}

# s3_exists <bucket/key>: the object store has it.
s3_exists() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' -I "http://127.0.0.1:$S3_PORT/$1" --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "${QUIVER_S3_ACCESS_KEY:-quiver}:${QUIVER_S3_SECRET_KEY:-quiver-secret}" \
    -H "x-amz-content-sha256: $(printf '' | sha256sum | cut -d' ' -f1)")" = 200 ]
}

logs() {
  local what="" lines=50
  while [ $# -gt 0 ]; do
    case $1 in
      --lines|-n) lines=${2:?}; shift 2 ;;
      -h|--help) usage; return 0 ;;
      *) what=$1; shift ;;
    esac
  done
  [ -n "$what" ] || usage_error "logs: name a function or platform|broker|kafka|sources"
  case $what in
    platform|broker|kafka|sources)
      [ -f "$DATA_DIR/logs/$what.log" ] || die "no $what log in $DATA_DIR/logs"
      tail -n "$lines" "$DATA_DIR/logs/$what.log" ;;
    *) need_platform; api GET "/v1/functions/$what/logs?lines=$lines" || die "no function '$what' is deployed" ;;
  esac
}

