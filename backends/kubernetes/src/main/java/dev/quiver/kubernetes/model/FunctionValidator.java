package dev.quiver.kubernetes.model;

import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionResourceSpec;
import dev.quiver.kubernetes.resource.FunctionTriggers;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.SpecReader;
import dev.quiver.scaler.spec.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link Function} resource into a {@link FunctionModel}, or into the list of violations, each naming the
 * field under {@code spec.} (e.g. {@code spec.scale.target}). The scaling keys go through scaler-core's
 * {@link SpecReader}: a local function file and the resource are validated by the same code.
 */
public final class FunctionValidator {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FunctionValidator() {
    }

    public static FunctionModel validate(Function f) {
        List<Violation> errors = new ArrayList<>();
        FunctionResourceSpec spec = f.getSpec();
        String name = f.getMetadata().getName();
        if (spec == null) {
            throw new SpecException(List.of(new Violation("spec", "is required", null)));
        }
        if (spec.getImage() == null || spec.getImage().isBlank()) {
            errors.add(new Violation("spec.image", "is required (a container image)", spec.getImage()));
        }
        FunctionTriggers t = spec.getTriggers();
        Optional<FunctionModel.KafkaTopic> kafka = kafka(t, name, errors);
        FunctionSpec scaling = scaling(name, spec, t, errors);
        Map<String, String> env = env(spec, errors);
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        return new FunctionModel(f.getMetadata().getNamespace(), scaling.name(), spec.getImage(), env, scaling,
                kafka);
    }

    private static Optional<FunctionModel.KafkaTopic> kafka(FunctionTriggers t, String name, List<Violation> errors) {
        if (t == null || t.getKafka() == null) {
            return Optional.empty();
        }
        String topic = t.getKafka().getTopic();
        if (topic == null || topic.isBlank()) {
            errors.add(new Violation("spec.triggers.kafka.topic", "is required", topic));
        }
        String group = t.getKafka().getGroup() == null ? "quiver-" + name : t.getKafka().getGroup();
        return Optional.of(new FunctionModel.KafkaTopic(topic, group));
    }

    private static FunctionSpec scaling(String name, FunctionResourceSpec spec, FunctionTriggers t,
            List<Violation> errors) {
        Map<String, Object> core = new LinkedHashMap<>();
        core.put("name", name);
        boolean kafka = t != null && t.getKafka() != null;
        boolean http = t == null || t.getHttp() != null || t.getBroker() != null || !kafka;
        List<String> triggers = new ArrayList<>();
        if (http) {
            triggers.add("http");
        }
        if (kafka) {
            triggers.add("kafka");
            if (t.getKafka().getLag() != null) {
                core.put("lag", t.getKafka().getLag());
            }
        }
        core.put("triggers", triggers);
        if (spec.getScale() != null) {
            core.put("scale", spec.getScale());
        }
        try {
            return SpecReader.read(core, Set.of());
        } catch (SpecException e) {
            for (Violation v : e.violations()) {
                errors.add(new Violation(field(v.key()), v.rule(), v.value()));
            }
            return FunctionSpec.defaults("function");
        }
    }

    /** scaler-core key to resource field: {@code lag.x} lives under {@code spec.triggers.kafka}. */
    static String field(String coreKey) {
        if (coreKey.equals("name")) {
            return "metadata.name";
        }
        if (coreKey.equals("lag") || coreKey.startsWith("lag.")) {
            return "spec.triggers.kafka." + coreKey;
        }
        return "spec." + coreKey;
    }

    private static Map<String, String> env(FunctionResourceSpec spec, List<Violation> errors) {
        Map<String, String> env = new LinkedHashMap<>();
        if (spec.getProperties() != null) {
            spec.getProperties().forEach((k, v) -> env.put(EnvNames.of(k), v));
        }
        if (spec.getJvmOptions() != null && !spec.getJvmOptions().isEmpty()) {
            env.put("JAVA_OPTS_APPEND", String.join(" ", spec.getJvmOptions()));
        }
        if (spec.getEnv() != null) {
            spec.getEnv().forEach((k, v) -> {
                if (!ENV_NAME.matcher(k).matches()) {
                    errors.add(new Violation("spec.env." + k, "must be a C identifier ([A-Za-z_][A-Za-z0-9_]*)", k));
                }
                env.put(k, v == null ? "" : v);
            });
        }
        return env;
    }
}
