package dev.quiver.control.activator.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.errors.ErrorBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The activator's own answers, one shape on both backends ({@link ErrorBody}): 404 {@code not_found},
 * 413 {@code too_large}, 400 {@code bad_request}, 503 {@code overloaded} (with {@code Retry-After}), 504
 * {@code timeout}, 502 {@code instance_failed}. Nothing is written once the response has started or closed.
 */
public final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    public static void error(HttpServerResponse resp, ErrorBody body, int retryAfterSeconds) {
        if (resp.headWritten() || resp.ended() || resp.closed()) {
            return;
        }
        resp.setStatusCode(body.status()).putHeader("content-type", "application/json");
        if (body.status() == 503) {
            resp.putHeader("retry-after", Integer.toString(retryAfterSeconds));
        }
        resp.end(Buffer.buffer(encode(body)));
    }

    public static byte[] encode(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body, e);
        }
    }

    public static ErrorBody notFound(String function, String message) {
        return new ErrorBody(404, "not_found", message, function);
    }

    public static ErrorBody tooLarge(String function, long max) {
        return new ErrorBody(413, "too_large", "The body is larger than " + max + " bytes.", function);
    }

    public static ErrorBody badRequest(String function, String message) {
        return new ErrorBody(400, "bad_request", message, function);
    }

    public static ErrorBody overloaded(String function, int waiting) {
        return new ErrorBody(
                503,
                "overloaded",
                "Function '" + function + "' has " + waiting + " requests waiting: its activator queue is full.",
                function);
    }

    public static ErrorBody overloadedBytes(String function, int waiting, long maxQueuedBytes) {
        return new ErrorBody(
                503,
                "overloaded",
                "Function '" + function + "' has " + waiting + " requests waiting that hold its " + maxQueuedBytes
                        + " bytes of queued bodies (max-queued-bytes).",
                function);
    }

    public static ErrorBody timeout(String function, long waitedMillis) {
        return new ErrorBody(
                504,
                "timeout",
                "No instance of function '" + function + "' could take the request within " + waitedMillis + " ms.",
                function);
    }

    public static ErrorBody instanceFailed(String function, String why) {
        return new ErrorBody(
                502,
                "instance_failed",
                "The instance of function '" + function + "' failed while handling the request: " + why,
                function);
    }
}
