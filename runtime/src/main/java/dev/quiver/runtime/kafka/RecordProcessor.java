package dev.quiver.runtime.kafka;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.quiver.api.retry.RetrySchedule;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Invokes the function for one record's event until it succeeds: retries failed invocations per the
 * {@link RetrySchedule} ({@code quiver.kafka.retries}, {@code backoff}, {@code max-backoff}, {@code backoff-jitter}),
 * run by Failsafe asynchronously on the trigger's worker pool (no thread sleeps through a backoff; the record's lane
 * waits, which keeps its key's or partition's offset order); a poison answer (4xx) or the last failed retry ends in a
 * {@link TriggerFailure}, which dead-letters the record so its lane moves on.
 */
public final class RecordProcessor {

    /** One invocation's answer: an HTTP status (or the in-process equivalent) and a body or reason. */
    public record Answer(int status, String body) {}

    /** Calls the function once; the stage fails when there was no answer. */
    public interface Invoker {
        CompletionStage<Answer> invoke(CloudEvent event);
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

    /**
     * @param random the jitter's random numbers in [0, 1)
     * @param workers where invocations and retries run
     */
    public RecordProcessor(
            Invoker invoker, RetrySchedule schedule, DoubleSupplier random, String function, ExecutorService workers) {
        this(invoker, schedule, random, function, workers, wait -> {});
    }

    /** @param retryScheduled told each wait before a retry (tests) */
    RecordProcessor(
            Invoker invoker,
            RetrySchedule schedule,
            DoubleSupplier random,
            String function,
            ExecutorService workers,
            Consumer<Duration> retryScheduled) {
        this.invoker = invoker;
        this.function = function;
        this.maxAttempts = schedule.maxAttempts();
        RetryPolicy<Tried> policy = schedule.<Tried>policy(random)
                .handleResultIf(tried -> tried.outcome() == Attempt.RETRY)
                .abortOn(TriggerFailure.class, RecordInterrupted.class)
                .onRetryScheduled(e -> {
                    retried.increment();
                    retryScheduled.accept(e.getDelay());
                })
                .build();
        this.retries = Failsafe.with(policy).with(workers);
    }

    /**
     * @return completes when the function took the event (counted as done); fails with a {@link TriggerFailure}
     *         when the record must be dead-lettered (counted as dead-lettered), or with a
     *         {@link RejectedExecutionException} when the workers are shut down, or with a {@link RecordInterrupted}
     *         when an invocation was interrupted (either way the record must not be acknowledged)
     */
    public CompletableFuture<Void> process(CloudEvent event) {
        return retries.getStageAsync(() -> invoke(event)).handle((last, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof RejectedExecutionException stopped) {
                    // the trigger is stopping: not the record's fault, it stays uncommitted and comes again
                    throw stopped;
                }
                Optional<RecordInterrupted> interrupted = RecordInterrupted.of(cause);
                if (interrupted.isPresent()) {
                    // an interrupt is never a failure of the record: not retried, not dead-lettered, not committed
                    throw interrupted.get();
                }
                throw cause instanceof TriggerFailure f
                        ? f
                        : failure("function '" + function + "' could not be invoked: " + cause, cause);
            }
            switch (last.outcome()) {
                case DONE -> done.increment();
                case POISON ->
                    throw failure(
                            "function '" + function + "' refused the event (" + last.describe() + ")", last.cause());
                case RETRY ->
                    throw failure(
                            "function '" + function + "' failed " + maxAttempts + " time(s), last " + last.describe(),
                            last.cause());
            }
            return null;
        });
    }

    private CompletionStage<Tried> invoke(CloudEvent event) {
        try {
            return invoker.invoke(event).handle((answer, e) -> {
                if (e == null) {
                    return new Tried(answer, null);
                }
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                Optional<RecordInterrupted> interrupted = RecordInterrupted.of(cause);
                if (interrupted.isPresent()) {
                    throw interrupted.get();
                }
                return new Tried(new Answer(0, cause.toString()), cause);
            });
        } catch (RuntimeException e) {
            Optional<RecordInterrupted> interrupted = RecordInterrupted.of(e);
            if (interrupted.isPresent()) {
                return CompletableFuture.failedFuture(interrupted.get());
            }
            return CompletableFuture.completedFuture(new Tried(new Answer(0, e.toString()), e));
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
