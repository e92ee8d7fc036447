package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP attempt's answer.
 *
 * @param status          HTTP status, or 0 when there was no answer (timeout, connection refused)
 * @param body            response body (or the error text when there was no answer)
 * @param retryAfter      the raw Retry-After header
 * @param reply           the CloudEvent carried by a 2xx response, if any
 * @param replyNotStored  set when that reply could not be stored in Kafka: then the attempt failed
 */
public record AttemptResult(
        int status, byte[] body, Optional<String> retryAfter, Optional<CloudEvent> reply, boolean replyNotStored) {

    public AttemptResult(int status, byte[] body, Optional<String> retryAfter, Optional<CloudEvent> reply) {
        this(status, body, retryAfter, reply, false);
    }

    /** A 2xx whose reply Kafka did not store: not delivered (at-least-once), to be tried again. */
    public AttemptResult withReplyNotStored(String reason) {
        return new AttemptResult(
                status,
                ("reply not stored: " + reason).getBytes(StandardCharsets.UTF_8),
                Optional.empty(),
                reply,
                true);
    }

    public AttemptOutcome outcome() {
        return replyNotStored ? AttemptOutcome.RETRY : AttemptOutcome.classify(status);
    }
}
