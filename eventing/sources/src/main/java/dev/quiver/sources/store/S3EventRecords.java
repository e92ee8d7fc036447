package dev.quiver.sources.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a store change as the S3 event notification record AWS sends (event version 2.1), so the store's events
 * go through the same S3 adapter as notifications from real stores, and functions written for S3 read them
 * unchanged.
 */
public final class S3EventRecords {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String region;
    private final String principal;
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    public S3EventRecords(String region, String principal) {
        this.region = region;
        this.principal = principal;
    }

    public ObjectNode record(StoreChange change) {
        UUID request = UUID.randomUUID();
        ObjectNode record = JSON.objectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", change.time().toString())
                .put("eventName", change.kind().eventName());
        record.putObject("userIdentity").put("principalId", principal);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements")
                .put("x-amz-request-id", HexFormat.of().withUpperCase().toHexDigits(request.getMostSignificantBits()))
                .put("x-amz-id-2", Long.toHexString(request.getLeastSignificantBits()));
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", "quiver");
        s3.putObject("bucket")
                .put("name", change.bucket())
                .put("arn", "arn:aws:s3:::" + change.bucket())
                .putObject("ownerIdentity")
                .put("principalId", principal);
        ObjectNode object = s3.putObject("object").put("key", encodeKey(change.key()));
        if (change.kind() != StoreChange.Kind.DELETE) {
            object.put("size", change.size()).put("eTag", change.etag());
        }
        object.put("sequencer", String.format("%016X", sequence.incrementAndGet()));
        return record;
    }

    /** S3 URL-encodes keys in notifications (spaces as '+'), leaving the '/' separators. */
    static String encodeKey(String key) {
        String[] segments = key.split("/", -1);
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
