package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.route.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ready endpoints of a Service from its EndpointSlices, as the EndpointSlice API defines readiness. */
class ReadyEndpointsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ready true                     | {ready: true}                     | 10.0.0.1:8080",
                "ready unset means ready        | {}                                | 10.0.0.1:8080",
                "not ready                      | {ready: false}                    | ''",
                "terminating                    | {ready: true, terminating: true}  | ''"
            })
    void anEndpointCountsWhenReadyAndNotTerminating(String name, String conditions, String expected) {
        EndpointSlice s = slice("ports: [{name: http, port: 8080}]\nendpoints:\n"
                + "  - {addresses: [10.0.0.1], conditions: " + conditions + "}\n");
        assertThat(ReadyEndpoints.of(List.of(s)))
                .extracting(Endpoint::toString)
                .containsExactly(expected.isEmpty() ? new String[0] : new String[] {expected});
    }

    @org.junit.jupiter.api.Test
    void endpointsOfEverySliceAreMergedSortedOnTheHttpPort() {
        EndpointSlice one = slice("ports: [{name: metrics, port: 9000}, {name: http, port: 8080}]\nendpoints:\n"
                + "  - {addresses: [10.0.0.9], conditions: {ready: true}}\n"
                + "  - {addresses: [10.0.0.2], conditions: {ready: true}}\n");
        EndpointSlice two = slice(
                "ports: [{port: 8081}]\nendpoints:\n" + "  - {addresses: [10.0.0.5], conditions: {ready: true}}\n");
        EndpointSlice noPorts = slice("endpoints:\n  - {addresses: [10.0.0.7]}\n");
        assertThat(ReadyEndpoints.of(List.of(one, two, noPorts)))
                .extracting(Endpoint::toString)
                .containsExactly("10.0.0.2:8080", "10.0.0.5:8081", "10.0.0.9:8080");
    }

    @org.junit.jupiter.api.Test
    void anEndpointCarriesItsPodsReadinessTimeWhenKnown() {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        EndpointSlice s = slice("ports: [{name: http, port: 8080}]\nendpoints:\n"
                + "  - {addresses: [10.0.0.1], targetRef: {kind: Pod, name: pod-a}}\n"
                + "  - {addresses: [10.0.0.2], targetRef: {kind: Pod, name: pod-b}}\n"
                + "  - {addresses: [10.0.0.3]}\n");
        assertThat(ReadyEndpoints.of(List.of(s), pod -> pod.equals("pod-a") ? t : null))
                .containsExactly(
                        new Endpoint("pod-a", "10.0.0.1", 8080, t),
                        new Endpoint("pod-b", "10.0.0.2", 8080, null),
                        new Endpoint("10.0.0.3:8080", "10.0.0.3", 8080, null));
    }

    static EndpointSlice slice(String body) {
        return Serialization.unmarshal(
                "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\n" + "metadata: {name: s}\naddressType: IPv4\n"
                        + body,
                EndpointSlice.class);
    }
}
