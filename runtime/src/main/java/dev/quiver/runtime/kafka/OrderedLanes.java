package dev.quiver.runtime.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs tasks at once across lanes and one after another within a lane: a lane's next task starts only when the
 * previous one's stage has completed, whether it succeeded or failed (a record's retries and its dead-lettering
 * happen before the next record of its key starts). Bounded: at most {@code maxPending} tasks are accepted and not
 * yet finished; {@link #room()} tells the feeder when it may submit again (backpressure on the consumer).
 * <p>
 * Plain Java: a task supplies its own stage and decides where it runs (the trigger's worker pool).
 *
 * @param <K> the lane key (for the Kafka trigger: partition and record key, or the partition)
 */
public final class OrderedLanes<K> {

    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    private final int maxPending;
    private final Map<K, CompletableFuture<Void>> tails = new HashMap<>();
    private int pending;
    private CompletableFuture<Void> room = NOW;

    public OrderedLanes(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, but was " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /**
     * Queues a task behind the lane's previous one (or starts it now when the lane is idle).
     *
     * @return completes as the task's stage does, after the task ran
     */
    public CompletionStage<Void> submit(K lane, Supplier<? extends CompletionStage<Void>> task) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            pending++;
            previous = tails.put(lane, finished);
            if (pending >= maxPending && room.isDone()) {
                room = new CompletableFuture<>();
            }
        }
        if (previous == null) {
            start(task, finished);
        } else {
            previous.whenComplete((ignored, failure) -> start(task, finished));
        }
        // callers see the outcome only after the lane is released, so the next one may already have started
        return finished.whenComplete((ignored, failure) -> finish(lane, finished));
    }

    /** Completes (at once, or later) when fewer than {@code maxPending} tasks are pending. */
    public synchronized CompletionStage<Void> room() {
        return room;
    }

    public synchronized int pending() {
        return pending;
    }

    /** Lanes that have a task queued or running. */
    public synchronized int busyLanes() {
        return tails.size();
    }

    private static void start(Supplier<? extends CompletionStage<Void>> task, CompletableFuture<Void> finished) {
        try {
            task.get().whenComplete((value, failure) -> {
                if (failure != null) {
                    finished.completeExceptionally(failure);
                } else {
                    finished.complete(value);
                }
            });
        } catch (RuntimeException | Error e) {
            finished.completeExceptionally(e);
        }
    }

    private void finish(K lane, CompletableFuture<Void> finished) {
        CompletableFuture<Void> freed = null;
        synchronized (this) {
            pending--;
            tails.remove(lane, finished);
            if (pending < maxPending && !room.isDone()) {
                freed = room;
            }
        }
        if (freed != null) {
            freed.complete(null);
        }
    }
}
