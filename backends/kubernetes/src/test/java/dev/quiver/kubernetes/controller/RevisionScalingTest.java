package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.scaling.ClusterReads;
import dev.quiver.kubernetes.scaling.KubeBackend;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each serving revision scales on its own through the loop's backend ({@link KubeBackend}: the decisions of the
 * revision {@code <fn>-0000N} move its Deployment only), and a split function's public Service stays in proxy mode
 * whatever the decisions say, on the mock API server (CRUD mode).
 */
@QuarkusTest
@WithKubernetesTestServer
class RevisionScalingTest {
    static final String NS = "revscale";

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    FunctionReconciler reconciler;
    KubeBackend backend;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
        reconciler = cluster.reconciler();
        backend = new KubeBackend(ClusterReads.api(client), cluster.applier());
    }

    @Test
    void eachRevisionScalesOnItsOwnAndTheSplitFunctionStaysProxied() {
        Function f = client.resource(Functions.of("canary", NS, Map.of("warmPool", 0)))
                .create();
        Workload latest = reconciler.reconcile(f).orElseThrow();
        f = get("canary");
        var before = f.getStatus();
        f.getSpec().setImage("registry.example/canary:2");
        Function updated = client.resource(withoutStatus(f)).update();
        updated.setStatus(before);
        latest = reconciler.reconcile(updated).orElseThrow();
        f = get("canary");
        var status = f.getStatus();
        f.getSpec()
                .setTraffic(List.of(
                        RevisionDeploymentsTest.entry("canary-00001", 70, null),
                        RevisionDeploymentsTest.latest(30, null)));
        updated = client.resource(withoutStatus(f)).update();
        updated.setStatus(status);
        latest = reconciler.reconcile(updated).orElseThrow();
        RevisionRoutes.Result routes = reconciler.routes(NS, "canary");
        Workload old = routes.revisions().get(0);
        backend.put(latest);
        backend.put(old);
        backend.proxied(KubeBackend.ref(latest), routes.split());

        backend.apply(KubeBackend.toLoop(old), decision(4, Mode.SERVE));
        backend.apply(KubeBackend.toLoop(latest), decision(2, Mode.SERVE));

        assertThat(replicas("canary-00001")).isEqualTo(4);
        assertThat(replicas("canary")).isEqualTo(2);
        assertThat(mode("canary")).as("the split passes the activator").isEqualTo("proxy");
        assertThat(mode("canary-00001"))
                .as("a revision's own Service follows its decisions")
                .isEqualTo("serve");

        backend.proxied(KubeBackend.ref(latest), false);
        backend.apply(KubeBackend.toLoop(latest), decision(2, Mode.SERVE));

        assertThat(mode("canary")).isEqualTo("serve");
    }

    private static Function withoutStatus(Function f) {
        f.setStatus(null);
        return f;
    }

    private static Decision decision(int desired, Mode mode) {
        return new Decision(MockCluster.NOW, desired, 0, 0, false, mode, 0, List.of(), null, null, List.of());
    }

    private int replicas(String deployment) {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(deployment)
                .get()
                .getSpec()
                .getReplicas();
    }

    private String mode(String service) {
        return client.services()
                .inNamespace(NS)
                .withName(service)
                .get()
                .getMetadata()
                .getAnnotations()
                .get(Labels.MODE);
    }

    private Function get(String name) {
        return client.resources(Function.class).inNamespace(NS).withName(name).get();
    }
}
