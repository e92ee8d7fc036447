package dev.quiver.scaler.spec;

import java.util.Set;

/** Reads the {@code scale:} section into a builder; type errors are collected by {@link TreeValues}. */
final class ScaleSpecReader {
    static final Set<String> KEYS = Set.of(
            "metric",
            "target",
            "targetUtilization",
            "containerConcurrency",
            "minScale",
            "maxScale",
            "initialScale",
            "activationScale",
            "stableWindow",
            "panicWindowPercentage",
            "panicThresholdPercentage",
            "maxScaleUpRate",
            "maxScaleDownRate",
            "scaleToZeroGracePeriod",
            "scaleToZeroPodRetentionPeriod",
            "scaleDownDelay",
            "targetBurstCapacity",
            "warmPool",
            "windowWeighting",
            "tickInterval");

    private ScaleSpecReader() {}

    static ScaleSpecBuilder read(TreeValues t) {
        t.allowOnly(KEYS);
        ScaleSpec d = ScaleSpec.defaults();
        return ScaleSpec.builder()
                .metric(t.choice("metric", Metric.class, d.metric()))
                .target(t.has("target") ? t.number("target", 0) : null)
                .targetUtilization(t.number("targetUtilization", d.targetUtilization()))
                .containerConcurrency(t.integer("containerConcurrency", d.containerConcurrency()))
                .minScale(t.integer("minScale", d.minScale()))
                .maxScale(t.integer("maxScale", d.maxScale()))
                .initialScale(t.integer("initialScale", d.initialScale()))
                .activationScale(t.integer("activationScale", d.activationScale()))
                .stableWindow(t.duration("stableWindow", d.stableWindow()))
                .panicWindowPercentage(t.number("panicWindowPercentage", d.panicWindowPercentage()))
                .panicThresholdPercentage(t.number("panicThresholdPercentage", d.panicThresholdPercentage()))
                .maxScaleUpRate(t.number("maxScaleUpRate", d.maxScaleUpRate()))
                .maxScaleDownRate(t.number("maxScaleDownRate", d.maxScaleDownRate()))
                .scaleToZeroGracePeriod(t.duration("scaleToZeroGracePeriod", d.scaleToZeroGracePeriod()))
                .scaleToZeroPodRetentionPeriod(
                        t.duration("scaleToZeroPodRetentionPeriod", d.scaleToZeroPodRetentionPeriod()))
                .scaleDownDelay(t.duration("scaleDownDelay", d.scaleDownDelay()))
                .targetBurstCapacity(t.number("targetBurstCapacity", d.targetBurstCapacity()))
                .warmPool(t.integer("warmPool", d.warmPool()))
                .windowWeighting(t.choice("windowWeighting", WindowWeighting.class, d.windowWeighting()))
                .tickInterval(t.duration("tickInterval", d.tickInterval()));
    }
}
