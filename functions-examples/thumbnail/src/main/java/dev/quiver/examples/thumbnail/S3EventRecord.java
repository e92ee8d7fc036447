package dev.quiver.examples.thumbnail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of an S3 event notification record (the data of an S3-adapter CloudEvent) this function reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3EventRecord(String eventName, String awsRegion, S3 s3) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(Bucket bucket, S3Object object) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {}

    /** {@code key} is URL-encoded, as S3 sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, long size) {}
}
