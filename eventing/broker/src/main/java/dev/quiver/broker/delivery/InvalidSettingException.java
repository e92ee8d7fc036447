package dev.quiver.broker.delivery;

/** A setting broke a rule; the message names the key, the rule and the bad value. */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    public InvalidSettingException(String key, String rule, Object value) {
        super(key + " " + rule + ", got '" + value + "'");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
