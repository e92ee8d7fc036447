package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.controller.MockCluster;
import dev.quiver.kubernetes.workload.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The controller's caches: a function's pods by index, its Deployment and public Service by key, without API calls. */
@QuarkusTest
@WithKubernetesTestServer
class CachedReadsTest {
    static final String NS = "cached";

    @Inject
    KubernetesClient client;

    final List<SharedIndexInformer<?>> informers = new ArrayList<>();

    @AfterEach
    void close() {
        informers.forEach(SharedIndexInformer::close);
    }

    @Test
    void aFunctionsObjectsComeFromTheCachesOfItsNamespace() throws Exception {
        MockCluster cluster = MockCluster.withCrdsAndNoActivators(client);
        var reconciler = cluster.reconciler();
        reconciler.reconcile(
                client.resource(Functions.of("one", NS, Map.of("warmPool", 2))).create());
        reconciler.reconcile(client.resource(Functions.of("other", NS, Map.of("warmPool", 1)))
                .create());
        SharedIndexInformer<Pod> pods = keep(client.pods()
                .inNamespace(NS)
                .withLabel(Labels.FUNCTION)
                .withIndexers(CachedReads.INDEXERS)
                .inform());
        SharedIndexInformer<Deployment> deployments = keep(client.apps()
                .deployments()
                .inNamespace(NS)
                .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                .inform());
        SharedIndexInformer<Service> services = keep(client.services()
                .inNamespace(NS)
                .withLabel(Labels.MANAGED_BY, Labels.MANAGER)
                .inform());
        ClusterReads reads = new CachedReads(List.of(pods), List.of(deployments), List.of(services));

        assertThat(reads.pods(NS, "one"))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry(Labels.FUNCTION, "one"));
        assertThat(reads.pods(NS, "other")).hasSize(1);
        assertThat(reads.pods("elsewhere", "one")).isEmpty();
        assertThat(reads.deployment(NS, "one"))
                .hasValueSatisfying(d -> assertThat(d.getMetadata().getName()).isEqualTo("one"));
        assertThat(reads.service(NS, "one"))
                .hasValueSatisfying(s -> assertThat(s.getMetadata().getName()).isEqualTo("one"));

        client.pods().inNamespace(NS).withLabels(Labels.warm("other")).delete();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reads.pods(NS, "other")).isEmpty());
        assertThat(reads.pods(NS, "one")).hasSize(2);
    }

    private <T> SharedIndexInformer<T> keep(SharedIndexInformer<T> informer) {
        informers.add(informer);
        return informer;
    }
}
