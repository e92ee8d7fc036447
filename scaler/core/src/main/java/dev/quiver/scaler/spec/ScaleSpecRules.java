package dev.quiver.scaler.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The validation rules of {@link ScaleSpec}, modelled on Knative's autoscaler config validate(). */
final class ScaleSpecRules {
    private static final Duration MIN_STABLE = Duration.ofSeconds(6);
    private static final Duration MAX_WINDOW = Duration.ofHours(1);
    private final ScaleSpec s;
    private final List<Violation> out = new ArrayList<>();

    ScaleSpecRules(ScaleSpec s) {
        this.s = s;
    }

    List<Violation> check() {
        require(s.metric() != null, "metric", "must be concurrency or rps", s.metric());
        require(s.target() == null || s.target() >= ScaleSpec.TARGET_MIN, "target", "must be >= 0.01", s.target());
        require(
                s.targetUtilization() > 0 && s.targetUtilization() <= 1,
                "targetUtilization",
                "must be > 0 and <= 1",
                s.targetUtilization());
        require(
                s.containerConcurrency() >= 0 && s.containerConcurrency() <= 1000,
                "containerConcurrency",
                "must be between 0 (unlimited) and 1000",
                s.containerConcurrency());
        require(s.minScale() >= 0, "minScale", "must be >= 0", s.minScale());
        require(s.maxScale() >= 0, "maxScale", "must be >= 0 (0 = unbounded)", s.maxScale());
        require(
                s.maxScale() == 0 || s.maxScale() >= s.minScale(),
                "maxScale",
                "must be >= minScale (" + s.minScale() + ") or 0",
                s.maxScale());
        require(s.initialScale() >= 0, "initialScale", "must be >= 0", s.initialScale());
        require(
                s.maxScale() == 0 || s.initialScale() <= s.maxScale(),
                "initialScale",
                "must be <= maxScale (" + s.maxScale() + ")",
                s.initialScale());
        require(s.activationScale() >= 1, "activationScale", "must be >= 1", s.activationScale());
        require(
                s.maxScale() == 0 || s.activationScale() <= s.maxScale(),
                "activationScale",
                "must be <= maxScale (" + s.maxScale() + ")",
                s.activationScale());
        window("stableWindow", s.stableWindow(), MIN_STABLE);
        require(
                s.panicWindowPercentage() >= 1 && s.panicWindowPercentage() <= 100,
                "panicWindowPercentage",
                "must be between 1 and 100",
                s.panicWindowPercentage());
        require(
                s.panicThresholdPercentage() >= 110 && s.panicThresholdPercentage() <= 1000,
                "panicThresholdPercentage",
                "must be between 110 and 1000",
                s.panicThresholdPercentage());
        require(s.maxScaleUpRate() > 1, "maxScaleUpRate", "must be > 1", s.maxScaleUpRate());
        require(s.maxScaleDownRate() > 1, "maxScaleDownRate", "must be > 1", s.maxScaleDownRate());
        duration("scaleToZeroGracePeriod", s.scaleToZeroGracePeriod(), Duration.ZERO, MAX_WINDOW);
        duration("scaleToZeroPodRetentionPeriod", s.scaleToZeroPodRetentionPeriod(), Duration.ZERO, MAX_WINDOW);
        duration("scaleDownDelay", s.scaleDownDelay(), Duration.ZERO, MAX_WINDOW);
        require(
                s.targetBurstCapacity() >= -1,
                "targetBurstCapacity",
                "must be >= 0, or -1 (activator always in path)",
                s.targetBurstCapacity());
        require(s.warmPool() >= 0, "warmPool", "must be >= 0", s.warmPool());
        require(s.windowWeighting() != null, "windowWeighting", "must be linear or exponential", null);
        duration("tickInterval", s.tickInterval(), Duration.ofMillis(100), Duration.ofMinutes(1));
        return out;
    }

    private void window(String key, Duration d, Duration min) {
        if (d == null) {
            require(false, key, "is required", null);
            return;
        }
        require(
                d.compareTo(min) >= 0 && d.compareTo(MAX_WINDOW) <= 0,
                key,
                "must be between " + Durations.format(min) + " and 1h",
                Durations.format(d));
        require(d.toMillis() % 1000 == 0, key, "must be a whole number of seconds", Durations.format(d));
    }

    private void duration(String key, Duration d, Duration min, Duration max) {
        if (d == null) {
            require(false, key, "is required", null);
            return;
        }
        require(
                d.compareTo(min) >= 0 && d.compareTo(max) <= 0,
                key,
                "must be between " + Durations.format(min) + " and " + Durations.format(max),
                Durations.format(d));
    }

    private void require(boolean ok, String key, String rule, Object value) {
        if (!ok) {
            out.add(new Violation("scale." + key, rule, value));
        }
    }
}
