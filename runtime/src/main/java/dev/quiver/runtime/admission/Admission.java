package dev.quiver.runtime.admission;

/** What the gate did with a request. */
public enum Admission {
    /** Runs now. */
    ADMITTED,
    /** Waits in the bounded queue; the dispatcher runs it when a slot frees. */
    QUEUED,
    /** The queue is full: answer 503 with Retry-After. */
    REJECTED
}
