package dev.quiver.kubernetes.activator;

/** A ready instance of a function: its pod address and the port of the function's {@code http} port. */
public record Endpoint(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
