package dev.quiver.broker.delivery;

import dev.quiver.api.retry.BackoffPolicy;
import dev.quiver.api.retry.RetrySchedule;
import java.time.Duration;
import java.util.Optional;

/**
 * How a trigger delivers: attempts, backoff, per-attempt timeout, Retry-After cap and dead-letter sink.
 *
 * @param retry         retries after the first attempt (0 = one attempt)
 * @param retryAfterMax longest Retry-After honoured on 429/503 (zero = ignore Retry-After)
 */
public record DeliverySpec(
        int retry,
        BackoffPolicy backoffPolicy,
        Duration backoffDelay,
        Duration timeout,
        Duration retryAfterMax,
        Optional<DeadLetterSink> deadLetterSink) {

    public int maxAttempts() {
        return retry + 1;
    }

    /** Knative's schedule: before retry n, linear {@code backoffDelay x n}, exponential {@code x 2^(n-1)}; exact. */
    public RetrySchedule schedule() {
        return RetrySchedule.exact(retry, backoffPolicy, backoffDelay);
    }
}
