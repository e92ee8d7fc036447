package dev.quiver.broker.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.quiver.kafka.local.quarkus.KafkaLocalTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaLocalTestResource.class)
class TriggersApiIT {

    private static final String YAML = """
            apiVersion: eventing.quiver.dev/v1
            kind: Trigger
            metadata:
              name: api-yaml
            spec:
              broker: default
              filters:
                - prefix: {type: com.example.}
                - cesql: "source LIKE '/shop/%'"
              subscriber:
                uri: http://127.0.0.1:9/unused
              delivery:
                retry: 5
                backoffPolicy: linear
                backoffDelay: PT1S
                deadLetterSink: {uri: "kafka:quiver-dlq-api-yaml"}
            """;

    @Test
    void createListGetAndDeleteATriggerFromYaml() {
        given().contentType("application/yaml")
                .body(YAML.getBytes())
                .post("/admin/v1/triggers")
                .then()
                .statusCode(201)
                .header("Location", containsString("/admin/v1/triggers/api-yaml"))
                .body("status.ready", equalTo(true))
                .body("status.consumerGroup", equalTo("quiver-trigger-default-api-yaml"))
                .body("spec.delivery.retry", equalTo(5));
        given().get("/admin/v1/triggers").then().statusCode(200).body("metadata.name", hasItem("api-yaml"));
        given().get("/admin/v1/triggers/api-yaml")
                .then()
                .statusCode(200)
                .body("spec.filters[1].cesql", equalTo("source LIKE '/shop/%'"));
        given().contentType("application/yaml")
                .body(YAML.getBytes())
                .post("/admin/v1/triggers")
                .then()
                .statusCode(409);
        given().delete("/admin/v1/triggers/api-yaml").then().statusCode(204);
        given().get("/admin/v1/triggers").then().body("metadata.name", not(hasItem("api-yaml")));
        given().get("/admin/v1/triggers/api-yaml").then().statusCode(404);
        given().delete("/admin/v1/triggers/api-yaml").then().statusCode(404);
    }

    @Test
    void aKafkaDeadLetterSinkOutsideTheConfiguredPrefixIsRejected() {
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"dlq-orders"},"spec":{"subscriber":{"uri":"http://127.0.0.1:9/"},
                 "delivery":{"deadLetterSink":{"uri":"kafka:orders"}}}}""")
                .post("/admin/v1/triggers")
                .then()
                .statusCode(400)
                .body(
                        "error",
                        equalTo(
                                "spec.delivery.deadLetterSink.uri: a kafka: sink must name a topic starting"
                                        + " with 'quiver-dlq-' (quiver.broker.dead-letter.kafka-topic-prefix), got 'kafka:orders'"));
        given().get("/admin/v1/triggers/dlq-orders").then().statusCode(404);
    }

    @Test
    void invalidFilterIsRejectedWithTheReason() {
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"bad-sql"},"spec":{"broker":"default",
                 "filters":[{"cesql":"type = "}],"subscriber":{"uri":"http://127.0.0.1:9/"}}}""")
                .post("/admin/v1/triggers")
                .then()
                .statusCode(400)
                .body("error", containsString("spec.filters[0].cesql: invalid CloudEvents SQL"));
        given().get("/admin/v1/triggers/bad-sql").then().statusCode(404);
    }

    @Test
    void invalidTriggersAreRejectedWithTheField() {
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"nb"},"spec":{"broker":"nope","subscriber":{"uri":"http://127.0.0.1:9/"}}}""")
                .post("/admin/v1/triggers")
                .then()
                .statusCode(400)
                .body("error", containsString("spec.broker"));
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"ns"},"spec":{"broker":"default"}}""")
                .post("/admin/v1/triggers")
                .then()
                .statusCode(400)
                .body("error", containsString("spec.subscriber"));
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"bd"},"spec":{"subscriber":{"function":"hello"},
                 "delivery":{"backoffDelay":"1s"}}}""")
                .post("/admin/v1/triggers")
                .then()
                .statusCode(400)
                .body("error", containsString("spec.delivery.backoffDelay"));
        given().contentType("application/json")
                .body("""
                {"metadata":{"name":"Bad_Name"},"spec":{"subscriber":{"function":"hello"}}}""")
                .post("/admin/v1/triggers")
                .then()
                .statusCode(400)
                .body("error", containsString("metadata.name"));
    }
}
