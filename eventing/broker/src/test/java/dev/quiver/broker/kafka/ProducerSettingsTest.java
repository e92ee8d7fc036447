package dev.quiver.broker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.quiver.broker.config.BrokerSettingsTest;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void defaultsAckAllIdempotentAndAnswerWithinTheSendTimeout() {
        Map<String, Object> p = ProducerSettings.of(BrokerSettingsTest.settings(Map.of()));
        assertThat(p)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("linger.ms", "1")
                .containsEntry("delivery.timeout.ms", "10000")
                .containsEntry("max.block.ms", "10000");
        assertThat(ProducerSettings.bufferMemory(p)).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void aLongerLingerIsAcceptedByKafka() {
        // Kafka refuses delivery.timeout.ms < linger.ms + request.timeout.ms when the producer is created
        Map<String, Object> p = ProducerSettings.of(BrokerSettingsTest.settings(Map.of(
                "quiver.broker.kafka.producer.\"linger.ms\"", "20", "quiver.broker.kafka.send-timeout", "PT2S")));
        assertThat(p).containsEntry("linger.ms", "20").containsEntry("request.timeout.ms", "1980");
        assertThatCode(() -> new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()).close())
                .doesNotThrowAnyException();
    }

    @Test
    void acksAndIdempotenceCannotBeOverridden() {
        Map<String, Object> p = ProducerSettings.of(BrokerSettingsTest.settings(Map.of(
                "quiver.broker.kafka.producer.acks",
                "1",
                "quiver.broker.kafka.producer.\"buffer.memory\"",
                "1048576")));
        assertThat(p).containsEntry("acks", "all");
        assertThat(ProducerSettings.bufferMemory(p)).isEqualTo(1024 * 1024);
    }
}
