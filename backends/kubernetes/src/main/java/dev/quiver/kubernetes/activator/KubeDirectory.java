package dev.quiver.kubernetes.activator;

import dev.quiver.kubernetes.controller.EveryEvent;
import dev.quiver.kubernetes.controller.WatchedNamespaces;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Names;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FunctionDirectory} from informers in the watched namespaces (one pair per namespace, or one cluster-wide pair
 * for {@code *}): Function resources (known functions) and the EndpointSlices of {@code <name>-private} Services
 * (ready endpoints). Needs get/list/watch on functions and endpointslices there, nothing else.
 */
public final class KubeDirectory implements FunctionDirectory, AutoCloseable {
    /** The label the EndpointSlice controller puts on each slice: the Service's name. */
    static final String SERVICE_NAME = "kubernetes.io/service-name";
    private static final String PRIVATE_SUFFIX = Names.privateService("");

    private final WatchedNamespaces watched;
    private final Listener listener;
    /** Ready endpoints by {@code namespace/function}. */
    private final Map<String, List<Endpoint>> ready = new ConcurrentHashMap<>();
    private final List<SharedIndexInformer<Function>> functions = new ArrayList<>();
    private final List<SharedIndexInformer<EndpointSlice>> slices = new ArrayList<>();

    /** Functions and EndpointSlices of one namespace. */
    public KubeDirectory(KubernetesClient client, String namespace, Listener listener) {
        this(client, new WatchedNamespaces(false, List.of(namespace)), listener);
    }

    public KubeDirectory(KubernetesClient client, WatchedNamespaces watched, Listener listener) {
        this.watched = watched;
        this.listener = listener;
        if (watched.all()) {
            functions.add(client.resources(Function.class).inAnyNamespace().runnableInformer(0));
            slices.add(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0));
        } else {
            for (String ns : watched.names()) {
                functions.add(client.resources(Function.class).inNamespace(ns).runnableInformer(0));
                slices.add(client.discovery().v1().endpointSlices().inNamespace(ns).runnableInformer(0));
            }
        }
        functions.forEach(i -> i.addEventHandler(new EveryEvent<>(this::onFunction)));
        slices.forEach(i -> i.addEventHandler(new EveryEvent<>(this::onSlice)));
    }

    /** Starts the informers and waits until each has listed its objects once. */
    public KubeDirectory start() {
        functions.forEach(SharedIndexInformer::run);
        slices.forEach(SharedIndexInformer::run);
        return this;
    }

    @Override
    public boolean known(String ns, String function) {
        return watched.includes(ns)
                && functions.stream().anyMatch(i -> i.getStore().getByKey(ns + "/" + function) != null);
    }

    @Override
    public List<Endpoint> ready(String ns, String function) {
        return watched.includes(ns) ? ready.getOrDefault(ns + "/" + function, List.of()) : List.of();
    }

    private void onFunction(Function f) {
        listener.changed(f.getMetadata().getNamespace(), f.getMetadata().getName());
    }

    private void onSlice(EndpointSlice s) {
        String service = s.getMetadata().getLabels() == null ? null : s.getMetadata().getLabels().get(SERVICE_NAME);
        if (service == null || !service.endsWith(PRIVATE_SUFFIX)) {
            return;
        }
        String ns = s.getMetadata().getNamespace();
        String function = service.substring(0, service.length() - PRIVATE_SUFFIX.length());
        List<EndpointSlice> all = slices.stream().flatMap(i -> i.getStore().list().stream())
                .filter(x -> ns.equals(x.getMetadata().getNamespace()) && x.getMetadata().getLabels() != null
                        && service.equals(x.getMetadata().getLabels().get(SERVICE_NAME)))
                .toList();
        List<Endpoint> now = ReadyEndpoints.of(all);
        String key = ns + "/" + function;
        List<Endpoint> before = now.isEmpty() ? ready.remove(key) : ready.put(key, now);
        if (!Objects.equals(before == null ? List.of() : before, now)) {
            listener.changed(ns, function);
        }
    }

    @Override
    public void close() {
        functions.forEach(SharedIndexInformer::close);
        slices.forEach(SharedIndexInformer::close);
    }
}
