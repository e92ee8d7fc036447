package dev.quiver.control.loop;

import dev.quiver.control.route.FunctionRef;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.SpecReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loop functions for tests, from the same settings a function document has. */
final class Specs {
    private Specs() {}

    static LoopFunction http(String name, Map<String, Object> scale) {
        return new LoopFunction(FunctionRef.local(name), spec(name, scale, null), Optional.empty(), 0, "r1");
    }

    static LoopFunction kafka(String name, Map<String, Object> scale, Map<String, Object> lag) {
        return new LoopFunction(
                FunctionRef.local(name),
                spec(name, scale, lag),
                Optional.of(new LoopFunction.KafkaSource(name, "g-" + name)),
                0,
                "r1");
    }

    static FunctionSpec spec(String name, Map<String, Object> scale, Map<String, Object> lag) {
        Map<String, Object> tree = new HashMap<>();
        tree.put("name", name);
        tree.put("scale", scale);
        if (lag != null) {
            tree.put("lag", lag);
        }
        return SpecReader.read(tree, Set.of());
    }
}
