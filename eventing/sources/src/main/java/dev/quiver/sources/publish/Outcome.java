package dev.quiver.sources.publish;

/** What one attempt to hand an event to the broker came to. */
public enum Outcome {
    /** 2xx: the broker stored it. */
    DELIVERED,
    /** No answer, 5xx, 408, 429, 404 (broker not created yet): try again later. */
    RETRY,
    /** Other 4xx: the broker refuses this event; sending it again cannot help. */
    REJECTED;

    /** @param status HTTP status, or 0 when there was no answer */
    public static Outcome of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status == 0 || status >= 500 || status == 408 || status == 429 || status == 404) {
            return RETRY;
        }
        return REJECTED;
    }
}
