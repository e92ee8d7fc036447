package dev.quiver.control.route;

/**
 * A ready instance the activator may send requests to.
 *
 * @param id a stable identity of the instance (a local instance id, a pod name); used for balancing and metrics
 * @param host its address
 * @param port its HTTP port
 */
public record Endpoint(String id, String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
