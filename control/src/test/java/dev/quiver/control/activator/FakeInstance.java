package dev.quiver.control.activator;

import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (a free port) standing in for a function's instance: records each request
 * (method, URI, headers, body), the requests it has at once and the most it ever had; answers 200 with
 * {@code <name> got <n> bytes} and a header {@code x-pod: <name>} (plus hop-by-hop ones a proxy must drop) after
 * {@code delayMillis}; on {@code /stream} it answers chunked in two writes; on {@code /hold} it answers once
 * {@link #releaseHeld()} is called.
 */
public final class FakeInstance implements AutoCloseable {
    public record Seen(String method, String uri, MultiMap headers, Buffer body) {}

    public final String name;
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final List<Runnable> held = new CopyOnWriteArrayList<>();
    private final Vertx vertx;
    private final HttpServer server;
    private volatile long delayMillis;

    public FakeInstance(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
        this.server = vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    public FakeInstance delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    private void handle(HttpServerRequest req) {
        int now = current.incrementAndGet();
        max.accumulateAndGet(now, Math::max);
        req.body().onSuccess(body -> {
            seen.add(new Seen(
                    req.method().name(),
                    req.uri(),
                    MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                    body));
            Runnable answer = () -> answer(req, body);
            if (req.path().equals("/hold")) {
                held.add(answer);
            } else if (delayMillis > 0) {
                vertx.setTimer(delayMillis, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private void answer(HttpServerRequest req, Buffer body) {
        current.decrementAndGet();
        var r = req.response()
                .putHeader("x-pod", name)
                .putHeader("keep-alive", "timeout=7")
                .putHeader("proxy-authenticate", "Basic");
        if (req.path().equals("/stream")) {
            r.setChunked(true).write("first,");
            r.end("second");
            return;
        }
        r.setStatusCode(req.method().name().equals("PUT") ? 201 : 200)
                .putHeader("content-type", "text/plain")
                .end(name + " got " + body.length() + " bytes");
    }

    /** Answers every request held on {@code /hold}. */
    public void releaseHeld() {
        List<Runnable> now = List.copyOf(held);
        held.removeAll(now);
        now.forEach(r -> vertx.runOnContext(v -> r.run()));
    }

    public int port() {
        return server.actualPort();
    }

    /** The most requests it had at once. */
    public int maxConcurrency() {
        return max.get();
    }

    @Override
    public void close() {
        Promise<Void> p = Promise.promise();
        server.close().onComplete(p);
    }
}
