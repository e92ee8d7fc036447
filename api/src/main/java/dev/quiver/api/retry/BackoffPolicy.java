package dev.quiver.api.retry;

/** How the delay grows from one retry to the next (the names of Knative's delivery spec). */
public enum BackoffPolicy {
    /** Before retry n: delay x n. */
    LINEAR,
    /** Before retry n: delay x 2^(n-1) (the first retry waits delay, each later one twice the previous). */
    EXPONENTIAL
}
