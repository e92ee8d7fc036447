package dev.quiver.broker.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.broker.config.BrokerSettings;
import dev.quiver.broker.config.BrokerSettingsTest;
import dev.quiver.broker.sources.kafka.KafkaSourceSpec;
import dev.quiver.broker.sources.ping.PingSpec;
import dev.quiver.broker.sources.sink.KafkaSinkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Knative's own example documents (test resources knative/*.yaml, origins noted in each) are read unchanged. */
class KnativeExamplesTest {

    private final BrokerSettings settings = BrokerSettingsTest.settings(Map.of());

    static String example(String file) throws IOException {
        try (InputStream in = KnativeExamplesTest.class.getResourceAsStream("/knative/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePingSourceExampleReadsAsWritten() throws IOException {
        SourceResource r = SourceDocuments.read(SourceKind.PING_SOURCE, example("pingsource.yaml"));
        PingSpec spec = PingSpec.parse(r.spec());
        assertThat(r.name()).isEqualTo("test-ping-source");
        assertThat(r.metadata().namespace()).isEqualTo("default");
        assertThat(spec.schedule()).hasToString("*/2 * * * *");
        assertThat(spec.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(spec.contentType()).isEqualTo("application/json");
        assertThat(new String(spec.data(), StandardCharsets.UTF_8)).isEqualTo("{\"message\": \"Hello world!\"}");
        // a Service is resolved by the control plane; the broker keeps it, not Ready until resolved
        assertThat(spec.sink()).isEqualTo(new SinkTarget.Unresolved("Service", "event-display"));
    }

    @Test
    void thePingSourceToABrokerExampleTargetsTheBrokerInProcess() throws IOException {
        SourceResource r = SourceDocuments.read(SourceKind.PING_SOURCE, example("pingsource-broker.yaml"));
        assertThat(PingSpec.parse(r.spec()).sink()).isEqualTo(new SinkTarget.Broker("default"));
    }

    @Test
    void theKafkaSourceExamplesReadAsWritten() throws IOException {
        for (String file : new String[] {"kafkasource.yaml", "kafkasource-consumers.yaml"}) {
            SourceResource r = SourceDocuments.read(SourceKind.KAFKA_SOURCE, example(file));
            KafkaSourceSpec spec =
                    KafkaSourceSpec.parse(r.spec(), "default", r.name(), settings, n -> Optional.empty());
            assertThat(spec.bootstrapServers()).as(file).isEqualTo("my-cluster-kafka-bootstrap.kafka:9092");
            assertThat(spec.topics()).as(file).containsExactly("knative-demo-topic");
            assertThat(spec.consumerGroup()).as(file).isEqualTo("knative-group");
            assertThat(spec.initialOffset()).as(file).isEqualTo("latest");
            assertThat(spec.ordered()).as(file).isTrue();
            assertThat(spec.delivery()).as(file).isEqualTo(settings.delivery());
            assertThat(spec.sink()).as(file).isEqualTo(new SinkTarget.Unresolved("Service", "event-display"));
        }
    }

    @Test
    void theKafkaSinkExamplesReadAsWritten() throws IOException {
        KafkaSinkSpec plain = KafkaSinkSpec.parse(
                SourceDocuments.read(SourceKind.KAFKA_SINK, example("kafkasink.yaml"))
                        .spec(),
                "localhost:9092");
        KafkaSinkSpec withMode = KafkaSinkSpec.parse(
                SourceDocuments.read(SourceKind.KAFKA_SINK, example("kafkasink-contentmode.yaml"))
                        .spec(),
                "localhost:9092");
        assertThat(plain).isEqualTo(new KafkaSinkSpec("mytopic", "my-cluster-kafka-bootstrap.kafka:9092", false));
        assertThat(withMode).isEqualTo(plain);
    }
}
