package dev.quiver.runtime.http;

import dev.quiver.runtime.metrics.FunctionMeters;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The one object the runtime adds per function request: it closes the request's accounting when the response ends
 * (or the connection drops) and hands its concurrency slot on. Runs on the request's event loop only.
 */
final class RequestCompletion implements Handler<AsyncResult<Void>> {

    private final Ledger ledger;
    private final RoutingContext ctx;
    private final FunctionMeters function;
    private final long arrivedNanos;
    private boolean holdsSlot;
    private boolean finished;

    RequestCompletion(Ledger ledger, RoutingContext ctx, FunctionMeters function, long arrivedNanos) {
        this.ledger = ledger;
        this.ctx = ctx;
        this.function = function;
        this.arrivedNanos = arrivedNanos;
    }

    /** Starts accounting; {@code admitted} when it already holds a slot, else it waits in the queue. */
    void begin(boolean admitted) {
        holdsSlot = admitted;
        ledger.meter.arrived(arrivedNanos);
        function.started();
        ctx.addEndHandler(this);
    }

    /** A queued request got its slot (on its own event loop). */
    void dispatched() {
        holdsSlot = true;
        if (finished) {
            ledger.gate.release();
            return;
        }
        ctx.request().resume();
        ctx.next();
    }

    @Override
    public void handle(AsyncResult<Void> ignored) {
        if (finished) {
            return;
        }
        finished = true;
        long now = System.nanoTime();
        ledger.meter.left(now);
        function.finished(ctx.response().getStatusCode(), now - arrivedNanos);
        if (holdsSlot) {
            ledger.gate.release();
        }
    }
}
