package dev.quiver.scaler.simulator;

import dev.quiver.scaler.traffic.TrafficSplit;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A trace replayed against a traffic split: each second's requests go one by one to a revision drawn by
 * {@link TrafficSplit#pick} (the activator's decision), and its concurrency follows each revision's share of them.
 * Kafka lag is not split (the revisions' instances share the consumer group): every revision sees it.
 */
public final class TraceSplit {
    private TraceSplit() {}

    /** @return each serving revision's trace, in the split's order */
    public static Map<String, List<TraceLine>> split(List<TraceLine> lines, List<TrafficTarget> traffic, long seed) {
        Random random = new Random(seed);
        Map<String, List<TraceLine>> out = new LinkedHashMap<>();
        TrafficSplit.shares(traffic).forEach((rev, share) -> {
            if (share > 0) {
                out.put(rev, new ArrayList<>());
            }
        });
        for (TraceLine line : lines) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            out.keySet().forEach(r -> counts.put(r, 0));
            long n = Math.round(line.rps());
            for (long i = 0; i < n; i++) {
                TrafficSplit.pick(traffic, random.nextDouble()).ifPresent(r -> counts.merge(r, 1, Integer::sum));
            }
            for (String rev : out.keySet()) {
                double fraction = n == 0 ? TrafficSplit.shares(traffic).get(rev) / 100.0 : counts.get(rev) / (double) n;
                out.get(rev).add(new TraceLine(line.t(), line.concurrency() * fraction, counts.get(rev), line.lag()));
            }
        }
        return out;
    }

    /** {@code rev-a=90,rev-b=10} as a split; a malformed entry is an {@link IllegalArgumentException}. */
    public static List<TrafficTarget> parse(String text) {
        List<TrafficTarget> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=");
            try {
                out.add(new TrafficTarget(kv[0].trim(), Integer.parseInt(kv[1].trim()), null));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--split: expected <revision>=<percent>,..., was '" + text + "'");
            }
        }
        int sum = out.stream().mapToInt(TrafficTarget::percent).sum();
        if (sum != 100) {
            throw new IllegalArgumentException("--split: the percents must add up to 100, was " + sum);
        }
        return out;
    }
}
