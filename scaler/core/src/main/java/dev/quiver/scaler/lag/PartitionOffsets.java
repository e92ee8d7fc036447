package dev.quiver.scaler.lag;

/**
 * What an adapter read for one partition: the log-end offset and the consumer group's committed offset.
 * Adapters convert Kafka client results into these before any arithmetic.
 *
 * @param committed the group's committed offset, or {@link #NO_COMMIT} when the group never committed here
 */
public record PartitionOffsets(String partition, long end, long committed) {
    public static final long NO_COMMIT = -1;

    public PartitionOffsets {
        if (partition == null || partition.isBlank()) {
            throw new IllegalArgumentException("partition must be named");
        }
        if (end < 0) {
            throw new IllegalArgumentException("end offset must be >= 0, was " + end);
        }
        if (committed < NO_COMMIT) {
            throw new IllegalArgumentException(
                    "committed offset must be >= 0 or -1 (never committed), was " + committed);
        }
    }

    public static PartitionOffsets neverCommitted(String partition, long end) {
        return new PartitionOffsets(partition, end, NO_COMMIT);
    }

    public boolean hasCommit() {
        return committed != NO_COMMIT;
    }
}
