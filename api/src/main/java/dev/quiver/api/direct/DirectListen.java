package dev.quiver.api.direct;

/**
 * Body of {@code POST /quiver/direct/listen}: the function's direct address, which the instance binds with
 * {@code SO_REUSEPORT} beside the other listeners of the same function.
 */
public record DirectListen(String host, int port) {
    public DirectListen {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be set");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, but was " + port);
        }
    }
}
