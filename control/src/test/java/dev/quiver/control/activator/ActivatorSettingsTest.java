package dev.quiver.control.activator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivatorSettingsTest {
    static Stream<Arguments> bad() {
        ActivatorSettings d = ActivatorSettings.DEFAULTS;
        return Stream.of(
                Arguments.of(
                        "empty queue", (Runnable) () -> d.withQueueSize(0), "queue-size must be >= 1, but was '0'"),
                Arguments.of("zero timeout", (Runnable) () -> d.withTimeout(Duration.ZERO), "timeout must be > 0"),
                Arguments.of("no body", (Runnable) () -> d.withMaxBodyBytes(0), "max-body-size must be >= 1"),
                Arguments.of(
                        "no queued bytes",
                        (Runnable) () -> d.withMaxQueuedBytes(0),
                        "max-queued-bytes must be >= 1, but was '0'"),
                Arguments.of(
                        "zero poke interval",
                        (Runnable) () -> d.withPokeInterval(Duration.ZERO),
                        "poke-interval must be > 0"),
                Arguments.of(
                        "no attempt",
                        (Runnable)
                                () -> new ActivatorSettings(1, Duration.ofSeconds(1), 1, 0, Duration.ofSeconds(1), 0),
                        "max-attempts must be 1..10, but was '0'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aBadSettingIsRefusedNamingTheKeyTheRuleAndTheValue(String label, Runnable make, String message) {
        assertThatThrownBy(make::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
