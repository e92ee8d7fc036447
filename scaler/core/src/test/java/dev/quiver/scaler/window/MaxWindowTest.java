package dev.quiver.scaler.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaxWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keepsTheMaxUntilItLeavesTheWindow() {
        MaxWindow w = new MaxWindow(Duration.ofSeconds(10));
        assertThat(w.recordAndMax(T0, 8)).isEqualTo(8);
        assertThat(w.recordAndMax(T0.plusSeconds(2), 3)).isEqualTo(8);
        assertThat(w.recordAndMax(T0.plusSeconds(9), 2)).isEqualTo(8);
        assertThat(w.recordAndMax(T0.plusSeconds(10), 2)).isEqualTo(3);
        assertThat(w.recordAndMax(T0.plusSeconds(12), 1)).isEqualTo(2);
        assertThat(w.recordAndMax(T0.plusSeconds(13), 9)).isEqualTo(9);
    }

    @Test
    void zeroLengthReturnsTheLatest() {
        MaxWindow w = new MaxWindow(Duration.ZERO);
        assertThat(w.recordAndMax(T0, 8)).isEqualTo(8);
        assertThat(w.recordAndMax(T0.plusSeconds(1), 2)).isEqualTo(2);
    }
}
