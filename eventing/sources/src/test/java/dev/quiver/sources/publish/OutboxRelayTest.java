package dev.quiver.sources.publish;

import static dev.quiver.sources.publish.ScriptedSender.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.retry.RetrySchedule;
import dev.quiver.sources.publish.outbox.OutboxLog;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutboxRelayTest {

    /** 3 attempts between WARNs, 2 ms doubling up to 10 ms; the tests draw 0.5, the scheduled delay exactly. */
    static final RetrySchedule SCHEDULE =
            RetrySchedule.exponential(2, Duration.ofMillis(2), Duration.ofMillis(10), 0.2);

    @TempDir
    Path dir;

    OutboxLog outbox;

    @BeforeEach
    void open() throws IOException {
        outbox = OutboxLog.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        outbox.close();
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("broker up", List.of(), 1, 0, 1, 0),
                Arguments.of("down twice, then up", List.of(-1, 503), 3, 2, 1, 0),
                Arguments.of(
                        "down for longer than the schedule's attempts: retried on, never dropped",
                        List.of(-1, -1, -1, -1, -1, -1, 503),
                        8,
                        7,
                        1,
                        0),
                Arguments.of("refused (400): removed after an ERROR, not retried", List.of(400), 1, 0, 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theHeadIsSentUntilTheBrokerAnswersForItThenRemoved(
            String label, List<Integer> statuses, int calls, int retried, long replayed, long rejected)
            throws Exception {
        ScriptedSender sender = new ScriptedSender(statuses);
        List<Duration> waits = new ArrayList<>();
        OutboxRelay relay = new OutboxRelay(outbox, sender, SCHEDULE, () -> 0.5, waits::add);
        outbox.append(EventJson.bytes(event("e1")));

        assertThat(relay.replayHead()).isTrue();

        assertThat(sender.sent)
                .hasSize(calls)
                .allSatisfy(e -> assertThat(e.getId()).isEqualTo("e1"));
        assertThat(relay.retried()).isEqualTo(retried);
        assertThat(relay.replayed()).isEqualTo(replayed);
        assertThat(relay.rejected()).isEqualTo(rejected);
        assertThat(outbox.isEmpty()).isTrue();
        assertThat(waits).hasSize(retried);
        if (retried >= 4) {
            assertThat(waits.subList(0, 4))
                    .containsExactly(
                            Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(8), Duration.ofMillis(10));
        }
    }

    @Test
    void eventsAreReplayedOldestFirstWithTheirIds() throws Exception {
        ScriptedSender sender = new ScriptedSender(List.of(-1, 503));
        OutboxRelay relay = new OutboxRelay(outbox, sender, SCHEDULE, () -> 0.5);
        for (String id : List.of("a", "b", "c")) {
            outbox.append(EventJson.bytes(event(id)));
        }

        while (relay.replayHead()) {
            // until empty
        }

        assertThat(sender.accepted).extracting(CloudEvent::getId).containsExactly("a", "b", "c");
        assertThat(sender.accepted)
                .extracting(ScriptedSender::essence)
                .containsExactly(
                        ScriptedSender.essence(event("a")),
                        ScriptedSender.essence(event("b")),
                        ScriptedSender.essence(event("c")));
        assertThat(relay.replayHead()).isFalse();
    }

    @Test
    void aStoppedRelayLeavesUndeliveredEventsInTheOutbox() throws Exception {
        ScriptedSender sender = new ScriptedSender(java.util.Collections.nCopies(10_000, -1));
        OutboxRelay relay = new OutboxRelay(outbox, sender, SCHEDULE, () -> 0.5);
        outbox.append(EventJson.bytes(event("kept")));
        relay.start();
        relay.stop(Duration.ofMillis(50));

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(EventJson.event(outbox.head().orElseThrow()).getId()).isEqualTo("kept");
    }
}
