package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ClusterReads} from the controller's informer caches (no API call); the controller lays its own recent writes
 * over them ({@link AppliedOps#over}). The pod informers must index pods with {@link #INDEXERS}.
 */
public final class CachedReads implements ClusterReads {
    /** Index of pods by {@code namespace/function}. */
    public static final String BY_FUNCTION = "function";

    public static final Map<String, Function<Pod, List<String>>> INDEXERS = Map.of(BY_FUNCTION, p -> {
        Map<String, String> labels = p.getMetadata().getLabels();
        String fn = labels == null ? null : labels.get(Labels.FUNCTION);
        return fn == null ? List.of() : List.of(p.getMetadata().getNamespace() + "/" + fn);
    });

    private final List<SharedIndexInformer<Pod>> pods;
    private final List<SharedIndexInformer<Deployment>> deployments;
    private final List<SharedIndexInformer<Service>> services;

    /** One informer per watched namespace, or one for all (each list). */
    public CachedReads(
            List<SharedIndexInformer<Pod>> pods,
            List<SharedIndexInformer<Deployment>> deployments,
            List<SharedIndexInformer<Service>> services) {
        this.pods = pods;
        this.deployments = deployments;
        this.services = services;
    }

    @Override
    public List<Pod> pods(String namespace, String function) {
        String key = namespace + "/" + function;
        return pods.stream()
                .flatMap(i -> i.getIndexer().byIndex(BY_FUNCTION, key).stream())
                .toList();
    }

    @Override
    public Optional<Deployment> deployment(String namespace, String function) {
        return Optional.ofNullable(byKey(deployments, namespace, Names.deployment(function)));
    }

    @Override
    public Optional<Service> service(String namespace, String function) {
        return Optional.ofNullable(byKey(services, namespace, Names.service(function)));
    }

    /** The object {@code namespace/name} in any of the caches. */
    public static <T extends HasMetadata> T byKey(
            List<SharedIndexInformer<T>> informers, String namespace, String name) {
        return informers.stream()
                .map(i -> i.getStore().getByKey(namespace + "/" + name))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
