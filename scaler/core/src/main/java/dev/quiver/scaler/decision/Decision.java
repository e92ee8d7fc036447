package dev.quiver.scaler.decision;

import dev.quiver.scaler.kpa.KpaResult;
import dev.quiver.scaler.lag.LagResult;
import dev.quiver.scaler.warmpool.PoolAction;
import java.time.Instant;
import java.util.List;

/**
 * The per-tick decision for one function: a value, applied later by an instance backend.
 *
 * @param desired             desired active instances (bounds applied)
 * @param ready               ready active instances observed
 * @param warm                ready pool instances observed
 * @param excessBurstCapacity see {@link dev.quiver.scaler.kpa.BurstCapacity}; 0 without an HTTP trigger
 * @param actions             instance actions (promote, start, return to pool, stop, refill)
 * @param kpa                 the concurrency signal's result, or null without an HTTP trigger
 * @param lag                 the lag signal's result, or null without a Kafka trigger or offsets
 * @param reasons             why, in order
 */
public record Decision(
        Instant at,
        int desired,
        int ready,
        int warm,
        boolean panicking,
        Mode mode,
        double excessBurstCapacity,
        List<PoolAction> actions,
        KpaResult kpa,
        LagResult lag,
        List<String> reasons) {

    public double stable() {
        return kpa == null ? 0 : kpa.stable();
    }

    public double panic() {
        return kpa == null ? 0 : kpa.panic();
    }
}
