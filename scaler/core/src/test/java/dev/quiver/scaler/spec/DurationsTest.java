package dev.quiver.scaler.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DurationsTest {
    static Stream<Arguments> parses() {
        return Stream.of(
                Arguments.of("seconds suffix", "30s", Duration.ofSeconds(30)),
                Arguments.of("minutes suffix", "2m", Duration.ofMinutes(2)),
                Arguments.of("hours suffix", "1h", Duration.ofHours(1)),
                Arguments.of("milliseconds suffix", "500ms", Duration.ofMillis(500)),
                Arguments.of("plain number string is seconds", "45", Duration.ofSeconds(45)),
                Arguments.of("integer is seconds", 60, Duration.ofSeconds(60)),
                Arguments.of("fractional seconds", 0.005, Duration.ofMillis(5)),
                Arguments.of("fractional with suffix", "1.5s", Duration.ofMillis(1500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void parses(String label, Object text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @Test
    void rejectsOtherText() {
        assertThatThrownBy(() -> Durations.parse("30 sec")).hasMessageContaining("must be a duration such as 30s");
        assertThatThrownBy(() -> Durations.parse(-3)).hasMessageContaining("must be a duration >= 0");
    }
}
