package dev.quiver.scaler.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gradual rollout ({@code rolloutDuration}), as Knative's: when the latest revision changes, the share the spec gives
 * the latest revision moves to it in steps over the duration, not at once; the rest stays with the revisions that had
 * it before. Pure: the split at time {@code now}. Knative starts with 1 % and moves an equal step every
 * {@code duration / steps}; here a step every {@code duration / share} (1 % per step, at most 100 steps), the first
 * at the start.
 */
public final class Rollout {
    private Rollout() {}

    /**
     * @param from   the resolved split before the new latest revision (its shares sum to 100)
     * @param to     the resolved split the spec asks for, naming {@code latest}
     * @param latest the new latest revision
     * @param start  when the rollout started
     * @return the split to apply at {@code now}: {@code to} once the duration is over
     */
    public static List<TrafficTarget> at(
            List<TrafficTarget> from,
            List<TrafficTarget> to,
            String latest,
            Instant start,
            Duration duration,
            Instant now) {
        int goal = TrafficSplit.shares(to).getOrDefault(latest, 0);
        if (duration.isZero() || goal == 0 || !now.isBefore(start.plus(duration)) || from.isEmpty()) {
            return to;
        }
        long elapsed = Math.max(0, Duration.between(start, now).toMillis());
        int moved = (int) Math.min(goal - 1, 1 + (elapsed * goal) / Math.max(1, duration.toMillis()));
        int rest = 100 - moved;
        Map<String, Integer> old = TrafficSplit.shares(from);
        old.remove(latest);
        int oldTotal = old.values().stream().mapToInt(Integer::intValue).sum();
        List<TrafficTarget> out = new ArrayList<>();
        if (oldTotal == 0) {
            return to;
        }
        int given = 0;
        List<String> names = new ArrayList<>(old.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int share = i == names.size() - 1 ? rest - given : (int) ((long) old.get(name) * rest / oldTotal);
            given += share;
            out.add(new TrafficTarget(name, share, tagOf(to, name)));
        }
        out.add(new TrafficTarget(latest, moved, tagOf(to, latest)));
        for (TrafficTarget t : to) {
            if (t.tag() != null && out.stream().noneMatch(o -> t.tag().equals(o.tag()))) {
                out.add(new TrafficTarget(t.revision(), 0, t.tag()));
            }
        }
        return out;
    }

    private static String tagOf(List<TrafficTarget> to, String revision) {
        return to.stream()
                .filter(t -> t.revision().equals(revision) && t.tag() != null)
                .map(TrafficTarget::tag)
                .findFirst()
                .orElse(null);
    }
}
