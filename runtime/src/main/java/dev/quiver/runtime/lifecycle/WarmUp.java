package dev.quiver.runtime.lifecycle;

import dev.quiver.runtime.config.RuntimeSettings;
import dev.quiver.runtime.http.InstanceTraffic;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Optional warm-up before the instance reports ready: each function named under {@code quiver.warmup.inputs} is
 * invoked over the instance's own HTTP port with its sample input, {@code quiver.warmup.iterations} times, so the JIT
 * has compiled the request path before real traffic (what warm-pool instances do). Warm-up requests are not counted
 * in the stats. Without inputs the instance is ready at once.
 */
@Singleton
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    public static final String HEADER = "X-Quiver-Warmup";

    private final CompletableFuture<Integer> listening = new CompletableFuture<>();

    void onStart(@Observes StartupEvent event, InstanceState state, RuntimeSettings settings, InstanceTraffic traffic) {
        if (!settings.warmsUp()) {
            state.ready();
            return;
        }
        state.warming();
        Thread worker = new Thread(() -> run(state, settings, traffic), "quiver-warmup");
        worker.setDaemon(true);
        worker.start();
    }

    /** Quarkus fires this (asynchronously) once the HTTP server listens; the port registry then has its real port. */
    void onListening(@ObservesAsync HttpServerStart started, ValueRegistry values) {
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        Integer port = values.getOrDefault(test ? HttpServer.HTTP_TEST_PORT : HttpServer.HTTP_PORT, null);
        listening.complete(port != null && port > 0 ? port : started.options().getPort());
    }

    private void run(InstanceState state, RuntimeSettings settings, InstanceTraffic traffic) {
        long start = System.nanoTime();
        long deadline = start + settings.warmupTimeout().toNanos();
        int calls = 0;
        try {
            int port = listening.get(settings.warmupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // HTTP/1.1 as real callers (the activator, the broker) speak: the JDK client would otherwise upgrade to h2c
            // and
            // warm the HTTP/2 path instead of the one the first real request takes
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            for (int i = 0; i < settings.warmupIterations() && System.nanoTime() < deadline; i++) {
                for (Map.Entry<String, String> input : settings.warmupInputs().entrySet()) {
                    int status = invoke(client, port, input.getKey(), input.getValue());
                    calls++;
                    if (status >= 400 && i == 0) {
                        LOG.warnf(
                                "Warm-up call of '%s' answered %d; check quiver.warmup.inputs.%s",
                                input.getKey(), status, input.getKey());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("Warm-up stopped early after %d call(s): %s", calls, e.toString());
        } finally {
            traffic.retireWarmUp();
            state.ready();
            LOG.infof(
                    "Warm-up done: %d call(s) in %d ms; instance ready",
                    calls, (System.nanoTime() - start) / 1_000_000L);
        }
    }

    private static int invoke(HttpClient client, int port, String function, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + function))
                .header("Content-Type", "application/json")
                .header(HEADER, "true")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
