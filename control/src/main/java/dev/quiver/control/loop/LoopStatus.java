package dev.quiver.control.loop;

import dev.quiver.control.route.FunctionRef;
import java.util.List;

/**
 * A function's state as its last decision saw it: the numbers a user reads are the numbers the scaler used.
 *
 * @param ready        ready active instances the decision observed
 * @param warm         ready warm-pool instances the decision observed
 * @param starting     instances of the current revision not ready yet (observed now)
 * @param desired      the decision's desired active instances
 * @param mode         {@code serve} or {@code proxy}
 * @param concurrency  the concurrency last recorded (instances plus requests held by the activator)
 * @param rps          requests per second last recorded
 * @param lag          the Kafka lag the scaler computed (its own rule), -1 when none was observed
 * @param queued       requests held by the activator, last read
 * @param reasons      why the last decision decided as it did
 */
public record LoopStatus(
        FunctionRef ref,
        int ready,
        int warm,
        int starting,
        int desired,
        String mode,
        boolean panicking,
        double concurrency,
        double rps,
        long lag,
        int queued,
        List<String> reasons) {
    public LoopStatus {
        reasons = List.copyOf(reasons);
    }

    public Sample sample(long epochMillis) {
        return new Sample(epochMillis, ready, warm, desired, concurrency, rps, lag, queued, panicking, mode);
    }
}
