package dev.quiver.scaler.kpa;

import dev.quiver.scaler.internal.Num;
import dev.quiver.scaler.spec.Metric;
import dev.quiver.scaler.spec.ScaleSpec;
import dev.quiver.scaler.window.BucketedWindow;
import dev.quiver.scaler.window.MaxWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knative KPA for one function: stable and panic windows over per-second samples, rate-limited desired counts,
 * panic mode, scale-down delay, excess burst capacity and the scale-to-zero grace. {@link #scale} is the decision;
 * it takes {@code now} and the ready count and never reads a clock. Not thread-safe: one owner per function.
 */
public final class KpaAutoscaler {
    private static final Logger LOG = LoggerFactory.getLogger(KpaAutoscaler.class);

    private final String name;
    private final ScaleSpec spec;
    private final BucketedWindow window;
    private final PanicMode panic = new PanicMode();
    private final MaxWindow delay;
    private final ZeroGrace zero;
    private boolean isPanicking;

    public KpaAutoscaler(String name, ScaleSpec spec, Instant createdAt) {
        this.name = name;
        this.spec = spec;
        this.window = BucketedWindow.perSecond(spec.stableWindow());
        this.delay = spec.scaleDownDelay().isZero() ? null : new MaxWindow(spec.scaleDownDelay());
        this.zero = new ZeroGrace(createdAt);
    }

    /** Records one second's observation (total over all instances) of both metrics; only the chosen one is kept. */
    public void record(Instant at, double concurrency, double rps) {
        window.record(at, spec.metric() == Metric.RPS ? rps : concurrency);
    }

    /** The activator's poke: a request is waiting, so the current second has at least one unit of traffic. */
    public void poke(Instant at) {
        window.ensureAtLeast(at, 1);
    }

    public KpaResult scale(Instant now, int readyCount) {
        List<String> reasons = new ArrayList<>(4);
        double ready = Math.max(1, readyCount);
        double maxUp = Math.ceil(ready * spec.maxScaleUpRate());
        double maxDown = Math.floor(ready / spec.maxScaleDownRate());
        double target = spec.targetPerInstance();
        double stable = window.average(now, spec.stableWindow(), spec.windowWeighting());
        double panicAvg = window.average(now, spec.panicWindow(), spec.windowWeighting());
        double dspc = Math.ceil(stable / target);
        double dppc = Math.ceil(panicAvg / target);
        int desiredStable = (int) Math.min(Math.max(dspc, maxDown), maxUp);
        int desiredPanic = (int) Math.min(Math.max(dppc, maxDown), maxUp);
        reasons.add("stable " + Num.fmt(stable) + "/" + Num.fmt(target) + " -> " + desiredStable);
        if (desiredStable != (int) dspc) {
            reasons.add(
                    dspc > maxUp ? "scale-up rate caps at " + (int) maxUp : "scale-down rate keeps " + (int) maxDown);
        }
        boolean over = dppc / ready >= spec.panicThreshold();
        boolean wasPanicking = isPanicking;
        isPanicking = panic.update(now, over, spec.stableWindow());
        logTransition(wasPanicking, now, dppc, ready);
        int desired = desiredStable;
        if (isPanicking) {
            desired = panic.hold(desiredStable, desiredPanic);
            reasons.add("panic " + Num.fmt(panicAvg) + "/" + Num.fmt(target) + " -> " + desiredPanic
                    + (over ? " (>= " + Num.fmt(spec.panicThreshold()) + "x ready)" : "")
                    + ", holding " + desired);
        }
        if (delay != null) {
            int delayed = delay.recordAndMax(now, desired);
            if (delayed != desired) {
                reasons.add("scale-down delay keeps " + delayed);
                desired = delayed;
            }
        }
        double ebc = BurstCapacity.excess(readyCount, spec.totalValue(), spec.targetBurstCapacity(), panicAvg);
        boolean zeroPending = false;
        if (desired == 0 && readyCount > 0) {
            Duration left = zero.remaining(now, spec.stableWindow(), spec.zeroHold());
            if (!left.isZero()) {
                desired = 1;
                zeroPending = true;
                reasons.add("idle: activator in path, zero in " + Num.fmt(left.toMillis() / 1000d) + "s");
            } else {
                reasons.add("idle for stable window + grace: scale to zero");
            }
        } else if (desired > 0) {
            zero.busy();
        }
        return new KpaResult(
                stable, panicAvg, desiredStable, desiredPanic, desired, isPanicking, ebc, zeroPending, reasons);
    }

    private void logTransition(boolean was, Instant now, double dppc, double ready) {
        if (!was && isPanicking) {
            LOG.debug("{}: PANICKING at {} (panic desired {} for {} ready)", name, now, dppc, ready);
        } else if (was && !isPanicking) {
            LOG.debug("{}: un-panicking at {}", name, now);
        }
    }
}
