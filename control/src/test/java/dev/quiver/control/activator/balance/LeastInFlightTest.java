package dev.quiver.control.activator.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.route.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeastInFlightTest {
    static List<Slot> slots(int... inFlight) {
        List<Slot> out = new ArrayList<>();
        for (int i = 0; i < inFlight.length; i++) {
            Slot s = new Slot(new Endpoint("i" + i, "10.0.0." + i, 8080), -1);
            for (int k = 0; k < inFlight[i]; k++) {
                s.tryAcquire(0);
            }
            out.add(s);
        }
        return out;
    }

    @ParameterizedTest(name = "in flight {0}, limit {1}, {2} picks before -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "0,0,0 | 0 | 0 | i0", "0,0,0 | 0 | 1 | i1", "0,0,0 | 0 | 2 | i2", "0,0,0 | 0 | 3 | i0",
                "2,1,3 | 0 | 0 | i1", "1,1,0 | 0 | 0 | i2", "1,0,0 | 0 | 0 | i1", "1,0,0 | 0 | 2 | i2",
                "5,5,5 | 0 | 7 | i1", "2,2,1 | 2 | 0 | i2", "2,2,2 | 2 | 0 | -", "1,1   | 1 | 0 | -"
            })
    void theLeastBusyEndpointUnderTheLimitIsChosenAndTiesGoRoundRobin(
            String busy, int limit, int before, String expected) {
        List<Slot> s = slots(java.util.Arrays.stream(busy.split(","))
                .mapToInt(Integer::parseInt)
                .toArray());
        LeastInFlight lb = new LeastInFlight();
        for (int i = 0; i < before; i++) {
            lb.acquire(s, limit, 0).release();
        }

        Slot chosen = lb.acquire(s, limit, 0);

        assertThat(chosen == null ? null : chosen.endpoint().id()).isEqualTo(expected);
    }

    @Test
    void sequentialRequestsSpreadOverEveryEndpoint() {
        List<Slot> s = slots(0, 0, 0);
        LeastInFlight lb = new LeastInFlight();
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Slot one = lb.acquire(s, 0, 0);
            chosen.add(one.endpoint().id());
            one.release();
        }
        assertThat(chosen).containsExactly("i0", "i1", "i2", "i0", "i1", "i2");
        assertThat(lb.acquire(List.of(), 0, 0)).isNull();
    }

    @ParameterizedTest(name = "limit {0}")
    @CsvSource({"1", "2", "3", "4", "100"})
    void noPickExceedsTheLimitAndAllSlotsFill(int limit) {
        List<Slot> s = slots(0, 0, 0);
        LeastInFlight lb = new LeastInFlight();
        IntStream.range(0, 3 * limit)
                .forEach(i -> assertThat(lb.acquire(s, limit, 0)).isNotNull());

        assertThat(lb.acquire(s, limit, 0)).isNull();
        assertThat(s).allSatisfy(x -> assertThat(x.inFlight()).isEqualTo(limit));
    }

    @Test
    void aRefusedEndpointIsSkippedUntilItsCoolDownEnds() {
        List<Slot> s = slots(0, 5);
        s.get(0).refused(100);
        LeastInFlight lb = new LeastInFlight();

        assertThat(lb.acquire(s, 0, 50).endpoint().id()).isEqualTo("i1");
        assertThat(lb.acquire(s, 0, 100).endpoint().id()).isEqualTo("i0");
        assertThat(s.get(0).usable(99)).isFalse();
    }
}
