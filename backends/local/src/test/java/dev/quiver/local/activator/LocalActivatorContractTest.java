package dev.quiver.local.activator;

import dev.quiver.control.activator.ActivatorContract;
import dev.quiver.control.activator.ActivatorServer;
import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.QueuedRequests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The activator contract on the local backend: wired by {@link ActivatorBeans#wire} as the platform wires it;
 * functions are deployed and made ready the way the current loop does it ({@link Gates#put},
 * {@link FunctionGate#update}, which publish into {@code PublishedEndpoints}), pokes arrive at the gate's poke
 * handler, and the held count is read back through the gate ({@link FunctionGate#queued()}).
 */
class LocalActivatorContractTest extends ActivatorContract {

    @Override
    protected Backend start(ActivatorSettings settings) throws Exception {
        Gates gates = new Gates();
        List<String> pokes = new CopyOnWriteArrayList<>();
        MeterRegistry meters = new SimpleMeterRegistry();
        var activator = ActivatorBeans.wire(settings, "quiver.localhost", gates.endpoints(), gates, meters,
                new ColdStartRecorder(new ColdStartMeters(meters)));
        ActivatorServer server = ActivatorServer.start(vertx, activator, "127.0.0.1", 0, 2).toCompletionStage()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
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
                gate(function, containerConcurrency);
            }

            @Override
            public void ready(String function, int containerConcurrency, List<Endpoint> endpoints) {
                gate(function, containerConcurrency).update(endpoints.stream()
                        .map(e -> new dev.quiver.local.activator.Endpoint(e.id(), e.host(), e.port())).toList(),
                        containerConcurrency);
            }

            private FunctionGate gate(String function, int cc) {
                FunctionGate g = gates.get(function);
                if (g == null) {
                    g = new FunctionGate(function, settings.queueSize(), cc);
                    g.onPoke(() -> pokes.add(function));
                    gates.put(g);
                }
                return g;
            }

            @Override
            public void remove(String function) {
                gates.remove(function);
            }

            @Override
            public List<String> pokes() {
                return pokes;
            }

            @Override
            public QueuedRequests queued() {
                return f -> gates.get(f.name()) == null ? 0 : gates.get(f.name()).queued();
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
