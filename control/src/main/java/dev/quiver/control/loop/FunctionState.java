package dev.quiver.control.loop;

import dev.quiver.api.stats.StatsReport;
import dev.quiver.scaler.decision.Decision;
import dev.quiver.scaler.decision.FunctionScaler;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One function's live state in the loop. The loop thread writes it; other threads read the volatile fields. */
final class FunctionState {
    final History history;
    volatile LoopFunction function;
    volatile Decision lastDecision;
    volatile Map<String, StatsReport> stats = Map.of();
    volatile double concurrency;
    volatile double rps;
    volatile long lag = -1;
    volatile int queued;
    volatile int starting;
    FunctionScaler scaler;
    Instant nextDecide;
    boolean pokePending;
    /** Held while the loop decides for the function, tried by the promotion fast path (never waited for). */
    final java.util.concurrent.locks.ReentrantLock deciding = new java.util.concurrent.locks.ReentrantLock();

    FunctionState(LoopFunction function, Instant now, History history) {
        this.function = function;
        this.scaler = new FunctionScaler(function.scaling(), now);
        this.history = history;
        this.nextDecide = now;
    }

    LoopStatus status() {
        Decision d = lastDecision;
        return new LoopStatus(
                function.ref(),
                d == null ? 0 : d.ready(),
                d == null ? 0 : d.warm(),
                starting,
                d == null ? 0 : d.desired(),
                d == null ? "proxy" : d.mode().key(),
                d != null && d.panicking(),
                round(concurrency),
                round(rps),
                lag,
                queued,
                d == null ? List.of() : d.reasons());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
