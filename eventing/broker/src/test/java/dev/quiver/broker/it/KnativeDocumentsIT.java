package dev.quiver.broker.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.quiver.broker.TestSubscriber;
import dev.quiver.broker.delivery.DeadLetterAttributes;
import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Knative's own example documents (src/test/resources/knative, origins noted in each file) posted unchanged to the
 * broker's admin API, and the data-plane answers Knative's contract asks for.
 */
@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
@QuarkusTestResource(value = KnativeSubscriberResource.class, restrictToAnnotatedClass = true)
class KnativeDocumentsIT {

    static String resource(String name) {
        try (InputStream in = KnativeDocumentsIT.class.getResourceAsStream("/knative/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void publish(String broker, String id, String type, String extension) {
        var request = given().header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/knative-it")
                .header("ce-type", type);
        if (extension != null) {
            request = request.header("ce-myextension", extension);
        }
        request.contentType("text/plain")
                .body("hello")
                .post("/" + broker)
                .then()
                .statusCode(202);
    }

    @Test
    void knativesBrokerAndFilteredTriggerExamplesAreAcceptedUnchangedAndDeliverByTheirFilter() {
        TestSubscriber subscriber = KnativeSubscriberResource.subscriber;
        subscriber.on(
                "/my-service",
                (req, n) -> req.response()
                        .setStatusCode(req.getHeader("ce-id").startsWith("fail-") ? 500 : 200)
                        .end(req.getHeader("ce-id").startsWith("fail-") ? "not today" : ""));

        given().contentType("application/yaml")
                .body(resource("broker-dead-letter.yaml").getBytes(StandardCharsets.UTF_8))
                .post("/admin/v1/brokers")
                .then()
                .statusCode(200)
                .body("apiVersion", equalTo("eventing.knative.dev/v1"))
                .body("status.address.url", endsWith("/default"))
                .body("status.conditions[0].type", equalTo("Ready"))
                .body("status.conditions[0].status", equalTo("True"))
                .body("spec.delivery.deadLetterSink.ref.name", equalTo("dlq-service"));
        given().contentType("application/yaml")
                .body(resource("trigger-filter-attributes.yaml").getBytes(StandardCharsets.UTF_8))
                .post("/admin/v1/triggers")
                .then()
                .statusCode(201)
                .body("apiVersion", equalTo("eventing.knative.dev/v1"))
                .body("spec.subscriber.ref.kind", equalTo("Service"))
                .body("status.subscriberUri", equalTo(subscriber.url("/my-service")))
                .body("status.conditions[0].type", equalTo("Ready"))
                .body("status.conditions[0].status", equalTo("True"));

        publish("default", "other-type", "dev.knative.other", "my-extension-value");
        publish("default", "no-extension", "dev.knative.foo.bar", null);
        publish("default", "matching", "dev.knative.foo.bar", "my-extension-value");
        publish("default", "fail-1", "dev.knative.foo.bar", "my-extension-value");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> subscriber.received("/dlq-service").size() == 1);
        assertThat(subscriber.ids("/my-service")).containsExactlyInAnyOrder("matching", "fail-1");
        CloudEvent dead = subscriber.received("/dlq-service").get(0).event();
        assertThat(dead.getId()).isEqualTo("fail-1");
        assertThat(dead.getExtension("knativeerrordest")).isEqualTo(subscriber.url("/my-service"));
        assertThat(dead.getExtension("knativeerrorcode")).isEqualTo("500");
        assertThat(DeadLetterAttributes.decodeData(dead)).isEqualTo("not today");

        given().delete("/admin/v1/triggers/my-service-trigger").then().statusCode(204);
    }

    @Test
    void aBrokerAppliedAsADocumentTakesEventsUntilItIsDeleted() {
        String doc = """
                apiVersion: eventing.knative.dev/v1
                kind: Broker
                metadata:
                  name: applied
                  annotations: {eventing.knative.dev/broker.class: Kafka}
                """;
        given().contentType("application/yaml")
                .body(doc.getBytes(StandardCharsets.UTF_8))
                .post("/admin/v1/brokers")
                .then()
                .statusCode(201)
                .body("status.address.url", endsWith("/applied"));
        given().contentType("application/yaml")
                .body(doc.getBytes(StandardCharsets.UTF_8))
                .post("/admin/v1/brokers")
                .then()
                .statusCode(200);
        given().get("/admin/v1/brokers").then().statusCode(200).body("metadata.name", hasItem("applied"));
        publish("applied", "to-applied", "dev.knative.x", null);
        given().get("/applied").then().statusCode(405).header("Allow", "POST");

        given().delete("/admin/v1/brokers/applied").then().statusCode(204);
        given().get("/admin/v1/brokers/applied").then().statusCode(404);
        given().header("ce-specversion", "1.0")
                .header("ce-id", "late")
                .header("ce-source", "/knative-it")
                .header("ce-type", "dev.knative.x")
                .body("x")
                .post("/applied")
                .then()
                .statusCode(404);
        given().delete("/admin/v1/brokers/default").then().statusCode(409);
    }

    @Test
    void ingressAnswersAsKnativesDataPlaneContractSays() {
        given().contentType("application/cloudevents+xml")
                .body("<event/>")
                .post("/default")
                .then()
                .statusCode(415);
        given().contentType("application/cloudevents+json")
                .body("{not json")
                .post("/default")
                .then()
                .statusCode(400);
        given().get("/default").then().statusCode(405);
        given().contentType("application/cloudevents+json")
                .body("{}")
                .post("/no-such-broker")
                .then()
                .statusCode(404);
    }
}
