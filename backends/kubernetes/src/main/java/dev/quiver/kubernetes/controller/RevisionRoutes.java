package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.model.FunctionModel;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.kubernetes.scaling.ClusterReads;
import dev.quiver.kubernetes.scaling.KubeApplier;
import dev.quiver.kubernetes.scaling.KubeOp;
import dev.quiver.kubernetes.scaling.PodViews;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.RevisionTemplates;
import dev.quiver.kubernetes.workload.Routing;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Mode;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.Violation;
import dev.quiver.scaler.traffic.TrafficSplit;
import dev.quiver.scaler.traffic.TrafficTarget;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A Function's revisions as objects: the latest revision is served by the Function's own Deployment {@code <fn>}
 * (so a function without a split keeps its direct serve mode); every other revision with a share or a tag gets a
 * workload of its own named {@code <fn>-0000N} (Deployment, private and public Service, warm pods) rebuilt from its
 * kept template (a {@code ControllerRevision}, {@link RevisionTemplates}); a revision that loses its share and tag is
 * removed (its pods go, so it is at zero), the latest one is scaled to zero instead. Each tag gets a Service
 * {@code <tag>-<fn>} whose EndpointSlice lists the activator pods; while traffic is split or tagged, the public
 * Service {@code <fn>} stays in proxy mode, so every request passes the activator's per-request split.
 */
final class RevisionRoutes {
    private static final Logger LOG = Logger.getLogger(RevisionRoutes.class);

    /**
     * @param revisions  the workloads of the serving revisions other than the latest: each a function of the loop
     * @param tags       the tag Services' workloads (routes only: never in the loop; their slices follow the activator)
     * @param latestServing whether the latest revision (the Function's own Deployment) has a share or a tag
     * @param split      whether requests must pass the activator's split (a share elsewhere than the latest, or a tag)
     */
    record Result(List<Workload> revisions, List<Workload> tags, boolean latestServing, boolean split) {
        static final Result NONE = new Result(List.of(), List.of(), true, false);
    }

    private final KubernetesClient client;
    private final KubeApplier applier;
    private final ClusterReads reads;

    RevisionRoutes(KubernetesClient client, KubeApplier applier, ClusterReads reads) {
        this.client = client;
        this.applier = applier;
        this.reads = reads;
    }

    /**
     * The kept templates of the serving revisions other than the latest; refused naming the key when one was not
     * kept (a revision listed by a controller older than revision Deployments) or a tag's Service name is too long.
     */
    Map<String, ControllerRevision> templates(Workload base, List<FunctionTraffic> traffic, String latest) {
        String fn = base.function().name();
        Map<String, ControllerRevision> out = new LinkedHashMap<>();
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < traffic.size(); i++) {
            TrafficTarget t = target(traffic.get(i));
            if (t.tag() != null && Names.tagService(t.tag(), fn).length() > 63) {
                errors.add(new Violation(
                        "spec.traffic[" + i + "].tag",
                        "names the Service \"" + Names.tagService(t.tag(), fn)
                                + "\", which must be at most 63 characters",
                        t.tag()));
            }
            if (!t.serving() || t.revision().equals(latest) || out.containsKey(t.revision())) {
                continue;
            }
            ControllerRevision kept = revision(base, t.revision());
            if (kept == null || RevisionTemplates.podSpec(kept).isEmpty()) {
                errors.add(new Violation(
                        "spec.traffic[" + i + "].revisionName",
                        "its pod template was not kept (the revision was made by an older controller), so it"
                                + " cannot serve again",
                        t.revision()));
            } else {
                out.put(t.revision(), kept);
            }
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        return out;
    }

    /** Keeps the latest revision's template (once: a revision never changes). */
    void keep(Workload base, String latest) {
        if (revision(base, latest) == null) {
            client.resource(RevisionTemplates.kept(base, latest, number(latest)))
                    .create();
        }
    }

    /** Makes and removes the revisions' objects and tag Services for {@code traffic}; see the class comment. */
    Result apply(
            Workload base,
            FunctionModel model,
            List<FunctionTraffic> traffic,
            String latest,
            Map<String, ControllerRevision> kept) {
        String fn = base.function().name();
        String ns = base.function().namespace();
        List<TrafficTarget> targets =
                traffic.stream().map(RevisionRoutes::target).toList();
        Set<String> serving = TrafficSplit.serving(targets);
        boolean split = targets.stream()
                .anyMatch(
                        t -> t.tag() != null || t.percent() > 0 && !t.revision().equals(latest));
        List<Workload> revisions = new ArrayList<>();
        kept.forEach((name, r) -> revisions.add(ensure(revisionWorkload(base, model, name, r), model)));
        removeRevisionsBut(ns, fn, serving);
        List<Workload> tags = new ArrayList<>();
        targets.stream().filter(t -> t.tag() != null).forEach(t -> tags.add(ensureTag(base, t.tag())));
        removeTagsBut(ns, fn, tags.stream().map(w -> w.function().name()).toList());
        boolean latestServing = serving.contains(latest);
        List<KubeOp> ops = new ArrayList<>();
        if (split && Routing.mode(reads.service(ns, fn).orElse(null), fn) == Mode.SERVE) {
            ops.add(new KubeOp.Route(Mode.PROXY));
        }
        if (!latestServing) {
            ops.add(new KubeOp.SetReplicas(0));
            reads.pods(ns, fn).stream()
                    .filter(PodViews::fromWarmPool)
                    .forEach(p -> ops.add(new KubeOp.DeletePod(p.getMetadata().getName())));
        }
        if (!ops.isEmpty()) {
            applier.apply(base, ops);
        }
        return new Result(List.copyOf(revisions), List.copyOf(tags), latestServing, split);
    }

    /** Deletes what the controller made for {@code function}'s revisions and tags (and the kept templates). */
    void deleteAll(String namespace, String function) {
        Map<String, String> sel = Map.of(Labels.REVISION_OF, function);
        client.apps().deployments().inNamespace(namespace).withLabels(sel).delete();
        client.services().inNamespace(namespace).withLabels(sel).delete();
        client.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabels(sel)
                .delete();
        client.pods().inNamespace(namespace).withLabels(sel).delete();
        client.apps()
                .controllerRevisions()
                .inNamespace(namespace)
                .withLabels(sel)
                .delete();
    }

    static Workload revisionWorkload(Workload base, FunctionModel model, String name, ControllerRevision kept) {
        PodSpec spec = RevisionTemplates.podSpec(kept).orElseThrow();
        FunctionModel m = new FunctionModel(
                model.namespace(),
                name,
                RevisionTemplates.image(kept, model.image()),
                model.env(),
                model.scaling(),
                model.kafka(),
                Optional.empty());
        return new Workload(m, base.owner(), base.platformEnv(), spec, Map.of(Labels.REVISION_OF, model.name()));
    }

    private Workload ensure(Workload w, FunctionModel model) {
        String ns = w.function().namespace();
        String name = w.function().name();
        var ref = client.apps().deployments().inNamespace(ns).withName(Names.deployment(name));
        Deployment existing = ref.get();
        if (existing == null) {
            client.resource(w.deployment(model.initialReplicas())).create();
            LOG.infof("%s/%s: revision Deployment %s made from its kept template", ns, model.name(), name);
        }
        createIfMissing(w.privateService());
        createIfMissing(w.service(Mode.PROXY));
        applier.apply(
                w,
                PoolRepair.plan(
                        reads.pods(ns, name).stream()
                                .filter(p -> !PodViews.terminating(p) && PodViews.fromWarmPool(p))
                                .map(p -> PodViews.of(p, 0))
                                .toList(),
                        w.revision(),
                        model.warmPool()));
        applier.syncEndpoints(w);
        return w;
    }

    private Workload ensureTag(Workload base, String tag) {
        String fn = base.function().name();
        FunctionModel m = new FunctionModel(
                base.function().namespace(),
                Names.tagService(tag, fn),
                base.function().image(),
                Map.of(),
                base.function().scaling(),
                Optional.empty(),
                Optional.empty());
        Workload w = new Workload(
                m, base.owner(), base.platformEnv(), null, Map.of(Labels.REVISION_OF, fn, Labels.TAG, tag));
        createIfMissing(w.service(Mode.PROXY));
        applier.syncEndpoints(w);
        return w;
    }

    private void removeRevisionsBut(String ns, String fn, Set<String> serving) {
        for (Deployment d : client.apps()
                .deployments()
                .inNamespace(ns)
                .withLabel(Labels.REVISION_OF, fn)
                .list()
                .getItems()) {
            String name = d.getMetadata().getName();
            if (serving.contains(name)) {
                continue;
            }
            LOG.infof("%s/%s: revision %s has no traffic and no tag: removed", ns, fn, name);
            client.resource(d).delete();
            client.services().inNamespace(ns).withName(Names.service(name)).delete();
            client.services()
                    .inNamespace(ns)
                    .withName(Names.privateService(name))
                    .delete();
            client.discovery()
                    .v1()
                    .endpointSlices()
                    .inNamespace(ns)
                    .withLabel(Labels.FUNCTION, name)
                    .delete();
            // what the garbage collector does in a cluster: the ReplicaSet's pods and the warm pods go now
            client.pods().inNamespace(ns).withLabel(Labels.FUNCTION, name).delete();
        }
    }

    private void removeTagsBut(String ns, String fn, List<String> keep) {
        client
                .services()
                .inNamespace(ns)
                .withLabel(Labels.REVISION_OF, fn)
                .withLabel(Labels.TAG)
                .list()
                .getItems()
                .stream()
                .filter(s -> !keep.contains(s.getMetadata().getName()))
                .forEach(s -> {
                    client.resource(s).delete();
                    client.discovery()
                            .v1()
                            .endpointSlices()
                            .inNamespace(ns)
                            .withName(s.getMetadata().getName())
                            .delete();
                });
    }

    private void createIfMissing(io.fabric8.kubernetes.api.model.Service s) {
        var ref = client.services()
                .inNamespace(s.getMetadata().getNamespace())
                .withName(s.getMetadata().getName());
        if (ref.get() == null) {
            client.resource(s).create();
        }
    }

    private ControllerRevision revision(Workload base, String name) {
        return client.apps()
                .controllerRevisions()
                .inNamespace(base.function().namespace())
                .withName(name)
                .get();
    }

    static TrafficTarget target(FunctionTraffic t) {
        return new TrafficTarget(t.getRevisionName(), t.getPercent() == null ? 0 : t.getPercent(), t.getTag());
    }

    private static long number(String revision) {
        try {
            return Long.parseLong(revision.substring(revision.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
