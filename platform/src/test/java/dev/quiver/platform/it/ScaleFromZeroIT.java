package dev.quiver.platform.it;

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
        assertThat(api.deployHello("pooled", "initialScale: 0\nwarmPool: 1\n").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(api.status("pooled").path("warm").asInt()).isEqualTo(1));
        assertThat(api.status("pooled").path("ready").asInt()).isZero();

        HttpResponse<String> r = api.hello("pooled", "Ada");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Hello Ada!");
        var s = api.status("pooled");
        assertThat(s.path("promotions").asInt()).isEqualTo(1);
        assertThat(s.path("coldStarts").asInt()).isZero();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(api.status("pooled").path("warm").asInt()).isEqualTo(1));
        api.delete("pooled");
    }

    @Test
    void requestsAtZeroWithoutAPoolAreBufferedUntilTheColdStartedInstanceIsReady() {
        assertThat(api.deployHello("buffered", "initialScale: 0\nwarmPool: 0\n").statusCode()).isEqualTo(201);
        assertThat(api.status("buffered").path("instances")).isEmpty();

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.hello("buffered", "caller" + i))).toList();

        assertThat(calls).allSatisfy(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        assertThat(api.status("buffered").path("coldStarts").asInt()).isEqualTo(1);
        assertThat(api.metrics()).containsPattern(
                "quiver_activator_requests_total\\{function=\"buffered\",outcome=\"buffered\"} [1-5]\\.0");
        api.delete("buffered");
    }

    @Test
    void anUnknownFunctionIs404() {
        HttpResponse<String> r = api.hello("nobody", "Ada");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("No function 'nobody' is deployed.");
    }
}
