package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.broker.BrokerProcess;
import dev.quiver.broker.KafkaTopicReader;
import dev.quiver.broker.TestSubscriber;
import dev.quiver.kafka.local.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two broker replicas on one Kafka, each following the one compacted-topic store of every kind: a KafkaSink, a
 * PingSource and a Knative Broker (with a trigger on it) applied through replica A work on replica B without a
 * restart; once A is gone B alone fires the PingSource; and a restarted B still has the applied Broker and delivers
 * its trigger's events.
 */
class StoresFollowingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, String> config() {
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quiver.broker.partitions", "1",
                "quiver.broker.kafka.send-timeout", "PT5S",
                "quiver.broker.kafka.consumer.\"session.timeout.ms\"", "6000");
    }

    @Test
    void documentsAppliedThroughOneReplicaWorkOnTheOtherAndSurviveItsRestart() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        try (TestSubscriber subscriber = new TestSubscriber()) {
            BrokerProcess a = BrokerProcess.start(config(), dir.resolve("a.log"));
            BrokerProcess b = BrokerProcess.start(config(), dir.resolve("b.log"));
            try {
                await().atMost(WAIT).until(() -> a.get("/q/health/ready") == 200);
                await().atMost(WAIT).until(() -> b.get("/q/health/ready") == 200);

                // a KafkaSink applied through A takes events on B
                assertThat(post(a, "kafkasinks", """
                                {"apiVersion":"eventing.knative.dev/v1alpha1","kind":"KafkaSink",
                                 "metadata":{"name":"out"},"spec":{"topic":"follow-out"}}""").statusCode()).isEqualTo(201);
                await().atMost(WAIT).until(() -> b.get("/admin/v1/kafkasinks/out") == 200);
                assertThat(sendEvent(b, "/sinks/out", "through-b")).isEqualTo(202);
                List<ConsumerRecord<String, byte[]>> written = KafkaTopicReader.await(
                        kafka.bootstrapServers(),
                        "follow-out",
                        r -> "through-b".equals(KafkaTopicReader.header(r, "ce_id")),
                        1);
                assertThat(written).hasSize(1);

                // a PingSource applied through A runs on B
                assertThat(post(a, "pingsources", """
                                {"apiVersion":"sources.knative.dev/v1","kind":"PingSource","metadata":{"name":"beat"},
                                 "spec":{"schedule":"@every 1s","sink":{"uri":"%s"}}}""".formatted(subscriber.url("/ping")))
                                .statusCode())
                        .isEqualTo(201);
                await().atMost(WAIT).until(() -> b.get("/admin/v1/pingsources/beat") == 200);

                // a Broker applied through A, and a trigger on it, exist on B
                assertThat(post(a, "brokers", """
                                {"apiVersion":"eventing.knative.dev/v1","kind":"Broker","metadata":{"name":"shop"}}""").statusCode()).isEqualTo(201);
                assertThat(post(a, "triggers", """
                                {"metadata":{"name":"orders"},"spec":{"broker":"shop","subscriber":{"uri":"%s"}}}""".formatted(subscriber.url("/shop")))
                                .statusCode())
                        .isEqualTo(201);
                await().atMost(WAIT).until(() -> b.get("/admin/v1/brokers/shop") == 200);
                // running on B (its partitions may all be A's while A runs: one consumer group for both)
                await().atMost(WAIT).until(() -> b.get("/admin/v1/triggers/orders") == 200);
                assertThat(b.getBody("/admin/v1/triggers/orders")).contains(subscriber.url("/shop"));
            } finally {
                a.close();
            }

            // A is gone: B, which never received the PingSource, fires it alone
            int pingsWithA = subscriber.received("/ping").size();
            await().atMost(WAIT).until(() -> subscriber.received("/ping").size() >= pingsWithA + 3);
            assertThat(b.getBody("/admin/v1/pingsources/beat")).contains("fired by this broker replica");

            // B restarted: the Broker applied through A is there again, with its trigger
            b.close();
            BrokerProcess restarted = BrokerProcess.start(config(), dir.resolve("b2.log"));
            try {
                await().atMost(WAIT).until(() -> restarted.get("/q/health/ready") == 200);
                assertThat(restarted.get("/admin/v1/brokers/shop")).isEqualTo(200);
                assertThat(restarted.get("/admin/v1/kafkasinks/out")).isEqualTo(200);
                await().atMost(WAIT)
                        .until(() ->
                                restarted.getBody("/admin/v1/triggers/orders").contains("\"ready\":true"));
                List<String> ids =
                        IntStream.range(0, 10).mapToObj(i -> "shop-" + i).toList();
                assertThat(restarted.publishBatch("shop", ids, "it.shop")).isEqualTo(202);
                await().atMost(WAIT).until(() -> new HashSet<>(subscriber.ids("/shop")).containsAll(ids));

                // deleted through the admin API: gone after the next restart too
                assertThat(delete(restarted, "triggers/orders")).isEqualTo(204);
                assertThat(delete(restarted, "brokers/shop")).isEqualTo(204);
            } finally {
                restarted.close();
            }
            BrokerProcess again = BrokerProcess.start(config(), dir.resolve("b3.log"));
            try {
                await().atMost(WAIT).until(() -> again.get("/q/health/ready") == 200);
                assertThat(again.get("/admin/v1/brokers/shop")).isEqualTo(404);
                assertThat(again.get("/admin/v1/triggers/orders")).isEqualTo(404);
            } finally {
                again.close();
            }
        }
    }

    private static HttpResponse<String> post(BrokerProcess broker, String plural, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(broker.url("/admin/v1/" + plural)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int delete(BrokerProcess broker, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(broker.url("/admin/v1/" + path)))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int sendEvent(BrokerProcess broker, String path, String id) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(broker.url(path)))
                                .header("ce-specversion", "1.0")
                                .header("ce-id", id)
                                .header("ce-source", "/stores-following-it")
                                .header("ce-type", "it.sink")
                                .header("content-type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
