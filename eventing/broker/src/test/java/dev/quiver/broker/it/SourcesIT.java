package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.broker.BrokerProcess;
import dev.quiver.broker.KafkaTopicReader;
import dev.quiver.broker.TestSubscriber;
import dev.quiver.kafka.local.EmbeddedKafka;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PingSource, KafkaSource and KafkaSink through the admin API of a real broker process on a real Kafka: a ping
 * every 2 s reaches an HTTP sink and, across a broker restart, no slot is sent twice and none is skipped; Kafka
 * records reach a sink as Knative's events and the source survives the restart; a KafkaSink answers 202 after the
 * record is in its topic.
 */
class SourcesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);

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
    void sourcesAndSinksRunAndSurviveARestart() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        try (TestSubscriber subscriber = new TestSubscriber()) {
            String ping = """
                    apiVersion: sources.knative.dev/v1
                    kind: PingSource
                    metadata:
                      name: heartbeat
                      namespace: team
                    spec:
                      schedule: "@every 2s"
                      contentType: application/json
                      data: '{"message": "Hello world!"}'
                      sink:
                        uri: %s
                    """.formatted(subscriber.url("/ping"));
            String source = """
                    {"apiVersion":"sources.knative.dev/v1beta1","kind":"KafkaSource","metadata":{"name":"orders"},
                     "spec":{"topics":["orders-in"],"consumerGroup":"orders-it","initialOffset":"earliest",
                      "sink":{"uri":"%s"}}}""".formatted(subscriber.url("/kafka"));
            String sink = """
                    {"apiVersion":"eventing.knative.dev/v1alpha1","kind":"KafkaSink","metadata":{"name":"out"},
                     "spec":{"topic":"sink-out","contentMode":"binary"}}""";

            BrokerProcess first = BrokerProcess.start(config(), dir.resolve("broker1.log"));
            int firstPings;
            try {
                await().atMost(WAIT).until(() -> first.get("/q/health/ready") == 200);

                // KafkaSink: 202 once the record is in the topic; 404 unknown sink; 400 not an event
                HttpResponse<String> created = post(first, "kafkasinks", "application/json", sink);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                assertThat(created.body()).contains("\"address\":{\"url\":\"http://127.0.0.1:");
                assertThat(sendEvent(first, "/sinks/out", "sink-1")).isEqualTo(202);
                List<ConsumerRecord<String, byte[]>> written =
                        KafkaTopicReader.await(kafka.bootstrapServers(), "sink-out", r -> true, 1);
                assertThat(KafkaTopicReader.header(written.get(0), "ce_id")).isEqualTo("sink-1");
                assertThat(sendEvent(first, "/sinks/nope", "x")).isEqualTo(404);
                assertThat(HTTP.send(
                                        HttpRequest.newBuilder(URI.create(first.url("/sinks/out")))
                                                .POST(HttpRequest.BodyPublishers.ofString("not an event"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .isEqualTo(400);

                // KafkaSource: plain records become dev.knative.kafka.event, in partition order
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                    admin.createTopics(List.of(new NewTopic("orders-in", 1, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                }
                assertThat(post(first, "kafkasources", "application/json", source)
                                .statusCode())
                        .isEqualTo(201);
                produce("orders-in", "a", "b", "c");
                await().atMost(WAIT).until(() -> subscriber.received("/kafka").size() >= 3);
                CloudEvent record = subscriber.received("/kafka").get(0).event();
                assertThat(record.getType()).isEqualTo("dev.knative.kafka.event");
                assertThat(record.getSource()).hasToString("/apis/v1/namespaces/default/kafkasources/orders#orders-in");
                assertThat(subscriber.ids("/kafka"))
                        .containsExactly("partition:0/offset:0", "partition:0/offset:1", "partition:0/offset:2");

                // PingSource: fires every 2 s; the same document again changes nothing
                HttpResponse<String> pingCreated = post(first, "pingsources", "application/yaml", ping);
                assertThat(pingCreated.statusCode()).as(pingCreated.body()).isEqualTo(201);
                assertThat(post(first, "pingsources", "application/yaml", ping).statusCode())
                        .isEqualTo(200);
                await().atMost(WAIT).until(() -> subscriber.received("/ping").size() >= 2);
                // a Broker sink: published into the broker's topic in-process
                HttpResponse<String> toBroker = post(first, "pingsources", "application/json", """
                        {"apiVersion":"sources.knative.dev/v1","kind":"PingSource","metadata":{"name":"to-broker"},
                         "spec":{"schedule":"@every 2s","sink":{"ref":{"apiVersion":"eventing.knative.dev/v1",
                         "kind":"Broker","name":"default"}}}}""");
                assertThat(toBroker.statusCode()).as(toBroker.body()).isEqualTo(201);
                List<ConsumerRecord<String, byte[]>> published = KafkaTopicReader.await(
                        kafka.bootstrapServers(),
                        "quiver-broker-default",
                        r -> "/apis/v1/namespaces/default/pingsources/to-broker"
                                .equals(KafkaTopicReader.header(r, "ce_source")),
                        1);
                assertThat(KafkaTopicReader.header(published.get(0), "ce_type")).isEqualTo("dev.knative.sources.ping");
                String listed = first.getBody("/admin/v1/pingsources");
                assertThat(listed)
                        .contains("\"kind\":\"PingSourceList\"")
                        .contains("\"type\":\"Ready\",\"status\":\"True\"")
                        .contains("\"sinkUri\":\"" + subscriber.url("/ping") + "\"");
            } finally {
                first.close();
            }
            firstPings = subscriber.received("/ping").size();
            // a few slots pass with no broker running
            TimeUnit.SECONDS.sleep(5);

            BrokerProcess second = BrokerProcess.start(config(), dir.resolve("broker2.log"));
            try {
                await().atMost(WAIT).until(() -> second.get("/q/health/ready") == 200);
                await().atMost(WAIT).until(() -> subscriber.received("/ping").size() >= firstPings + 5);
                produce("orders-in", "d");
                await().atMost(WAIT).until(() -> subscriber.received("/kafka").size() >= 4);
                assertThat(subscriber.ids("/kafka")).last().isEqualTo("partition:0/offset:3");

                HttpResponse<String> deleted = HTTP.send(
                        HttpRequest.newBuilder(URI.create(second.url("/admin/v1/pingsources/heartbeat")))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(deleted.statusCode()).isEqualTo(204);
                assertThat(second.get("/admin/v1/pingsources/heartbeat")).isEqualTo(404);
            } finally {
                second.close();
            }

            List<CloudEvent> pings = subscriber.received("/ping").stream()
                    .map(TestSubscriber.Received::event)
                    .toList();
            CloudEvent one = pings.get(0);
            assertThat(one.getType()).isEqualTo("dev.knative.sources.ping");
            assertThat(one.getSource()).hasToString("/apis/v1/namespaces/team/pingsources/heartbeat");
            assertThat(new String(one.getData().toBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"message\": \"Hello world!\"}");
            // every slot once, none missing, across the restart and the 5 s without a broker
            List<OffsetDateTime> slots = pings.stream().map(CloudEvent::getTime).toList();
            assertThat(pings.stream().map(CloudEvent::getId)).doesNotHaveDuplicates();
            assertThat(slots).doesNotHaveDuplicates();
            List<OffsetDateTime> sorted = slots.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i - 1), sorted.get(i)))
                        .as("slot %d after %s", i, sorted.get(i - 1))
                        .isEqualTo(Duration.ofSeconds(2));
            }
        }
    }

    private static HttpResponse<String> post(BrokerProcess broker, String plural, String type, String body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(broker.url("/admin/v1/" + plural)))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int sendEvent(BrokerProcess broker, String path, String id) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(broker.url(path)))
                                .header("ce-specversion", "1.0")
                                .header("ce-id", id)
                                .header("ce-source", "/sources-it")
                                .header("ce-type", "it.sink")
                                .header("content-type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void produce(String topic, String... values) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, 0, "key-" + v, v)).get(10, TimeUnit.SECONDS);
            }
        }
    }
}
