package dev.quiver.runtime.admission;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The hard concurrency limit of one instance (Knative's containerConcurrency) with a bounded wait queue, lock-free.
 * <p>
 * Below the limit a request costs one CAS. Above it, the request waits in a bounded queue and is handed the slot of
 * the next request that finishes. Every enqueue and every release runs {@link #drain()}, so a waiting request is never
 * stranded while a slot is free (no lost wake-ups). A limit of 0 means unlimited: nothing waits.
 *
 * @param <T> the waiting request (for HTTP, the routing context and its event-loop context)
 */
public final class InFlightGate<T> {

    private final int limit;
    private final int queueDepth;
    private final Consumer<T> dispatcher;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param limit requests processed at once, 0 = unlimited
     * @param queueDepth requests allowed to wait once the limit is reached
     * @param dispatcher runs a queued request once it holds a slot; it must end with {@link #release()}
     */
    public InFlightGate(int limit, int queueDepth, Consumer<T> dispatcher) {
        if (limit < 0 || queueDepth < 0) {
            throw new IllegalArgumentException("limit and queueDepth must be >= 0");
        }
        this.limit = limit;
        this.queueDepth = queueDepth;
        this.dispatcher = dispatcher;
    }

    /**
     * Takes a slot if one is free (always, when unlimited). No allocation: call {@link #enqueue} only when this fails.
     * An admitted request must call {@link #release()} when done.
     */
    public boolean tryAdmit() {
        if (limit == 0) {
            inFlight.incrementAndGet();
            return true;
        }
        return tryAcquire();
    }

    /** Puts a request that found no free slot into the bounded queue, or rejects it when the queue is full. */
    public Admission enqueue(T request) {
        if (queued.incrementAndGet() > queueDepth) {
            queued.decrementAndGet();
            return Admission.REJECTED;
        }
        waiting.offer(request);
        drain();
        return Admission.QUEUED;
    }

    /** {@link #tryAdmit()} then {@link #enqueue}: admits, queues or rejects a request. */
    public Admission admit(T request) {
        return tryAdmit() ? Admission.ADMITTED : enqueue(request);
    }

    /** A request that held a slot finished; the slot goes to the oldest waiting request, if any. */
    public void release() {
        inFlight.decrementAndGet();
        if (limit != 0) {
            drain();
        }
    }

    private void drain() {
        while (!waiting.isEmpty() && tryAcquire()) {
            T next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                continue;
            }
            queued.decrementAndGet();
            dispatcher.accept(next);
        }
    }

    private boolean tryAcquire() {
        int current;
        do {
            current = inFlight.get();
            if (current >= limit) {
                return false;
            }
        } while (!inFlight.compareAndSet(current, current + 1));
        return true;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int queued() {
        return queued.get();
    }

    public int limit() {
        return limit;
    }

    public int queueDepth() {
        return queueDepth;
    }
}
