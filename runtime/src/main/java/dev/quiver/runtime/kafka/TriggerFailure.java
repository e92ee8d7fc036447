package dev.quiver.runtime.kafka;

/**
 * A record the function could not take: thrown to the messaging library, whose dead-letter-queue failure strategy
 * sends the record to the dead-letter topic with this message in its {@code dead-letter-reason} header.
 */
public class TriggerFailure extends RuntimeException {

    public TriggerFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
