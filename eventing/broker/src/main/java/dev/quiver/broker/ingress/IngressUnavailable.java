package dev.quiver.broker.ingress;

import dev.quiver.api.errors.ErrorBody;
import dev.quiver.broker.kafka.SendQueueFullException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** The 503 answer when events were not acknowledged by Kafka, by cause. Pure. */
final class IngressUnavailable {

    static final int RETRY_AFTER_SECONDS = 1;

    private IngressUnavailable() {}

    static ErrorBody of(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof SendQueueFullException full) {
            return ErrorBody.of(
                    503,
                    "overloaded",
                    "event not stored: the broker is overloaded (" + full.getMessage() + "); retry later");
        }
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return ErrorBody.of(
                    503,
                    "timeout",
                    "Kafka did not acknowledge in time: the event may still be stored; send it again with the same"
                            + " id (subscribers may see it twice)");
        }
        return ErrorBody.of(503, "unavailable", "event not stored: Kafka unavailable (" + cause + "); send it again");
    }
}
