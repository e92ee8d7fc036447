package dev.quiver.runtime.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the JDK that makes the AOT cache: the one asked for ({@code aot-cache.java}: a JDK home or its bin/java),
 * else the newest JDK of at least {@link #MIN_FEATURE} among {@code QUIVER_AOT_JAVA_HOME}, {@code JAVA_HOME} and the
 * usual install places (/usr/lib/jvm, SDKMAN, ~/.jdks).
 */
public final class JdkFinder {
    /** The JDK AOT cache ({@code -XX:AOTCacheOutput}, one-step training) needs JDK 25. */
    public static final int MIN_FEATURE = 25;

    private JdkFinder() {}

    /** The newest candidate of at least {@link #MIN_FEATURE}; ties go to the first listed. */
    public static Optional<Jdk> newest(List<Jdk> candidates) {
        return candidates.stream().filter(j -> j.feature() >= MIN_FEATURE).max(Comparator.comparingInt(Jdk::feature));
    }

    /**
     * The JDK named by {@code requested} ({@code auto} searches).
     *
     * @throws IllegalArgumentException naming {@code aot-cache.java} when the requested one is no JDK 25+
     */
    public static Optional<Jdk> find(String requested, Map<String, String> env, Path userHome) {
        if (requested != null && !requested.isBlank() && !requested.equals("auto")) {
            Path p = Path.of(requested);
            Path home = p.endsWith(Path.of("bin", "java")) ? p.getParent().getParent() : p;
            Jdk jdk = Jdk.read(home)
                    .orElseThrow(() ->
                            new IllegalArgumentException("aot-cache.java must be a JDK home or its bin/java, but was '"
                                    + requested + "' (no release file or bin/java)"));
            if (jdk.feature() < MIN_FEATURE) {
                throw new IllegalArgumentException("aot-cache.java must be a JDK " + MIN_FEATURE + " or newer, but '"
                        + requested + "' is " + jdk.runtimeVersion());
            }
            return Optional.of(jdk);
        }
        List<Jdk> found = new ArrayList<>();
        for (String var : List.of("QUIVER_AOT_JAVA_HOME", "JAVA_HOME")) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                Jdk.read(Path.of(v)).ifPresent(found::add);
            }
        }
        for (Path dir : List.of(
                Path.of("/usr/lib/jvm"), userHome.resolve(".sdkman/candidates/java"), userHome.resolve(".jdks"))) {
            found.addAll(installedIn(dir));
        }
        return newest(found);
    }

    static List<Jdk> installedIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(dir)) {
            return homes.sorted().map(Jdk::read).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
