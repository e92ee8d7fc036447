package dev.quiver.kubernetes.activator;

import dev.quiver.control.activator.ActivatorContract;
import dev.quiver.control.activator.ActivatorSettings;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.QueuedRequests;
import dev.quiver.control.route.Routing;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import dev.quiver.kubernetes.resource.Function;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The activator contract on the Kubernetes backend: wired by {@link ActivatorStartup#start} as the activator role
 * wires it, endpoints from the mock API server (CRUD mode) through {@link KubeDirectory}'s informers (a Function
 * resource per function, {@code spec.scale.containerConcurrency} for the hard limit, one EndpointSlice of the
 * {@code <name>-private} Service per endpoint), pokes to a fake controller over HTTP.
 */
@QuarkusTest
@WithKubernetesTestServer
class KubernetesActivatorContractTest extends ActivatorContract {
    static final String NS = "contract";

    @Inject
    KubernetesClient client;

    @Override
    protected Backend start(ActivatorSettings s) throws Exception {
        new MockCluster(client).installCrds();
        client.resources(Function.class).inNamespace(NS).delete();
        client.discovery().v1().endpointSlices().inNamespace(NS).delete();
        FakeController controller = new FakeController(vertx);
        MeterRegistry meters = new SimpleMeterRegistry();
        ActivatorStartup.Running running = ActivatorStartup.start(
                        vertx,
                        client,
                        new dev.quiver.kubernetes.activator.ActivatorSettings(
                                0,
                                s.timeout(),
                                s.queueSize(),
                                s.retryAfterSeconds(),
                                s.pokeInterval(),
                                "cluster.local",
                                controller.uri(),
                                s.maxBodyBytes(),
                                s.maxQueuedBytes()),
                        NS,
                        new WatchedNamespaces(false, List.of(NS)),
                        "127.0.0.1",
                        2,
                        meters)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        return new Backend() {
            @Override
            public int port() {
                return running.server().port();
            }

            @Override
            public FunctionRef ref(String function) {
                return new FunctionRef(NS, function);
            }

            @Override
            public void declare(String function, int cc) throws Exception {
                Function f = Functions.of(function, NS, Map.of("containerConcurrency", cc));
                if (client.resource(f).get() == null) {
                    client.resource(f).create();
                } else {
                    client.resources(Function.class)
                            .inNamespace(NS)
                            .withName(function)
                            .edit(old -> {
                                old.getSpec().setScale(f.getSpec().getScale());
                                return old;
                            });
                }
                await(() -> routing(function) != null && routing(function).containerConcurrency() == cc);
            }

            @Override
            public void ready(String function, int cc, List<Endpoint> endpoints) throws Exception {
                declare(function, cc);
                client.discovery()
                        .v1()
                        .endpointSlices()
                        .inNamespace(NS)
                        .withLabel("kubernetes.io/service-name", function + "-private")
                        .delete();
                for (int i = 0; i < endpoints.size(); i++) {
                    Endpoint e = endpoints.get(i);
                    EndpointSlice slice = new EndpointSliceBuilder()
                            .withNewMetadata()
                            .withName(function + "-private-" + i)
                            .withNamespace(NS)
                            .addToLabels("kubernetes.io/service-name", function + "-private")
                            .endMetadata()
                            .withAddressType("IPv4")
                            .withEndpoints(new EndpointBuilder()
                                    .withAddresses(e.host())
                                    .withNewConditions()
                                    .withReady(true)
                                    .endConditions()
                                    .build())
                            .withPorts(new EndpointPortBuilder()
                                    .withName("http")
                                    .withPort(e.port())
                                    .build())
                            .build();
                    client.resource(slice).create();
                }
                await(() -> routing(function) != null
                        && new HashSet<>(ports(routing(function).endpoints())).equals(new HashSet<>(ports(endpoints))));
            }

            @Override
            public void remove(String function) throws Exception {
                client.resources(Function.class)
                        .inNamespace(NS)
                        .withName(function)
                        .delete();
                await(() -> routing(function) == null);
            }

            private Routing routing(String function) {
                return running.directory().routing(ref(function)).orElse(null);
            }

            private List<Integer> ports(List<Endpoint> endpoints) {
                return endpoints.stream().map(Endpoint::port).toList();
            }

            @Override
            public List<String> pokes() {
                return controller.pokes.stream()
                        .map(p -> p.substring(p.lastIndexOf('/') + 1))
                        .filter(Objects::nonNull)
                        .toList();
            }

            @Override
            public QueuedRequests queued() {
                return running.activator();
            }

            @Override
            public MeterRegistry meters() {
                return meters;
            }

            @Override
            public void close() throws Exception {
                running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                controller.close();
            }
        };
    }
}
