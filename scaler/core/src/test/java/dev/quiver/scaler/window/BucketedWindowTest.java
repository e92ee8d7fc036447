package dev.quiver.scaler.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.scaler.spec.WindowWeighting;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BucketedWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> linear() {
        return Stream.of(
                row("constant samples average to themselves", Map.of(0, 10.0, 1, 10.0, 2, 10.0), 2, 6, 10.0),
                row("only seconds since the first sample count", Map.of(0, 6.0, 1, 12.0), 1, 60, 9.0),
                row("seconds without a sample count as zero", Map.of(0, 12.0, 3, 12.0), 3, 60, 6.0),
                row("samples older than the window drop out", Map.of(0, 100.0, 10, 4.0), 10, 6, 4.0 / 6),
                row("window with no recent sample is zero", Map.of(0, 100.0), 30, 6, 0.0),
                row("panic window sees only its last seconds", Map.of(0, 1.0, 54, 7.0, 59, 7.0), 59, 6, 14.0 / 6),
                row("two sources in one second add up", Map.of(0, 3.0), 0, 6, 3.0),
                row("no sample yet is zero", Map.of(), 5, 60, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void linear(String label, Map<Integer, Double> samples, int nowSecond, int windowSeconds, double expected) {
        BucketedWindow w = BucketedWindow.perSecond(Duration.ofSeconds(60));
        samples.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> w.record(T0.plusSeconds(e.getKey()), e.getValue()));
        assertThat(w.average(T0.plusSeconds(nowSecond), Duration.ofSeconds(windowSeconds), WindowWeighting.LINEAR))
                .isCloseTo(expected, within(1e-9));
    }

    @Test
    void exponentialWeightsRecentSecondsMore() {
        BucketedWindow w = BucketedWindow.perSecond(Duration.ofSeconds(10));
        for (int s = 0; s < 10; s++) {
            w.record(T0.plusSeconds(s), s < 9 ? 0 : 100);
        }
        Instant now = T0.plusSeconds(9);
        double linear = w.average(now, Duration.ofSeconds(10), WindowWeighting.LINEAR);
        double exponential = w.average(now, Duration.ofSeconds(10), WindowWeighting.EXPONENTIAL);
        assertThat(linear).isCloseTo(10, within(1e-9));
        // weights (1 - 2/11)^age, normalized: the newest bucket carries 1 / sum(weights)
        double keep = 1 - 2d / 11;
        double sum = 0;
        for (int age = 0; age < 10; age++) {
            sum += Math.pow(keep, age);
        }
        assertThat(exponential).isCloseTo(100 / sum, within(1e-9)).isGreaterThan(linear);
    }

    @Test
    void exponentialOfConstantIsTheConstant() {
        BucketedWindow w = BucketedWindow.perSecond(Duration.ofSeconds(60));
        for (int s = 0; s < 60; s++) {
            w.record(T0.plusSeconds(s), 42);
        }
        assertThat(w.average(T0.plusSeconds(59), Duration.ofSeconds(60), WindowWeighting.EXPONENTIAL))
                .isCloseTo(42, within(1e-9));
    }

    @Test
    void ensureAtLeastDoesNotDoubleCount() {
        BucketedWindow w = BucketedWindow.perSecond(Duration.ofSeconds(6));
        w.record(T0, 5);
        w.ensureAtLeast(T0, 1);
        assertThat(w.average(T0, Duration.ofSeconds(6), WindowWeighting.LINEAR)).isEqualTo(5);
        w.ensureAtLeast(T0.plusSeconds(1), 1);
        assertThat(w.average(T0.plusSeconds(1), Duration.ofSeconds(6), WindowWeighting.LINEAR))
                .isEqualTo(3);
    }

    @Test
    void ringIsReusedAfterManyWindows() {
        BucketedWindow w = BucketedWindow.perSecond(Duration.ofSeconds(6));
        for (int s = 0; s < 1000; s++) {
            w.record(T0.plusSeconds(s), s);
        }
        assertThat(w.average(T0.plusSeconds(999), Duration.ofSeconds(6), WindowWeighting.LINEAR))
                .isCloseTo((994 + 995 + 996 + 997 + 998 + 999) / 6d, within(1e-9));
    }

    private static Arguments row(String label, Map<Integer, Double> samples, int now, int window, double expected) {
        return Arguments.of(label, samples, now, window, expected);
    }
}
