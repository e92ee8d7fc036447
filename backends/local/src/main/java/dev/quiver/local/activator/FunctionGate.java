package dev.quiver.local.activator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The activator's view of one function: its ready endpoints (published by the control loop), the load-balancing
 * policy for its concurrency limit, and the bounded FIFO of requests waiting for a slot. Requests are served in
 * arrival order: while anything waits, new arrivals queue behind it. Thread-safe; the queue is guarded by this.
 */
public final class FunctionGate {
    /** A buffered request; {@link #dispatch} is called, outside any lock, with a slot taken on the endpoint. */
    public interface Waiter {
        void dispatch(Endpoint endpoint);

        /** The function was removed while waiting. */
        void abandon();
    }

    public enum Enqueued { OK, FULL, CLOSED }

    private final String name;
    private final int queueSize;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final AtomicBoolean pokePending = new AtomicBoolean();
    private volatile List<Endpoint> endpoints = List.of();
    private volatile int limit;
    private volatile LoadBalancer balancer = LoadBalancer.forLimit(0);
    private volatile int queued;
    private volatile boolean closed;
    private volatile Runnable poker = () -> { };

    public FunctionGate(String name, int queueSize, int limit) {
        this.name = name;
        this.queueSize = queueSize;
        this.limit = limit;
        this.balancer = LoadBalancer.forLimit(limit);
    }

    public String name() {
        return name;
    }

    public int limit() {
        return limit;
    }

    public int queued() {
        return queued;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Called with the function's scaler when a request finds no ready instance. */
    public void onPoke(Runnable poker) {
        this.poker = poker;
    }

    /** A slot on a ready endpoint now, or null (none ready, all at their limit, or others waiting first). */
    public Endpoint tryAcquire() {
        if (queued > 0) {
            return null;
        }
        return balancer.pick(endpoints, limit);
    }

    public Enqueued enqueue(Waiter w) {
        synchronized (this) {
            if (closed) {
                return Enqueued.CLOSED;
            }
            if (queue.size() >= queueSize) {
                return Enqueued.FULL;
            }
            queue.add(w);
            queued = queue.size();
        }
        if (noneReady()) {
            poke();
        }
        drain();
        return Enqueued.OK;
    }

    /** @return true when it was still waiting (and is no longer) */
    public boolean remove(Waiter w) {
        synchronized (this) {
            boolean removed = queue.remove(w);
            queued = queue.size();
            return removed;
        }
    }

    public void release(Endpoint e) {
        e.release();
        if (queued > 0) {
            drain();
        }
    }

    /** Publishes the ready endpoints and the limit in force; waiting requests go out at once. */
    public void update(List<Endpoint> ready, int newLimit) {
        if (newLimit != limit) {
            balancer = LoadBalancer.forLimit(newLimit);
            limit = newLimit;
        }
        endpoints = List.copyOf(ready);
        drain();
    }

    public boolean noneReady() {
        for (Endpoint e : endpoints) {
            if (!e.broken()) {
                return false;
            }
        }
        return true;
    }

    public void poke() {
        if (pokePending.compareAndSet(false, true)) {
            poker.run();
        }
    }

    /** The scaler handled the poke; the next request at zero pokes again. */
    public void pokeHandled() {
        pokePending.set(false);
    }

    /** No more requests: waiting ones are abandoned (the function was deleted). */
    public void close() {
        List<Waiter> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            queued = 0;
        }
        left.forEach(Waiter::abandon);
    }

    private void drain() {
        while (true) {
            Waiter w;
            Endpoint e;
            synchronized (this) {
                if (queue.isEmpty()) {
                    return;
                }
                e = balancer.pick(endpoints, limit);
                if (e == null) {
                    return;
                }
                w = queue.poll();
                queued = queue.size();
            }
            w.dispatch(e);
        }
    }
}
