package dev.quiver.scaler.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures incoming and consume rates from successive offset observations, and the per-instance consume
 * capacity. Capacity is only learned over an interval that had a backlog at both ends: then every instance had
 * work the whole time, so consumed / instances is what one instance can do (an idle instance's rate says nothing),
 * and whose ready count did not change (otherwise it is unclear how many instances did the consuming).
 */
final class ConsumeRate {
    private final Map<String, long[]> previous = new HashMap<>();
    private Instant previousAt;
    private long previousLag;
    private int previousReady;
    private double perInstance = Double.NaN;

    RateEstimate observe(Instant now, List<PartitionOffsets> offsets, long scalingLag, int ready) {
        RateEstimate estimate = new RateEstimate(Double.NaN, Double.NaN, perInstance);
        if (previousAt != null && now.isAfter(previousAt)) {
            double seconds = Duration.between(previousAt, now).toNanos() / 1e9;
            long grown = 0;
            long consumed = 0;
            for (PartitionOffsets p : offsets) {
                long[] before = previous.get(p.partition());
                if (before != null) {
                    grown += Math.max(0, p.end() - before[0]);
                    if (p.hasCommit() && before[1] != PartitionOffsets.NO_COMMIT) {
                        consumed += Math.max(0, p.committed() - before[1]);
                    }
                }
            }
            double consumeRate = consumed / seconds;
            if (previousLag > 0 && scalingLag > 0 && ready > 0 && ready == previousReady && consumed > 0) {
                perInstance = consumeRate / previousReady;
            }
            estimate = new RateEstimate(grown / seconds, consumeRate, perInstance);
        }
        previous.clear();
        for (PartitionOffsets p : offsets) {
            previous.put(p.partition(), new long[] {p.end(), p.committed()});
        }
        previousAt = now;
        previousLag = scalingLag;
        previousReady = ready;
        return estimate;
    }
}
