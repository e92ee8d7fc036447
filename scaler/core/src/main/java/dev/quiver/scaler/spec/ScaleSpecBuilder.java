package dev.quiver.scaler.spec;

import java.time.Duration;

/** Builds a {@link ScaleSpec}; starts from the documented defaults. {@link #build()} validates. */
public final class ScaleSpecBuilder {
    private Metric metric = Metric.CONCURRENCY;
    private Double target = null;
    private double targetUtilization = 0.7;
    private int containerConcurrency = 0;
    private int minScale = 0;
    private int maxScale = 0;
    private int initialScale = 1;
    private int activationScale = 1;
    private Duration stableWindow = Duration.ofSeconds(60);
    private double panicWindowPercentage = 10;
    private double panicThresholdPercentage = 200;
    private double maxScaleUpRate = 1000;
    private double maxScaleDownRate = 2;
    private Duration scaleToZeroGracePeriod = Duration.ofSeconds(30);
    private Duration scaleToZeroPodRetentionPeriod = Duration.ZERO;
    private Duration scaleDownDelay = Duration.ZERO;
    private double targetBurstCapacity = 211;
    private int warmPool = 0;
    private WindowWeighting windowWeighting = WindowWeighting.LINEAR;
    private Duration tickInterval = Duration.ofSeconds(2);

    ScaleSpecBuilder() {}

    ScaleSpecBuilder(ScaleSpec s) {
        this.metric = s.metric();
        this.target = s.target();
        this.targetUtilization = s.targetUtilization();
        this.containerConcurrency = s.containerConcurrency();
        this.minScale = s.minScale();
        this.maxScale = s.maxScale();
        this.initialScale = s.initialScale();
        this.activationScale = s.activationScale();
        this.stableWindow = s.stableWindow();
        this.panicWindowPercentage = s.panicWindowPercentage();
        this.panicThresholdPercentage = s.panicThresholdPercentage();
        this.maxScaleUpRate = s.maxScaleUpRate();
        this.maxScaleDownRate = s.maxScaleDownRate();
        this.scaleToZeroGracePeriod = s.scaleToZeroGracePeriod();
        this.scaleToZeroPodRetentionPeriod = s.scaleToZeroPodRetentionPeriod();
        this.scaleDownDelay = s.scaleDownDelay();
        this.targetBurstCapacity = s.targetBurstCapacity();
        this.warmPool = s.warmPool();
        this.windowWeighting = s.windowWeighting();
        this.tickInterval = s.tickInterval();
    }

    public ScaleSpecBuilder metric(Metric metric) {
        this.metric = metric;
        return this;
    }

    public ScaleSpecBuilder target(Double target) {
        this.target = target;
        return this;
    }

    public ScaleSpecBuilder targetUtilization(double targetUtilization) {
        this.targetUtilization = targetUtilization;
        return this;
    }

    public ScaleSpecBuilder containerConcurrency(int containerConcurrency) {
        this.containerConcurrency = containerConcurrency;
        return this;
    }

    public ScaleSpecBuilder minScale(int minScale) {
        this.minScale = minScale;
        return this;
    }

    public ScaleSpecBuilder maxScale(int maxScale) {
        this.maxScale = maxScale;
        return this;
    }

    public ScaleSpecBuilder initialScale(int initialScale) {
        this.initialScale = initialScale;
        return this;
    }

    public ScaleSpecBuilder activationScale(int activationScale) {
        this.activationScale = activationScale;
        return this;
    }

    public ScaleSpecBuilder stableWindow(Duration stableWindow) {
        this.stableWindow = stableWindow;
        return this;
    }

    public ScaleSpecBuilder panicWindowPercentage(double panicWindowPercentage) {
        this.panicWindowPercentage = panicWindowPercentage;
        return this;
    }

    public ScaleSpecBuilder panicThresholdPercentage(double panicThresholdPercentage) {
        this.panicThresholdPercentage = panicThresholdPercentage;
        return this;
    }

    public ScaleSpecBuilder maxScaleUpRate(double maxScaleUpRate) {
        this.maxScaleUpRate = maxScaleUpRate;
        return this;
    }

    public ScaleSpecBuilder maxScaleDownRate(double maxScaleDownRate) {
        this.maxScaleDownRate = maxScaleDownRate;
        return this;
    }

    public ScaleSpecBuilder scaleToZeroGracePeriod(Duration scaleToZeroGracePeriod) {
        this.scaleToZeroGracePeriod = scaleToZeroGracePeriod;
        return this;
    }

    public ScaleSpecBuilder scaleToZeroPodRetentionPeriod(Duration scaleToZeroPodRetentionPeriod) {
        this.scaleToZeroPodRetentionPeriod = scaleToZeroPodRetentionPeriod;
        return this;
    }

    public ScaleSpecBuilder scaleDownDelay(Duration scaleDownDelay) {
        this.scaleDownDelay = scaleDownDelay;
        return this;
    }

    public ScaleSpecBuilder targetBurstCapacity(double targetBurstCapacity) {
        this.targetBurstCapacity = targetBurstCapacity;
        return this;
    }

    public ScaleSpecBuilder warmPool(int warmPool) {
        this.warmPool = warmPool;
        return this;
    }

    public ScaleSpecBuilder windowWeighting(WindowWeighting windowWeighting) {
        this.windowWeighting = windowWeighting;
        return this;
    }

    public ScaleSpecBuilder tickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
        return this;
    }

    public ScaleSpec build() {
        return new ScaleSpec(
                metric,
                target,
                targetUtilization,
                containerConcurrency,
                minScale,
                maxScale,
                initialScale,
                activationScale,
                stableWindow,
                panicWindowPercentage,
                panicThresholdPercentage,
                maxScaleUpRate,
                maxScaleDownRate,
                scaleToZeroGracePeriod,
                scaleToZeroPodRetentionPeriod,
                scaleDownDelay,
                targetBurstCapacity,
                warmPool,
                windowWeighting,
                tickInterval);
    }
}
