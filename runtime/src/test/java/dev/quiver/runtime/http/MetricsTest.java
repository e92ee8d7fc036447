package dev.quiver.runtime.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Per-function requests, errors, latency histogram and in-flight on the Prometheus endpoint. */
@QuarkusTest
class MetricsTest {

    @Test
    void prometheusEndpointHasPerFunctionMeters() {
        given().contentType("application/json")
                .body("{\"name\":\"M\"}")
                .post("/greet")
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body("{\"name\":\"M\"}")
                .post("/boom")
                .then()
                .statusCode(500);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .containsPattern("quiver_function_requests_total\\{function=\"greet\",outcome=\"success\"[^}]*} [1-9]")
                .containsPattern(
                        "quiver_function_requests_total\\{function=\"boom\",outcome=\"server_error\"[^}]*} [1-9]")
                .containsPattern("quiver_function_duration_seconds_bucket\\{function=\"greet\"")
                .containsPattern("quiver_function_duration_seconds_count\\{function=\"greet\"[^}]*} [1-9]")
                .contains("quiver_function_in_flight{function=\"nap\"");
    }
}
