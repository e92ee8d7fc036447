package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import java.util.Optional;

/**
 * One HTTP attempt's answer.
 *
 * @param status     HTTP status, or 0 when there was no answer (timeout, connection refused)
 * @param body       response body (or the error text when there was no answer)
 * @param retryAfter the raw Retry-After header
 * @param reply      the CloudEvent carried by a 2xx response, if any
 */
public record AttemptResult(int status, byte[] body, Optional<String> retryAfter, Optional<CloudEvent> reply) {
}
