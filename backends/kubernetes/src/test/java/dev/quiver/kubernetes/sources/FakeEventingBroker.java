package dev.quiver.kubernetes.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the broker's source admin routes: records each write as {@code METHOD path body}; a POST answers 201
 * with the document and a Ready status (sinkUri = the document's sink.uri), or {@code refuseStatus} with
 * {@code refuseBody}; a GET answers what the last POST to that name stored, else 404 (the shared client reads before
 * it writes, to leave an unchanged object alone).
 */
final class FakeEventingBroker implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile int refuseStatus;
    volatile String refuseBody = "{}";
    private final java.util.Map<String, String> stored = new java.util.concurrent.ConcurrentHashMap<>();

    FakeEventingBroker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        if (ex.getRequestMethod().equals("GET")) {
            String live = stored.get(path);
            answer(ex, live == null ? 404 : 200, live == null ? "" : live);
            return;
        }
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + in);
        if (ex.getRequestMethod().equals("POST")) {
            if (refuseStatus != 0) {
                answer(ex, refuseStatus, refuseBody);
                return;
            }
            String sink = in.replaceAll(".*\"sink\":\\{\"uri\":\"([^\"]*)\".*", "$1");
            String live = in.substring(0, in.length() - 1)
                    + ",\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":"
                    + "\"Ready\"}],\"sinkUri\":\"" + (sink.equals(in) ? "" : sink) + "\"}}";
            String name = in.replaceAll(".*\"metadata\":\\{[^}]*\"name\":\"([^\"]*)\".*", "$1");
            stored.put(path + "/" + name, live);
            answer(ex, 201, live);
        } else if (ex.getRequestMethod().equals("DELETE")) {
            stored.remove(path);
            answer(ex, 204, "");
        } else {
            answer(ex, 405, "");
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
