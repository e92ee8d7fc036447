package dev.quiver.sources.mapping;

/** A bucket notification that cannot become CloudEvents; the message says which field and why (answered as 400). */
public class InvalidNotificationException extends Exception {

    public InvalidNotificationException(String message) {
        super(message);
    }
}
