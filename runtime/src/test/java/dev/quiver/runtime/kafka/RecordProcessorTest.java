package dev.quiver.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordProcessorTest {

    static final CloudEvent EVENT = CloudEventBuilder.v1()
            .withId("1")
            .withSource(URI.create("kafka://t"))
            .withType("t")
            .build();

    /** Backoff 10 ms doubling up to 25 ms, jitter 0.2 (the tests draw 0.5: the scheduled delay exactly). */
    static KafkaTriggerSettings settings(int retries) {
        return KafkaTriggerSettings.of(
                true,
                Optional.of("t"),
                "g",
                retries,
                Duration.ofMillis(10),
                Duration.ofMillis(25),
                0.2,
                Optional.empty(),
                Duration.ofSeconds(1));
    }

    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopWorkers() {
        WORKERS.shutdownNow();
    }

    static RecordProcessor processor(RecordProcessor.Invoker invoker, int retries, List<Duration> waits) {
        return new RecordProcessor(invoker, settings(retries).schedule(), () -> 0.5, "f", WORKERS, waits::add);
    }

    /** Runs the record to its end: returns when done, throws the TriggerFailure that would dead-letter it. */
    static void run(RecordProcessor processor) {
        try {
            processor.process(EVENT).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /** Scripted statuses; -1 = no answer (connection refused); 200 once the script is used up. */
    static RecordProcessor.Invoker scripted(List<Integer> statuses, int[] calls) {
        Deque<Integer> script = new ArrayDeque<>(statuses);
        return event -> {
            synchronized (calls) {
                calls[0]++;
            }
            Integer next = script.poll();
            if (next != null && next == -1) {
                return CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"));
            }
            return CompletableFuture.completedFuture(
                    new RecordProcessor.Answer(next == null ? 200 : next, next == null ? "" : "{\"error\":\"x\"}"));
        };
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("first call succeeds", List.of(), 1, null),
                Arguments.of("two failures, then success", List.of(500, -1), 3, null),
                Arguments.of("busy instance (503, 429) is waited for", List.of(503, 429), 3, null),
                Arguments.of(
                        "400 is poison at once",
                        List.of(400),
                        1,
                        "function 'f' refused the event (HTTP 400: {\"error\":\"x\"})"),
                Arguments.of("404 (no function takes it) is poison", List.of(404), 1, "HTTP 404"),
                Arguments.of(
                        "failing every time: dead-lettered after retries",
                        List.of(500, 500, 500, 500),
                        4,
                        "function 'f' failed 4 time(s), last HTTP 500: {\"error\":\"x\"}"),
                Arguments.of(
                        "no answer every time",
                        List.of(-1, -1, -1, -1),
                        4,
                        "last no answer: java.net.ConnectException: Connection refused"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void retriesThenDeadLetters(String label, List<Integer> statuses, int calls, String failure) {
        int[] count = {0};
        List<Duration> waits = new ArrayList<>();
        RecordProcessor processor = processor(scripted(statuses, count), 3, waits);

        if (failure == null) {
            run(processor);
            assertThat(processor.done()).isEqualTo(1);
            assertThat(processor.deadLettered()).isZero();
        } else {
            assertThatThrownBy(() -> run(processor))
                    .isInstanceOf(TriggerFailure.class)
                    .hasMessageContaining(failure);
            assertThat(processor.deadLettered()).isEqualTo(1);
        }
        assertThat(count[0]).isEqualTo(calls);
        assertThat(waits).hasSize(calls - 1);
        assertThat(processor.retried()).isEqualTo(calls - 1);
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        int[] count = {0};
        List<Duration> waits = new ArrayList<>();
        RecordProcessor processor = processor(scripted(List.of(500, 500, 500, 500), count), 3, waits);

        assertThatThrownBy(() -> run(processor)).isInstanceOf(TriggerFailure.class);
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    }

    @Test
    void backoffIsSpreadByTheJitter() {
        int[] count = {0};
        List<Duration> waits = new ArrayList<>();
        double[] randoms = {0.0, 1.0, 0.0};
        int[] drawn = {0};
        RecordProcessor processor = new RecordProcessor(
                scripted(List.of(500, 500, 500), count),
                settings(3).schedule(),
                () -> randoms[drawn[0]++],
                "f",
                WORKERS,
                waits::add);

        run(processor);
        assertThat(waits).containsExactly(Duration.ofMillis(12), Duration.ofMillis(16), Duration.ofMillis(25));
    }

    @Test
    void anInvokerThatThrowsCountsAsNoAnswer() {
        int[] count = {0};
        RecordProcessor processor = processor(
                event -> {
                    count[0]++;
                    throw new IllegalStateException("not ready");
                },
                1,
                new ArrayList<>());

        assertThatThrownBy(() -> run(processor))
                .isInstanceOf(TriggerFailure.class)
                .hasMessage(
                        "function 'f' failed 2 time(s), last no answer: java.lang.IllegalStateException: not ready");
        assertThat(count[0]).isEqualTo(2);
        assertThat(processor.deadLettered()).isEqualTo(1);
    }

    @Test
    void noThreadWaitsThroughABackoff() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            int[] count = {0};
            RecordProcessor slow = new RecordProcessor(
                    scripted(List.of(500), count),
                    KafkaTriggerSettings.of(
                                    true,
                                    Optional.of("t"),
                                    "g",
                                    1,
                                    Duration.ofSeconds(30),
                                    Duration.ofSeconds(30),
                                    0,
                                    Optional.empty(),
                                    Duration.ofSeconds(1))
                            .schedule(),
                    () -> 0.5,
                    "f",
                    one);
            CompletableFuture<Void> waiting = slow.process(EVENT);
            // the one worker thread is free during the 30 s backoff: another record runs on it meanwhile
            RecordProcessor other = new RecordProcessor(
                    scripted(List.of(), new int[1]), settings(0).schedule(), () -> 0.5, "f", one);
            other.process(EVENT).get(20, TimeUnit.SECONDS);
            assertThat(other.done()).isEqualTo(1);
            assertThat(waiting).isNotDone();
            assertThat(count[0]).isEqualTo(1);
            waiting.cancel(true);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aStoppedTriggerNeitherFinishesNorDeadLettersTheRecord() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        RecordProcessor processor =
                new RecordProcessor(scripted(List.of(), new int[1]), settings(3).schedule(), () -> 0.5, "f", stopped);

        assertThatThrownBy(() -> run(processor)).isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(processor.deadLettered()).isZero();
        assertThat(processor.done()).isZero();
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        int[] count = {0};
        RecordProcessor processor = processor(scripted(List.of(500), count), 0, new ArrayList<>());
        assertThatThrownBy(() -> run(processor)).hasMessageContaining("failed 1 time(s)");
        assertThat(count[0]).isEqualTo(1);
    }

    static Stream<Arguments> interrupts() {
        return Stream.of(
                Arguments.of(
                        "the invocation's stage fails with InterruptedException", failing(new InterruptedException())),
                Arguments.of(
                        "wrapped in a CompletionException",
                        failing(new CompletionException(new InterruptedException("sleep interrupted")))),
                Arguments.of(
                        "waiting for the instance to be ready was interrupted", (RecordProcessor.Invoker) event -> {
                            throw new IllegalStateException(
                                    "interrupted while waiting for the instance to be ready",
                                    new InterruptedException());
                        }),
                Arguments.of(
                        "a channel closed by the interrupt",
                        failing(new java.io.UncheckedIOException(new java.nio.channels.ClosedByInterruptException()))),
                Arguments.of("blocking I/O interrupted", failing(new java.io.InterruptedIOException())),
                Arguments.of(
                        "the in-process invoker's RecordInterrupted",
                        failing(RecordInterrupted.of(new InterruptedException()).orElseThrow())));
    }

    static RecordProcessor.Invoker failing(Throwable failure) {
        return event -> CompletableFuture.failedFuture(failure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interrupts")
    void anInterruptIsNeverAFailureOfTheRecord(String label, RecordProcessor.Invoker interrupted) {
        int[] count = {0};
        List<Duration> waits = new ArrayList<>();
        RecordProcessor processor = processor(
                event -> {
                    count[0]++;
                    return interrupted.invoke(event);
                },
                3,
                waits);

        // not a TriggerFailure: KafkaTrigger neither acknowledges nor dead-letters it, so it is delivered again
        assertThatThrownBy(() -> run(processor)).isInstanceOf(RecordInterrupted.class);
        assertThat(processor.deadLettered()).isZero();
        assertThat(processor.done()).isZero();
        assertThat(count[0]).as("no retry spent on an interrupt").isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aTimeoutIsStillAFailureNotAnInterrupt() {
        RecordProcessor processor =
                processor(failing(new java.net.SocketTimeoutException("read timed out")), 0, new ArrayList<>());

        assertThatThrownBy(() -> run(processor))
                .isInstanceOf(TriggerFailure.class)
                .hasMessageContaining("SocketTimeoutException");
        assertThat(processor.deadLettered()).isEqualTo(1);
    }
}
