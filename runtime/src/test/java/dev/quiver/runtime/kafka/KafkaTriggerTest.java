package dev.quiver.runtime.kafka;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.quiver.kafka.local.SharedKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The trigger end to end: real Kafka records reach the function as CloudEvents; a poison record is dead-lettered. */
@QuarkusTest
@TestProfile(KafkaTriggerProfile.class)
class KafkaTriggerTest {

    static final String TOPIC = KafkaTriggerProfile.TOPIC;

    @Test
    void recordsReachTheFunctionAsCloudEventsAndAPoisonRecordIsDeadLettered() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(KafkaMessageFactory.<String>createWriter(TOPIC, "k-ce")
                            .writeBinary(CloudEventBuilder.v1()
                                    .withId("ce-1")
                                    .withSource(URI.create("/shop"))
                                    .withType("com.example.order.created")
                                    .withDataContentType("application/json")
                                    .withData("{\"n\":1}".getBytes(StandardCharsets.UTF_8))
                                    .build()))
                    .get();
            producer.send(new ProducerRecord<>(TOPIC, "customer-7", "{\"n\":2}".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new ProducerRecord<>(TOPIC, null, "boom".getBytes(StandardCharsets.UTF_8)))
                    .get();
            producer.send(new ProducerRecord<>(TOPIC, null, new byte[] {1, 2, 3}))
                    .get();
        }

        List<KafkaRecorder.Seen> seen =
                await().atMost(Duration.ofSeconds(60)).until(KafkaRecorder::seen, l -> l.size() == 3);
        KafkaRecorder.Seen ce =
                seen.stream().filter(s -> s.id().equals("ce-1")).findFirst().orElseThrow();
        assertThat(ce.type()).isEqualTo("com.example.order.created");
        assertThat(ce.source()).isEqualTo("/shop");
        assertThat(ce.data()).isEqualTo("{\"n\":1}");
        KafkaRecorder.Seen json = seen.stream()
                .filter(s -> "customer-7".equals(s.partitionKey()))
                .findFirst()
                .orElseThrow();
        assertThat(json.type()).isEqualTo(RecordEvents.WRAPPED_TYPE);
        assertThat(json.source()).isEqualTo("kafka://" + TOPIC);
        assertThat(json.id()).matches(TOPIC + "/0/\\d+");
        assertThat(json.contentType()).isEqualTo("application/json");
        KafkaRecorder.Seen bytes = seen.stream()
                .filter(s -> "application/octet-stream".equals(s.contentType()))
                .findFirst()
                .orElseThrow();
        assertThat(bytes.data().getBytes(StandardCharsets.ISO_8859_1)).containsExactly(1, 2, 3);

        ConsumerRecord<String, byte[]> dead = readOne(TOPIC + "-dlq");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("boom");
        assertThat(header(dead, "dead-letter-reason"))
                .contains("failed 3 time(s), last HTTP 500")
                .contains("boom record refused");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(KafkaRecorder.booms()).isEqualTo(3);

        // at-least-once bookkeeping: every offset, the poison one included, is committed after processing
        await().atMost(Duration.ofSeconds(30)).until(() -> committed("runtime-trigger-group") == 4);
    }

    @Test
    void triggersEndpointReportsTopicAndGroupForTheScaler() {
        given().get(TriggerRoutes.PATH)
                .then()
                .statusCode(200)
                .body("kafka[0].topic", equalTo(TOPIC))
                .body("kafka[0].group", equalTo("runtime-trigger-group"))
                .body("kafka[0].deadLetterTopic", equalTo(TOPIC + "-dlq"))
                .body("kafka[0].bootstrapServers", equalTo(SharedKafka.bootstrapServers()));
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", SharedKafka.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static ConsumerRecord<String, byte[]> readOne(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", SharedKafka.bootstrapServers());
        p.put("group.id", "reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return !got.isEmpty();
            });
            return got.get(0);
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }
}
