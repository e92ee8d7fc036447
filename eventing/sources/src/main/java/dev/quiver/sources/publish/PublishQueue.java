package dev.quiver.sources.publish;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * Hands events to the broker one at a time, in the order they were offered (a put and the delete that follows it
 * reach the broker in that order). A failed attempt is retried with exponential backoff up to {@code maxAttempts};
 * then, or when the broker refuses the event (4xx), it is logged at ERROR with the whole event as structured JSON
 * (so it can be re-sent by hand) and counted as failed or rejected. Nothing is dropped without a log line.
 */
public final class PublishQueue {

    private static final Logger LOG = Logger.getLogger(PublishQueue.class);

    /** Waits between attempts; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final BlockingQueue<CloudEvent> queue;
    private final EventSender sender;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile boolean running = true;
    private Thread worker;

    public PublishQueue(EventSender sender, Backoff backoff, int maxAttempts, int capacity, Sleeper sleeper) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.sender = sender;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    public synchronized void start() {
        worker = new Thread(this::run, "quiver-sources-publisher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues an event; false when the queue is full (the caller must tell its client). */
    public boolean offer(CloudEvent event) {
        boolean queued = queue.offer(event);
        if (!queued) {
            LOG.errorf("Publish queue full (%d events): refused event %s", queue.size(), json(event));
            rejected.increment();
        }
        return queued;
    }

    /** Stops after the event being published; events still queued are logged at ERROR, not dropped silently. */
    public void stop(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(grace.toMillis() + 100);
        }
        for (CloudEvent left; (left = queue.poll()) != null; ) {
            failed.increment();
            LOG.errorf("Not published before shutdown: %s", json(left));
        }
    }

    private void run() {
        while (running) {
            try {
                CloudEvent event = queue.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    publish(event);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Publishes one event with retries; visible for tests. */
    void publish(CloudEvent event) throws InterruptedException {
        String last = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                retried.increment();
                sleeper.sleep(backoff.beforeRetry(attempt - 1));
            }
            int status;
            try {
                status = sender.send(event);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                status = 0;
                last = e.toString();
            }
            Outcome outcome = Outcome.of(status);
            if (outcome == Outcome.DELIVERED) {
                delivered.increment();
                return;
            }
            if (status != 0) {
                last = "HTTP " + status;
            }
            if (outcome == Outcome.REJECTED) {
                rejected.increment();
                LOG.errorf("Broker rejected event (%s), not retried: %s", last, json(event));
                return;
            }
            LOG.debugf("Publishing %s failed (attempt %d/%d): %s", event.getId(), attempt, maxAttempts, last);
        }
        failed.increment();
        LOG.errorf("Giving up on event after %d attempts (last: %s): %s", maxAttempts, last, json(event));
    }

    static String json(CloudEvent event) {
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        return new String(format.serialize(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    public long delivered() {
        return delivered.sum();
    }

    public long retried() {
        return retried.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public int pending() {
        return queue.size();
    }
}
