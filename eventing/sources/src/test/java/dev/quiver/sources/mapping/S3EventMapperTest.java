package dev.quiver.sources.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class S3EventMapperTest {

    record Expected(String id, String source, String type, String subject, String time) {}

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(
                        "aws put",
                        "aws-put.json",
                        new Expected(
                                "C3D13FE58DE4C810.FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
                                "aws:s3.us-west-2.photos",
                                "com.amazonaws.s3.ObjectCreated:Put",
                                "images/holiday+2024.png",
                                "2024-05-01T12:30:45.123Z")),
                Arguments.of(
                        "aws delete",
                        "aws-delete.json",
                        new Expected(
                                "8B2C1A0E3F4D5E6F.abc123",
                                "aws:s3.eu-central-1.docs",
                                "com.amazonaws.s3.ObjectRemoved:Delete",
                                "old/report.pdf",
                                "2024-05-01T12:31:00Z")),
                Arguments.of(
                        "minio put: s3: prefix dropped, no region, sequencer in the id",
                        "minio-put.json",
                        new Expected(
                                "17D7A5E1F2B3C4D5.17D7A5E1F3A9B8C7",
                                "minio:s3..uploads",
                                "com.amazonaws.s3.ObjectCreated:Put",
                                "cat.jpg",
                                "2024-06-10T08:15:30.456Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mapsAsTheCloudEventsS3AdapterSays(String label, String sample, Expected expected) throws Exception {
        List<CloudEvent> events = S3EventMapper.map(Samples.read(sample));

        assertThat(events).hasSize(1);
        CloudEvent event = events.get(0);
        assertThat(event.getId()).isEqualTo(expected.id());
        assertThat(event.getSource()).hasToString(expected.source());
        assertThat(event.getType()).isEqualTo(expected.type());
        assertThat(event.getSubject()).isEqualTo(expected.subject());
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse(expected.time()));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        var record =
                new ObjectMapper().readTree(Samples.read(sample)).get("Records").get(0);
        assertThat(new ObjectMapper().readTree(event.getData().toBytes())).isEqualTo(record);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "{\"Records\": [".getBytes(StandardCharsets.UTF_8), "body is not JSON"),
                Arguments.of("JSON array", "[]".getBytes(StandardCharsets.UTF_8), "JSON object with a Records array"),
                Arguments.of("no Records", "{}".getBytes(StandardCharsets.UTF_8), "Records must be a non-empty array"),
                Arguments.of(
                        "empty Records",
                        "{\"Records\":[]}".getBytes(StandardCharsets.UTF_8),
                        "Records must be a non-empty array"),
                Arguments.of(
                        "record not an object",
                        "{\"Records\":[1]}".getBytes(StandardCharsets.UTF_8),
                        "Records[0] must be an object"),
                Arguments.of(
                        "no bucket name",
                        Samples.edited("aws-put.json", "\"name\":\"photos\"", "\"nom\":\"photos\""),
                        "Records[0].s3.bucket.name must be a non-empty string"),
                Arguments.of(
                        "no key",
                        Samples.edited("aws-put.json", "\"key\":", "\"clef\":"),
                        "Records[0].s3.object.key must be a non-empty string"),
                Arguments.of(
                        "bad time",
                        Samples.edited("aws-put.json", "2024-05-01T12:30:45.123Z", "yesterday"),
                        "Records[0].eventTime must be an RFC 3339 time, but was 'yesterday'"),
                Arguments.of(
                        "no request id",
                        Samples.edited("aws-put.json", "x-amz-request-id", "x-request"),
                        "Records[0].responseElements.x-amz-request-id must be a non-empty string"),
                Arguments.of(
                        "no event name",
                        Samples.edited("aws-put.json", "\"eventName\"", "\"name\""),
                        "Records[0].eventName must be a non-empty string"),
                Arguments.of(
                        "a COS body", Samples.read("cos-put.json"), "Records[0].eventName must be a non-empty string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedNotificationsWithTheReason(String label, byte[] body, String reason) {
        assertThatThrownBy(() -> S3EventMapper.map(body))
                .isInstanceOf(InvalidNotificationException.class)
                .hasMessageContaining(reason);
    }
}
