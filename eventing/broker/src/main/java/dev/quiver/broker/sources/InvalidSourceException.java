package dev.quiver.broker.sources;

/** A source or sink document that cannot run: the admin API answers 400 with the message (it names the field). */
public final class InvalidSourceException extends RuntimeException {
    public InvalidSourceException(String message) {
        super(message);
    }
}
