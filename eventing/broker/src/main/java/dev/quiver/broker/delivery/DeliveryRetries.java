package dev.quiver.broker.delivery;

import dev.failsafe.RetryPolicyBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The retries of a delivery, as a Failsafe policy: results whose {@link AttemptOutcome} is RETRY are tried again,
 * {@code retry} times at most, after the spec's exact delays ({@link DeliverySpec#schedule()}, Knative's linear or
 * exponential backoff) or a server's longer Retry-After ({@link #delay}). Jitter is opt-in
 * ({@code quiver.broker.dispatcher.backoff-jitter}, default 0: the delays Knative's spec says).
 */
public final class DeliveryRetries {

    private final double jitter;
    private final DoubleSupplier random;
    private final Clock clock;

    /**
     * @param jitter 0 (exact delays) to 1: each backoff drawn from {@code delay x (1 +- jitter)}
     * @param random the jitter's random numbers in [0, 1)
     * @param clock  now, for Retry-After given as an HTTP date
     */
    public DeliveryRetries(double jitter, DoubleSupplier random, Clock clock) {
        this.jitter = jitter;
        this.random = random;
        this.clock = clock;
    }

    /** The policy for one event under {@code spec}; add listeners, then build. */
    public RetryPolicyBuilder<AttemptResult> policy(DeliverySpec spec) {
        return spec.schedule()
                .withJitter(jitter)
                .<AttemptResult>policy(
                        random,
                        (scheduled, last) -> last == null
                                ? scheduled
                                : delay(
                                        spec,
                                        scheduled,
                                        last.status(),
                                        last.retryAfter().flatMap(h -> RetryAfter.parse(h, clock.instant()))))
                .handleResultIf(result -> result.outcome() == AttemptOutcome.RETRY);
    }

    /**
     * The wait before the next attempt. Pure.
     *
     * @param scheduled  the spec's backoff for this retry
     * @param status     the failed attempt's status (0 = no answer)
     * @param retryAfter the server's Retry-After: honoured on 429 and 503 only, up to {@code retryAfterMax} (zero
     *                   ignores it), and only when longer than the backoff
     */
    public static Duration delay(DeliverySpec spec, Duration scheduled, int status, Optional<Duration> retryAfter) {
        if ((status == 429 || status == 503)
                && retryAfter.isPresent()
                && !spec.retryAfterMax().isZero()) {
            Duration capped = min(retryAfter.get(), spec.retryAfterMax());
            return capped.compareTo(scheduled) > 0 ? capped : scheduled;
        }
        return scheduled;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
