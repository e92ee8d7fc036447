package dev.quiver.local.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform as a real process ({@code java -jar target/quarkus-app/quarkus-run.jar}) on free ports, with its
 * data in a temporary directory; one per test JVM, stopped (SIGTERM: it stops its instances) at JVM exit.
 */
public final class PlatformProcess {
    private static PlatformProcess shared;

    public final Path dataDir;
    /** A private copy of hello's app: the shared build tree may be rebuilt by someone else meanwhile. */
    final Path helloJar;

    final int controlPort;
    final int activatorPort;
    private final Process process;

    private PlatformProcess(Path dataDir, int controlPort, int activatorPort, Process process) {
        this.dataDir = dataDir;
        this.helloJar = dataDir.resolve("hello-app/quarkus-run.jar");
        this.controlPort = controlPort;
        this.activatorPort = activatorPort;
        this.process = process;
    }

    public static synchronized PlatformProcess get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "platform-stop"));
        }
        return shared;
    }

    static Path repoRoot() {
        return Path.of(System.getProperty(
                        "quiver.hello.jar", "../../functions-examples/hello/target/quarkus-app/" + "quarkus-run.jar"))
                .toAbsolutePath()
                .normalize()
                .getParent()
                .getParent()
                .getParent()
                .getParent()
                .getParent();
    }

    private static PlatformProcess start() {
        return startPrivate();
    }

    /** A platform of its own (not the shared one) on a fresh data directory; the caller stops it. */
    public static PlatformProcess startPrivate() {
        return startPrivate(List.of());
    }

    /** The same with extra {@code -D} options. */
    public static PlatformProcess startPrivate(List<String> extraOptions) {
        try {
            Path data = Files.createTempDirectory("quiver-platform-it-");
            copyTree(repoRoot().resolve("functions-examples/hello/target/quarkus-app"), data.resolve("hello-app"));
            return startOn(data, extraOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A platform on an existing data directory (the hello copy in it), e.g. to restart one stopped with {@link #halt}. */
    public static PlatformProcess startOn(Path data) {
        return startOn(data, List.of());
    }

    /** The same with extra {@code -D} options (e.g. {@code -Dquiver.platform.broker.url=...}). */
    public static PlatformProcess startOn(Path data, List<String> extraOptions) {
        try {
            int control = freePort();
            int activator = freePort();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new java.util.ArrayList<>(List.of(
                    java,
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-Dquarkus.http.port=" + control,
                    "-Dquiver.platform.activator.port=" + activator,
                    "-Dquiver.platform.home=" + repoRoot(),
                    "-Dquiver.platform.data-dir=" + data,
                    "-Dquiver.platform.instances.drain-timeout=10s",
                    // the hello copy lives in the data directory, outside the home
                    "-Dquiver.platform.artifact-dirs=" + data,
                    "-jar",
                    Path.of("target/quarkus-app/quarkus-run.jar")
                            .toAbsolutePath()
                            .toString()));
            cmd.addAll(1, extraOptions);
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            data.resolve("platform.log").toFile()))
                    .start();
            PlatformProcess pp = new PlatformProcess(data, control, activator, p);
            pp.awaitReady();
            return pp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The control token the platform generated into its data directory at start. */
    String token() {
        try {
            return Files.readString(dataDir.resolve("control-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("platform exited: " + log());
            }
            try {
                var r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("platform not ready in 120 s: " + log());
    }

    public String log() {
        try {
            return Files.readString(dataDir.resolve("platform.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the platform (SIGTERM, or SIGKILL when {@code crash}) and keeps its data directory as it is. */
    public void halt(boolean crash) {
        try {
            if (crash) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } else {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the platform (it stops its instances) and deletes the app copy; logs stay in {@link #dataDir}. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(helloJar.getParent())) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // best effort
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
