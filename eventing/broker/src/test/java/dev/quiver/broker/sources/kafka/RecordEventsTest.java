package dev.quiver.broker.sources.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordEventsTest {

    private static final CloudEvent EVENT = CloudEventBuilder.v1()
            .withId("e-1")
            .withType("com.example.order")
            .withSource(URI.create("/orders"))
            .withData("application/json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8))
            .build();

    @Test
    void aPlainRecordBecomesKnativesKafkaEvent() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        headers.add("X-Trace_Id", "t1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(
                "orders",
                2,
                564,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "customer-7",
                "{\"msg\":\"This is a test!\"}".getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());

        CloudEvent e = RecordEvents.toEvent("default", "kafka-source", r);

        assertThat(e.getType()).isEqualTo("dev.knative.kafka.event");
        assertThat(e.getSource()).hasToString("/apis/v1/namespaces/default/kafkasources/kafka-source#orders");
        assertThat(e.getSubject()).isEqualTo("partition:2#564");
        assertThat(e.getId()).isEqualTo("partition:2/offset:564");
        assertThat(e.getTime())
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L).atOffset(ZoneOffset.UTC));
        assertThat(e.getExtension("key")).isEqualTo("customer-7");
        assertThat(e.getExtension("kafkaheaderxtraceid")).isEqualTo("t1");
        assertThat(e.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"msg\":\"This is a test!\"}");
    }

    @Test
    void binaryAndStructuredCloudEventRecordsPassThrough() {
        for (ProducerRecord<String, byte[]> written : new ProducerRecord[] {
            KafkaMessageFactory.<String>createWriter("orders", "k").writeBinary(EVENT),
            KafkaMessageFactory.<String>createWriter("orders", "k").writeStructured(EVENT, new JsonFormat())
        }) {
            ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(
                    "orders",
                    0,
                    1,
                    0L,
                    TimestampType.CREATE_TIME,
                    -1,
                    -1,
                    written.key(),
                    written.value(),
                    written.headers(),
                    Optional.empty());
            CloudEvent e = RecordEvents.toEvent("default", "kafka-source", r);
            assertThat(e.getId()).isEqualTo("e-1");
            assertThat(e.getType()).isEqualTo("com.example.order");
            assertThat(e.getExtension("key")).isNull();
        }
    }
}
