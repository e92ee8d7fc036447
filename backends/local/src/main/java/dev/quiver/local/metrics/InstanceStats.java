package dev.quiver.local.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What an instance reports on {@code GET /quiver/stats} (docs/runtime.md); the fields the platform uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstanceStats(String state, int inFlight, int queued, double averageConcurrency,
                            double requestsPerSecond, long requestsTotal, long startupMillis) {
    public static final InstanceStats NONE = new InstanceStats("UNKNOWN", 0, 0, 0, 0, 0, -1);
}
