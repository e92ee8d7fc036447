package dev.quiver.api.traffic;

import dev.quiver.scaler.spec.Violation;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a function's {@code traffic:} and {@code rolloutDuration}, the one reader of the local spec, the
 * Kubernetes resource, the control API and the CLI. Violations name the key ({@code traffic[1].percent}), the rule
 * and the bad value.
 */
public final class TrafficRules {
    /** No {@code traffic:}: every request to the latest revision (Knative's default). */
    public static final List<TrafficEntry> DEFAULT = List.of(TrafficEntry.latest(100));

    private static final Pattern TAG = Pattern.compile("[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?");
    private static final Set<String> KEYS = Set.of("revisionName", "latestRevision", "percent", "tag");

    private TrafficRules() {}

    /** Reads {@code traffic:} from a parsed document; absent: {@link #DEFAULT}. */
    public static List<TrafficEntry> read(Object raw, List<Violation> errors) {
        if (raw == null) {
            return DEFAULT;
        }
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            errors.add(new Violation(
                    "traffic", "must be a non-empty list of {revisionName|latestRevision, percent, tag}", raw));
            return DEFAULT;
        }
        List<TrafficEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "traffic[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                errors.add(new Violation(
                        key, "must be a map with revisionName or latestRevision, percent, tag", list.get(i)));
                continue;
            }
            m.keySet().stream()
                    .filter(k -> !KEYS.contains(String.valueOf(k)))
                    .forEach(k -> errors.add(new Violation(key + "." + k, "is not a known key (" + KEYS + ")", k)));
            Object name = m.get("revisionName");
            Object latest = m.get("latestRevision");
            Object percent = m.get("percent");
            Object tag = m.get("tag");
            if (name != null && !(name instanceof String)) {
                errors.add(new Violation(key + ".revisionName", "must be a revision name", name));
            }
            if (latest != null && !(latest instanceof Boolean)) {
                errors.add(new Violation(key + ".latestRevision", "must be true or false", latest));
            }
            if (percent != null && !(percent instanceof Integer)) {
                errors.add(new Violation(key + ".percent", "must be a whole number 0..100", percent));
            }
            if (tag != null && !(tag instanceof String)) {
                errors.add(new Violation(key + ".tag", "must be a DNS label", tag));
            }
            out.add(new TrafficEntry(
                    name instanceof String s ? s : null,
                    latest instanceof Boolean b ? b : null,
                    percent instanceof Integer p ? p : 0,
                    tag instanceof String s ? s : null));
        }
        check(out, errors);
        return out;
    }

    /** The rules that need no knowledge of the function's revisions. */
    public static void check(List<TrafficEntry> traffic, List<Violation> errors) {
        if (traffic.isEmpty()) {
            errors.add(new Violation("traffic", "must name at least one revision", "[]"));
            return;
        }
        int sum = 0;
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < traffic.size(); i++) {
            TrafficEntry e = traffic.get(i);
            String key = "traffic[" + i + "]";
            boolean named = e.revisionName() != null && !e.revisionName().isBlank();
            if (named == e.latest()) {
                errors.add(new Violation(
                        key, "must have exactly one of revisionName or latestRevision: true", describe(e)));
            }
            if (e.percent() < 0 || e.percent() > 100) {
                errors.add(new Violation(key + ".percent", "must be 0..100", e.percent()));
            }
            sum += e.percent();
            if (e.tag() != null) {
                if (!TAG.matcher(e.tag()).matches()) {
                    errors.add(new Violation(key + ".tag", "must be a DNS label of at most 32 characters", e.tag()));
                } else if (!tags.add(e.tag())) {
                    errors.add(new Violation(key + ".tag", "is used twice (each tag names one route)", e.tag()));
                }
            }
        }
        if (sum != 100) {
            errors.add(new Violation("traffic", "percent must add up to 100", sum));
        }
    }

    /**
     * Resolves {@code latestRevision} and checks each named revision exists.
     *
     * @param latest the function's latest revision
     * @param known  the function's revisions
     */
    public static List<TrafficTarget> resolve(
            List<TrafficEntry> traffic, String latest, Set<String> known, List<Violation> errors) {
        List<TrafficTarget> out = new ArrayList<>();
        for (int i = 0; i < traffic.size(); i++) {
            TrafficEntry e = traffic.get(i);
            String name = e.latest() ? latest : e.revisionName();
            if (name == null || !known.contains(name)) {
                errors.add(new Violation(
                        "traffic[" + i + "].revisionName", "must be one of the function's revisions " + known, name));
                continue;
            }
            out.add(new TrafficTarget(name, Math.max(0, Math.min(100, e.percent())), e.tag()));
        }
        return out;
    }

    /** Reads {@code rolloutDuration} (ISO-8601 {@code PT5M} or {@code 300s}, {@code 5m}); absent: zero. */
    public static Duration rolloutDuration(Object raw, List<Violation> errors) {
        if (raw == null) {
            return Duration.ZERO;
        }
        Optional<Duration> d = parseDuration(String.valueOf(raw));
        if (d.isEmpty() || d.get().isNegative()) {
            errors.add(new Violation("rolloutDuration", "must be a duration such as 300s, 5m or PT5M", raw));
            return Duration.ZERO;
        }
        return d.get();
    }

    static Optional<Duration> parseDuration(String s) {
        String t = s.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Optional.of(Duration.parse(t));
            }
            if (t.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Optional.of(Duration.ofSeconds(n));
                case 'm' -> Optional.of(Duration.ofMinutes(n));
                case 'h' -> Optional.of(Duration.ofHours(n));
                default -> Optional.empty();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static String describe(TrafficEntry e) {
        return "{revisionName: " + e.revisionName() + ", latestRevision: " + e.latestRevision() + "}";
    }
}
