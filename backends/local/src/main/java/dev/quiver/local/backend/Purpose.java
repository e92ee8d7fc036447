package dev.quiver.local.backend;

/** Why an instance starts: a request is (or soon will be) waiting for it, or it goes to the warm pool. */
public enum Purpose {
    /** Into traffic now: warm-up is skipped ({@code quiver.warmup.iterations=0}), readiness comes first. */
    ON_DEMAND,
    /** Ahead of demand, nobody waiting: the function's warm-up runs before it reports ready. */
    WARM_POOL
}
