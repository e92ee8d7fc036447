package dev.quiver.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

class RecordProcessorTest {

    static final CloudEvent EVENT = CloudEventBuilder.v1().withId("1").withSource(URI.create("kafka://t"))
            .withType("t").build();

    /** Backoff 10 ms doubling up to 25 ms, jitter 0.2 (the tests draw 0.5: the scheduled delay exactly). */
    static KafkaTriggerSettings settings(int retries) {
        return KafkaTriggerSettings.of(true, Optional.of("t"), "g", retries, Duration.ofMillis(10),
                Duration.ofMillis(25), 0.2, Optional.empty(), Duration.ofSeconds(1));
    }

    static RecordProcessor processor(RecordProcessor.Invoker invoker, int retries, List<Duration> waits) {
        return new RecordProcessor(invoker, settings(retries).schedule(), () -> 0.5, "f", waits::add);
    }

    /** Scripted statuses; -1 = no answer (connection refused); 200 once the script is used up. */
    static RecordProcessor.Invoker scripted(List<Integer> statuses, int[] calls) {
        Deque<Integer> script = new ArrayDeque<>(statuses);
        return event -> {
            calls[0]++;
            Integer next = script.poll();
            if (next != null && next == -1) {
                throw new java.net.ConnectException("Connection refused");
            }
            return new RecordProcessor.Answer(next == null ? 200 : next, next == null ? "" : "{\"error\":\"x\"}");
        };
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("first call succeeds", List.of(), 1, null),
                Arguments.of("two failures, then success", List.of(500, -1), 3, null),
                Arguments.of("busy instance (503, 429) is waited for", List.of(503, 429), 3, null),
                Arguments.of("400 is poison at once", List.of(400), 1,
                        "function 'f' refused the event (HTTP 400: {\"error\":\"x\"})"),
                Arguments.of("404 (no function takes it) is poison", List.of(404), 1, "HTTP 404"),
                Arguments.of("failing every time: dead-lettered after retries", List.of(500, 500, 500, 500), 4,
                        "function 'f' failed 4 time(s), last HTTP 500: {\"error\":\"x\"}"),
                Arguments.of("no answer every time", List.of(-1, -1, -1, -1), 4,
                        "last no answer: java.net.ConnectException: Connection refused"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void retriesThenDeadLetters(String label, List<Integer> statuses, int calls, String failure) {
        int[] count = {0};
        List<Duration> waits = new ArrayList<>();
        RecordProcessor processor = processor(scripted(statuses, count), 3, waits);

        if (failure == null) {
            processor.process(EVENT);
            assertThat(processor.done()).isEqualTo(1);
            assertThat(processor.deadLettered()).isZero();
        } else {
            assertThatThrownBy(() -> processor.process(EVENT)).isInstanceOf(TriggerFailure.class)
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

        assertThatThrownBy(() -> processor.process(EVENT)).isInstanceOf(TriggerFailure.class);
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    }

    @Test
    void backoffIsSpreadByTheJitter() {
        int[] count = {0};
        List<Duration> waits = new ArrayList<>();
        double[] randoms = {0.0, 1.0, 0.0};
        int[] drawn = {0};
        RecordProcessor processor = new RecordProcessor(scripted(List.of(500, 500, 500), count),
                settings(3).schedule(), () -> randoms[drawn[0]++], "f", waits::add);

        processor.process(EVENT);
        assertThat(waits).containsExactly(Duration.ofMillis(12), Duration.ofMillis(16), Duration.ofMillis(25));
    }

    @Test
    void anInterruptedWaitDeadLettersTheRecordAndKeepsTheInterrupt() {
        int[] count = {0};
        RecordProcessor processor = new RecordProcessor(scripted(List.of(500), count),
                KafkaTriggerSettings.of(true, Optional.of("t"), "g", 3, Duration.ofSeconds(30), Duration.ofSeconds(30),
                        0, Optional.empty(), Duration.ofSeconds(1)).schedule(), () -> 0.5, "f");
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> processor.process(EVENT)).isInstanceOf(TriggerFailure.class)
                .hasMessage("interrupted while waiting to retry function 'f'");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(processor.deadLettered()).isEqualTo(1);
        assertThat(count[0]).isEqualTo(1);
    }

    @Test
    void anInterruptedInvocationIsNotRetried() {
        RecordProcessor processor = processor(event -> {
            throw new InterruptedException();
        }, 3, new ArrayList<>());

        assertThatThrownBy(() -> processor.process(EVENT)).isInstanceOf(TriggerFailure.class)
                .hasMessage("interrupted before function 'f' answered");
        assertThat(Thread.interrupted()).isTrue();
        assertThat(processor.retried()).isZero();
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        int[] count = {0};
        RecordProcessor processor = processor(scripted(List.of(500), count), 0, new ArrayList<>());
        assertThatThrownBy(() -> processor.process(EVENT)).hasMessageContaining("failed 1 time(s)");
        assertThat(count[0]).isEqualTo(1);
    }
}
