package dev.quiver.broker.sources.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A KafkaSource's record as a CloudEvent, as Knative's KafkaSource makes it: a record that already is a CloudEvent
 * (binary mode with {@code ce_} headers, or structured) passes through; any other becomes type
 * {@code dev.knative.kafka.event}, source {@code /apis/v1/namespaces/<ns>/kafkasources/<name>#<topic>}, subject
 * {@code partition:<p>#<offset>}, id {@code partition:<p>/offset:<offset>}, time = the record's timestamp, data =
 * the value (with the record's {@code content-type} header), the key as the {@code key} extension and each header
 * as a {@code kafkaheader<name>} extension. Pure.
 */
public final class RecordEvents {

    public static final String TYPE = "dev.knative.kafka.event";

    private RecordEvents() {}

    public static CloudEvent toEvent(String namespace, String name, ConsumerRecord<String, byte[]> r) {
        if (isCloudEvent(r)) {
            return KafkaMessageFactory.createReader(r).toEvent();
        }
        CloudEventBuilder b = CloudEventBuilder.v1()
                .withId("partition:" + r.partition() + "/offset:" + r.offset())
                .withType(TYPE)
                .withSource(URI.create("/apis/v1/namespaces/" + namespace + "/kafkasources/" + name + "#" + r.topic()))
                .withSubject("partition:" + r.partition() + "#" + r.offset());
        if (r.timestamp() >= 0) {
            b.withTime(Instant.ofEpochMilli(r.timestamp()).atOffset(ZoneOffset.UTC));
        }
        if (r.key() != null) {
            b.withExtension("key", r.key());
        }
        String contentType = null;
        for (Header h : r.headers()) {
            String value = h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
            if (h.key().equalsIgnoreCase("content-type")) {
                contentType = value;
                continue;
            }
            String ext = "kafkaheader" + h.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (ext.length() <= 20 + "kafkaheader".length()) {
                b.withExtension(ext, value);
            }
        }
        if (r.value() != null) {
            b.withData(contentType, r.value());
        }
        return b.build();
    }

    /** Binary mode ({@code ce_specversion} header) or structured ({@code content-type: application/cloudevents...}). */
    static boolean isCloudEvent(ConsumerRecord<String, byte[]> r) {
        if (r.headers().lastHeader("ce_specversion") != null) {
            return true;
        }
        Header ct = r.headers().lastHeader("content-type");
        return ct != null
                && ct.value() != null
                && new String(ct.value(), StandardCharsets.UTF_8)
                        .toLowerCase(Locale.ROOT)
                        .startsWith("application/cloudevents");
    }
}
