package dev.quiver.sources.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Tencent Cloud COS trigger events ({@code Records[].cos} + {@code Records[].event}) to CloudEvents, in the shape of
 * the S3 adapter but keeping COS's own names:
 * <ul>
 * <li>id = {@code cos.cosObject.meta.x-cos-request-id}, else {@code event.reqid}</li>
 * <li>source = {@code event.eventSource + "." + cos.cosBucket.region + "." + cos.cosBucket.name}
 * (e.g. {@code qcs::cos.ap-guangzhou.images})</li>
 * <li>type = {@code "com.qcloud.cos." + event.eventName} without its {@code cos:} prefix
 * (e.g. {@code com.qcloud.cos.ObjectCreated:Put})</li>
 * <li>subject = the object key without COS's {@code /<appid>/<bucket>/} prefix; time = {@code event.eventTime}
 * (epoch seconds)</li>
 * <li>datacontenttype = application/json; data = the COS record</li>
 * </ul>
 */
public final class CosEventMapper {

    public static final String TYPE_PREFIX = "com.qcloud.cos.";

    private CosEventMapper() {}

    public static List<CloudEvent> map(byte[] notification) throws InvalidNotificationException {
        List<JsonNode> records = NotificationRecords.parse(notification);
        List<CloudEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(mapRecord(records.get(i), "Records[" + i + "]"));
        }
        return events;
    }

    static CloudEvent mapRecord(JsonNode record, String path) throws InvalidNotificationException {
        Fields r = new Fields(record, path);
        Fields cos = r.object("cos");
        Fields event = r.object("event");
        String eventName = event.text("eventName");
        if (!eventName.startsWith("cos:")) {
            throw new InvalidNotificationException(
                    path + ".event.eventName must start with 'cos:', but was '" + eventName + "'");
        }
        Fields bucket = cos.object("cosBucket");
        String bucketName = bucket.text("name");
        String region = bucket.optionalText("region");
        if (region == null) {
            region = bucket.optionalText("cosRegion");
        }
        Fields object = cos.object("cosObject");
        String key = object.text("key");
        String id = object.optionalObject("meta").optionalText("x-cos-request-id");
        if (id == null || id.isEmpty()) {
            id = event.optionalText("reqid");
        }
        if (id == null || id.isEmpty()) {
            throw new InvalidNotificationException(
                    path + " has neither cos.cosObject.meta.x-cos-request-id nor event.reqid");
        }
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(S3EventMapper.source(
                        event.text("eventSource") + "." + (region == null ? "" : region) + "." + bucketName, path))
                .withType(TYPE_PREFIX + eventName.substring(4))
                .withSubject(objectKey(key, bucket.optionalText("appid"), bucketName))
                .withTime(Instant.ofEpochSecond(epochSeconds(event, path)).atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(NotificationRecords.bytes(record))
                .build();
    }

    /** COS keys look like {@code /1250000000/images/cat.png}: the object key is what follows the bucket. */
    static String objectKey(String key, String appId, String bucket) {
        String withApp = "/" + appId + "/" + bucket + "/";
        if (appId != null && key.startsWith(withApp)) {
            return key.substring(withApp.length());
        }
        String withBucket = "/" + bucket + "/";
        if (key.startsWith(withBucket)) {
            return key.substring(withBucket.length());
        }
        return key.startsWith("/") ? key.substring(1) : key;
    }

    private static long epochSeconds(Fields event, String path) throws InvalidNotificationException {
        JsonNode time = event.node().get("eventTime");
        if (time != null && time.canConvertToLong()) {
            return time.asLong();
        }
        if (time != null && time.isTextual() && time.asText().matches("\\d{1,12}")) {
            return Long.parseLong(time.asText());
        }
        throw new InvalidNotificationException(path + ".event.eventTime must be epoch seconds, but was '" + time + "'");
    }
}
