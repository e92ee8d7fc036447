package dev.quiver.scaler.warmpool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a desired active count into instance actions, keeping {@code poolSize} ready instances out of traffic:
 * scale-up promotes pool instances first (ready ones first) and cold-starts only the rest; scale-down stops the
 * least busy active instances first (not-ready ones before any, then fewest in flight, then newest) and returns
 * them to the pool instead when it is short; the pool is refilled in the background, also at zero.
 */
public final class WarmPoolPolicy {
    /** Victim order: not ready first, then least busy, then newest, then id for determinism. */
    public static final Comparator<Instance> VICTIM_ORDER = Comparator.comparing(Instance::ready)
            .thenComparingDouble(Instance::inFlight)
            .thenComparing(Instance::startedAt, Comparator.reverseOrder())
            .thenComparing(Instance::id);

    private static final Comparator<Instance> PROMOTION_ORDER = Comparator.comparing(
                    Instance::ready, Comparator.reverseOrder())
            .thenComparing(Instance::startedAt)
            .thenComparing(Instance::id);

    private WarmPoolPolicy() {}

    public static PoolPlan plan(int desired, List<Instance> instances, int poolSize) {
        List<Instance> active = new ArrayList<>();
        List<Instance> pool = new ArrayList<>();
        for (Instance i : instances) {
            (i.active() ? active : pool).add(i);
        }
        List<PoolAction> actions = new ArrayList<>(2);
        List<String> reasons = new ArrayList<>(1);
        int poolCount = pool.size();
        if (desired > active.size()) {
            int need = desired - active.size();
            pool.sort(PROMOTION_ORDER);
            int promoted = 0;
            for (Instance p : pool) {
                if (promoted == need) {
                    break;
                }
                actions.add(new PoolAction.Promote(p.id()));
                promoted++;
            }
            poolCount -= promoted;
            if (need > promoted) {
                actions.add(new PoolAction.StartActive(need - promoted));
            }
            reasons.add("scale up " + active.size() + " -> " + desired + ": " + promoted + " promoted, "
                    + (need - promoted) + " cold");
        } else if (desired < active.size()) {
            active.sort(VICTIM_ORDER);
            int returned = 0;
            for (Instance v : active.subList(0, active.size() - desired)) {
                if (v.ready() && poolCount < poolSize) {
                    actions.add(new PoolAction.ReturnToPool(v.id()));
                    poolCount++;
                    returned++;
                } else {
                    actions.add(new PoolAction.Stop(v.id()));
                }
            }
            reasons.add("scale down " + active.size() + " -> " + desired + ", least busy first"
                    + (returned > 0 ? ", " + returned + " back to pool" : ""));
        }
        refill(pool, poolCount, poolSize, actions);
        return new PoolPlan(actions, reasons);
    }

    private static void refill(List<Instance> pool, int poolCount, int poolSize, List<PoolAction> actions) {
        if (poolCount < poolSize) {
            actions.add(new PoolAction.StartWarm(poolSize - poolCount));
        } else if (poolCount > poolSize) {
            List<Instance> extra = new ArrayList<>(pool);
            extra.removeIf(p -> actions.contains(new PoolAction.Promote(p.id())));
            extra.sort(VICTIM_ORDER);
            for (Instance p : extra.subList(0, poolCount - poolSize)) {
                actions.add(new PoolAction.Stop(p.id()));
            }
        }
    }
}
