package dev.quiver.cli.commands;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.stats.StatsReport;
import dev.quiver.cli.Builds;
import dev.quiver.cli.Console;
import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.platform.LocalPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "hello",
        mixinStandardHelpOptions = true,
        description = "Start the hello function alone as a local process; invoke it as plain JSON, as a binary and "
                + "as a structured CloudEvent; show its stats; stop it gracefully.")
public class HelloCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Option(
            names = "--port",
            defaultValue = "${env:QUIVER_DEMO_PORT:-8080}",
            description = "Its HTTP port. Default ${DEFAULT-VALUE}.")
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public Integer call() throws Exception {
        localOnly.check("hello");
        Session s = Session.current();
        Console c = s.console();
        if (port < 1 || port > 65535) {
            throw QuiverException.usage("hello: --port must be 1..65535, was " + port);
        }
        Builds b = new Builds(s.workspace(), c);
        b.ensure(List.of(b.example("hello")));
        LocalPlatform.requireFree(port, "hello", "port");
        Path log = s.workspace().log("hello");
        Files.createDirectories(log.getParent());
        c.step("Starting the hello function on http://localhost:" + port + " (log: " + log + ")");
        Process p = new ProcessBuilder(
                        LocalPlatform.javaLauncher(),
                        "-Xmx128m",
                        "-Dquarkus.http.port=" + port,
                        "-jar",
                        s.workspace().helloJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        URI base = URI.create("http://localhost:" + port);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ready(base)) {
                if (!p.isAlive()) {
                    throw QuiverException.failed("hello stopped during start-up; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw QuiverException.failed("hello not ready after 60 s; see " + log);
                }
                c.progress(".");
                Thread.sleep(200);
            }
            c.line("");
            StatsReport stats =
                    JSON.readValue(get(base.resolve(StatsReport.PATH)).body(), StatsReport.class);
            c.detail("ready: " + stats.startupMillis() + " ms from process start (warm-up included)");

            c.step("Plain JSON:  POST /hello {\"name\":\"Ada\"}");
            c.line(post(
                            HttpRequest.newBuilder(base.resolve("/hello")).header("Content-Type", "application/json"),
                            "{\"name\":\"Ada\"}")
                    .body());

            c.step("CloudEvent, binary mode:  POST / with ce-* headers");
            HttpResponse<String> binary = post(
                    HttpRequest.newBuilder(base.resolve("/"))
                            .header("ce-specversion", "1.0")
                            .header("ce-id", "demo-1")
                            .header("ce-type", "dev.quiver.hello.requested")
                            .header("ce-source", "/quiver/demo")
                            .header("Content-Type", "application/json"),
                    "{\"name\":\"Grace\"}");
            c.line("HTTP " + binary.statusCode());
            binary.headers().map().forEach((k, v) -> {
                if (k.startsWith("ce-") || k.equalsIgnoreCase("content-type")) {
                    c.line(k + ": " + String.join(",", v));
                }
            });
            c.line(binary.body());

            c.step("CloudEvent, structured mode:  POST / application/cloudevents+json");
            c.line(post(
                            HttpRequest.newBuilder(base.resolve("/"))
                                    .header("Content-Type", "application/cloudevents+json"),
                            "{\"specversion\":\"1.0\",\"id\":\"demo-2\",\"type\":"
                                    + "\"dev.quiver.hello.requested\",\"source\":\"/quiver/demo\",\"datacontenttype\":"
                                    + "\"application/json\",\"data\":{\"name\":\"Linus\"}}")
                    .body());

            c.step("Instance stats (what the scaler polls every second):  GET " + StatsReport.PATH);
            c.line(get(base.resolve(StatsReport.PATH)).body());

            c.step("Stopping gracefully (SIGTERM: readiness down, in-flight requests drain)");
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            Files.readAllLines(log).stream()
                    .filter(l -> l.contains("Drain") || l.contains("stopped"))
                    .forEach(c::detail);
            c.bold("Demo done.");
            return 0;
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private boolean ready(URI base) {
        try {
            return get(base.resolve("/q/health/ready")).statusCode() == 200;
        } catch (QuiverException e) {
            return false;
        }
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET());
    }

    private HttpResponse<String> post(HttpRequest.Builder b, String body) {
        return send(b.timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw QuiverException.failed("no answer from hello: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuiverException.failed("interrupted");
        }
    }
}
