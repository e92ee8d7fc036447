package dev.quiver.kubernetes.model;

import dev.quiver.api.function.FunctionDocument;
import dev.quiver.api.function.FunctionDocumentReader;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionResourceSpec;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.Violation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Function} resource into a {@link FunctionModel}, or into the list of violations, each naming the
 * field under {@code spec.} (e.g. {@code spec.scale.target}). The spec is read by the shared
 * {@link FunctionDocumentReader} (api): a local function file and the resource are validated by the same code and
 * give the same errors, here under {@code spec.} ({@code metadata.name} for the name).
 */
public final class FunctionValidator {

    private FunctionValidator() {}

    public static FunctionModel validate(Function f) {
        FunctionResourceSpec spec = f.getSpec();
        String name = f.getMetadata().getName();
        if (spec == null) {
            throw new SpecException(List.of(new Violation("spec", "is required", null)));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = Serialization.jsonMapper().convertValue(spec, Map.class);
        FunctionDocument d;
        try {
            d = FunctionDocumentReader.readResource(name, tree);
        } catch (SpecException e) {
            throw new SpecException(e.violations().stream()
                    .map(v -> new Violation(field(v.key()), v.rule(), v.value()))
                    .toList());
        }
        return new FunctionModel(
                f.getMetadata().getNamespace(),
                d.name(),
                d.image().orElseThrow(),
                env(d),
                d.scaling(),
                d.triggers().kafka().map(k -> new FunctionModel.KafkaTopic(k.topic(), k.group())),
                d.triggers().broker());
    }

    /** Document key to resource field: the name is the resource's, everything else is under {@code spec}. */
    static String field(String documentKey) {
        return documentKey.equals("name") ? "metadata.name" : "spec." + documentKey;
    }

    /** Properties as Quarkus environment names, then {@code JAVA_OPTS_APPEND}, then env. */
    private static Map<String, String> env(FunctionDocument d) {
        Map<String, String> env = new LinkedHashMap<>();
        d.properties().forEach((k, v) -> env.put(EnvNames.of(k), v));
        if (!d.jvmOptions().isEmpty()) {
            env.put("JAVA_OPTS_APPEND", String.join(" ", d.jvmOptions()));
        }
        env.putAll(d.env());
        return env;
    }
}
