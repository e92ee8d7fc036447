package dev.quiver.broker;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A real HTTP subscriber for tests: a Vert.x server on a free port that records every CloudEvent per path and
 * answers as the test says (default 200, empty body).
 */
public final class TestSubscriber implements AutoCloseable {

    public record Received(CloudEvent event, Map<String, String> headers) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<HttpServerRequest, Integer>> behaviours = new ConcurrentHashMap<>();

    public TestSubscriber() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(body -> {
                    List<Received> list = received.computeIfAbsent(req.path(), p -> new CopyOnWriteArrayList<>());
                    try {
                        CloudEvent e = VertxMessageFactory.createReader(req.headers(), body)
                                .toEvent();
                        Map<String, String> headers = new ConcurrentHashMap<>();
                        req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                        list.add(new Received(e, headers));
                    } catch (RuntimeException notAnEvent) {
                        req.response().setStatusCode(415).end(notAnEvent.getMessage());
                        return;
                    }
                    behaviours
                            .getOrDefault(
                                    req.path(),
                                    (r, n) -> r.response().setStatusCode(200).end())
                            .accept(req, list.size());
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /** How to answer on {@code path}; the behaviour also gets the number of events received there so far. */
    public TestSubscriber on(String path, BiConsumer<HttpServerRequest, Integer> behaviour) {
        behaviours.put(path, behaviour);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    public List<String> ids(String path) {
        return received(path).stream().map(r -> r.event().getId()).toList();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
