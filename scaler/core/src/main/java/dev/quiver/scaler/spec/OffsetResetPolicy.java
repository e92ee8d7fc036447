package dev.quiver.scaler.spec;

/** How a partition the consumer group never committed on counts as lag (KEDA's offsetResetPolicy). */
public enum OffsetResetPolicy {
    /** Counts as lag 1: the group will start at the end. */
    LATEST,
    /** Counts as the whole log (end offset): the group will start at the beginning. */
    EARLIEST
}
