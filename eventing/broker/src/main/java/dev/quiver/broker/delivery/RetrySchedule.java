package dev.quiver.broker.delivery;

import java.time.Duration;
import java.util.Optional;

/** When to try again. Pure: the spec, the number of the failed attempt and the server's Retry-After. */
public final class RetrySchedule {

    private RetrySchedule() {
    }

    /**
     * @param failedAttempt the attempt that just failed, 1-based
     * @param outcome       its classification
     * @param retryAfter    the server's Retry-After (only honoured on 429 and 503)
     * @return the delay before the next attempt, or empty when the event must be dead-lettered
     */
    public static Optional<Duration> next(DeliverySpec spec, int failedAttempt, AttemptOutcome outcome,
            int status, Optional<Duration> retryAfter) {
        if (outcome != AttemptOutcome.RETRY || failedAttempt >= spec.maxAttempts()) {
            return Optional.empty();
        }
        Duration backoff = backoff(spec, failedAttempt);
        if ((status == 429 || status == 503) && retryAfter.isPresent() && !spec.retryAfterMax().isZero()) {
            Duration capped = min(retryAfter.get(), spec.retryAfterMax());
            return Optional.of(capped.compareTo(backoff) > 0 ? capped : backoff);
        }
        return Optional.of(backoff);
    }

    /** linear: delay * n; exponential: delay * 2^(n-1), for the n-th retry. */
    public static Duration backoff(DeliverySpec spec, int retryNumber) {
        Duration delay = spec.backoffDelay();
        return switch (spec.backoffPolicy()) {
            case LINEAR -> delay.multipliedBy(retryNumber);
            case EXPONENTIAL -> delay.multipliedBy(1L << Math.min(retryNumber - 1, 30));
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
