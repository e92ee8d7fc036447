package dev.quiver.api.retry;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * When to try again, the one definition used by the broker's deliveries, the sources' publishing and the runtime's
 * Kafka trigger: at most {@code retries} retries after the first attempt; before retry n (1-based) wait
 * {@link #delayBefore(int)} = {@code delay x n} (linear) or {@code delay x 2^(n-1)} (exponential), at most
 * {@code maxDelay}; then spread by {@code jitter} ({@link #delayBefore(int, double)}). The computation is pure (the
 * random number is an argument); {@link #policy} hands it to Failsafe, which runs the attempts.
 *
 * @param retries  retries after the first attempt (0 = one attempt)
 * @param policy   how the delay grows
 * @param delay    the base delay (the first retry's, before jitter); zero retries at once
 * @param maxDelay the longest wait, jitter included; {@link #UNBOUNDED} for none (Knative's delivery spec)
 * @param jitter   0 (exact delays) up to 1: each wait is drawn uniformly from {@code scheduled x (1 +- jitter)}
 *                 (Failsafe's jitter factor), then capped at {@code maxDelay}
 */
public record RetrySchedule(int retries, BackoffPolicy policy, Duration delay, Duration maxDelay, double jitter) {

    /** No cap: the delays grow as the policy says (a duration of about 292 years stands in for "none"). */
    public static final Duration UNBOUNDED = Duration.ofNanos(Long.MAX_VALUE);

    public RetrySchedule {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, but was " + retries);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must be linear or exponential, but was null");
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, but was " + delay);
        }
        if (maxDelay == null || maxDelay.compareTo(delay) < 0) {
            throw new IllegalArgumentException("maxDelay must be >= delay (" + delay + "), but was " + maxDelay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, but was " + jitter);
        }
    }

    /** Exponential from {@code delay}, capped at {@code maxDelay}: the schedule of our internal retries. */
    public static RetrySchedule exponential(int retries, Duration delay, Duration maxDelay, double jitter) {
        return new RetrySchedule(retries, BackoffPolicy.EXPONENTIAL, delay, maxDelay, jitter);
    }

    /** Knative's delivery spec: exact delays, no cap, no jitter. */
    public static RetrySchedule exact(int retries, BackoffPolicy policy, Duration delay) {
        return new RetrySchedule(retries, policy, delay, UNBOUNDED, 0);
    }

    public RetrySchedule withJitter(double factor) {
        return new RetrySchedule(retries, policy, delay, maxDelay, factor);
    }

    public int maxAttempts() {
        return retries + 1;
    }

    /**
     * The scheduled wait before retry {@code retry} (1-based), without jitter: linear {@code delay x n}, exponential
     * {@code delay x 2^(n-1)}, at most {@code maxDelay}; zero for {@code retry < 1} (nothing waits before the first
     * attempt). Never overflows.
     */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            return Duration.ZERO;
        }
        long factor = switch (policy) {
            case LINEAR -> retry;
            case EXPONENTIAL -> 1L << Math.min(retry - 1, 62);
        };
        if (delay.compareTo(maxDelay.dividedBy(factor)) > 0) {
            return maxDelay;
        }
        return delay.multipliedBy(factor);
    }

    /**
     * The wait before retry {@code retry} with jitter: {@code delayBefore(retry) x (1 + (1 - 2 x random) x jitter)},
     * at most {@code maxDelay}.
     *
     * @param random uniform in [0, 1): 0.5 gives the scheduled delay, 0 the longest, towards 1 the shortest
     */
    public Duration delayBefore(int retry, double random) {
        Duration scheduled = delayBefore(retry);
        if (jitter == 0 || scheduled.isZero()) {
            return scheduled;
        }
        double factor = 1 + (1 - 2 * random) * jitter;
        double nanos = scheduled.toNanos() * factor;
        if (nanos >= maxDelay.toNanos()) {
            return maxDelay;
        }
        return Duration.ofNanos(Math.max(0, (long) nanos));
    }

    /**
     * A Failsafe retry policy of this schedule: {@code retries} retries, waiting {@link #delayBefore(int, double)}
     * before each. Add what counts as a failure ({@code handleResultIf}, {@code abortOn}) and listeners, then build.
     *
     * @param random the jitter's random numbers (e.g. {@code ThreadLocalRandom.current()::nextDouble})
     */
    public <R> RetryPolicyBuilder<R> policy(DoubleSupplier random) {
        return policy(random, (scheduled, lastResult) -> scheduled);
    }

    /**
     * As {@link #policy(DoubleSupplier)}, the wait before each retry adjusted by the failed attempt's result, e.g.
     * lengthened by a server's {@code Retry-After}: {@code adjust(scheduled wait, last result)}.
     */
    public <R> RetryPolicyBuilder<R> policy(DoubleSupplier random, BiFunction<Duration, R, Duration> adjust) {
        return RetryPolicy.<R>builder()
                .withMaxRetries(retries)
                .withDelayFn(ctx ->
                        adjust.apply(delayBefore(ctx.getAttemptCount(), random.getAsDouble()), ctx.getLastResult()));
    }
}
