package dev.quiver.kubernetes.controller;

import dev.quiver.api.traffic.TrafficRules;
import dev.quiver.kubernetes.model.FunctionModel;
import dev.quiver.kubernetes.model.FunctionValidator;
import dev.quiver.kubernetes.model.RevisionHistory;
import dev.quiver.kubernetes.model.RevisionRollout;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionRevision;
import dev.quiver.kubernetes.resource.FunctionStatus;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.kubernetes.scaling.ClusterReads;
import dev.quiver.kubernetes.scaling.KubeApplier;
import dev.quiver.kubernetes.scaling.PodView;
import dev.quiver.kubernetes.scaling.PodViews;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.Routing;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Mode;
import dev.quiver.scaler.spec.SpecException;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reconciles one {@link Function} into its Deployment, Services, public EndpointSlice and warm pods, and writes its
 * status. Replicas are
 * set only when the Deployment is created: after that they belong to the scaler. Not thread-safe: the controller
 * runs every reconcile and scaler tick on one thread.
 */
public final class FunctionReconciler {
    private static final Logger LOG = Logger.getLogger(FunctionReconciler.class);
    /** Revisions listed in a Function's status. */
    static final int KEEP_REVISIONS = 5;

    private final KubernetesClient client;
    private final KubeApplier applier;
    private final Map<String, String> platformEnv;
    private final Clock clock;
    private final FunctionTriggers triggers;
    private final ClusterReads reads;
    /** Per {@code namespace/function}: the conditions of its broker trigger, as the last reconcile found them. */
    private final Map<String, List<Conditions.Wanted>> triggerConditions = new ConcurrentHashMap<>();
    /** Per {@code namespace/function}: the status last written, so that an unchanged one is not written again. */
    private final Map<String, String> written = new ConcurrentHashMap<>();
    /** Per {@code namespace/function}: its revisions' workloads and tag routes, as the last reconcile made them. */
    private final Map<String, RevisionRoutes.Result> routed = new ConcurrentHashMap<>();

    /** Per {@code namespace/function}: the rollout state last decided (the status may lag in the cache). */
    private final Map<String, RevisionRollout.Before> rollouts = new ConcurrentHashMap<>();

    private final RevisionRoutes routes;

    public FunctionReconciler(
            KubernetesClient client, KubeApplier applier, Map<String, String> platformEnv, Clock clock) {
        this(client, applier, platformEnv, clock, FunctionTriggers.NONE, ClusterReads.api(client));
    }

    /**
     * @param triggers the functions' broker triggers
     * @param reads    pods and Services as the controller's caches show them (with its own writes laid over)
     */
    public FunctionReconciler(
            KubernetesClient client,
            KubeApplier applier,
            Map<String, String> platformEnv,
            Clock clock,
            FunctionTriggers triggers,
            ClusterReads reads) {
        this.client = client;
        this.reads = reads;
        this.applier = applier;
        this.platformEnv = Map.copyOf(platformEnv);
        this.clock = clock;
        this.triggers = triggers;
        this.routes = new RevisionRoutes(client, applier, reads);
    }

    /** @return the function's workload, or empty when its spec is invalid (then its status says Failed, and why) */
    public Optional<Workload> reconcile(Function f) {
        FunctionModel model;
        List<FunctionTraffic> traffic;
        String latest;
        Map<String, ControllerRevision> kept;
        try {
            model = FunctionValidator.validate(f);
            Workload w = workload(f, model);
            List<FunctionRevision> revisions = revisions(f, w);
            latest = revisions.get(revisions.size() - 1).getName();
            traffic = rollout(f, latest, RevisionHistory.applied(f.getSpec().getTraffic(), revisions))
                    .traffic();
            kept = routes.templates(w, traffic, latest);
        } catch (SpecException e) {
            LOG.warnf(
                    "Function %s/%s is invalid: %s",
                    f.getMetadata().getNamespace(), f.getMetadata().getName(), e.getMessage());
            writeStatus(f, new FunctionStatus(), FunctionHealth.invalid(e.getMessage()));
            return Optional.empty();
        }
        triggerConditions.put(key(model.namespace(), model.name()), triggers.sync(model));
        Workload w = workload(f, model);
        routes.keep(w, latest);
        Deployment d = ensureDeployment(w, model);
        ensureService(w.privateService());
        ensurePublicService(w);
        applier.apply(w, PoolRepair.plan(controllerPods(w), w.revision(), model.warmPool()));
        RevisionRoutes.Result r = routes.apply(w, model, traffic, latest, kept);
        routed.put(key(model.namespace(), model.name()), r);
        applier.syncEndpoints(w);
        status(f, w, d);
        return Optional.of(w);
    }

    /** The function's revision workloads and tag routes as the last reconcile made them. */
    RevisionRoutes.Result routes(String namespace, String function) {
        return routed.getOrDefault(key(namespace, function), RevisionRoutes.Result.NONE);
    }

    public Workload workload(Function f, FunctionModel model) {
        return new Workload(model, owner(f), platformEnv);
    }

    /** The pods of a function, terminating ones left out. */
    public List<Pod> pods(String namespace, String function) {
        return reads.pods(namespace, function).stream()
                .filter(p -> !PodViews.terminating(p))
                .toList();
    }

    /** Writes counts, URL, mode and the conditions that follow from them. */
    public void status(Function f, Workload w, Deployment d) {
        List<Pod> pods = pods(w.function().namespace(), w.function().name());
        int promoted = (int) pods.stream()
                .filter(p -> isActive(p) && PodViews.fromWarmPool(p))
                .count();
        int replicas = d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
        int ready = (int)
                pods.stream().filter(p -> isActive(p) && PodViews.ready(p)).count();
        int warm = (int)
                pods.stream().filter(p -> !isActive(p) && PodViews.ready(p)).count();
        FunctionHealth health = new FunctionHealth(replicas + promoted, ready, warm);
        FunctionStatus s = new FunctionStatus();
        s.setDesired(health.desired());
        s.setReady(ready);
        s.setWarm(warm);
        s.setUrl(Names.url(w.function().name(), w.function().namespace()));
        s.setMode(mode(w).key());
        List<FunctionRevision> revisions = revisions(f, w);
        s.setRevisions(revisions);
        s.setLatestRevision(revisions.get(revisions.size() - 1).getName());
        RevisionRollout.Step step = rollout(
                f, s.getLatestRevision(), RevisionHistory.applied(f.getSpec().getTraffic(), revisions));
        s.setTraffic(step.traffic());
        s.setRollout(step.rollout());
        writeStatus(f, s, health.conditions());
    }

    /** Whether a gradual rollout of the function is in progress: it is reconciled again until it ends. */
    public boolean rolling(String namespace, String function) {
        RevisionRollout.Before b = rollouts.get(key(namespace, function));
        return b != null && b.rollout() != null;
    }

    /**
     * The traffic to apply now: the spec's, or a step of a rollout ({@code spec.rolloutDuration}) when a new latest
     * revision appeared. The state before is the one last decided here, else the status's (a restarted controller).
     */
    private RevisionRollout.Step rollout(Function f, String latest, List<FunctionTraffic> target) {
        String key = key(f.getMetadata().getNamespace(), f.getMetadata().getName());
        RevisionRollout.Before before = rollouts.getOrDefault(key, RevisionRollout.Before.of(f.getStatus()));
        Duration duration = TrafficRules.rolloutDuration(f.getSpec().getRolloutDuration(), new ArrayList<>());
        RevisionRollout.Step step = RevisionRollout.next(before, latest, target, duration, clock.instant());
        if (step.rolling()
                && (before.rollout() == null || !latest.equals(before.rollout().getRevisionName()))) {
            LOG.infof(
                    "Function %s: rollout to %s over %s started",
                    f.getMetadata().getName(), latest, duration);
        } else if (!step.rolling() && before.rollout() != null) {
            LOG.infof("Function %s: rollout to %s done", f.getMetadata().getName(), latest);
        }
        LOG.debugf("Function %s: traffic %s", f.getMetadata().getName(), step.traffic());
        rollouts.put(key, new RevisionRollout.Before(latest, step.traffic(), step.rollout()));
        return step;
    }

    /** The function's revisions: its status's, with the pod template now as the latest. */
    private List<FunctionRevision> revisions(Function f, Workload w) {
        return RevisionHistory.next(
                f.getStatus() == null ? null : f.getStatus().getRevisions(),
                f.getMetadata().getName(),
                w.revision(),
                w.function().image(),
                clock.instant(),
                KEEP_REVISIONS,
                serving(f));
    }

    /** Revisions the spec or the status gives traffic or a tag: kept in the history whatever their age. */
    private static Set<String> serving(Function f) {
        Set<String> out = new HashSet<>();
        List<FunctionTraffic> spec = f.getSpec() == null ? null : f.getSpec().getTraffic();
        if (spec != null) {
            spec.stream().filter(t -> t.getRevisionName() != null).forEach(t -> out.add(t.getRevisionName()));
        }
        if (f.getStatus() != null && f.getStatus().getTraffic() != null) {
            f.getStatus().getTraffic().stream()
                    .filter(t -> t.getRevisionName() != null
                            && RevisionRoutes.target(t).serving())
                    .forEach(t -> out.add(t.getRevisionName()));
        }
        return out;
    }

    /** The mode the public Service is in now. */
    public Mode mode(Workload w) {
        return Routing.mode(
                reads.service(w.function().namespace(), w.function().name()).orElse(null),
                w.function().name());
    }

    /** Deletes what the controller made for a function (owner references do the same in a real cluster). */
    public void delete(String namespace, String function) {
        triggers.remove(namespace, function);
        triggerConditions.remove(key(namespace, function));
        written.remove(key(namespace, function));
        routed.remove(key(namespace, function));
        rollouts.remove(key(namespace, function));
        routes.deleteAll(namespace, function);
        Map<String, String> sel = Map.of(Labels.FUNCTION, function, Labels.MANAGED_BY, Labels.MANAGER);
        client.apps().deployments().inNamespace(namespace).withLabels(sel).delete();
        client.services().inNamespace(namespace).withLabels(sel).delete();
        client.discovery()
                .v1()
                .endpointSlices()
                .inNamespace(namespace)
                .withLabels(sel)
                .delete();
        client.pods().inNamespace(namespace).withLabels(sel).delete();
        client.pods()
                .inNamespace(namespace)
                .withLabels(Labels.function(function))
                .delete();
    }

    private static boolean isActive(Pod p) {
        return !Labels.WARM.equals(p.getMetadata().getLabels().get(Labels.POOL));
    }

    private List<PodView> controllerPods(Workload w) {
        return pods(w.function().namespace(), w.function().name()).stream()
                .filter(PodViews::fromWarmPool)
                .map(p -> PodViews.of(p, 0))
                .toList();
    }

    private Deployment ensureDeployment(Workload w, FunctionModel model) {
        var ref = client.apps().deployments().inNamespace(model.namespace()).withName(Names.deployment(model.name()));
        Deployment existing = ref.get();
        if (existing == null) {
            return client.resource(w.deployment(model.initialReplicas())).create();
        }
        String revision =
                existing.getSpec().getTemplate().getMetadata().getLabels().get(Labels.REVISION);
        if (w.revision().equals(revision)) {
            return existing;
        }
        Deployment desired = w.deployment(existing.getSpec().getReplicas());
        return ref.edit(d -> new DeploymentBuilder(d)
                .editSpec()
                .withTemplate(desired.getSpec().getTemplate())
                .endSpec()
                .build());
    }

    private void ensureService(Service s) {
        var ref = client.services()
                .inNamespace(s.getMetadata().getNamespace())
                .withName(s.getMetadata().getName());
        if (ref.get() == null) {
            client.resource(s).create();
        }
    }

    /**
     * Creates the public Service in proxy mode; one made by an older controller (with a selector) loses its selector,
     * keeping the mode it was in, so that only the controller's EndpointSlice routes it.
     */
    private void ensurePublicService(Workload w) {
        String fn = w.function().name();
        var ref = client.services().inNamespace(w.function().namespace()).withName(Names.service(fn));
        Service existing = ref.get();
        if (existing == null) {
            client.resource(w.service(Mode.PROXY)).create();
        } else if (Routing.selects(existing)) {
            Mode mode = Routing.mode(existing, fn);
            ref.edit(s -> new ServiceBuilder(s)
                    .editSpec()
                    .withSelector(null)
                    .endSpec()
                    .editMetadata()
                    .addToAnnotations(Labels.MODE, mode.key())
                    .endMetadata()
                    .build());
        }
    }

    /** Writes the status unless the Function already has it (or it was just written and the cache lags). */
    private void writeStatus(Function f, FunctionStatus s, List<Conditions.Wanted> health) {
        List<io.fabric8.kubernetes.api.model.Condition> before =
                f.getStatus() == null ? List.of() : f.getStatus().getConditions();
        String key = key(f.getMetadata().getNamespace(), f.getMetadata().getName());
        List<Conditions.Wanted> wanted = new ArrayList<>(health);
        wanted.addAll(triggerConditions.getOrDefault(key, List.of()));
        Long generation = f.getMetadata().getGeneration();
        s.setObservedGeneration(generation);
        s.setConditions(Conditions.set(before, wanted, clock.instant(), generation));
        String json = Serialization.asJson(s);
        if (json.equals(written.get(key))
                || f.getStatus() != null && json.equals(Serialization.asJson(f.getStatus()))) {
            written.put(key, json);
            return;
        }
        // a fresh object without resourceVersion: a merge patch of the status, no optimistic-lock conflict, and the
        // informer's cached object stays untouched
        Function patch = new Function();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(f.getMetadata().getName())
                .withNamespace(f.getMetadata().getNamespace())
                .build());
        patch.setStatus(s);
        try {
            client.resources(Function.class)
                    .inNamespace(f.getMetadata().getNamespace())
                    .resource(patch)
                    .patchStatus();
            written.put(key, json);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            LOG.debugf(
                    "Function %s was deleted before its status was written",
                    f.getMetadata().getName());
        }
    }

    private static String key(String namespace, String function) {
        return namespace + "/" + function;
    }

    private static OwnerReference owner(Function f) {
        return new OwnerReferenceBuilder()
                .withApiVersion(f.getApiVersion())
                .withKind(f.getKind())
                .withName(f.getMetadata().getName())
                .withUid(f.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
