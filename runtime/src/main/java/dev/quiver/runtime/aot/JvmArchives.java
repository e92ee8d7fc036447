package dev.quiver.runtime.aot;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code quiver-jvm.properties} next to {@code quarkus-run.jar}: which start-up archives the build made and with which
 * JDK, so a launcher (the local platform, an image build) uses each with the exact JDK build that made it and says why
 * when it cannot. Keys: {@code appcds.file}, {@code appcds.java.home}, {@code appcds.java.version}, {@code aot.file},
 * {@code aot.java.home}, {@code aot.java.version}, {@code aot.training}, {@code aot.skipped}.
 */
public final class JvmArchives {
    public static final String FILE = "quiver-jvm.properties";
    public static final String APPCDS_FILE = "app-cds.jsa";
    public static final String AOT_FILE = "app.aot";

    private JvmArchives() {
    }

    /** AppCDS part: Quarkus made {@code app-cds.jsa} with the build's own JVM, i.e. this one. */
    public static Properties appCds(Path appDir, String javaHome, String runtimeVersion) {
        Properties p = new Properties();
        if (Files.isRegularFile(appDir.resolve(APPCDS_FILE))) {
            p.setProperty("appcds.file", APPCDS_FILE);
            p.setProperty("appcds.java.home", javaHome);
            p.setProperty("appcds.java.version", runtimeVersion);
        }
        return p;
    }

    public static Properties aot(Jdk jdk, String training) {
        Properties p = new Properties();
        p.setProperty("aot.file", AOT_FILE);
        p.setProperty("aot.java.home", jdk.home().toString());
        p.setProperty("aot.java.version", jdk.runtimeVersion());
        p.setProperty("aot.training", training);
        return p;
    }

    public static Properties skipped(String why) {
        Properties p = new Properties();
        p.setProperty("aot.skipped", why);
        return p;
    }

    /** Writes the keys sorted, with a header saying what the file is. */
    public static void write(Path appDir, Properties... parts) throws IOException {
        TreeMap<String, String> all = new TreeMap<>();
        for (Properties part : parts) {
            part.stringPropertyNames().forEach(k -> all.put(k, part.getProperty(k)));
        }
        try (Writer w = Files.newBufferedWriter(appDir.resolve(FILE))) {
            w.write("# Start-up archives of this app and the JDK build each needs (written by dev.quiver.runtime.aot.AotTrainer)\n");
            for (var e : all.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace("\n", " ") + "\n");
            }
        }
    }
}
