package dev.quiver.control.loop;

import java.time.Duration;

/**
 * @param scrapeInterval how often instances' stats are read and recorded (each function decides at its own tick
 *                       interval, a multiple of this in practice)
 * @param historySamples how many samples of each function the status keeps
 */
public record LoopSettings(Duration scrapeInterval, int historySamples) {
    public LoopSettings {
        if (scrapeInterval == null || scrapeInterval.isZero() || scrapeInterval.isNegative()) {
            throw new IllegalArgumentException("scrapeInterval must be positive, was " + scrapeInterval);
        }
        if (historySamples < 1) {
            throw new IllegalArgumentException("historySamples must be >= 1, was " + historySamples);
        }
    }

    /** How long a round waits for stats and lag before it decides with what it has. */
    public Duration roundTimeout() {
        return scrapeInterval.multipliedBy(8).dividedBy(10);
    }
}
