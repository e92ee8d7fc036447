package dev.quiver.kubernetes.activator;

import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionStatus;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Function's split as the activator routes it, read from its status ({@code status.traffic}, resolved by the
 * controller, and {@code status.latestRevision}): the latest revision is served by the Function's own Deployment,
 * so it is routed as the function itself; every other revision as its own workload {@code <fn>-0000N}. Pure.
 */
final class RevisionTraffic {
    private RevisionTraffic() {}

    /** @return the split, empty when every request goes to the latest revision and there is no tag */
    static Optional<List<TrafficTarget>> of(Function f) {
        FunctionStatus s = f.getStatus();
        if (s == null || s.getTraffic() == null || s.getTraffic().isEmpty() || s.getLatestRevision() == null) {
            return Optional.empty();
        }
        String latest = s.getLatestRevision();
        String fn = f.getMetadata().getName();
        // one entry per revision and tag: a status read back may repeat entries (a merge patch that appended lists)
        Map<String, TrafficTarget> entries = new LinkedHashMap<>();
        for (FunctionTraffic t : s.getTraffic()) {
            if (t.getRevisionName() == null) {
                continue;
            }
            String revision = t.getRevisionName().equals(latest) ? fn : t.getRevisionName();
            int percent = t.getPercent() == null ? 0 : t.getPercent();
            entries.putIfAbsent(
                    t.getRevisionName() + "|" + percent + "|" + t.getTag(),
                    new TrafficTarget(revision, percent, t.getTag()));
        }
        List<TrafficTarget> split = List.copyOf(entries.values());
        boolean direct = split.stream()
                .allMatch(t ->
                        t.tag() == null && (t.percent() == 0 || t.revision().equals(fn)));
        return direct || split.isEmpty() ? Optional.empty() : Optional.of(split);
    }
}
