package dev.quiver.scaler.lag;

import java.util.List;

/**
 * One lag observation's verdict.
 *
 * @param desired     what this signal asks for (activation and the zero grace applied)
 * @param active      lag for activation &gt; activationLagThreshold
 * @param zeroPending lag idle but the grace period has not passed yet (one instance kept)
 * @param rate        measured rates, or null when the rate-based extension is off
 */
public record LagResult(
        LagTotals totals, int desired, boolean active, boolean zeroPending, RateEstimate rate, List<String> reasons) {}
