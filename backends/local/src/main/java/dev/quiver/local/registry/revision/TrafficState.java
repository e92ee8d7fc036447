package dev.quiver.local.registry.revision;

import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.List;

/**
 * A function's traffic as last set (by its spec's {@code traffic:} or {@code quiver traffic}), and a rollout in
 * progress: the split before it, when it started and for how long. Stored as {@code <data>/revisions/<fn>.traffic.json}.
 *
 * @param traffic          the entries as set, {@code latestRevision} unresolved
 * @param rolloutMillis    {@code rolloutDuration} in milliseconds, 0: none
 * @param rolloutFrom      the resolved split when the latest revision last changed
 * @param rolloutLatest    the latest revision the rollout moves to, null when none
 * @param rolloutStartedAt epoch milliseconds
 */
public record TrafficState(
        List<TrafficEntry> traffic,
        long rolloutMillis,
        List<TrafficTarget> rolloutFrom,
        String rolloutLatest,
        long rolloutStartedAt) {
    public TrafficState {
        traffic = List.copyOf(traffic);
        rolloutFrom = rolloutFrom == null ? List.of() : List.copyOf(rolloutFrom);
    }

    public static TrafficState of(List<TrafficEntry> traffic, long rolloutMillis) {
        return new TrafficState(traffic, rolloutMillis, List.of(), null, 0);
    }
}
