package dev.quiver.kubernetes.scaling;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.util.List;

/** Per-partition offsets of a Kafka trigger's topic and consumer group: the cluster's Kafka, or a fake in tests. */
public interface LagSource extends AutoCloseable {
    /** @return the offsets, or null when they could not be read this tick (the scaler keeps its last decision) */
    List<PartitionOffsets> read(String topic, String group);

    @Override
    default void close() {
    }

    LagSource NONE = (topic, group) -> null;
}
