package dev.quiver.api.trigger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The broker's admin API as it behaves (201 with the stored trigger and its status, 409 on an existing name, 404,
 * 204), on a free port; records each request as {@code METHOD path}. {@code refuse} makes every POST answer that.
 */
final class FakeBrokerAdmin implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final Map<String, TriggerDocument> triggers = new ConcurrentHashMap<>();
    volatile int refuseStatus;
    volatile String refuseBody;
    private final HttpServer server;

    FakeBrokerAdmin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/triggers", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + path);
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        String name =
                path.length() > "/admin/v1/triggers/".length() ? path.substring("/admin/v1/triggers/".length()) : null;
        switch (ex.getRequestMethod()) {
            case "POST" -> {
                if (refuseStatus != 0) {
                    answer(ex, refuseStatus, refuseBody);
                    return;
                }
                TriggerDocument d = BrokerAdminClient.read(in);
                if (triggers.putIfAbsent(d.name(), stored(d)) != null) {
                    answer(ex, 409, "{\"status\":409,\"error\":\"trigger '" + d.name() + "' already exists\"}");
                } else {
                    answer(ex, 201, BrokerAdminClient.json(triggers.get(d.name())));
                }
            }
            case "GET" -> {
                if (name == null) {
                    answer(
                            ex,
                            200,
                            "["
                                    + String.join(
                                            ",",
                                            triggers.values().stream()
                                                    .map(BrokerAdminClient::json)
                                                    .toList()) + "]");
                    return;
                }
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

    private static TriggerDocument stored(TriggerDocument d) {
        return d.withStatus(new TriggerDocument.Status(
                true, d.spec().subscriber().uri(), "quiver-broker-default", "quiver-trigger-default-" + d.name()));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("content-type", "application/json");
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
