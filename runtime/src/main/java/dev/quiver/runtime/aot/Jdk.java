package dev.quiver.runtime.aot;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A JDK installation as its {@code release} file describes it.
 *
 * @param home           the JDK's home directory
 * @param feature        the feature release (17, 25, ...)
 * @param runtimeVersion {@code JAVA_RUNTIME_VERSION} (what {@code java.runtime.version} says in that JVM)
 */
public record Jdk(Path home, int feature, String runtimeVersion) {

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** Reads {@code <home>/release}; empty when it is not a JDK (no release file, no bin/java, no version). */
    public static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(release)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = unquote(p.getProperty("JAVA_VERSION"));
        if (version == null) {
            return Optional.empty();
        }
        String runtime = unquote(p.getProperty("JAVA_RUNTIME_VERSION"));
        return feature(version).map(f -> new Jdk(home.toAbsolutePath().normalize(), f, runtime == null ? version : runtime));
    }

    /** "25.0.3" -> 25, "1.8.0_402" -> 8, "17" -> 17. */
    static Optional<Integer> feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(v.substring(0, end)));
    }

    private static String unquote(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
