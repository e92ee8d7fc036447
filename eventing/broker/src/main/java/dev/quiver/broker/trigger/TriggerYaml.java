package dev.quiver.broker.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.broker.filter.FilterParser;
import dev.quiver.broker.filter.InvalidFilterException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link TriggerDocument}s, Quiver's or Knative's shape, from YAML (JSON is YAML too); several documents
 * separated by {@code ---}. Filters are checked on the parsed tree first so an error names {@code spec.filters[i]...}.
 */
public final class TriggerYaml {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TriggerYaml() {}

    public static List<TriggerDocument> readAll(String text) {
        List<Object> trees;
        try (MappingIterator<Object> it = YAML.readerFor(Object.class).readValues(text)) {
            trees = it.readAll();
        } catch (JsonProcessingException e) {
            throw new InvalidTriggerException("not a Trigger resource: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidTriggerException("cannot read triggers: " + e.getMessage());
        }
        List<TriggerDocument> out = new ArrayList<>();
        for (Object tree : trees) {
            if (tree != null) {
                out.add(read(tree));
            }
        }
        return out;
    }

    public static TriggerDocument readOne(String text) {
        List<TriggerDocument> all = readAll(text);
        if (all.size() != 1) {
            throw new InvalidTriggerException("expected one Trigger resource, got " + all.size());
        }
        return all.get(0);
    }

    /** One parsed tree (maps and lists) as a document; filters checked first, with their paths. */
    public static TriggerDocument read(Object tree) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InvalidTriggerException("not a Trigger resource: expected an object, got " + tree);
        }
        if (map.get("spec") instanceof Map<?, ?> spec && spec.get("filters") instanceof List<?> filters) {
            try {
                FilterParser.parse(null, filters);
            } catch (InvalidFilterException e) {
                throw new InvalidTriggerException(e.getMessage());
            }
        }
        try {
            return YAML.convertValue(map, TriggerDocument.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException j ? j : e;
            throw new InvalidTriggerException("not a Trigger resource: "
                    + (cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage()));
        }
    }
}
