package dev.quiver.broker.kafka;

/** The send offload queue is full (Kafka is slow or away): the event was not sent; the client should retry later. */
public final class SendQueueFullException extends RuntimeException {
    public SendQueueFullException(int queued) {
        super(queued + " sends already wait for Kafka (quiver.broker.ingress.max-queued-sends)");
    }
}
