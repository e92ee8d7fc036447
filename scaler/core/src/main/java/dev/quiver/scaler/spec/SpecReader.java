package dev.quiver.scaler.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a parsed YAML/JSON tree (maps, lists, strings, numbers, booleans) to a validated {@link FunctionSpec}.
 * Unknown keys are errors (a typo must not silently fall back to a default). Every violation names its key.
 */
public final class SpecReader {
    private static final Set<String> TOP = Set.of("name", "triggers", "scale", "lag");

    private SpecReader() {}

    /**
     * @param tree        the document's root map
     * @param otherTopKeys top-level sections that belong to the caller (e.g. {@code simulation}) and are skipped
     * @throws SpecException listing every problem
     */
    public static FunctionSpec read(Map<String, ?> tree, Set<String> otherTopKeys) {
        List<Violation> errors = new ArrayList<>();
        for (String key : tree.keySet()) {
            if (!TOP.contains(key) && !otherTopKeys.contains(key)) {
                errors.add(new Violation(
                        key, "is not a known key (known: " + String.join(", ", sorted(TOP)) + ")", tree.get(key)));
            }
        }
        TreeValues root = new TreeValues("", tree, errors);
        String name = root.string("name", "function");
        TreeValues scaleTree = root.section("scale");
        TreeValues lagTree = root.section("lag");
        Set<Trigger> triggers = triggers(root, tree.containsKey("lag"), errors);
        ScaleSpecBuilder scale = ScaleSpecReader.read(scaleTree);
        LagSpec lag = LagSpecReader.read(lagTree);
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        List<Violation> ruleErrors = new ArrayList<>();
        ScaleSpec scaleSpec = build(scale, ruleErrors);
        FunctionSpec spec = null;
        try {
            spec = new FunctionSpec(name, triggers, scaleSpec == null ? ScaleSpec.defaults() : scaleSpec, lag);
        } catch (SpecException e) {
            ruleErrors.addAll(e.violations());
        }
        if (!ruleErrors.isEmpty()) {
            throw new SpecException(ruleErrors);
        }
        return spec;
    }

    private static ScaleSpec build(ScaleSpecBuilder builder, List<Violation> errors) {
        try {
            return builder.build();
        } catch (SpecException e) {
            errors.addAll(e.violations());
            return null;
        }
    }

    private static Set<Trigger> triggers(TreeValues root, boolean hasLag, List<Violation> errors) {
        List<String> names = root.strings("triggers");
        if (names == null) {
            return EnumSet.of(hasLag ? Trigger.KAFKA : Trigger.HTTP);
        }
        Set<Trigger> out = EnumSet.noneOf(Trigger.class);
        for (String n : names) {
            switch (n.toLowerCase()) {
                case "http" -> out.add(Trigger.HTTP);
                case "kafka" -> out.add(Trigger.KAFKA);
                default -> errors.add(new Violation("triggers", "entries must be http or kafka", n));
            }
        }
        return out;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
