package dev.quiver.scaler.simulator;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the consumer group when {@code simulation.consumeRatePerInstance} is set: the trace's end offsets are
 * replayed, but committed offsets follow the simulated instances. Partitions are assigned round-robin to
 * min(ready, partitions) consumers; a consumer splits its rate evenly over its partitions.
 */
final class Consumers {
    private final double ratePerInstance;
    private final Map<String, Double> committed = new HashMap<>();

    Consumers(double ratePerInstance) {
        this.ratePerInstance = ratePerInstance;
    }

    /** Advances consumption by one second with {@code ready} consumers and returns the offsets as observed. */
    List<PartitionOffsets> step(List<PartitionOffsets> trace, int ready) {
        if (committed.isEmpty()) {
            trace.forEach(p -> committed.put(p.partition(), (double) Math.max(0, p.committed())));
        }
        int consumers = Math.min(ready, trace.size());
        List<PartitionOffsets> out = new ArrayList<>(trace.size());
        for (int j = 0; j < trace.size(); j++) {
            PartitionOffsets p = trace.get(j);
            double c = committed.getOrDefault(p.partition(), 0d);
            if (consumers > 0) {
                int owner = j % consumers;
                int owned = trace.size() / consumers + (owner < trace.size() % consumers ? 1 : 0);
                c = Math.min(p.end(), c + ratePerInstance / owned);
            }
            committed.put(p.partition(), c);
            out.add(new PartitionOffsets(p.partition(), p.end(), (long) Math.floor(c)));
        }
        return out;
    }
}
