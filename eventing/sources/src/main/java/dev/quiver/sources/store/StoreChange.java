package dev.quiver.sources.store;

import java.time.Instant;

/**
 * One change of the object store that S3 would notify about.
 *
 * @param size bytes of the object; 0 for deletions
 * @param etag the object's ETag (without quotes); empty for deletions
 */
public record StoreChange(Kind kind, String bucket, String key, long size, String etag, Instant time) {

    /** The kinds of change, named by their S3 event name. */
    public enum Kind {
        PUT("ObjectCreated:Put"),
        COPY("ObjectCreated:Copy"),
        COMPLETE_MULTIPART_UPLOAD("ObjectCreated:CompleteMultipartUpload"),
        DELETE("ObjectRemoved:Delete");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }
}
