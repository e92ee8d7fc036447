package dev.quiver.control.loop;

import dev.quiver.scaler.warmpool.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The promotion fast path's decision: a request waits for a function with no instance in traffic, so the oldest
 * ready warm-pool instance of its current revision takes it at once, before the loop's next decision (which then
 * sees it active). Nothing when an instance is in traffic already (the request waits for a free slot, not for a
 * promotion) or when no pool instance is ready (the loop starts one). Pure: the instances are its only input.
 */
public final class FastPromotion {
    /** As the scaler's warm pool promotes: the oldest started first, then by id. */
    private static final Comparator<InstanceView> ORDER =
            Comparator.comparing(InstanceView::startedAt).thenComparing(InstanceView::id);

    private FastPromotion() {}

    /** @return the pool instance to promote now, or empty */
    public static Optional<InstanceView> pick(List<InstanceView> instances) {
        boolean inTraffic = instances.stream().anyMatch(InstanceView::routable);
        if (inTraffic) {
            return Optional.empty();
        }
        return instances.stream()
                .filter(i -> i.current() && i.role() == Role.POOL && i.ready() && i.host() != null)
                .min(ORDER);
    }
}
