package dev.quiver.api.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.api.eventing.BrokerDocument;
import dev.quiver.api.eventing.Destination;
import dev.quiver.api.eventing.Destination.KReference;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Knative's example documents (src/test/resources/knative, origins in each file) read by the one model. */
class KnativeTriggerDocumentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    static <T> T read(String resource, Class<T> type) throws Exception {
        try (InputStream in = KnativeTriggerDocumentTest.class.getResourceAsStream("/knative/" + resource)) {
            return YAML.readValue(in, type);
        }
    }

    static Stream<Arguments> triggers() {
        return Stream.of(
                Arguments.of(
                        "filter.attributes + ref to a Knative Service",
                        "trigger-filter-attributes.yaml",
                        Destination.ofRef(KReference.of("serving.knative.dev/v1", "Service", "my-service"))),
                Arguments.of(
                        "ref to a Kubernetes Service + relative uri",
                        "trigger-service-uri.yaml",
                        new Destination(KReference.of("v1", "Service", "my-service"), "/my-custom-path")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void knativesTriggerExamplesAreReadAndWrittenBackInTheirShape(String label, String resource, Destination subscriber)
            throws Exception {
        TriggerDocument doc = read(resource, TriggerDocument.class);

        assertThat(doc.isKnative()).isTrue();
        assertThat(doc.spec().subscriber().destination()).isEqualTo(subscriber);
        Map<?, ?> original = read(resource, Map.class);
        assertThat(JSON.readValue(JSON.writeValueAsString(doc), Map.class)).isEqualTo(original);
    }

    @Test
    void theFilterAttributesExampleKeepsBothAttributes() throws Exception {
        TriggerDocument doc = read("trigger-filter-attributes.yaml", TriggerDocument.class);

        assertThat(doc.spec().filter().attributes())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("type", "dev.knative.foo.bar", "myextension", "my-extension-value"));
    }

    @Test
    void quiversFunctionShortcutIsARefOfKindFunction() {
        TriggerDocument.Subscriber s = new TriggerDocument.Subscriber(null, "hello");

        assertThat(s.destination()).isEqualTo(Destination.ofRef(new KReference(null, "Function", "hello", null)));
    }

    @Test
    void theDeliveryOrderAnnotationIsTheOrderingWhenTheSpecSetsNone() {
        TriggerDocument doc = new TriggerDocument(
                TriggerDocument.KNATIVE_API_VERSION,
                "Trigger",
                new TriggerDocument.Metadata(
                        "t", null, null, Map.of(TriggerDocument.DELIVERY_ORDER_ANNOTATION, "ordered")),
                TriggerDocument.Spec.of("default", null, "http://x/"),
                null);

        assertThat(doc.ordering()).isEqualTo("ordered");
        assertThat(doc.withSpec(doc.spec().withOrdering("unordered")).ordering())
                .isEqualTo("unordered");
    }

    @Test
    void aStatusWithoutConditionsAnswersKnativesReadyCondition() {
        assertThat(new TriggerDocument.Status(false, null, null, null, "dispatcher failed").conditions())
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo("Ready");
                    assertThat(c.status()).isEqualTo("False");
                    assertThat(c.message()).isEqualTo("dispatcher failed");
                });
    }

    static Stream<Arguments> brokers() {
        return Stream.of(
                Arguments.of("with config and dead-letter ref", "broker-dead-letter.yaml"),
                Arguments.of("with the class annotation", "broker-class.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void knativesBrokerExamplesAreReadAndWrittenBackUnchanged(String label, String resource) throws Exception {
        BrokerDocument doc = read(resource, BrokerDocument.class);

        assertThat(doc.name()).isEqualTo("default");
        assertThat(JSON.readValue(JSON.writeValueAsString(doc), Map.class)).isEqualTo(read(resource, Map.class));
    }
}
