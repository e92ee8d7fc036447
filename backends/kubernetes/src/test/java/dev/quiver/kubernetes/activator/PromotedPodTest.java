package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Routing;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Endpoints carry their pod's readiness time ({@code Ready}'s {@code lastTransitionTime}): a warm-pool pod promoted
 * for a waiting request (ready long before, in the private Service's slice only now) is counted {@code warm}, a pod
 * that became ready after the request {@code cold}, as on the local backend.
 */
@QuarkusTest
@WithKubernetesTestServer
class PromotedPodTest {
    static final Duration LONG = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    @Inject
    Vertx vertx;

    @Test
    void anEndpointCarriesWhenItsPodBecameReady() throws Exception {
        String ns = "ready-time";
        Instant thirtySecondsAgo = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        new MockCluster(client).installCrds();
        client.resource(Functions.of("fn", ns, Map.of())).create();
        pod(ns, "fn", "fn-warm-abcde", thirtySecondsAgo);
        pod(ns, "fn", "fn-unknown", null);
        try (KubeDirectory directory = new KubeDirectory(client, new WatchedNamespaces(false, List.of(ns))).start()) {
            slice(ns, "fn", Map.of("fn-warm-abcde", "10.0.0.1", "fn-unknown", "10.0.0.2"), 8080);
            await().atMost(LONG).until(() -> ready(directory, ns, "fn").size() == 2);
            List<Endpoint> first = ready(directory, ns, "fn");
            assertThat(first)
                    .containsExactly(
                            new Endpoint("fn-warm-abcde", "10.0.0.1", 8080, thirtySecondsAgo),
                            new Endpoint("fn-unknown", "10.0.0.2", 8080, null));

            // a pod update that leaves its Ready time alone yields the same endpoints
            client.pods()
                    .inNamespace(ns)
                    .withName("fn-warm-abcde")
                    .edit(p -> new PodBuilder(p)
                            .editMetadata()
                            .addToAnnotations("touched", "yes")
                            .endMetadata()
                            .build());
            await().atMost(LONG)
                    .until(() -> directory.pods().stream()
                            .anyMatch(i -> i.getStore()
                                    .getByKey(ns + "/fn-warm-abcde")
                                    .getMetadata()
                                    .getAnnotations()
                                    .containsKey("touched")));
            assertThat(ready(directory, ns, "fn")).isEqualTo(first);
        }
    }

    @Test
    void aPoolPodPromotedForAWaitingRequestServesItWarm() throws Exception {
        assertThat(servedBy("promoted", true)).isEqualTo("warm");
    }

    @Test
    void aPodThatBecameReadyAfterTheRequestServesItCold() throws Exception {
        assertThat(servedBy("started", false)).isEqualTo("cold");
    }

    /** A request waits at zero; a pod (ready before it or after it) enters the slice; how the wait is labelled. */
    private String servedBy(String ns, boolean readyBefore) throws Exception {
        new MockCluster(client).installCrds();
        client.resource(Functions.of("fn", ns, Map.of())).create();
        FakeController controller = new FakeController(vertx);
        FakePod pod = new FakePod(vertx, "fn-pod");
        HttpClient http = vertx.createHttpClient();
        MeterRegistry meters = new SimpleMeterRegistry();
        if (readyBefore) {
            pod(ns, "fn", "fn-pod", Instant.now().minusSeconds(600));
        }
        ActivatorStartup.Running running = ActivatorStartup.start(
                        vertx,
                        client,
                        new ActivatorSettings(0, LONG, 10, 1, Duration.ofSeconds(1), "cluster.local", controller.uri()),
                        ns,
                        new WatchedNamespaces(false, List.of(ns)),
                        "127.0.0.1",
                        1,
                        meters)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        FunctionRef ref = new FunctionRef(ns, "fn");
        try {
            CompletableFuture<String> reply = get(http, running.server().port(), "fn." + ns + ".svc.cluster.local");
            await().atMost(LONG).until(() -> running.activator().queued(ref) == 1);
            if (!readyBefore) {
                Thread.sleep(50);
                pod(ns, "fn", "fn-pod", Instant.now());
            }
            slice(ns, "fn", Map.of("fn-pod", "127.0.0.1"), pod.port());
            assertThat(reply.get(60, TimeUnit.SECONDS)).isEqualTo("200 fn-pod got 0 bytes");
            await().atMost(LONG)
                    .until(() -> meters.find("quiver.coldstart.wait").timers().stream()
                                    .mapToLong(Timer::count)
                                    .sum()
                            == 1);
            Timer t = meters.find("quiver.coldstart.wait")
                    .tags("function", ref.toString())
                    .timer();
            assertThat(t).isNotNull();
            assertThat(t.count()).isEqualTo(1);
            return t.getId().getTag("served_by");
        } finally {
            running.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            pod.close();
            controller.close();
            http.close();
        }
    }

    private static List<Endpoint> ready(KubeDirectory directory, String ns, String function) {
        return directory
                .routing(new FunctionRef(ns, function))
                .map(Routing::endpoints)
                .orElse(List.of());
    }

    private static CompletableFuture<String> get(HttpClient http, int port, String host) {
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
                .toCompletableFuture();
    }

    /** A function pod; {@code readySince} null: no Ready condition. */
    private void pod(String ns, String function, String name, Instant readySince) {
        PodBuilder b = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .addToLabels(Labels.FUNCTION, function)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("function")
                .withImage("fn")
                .endContainer()
                .endSpec();
        if (readySince != null) {
            b.withNewStatus()
                    .addNewCondition()
                    .withType("Ready")
                    .withStatus("True")
                    .withLastTransitionTime(readySince.toString())
                    .endCondition()
                    .endStatus();
        }
        client.resource(b.build()).create();
    }

    /** The function's private Service slice with one ready endpoint per pod (name to address). */
    private void slice(String ns, String function, Map<String, String> pods, int port) {
        EndpointSliceBuilder b = new EndpointSliceBuilder()
                .withNewMetadata()
                .withName(function + "-private-x1")
                .withNamespace(ns)
                .addToLabels("kubernetes.io/service-name", function + "-private")
                .endMetadata()
                .withAddressType("IPv4")
                .addToPorts(new EndpointPortBuilder()
                        .withName("http")
                        .withPort(port)
                        .build());
        pods.forEach((pod, address) -> b.addNewEndpoint()
                .withAddresses(address)
                .withNewTargetRef()
                .withKind("Pod")
                .withName(pod)
                .withNamespace(ns)
                .endTargetRef()
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .endEndpoint());
        client.resource(b.build()).create();
    }
}
