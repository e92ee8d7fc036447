package dev.quiver.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker's packaged app ({@code eventing/broker/target/quarkus-app}) as a process on a fixed port, so a restarted
 * one answers where the killed one did.
 */
public final class BrokerNode implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final int port;
    private final Map<String, String> config;
    private final Path log;
    private Process process;

    public BrokerNode(Path jar, int port, Map<String, String> config, Path log) {
        this.jar = jar;
        this.port = port;
        this.config = config;
        this.log = log;
    }

    /** Starts it and waits until ready (stored triggers running, the admin API answering). */
    public synchronized BrokerNode start(Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        try {
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Waits.until("broker ready on port " + port + " (log " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited, see " + log);
            }
            return status("/q/health/ready") == 200;
        });
        return this;
    }

    /** SIGKILL: no shutdown hook, no final commit. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The status of a GET, 0 when nothing answered. */
    public int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url(path)))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Creates a trigger through the admin API; returns the answer's status and body. */
    public HttpResponse<String> createTrigger(String json) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url("/admin/v1/triggers")))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
