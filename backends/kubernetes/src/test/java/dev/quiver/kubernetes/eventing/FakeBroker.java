package dev.quiver.kubernetes.eventing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.TriggerDocument;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the broker's trigger admin API on a free local port that behaves like it (201 with the stored
 * trigger, 409 for an existing name, GET, DELETE); records requests as {@code METHOD path body}. A non-zero
 * {@code refuseStatus} makes every POST answer that status with {@code refuseBody}.
 */
final class FakeBroker implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, TriggerDocument> triggers = new ConcurrentHashMap<>();
    /** Knative Broker documents applied to {@code /admin/v1/brokers} (upsert), as sent. */
    final Map<String, String> brokers = new ConcurrentHashMap<>();

    private final HttpServer server;
    volatile int refuseStatus;
    volatile String refuseBody = "{}";
    /** Refuse (400) a trigger whose broker was not applied to {@code /admin/v1/brokers}, as a fresh broker does. */
    volatile boolean requireBroker;

    FakeBroker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/triggers", this::handle);
        server.createContext("/admin/v1/brokers", this::handleBroker);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + path + " " + in);
        String name = path.startsWith("/admin/v1/triggers/") ? path.substring("/admin/v1/triggers/".length()) : "";
        switch (ex.getRequestMethod()) {
            case "POST" -> {
                if (refuseStatus != 0) {
                    answer(ex, refuseStatus, refuseBody);
                    return;
                }
                TriggerDocument d = BrokerAdminClient.read(in);
                if (requireBroker && !brokers.containsKey(d.spec().broker())) {
                    answer(ex, 400, "{\"status\":400,\"error\":\"spec.broker: unknown broker\"}");
                    return;
                }
                if (triggers.putIfAbsent(d.name(), d) != null) {
                    answer(ex, 409, "{\"status\":409,\"error\":\"exists\"}");
                } else {
                    answer(
                            ex,
                            201,
                            BrokerAdminClient.json(d.withStatus(new TriggerDocument.Status(
                                    true, d.spec().subscriber().uri(), "t", "g"))));
                }
            }
            case "GET" -> {
                TriggerDocument d = triggers.get(name);
                answer(
                        ex,
                        d == null ? 404 : 200,
                        d == null ? "{\"status\":404,\"error\":\"not found\"}" : BrokerAdminClient.json(d));
            }
            case "DELETE" -> answer(ex, triggers.remove(name) == null ? 404 : 204, "");
            default -> answer(ex, 405, "");
        }
    }

    private void handleBroker(HttpExchange ex) throws IOException {
        String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + path + " " + in);
        String name = path.startsWith("/admin/v1/brokers/") ? path.substring("/admin/v1/brokers/".length()) : "";
        switch (ex.getRequestMethod()) {
            case "POST" -> {
                String n = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(in)
                        .at("/metadata/name")
                        .asText();
                answer(ex, brokers.put(n, in) == null ? 201 : 200, in);
            }
            case "GET" -> {
                String d = brokers.get(name);
                answer(ex, d == null ? 404 : 200, d == null ? "{\"status\":404,\"error\":\"not found\"}" : d);
            }
            case "DELETE" -> answer(ex, brokers.remove(name) == null ? 404 : 204, "");
            default -> answer(ex, 405, "");
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
