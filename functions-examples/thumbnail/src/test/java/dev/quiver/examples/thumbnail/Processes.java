package dev.quiver.examples.thumbnail;

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
import org.awaitility.Awaitility;

/** Packaged Quarkus apps started as processes (with -Xmx), waited for on /q/health/ready, stopped at the end. */
final class Processes implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();
    private final Path logs;

    Processes(Path logs) {
        this.logs = logs;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String jar(String property) {
        String jar = System.getProperty(property);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException(property + " = " + jar + ": build it first (./mvnw -pl eventing/broker,"
                    + "eventing/sources -am package -DskipTests)");
        }
        return jar;
    }

    /** Starts {@code java -XmxN <props> -jar jar} and waits until it is ready on {@code httpPort}. */
    Process start(String name, String jar, String heap, int httpPort, String... props) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Dquarkus.http.port=" + httpPort));
        cmd.addAll(List.of(props));
        cmd.addAll(List.of("-jar", jar));
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(p);
        HttpClient client = HttpClient.newHttpClient();
        Awaitility.await(name + " ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
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
        return p;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
