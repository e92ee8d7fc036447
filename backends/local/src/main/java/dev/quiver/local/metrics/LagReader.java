package dev.quiver.local.metrics;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.util.List;

/** Per-partition end and committed offsets of a topic for a consumer group. */
public interface LagReader extends AutoCloseable {

    /** @return the offsets, or null when they could not be read (Kafka down, topic missing) */
    List<PartitionOffsets> read(String topic, String group);

    @Override
    default void close() {
    }

    /** No Kafka configured: no lag observed. */
    LagReader NONE = (topic, group) -> null;
}
