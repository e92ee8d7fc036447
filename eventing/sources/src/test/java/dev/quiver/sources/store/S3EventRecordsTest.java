package dev.quiver.sources.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.sources.mapping.S3EventMapper;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class S3EventRecordsTest {

    static Stream<Arguments> changes() {
        Instant t = Instant.parse("2026-01-02T03:04:05.678Z");
        return Stream.of(
                Arguments.of(
                        "put",
                        new StoreChange(StoreChange.Kind.PUT, "photos", "images/cat.png", 42, "abc", t),
                        "com.amazonaws.s3.ObjectCreated:Put",
                        "images/cat.png",
                        42L),
                Arguments.of(
                        "copy",
                        new StoreChange(StoreChange.Kind.COPY, "photos", "b.png", 7, "e", t),
                        "com.amazonaws.s3.ObjectCreated:Copy",
                        "b.png",
                        7L),
                Arguments.of(
                        "multipart",
                        new StoreChange(StoreChange.Kind.COMPLETE_MULTIPART_UPLOAD, "photos", "big", 9, "e-2", t),
                        "com.amazonaws.s3.ObjectCreated:CompleteMultipartUpload",
                        "big",
                        9L),
                Arguments.of(
                        "delete has no size",
                        new StoreChange(StoreChange.Kind.DELETE, "photos", "a b/ü.txt", 0, "", t),
                        "com.amazonaws.s3.ObjectRemoved:Delete",
                        "a+b/%C3%BC.txt",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void storeChangesAreS3RecordsThatTheAdapterMaps(
            String label, StoreChange change, String type, String subject, Long size) throws Exception {
        JsonNode record = new S3EventRecords("eu-west-1", "quiver").record(change);
        CloudEvent event = S3EventMapper.mapRecord(record, "store");

        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).hasToString("aws:s3.eu-west-1.photos");
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getTime().toInstant()).isEqualTo(change.time());
        assertThat(record.at("/eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.at("/s3/bucket/arn").asText()).isEqualTo("arn:aws:s3:::photos");
        assertThat(record.at("/s3/object/size").isMissingNode()).isEqualTo(size == null);
        if (size != null) {
            assertThat(record.at("/s3/object/size").asLong()).isEqualTo(size);
        }
    }
}
