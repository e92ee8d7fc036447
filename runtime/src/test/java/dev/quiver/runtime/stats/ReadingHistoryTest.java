package dev.quiver.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingHistoryTest {

    private static MeterReading at(long micros) {
        return new MeterReading(micros, 0, 0, 0);
    }

    @Test
    void picksTheNewestReadingAtLeastAWindowOld() {
        ReadingHistory history = new ReadingHistory(16);
        for (long t = 0; t <= 2_000_000; t += 100_000) {
            history.record(at(t));
        }
        assertThat(history.baselineFor(at(2_050_000), 1_000_000).atMicros()).isEqualTo(1_000_000);
    }

    @Test
    void fallsBackToTheOldestWhenNothingIsOldEnough() {
        ReadingHistory history = new ReadingHistory(4);
        history.record(at(100));
        history.record(at(200));
        assertThat(history.baselineFor(at(300), 1_000_000).atMicros()).isEqualTo(100);
    }

    @Test
    void isEmptyBeforeTheFirstTick() {
        assertThat(new ReadingHistory(4).baselineFor(at(1), 1)).isNull();
    }
}
