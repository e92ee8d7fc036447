package dev.quiver.runtime.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.quiver.runtime.config.RuntimeSettings;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

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

    void onStart(@Observes StartupEvent event, InstanceState state, RuntimeSettings settings, Config config) {
        if (settings.warmupInputs().isEmpty() || settings.warmupIterations() == 0) {
            state.ready();
            return;
        }
        state.warming();
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        Thread worker = new Thread(() -> run(state, settings, config, portKey), "quiver-warmup");
        worker.setDaemon(true);
        worker.start();
    }

    private void run(InstanceState state, RuntimeSettings settings, Config config, String portKey) {
        long start = System.nanoTime();
        int calls = 0;
        try {
            int port = config.getValue(portKey, Integer.class);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + settings.warmupTimeout().toNanos();
            for (int i = 0; i < settings.warmupIterations() && System.nanoTime() < deadline; i++) {
                for (Map.Entry<String, String> input : settings.warmupInputs().entrySet()) {
                    int status = invoke(client, port, input.getKey(), input.getValue());
                    calls++;
                    if (status >= 400 && i == 0) {
                        LOG.warnf("Warm-up call of '%s' answered %d; check quiver.warmup.inputs.%s", input.getKey(),
                                status, input.getKey());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("Warm-up stopped early after %d call(s): %s", calls, e.toString());
        } finally {
            state.ready();
            LOG.infof("Warm-up done: %d call(s) in %d ms; instance ready", calls,
                    (System.nanoTime() - start) / 1_000_000L);
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
