package dev.quiver.scaler.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A function's scaling settings: its name, the signals it scales on, and the KPA and lag settings. */
public record FunctionSpec(String name, Set<Trigger> triggers, ScaleSpec scale, LagSpec lag) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public FunctionSpec {
        List<Violation> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new Violation(
                    "name", "must be a DNS label (lower case letters, digits, '-', " + "at most 63 characters)", name));
        }
        if (triggers == null || triggers.isEmpty()) {
            errors.add(new Violation("triggers", "must name at least one of http, kafka", triggers));
        }
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        triggers = Set.copyOf(triggers);
    }

    /** An HTTP-triggered function with every default. */
    public static FunctionSpec defaults(String name) {
        return new FunctionSpec(name, EnumSet.of(Trigger.HTTP), ScaleSpec.defaults(), LagSpec.defaults());
    }

    public boolean http() {
        return triggers.contains(Trigger.HTTP);
    }

    public boolean kafka() {
        return triggers.contains(Trigger.KAFKA);
    }

    public FunctionSpec withScale(ScaleSpec s) {
        return new FunctionSpec(name, triggers, s, lag);
    }

    public FunctionSpec withLag(LagSpec l) {
        return new FunctionSpec(name, triggers, scale, l);
    }

    public FunctionSpec withTriggers(Set<Trigger> t) {
        return new FunctionSpec(name, t, scale, lag);
    }
}
