package dev.quiver.control.activator.coldstart;

import java.util.Locale;

/**
 * Who served a request that found no ready capacity on arrival: an instance that was already ready when it arrived
 * (a warm-pool instance promoted for it, or a running one whose slot freed) or one that became ready only after
 * it arrived (a new process started: a cold start).
 */
public enum ServedBy {
    WARM,
    COLD;

    /** @param instanceReadyNanos when the instance entered the activator's set of ready endpoints (-1: unknown) */
    public static ServedBy of(long arrivedNanos, long instanceReadyNanos) {
        return instanceReadyNanos != -1 && instanceReadyNanos - arrivedNanos > 0 ? COLD : WARM;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
