package dev.quiver.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A function at zero: the first request promotes the warm pool instance, or is buffered until a cold start. */
class ScaleFromZeroIT {
    private final PlatformProcess platform = PlatformProcess.get();
    private final Api api = new Api(platform);

    @Test
    void theFirstRequestIsServedByThePromotedWarmInstanceAndThePoolIsRefilled() {
        assertThat(api.deployHello("pooled", "initialScale: 0\nwarmPool: 1\n").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() ->
                        assertThat(api.status("pooled").path("warm").asInt()).isEqualTo(1));
        assertThat(api.status("pooled").path("ready").asInt()).isZero();

        HttpResponse<String> r = api.hello("pooled", "Ada");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Hello Ada!");
        var s = api.status("pooled");
        assertThat(s.path("promotions").asInt()).isEqualTo(1);
        assertThat(s.path("coldStarts").asInt()).isZero();
        assertThat(s.at("/coldStart/warm/firstByte/count").asInt())
                .as("warm records")
                .isEqualTo(1);
        assertThat(s.at("/coldStart/cold/firstByte/count").asInt())
                .as("cold records")
                .isZero();
        assertThat(s.path("coldStartText").asText()).startsWith("warm 1/1 p50 ");
        assertThat(s.path("launch").asText())
                .as("an archive is used: %s", s.path("launchReason"))
                .matches("jdk[0-9]+-(aot|appcds)");
        assertThat(firstLine(s.at("/instances/0/log").asText()))
                .as("a pool instance keeps its warm-up")
                .doesNotContain("-Dquiver.warmup.iterations=0");
        assertThat(api.metrics())
                .containsPattern(
                        "quiver_coldstart_first_byte_seconds_count\\{function=\"pooled\",served_by=\"warm\",?} 1\\.0");
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() ->
                        assertThat(api.status("pooled").path("warm").asInt()).isEqualTo(1));
        api.delete("pooled");
    }

    @Test
    void requestsAtZeroWithoutAPoolAreBufferedUntilTheColdStartedInstanceIsReady() {
        assertThat(api.deployHello("buffered", "initialScale: 0\nwarmPool: 0\n").statusCode())
                .isEqualTo(201);
        assertThat(api.status("buffered").path("instances")).isEmpty();

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.hello("buffered", "caller" + i)))
                .toList();

        assertThat(calls).allSatisfy(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        var s = api.status("buffered");
        assertThat(s.path("coldStarts").asInt()).isEqualTo(1);
        assertThat(s.at("/coldStart/cold/firstByte/count").asInt())
                .as("cold records")
                .isBetween(1, 5);
        assertThat(s.at("/coldStart/cold/firstByte/count").asInt()
                        + s.at("/coldStart/warm/firstByte/count").asInt())
                .as("records of requests at no capacity")
                .isLessThanOrEqualTo(5);
        assertThat(s.at("/coldStart/cold/waiting/p50Ms").asDouble()).as("wait").isPositive();
        assertThat(s.at("/coldStart/cold/served/p50Ms").asDouble()).as("served").isPositive();
        assertThat(s.at("/instances/0/startupMillis").asLong())
                .as("spawn to ready")
                .isPositive();
        assertThat(firstLine(s.at("/instances/0/log").asText()))
                .as("an on-demand start skips the warm-up")
                .contains("-Dquiver.warmup.iterations=0");
        String metrics = api.metrics();
        assertThat(metrics)
                .containsPattern(
                        "quiver_coldstart_wait_seconds_count\\{function=\"buffered\",served_by=\"cold\",?} [1-5]\\.0");
        assertThat(metrics)
                .containsPattern("quiver_instance_startup_seconds_count\\{function=\"buffered\","
                        + "launch=\"jdk[0-9a-z-]+\",role=\"active\",?} 1\\.0");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.status("buffered")
                                .at("/instances/0/reportedStartupMillis")
                                .asLong())
                        .as("the instance's own report")
                        .isPositive());
        assertThat(api.metrics())
                .containsPattern("quiver_activator_requests_total\\{function=\"buffered\",outcome=\"held\"} [1-5]\\.0");
        api.delete("buffered");
    }

    @Test
    void theAppCdsArchiveIsUsedFromACopiedApp() {
        // the platform runs a cp -a style copy of hello; the instance runs in its directory, where the archive's
        // relative class path ("quarkus-run.jar") resolves, so the JVM maps it and the log scan finds no complaint
        assertThat(api.deployHello("cds", "initialScale: 1\nminScale: 1\n", "jvm: {archive: appcds}")
                        .statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() ->
                        assertThat(api.status("cds").path("ready").asInt()).isEqualTo(1));
        assertThat(api.hello("cds", "Ada").statusCode()).isEqualTo(200);
        var s = api.status("cds");
        assertThat(s.path("launch").asText()).as("%s", s.path("launchReason")).matches("jdk[0-9]+-appcds");
        assertThat(s.at("/instances/0/launch").asText()).matches("jdk[0-9]+-appcds");
        api.delete("cds");
    }

    @Test
    void anUnknownFunctionIs404() {
        HttpResponse<String> r = api.hello("nobody", "Ada");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No function 'nobody' is deployed.");
    }

    private static String firstLine(String log) {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of(log))) {
            return lines.findFirst().orElse("");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
