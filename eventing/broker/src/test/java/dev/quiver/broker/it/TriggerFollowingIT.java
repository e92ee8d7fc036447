package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.api.trigger.TriggerDocument.Spec;
import dev.quiver.broker.BrokerProcess;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two broker replicas on one Kafka: a trigger created, updated or deleted through one starts, changes or stops on the
 * other while both run (each follows the triggers topic), and the other delivers its events alone once the first is
 * gone.
 */
class TriggerFollowingIT {

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
                "kafka.bootstrap.servers",
                kafka.bootstrapServers(),
                "quiver.broker.partitions",
                "3",
                "quiver.broker.kafka.send-timeout",
                "PT5S",
                "quiver.broker.kafka.consumer.\"session.timeout.ms\"",
                "6000");
    }

    @Test
    void triggersWrittenThroughOneReplicaStartChangeAndStopOnTheOther() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        try (TestSubscriber subscriber = new TestSubscriber();
                BrokerProcess b = BrokerProcess.start(config(), dir.resolve("b.log"))) {
            BrokerProcess a = BrokerProcess.start(config(), dir.resolve("a.log"));
            try {
                await().atMost(WAIT).until(() -> a.get("/q/health/ready") == 200);
                await().atMost(WAIT).until(() -> b.get("/q/health/ready") == 200);

                assertThat(create(a, "follow", subscriber.url("/a"))).isEqualTo(201);
                await().atMost(WAIT)
                        .until(() -> b.getBody("/admin/v1/triggers/follow").contains("\"ready\":true"));

                // an update, as a replica with a PUT (or a newer broker) writes it: straight to the triggers topic
                writeTrigger(TriggerDocument.of("follow", Spec.of("default", List.of(), subscriber.url("/b"))));
                for (BrokerProcess replica : List.of(a, b)) {
                    await().atMost(WAIT)
                            .until(() ->
                                    replica.getBody("/admin/v1/triggers/follow").contains(subscriber.url("/b")));
                }

                assertThat(create(b, "gone", subscriber.url("/gone"))).isEqualTo(201);
                await().atMost(WAIT).until(() -> a.get("/admin/v1/triggers/gone") == 200);
                assertThat(delete(a, "gone")).isEqualTo(204);
                await().atMost(WAIT).until(() -> b.get("/admin/v1/triggers/gone") == 404);
            } finally {
                a.close();
            }

            // the replica that never received the create alone delivers the trigger's events now
            List<String> ids = IntStream.range(0, 30).mapToObj(i -> "f-" + i).toList();
            assertThat(b.publishBatch("default", ids, "it.follow")).isEqualTo(202);
            await().atMost(WAIT).until(() -> new HashSet<>(subscriber.ids("/b")).containsAll(ids));
            assertThat(subscriber.ids("/a")).isEmpty();
        }
    }

    private static int create(BrokerProcess broker, String name, String uri) throws Exception {
        String body = """
                {"metadata":{"name":"%s"},"spec":{"subscriber":{"uri":"%s"}}}""".formatted(name, uri);
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(broker.url("/admin/v1/triggers")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int delete(BrokerProcess broker, String name) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(broker.url("/admin/v1/triggers/" + name)))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void writeTrigger(TriggerDocument document) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            "quiver-triggers", document.name(), new ObjectMapper().writeValueAsBytes(document)))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}
