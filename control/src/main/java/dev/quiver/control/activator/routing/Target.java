package dev.quiver.control.activator.routing;

import dev.quiver.control.route.FunctionRef;

/**
 * The function a request is for and the URI to forward it with.
 *
 * @param function the function (after the traffic split: one of its revisions)
 * @param uri path and query to send to the instance
 * @param tag the traffic tag the request named ({@code /f/<fn>@<tag>/}), null when none
 */
public record Target(FunctionRef function, String uri, String tag) {
    public Target(FunctionRef function, String uri) {
        this(function, uri, null);
    }

    /** The same request for another function (a revision chosen by the traffic split). */
    public Target to(FunctionRef revision) {
        return new Target(revision, uri, null);
    }
}
