package dev.quiver.control.activator.coldstart;

import dev.quiver.api.control.ColdStart.Figures;
import java.util.Arrays;

/**
 * Count, maximum and percentiles of durations: the count and maximum over everything recorded, the percentiles
 * (nearest rank) over the last {@code window} values. Thread-safe; recording is rare (cold starts), reading is a
 * sort of at most {@code window} values.
 */
public final class LatencySummary {
    private final long[] ring;
    private long count;
    private long max;

    public LatencySummary(int window) {
        this.ring = new long[window];
    }

    public synchronized void add(long nanos) {
        ring[(int) (count % ring.length)] = nanos;
        count++;
        max = Math.max(max, nanos);
    }

    public synchronized Figures figures() {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) {
            return Figures.NONE;
        }
        long[] sorted = Arrays.copyOf(ring, n);
        Arrays.sort(sorted);
        return new Figures(count, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(max));
    }

    /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
    static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
