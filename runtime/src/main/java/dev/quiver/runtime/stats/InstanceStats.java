package dev.quiver.runtime.stats;

/**
 * What the stats endpoint answers, computed from two meter readings and the gate's counters. Field names are the JSON
 * names (see docs/runtime.md).
 */
public record InstanceStats(
        String state,
        int inFlight,
        int queued,
        double averageConcurrency,
        double requestsPerSecond,
        double windowSeconds,
        long requestsTotal,
        long rejectedTotal,
        int containerConcurrency,
        int queueDepth,
        long startupMillis,
        long uptimeMillis) {

    public static InstanceStats of(String state, int inFlight, int queued, MeterReading now, MeterReading baseline,
            long rejectedTotal, int containerConcurrency, int queueDepth, long startupMillis, long uptimeMillis) {
        MeterReading base = baseline != null ? baseline : now;
        return new InstanceStats(state, inFlight, queued, round(now.averageSince(base)), round(now.rateSince(base)),
                round(now.secondsSince(base)), now.arrivals(), rejectedTotal, containerConcurrency, queueDepth,
                startupMillis, uptimeMillis);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
