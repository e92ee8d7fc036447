package dev.quiver.runtime.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests inside the instance and integrates their number over time, lock-free, so that the time-averaged
 * concurrency of any interval is exact: it is the job Knative gives its queue-proxy, done in-process.
 * <p>
 * The integral of in-flight requests from the meter's origin to {@code T} equals
 * {@code sum(end times) - sum(start times) + inside * T}. Starts and ends only add to {@link LongAdder}s (no lock, no
 * allocation). A reader takes a consistent snapshot with a sequence check: writes bump {@code begun} before and
 * {@code done} after touching the sums, and a read is kept only when no write was under way while it read.
 * Times are microseconds since the origin; sums wrap around but their differences stay exact.
 */
public final class ConcurrencyMeter {

    private static final int MAX_READ_ATTEMPTS = 64;

    private final long originNanos;
    private final LongAdder begun = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder timeSum = new LongAdder();
    private final LongAdder inside = new LongAdder();
    private final LongAdder arrivals = new LongAdder();

    public ConcurrencyMeter(long originNanos) {
        this.originNanos = originNanos;
    }

    /** A request arrived at {@code nowNanos} ({@link System#nanoTime()} scale). */
    public void arrived(long nowNanos) {
        begun.increment();
        timeSum.add(-micros(nowNanos));
        inside.increment();
        arrivals.increment();
        done.increment();
    }

    /** A request left (answered, failed or dropped) at {@code nowNanos}. */
    public void left(long nowNanos) {
        begun.increment();
        timeSum.add(micros(nowNanos));
        inside.decrement();
        done.increment();
    }

    /** A consistent reading at {@code nowNanos}; see {@link MeterReading#averageSince}. */
    public MeterReading read(long nowNanos) {
        long t = micros(nowNanos);
        long sum = 0;
        long in = 0;
        long count = 0;
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
            long finished = done.sum();
            sum = timeSum.sum();
            in = inside.sum();
            count = arrivals.sum();
            if (begun.sum() == finished) {
                break;
            }
            Thread.onSpinWait();
        }
        return new MeterReading(t, sum + in * t, in, count);
    }

    private long micros(long nanos) {
        return (nanos - originNanos) / 1_000L;
    }
}
