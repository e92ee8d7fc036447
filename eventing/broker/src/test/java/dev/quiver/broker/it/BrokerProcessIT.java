package dev.quiver.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.broker.BrokerProcess;
import dev.quiver.broker.TestSubscriber;
import dev.quiver.kafka.local.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The packaged broker as a real process on its own real Kafka: crash and restart, Kafka down, bad config. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerProcessIT {

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;

    private Map<String, String> config(Path triggers) {
        return Map.of(
                "kafka.bootstrap.servers",
                kafka.bootstrapServers(),
                "quiver.broker.triggers-file",
                triggers.toString(),
                "quiver.broker.partitions",
                "3",
                "quiver.broker.kafka.send-timeout",
                "PT3S",
                "quiver.broker.dispatcher.max-in-flight",
                "4",
                "quiver.broker.kafka.consumer.\"session.timeout.ms\"",
                "6000",
                "quiver.broker.kafka.consumer.\"group.instance.id\"",
                "process-it");
    }

    @Test
    @Order(1)
    void everyAcceptedEventIsDeliveredAtLeastOnceAcrossABrokerCrash() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        try (TestSubscriber subscriber = new TestSubscriber()) {
            subscriber.on(
                    "/sink",
                    (req, n) -> io.vertx.core.Vertx.currentContext()
                            .owner()
                            .setTimer(40, t -> req.response().setStatusCode(200).end()));
            Path triggers = dir.resolve("triggers.yaml");
            Files.writeString(triggers, """
                    apiVersion: eventing.quiver.dev/v1
                    kind: Trigger
                    metadata: {name: crash}
                    spec:
                      broker: default
                      filters: [{exact: {type: it.crash}}]
                      subscriber: {uri: "%s"}
                    """.formatted(subscriber.url("/sink")));
            BrokerProcess broker = BrokerProcess.start(config(triggers), dir.resolve("broker1.log"));
            try {
                awaitReady(broker);
                List<String> ids =
                        IntStream.range(0, 300).mapToObj(i -> "crash-" + i).toList();
                assertThat(broker.publishBatch("default", ids, "it.crash")).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> subscriber.ids("/sink").size() >= 30);
                broker.kill();
                assertThat(new HashSet<>(subscriber.ids("/sink"))).hasSizeLessThan(ids.size());
                broker = BrokerProcess.start(config(triggers), dir.resolve("broker2.log"));
                awaitReady(broker);
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> new HashSet<>(subscriber.ids("/sink")).containsAll(ids));
            } finally {
                broker.close();
            }
        }
    }

    @Test
    @Order(2)
    void whenKafkaIsDownTheClientGets503() throws Exception {
        Path triggers = dir.resolve("none.yaml");
        Files.writeString(triggers, "");
        BrokerProcess broker = BrokerProcess.start(config(triggers), dir.resolve("broker3.log"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> broker.get("/q/health/ready") == 200);
            assertThat(broker.publish("default", "before", "it.down")).isEqualTo(202);
            kafka.close();
            assertThat(broker.publish("default", "during", "it.down")).isEqualTo(503);
        } finally {
            broker.close();
        }
    }

    @Test
    @Order(3)
    void aBadSettingStopsStartupNamingKeyAndValue() throws Exception {
        Path log = dir.resolve("broker-bad.log");
        BrokerProcess broker = BrokerProcess.start(Map.of("quiver.broker.max-event-size", "1000"), log);
        assertThat(broker.waitForExit()).isNotZero();
        assertThat(broker.log()).contains("quiver.broker.max-event-size must be >= 65536, got '1000'");
    }

    @Test
    @Order(4)
    void aNonLoopbackHostWithoutAdminTokenStopsStartupNamingTheKeys() throws Exception {
        Path log = dir.resolve("broker-open.log");
        BrokerProcess broker = BrokerProcess.start(Map.of("quarkus.http.host", "0.0.0.0"), log);
        assertThat(broker.waitForExit()).isNotZero();
        assertThat(broker.log())
                .contains("quarkus.http.host is not a loopback address, so the admin API needs a"
                        + " token: set quiver.broker.admin.token or quiver.broker.admin.token-file, got '0.0.0.0'");
    }

    private static void awaitReady(BrokerProcess broker) {
        await().atMost(Duration.ofSeconds(60)).until(() -> broker.get("/q/health/ready") == 200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> broker.getBody("/admin/v1/triggers/crash").contains("\"ready\":true"));
    }
}
