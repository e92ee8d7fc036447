package dev.quiver.runtime.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.quiver.runtime.testapp.Http;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The stats endpoint's numbers under real concurrent HTTP load. */
@QuarkusTest
class StatsEndpointTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void reportsInFlightAverageConcurrencyAndRateUnderLoad() throws Exception {
        int clients = 6;
        long napMillis = 100;
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (running.get()) {
                    Http.post(base, "/nap", "{\"millis\":" + napMillis + "}").join();
                }
            });
        }
        try {
            Thread.sleep(2_500);
            JsonPath stats = given().get("/quiver/stats").then().statusCode(200).extract().jsonPath();

            assertThat(stats.getString("state")).isEqualTo("READY");
            assertThat(stats.getInt("inFlight")).isBetween(1, clients);
            assertThat(stats.getInt("queued")).isZero();
            assertThat(stats.getDouble("windowSeconds")).isBetween(1.0, 1.2);
            // six closed-loop clients, each with one 100 ms request at a time: concurrency just under 6
            assertThat(stats.getDouble("averageConcurrency")).isCloseTo(clients, within(1.2));
            // each client completes at most 10 naps per second
            assertThat(stats.getDouble("requestsPerSecond")).isBetween(clients * 5.0, clients * 10.5);
            assertThat(stats.getLong("requestsTotal")).isGreaterThanOrEqualTo(clients * 10L);
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void idleWindowsReportZeroConcurrency() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = Http.napAll(base, 3, 50);
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        Thread.sleep(1_300);
        JsonPath stats = given().get("/quiver/stats").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getDouble("averageConcurrency")).isZero();
        assertThat(stats.getDouble("requestsPerSecond")).isZero();
        assertThat(stats.getInt("inFlight")).isZero();
        assertThat(stats.getInt("containerConcurrency")).isZero();
    }
}
