package dev.quiver.scaler.spec;

/** One broken setting: the key (dotted path), the rule it breaks and the value found. */
public record Violation(String key, String rule, Object value) {
    @Override
    public String toString() {
        return key + ": " + rule + ", was " + render(value);
    }

    private static String render(Object value) {
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
