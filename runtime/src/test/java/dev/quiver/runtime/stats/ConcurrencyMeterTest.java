package dev.quiver.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConcurrencyMeterTest {

    private static final long ORIGIN = 5_000_000_000L;
    private static final long MS = 1_000_000L;

    /** Requests as [arrival ms, departure ms or -1 while in flight], read over [0 ms, 1000 ms]. */
    static Stream<Arguments> traffic() {
        return Stream.of(
                Arguments.of("no traffic averages zero", new long[][] {}, 0.0, 0.0),
                Arguments.of("one request for the whole second", new long[][] {{0, 1000}}, 1.0, 1.0),
                Arguments.of("one request for half the second", new long[][] {{250, 750}}, 0.5, 1.0),
                Arguments.of("two overlapping requests", new long[][] {{0, 1000}, {500, 1000}}, 1.5, 2.0),
                Arguments.of("a request still in flight counts up to now", new long[][] {{600, -1}}, 0.4, 1.0),
                Arguments.of("ten short requests", shortRequests(10, 20), 0.2, 10.0));
    }

    private static long[][] shortRequests(int count, long millis) {
        long[][] requests = new long[count][];
        for (int i = 0; i < count; i++) {
            requests[i] = new long[] {i * 100L, i * 100L + millis};
        }
        return requests;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traffic")
    void averagesConcurrencyAndRateOverTheWindow(String label, long[][] requests, double average, double rate) {
        ConcurrencyMeter meter = new ConcurrencyMeter(ORIGIN);
        MeterReading start = meter.read(ORIGIN);
        for (long[] r : requests) {
            meter.arrived(ORIGIN + r[0] * MS);
        }
        for (long[] r : requests) {
            if (r[1] >= 0) {
                meter.left(ORIGIN + r[1] * MS);
            }
        }
        MeterReading end = meter.read(ORIGIN + 1000 * MS);

        assertThat(end.averageSince(start)).isCloseTo(average, within(1e-9));
        assertThat(end.rateSince(start)).isCloseTo(rate, within(1e-9));
    }

    @Test
    void anEarlierWindowIsNotChangedByLaterTraffic() {
        ConcurrencyMeter meter = new ConcurrencyMeter(ORIGIN);
        MeterReading t0 = meter.read(ORIGIN);
        meter.arrived(ORIGIN);
        MeterReading t1 = meter.read(ORIGIN + 1000 * MS);
        meter.left(ORIGIN + 1500 * MS);
        MeterReading t2 = meter.read(ORIGIN + 2000 * MS);

        assertThat(t1.averageSince(t0)).isEqualTo(1.0);
        assertThat(t2.averageSince(t1)).isEqualTo(0.5);
        assertThat(t2.inside()).isZero();
    }

    @Test
    void sumsThatWrapAroundStillGiveExactAverages() {
        ConcurrencyMeter meter = new ConcurrencyMeter(0);
        long late = Long.MAX_VALUE / 2;
        for (int i = 0; i < 4; i++) {
            meter.arrived(late);
        }
        MeterReading before = meter.read(late);
        MeterReading after = meter.read(late + 1000 * MS);
        assertThat(after.averageSince(before)).isEqualTo(4.0);
    }
}
