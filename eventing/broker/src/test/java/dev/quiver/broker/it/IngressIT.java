package dev.quiver.broker.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.quiver.broker.KafkaTopicReader;
import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
class IngressIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void binaryEventIsStoredInKafkaBinaryModeWithThePartitionKeyAsRecordKey() {
        String id = id();
        given().header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/test")
                .header("ce-type", "com.example.binary")
                .header("ce-partitionkey", "order-7")
                .contentType("application/json")
                .body("{\"n\":1}")
                .post("/default")
                .then()
                .statusCode(202);
        ConsumerRecord<String, byte[]> r = KafkaTopicReader.await(
                        bootstrap, "quiver-broker-default", rec -> id.equals(KafkaTopicReader.header(rec, "ce_id")), 1)
                .get(0);
        assertThat(r.key()).isEqualTo("order-7");
        assertThat(KafkaTopicReader.header(r, "ce_type")).isEqualTo("com.example.binary");
        assertThat(KafkaTopicReader.header(r, "content-type")).isEqualTo("application/json");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void structuredEventIsAccepted() {
        String id = id();
        given().contentType("application/cloudevents+json")
                .body("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/s\",\"type\":\"t.structured\","
                        + "\"datacontenttype\":\"text/plain\",\"data\":\"hello\"}")
                .post("/other")
                .then()
                .statusCode(202);
        ConsumerRecord<String, byte[]> r = KafkaTopicReader.await(
                        bootstrap, "quiver-broker-other", rec -> id.equals(KafkaTopicReader.header(rec, "ce_id")), 1)
                .get(0);
        assertThat(r.key()).isNull();
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void batchedEventsAreAllStored() {
        String a = id();
        String b = id();
        given().contentType("application/cloudevents-batch+json")
                .body("[{\"specversion\":\"1.0\",\"id\":\"" + a + "\",\"source\":\"/s\",\"type\":\"t\"},"
                        + "{\"specversion\":\"1.0\",\"id\":\"" + b + "\",\"source\":\"/s\",\"type\":\"t\"}]")
                .post("/default")
                .then()
                .statusCode(202);
        assertThat(KafkaTopicReader.await(
                        bootstrap,
                        "quiver-broker-default",
                        rec -> a.equals(KafkaTopicReader.header(rec, "ce_id"))
                                || b.equals(KafkaTopicReader.header(rec, "ce_id")),
                        2))
                .hasSize(2);
    }

    @Test
    void invalidEventGets400NamingTheAttributeAndIsNotStored() {
        String id = id();
        given().header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/s")
                .header("ce-type", "")
                .body("x")
                .post("/default")
                .then()
                .statusCode(400)
                .body("error", containsString("type"));
        // a later valid event arrives, the invalid one never does
        String later = id();
        given().header("ce-specversion", "1.0")
                .header("ce-id", later)
                .header("ce-source", "/s")
                .header("ce-type", "t")
                .body("x")
                .post("/default")
                .then()
                .statusCode(202);
        assertThat(KafkaTopicReader.await(
                        bootstrap,
                        "quiver-broker-default",
                        rec -> id.equals(KafkaTopicReader.header(rec, "ce_id"))
                                || later.equals(KafkaTopicReader.header(rec, "ce_id")),
                        1))
                .extracting(rec -> KafkaTopicReader.header(rec, "ce_id"))
                .containsExactly(later);
    }

    @Test
    void unknownBrokerGets404() {
        given().header("ce-specversion", "1.0")
                .header("ce-id", "1")
                .header("ce-source", "/s")
                .header("ce-type", "t")
                .body("x")
                .post("/nosuchbroker")
                .then()
                .statusCode(404)
                .body("error", containsString("nosuchbroker"));
    }

    @Test
    void eventAtTheSpecMinimumSizePassesAndOversizeGets413() {
        String pad64k = "a".repeat(64 * 1024 - 200);
        given().header("ce-specversion", "1.0")
                .header("ce-id", id())
                .header("ce-source", "/s")
                .header("ce-type", "t")
                .contentType("text/plain")
                .body(pad64k)
                .post("/default")
                .then()
                .statusCode(202);
        given().header("ce-specversion", "1.0")
                .header("ce-id", id())
                .header("ce-source", "/s")
                .header("ce-type", "t")
                .contentType("text/plain")
                .body("a".repeat(102400 + 1))
                .post("/default")
                .then()
                .statusCode(413);
    }
}
