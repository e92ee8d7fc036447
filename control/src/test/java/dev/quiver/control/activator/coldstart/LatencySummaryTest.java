package dev.quiver.control.activator.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.api.control.ColdStart.Figures;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LatencySummaryTest {
    static final long MS = 1_000_000;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("nothing recorded", new long[] {}, Figures.NONE),
                Arguments.of("one value is every percentile", new long[] {812}, new Figures(1, 812, 812, 812)),
                Arguments.of("nearest rank of two: p50 the lower", new long[] {30, 10}, new Figures(2, 10, 30, 30)),
                Arguments.of(
                        "ten values",
                        LongStream.rangeClosed(1, 10).map(v -> v * 10).toArray(),
                        new Figures(10, 50, 90, 100)),
                Arguments.of("order does not matter", new long[] {100, 1, 50, 7, 3}, new Figures(5, 7, 100, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void countPercentilesAndMaximumInMilliseconds(String label, long[] millis, Figures expected) {
        LatencySummary s = new LatencySummary(1024);
        for (long m : millis) {
            s.add(m * MS);
        }

        assertThat(s.figures()).isEqualTo(expected);
    }

    @Test
    void percentilesCoverTheLastWindowButCountAndMaximumEverything() {
        LatencySummary s = new LatencySummary(4);
        s.add(1000 * MS);
        for (int i = 0; i < 4; i++) {
            s.add(10 * MS);
        }

        assertThat(s.figures()).isEqualTo(new Figures(5, 10, 10, 1000));
    }

    @Test
    void millisecondsKeepTwoDecimals() {
        LatencySummary s = new LatencySummary(8);
        s.add(1_234_567);

        assertThat(s.figures().p50Ms()).isEqualTo(1.23);
    }
}
