package dev.quiver.kubernetes.activator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The activator's HTTP server (like Knative's activator): finds the function a request is for, forwards it to a
 * ready instance of the function's {@code <name>-private} Service, or, when none is ready, pokes the controller and
 * holds the request (bounded queue per function, bounded wait) until an endpoint is ready.
 *
 * <p>All state lives on one Vert.x context: requests, timers, client callbacks and directory changes (which arrive
 * on informer threads and are moved onto it), so nothing here is shared between threads.
 */
public final class Activator {
    private final Vertx vertx;
    private final ActivatorSettings settings;
    private final String namespace;
    private final Context context;
    private final HttpClient client;
    private final Forwarder forwarder;
    private final ControllerPoke poker;
    private final Map<String, Deque<Waiter>> waiting = new HashMap<>();
    private final Map<String, Long> pokeTimers = new HashMap<>();
    private final Map<Endpoint, Integer> inFlight = new HashMap<>();
    private final ActivatorStats stats = new ActivatorStats();
    private FunctionDirectory directory;
    private HttpServer server;
    private long turn;

    private record Waiter(HttpServerRequest request, Target target, long[] timer) {
    }

    public Activator(Vertx vertx, ActivatorSettings settings, String namespace) {
        this.vertx = vertx;
        this.settings = settings;
        this.namespace = namespace;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(100).setKeepAlive(true));
        this.forwarder = new Forwarder(client, settings.timeout().toMillis() * 10);
        this.poker = new ControllerPoke(client, settings.controllerUrl());
    }

    /** What a {@link FunctionDirectory} should call on changes: drains the function's queue if it is now ready. */
    public FunctionDirectory.Listener listener() {
        return (ns, fn) -> context.runOnContext(v -> drain(ns + "/" + fn));
    }

    /**
     * Starts listening on {@code host} and {@code settings.port()} (0 = any free port).
     *
     * @param directoryFactory makes the directory given {@link #listener()}
     * @return the port listened on
     */
    public Future<Integer> start(String host, Function<FunctionDirectory.Listener, FunctionDirectory> directoryFactory) {
        this.directory = directoryFactory.apply(listener());
        return Future.<Integer>future(p -> context.runOnContext(v -> {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(settings.port())
                    .setHandle100ContinueAutomatically(true))
                    .requestHandler(this::handle);
            server.listen().map(HttpServer::actualPort).onComplete(p);
        }));
    }

    public Future<Void> close() {
        Future<Void> f = server == null ? Future.succeededFuture() : server.close();
        return f.compose(v -> client.close());
    }

    /** Counters for {@code /q/metrics}-style exposition. */
    public ActivatorStats stats() {
        return stats;
    }

    private void handle(HttpServerRequest req) {
        req.pause();
        stats.received();
        Optional<Target> found = Target.of(req.getHeader("host"), req.uri(), namespace, settings.clusterDomain());
        if (found.isEmpty()) {
            reject(req, 404, null, "no function in Host '" + req.getHeader("host")
                    + "': use <function>.<namespace>.svc." + settings.clusterDomain() + " or the path /f/<function>/");
            return;
        }
        Target t = found.get();
        if (!directory.known(t.namespace(), t.function())) {
            stats.unknown();
            reject(req, 404, t.function(), "unknown function '" + t.function() + "' in namespace '"
                    + t.namespace() + "'");
            return;
        }
        List<Endpoint> ready = directory.ready(t.namespace(), t.function());
        Deque<Waiter> queue = waiting.computeIfAbsent(t.key(), k -> new ArrayDeque<>());
        switch (Admission.of(ready.size(), queue.size(), settings.queueDepth())) {
            case FORWARD -> forward(req, t, ready);
            case REJECT -> {
                stats.rejected();
                reject(req, 503, t.function(), "function '" + t.function() + "' has no ready instance and "
                        + queue.size() + " requests are already waiting (quiver.kubernetes.activator.queue-depth)");
            }
            case WAIT -> hold(req, t, queue);
        }
    }

    private void hold(HttpServerRequest req, Target t, Deque<Waiter> queue) {
        Waiter w = new Waiter(req, t, new long[1]);
        w.timer()[0] = vertx.setTimer(settings.timeout().toMillis(), id -> expire(w));
        req.response().closeHandler(v -> {
            if (queue.remove(w)) {
                vertx.cancelTimer(w.timer()[0]);
            }
        });
        queue.add(w);
        stats.held();
        if (!pokeTimers.containsKey(t.key())) {
            poker.poke(t.namespace(), t.function());
            pokeTimers.put(t.key(), vertx.setPeriodic(settings.pokeInterval().toMillis(), id -> {
                if (waiting.getOrDefault(t.key(), new ArrayDeque<>()).isEmpty()) {
                    vertx.cancelTimer(id);
                    pokeTimers.remove(t.key());
                } else {
                    poker.poke(t.namespace(), t.function());
                }
            }));
        }
    }

    private void expire(Waiter w) {
        Deque<Waiter> queue = waiting.get(w.target().key());
        if (queue != null && queue.remove(w)) {
            stats.timedOut();
            reject(w.request(), 503, w.target().function(), "function '" + w.target().function()
                    + "' had no ready instance within " + settings.timeout().toMillis()
                    + " ms (quiver.kubernetes.activator.timeout)");
        }
    }

    private void drain(String key) {
        Deque<Waiter> queue = waiting.get(key);
        if (queue == null || queue.isEmpty()) {
            return;
        }
        Waiter first = queue.peek();
        List<Endpoint> ready = directory.ready(first.target().namespace(), first.target().function());
        while (!ready.isEmpty() && !queue.isEmpty()) {
            Waiter w = queue.poll();
            vertx.cancelTimer(w.timer()[0]);
            forward(w.request(), w.target(), ready);
        }
    }

    private void forward(HttpServerRequest req, Target t, List<Endpoint> ready) {
        Endpoint to = EndpointChoice.pick(ready, inFlight, turn++);
        inFlight.merge(to, 1, Integer::sum);
        stats.forwarded();
        forwarder.forward(req, t, to).onComplete(r -> inFlight.computeIfPresent(to, (e, n) -> n > 1 ? n - 1 : null));
    }

    private void reject(HttpServerRequest req, int status, String function, String error) {
        req.resume();
        Answers.send(req.response(), status, function, error, settings.retryAfterSeconds());
    }
}
