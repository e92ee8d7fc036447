package dev.quiver.scaler.kpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BurstCapacityTest {
    static Stream<Arguments> excess() {
        return Stream.of(
                Arguments.of("floor(ready x total - tbc - panic)", 5, 100.0, 211.0, 50.0, 239.0),
                Arguments.of("negative when the burst does not fit", 2, 100.0, 211.0, 0.0, -11.0),
                Arguments.of("fractional panic average floors", 3, 100.0, 211.0, 0.5, 88.0),
                Arguments.of("zero ready is always negative", 0, 100.0, 211.0, 0.0, -211.0),
                Arguments.of("-1 means always proxy", 50, 100.0, -1.0, 0.0, -1.0),
                Arguments.of("0 means proxy only at zero", 0, 100.0, 0.0, 500.0, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void excess(String label, int ready, double total, double tbc, double panic, double expected) {
        assertThat(BurstCapacity.excess(ready, total, tbc, panic)).isEqualTo(expected);
    }
}
