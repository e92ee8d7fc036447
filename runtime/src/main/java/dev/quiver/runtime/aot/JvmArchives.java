package dev.quiver.runtime.aot;

import dev.quiver.api.jdk.JvmArchivesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the AOT trainer writes into {@link JvmArchivesFile quiver-jvm.properties} (keys defined once in api).
 */
public final class JvmArchives {
    public static final String FILE = JvmArchivesFile.NAME;
    public static final String APPCDS_FILE = JvmArchivesFile.Kind.APPCDS.defaultFile();
    public static final String AOT_FILE = JvmArchivesFile.Kind.AOT.defaultFile();
    /** What the AppCDS archive was retrained on (absent: it is Quarkus's own, static initialisation only). */
    public static final String APPCDS_TRAINING = "appcds.training";

    private JvmArchives() {}

    /** AppCDS part: {@code app-cds.jsa} is made with the build's own JVM, i.e. this one (Quarkus, then the trainer). */
    public static Map<String, String> appCds(Path appDir, String javaHome, String runtimeVersion) {
        if (!Files.isRegularFile(appDir.resolve(APPCDS_FILE))) {
            return Map.of();
        }
        return JvmArchivesFile.Kind.APPCDS.entries(APPCDS_FILE, javaHome, runtimeVersion);
    }

    public static Map<String, String> aot(Jdk jdk, String training) {
        Map<String, String> p = new TreeMap<>(
                JvmArchivesFile.Kind.AOT.entries(AOT_FILE, jdk.home().toString(), jdk.runtimeVersion()));
        p.put(JvmArchivesFile.AOT_TRAINING, training);
        return p;
    }

    public static Map<String, String> skipped(String why) {
        return Map.of(JvmArchivesFile.AOT_SKIPPED, why);
    }

    /** Writes the keys of all parts, sorted, with a header saying what the file is. */
    @SafeVarargs
    public static void write(Path appDir, Map<String, String>... parts) throws IOException {
        TreeMap<String, String> all = new TreeMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        JvmArchivesFile.write(appDir, all);
    }
}
