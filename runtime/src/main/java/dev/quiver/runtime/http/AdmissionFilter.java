package dev.quiver.runtime.http;

import dev.quiver.runtime.admission.Admission;
import dev.quiver.runtime.lifecycle.InstanceState.Phase;
import dev.quiver.runtime.lifecycle.WarmUp;
import dev.quiver.runtime.metrics.FunctionMeters;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every function request: refuses new work while draining, applies the hard concurrency limit with
 * its bounded queue, and starts the request's accounting. Requests that are not for a function pass untouched.
 * Cost on the admitted path: a map lookup, a CAS, a few adder increments and one {@link RequestCompletion}.
 */
final class AdmissionFilter implements Handler<RoutingContext> {

    private final InstanceTraffic traffic;
    private final int retryAfterSeconds;

    AdmissionFilter(InstanceTraffic traffic) {
        this.traffic = traffic;
        this.retryAfterSeconds = traffic.settings().retryAfterSeconds();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        FunctionMeters function = traffic.functionFor(request);
        if (function == null) {
            ctx.next();
            return;
        }
        Phase phase = traffic.state().phase();
        if (phase != Phase.READY) {
            if (phase == Phase.DRAINING) {
                traffic.rejected(function);
                Rejections.unavailable(ctx, retryAfterSeconds, "draining",
                        "This instance is shutting down; retry on another instance.");
                return;
            }
            if (request.headers().contains(WarmUp.HEADER)) {
                ctx.next();
                return;
            }
        }
        RequestCompletion completion = new RequestCompletion(traffic, ctx, function, System.nanoTime());
        if (traffic.gate().tryAdmit()) {
            completion.begin(true);
            ctx.next();
            return;
        }
        request.pause();
        Admission admission = traffic.gate().enqueue(new Waiting(Vertx.currentContext(), completion));
        if (admission == Admission.REJECTED) {
            request.resume();
            traffic.rejected(function);
            Rejections.unavailable(ctx, retryAfterSeconds, "overloaded",
                    "Function '" + function.function() + "' is at its concurrency limit ("
                            + traffic.gate().limit() + ") and its queue (" + traffic.gate().queueDepth()
                            + ") is full.");
            return;
        }
        completion.begin(false);
    }
}
