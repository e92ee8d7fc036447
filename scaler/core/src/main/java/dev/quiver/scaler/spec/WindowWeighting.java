package dev.quiver.scaler.spec;

/** How the buckets of an averaging window are weighted. */
public enum WindowWeighting {
    /** Every 1 s bucket counts the same (Knative's default). */
    LINEAR,
    /** Recent buckets count more: weight (1 - a)^age, a = 2 / (buckets + 1). */
    EXPONENTIAL
}
