package dev.quiver.scaler.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The largest value recorded in (now - length, now]: used for scale-down delay (desired = max over the delay).
 * A zero length window just returns the last value.
 */
public final class MaxWindow {
    private record Entry(Instant at, int value) {}

    private final Duration length;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    public MaxWindow(Duration length) {
        this.length = length;
    }

    /** Records {@code value} at {@code now} and returns the max over the window ending at {@code now}. */
    public int recordAndMax(Instant now, int value) {
        Instant cutoff = now.minus(length);
        while (!entries.isEmpty() && !entries.peekFirst().at().isAfter(cutoff)) {
            entries.pollFirst();
        }
        while (!entries.isEmpty() && entries.peekLast().value() <= value) {
            entries.pollLast();
        }
        entries.addLast(new Entry(now, value));
        return entries.peekFirst().value();
    }
}
