package dev.quiver.broker.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.api.eventing.Destination;
import dev.quiver.api.trigger.BrokerAdminClient;
import dev.quiver.api.trigger.Filter;
import dev.quiver.api.trigger.TriggerDocument;
import dev.quiver.api.trigger.TriggerDocument.Delivery;
import dev.quiver.api.trigger.TriggerDocument.LegacyFilter;
import dev.quiver.api.trigger.TriggerDocument.Spec;
import dev.quiver.api.trigger.TriggerDocument.Subscriber;
import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.config.BrokerSettingsTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin API's contract: what the shared {@link BrokerAdminClient} sends, the broker reads (as the HTTP body it
 * is, through {@link TriggerYaml} and {@link TriggerParser}), and what the broker answers reads back into the same
 * {@link TriggerDocument} record — so the client's "unchanged" comparison holds against a real broker's answer.
 */
class AdminContractTest {
    static final BrokerSettings SETTINGS = BrokerSettingsTest.settings(Map.of("quiver.broker.names", "default,shop"));
    static final ObjectMapper BROKER_JSON = new ObjectMapper();

    static Stream<Arguments> documents() {
        String uri = "http://127.0.0.1:9/f/x/";
        return Stream.of(
                Arguments.of(
                        "every dialect",
                        TriggerDocument.of(
                                "dialects",
                                Spec.of(
                                        "default",
                                        List.of(
                                                Filter.exact("source", "/shop"),
                                                Filter.prefix("type", "com.example."),
                                                Filter.suffix("subject", ".png"),
                                                Filter.all(Filter.exact("a", "b"), Filter.cesql("EXISTS region")),
                                                Filter.any(
                                                        Filter.prefix("type", "x"),
                                                        Filter.not(Filter.exact("type", "y"))),
                                                Filter.cesql("source LIKE '/partner/%'")),
                                        uri))),
                Arguments.of(
                        "full delivery, ordered",
                        TriggerDocument.of(
                                "delivery",
                                Spec.of("shop", List.of(Filter.prefix("type", "com.")), uri)
                                        .withDelivery(new Delivery(
                                                3,
                                                "linear",
                                                "PT1S",
                                                "PT5S",
                                                "PT30S",
                                                Destination.ofUri("kafka:quiver-dlq-delivery")))
                                        .withOrdering("ordered"))),
                Arguments.of(
                        "legacy filter",
                        TriggerDocument.of(
                                "legacy",
                                new Spec(
                                        "default",
                                        new LegacyFilter(Map.of("type", "x", "region", "")),
                                        null,
                                        Subscriber.uri(uri),
                                        null,
                                        null))),
                Arguments.of(
                        "function subscriber, no broker",
                        TriggerDocument.of(
                                "fn", new Spec(null, null, null, new Subscriber(null, "hello"), null, null))),
                Arguments.of(
                        "labels",
                        new TriggerDocument(
                                TriggerDocument.API_VERSION,
                                "Trigger",
                                new TriggerDocument.Metadata("labelled", Map.of("team", "a")),
                                Spec.of("default", List.of(), uri),
                                null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theClientsDocumentIsAcceptedAndTheAnswerReadsBackAsTheSameTrigger(String label, TriggerDocument sent)
            throws Exception {
        Trigger trigger = TriggerParser.parse(TriggerYaml.readOne(BrokerAdminClient.json(sent)), SETTINGS);
        TriggerDocument.Status status = new TriggerDocument.Status(
                true, trigger.subscriber().toString(), SETTINGS.topic(trigger.broker()), trigger.consumerGroup(), null);

        String answer = BROKER_JSON.writeValueAsString(trigger.document().withStatus(status));
        TriggerDocument read = BrokerAdminClient.read(answer);

        assertThat(read.sameTriggerAs(sent)).as(answer).isTrue();
        assertThat(read.status())
                .isEqualTo(new TriggerDocument.Status(
                        true,
                        trigger.subscriber().toString(),
                        SETTINGS.topic(trigger.broker()),
                        trigger.consumerGroup()));
        assertThat(TriggerParser.parse(sent, SETTINGS))
                .usingRecursiveComparison()
                .ignoringFieldsMatchingRegexes(".*expression")
                .isEqualTo(trigger);
    }

    @Test
    void theRecordIsValidatedWithTheBrokersRules() {
        TriggerDocument badSql =
                TriggerDocument.of("bad", Spec.of("default", List.of(Filter.cesql("type = ")), "http://127.0.0.1:9/"));
        TriggerDocument unknownBroker = TriggerDocument.of("bad", Spec.of("nosuch", List.of(), "http://127.0.0.1:9/"));

        assertThatThrownBy(() -> TriggerParser.parse(badSql, SETTINGS))
                .isInstanceOf(InvalidTriggerException.class)
                .hasMessageStartingWith("spec.filters[0].cesql: invalid CloudEvents SQL");
        assertThatThrownBy(() -> TriggerParser.parse(unknownBroker, SETTINGS))
                .hasMessageStartingWith("spec.broker: unknown broker 'nosuch'");
    }
}
