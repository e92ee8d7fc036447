package dev.quiver.kubernetes.activator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The controller's poke endpoint on a free local port: records {@code METHOD path} of each request, answers 202. */
final class FakeController implements AutoCloseable {
    final List<String> pokes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeController(Vertx vertx) {
        server = vertx.createHttpServer()
                .requestHandler(req -> {
                    pokes.add(req.method() + " " + req.path());
                    req.response().setStatusCode(202).end();
                })
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void close() {
        server.close();
    }
}
