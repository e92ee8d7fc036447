package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.Routing;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Writes a function's public EndpointSlice ({@link PublicEndpoints}) when it differs from what is there: reads the
 * Service's mode, the function's pods and, in proxy mode, the activator pods; no write when nothing changed.
 */
public final class EndpointWriter {
    private static final Logger LOG = Logger.getLogger(EndpointWriter.class);

    private final KubernetesClient client;
    private final ClusterReads reads;
    private final Supplier<List<Pod>> activatorPods;
    private final int activatorPort;

    /**
     * @param activatorPods the activator pods as last seen (an informer's store, or a list call)
     * @param activatorPort the activator's proxy port when its pods name no {@code http} port
     */
    public EndpointWriter(KubernetesClient client, Supplier<List<Pod>> activatorPods, int activatorPort) {
        this(client, ClusterReads.api(client), activatorPods, activatorPort);
    }

    /** @param reads the function's Service and pods (the controller's caches) */
    public EndpointWriter(
            KubernetesClient client, ClusterReads reads, Supplier<List<Pod>> activatorPods, int activatorPort) {
        this.client = client;
        this.reads = reads;
        this.activatorPods = activatorPods;
        this.activatorPort = activatorPort;
    }

    /** @return whether the slice was written */
    public boolean sync(Workload w) {
        String ns = w.function().namespace();
        String fn = w.function().name();
        Service svc = reads.service(ns, fn).orElse(null);
        if (svc == null) {
            return false; // made by the next reconcile, which syncs again
        }
        Mode mode = Routing.mode(svc, fn);
        List<Pod> pods = mode == Mode.SERVE
                ? reads.pods(ns, fn).stream()
                        .filter(p ->
                                Labels.ACTIVE.equals(p.getMetadata().getLabels().get(Labels.POOL)))
                        .toList()
                : List.of();
        EndpointSlice desired = PublicEndpoints.slice(
                w, mode, pods, mode == Mode.PROXY ? activatorPods.get() : List.of(), activatorPort);
        var ref = client.discovery().v1().endpointSlices().inNamespace(ns).withName(Names.service(fn));
        EndpointSlice existing = ref.get();
        if (existing == null) {
            client.resource(desired).create();
        } else if (!PublicEndpoints.content(existing).equals(PublicEndpoints.content(desired))) {
            desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
            client.resource(desired).update();
        } else {
            return false;
        }
        LOG.debugf(
                "%s/%s: EndpointSlice in %s mode, %d endpoint(s)",
                ns, fn, mode.key(), desired.getEndpoints().size());
        return true;
    }
}
