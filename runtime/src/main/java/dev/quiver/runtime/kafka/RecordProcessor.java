package dev.quiver.runtime.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.cloudevents.CloudEvent;

/**
 * Invokes the function for one record's event until it succeeds: retries failed invocations with exponential
 * backoff ({@code quiver.kafka.retries}, {@code backoff}, {@code max-backoff}); a poison answer (4xx) or the last
 * failed retry ends in a {@link TriggerFailure}, which dead-letters the record so the partition moves on.
 */
public final class RecordProcessor {

    /** One invocation's answer. */
    public record Answer(int status, String body) {
    }

    /** Calls the function once; throws when there was no answer. */
    public interface Invoker {
        Answer invoke(CloudEvent event) throws Exception;
    }

    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Invoker invoker;
    private final Sleeper sleeper;
    private final KafkaTriggerSettings settings;
    private final String function;
    private final LongAdder done = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    public RecordProcessor(Invoker invoker, Sleeper sleeper, KafkaTriggerSettings settings, String function) {
        this.invoker = invoker;
        this.sleeper = sleeper;
        this.settings = settings;
        this.function = function;
    }

    public void process(CloudEvent event) {
        String last = "";
        Throwable cause = null;
        int attempts = settings.retries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                retried.increment();
                sleep(settings.beforeRetry(attempt - 1));
            }
            Answer answer;
            try {
                answer = invoker.invoke(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted before function '" + function + "' answered", e);
            } catch (Exception e) {
                answer = new Answer(0, e.toString());
                cause = e;
            }
            Attempt outcome = Attempt.of(answer.status());
            if (outcome == Attempt.DONE) {
                done.increment();
                return;
            }
            last = (answer.status() == 0 ? "no answer" : "HTTP " + answer.status()) + ": " + excerpt(answer.body());
            if (outcome == Attempt.POISON) {
                throw failure("function '" + function + "' refused the event (" + last + ")", cause);
            }
        }
        throw failure("function '" + function + "' failed " + attempts + " time(s), last " + last, cause);
    }

    /** A record that could not even be read as an event. */
    public TriggerFailure unreadable(String reason, Throwable cause) {
        return failure("record is not a valid CloudEvent: " + reason, cause);
    }

    private TriggerFailure failure(String message, Throwable cause) {
        deadLettered.increment();
        return new TriggerFailure(message, cause);
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting to retry function '" + function + "'", e);
        }
    }

    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    public long done() {
        return done.sum();
    }

    public long retried() {
        return retried.sum();
    }

    public long deadLettered() {
        return deadLettered.sum();
    }
}
