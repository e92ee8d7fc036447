package dev.quiver.api.trigger;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a trigger's {@code delivery} from its parsed YAML/JSON tree with the broker's rules (docs/eventing.md):
 * {@code retry >= 0}, {@code backoffPolicy} linear or exponential, ISO-8601 durations ({@code timeout} positive, the
 * others not negative), {@code deadLetterSink.uri} {@code http(s)://...} or {@code kafka:TOPIC}.
 */
public final class DeliveryRules {
    private static final Set<String> KEYS =
            Set.of("retry", "backoffPolicy", "backoffDelay", "timeout", "retryAfterMax", "deadLetterSink");

    private DeliveryRules() {}

    /** @return every broken rule, keys under {@code path}; empty when the delivery is valid */
    public static List<InvalidDocumentException> check(String path, Map<?, ?> tree) {
        List<InvalidDocumentException> errors = new ArrayList<>();
        for (Object k : tree.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                errors.add(new InvalidDocumentException(
                        path + "." + k,
                        "is not a known key (known: "
                                + String.join(", ", KEYS.stream().sorted().toList()) + ")",
                        tree.get(k)));
            }
        }
        Object retry = tree.get("retry");
        if (retry != null && !(retry instanceof Integer i && i >= 0)) {
            errors.add(new InvalidDocumentException(path + ".retry", "must be an integer >= 0", retry));
        }
        Object policy = tree.get("backoffPolicy");
        if (policy != null && !"linear".equals(policy) && !"exponential".equals(policy)) {
            errors.add(new InvalidDocumentException(path + ".backoffPolicy", "must be linear or exponential", policy));
        }
        duration(path + ".backoffDelay", tree.get("backoffDelay"), true, errors);
        duration(path + ".timeout", tree.get("timeout"), false, errors);
        duration(path + ".retryAfterMax", tree.get("retryAfterMax"), true, errors);
        Object sink = tree.get("deadLetterSink");
        if (sink != null) {
            Object uri = sink instanceof Map<?, ?> m && m.size() == 1 ? m.get("uri") : null;
            if (!(uri instanceof String u)
                    || !(u.startsWith("http://")
                            || u.startsWith("https://")
                            || (u.startsWith("kafka:") && u.length() > "kafka:".length()))) {
                errors.add(new InvalidDocumentException(
                        path + ".deadLetterSink", "must be {uri: http(s)://...} or {uri: kafka:TOPIC}", sink));
            }
        }
        return errors;
    }

    /** The delivery as the document record; call {@link #check} first. */
    public static TriggerDocument.Delivery read(Map<?, ?> tree) {
        Object sink = tree.get("deadLetterSink");
        return new TriggerDocument.Delivery(
                (Integer) tree.get("retry"),
                (String) tree.get("backoffPolicy"),
                (String) tree.get("backoffDelay"),
                (String) tree.get("timeout"),
                (String) tree.get("retryAfterMax"),
                sink instanceof Map<?, ?> m ? dev.quiver.api.eventing.Destination.ofUri((String) m.get("uri")) : null);
    }

    private static void duration(String key, Object value, boolean zeroAllowed, List<InvalidDocumentException> errors) {
        if (value == null) {
            return;
        }
        try {
            Duration d = Duration.parse(String.valueOf(value).trim());
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                errors.add(new InvalidDocumentException(
                        key, zeroAllowed ? "must not be negative" : "must be positive", value));
            }
        } catch (DateTimeParseException e) {
            errors.add(new InvalidDocumentException(key, "must be an ISO-8601 duration such as PT0.5S", value));
        }
    }
}
