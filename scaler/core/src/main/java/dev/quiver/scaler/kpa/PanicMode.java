package dev.quiver.scaler.kpa;

import java.time.Duration;
import java.time.Instant;

/**
 * Knative's panic state: starts when the panic-window demand reaches the threshold, is extended by every tick over
 * it, and ends only after a full stable window without such a tick. While panicking the desired count never drops
 * below the highest value decided during this panic.
 */
final class PanicMode {
    private Instant lastOver;
    private int maxPanicPods;

    /** Updates the state; returns true while panicking. */
    boolean update(Instant now, boolean overThreshold, Duration stableWindow) {
        if (overThreshold) {
            lastOver = now;
        } else if (lastOver != null && lastOver.plus(stableWindow).isBefore(now)) {
            lastOver = null;
            maxPanicPods = 0;
        }
        return lastOver != null;
    }

    /** While panicking: the max of stable and panic desired, never below this panic's highest. */
    int hold(int desiredStable, int desiredPanic) {
        maxPanicPods = Math.max(maxPanicPods, Math.max(desiredStable, desiredPanic));
        return maxPanicPods;
    }
}
