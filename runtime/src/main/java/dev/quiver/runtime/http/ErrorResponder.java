package dev.quiver.runtime.http;

import dev.quiver.runtime.metrics.FunctionMeters;
import io.quarkus.funqy.runtime.ApplicationException;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Answers a failed function request with a JSON body naming the function, the status and the cause, instead of an
 * error page. The stack trace goes to the log only.
 */
final class ErrorResponder implements io.vertx.core.Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ErrorResponder.class);

    private final InstanceTraffic traffic;

    ErrorResponder(InstanceTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        FunctionMeters function = traffic.functionFor(ctx.request());
        if (function == null || ctx.response().ended()) {
            ctx.next();
            return;
        }
        Throwable cause = unwrap(ctx.failure());
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String name = function.function();
        String message;
        String error;
        if (cause != null) {
            error = "function_failed";
            message = cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            LOG.errorf(cause, "Function '%s' failed", name);
        } else {
            error = ErrorStatus.error(status);
            message = ErrorStatus.message(status, name, path);
        }
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Rejections.json(status, error, message, name).encode());
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t != null
                && t.getCause() != null
                && t.getCause() != t
                && (t instanceof ApplicationException
                        || t instanceof InvocationTargetException
                        || t instanceof CompletionException)) {
            t = t.getCause();
        }
        return t;
    }
}
