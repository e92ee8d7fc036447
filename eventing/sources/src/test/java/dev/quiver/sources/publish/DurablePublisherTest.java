package dev.quiver.sources.publish;

import static dev.quiver.sources.publish.ScriptedSender.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.sources.publish.DurablePublisher.Ack;
import dev.quiver.sources.publish.outbox.OutboxLog;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DurablePublisherTest {

    @TempDir
    Path dir;

    OutboxLog outbox;
    final AtomicInteger wakes = new AtomicInteger();

    @AfterEach
    void close() throws IOException {
        if (outbox != null) {
            outbox.close();
        }
    }

    DurablePublisher publisher(ScriptedSender sender, long maxEvents, long maxBytes) throws IOException {
        outbox = OutboxLog.open(dir);
        return new DurablePublisher(
                sender, outbox, new DurablePublisher.Limits(maxEvents, maxBytes), wakes::incrementAndGet);
    }

    static Stream<Arguments> firstAnswers() {
        return Stream.of(
                Arguments.of("202: the broker has it, nothing written", List.of(202), Ack.BROKER, 0),
                Arguments.of("connection refused: outboxed", List.of(-1), Ack.OUTBOX, 1),
                Arguments.of("503: outboxed", List.of(503), Ack.OUTBOX, 1),
                Arguments.of("404 (no broker yet): outboxed", List.of(404), Ack.OUTBOX, 1),
                Arguments.of("429: outboxed", List.of(429), Ack.OUTBOX, 1),
                Arguments.of("400: refused for good, not outboxed", List.of(400), Ack.REJECTED, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstAnswers")
    void anEventIsDurableWhenTheBrokerTookItOrTheOutboxHasIt(String label, List<Integer> answers, Ack ack, int inOutbox)
            throws IOException {
        ScriptedSender sender = new ScriptedSender(answers);
        DurablePublisher publisher = publisher(sender, 10, 1 << 20);

        assertThat(publisher.publish(event("e1"))).isEqualTo(ack);

        assertThat(sender.sent).hasSize(1);
        assertThat(outbox.size()).isEqualTo(inOutbox);
        assertThat(wakes.get()).isEqualTo(inOutbox);
        if (inOutbox == 1) {
            CloudEvent stored = EventJson.event(outbox.head().orElseThrow());
            assertThat(ScriptedSender.essence(stored)).isEqualTo(ScriptedSender.essence(event("e1")));
        }
    }

    @Test
    void whileTheOutboxHoldsEventsNewOnesQueueBehindWithoutTryingTheBroker() throws IOException {
        ScriptedSender sender = new ScriptedSender(List.of(-1));
        DurablePublisher publisher = publisher(sender, 10, 1 << 20);

        publisher.publish(event("e1"));
        assertThat(publisher.publish(event("e2"))).isEqualTo(Ack.OUTBOX);
        assertThat(publisher.publish(event("e3"))).isEqualTo(Ack.OUTBOX);

        assertThat(sender.sent).extracting(CloudEvent::getId).containsExactly("e1");
        assertThat(outbox.size()).isEqualTo(3);
        outbox.removeHead();
        assertThat(EventJson.event(outbox.head().orElseThrow()).getId()).isEqualTo("e2");
    }

    @Test
    void onceTheOutboxIsDrainedEventsGoToTheBrokerDirectlyAgain() throws IOException {
        ScriptedSender sender = new ScriptedSender(List.of(503));
        DurablePublisher publisher = publisher(sender, 10, 1 << 20);
        publisher.publish(event("e1"));
        outbox.removeHead();

        assertThat(publisher.publish(event("e2"))).isEqualTo(Ack.BROKER);
        assertThat(outbox.isEmpty()).isTrue();
    }

    static Stream<Arguments> caps() {
        int one = EventJson.bytes(event("e0")).length;
        return Stream.of(
                Arguments.of("below both caps", 3, 10L * one, 2, false),
                Arguments.of("at max-events", 2, 10L * one, 2, true),
                Arguments.of("at max-bytes", 10, 2L * one, 2, true),
                Arguments.of("empty outbox, smallest caps", 1, 1024, 0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caps")
    void theOutboxIsFullAtEitherCap(String label, long maxEvents, long maxBytes, int outboxed, boolean full)
            throws IOException {
        ScriptedSender sender = new ScriptedSender(List.of(-1));
        DurablePublisher publisher = publisher(sender, maxEvents, maxBytes);
        for (int i = 0; i < outboxed; i++) {
            publisher.publish(event("e" + i));
        }
        assertThat(outbox.size()).isEqualTo(outboxed);
        assertThat(publisher.full()).isEqualTo(full);
    }
}
