package dev.quiver.runtime.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.quiver.runtime.testapp.Http;
import dev.quiver.runtime.testapp.TestFunctions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stats endpoint's numbers under real concurrent HTTP load. */
@QuarkusTest
class StatsEndpointTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void requestsHeldInFlightForAWholeWindowAverageExactlyTheirNumber() throws Exception {
        TestFunctions.closeGate();
        List<CompletableFuture<HttpResponse<String>>> held = Http.holdAll(base, 5);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().get("/quiver/stats").jsonPath().getInt("inFlight") == 5);
            Thread.sleep(1_300);
            JsonPath stats = given().get("/quiver/stats")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();

            assertThat(stats.getString("state")).isEqualTo("READY");
            assertThat(stats.getInt("inFlight")).isEqualTo(5);
            assertThat(stats.getInt("queued")).isZero();
            assertThat(stats.getDouble("windowSeconds")).isBetween(1.0, 1.3);
            assertThat(stats.getDouble("averageConcurrency")).isCloseTo(5.0, within(0.01));
            assertThat(stats.getDouble("requestsPerSecond")).isZero();
        } finally {
            TestFunctions.openGate();
        }
        for (CompletableFuture<HttpResponse<String>> call : held) {
            assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void underConcurrentLoadEveryRequestIsCountedAndTheAveragesStayWithinWhatTheClientsCanProduce() throws Exception {
        int clients = 6;
        long napMillis = 100;
        long before = given().get("/quiver/stats").jsonPath().getLong("requestsTotal");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        JsonPath stats;
        try {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    while (running.get()) {
                        if (Http.post(base, "/nap", "{\"millis\":" + napMillis + "}")
                                        .join()
                                        .statusCode()
                                == 200) {
                            answered.incrementAndGet();
                        }
                    }
                });
            }
            Thread.sleep(2_500);
            stats = given().get("/quiver/stats")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        // each client has at most one 100 ms request in the instance at a time
        assertThat(stats.getDouble("averageConcurrency")).isPositive().isLessThanOrEqualTo(clients + 0.01);
        assertThat(stats.getDouble("requestsPerSecond"))
                .isPositive()
                .isLessThanOrEqualTo(clients * 1000.0 / napMillis * 1.05);
        assertThat(stats.getInt("inFlight")).isBetween(0, clients);
        long counted = given().get("/quiver/stats").jsonPath().getLong("requestsTotal") - before;
        assertThat(counted).isEqualTo(answered.get());
    }

    @Test
    void idleWindowsReportZeroConcurrency() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = Http.napAll(base, 3, 50);
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        Thread.sleep(1_300);
        JsonPath stats =
                given().get("/quiver/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getDouble("averageConcurrency")).isZero();
        assertThat(stats.getDouble("requestsPerSecond")).isZero();
        assertThat(stats.getInt("inFlight")).isZero();
        assertThat(stats.getInt("containerConcurrency")).isZero();
    }
}
