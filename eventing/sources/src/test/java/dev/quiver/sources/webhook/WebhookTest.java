package dev.quiver.sources.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.SourcesTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Notifications from real stores POSTed to the webhooks, over real HTTP, reaching the stand-in broker. */
@QuarkusTest
@QuarkusTestResource(SourcesTestResource.class)
class WebhookTest {

    CapturingBroker broker = SourcesTestResource.broker();

    @Test
    void minioNotificationBecomesAnS3CloudEvent() throws IOException {
        signed().contentType("application/json")
                .body(sample("minio-put.json"))
                .when()
                .post("/webhooks/s3")
                .then()
                .statusCode(202)
                .body("accepted", hasSize(1));

        CloudEvent event = await().until(() -> bySource("minio:s3..uploads"), l -> !l.isEmpty())
                .get(0);
        assertThat(event.getType()).isEqualTo("com.amazonaws.s3.ObjectCreated:Put");
        assertThat(event.getSubject()).isEqualTo("cat.jpg");
        assertThat(event.getId()).isEqualTo("17D7A5E1F2B3C4D5.17D7A5E1F3A9B8C7");
    }

    @Test
    void cosNotificationBecomesACosCloudEvent() throws IOException {
        signed().contentType("application/json")
                .body(sample("cos-put.json"))
                .when()
                .post("/webhooks/cos")
                .then()
                .statusCode(202)
                .body("accepted[0]", containsString("NWMx"));

        CloudEvent event = await().until(() -> bySource("qcs::cos.ap-guangzhou.images"), l -> !l.isEmpty())
                .get(0);
        assertThat(event.getType()).isEqualTo("com.qcloud.cos.ObjectCreated:Put");
        assertThat(event.getSubject()).isEqualTo("photos/cat.png");
    }

    @Test
    void malformedNotificationGets400WithTheReasonAndNoEvent() throws IOException {
        int before = broker.requests();
        signed().contentType("application/json")
                .body("{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\"}]}")
                .when()
                .post("/webhooks/s3")
                .then()
                .statusCode(400)
                .body("error", containsString("Records[0].eventSource must be a non-empty string"));
        signed().contentType("application/json")
                .body(sample("aws-put.json"))
                .when()
                .post("/webhooks/cos")
                .then()
                .statusCode(400)
                .body("error", containsString("Records[0].cos must be an object"));
        signed().contentType("application/json")
                .body("not json")
                .when()
                .post("/webhooks/cos")
                .then()
                .statusCode(400)
                .body("error", containsString("body is not JSON"));

        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(broker.requests()).isEqualTo(before);
    }

    @Test
    void readinessIsUpOnceTheS3ApiListens() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks[0].name", containsString("quiver-sources"));
    }

    static Stream<Arguments> unsigned() {
        return Stream.of(
                Arguments.of("s3 without token", "/webhooks/s3", null),
                Arguments.of("s3 with a wrong token", "/webhooks/s3", "Bearer wrong"),
                Arguments.of("s3 with the token but no Bearer", "/webhooks/s3", SourcesTestResource.WEBHOOK_TOKEN),
                Arguments.of("cos without token", "/webhooks/cos", null),
                Arguments.of(
                        "cos with a wrong token",
                        "/webhooks/cos",
                        "Bearer " + SourcesTestResource.WEBHOOK_TOKEN + "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsigned")
    void anUnsignedOrWronglySignedNotificationGets401AndPublishesNothing(String label, String path, String auth)
            throws IOException {
        int before = broker.requests();
        var request = given().contentType("application/json")
                .body(sample(path.endsWith("cos") ? "cos-put.json" : "minio-put.json"));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        request.when()
                .post(path)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("status", org.hamcrest.Matchers.equalTo(401))
                .body("error", org.hamcrest.Matchers.equalTo("unauthorized"))
                .body("message", containsString("Authorization: Bearer <token>"));
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(broker.requests()).isEqualTo(before);
    }

    static io.restassured.specification.RequestSpecification signed() {
        return given().header("Authorization", "Bearer " + SourcesTestResource.WEBHOOK_TOKEN);
    }

    private List<CloudEvent> bySource(String source) {
        return broker.events(e -> e.getSource().toString().equals(source));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = WebhookTest.class.getResourceAsStream("/notifications/" + name)) {
            return in.readAllBytes();
        }
    }
}
