package dev.quiver.sources.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads required fields of a notification record; a missing one is reported with its JSON path. */
final class Fields {

    private final JsonNode node;
    private final String path;

    Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code name}, required. */
    Fields object(String name) throws InvalidNotificationException {
        JsonNode child = node.get(name);
        if (child == null || !child.isObject()) {
            throw new InvalidNotificationException(path + "." + name + " must be an object");
        }
        return new Fields(child, path + "." + name);
    }

    /** The object at {@code name}, or an empty one. */
    Fields optionalObject(String name) {
        JsonNode child = node.get(name);
        return new Fields(
                child != null && child.isObject()
                        ? child
                        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                path + "." + name);
    }

    /** A non-empty string at {@code name}, required. */
    String text(String name) throws InvalidNotificationException {
        String value = optionalText(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidNotificationException(path + "." + name + " must be a non-empty string");
        }
        return value;
    }

    /** A string (or number, as text) at {@code name}, or null. */
    String optionalText(String name) {
        JsonNode child = node.get(name);
        return child != null && (child.isTextual() || child.isNumber()) ? child.asText() : null;
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }
}
