package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.broker.BrokerProcess;
import dev.quiver.broker.TestSubscriber;
import dev.quiver.kafka.local.EmbeddedKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triggers created through the admin API survive a broker restart (the compacted triggers topic). */
class DurableTriggersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
                "6000",
                "quiver.broker.kafka.consumer.\"group.instance.id\"",
                "durable-it");
    }

    @Test
    void aTriggerCreatedThroughTheAdminApiAndItsDeleteSurviveRestarts() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        try (TestSubscriber subscriber = new TestSubscriber()) {
            BrokerProcess broker = BrokerProcess.start(config(), dir.resolve("broker1.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> broker.get("/q/health/ready") == 200);
                String body = """
                        {"metadata":{"name":"durable"},"spec":{"filters":[{"exact":{"type":"it.durable"}}],
                         "subscriber":{"uri":"%s"}}}""".formatted(subscriber.url("/sink"));
                HttpResponse<String> created = HTTP.send(
                        HttpRequest.newBuilder(URI.create(broker.url("/admin/v1/triggers")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                List<String> before = ids("before", 20);
                assertThat(broker.publishBatch("default", before, "it.durable")).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> new HashSet<>(subscriber.ids("/sink")).containsAll(before));
            } finally {
                broker.close();
            }

            // published while no broker runs: written straight to the broker's topic, as another replica would
            List<String> whileDown = ids("down", 10);
            writeToBrokerTopic(whileDown);
            BrokerProcess second = BrokerProcess.start(config(), dir.resolve("broker2.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> second.get("/q/health/ready") == 200);
                await().atMost(Duration.ofSeconds(60))
                        .until(() ->
                                second.getBody("/admin/v1/triggers/durable").contains("\"ready\":true"));
                List<String> after = ids("after", 20);
                assertThat(second.publishBatch("default", after, "it.durable")).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> new HashSet<>(subscriber.ids("/sink")).containsAll(after));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> new HashSet<>(subscriber.ids("/sink")).containsAll(whileDown));
                HttpResponse<String> deleted = HTTP.send(
                        HttpRequest.newBuilder(URI.create(second.url("/admin/v1/triggers/durable")))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            } finally {
                second.close();
            }

            BrokerProcess third = BrokerProcess.start(config(), dir.resolve("broker3.log"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> third.get("/q/health/ready") == 200);
                assertThat(third.get("/admin/v1/triggers/durable")).isEqualTo(404);
            } finally {
                third.close();
            }
        }
    }

    private static void writeToBrokerTopic(List<String> ids) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (String id : ids) {
                CloudEvent event = CloudEventBuilder.v1()
                        .withId(id)
                        .withSource(URI.create("/durable-it"))
                        .withType("it.durable")
                        .build();
                producer.send(KafkaMessageFactory.<String>createWriter("quiver-broker-default", null)
                                .writeBinary(event))
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-" + i).toList();
    }
}
