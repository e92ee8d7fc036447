package dev.quiver.runtime.kafka;

/** What one invocation of the function for a record came to, from its HTTP status. */
public enum Attempt {
    /** 2xx: done, the offset may be committed. */
    DONE,
    /** 5xx (the function threw), 408, 429, 503 (instance busy or draining), no answer: try again after a backoff. */
    RETRY,
    /** 4xx: the record cannot be read as the function's input or no function takes it: dead-letter it now. */
    POISON;

    /** @param status HTTP status, 0 when there was no answer */
    public static Attempt of(int status) {
        if (status >= 200 && status < 300) {
            return DONE;
        }
        if (status == 0 || status >= 500 || status == 408 || status == 429) {
            return RETRY;
        }
        return POISON;
    }
}
