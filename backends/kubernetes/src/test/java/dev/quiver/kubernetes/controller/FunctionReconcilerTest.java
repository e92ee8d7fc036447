package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconciler against the fabric8 mock API server in CRUD mode. */
@QuarkusTest
@WithKubernetesTestServer
class FunctionReconcilerTest {
    static final String NS = "fn";

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
    void functionBecomesDeploymentServicesAndWarmPods() {
        Function f = create(Functions.of("hello", NS, Map.of("minScale", 1, "warmPool", 2, "target", 10)));

        reconciler.reconcile(f);

        Deployment d =
                client.apps().deployments().inNamespace(NS).withName("hello").get();
        assertThat(d.getSpec().getReplicas()).isEqualTo(1);
        assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.active("hello"));
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/hello:1");
        assertThat(cluster.pods(NS, "hello", Labels.WARM)).hasSize(2);
        Service pub = client.services().inNamespace(NS).withName("hello").get();
        Service priv =
                client.services().inNamespace(NS).withName("hello-private").get();
        assertThat(pub.getSpec().getSelector())
                .as("routed by the controller's EndpointSlice")
                .isNullOrEmpty();
        assertThat(pub.getMetadata().getAnnotations())
                .as("proxy until the scaler sees ready instances")
                .containsEntry(Labels.MODE, "proxy");
        assertThat(priv.getSpec().getSelector()).isEqualTo(Labels.active("hello"));
        EndpointSlice slice = cluster.slice(NS, "hello");
        assertThat(slice.getMetadata().getLabels())
                .containsEntry("kubernetes.io/service-name", "hello")
                .containsEntry("endpointslice.kubernetes.io/managed-by", "quiver.dev/controller");
        assertThat(slice.getEndpoints())
                .as("no activator pod runs in this test")
                .isEmpty();

        List<HasMetadata> made = new ArrayList<>(List.of(d, pub, priv, slice));
        made.addAll(cluster.pods(NS, "hello", Labels.WARM));
        assertThat(made)
                .allSatisfy(o -> assertThat(o.getMetadata().getOwnerReferences())
                        .extracting(
                                OwnerReference::getKind,
                                OwnerReference::getName,
                                OwnerReference::getUid,
                                OwnerReference::getController)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "Function", "hello", f.getMetadata().getUid(), true)));

        Function after = get("hello");
        assertThat(after.getStatus().getUrl()).isEqualTo("http://hello.fn.svc.cluster.local");
        assertThat(after.getStatus().getDesired()).isEqualTo(1);
        assertThat(condition(after, Conditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(after, Conditions.FAILED).getStatus()).isEqualTo("False");
    }

    @Test
    void reconcileIsIdempotentAndKeepsTheScalersReplicas() {
        Function f = create(Functions.of("idem", NS, Map.of("warmPool", 1)));
        reconciler.reconcile(f);
        client.apps().deployments().inNamespace(NS).withName("idem").scale(4);

        reconciler.reconcile(get("idem"));

        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("idem")
                        .get()
                        .getSpec()
                        .getReplicas())
                .isEqualTo(4);
        assertThat(cluster.pods(NS, "idem", Labels.WARM)).hasSize(1);
    }

    @Test
    void aDeletedWarmPodIsReplaced() {
        Function f = create(Functions.of("refill", NS, Map.of("warmPool", 2)));
        reconciler.reconcile(f);
        Pod gone = cluster.pods(NS, "refill", Labels.WARM).get(0);
        client.pods().inNamespace(NS).withName(gone.getMetadata().getName()).delete();

        reconciler.reconcile(get("refill"));

        assertThat(cluster.pods(NS, "refill", Labels.WARM))
                .hasSize(2)
                .extracting(p -> p.getMetadata().getName())
                .doesNotContain(gone.getMetadata().getName());
    }

    @Test
    void aNewImageReplacesWarmPodsAndRollsTheDeployment() {
        Function f = create(Functions.of("roll", NS, Map.of("warmPool", 1)));
        reconciler.reconcile(f);
        String before =
                cluster.pods(NS, "roll", Labels.WARM).get(0).getMetadata().getName();
        Function changed = get("roll");
        changed.getSpec().setImage("registry.example/roll:2");
        changed = client.resource(changed).update();

        reconciler.reconcile(changed);

        List<Pod> warm = cluster.pods(NS, "roll", Labels.WARM);
        assertThat(warm).hasSize(1);
        assertThat(warm.get(0).getMetadata().getName()).isNotEqualTo(before);
        assertThat(warm.get(0).getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/roll:2");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("roll")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("registry.example/roll:2");
    }

    @Test
    void invalidFunctionGetsFailedConditionNamingTheField() {
        Function f = create(Functions.of("bad", NS, Map.of("target", -1)));

        assertThat(reconciler.reconcile(f)).isEmpty();

        Function after = get("bad");
        Condition failed = condition(after, Conditions.FAILED);
        assertThat(failed.getStatus()).isEqualTo("True");
        assertThat(failed.getReason()).isEqualTo("InvalidSpec");
        assertThat(failed.getMessage()).startsWith("spec.scale.target: ");
        assertThat(condition(after, Conditions.READY).getStatus()).isEqualTo("False");
        assertThat(client.apps().deployments().inNamespace(NS).withName("bad").get())
                .isNull();
    }

    @Test
    void deletionCleansUpEverythingItMade() {
        Function f = create(Functions.of("bye", NS, Map.of("minScale", 1, "warmPool", 2)));
        reconciler.reconcile(f);

        client.resource(f).delete();
        reconciler.delete(NS, "bye");

        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withLabels(Labels.function("bye"))
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.services()
                        .inNamespace(NS)
                        .withLabels(Labels.function("bye"))
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.discovery()
                        .v1()
                        .endpointSlices()
                        .inNamespace(NS)
                        .withLabels(Labels.function("bye"))
                        .list()
                        .getItems())
                .isEmpty();
        assertThat(client.pods()
                        .inNamespace(NS)
                        .withLabels(Labels.function("bye"))
                        .list()
                        .getItems())
                .isEmpty();
    }

    private Function create(Function f) {
        return client.resource(f).create();
    }

    private Function get(String name) {
        return client.resources(Function.class).inNamespace(NS).withName(name).get();
    }

    private static Condition condition(Function f, String type) {
        return Conditions.find(f.getStatus().getConditions(), type);
    }
}
