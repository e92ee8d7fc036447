package dev.quiver.runtime.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

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

    private RecordEvents() {}

    /** @throws IllegalArgumentException when the record claims to be a CloudEvent but is not a valid one (poison) */
    public static CloudEvent toCloudEvent(ConsumerRecord<String, byte[]> record) {
        if (claimsToBeACloudEvent(record)) {
            return read(record);
        }
        return wrap(record);
    }

    /**
     * What the SDK's reader would find an encoding in: a {@code ce_specversion} header (binary mode) or a
     * {@code content-type} of {@code application/cloudevents...} (structured mode). Checked first, so that a plain
     * record costs no failed read (the SDK tells "no CloudEvent" with an exception).
     */
    static boolean claimsToBeACloudEvent(ConsumerRecord<String, byte[]> record) {
        if (record.headers().lastHeader("ce_specversion") != null) {
            return true;
        }
        Header type = record.headers().lastHeader("content-type");
        return type != null
                && type.value() != null
                && new String(type.value(), StandardCharsets.UTF_8)
                        .trim()
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("application/cloudevents");
    }

    private static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException e) {
            if (e.getKind() != CloudEventRWException.CloudEventRWExceptionKind.UNKNOWN_ENCODING) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
        return wrap(record);
    }

    private static CloudEvent wrap(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(record.topic() + "/" + record.partition() + "/" + record.offset())
                .withSource(source(record.topic()))
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

    private static final java.util.Map<String, URI> SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static URI source(String topic) {
        return SOURCES.computeIfAbsent(topic, t -> URI.create("kafka://" + t));
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
