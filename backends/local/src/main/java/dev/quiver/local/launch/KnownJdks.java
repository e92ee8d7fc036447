package dev.quiver.local.launch;

import dev.quiver.api.jdk.JavaHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code jvm.java} launchers a spec may name: the {@code bin/java} of an installed JDK (a home with a
 * {@code release} file, symbolic links followed) that lies in one of the JDK directories: where the platform's own
 * JDK and the configured {@code instances.java} are installed (their parent directories, so their siblings count),
 * {@code $JAVA_HOME}'s parent, {@code /usr/lib/jvm}, {@code /usr/java}, {@code ~/.sdkman/candidates/java},
 * {@code ~/.jdks}. Anything else (a script, {@code /bin/sh}, a JDK unpacked in {@code /tmp}) is refused.
 */
public final class KnownJdks {
    private final List<Path> roots;
    private final String path;

    public KnownJdks(List<Path> roots, String path) {
        this.roots = roots.stream()
                .map(KnownJdks::real)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        this.path = path;
    }

    /** The JDK directories of this machine, with the platform's JDK and the configured launcher. */
    public static KnownJdks installed(Optional<String> configuredJava, Map<String, String> env) {
        List<Path> roots = new ArrayList<>();
        Path current = Path.of(System.getProperty("java.home"));
        roots.add(current.getParent());
        String path = env.getOrDefault("PATH", "");
        configuredJava
                .flatMap(j -> JavaHome.ofLauncher(j, path))
                .map(h -> h.home().getParent())
                .ifPresent(roots::add);
        Optional.ofNullable(env.get("JAVA_HOME"))
                .filter(h -> !h.isBlank())
                .map(Path::of)
                .map(Path::getParent)
                .ifPresent(roots::add);
        roots.add(Path.of("/usr/lib/jvm"));
        roots.add(Path.of("/usr/java"));
        String userHome = System.getProperty("user.home");
        roots.add(Path.of(userHome, ".sdkman", "candidates", "java"));
        roots.add(Path.of(userHome, ".jdks"));
        return new KnownJdks(roots.stream().filter(r -> r != null).toList(), path);
    }

    public List<Path> roots() {
        return roots;
    }

    /** Why {@code java} may not launch a function, or empty when it is a known JDK's launcher. */
    public Optional<String> problem(String java) {
        Optional<JavaHome> home = JavaHome.ofLauncher(java, path);
        if (home.isEmpty() || home.get().release().isEmpty()) {
            return Optional.of("must be the bin/java of an installed JDK (a home with a release file)");
        }
        Path h = home.get().home();
        if (roots.stream().noneMatch(h::startsWith)) {
            return Optional.of("must be a JDK installed in one of " + roots + " (was in " + h + ")");
        }
        return Optional.empty();
    }

    private static Optional<Path> real(Path p) {
        try {
            return Files.exists(p)
                    ? Optional.of(p.toRealPath())
                    : Optional.of(p.toAbsolutePath().normalize());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
