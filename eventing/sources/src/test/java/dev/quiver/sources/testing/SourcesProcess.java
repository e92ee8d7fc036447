package dev.quiver.sources.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** The built sources app as a separate process, started exactly as the {@code quiver up} launcher does. */
public final class SourcesProcess implements AutoCloseable {

    private final Process process;
    public final int httpPort;
    public final int s3Port;
    public final Path log;

    private SourcesProcess(Process process, int httpPort, int s3Port, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.s3Port = s3Port;
        this.log = log;
    }

    public static SourcesProcess start(Path dataDir, String brokerUrl, String... extra) throws IOException {
        int http = freePort();
        int s3 = freePort();
        List<String> cmd = new ArrayList<>(List.of(
                javaBin(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + http,
                "-Dquiver.sources.s3.port=" + s3,
                "-Dquiver.sources.data-dir=" + dataDir,
                "-Dquiver.sources.broker-url=" + brokerUrl,
                "-Dquiver.sources.access-key=quiver",
                "-Dquiver.sources.secret-key=quiver-secret"));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-jar", jar()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-sources-" + http + ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new SourcesProcess(p, http, s3, log);
    }

    public static String jar() {
        String jar = System.getProperty("quiver.sources.jar", System.getProperty("quiver.app.jar"));
        if (jar == null) {
            throw new IllegalStateException(
                    "set -Dquiver.sources.jar to eventing/sources/target/quarkus-app/quarkus-run.jar");
        }
        return jar;
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public SourcesProcess awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("sources exited: " + java.nio.file.Files.readString(log));
                    }
                    try {
                        return client.send(
                                                HttpRequest.newBuilder(URI.create(
                                                                "http://127.0.0.1:" + httpPort + "/q/health/ready"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return this;
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed that was not already on disk. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public Process process() {
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
