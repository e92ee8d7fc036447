package dev.quiver.control.loop;

import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;

/**
 * One instance as its backend reports it to the loop.
 *
 * @param host     where it takes HTTP requests (and serves its stats); null while it has no address yet
 * @param role     in traffic (ACTIVE) or in the warm pool (POOL)
 * @param current  runs the function's current revision; older ones serve until replaced but are not scaled on
 * @param readyAt  when it passed readiness, null when not yet or unknown: the activator tells a request served by an
 *                 instance ready before it arrived (warm, e.g. a promoted pool instance) from a cold start by it
 */
public record InstanceView(
        String id, String host, int port, Role role, State state, Instant startedAt, boolean current, Instant readyAt) {

    public InstanceView(String id, String host, int port, Role role, State state, Instant startedAt, boolean current) {
        this(id, host, port, role, state, startedAt, current, null);
    }

    public enum State {
        STARTING,
        READY,
        DRAINING
    }

    public boolean ready() {
        return state == State.READY;
    }

    /** In the load-balancing set: ready, active, not draining (older revisions included until replaced). */
    public boolean routable() {
        return state == State.READY && role == Role.ACTIVE && host != null;
    }

    /** What the scaler decides on: current instances not being stopped. */
    public boolean scaled() {
        return current && state != State.DRAINING;
    }
}
