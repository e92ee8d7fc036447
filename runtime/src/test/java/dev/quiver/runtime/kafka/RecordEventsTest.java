package dev.quiver.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordEventsTest {

    record Expected(String id, String source, String type, String contentType, String partitionKey, String data) {}

    static ConsumerRecord<String, byte[]> record(String key, String value, String... headers) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(
                "orders",
                2,
                41L,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                h,
                Optional.empty());
    }

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of(
                        "binary-mode CloudEvent is read as such",
                        record(
                                "k1",
                                "{\"a\":1}",
                                "ce_specversion",
                                "1.0",
                                "ce_id",
                                "evt-7",
                                "ce_source",
                                "/shop",
                                "ce_type",
                                "com.example.order",
                                "content-type",
                                "application/json",
                                "ce_partitionkey",
                                "k1"),
                        new Expected("evt-7", "/shop", "com.example.order", "application/json", "k1", "{\"a\":1}")),
                Arguments.of(
                        "structured-mode CloudEvent is read as such",
                        record(
                                null,
                                "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/s\",\"type\":\"t.s\",\"data\":{\"b\":2}}",
                                "content-type",
                                "application/cloudevents+json"),
                        new Expected("s-1", "/s", "t.s", "application/json", null, "{\"b\":2}")),
                Arguments.of(
                        "plain JSON with a key is wrapped",
                        record("customer-9", " {\"total\":3}"),
                        new Expected(
                                "orders/2/41",
                                "kafka://orders",
                                RecordEvents.WRAPPED_TYPE,
                                "application/json",
                                "customer-9",
                                " {\"total\":3}")),
                Arguments.of(
                        "plain bytes without a key are wrapped",
                        record(null, "hello"),
                        new Expected(
                                "orders/2/41",
                                "kafka://orders",
                                RecordEvents.WRAPPED_TYPE,
                                "application/octet-stream",
                                null,
                                "hello")),
                Arguments.of(
                        "content-type header wins",
                        record(null, "a,b", "content-type", "text/csv"),
                        new Expected(
                                "orders/2/41", "kafka://orders", RecordEvents.WRAPPED_TYPE, "text/csv", null, "a,b")),
                Arguments.of(
                        "tombstone (null value) is an empty event",
                        record("gone", null),
                        new Expected(
                                "orders/2/41",
                                "kafka://orders",
                                RecordEvents.WRAPPED_TYPE,
                                "application/octet-stream",
                                "gone",
                                "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void recordsBecomeCloudEvents(String label, ConsumerRecord<String, byte[]> record, Expected expected) {
        CloudEvent event = RecordEvents.toCloudEvent(record);

        assertThat(event.getId()).isEqualTo(expected.id());
        assertThat(event.getSource()).hasToString(expected.source());
        assertThat(event.getType()).isEqualTo(expected.type());
        assertThat(event.getDataContentType()).isEqualTo(expected.contentType());
        assertThat(event.getExtension("partitionkey")).isEqualTo(expected.partitionKey());
        String data = event.getData() == null ? "" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(data).isEqualTo(expected.data());
        if (RecordEvents.WRAPPED_TYPE.equals(expected.type())) {
            assertThat(event.getTime().toInstant().toEpochMilli()).isEqualTo(1_700_000_000_000L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidCloudEventIsPoison(String label, ConsumerRecord<String, byte[]> record) {
        assertThatThrownBy(() -> RecordEvents.toCloudEvent(record)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "binary mode without ce_id",
                        record(null, "{}", "ce_specversion", "1.0", "ce_source", "/s", "ce_type", "t")),
                Arguments.of(
                        "structured mode that is not JSON",
                        record(null, "{oops", "content-type", "application/cloudevents+json")));
    }
}
