package dev.quiver.local.eventing;

import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.DestinationResolver;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Addresses on the local platform: a {@code ref} of kind {@code Function} (Quiver's, any apiVersion) or
 * {@code Service} ({@code v1} or {@code serving.knative.dev/v1}) is the function of that name behind the activator,
 * {@code http://127.0.0.1:<activator>/f/<name>/}; with a {@code uri} too, the uri relative to it. Anything else
 * (a Broker, a KafkaSink) is left to the broker: empty.
 */
public final class LocalDestinations implements DestinationResolver {

    private static final Set<String> KINDS = Set.of("Function", "Service");
    private final IntSupplier activatorPort;

    public LocalDestinations(IntSupplier activatorPort) {
        this.activatorPort = activatorPort;
    }

    @Override
    public Optional<URI> resolve(Destination d, String defaultNamespace) {
        if (d == null
                || d.ref() == null
                || !KINDS.contains(d.ref().kind())
                || d.ref().name() == null) {
            return Optional.empty();
        }
        URI base = URI.create(
                "http://127.0.0.1:" + activatorPort.getAsInt() + "/f/" + d.ref().name() + "/");
        if (d.uri() == null || d.uri().isBlank()) {
            return Optional.of(base);
        }
        String uri = d.uri().trim();
        return Optional.of(base.resolve(uri.startsWith("/") ? uri.substring(1) : uri));
    }
}
