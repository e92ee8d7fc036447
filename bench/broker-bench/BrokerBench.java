import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker benchmark's client (run by bench/broker-bench.sh; asserts nothing, prints figures).
 * <ul>
 * <li>{@code raw KAFKA SECS}: a plain Kafka producer with the broker's producer settings (acks=all, idempotent,
 * linger 1 ms), 1 KB records to a 10-partition topic, as fast as it can; acks counted for SECS seconds after a warm-up.</li>
 * <li>{@code ingress BROKER_URL SECS CONNECTIONS}: closed-loop HTTP load (1 KB binary-mode events), Vert.x client on
 * one event loop; used when wrk is not installed.</li>
 * <li>{@code e2e BROKER_URL SUBSCRIBER_PORT SECS RATE}: events at a fixed rate (open loop: latency counts from the
 * scheduled send time, so a slow broker cannot hide behind a slow client); a Vert.x subscriber answers 202 and
 * records the time from send to arrival; also the ingress 202 latency of the same events.</li>
 * </ul>
 */
public class BrokerBench {

    static final byte[] KB = new byte[1024];

    public static void main(String[] a) throws Exception {
        Arrays.fill(KB, (byte) 'x');
        switch (a[0]) {
            case "raw" -> raw(a[1], Integer.parseInt(a[2]));
            case "ingress" -> ingress(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            case "e2e" -> e2e(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "bare202" -> {
                bare202(Integer.parseInt(a[1]));
                return;
            }
            case "barekafka202" -> {
                bareKafka202(Integer.parseInt(a[1]), a[2], a[3]);
                return;
            }
            default -> throw new IllegalArgumentException(a[0]);
        }
        System.exit(0);
    }

    /**
     * The ingress goal's baseline: a bare Vert.x HTTP server (what Quarkus serves with, event loops as Quarkus sizes
     * them) that reads each body and answers 202; it runs until the process is killed.
     */
    static void bare202(int port) throws Exception {
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer()
                .requestHandler(req -> req.body().onComplete(b -> req.response().setStatusCode(202).end()))
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        System.out.println("bare202 listening on " + port);
    }

    /**
     * The nearest anchor of the broker's ingress: the same bare Vert.x server, but each body is sent to the broker's
     * own Kafka topic with the broker's producer settings (acks=all, idempotent, linger 1 ms, the same timeouts;
     * {@code -Dproducer.<key>=<value>} adds settings, as the broker's {@code quiver.broker.kafka.producer."<key>"})
     * and the 202 is sent only once Kafka acknowledged it (503 if it failed). The request's {@code ce-*} headers go
     * along as {@code ce_*} record headers, so Kafka stores records of the same size as the broker's. No parsing,
     * validation, hop clamp, metrics, routing or send queue: what the broker adds over this is its own cost.
     */
    static void bareKafka202(int port, String kafka, String topic) throws Exception {
        Map<String, Object> cfg = new HashMap<>(Map.of(
                "bootstrap.servers", kafka, "acks", "all", "enable.idempotence", "true", "linger.ms", "1",
                "max.block.ms", "10000", "delivery.timeout.ms", "10000", "request.timeout.ms", "9999",
                "client.id", "bare-kafka202"));
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("producer.")) {
                cfg.put(k.toString().substring("producer.".length()), v.toString());
            }
        });
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer());
        producer.partitionsFor(topic); // metadata known before the first request, as the broker's warm path
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer()
                .requestHandler(req -> req.body().onComplete(b -> {
                    if (b.failed()) {
                        req.response().setStatusCode(400).end();
                        return;
                    }
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, b.result().getBytes());
                    req.headers().forEach(h -> {
                        String name = h.getKey().toLowerCase(Locale.ROOT);
                        if (name.startsWith("ce-")) {
                            r.headers().add("ce_" + name.substring(3), h.getValue().getBytes(UTF_8));
                        } else if (name.equals("content-type")) {
                            r.headers().add("content-type", h.getValue().getBytes(UTF_8));
                        }
                    });
                    producer.send(r, (m, e) -> req.response().setStatusCode(e == null ? 202 : 503).end());
                }))
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        System.out.println("barekafka202 listening on " + port + " producing to " + topic + " with " + cfg);
    }

    static void raw(String kafka, int secs) throws Exception {
        String topic = "bench-raw-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 10, (short) 1))).all().get();
        }
        Map<String, Object> cfg = Map.of("bootstrap.servers", kafka, "acks", "all", "enable.idempotence", "true",
                "linger.ms", "1");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(cfg, new StringSerializer(),
                new ByteArraySerializer())) {
            // one stream of sends: a warm-up, then the acks counted during the measured window
            AtomicLong acked = new AtomicLong();
            long t0 = System.nanoTime();
            long from = t0 + TimeUnit.SECONDS.toNanos(Math.max(2, secs / 3));
            long to = from + TimeUnit.SECONDS.toNanos(secs);
            long atFrom = -1;
            long atTo = -1;
            while (atTo < 0) {
                p.send(new ProducerRecord<>(topic, KB), (m, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
                long now = System.nanoTime();
                if (atFrom < 0 && now >= from) {
                    atFrom = acked.get();
                } else if (now >= to) {
                    atTo = acked.get();
                }
            }
            System.out.printf("raw=%.0f%n", (atTo - atFrom) / (double) secs);
        }
    }

    static RequestOptions post(String url, String id, String type) {
        return new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .putHeader("ce-specversion", "1.0").putHeader("ce-id", id).putHeader("ce-source", "/bench")
                .putHeader("ce-type", type).putHeader("content-type", "text/plain");
    }

    static void ingress(String url, int secs, int connections) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        Buffer body = Buffer.buffer(KB);
        AtomicLong ok = new AtomicLong();
        AtomicLong bad = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
        CountDownLatch done = new CountDownLatch(connections);
        AtomicLong seq = new AtomicLong();
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> {
            if (System.nanoTime() >= end) {
                done.countDown();
                return;
            }
            client.request(post(url, "l" + seq.incrementAndGet(), "bench.load"))
                    .compose(req -> req.send(body)).compose(res -> res.body().map(b -> res.statusCode()))
                    .onComplete(ar -> {
                        (ar.succeeded() && ar.result() == 202 ? ok : bad).incrementAndGet();
                        loop[0].run();
                    });
        };
        long t0 = System.nanoTime();
        Context ctx = vertx.getOrCreateContext();
        for (int i = 0; i < connections; i++) {
            ctx.runOnContext(v -> loop[0].run());
        }
        done.await();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ingress=%.0f non202=%d%n", ok.get() / s, bad.get());
        vertx.close();
    }

    static void e2e(String url, int sport, int secs, int rate) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        List<Long> e2e = Collections.synchronizedList(new ArrayList<>());
        HttpServer sub = vertx.createHttpServer().requestHandler(req -> {
            String sent = req.getHeader("ce-benchsent");
            if (sent != null && req.getHeader("ce-id").startsWith("e")) {
                e2e.add(System.nanoTime() - Long.parseLong(sent));
            }
            req.body().onComplete(b -> req.response().setStatusCode(202).end());
        });
        sub.listen(sport, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(64));
        Context ctx = vertx.getOrCreateContext();
        // warm-up (not counted): the broker's delivery path and this client get JIT-compiled
        fixedRate(ctx, client, url, rate, Math.max(5, secs), "w", new ArrayList<>(), new AtomicLong());
        e2e.clear();
        List<Long> ingress = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bad = new AtomicLong();
        int total = fixedRate(ctx, client, url, rate, secs, "e", ingress, bad);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (e2e.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> e = sorted(e2e);
        List<Long> in = sorted(ingress);
        System.out.printf("delivered=%d/%d non202=%d e2e_p50=%.1f e2e_p99=%.1f e2e_max=%.1f ingress_p50=%.1f"
                + " ingress_p99=%.1f%n", e.size(), total, bad.get(), pct(e, 50), pct(e, 99), pct(e, 100),
                pct(in, 50), pct(in, 99));
        vertx.close();
    }

    /** Sends rate*secs events at fixed times; each one's latency counts from its scheduled time. */
    static int fixedRate(Context ctx, HttpClient client, String url, int rate, int secs, String prefix,
            List<Long> ingress, AtomicLong bad) {
        Buffer body = Buffer.buffer("hi");
        int total = rate * secs;
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = prefix + i;
            ctx.runOnContext(v -> client.request(post(url, id, "bench.e2e").putHeader("ce-benchsent",
                            Long.toString(due)))
                    .compose(req -> req.send(body)).compose(res -> res.body().map(b -> res.statusCode()))
                    .onComplete(ar -> {
                        if (ar.succeeded() && ar.result() == 202) {
                            ingress.add(System.nanoTime() - due);
                        } else {
                            bad.incrementAndGet();
                        }
                    }));
        }
        return total;
    }

    static List<Long> sorted(List<Long> l) {
        List<Long> s = new ArrayList<>(l);
        Collections.sort(s);
        return s;
    }

    static double pct(List<Long> s, int p) {
        return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }
}
