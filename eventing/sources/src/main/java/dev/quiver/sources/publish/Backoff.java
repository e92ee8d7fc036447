package dev.quiver.sources.publish;

import java.time.Duration;

/** Exponential backoff: the delay before retry n (1-based) is initial x 2^(n-1), at most max. */
public record Backoff(Duration initial, Duration max) {

    public Duration beforeRetry(int retry) {
        if (retry < 1) {
            return Duration.ZERO;
        }
        int shift = Math.min(retry - 1, 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
