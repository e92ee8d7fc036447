# shellcheck shell=bash
# Sourced by ./quiver (it defines ROOT, DATA_DIR, the jar paths, step, bold, die, build, stale, need_java).
# ---------------------------------------------------------------------------------------------------------------
# The platform demo: the mission on one machine, each step checked (docs/platform.md)

now_ms() { date +%s%3N; }

# fn_field <function> <field>: a number from the control API's status JSON.
fn_field() {
  curl -s "$CONTROL/v1/functions/$1" | grep -o "\"$2\":[-0-9.]*" | head -n 1 | cut -d: -f2
}

# summary <function> <since ms> <key>: from the function's history since that moment.
summary() {
  curl -s "$CONTROL/v1/functions/$1/summary?since=$2" | grep "^$3=" | cut -d= -f2
}

# wait_until <seconds> <description> <command>...: progress dots; false on timeout.
wait_until() {
  local limit=$1 what=$2; shift 2
  local start=$SECONDS
  printf '    waiting: %s ' "$what"
  until "$@"; do
    if [ $((SECONDS - start)) -ge "$limit" ]; then echo " timed out after $limit s"; return 1; fi
    printf '.'; sleep 1
  done
  echo " ok ($((SECONDS - start)) s)"
}

DEMO_RESULTS=()
DEMO_FAILED=0
# result <step> <claim> <observed> <true|false>
result() {
  local verdict=PASS
  if [ "$4" != true ]; then verdict=FAIL; DEMO_FAILED=1; fi
  DEMO_RESULTS+=("$1|$2|$3|$verdict")
  echo "    $verdict: $3"
}

broker_metric() {
  curl -s "http://127.0.0.1:$BROKER_PORT/q/metrics" | grep -F "$1 " | awk '{print int($2)}' | head -n 1 | grep . || echo 0
}
events_warm() { [ "$(fn_field hello-events warm)" -ge 1 ] 2>/dev/null; }
orders_scaled() { [ "$(summary orders "$1" maxLag)" -gt 0 ] 2>/dev/null && [ "$(summary orders "$1" maxReady)" -ge 2 ] 2>/dev/null; }
orders_drained() { [ "$(fn_field orders lag)" = 0 ]; }
orders_zero() { [ "$(fn_field orders ready)" = 0 ] && [ "$(fn_field orders desired)" = 0 ] && [ "$(fn_field orders starting)" = 0 ]; }
fn_warm() { [ "$(fn_field "$1" warm)" -ge 1 ] 2>/dev/null; }
# a 16x16 orange PNG
DEMO_PNG=iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGP4H8BAEiJN9aiGUQ1DSgMAGC5PEBPkxiEAAAAASUVORK5CYII=
delivered_more() {
  [ "$(broker_metric 'quiver_trigger_events_total{result="delivered",trigger="fn-hello-events"}')" -gt "$1" ]
}
ingress_more() { [ "$(broker_metric 'quiver_ingress_events_total{broker="default",result="accepted"}')" -gt "$1" ]; }
warm_and_idle() { [ "$(fn_field hello warm)" -ge 1 ] 2>/dev/null && [ "$(fn_field hello ready)" = 0 ]; }
scaled_out() { [ "$(summary hello "$1" maxReady)" -ge 2 ] 2>/dev/null; }
at_zero() { [ "$(fn_field hello ready)" = 0 ] && [ "$(fn_field hello desired)" = 0 ] && [ "$(fn_field hello warm)" -ge 1 ]; }

# cold_text <function>: the activator's cold-start line, e.g. "warm 1/1 p50 31ms (wait 29 + served 2)".
cold_text() {
  curl -s "$CONTROL/v1/functions/$1" | grep -o '"coldStartText":"[^"]*"' | cut -d'"' -f4
}
# warm_served <function>: how many requests at no capacity a warm instance served.
warm_served() {
  local n; n=$(cold_text "$1" | sed -n 's/.*warm \([0-9]*\)\/.*/\1/p'); echo "${n:-0}"
}

# from_pool <step>: a request to hello at zero, served by promoting the warm instance.
from_pool() {
  local step=$1 promoted cold warm t0 ms out
  promoted=$(fn_field hello promotions); cold=$(fn_field hello coldStarts); warm=$(warm_served hello)
  t0=$(now_ms)
  out=$(curl -s -X POST "$ACTIVATOR/f/hello/hello" -H 'Content-Type: application/json' -d '{"name":"Ada"}') || true
  ms=$(( $(now_ms) - t0 ))
  echo "    $out  (${ms} ms; activator: $(cold_text hello); launch $(curl -s "$CONTROL/v1/functions/hello" | grep -o '"launch":"[^"]*"' | head -n 1 | cut -d'"' -f4))"
  local ok=false
  if [ "$out" = '{"message":"Hello Ada!"}' ] && [ "$(fn_field hello promotions)" -gt "$promoted" ] \
      && [ "$(fn_field hello coldStarts)" = "$cold" ] && [ "$(warm_served hello)" -gt "$warm" ]; then ok=true; fi
  result "$step" "a request at zero is served by the warm pool, no cold start" \
    "answered in $ms ms by a promoted pool instance (promotions $promoted -> $(fn_field hello promotions), cold starts $cold, recorded as served warm)" $ok
}

# burst <seconds> <parallel>: POST hello through the activator; prints "<ok> <total>".
burst() {
  local until=$((SECONDS + $1)) ok=0 total=0 codes
  while [ $SECONDS -lt "$until" ]; do
    codes=$(curl -s -Z --parallel-immediate --parallel-max "$2" --no-progress-meter -o /dev/null -w '%{http_code}\n' \
      -H 'Content-Type: application/json' -d '{"name":"burst"}' "$ACTIVATOR/f/hello/hello?n=[1-2000]" || true)
    ok=$((ok + $(grep -c '^200$' <<<"$codes" || true)))
    total=$((total + $(grep -c . <<<"$codes" || true)))
  done
  echo "$ok $total"
}

platform_demo() {
  local keep=false
  while [ $# -gt 0 ]; do
    case $1 in
      --keep) keep=true; shift ;;
      -h|--help) usage; return 0 ;;
      *) usage_error "demo: unknown option '$1'" ;;
    esac
  done
  need_java; need_curl
  local started=false
  if alive platform; then
    load_ports; step "Using the running platform ($CONTROL)"
  else
    up; started=true
    if ! $keep; then trap 'down' EXIT; fi
  fi
  load_ports
  step "Deploying the example functions"
  deploy "$ROOT/functions-examples/specs/hello.yaml" "$ROOT/functions-examples/specs/hello-events.yaml"
  local f
  for f in thumbnail orders; do
    if [ -f "$ROOT/functions-examples/specs/$f.yaml" ] && [ -f "$ROOT/functions-examples/$f/target/quarkus-app/quarkus-run.jar" ]; then
      deploy "$ROOT/functions-examples/specs/$f.yaml"
    fi
  done

  step "1. Scale from zero via the warm pool (hello: initialScale 0, warmPool 1)"
  if wait_until 180 "hello has a ready warm instance and none in traffic" warm_and_idle; then
    from_pool "1 from zero"
  else
    result "1 from zero" "a request at zero is served by the warm pool" "the warm instance never became ready" false
  fi

  step "2. A burst of HTTP requests -> panic scale-up"
  local since; since=$(now_ms)
  local counts; counts=$(burst 25 100)
  local ok=${counts% *} total=${counts#* }
  echo "    $ok of $total requests answered 200"
  wait_until 90 "more than one instance ready" scaled_out "$since" || true
  local panicked maxready maxdesired
  panicked=$(summary hello "$since" panicked); maxready=$(summary hello "$since" maxReady)
  maxdesired=$(summary hello "$since" maxDesired)
  local good=false
  [ "$panicked" = true ] && [ "${maxready:-0}" -ge 2 ] && [ "$ok" = "$total" ] && [ "$total" -gt 0 ] && good=true
  result "2 burst" "a burst panics the scaler and scales out, no request fails" \
    "panic=$panicked, desired up to $maxdesired, ready up to $maxready, $ok/$total OK" $good

  step "3. An event published to the broker -> trigger -> activator -> function at zero (hello-events)"
  if wait_until 180 "hello-events has a ready warm instance" events_warm; then
    local delivered; delivered=$(broker_metric 'quiver_trigger_events_total{result="delivered",trigger="fn-hello-events"}')
    publish --type dev.quiver.hello.requested --source /quiver/demo '{"name":"Event"}' >/dev/null
    if wait_until 60 "the broker delivered it" delivered_more "$delivered"; then
      result "3 broker event" "a published event reaches the function through its trigger" \
        "delivered by trigger fn-hello-events, served by a promoted pool instance (promotions $(fn_field hello-events promotions))" true
    else
      result "3 broker event" "a published event reaches the function" "not delivered within 60 s" false
    fi
  else
    result "3 broker event" "a published event reaches the function" "hello-events never had a warm instance" false
  fi

  step "4. Images uploaded -> object store -> CloudEvents on the broker (-> thumbnails)"
  if [ -f "$SOURCES_JAR" ] && alive sources; then
    local accepted; accepted=$(broker_metric 'quiver_ingress_events_total{broker="default",result="accepted"}')
    local thumbs=false
    if [ -f "$ROOT/functions-examples/thumbnail/target/quarkus-app/quarkus-run.jar" ]; then
      thumbs=true
      wait_until 180 "thumbnail has a ready warm instance" fn_warm thumbnail || true
    fi
    base64 -d >"$DATA_DIR/demo-image.png" <<<"$DEMO_PNG"
    upload "$DATA_DIR/demo-image.png" photos/images/demo.png
    if wait_until 30 "the upload's event reached the broker" ingress_more "$accepted"; then
      result "4 upload" "an upload becomes a CloudEvent on the broker" "object stored, event accepted by the broker" true
    else
      result "4 upload" "an upload becomes a CloudEvent on the broker" "no event within 30 s" false
    fi
    if $thumbs; then
      if wait_until 120 "photos/thumbnails/demo.png appears" s3_exists photos/thumbnails/demo.png; then
        result "4 thumbnail" "the thumbnail function writes the thumbnail" \
          "photos/thumbnails/demo.png written by thumbnail (promotions $(fn_field thumbnail promotions), cold starts $(fn_field thumbnail coldStarts))" true
      else
        result "4 thumbnail" "the thumbnail function writes the thumbnail" "no thumbnail within 120 s (./quiver logs thumbnail)" false
      fi
    else
      echo "    thumbnails: functions-examples/thumbnail is not built"
    fi
  else
    echo "    skipped: the object store (eventing/sources) is not running"
  fi

  step "5. A backlog of 10,000 orders on Kafka -> scale-out on lag, drain, back to zero"
  if [ -f "$ROOT/functions-examples/specs/orders.yaml" ] && [ -f "$ROOT/functions-examples/orders/target/quarkus-app/quarkus-run.jar" ]; then
    local osince; osince=$(now_ms)
    java -Xmx256m -Dslf4j.internal.verbosity=ERROR -cp "$KAFKA_CP" "$ROOT/backends/local/cli/ProduceOrders.java" "127.0.0.1:$KAFKA_PORT" 10000 | sed 's/^/    /'
    local scaled=false drained=false zero=false
    wait_until 180 "lag seen and orders scaled out" orders_scaled "$osince" && scaled=true
    wait_until 300 "backlog consumed (lag 0)" orders_drained && drained=true
    wait_until 120 "orders back to zero" orders_zero && zero=true
    local good=false
    $scaled && $drained && $zero && good=true
    result "5 orders lag" "10,000 orders: scale-out on lag, drain, back to zero" \
      "lag up to $(summary orders "$osince" maxLag), ready up to $(summary orders "$osince" maxReady), drained=$drained, zero=$zero" $good
  else
    echo "    skipped: functions-examples/orders is not built (functions-examples/specs/orders.yaml)"
  fi

  step "6. Idle -> scale to zero (stable window 10 s, grace 5 s), the warm pool kept"
  if wait_until 240 "hello at zero with its warm instance" at_zero; then
    result "6 to zero" "an idle function scales to zero and keeps its warm pool" \
      "ready 0, desired 0, warm $(fn_field hello warm)" true
    step "7. A request to the function at zero"
    from_pool "7 from zero again"
  else
    result "6 to zero" "an idle function scales to zero" "still ready $(fn_field hello ready)" false
  fi

  mkdir -p "$DATA_DIR"
  curl -s "$CONTROL/v1/report" -o "$DATA_DIR/demo-report.html" || true
  step "Summary"
  printf '    %-20s %-5s %s\n' STEP "" OBSERVED
  local r
  for r in "${DEMO_RESULTS[@]}"; do
    IFS='|' read -r s claim obs verdict <<<"$r"
    printf '    %-20s %-5s %s\n' "$s" "$verdict" "$obs"
  done
  api GET /v1/functions -H 'Accept: text/plain' | sed -n '/^Cold starts/,$p' | sed 's/^/    /' || true
  echo "    report (instances, concurrency, lag, cold starts): $DATA_DIR/demo-report.html"
  if $started && $keep; then echo "    the platform keeps running: ./quiver status; ./quiver down"; fi
  if [ "$DEMO_FAILED" = 0 ]; then bold "Demo passed."; else bold "Demo FAILED (see above)."; fi
  return $DEMO_FAILED
}

