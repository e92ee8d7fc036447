package dev.quiver.local.registry;

import java.util.List;

/** A function document that cannot be deployed; every problem names its key (dotted path) and reason. */
public final class InvalidFunctionException extends IllegalArgumentException {
    private final transient List<String> problems;

    public InvalidFunctionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
