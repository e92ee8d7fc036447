package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.scaler.warmpool.Role;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.Map;

/** Reads a fabric8 {@link Pod} into a {@link PodView}. */
public final class PodViews {
    private PodViews() {}

    public static PodView of(Pod pod, double inFlight) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null
                ? Map.of()
                : pod.getMetadata().getLabels();
        Role role = Labels.WARM.equals(labels.get(Labels.POOL)) ? Role.POOL : Role.ACTIVE;
        return new PodView(
                pod.getMetadata().getName(),
                role,
                ready(pod),
                inFlight,
                startedAt(pod),
                fromWarmPool(pod),
                labels.get(Labels.REVISION));
    }

    public static boolean ready(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null
                || pod.getStatus() == null
                || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** Created by the controller as a warm pod: its controller is the Function, not a ReplicaSet. */
    public static boolean fromWarmPool(Pod pod) {
        return pod.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && "Function".equals(o.getKind()));
    }

    public static boolean terminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    static Instant startedAt(Pod pod) {
        String t = pod.getStatus() != null && pod.getStatus().getStartTime() != null
                ? pod.getStatus().getStartTime()
                : pod.getMetadata().getCreationTimestamp();
        return t == null ? Instant.EPOCH : Instant.parse(t);
    }
}
