package dev.quiver.control.activator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the activator holds and forwards requests, the same on both backends. Each backend maps its own keys
 * ({@code quiver.platform.activator.*}, {@code quiver.kubernetes.activator.*}) onto this record; the constructor
 * checks every rule once and names the key (relative to the backend's prefix), the rule and the value.
 *
 * @param queueSize most requests held per function while no instance slot is free; beyond it 503 + Retry-After
 * @param timeout longest a request waits for an instance slot; then 504
 * @param maxBodyBytes largest request body; larger 413
 * @param retryAfterSeconds {@code Retry-After} on 503
 * @param pokeInterval while requests wait and no instance is ready, the backend is poked again this often
 * @param maxAttempts attempts per request when a connection is refused (nothing was sent): 1 = no retry
 * @param maxQueuedBytes most body bytes held in memory per function by waiting requests (read chunked bodies);
 *     a request that would have to wait past it gets 503 + Retry-After
 */
public record ActivatorSettings(
        int queueSize,
        Duration timeout,
        long maxBodyBytes,
        int retryAfterSeconds,
        Duration pokeInterval,
        int maxAttempts,
        long maxQueuedBytes) {

    public static final long DEFAULT_MAX_QUEUED_BYTES = 64L * 1024 * 1024;

    public static final ActivatorSettings DEFAULTS =
            new ActivatorSettings(100, Duration.ofSeconds(30), 10L * 1024 * 1024, 1, Duration.ofSeconds(1), 3);

    /** With the default {@link #DEFAULT_MAX_QUEUED_BYTES}. */
    public ActivatorSettings(
            int queueSize,
            Duration timeout,
            long maxBodyBytes,
            int retryAfterSeconds,
            Duration pokeInterval,
            int maxAttempts) {
        this(queueSize, timeout, maxBodyBytes, retryAfterSeconds, pokeInterval, maxAttempts, DEFAULT_MAX_QUEUED_BYTES);
    }

    public ActivatorSettings {
        List<String> errors = new ArrayList<>();
        check(errors, queueSize >= 1, "queue-size", "must be >= 1", queueSize);
        check(errors, timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout", "must be > 0", timeout);
        check(errors, maxBodyBytes >= 1, "max-body-size", "must be >= 1", maxBodyBytes);
        check(errors, retryAfterSeconds >= 0, "retry-after-seconds", "must be >= 0", retryAfterSeconds);
        check(
                errors,
                pokeInterval != null && !pokeInterval.isNegative() && !pokeInterval.isZero(),
                "poke-interval",
                "must be > 0",
                pokeInterval);
        check(errors, maxAttempts >= 1 && maxAttempts <= 10, "max-attempts", "must be 1..10", maxAttempts);
        check(errors, maxQueuedBytes >= 1, "max-queued-bytes", "must be >= 1", maxQueuedBytes);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("activator settings: " + String.join("; ", errors));
        }
    }

    public ActivatorSettings withTimeout(Duration t) {
        return new ActivatorSettings(
                queueSize, t, maxBodyBytes, retryAfterSeconds, pokeInterval, maxAttempts, maxQueuedBytes);
    }

    public ActivatorSettings withQueueSize(int q) {
        return new ActivatorSettings(
                q, timeout, maxBodyBytes, retryAfterSeconds, pokeInterval, maxAttempts, maxQueuedBytes);
    }

    public ActivatorSettings withMaxBodyBytes(long b) {
        return new ActivatorSettings(
                queueSize, timeout, b, retryAfterSeconds, pokeInterval, maxAttempts, maxQueuedBytes);
    }

    public ActivatorSettings withPokeInterval(Duration p) {
        return new ActivatorSettings(
                queueSize, timeout, maxBodyBytes, retryAfterSeconds, p, maxAttempts, maxQueuedBytes);
    }

    public ActivatorSettings withMaxQueuedBytes(long b) {
        return new ActivatorSettings(queueSize, timeout, maxBodyBytes, retryAfterSeconds, pokeInterval, maxAttempts, b);
    }

    private static void check(List<String> errors, boolean ok, String key, String rule, Object value) {
        if (!ok) {
            errors.add(key + " " + rule + ", but was '" + value + "'");
        }
    }
}
