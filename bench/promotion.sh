#!/usr/bin/env bash
# Warm-pool promotion, measured by an in-process Java client (bench/promotion/PromotionBench.java: one keep-alive
# JDK HTTP/1.1 client; no process per request): the first request to a function at zero whose warm-pool instance is
# promoted vs warm requests to the same instance right after, in each round; and the platform's split of the added
# latency (activator decision + promotion: arrival -> dispatch; the instance: dispatch -> first byte).
#   hello       the no-op function: what promotion itself adds
#   thumbnail   a function whose real path needs a service (the object store, ImageIO): its first request on a
#               promoted instance, which its warm-up hook (functions-examples/thumbnail ThumbnailWarmUp) prepared,
#               vs its warm request. Runs when eventing/sources and thumbnail are built: an object store (the sources
#               app, S3 API on loopback) holds one PNG; the event is the one the store would publish for it.
#
#   bench/promotion.sh [rounds=5] [warm=20]    (env: SKIP_BUILD=1 runs what is built; MVN_REPO=<maven repo>;
#                                               PLATFORM=<a quarkus-app folder of the platform>, OUT=<output folder>,
#                                               ONLY_HELLO=1 skips thumbnail; HELLO=<a quarkus-app folder of hello>;
#                                               PLATFORM_OPTS=<JVM options of the platform>;
#                                               HELLO_JVM_OPTIONS=<comma-separated JVM options of hello's instances>;
#                                               bench/promotion-ab.sh alternates two)
# Goals (issue 15): promotion adds <= 5 ms over a warm request; a promoted thumbnail's first request <= 2x its warm one.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
WARM=${2:-20}
ACTIVATOR_PORT=${ACTIVATOR_PORT:-18380}
CONTROL_PORT=${CONTROL_PORT:-18382}
S3_PORT=${S3_PORT:-18390}
SOURCES_PORT=${SOURCES_PORT:-18391}
OUT=${OUT:-"$ROOT/bench/out/promotion"}
rm -rf "$OUT"; mkdir -p "$OUT/classes"
MVN=(./mvnw -B -q -o ${MVN_REPO:+-Dmaven.repo.local=$MVN_REPO})
PLATFORM=${PLATFORM:-"$ROOT/backends/local/target/quarkus-app"}
HELLO=${HELLO:-"$ROOT/functions-examples/hello/target/quarkus-app"}
SOURCES="$ROOT/eventing/sources/target/quarkus-app/quarkus-run.jar"
THUMB="$ROOT/functions-examples/thumbnail/target/quarkus-app/quarkus-run.jar"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "==> building the platform, the object store, hello and thumbnail"
  (cd "$ROOT" && "${MVN[@]}" install -DskipTests -Dnative-sources.skip=true -Dquiver.image.skip=true \
     -pl backends/local,eventing/sources,functions-examples/hello,functions-examples/thumbnail -am)
fi
CP="$PLATFORM/lib/main/*"   # the control API's records and client (quiver-api) and Jackson, as the platform has them
javac -nowarn -d "$OUT/classes" -cp "$CP" "$ROOT/bench/promotion/PromotionBench.java"

echo "==> starting the platform"
# each promoted request's split in the platform log (ColdStartRecorder at DEBUG), read back per round below
java -Xmx256m -XX:+UseSerialGC ${PLATFORM_OPTS:-} \
  -Dquarkus.log.category.\"dev.quiver.control.activator.coldstart\".level=DEBUG -Dquarkus.http.port=$CONTROL_PORT -Dquiver.platform.activator.port=$ACTIVATOR_PORT \
  -Dquiver.platform.home="$ROOT" -Dquiver.platform.data-dir="$OUT/data" -jar "$PLATFORM/quarkus-run.jar" \
  >"$OUT/platform.log" 2>&1 &
PIDS=($!)
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null || true' EXIT
CONTROL="http://127.0.0.1:$CONTROL_PORT"
until curl -fs "$CONTROL/q/health/ready" >/dev/null 2>&1; do
  kill -0 "${PIDS[0]}" 2>/dev/null || { tail "$OUT/platform.log"; exit 1; }
  sleep 0.5
done
TOKEN=$(cat "$OUT/data/control-token")
deploy() { curl -fsS -X PUT "$CONTROL/v1/functions/$1" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/yaml' --data-binary @- >/dev/null; }
bench() { # function path body-file headers...
  local fn=$1 path=$2 bodyfile=$3; shift 3
  java -Xmx128m -cp "$OUT/classes:$CP" -Dquiver.token="$TOKEN" PromotionBench "$CONTROL" \
    "http://127.0.0.1:$ACTIVATOR_PORT" "$fn" "$path" "$ROUNDS" "$WARM" "$bodyfile" "$@" | tee -a "$OUT/driver.log"
}
SCALE="initialScale: 0, warmPool: 1, stableWindow: 6s, scaleToZeroGracePeriod: 0s, tickInterval: 500ms"

deploy hello <<YAML
name: hello
artifact: $HELLO/quarkus-run.jar
jvmOptions: [${HELLO_JVM_OPTIONS:-}]
scale: {$SCALE}
YAML
echo '{"name":"bench"}' >"$OUT/hello.json"
echo "==> hello: $ROUNDS rounds"
bench hello /hello "$OUT/hello.json" "Content-Type:application/json"
curl -fsS -X DELETE "$CONTROL/v1/functions/hello" -H "Authorization: Bearer $TOKEN" >/dev/null
# each promoted request as the platform saw it (a baseline platform without the DEBUG line prints nothing)
{ grep -ho "hello request (.*" "$OUT/platform.log" || true; } | sed 's/^/    platform: /'
# what the pool instances' warm-up cost (it delays their readiness, not a request): "Warm-up done: N call(s) ... in X ms"
{ grep -ho "Warm-up done: .* ms" "$OUT"/data/logs/hello*/*.log 2>/dev/null || true; } | sed -n '1,2p;$p' |
  sed 's/^/    hello instance log: /'

if [ -z "${ONLY_HELLO:-}" ] && [ -f "$SOURCES" ] && [ -f "$THUMB" ]; then
  echo "==> thumbnail: an object store with one image, $ROUNDS rounds"
  mkdir -p "$OUT/objects/photos/images"
  # a 640x480 PNG made by the JDK itself (ImageIO), written where the store keeps bucket photos, key images/bench.png
  cat >"$OUT/MakePng.java" <<'JAVA'
public class MakePng {
    public static void main(String[] a) throws Exception {
        var img = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        for (int x = 0; x < 640; x += 4) { g.setColor(new java.awt.Color(x % 256, (x * 7) % 256, 90)); g.fillRect(x, 0, 4, 480); }
        javax.imageio.ImageIO.write(img, "png", new java.io.File(a[0]));
    }
}
JAVA
  java -Djava.awt.headless=true "$OUT/MakePng.java" "$OUT/objects/photos/images/bench.png"
  java -Xmx256m -Dquarkus.http.port=$SOURCES_PORT -Dquarkus.http.host=127.0.0.1 -Dquiver.sources.s3.port=$S3_PORT \
    -Dquiver.sources.data-dir="$OUT/objects" -Dquiver.sources.access-key=bench -Dquiver.sources.secret-key=bench-secret \
    -Dquiver.sources.broker-url=http://127.0.0.1:9/none -jar "$SOURCES" >"$OUT/sources.log" 2>&1 &
  PIDS+=($!)
  until (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null; do sleep 0.5; done
  deploy thumbnail <<YAML
name: thumbnail
artifact: functions-examples/thumbnail/target/quarkus-app/quarkus-run.jar
properties:
  thumbnail.s3.endpoint: http://127.0.0.1:$S3_PORT
  thumbnail.s3.access-key: bench
  thumbnail.s3.secret-key: bench-secret
scale: {$SCALE}
YAML
  echo '{"eventName":"ObjectCreated:Put","awsRegion":"us-east-1","s3":{"bucket":{"name":"photos"},"object":{"key":"images/bench.png","size":1}}}' \
    >"$OUT/thumbnail.json"
  bench thumbnail / "$OUT/thumbnail.json" "Content-Type:application/json" "ce-specversion:1.0" "ce-id:bench-1" \
    "ce-type:com.amazonaws.s3.ObjectCreated:Put" "ce-source:/bench" "ce-subject:images/bench.png"
  # instance logs are per revision (logs/thumbnail-00001/...)
  { grep -h "Warm-up hook\|Object store warmed" "$OUT"/data/logs/thumbnail*/*.log 2>/dev/null || true; } | tail -2 |
    sed 's/^/    instance log: /'
else
  echo "==> thumbnail skipped: eventing/sources or functions-examples/thumbnail not built"
fi
grep '^SUMMARY' "$OUT/driver.log" | cut -d'|' -f2- >"$OUT/summary"
echo "  summary for bench/goals.sh: $OUT/summary (function|promoted|warm|added|added spread|decision+promotion|instance)"
