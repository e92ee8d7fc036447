package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.Workload;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes the {@link KubeOp}s of one function with the Kubernetes API: one call each, then the public EndpointSlice
 * follows (a promoted pod is in it at once; a Route writes the mode on the Service and rewrites the slice).
 */
public final class KubeApplier {
    private static final Logger LOG = Logger.getLogger(KubeApplier.class);
    private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

    private final KubernetesClient client;
    private final Supplier<String> suffixes;
    private final EndpointWriter endpoints;
    private final AppliedOps applied;

    /**
     * @param suffixes  random name suffixes for warm pods
     * @param endpoints writes the public EndpointSlice
     */
    public KubeApplier(KubernetesClient client, Supplier<String> suffixes, EndpointWriter endpoints) {
        this(client, suffixes, endpoints, null);
    }

    /** @param applied where each write's expected effect is noted until the informer caches show it; null: nowhere */
    public KubeApplier(
            KubernetesClient client, Supplier<String> suffixes, EndpointWriter endpoints, AppliedOps applied) {
        this.client = client;
        this.suffixes = suffixes;
        this.endpoints = endpoints;
        this.applied = applied;
    }

    /** Brings the public EndpointSlice in line with the mode and the ready pods; no write when it is. */
    public boolean syncEndpoints(Workload w) {
        return endpoints.sync(w);
    }

    public void apply(Workload w, List<KubeOp> ops) {
        String ns = w.function().namespace();
        String fn = w.function().name();
        boolean podsChanged = false;
        for (KubeOp op : ops) {
            LOG.debugf("%s/%s: %s", ns, fn, op);
            if (op instanceof KubeOp.Relabel r) {
                patchPod(ns, r.pod(), Map.of("metadata", Map.of("labels", Map.of(Labels.POOL, r.pool()))));
                note(a -> a.relabelled(ns, r.pod(), r.pool()));
            } else if (op instanceof KubeOp.MarkForDeletion m) {
                patchPod(
                        ns,
                        m.pod(),
                        Map.of(
                                "metadata",
                                Map.of("annotations", Map.of(Labels.DELETION_COST, Integer.toString(m.cost())))));
            } else if (op instanceof KubeOp.SetReplicas s) {
                client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName(Names.deployment(fn))
                        .patch(MERGE, json(Map.of("spec", Map.of("replicas", s.replicas()))));
                note(a -> a.scaled(ns, fn, s.replicas()));
            } else if (op instanceof KubeOp.DeletePod d) {
                client.pods().inNamespace(ns).withName(d.pod()).delete();
                note(a -> a.deleted(ns, fn, d.pod()));
            } else if (op instanceof KubeOp.CreateWarmPods c) {
                for (int i = 0; i < c.count(); i++) {
                    Pod made = client.pods()
                            .inNamespace(ns)
                            .resource(w.warmPod(Names.warmPodPrefix(fn) + suffixes.get()))
                            .create();
                    note(a -> a.created(made));
                }
            } else if (op instanceof KubeOp.Route r) {
                client.services()
                        .inNamespace(ns)
                        .withName(Names.service(fn))
                        .patch(
                                MERGE,
                                json(Map.of(
                                        "metadata",
                                        Map.of(
                                                "annotations",
                                                Map.of(Labels.MODE, r.mode().key())))));
                note(a -> a.routed(ns, fn, r.mode()));
                endpoints.sync(w);
                continue;
            }
            podsChanged = true;
        }
        if (podsChanged) {
            endpoints.sync(w);
        }
    }

    private void note(java.util.function.Consumer<AppliedOps> effect) {
        if (applied != null) {
            effect.accept(applied);
        }
    }

    private void patchPod(String ns, String pod, Map<String, Object> patch) {
        client.pods().inNamespace(ns).withName(pod).patch(MERGE, json(patch));
    }

    private static String json(Object o) {
        return Serialization.asJson(o);
    }
}
