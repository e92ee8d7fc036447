package dev.quiver.examples.hello;

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
import java.util.concurrent.TimeUnit;

/** The packaged hello app started as a real OS process, as the local platform starts instances. */
final class HelloInstance implements AutoCloseable {

    final int port;
    final Process process;
    final Path log;

    private HelloInstance(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static Path jar() {
        return Path.of(System.getProperty("quiver.app.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
    }

    static HelloInstance start(String... systemProperties) throws IOException {
        return start(Path.of(System.getProperty("java.home")), List.of(), systemProperties);
    }

    /** Started by the JDK at {@code javaHome} with extra JVM options (e.g. a start-up archive). */
    static HelloInstance start(Path javaHome, List<String> jvmOptions, String... systemProperties) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("hello-", ".log");
        List<String> command =
                new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(), "-Xmx128m"));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        // in the app's directory, as the build ran it: the AppCDS archive records the class path as "quarkus-run.jar"
        command.addAll(List.of("-jar", jar().getFileName().toString()));
        Process process = new ProcessBuilder(command)
                .directory(jar().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new HelloInstance(port, process, log);
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> ready = client.send(
                        HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return false;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
