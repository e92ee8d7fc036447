package dev.quiver.scaler.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka consumer-lag scaling settings (KEDA Kafka scaler semantics), validated; YAML keys under {@code lag:}.
 *
 * @param drainTime 0 = plain KEDA formula; &gt; 0 = rate-based: cover the incoming rate and drain the backlog
 *                  within this time, using the measured per-instance consume rate
 */
public record LagSpec(
        long lagThreshold,
        long activationLagThreshold,
        OffsetResetPolicy offsetResetPolicy,
        boolean allowIdleConsumers,
        boolean limitToPartitionsWithLag,
        boolean excludePersistentLag,
        boolean scaleToZeroOnInvalidOffset,
        Duration drainTime) {

    public LagSpec {
        List<Violation> errors = new ArrayList<>();
        if (lagThreshold <= 0) {
            errors.add(new Violation("lag.lagThreshold", "must be > 0", lagThreshold));
        }
        if (activationLagThreshold < 0) {
            errors.add(new Violation("lag.activationLagThreshold", "must be >= 0", activationLagThreshold));
        }
        if (offsetResetPolicy == null) {
            errors.add(new Violation("lag.offsetResetPolicy", "must be latest or earliest", null));
        }
        if (allowIdleConsumers && limitToPartitionsWithLag) {
            errors.add(new Violation(
                    "lag.limitToPartitionsWithLag", "cannot be true together with lag.allowIdleConsumers", true));
        }
        if (drainTime == null || drainTime.isNegative() || drainTime.compareTo(Duration.ofHours(24)) > 0) {
            errors.add(new Violation(
                    "lag.drainTime",
                    "must be between 0s (off) and 24h",
                    drainTime == null ? null : Durations.format(drainTime)));
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
    }

    public static LagSpec defaults() {
        return new LagSpec(10, 0, OffsetResetPolicy.LATEST, false, false, false, false, Duration.ZERO);
    }

    public boolean rateBased() {
        return !drainTime.isZero();
    }

    public LagSpec withLagThreshold(long v) {
        return new LagSpec(
                v,
                activationLagThreshold,
                offsetResetPolicy,
                allowIdleConsumers,
                limitToPartitionsWithLag,
                excludePersistentLag,
                scaleToZeroOnInvalidOffset,
                drainTime);
    }

    public LagSpec withActivationLagThreshold(long v) {
        return new LagSpec(
                lagThreshold,
                v,
                offsetResetPolicy,
                allowIdleConsumers,
                limitToPartitionsWithLag,
                excludePersistentLag,
                scaleToZeroOnInvalidOffset,
                drainTime);
    }

    public LagSpec withOffsetResetPolicy(OffsetResetPolicy v) {
        return new LagSpec(
                lagThreshold,
                activationLagThreshold,
                v,
                allowIdleConsumers,
                limitToPartitionsWithLag,
                excludePersistentLag,
                scaleToZeroOnInvalidOffset,
                drainTime);
    }

    public LagSpec withAllowIdleConsumers(boolean v) {
        return new LagSpec(
                lagThreshold,
                activationLagThreshold,
                offsetResetPolicy,
                v,
                limitToPartitionsWithLag,
                excludePersistentLag,
                scaleToZeroOnInvalidOffset,
                drainTime);
    }

    public LagSpec withLimitToPartitionsWithLag(boolean v) {
        return new LagSpec(
                lagThreshold,
                activationLagThreshold,
                offsetResetPolicy,
                allowIdleConsumers,
                v,
                excludePersistentLag,
                scaleToZeroOnInvalidOffset,
                drainTime);
    }

    public LagSpec withExcludePersistentLag(boolean v) {
        return new LagSpec(
                lagThreshold,
                activationLagThreshold,
                offsetResetPolicy,
                allowIdleConsumers,
                limitToPartitionsWithLag,
                v,
                scaleToZeroOnInvalidOffset,
                drainTime);
    }

    public LagSpec withScaleToZeroOnInvalidOffset(boolean v) {
        return new LagSpec(
                lagThreshold,
                activationLagThreshold,
                offsetResetPolicy,
                allowIdleConsumers,
                limitToPartitionsWithLag,
                excludePersistentLag,
                v,
                drainTime);
    }

    public LagSpec withDrainTime(Duration v) {
        return new LagSpec(
                lagThreshold,
                activationLagThreshold,
                offsetResetPolicy,
                allowIdleConsumers,
                limitToPartitionsWithLag,
                excludePersistentLag,
                scaleToZeroOnInvalidOffset,
                v);
    }
}
