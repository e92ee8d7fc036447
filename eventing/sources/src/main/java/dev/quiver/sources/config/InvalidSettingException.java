package dev.quiver.sources.config;

import java.util.List;

/** A setting under {@code quiver.sources.} broke a rule; the message names each key, rule and bad value. */
public class InvalidSettingException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSettingException(List<String> problems) {
        super("Invalid Quiver sources configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
