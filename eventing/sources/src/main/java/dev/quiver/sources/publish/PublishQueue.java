package dev.quiver.sources.publish;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.quiver.api.retry.RetrySchedule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * Hands events to the broker one at a time, in the order they were offered (a put and the delete that follows it
 * reach the broker in that order). A failed attempt is retried per the {@link RetrySchedule} (exponential, capped,
 * with jitter), run by Failsafe on this queue's one worker thread (its waits hold back the events behind, which is
 * what keeps the order); then, or when the broker refuses the event (4xx), it is logged at ERROR with the whole
 * event as structured JSON (so it can be re-sent by hand) and counted as failed or rejected. Nothing is dropped
 * without a log line.
 */
public final class PublishQueue {

    private static final Logger LOG = Logger.getLogger(PublishQueue.class);

    /** One attempt's answer: the HTTP status, or 0 and the error when there was no answer. */
    private record Sent(int status, String error) {
        Outcome outcome() {
            return Outcome.of(status);
        }

        String describe() {
            return status == 0 ? error : "HTTP " + status;
        }
    }

    private final BlockingQueue<CloudEvent> queue;
    private final EventSender sender;
    private final int maxAttempts;
    private final FailsafeExecutor<Sent> retries;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile boolean running = true;
    private Thread worker;

    /** @param random the jitter's random numbers in [0, 1) */
    public PublishQueue(EventSender sender, RetrySchedule schedule, DoubleSupplier random, int capacity) {
        this(sender, schedule, random, capacity, wait -> {});
    }

    /** @param retryScheduled told each wait before a retry (tests) */
    PublishQueue(
            EventSender sender,
            RetrySchedule schedule,
            DoubleSupplier random,
            int capacity,
            Consumer<Duration> retryScheduled) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.sender = sender;
        this.maxAttempts = schedule.maxAttempts();
        RetryPolicy<Sent> policy = schedule.<Sent>policy(random)
                .handleResultIf(sent -> sent.outcome() == Outcome.RETRY)
                .abortOn(InterruptedException.class)
                .onFailedAttempt(e -> LOG.debugf(
                        "Publishing failed (attempt %d/%d): %s",
                        e.getAttemptCount(),
                        maxAttempts,
                        e.getLastResult() == null
                                ? e.getLastException()
                                : e.getLastResult().describe()))
                .onRetryScheduled(e -> {
                    retried.increment();
                    retryScheduled.accept(e.getDelay());
                })
                .build();
        this.retries = Failsafe.with(policy);
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
        Sent last;
        try {
            last = retries.get(() -> send(event));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                failed.increment();
                LOG.errorf("Not published before shutdown: %s", json(event));
                throw interrupted;
            }
            throw e;
        }
        switch (last.outcome()) {
            case DELIVERED -> delivered.increment();
            case REJECTED -> {
                rejected.increment();
                LOG.errorf("Broker rejected event (%s), not retried: %s", last.describe(), json(event));
            }
            case RETRY -> {
                failed.increment();
                LOG.errorf(
                        "Giving up on event after %d attempts (last: %s): %s",
                        maxAttempts, last.describe(), json(event));
            }
        }
    }

    private Sent send(CloudEvent event) throws InterruptedException {
        try {
            return new Sent(sender.send(event), "");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Sent(0, e.toString());
        }
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
