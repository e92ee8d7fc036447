package dev.quiver.local.registry;

import dev.quiver.api.function.FunctionDocument;
import dev.quiver.api.function.FunctionDocumentReader;
import dev.quiver.local.launch.Archive;
import dev.quiver.local.launch.KnownJdks;
import dev.quiver.scaler.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a function document (YAML or JSON) with the shared {@link FunctionDocumentReader} (the same reader as the
 * Kubernetes {@code Function} resource's), then resolves what only this machine knows: the artifact's path (relative
 * to the platform's home; it must exist) and the JVM archive choice. Every problem names its key.
 */
public final class FunctionReader {
    private final Path home;
    private final List<Path> artifactDirs;
    private final Function<String, Optional<String>> javaProblem;

    /** Artifacts inside {@code home} only; {@code jvm.java} one of this machine's installed JDKs. */
    public FunctionReader(Path home) {
        this(home, List.of(home), KnownJdks.installed(Optional.empty(), System.getenv())::problem);
    }

    /**
     * @param home the directory relative artifact paths are resolved against
     * @param artifactDirs where an artifact may resolve to (symbolic links followed)
     * @param javaProblem why a {@code jvm.java} launcher is refused, empty when it is known
     */
    public FunctionReader(Path home, List<Path> artifactDirs, Function<String, Optional<String>> javaProblem) {
        this.home = home;
        this.artifactDirs = artifactDirs.stream().map(FunctionReader::real).toList();
        this.javaProblem = javaProblem;
    }

    public FunctionDefinition read(String document) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> tree;
        try {
            tree = FunctionDocumentReader.parseYaml(document);
        } catch (SpecException e) {
            throw new InvalidFunctionException(problems(e));
        }
        Path artifact = artifact(tree.get("artifact"), errors);
        FunctionDocument d = null;
        try {
            d = FunctionDocumentReader.read(null, tree, FunctionDocumentReader.Target.LOCAL);
        } catch (SpecException e) {
            errors.addAll(0, problems(e));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFunctionException(errors);
        }
        FunctionDocument.Jvm jvm = d.jvm();
        jvm.java()
                .flatMap(javaProblem)
                .ifPresent(rule ->
                        errors.add("jvm.java: " + rule + ", was \"" + jvm.java().get() + "\""));
        if (!errors.isEmpty()) {
            throw new InvalidFunctionException(errors);
        }
        LaunchOverride launch = jvm.equals(FunctionDocument.Jvm.NONE)
                ? LaunchOverride.NONE
                : new LaunchOverride(jvm.java(), jvm.archive().flatMap(Archive::parse));
        Optional<FunctionDefinition.BrokerTrigger> broker = d.triggers()
                .broker()
                .map(b -> new FunctionDefinition.BrokerTrigger(b.broker(), List.copyOf(b.filters()), b.delivery()));
        Optional<FunctionDefinition.KafkaTrigger> kafka =
                d.triggers().kafka().map(k -> new FunctionDefinition.KafkaTrigger(k.topic(), k.group()));
        return new FunctionDefinition(
                d.name(),
                artifact,
                d.jvmOptions(),
                d.properties(),
                d.env(),
                launch,
                d.scaling(),
                broker,
                kafka,
                document);
    }

    public FunctionDefinition read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new InvalidFunctionException(List.of(file + ": cannot read: " + e.getMessage()));
        }
    }

    private static List<String> problems(SpecException e) {
        return e.violations().stream().map(FunctionDocumentReader::describe).toList();
    }

    /** The shared reader checks the key; the file must exist on this machine. */
    private Path artifact(Object a, List<String> errors) {
        if (!(a instanceof String s) || s.isBlank()) {
            return home;
        }
        Path p = home.resolve(s).normalize();
        if (!Files.isRegularFile(p)) {
            errors.add("artifact: must be an existing runner jar or native binary (build it first), was \"" + s + "\" ("
                    + p + ")");
            return p;
        }
        Path resolved = real(p);
        if (artifactDirs.stream().noneMatch(resolved::startsWith)) {
            errors.add("artifact: must resolve (symbolic links followed) inside the platform's home or "
                    + "quiver.platform.artifact-dirs " + artifactDirs + ", was \"" + s + "\" (" + resolved + ")");
        }
        return p;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
