package dev.quiver.kubernetes.model;

import dev.quiver.api.traffic.TrafficEntry;
import dev.quiver.api.traffic.TrafficRules;
import dev.quiver.kubernetes.resource.FunctionRevision;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.scaler.spec.Violation;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Function's revisions on Kubernetes, as its status lists them: a new pod template (a new image or configuration,
 * Knative's rule) is a new revision {@code <function>-0000N}, named as on the local backend. Pure: the history before,
 * the template now and the time in; the history after out. The newest {@code keep} are kept.
 */
public final class RevisionHistory {
    private RevisionHistory() {}

    public static List<FunctionRevision> next(
            List<FunctionRevision> before, String function, String template, String image, Instant now, int keep) {
        return next(before, function, template, image, now, keep, Set.of());
    }

    /** @param serving revisions that have traffic or a tag: never dropped from the history, whatever their age */
    public static List<FunctionRevision> next(
            List<FunctionRevision> before,
            String function,
            String template,
            String image,
            Instant now,
            int keep,
            Set<String> serving) {
        // one entry per name, by number: a status read back may repeat entries (a merge patch that appended lists)
        java.util.Map<String, FunctionRevision> byName = new java.util.TreeMap<>();
        (before == null ? List.<FunctionRevision>of() : before).forEach(r -> byName.put(r.getName(), r));
        List<FunctionRevision> out = new ArrayList<>(byName.values());
        FunctionRevision last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last == null || !template.equals(last.getTemplate())) {
            int number = last == null ? 1 : number(last.getName()) + 1;
            out.add(FunctionRevision.of(String.format("%s-%05d", function, number), template, image, now.toString()));
        }
        for (int i = 0; out.size() > Math.max(1, keep) && i < out.size() - 1; ) {
            if (serving.contains(out.get(i).getName())) {
                i++;
            } else {
                out.remove(i);
            }
        }
        return out;
    }

    /**
     * The traffic applied: the spec's, resolved against the revisions by the shared {@link TrafficRules} (the local
     * backend's checks, nothing more), each key named under {@code spec.}.
     */
    public static List<FunctionTraffic> applied(List<FunctionTraffic> spec, List<FunctionRevision> revisions) {
        List<TrafficEntry> entries = spec == null || spec.isEmpty()
                ? TrafficRules.DEFAULT
                : spec.stream().map(FunctionTraffic::entry).toList();
        String latest = revisions.get(revisions.size() - 1).getName();
        Set<String> names = new LinkedHashSet<>();
        revisions.forEach(r -> names.add(r.getName()));
        List<Violation> errors = new ArrayList<>();
        List<TrafficTarget> resolved = TrafficRules.resolve(entries, latest, names, errors);
        if (!errors.isEmpty()) {
            throw new dev.quiver.scaler.spec.SpecException(errors.stream()
                    .map(v -> new Violation(FunctionValidator.field(v.key()), v.rule(), v.value()))
                    .toList());
        }
        return resolved.stream()
                .map(t -> FunctionTraffic.of(t.revision(), t.percent(), t.tag()))
                .toList();
    }

    private static int number(String name) {
        try {
            return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
