package dev.quiver.kubernetes.scaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.activator.ActivatorLoad;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.QueuedRequests;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * {@link QueuedRequests} on Kubernetes: the requests every activator pod holds, read from each pod's
 * {@code GET /quiver/activator/load} ({@link ActivatorLoad}) on its {@code admin} port (the pod's Quarkus server,
 * which the NetworkPolicy opens to the controller alone), asynchronously. The loop
 * reads the sums of the last complete reading; a reading older than {@code maxAge} starts the next one.
 */
public final class ActivatorQueues implements QueuedRequests {
    private static final Logger LOG = Logger.getLogger(ActivatorQueues.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DEFAULT_PORT = 8080;

    private final Supplier<List<Pod>> activators;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Map<FunctionRef, Integer> queued = Map.of();
    private volatile Instant readAt = Instant.MIN;

    /** @param activators the activator pods as last seen (an informer's store) */
    public ActivatorQueues(Supplier<List<Pod>> activators, Duration timeout, Duration maxAge, Clock clock) {
        this.activators = activators;
        this.timeout = timeout;
        this.maxAge = maxAge;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int queued(FunctionRef function) {
        if (clock.instant().isAfter(readAt.plus(maxAge))) {
            refresh();
        }
        return queued.getOrDefault(function, 0);
    }

    /** Starts a reading of every activator pod unless one is under way; completes when it is in. */
    public CompletableFuture<Void> refresh() {
        if (!reading.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Optional<ActivatorLoad>>> reads =
                activators.get().stream().map(this::read).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            Map<FunctionRef, Integer> sums = new HashMap<>();
            for (var r : reads) {
                r.join().ifPresent(load -> sum(load, sums));
            }
            queued = Map.copyOf(sums);
            readAt = clock.instant();
            reading.set(false);
        });
    }

    static void sum(ActivatorLoad load, Map<FunctionRef, Integer> sums) {
        if (load.functions() == null) {
            return;
        }
        for (var f : load.functions()) {
            sums.merge(
                    new FunctionRef(f.namespace() == null ? "" : f.namespace(), f.function()),
                    f.queued(),
                    Integer::sum);
        }
    }

    private CompletableFuture<Optional<ActivatorLoad>> read(Pod pod) {
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (ip == null || ip.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        HttpRequest req = HttpRequest.newBuilder(
                        URI.create("http://" + host + ":" + loadPort(pod) + ActivatorLoad.PATH))
                .timeout(timeout)
                .GET()
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(res -> res.statusCode() == 200 ? parse(res.body()) : Optional.<ActivatorLoad>empty())
                .exceptionally(e -> {
                    LOG.debugf(
                            "load of activator %s not read: %s",
                            pod.getMetadata().getName(), e);
                    return Optional.empty();
                });
    }

    static Optional<ActivatorLoad> parse(byte[] body) {
        try {
            return Optional.of(JSON.readValue(body, ActivatorLoad.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The activator container's port named {@code admin}, else 8080 (deploy/base/activator.yaml). */
    static int loadPort(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return DEFAULT_PORT;
        }
        return pod.getSpec().getContainers().stream()
                .flatMap(c ->
                        c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty() : c.getPorts().stream())
                .filter(p -> "admin".equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElse(DEFAULT_PORT);
    }
}
