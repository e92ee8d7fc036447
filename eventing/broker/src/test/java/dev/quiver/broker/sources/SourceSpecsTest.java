package dev.quiver.broker.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.config.BrokerSettingsTest;
import dev.quiver.broker.delivery.DeadLetterSink;
import dev.quiver.broker.sources.kafka.KafkaSourceSpec;
import dev.quiver.broker.sources.ping.PingSpec;
import dev.quiver.broker.sources.sink.KafkaSinkSpec;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceSpecsTest {

    private static final BrokerSettings SETTINGS = BrokerSettingsTest.settings(Map.of());

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: p}, spec: {schedule: '* * *', sink: {uri: 'http://x'}}}",
                        "spec.schedule: expected 5 fields"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: p}, spec: {schedule: '* * * * *', timezone: Nowhere/Town, sink: {uri: 'http://x'}}}",
                        "spec.timezone: unknown time zone 'Nowhere/Town'"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: p}, spec: {schedule: '* * * * *', data: a, dataBase64: YQ==, sink: {uri: 'http://x'}}}",
                        "give one, not both"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: p}, spec: {schedule: '* * * * *', dataBase64: '%%%', sink: {uri: 'http://x'}}}",
                        "spec.dataBase64: not base64"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: p}, spec: {schedule: '* * * * *'}}",
                        "spec.sink: required"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: p}, spec: {schedule: '* * * * *', sink: {uri: 'ftp://x/y'}}}",
                        "spec.sink.uri: must be an absolute http(s) URL"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{metadata: {name: Bad_Name}, spec: {}}",
                        "metadata.name: must be a DNS label"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{kind: KafkaSource, metadata: {name: p}, spec: {}}",
                        "kind: this route takes PingSource documents"),
                Arguments.of(
                        SourceKind.PING_SOURCE,
                        "{apiVersion: sources.knative.dev/v9, metadata: {name: p}, spec: {}}",
                        "apiVersion: PingSource is"),
                Arguments.of(
                        SourceKind.KAFKA_SOURCE,
                        "{metadata: {name: k}, spec: {topics: [], sink: {uri: 'http://x'}}}",
                        "spec.topics: at least one topic"),
                Arguments.of(
                        SourceKind.KAFKA_SOURCE,
                        "{metadata: {name: k}, spec: {topics: [t], initialOffset: middle, sink: {uri: 'http://x'}}}",
                        "spec.initialOffset: must be earliest or latest"),
                Arguments.of(
                        SourceKind.KAFKA_SOURCE,
                        "{metadata: {name: k}, spec: {topics: [t], bootstrapServers: ['nohost'], sink: {uri: 'http://x'}}}",
                        "spec.bootstrapServers: 'nohost' is not host:port"),
                Arguments.of(
                        SourceKind.KAFKA_SOURCE,
                        "{metadata: {name: k}, spec: {topics: [t], sink: {uri: 'http://x'}, delivery: {retry: -1}}}",
                        "spec.delivery.retry must be >= 0"),
                Arguments.of(
                        SourceKind.KAFKA_SOURCE,
                        "{metadata: {name: k}, spec: {topics: [t], sink: {uri: 'http://x'}, delivery: {backoffDelay: 2s}}}",
                        "spec.delivery.backoffDelay must be an ISO-8601 duration"),
                Arguments.of(
                        SourceKind.KAFKA_SINK,
                        "{metadata: {name: s}, spec: {topic: 'a b'}}",
                        "spec.topic: must be a Kafka topic name"),
                Arguments.of(
                        SourceKind.KAFKA_SINK,
                        "{metadata: {name: s}, spec: {topic: t, contentMode: fancy}}",
                        "spec.contentMode: must be binary or structured"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource
    void refused(SourceKind kind, String document, String message) {
        assertThatThrownBy(() -> parse(kind, document))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining(message);
    }

    private static Object parse(SourceKind kind, String document) {
        SourceResource r = SourceDocuments.read(kind, document);
        return switch (kind) {
            case PING_SOURCE -> PingSpec.parse(r.spec());
            case KAFKA_SOURCE -> KafkaSourceSpec.parse(r.spec(), "default", r.name(), SETTINGS, n -> Optional.empty());
            case KAFKA_SINK -> KafkaSinkSpec.parse(r.spec(), "localhost:9092");
        };
    }

    @Test
    void aPingSourceTakesItsZoneFromThePrefixOverTheTimezoneField() {
        PingSpec spec = (PingSpec) parse(
                SourceKind.PING_SOURCE,
                "{metadata: {name: p}, spec: {schedule: 'CRON_TZ=Asia/Tokyo 0 9 * * *', timezone: Europe/Berlin,"
                        + " dataBase64: aGk=, sink: {uri: 'http://127.0.0.1:9/x'}}}");
        assertThat(spec.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(spec.data()).isEqualTo("hi".getBytes());
        assertThat(spec.sink()).isEqualTo(new SinkTarget.Http(URI.create("http://127.0.0.1:9/x")));
    }

    @Test
    void aKafkaSourceTakesDefaultsAndADeadLetterKafkaSink() {
        SourceResource r = SourceDocuments.read(
                SourceKind.KAFKA_SOURCE,
                "{metadata: {name: k, namespace: team}, spec: {topics: 'a, b', initialOffset: earliest,"
                        + " ordering: unordered, sink: {ref: {kind: Broker, name: default}},"
                        + " delivery: {retry: 2, backoffPolicy: linear, backoffDelay: PT0.1S,"
                        + " deadLetterSink: {ref: {kind: KafkaSink, name: dls}}}}}");
        KafkaSourceSpec spec = KafkaSourceSpec.parse(
                r.spec(),
                "team",
                "k",
                SETTINGS,
                n -> Optional.of(new KafkaSinkSpec("dead-letters", SETTINGS.bootstrapServers(), false)));
        assertThat(spec.bootstrapServers()).isEqualTo(SETTINGS.bootstrapServers());
        assertThat(spec.topics()).containsExactly("a", "b");
        assertThat(spec.consumerGroup()).isEqualTo("knative-kafka-source-team-k");
        assertThat(spec.initialOffset()).isEqualTo("earliest");
        assertThat(spec.ordered()).isFalse();
        assertThat(spec.sink()).isEqualTo(new SinkTarget.Broker("default"));
        assertThat(spec.delivery().retry()).isEqualTo(2);
        assertThat(spec.delivery().deadLetterSink()).contains(new DeadLetterSink.KafkaTopic("dead-letters"));
    }
}
