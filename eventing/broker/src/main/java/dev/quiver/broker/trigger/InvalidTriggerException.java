package dev.quiver.broker.trigger;

/** A trigger was rejected at creation; the message names the field and the reason. */
public class InvalidTriggerException extends IllegalArgumentException {

    public InvalidTriggerException(String message) {
        super(message);
    }
}
