package dev.quiver.scaler.lag;

import dev.quiver.scaler.spec.LagSpec;
import dev.quiver.scaler.spec.OffsetResetPolicy;
import java.util.Map;

/** KEDA's per-partition lag and its cap on the desired count, as pure functions. */
public final class LagMath {
    private LagMath() {}

    /**
     * Lag of one partition. A never-committed partition counts 1 ({@code latest}) or its end offset
     * ({@code earliest}), or 0 with scaleToZeroOnInvalidOffset. With excludePersistentLag, a partition whose
     * committed offset equals {@code previousCommitted} while it has lag counts only for activation.
     *
     * @param previousCommitted the committed offset at the last observation, or null if none
     */
    public static PartitionLag lag(PartitionOffsets p, Long previousCommitted, LagSpec spec) {
        if (!p.hasCommit()) {
            long l = spec.scaleToZeroOnInvalidOffset()
                    ? 0
                    : spec.offsetResetPolicy() == OffsetResetPolicy.LATEST ? 1 : p.end();
            return new PartitionLag(p.partition(), l, l, false);
        }
        long l = Math.max(0, p.end() - p.committed());
        if (spec.excludePersistentLag() && l > 0 && previousCommitted != null && previousCommitted == p.committed()) {
            return new PartitionLag(p.partition(), 0, l, true);
        }
        return new PartitionLag(p.partition(), l, l, false);
    }

    /** Totals over all partitions, remembering each committed offset in {@code previous} for the next call. */
    public static LagTotals totals(Iterable<PartitionOffsets> offsets, Map<String, Long> previous, LagSpec spec) {
        java.util.List<PartitionLag> lags = new java.util.ArrayList<>();
        for (PartitionOffsets p : offsets) {
            lags.add(lag(p, previous.get(p.partition()), spec));
            if (p.hasCommit()) {
                previous.put(p.partition(), p.committed());
            }
        }
        return LagTotals.of(lags);
    }

    /**
     * The most consumers worth running: the partition count, or the partitions with lag when
     * limitToPartitionsWithLag; unbounded ({@link Integer#MAX_VALUE}) with allowIdleConsumers.
     */
    public static int upperBound(LagTotals t, LagSpec spec) {
        if (spec.limitToPartitionsWithLag()) {
            return t.partitionsWithLag();
        }
        return spec.allowIdleConsumers() ? Integer.MAX_VALUE : t.partitions();
    }

    /** ceil(lag / lagThreshold), capped by {@link #upperBound}. */
    public static int desired(LagTotals t, LagSpec spec) {
        long d = (t.forScaling() + spec.lagThreshold() - 1) / spec.lagThreshold();
        return (int) Math.min(d, upperBound(t, spec));
    }
}
