package dev.quiver.sources.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.retry.RetrySchedule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishQueueTest {

    /** 4 attempts, 2 ms doubling up to 10 ms; the tests draw 0.5, which gives the scheduled delay exactly. */
    static final RetrySchedule SCHEDULE =
            RetrySchedule.exponential(3, Duration.ofMillis(2), Duration.ofMillis(10), 0.2);

    /** Answers with the scripted statuses (-1 = connection refused), then 202. */
    static final class ScriptedSender implements EventSender {
        final Deque<Integer> script;
        int calls;

        ScriptedSender(List<Integer> statuses) {
            script = new ArrayDeque<>(statuses);
        }

        @Override
        public int send(CloudEvent event) throws Exception {
            calls++;
            Integer next = script.poll();
            if (next != null && next == -1) {
                throw new java.net.ConnectException("Connection refused");
            }
            return next == null ? 202 : next;
        }
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("delivered at once", List.of(), 1, 1, 0, 0, 0),
                Arguments.of("broker down twice, then up", List.of(-1, 503), 3, 1, 2, 0, 0),
                Arguments.of("429 and 404 are retried", List.of(429, 404), 3, 1, 2, 0, 0),
                Arguments.of("down for every attempt: failed", List.of(-1, -1, -1, -1), 4, 0, 3, 1, 0),
                Arguments.of("400 is rejected, never retried", List.of(400), 1, 0, 0, 0, 1),
                Arguments.of("413 after a 500 is rejected", List.of(500, 413), 2, 0, 1, 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void retriesWithBackoffThenCountsTheOutcome(
            String label, List<Integer> statuses, int calls, long delivered, long retried, long failed, long rejected)
            throws Exception {
        ScriptedSender sender = new ScriptedSender(statuses);
        List<Duration> waits = new ArrayList<>();
        PublishQueue queue = new PublishQueue(sender, SCHEDULE, () -> 0.5, 10, waits::add);

        queue.publish(event("e1"));

        assertThat(sender.calls).isEqualTo(calls);
        assertThat(queue.delivered()).isEqualTo(delivered);
        assertThat(queue.retried()).isEqualTo(retried);
        assertThat(queue.failed()).isEqualTo(failed);
        assertThat(queue.rejected()).isEqualTo(rejected);
        assertThat(waits).hasSize((int) retried);
        if (retried >= 2) {
            assertThat(waits.subList(0, 2)).containsExactly(Duration.ofMillis(2), Duration.ofMillis(4));
        }
    }

    @Test
    void aFullQueueRefusesAndCountsTheEvent() {
        PublishQueue queue = new PublishQueue(new ScriptedSender(List.of()), SCHEDULE, () -> 0.5, 2);

        assertThat(queue.offer(event("a"))).isTrue();
        assertThat(queue.offer(event("b"))).isTrue();
        assertThat(queue.offer(event("c"))).isFalse();
        assertThat(queue.rejected()).isEqualTo(1);
        assertThat(queue.pending()).isEqualTo(2);
    }

    @Test
    void retriesWaitTheJitteredSchedule() throws Exception {
        List<Duration> waits = new ArrayList<>();
        double[] randoms = {0.0, 1.0, 0.5};
        int[] drawn = {0};
        PublishQueue queue = new PublishQueue(
                new ScriptedSender(List.of(503, 503, 503)),
                RetrySchedule.exponential(3, Duration.ofMillis(10), Duration.ofMillis(30), 0.5),
                () -> randoms[drawn[0]++],
                10,
                waits::add);

        queue.publish(event("e1"));

        assertThat(waits).containsExactly(Duration.ofMillis(15), Duration.ofMillis(10), Duration.ofMillis(30));
        assertThat(queue.delivered()).isEqualTo(1);
    }

    @Test
    void anInterruptedRetryIsCountedAsFailedAndStopsTheWorker() {
        PublishQueue queue = new PublishQueue(
                new ScriptedSender(List.of(503)),
                RetrySchedule.exponential(3, Duration.ofSeconds(30), Duration.ofSeconds(30), 0),
                () -> 0.5,
                10);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> queue.publish(event("e1"))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(queue.failed()).isEqualTo(1);
        assertThat(queue.delivered()).isZero();
    }

    static CloudEvent event(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/test"))
                .withType("t")
                .build();
    }
}
