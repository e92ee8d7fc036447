package dev.quiver.scaler.traffic;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which revision takes a request: a pure decision of the resolved traffic and a random draw, taken per request (not
 * per connection). Entries naming the same revision add up, as in Knative.
 */
public final class TrafficSplit {
    private TrafficSplit() {}

    /**
     * @param draw a uniform random number in [0, 1), supplied by the caller
     * @return the revision whose cumulative share covers {@code draw}, empty when no entry has a share
     */
    public static Optional<String> pick(List<TrafficTarget> traffic, double draw) {
        if (draw < 0 || draw >= 1) {
            throw new IllegalArgumentException("draw must be in [0, 1), was " + draw);
        }
        int total = traffic.stream().mapToInt(TrafficTarget::percent).sum();
        if (total == 0) {
            return Optional.empty();
        }
        double point = draw * total;
        int sum = 0;
        for (TrafficTarget t : traffic) {
            sum += t.percent();
            if (t.percent() > 0 && point < sum) {
                return Optional.of(t.revision());
            }
        }
        return Optional.of(traffic.get(traffic.size() - 1).revision());
    }

    /** The revision a tag routes to, empty when no entry has the tag. */
    public static Optional<String> tagged(List<TrafficTarget> traffic, String tag) {
        return traffic.stream()
                .filter(t -> tag.equals(t.tag()))
                .map(TrafficTarget::revision)
                .findFirst();
    }

    /** Each revision's total share, in the order first named. */
    public static Map<String, Integer> shares(Collection<TrafficTarget> traffic) {
        Map<String, Integer> out = new LinkedHashMap<>();
        traffic.forEach(t -> out.merge(t.revision(), t.percent(), Integer::sum));
        return out;
    }

    /** The revisions that serve: a share above 0 % or a tag. Every other revision scales to zero. */
    public static Set<String> serving(Collection<TrafficTarget> traffic) {
        Set<String> out = new LinkedHashSet<>();
        traffic.stream().filter(TrafficTarget::serving).forEach(t -> out.add(t.revision()));
        return out;
    }
}
