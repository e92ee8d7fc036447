package dev.quiver.api.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriggerDocumentTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of("exact", "{exact: {source: /shop}}", Filter.exact("source", "/shop")),
                Arguments.of("prefix", "{prefix: {type: com.example.}}", Filter.prefix("type", "com.example.")),
                Arguments.of("suffix", "{suffix: {subject: .png}}", Filter.suffix("subject", ".png")),
                Arguments.of(
                        "all",
                        "{all: [{exact: {a: b}}, {cesql: EXISTS c}]}",
                        Filter.all(Filter.exact("a", "b"), Filter.cesql("EXISTS c"))),
                Arguments.of("any", "{any: [{prefix: {type: x}}]}", Filter.any(Filter.prefix("type", "x"))),
                Arguments.of("not", "{not: {exact: {type: x}}}", Filter.not(Filter.exact("type", "x"))),
                Arguments.of(
                        "cesql", "{cesql: \"source LIKE '/partner/%'\"}", Filter.cesql("source LIKE '/partner/%'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everyDialectOfTheBrokerIsReadAndWrittenBack(String label, String yaml, Filter expected) throws Exception {
        Filter read = YAML.readValue(yaml, Filter.class);

        assertThat(read).isEqualTo(expected);
        assertThat(YAML.readValue(new ObjectMapper().writeValueAsString(read), Map.class))
                .isEqualTo(YAML.readValue(yaml, Map.class));
    }

    static Stream<Arguments> badFilters() {
        return Stream.of(
                Arguments.of(
                        "two dialects",
                        List.of(Map.of("exact", Map.of("a", "b"), "cesql", "x")),
                        "filters[0]: must have exactly one dialect of [all, any, cesql, exact, not, prefix, suffix]"),
                Arguments.of(
                        "unknown dialect",
                        List.of(Map.of("regex", "x")),
                        "filters[0]: has an unknown dialect, expected one of [all, any, cesql, exact, not, prefix, suffix], was \"regex\""),
                Arguments.of(
                        "two attributes",
                        List.of(Map.of("exact", Map.of("a", "b", "c", "d"))),
                        "filters[0].exact: must have exactly one attribute"),
                Arguments.of(
                        "empty any",
                        List.of(Map.of("any", List.of())),
                        "filters[0].any: must be a non-empty list of filters"),
                Arguments.of(
                        "blank cesql",
                        List.of(Map.of("cesql", " ")),
                        "filters[0].cesql: must be a non-empty CloudEvents SQL expression"),
                Arguments.of(
                        "nested",
                        List.of(Map.of("not", Map.of("exact", Map.of("a", 1)))),
                        "filters[0].not.exact.a: must be a string, was 1"),
                Arguments.of("not a list", Map.of("exact", Map.of("a", "b")), "filters: must be a list of filters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilters")
    void badFiltersNameThePath(String label, Object tree, String message) {
        assertThatThrownBy(() -> Filter.readAll("filters", tree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void theDocumentInDocsEventingIsRead() throws Exception {
        TriggerDocument d = YAML.readValue("""
                apiVersion: eventing.quiver.dev/v1
                kind: Trigger
                metadata:
                  name: orders
                spec:
                  broker: default
                  filters:
                    - prefix: {type: com.example.order.}
                    - any:
                        - exact: {source: /shop}
                        - cesql: "source LIKE '/partner/%' AND EXISTS region"
                  subscriber:
                    uri: http://localhost:8081/
                  ordering: unordered
                  delivery:
                    retry: 3
                    backoffPolicy: exponential
                    backoffDelay: PT0.2S
                    timeout: PT5S
                    retryAfterMax: PT60S
                    deadLetterSink: {uri: "kafka:orders-dead-letters"}
                """, TriggerDocument.class);

        assertThat(d)
                .isEqualTo(new TriggerDocument(
                        TriggerDocument.API_VERSION,
                        "Trigger",
                        new TriggerDocument.Metadata("orders", null),
                        new TriggerDocument.Spec(
                                "default",
                                null,
                                List.of(
                                        Filter.prefix("type", "com.example.order."),
                                        Filter.any(
                                                Filter.exact("source", "/shop"),
                                                Filter.cesql("source LIKE '/partner/%' AND EXISTS region"))),
                                TriggerDocument.Subscriber.uri("http://localhost:8081/"),
                                new TriggerDocument.Delivery(
                                        3,
                                        "exponential",
                                        "PT0.2S",
                                        "PT5S",
                                        "PT60S",
                                        dev.quiver.api.eventing.Destination.ofUri("kafka:orders-dead-letters")),
                                "unordered"),
                        null));
        assertThat(BrokerAdminClient.read(BrokerAdminClient.json(d))).isEqualTo(d);
    }

    @Test
    void sameTriggerIgnoresStatusAndApiVersion() {
        TriggerDocument sent = BrokerAdminClientTest.ORDERS;
        TriggerDocument answered = new TriggerDocument(
                null, null, sent.metadata(), sent.spec(), new TriggerDocument.Status(true, "x", "t", "g"));
        TriggerDocument other = TriggerDocument.of("orders", sent.spec().withOrdering("ordered"));

        assertThat(answered.sameTriggerAs(sent)).isTrue();
        assertThat(other.sameTriggerAs(sent)).isFalse();
    }

    @Test
    void theLegacyFilterAndAFunctionSubscriberAreKept() throws Exception {
        TriggerDocument d = BrokerAdminClient.read("""
                {"metadata":{"name":"t"},"spec":{"filter":{"attributes":{"type":"x","region":""}},
                 "subscriber":{"function":"hello"}}}""");

        assertThat(d.spec().filter().attributes()).containsEntry("region", "");
        assertThat(d.spec().subscriber().function()).isEqualTo("hello");
        assertThat(BrokerAdminClient.json(d))
                .isEqualTo(
                        "{\"metadata\":{\"name\":\"t\"},\"spec\":{\"filter\":"
                                + "{\"attributes\":{\"type\":\"x\",\"region\":\"\"}},\"subscriber\":{\"function\":\"hello\"}}}");
    }
}
