package dev.quiver.local.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.control.observe.lag.KafkaLagReader;
import dev.quiver.kafka.local.EmbeddedKafka;
import dev.quiver.local.registry.FunctionReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lag scale-out on a real Kafka broker: the lag is read with the AdminClient, the scaler scales out to the
 * partition count, and back to zero once the group has caught up. Instances are fakes (no Kafka-consuming example
 * function yet); the offsets are committed by the test, as a consumer group would.
 */
class LagScaleOutIT {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void kafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aBacklogScalesOutToThePartitionCountAndBackToZeroWhenConsumed(@TempDir Path home) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("orders", 4, (short) 1)))
                    .all()
                    .get();
            produce(400);
            Files.writeString(home.resolve("orders.jar"), "fake");
            FakeBackend backend = new FakeBackend();
            try (KafkaLagReader lag = new KafkaLagReader(kafka.bootstrapServers(), Duration.ofSeconds(2), "lag-it");
                    ControlLoop loop = Loops.start(home, backend, lag)) {
                loop.deploy(new FunctionReader(home).read("""
                        name: orders
                        artifact: orders.jar
                        scale: {initialScale: 0, scaleToZeroGracePeriod: 2s, tickInterval: 1s}
                        triggers:
                          kafka:
                            topic: orders
                            group: orders-group
                            lag: {lagThreshold: 20, offsetResetPolicy: earliest}
                        """));

                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(backend.ids()).hasSize(4));
                assertThat(loop.status("orders").orElseThrow().lag()).isEqualTo(400);

                admin.alterConsumerGroupOffsets(
                                "orders-group",
                                Map.of(
                                        new TopicPartition("orders", 0), new OffsetAndMetadata(100),
                                        new TopicPartition("orders", 1), new OffsetAndMetadata(100),
                                        new TopicPartition("orders", 2), new OffsetAndMetadata(100),
                                        new TopicPartition("orders", 3), new OffsetAndMetadata(100)))
                        .all()
                        .get();

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(loop.status("orders").orElseThrow().lag()).isZero();
                    assertThat(backend.ids()).isEmpty();
                });
            }
        }
    }

    private static void produce(int n) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("orders", i % 4, "order-" + i, "{\"order\":" + i + "}"));
            }
            producer.flush();
        }
    }
}
