package dev.quiver.broker;

import dev.quiver.kafka.local.FreePorts;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/** The packaged broker ({@code target/quarkus-app}) as a real process, for crash and startup tests. */
public final class BrokerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path log;

    private BrokerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static BrokerProcess start(Map<String, String> config, Path log) throws IOException {
        int port = FreePorts.find();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port));
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of(
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new BrokerProcess(p, port, log);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int get(String path) {
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

    public String getBody(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Posts a binary-mode event; returns the status (0 when the broker did not answer). */
    public int publish(String broker, String id, String type) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url("/" + broker)))
                .timeout(Duration.ofSeconds(20))
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-source", "/process-it")
                .header("ce-type", type)
                .header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Posts the events in one batched-mode request; returns the status. */
    public int publishBatch(String broker, List<String> ids, String type) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            body.append(body.length() > 1 ? "," : "")
                    .append("{\"specversion\":\"1.0\",\"id\":\"")
                    .append(id)
                    .append("\",\"source\":\"/process-it\",\"type\":\"")
                    .append(type)
                    .append("\"}");
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(url("/" + broker)))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]").toString()))
                .build();
        return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitForExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no final commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
