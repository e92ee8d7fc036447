package dev.quiver.scaler.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON document as plain maps, lists and scalars, plus the line of every key (by dotted path), so
 * that a setting's error can name its line.
 */
final class LocatedTree {
    private final Map<String, Integer> lines = new HashMap<>();

    static LocatedTree.Result parse(JsonParser p) throws IOException {
        LocatedTree t = new LocatedTree();
        JsonToken first = p.nextToken();
        if (first == null) {
            return new Result(new LinkedHashMap<>(), t.lines);
        }
        if (first != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("the document must be a map of settings");
        }
        return new Result(t.object(p, ""), t.lines);
    }

    record Result(Map<String, Object> tree, Map<String, Integer> lines) {
        /** Line of {@code path}, else of its nearest parent, else 0. */
        int lineOf(String path) {
            String p = path;
            while (true) {
                Integer l = lines.get(p);
                if (l != null) {
                    return l;
                }
                int dot = p.lastIndexOf('.');
                if (dot < 0) {
                    return 0;
                }
                p = p.substring(0, dot);
            }
        }
    }

    private Map<String, Object> object(JsonParser p, String prefix) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            lines.put(prefix + key, p.currentTokenLocation().getLineNr());
            p.nextToken();
            out.put(key, value(p, prefix + key + "."));
        }
        return out;
    }

    private Object value(JsonParser p, String prefix) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p, prefix);
            case START_ARRAY -> array(p, prefix);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private List<Object> array(JsonParser p, String prefix) throws IOException {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(value(p, prefix));
        }
        return out;
    }
}
