package dev.quiver.scaler.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a function's scaling settings are invalid; lists every violation found. */
public final class SpecException extends IllegalArgumentException {
    private final transient List<Violation> violations;

    public SpecException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
