package dev.quiver.local.activator;

import java.util.concurrent.atomic.AtomicInteger;

/** A ready instance in a function's load-balancing set, with the requests the activator has in flight to it. */
public final class Endpoint {
    private final String id;
    private final String host;
    private final int port;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean broken;
    private volatile long readyNanos = -1;

    public Endpoint(String id, String host, int port) {
        this.id = id;
        this.host = host;
        this.port = port;
    }

    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** When the instance became ready ({@link System#nanoTime()}), -1 when not yet known. */
    public long readyNanos() {
        return readyNanos;
    }

    public void readyAt(long nanos) {
        this.readyNanos = nanos;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Takes a slot when fewer than {@code limit} requests are in flight ({@code limit 0}: unlimited). */
    public boolean tryAcquire(int limit) {
        if (broken) {
            return false;
        }
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

    /** A connection to it failed: no more picks until the control plane replaces it. */
    public void markBroken() {
        broken = true;
    }

    public boolean broken() {
        return broken;
    }

    @Override
    public String toString() {
        return id + "@" + host + ":" + port + "(" + inFlight.get() + ")";
    }
}
