package dev.quiver.broker.filter;

/** A filter was rejected; the message names where ({@code spec.filters[1].prefix}) and why. */
public class InvalidFilterException extends IllegalArgumentException {

    public InvalidFilterException(String path, String reason) {
        super(path + ": " + reason);
    }
}
