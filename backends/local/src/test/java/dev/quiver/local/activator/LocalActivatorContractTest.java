package dev.quiver.local.activator;

import dev.quiver.control.activator.ActivatorContract;
import dev.quiver.control.activator.ActivatorServer;
import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.PublishedEndpoints;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The activator contract on the local backend: wired by {@link ActivatorBeans#wire} as the platform wires it;
 * functions are deployed and made ready the way the loop does it (published into {@link PublishedEndpoints}), pokes
 * arrive at the {@link LoopPoker} the loop is attached to, and the held count is what the loop reads.
 */
class LocalActivatorContractTest extends ActivatorContract {

    @Override
    protected Backend start(ActivatorSettings settings) throws Exception {
        PublishedEndpoints endpoints = new PublishedEndpoints();
        List<String> pokes = new CopyOnWriteArrayList<>();
        LoopPoker poker = new LoopPoker();
        poker.attach(f -> pokes.add(f.name()));
        MeterRegistry meters = new SimpleMeterRegistry();
        var activator = ActivatorBeans.wire(
                settings,
                "quiver.localhost",
                endpoints,
                poker,
                meters,
                new ColdStartRecorder(new ColdStartMeters(meters)));
        ActivatorServer server = ActivatorServer.start(vertx, activator, "127.0.0.1", 0, 2)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return new Backend() {
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
                endpoints.publish(FunctionRef.local(function), Routing.none(containerConcurrency));
            }

            @Override
            public void ready(String function, int containerConcurrency, List<Endpoint> ready) {
                endpoints.publish(FunctionRef.local(function), new Routing(ready, containerConcurrency));
            }

            @Override
            public void remove(String function) {
                endpoints.remove(FunctionRef.local(function));
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
        };
    }
}
