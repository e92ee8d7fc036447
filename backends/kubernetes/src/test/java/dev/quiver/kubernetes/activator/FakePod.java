package dev.quiver.kubernetes.activator;

import dev.quiver.control.route.Endpoint;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 standing in for a function's pod: records each request (method, URI, headers,
 * body) and answers 200 with {@code <name> got <n> bytes} and a header {@code x-pod: <name>}; on {@code /stream}
 * it answers chunked, without a content-length.
 */
final class FakePod implements AutoCloseable {
    record Seen(String method, String uri, MultiMap headers, Buffer body) {}

    final String name;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakePod(Vertx vertx, String name) {
        this.name = name;
        this.server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(body -> {
                    seen.add(new Seen(
                            req.method().name(),
                            req.uri(),
                            MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                            body));
                    if (req.path().equals("/stream")) { // no content-length: chunked, in two writes
                        req.response().setChunked(true).putHeader("x-pod", name).write("first,");
                        req.response().end("second");
                        return;
                    }
                    req.response()
                            .putHeader("x-pod", name)
                            .putHeader("content-type", "text/plain")
                            .end(name + " got " + body.length() + " bytes");
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    int port() {
        return server.actualPort();
    }

    Endpoint endpoint() {
        return new Endpoint("127.0.0.1:" + port(), "127.0.0.1", port());
    }

    @Override
    public void close() {
        server.close();
    }
}
