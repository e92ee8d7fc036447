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
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Function in namespace team-a while the controller and the activator run in quiver: its public Service has no
 * selector, its EndpointSlice lists the ready pods in serve mode and the activator pods (in quiver) in proxy mode.
 */
@QuarkusTest
@WithKubernetesTestServer
class OtherNamespacesTest {
    static final String NS = "team-a";

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    FunctionReconciler reconciler;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
        reconciler = cluster.reconciler();
    }

    @Test
    void aFunctionInAnotherNamespaceGetsItsObjectsThereOwnedByIt() {
        Function f = client.resource(Functions.of("far", NS, Map.of("minScale", 1, "warmPool", 1)))
                .create();

        reconciler.reconcile(f);

        List<HasMetadata> made = List.of(
                client.apps().deployments().inNamespace(NS).withName("far").get(),
                client.services().inNamespace(NS).withName("far").get(),
                client.services().inNamespace(NS).withName("far-private").get(),
                cluster.slice(NS, "far"),
                cluster.pods(NS, "far", Labels.WARM).get(0));
        assertThat(made).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isEqualTo(NS);
            assertThat(o.getMetadata().getOwnerReferences())
                    .extracting(OwnerReference::getUid)
                    .containsExactly(f.getMetadata().getUid());
        });
        assertThat(client.services()
                        .inNamespace(NS)
                        .withName("far")
                        .get()
                        .getSpec()
                        .getSelector())
                .isNullOrEmpty();
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(MockCluster.ACTIVATOR_NS)
                        .withName("far")
                        .get())
                .as("nothing in the controller's namespace")
                .isNull();
    }

    @Test
    void theSliceFollowsTheModeBetweenTheReadyPodsAndTheActivatorPods() {
        String act1 = cluster.activatorPod("act-1").getStatus().getPodIP();
        String act2 = cluster.activatorPod("act-2").getStatus().getPodIP();
        Function f = client.resource(Functions.of("flip", NS, Map.of("minScale", 1, "warmPool", 1)))
                .create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        assertThat(cluster.sliceTargets(NS, "flip"))
                .as("proxy at creation")
                .containsExactly(act1 + ":8012", act2 + ":8012");
        Pod warm = cluster.pods(NS, "flip", Labels.WARM).get(0);
        cluster.markReady(warm);
        String ip = client.pods()
                .inNamespace(NS)
                .withName(warm.getMetadata().getName())
                .get()
                .getStatus()
                .getPodIP();
        KubeBackend s = new KubeBackend(ClusterReads.api(client), cluster.applier());
        s.put(w);

        s.apply(
                KubeBackend.toLoop(w),
                decision(
                        List.of(new dev.quiver.scaler.warmpool.PoolAction.Promote(
                                warm.getMetadata().getName())),
                        Mode.SERVE));
        assertThat(cluster.sliceTargets(NS, "flip"))
                .as("serve: the promoted pod")
                .containsExactly(ip + ":8080");
        assertThat(reconciler.mode(w)).isEqualTo(Mode.SERVE);

        s.apply(KubeBackend.toLoop(w), decision(List.of(), Mode.PROXY));
        assertThat(cluster.sliceTargets(NS, "flip"))
                .as("proxy: the activator pods in quiver")
                .containsExactly(act1 + ":8012", act2 + ":8012");

        s.apply(KubeBackend.toLoop(w), decision(List.of(), Mode.SERVE));
        assertThat(cluster.sliceTargets(NS, "flip")).as("and back").containsExactly(ip + ":8080");
    }

    @Test
    void anUnchangedSliceIsNotWrittenAndADriftedOneIsRestoredOnResync() {
        cluster.activatorPod("act-3");
        Function f = client.resource(Functions.of("still", NS, Map.of("warmPool", 0)))
                .create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        String version = cluster.slice(NS, "still").getMetadata().getResourceVersion();

        reconciler.reconcile(client.resources(Function.class)
                .inNamespace(NS)
                .withName("still")
                .get());
        assertThat(cluster.applier().syncEndpoints(w)).isFalse();
        assertThat(cluster.slice(NS, "still").getMetadata().getResourceVersion())
                .isEqualTo(version);

        EndpointSlice drifted = cluster.slice(NS, "still");
        drifted.setEndpoints(List.of());
        client.resource(drifted).update();
        reconciler.reconcile(client.resources(Function.class)
                .inNamespace(NS)
                .withName("still")
                .get());
        assertThat(cluster.slice(NS, "still").getEndpoints()).hasSize(1);
    }

    @Test
    void aServiceWithASelectorFromAnOlderControllerLosesItAndKeepsItsMode() {
        Function f = client.resource(Functions.of("old", NS, Map.of("minScale", 1, "warmPool", 0)))
                .create();
        Workload w = reconciler.workload(f, dev.quiver.kubernetes.model.FunctionValidator.validate(f));
        var legacy = w.service(Mode.SERVE);
        legacy.getMetadata().setAnnotations(null);
        legacy.getSpec().setSelector(Labels.active("old"));
        client.resource(legacy).create();

        reconciler.reconcile(f);

        var svc = client.services().inNamespace(NS).withName("old").get();
        assertThat(svc.getSpec().getSelector()).isNullOrEmpty();
        assertThat(svc.getMetadata().getAnnotations()).containsEntry(Labels.MODE, "serve");
    }

    @Test
    void deletionRemovesTheSliceWithTheRest() {
        Function f =
                client.resource(Functions.of("gone", NS, Map.of("warmPool", 1))).create();
        reconciler.reconcile(f);
        assertThat(cluster.slice(NS, "gone")).isNotNull();

        client.resource(f).delete();
        reconciler.delete(NS, "gone");

        assertThat(cluster.slice(NS, "gone")).isNull();
        assertThat(client.services()
                        .inNamespace(NS)
                        .withLabels(Labels.function("gone"))
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.pods()
                        .inNamespace(NS)
                        .withLabels(Labels.function("gone"))
                        .list()
                        .getItems())
                .isEmpty();
    }

    private static Decision decision(List<dev.quiver.scaler.warmpool.PoolAction> actions, Mode mode) {
        int desired = mode == Mode.SERVE ? 1 : 0;
        return new Decision(MockCluster.NOW, desired, 0, 0, false, mode, 0, actions, null, null, List.of());
    }
}
