package dev.quiver.scaler.lag;

/**
 * Lag of one partition.
 *
 * @param forScaling    counts toward the desired count (0 when excluded as persistent)
 * @param forActivation counts toward the 0 -&gt; 1 activation (persistent lag included)
 * @param persistent    the committed offset did not move since the last observation while lag was left
 */
public record PartitionLag(String partition, long forScaling, long forActivation, boolean persistent) {}
