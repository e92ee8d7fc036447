package dev.quiver.local.eventing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.Destination.KReference;
import dev.quiver.api.eventing.DestinationResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One eventing document as deployed (its text, kept as written) and read: its kind, its name, and the JSON the broker
 * gets, with every Destination the platform can resolve ({@link LocalDestinations}) turned into its {@code uri}.
 * Quiver's {@code subscriber: {function: f}} is a reference of kind Function. Pure.
 */
public record EventingDocument(EventingKind kind, String name, String namespace, Map<String, Object> tree) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** The {@code apiVersion} and {@code kind} of a YAML/JSON document; empty when it is not a map or unreadable. */
    public static Optional<String[]> typeOf(String text) {
        try {
            Object tree = YAML.readValue(text, Object.class);
            if (tree instanceof Map<?, ?> m
                    && m.get("apiVersion") instanceof String v
                    && m.get("kind") instanceof String k) {
                return Optional.of(new String[] {v, k});
            }
        } catch (JsonProcessingException | RuntimeException unreadable) {
            // not one of ours: the function reader names the problem
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException naming the problem */
    @SuppressWarnings("unchecked")
    public static EventingDocument read(String text) {
        Object tree;
        try {
            tree = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a YAML or JSON document: " + e.getOriginalMessage());
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a document: expected apiVersion, kind, metadata, spec");
        }
        String apiVersion = String.valueOf(map.get("apiVersion"));
        String kind = String.valueOf(map.get("kind"));
        EventingKind k = EventingKind.of(apiVersion, kind)
                .orElseThrow(() -> new IllegalArgumentException("apiVersion/kind: " + apiVersion + " " + kind
                        + " is not deployable here; eventing kinds: "
                        + EventingKind.ALL.stream()
                                .map(e -> e.apiVersion() + " " + e.kind())
                                .toList()));
        Map<String, Object> metadata = map.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String name = metadata.get("name") instanceof String n ? n : null;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "metadata.name: must be a DNS label (lowercase letters, digits, '-'), got '" + name + "'");
        }
        String namespace = metadata.get("namespace") instanceof String ns ? ns : null;
        return new EventingDocument(k, name, namespace, (Map<String, Object>) map);
    }

    /** The document for the broker: each resolvable Destination replaced by {@code {uri: <address>}}. */
    public String resolvedJson(DestinationResolver resolver) {
        Map<String, Object> copy = deepCopy(tree);
        for (String path : kind.destinations()) {
            resolve(copy, List.of(path.split("\\.")), resolver);
        }
        try {
            return JSON.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + kind.kind() + " " + name, e);
        }
    }

    @SuppressWarnings("unchecked")
    private void resolve(Map<String, Object> node, List<String> path, DestinationResolver resolver) {
        Object child = node.get(path.get(0));
        if (!(child instanceof Map<?, ?> m)) {
            return;
        }
        if (path.size() > 1) {
            resolve((Map<String, Object>) m, path.subList(1, path.size()), resolver);
            return;
        }
        Destination d = destination((Map<String, Object>) m);
        resolver.resolve(d, namespace).ifPresent(uri -> node.put(path.get(0), Map.of("uri", uri.toString())));
    }

    private static Destination destination(Map<String, Object> m) {
        if (m.get("function") instanceof String f) {
            return new Destination(new KReference(null, "Function", f, null), (String) m.get("uri"));
        }
        return JSON.convertValue(m, Destination.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        tree.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return out;
    }
}
