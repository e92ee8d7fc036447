package dev.quiver.scaler.decision;

import dev.quiver.scaler.kpa.KpaAutoscaler;
import dev.quiver.scaler.kpa.KpaResult;
import dev.quiver.scaler.lag.LagResult;
import dev.quiver.scaler.lag.LagScaler;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.ScaleSpec;
import dev.quiver.scaler.warmpool.PoolPlan;
import dev.quiver.scaler.warmpool.WarmPoolPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaler of one function: combines the concurrency and lag signals (max of both; zero only when every signal
 * is idle past its grace), applies the bounds, picks the mode, and plans the warm pool. Call {@link #record} once a
 * second with the observed totals, {@link #decide} every tick, and {@link #poke} when a request arrives for a
 * function at zero. Every method takes the time; nothing reads a clock. Not thread-safe: one owner per function.
 */
public final class FunctionScaler {
    private final FunctionSpec spec;
    private final KpaAutoscaler kpa;
    private final LagScaler lag;
    private final Bounds bounds;

    public FunctionScaler(FunctionSpec spec, Instant createdAt) {
        this.spec = spec;
        ScaleSpec s = spec.scale();
        this.kpa = spec.http() ? new KpaAutoscaler(spec.name(), s, createdAt) : null;
        this.lag = spec.kafka() ? new LagScaler(spec.lag(), s.scaleToZeroGracePeriod()) : null;
        this.bounds = new Bounds(s);
    }

    public FunctionSpec spec() {
        return spec;
    }

    /** Records one second of observed traffic (totals over all instances and the activator). */
    public void record(Instant at, double concurrency, double rps) {
        if (kpa != null) {
            kpa.record(at, concurrency, rps);
        }
    }

    /**
     * The activator's poke: a request arrived while no instance is ready. Counts it as traffic and decides at once,
     * rather than on the next tick.
     */
    public Decision poke(Instant now, Observation observed) {
        if (kpa != null) {
            kpa.poke(now);
        }
        return decide(now, observed, "activator poke");
    }

    public Decision decide(Instant now, Observation observed) {
        return decide(now, observed, null);
    }

    private Decision decide(Instant now, Observation observed, String why) {
        List<String> reasons = new ArrayList<>(8);
        if (why != null) {
            reasons.add(why);
        }
        int ready = observed.readyActive();
        KpaResult k = kpa == null ? null : kpa.scale(now, ready);
        LagResult l = lag == null || observed.offsets() == null ? null : lag.observe(now, observed.offsets(), ready);
        int desired = 0;
        boolean zeroPending = false;
        if (k != null) {
            desired = k.desired();
            zeroPending = k.zeroPending();
            reasons.addAll(k.reasons());
        }
        if (l != null) {
            desired = Math.max(desired, l.desired());
            reasons.addAll(l.reasons());
        } else if (lag != null && kpa == null) {
            desired = observed.active();
            reasons.add("no lag observed: keep " + desired);
        }
        desired = bounds.apply(desired, ready, reasons);
        Mode mode = mode(k, desired, ready, zeroPending);
        PoolPlan plan =
                WarmPoolPolicy.plan(desired, observed.instances(), spec.scale().warmPool());
        reasons.addAll(plan.reasons());
        return new Decision(
                now,
                desired,
                ready,
                observed.readyPool(),
                k != null && k.panicking(),
                mode,
                k == null ? 0 : k.excessBurstCapacity(),
                plan.actions(),
                k,
                l,
                reasons);
    }

    private static Mode mode(KpaResult k, int desired, int ready, boolean zeroPending) {
        if (k == null) {
            return Mode.SERVE;
        }
        boolean proxy = desired == 0 || ready == 0 || zeroPending || k.excessBurstCapacity() < 0;
        return proxy ? Mode.PROXY : Mode.SERVE;
    }
}
