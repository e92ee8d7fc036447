package dev.quiver.sources.publish;

import dev.quiver.sources.publish.outbox.OutboxLog;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * Makes an event durable before its cause is acknowledged: {@link #publish} returns once the broker accepted the
 * event (2xx) or it was appended and fsynced to the {@link OutboxLog}, which the {@link OutboxRelay} replays.
 * <p>
 * The happy path waits for no fsync: while the outbox is empty the event is POSTed to the broker at once with a
 * short deadline; only when that fails (no answer in time, 5xx, 404, 408, 429) is it appended. While anything is
 * in the outbox, new events are appended behind it without trying the broker, so no event overtakes an earlier one
 * (a put and the delete that follows it reach the broker in that order). A direct attempt that timed out may still
 * have reached the broker: the outbox then sends it again with the same id (at-least-once; dedup by id).
 */
public final class DurablePublisher {

    private static final Logger LOG = Logger.getLogger(DurablePublisher.class);

    /** How an event was made durable. */
    public enum Ack {
        /** The broker accepted it directly. */
        BROKER,
        /** It is in the outbox, to be replayed. */
        OUTBOX,
        /** The broker refused it (4xx other than 404, 408, 429): logged at ERROR with the whole event, not retried. */
        REJECTED
    }

    /** The outbox's caps; past either, new writes are refused ({@link #full()}). */
    public record Limits(long maxEvents, long maxBytes) {}

    private final EventSender direct;
    private final OutboxLog outbox;
    private final Limits limits;
    private final Runnable appended;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder outboxed = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /**
     * @param direct   sends with the short deadline of the direct attempt
     * @param appended told after each append (wakes the relay)
     */
    public DurablePublisher(EventSender direct, OutboxLog outbox, Limits limits, Runnable appended) {
        this.direct = direct;
        this.outbox = outbox;
        this.limits = limits;
        this.appended = appended;
    }

    /** True when the outbox is at a cap: callers refuse new writes (S3 SlowDown, webhook 503) before doing them. */
    public boolean full() {
        return outbox.size() >= limits.maxEvents() || outbox.bytes() >= limits.maxBytes();
    }

    /**
     * Returns when the event is durable. Does not check the cap: the caller did, before the write this event
     * reports (a few concurrent writes may pass the cap by as many events).
     *
     * @throws IOException the outbox could not be written (the caller must fail its request)
     */
    public Ack publish(CloudEvent event) throws IOException {
        if (outbox.isEmpty()) {
            Outcome outcome = Outcome.of(attempt(event));
            if (outcome == Outcome.DELIVERED) {
                delivered.increment();
                return Ack.BROKER;
            }
            if (outcome == Outcome.REJECTED) {
                rejected.increment();
                LOG.errorf("Broker rejected event, not retried: %s", EventJson.text(event));
                return Ack.REJECTED;
            }
        }
        outbox.append(EventJson.bytes(event));
        outboxed.increment();
        appended.run();
        return Ack.OUTBOX;
    }

    private int attempt(CloudEvent event) {
        try {
            return direct.send(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            LOG.debugf("Broker not reached directly (%s): event %s goes to the outbox", e, event.getId());
            return 0;
        }
    }

    public long delivered() {
        return delivered.sum();
    }

    public long outboxed() {
        return outboxed.sum();
    }

    public long rejected() {
        return rejected.sum();
    }
}
