package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Function's status is written after each decision only when it changed: an unchanged tick patches nothing. */
@QuarkusTest
@WithKubernetesTestServer
class StatusWritesTest {
    static final String NS = "writes";

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    MockCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
    }

    @Test
    void anUnchangedTickWritesNoStatus() throws Exception {
        FunctionReconciler reconciler = cluster.reconciler();
        Workload w = reconciler.reconcile(create("same")).orElseThrow();

        List<String> calls = callsOf(() -> reconciler.status(get("same"), w, deployment("same")));

        assertThat(calls).isNotEmpty().noneMatch(c -> c.startsWith("PATCH"));
    }

    @Test
    void aRestartedControllerDoesNotRewriteTheStatusTheFunctionHas() throws Exception {
        Workload w = cluster.reconciler().reconcile(create("kept")).orElseThrow();
        FunctionReconciler fresh = cluster.reconciler();

        List<String> calls = callsOf(() -> fresh.status(get("kept"), w, deployment("kept")));

        assertThat(calls).noneMatch(c -> c.startsWith("PATCH"));
    }

    @Test
    void aChangedStatusIsWritten() throws Exception {
        FunctionReconciler reconciler = cluster.reconciler();
        Workload w = reconciler.reconcile(create("moved")).orElseThrow();
        cluster.markReady(cluster.pods(NS, "moved", Labels.WARM).get(0));

        List<String> calls = callsOf(() -> reconciler.status(get("moved"), w, deployment("moved")));

        assertThat(calls).anyMatch(c -> c.startsWith("PATCH") && c.contains("/functions/moved/status"));
        assertThat(get("moved").getStatus().getWarm()).isEqualTo(1);
    }

    private Function create(String name) {
        return client.resource(Functions.of(name, NS, Map.of("warmPool", 1, "minScale", 0)))
                .create();
    }

    private Function get(String name) {
        return client.resources(Function.class).inNamespace(NS).withName(name).get();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    /** The API calls {@code r} makes, as {@code METHOD path}. */
    private List<String> callsOf(Runnable r) throws InterruptedException {
        drain();
        r.run();
        return drain();
    }

    private List<String> drain() throws InterruptedException {
        List<String> out = new ArrayList<>();
        RecordedRequest req;
        while ((req = server.getKubernetesMockServer().takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            out.add(req.getMethod() + " " + req.getPath());
        }
        return out;
    }
}
