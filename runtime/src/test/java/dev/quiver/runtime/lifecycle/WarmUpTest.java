package dev.quiver.runtime.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.runtime.http.InstanceTraffic;
import dev.quiver.runtime.testapp.TestFunctions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With sample inputs configured, the instance invokes its function before it reports ready. */
@QuarkusTest
@TestProfile(WarmUpTest.WithSamples.class)
class WarmUpTest {

    public static class WithSamples implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quiver.warmup.inputs.greet",
                    "{\"name\":\"warm-up\"}",
                    "quiver.warmup.inputs.shout",
                    "{\"name\":\"warm-up\"}",
                    "quiver.warmup.iterations",
                    "25");
        }
    }

    @Test
    void warmUpCallsTheFunctionBeforeReadinessAndIsNotCountedAsTraffic() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        assertThat(TestFunctions.greetings()).isGreaterThanOrEqualTo(25);
        assertThat(TestFunctions.shouts())
                .as("a CloudEvent<T> function refuses plain JSON: its sample goes as a binary-mode event")
                .isGreaterThanOrEqualTo(25);
        assertThat(given().get("/quiver/stats").jsonPath().getLong("requestsTotal"))
                .isZero();
        assertThat(given().get("/quiver/stats").jsonPath().getLong("startupMillis"))
                .isPositive();
    }

    @Inject
    InstanceTraffic traffic;

    @Test
    void warmUpRunsTheAdmissionPathOnItsOwnLedgerWhoseMetersLeaveWithIt() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        assertThat(traffic.warmUpRequests())
                .as("warm-up requests accounted on the warm-up ledger")
                .isGreaterThanOrEqualTo(25);
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics)
                .doesNotContain("#warm-up")
                .contains("quiver_function_requests_total{function=\"greet\",outcome=\"success\"} 0.0");
    }

    @Inject
    WarmUp warmUp;

    @Test
    void warmUpRequestsComeOverTheInstancesOwnPortEachOnANewConnection() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        assertThat(warmUp.connectionsUsed())
                .as("two functions x 25 iterations, each request on a connection of its own")
                .isGreaterThanOrEqualTo(50);
        assertThat(traffic.warmUpRequests()).isGreaterThanOrEqualTo(warmUp.connectionsUsed());
    }
}
