package dev.quiver.control.activator;

import dev.quiver.api.activator.ActivatorLoad;
import dev.quiver.control.activator.admission.FunctionQueue;
import dev.quiver.control.activator.answers.Answers;
import dev.quiver.control.activator.metrics.ActivatorMetrics.Outcome;
import dev.quiver.control.activator.proxy.ProxyCall;
import dev.quiver.control.activator.routing.RequestRouter;
import dev.quiver.control.activator.routing.Target;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * One event loop's request handler: {@code GET /quiver/activator/load}, else routing (404), body limit (413), then
 * a {@link ProxyCall} that forwards at once or holds the request. A body with a {@code Content-Length} stays
 * unread (paused) until it is streamed to the instance; a chunked body is read first, its bytes counted as they
 * arrive: past the limit it is answered 413 at once, nothing is kept or forwarded, and the rest is discarded; a
 * client that keeps sending more than another limit's worth has its connection closed.
 */
public final class ActivatorHandler implements Handler<HttpServerRequest> {
    private final Activator activator;
    private final HttpClient client;
    private final RequestRouter router;

    public ActivatorHandler(Activator activator, HttpClient client) {
        this(activator, client, activator.router());
    }

    /** @param router how requests name their function (a function's direct address: always that function) */
    public ActivatorHandler(Activator activator, HttpClient client, RequestRouter router) {
        this.activator = activator;
        this.client = client;
        this.router = router;
    }

    @Override
    public void handle(HttpServerRequest req) {
        long arrived = System.nanoTime();
        req.pause();
        if (req.method() == HttpMethod.GET && ActivatorLoad.PATH.equals(req.path())) {
            req.resume();
            req.response()
                    .putHeader("content-type", "application/json")
                    .end(Buffer.buffer(Answers.encode(activator.load())));
            return;
        }
        Optional<Target> found = router.route(req.getHeader("host"), req.uri());
        if (found.isEmpty()) {
            reject(req, Answers.notFound(null, "No function named in the request: " + router.hint()));
            return;
        }
        Optional<Target> split = activator.revision(
                found.get(), java.util.concurrent.ThreadLocalRandom.current().nextDouble());
        if (split.isEmpty()) {
            Target asked = found.get();
            activator.metrics().count(asked.function().toString(), Outcome.NOT_FOUND);
            reject(
                    req,
                    Answers.notFound(
                            asked.function().toString(),
                            "Function '" + asked.function().name() + "' has no traffic tag '" + asked.tag() + "'."));
            return;
        }
        Target t = split.get();
        Optional<FunctionQueue> queue = activator.queue(t.function());
        if (queue.isEmpty()) {
            String name = t.function().toString();
            activator.metrics().count(name, Outcome.NOT_FOUND);
            reject(
                    req,
                    Answers.notFound(
                            name,
                            "No function '" + t.function().name() + "'"
                                    + (t.function().namespace().isEmpty()
                                            ? ""
                                            : " in namespace '" + t.function().namespace() + "'")
                                    + " is deployed."));
            return;
        }
        String name = queue.get().key();
        long max = activator.settings().maxBodyBytes();
        String length = req.getHeader("content-length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                activator.metrics().count(name, Outcome.BAD_REQUEST);
                reject(req, Answers.badRequest(name, "Content-Length '" + length + "' is not a number."));
                return;
            }
            if (n > max) {
                activator.metrics().count(name, Outcome.TOO_LARGE);
                reject(req, Answers.tooLarge(name, max));
                return;
            }
            new ProxyCall(activator, client, req, t, queue.get(), null, arrived).start();
            return;
        }
        if (req.getHeader("transfer-encoding") == null) {
            new ProxyCall(activator, client, req, t, queue.get(), null, arrived).start();
            return;
        }
        readChunked(req, t, queue.get(), max, arrived);
    }

    private void readChunked(HttpServerRequest req, Target t, FunctionQueue queue, long max, long arrived) {
        Buffer body = Buffer.buffer();
        boolean[] over = new boolean[1];
        long[] discarded = new long[1];
        req.handler(b -> {
            if (over[0]) {
                discarded[0] += b.length();
                if (discarded[0] > max) {
                    req.pause();
                    req.connection().close();
                }
                return;
            }
            if (body.length() + (long) b.length() > max) {
                over[0] = true;
                activator.metrics().count(t.function().toString(), Outcome.TOO_LARGE);
                req.response().putHeader("connection", "close");
                Answers.error(req.response(), Answers.tooLarge(t.function().toString(), max), 0);
                return;
            }
            body.appendBuffer(b);
        });
        req.exceptionHandler(e -> {
            activator.metrics().count(t.function().toString(), Outcome.BAD_REQUEST);
            Answers.error(
                    req.response(),
                    Answers.badRequest(t.function().toString(), "Cannot read the body: " + e.getMessage()),
                    0);
        });
        req.endHandler(v -> {
            if (!over[0]) {
                new ProxyCall(activator, client, req, t, queue, body, arrived).start();
            }
        });
        req.resume();
    }

    private void reject(HttpServerRequest req, dev.quiver.api.errors.ErrorBody body) {
        req.resume();
        Answers.error(req.response(), body, activator.settings().retryAfterSeconds());
    }
}
