package dev.quiver.scaler.spec;

import java.util.Set;

/** Reads the {@code lag:} section; type errors are collected by {@link TreeValues}, rules by {@link LagSpec}. */
final class LagSpecReader {
    static final Set<String> KEYS = Set.of(
            "lagThreshold",
            "activationLagThreshold",
            "offsetResetPolicy",
            "allowIdleConsumers",
            "limitToPartitionsWithLag",
            "excludePersistentLag",
            "scaleToZeroOnInvalidOffset",
            "drainTime");

    private LagSpecReader() {}

    /** Returns the spec, or the defaults when a rule fails (the rule errors are then in the collected list). */
    static LagSpec read(TreeValues t) {
        t.allowOnly(KEYS);
        LagSpec d = LagSpec.defaults();
        long threshold = t.whole("lagThreshold", d.lagThreshold());
        long activation = t.whole("activationLagThreshold", d.activationLagThreshold());
        OffsetResetPolicy policy = t.choice("offsetResetPolicy", OffsetResetPolicy.class, d.offsetResetPolicy());
        boolean idle = t.bool("allowIdleConsumers", d.allowIdleConsumers());
        boolean limit = t.bool("limitToPartitionsWithLag", d.limitToPartitionsWithLag());
        boolean persistent = t.bool("excludePersistentLag", d.excludePersistentLag());
        boolean zeroOnInvalid = t.bool("scaleToZeroOnInvalidOffset", d.scaleToZeroOnInvalidOffset());
        var drain = t.duration("drainTime", d.drainTime());
        try {
            return new LagSpec(threshold, activation, policy, idle, limit, persistent, zeroOnInvalid, drain);
        } catch (SpecException e) {
            t.addAll(e.violations());
            return d;
        }
    }
}
