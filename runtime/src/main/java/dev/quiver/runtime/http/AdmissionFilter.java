package dev.quiver.runtime.http;

import dev.quiver.runtime.admission.Admission;
import dev.quiver.runtime.lifecycle.InstanceState.Phase;
import dev.quiver.runtime.metrics.FunctionMeters;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;

/**
 * First handler of every function request: refuses new work while draining (except on the direct address's
 * connections, which are served and then closed, so their clients move to another instance), applies the hard concurrency limit with
 * its bounded queue, and starts the request's accounting. Requests that are not for a function pass untouched.
 * Warm-up requests take the same path on the warm-up {@link Ledger}, so the first real request finds it compiled.
 * Cost on the admitted path: a map lookup, a CAS, a few adder increments and one {@link RequestCompletion}.
 */
final class AdmissionFilter implements Handler<RoutingContext> {

    private final InstanceTraffic traffic;
    private final int retryAfterSeconds;
    private final Predicate<HttpServerRequest> servedWhileDraining;

    /** @param servedWhileDraining requests admitted while draining (those on the direct address's connections) */
    AdmissionFilter(InstanceTraffic traffic, Predicate<HttpServerRequest> servedWhileDraining) {
        this.traffic = traffic;
        this.servedWhileDraining = servedWhileDraining;
        this.retryAfterSeconds = traffic.settings().retryAfterSeconds();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Ledger ledger = traffic.ledgerFor(request);
        FunctionMeters function = ledger.functionFor(request);
        if (function == null) {
            ctx.next();
            return;
        }
        if (traffic.state().phase() == Phase.DRAINING && !servedWhileDraining.test(request)) {
            ledger.rejected(function);
            Rejections.unavailable(
                    ctx, retryAfterSeconds, "draining", "This instance is shutting down; retry on another instance.");
            return;
        }
        RequestCompletion completion = new RequestCompletion(ledger, ctx, function, System.nanoTime());
        if (ledger.gate.tryAdmit()) {
            completion.begin(true);
            ctx.next();
            return;
        }
        request.pause();
        Admission admission = ledger.gate.enqueue(new Waiting(Vertx.currentContext(), completion));
        if (admission == Admission.REJECTED) {
            request.resume();
            ledger.rejected(function);
            Rejections.unavailable(
                    ctx,
                    retryAfterSeconds,
                    "overloaded",
                    "Function '" + function.function() + "' is at its concurrency limit ("
                            + ledger.gate.limit() + ") and its queue (" + ledger.gate.queueDepth()
                            + ") is full.");
            return;
        }
        completion.begin(false);
    }
}
