package dev.quiver.broker.delivery;

import java.net.URI;

/** Where an event goes after its last failed attempt: an HTTP endpoint or a Kafka topic. */
public sealed interface DeadLetterSink {

    record Http(URI uri) implements DeadLetterSink {}

    record KafkaTopic(String topic) implements DeadLetterSink {}

    /** {@code http(s)://...} or {@code kafka:TOPIC}. */
    static DeadLetterSink parse(String value) {
        if (value.startsWith("kafka:") && value.length() > "kafka:".length()) {
            return new KafkaTopic(value.substring("kafka:".length()));
        }
        URI uri = URI.create(value);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http(s) URL or kafka:TOPIC");
        }
        return new Http(uri);
    }

    default String describe() {
        return this instanceof Http h ? h.uri().toString() : "kafka:" + ((KafkaTopic) this).topic();
    }
}
