package dev.quiver.control.route;

import java.time.Instant;

/**
 * A ready instance the activator may send requests to.
 *
 * @param id a stable identity of the instance (a local instance id, a pod name); used for balancing and metrics
 * @param host its address
 * @param port its HTTP port
 * @param readySince when the instance passed readiness, null when the backend does not know (then the activator
 *     counts from when it first saw the endpoint): a request that arrived before it was served by a cold start
 */
public record Endpoint(String id, String host, int port, Instant readySince) {

    public Endpoint(String id, String host, int port) {
        this(id, host, port, null);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
