package dev.quiver.local.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Knative's example documents (src/test/resources/knative) read and resolved for the broker on the local platform. */
class EventingDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDestinations LOCAL = new LocalDestinations(() -> 7070);

    static String resource(String name) throws Exception {
        try (InputStream in = EventingDocumentTest.class.getResourceAsStream("/knative/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(
                        "Trigger: filter.attributes + ref to a Knative Service",
                        "trigger-filter-attributes.yaml",
                        "triggers",
                        "/spec/subscriber/uri",
                        "http://127.0.0.1:7070/f/my-service/"),
                Arguments.of(
                        "Trigger: ref to a Kubernetes Service + relative uri",
                        "trigger-service-uri.yaml",
                        "triggers",
                        "/spec/subscriber/uri",
                        "http://127.0.0.1:7070/f/my-service/my-custom-path"),
                Arguments.of(
                        "Broker: dead-letter ref to a Knative Service",
                        "broker-dead-letter.yaml",
                        "brokers",
                        "/spec/delivery/deadLetterSink/uri",
                        "http://127.0.0.1:7070/f/dlq-service/"),
                Arguments.of(
                        "PingSource: sink ref to a Knative Service",
                        "pingsource-service.yaml",
                        "pingsources",
                        "/spec/sink/uri",
                        "http://127.0.0.1:7070/f/event-display/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void refsToFunctionsAndServicesBecomeActivatorUrls(
            String label, String resource, String plural, String pointer, String expected) throws Exception {
        EventingDocument doc = EventingDocument.read(resource(resource));

        assertThat(doc.kind().plural()).isEqualTo(plural);
        var resolved = JSON.readTree(doc.resolvedJson(LOCAL));
        assertThat(resolved.at(pointer).asText()).isEqualTo(expected);
        assertThat(resolved.at(pointer.replace("/uri", "/ref")).isMissingNode()).isTrue();
    }

    @Test
    void quiversFunctionShortcutIsResolvedAndOtherFieldsAreKept() throws Exception {
        EventingDocument doc = EventingDocument.read("""
                apiVersion: eventing.quiver.dev/v1
                kind: Trigger
                metadata: {name: orders}
                spec:
                  broker: default
                  filters: [{prefix: {type: com.example.}}]
                  subscriber: {function: hello}
                  ordering: ordered
                """);

        var resolved = JSON.readValue(doc.resolvedJson(LOCAL), Map.class);
        assertThat(resolved)
                .extracting("spec")
                .extracting("subscriber")
                .isEqualTo(Map.of("uri", "http://127.0.0.1:7070/f/hello/"));
        assertThat(resolved).extracting("spec").extracting("ordering").isEqualTo("ordered");
    }

    @Test
    void aRefToABrokerIsLeftToTheBroker() throws Exception {
        EventingDocument doc = EventingDocument.read("""
                apiVersion: sources.knative.dev/v1
                kind: PingSource
                metadata: {name: to-broker}
                spec:
                  schedule: "*/1 * * * *"
                  sink: {ref: {apiVersion: eventing.knative.dev/v1, kind: Broker, name: default}}
                """);

        assertThat(JSON.readTree(doc.resolvedJson(LOCAL))
                        .at("/spec/sink/ref/kind")
                        .asText())
                .isEqualTo("Broker");
    }

    @Test
    void anUnknownKindOrABadNameIsNamed() {
        assertThatThrownBy(() -> EventingDocument.read("apiVersion: eventing.knative.dev/v1\nkind: Channel\n"))
                .hasMessageStartingWith("apiVersion/kind: eventing.knative.dev/v1 Channel is not deployable here");
        assertThatThrownBy(() -> EventingDocument.read(
                        "apiVersion: eventing.knative.dev/v1\nkind: Trigger\nmetadata: {name: Bad_Name}\n"))
                .hasMessageStartingWith("metadata.name: must be a DNS label");
    }

    @Test
    void theControlApiDispatchesOnlyEventingGroupsAwayFromTheFunctionReader() {
        assertThat(EventingDocument.typeOf("name: hello\nartifact: hello.jar\n"))
                .isEmpty();
        assertThat(EventingDocument.typeOf("apiVersion: quiver.dev/v1alpha1\nkind: Function\n"))
                .get()
                .satisfies(t -> assertThat(EventingKind.isEventingGroup(t[0])).isFalse());
        for (String type : List.of(
                "eventing.knative.dev/v1 Trigger",
                "eventing.knative.dev/v1 Broker",
                "eventing.quiver.dev/v1 Trigger",
                "sources.knative.dev/v1 PingSource",
                "sources.knative.dev/v1beta1 KafkaSource",
                "eventing.knative.dev/v1alpha1 KafkaSink")) {
            String[] t = type.split(" ");
            assertThat(EventingKind.isEventingGroup(t[0])).as(type).isTrue();
            assertThat(EventingKind.of(t[0], t[1])).as(type).isPresent();
        }
        assertThat(EventingKind.plural("trigger")).contains("triggers");
        assertThat(EventingKind.plural("PingSource")).contains("pingsources");
    }
}
