package dev.quiver.broker.dispatch;

import dev.quiver.api.retry.RetrySchedule;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps one trigger's {@link TriggerDispatcher} running: when its loop or rebalance listener fails (a Kafka timeout,
 * any runtime error), a new one (a new consumer in the same group, resuming at the committed offsets) is started after
 * the {@link RetrySchedule}'s delay for the number of failures in a row; a dispatcher that gets its partitions resets
 * that count. Meanwhile {@link #ready()} is false and {@link #cause()} says why.
 */
public final class SupervisedDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SupervisedDispatcher.class);

    private final String trigger;
    private final Supplier<TriggerDispatcher> factory;
    private final RetrySchedule schedule;
    private final ScheduledExecutorService timer;
    private final Runnable onRestart;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    private TriggerDispatcher current;
    private int failuresInARow;
    private volatile Throwable cause;
    private boolean closed;

    /**
     * @param factory   builds and starts a dispatcher (a new consumer each time)
     * @param schedule  the delay before restart n is {@code schedule.delayBefore(n, random)}
     * @param onRestart called at each restart (the restarts counter)
     */
    public SupervisedDispatcher(
            String trigger,
            Supplier<TriggerDispatcher> factory,
            RetrySchedule schedule,
            ScheduledExecutorService timer,
            Runnable onRestart) {
        this.trigger = trigger;
        this.factory = factory;
        this.schedule = schedule;
        this.timer = timer;
        this.onRestart = onRestart;
    }

    public synchronized SupervisedDispatcher start() {
        watch(factory.get());
        return this;
    }

    /** Completes when the first dispatcher owns its partitions. */
    public CompletableFuture<Void> firstReady() {
        return firstReady;
    }

    /** The running dispatcher owns its partitions and none failed since. */
    public synchronized boolean ready() {
        return cause == null && current != null && current.ready().isDone();
    }

    /** Why the trigger is not ready: the last failure, until a restarted dispatcher gets its partitions. */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    public synchronized long lag() {
        return current == null ? 0 : current.lag();
    }

    private void watch(TriggerDispatcher d) {
        current = d;
        d.ready().thenRun(() -> readied(d));
        d.failed().thenAccept(e -> failed(d, e));
    }

    private synchronized void readied(TriggerDispatcher d) {
        if (d == current && !closed) {
            failuresInARow = 0;
            cause = null;
            firstReady.complete(null);
        }
    }

    private synchronized void failed(TriggerDispatcher d, Throwable e) {
        if (d != current || closed) {
            return;
        }
        cause = e;
        failuresInARow++;
        Duration delay =
                schedule.delayBefore(failuresInARow, ThreadLocalRandom.current().nextDouble());
        LOG.warnf(
                "trigger %s: dispatcher failed (%s), restarting in %s (failure %d in a row)",
                trigger, e, delay, failuresInARow);
        timer.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (closed) {
            return;
        }
        onRestart.run();
        try {
            watch(factory.get());
        } catch (RuntimeException e) {
            failed(current, e);
        }
    }

    @Override
    public void close() {
        TriggerDispatcher d;
        synchronized (this) {
            closed = true;
            d = current;
        }
        if (d != null) {
            d.close();
        }
    }
}
