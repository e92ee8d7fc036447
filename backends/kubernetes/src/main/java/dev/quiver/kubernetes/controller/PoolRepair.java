package dev.quiver.kubernetes.controller;

import dev.quiver.kubernetes.scaling.KubeOp;
import dev.quiver.kubernetes.scaling.PodView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the reconciler does to the warm pool between scaler ticks (pure): replace warm pods of an older pod
 * template, remove pods beyond the pool size (newest first), create the missing ones. Promoted pods of an older
 * template are deleted too: the Deployment (already rolled) replaces them through replicas.
 */
public final class PoolRepair {
    private PoolRepair() {}

    public static List<KubeOp> plan(List<PodView> controllerPods, String revision, int poolSize) {
        List<KubeOp> ops = new ArrayList<>();
        List<PodView> current = new ArrayList<>();
        for (PodView p : controllerPods) {
            if (!revision.equals(p.revision())) {
                ops.add(new KubeOp.DeletePod(p.name()));
            } else if (!p.active()) {
                current.add(p);
            }
        }
        if (current.size() > poolSize) {
            current.sort(Comparator.comparing(PodView::ready)
                    .thenComparing(PodView::startedAt, Comparator.reverseOrder())
                    .thenComparing(PodView::name));
            current.subList(0, current.size() - poolSize).forEach(p -> ops.add(new KubeOp.DeletePod(p.name())));
        } else if (current.size() < poolSize) {
            ops.add(new KubeOp.CreateWarmPods(poolSize - current.size()));
        }
        return ops;
    }
}
