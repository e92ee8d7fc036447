package dev.quiver.kubernetes.activator;

import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.EndpointDirectory;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Routing;
import dev.quiver.kubernetes.controller.EveryEvent;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import dev.quiver.kubernetes.model.FunctionValidator;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.scaler.traffic.TrafficTarget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Kubernetes {@link EndpointDirectory}, from informers in the watched namespaces (one pair per namespace, or one
 * cluster-wide pair for {@code *}): Function resources (which functions exist, and their {@code containerConcurrency}
 * from {@code spec.scale}), the EndpointSlices of {@code <name>-private} Services (ready endpoints) and the
 * function pods (label {@code quiver.dev/function}): each endpoint's {@code readySince} is its pod's {@code Ready}
 * condition {@code lastTransitionTime} (see {@link PodReadiness}), so a warm-pool pod promoted for a request counts
 * as warm, as on the local backend. Needs get/list/watch on functions, endpointslices and pods there, nothing else.
 */
public final class KubeDirectory implements EndpointDirectory, AutoCloseable {
    /** The label the EndpointSlice controller puts on each slice: the Service's name. */
    static final String SERVICE_NAME = "kubernetes.io/service-name";

    private static final String PRIVATE_SUFFIX = Names.privateService("");

    private final WatchedNamespaces watched;
    private final List<Consumer<FunctionRef>> listeners = new CopyOnWriteArrayList<>();
    /** Ready endpoints by function. */
    private final Map<FunctionRef, List<Endpoint>> ready = new ConcurrentHashMap<>();
    /** containerConcurrency by function, read when its resource changes. */
    private final Map<FunctionRef, Integer> limits = new ConcurrentHashMap<>();
    /** Each function's resolved split from its status ({@link RevisionTraffic}); absent when it is not split. */
    private final Map<FunctionRef, List<TrafficTarget>> traffic = new ConcurrentHashMap<>();
    /** The revisions (other than the latest) a function's split routes to, each routed as a function of its own. */
    private final Map<FunctionRef, FunctionRef> revisionOf = new ConcurrentHashMap<>();

    private final List<SharedIndexInformer<Function>> functions = new ArrayList<>();
    private final List<SharedIndexInformer<EndpointSlice>> slices = new ArrayList<>();
    private final List<SharedIndexInformer<Pod>> pods = new ArrayList<>();

    /** Functions and EndpointSlices of one namespace. */
    public KubeDirectory(KubernetesClient client, String namespace) {
        this(client, new WatchedNamespaces(false, List.of(namespace)));
    }

    public KubeDirectory(KubernetesClient client, WatchedNamespaces watched) {
        this.watched = watched;
        if (watched.all()) {
            functions.add(client.resources(Function.class).inAnyNamespace().runnableInformer(0));
            slices.add(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0));
            pods.add(client.pods().inAnyNamespace().withLabel(Labels.FUNCTION).runnableInformer(0));
        } else {
            for (String ns : watched.names()) {
                functions.add(client.resources(Function.class).inNamespace(ns).runnableInformer(0));
                slices.add(
                        client.discovery().v1().endpointSlices().inNamespace(ns).runnableInformer(0));
                pods.add(
                        client.pods().inNamespace(ns).withLabel(Labels.FUNCTION).runnableInformer(0));
            }
        }
        functions.forEach(i -> i.addEventHandler(new EveryEvent<>(this::onFunction)));
        slices.forEach(i -> i.addEventHandler(new EveryEvent<>(this::onSlice)));
        pods.forEach(i -> i.addEventHandler(new EveryEvent<>(this::onPod)));
    }

    /** Starts the informers and waits until each has listed its objects once. */
    public KubeDirectory start() {
        pods.forEach(SharedIndexInformer::run); // first: a slice's endpoints find their pods' readiness
        functions.forEach(SharedIndexInformer::run);
        slices.forEach(SharedIndexInformer::run);
        return this;
    }

    @Override
    public Optional<Routing> routing(FunctionRef f) {
        if (!known(f)) {
            return Optional.empty();
        }
        return Optional.of(new Routing(ready.getOrDefault(f, List.of()), limits.getOrDefault(f, 0)));
    }

    /**
     * The function's split as its status lists it: the latest revision is the function itself (its own Deployment),
     * every other revision its workload {@code <fn>-0000N}. Empty when every request goes to the latest revision
     * and there is no tag.
     */
    @Override
    public Optional<List<TrafficTarget>> traffic(FunctionRef function) {
        return known(function) ? Optional.ofNullable(traffic.get(function)) : Optional.empty();
    }

    @Override
    public void onChange(Consumer<FunctionRef> listener) {
        listeners.add(listener);
    }

    /** A Function of a watched namespace, or a revision its split routes to. */
    boolean known(FunctionRef f) {
        FunctionRef function = revisionOf.getOrDefault(f, f);
        return watched.includes(f.namespace()) && exists(function);
    }

    private boolean exists(FunctionRef f) {
        String key = f.namespace() + "/" + f.name();
        return functions.stream().anyMatch(i -> i.getStore().getByKey(key) != null);
    }

    private synchronized void onFunction(Function f) {
        FunctionRef ref =
                new FunctionRef(f.getMetadata().getNamespace(), f.getMetadata().getName());
        List<FunctionRef> revisions = new ArrayList<>();
        revisionOf.forEach((r, fn) -> {
            if (fn.equals(ref)) {
                revisions.add(r);
            }
        });
        revisions.forEach(revisionOf::remove);
        if (!exists(ref)) { // deleted
            limits.remove(ref);
            traffic.remove(ref);
        } else {
            int limit = containerConcurrency(f);
            limits.put(ref, limit);
            Optional<List<TrafficTarget>> split = RevisionTraffic.of(f);
            split.ifPresentOrElse(t -> traffic.put(ref, t), () -> traffic.remove(ref));
            split.orElse(List.of()).stream()
                    .map(t -> new FunctionRef(ref.namespace(), t.revision()))
                    .filter(r -> !r.equals(ref))
                    .forEach(r -> {
                        revisionOf.put(r, ref);
                        limits.put(r, limit);
                        if (!revisions.contains(r)) {
                            revisions.add(r);
                        }
                    });
        }
        changed(ref);
        revisions.forEach(this::changed);
    }

    /** {@code spec.scale.containerConcurrency} as the controller reads it; 0 (unlimited) when invalid. */
    static int containerConcurrency(Function f) {
        try {
            return FunctionValidator.validate(f).scaling().scale().containerConcurrency();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void onSlice(EndpointSlice s) {
        String service = s.getMetadata().getLabels() == null
                ? null
                : s.getMetadata().getLabels().get(SERVICE_NAME);
        if (service == null || !service.endsWith(PRIVATE_SUFFIX)) {
            return;
        }
        String ns = s.getMetadata().getNamespace();
        refresh(new FunctionRef(ns, service.substring(0, service.length() - PRIVATE_SUFFIX.length())));
    }

    /** A pod's readiness may be seen after its slice: the function's endpoints are read again (equal ones stay). */
    private void onPod(Pod p) {
        Map<String, String> labels = p.getMetadata().getLabels();
        String function = labels == null ? null : labels.get(Labels.FUNCTION);
        if (function != null) {
            refresh(new FunctionRef(p.getMetadata().getNamespace(), function));
        }
    }

    private synchronized void refresh(FunctionRef ref) {
        String ns = ref.namespace();
        String service = Names.privateService(ref.name());
        List<EndpointSlice> all = slices.stream()
                .flatMap(i -> i.getStore().list().stream())
                .filter(x -> ns.equals(x.getMetadata().getNamespace())
                        && x.getMetadata().getLabels() != null
                        && service.equals(x.getMetadata().getLabels().get(SERVICE_NAME)))
                .toList();
        List<Endpoint> now = ReadyEndpoints.of(all, pod -> readySince(ns, pod));
        List<Endpoint> before = now.isEmpty() ? ready.remove(ref) : ready.put(ref, now);
        if (!Objects.equals(before == null ? List.of() : before, now)) {
            changed(ref);
        }
    }

    /** The pod informers (tests wait on their caches). */
    List<SharedIndexInformer<Pod>> pods() {
        return pods;
    }

    private Instant readySince(String ns, String pod) {
        String key = ns + "/" + pod;
        return pods.stream()
                .map(i -> i.getStore().getByKey(key))
                .filter(Objects::nonNull)
                .findFirst()
                .map(PodReadiness::readySince)
                .orElse(null);
    }

    private void changed(FunctionRef ref) {
        listeners.forEach(l -> l.accept(ref));
    }

    @Override
    public void close() {
        functions.forEach(SharedIndexInformer::close);
        slices.forEach(SharedIndexInformer::close);
        pods.forEach(SharedIndexInformer::close);
    }
}
