package dev.quiver.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading what the platform's processes print: supervisor progress lines, Prometheus counters, S3 paths. */
class PlatformOutputTest {
    static Stream<Arguments> logLines() {
        return Stream.of(
                Arguments.of(
                        "the platform's format",
                        "04:06:32.540 INFO  [Supervisor] kafka ready (5699 ms)",
                        Optional.of("kafka ready (5699 ms)")),
                Arguments.of(
                        "Quarkus' default format",
                        "2026-11-28 04:06:32,540 INFO  [dev.qui.loc.sup.Supervisor] " + "(main) broker ready (3781 ms)",
                        Optional.of("broker ready (3781 ms)")),
                Arguments.of("another logger", "04:07:06.147 INFO  [Applier] hello: desired 0", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logLines")
    void supervisorLines(String label, String line, Optional<String> want) {
        assertThat(LogFollower.supervisorLine(line)).isEqualTo(want);
    }

    @Test
    void aCounterIsReadByItsNameAndLabels() {
        String text = """
                # TYPE quiver_trigger_events_total counter
                quiver_trigger_events_total{result="delivered",trigger="fn-hello-events"} 3.0
                quiver_trigger_events_total{result="delivered",trigger="fn-hello-events-2"} 7.0
                """;

        assertThat(Broker.metric(text, "quiver_trigger_events_total{result=\"delivered\",trigger=\"fn-hello-events\"}"))
                .contains(3L);
        assertThat(Broker.metric(text, "quiver_ingress_events_total{broker=\"default\"}"))
                .isEmpty();
    }

    @Test
    void objectKeysAreEncodedForTheSignature() {
        assertThat(ObjectStore.encodePath("/photos/images/my demo+1.png"))
                .isEqualTo("/photos/images/my%20demo%2B1.png");
    }
}
