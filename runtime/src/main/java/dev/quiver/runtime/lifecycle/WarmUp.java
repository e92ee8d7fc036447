package dev.quiver.runtime.lifecycle;

import dev.quiver.runtime.config.RuntimeSettings;
import dev.quiver.runtime.http.InstanceTraffic;
import dev.quiver.runtime.warmup.WarmUpHook;
import dev.quiver.runtime.warmup.WarmUpHooks;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Optional warm-up before the instance reports ready: first the app's {@link WarmUpHook} beans (its real path: clients,
 * services), then each function named under {@code quiver.warmup.inputs} is invoked over the instance's own HTTP port
 * with its sample input, {@code quiver.warmup.iterations} times, so the JIT has compiled the request path before real
 * traffic (what warm-pool instances do). Warm-up requests are not counted in the stats. They are sent as the
 * activator sends a request (a Vert.x HTTP/1.1 client, {@code X-Forwarded-*} headers), each on a new connection, so the
 * instance's accept and connection set-up are compiled too: the first request of a promoted instance comes on a
 * connection it has not served before. With neither hooks nor inputs the instance is ready at once. Once ready and listening, it pushes "ready" to the platform that spawned it
 * ({@link ReadyPush}).
 */
@Singleton
public class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    public static final String HEADER = "X-Quiver-Warmup";

    private final CompletableFuture<Integer> listening = new CompletableFuture<>();
    private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();
    /** The client side of each connection a warm-up request travelled on. */
    private final Set<SocketAddress> connections = ConcurrentHashMap.newKeySet();

    WarmUp() {
        listening.thenAcceptBoth(warmedUp, (port, v) -> ReadyPush.send(System.getenv(), port));
    }

    void onStart(
            @Observes StartupEvent event,
            InstanceState state,
            RuntimeSettings settings,
            InstanceTraffic traffic,
            Vertx vertx,
            @Any Instance<WarmUpHook> hooks) {
        List<WarmUpHooks.Named> named = settings.warmupIterations() > 0
                ? hooks.handlesStream()
                        .map(h ->
                                new WarmUpHooks.Named(h.getBean().getBeanClass().getName(), h.get()))
                        .toList()
                : List.of();
        if (!settings.warmsUp() && named.isEmpty()) {
            state.ready();
            warmedUp.complete(null);
            return;
        }
        state.warming();
        Thread worker = new Thread(() -> run(state, settings, traffic, vertx, named), "quiver-warmup");
        worker.setDaemon(true);
        worker.start();
    }

    /** Quarkus fires this (asynchronously) once the HTTP server listens; the port registry then has its real port. */
    void onListening(@ObservesAsync HttpServerStart started, ValueRegistry values) throws InterruptedException {
        boolean test = LaunchMode.current() == LaunchMode.TEST;
        // a random port (0) is in the registry once bound, which may be a moment after this event
        for (int i = 0; i < PORT_LOOKUPS && !listening.isDone(); i++) {
            Integer port = values.getOrDefault(test ? HttpServer.HTTP_TEST_PORT : HttpServer.HTTP_PORT, null);
            if (port != null && port > 0) {
                listening.complete(port);
                return;
            }
            if (started.options().getPort() > 0) {
                listening.complete(started.options().getPort());
                return;
            }
            Thread.sleep(20);
        }
        listening.completeExceptionally(
                new IllegalStateException("the HTTP port is not known after the server started"));
    }

    private static final int PORT_LOOKUPS = 100;

    /** How many distinct connections the warm-up requests used (each opens its own). */
    public int connectionsUsed() {
        return connections.size();
    }

    private void run(
            InstanceState state,
            RuntimeSettings settings,
            InstanceTraffic traffic,
            Vertx vertx,
            List<WarmUpHooks.Named> hooks) {
        long start = System.nanoTime();
        long deadline = start + settings.warmupTimeout().toNanos();
        int calls = 0;
        java.util.Set<String> asCloudEvent = new java.util.HashSet<>();
        try {
            for (WarmUpHooks.Outcome o : WarmUpHooks.run(hooks, settings.warmupTimeout(), System::nanoTime)) {
                if (o.result() == WarmUpHooks.Result.DONE) {
                    LOG.infof("Warm-up hook %s done in %d ms", o.hook(), o.millis());
                } else {
                    LOG.warnf("Warm-up hook %s %s after %d ms: %s", o.hook(), o.result(), o.millis(), o.detail());
                }
            }
            if (!settings.warmsUp()) {
                return;
            }
            int port = listening.get(settings.warmupTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // HTTP/1.1 as real callers (the activator, the broker) speak, one new connection per request (no
            // keep-alive): the first real request of a promoted instance comes on a connection it has not seen
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setKeepAlive(false)
                    .setConnectTimeout(2000)
                    .setTcpNoDelay(true));
            for (int i = 0; i < settings.warmupIterations() && System.nanoTime() < deadline; i++) {
                for (Map.Entry<String, String> input : settings.warmupInputs().entrySet()) {
                    boolean asEvent = asCloudEvent.contains(input.getKey());
                    int status = invoke(client, port, input.getKey(), input.getValue(), asEvent);
                    calls++;
                    if ((status == 400 || status == 404) && i == 0 && !asEvent) {
                        // a function taking CloudEvent<T> refuses plain JSON (400, or 404 without an export): send the
                        // sample as a binary-mode event of the type the function is triggered by
                        asCloudEvent.add(input.getKey());
                        status = invoke(client, port, input.getKey(), input.getValue(), true);
                        calls++;
                    }
                    if (status >= 400 && i == 0) {
                        LOG.warnf(
                                "Warm-up call of '%s' answered %d; check quiver.warmup.inputs.%s",
                                input.getKey(), status, input.getKey());
                    }
                }
            }
            client.close();
        } catch (Exception e) {
            LOG.warnf("Warm-up stopped early after %d call(s): %s", calls, e.toString());
        } finally {
            traffic.retireWarmUp();
            state.ready();
            warmedUp.complete(null);
            LOG.infof(
                    "Warm-up done: %d call(s) on %d connection(s) in %d ms; instance ready",
                    calls, connections.size(), (System.nanoTime() - start) / 1_000_000L);
        }
    }

    /** The event type Funqy routes to the function: its configured trigger, else its name. */
    private static String triggerType(String function) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return config.getOptionalValue(
                        "quarkus.funqy.knative-events.mapping.\"" + function + "\".trigger", String.class)
                .or(() -> config.getOptionalValue(
                        "quarkus.funqy.knative-events.mapping." + function + ".trigger", String.class))
                .orElse(function);
    }

    private int invoke(HttpClient client, int port, String function, String json, boolean asEvent) throws Exception {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost("127.0.0.1")
                .setPort(port)
                .setURI("/" + function)
                .setTimeout(5000)
                .putHeader("Content-Type", "application/json")
                .putHeader(HEADER, "true")
                // what the activator adds to every request it forwards
                .putHeader("x-forwarded-for", "127.0.0.1")
                .putHeader("x-forwarded-proto", "http")
                .putHeader("x-forwarded-host", "localhost");
        if (asEvent) {
            options.putHeader("ce-specversion", "1.0")
                    .putHeader("ce-id", "quiver-warm-up")
                    .putHeader("ce-type", triggerType(function))
                    .putHeader("ce-source", "/quiver/warmup");
        }
        return client.request(options)
                .compose(req -> req.send(Buffer.buffer(json)).compose(resp -> {
                    connections.add(req.connection().localAddress());
                    return resp.body().map(b -> resp.statusCode());
                }))
                .toCompletionStage()
                .toCompletableFuture()
                .get(6, TimeUnit.SECONDS);
    }
}
