package dev.quiver.bench.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's figures: what the publisher had acknowledged (202), how many of those reached the subscriber at least
 * once, how many never did (the rule: 0), how many deliveries were repeats, and how long after the fault began the
 * first acknowledged event sent after it was delivered. Plain arithmetic on the two sides' records.
 *
 * @param recover null when no event accepted after the fault was delivered
 */
public record Tally(
        String scenario, int accepted, int delivered, int lost, int duplicated, int refused, Duration recover) {

    /**
     * @param accepted   ids the publisher got a 202 (200) for, with when they were sent (nanos)
     * @param refused    publish attempts not acknowledged (never counted as lost: the publisher knows to retry)
     * @param deliveries every delivery the subscriber received (an id per delivery, repeats included), with when
     * @param faultAt    when the fault was injected (nanos, same clock)
     */
    public static Tally of(
            String scenario, Map<String, Long> accepted, int refused, List<Delivery> deliveries, long faultAt) {
        Map<String, Integer> times = new HashMap<>();
        for (Delivery d : deliveries) {
            times.merge(d.id(), 1, Integer::sum);
        }
        Set<String> got = times.keySet();
        int delivered = (int) accepted.keySet().stream().filter(got::contains).count();
        int duplicated = times.values().stream().mapToInt(n -> n - 1).sum();
        Long firstAfter = deliveries.stream()
                .filter(d -> accepted.getOrDefault(d.id(), Long.MIN_VALUE) >= faultAt)
                .map(Delivery::atNanos)
                .min(Long::compare)
                .orElse(null);
        return new Tally(
                scenario,
                accepted.size(),
                delivered,
                accepted.size() - delivered,
                duplicated,
                refused,
                firstAfter == null ? null : Duration.ofNanos(Math.max(0, firstAfter - faultAt)));
    }

    /** One delivery the subscriber received. */
    public record Delivery(String id, long atNanos) {}

    public static String header() {
        return String.format(
                "%-34s %9s %9s %6s %10s %8s %10s",
                "scenario", "accepted", "delivered", "lost", "duplicated", "refused", "recover");
    }

    public String line() {
        return String.format(
                "%-34s %9d %9d %6d %10d %8d %10s",
                scenario,
                accepted,
                delivered,
                lost,
                duplicated,
                refused,
                recover == null ? "never" : String.format("%.1f s", recover.toMillis() / 1000.0));
    }
}
