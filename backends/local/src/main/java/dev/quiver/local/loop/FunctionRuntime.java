package dev.quiver.local.loop;

import dev.quiver.local.activator.FunctionGate;
import dev.quiver.local.backend.LaunchInfo;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.warmpool.InstanceTable;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployed function's live state: its definition, scaler, instances and activator gate, with counters. The
 * control loop thread owns it; other threads read the volatile fields.
 */
final class FunctionRuntime {
    final InstanceTable instances = new InstanceTable();
    final FunctionGate gate;
    final History history;
    final AtomicLong coldStarts = new AtomicLong();
    final AtomicLong warmStarts = new AtomicLong();
    final AtomicLong promotions = new AtomicLong();
    final AtomicLong crashes = new AtomicLong();
    volatile FunctionDefinition definition;
    volatile Decision lastDecision;
    volatile int generation;
    volatile String lastCrash;
    volatile double concurrency;
    volatile double rps;
    volatile long lag = -1;
    volatile LaunchInfo launch = LaunchInfo.UNKNOWN;
    FunctionScaler scaler;
    Instant nextDecide;
    Instant startBlockedUntil = Instant.EPOCH;
    int consecutiveFailures;
    private int seq;

    FunctionRuntime(FunctionDefinition definition, FunctionScaler scaler, FunctionGate gate, History history,
                    Instant now) {
        this.definition = definition;
        this.scaler = scaler;
        this.gate = gate;
        this.history = history;
        this.nextDecide = now;
    }

    String name() {
        return definition.name();
    }

    String nextId() {
        return name() + "-" + (++seq);
    }

    Duration tickInterval() {
        return definition.scaling().scale().tickInterval();
    }

    /** Crash-loop back-off: 1 s, 2 s, 4 s ... up to 30 s after consecutive failures to start. */
    void failed(Instant now) {
        consecutiveFailures++;
        long seconds = Math.min(30, 1L << Math.min(5, consecutiveFailures - 1));
        startBlockedUntil = now.plusSeconds(seconds);
    }
}
