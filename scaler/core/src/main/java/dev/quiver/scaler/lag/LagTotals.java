package dev.quiver.scaler.lag;

import java.util.List;

/** Lag summed over a topic's partitions. */
public record LagTotals(
        long forScaling, long forActivation, int partitions, int partitionsWithLag, List<String> persistentPartitions) {

    static LagTotals of(List<PartitionLag> lags) {
        long scaling = 0;
        long activation = 0;
        int withLag = 0;
        List<String> persistent = new java.util.ArrayList<>(0);
        for (PartitionLag l : lags) {
            scaling += l.forScaling();
            activation += l.forActivation();
            if (l.forScaling() > 0) {
                withLag++;
            }
            if (l.persistent()) {
                persistent.add(l.partition());
            }
        }
        return new LagTotals(scaling, activation, lags.size(), withLag, persistent);
    }
}
