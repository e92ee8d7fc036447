package dev.quiver.broker.ingress;

/** An event (or request) broke a CloudEvents rule; the message says which attribute or rule. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message);
    }
}
