package dev.quiver.control.observe.lag;

import dev.quiver.scaler.lag.PartitionOffsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Per-partition end and committed offsets of a topic for a consumer group, read without blocking the caller. */
public interface LagReader extends AutoCloseable {
    /** No Kafka configured: no lag observed. */
    LagReader NONE = (topic, group) -> CompletableFuture.completedFuture(Optional.empty());

    /**
     * @return completes with the offsets, or empty when they could not be read (Kafka down, topic missing); never
     *     completes exceptionally
     */
    CompletableFuture<Optional<List<PartitionOffsets>>> read(String topic, String group);

    @Override
    default void close() {}
}
