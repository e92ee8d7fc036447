package dev.quiver.broker.filter;

import io.cloudevents.sql.ParseException;
import io.cloudevents.sql.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a trigger's {@code filter.attributes} and {@code filters} (Knative's SubscriptionsAPI dialects, as parsed
 * from YAML/JSON into maps and lists) into an {@link EventFilter}, rejecting invalid filters with the reason.
 * When {@code filters} is not empty, {@code filter} is ignored (as in Knative).
 */
public final class FilterParser {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");
    private static final Set<String> DIALECTS = Set.of("exact", "prefix", "suffix", "all", "any", "not", "cesql");

    private FilterParser() {}

    public static EventFilter parse(Map<String, String> legacyAttributes, List<?> filters) {
        if (filters != null && !filters.isEmpty()) {
            return new CompositeFilter(true, list("spec.filters", filters));
        }
        if (legacyAttributes == null || legacyAttributes.isEmpty()) {
            return EventFilter.MATCH_ALL;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        legacyAttributes.forEach((name, value) -> {
            attributeName("spec.filter.attributes", name);
            attrs.put(name, value == null ? "" : value);
        });
        return new LegacyAttributesFilter(attrs);
    }

    private static List<EventFilter> list(String path, List<?> items) {
        List<EventFilter> parsed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            parsed.add(one(path + "[" + i + "]", items.get(i)));
        }
        return List.copyOf(parsed);
    }

    static EventFilter one(String path, Object node) {
        if (!(node instanceof Map<?, ?> map) || map.size() != 1) {
            throw new InvalidFilterException(path, "must have exactly one dialect of " + DIALECTS);
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String dialect = String.valueOf(entry.getKey());
        String at = path + "." + dialect;
        Object value = entry.getValue();
        return switch (dialect) {
            case "exact" -> attribute(at, AttributeFilter.Mode.EXACT, value);
            case "prefix" -> attribute(at, AttributeFilter.Mode.PREFIX, value);
            case "suffix" -> attribute(at, AttributeFilter.Mode.SUFFIX, value);
            case "all", "any" -> {
                if (!(value instanceof List<?> items) || items.isEmpty()) {
                    throw new InvalidFilterException(at, "must be a non-empty list of filters");
                }
                yield new CompositeFilter("all".equals(dialect), list(at, items));
            }
            case "not" -> new NotFilter(one(at, value));
            case "cesql" -> cesql(at, value);
            default ->
                throw new InvalidFilterException(
                        path, "unknown dialect '" + dialect + "', expected one of " + DIALECTS);
        };
    }

    private static EventFilter attribute(String path, AttributeFilter.Mode mode, Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            throw new InvalidFilterException(path, "must have exactly one attribute");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String name = String.valueOf(entry.getKey());
        attributeName(path, name);
        if (!(entry.getValue() instanceof String expected)) {
            throw new InvalidFilterException(path + "." + name, "must be a string");
        }
        if (mode != AttributeFilter.Mode.EXACT && expected.isEmpty()) {
            throw new InvalidFilterException(path + "." + name, "must not be empty");
        }
        return new AttributeFilter(mode, name, expected);
    }

    private static EventFilter cesql(String path, Object value) {
        if (!(value instanceof String expression) || expression.isBlank()) {
            throw new InvalidFilterException(path, "must be a non-empty CloudEvents SQL expression");
        }
        try {
            return new CesqlFilter(expression, Parser.parseDefault(expression));
        } catch (ParseException e) {
            throw new InvalidFilterException(path, "invalid CloudEvents SQL: " + e.getMessage());
        }
    }

    private static void attributeName(String path, String name) {
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw new InvalidFilterException(
                    path, "attribute name '" + name + "' must be lowercase letters and digits");
        }
    }
}
