package dev.quiver.api.jdk;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a Java installation's {@code release} file says. The one reader of that file; its edge rules:
 * <ul>
 * <li>values may be quoted ({@code JAVA_VERSION="17.0.15"}) or not; quotes and surrounding blanks are dropped;</li>
 * <li>{@link #runtimeVersion()} is {@code JAVA_RUNTIME_VERSION} (what {@code java.runtime.version} says, with the
 *     build: {@code 17.0.15+6-Debian-1deb12u1}); when that key is missing or empty it falls back to
 *     {@code JAVA_VERSION}, whatever order the keys come in;</li>
 * <li>a missing or empty {@code JAVA_VERSION} leaves {@link #version()} empty and {@link #feature()} 0;</li>
 * <li>{@link #build()} is what follows {@code +} in the runtime version, empty when there is none;</li>
 * <li>{@link #feature()}: {@code 25.0.3} -> 25, {@code 1.8.0_402} -> 8, {@code 17} -> 17; anything that does not
 *     start with 1 to 4 digits -> 0 (unknown).</li>
 * </ul>
 *
 * @param version        {@code JAVA_VERSION}, empty when missing
 * @param runtimeVersion {@code JAVA_RUNTIME_VERSION}, else {@code JAVA_VERSION}; empty when both are missing
 * @param implementor    {@code IMPLEMENTOR} ({@code Eclipse Adoptium}, {@code Debian}), empty when missing
 * @param keys           every key of the file, unquoted and sorted
 */
public record JdkRelease(String version, String runtimeVersion, String implementor, Map<String, String> keys) {
    public static final String FILE = "release";

    public JdkRelease {
        keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /** Parses the text of a {@code release} file (a Java properties file). */
    public static JdkRelease parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JDK release file: " + e.getMessage(), e);
        }
        Map<String, String> keys = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> keys.put(k, unquote(p.getProperty(k))));
        String version = keys.getOrDefault("JAVA_VERSION", "");
        String runtime = keys.getOrDefault("JAVA_RUNTIME_VERSION", "");
        return new JdkRelease(
                version, runtime.isEmpty() ? version : runtime, keys.getOrDefault("IMPLEMENTOR", ""), keys);
    }

    /** Reads {@code <home>/release}; empty when there is none or it cannot be read. */
    public static Optional<JdkRelease> read(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The feature release (17, 25), 0 when unknown. */
    public int feature() {
        return feature(runtimeVersion);
    }

    /** {@code 25.0.3} -> 25, {@code 1.8.0_402} -> 8, {@code 17} -> 17; 0 when it does not start with 1-4 digits. */
    public static int feature(String version) {
        if (version == null) {
            return 0;
        }
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 || end > 4 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    /** The build part of the runtime version: {@code 6-Debian-1deb12u1} of {@code 17.0.15+6-Debian-1deb12u1}; "" if none. */
    public String build() {
        int plus = runtimeVersion.indexOf('+');
        return plus < 0 ? "" : runtimeVersion.substring(plus + 1);
    }

    /** What a message shows: {@code Java 17.0.15+6} or {@code Java (unknown version)}. */
    public String describe() {
        return runtimeVersion.isEmpty() ? "Java (unknown version)" : "Java " + runtimeVersion;
    }

    static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
                ? t.substring(1, t.length() - 1).trim()
                : t;
    }
}
