package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes the controller made that its informer caches may not show yet, laid over what the caches show: a
 * created warm pod is there, a deleted pod is gone, a relabelled pod has its new pool, the Deployment has its new
 * replicas, the Service its new mode. Each expectation ends when the cache shows it, or after {@code patience} (a
 * write the cluster undid, e.g. a pod deleted at once, is not expected forever). Without this, a tick right after a
 * scale-up reads the old cache and makes the same warm pods again.
 */
public final class AppliedOps {
    private final Clock clock;
    private final Duration patience;
    /** Keys {@code namespace/pod}. */
    private final Map<String, Expected<Pod>> created = new ConcurrentHashMap<>();
    /** The function of each deleted pod. */
    private final Map<String, Expected<String>> deleted = new ConcurrentHashMap<>();

    private final Map<String, Expected<String>> pools = new ConcurrentHashMap<>();
    /** Keys {@code namespace/function}. */
    private final Map<String, Expected<Integer>> replicas = new ConcurrentHashMap<>();

    private final Map<String, Expected<Mode>> modes = new ConcurrentHashMap<>();

    private record Expected<T>(T value, Instant at) {}

    public AppliedOps(Clock clock, Duration patience) {
        this.clock = clock;
        this.patience = patience;
    }

    /** {@code cached} with these writes laid over it. */
    public ClusterReads over(ClusterReads cached) {
        return new ClusterReads() {
            @Override
            public List<Pod> pods(String namespace, String function) {
                return AppliedOps.this.pods(namespace, function, cached.pods(namespace, function));
            }

            @Override
            public Optional<Deployment> deployment(String namespace, String function) {
                return Optional.ofNullable(AppliedOps.this.deployment(
                        namespace,
                        function,
                        cached.deployment(namespace, function).orElse(null)));
            }

            @Override
            public Optional<Service> service(String namespace, String function) {
                return Optional.ofNullable(AppliedOps.this.service(
                        namespace, function, cached.service(namespace, function).orElse(null)));
            }
        };
    }

    void created(Pod pod) {
        created.put(key(pod), new Expected<>(pod, clock.instant()));
    }

    void deleted(String namespace, String function, String pod) {
        created.remove(namespace + "/" + pod);
        deleted.put(namespace + "/" + pod, new Expected<>(function, clock.instant()));
    }

    void relabelled(String namespace, String pod, String pool) {
        pools.put(namespace + "/" + pod, new Expected<>(pool, clock.instant()));
    }

    void scaled(String namespace, String function, int to) {
        replicas.put(namespace + "/" + function, new Expected<>(to, clock.instant()));
    }

    void routed(String namespace, String function, Mode mode) {
        modes.put(namespace + "/" + function, new Expected<>(mode, clock.instant()));
    }

    /** The function's pods as the cache shows them with the pending writes applied; drops what the cache shows. */
    public List<Pod> pods(String namespace, String function, List<Pod> cached) {
        Instant oldest = clock.instant().minus(patience);
        List<Pod> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Pod p : cached) {
            String key = key(p);
            seen.add(key);
            created.remove(key);
            Expected<String> gone = deleted.get(key);
            if (gone != null) {
                if (!PodViews.terminating(p) && gone.at().isAfter(oldest)) {
                    continue;
                }
                deleted.remove(key);
            }
            Expected<String> pool = pools.get(key);
            if (pool != null) {
                String now = p.getMetadata().getLabels() == null
                        ? null
                        : p.getMetadata().getLabels().get(Labels.POOL);
                if (pool.value().equals(now) || pool.at().isBefore(oldest)) {
                    pools.remove(key);
                } else {
                    p = new PodBuilder(p)
                            .editMetadata()
                            .addToLabels(Labels.POOL, pool.value())
                            .endMetadata()
                            .build();
                }
            }
            out.add(p);
        }
        String prefix = namespace + "/";
        created.entrySet().removeIf(e -> e.getValue().at().isBefore(oldest));
        deleted.entrySet()
                .removeIf(e -> e.getKey().startsWith(prefix)
                        && e.getValue().value().equals(function)
                        && !seen.contains(e.getKey()));
        created.forEach((key, pod) -> {
            Map<String, String> labels = pod.value().getMetadata().getLabels();
            if (key.startsWith(prefix) && labels != null && function.equals(labels.get(Labels.FUNCTION))) {
                out.add(pod.value());
            }
        });
        return out;
    }

    /** The Deployment with the replicas last set, until the cache shows them. */
    public Deployment deployment(String namespace, String function, Deployment cached) {
        String key = namespace + "/" + function;
        Expected<Integer> e = replicas.get(key);
        if (e == null || cached == null) {
            return cached;
        }
        if (Objects.equals(e.value(), cached.getSpec().getReplicas()) || expired(e)) {
            replicas.remove(key);
            return cached;
        }
        return new DeploymentBuilder(cached)
                .editSpec()
                .withReplicas(e.value())
                .endSpec()
                .build();
    }

    /** The public Service with the mode last routed to, until the cache shows it. */
    public Service service(String namespace, String function, Service cached) {
        String key = namespace + "/" + function;
        Expected<Mode> e = modes.get(key);
        if (e == null || cached == null) {
            return cached;
        }
        Map<String, String> a = cached.getMetadata().getAnnotations();
        if (a != null && e.value().key().equals(a.get(Labels.MODE)) || expired(e)) {
            modes.remove(key);
            return cached;
        }
        return new ServiceBuilder(cached)
                .editMetadata()
                .addToAnnotations(Labels.MODE, e.value().key())
                .endMetadata()
                .build();
    }

    private boolean expired(Expected<?> e) {
        return e.at().isBefore(clock.instant().minus(patience));
    }

    private static String key(Pod p) {
        return p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    }
}
