package dev.quiver.runtime.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The runtime's own error answers: JSON bodies that say what happened, never a stack trace page. */
final class Rejections {

    private Rejections() {}

    static void unavailable(RoutingContext ctx, int retryAfterSeconds, String reason, String message) {
        ctx.response()
                .setStatusCode(503)
                .putHeader("Retry-After", Integer.toString(retryAfterSeconds))
                .putHeader("Content-Type", "application/json");
        ctx.response().end(json(503, reason, message, null).encode());
    }

    static JsonObject json(int status, String error, String message, String function) {
        JsonObject body =
                new JsonObject().put("status", status).put("error", error).put("message", message);
        if (function != null) {
            body.put("function", function);
        }
        return body;
    }
}
