package dev.quiver.sources.publish;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.sources.publish.outbox.OutboxLog;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * Replays the {@link OutboxLog} to the broker, oldest first, one at a time (so the order of the log is the order the
 * broker sees), from start-up on. The head event is sent until the broker takes it: the waits between attempts are
 * the shared {@link RetrySchedule}'s (exponential, capped, with jitter, run by Failsafe), without a last attempt;
 * every {@code maxAttempts} failed attempts a WARN says the broker is still unreachable. Only the broker's 2xx
 * removes the event from the log; a refusal (4xx) removes it too, after an ERROR line carrying the whole event.
 * The event is sent as stored, with its id, however often it is replayed.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** One attempt's answer: the HTTP status, or 0 and the error when there was no answer. */
    private record Sent(int status, String error) {
        Outcome outcome() {
            return Outcome.of(status);
        }

        String describe() {
            return status == 0 ? error : "HTTP " + status;
        }
    }

    private final OutboxLog outbox;
    private final EventSender sender;
    private final FailsafeExecutor<Sent> retries;
    private final Semaphore appended = new Semaphore(0);
    private final LongAdder replayed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private volatile boolean running = true;
    private Thread worker;

    public OutboxRelay(OutboxLog outbox, EventSender sender, RetrySchedule schedule, DoubleSupplier random) {
        this(outbox, sender, schedule, random, wait -> {});
    }

    /** @param retryScheduled told each wait before a retry (tests) */
    OutboxRelay(
            OutboxLog outbox,
            EventSender sender,
            RetrySchedule schedule,
            DoubleSupplier random,
            Consumer<Duration> retryScheduled) {
        this.outbox = outbox;
        this.sender = sender;
        int warnEvery = schedule.maxAttempts();
        RetryPolicy<Sent> policy = schedule.<Sent>policy(random)
                .withMaxRetries(-1)
                .handleResultIf(sent -> sent.outcome() == Outcome.RETRY)
                .abortOn(InterruptedException.class)
                .onFailedAttempt(e -> {
                    String last = e.getLastResult() == null
                            ? String.valueOf(e.getLastException())
                            : e.getLastResult().describe();
                    if (e.getAttemptCount() % warnEvery == 0) {
                        LOG.warnf(
                                "Broker still unreachable after %d attempts (last: %s); %d events wait in the outbox",
                                e.getAttemptCount(), last, outbox.size());
                    } else {
                        LOG.debugf("Replay failed (attempt %d): %s", e.getAttemptCount(), last);
                    }
                })
                .onRetryScheduled(e -> {
                    retried.increment();
                    retryScheduled.accept(e.getDelay());
                })
                .build();
        this.retries = Failsafe.with(policy);
    }

    public synchronized void start() {
        worker = new Thread(this::run, "quiver-sources-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Something was appended: replay it without waiting for the next poll. */
    public void wake() {
        appended.release();
    }

    /** Gives the relay {@code grace} to empty the outbox, then stops; what is left stays in the outbox for the next start. */
    public void stop(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!outbox.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(grace.toMillis() + 1000);
        }
        if (!outbox.isEmpty()) {
            LOG.infof("%d events stay in the outbox %s, replayed at the next start", outbox.size(), outbox.dir());
        }
    }

    private void run() {
        while (running) {
            try {
                if (!replayHead()) {
                    appended.tryAcquire(500, TimeUnit.MILLISECONDS);
                    appended.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                LOG.errorf(e, "Outbox replay failed; trying again in 1 s");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Sends the oldest event until the broker answers for it; false when the outbox is empty. Visible for tests. */
    boolean replayHead() throws InterruptedException, IOException {
        Optional<byte[]> head = outbox.head();
        if (head.isEmpty()) {
            return false;
        }
        CloudEvent event = EventJson.event(head.get());
        Sent last;
        try {
            last = retries.get(() -> send(event));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e;
        }
        if (last.outcome() == Outcome.REJECTED) {
            rejected.increment();
            LOG.errorf("Broker rejected event (%s), not retried: %s", last.describe(), EventJson.text(event));
        } else {
            replayed.increment();
        }
        outbox.removeHead();
        return true;
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

    public long replayed() {
        return replayed.sum();
    }

    public long retried() {
        return retried.sum();
    }

    public long rejected() {
        return rejected.sum();
    }
}
