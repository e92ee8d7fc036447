package dev.quiver.local.warmpool;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.control.loop.InstanceView;
import dev.quiver.local.backend.InstanceHandle;
import dev.quiver.scaler.warmpool.Role;
import java.time.Instant;

/**
 * One instance under the platform's management: its backend handle, its role (in traffic or in the warm pool), its
 * state and last stats. Mutated by the loop thread only; read by the status API.
 */
public final class ManagedInstance {
    public enum State {
        STARTING,
        READY,
        DRAINING
    }

    private final InstanceHandle handle;
    private final Instant startedAt;
    private final int generation;
    private volatile Role role;
    private volatile State state = State.STARTING;
    private volatile StatsReport stats = StatsReport.NONE;
    private volatile Instant readyAt;
    private final String startRole;
    private volatile long startupNanos = -1;
    private volatile long reportedStartupMillis = -1;
    private volatile long readyNanos = -1;
    private volatile long promotedNanos = -1;

    public ManagedInstance(InstanceHandle handle, Role role, Instant startedAt, int generation) {
        this.handle = handle;
        this.role = role;
        this.startRole = role == Role.POOL ? "pool" : "active";
        this.startedAt = startedAt;
        this.generation = generation;
    }

    public String id() {
        return handle.id();
    }

    public InstanceHandle handle() {
        return handle;
    }

    public Role role() {
        return role;
    }

    public void role(Role r) {
        this.role = r;
    }

    /** Moves it from the pool into traffic, now. */
    public void promote() {
        this.role = Role.ACTIVE;
        this.promotedNanos = System.nanoTime();
    }

    /** {@link System#nanoTime()} of its last promotion from the pool, -1 when never promoted. */
    public long promotedNanos() {
        return promotedNanos;
    }

    public State state() {
        return state;
    }

    public void state(State s) {
        this.state = s;
    }

    public int generation() {
        return generation;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant readyAt() {
        return readyAt;
    }

    /** {@link System#nanoTime()} when it passed readiness, -1 before. */
    public long readyNanos() {
        return readyNanos;
    }

    public void ready(Instant at) {
        this.readyAt = at;
        this.readyNanos = System.nanoTime();
        if (state == State.STARTING) {
            this.state = State.READY;
        }
    }

    /** What it was started for: {@code active} (into traffic) or {@code pool} (the warm pool). */
    public String startRole() {
        return startRole;
    }

    /** Spawn to ready as the platform measured it; -1 before ready. */
    public long startupNanos() {
        return startupNanos;
    }

    public void startupNanos(long nanos) {
        this.startupNanos = nanos;
    }

    /** Process start to ready as the instance reported it; -1 until its stats said. */
    public long reportedStartupMillis() {
        return reportedStartupMillis;
    }

    public StatsReport stats() {
        return stats;
    }

    /** @return true when these stats are the first to report the instance's start-up time */
    public boolean stats(StatsReport s) {
        this.stats = s;
        if (reportedStartupMillis < 0 && s.startupMillis() >= 0) {
            reportedStartupMillis = s.startupMillis();
            return true;
        }
        return false;
    }

    public boolean serving() {
        return state == State.READY && role == Role.ACTIVE;
    }

    /** As the loop sees it; {@code current} when it runs the function's current generation. */
    public InstanceView view(int currentGeneration) {
        InstanceView.State s = switch (state) {
            case STARTING -> InstanceView.State.STARTING;
            case READY -> InstanceView.State.READY;
            case DRAINING -> InstanceView.State.DRAINING;
        };
        return new InstanceView(
                id(), handle.host(), handle.port(), role, s, startedAt, generation == currentGeneration, readyAt);
    }
}
