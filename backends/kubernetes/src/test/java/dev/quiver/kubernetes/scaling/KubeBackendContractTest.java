package dev.quiver.kubernetes.scaling;

import dev.quiver.control.loop.BackendContract;
import dev.quiver.control.loop.InstanceBackend;
import dev.quiver.control.loop.LoopFunction;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.FunctionReconciler;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared loop over the Kubernetes backend on the fabric8 mock API server (CRUD mode). The mock runs no
 * controllers: {@link #makeReady} makes the Deployment's pods as its ReplicaSet would and marks every pod Ready.
 */
@QuarkusTest
@WithKubernetesTestServer
class KubeBackendContractTest extends BackendContract {
    static final String NS = "contract";

    @Inject
    KubernetesClient client;

    MockCluster cluster;
    FunctionReconciler reconciler;
    KubeBackend backend;
    int made;

    @BeforeEach
    void cluster() throws Exception {
        cluster = MockCluster.withCrdsAndNoActivators(client);
        reconciler = cluster.reconciler();
        backend = new KubeBackend(ClusterReads.api(client), cluster.applier());
    }

    @Override
    protected InstanceBackend backend(ScheduledExecutorService thread) {
        return backend;
    }

    @Override
    protected LoopFunction function(String name, Map<String, Object> scale) {
        Function f = client.resource(Functions.of(name, NS, scale)).create();
        Workload w = reconciler.reconcile(f).orElseThrow();
        backend.put(w);
        return KubeBackend.toLoop(w);
    }

    @Override
    protected void makeReady(FunctionRef ref) {
        int missing = replicas(ref)
                - (int) reconciler.pods(NS, ref.name()).stream()
                        .filter(p -> !PodViews.fromWarmPool(p))
                        .count();
        for (int i = 0; i < missing; i++) {
            Pod pod = new PodBuilder()
                    .withNewMetadata()
                    .withName(ref.name() + "-rs-" + (++made))
                    .withNamespace(NS)
                    .withLabels(Labels.active(ref.name()))
                    .withOwnerReferences(new OwnerReferenceBuilder()
                            .withApiVersion("apps/v1")
                            .withKind("ReplicaSet")
                            .withName(ref.name() + "-rs")
                            .withUid("rs-uid")
                            .withController(true)
                            .build())
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("function")
                    .withImage("x")
                    .endContainer()
                    .endSpec()
                    .build();
            client.resource(pod).create();
        }
        reconciler.pods(NS, ref.name()).stream().filter(p -> !PodViews.ready(p)).forEach(cluster::markReady);
    }

    @Override
    protected int activeWanted(FunctionRef ref) {
        int promoted = (int) reconciler.pods(NS, ref.name()).stream()
                .filter(p -> PodViews.fromWarmPool(p) && PodViews.of(p, 0).active())
                .count();
        return replicas(ref) + promoted;
    }

    @Override
    protected List<String> activeIds(FunctionRef ref) {
        return names(cluster.pods(NS, ref.name(), Labels.ACTIVE));
    }

    @Override
    protected List<String> warmIds(FunctionRef ref) {
        return names(cluster.pods(NS, ref.name(), Labels.WARM));
    }

    private int replicas(FunctionRef ref) {
        return client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(ref.name())
                .get()
                .getSpec()
                .getReplicas();
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }
}
