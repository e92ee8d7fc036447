package dev.quiver.api.function;

import dev.quiver.scaler.spec.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed, violation-collecting access to one map of a function document; violations name the dotted key. */
final class DocumentTree {
    private final String prefix;
    private final Map<String, ?> map;
    private final boolean present;
    private final List<Violation> errors;

    DocumentTree(String prefix, Map<String, ?> map, List<Violation> errors) {
        this.prefix = prefix;
        this.present = map != null;
        this.map = map == null ? Map.of() : map;
        this.errors = errors;
    }

    boolean present() {
        return present;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    Object raw(String key) {
        return map.get(key);
    }

    String path(String key) {
        return prefix + key;
    }

    /** A nested map; {@code key: true} and {@code key: {}} are an empty section, a missing key is absent. */
    DocumentTree section(String key) {
        Object v = map.get(key);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) m;
            return new DocumentTree(prefix + key + ".", typed, errors);
        }
        if (v != null && !(v instanceof Boolean b && b)) {
            fail(key, "must be a map of settings", v);
        }
        return new DocumentTree(prefix + key + ".", map.containsKey(key) && v != null ? Map.of() : null, errors);
    }

    void allowOnly(Set<String> known) {
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                fail(
                        k,
                        known.isEmpty()
                                ? "is not a known key (this section takes none)"
                                : "is not a known key (known: " + String.join(", ", new TreeSet<>(known)) + ")",
                        map.get(k));
            }
        }
    }

    String string(String key, String dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        fail(key, "must be a non-empty string", v);
        return dflt;
    }

    String requiredString(String key, String rule) {
        if (map.get(key) == null) {
            fail(key, rule, null);
            return null;
        }
        return string(key, null);
    }

    List<String> strings(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        fail(key, "must be a list of strings", v);
        return List.of();
    }

    List<Object> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        fail(key, "must be a list", v);
        return List.of();
    }

    Map<String, String> stringMap(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                Object value = e.getValue();
                if (value instanceof Map || value instanceof List || value == null) {
                    fail(key + "." + e.getKey(), "must be a plain value", value);
                } else {
                    out.put(String.valueOf(e.getKey()), String.valueOf(value));
                }
            }
            return out;
        }
        fail(key, "must be a map of names to values", v);
        return out;
    }

    void fail(String key, String rule, Object value) {
        errors.add(new Violation(prefix + key, rule, value));
    }
}
