package dev.quiver.scaler.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrafficSplitTest {
    static final List<TrafficTarget> NINETY_TEN =
            List.of(new TrafficTarget("f-00001", 90, null), new TrafficTarget("f-00002", 10, "canary"));

    @Test
    void aNinetyTenSplitOver2000RequestsLandsWithinThreePercentOfEachShare() {
        Random random = new Random(17);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            counts.merge(TrafficSplit.pick(NINETY_TEN, random.nextDouble()).orElseThrow(), 1, Integer::sum);
        }
        assertThat(counts.get("f-00001") / 2000.0).isBetween(0.87, 0.93);
        assertThat(counts.get("f-00002") / 2000.0).isBetween(0.07, 0.13);
    }

    static Stream<Arguments> draws() {
        return Stream.of(
                Arguments.of("bottom of the first share", 0.0, "f-00001"),
                Arguments.of("top of the first share", 0.8999, "f-00001"),
                Arguments.of("start of the second share", 0.9, "f-00002"),
                Arguments.of("top of the range", 0.99999, "f-00002"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("draws")
    void theDrawPicksTheRevisionWhoseCumulativeShareCoversIt(String label, double draw, String expected) {
        assertThat(TrafficSplit.pick(NINETY_TEN, draw)).contains(expected);
    }

    @Test
    void aRevisionWithZeroPercentIsNeverPickedButKeepsItsTagRoute() {
        List<TrafficTarget> t =
                List.of(new TrafficTarget("f-00001", 0, "old"), new TrafficTarget("f-00002", 100, null));
        assertThat(TrafficSplit.pick(t, 0.0)).contains("f-00002");
        assertThat(TrafficSplit.tagged(t, "old")).contains("f-00001");
        assertThat(TrafficSplit.tagged(t, "none")).isEmpty();
        assertThat(TrafficSplit.serving(t)).containsExactly("f-00001", "f-00002");
        assertThat(TrafficSplit.serving(List.of(new TrafficTarget("f-00001", 0, null), t.get(1))))
                .as("0 % and no tag: not serving, scales to zero")
                .containsExactly("f-00002");
    }

    @Test
    void entriesOfTheSameRevisionAddUp() {
        assertThat(TrafficSplit.shares(List.of(
                        new TrafficTarget("a", 30, null),
                        new TrafficTarget("b", 40, null),
                        new TrafficTarget("a", 30, "x"))))
                .containsExactly(Map.entry("a", 60), Map.entry("b", 40));
    }

    @Test
    void aDrawOutsideTheUnitRangeIsRefused() {
        assertThatThrownBy(() -> TrafficSplit.pick(NINETY_TEN, 1.0)).hasMessageContaining("draw must be in [0, 1)");
    }
}
