package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.Routing;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import dev.quiver.scaler.decision.Mode;
import dev.quiver.scaler.decision.Observation;
import dev.quiver.scaler.lag.PartitionOffsets;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaler of one function on Kubernetes: observe its pods (their stats, and the consumer lag of a Kafka trigger),
 * let scaler-core decide, plan the API
 * changes and make them. One instance per function, recreated when its spec changes; called from one thread.
 */
public final class FunctionScaling {
    private final KubernetesClient client;
    private final KubeApplier applier;
    private final PodStats.Source stats;
    private final LagSource lag;
    private final Workload workload;
    private final FunctionScaler scaler;
    private Instant lastTick = Instant.MIN;

    public FunctionScaling(KubernetesClient client, KubeApplier applier, PodStats.Source stats, LagSource lag,
            Workload workload, Instant createdAt) {
        this.client = client;
        this.applier = applier;
        this.stats = stats;
        this.lag = lag;
        this.workload = workload;
        this.scaler = new FunctionScaler(workload.function().scaling(), createdAt);
    }

    public Workload workload() {
        return workload;
    }

    /** Whether a tick is due at {@code now} (the function's {@code scale.tickInterval}). */
    public boolean due(Instant now) {
        return !now.isBefore(lastTick.plus(workload.function().scaling().scale().tickInterval()));
    }

    /** Observes, records, decides and applies. */
    public Decision tick(Instant now, List<Pod> pods) {
        lastTick = now;
        List<PodView> views = observe(pods, true);
        return apply(scaler.decide(now, observation(views)), views);
    }

    /** A request reached the activator while nothing is ready: decide at once. */
    public Decision poke(Instant now, List<Pod> pods) {
        List<PodView> views = observe(pods, false);
        return apply(scaler.poke(now, observation(views)), views);
    }

    /** Applies a decision made elsewhere (tests, or a scaler running outside the controller). */
    public Decision apply(Decision d, List<PodView> views) {
        applier.apply(workload, DecisionPlanner.plan(d, views, replicas(), mode()));
        return d;
    }

    /** The pods as the planner sees them, without reading their stats. */
    public static List<PodView> views(List<Pod> pods) {
        return pods.stream().map(p -> PodViews.of(p, 0)).toList();
    }

    private List<PodView> observe(List<Pod> pods, boolean record) {
        double concurrency = 0;
        double rps = 0;
        List<PodView> views = new ArrayList<>(pods.size());
        for (Pod p : pods) {
            boolean readActive = PodViews.ready(p);
            PodStats s = readActive ? stats.read(p).orElse(PodStats.NONE) : PodStats.NONE;
            PodView v = PodViews.of(p, s.inFlight());
            if (v.active()) {
                concurrency += s.averageConcurrency();
                rps += s.requestsPerSecond();
            }
            views.add(v);
        }
        if (record) {
            scaler.record(lastTick, concurrency, rps);
        }
        return views;
    }

    private Observation observation(List<PodView> views) {
        List<PartitionOffsets> offsets = workload.function().kafka().map(k -> lag.read(k.topic(), k.group()))
                .orElse(null);
        return new Observation(views.stream().map(PodView::instance).toList(), offsets);
    }

    private int replicas() {
        Deployment d = client.apps().deployments().inNamespace(workload.function().namespace())
                .withName(Names.deployment(workload.function().name())).get();
        return d == null || d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
    }

    private Mode mode() {
        var svc = client.services().inNamespace(workload.function().namespace())
                .withName(Names.service(workload.function().name())).get();
        return Routing.mode(svc, workload.function().name());
    }
}
