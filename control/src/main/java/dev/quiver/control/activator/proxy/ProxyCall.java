package dev.quiver.control.activator.proxy;

import dev.quiver.control.activator.Activator;
import dev.quiver.control.activator.admission.FunctionQueue;
import dev.quiver.control.activator.answers.Answers;
import dev.quiver.control.activator.balance.Slot;
import dev.quiver.control.activator.coldstart.ServedBy;
import dev.quiver.control.activator.metrics.ActivatorMetrics.Outcome;
import dev.quiver.control.activator.routing.Target;
import dev.quiver.control.route.Endpoint;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request through the activator: forwarded at once when an endpoint has a free slot (least in flight, never
 * above the hard limit), else held in the function's queue until one has (504 {@code timeout} after the wait, 503
 * {@code overloaded} when the queue is full). The body and the answer are streamed (no copy), hop-by-hop headers
 * dropped both ways, {@code X-Forwarded-For/-Proto/-Host} added. A connection that fails before anything was sent
 * (refused, unreachable) is retried on another ready endpoint, up to {@code maxAttempts}; the refused endpoint is
 * skipped for {@link #REFUSED_COOL_DOWN_NANOS}. A request that found no free slot on arrival is recorded as a
 * cold-start request at its first response byte: waiting (arrival to dispatch) and served (dispatch to first byte),
 * by who served it ({@link ServedBy}). A waiting request whose client went away is dropped (counted
 * {@code client_gone}), never forwarded. A read chunked body counts against the function's {@code maxQueuedBytes}
 * while it waits (503 {@code overloaded} past it); a streamed body stays in the client's socket (paused).
 */
public final class ProxyCall implements FunctionQueue.Waiter {
    static final long REFUSED_COOL_DOWN_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Bodies with a {@code Content-Length} up to this size are read whole and written in one piece (one write and
     * flush per message instead of a pipe's write per chunk plus the end); larger ones are streamed.
     */
    static final long WHOLE_BODY_BYTES = 16 * 1024;

    private final Activator activator;
    private final HttpClient client;
    private final HttpServerRequest req;
    private final Target target;
    private final FunctionQueue queue;
    private final Buffer body;
    private final Context ctx;
    private final Vertx vertx;
    private final String name;
    private final long arrived;
    private final long deadline;
    private long timer = -1;
    private int attempts;
    private boolean held;
    private long dispatched;

    /** @param body the whole body when it was read already (chunked), null when it is still to be streamed */
    public ProxyCall(
            Activator activator,
            HttpClient client,
            HttpServerRequest req,
            Target target,
            FunctionQueue queue,
            Buffer body,
            long arrived) {
        this.activator = activator;
        this.client = client;
        this.req = req;
        this.target = target;
        this.queue = queue;
        this.body = body;
        this.arrived = arrived;
        this.deadline = arrived + activator.settings().timeout().toNanos();
        this.ctx = Vertx.currentContext();
        this.vertx = ctx.owner();
        this.name = queue.key();
    }

    public void start() {
        Slot s = queue.tryAcquire(System.nanoTime());
        if (s != null) {
            forward(s);
            return;
        }
        hold();
    }

    private void hold() {
        long now = System.nanoTime();
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - now);
        if (left <= 0) {
            timeout();
            return;
        }
        if (attempts == 0) {
            held = true;
        }
        timer = vertx.setTimer(left, id -> {
            timer = -1;
            if (queue.remove(this)) {
                timeout();
            }
        });
        switch (queue.enqueue(this)) {
            case OK -> {
                activator.metrics().count(name, Outcome.HELD);
                req.response().closeHandler(v -> {
                    if (queue.remove(this)) {
                        cancelTimer();
                        activator.metrics().count(name, Outcome.CLIENT_GONE);
                    }
                });
                if (req.response().closed() && queue.remove(this)) {
                    cancelTimer();
                    activator.metrics().count(name, Outcome.CLIENT_GONE);
                    return;
                }
                activator.pokeIfDue(queue, now);
            }
            case FULL -> {
                cancelTimer();
                activator.metrics().count(name, Outcome.QUEUE_FULL);
                fail(Answers.overloaded(name, queue.queued()));
            }
            case TOO_MANY_BYTES -> {
                cancelTimer();
                activator.metrics().count(name, Outcome.QUEUE_FULL);
                fail(Answers.overloadedBytes(
                        name, queue.queued(), activator.settings().maxQueuedBytes()));
            }
            case CLOSED -> abandoned();
        }
    }

    @Override
    public void dispatch(Slot slot) {
        ctx.runOnContext(v -> {
            cancelTimer();
            if (req.response().closed()) {
                activator.metrics().count(name, Outcome.CLIENT_GONE);
                queue.release(slot);
                return;
            }
            forward(slot);
        });
    }

    @Override
    public long heldBytes() {
        return body == null ? 0 : body.length();
    }

    @Override
    public void abandon() {
        ctx.runOnContext(v -> {
            cancelTimer();
            abandoned();
        });
    }

    private void abandoned() {
        activator.metrics().count(name, Outcome.NOT_FOUND);
        fail(Answers.notFound(name, "Function '" + name + "' was removed."));
    }

    private void timeout() {
        activator.metrics().count(name, Outcome.TIMEOUT);
        fail(Answers.timeout(name, activator.settings().timeout().toMillis()));
    }

    private void fail(dev.quiver.api.errors.ErrorBody error) {
        if (!req.isEnded()) {
            req.resume();
        }
        Answers.error(req.response(), error, activator.settings().retryAfterSeconds());
    }

    private void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void forward(Slot slot) {
        attempts++;
        dispatched = System.nanoTime();
        activator.metrics().count(name, Outcome.FORWARDED);
        Endpoint e = slot.endpoint();
        RequestOptions o = new RequestOptions()
                .setMethod(req.method())
                .setHost(e.host())
                .setPort(e.port())
                .setURI(target.uri())
                .setIdleTimeout(activator.settings().timeout().toMillis() * 10);
        client.request(o).onComplete(ar -> {
            if (ar.failed()) {
                notSent(slot, ar.cause());
            } else {
                send(slot, ar.result());
            }
        });
    }

    private void notSent(Slot slot, Throwable cause) {
        long now = System.nanoTime();
        queue.refused(slot, now, REFUSED_COOL_DOWN_NANOS);
        queue.release(slot);
        if (attempts < activator.settings().maxAttempts() && now - deadline < 0) {
            activator.metrics().count(name, Outcome.RETRIED);
            start();
            return;
        }
        activator.metrics().count(name, Outcome.FAILED);
        fail(Answers.instanceFailed(name, "cannot connect to " + slot.endpoint() + ": " + cause.getMessage()));
    }

    private void send(Slot slot, HttpClientRequest out) {
        HopByHop.copy(req.headers(), out.headers());
        forwardedHeaders(out);
        Future<HttpClientResponse> sent;
        if (body != null) {
            sent = out.send(body);
        } else if (hasBody()) {
            if (small(req.getHeader(HttpHeaders.CONTENT_LENGTH))) {
                Future<Buffer> whole = req.body();
                req.resume();
                sent = whole.compose(out::send);
            } else {
                sent = out.send(req);
            }
        } else {
            req.resume();
            sent = out.send();
        }
        sent.onComplete(ar -> {
            if (ar.succeeded()) {
                respond(slot, ar.result());
            } else {
                failed(slot, ar.cause());
            }
        });
    }

    private void forwardedHeaders(HttpClientRequest out) {
        String host = req.getHeader(HttpHeaders.HOST);
        if (host != null) {
            out.putHeader("x-forwarded-host", host);
        }
        if (req.remoteAddress() != null) {
            String prior = req.getHeader("x-forwarded-for");
            String me = req.remoteAddress().hostAddress();
            out.putHeader("x-forwarded-for", prior == null ? me : prior + ", " + me);
        }
        out.putHeader("x-forwarded-proto", req.isSSL() ? "https" : "http");
    }

    private boolean hasBody() {
        String len = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        return len != null && !"0".equals(len.trim());
    }

    private void respond(Slot slot, HttpClientResponse resp) {
        if (held) {
            held = false;
            long now = System.nanoTime();
            activator
                    .coldStarts()
                    .request(
                            name, ServedBy.of(arrived, slot.readySinceNanos()), dispatched - arrived, now - dispatched);
        }
        HttpServerResponse r = req.response();
        if (r.closed() || r.ended()) {
            resp.request().reset();
            queue.release(slot);
            return;
        }
        r.setStatusCode(resp.statusCode());
        if (!standardReason(resp.statusCode(), resp.statusMessage())) {
            // only a reason phrase of its own: setting one makes a new status line per response
            r.setStatusMessage(resp.statusMessage());
        }
        HopByHop.copy(resp.headers(), r.headers());
        boolean noBody = req.method() == HttpMethod.HEAD
                || resp.statusCode() == 204
                || resp.statusCode() == 304
                || resp.statusCode() / 100 == 1;
        String length = resp.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (!noBody && length == null) {
            r.setChunked(true);
        }
        if (!noBody && small(length)) {
            resp.body().onComplete(ar -> {
                queue.release(slot);
                if (ar.succeeded()) {
                    r.end(ar.result());
                } else {
                    r.reset();
                }
            });
            return;
        }
        resp.pipeTo(r).onComplete(v -> queue.release(slot));
    }

    /** Whether {@code message} is the standard reason phrase of {@code code} (what the server sends when none is set). */
    static boolean standardReason(int code, String message) {
        return message != null
                && message.equals(io.netty.handler.codec.http.HttpResponseStatus.valueOf(code)
                        .reasonPhrase());
    }

    /** A {@code Content-Length} small enough to read whole ({@link #WHOLE_BODY_BYTES}); false when absent. */
    static boolean small(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            long n = Long.parseLong(contentLength.trim());
            return n >= 0 && n <= WHOLE_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void failed(Slot slot, Throwable cause) {
        queue.release(slot);
        if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
            activator.metrics().count(name, Outcome.TIMEOUT);
            fail(Answers.timeout(name, activator.settings().timeout().toMillis() * 10));
            return;
        }
        activator.metrics().count(name, Outcome.FAILED);
        fail(Answers.instanceFailed(name, String.valueOf(cause.getMessage())));
    }
}
