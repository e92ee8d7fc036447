package dev.quiver.kubernetes.sources;

import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.DestinationResolver;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.workload.Names;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.URI;
import java.util.Optional;

/**
 * Resolves the references a source's sink may hold in a namespace to URLs: a {@code Service} (core or Knative
 * Serving) to its cluster DNS name, a Quiver {@code Function} to its public Service. Empty when it does not exist.
 * Broker and KafkaSink references are left to the broker, which resolves them itself.
 */
public final class ClusterDestinations implements DestinationResolver {

    private static final ResourceDefinitionContext KNATIVE_SERVICE = new ResourceDefinitionContext.Builder()
            .withGroup("serving.knative.dev")
            .withVersion("v1")
            .withKind("Service")
            .withPlural("services")
            .withNamespaced(true)
            .build();

    private final KubernetesClient client;

    public ClusterDestinations(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<URI> resolve(Destination d, String defaultNamespace) {
        if (d.ref() == null) {
            return Optional.ofNullable(d.uri()).map(URI::create);
        }
        Destination.KReference ref = d.ref();
        String ns = ref.namespace() == null || ref.namespace().isBlank() ? defaultNamespace : ref.namespace();
        String api = ref.apiVersion() == null ? "" : ref.apiVersion();
        boolean exists = switch (String.valueOf(ref.kind())) {
            // a Knative Service has a Kubernetes Service of its name: either answers at that DNS name
            case "Service" ->
                client.services().inNamespace(ns).withName(ref.name()).get() != null
                        || (api.startsWith("serving.knative.dev") && knativeService(ns, ref.name()));
            case "Function" ->
                client.resources(Function.class)
                                .inNamespace(ns)
                                .withName(ref.name())
                                .get()
                        != null;
            default -> false;
        };
        if (!exists) {
            return Optional.empty();
        }
        String base = Names.url(ref.name(), ns);
        String path = d.uri() == null ? "" : d.uri().startsWith("/") ? d.uri() : "/" + d.uri();
        return Optional.of(URI.create(base + path));
    }

    private boolean knativeService(String ns, String name) {
        try {
            return client.genericKubernetesResources(KNATIVE_SERVICE)
                            .inNamespace(ns)
                            .withName(name)
                            .get()
                    != null;
        } catch (RuntimeException noKnativeServing) {
            return false;
        }
    }
}
