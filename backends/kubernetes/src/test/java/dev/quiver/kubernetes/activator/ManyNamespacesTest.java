package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Routing;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The activator (running in quiver) for Functions in the namespaces it is given: functions of the same name in two
 * namespaces are told apart by the Host, a namespace not listed is unknown.
 */
@QuarkusTest
@WithKubernetesTestServer
class ManyNamespacesTest {
    static final Duration LONG = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    @Inject
    Vertx vertx;

    @Test
    void requestsReachThePodsOfTheFunctionInTheNamespaceTheHostNames() throws Exception {
        new MockCluster(client).installCrds();
        FakeController controller = new FakeController(vertx);
        HttpClient http = vertx.createHttpClient();
        FakePod a = new FakePod(vertx, "pod-in-team-a");
        FakePod b = new FakePod(vertx, "pod-in-team-b");
        for (String ns : List.of("team-a", "team-b", "unlisted")) {
            client.resource(Functions.of("same", ns, Map.of())).create();
        }
        slice("team-a", a);
        slice("team-b", b);
        slice("unlisted", a);
        ActivatorStartup.Running running = ActivatorStartup.start(
                        vertx,
                        client,
                        new ActivatorSettings(0, LONG, 10, 1, Duration.ofSeconds(1), "cluster.local", controller.uri()),
                        "quiver",
                        WatchedNamespaces.parse(Optional.of("team-a,team-b"), "quiver"),
                        "127.0.0.1",
                        1,
                        new SimpleMeterRegistry())
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        KubeDirectory directory = running.directory();
        int port = running.server().port();
        try {
            await().atMost(LONG)
                    .until(() -> ready(directory, "team-a").size() == 1
                            && ready(directory, "team-b").size() == 1);
            assertThat(ready(directory, "team-a")).containsExactly(a.endpoint());
            assertThat(ready(directory, "team-b")).containsExactly(b.endpoint());
            assertThat(directory.routing(new FunctionRef("unlisted", "same"))).isEmpty();

            assertThat(get(http, port, "same.team-b.svc.cluster.local")).isEqualTo("200 pod-in-team-b got 0 bytes");
            assertThat(get(http, port, "same.team-a.svc")).isEqualTo("200 pod-in-team-a got 0 bytes");
            assertThat(get(http, port, "same.unlisted.svc.cluster.local"))
                    .startsWith("404 ")
                    .contains("No function 'same' in namespace 'unlisted' is deployed.");
        } finally {
            running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            a.close();
            b.close();
            controller.close();
            http.close();
        }
    }

    private static List<Endpoint> ready(KubeDirectory directory, String namespace) {
        return directory
                .routing(new FunctionRef(namespace, "same"))
                .map(Routing::endpoints)
                .orElse(List.of());
    }

    private static String get(HttpClient http, int port, String host) throws Exception {
        RequestOptions o = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .setMethod(HttpMethod.GET)
                .setURI("/")
                .setHost(host)
                .setPort(80);
        return http.request(o)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> resp.statusCode() + " " + body))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
    }

    private void slice(String ns, FakePod pod) {
        client.resource(new EndpointSliceBuilder()
                        .withNewMetadata()
                        .withName("same-private-x1")
                        .withNamespace(ns)
                        .addToLabels("kubernetes.io/service-name", "same-private")
                        .endMetadata()
                        .withAddressType("IPv4")
                        .addNewEndpoint()
                        .withAddresses("127.0.0.1")
                        .withNewConditions()
                        .withReady(true)
                        .endConditions()
                        .endEndpoint()
                        .addToPorts(new EndpointPortBuilder()
                                .withName("http")
                                .withPort(pod.port())
                                .build())
                        .build())
                .create();
    }
}
