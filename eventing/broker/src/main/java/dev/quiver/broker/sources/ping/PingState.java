package dev.quiver.broker.sources.ping;

import java.time.Instant;

/**
 * What the ping-state topic keeps per PingSource: the last slot fired (or, before the first, when it was created),
 * as an ISO-8601 instant.
 */
public record PingState(String lastSlot) {

    public static PingState of(Instant slot) {
        return new PingState(slot.toString());
    }

    public Instant slot() {
        return Instant.parse(lastSlot);
    }
}
