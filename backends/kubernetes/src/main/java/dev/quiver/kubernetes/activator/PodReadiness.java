package dev.quiver.kubernetes.activator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** When a pod became ready: its {@code Ready} condition's {@code lastTransitionTime} while that condition is True. */
public final class PodReadiness {
    private PodReadiness() {}

    /** Null when the pod is not ready or the time is missing or unreadable. */
    public static Instant readySince(Pod p) {
        if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : p.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                if (!"True".equals(c.getStatus()) || c.getLastTransitionTime() == null) {
                    return null;
                }
                try {
                    return Instant.parse(c.getLastTransitionTime());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
