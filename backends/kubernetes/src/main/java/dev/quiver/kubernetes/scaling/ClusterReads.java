package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * What the scaler and the reconciler read about a function's objects: in the controller, informer caches with the
 * effects of the controller's own recent writes laid over them ({@link CachedReads}); {@link #api} reads the API
 * server at each call (tests of one reconcile).
 */
public interface ClusterReads {
    /** The function's pods (Deployment pods and warm pods), terminating ones included. */
    List<Pod> pods(String namespace, String function);

    Optional<Deployment> deployment(String namespace, String function);

    /** The function's public Service. */
    Optional<Service> service(String namespace, String function);

    static ClusterReads api(KubernetesClient client) {
        return new ClusterReads() {
            @Override
            public List<Pod> pods(String namespace, String function) {
                return client.pods()
                        .inNamespace(namespace)
                        .withLabels(Labels.function(function))
                        .list()
                        .getItems();
            }

            @Override
            public Optional<Deployment> deployment(String namespace, String function) {
                return Optional.ofNullable(client.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withName(Names.deployment(function))
                        .get());
            }

            @Override
            public Optional<Service> service(String namespace, String function) {
                return Optional.ofNullable(client.services()
                        .inNamespace(namespace)
                        .withName(Names.service(function))
                        .get());
            }
        };
    }
}
