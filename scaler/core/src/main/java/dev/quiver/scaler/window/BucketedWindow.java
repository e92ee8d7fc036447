package dev.quiver.scaler.window;

import dev.quiver.scaler.spec.WindowWeighting;
import java.time.Duration;
import java.time.Instant;

/**
 * Samples summed into fixed-width time buckets (1 s by default) kept in a ring, averaged over any window up to the
 * ring's length. Seconds without a sample count as 0 once the first sample arrived; before that the window is empty
 * (average 0). Time is always passed in; nothing here reads a clock. Not thread-safe.
 */
public final class BucketedWindow {
    private final double[] buckets;
    private final long granularityMillis;
    private long firstBucket;
    private long lastBucket;
    private boolean empty = true;

    public BucketedWindow(Duration length, Duration granularity) {
        this.granularityMillis = granularity.toMillis();
        if (granularityMillis <= 0 || length.toMillis() < granularityMillis) {
            throw new IllegalArgumentException("window length must be >= granularity > 0");
        }
        this.buckets = new double[(int) (length.toMillis() / granularityMillis)];
    }

    public static BucketedWindow perSecond(Duration length) {
        return new BucketedWindow(length, Duration.ofSeconds(1));
    }

    /** Adds {@code value} to the bucket of {@code at} (several sources in one second add up). */
    public void record(Instant at, double value) {
        long b = index(at);
        if (!advanceTo(b)) {
            return;
        }
        buckets[slot(b)] += value;
    }

    /** Raises the bucket of {@code at} to at least {@code value} (a poke that must not double count). */
    public void ensureAtLeast(Instant at, double value) {
        long b = index(at);
        if (!advanceTo(b)) {
            return;
        }
        buckets[slot(b)] = Math.max(buckets[slot(b)], value);
    }

    /** Average over the buckets in (now - window, now]; buckets before the first sample are not counted. */
    public double average(Instant now, Duration window, WindowWeighting weighting) {
        if (empty) {
            return 0;
        }
        long nowB = index(now);
        int n = (int) Math.min(buckets.length, Math.max(1, window.toMillis() / granularityMillis));
        long from = Math.max(nowB - n + 1, firstBucket);
        if (nowB < firstBucket || from > lastBucket) {
            return 0;
        }
        return weighting == WindowWeighting.EXPONENTIAL ? exponential(from, nowB, n) : linear(from, nowB);
    }

    private double linear(long from, long nowB) {
        double sum = 0;
        long to = Math.min(nowB, lastBucket);
        for (long b = from; b <= to; b++) {
            sum += buckets[slot(b)];
        }
        return sum / (nowB - from + 1);
    }

    private double exponential(long from, long nowB, int n) {
        double keep = 1 - 2d / (n + 1);
        double weight = 1;
        double sum = 0;
        double weights = 0;
        for (long b = nowB; b >= from; b--) {
            if (b <= lastBucket) {
                sum += weight * buckets[slot(b)];
            }
            weights += weight;
            weight *= keep;
        }
        return sum / weights;
    }

    private boolean advanceTo(long b) {
        if (empty) {
            empty = false;
            firstBucket = b;
            lastBucket = b;
            buckets[slot(b)] = 0;
            return true;
        }
        if (b > lastBucket) {
            long clear = Math.min(b - lastBucket, buckets.length);
            for (long i = 1; i <= clear; i++) {
                buckets[slot(lastBucket + i)] = 0;
            }
            lastBucket = b;
        }
        return b > lastBucket - buckets.length && b >= firstBucket;
    }

    private long index(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), granularityMillis);
    }

    private int slot(long b) {
        return (int) Math.floorMod(b, (long) buckets.length);
    }
}
