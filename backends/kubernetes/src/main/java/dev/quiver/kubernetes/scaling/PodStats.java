package dev.quiver.kubernetes.scaling;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/** An instance's {@code /quiver/stats} reading, reduced to what the scaler uses. */
public record PodStats(double inFlight, double averageConcurrency, double requestsPerSecond) {

    /** Where readings come from: HTTP against the pod IP in a cluster, a fake in tests. */
    public interface Source {
        /** @return the reading, or empty when the pod could not be read (not ready, no IP, timeout) */
        Optional<PodStats> read(Pod pod);
    }

    public static final PodStats NONE = new PodStats(0, 0, 0);
}
