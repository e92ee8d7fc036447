package dev.quiver.control.route;

import java.util.List;

/**
 * What the activator knows of one function at one moment.
 *
 * @param endpoints its ready instances, in a stable order
 * @param containerConcurrency each instance's hard limit of requests at once (0 = unlimited): the activator never
 *     sends an instance more than this
 */
public record Routing(List<Endpoint> endpoints, int containerConcurrency) {
    public Routing {
        endpoints = List.copyOf(endpoints);
    }

    public static Routing none(int containerConcurrency) {
        return new Routing(List.of(), containerConcurrency);
    }
}
