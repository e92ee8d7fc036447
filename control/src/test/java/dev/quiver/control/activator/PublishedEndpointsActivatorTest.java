package dev.quiver.control.activator;

import dev.quiver.control.activator.coldstart.ColdStartMeters;
import dev.quiver.control.activator.coldstart.ColdStartRecorder;
import dev.quiver.control.activator.routing.LocalRouter;
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

/** The contract against the bare activator fed by {@link PublishedEndpoints}, with no backend around it. */
class PublishedEndpointsActivatorTest extends ActivatorContract {

    @Override
    protected Backend start(ActivatorSettings settings) throws Exception {
        PublishedEndpoints published = new PublishedEndpoints();
        List<String> pokes = new CopyOnWriteArrayList<>();
        MeterRegistry meters = new SimpleMeterRegistry();
        Activator activator = new Activator(
                settings,
                new LocalRouter("localhost"),
                published,
                f -> pokes.add(f.name()),
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
                published.publish(ref(function), Routing.none(containerConcurrency));
            }

            @Override
            public void ready(String function, int containerConcurrency, List<Endpoint> endpoints) {
                published.publish(ref(function), new Routing(endpoints, containerConcurrency));
            }

            @Override
            public void remove(String function) {
                published.remove(ref(function));
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
