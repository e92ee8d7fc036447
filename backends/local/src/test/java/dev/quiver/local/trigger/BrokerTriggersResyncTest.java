package dev.quiver.local.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quiver.local.registry.FunctionDefinition;
import dev.quiver.local.registry.FunctionReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a fake broker admin API: a lost trigger comes back at the next resync; a failure shows in the status. */
class BrokerTriggersResyncTest {
    @TempDir
    Path home;

    /** The fake broker's triggers, by name, as the JSON it was sent. */
    private final Map<String, String> triggers = new ConcurrentHashMap<>();

    private volatile boolean failing;
    private HttpServer server;
    private BrokerTriggers client;
    private FunctionDefinition thumbnail;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/admin/v1/triggers", this::handle);
        server.start();
        client = new BrokerTriggers(
                "http://127.0.0.1:" + server.getAddress().getPort(),
                null,
                Clock.fixed(Instant.parse("2026-11-28T05:30:00Z"), ZoneOffset.UTC));
        Files.writeString(home.resolve("t.jar"), "jar");
        thumbnail = new FunctionReader(home).read("name: thumbnail\nartifact: t.jar\ntriggers: {broker: {}}\n");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.stop(0);
    }

    @Test
    void aBrokerThatLostTheTriggerGetsItBackAtTheNextResync() throws Exception {
        client.resync(List.of(thumbnail), 8080).get(10, TimeUnit.SECONDS);
        assertThat(triggers).containsKey("fn-thumbnail");
        String first = triggers.get("fn-thumbnail");

        triggers.clear(); // a broker restarted without its triggers
        client.resync(List.of(thumbnail), 8080).get(10, TimeUnit.SECONDS);

        assertThat(triggers).containsEntry("fn-thumbnail", first);
        assertThat(client.status("thumbnail").orElseThrow().error()).isNull();
        assertThat(client.status("thumbnail").orElseThrow().lastApplied()).isEqualTo("2026-11-28T05:30:00Z");
    }

    @Test
    void theResyncRunsPeriodically() throws Exception {
        client.startResync(() -> List.of(thumbnail), () -> 8080, java.time.Duration.ofMillis(100));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!triggers.containsKey("fn-thumbnail") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(triggers).containsKey("fn-thumbnail");
    }

    @Test
    void aFailingBrokerShowsItsErrorInTheStatusUntilAnApplySucceeds() throws Exception {
        failing = true;
        client.resync(List.of(thumbnail), 8080).get(10, TimeUnit.SECONDS);

        var failed = client.status("thumbnail").orElseThrow();
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.error()).contains("500");
        assertThat(failed.line()).startsWith("failed: ");

        failing = false;
        client.resync(List.of(thumbnail), 8080).get(10, TimeUnit.SECONDS);
        assertThat(client.status("thumbnail").orElseThrow().state()).isIn("ready", "not-ready");
        assertThat(client.status("thumbnail").orElseThrow().error()).isNull();
    }

    @Test
    void aRemovedFunctionHasNoTriggerStatus() throws Exception {
        client.resync(List.of(thumbnail), 8080).get(10, TimeUnit.SECONDS);

        client.remove("thumbnail").get(10, TimeUnit.SECONDS);

        assertThat(client.status("thumbnail")).isEmpty();
        assertThat(triggers).isEmpty();
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String name = path.substring("/admin/v1/triggers".length()).replaceFirst("^/", "");
        try (x) {
            if (failing) {
                answer(x, 500, "{\"status\":500,\"error\":\"internal\",\"message\":\"broken\"}");
                return;
            }
            switch (x.getRequestMethod()) {
                case "POST" -> {
                    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    String n =
                            dev.quiver.api.trigger.BrokerAdminClient.read(body).name();
                    if (triggers.putIfAbsent(n, body) == null) {
                        answer(x, 201, body);
                    } else {
                        answer(x, 409, "{\"status\":409,\"error\":\"conflict\",\"message\":\"exists\"}");
                    }
                }
                case "GET" -> {
                    String body = triggers.get(name);
                    answer(x, body == null ? 404 : 200, body == null ? "{}" : body);
                }
                case "DELETE" -> {
                    x.sendResponseHeaders(triggers.remove(name) == null ? 404 : 204, -1);
                }
                default -> answer(x, 405, "{}");
            }
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
    }
}
