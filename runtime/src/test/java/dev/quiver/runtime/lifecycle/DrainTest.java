package dev.quiver.runtime.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.runtime.testapp.Http;
import dev.quiver.runtime.testapp.TestFunctions;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

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
        TestFunctions.closeGate();
        List<CompletableFuture<HttpResponse<String>>> inFlight = Http.holdAll(base, 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/quiver/stats").jsonPath().getInt("inFlight") == 2);

        CompletableFuture<Void> draining =
                CompletableFuture.runAsync(() -> shutdown.fire(new ShutdownDelayInitiatedEvent()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
        HttpResponse<String> late = Http.post(base, "/nap", "{\"millis\":1}").get(5, TimeUnit.SECONDS);
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("Retry-After")).isPresent();
        assertThat(late.body()).contains("\"error\":\"draining\"");
        Thread.sleep(300);
        assertThat(draining).as("drain waits while requests are in flight").isNotDone();
        assertThat(inFlight).noneMatch(CompletableFuture::isDone);

        TestFunctions.openGate();
        draining.get(20, TimeUnit.SECONDS);
        // two ran at once, the third was queued behind them: all three are answered
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            assertThat(call.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }
}
