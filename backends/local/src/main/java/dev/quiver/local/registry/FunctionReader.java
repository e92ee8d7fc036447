package dev.quiver.local.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.local.launch.Archive;
import dev.quiver.scaler.spec.FunctionSpec;
import dev.quiver.scaler.spec.SpecException;
import dev.quiver.scaler.spec.SpecReader;
import dev.quiver.scaler.spec.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a function document (YAML or JSON): the platform's keys here, the scaling keys ({@code scale},
 * {@code triggers.kafka.lag}) through scaler-core's {@link SpecReader}. Unknown keys are errors.
 */
public final class FunctionReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("name", "artifact", "jvm", "jvmOptions", "properties", "env",
            "scale", "triggers");
    private static final Set<String> TRIGGERS = Set.of("http", "broker", "kafka");

    private final Path home;

    /** @param home the directory relative artifact paths are resolved against */
    public FunctionReader(Path home) {
        this.home = home;
    }

    public FunctionDefinition read(String document) {
        Map<String, Object> tree = parse(document);
        List<String> errors = new ArrayList<>();
        Tree root = new Tree("", tree, errors);
        root.allowOnly(TOP);
        root.requiredString("name");
        Path artifact = artifact(root, errors);
        List<String> jvmOptions = root.strings("jvmOptions");
        Map<String, String> properties = root.stringMap("properties");
        Map<String, String> env = root.stringMap("env");
        LaunchOverride launch = launch(root.section("jvm"));
        Tree triggers = root.section("triggers");
        triggers.allowOnly(TRIGGERS);
        boolean http = !triggers.present() || triggers.has("http") || triggers.has("broker");
        Optional<FunctionDefinition.BrokerTrigger> broker = broker(triggers.section("broker"));
        Tree kafkaTree = triggers.section("kafka");
        Optional<FunctionDefinition.KafkaTrigger> kafka = Optional.empty();
        if (kafkaTree.present()) {
            kafkaTree.allowOnly(Set.of("topic", "group", "lag"));
            String topic = kafkaTree.requiredString("topic");
            String name = String.valueOf(tree.getOrDefault("name", "function"));
            kafka = Optional.of(new FunctionDefinition.KafkaTrigger(topic,
                    kafkaTree.string("group", "quiver-" + name)));
        }
        FunctionSpec scaling = scaling(tree, http, kafkaTree, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFunctionException(errors);
        }
        return new FunctionDefinition(scaling.name(), artifact, jvmOptions, properties, env, launch, scaling, broker,
                kafka, document);
    }

    public FunctionDefinition read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new InvalidFunctionException(List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    private Path artifact(Tree root, List<String> errors) {
        String a = root.requiredString("artifact");
        if (a == null) {
            return home;
        }
        Path p = home.resolve(a).normalize();
        if (!Files.isRegularFile(p)) {
            errors.add("artifact: must be an existing runner jar or native binary (build it first), was \"" + a
                    + "\" (" + p + ")");
        }
        return p;
    }

    private static LaunchOverride launch(Tree t) {
        if (!t.present()) {
            return LaunchOverride.NONE;
        }
        t.allowOnly(Set.of("java", "archive"));
        Optional<String> java = Optional.ofNullable(t.string("java", null));
        String archive = t.string("archive", null);
        Optional<Archive> parsed = archive == null ? Optional.empty() : Archive.parse(archive);
        if (archive != null && parsed.isEmpty()) {
            t.fail("archive", "must be one of " + Archive.choices(), archive);
        }
        return new LaunchOverride(java, parsed);
    }

    private static Optional<FunctionDefinition.BrokerTrigger> broker(Tree t) {
        if (!t.present()) {
            return Optional.empty();
        }
        t.allowOnly(Set.of("broker", "filters"));
        return Optional.of(new FunctionDefinition.BrokerTrigger(t.string("broker", "default"), t.list("filters")));
    }

    private static FunctionSpec scaling(Map<String, Object> tree, boolean http, Tree kafka, List<String> errors) {
        Map<String, Object> core = new LinkedHashMap<>();
        if (tree.containsKey("name")) {
            core.put("name", tree.get("name"));
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
        if (tree.containsKey("scale")) {
            core.put("scale", tree.get("scale"));
        }
        try {
            return SpecReader.read(core, Set.of());
        } catch (SpecException e) {
            for (Violation v : e.violations()) {
                String key = v.key().startsWith("lag.") || v.key().equals("lag") ? "triggers.kafka." + v.key()
                        : v.key();
                errors.add(new Violation(key, v.rule(), v.value()).toString());
            }
            return FunctionSpec.defaults("function");
        }
    }

    private static Map<String, Object> parse(String document) {
        try {
            Object v = YAML.readValue(document, Object.class);
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                return map;
            }
            throw new InvalidFunctionException(List.of("the document must be a map of settings"));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidFunctionException(List.of("line " + line + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
        }
    }
}
