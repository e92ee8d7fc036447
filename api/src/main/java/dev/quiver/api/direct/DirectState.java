package dev.quiver.api.direct;

/**
 * An instance's direct listener as it answers the direct routes.
 *
 * @param listening whether it accepts connections on the direct address now
 * @param host the address last bound ({@code null} when never)
 * @param port the port last bound (0 when never)
 * @param served requests received on direct connections since start (the instance's own port not counted)
 * @param open direct connections still open (after a close they finish their requests with {@code Connection: close})
 */
public record DirectState(boolean listening, String host, int port, long served, int open) {}
