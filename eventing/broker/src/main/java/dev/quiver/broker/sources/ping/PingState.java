package dev.quiver.broker.sources.ping;

import java.time.Instant;

/** What the ping-state topic keeps per PingSource: the last slot fired (or, before the first, when it was created). */
public record PingState(Instant lastSlot) {}
