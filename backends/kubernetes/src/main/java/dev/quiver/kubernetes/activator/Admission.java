package dev.quiver.kubernetes.activator;

/** What happens to a request for a known function, from what the activator sees now. */
public enum Admission {
    /** An instance is ready: forward at once. */
    FORWARD,
    /** Nothing ready and room in the function's queue: hold it (and poke the controller if it is the first). */
    WAIT,
    /** Nothing ready and the queue is full: 503 with Retry-After. */
    REJECT;

    /**
     * @param readyEndpoints the function's ready endpoints
     * @param waiting        requests already held for the function
     * @param queueDepth     most requests held per function
     */
    public static Admission of(int readyEndpoints, int waiting, int queueDepth) {
        if (readyEndpoints > 0) {
            return FORWARD;
        }
        return waiting < queueDepth ? WAIT : REJECT;
    }
}
