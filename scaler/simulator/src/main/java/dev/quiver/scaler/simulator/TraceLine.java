package dev.quiver.scaler.simulator;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.util.List;

/**
 * One second of a trace.
 *
 * @param t           seconds from the start
 * @param concurrency total in-flight requests observed in that second
 * @param rps         requests per second, 0 if absent
 * @param lag         per-partition offsets, or null if the line has none
 */
public record TraceLine(long t, double concurrency, double rps, List<PartitionOffsets> lag) {
    public static TraceLine quiet(long t, List<PartitionOffsets> lastLag) {
        return new TraceLine(t, 0, 0, lastLag);
    }

    public long totalLag() {
        long sum = 0;
        if (lag != null) {
            for (PartitionOffsets p : lag) {
                sum += p.hasCommit() ? Math.max(0, p.end() - p.committed()) : 0;
            }
        }
        return sum;
    }
}
