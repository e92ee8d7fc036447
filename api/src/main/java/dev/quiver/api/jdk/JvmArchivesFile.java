package dev.quiver.api.jdk;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code quiver-jvm.properties} next to {@code quarkus-run.jar}: which start-up archives the build made and with which
 * JDK build. The runtime's AOT trainer writes it, the local backend's launcher reads it; the keys are defined here
 * only. Keys: {@code appcds.file}, {@code appcds.java.home}, {@code appcds.java.version}, {@code aot.file},
 * {@code aot.java.home}, {@code aot.java.version}, {@code aot.training}, {@code aot.skipped}.
 */
public final class JvmArchivesFile {
    public static final String NAME = "quiver-jvm.properties";
    public static final String AOT_TRAINING = "aot.training";
    public static final String AOT_SKIPPED = "aot.skipped";

    /** One archive kind and its keys. */
    public enum Kind {
        APPCDS("appcds.", "app-cds.jsa"),
        AOT("aot.", "app.aot");

        private final String prefix;
        private final String defaultFile;

        Kind(String prefix, String defaultFile) {
            this.prefix = prefix;
            this.defaultFile = defaultFile;
        }

        /** The file name the build gives this archive. */
        public String defaultFile() {
            return defaultFile;
        }

        public String fileKey() {
            return prefix + "file";
        }

        public String javaHomeKey() {
            return prefix + "java.home";
        }

        public String javaVersionKey() {
            return prefix + "java.version";
        }

        /** The keys saying this archive ({@code file}) was made by the JDK at {@code javaHome}. */
        public Map<String, String> entries(String file, String javaHome, String javaVersion) {
            return Map.of(fileKey(), file, javaHomeKey(), javaHome, javaVersionKey(), javaVersion);
        }
    }

    private JvmArchivesFile() {}

    /** The keys of {@code <dir>/quiver-jvm.properties}; empty when there is none. */
    public static Map<String, String> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** A key's value, trimmed; empty when missing or blank. */
    public static Optional<String> get(Map<String, String> keys, String key) {
        return Optional.ofNullable(keys.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Writes the keys sorted, with a header saying what the file is; line breaks in values become spaces. */
    public static void write(Path dir, Map<String, String> keys) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve(NAME), StandardCharsets.UTF_8)) {
            w.write(
                    "# Start-up archives of this app and the JDK build each needs (written by dev.quiver.runtime.aot.AotTrainer)\n");
            for (var e : new TreeMap<>(keys).entrySet()) {
                w.write(key(e.getKey()) + "=" + value(e.getValue()) + "\n");
            }
        }
    }

    private static String key(String k) {
        return k.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
    }

    /** Properties syntax: backslashes doubled, line breaks as spaces, a leading blank kept. */
    private static String value(String v) {
        String one = v.replace("\\", "\\\\").replace("\r", " ").replace("\n", " ");
        return one.startsWith(" ") ? "\\" + one : one;
    }
}
