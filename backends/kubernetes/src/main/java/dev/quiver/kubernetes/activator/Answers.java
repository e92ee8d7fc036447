package dev.quiver.kubernetes.activator;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The activator's own answers: JSON {@code {"status":..,"error":..,"function":..}}. */
final class Answers {
    private Answers() {
    }

    static void send(HttpServerResponse r, int status, String function, String error, int retryAfterSeconds) {
        if (r.headWritten() || r.ended() || r.closed()) {
            return;
        }
        JsonObject body = new JsonObject().put("status", status).put("error", error);
        if (function != null) {
            body.put("function", function);
        }
        r.setStatusCode(status).putHeader("content-type", "application/json");
        if (status == 503) {
            r.putHeader("retry-after", String.valueOf(retryAfterSeconds));
        }
        r.end(body.encode());
    }
}
