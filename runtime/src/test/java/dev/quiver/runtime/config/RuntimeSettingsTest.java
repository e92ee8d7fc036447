package dev.quiver.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuntimeSettingsTest {

    record Raw(
            int limit,
            OptionalInt depth,
            int retryAfter,
            String statsPath,
            Duration drain,
            int iterations,
            Duration warmupTimeout) {

        static Raw defaults() {
            return new Raw(
                    0, OptionalInt.empty(), 1, "/quiver/stats", Duration.ofSeconds(30), 50, Duration.ofSeconds(30));
        }

        RuntimeSettings settings() {
            return RuntimeSettings.of(limit, depth, retryAfter, statsPath, drain, Map.of(), iterations, warmupTimeout);
        }
    }

    static Stream<Arguments> invalid() {
        Raw d = Raw.defaults();
        return Stream.of(
                Arguments.of(
                        "negative container concurrency",
                        new Raw(-1, d.depth(), 1, d.statsPath(), d.drain(), 50, d.warmupTimeout()),
                        "quiver.container-concurrency must be >= 0 (0 = unlimited), but was '-1'"),
                Arguments.of(
                        "negative queue depth",
                        new Raw(2, OptionalInt.of(-5), 1, d.statsPath(), d.drain(), 50, d.warmupTimeout()),
                        "quiver.queue-depth must be >= 0, but was '-5'"),
                Arguments.of(
                        "relative stats path",
                        new Raw(0, d.depth(), 1, "stats", d.drain(), 50, d.warmupTimeout()),
                        "quiver.stats-path must be an absolute path such as /quiver/stats, but was 'stats'"),
                Arguments.of(
                        "negative drain timeout",
                        new Raw(0, d.depth(), 1, d.statsPath(), Duration.ofSeconds(-1), 50, d.warmupTimeout()),
                        "quiver.drain.timeout must not be negative, but was 'PT-1S'"),
                Arguments.of(
                        "negative warm-up iterations",
                        new Raw(0, d.depth(), 1, d.statsPath(), d.drain(), -3, d.warmupTimeout()),
                        "quiver.warmup.iterations must be >= 0, but was '-3'"),
                Arguments.of(
                        "zero warm-up timeout",
                        new Raw(0, d.depth(), 1, d.statsPath(), d.drain(), 50, Duration.ZERO),
                        "quiver.warmup.timeout must be positive, but was 'PT0S'"),
                Arguments.of(
                        "negative retry-after",
                        new Raw(0, d.depth(), -1, d.statsPath(), d.drain(), 50, d.warmupTimeout()),
                        "quiver.retry-after-seconds must be >= 0, but was '-1'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void aBrokenValueIsRefusedWithItsKeyRuleAndValue(String label, Raw raw, String problem) {
        assertThatThrownBy(raw::settings)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(problem)
                .satisfies(e ->
                        assertThat(((InvalidSettingException) e).problems()).containsExactly(problem));
    }

    @Test
    void everyBrokenKeyIsReportedAtOnce() {
        Raw raw = new Raw(-1, OptionalInt.of(-1), 1, "/s", Duration.ofSeconds(1), -1, Duration.ofSeconds(1));
        assertThatThrownBy(raw::settings)
                .satisfies(e ->
                        assertThat(((InvalidSettingException) e).problems()).hasSize(3));
    }

    static Stream<Arguments> queueDepths() {
        return Stream.of(
                Arguments.of("unlimited has no queue", 0, OptionalInt.empty(), 0),
                Arguments.of("default depth is ten times the limit", 4, OptionalInt.empty(), 40),
                Arguments.of("an explicit depth wins", 4, OptionalInt.of(7), 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queueDepths")
    void queueDepthDefaultsToTenTimesTheLimit(String label, int limit, OptionalInt depth, int expected) {
        Raw d = Raw.defaults();
        RuntimeSettings settings = new Raw(limit, depth, 1, d.statsPath(), d.drain(), 50, d.warmupTimeout()).settings();
        assertThat(settings.queueDepth()).isEqualTo(expected);
    }
}
