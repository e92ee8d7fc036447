package dev.quiver.broker.delivery;

import dev.failsafe.spi.DefaultScheduledFuture;
import dev.failsafe.spi.Scheduler;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Failsafe's scheduler on Vert.x: what is due now runs on a Vert.x context, a retry after its backoff on a Vert.x
 * timer. Deliveries need no thread pool of their own: attempts (non-blocking WebClient calls) and their waits stay on
 * the event loops, as before Failsafe.
 */
final class VertxScheduler implements Scheduler {

    private static final Logger LOG = Logger.getLogger(VertxScheduler.class);

    private final Vertx vertx;

    VertxScheduler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        Scheduled scheduled = new Scheduled(callable);
        if (delay <= 0) {
            vertx.runOnContext(v -> scheduled.run());
        } else {
            scheduled.timer = vertx.setTimer(Math.max(1, unit.toMillis(delay)), id -> scheduled.run());
        }
        return scheduled;
    }

    private final class Scheduled extends DefaultScheduledFuture<Object> {
        private final Callable<?> callable;
        private volatile long timer = -1;
        private volatile boolean done;
        private volatile boolean cancelled;

        Scheduled(Callable<?> callable) {
            this.callable = callable;
        }

        void run() {
            if (cancelled) {
                return;
            }
            try {
                callable.call();
            } catch (Exception e) {
                LOG.errorf(e, "scheduled delivery attempt failed");
            } finally {
                done = true;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }
    }
}
