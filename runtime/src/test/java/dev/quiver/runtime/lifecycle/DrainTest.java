package dev.quiver.runtime.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.quiver.runtime.testapp.Http;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The shutdown sequence as Quarkus starts it on SIGTERM (the pre-shutdown event): readiness goes down, new requests
 * get 503, and in-flight requests finish before shutdown may go on. (The hello example checks a real SIGTERM.)
 */
@QuarkusTest
@TestProfile(DrainTest.Draining.class)
class DrainTest {

    public static class Draining implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quiver.drain.timeout", "20s", "quiver.container-concurrency", "2");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdown;

    @Test
    void readinessDropsNewRequestsGet503AndInFlightOnesFinish() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        List<CompletableFuture<HttpResponse<String>>> inFlight = Http.napAll(base, 3, 1_500);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> given().get("/quiver/stats").jsonPath().getInt("inFlight") == 2);

        long start = System.nanoTime();
        CompletableFuture<Void> draining = CompletableFuture.runAsync(
                () -> shutdown.fire(new ShutdownDelayInitiatedEvent()));

        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
        HttpResponse<String> late = Http.post(base, "/nap", "{\"millis\":1}").get(5, TimeUnit.SECONDS);
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("Retry-After")).isPresent();
        assertThat(late.body()).contains("\"error\":\"draining\"");
        assertThat(draining).isNotDone();

        draining.get(20, TimeUnit.SECONDS);
        long drainedAfterMillis = (System.nanoTime() - start) / 1_000_000L;
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            assertThat(call).isDone();
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        // two ran at once, the third was queued behind them: the drain waited for all three
        assertThat(drainedAfterMillis).isGreaterThanOrEqualTo(1_000);
    }
}
