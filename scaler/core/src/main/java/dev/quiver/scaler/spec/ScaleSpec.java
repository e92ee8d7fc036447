package dev.quiver.scaler.spec;

import java.time.Duration;
import java.util.List;

/**
 * Concurrency (KPA) scaling settings of one function, validated. Keys and defaults follow Knative's autoscaler
 * config; every one is optional in the YAML under {@code scale:}. Build with {@link #builder()}.
 *
 * @param target per-instance target of the metric, or {@code null} for the metric's default (100 / 200)
 * @param containerConcurrency hard limit of in-flight requests per instance, 0 = unlimited
 * @param maxScale 0 = unbounded
 * @param targetBurstCapacity -1 = activator always in path, 0 = only at zero
 */
public record ScaleSpec(
        Metric metric,
        Double target,
        double targetUtilization,
        int containerConcurrency,
        int minScale,
        int maxScale,
        int initialScale,
        int activationScale,
        Duration stableWindow,
        double panicWindowPercentage,
        double panicThresholdPercentage,
        double maxScaleUpRate,
        double maxScaleDownRate,
        Duration scaleToZeroGracePeriod,
        Duration scaleToZeroPodRetentionPeriod,
        Duration scaleDownDelay,
        double targetBurstCapacity,
        int warmPool,
        WindowWeighting windowWeighting,
        Duration tickInterval) {

    /** The smallest per-instance target, as in Knative. */
    public static final double TARGET_MIN = 0.01;

    /** Validates after assignment (a compact constructor would check unassigned fields). */
    public ScaleSpec(
            Metric metric,
            Double target,
            double targetUtilization,
            int containerConcurrency,
            int minScale,
            int maxScale,
            int initialScale,
            int activationScale,
            Duration stableWindow,
            double panicWindowPercentage,
            double panicThresholdPercentage,
            double maxScaleUpRate,
            double maxScaleDownRate,
            Duration scaleToZeroGracePeriod,
            Duration scaleToZeroPodRetentionPeriod,
            Duration scaleDownDelay,
            double targetBurstCapacity,
            int warmPool,
            WindowWeighting windowWeighting,
            Duration tickInterval) {
        this.metric = metric;
        this.target = target;
        this.targetUtilization = targetUtilization;
        this.containerConcurrency = containerConcurrency;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.initialScale = initialScale;
        this.activationScale = activationScale;
        this.stableWindow = stableWindow;
        this.panicWindowPercentage = panicWindowPercentage;
        this.panicThresholdPercentage = panicThresholdPercentage;
        this.maxScaleUpRate = maxScaleUpRate;
        this.maxScaleDownRate = maxScaleDownRate;
        this.scaleToZeroGracePeriod = scaleToZeroGracePeriod;
        this.scaleToZeroPodRetentionPeriod = scaleToZeroPodRetentionPeriod;
        this.scaleDownDelay = scaleDownDelay;
        this.targetBurstCapacity = targetBurstCapacity;
        this.warmPool = warmPool;
        this.windowWeighting = windowWeighting;
        this.tickInterval = tickInterval;
        List<Violation> errors = new ScaleSpecRules(this).check();
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    public static ScaleSpecBuilder builder() {
        return new ScaleSpecBuilder();
    }

    public static ScaleSpec defaults() {
        return builder().build();
    }

    public ScaleSpecBuilder toBuilder() {
        return new ScaleSpecBuilder(this);
    }

    /** Capacity of one instance before utilization: target, lowered to the hard limit for concurrency. */
    public double totalValue() {
        double t = target != null ? target : metric.defaultTarget();
        if (metric == Metric.CONCURRENCY && containerConcurrency > 0) {
            t = Math.min(t, containerConcurrency);
        }
        return t;
    }

    /** What one instance should carry: total value x utilization, at least {@link #TARGET_MIN}. */
    public double targetPerInstance() {
        return Math.max(TARGET_MIN, totalValue() * targetUtilization);
    }

    public Duration panicWindow() {
        long millis = Math.round(stableWindow.toMillis() * panicWindowPercentage / 100d);
        return Duration.ofMillis(Math.max(1000, millis));
    }

    public double panicThreshold() {
        return panicThresholdPercentage / 100d;
    }

    /** How long the last instance stays once the stable window saw no traffic: max(grace, retention). */
    public Duration zeroHold() {
        return scaleToZeroGracePeriod.compareTo(scaleToZeroPodRetentionPeriod) >= 0
                ? scaleToZeroGracePeriod
                : scaleToZeroPodRetentionPeriod;
    }
}
