package dev.quiver.control.activator.routing;

import dev.quiver.control.route.FunctionRef;

/**
 * The function a request is for and the URI to forward it with.
 *
 * @param function the function
 * @param uri path and query to send to the instance
 */
public record Target(FunctionRef function, String uri) {}
