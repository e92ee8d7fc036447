package dev.quiver.local.activator;

import io.vertx.core.http.HttpServerResponse;

/** The activator's own answers, JSON like the runtime's errors. */
final class Answers {
    private Answers() {
    }

    static void error(HttpServerResponse resp, int status, String error, String message, int retryAfter) {
        if (resp.ended() || resp.closed()) {
            return;
        }
        resp.setStatusCode(status).putHeader("content-type", "application/json");
        if (retryAfter >= 0) {
            resp.putHeader("retry-after", Integer.toString(retryAfter));
        }
        resp.end("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "'")
                + "\"}");
    }
}
