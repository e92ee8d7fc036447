package dev.quiver.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SendPathTest {

    private static final long MB = 1024 * 1024;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "topic acked a moment ago, buffer empty",
                        Optional.of(Duration.ofMillis(5)),
                        0L,
                        1024L,
                        SendPath.DIRECT),
                Arguments.of("never acked: metadata may be missing", Optional.empty(), 0L, 1024L, SendPath.OFFLOAD),
                Arguments.of(
                        "acked long ago: Kafka may have forgotten the metadata",
                        Optional.of(Duration.ofMinutes(3)),
                        0L,
                        1024L,
                        SendPath.OFFLOAD),
                Arguments.of(
                        "buffer up to half full", Optional.of(Duration.ofSeconds(1)), 15 * MB, MB, SendPath.DIRECT),
                Arguments.of(
                        "buffer over half full: send() could wait for room",
                        Optional.of(Duration.ofSeconds(1)),
                        15 * MB,
                        MB + 1,
                        SendPath.OFFLOAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sendOnTheCallersThreadOnlyWhenItCannotBlock(
            String label, Optional<Duration> sinceLastAck, long bytesInFlight, long size, SendPath expected) {
        assertThat(SendPath.choose(sinceLastAck, bytesInFlight, size, 32 * MB)).isEqualTo(expected);
    }
}
