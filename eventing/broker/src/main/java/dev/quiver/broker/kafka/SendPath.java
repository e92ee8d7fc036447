package dev.quiver.broker.kafka;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether {@code KafkaProducer.send} may be called on the caller's thread (a Vert.x event loop) or must go to the
 * send thread. send() returns at once unless it has to wait for the topic's metadata or for buffer space; both
 * waits may last up to {@code max.block.ms}, which an event loop must never do. Pure.
 */
public enum SendPath {
    /** Call send() here: it cannot block. */
    DIRECT,
    /** Hand it to the send thread: it might block. */
    OFFLOAD;

    /** Kafka forgets a topic's metadata after {@code metadata.max.idle.ms} (default 5 min) without sends. */
    public static final Duration METADATA_FRESH = Duration.ofMinutes(2);

    /**
     * @param sinceLastAck  time since Kafka last acknowledged a write to the topic (empty: never)
     * @param bytesInFlight bytes handed to the producer and not yet acknowledged or failed
     * @param size          bytes about to be sent
     * @param bufferMemory  the producer's {@code buffer.memory}
     */
    public static SendPath choose(Optional<Duration> sinceLastAck, long bytesInFlight, long size, long bufferMemory) {
        boolean metadataKnown = sinceLastAck.isPresent() && sinceLastAck.get().compareTo(METADATA_FRESH) < 0;
        boolean bufferRoom = bytesInFlight + size <= bufferMemory / 2;
        return metadataKnown && bufferRoom ? DIRECT : OFFLOAD;
    }
}
