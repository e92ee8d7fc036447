package dev.quiver.kubernetes.scaling;

import dev.quiver.control.loop.InstanceBackend;
import dev.quiver.control.loop.InstanceView;
import dev.quiver.control.loop.LoopFunction;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.kubernetes.workload.PodTemplates;
import dev.quiver.kubernetes.workload.Routing;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loop's {@link InstanceBackend} on Kubernetes: instances are the function's pods (Deployment pods and warm
 * pods); a decision becomes a list of {@link KubeOp}s ({@link DecisionPlanner}, pure) which the {@link KubeApplier}
 * makes, serve/proxy flips of the public Service included. A roll is the Deployment's own rolling update (the
 * reconciler changed its template) and warm pods of an older revision are replaced by the reconciler's pool repair.
 */
public final class KubeBackend implements InstanceBackend {
    private final ClusterReads reads;
    private final KubeApplier applier;
    private final Map<FunctionRef, Workload> workloads = new ConcurrentHashMap<>();
    /** Functions whose public Service stays in proxy mode: their traffic is split over revisions by the activator. */
    private final Set<FunctionRef> proxied = ConcurrentHashMap.newKeySet();

    /** @param reads the functions' pods, Deployments and Services (in the controller: its caches, no API call) */
    public KubeBackend(ClusterReads reads, KubeApplier applier) {
        this.reads = reads;
        this.applier = applier;
    }

    public static FunctionRef ref(Workload w) {
        return new FunctionRef(w.function().namespace(), w.function().name());
    }

    /** The function as the loop takes it; the revision is the pod template's hash. */
    public static LoopFunction toLoop(Workload w) {
        var f = w.function();
        return new LoopFunction(
                ref(w),
                f.scaling(),
                f.kafka().map(k -> new LoopFunction.KafkaSource(k.topic(), k.group())),
                f.scaling().scale().containerConcurrency(),
                w.revision());
    }

    /** Sets the objects a function is made of; call before handing the function to the loop. */
    public void put(Workload w) {
        workloads.put(ref(w), w);
    }

    /**
     * Keeps the function's public Service in proxy mode (its traffic is split or tagged: every request passes the
     * activator) or lets the decisions route it again.
     */
    public void proxied(FunctionRef ref, boolean always) {
        if (always) {
            proxied.add(ref);
        } else {
            proxied.remove(ref);
        }
    }

    public Optional<Workload> workload(FunctionRef ref) {
        return Optional.ofNullable(workloads.get(ref));
    }

    @Override
    public List<InstanceView> instances(FunctionRef function) {
        return pods(function.namespace(), function.name()).stream()
                .map(KubeBackend::view)
                .toList();
    }

    static InstanceView view(Pod p) {
        PodView v = PodViews.of(p, 0);
        InstanceView.State state = PodViews.terminating(p)
                ? InstanceView.State.DRAINING
                : v.ready() ? InstanceView.State.READY : InstanceView.State.STARTING;
        String ip = p.getStatus() == null ? null : p.getStatus().getPodIP();
        return new InstanceView(
                v.name(),
                ip == null || ip.isEmpty() ? null : ip,
                PodTemplates.PORT,
                v.role(),
                state,
                v.startedAt(),
                true);
    }

    @Override
    public void apply(LoopFunction function, Decision d) {
        Workload w = workloads.get(function.ref());
        if (w == null) {
            return;
        }
        List<PodView> views = pods(function.ref().namespace(), function.ref().name()).stream()
                .map(p -> PodViews.of(p, 0))
                .toList();
        Mode routed = mode(w);
        List<KubeOp> ops = DecisionPlanner.plan(d, views, replicas(w), routed);
        if (proxied.contains(function.ref())) {
            ops = new ArrayList<>(
                    ops.stream().filter(o -> !(o instanceof KubeOp.Route)).toList());
            if (routed == Mode.SERVE) {
                ops.add(0, new KubeOp.Route(Mode.PROXY));
            }
        }
        applier.apply(w, ops);
    }

    @Override
    public void roll(LoopFunction function) {
        // the reconciler already wrote the new pod template: the Deployment rolls, pool repair replaces warm pods
    }

    @Override
    public void remove(FunctionRef function) {
        workloads.remove(function);
        proxied.remove(function);
    }

    /** Terminating pods left out: they are on their way out already. */
    private List<Pod> pods(String namespace, String function) {
        return reads.pods(namespace, function).stream()
                .filter(p -> !PodViews.terminating(p))
                .toList();
    }

    private int replicas(Workload w) {
        Deployment d =
                reads.deployment(w.function().namespace(), w.function().name()).orElse(null);
        return d == null || d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
    }

    private Mode mode(Workload w) {
        return Routing.mode(
                reads.service(w.function().namespace(), w.function().name()).orElse(null),
                w.function().name());
    }
}
