package dev.quiver.local.activator;

import dev.quiver.local.activator.ActivatorMetrics.Outcome;
import dev.quiver.local.coldstart.ServedBy;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * One request through the activator: forwarded at once when an endpoint has a free slot, else buffered in the
 * function's gate until one has (504 after the timeout, 503 when the queue is full). A connection refused (the
 * request was not sent) is retried on another instance; an idempotent method is retried after any failure.
 * A request that found no ready capacity on arrival is recorded as a cold-start request at its first response
 * byte: waiting (arrival to dispatch) and served (dispatch to first byte), by who served it.
 */
final class ProxyCall implements FunctionGate.Waiter {
    private static final int MAX_ATTEMPTS = 3;
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host");
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final ActivatorContext ax;
    private final HttpServerRequest req;
    private final Buffer body;
    private final FunctionGate gate;
    private final String uri;
    private final Context ctx;
    private final long deadline;
    private final long arrived;
    private long timer = -1;
    private int attempts;
    private boolean atNoCapacity;
    private long dispatched;

    ProxyCall(ActivatorContext ax, HttpServerRequest req, Buffer body, FunctionGate gate, String uri, Context ctx,
              long deadline, long arrived) {
        this.arrived = arrived;
        this.ax = ax;
        this.req = req;
        this.body = body;
        this.gate = gate;
        this.uri = uri;
        this.ctx = ctx;
        this.deadline = deadline;
    }

    void start() {
        Endpoint e = gate.tryAcquire();
        if (e != null) {
            ax.metrics().count(gate.name(), Outcome.FORWARDED);
            forward(e);
            return;
        }
        if (attempts == 0) {
            atNoCapacity = true;
        }
        buffer();
    }

    private void buffer() {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            timeout();
            return;
        }
        timer = ctx.owner().setTimer(left, id -> {
            timer = -1;
            if (gate.remove(this)) {
                timeout();
            }
        });
        switch (gate.enqueue(this)) {
            case OK -> ax.metrics().count(gate.name(), Outcome.BUFFERED);
            case FULL -> {
                cancelTimer();
                ax.metrics().count(gate.name(), Outcome.QUEUE_FULL);
                Answers.error(req.response(), 503, "overloaded", "Function '" + gate.name()
                        + "' has " + gate.queued() + " requests waiting: its activator queue is full.",
                        ax.settings().retryAfterSeconds());
            }
            case CLOSED -> abandon();
        }
    }

    @Override
    public void dispatch(Endpoint endpoint) {
        ctx.runOnContext(v -> {
            cancelTimer();
            forward(endpoint);
        });
    }

    @Override
    public void abandon() {
        ctx.runOnContext(v -> {
            cancelTimer();
            ax.metrics().count(gate.name(), Outcome.NOT_FOUND);
            Answers.error(req.response(), 404, "not_found", "Function '" + gate.name() + "' was removed.", -1);
        });
    }

    private void timeout() {
        ax.metrics().count(gate.name(), Outcome.TIMEOUT);
        Answers.error(req.response(), 504, "timeout", "No instance of function '" + gate.name()
                + "' could take the request within " + ax.settings().timeout().toSeconds() + " s.", -1);
    }

    private void cancelTimer() {
        if (timer >= 0) {
            ctx.owner().cancelTimer(timer);
            timer = -1;
        }
    }

    private void forward(Endpoint e) {
        attempts++;
        dispatched = System.nanoTime();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(req.headers(), headers);
        // no per-request timer: the client's connections time out when idle for the activator timeout
        RequestOptions o = new RequestOptions().setMethod(req.method()).setHost(e.host()).setPort(e.port())
                .setURI(uri).setHeaders(headers);
        HttpClient client = ax.client();
        client.request(o)
                .compose(creq -> creq.send(body))
                .compose(resp -> {
                    firstByte(e, System.nanoTime());
                    return resp.body().map(b -> new Answer(resp, b));
                })
                .onComplete(ar -> done(e, ar));
    }

    private void firstByte(Endpoint e, long now) {
        if (atNoCapacity) {
            atNoCapacity = false;
            ax.coldStarts().request(gate.name(), ServedBy.of(arrived, e.readyNanos()), dispatched - arrived,
                    now - dispatched);
        }
    }

    private record Answer(HttpClientResponse resp, Buffer body) {
    }

    private void done(Endpoint e, AsyncResult<Answer> ar) {
        gate.release(e);
        HttpServerResponse out = req.response();
        if (ar.succeeded()) {
            Answer a = ar.result();
            if (out.ended() || out.closed()) {
                return;
            }
            out.setStatusCode(a.resp().statusCode());
            copy(a.resp().headers(), out.headers());
            out.end(a.body());
            return;
        }
        Throwable cause = ar.cause();
        boolean notSent = cause instanceof ConnectException;
        if (notSent) {
            e.markBroken();
        }
        boolean late = System.nanoTime() >= deadline || cause instanceof TimeoutException
                || cause instanceof io.netty.handler.timeout.TimeoutException;
        if (!late && attempts < MAX_ATTEMPTS && (notSent || IDEMPOTENT.contains(req.method()))) {
            ax.metrics().count(gate.name(), Outcome.RETRIED);
            start();
            return;
        }
        if (late) {
            timeout();
            return;
        }
        ax.metrics().count(gate.name(), Outcome.FAILED);
        Answers.error(out, 502, "instance_failed", "The instance of function '" + gate.name()
                + "' failed while handling the request: " + cause.getMessage(), -1);
    }

    private static boolean hop(String name) {
        return HOP.contains(name) || HOP.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    private static void copy(MultiMap from, MultiMap to) {
        for (var h : from) {
            if (!hop(h.getKey())) {
                to.add(h.getKey(), h.getValue());
            }
        }
    }
}
