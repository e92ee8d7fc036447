package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.Mode;
import dev.quiver.scaler.warmpool.PoolAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a scaler-core {@link Decision} into API changes, without calling the API.
 *
 * <p>Active instances are the Deployment's pods plus promoted warm pods. Promotion relabels a warm pod into traffic
 * (one call); stopping a promoted pod deletes it; stopping Deployment pods marks them with a low
 * pod-deletion-cost (least busy lowest) before replicas go down, so the ReplicaSet removes those and never a busy one
 * first; returning a Deployment pod to the pool is done as stop + one more warm pod (a ReplicaSet pod cannot leave
 * it). Replicas = desired active minus promoted pods still active.
 */
public final class DecisionPlanner {
    /** Base pod-deletion-cost of victims; the least busy victim gets the lowest. */
    static final int VICTIM_COST = -1000;

    private DecisionPlanner() {}

    public static List<KubeOp> plan(Decision d, List<PodView> pods, int replicas, Mode routed) {
        Map<String, PodView> byName = new HashMap<>();
        pods.forEach(p -> byName.put(p.name(), p));
        List<KubeOp> ops = new ArrayList<>();
        int promotedActive =
                (int) pods.stream().filter(p -> p.active() && p.fromWarmPool()).count();
        int extraWarm = 0;
        int victims = 0;
        for (PoolAction a : d.actions()) {
            if (a instanceof PoolAction.Promote p) {
                ops.add(new KubeOp.Relabel(p.id(), Labels.ACTIVE));
                promotedActive++;
            } else if (a instanceof PoolAction.ReturnToPool r) {
                PodView pod = byName.get(r.id());
                if (pod != null && pod.fromWarmPool()) {
                    ops.add(new KubeOp.Relabel(r.id(), Labels.WARM));
                    promotedActive--;
                } else {
                    ops.add(new KubeOp.MarkForDeletion(r.id(), VICTIM_COST + victims++));
                    extraWarm++;
                }
            } else if (a instanceof PoolAction.Stop s) {
                PodView pod = byName.get(s.id());
                if (pod == null || pod.fromWarmPool()) {
                    ops.add(new KubeOp.DeletePod(s.id()));
                    if (pod != null && pod.active()) {
                        promotedActive--;
                    }
                } else {
                    ops.add(new KubeOp.MarkForDeletion(s.id(), VICTIM_COST + victims++));
                }
            } else if (a instanceof PoolAction.StartWarm w) {
                extraWarm += w.count();
            }
            // StartActive: covered by replicas below
        }
        int target = Math.max(0, d.desired() - promotedActive);
        if (target != replicas) {
            ops.add(new KubeOp.SetReplicas(target));
        }
        if (extraWarm > 0) {
            ops.add(new KubeOp.CreateWarmPods(extraWarm));
        }
        if (d.mode() != routed) {
            // to the activator before instances go; back to the pods after they are in place
            ops.add(d.mode() == Mode.PROXY ? 0 : ops.size(), new KubeOp.Route(d.mode()));
        }
        return ops;
    }
}
