package dev.quiver.kubernetes.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.scaler.spec.SpecException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriggerDocumentTest {

    record Invalid(String label, String spec, String field) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                new Invalid("no subscriber", "  broker: default\n", "spec.subscriber"),
                new Invalid("both function and uri", "  subscriber: {function: f, uri: 'http://x/'}\n",
                        "spec.subscriber"),
                new Invalid("relative uri", "  subscriber: {uri: /x}\n", "spec.subscriber.uri"),
                new Invalid("not http", "  subscriber: {uri: 'ftp://x/'}\n", "spec.subscriber.uri"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidTriggersNameTheField(Invalid c) {
        assertThatThrownBy(() -> TriggerDocument.of(Triggers.of("t", c.spec())))
                .isInstanceOfSatisfying(SpecException.class,
                        e -> assertThat(e.violations()).anySatisfy(v -> assertThat(v.key()).isEqualTo(c.field())));
    }

    @Test
    void aFunctionSubscriberBecomesItsServiceUrlAndTheRestPassesThrough() {
        TriggerDocument d = TriggerDocument.of(Triggers.of("orders", """
                  filters: [{prefix: {type: com.example.order.}}, {cesql: "EXISTS region"}]
                  subscriber: {function: hello}
                  ordering: ordered
                  delivery: {retry: 3, deadLetterSink: {uri: "kafka:dead"}}
                """));

        assertThat(d.broker()).isEqualTo("default");
        assertThat(d.subscriber()).isEqualTo("http://hello.ev.svc.cluster.local/");
        assertThat(d.document()).isEqualTo(Map.of("metadata", Map.of("name", "orders"), "spec", Map.of(
                "broker", "default",
                "filters", List.of(Map.of("prefix", Map.of("type", "com.example.order.")),
                        Map.of("cesql", "EXISTS region")),
                "subscriber", Map.of("uri", "http://hello.ev.svc.cluster.local/"),
                "ordering", "ordered",
                "delivery", Map.of("retry", 3, "deadLetterSink", Map.of("uri", "kafka:dead")))));
    }
}
