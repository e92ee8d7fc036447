#!/usr/bin/env bash
# Broker benchmark on one real Kafka (KRaft, single node): raw Kafka producer throughput vs broker ingress
# throughput over HTTP, and end-to-end latency p50/p99 (ingress -> Kafka -> dispatcher -> trivial subscriber)
# at a fixed rate. Prints figures; asserts nothing.
# Needs: ./mvnw -q -f eventing/pom.xml install -DskipTests   (builds kafka-local/target/lib and the broker app)
# Usage: bench/broker-bench.sh [seconds=10] [rate=200]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
RATE=${2:-200}
KL=eventing/kafka-local/target
APP=eventing/broker/target/quarkus-app/quarkus-run.jar
[[ -d $KL/lib && -f $APP ]] || { echo "build first: ./mvnw -q -f eventing/pom.xml install -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d /tmp/quiver-broker-bench.XXXX)
KPORT=${KPORT:-19092}; BPORT=${BPORT:-18080}; SPORT=${SPORT:-18091}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "# Kafka (KRaft, in its own JVM, -Xmx256m) on 127.0.0.1:$KPORT"
java -Xmx256m -cp "$KL/lib/*:$KL/classes" dev.quiver.kafka.local.KafkaLocalMain \
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
echo "# broker on :$BPORT"
java -Xmx512m -Dquarkus.http.port="$BPORT" -Dkafka.bootstrap.servers="127.0.0.1:$KPORT" \
  -Dquiver.broker.triggers-file="$WORK/triggers.yaml" -Dquarkus.log.level=WARN -jar "$APP" > "$WORK/broker.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$BPORT/admin/v1/triggers/bench" | grep -q '"ready":true' && break; sleep 0.5; done

cat > "$WORK/BrokerBench.java" <<'JAVA'
import com.sun.net.httpserver.HttpServer;
import java.net.*;
import java.net.http.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;

public class BrokerBench {
  public static void main(String[] a) throws Exception {
    String kafka = a[0]; String broker = a[1]; int sport = Integer.parseInt(a[2]);
    int secs = Integer.parseInt(a[3]); int rate = Integer.parseInt(a[4]);
    byte[] kb = new byte[1024]; Arrays.fill(kb, (byte) 'x');
    String body = new String(kb);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
      admin.createTopics(List.of(new NewTopic("bench-raw", 10, (short) 1))).all().get();
    }
    int n = 100_000;
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka, "acks", "all",
        "linger.ms", "1"), new StringSerializer(), new ByteArraySerializer())) {
      long t0 = System.nanoTime();
      CountDownLatch done = new CountDownLatch(n);
      for (int i = 0; i < n; i++) p.send(new ProducerRecord<>("bench-raw", kb), (m, e) -> done.countDown());
      done.await();
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("raw Kafka producer (1 KB, acks=all, 10 partitions): %.0f records/s%n", n / s);
    }

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int concurrency = 32;
    AtomicLong ok = new AtomicLong(), bad = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(secs).toNanos();
    Semaphore inflight = new Semaphore(concurrency);
    long t0 = System.nanoTime();
    AtomicLong seq = new AtomicLong();
    while (System.nanoTime() < end) {
      inflight.acquire();
      HttpRequest r = HttpRequest.newBuilder(URI.create(broker + "/default")).header("ce-specversion", "1.0")
          .header("ce-id", "t" + seq.incrementAndGet()).header("ce-source", "/bench").header("ce-type", "bench.load")
          .header("content-type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build();
      http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((res, e) -> {
        if (e == null && res.statusCode() == 202) ok.incrementAndGet(); else bad.incrementAndGet();
        inflight.release();
      });
    }
    inflight.acquire(concurrency);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("broker ingress over HTTP (1 KB binary mode, %d concurrent, 202 after acks=all): %.0f events/s"
        + " (%d non-202)%n", concurrency, ok.get() / s, bad.get());

    List<Long> lat = Collections.synchronizedList(new ArrayList<>());
    HttpServer sub = HttpServer.create(new InetSocketAddress("127.0.0.1", sport), 0);
    sub.createContext("/", ex -> {
      String time = ex.getRequestHeaders().getFirst("ce-time");
      if (time != null) lat.add(Duration.between(OffsetDateTime.parse(time).toInstant(), Instant.now()).toNanos());
      ex.getRequestBody().readAllBytes();
      ex.sendResponseHeaders(202, -1);
      ex.close();
    });
    sub.setExecutor(Executors.newFixedThreadPool(8));
    sub.start();
    int total = rate * secs;
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) LockSupport.parkNanos(wait);
      HttpRequest r = HttpRequest.newBuilder(URI.create(broker + "/default")).header("ce-specversion", "1.0")
          .header("ce-id", "e" + i).header("ce-source", "/bench").header("ce-type", "bench.e2e")
          .header("ce-time", OffsetDateTime.now(ZoneOffset.UTC).toString())
          .header("content-type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build();
      http.sendAsync(r, HttpResponse.BodyHandlers.discarding());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (lat.size() < total && System.nanoTime() < deadline) Thread.sleep(100);
    sub.stop(0);
    List<Long> sorted = new ArrayList<>(lat); Collections.sort(sorted);
    System.out.printf("end-to-end ingress -> subscriber at %d events/s for %d s: delivered %d/%d, p50 %.1f ms,"
        + " p99 %.1f ms, max %.1f ms%n", rate, secs, sorted.size(), total, pct(sorted, 50), pct(sorted, 99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    System.exit(0);
  }
  static double pct(List<Long> s, int p) {
    return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
  }
}
JAVA
sed -i 's/import java.util.concurrent.atomic.\*;/import java.util.concurrent.atomic.*;\nimport java.util.concurrent.locks.LockSupport;/' "$WORK/BrokerBench.java"
java -Xmx512m -cp "$KL/lib/*" "$WORK/BrokerBench.java" "127.0.0.1:$KPORT" "http://127.0.0.1:$BPORT" "$SPORT" "$SECS" "$RATE"
