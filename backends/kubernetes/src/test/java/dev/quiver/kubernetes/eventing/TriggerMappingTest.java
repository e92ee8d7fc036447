package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.scaler.spec.SpecException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriggerMappingTest {

    record Invalid(String label, String spec, String field) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                        new Invalid("no subscriber", "  broker: default\n", "spec.subscriber"),
                        new Invalid(
                                "both function and uri",
                                "  subscriber: {function: f, uri: 'http://x/'}\n",
                                "spec.subscriber"),
                        new Invalid("relative uri", "  subscriber: {uri: /x}\n", "spec.subscriber.uri"),
                        new Invalid("not http", "  subscriber: {uri: 'ftp://x/'}\n", "spec.subscriber.uri"),
                        new Invalid(
                                "unknown dialect",
                                "  filters: [{regex: x}]\n  subscriber: {function: f}\n",
                                "spec.filters[0]"),
                        new Invalid(
                                "two attributes in prefix",
                                "  filters: [{prefix: {a: x, b: y}}]\n  subscriber: {function: f}\n",
                                "spec.filters[0].prefix"),
                        new Invalid(
                                "bad delivery duration",
                                "  delivery: {timeout: 5s}\n  subscriber: {function: f}\n",
                                "spec.delivery.timeout"),
                        new Invalid(
                                "bad dead-letter sink",
                                "  delivery: {deadLetterSink: {uri: 'ftp://x'}}\n" + "  subscriber: {function: f}\n",
                                "spec.delivery.deadLetterSink"),
                        new Invalid("bad ordering", "  ordering: fifo\n  subscriber: {function: f}\n", "spec.ordering"),
                        new Invalid(
                                "bad legacy filter",
                                "  filter: {type: x}\n  subscriber: {function: f}\n",
                                "spec.filter"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidTriggersNameTheField(Invalid c) {
        assertThatThrownBy(() -> TriggerMapping.of(Triggers.of("t", c.spec())))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e -> assertThat(e.violations())
                                .anySatisfy(v -> assertThat(v.key()).isEqualTo(c.field())));
    }

    @Test
    void aFunctionSubscriberBecomesItsServiceUrlAndTheRestIsTheSharedDocument() throws Exception {
        TriggerDocument d = TriggerMapping.of(Triggers.of("orders", """
                  filters: [{prefix: {type: com.example.order.}}, {cesql: "EXISTS region"}]
                  subscriber: {function: hello}
                  ordering: ordered
                  delivery: {retry: 3, deadLetterSink: {uri: "kafka:dead"}}
                """));

        assertThat(d)
                .isEqualTo(TriggerDocument.of(
                        "orders",
                        new TriggerDocument.Spec(
                                "default",
                                null,
                                List.of(Filter.prefix("type", "com.example.order."), Filter.cesql("EXISTS region")),
                                TriggerDocument.Subscriber.uri("http://hello.ev.svc.cluster.local/"),
                                new TriggerDocument.Delivery(
                                        3,
                                        null,
                                        null,
                                        null,
                                        null,
                                        dev.quiver.api.eventing.Destination.ofUri("kafka:dead")),
                                "ordered")));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(BrokerAdminClient.json(d), Map.class))
                .isEqualTo(Map.of(
                        "apiVersion",
                        "eventing.quiver.dev/v1",
                        "kind",
                        "Trigger",
                        "metadata",
                        Map.of("name", "orders"),
                        "spec",
                        Map.of(
                                "broker", "default",
                                "filters",
                                        List.of(
                                                Map.of("prefix", Map.of("type", "com.example.order.")),
                                                Map.of("cesql", "EXISTS region")),
                                "subscriber", Map.of("uri", "http://hello.ev.svc.cluster.local/"),
                                "ordering", "ordered",
                                "delivery", Map.of("retry", 3, "deadLetterSink", Map.of("uri", "kafka:dead")))));
    }

    @Test
    void theLegacyAttributeFilterIsKept() {
        TriggerDocument d = TriggerMapping.of(Triggers.of("legacy", """
                  filter: {attributes: {type: x, region: ""}}
                  subscriber: {uri: "http://x.example/"}
                """));

        assertThat(d.spec().filter().attributes()).containsEntry("type", "x").containsEntry("region", "");
        assertThat(d.spec().filters()).isNull();
    }
}
