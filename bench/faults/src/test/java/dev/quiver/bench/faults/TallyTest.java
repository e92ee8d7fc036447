package dev.quiver.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void countsDeliveredLostAndRepeatedAcknowledgedEvents() {
        Map<String, Long> accepted = Map.of("a", 10L, "b", 20L, "c", 30L);
        List<Tally.Delivery> deliveries = List.of(
                new Tally.Delivery("a", 11L),
                new Tally.Delivery("a", 12L),
                new Tally.Delivery("c", 31L),
                new Tally.Delivery("c", 32L),
                new Tally.Delivery("c", 33L));

        Tally t = Tally.of("s", accepted, 4, deliveries, 0L);

        assertThat(t.accepted()).isEqualTo(3);
        assertThat(t.delivered()).isEqualTo(2);
        assertThat(t.lost()).as("b never arrived").isEqualTo(1);
        assertThat(t.duplicated()).isEqualTo(3);
        assertThat(t.refused()).isEqualTo(4);
    }

    @Test
    void recoveryIsWhenTheFirstEventAcceptedAfterTheFaultArrives() {
        Map<String, Long> accepted = Map.of("before", 5L, "after", 2_000_000_000L, "later", 3_000_000_000L);
        List<Tally.Delivery> deliveries = List.of(
                new Tally.Delivery("before", 9_000_000_000L),
                new Tally.Delivery("later", 4_500_000_000L),
                new Tally.Delivery("after", 5_000_000_000L));

        Tally t = Tally.of("s", accepted, 0, deliveries, 1_000_000_000L);

        assertThat(t.recover()).isEqualTo(Duration.ofMillis(3_500));
        assertThat(t.line()).contains("3.5 s");
    }

    @Test
    void noRecoveryWhenNothingAcceptedAfterTheFaultArrived() {
        Tally t = Tally.of("s", Map.of("x", 50L), 0, List.of(), 10L);

        assertThat(t.recover()).isNull();
        assertThat(t.lost()).isEqualTo(1);
        assertThat(t.line()).contains("never");
    }
}
