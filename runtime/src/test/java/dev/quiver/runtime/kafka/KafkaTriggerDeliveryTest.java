package dev.quiver.runtime.kafka;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.kafka.local.SharedKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Order and at-least-once under concurrency, on a real Kafka (4 partitions, 8 records at once, ordering by key):
 * same-key records run one at a time in offset order while keys run side by side; no offset is committed past a
 * record whose (asynchronous) completion is pending; a failing record is dead-lettered after its retries while other
 * keys go on; and a consumer closed mid-stream loses nothing: what it did not complete is still uncommitted.
 */
@QuarkusTest
@TestProfile(KafkaDeliveryProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaTriggerDeliveryTest {

    static final String TOPIC = KafkaDeliveryProfile.TOPIC;

    @Inject
    KafkaClientService clients;

    @Test
    @Order(1)
    void recordsOfAKeyRunOneAtATimeInOffsetOrderWhileKeysRunSideBySide() throws Exception {
        int keys = 20;
        int perKey = 100;
        try (KafkaProducer<String, byte[]> producer = KafkaTriggerTest.producer()) {
            for (int i = 0; i < perKey; i++) {
                for (int k = 0; k < keys; k++) {
                    producer.send(record("key-" + k, "order:" + k + ":" + i));
                }
            }
        }

        await().atMost(Duration.ofSeconds(90))
                .until(() -> OrderedRecorder.completed().keySet().stream()
                                .filter(d -> d.startsWith("order:"))
                                .count()
                        == keys * perKey);
        Map<String, List<String>> started = OrderedRecorder.startedByKey();
        for (int k = 0; k < keys; k++) {
            int key = k;
            List<String> expected = IntStream.range(0, perKey)
                    .mapToObj(i -> "order:" + key + ":" + i)
                    .toList();
            assertThat(started.get("key-" + k)).as("key-" + k).containsExactlyElementsOf(expected);
        }
        assertThat(OrderedRecorder.overlaps()).isEmpty();
        assertThat(OrderedRecorder.mostRunning()).isGreaterThan(1);
        // run in process, yet counted as requests: the scaler's stats see the Kafka work
        StatsReport stats =
                given().get(StatsReport.PATH).then().statusCode(200).extract().as(StatsReport.class);
        assertThat(stats.requestsTotal()).isGreaterThanOrEqualTo((long) keys * perKey);
        assertThat(stats.inFlight()).isZero();
    }

    @Test
    @Order(2)
    void noOffsetIsCommittedPastARecordWhoseCompletionIsPending() throws Exception {
        long heldOffset;
        long end;
        try (KafkaProducer<String, byte[]> producer = KafkaTriggerTest.producer()) {
            heldOffset = producer.send(new ProducerRecord<>(TOPIC, 0, "held", bytes("held:0")))
                    .get()
                    .offset();
            RecordMetadata last = null;
            for (int i = 0; i < 50; i++) {
                last = producer.send(new ProducerRecord<>(TOPIC, 0, "after-" + (i % 5), bytes("after:" + i)))
                        .get();
            }
            end = last.offset() + 1;
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> OrderedRecorder.completed().keySet().stream()
                                .filter(d -> d.startsWith("after:"))
                                .count()
                        == 50);
        // later records of partition 0 are done and acknowledged; several commit intervals (100 ms) pass
        Thread.sleep(1_000);
        assertThat(committed(new TopicPartition(TOPIC, 0))).isLessThanOrEqualTo(heldOffset);

        OrderedRecorder.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(new TopicPartition(TOPIC, 0)) == end);
    }

    @Test
    @Order(3)
    void aFailingRecordIsDeadLetteredAfterItsRetriesWhileOtherKeysGoOn() throws Exception {
        try (KafkaProducer<String, byte[]> producer = KafkaTriggerTest.producer()) {
            producer.send(record("bad", "boom:0")).get();
            producer.send(record("bad", "bad-after:0"));
            for (int i = 0; i < 40; i++) {
                producer.send(record("good-" + (i % 4), "good:" + i));
            }
        }
        ConsumerRecord<String, byte[]> dead = KafkaTriggerTest.readOne(TOPIC + "-dlq");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("boom:0");
        assertThat(KafkaTriggerTest.header(dead, "dead-letter-reason"))
                .contains("failed 3 time(s), last HTTP 500")
                .contains("boom record refused");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> OrderedRecorder.completed().containsKey("bad-after:0")
                        && OrderedRecorder.completed().keySet().stream()
                                        .filter(d -> d.startsWith("good:"))
                                        .count()
                                == 40);

        List<Long> booms = OrderedRecorder.boomTicks();
        assertThat(booms).hasSize(3);
        long lastBoom = booms.get(2);
        Map<String, OrderedRecorder.Call> done = OrderedRecorder.completed();
        // the same key waited for the dead-lettering; other keys did not wait for the retries
        assertThat(done.get("bad-after:0").startTick()).isGreaterThan(lastBoom);
        assertThat(done.values().stream()
                        .filter(c -> c.data().startsWith("good:"))
                        .filter(c -> c.endTick() < lastBoom))
                .isNotEmpty();
    }

    @Test
    @Order(4)
    void aConsumerClosedMidStreamLosesNothing() throws Exception {
        int count = 2_000;
        OrderedRecorder.delayMillis(20);
        try (KafkaProducer<String, byte[]> producer = KafkaTriggerTest.producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(record("crash-" + (i % 10), "crash:" + i));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> crashDone() >= count / 5);
        // a crash: the consumer goes away without a last commit; in-flight records may still complete
        clients.getConsumer(KafkaTrigger.CHANNEL)
                .runOnPollingThread(
                        (java.util.function.Consumer<org.apache.kafka.clients.consumer.Consumer<Object, Object>>)
                                org.apache.kafka.clients.consumer.Consumer::close)
                .await()
                .atMost(Duration.ofSeconds(30));

        // the restarted instance: the same group from its committed offsets to the end
        Set<String> redelivered = new HashSet<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", SharedKafka.bootstrapServers());
        p.put("group.id", KafkaDeliveryProfile.GROUP);
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        Map<TopicPartition, Long> ends = ends();
        try (KafkaConsumer<String, byte[]> restarted =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            restarted.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                restarted
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> redelivered.add(new String(r.value(), StandardCharsets.UTF_8)));
                return !restarted.assignment().isEmpty()
                        && ends.entrySet().stream().allMatch(e -> restarted.position(e.getKey()) >= e.getValue());
            });
        }
        Set<String> done = OrderedRecorder.completed().keySet();
        List<String> lost = IntStream.range(0, count)
                .mapToObj(i -> "crash:" + i)
                .filter(d -> !done.contains(d) && !redelivered.contains(d))
                .collect(Collectors.toList());
        assertThat(lost).isEmpty();
        assertThat(crashDone()).isLessThan(count);
    }

    static long crashDone() {
        return OrderedRecorder.completed().keySet().stream()
                .filter(d -> d.startsWith("crash:"))
                .count();
    }

    static ProducerRecord<String, byte[]> record(String key, String data) {
        return new ProducerRecord<>(TOPIC, key, bytes(data));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(KafkaDeliveryProfile.GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return o == null ? 0 : o.offset();
        }
    }

    static Map<TopicPartition, Long> ends() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < 4; p++) {
                latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        }
    }
}
