package dev.quiver.api.eventing;

import java.net.URI;
import java.util.Optional;

/**
 * Turns a {@link Destination} into the URL events are sent to. Each place that knows addresses has one: the local
 * platform (functions behind its activator), the Kubernetes controller (Services, Functions, Brokers, KafkaSinks in a
 * namespace). Empty when the reference names nothing that exists or nothing addressable; callers report that as the
 * object's not-ready reason.
 */
@FunctionalInterface
public interface DestinationResolver {
    Optional<URI> resolve(Destination destination, String defaultNamespace);
}
