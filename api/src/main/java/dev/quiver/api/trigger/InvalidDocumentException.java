package dev.quiver.api.trigger;

/** A trigger document part breaks a rule: names the key (dotted path), the rule and the bad value. */
public final class InvalidDocumentException extends IllegalArgumentException {
    private final String key;
    private final String rule;
    private final transient Object value;

    public InvalidDocumentException(String key, String rule, Object value) {
        super(key + ": " + rule + ", was " + (value instanceof String s ? '"' + s + '"' : String.valueOf(value)));
        this.key = key;
        this.rule = rule;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String rule() {
        return rule;
    }

    public Object value() {
        return value;
    }
}
