package dev.quiver.runtime.aot;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Build step of a function app (run by the exec-maven-plugin after Quarkus packaged an {@code aot-jar}): retrains the
 * AppCDS archive Quarkus made ({@code app-cds.jsa}, with the build's JVM) on the app's request mix and records which
 * JVM made it; when a JDK 25+ is available, trains the JDK AOT cache ({@code app.aot}) on the same mix. Without a JDK
 * 25+ it says so and the app keeps its AppCDS archive.
 *
 * <pre>
 * AotTrainer --app target/quarkus-app --config target/classes/application.properties [--java auto|JDK] [--rounds 30] [--skip true]
 * </pre>
 */
public final class AotTrainer {

    private AotTrainer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Path app = Path.of(opts.getOrDefault("app", "target/quarkus-app")).toAbsolutePath();
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalArgumentException(
                    "--app must be a packaged Quarkus app (quarkus-run.jar), but " + app + " has none");
        }
        java.util.Map<String, String> appCds =
                JvmArchives.appCds(app, System.getProperty("java.home"), System.getProperty("java.runtime.version"));
        if (Boolean.parseBoolean(opts.getOrDefault("skip", "false"))) {
            JvmArchives.write(app, appCds, JvmArchives.skipped("skipped (aot-cache.skip=true)"));
            log("AOT cache skipped (aot-cache.skip=true)");
            return;
        }
        int rounds = rounds(opts.getOrDefault("rounds", "30"));
        Map<String, String> inputs = TrainingMix.inputs(load(opts.get("config")));
        if (!appCds.isEmpty()) {
            appCds = trainAppCds(app, inputs, rounds, appCds);
        }
        Optional<Jdk> jdk = JdkFinder.find(
                opts.getOrDefault("java", "auto"), System.getenv(), Path.of(System.getProperty("user.home")));
        if (jdk.isEmpty()) {
            String why = "no JDK " + JdkFinder.MIN_FEATURE + "+ found (set aot-cache.java or QUIVER_AOT_JAVA_HOME)";
            JvmArchives.write(app, appCds, JvmArchives.skipped(why));
            log("AOT cache not made: " + why + "; the app keeps its AppCDS archive");
            return;
        }
        log("Training the AOT cache with " + jdk.get().runtimeVersion() + " ("
                + jdk.get().home() + ") on " + rounds
                + " rounds of "
                + (inputs.isEmpty()
                        ? "probes only (no quiver.warmup.inputs.* in the app's config)"
                        : "requests to " + String.join(", ", inputs.keySet())));
        long t0 = System.nanoTime();
        Map<String, Integer> answers = TrainingRun.aotCache(jdk.get(), app).run(inputs, rounds);
        String summary = summary(answers);
        JvmArchives.write(app, appCds, JvmArchives.aot(jdk.get(), summary));
        log(String.format(
                "AOT cache %s: %d MB in %.1f s; answers: %s",
                app.resolve(JvmArchives.AOT_FILE),
                Files.size(app.resolve(JvmArchives.AOT_FILE)) >> 20,
                (System.nanoTime() - t0) / 1e9,
                summary));
    }

    /**
     * Replaces Quarkus's AppCDS archive (the classes its static initialisation loads) by one trained on the request
     * mix with the same JVM (every class start-up and the first requests load); keeps Quarkus's when training fails.
     */
    private static Map<String, String> trainAppCds(
            Path app, Map<String, String> inputs, int rounds, Map<String, String> appCds) throws IOException {
        Path archive = app.resolve(JvmArchives.APPCDS_FILE);
        Path quarkus = app.getParent().resolve(JvmArchives.APPCDS_FILE + ".quarkus");
        Files.copy(archive, quarkus, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        try {
            Map<String, Integer> answers = TrainingRun.appCds(Path.of(System.getProperty("java.home")), app)
                    .run(inputs, rounds);
            log(String.format(
                    "AppCDS archive %s retrained on the request mix: %d MB in %.1f s; answers: %s",
                    archive, Files.size(archive) >> 20, (System.nanoTime() - t0) / 1e9, summary(answers)));
            Map<String, String> trained = new java.util.TreeMap<>(appCds);
            trained.put(JvmArchives.APPCDS_TRAINING, summary(answers));
            return trained;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Files.copy(quarkus, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log("AppCDS archive not retrained (" + e.getMessage() + "): the app keeps the one Quarkus made");
            return appCds;
        } finally {
            Files.deleteIfExists(quarkus);
        }
    }

    private static String summary(Map<String, Integer> answers) {
        return answers.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "usage: AotTrainer --app DIR --config FILE [--java auto|JDK] [--rounds N] "
                                + "[--skip true|false]; bad argument '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    static int rounds(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("aot-cache.rounds must be a whole number >= 1, but was '" + value + "'");
    }

    private static Properties load(String config) throws IOException {
        Properties p = new Properties();
        if (config != null && Files.isRegularFile(Path.of(config))) {
            try (Reader r = Files.newBufferedReader(Path.of(config))) {
                p.load(r);
            }
        }
        return p;
    }

    private static void log(String message) {
        System.out.println("[quiver-aot] " + message);
    }
}
