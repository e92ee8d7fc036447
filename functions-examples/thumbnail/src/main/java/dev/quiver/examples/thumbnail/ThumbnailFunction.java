package dev.quiver.examples.thumbnail;

import io.quarkus.funqy.Funq;
import io.quarkus.funqy.knative.events.CloudEvent;
import io.quarkus.funqy.knative.events.CloudEventBuilder;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On an S3 object-created event for a key under {@code images/}: reads the object, writes a PNG thumbnail under
 * {@code thumbnails/} and answers {@value #CREATED}. An object that is no image, or is outside images/, is answered
 * with {@value #FAILED} or {@value #SKIPPED} and a reason: an event, not an error.
 */
public class ThumbnailFunction {

    public static final String CREATED = "dev.quiver.thumbnail.created";
    public static final String FAILED = "dev.quiver.thumbnail.failed";
    public static final String SKIPPED = "dev.quiver.thumbnail.skipped";
    static final String SOURCE = "/functions/thumbnail";

    /** The reply's data. */
    public record Outcome(
            String bucket, String key, String thumbnailKey, Integer width, Integer height, String reason) {}

    @Inject
    ObjectStore store;

    @ConfigProperty(name = "thumbnail.max-size")
    int maxSize;

    @Funq
    public CloudEvent<Outcome> thumbnail(CloudEvent<S3EventRecord> event) {
        S3EventRecord record = event.data();
        if (record == null
                || record.s3() == null
                || record.s3().bucket() == null
                || record.s3().object() == null) {
            return reply(
                    FAILED, event, new Outcome(null, null, null, null, null, "event data is not an S3 event record"));
        }
        String bucket = record.s3().bucket().name();
        String key = Thumbnails.decodeKey(record.s3().object().key());
        Optional<String> target = Thumbnails.thumbnailKey(key);
        if (target.isEmpty()
                || record.eventName() == null
                || !record.eventName().contains("ObjectCreated")) {
            return reply(
                    SKIPPED,
                    event,
                    new Outcome(
                            bucket,
                            key,
                            null,
                            null,
                            null,
                            "only objects created under " + Thumbnails.SOURCE_PREFIX + " get a thumbnail"));
        }
        Optional<Thumbnails.Rendered> rendered = Thumbnails.render(store.read(bucket, key), maxSize);
        if (rendered.isEmpty()) {
            return reply(
                    FAILED,
                    event,
                    new Outcome(
                            bucket,
                            key,
                            null,
                            null,
                            null,
                            "not an image ImageIO can read (png, jpeg, gif, bmp, wbmp)"));
        }
        store.write(bucket, target.get(), rendered.get().png());
        return reply(
                CREATED,
                event,
                new Outcome(
                        bucket,
                        key,
                        target.get(),
                        rendered.get().width(),
                        rendered.get().height(),
                        null));
    }

    private static CloudEvent<Outcome> reply(String type, CloudEvent<S3EventRecord> in, Outcome outcome) {
        return CloudEventBuilder.create()
                .type(type)
                .source(SOURCE)
                .subject(outcome.thumbnailKey() != null ? outcome.thumbnailKey() : outcome.key())
                .extensions(Map.of("causeid", in.id() == null ? "" : in.id()))
                .build(outcome);
    }
}
