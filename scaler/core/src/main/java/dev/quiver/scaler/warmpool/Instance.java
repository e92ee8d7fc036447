package dev.quiver.scaler.warmpool;

import java.time.Instant;

/**
 * An instance as the scaler sees it.
 *
 * @param ready     started and passing readiness (a pool instance is ready when it could take traffic at once)
 * @param inFlight  requests (or messages) in progress, for least-busy-first victim choice
 * @param startedAt when it was started; among equally busy instances the newest is stopped first
 */
public record Instance(String id, Role role, boolean ready, double inFlight, Instant startedAt) {
    public static Instance active(String id, boolean ready, double inFlight, Instant startedAt) {
        return new Instance(id, Role.ACTIVE, ready, inFlight, startedAt);
    }

    public static Instance pooled(String id, boolean ready, Instant startedAt) {
        return new Instance(id, Role.POOL, ready, 0, startedAt);
    }

    public boolean active() {
        return role == Role.ACTIVE;
    }
}
