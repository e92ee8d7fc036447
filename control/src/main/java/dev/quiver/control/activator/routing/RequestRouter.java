package dev.quiver.control.activator.routing;

import java.util.Optional;

/** Finds the function a request names, from its Host header and URI; each backend has its own naming. */
public interface RequestRouter {
    /** @return the target, or empty when the request names no function */
    Optional<Target> route(String host, String uri);

    /** How a request should name a function, for the 404 that says it did not. */
    String hint();
}
