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
 * A stand-in for the broker's source admin routes: records {@code METHOD path body}; a POST answers 201 with the
 * document and a Ready status (sinkUri = the document's sink.uri), or {@code refuseStatus} with {@code refuseBody}.
 */
final class FakeEventingBroker implements AutoCloseable {
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile int refuseStatus;
    volatile String refuseBody = "{}";

    FakeEventingBroker() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        String in = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + in);
        if (ex.getRequestMethod().equals("POST")) {
            if (refuseStatus != 0) {
                answer(ex, refuseStatus, refuseBody);
                return;
            }
            String sink = in.replaceAll(".*\"sink\":\\{\"uri\":\"([^\"]*)\".*", "$1");
            answer(
                    ex,
                    201,
                    in.substring(0, in.length() - 1)
                            + ",\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":"
                            + "\"Ready\"}],\"sinkUri\":\"" + (sink.equals(in) ? "" : sink) + "\"}}");
        } else if (ex.getRequestMethod().equals("DELETE")) {
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
