package dev.quiver.kubernetes.activator;

import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Names;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FunctionDirectory} from two informers in one namespace: Function resources (known functions) and the
 * EndpointSlices of {@code <name>-private} Services (ready endpoints). Needs get/list/watch on functions and
 * endpointslices there, nothing else.
 */
public final class KubeDirectory implements FunctionDirectory, AutoCloseable {
    /** The label the EndpointSlice controller puts on each slice: the Service's name. */
    static final String SERVICE_NAME = "kubernetes.io/service-name";
    private static final String PRIVATE_SUFFIX = Names.privateService("");

    private final String namespace;
    private final Listener listener;
    private final Map<String, List<Endpoint>> ready = new ConcurrentHashMap<>();
    private final SharedIndexInformer<Function> functions;
    private final SharedIndexInformer<EndpointSlice> slices;

    public KubeDirectory(KubernetesClient client, String namespace, Listener listener) {
        this.namespace = namespace;
        this.listener = listener;
        this.functions = client.resources(Function.class).inNamespace(namespace).runnableInformer(0);
        this.slices = client.discovery().v1().endpointSlices().inNamespace(namespace).runnableInformer(0);
        functions.addEventHandler(new Handler<>(this::onFunction));
        slices.addEventHandler(new Handler<>(this::onSlice));
    }

    /** Starts both informers and waits until each has listed its objects once. */
    public KubeDirectory start() {
        functions.run();
        slices.run();
        return this;
    }

    @Override
    public boolean known(String ns, String function) {
        return namespace.equals(ns) && functions.getStore().getByKey(ns + "/" + function) != null;
    }

    @Override
    public List<Endpoint> ready(String ns, String function) {
        return namespace.equals(ns) ? ready.getOrDefault(function, List.of()) : List.of();
    }

    private void onFunction(Function f) {
        listener.changed(namespace, f.getMetadata().getName());
    }

    private void onSlice(EndpointSlice s) {
        String service = s.getMetadata().getLabels() == null ? null : s.getMetadata().getLabels().get(SERVICE_NAME);
        if (service == null || !service.endsWith(PRIVATE_SUFFIX)) {
            return;
        }
        String function = service.substring(0, service.length() - PRIVATE_SUFFIX.length());
        List<EndpointSlice> all = slices.getStore().list().stream()
                .filter(x -> x.getMetadata().getLabels() != null
                        && service.equals(x.getMetadata().getLabels().get(SERVICE_NAME)))
                .toList();
        List<Endpoint> now = ReadyEndpoints.of(all);
        List<Endpoint> before = now.isEmpty() ? ready.remove(function) : ready.put(function, now);
        if (!Objects.equals(before == null ? List.of() : before, now)) {
            listener.changed(namespace, function);
        }
    }

    @Override
    public void close() {
        functions.close();
        slices.close();
    }

    /** Every event of a kind goes to one callback; the store already holds the new state when it runs. */
    private record Handler<T>(java.util.function.Consumer<T> on) implements ResourceEventHandler<T> {
        @Override
        public void onAdd(T obj) {
            on.accept(obj);
        }

        @Override
        public void onUpdate(T oldObj, T newObj) {
            on.accept(newObj);
        }

        @Override
        public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            on.accept(obj);
        }
    }
}
