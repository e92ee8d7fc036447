package dev.quiver.api.control;

/**
 * A function's direct address as {@code GET /v1/functions/{name}} shows it: a port of its own that its instances
 * serve themselves (the activator out of the path), the activator holding it only while no instance listens (at
 * zero) or while the function's traffic is split over revisions or has tags.
 *
 * @param url {@code http://<host>:<port>}: a function's path goes after it ({@code /hello})
 * @param servedBy {@code instances}, {@code activator}, or {@code none} (a hand-off in progress)
 * @param listeners instances listening there now
 */
public record DirectAddress(String url, String host, int port, String servedBy, int listeners) {
    /** As {@code quiver status} and {@code quiver deploy} print it: {@code http://127.0.0.1:19100 (instances, 2 listening)}. */
    public String line() {
        return url + " (" + servedBy + ("instances".equals(servedBy) ? ", " + listeners + " listening" : "") + ")";
    }
}
