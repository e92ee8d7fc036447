package dev.quiver.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The runtime's settings after validation. Built once from {@link QuiverConfig}; every rule that fails is reported
 * with the key, the rule and the bad value.
 */
public record RuntimeSettings(
        int containerConcurrency,
        int queueDepth,
        int retryAfterSeconds,
        String statsPath,
        Duration drainTimeout,
        Map<String, String> warmupInputs,
        int warmupIterations,
        Duration warmupTimeout) {

    public static final int DEFAULT_QUEUE_FACTOR = 10;

    /** Whether the instance warms up before it reports ready: sample inputs given and at least one iteration. */
    public boolean warmsUp() {
        return !warmupInputs.isEmpty() && warmupIterations > 0;
    }

    public static RuntimeSettings from(QuiverConfig config) {
        return of(
                config.containerConcurrency(),
                config.queueDepth(),
                config.retryAfterSeconds(),
                config.statsPath(),
                config.drain().timeout(),
                config.warmup().inputs(),
                config.warmup().iterations(),
                config.warmup().timeout());
    }

    /** Validates raw values; throws {@link InvalidSettingException} listing every broken key. */
    public static RuntimeSettings of(
            int containerConcurrency,
            OptionalInt queueDepth,
            int retryAfterSeconds,
            String statsPath,
            Duration drainTimeout,
            Map<String, String> warmupInputs,
            int warmupIterations,
            Duration warmupTimeout) {
        List<String> errors = new ArrayList<>();
        if (containerConcurrency < 0) {
            errors.add(problem("quiver.container-concurrency", "must be >= 0 (0 = unlimited)", containerConcurrency));
        }
        if (queueDepth.isPresent() && queueDepth.getAsInt() < 0) {
            errors.add(problem("quiver.queue-depth", "must be >= 0", queueDepth.getAsInt()));
        }
        if (retryAfterSeconds < 0) {
            errors.add(problem("quiver.retry-after-seconds", "must be >= 0", retryAfterSeconds));
        }
        if (statsPath == null || !statsPath.startsWith("/") || statsPath.length() < 2) {
            errors.add(problem("quiver.stats-path", "must be an absolute path such as /quiver/stats", statsPath));
        }
        if (drainTimeout.isNegative()) {
            errors.add(problem("quiver.drain.timeout", "must not be negative", drainTimeout));
        }
        if (warmupIterations < 0) {
            errors.add(problem("quiver.warmup.iterations", "must be >= 0", warmupIterations));
        }
        if (warmupTimeout.isNegative() || warmupTimeout.isZero()) {
            errors.add(problem("quiver.warmup.timeout", "must be positive", warmupTimeout));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(errors);
        }
        int depth = queueDepth.orElse(containerConcurrency * DEFAULT_QUEUE_FACTOR);
        return new RuntimeSettings(
                containerConcurrency,
                depth,
                retryAfterSeconds,
                statsPath,
                drainTimeout,
                Map.copyOf(warmupInputs),
                warmupIterations,
                warmupTimeout);
    }

    private static String problem(String key, String rule, Object value) {
        return key + " " + rule + ", but was '" + value + "'";
    }

    public boolean unlimited() {
        return containerConcurrency == 0;
    }
}
