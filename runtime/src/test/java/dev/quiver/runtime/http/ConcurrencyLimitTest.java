package dev.quiver.runtime.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.runtime.testapp.Http;
import dev.quiver.runtime.testapp.TestFunctions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** containerConcurrency=2 with a queue of 3: two run, three wait, the rest get 503 with Retry-After. */
@QuarkusTest
@TestProfile(ConcurrencyLimitTest.LimitOfTwo.class)
class ConcurrencyLimitTest {

    public static class LimitOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quiver.container-concurrency", "2", "quiver.queue-depth", "3", "quiver.retry-after-seconds", "2");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void excessRequestsWaitInTheQueueAndOverflowGets503() throws Exception {
        TestFunctions.closeGate();
        List<CompletableFuture<HttpResponse<String>>> calls = Http.holdAll(base, 5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath stats = given().get("/quiver/stats").jsonPath();
            assertThat(stats.getInt("inFlight")).isEqualTo(2);
            assertThat(stats.getInt("queued")).isEqualTo(3);
        });

        HttpResponse<String> overflow =
                Http.post(base, "/nap", "{\"millis\":1}").get(5, TimeUnit.SECONDS);
        assertThat(overflow.statusCode()).isEqualTo(503);
        assertThat(overflow.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(overflow.body()).contains("\"error\":\"overloaded\"").contains("concurrency limit (2)");
        assertThat(calls).noneMatch(CompletableFuture::isDone);

        TestFunctions.openGate();

        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"millis\":7");
        }
        JsonPath after = given().get("/quiver/stats").jsonPath();
        assertThat(after.getInt("inFlight")).isZero();
        assertThat(after.getInt("queued")).isZero();
        assertThat(after.getLong("rejectedTotal")).isEqualTo(1);
    }
}
