package dev.quiver.broker.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.broker.TestSubscriber;
import dev.quiver.broker.dispatch.Dispatchers;
import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A dispatcher whose poll fails is restarted with backoff; the trigger shows why meanwhile; events arrive after. */
@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
class SupervisedDispatcherIT {

    static volatile boolean failing;

    /** A real consumer whose poll throws Kafka's TimeoutException while {@link #failing} is set. */
    static final class FlakyConsumer extends KafkaConsumer<String, byte[]> {
        FlakyConsumer(Map<String, Object> config) {
            super(config, new StringDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public ConsumerRecords<String, byte[]> poll(Duration timeout) {
            if (failing) {
                throw new TimeoutException("injected: Kafka did not answer");
            }
            return super.poll(timeout);
        }
    }

    @Inject
    Dispatchers dispatchers;

    @Test
    void aDispatcherWhosePollFailsIsRestartedAndShowsTheCauseMeanwhile() throws Exception {
        dispatchers.consumers(
                config -> "quiver-trigger-default-flaky".equals(config.get(ConsumerConfig.GROUP_ID_CONFIG))
                        ? new FlakyConsumer(config)
                        : new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        try (TestSubscriber subscriber = new TestSubscriber()) {
            given().contentType("application/json")
                    .body("""
                    {"metadata":{"name":"flaky"},"spec":{"filters":[{"exact":{"type":"it.flaky"}}],
                     "subscriber":{"uri":"%s"}}}""".formatted(subscriber.url("/flaky")))
                    .post("/admin/v1/triggers")
                    .then()
                    .statusCode(201);
            failing = true;
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> given().get("/admin/v1/triggers/flaky").asString(),
                            body -> body.contains("\"ready\":false")
                                    && body.contains("TimeoutException")
                                    && body.contains("injected: Kafka did not answer"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> DeliveryIT.metric("quiver_broker_dispatcher_restarts_total{trigger=\"flaky\"}") >= 2);
            failing = false;
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> given().get("/admin/v1/triggers/flaky").asString(),
                            body -> body.contains("\"ready\":true") && !body.contains("reason"));
            String id = DeliveryIT.publish("it.flaky");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> subscriber.ids("/flaky").contains(id));
            assertThat(subscriber.ids("/flaky")).containsExactly(id);
            given().delete("/admin/v1/triggers/flaky").then().statusCode(204);
        } finally {
            failing = false;
        }
    }
}
