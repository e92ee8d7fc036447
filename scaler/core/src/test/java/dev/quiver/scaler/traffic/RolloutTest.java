package dev.quiver.scaler.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RolloutTest {
    static final Instant START = Instant.parse("2026-11-28T07:00:00Z");
    static final List<TrafficTarget> FROM = List.of(new TrafficTarget("f-00001", 100, null));
    static final List<TrafficTarget> TO = List.of(new TrafficTarget("f-00002", 100, null));

    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("at the start: 1 %", 0, 99, 1),
                Arguments.of("a quarter in", 25, 74, 26),
                Arguments.of("half way", 50, 49, 51),
                Arguments.of("just before the end: at most 99 %", 99, 1, 99),
                Arguments.of("at the end: all", 100, 0, 100),
                Arguments.of("after the end: all", 500, 0, 100));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void trafficMovesToTheLatestRevisionInStepsOverTheDuration(String label, int seconds, int old, int latest) {
        List<TrafficTarget> split =
                Rollout.at(FROM, TO, "f-00002", START, Duration.ofSeconds(100), START.plusSeconds(seconds));
        assertThat(TrafficSplit.shares(split).getOrDefault("f-00001", 0)).isEqualTo(old);
        assertThat(TrafficSplit.shares(split).get("f-00002")).isEqualTo(latest);
        assertThat(split.stream().mapToInt(TrafficTarget::percent).sum()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void withoutADurationTheSplitIsTheTargetAtOnce(String label, int seconds, int old, int latest) {
        assertThat(Rollout.at(FROM, TO, "f-00002", START, Duration.ZERO, START.plusSeconds(seconds)))
                .isEqualTo(TO);
    }
}
