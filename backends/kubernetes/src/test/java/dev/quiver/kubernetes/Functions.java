package dev.quiver.kubernetes;

import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionResourceSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/** Function resources for tests, written as the YAML a user would apply. */
public final class Functions {
    private Functions() {}

    public static Function fromYaml(String yaml) {
        return Serialization.unmarshal(yaml, Function.class);
    }

    public static Function of(String name, String namespace, Map<String, Object> scale) {
        Function f = new Function();
        f.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        FunctionResourceSpec spec = new FunctionResourceSpec();
        spec.setImage("registry.example/" + name + ":1");
        spec.setScale(scale);
        f.setSpec(spec);
        return f;
    }
}
