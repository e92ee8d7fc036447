package dev.quiver.kubernetes.eventing;

import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.DestinationResolver;
import dev.quiver.kubernetes.workload.Names;
import java.net.URI;
import java.util.Optional;

/**
 * Addresses on Kubernetes: a {@code ref} of kind {@code Service} ({@code v1} or {@code serving.knative.dev/v1}) is
 * {@code http://<name>.<namespace>.svc.cluster.local}, a Quiver {@code Function} its public Service (the same form),
 * a Knative {@code Broker} the broker Service's ingress path {@code http://<broker>.<ns>.svc.cluster.local/<name>};
 * with a {@code uri} too, the uri relative to that address; a {@code uri} alone is taken as it is. Other kinds
 * (KafkaSink...) are not resolved here: empty. Pure.
 */
public final class KnativeDestinations implements DestinationResolver {
    private final String brokerService;

    /** @param brokerService the broker Deployment's Service name ({@code quiver.kubernetes.broker-deployment}) */
    public KnativeDestinations(String brokerService) {
        this.brokerService = brokerService;
    }

    @Override
    public Optional<URI> resolve(Destination d, String defaultNamespace) {
        if (d == null || d.isEmpty()) {
            return Optional.empty();
        }
        if (d.ref() == null) {
            return Optional.of(URI.create(d.uri().trim()));
        }
        String ns = d.ref().namespace() == null ? defaultNamespace : d.ref().namespace();
        String name = d.ref().name();
        String base;
        if (name == null || d.ref().kind() == null) {
            return Optional.empty();
        }
        switch (d.ref().kind()) {
            case "Service", "Function" -> base = Names.url(name, ns) + "/";
            case "Broker" -> base = "http://" + brokerService + "." + ns + ".svc.cluster.local/" + name + "/";
            default -> {
                return Optional.empty();
            }
        }
        if (d.uri() == null || d.uri().isBlank()) {
            return Optional.of(URI.create(base.substring(0, base.length() - 1)));
        }
        String uri = d.uri().trim();
        return Optional.of(URI.create(base).resolve(uri.startsWith("/") ? uri.substring(1) : uri));
    }
}
