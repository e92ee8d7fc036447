package dev.quiver.sources.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 / MinIO event notification records to CloudEvents, as the CloudEvents AWS S3 adapter specifies:
 * <ul>
 * <li>id = {@code responseElements.x-amz-request-id + "." + responseElements.x-amz-id-2} (MinIO sends no
 * x-amz-id-2: the object's {@code sequencer} stands in for it)</li>
 * <li>source = {@code eventSource + "." + awsRegion + "." + s3.bucket.name}</li>
 * <li>type = {@code "com.amazonaws.s3." + eventName} (MinIO's {@code s3:} prefix removed)</li>
 * <li>subject = {@code s3.object.key} (URL-encoded, as S3 sends it); time = {@code eventTime}</li>
 * <li>datacontenttype = application/json; data = the S3 event record</li>
 * </ul>
 */
public final class S3EventMapper {

    public static final String TYPE_PREFIX = "com.amazonaws.s3.";

    private S3EventMapper() {}

    public static List<CloudEvent> map(byte[] notification) throws InvalidNotificationException {
        List<JsonNode> records = NotificationRecords.parse(notification);
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(mapRecord(records.get(i), "Records[" + i + "]"));
        }
        return events;
    }

    public static CloudEvent mapRecord(JsonNode record, String path) throws InvalidNotificationException {
        Fields r = new Fields(record, path);
        String eventName = r.text("eventName");
        String eventSource = r.text("eventSource");
        String region = r.optionalText("awsRegion");
        Fields s3 = r.object("s3");
        String bucket = s3.object("bucket").text("name");
        Fields object = s3.object("object");
        String key = object.text("key");
        Fields response = r.optionalObject("responseElements");
        String requestId = response.optionalText("x-amz-request-id");
        if (requestId == null || requestId.isEmpty()) {
            throw new InvalidNotificationException(
                    path + ".responseElements.x-amz-request-id must be a non-empty string");
        }
        String second = response.optionalText("x-amz-id-2");
        if (second == null || second.isEmpty()) {
            second = object.optionalText("sequencer");
        }
        String id = second == null || second.isEmpty() ? requestId : requestId + "." + second;
        OffsetDateTime time = time(r.text("eventTime"), path);
        String type = TYPE_PREFIX + (eventName.startsWith("s3:") ? eventName.substring(3) : eventName);
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(source(eventSource + "." + (region == null ? "" : region) + "." + bucket, path))
                .withType(type)
                .withSubject(key)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(NotificationRecords.bytes(record))
                .build();
    }

    static URI source(String value, String path) throws InvalidNotificationException {
        try {
            return new URI(value);
        } catch (Exception e) {
            throw new InvalidNotificationException(path + ": source '" + value + "' is not a URI reference");
        }
    }

    private static OffsetDateTime time(String value, String path) throws InvalidNotificationException {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidNotificationException(
                    path + ".eventTime must be an RFC 3339 time, but was '" + value + "'");
        }
    }
}
