package dev.quiver.api.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.api.function.FunctionDocument.BrokerTrigger;
import dev.quiver.api.function.FunctionDocument.Jvm;
import dev.quiver.api.function.FunctionDocument.KafkaTrigger;
import dev.quiver.api.function.FunctionDocument.Triggers;
import dev.quiver.api.trigger.DeliveryRules;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.InvalidDocumentException;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.SpecReader;
import dev.quiver.scaler.spec.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one reader of function documents, for both backends: the local YAML file ({@link Target#LOCAL}) and the
 * Kubernetes {@code Function} resource's spec ({@link Target#KUBERNETES}). The scaling keys ({@code scale},
 * {@code triggers.kafka.lag}) go through scaler-core's {@link SpecReader}; broker filters through the broker's
 * {@link Filter} dialects. Unknown keys are errors. Every violation names the key relative to the document
 * ({@code scale.target}, {@code triggers.kafka.topic}), the rule and the bad value; Kubernetes shows them under
 * {@code spec.} ({@code name} is {@code metadata.name}).
 */
public final class FunctionDocumentReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> COMMON =
            Set.of("jvmOptions", "properties", "env", "scale", "triggers", "traffic", "rolloutDuration");
    private static final Set<String> TRIGGERS = Set.of("http", "broker", "kafka");

    /** Where the document comes from: decides {@code artifact} or {@code image}, and whether {@code jvm} is allowed. */
    public enum Target {
        /** A YAML file: {@code name} and {@code artifact} in the document, {@code jvm} allowed. */
        LOCAL("artifact", "is required (a runner jar or a native binary)", Set.of("name", "artifact", "jvm")),
        /** A Function resource's spec: the name is the resource's, {@code image} instead of {@code artifact}. */
        KUBERNETES("image", "is required (a container image)", Set.of("image"));

        private final String codeKey;
        private final String codeRule;
        private final Set<String> own;

        Target(String codeKey, String codeRule, Set<String> own) {
            this.codeKey = codeKey;
            this.codeRule = codeRule;
            this.own = own;
        }
    }

    private FunctionDocumentReader() {}

    /** Reads a local function file (YAML or JSON). */
    public static FunctionDocument readYaml(String document) {
        return read(null, parseYaml(document), Target.LOCAL);
    }

    /** A violation as one line: {@code key: rule, was value} ({@code key: rule} when there is no value). */
    public static String describe(Violation v) {
        return v.value() == null ? v.key() + ": " + v.rule() : v.toString();
    }

    /** Reads a Function resource's spec (its parsed tree) under the resource's name. */
    public static FunctionDocument readResource(String name, Map<String, ?> spec) {
        return read(name, spec == null ? Map.of() : spec, Target.KUBERNETES);
    }

    /**
     * @param name the name when it is not part of the document (Kubernetes), else null
     * @throws SpecException listing every violation
     */
    public static FunctionDocument read(String name, Map<String, ?> tree, Target target) {
        List<Violation> errors = new ArrayList<>();
        DocumentTree root = new DocumentTree("", tree, errors);
        Set<String> known = new HashSet<>(COMMON);
        known.addAll(target.own);
        root.allowOnly(known);
        String fnName = name != null ? name : root.requiredString("name", "is required");
        String code = root.requiredString(target.codeKey, target.codeRule);
        List<String> jvmOptions = root.strings("jvmOptions");
        Map<String, String> properties = root.stringMap("properties");
        Map<String, String> env = root.stringMap("env");
        env.keySet().stream()
                .filter(k -> !ENV_NAME.matcher(k).matches())
                .forEach(k -> root.fail("env." + k, "must be a C identifier ([A-Za-z_][A-Za-z0-9_]*)", k));
        env.keySet().forEach(k -> LaunchRules.envProblem(k).ifPresent(rule -> root.fail("env." + k, rule, k)));
        for (int i = 0; i < jvmOptions.size(); i++) {
            String option = jvmOptions.get(i);
            int index = i;
            LaunchRules.jvmOptionProblem(option)
                    .ifPresent(rule -> root.fail("jvmOptions[" + index + "]", rule, option));
        }
        properties.keySet().stream()
                .map(k -> "-D" + k)
                .forEach(o -> LaunchRules.jvmOptionProblem(o)
                        .ifPresent(rule -> root.fail("properties." + o.substring(2), rule, o.substring(2))));
        Jvm jvm = target == Target.LOCAL ? jvm(root.section("jvm")) : Jvm.NONE;
        DocumentTree triggers = root.section("triggers");
        triggers.allowOnly(TRIGGERS);
        DocumentTree http = triggers.section("http");
        http.allowOnly(Set.of());
        Optional<BrokerTrigger> broker = broker(triggers.section("broker"), errors);
        DocumentTree kafkaTree = triggers.section("kafka");
        Optional<KafkaTrigger> kafka = kafka(kafkaTree, fnName);
        boolean isHttp = http.present() || broker.isPresent() || kafka.isEmpty();
        FunctionSpec scaling = scaling(fnName, tree.get("scale"), isHttp, kafkaTree, errors);
        dev.quiver.api.traffic.TrafficRules.read(tree.get("traffic"), errors);
        dev.quiver.api.traffic.TrafficRules.rolloutDuration(tree.get("rolloutDuration"), errors);
        if (!errors.isEmpty()) {
            throw new SpecException(errors);
        }
        return new FunctionDocument(
                scaling.name(),
                target == Target.LOCAL ? Optional.of(code) : Optional.empty(),
                target == Target.KUBERNETES ? Optional.of(code) : Optional.empty(),
                jvmOptions,
                jvm,
                properties,
                env,
                scaling,
                new Triggers(isHttp, broker, kafka));
    }

    private static Jvm jvm(DocumentTree t) {
        if (!t.present()) {
            return Jvm.NONE;
        }
        t.allowOnly(Set.of("java", "archive"));
        Optional<String> java = Optional.ofNullable(t.string("java", null));
        String archive = t.string("archive", null);
        if (archive != null && !Jvm.ARCHIVES.contains(archive)) {
            t.fail("archive", "must be one of " + String.join(", ", Jvm.ARCHIVES), archive);
            archive = null;
        }
        return new Jvm(java, Optional.ofNullable(archive));
    }

    private static Optional<BrokerTrigger> broker(DocumentTree t, List<Violation> errors) {
        if (!t.present()) {
            return Optional.empty();
        }
        t.allowOnly(Set.of("broker", "filters", "delivery"));
        String broker = t.string("broker", "default");
        List<Filter> filters = List.of();
        try {
            filters = Filter.readAll(t.path("filters"), t.raw("filters"));
        } catch (InvalidDocumentException e) {
            errors.add(new Violation(e.key(), e.rule(), e.value()));
        }
        Optional<TriggerDocument.Delivery> delivery = Optional.empty();
        Object d = t.raw("delivery");
        if (d instanceof Map<?, ?> m) {
            List<InvalidDocumentException> bad = DeliveryRules.check(t.path("delivery"), m);
            bad.forEach(e -> errors.add(new Violation(e.key(), e.rule(), e.value())));
            if (bad.isEmpty()) {
                delivery = Optional.of(DeliveryRules.read(m));
            }
        } else if (d != null) {
            t.fail("delivery", "must be a map of settings", d);
        }
        return Optional.of(new BrokerTrigger(broker, filters, delivery));
    }

    private static Optional<KafkaTrigger> kafka(DocumentTree t, String name) {
        if (!t.present()) {
            return Optional.empty();
        }
        t.allowOnly(Set.of("topic", "group", "lag"));
        String topic = t.requiredString("topic", "is required");
        return Optional.of(new KafkaTrigger(topic, t.string("group", "quiver-" + (name == null ? "function" : name))));
    }

    private static FunctionSpec scaling(
            String name, Object scale, boolean http, DocumentTree kafka, List<Violation> errors) {
        Map<String, Object> core = new LinkedHashMap<>();
        if (name != null) {
            core.put("name", name);
        }
        List<String> triggers = new ArrayList<>();
        if (http) {
            triggers.add("http");
        }
        if (kafka.present()) {
            triggers.add("kafka");
            if (kafka.raw("lag") != null) {
                core.put("lag", kafka.raw("lag"));
            }
        }
        core.put("triggers", triggers);
        if (scale != null) {
            core.put("scale", scale);
        }
        try {
            return SpecReader.read(core, Set.of());
        } catch (SpecException e) {
            for (Violation v : e.violations()) {
                if (name == null && v.key().equals("name")) {
                    continue; // already reported as required
                }
                String key =
                        v.key().equals("lag") || v.key().startsWith("lag.") ? "triggers.kafka." + v.key() : v.key();
                errors.add(new Violation(key, v.rule(), v.value()));
            }
            return FunctionSpec.defaults("function");
        }
    }

    /**
     * Parses YAML or JSON text into the tree {@link #read} takes.
     *
     * @throws SpecException when it is not YAML or not a map
     */
    public static Map<String, Object> parseYaml(String document) {
        try {
            Object v = YAML.readValue(document, Object.class);
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                return map;
            }
            throw new SpecException(List.of(new Violation("the document", "must be a map of settings", v)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SpecException(List.of(new Violation(
                    "line " + line,
                    "not valid YAML: "
                            + e.getOriginalMessage().lines().findFirst().orElse(""),
                    null)));
        }
    }
}
