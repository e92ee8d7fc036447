package dev.quiver.runtime.kafka;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.quiver.api.retry.RetrySchedule;
import io.cloudevents.CloudEvent;

/**
 * Invokes the function for one record's event until it succeeds: retries failed invocations per the
 * {@link RetrySchedule} ({@code quiver.kafka.retries}, {@code backoff}, {@code max-backoff}, {@code backoff-jitter}),
 * run by Failsafe on the consumer's worker thread (the record's partition waits, which keeps offset order); a poison
 * answer (4xx) or the last failed retry ends in a {@link TriggerFailure}, which dead-letters the record so the
 * partition moves on.
 */
public final class RecordProcessor {

    /** One invocation's answer. */
    public record Answer(int status, String body) {
    }

    /** Calls the function once; throws when there was no answer. */
    public interface Invoker {
        Answer invoke(CloudEvent event) throws Exception;
    }

    /** One invocation: its answer (status 0 when there was none) and the exception that stood for it. */
    private record Tried(Answer answer, Throwable cause) {
        Attempt outcome() {
            return Attempt.of(answer.status());
        }

        String describe() {
            return (answer.status() == 0 ? "no answer" : "HTTP " + answer.status()) + ": " + excerpt(answer.body());
        }
    }

    private final Invoker invoker;
    private final String function;
    private final int maxAttempts;
    private final FailsafeExecutor<Tried> retries;
    private final LongAdder done = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();

    /** @param random the jitter's random numbers in [0, 1) */
    public RecordProcessor(Invoker invoker, RetrySchedule schedule, DoubleSupplier random, String function) {
        this(invoker, schedule, random, function, wait -> { });
    }

    /** @param retryScheduled told each wait before a retry (tests) */
    RecordProcessor(Invoker invoker, RetrySchedule schedule, DoubleSupplier random, String function,
            Consumer<Duration> retryScheduled) {
        this.invoker = invoker;
        this.function = function;
        this.maxAttempts = schedule.maxAttempts();
        RetryPolicy<Tried> policy = schedule.<Tried>policy(random)
                .handleResultIf(tried -> tried.outcome() == Attempt.RETRY)
                .abortOn(TriggerFailure.class)
                .onRetryScheduled(e -> {
                    retried.increment();
                    retryScheduled.accept(e.getDelay());
                })
                .build();
        this.retries = Failsafe.with(policy);
    }

    public void process(CloudEvent event) {
        Tried last;
        try {
            last = retries.get(() -> invoke(event));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                // Failsafe has set the thread's interrupt flag again
                throw failure("interrupted while waiting to retry function '" + function + "'", e.getCause());
            }
            throw e;
        }
        switch (last.outcome()) {
            case DONE -> done.increment();
            case POISON -> throw failure("function '" + function + "' refused the event (" + last.describe() + ")",
                    last.cause());
            case RETRY -> throw failure("function '" + function + "' failed " + maxAttempts + " time(s), last "
                    + last.describe(), last.cause());
        }
    }

    private Tried invoke(CloudEvent event) {
        try {
            return new Tried(invoker.invoke(event), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted before function '" + function + "' answered", e);
        } catch (Exception e) {
            return new Tried(new Answer(0, e.toString()), e);
        }
    }

    /** A record that could not even be read as an event. */
    public TriggerFailure unreadable(String reason, Throwable cause) {
        return failure("record is not a valid CloudEvent: " + reason, cause);
    }

    private TriggerFailure failure(String message, Throwable cause) {
        deadLettered.increment();
        return new TriggerFailure(message, cause);
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
