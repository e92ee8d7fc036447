package dev.quiver.scaler.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed, error-collecting access to one map of a parsed settings tree. */
final class TreeValues {
    private final String prefix;
    private final Map<String, ?> map;
    private final List<Violation> errors;

    TreeValues(String prefix, Map<String, ?> map, List<Violation> errors) {
        this.prefix = prefix;
        this.map = map == null ? Map.of() : map;
        this.errors = errors;
    }

    TreeValues section(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, ?> m = (Map<String, ?>) v;
            return new TreeValues(prefix + key + ".", m, errors);
        }
        fail(key, "must be a map of settings", v);
        return new TreeValues(prefix + key + ".", Map.of(), errors);
    }

    void allowOnly(Set<String> known) {
        for (String k : map.keySet()) {
            if (!known.contains(k)) {
                fail(k, "is not a known key (known: " + String.join(", ", new TreeSet<>(known)) + ")", map.get(k));
            }
        }
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String string(String key, String dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String s) {
            return s;
        }
        fail(key, "must be a string", v);
        return dflt;
    }

    List<String> strings(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        fail(key, "must be a list of strings", v);
        return List.of();
    }

    double number(String key, double dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        fail(key, "must be a number", v);
        return dflt;
    }

    int integer(String key, int dflt) {
        double d = number(key, dflt);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            fail(key, "must be a whole number", map.get(key));
            return dflt;
        }
        return (int) d;
    }

    long whole(String key, long dflt) {
        double d = number(key, dflt);
        if (d != Math.rint(d)) {
            fail(key, "must be a whole number", map.get(key));
            return dflt;
        }
        return (long) d;
    }

    boolean bool(String key, boolean dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean((String) v);
        }
        fail(key, "must be true or false", v);
        return dflt;
    }

    Duration duration(String key, Duration dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            fail(key, e.getMessage(), v);
            return dflt;
        }
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) {
        String s = string(key, null);
        if (s == null) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase())
                .toList();
        fail(key, "must be one of " + String.join(", ", names), s);
        return dflt;
    }

    void addAll(List<Violation> more) {
        errors.addAll(more);
    }

    private void fail(String key, String rule, Object value) {
        errors.add(new Violation(prefix + key, rule, value));
    }
}
