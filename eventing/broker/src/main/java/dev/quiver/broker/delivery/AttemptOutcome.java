package dev.quiver.broker.delivery;

/** What one delivery attempt's result means for the event. */
public enum AttemptOutcome {
    /** 2xx: delivered. */
    DELIVERED,
    /** 404, 409, 429, 5xx, timeout, connection error: try again if attempts remain. */
    RETRY,
    /** Other 4xx (and anything else): retrying cannot help; dead-letter now. */
    FAIL;

    /** Knative's rules. {@code status <= 0} stands for no HTTP answer (timeout, connection refused). */
    public static AttemptOutcome classify(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status <= 0 || status >= 500 || status == 404 || status == 409 || status == 429) {
            return RETRY;
        }
        return FAIL;
    }
}
