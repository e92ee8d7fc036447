package dev.quiver.scaler.lag;

import dev.quiver.scaler.internal.Num;
import dev.quiver.scaler.spec.LagSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumer-lag scaling for one function (KEDA Kafka scaler semantics plus an optional rate-based formula).
 * Stateful only in what it must remember between observations: previous committed offsets, rates, and since when
 * the lag is idle. Takes {@code now}; never reads a clock. Not thread-safe.
 */
public final class LagScaler {
    private final LagSpec spec;
    private final Duration grace;
    private final Map<String, Long> previousCommitted = new HashMap<>();
    private final ConsumeRate rate = new ConsumeRate();
    private Instant idleSince;

    /** @param grace how long the lag must stay idle before scaling to zero (the function's scaleToZeroGracePeriod) */
    public LagScaler(LagSpec spec, Duration grace) {
        this.spec = spec;
        this.grace = grace;
    }

    public LagResult observe(Instant now, List<PartitionOffsets> offsets, int readyCount) {
        List<String> reasons = new ArrayList<>(3);
        LagTotals totals = LagMath.totals(offsets, previousCommitted, spec);
        int desired = LagMath.desired(totals, spec);
        int cap = LagMath.upperBound(totals, spec);
        reasons.add("lag " + totals.forScaling() + "/" + spec.lagThreshold() + " -> " + desired
                + (cap != Integer.MAX_VALUE ? " (cap " + cap + ")" : ""));
        if (!totals.persistentPartitions().isEmpty()) {
            reasons.add("persistent lag excluded on " + totals.persistentPartitions());
        }
        RateEstimate estimate = null;
        if (spec.rateBased()) {
            estimate = rate.observe(now, offsets, totals.forScaling(), readyCount);
            if (estimate.capacityKnown() && !Double.isNaN(estimate.incoming())) {
                double drainSeconds = spec.drainTime().toMillis() / 1000d;
                double need = (estimate.incoming() + totals.forScaling() / drainSeconds) / estimate.perInstance();
                desired = (int) Math.min(Math.ceil(need - 1e-9), cap);
                reasons.add("rate (in " + Num.fmt(estimate.incoming()) + "/s + lag/" + Num.fmt(drainSeconds) + "s) / "
                        + Num.fmt(estimate.perInstance()) + "/s per instance -> " + desired);
            }
        }
        boolean active = totals.forActivation() > spec.activationLagThreshold();
        boolean zeroPending = false;
        if (active) {
            idleSince = null;
            desired = Math.max(1, desired);
        } else {
            if (idleSince == null) {
                idleSince = now;
            }
            Instant zeroAt = idleSince.plus(grace);
            if (readyCount == 0) {
                desired = 0;
                reasons.add("lag " + totals.forActivation() + " <= activation " + spec.activationLagThreshold()
                        + ": stays at zero");
            } else if (!now.isBefore(zeroAt)) {
                desired = 0;
                reasons.add("lag idle for grace: scale to zero");
            } else {
                desired = Math.max(1, desired);
                zeroPending = true;
                reasons.add("lag idle, zero in "
                        + Num.fmt(Duration.between(now, zeroAt).toMillis() / 1000d) + "s");
            }
        }
        return new LagResult(totals, desired, active, zeroPending, estimate, reasons);
    }
}
