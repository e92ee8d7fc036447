package dev.quiver.sources.publish;

import io.cloudevents.CloudEvent;

/** Sends one event to the broker, waiting for the answer. */
public interface EventSender {

    /** @return the HTTP status; throws when there was no answer (connection refused, timeout) */
    int send(CloudEvent event) throws Exception;
}
