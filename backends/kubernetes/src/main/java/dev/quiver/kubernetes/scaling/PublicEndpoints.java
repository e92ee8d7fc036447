package dev.quiver.kubernetes.scaling;

import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Names;
import dev.quiver.kubernetes.workload.PodTemplates;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The EndpointSlice of a function's public (selector-less) Service, built as a value, no API calls: in serve mode the
 * ready active pods on port 8080, in proxy mode the ready activator pods on their port {@code http} (wherever they
 * run). One slice named like the Service, port named {@code http} like the Service's port, owned by the Function.
 */
public final class PublicEndpoints {
    private PublicEndpoints() {}

    /** One address of the slice: a ready pod. */
    public record Address(String ip, String podNamespace, String podName) {}

    /** What is compared to decide whether a slice must be written. */
    public record Content(
            String addressType,
            String portName,
            Integer port,
            List<Address> addresses,
            Map<String, String> labels,
            String owner) {}

    /**
     * @param functionPods        the function's pods (any pool; warm, unready and terminating ones are left out)
     * @param activatorPods       the activator pods (unready and terminating ones are left out)
     * @param activatorPort       the activator's proxy port when its pods name no {@code http} port
     */
    public static EndpointSlice slice(
            Workload w, Mode mode, List<Pod> functionPods, List<Pod> activatorPods, int activatorPort) {
        boolean proxy = mode == Mode.PROXY;
        List<Pod> targets = proxy
                ? ready(activatorPods)
                : ready(functionPods).stream().filter(PublicEndpoints::active).toList();
        int port = proxy
                ? targets.stream()
                        .map(PublicEndpoints::httpPort)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(activatorPort)
                : PodTemplates.PORT;
        String type = targets.stream().anyMatch(p -> !p.getStatus().getPodIP().contains(":")) || targets.isEmpty()
                ? "IPv4"
                : "IPv6";
        List<Endpoint> endpoints = new ArrayList<>();
        for (Address a : addresses(targets, type)) {
            endpoints.add(new EndpointBuilder()
                    .withAddresses(a.ip())
                    .withNewConditions()
                    .withReady(true)
                    .withServing(true)
                    .withTerminating(false)
                    .endConditions()
                    .withTargetRef(new ObjectReferenceBuilder()
                            .withKind("Pod")
                            .withNamespace(a.podNamespace())
                            .withName(a.podName())
                            .build())
                    .build());
        }
        String fn = w.function().name();
        return new EndpointSliceBuilder()
                .withNewMetadata()
                .withName(Names.service(fn))
                .withNamespace(w.function().namespace())
                .withLabels(labels(fn))
                .withOwnerReferences(w.owner())
                .endMetadata()
                .withAddressType(type)
                .addNewPort()
                .withName(PodTemplates.PORT_NAME)
                .withPort(port)
                .withProtocol("TCP")
                .endPort()
                .withEndpoints(endpoints)
                .build();
    }

    /** The labels of the slice: the Service it belongs to, who manages it, the function. */
    public static Map<String, String> labels(String function) {
        Map<String, String> l = new HashMap<>(Labels.function(function));
        l.put(Labels.MANAGED_BY, Labels.MANAGER);
        l.put(Labels.SERVICE_NAME, Names.service(function));
        l.put(Labels.SLICE_MANAGED_BY, Labels.SLICE_MANAGER);
        return l;
    }

    /** What matters of a slice for routing; equal contents need no write. */
    public static Content content(EndpointSlice s) {
        List<Address> addresses = new ArrayList<>();
        if (s.getEndpoints() != null) {
            for (Endpoint e : s.getEndpoints()) {
                boolean ready = e.getConditions() == null
                        || !Boolean.FALSE.equals(e.getConditions().getReady());
                if (ready && e.getAddresses() != null) {
                    var ref = e.getTargetRef();
                    e.getAddresses()
                            .forEach(ip -> addresses.add(new Address(
                                    ip, ref == null ? null : ref.getNamespace(), ref == null ? null : ref.getName())));
                }
            }
        }
        addresses.sort(ORDER);
        var port = s.getPorts() == null || s.getPorts().size() != 1
                ? null
                : s.getPorts().get(0);
        Map<String, String> labels =
                s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
        String owner = s.getMetadata().getOwnerReferences() == null
                ? null
                : s.getMetadata().getOwnerReferences().stream()
                        .filter(o -> Boolean.TRUE.equals(o.getController()))
                        .map(o -> o.getUid())
                        .findFirst()
                        .orElse(null);
        return new Content(
                s.getAddressType(),
                port == null ? null : port.getName(),
                port == null ? null : port.getPort(),
                List.copyOf(addresses),
                Map.copyOf(labels),
                owner);
    }

    private static final Comparator<Address> ORDER = Comparator.comparing(Address::ip)
            .thenComparing(a -> String.valueOf(a.podNamespace()))
            .thenComparing(a -> String.valueOf(a.podName()));

    private static List<Address> addresses(List<Pod> pods, String type) {
        List<Address> out = new ArrayList<>();
        for (Pod p : pods) {
            String ip = p.getStatus().getPodIP();
            if (ip.contains(":") == "IPv6".equals(type)) {
                out.add(new Address(
                        ip, p.getMetadata().getNamespace(), p.getMetadata().getName()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static List<Pod> ready(List<Pod> pods) {
        return pods.stream()
                .filter(PodViews::ready)
                .filter(p -> p.getStatus().getPodIP() != null
                        && !p.getStatus().getPodIP().isBlank())
                .toList();
    }

    private static boolean active(Pod p) {
        return p.getMetadata().getLabels() != null
                && Labels.ACTIVE.equals(p.getMetadata().getLabels().get(Labels.POOL));
    }

    private static Integer httpPort(Pod p) {
        if (p.getSpec() == null || p.getSpec().getContainers() == null) {
            return null;
        }
        return p.getSpec().getContainers().stream()
                .filter(c -> c.getPorts() != null)
                .flatMap(c -> c.getPorts().stream())
                .filter(cp -> PodTemplates.PORT_NAME.equals(cp.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElse(null);
    }
}
