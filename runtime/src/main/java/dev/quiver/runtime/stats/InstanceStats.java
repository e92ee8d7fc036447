package dev.quiver.runtime.stats;

import dev.quiver.api.stats.StatsReport;

/** Computes the stats report (the shared {@link StatsReport} contract) from two meter readings and the gate. */
public final class InstanceStats {
    private InstanceStats() {}

    public static StatsReport of(
            String state,
            int inFlight,
            int queued,
            MeterReading now,
            MeterReading baseline,
            long rejectedTotal,
            int containerConcurrency,
            int queueDepth,
            long startupMillis,
            long uptimeMillis) {
        MeterReading base = baseline != null ? baseline : now;
        return new StatsReport(
                state,
                inFlight,
                queued,
                round(now.averageSince(base)),
                round(now.rateSince(base)),
                round(now.secondsSince(base)),
                now.arrivals(),
                rejectedTotal,
                containerConcurrency,
                queueDepth,
                startupMillis,
                uptimeMillis);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
