package dev.quiver.control.activator;

import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Poker;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The contract's backend for an activator whose routing is published in process ({@link PublishedEndpoints}), as a
 * loop in the same process publishes it: functions are declared, made ready and removed by publishing, pokes are
 * recorded, the held count is the activator's own. Each runner says how its backend wires the activator.
 */
public final class PublishedBackend implements ActivatorContract.Backend {

    /** How a backend makes its activator from the directory, the poker and the meters. */
    public interface Wiring {
        Activator wire(PublishedEndpoints endpoints, Poker poker, MeterRegistry meters);
    }

    private final PublishedEndpoints endpoints = new PublishedEndpoints();
    private final List<String> pokes = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Activator activator;
    private final ActivatorServer server;

    private PublishedBackend(Vertx vertx, Wiring wiring) throws Exception {
        activator = wiring.wire(endpoints, f -> pokes.add(f.name()), meters);
        server = ActivatorServer.start(vertx, activator, "127.0.0.1", 0, 2)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** Starts the activator {@code wiring} makes, on a free port. */
    public static ActivatorContract.Backend start(Vertx vertx, Wiring wiring) throws Exception {
        return new PublishedBackend(vertx, wiring);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public FunctionRef ref(String function) {
        return FunctionRef.local(function);
    }

    @Override
    public void declare(String function, int containerConcurrency) {
        endpoints.publish(ref(function), Routing.none(containerConcurrency));
    }

    @Override
    public void ready(String function, int containerConcurrency, List<Endpoint> ready) {
        endpoints.publish(ref(function), new Routing(ready, containerConcurrency));
    }

    @Override
    public void remove(String function) {
        endpoints.remove(ref(function));
    }

    @Override
    public List<String> pokes() {
        return pokes;
    }

    @Override
    public QueuedRequests queued() {
        return activator;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
