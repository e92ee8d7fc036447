package dev.quiver.api.trigger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One filter in one of the broker's dialects (Knative's SubscriptionsAPI): {@code exact}, {@code prefix},
 * {@code suffix} (one attribute each), {@code all}, {@code any} (non-empty lists of filters), {@code not} (a filter),
 * {@code cesql} (a CloudEvents SQL expression). Exactly one is set. The broker checks the rest (attribute names,
 * cesql syntax) and answers 400 naming {@code spec.filters[i]...}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Filter(
        Map<String, String> exact,
        Map<String, String> prefix,
        Map<String, String> suffix,
        List<Filter> all,
        List<Filter> any,
        Filter not,
        String cesql) {
    public static final Set<String> DIALECTS = Set.of("exact", "prefix", "suffix", "all", "any", "not", "cesql");

    public static Filter exact(String attribute, String value) {
        return new Filter(Map.of(attribute, value), null, null, null, null, null, null);
    }

    public static Filter prefix(String attribute, String value) {
        return new Filter(null, Map.of(attribute, value), null, null, null, null, null);
    }

    public static Filter suffix(String attribute, String value) {
        return new Filter(null, null, Map.of(attribute, value), null, null, null, null);
    }

    public static Filter all(Filter... filters) {
        return new Filter(null, null, null, List.of(filters), null, null, null);
    }

    public static Filter any(Filter... filters) {
        return new Filter(null, null, null, null, List.of(filters), null, null);
    }

    public static Filter not(Filter filter) {
        return new Filter(null, null, null, null, null, filter, null);
    }

    public static Filter cesql(String expression) {
        return new Filter(null, null, null, null, null, null, expression);
    }

    /** Reads a filter from its parsed YAML/JSON tree, and the JSON reader does too. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Filter fromTree(Map<String, Object> tree) {
        return read("filter", tree);
    }

    /** Reads a list of filters; errors name {@code path[i].dialect...}. */
    public static List<Filter> readAll(String path, Object tree) {
        if (tree == null) {
            return List.of();
        }
        if (!(tree instanceof List<?> items)) {
            throw new InvalidDocumentException(path, "must be a list of filters", tree);
        }
        List<Filter> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(read(path + "[" + i + "]", items.get(i)));
        }
        return out;
    }

    /** @throws InvalidDocumentException naming the path, the rule and the value */
    public static Filter read(String path, Object tree) {
        if (!(tree instanceof Map<?, ?> map) || map.size() != 1) {
            throw new InvalidDocumentException(
                    path, "must have exactly one dialect of " + new TreeSet<>(DIALECTS), tree);
        }
        var entry = map.entrySet().iterator().next();
        String dialect = String.valueOf(entry.getKey());
        String at = path + "." + dialect;
        Object v = entry.getValue();
        return switch (dialect) {
            case "exact" -> new Filter(attribute(at, v), null, null, null, null, null, null);
            case "prefix" -> new Filter(null, attribute(at, v), null, null, null, null, null);
            case "suffix" -> new Filter(null, null, attribute(at, v), null, null, null, null);
            case "all" -> new Filter(null, null, null, nonEmpty(at, v), null, null, null);
            case "any" -> new Filter(null, null, null, null, nonEmpty(at, v), null, null);
            case "not" -> new Filter(null, null, null, null, null, read(at, v), null);
            case "cesql" -> {
                if (!(v instanceof String s) || s.isBlank()) {
                    throw new InvalidDocumentException(at, "must be a non-empty CloudEvents SQL expression", v);
                }
                yield new Filter(null, null, null, null, null, null, s);
            }
            default ->
                throw new InvalidDocumentException(
                        path, "has an unknown dialect, expected one of " + new TreeSet<>(DIALECTS), dialect);
        };
    }

    private static List<Filter> nonEmpty(String at, Object v) {
        List<Filter> items = readAll(at, v);
        if (items.isEmpty()) {
            throw new InvalidDocumentException(at, "must be a non-empty list of filters", v);
        }
        return items;
    }

    private static Map<String, String> attribute(String at, Object v) {
        if (!(v instanceof Map<?, ?> m) || m.size() != 1) {
            throw new InvalidDocumentException(at, "must have exactly one attribute", v);
        }
        var e = m.entrySet().iterator().next();
        if (!(e.getValue() instanceof String s)) {
            throw new InvalidDocumentException(at + "." + e.getKey(), "must be a string", e.getValue());
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(String.valueOf(e.getKey()), s);
        return Map.copyOf(out);
    }
}
