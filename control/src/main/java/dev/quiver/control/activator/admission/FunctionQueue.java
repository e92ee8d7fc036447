package dev.quiver.control.activator.admission;

import dev.quiver.control.activator.balance.LeastInFlight;
import dev.quiver.control.activator.balance.Slot;
import dev.quiver.control.route.Endpoint;
import dev.quiver.control.route.FunctionRef;
import dev.quiver.control.route.Routing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The activator's view of one function: its ready endpoints and hard limit (from the backend's directory), the
 * balancing over them, and the bounded FIFO of requests waiting for a slot. Requests are served in arrival order:
 * while anything waits, new arrivals queue behind it. Thread-safe (requests arrive on several event loops); the
 * queue is guarded by this, slots are lock-free. Times are {@link System#nanoTime()} values passed in.
 */
public final class FunctionQueue {
    /** A held request; {@link #dispatch} is called, outside any lock, with a slot taken on an endpoint. */
    public interface Waiter {
        void dispatch(Slot slot);

        /** The function was removed while it waited. */
        void abandon();

        /** Body bytes this request holds in memory while it waits (a read chunked body); 0 when streamed. */
        default long heldBytes() {
            return 0;
        }
    }

    public enum Enqueued {
        OK,
        FULL,
        /** the function's waiting requests already hold {@code maxQueuedBytes} of bodies */
        TOO_MANY_BYTES,
        CLOSED
    }

    private final FunctionRef function;
    private final String key;
    private final int queueSize;
    private final long maxQueuedBytes;
    private long queuedBytes;
    private final LeastInFlight balancer = new LeastInFlight();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private volatile List<Slot> slots = List.of();
    /** Endpoints that left the ready set with requests still in flight: a drain waits for them. */
    private volatile List<Slot> retired = List.of();

    private volatile int limit;
    private volatile int queued;
    private volatile boolean closed;
    private long lastPokeNanos;
    private boolean poked;

    /** @param routing what the directory says now; its endpoints count as ready before any request arrived */
    public FunctionQueue(FunctionRef function, int queueSize, Routing routing) {
        this(function, queueSize, Long.MAX_VALUE, routing);
    }

    /** @param maxQueuedBytes most body bytes the waiting requests may hold in memory together */
    public FunctionQueue(FunctionRef function, int queueSize, long maxQueuedBytes, Routing routing) {
        this(function, function.toString(), queueSize, maxQueuedBytes, routing);
    }

    /**
     * @param key how metrics and answers name it: a revision's queue is named for its function, so a function's
     *     figures stay one series whatever its revisions
     */
    public FunctionQueue(FunctionRef function, String key, int queueSize, long maxQueuedBytes, Routing routing) {
        this.function = function;
        this.maxQueuedBytes = maxQueuedBytes;
        this.key = key;
        this.queueSize = queueSize;
        this.limit = routing.containerConcurrency();
        this.slots = routing.endpoints().stream().map(e -> new Slot(e, -1)).toList();
    }

    public FunctionRef function() {
        return function;
    }

    /** The function as metrics and answers name it ({@code name}, or {@code namespace/name}). */
    public String key() {
        return key;
    }

    public int limit() {
        return limit;
    }

    public int queued() {
        return queued;
    }

    /** Body bytes held in memory by the waiting requests. */
    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** Requests forwarded through this activator and not yet answered. */
    public int inFlight() {
        int n = 0;
        for (Slot s : slots) {
            n += s.inFlight();
        }
        return n;
    }

    /** In flight to one endpoint, also after it left the ready set (0 when unknown). */
    public int inFlight(Endpoint endpoint) {
        return inFlight(endpoint.id());
    }

    /** In flight to the endpoint with this id, also after it left the ready set (0 when unknown). */
    public int inFlight(String endpointId) {
        for (List<Slot> list : List.of(slots, retired)) {
            for (Slot s : list) {
                if (s.endpoint().id().equals(endpointId)) {
                    return s.inFlight();
                }
            }
        }
        return 0;
    }

    public List<Slot> slots() {
        return slots;
    }

    /** A slot on a ready endpoint now, or null (none ready, all at their limit, or others waiting first). */
    public Slot tryAcquire(long now) {
        if (queued > 0) {
            return null;
        }
        return balancer.acquire(slots, limit, now);
    }

    public Enqueued enqueue(Waiter w) {
        synchronized (this) {
            if (closed) {
                return Enqueued.CLOSED;
            }
            if (queue.size() >= queueSize) {
                return Enqueued.FULL;
            }
            long bytes = w.heldBytes();
            if (bytes > 0 && queuedBytes + bytes > maxQueuedBytes) {
                return Enqueued.TOO_MANY_BYTES;
            }
            queue.add(w);
            queued = queue.size();
            queuedBytes += bytes;
        }
        drain(System.nanoTime());
        return Enqueued.OK;
    }

    /** @return true when it was still waiting (and is no longer) */
    public boolean remove(Waiter w) {
        synchronized (this) {
            boolean removed = queue.remove(w);
            queued = queue.size();
            if (removed) {
                queuedBytes -= w.heldBytes();
            }
            return removed;
        }
    }

    public void release(Slot s) {
        s.release();
        if (queued > 0) {
            drain(System.nanoTime());
        }
    }

    /** A connection to the slot's endpoint was refused: skip it for {@code coolDownNanos}. */
    public void refused(Slot s, long now, long coolDownNanos) {
        s.refused(now + coolDownNanos);
    }

    /**
     * The backend's routing now: endpoints that stay keep their counts, new ones are ready since {@code now};
     * waiting requests go out at once.
     */
    public void update(Routing routing, long now) {
        update(routing, now, System.currentTimeMillis());
    }

    /**
     * When a new endpoint became ready, on the {@link System#nanoTime()} scale: its backend's ready time when known
     * (a pool instance promoted now was ready long before), else now.
     */
    static long readySince(Endpoint e, long nowNanos, long nowEpochMillis) {
        if (e.readySince() == null) {
            return nowNanos;
        }
        long agoMillis = Math.max(0, nowEpochMillis - e.readySince().toEpochMilli());
        return nowNanos - agoMillis * 1_000_000L;
    }

    /** The directory's new routing, at {@code now} (nanoTime) and {@code nowEpochMillis} (wall clock). */
    public void update(Routing routing, long now, long nowEpochMillis) {
        Map<Endpoint, Slot> before = new HashMap<>();
        for (Slot s : slots) {
            before.put(s.endpoint(), s);
        }
        List<Slot> next = new ArrayList<>(routing.endpoints().size());
        for (Endpoint e : routing.endpoints()) {
            Slot old = before.get(e);
            next.add(old != null ? old : new Slot(e, readySince(e, now, nowEpochMillis)));
        }
        limit = routing.containerConcurrency();
        List<Slot> leaving = new ArrayList<>();
        for (List<Slot> list : List.of(slots, retired)) {
            for (Slot s : list) {
                if (s.inFlight() > 0 && !routing.endpoints().contains(s.endpoint()) && !leaving.contains(s)) {
                    leaving.add(s);
                }
            }
        }
        retired = List.copyOf(leaving);
        slots = List.copyOf(next);
        if (!next.isEmpty()) {
            synchronized (this) {
                poked = false;
            }
        }
        drain(now);
    }

    /** No endpoint could take a request now (none listed, or all refused their connections lately). */
    public boolean noneReady(long now) {
        for (Slot s : slots) {
            if (s.usable(now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether to poke the backend now: requests wait, no endpoint is ready, and it was not poked within
     * {@code intervalNanos} (the first such moment pokes at once).
     */
    public boolean pokeDue(long now, long intervalNanos) {
        if (queued == 0 || !noneReady(now)) {
            return false;
        }
        synchronized (this) {
            if (poked && now - lastPokeNanos < intervalNanos) {
                return false;
            }
            poked = true;
            lastPokeNanos = now;
            return true;
        }
    }

    /** The function was removed: waiting requests are abandoned, new ones are refused. */
    public void close() {
        List<Waiter> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            queued = 0;
            queuedBytes = 0;
        }
        left.forEach(Waiter::abandon);
    }

    private void drain(long now) {
        while (true) {
            Waiter w;
            Slot s;
            synchronized (this) {
                if (queue.isEmpty()) {
                    return;
                }
                s = balancer.acquire(slots, limit, now);
                if (s == null) {
                    return;
                }
                w = queue.poll();
                queued = queue.size();
                queuedBytes -= w.heldBytes();
            }
            w.dispatch(s);
        }
    }
}
