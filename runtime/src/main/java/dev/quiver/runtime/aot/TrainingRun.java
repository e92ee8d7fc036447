package dev.quiver.runtime.aot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One training run: the app started with an option that makes the JVM write a start-up archive as it exits (a JDK 25+
 * with {@code -XX:AOTCacheOutput}: the AOT cache; the build's JDK with {@code -XX:ArchiveClassesAtExit}: the AppCDS
 * archive), the request mix sent to it, then a SIGTERM. The JVM options match how Quiver starts instances (serial GC),
 * since an archive is only used by a compatible JVM configuration.
 */
final class TrainingRun {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration NOT_READY_GRACE = Duration.ofSeconds(10);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(180);

    private final Path java;
    private final String archiveOption;
    private final Path archive;
    private final Path appDir;
    private final Path log;
    // HTTP/1.1 as real callers speak (the JDK client would otherwise upgrade to h2c and train the HTTP/2 path)
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /**
     * @param java the JVM to train (the one that will use the archive)
     * @param archiveOption the JVM option that writes the archive at exit, followed by the file ({@code
     *     -XX:AOTCacheOutput=}, {@code -XX:ArchiveClassesAtExit=})
     * @param archive the file it writes (replaced)
     */
    TrainingRun(Path java, String archiveOption, Path archive, Path appDir, Path log) {
        this.java = java;
        this.archiveOption = archiveOption;
        this.archive = archive;
        this.appDir = appDir;
        this.log = log;
    }

    /** The JDK AOT cache ({@code app.aot}) by a JDK 25+. */
    static TrainingRun aotCache(Jdk jdk, Path appDir) {
        return new TrainingRun(
                jdk.java(),
                "-XX:AOTCacheOutput=",
                appDir.resolve(JvmArchives.AOT_FILE),
                appDir,
                appDir.getParent().resolve("aot-training.log"));
    }

    /**
     * The AppCDS archive ({@code app-cds.jsa}) by the JVM at {@code javaHome} (the build's, which made Quarkus's own
     * archive): a dynamic archive of every class the request mix loaded, where Quarkus's covers only what its static
     * initialisation loads (not the HTTP server, the registries and the request path, which then load from jars).
     */
    static TrainingRun appCds(Path javaHome, Path appDir) {
        return new TrainingRun(
                javaHome.resolve("bin").resolve("java"),
                "-XX:ArchiveClassesAtExit=",
                appDir.resolve(JvmArchives.APPCDS_FILE),
                appDir,
                appDir.getParent().resolve("appcds-training.log"));
    }

    /** Runs the training; returns the count of answers by status class per request label ("hello json 2xx" -> 100). */
    Map<String, Integer> run(Map<String, String> inputs, int rounds) throws IOException, InterruptedException {
        Path cache = archive;
        Files.deleteIfExists(cache);
        int port = freePort();
        List<String> cmd = List.of(
                java.toString(),
                archiveOption + cache,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-jar",
                "quarkus-run.jar"); // in the app's directory, as Quarkus makes the AppCDS archive and Quiver starts
        // instances
        Files.writeString(log, "# " + String.join(" ", cmd) + "\n");
        Process p = new ProcessBuilder(cmd)
                .directory(appDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            String base = "http://127.0.0.1:" + port;
            Map<String, Integer> answers = new TreeMap<>();
            if (!awaitReady(p, base)) {
                answers.put(
                        "not ready within " + NOT_READY_GRACE.toSeconds() + " s of answering HTTP (trained anyway)", 1);
            }
            for (int r = 0; r < rounds; r++) {
                for (TrainingRequest t : TrainingMix.round(inputs, r)) {
                    answers.merge(t.label() + " " + send(base, t) / 100 + "xx", 1, Integer::sum);
                }
            }
            p.destroy(); // SIGTERM: the runtime drains, the JVM exits and writes the cache
            if (!p.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException(
                        "the training JVM did not exit within " + EXIT_TIMEOUT.toSeconds() + " s (see " + log + ")");
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IOException("the training JVM exited (" + p.exitValue() + ") without writing " + cache
                        + " (see " + log + ")");
            }
            return answers;
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * Waits until the app answers HTTP, then (briefly) until it is ready. An app whose readiness needs a service the
     * build does not have (a Kafka-triggered app without a broker) is trained anyway, on what it answers.
     *
     * @return true when it was ready
     */
    private boolean awaitReady(Process p, String base) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long readyDeadline = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, readyDeadline)) {
            if (!p.isAlive()) {
                throw new IOException("the app exited (" + p.exitValue() + ") before it was ready; last lines of " + log
                        + ":\n" + tail(log, 15));
            }
            try {
                if (send(base, TrainingRequest.get("/q/health/ready")) == 200) {
                    return true;
                }
                readyDeadline = Math.min(readyDeadline, System.nanoTime() + NOT_READY_GRACE.toNanos());
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        if (readyDeadline != Long.MAX_VALUE) {
            return false;
        }
        throw new IOException(
                "the app did not answer HTTP within " + READY_TIMEOUT.toSeconds() + " s (see " + log + ")");
    }

    private int send(String base, TrainingRequest t) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + t.path()))
                .timeout(Duration.ofSeconds(30))
                .method(
                        t.method(),
                        t.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(t.body()));
        t.headers().forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String tail(Path file, int lines) throws IOException {
        List<String> all = Files.exists(file) ? Files.readAllLines(file) : List.of();
        return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
