package dev.quiver.kubernetes.controller;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Status conditions as values: {@link #set} keeps a condition's {@code lastTransitionTime} while its status stays
 * the same, as Kubernetes API conventions ask.
 */
public final class Conditions {
    public static final String READY = "Ready";
    public static final String SCALED_TO_ZERO = "ScaledToZero";
    public static final String FAILED = "Failed";

    private Conditions() {}

    /** One condition to set. */
    public record Wanted(String type, boolean status, String reason, String message) {}

    public static List<Condition> set(List<Condition> previous, List<Wanted> wanted, Instant now, Long generation) {
        List<Condition> out = new ArrayList<>();
        for (Wanted w : wanted) {
            String status = w.status() ? "True" : "False";
            Condition before = find(previous, w.type());
            String since = before != null && status.equals(before.getStatus()) && before.getLastTransitionTime() != null
                    ? before.getLastTransitionTime()
                    : now.toString();
            out.add(new ConditionBuilder()
                    .withType(w.type())
                    .withStatus(status)
                    .withReason(w.reason())
                    .withMessage(w.message())
                    .withLastTransitionTime(since)
                    .withObservedGeneration(generation)
                    .build());
        }
        return out;
    }

    public static Condition find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return null;
        }
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    }
}
