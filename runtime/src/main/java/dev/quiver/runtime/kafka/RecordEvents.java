package dev.quiver.runtime.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/**
 * A Kafka record as the CloudEvent a function receives. A record that carries a CloudEvent (binary mode, {@code ce_}
 * headers; or structured mode, content type {@code application/cloudevents+json}) is read as that event by the
 * CloudEvents SDK. Any other record is wrapped:
 * <ul>
 * <li>type {@value #WRAPPED_TYPE}, source {@code kafka://<topic>}, id {@code <topic>/<partition>/<offset>}</li>
 * <li>{@code partitionkey} = the record key (when there is one), time = the record timestamp</li>
 * <li>datacontenttype = the record's {@code content-type} header, else {@code application/json} when the value is a
 * JSON object, array or string, else {@code application/octet-stream}; data = the value bytes, unchanged</li>
 * </ul>
 */
public final class RecordEvents {

    public static final String WRAPPED_TYPE = "dev.quiver.kafka.record";

    private RecordEvents() {
    }

    /** @throws IllegalArgumentException when the record claims to be a CloudEvent but is not a valid one (poison) */
    public static CloudEvent toCloudEvent(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException e) {
            if (e.getKind() != CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(record.topic() + "/" + record.partition() + "/" + record.offset())
                .withSource(URI.create("kafka://" + record.topic()))
                .withType(WRAPPED_TYPE)
                .withDataContentType(contentType(record, value))
                .withData(value);
        if (record.timestamp() >= 0) {
            builder.withTime(Instant.ofEpochMilli(record.timestamp()).atOffset(ZoneOffset.UTC));
        }
        if (record.key() != null) {
            builder.withExtension("partitionkey", record.key());
        }
        return builder.build();
    }

    static String contentType(ConsumerRecord<String, byte[]> record, byte[] value) {
        Header header = record.headers().lastHeader("content-type");
        if (header != null && header.value() != null && header.value().length > 0) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return looksLikeJson(value) ? "application/json" : "application/octet-stream";
    }

    static boolean looksLikeJson(byte[] value) {
        for (byte b : value) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{' || b == '[' || b == '"';
        }
        return false;
    }
}
