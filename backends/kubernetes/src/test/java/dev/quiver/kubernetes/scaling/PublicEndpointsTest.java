package dev.quiver.kubernetes.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.model.FunctionValidator;
import dev.quiver.kubernetes.workload.Labels;
import dev.quiver.kubernetes.workload.Workload;
import dev.quiver.scaler.decision.Mode;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public EndpointSlice as a value: which pods, which port, and when two slices are the same. */
class PublicEndpointsTest {
    static final Workload W = new Workload(
            FunctionValidator.validate(Functions.of("hello", "team-a", Map.of())),
            new OwnerReferenceBuilder()
                    .withApiVersion("quiver.dev/v1alpha1")
                    .withKind("Function")
                    .withName("hello")
                    .withUid("uid-1")
                    .withController(true)
                    .build(),
            Map.of());
    static final List<Pod> PODS = List.of(
            pod("a", "team-a", Labels.ACTIVE, "10.1.0.2", true, false),
            pod("b", "team-a", Labels.ACTIVE, "10.1.0.1", true, false),
            pod("starting", "team-a", Labels.ACTIVE, "10.1.0.3", false, false),
            pod("going", "team-a", Labels.ACTIVE, "10.1.0.4", true, true),
            pod("warm", "team-a", Labels.WARM, "10.1.0.5", true, false));
    static final List<Pod> ACTIVATORS =
            List.of(activator("act-1", "10.9.0.1", true), activator("act-2", "10.9.0.2", false));

    @Test
    void serveModeListsTheReadyActivePodsOnTheFunctionsPort() {
        EndpointSlice s = PublicEndpoints.slice(W, Mode.SERVE, PODS, ACTIVATORS, 8012);

        assertThat(targets(s)).containsExactly("10.1.0.1:8080", "10.1.0.2:8080");
        assertThat(s.getAddressType()).isEqualTo("IPv4");
        assertThat(s.getPorts().get(0).getName())
                .as("the public Service's port name")
                .isEqualTo("http");
        assertThat(s.getMetadata().getName()).isEqualTo("hello");
        assertThat(s.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(s.getMetadata().getLabels())
                .containsEntry("kubernetes.io/service-name", "hello")
                .containsEntry("endpointslice.kubernetes.io/managed-by", "quiver.dev/controller")
                .containsEntry(Labels.FUNCTION, "hello");
        assertThat(s.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo("uid-1"));
    }

    @Test
    void proxyModeListsTheReadyActivatorPodsOnTheirHttpPort() {
        EndpointSlice s = PublicEndpoints.slice(W, Mode.PROXY, PODS, ACTIVATORS, 8012);

        assertThat(targets(s)).containsExactly("10.9.0.1:9000");
        assertThat(s.getEndpoints().get(0).getTargetRef().getNamespace()).isEqualTo("quiver");
    }

    @Test
    void proxyModeWithoutActivatorPodsIsEmptyOnTheConfiguredPort() {
        EndpointSlice s = PublicEndpoints.slice(W, Mode.PROXY, PODS, List.of(), 8012);

        assertThat(s.getEndpoints()).isEmpty();
        assertThat(s.getPorts().get(0).getPort()).isEqualTo(8012);
    }

    @Test
    void theSameEndpointsInAnotherOrderAreTheSameContentAndAChangeIsNot() {
        EndpointSlice one = PublicEndpoints.slice(W, Mode.SERVE, PODS, List.of(), 8012);
        List<Pod> backwards = new java.util.ArrayList<>(PODS);
        java.util.Collections.reverse(backwards);
        EndpointSlice reversed = PublicEndpoints.slice(W, Mode.SERVE, backwards, List.of(), 8012);
        EndpointSlice fewer = PublicEndpoints.slice(W, Mode.SERVE, PODS.subList(1, 5), List.of(), 8012);
        EndpointSlice proxy = PublicEndpoints.slice(W, Mode.PROXY, PODS, ACTIVATORS, 8012);

        assertThat(PublicEndpoints.content(reversed)).isEqualTo(PublicEndpoints.content(one));
        assertThat(PublicEndpoints.content(fewer)).isNotEqualTo(PublicEndpoints.content(one));
        assertThat(PublicEndpoints.content(proxy)).isNotEqualTo(PublicEndpoints.content(one));
        one.getMetadata().getLabels().remove("kubernetes.io/service-name");
        assertThat(PublicEndpoints.content(one))
                .as("a lost label is rewritten")
                .isNotEqualTo(PublicEndpoints.content(reversed));
    }

    private static List<String> targets(EndpointSlice s) {
        int port = s.getPorts().get(0).getPort();
        return s.getEndpoints().stream()
                .map(e -> e.getAddresses().get(0) + ":" + port)
                .sorted()
                .toList();
    }

    private static Pod pod(String name, String ns, String pool, String ip, boolean ready, boolean terminating) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .withLabels(Map.of(Labels.FUNCTION, "hello", Labels.POOL, pool))
                .withDeletionTimestamp(terminating ? "2026-11-23T12:00:00Z" : null)
                .endMetadata()
                .withNewStatus()
                .withPodIP(ip)
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .endStatus()
                .build();
    }

    private static Pod activator(String name, String ip, boolean ready) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("quiver")
                .withLabels(Map.of("app.kubernetes.io/name", "quiver-activator"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("activator")
                .addNewPort()
                .withName("admin")
                .withContainerPort(8080)
                .endPort()
                .addNewPort()
                .withName("http")
                .withContainerPort(9000)
                .endPort()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPodIP(ip)
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .endStatus()
                .build();
    }
}
