package dev.quiver.broker.delivery;

import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;

/** Stores an event in a Kafka topic (replies, Kafka dead-letter sinks). */
@FunctionalInterface
public interface EventSink {

    CompletableFuture<Void> publish(String topic, CloudEvent event);
}
