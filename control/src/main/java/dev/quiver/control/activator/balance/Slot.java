package dev.quiver.control.activator.balance;

import dev.quiver.control.route.Endpoint;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One ready endpoint as the activator balances over it: the requests it has in flight to it, when it entered the
 * function's ready set (for cold-start accounting) and, after a refused connection, until when it is skipped.
 * Thread-safe; the in-flight count is taken with a compare-and-set that respects the hard limit.
 */
public final class Slot {
    private final Endpoint endpoint;
    private final long readySinceNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean refused;
    private volatile long refusedUntilNanos;

    /** @param readySinceNanos {@link System#nanoTime()} it was first seen ready, -1 when it was there before */
    public Slot(Endpoint endpoint, long readySinceNanos) {
        this.endpoint = endpoint;
        this.readySinceNanos = readySinceNanos;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public long readySinceNanos() {
        return readySinceNanos;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Takes a slot when fewer than {@code limit} requests are in flight ({@code 0}: unlimited). */
    public boolean tryAcquire(int limit) {
        while (true) {
            int n = inFlight.get();
            if (limit > 0 && n >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        inFlight.decrementAndGet();
    }

    /** A connection to it was refused: skipped until {@code untilNanos}, or until the backend lists it anew. */
    public void refused(long untilNanos) {
        refusedUntilNanos = untilNanos;
        refused = true;
    }

    public boolean usable(long nowNanos) {
        return !refused || nowNanos - refusedUntilNanos >= 0;
    }

    @Override
    public String toString() {
        return endpoint.id() + "@" + endpoint + "(" + inFlight.get() + ")";
    }
}
