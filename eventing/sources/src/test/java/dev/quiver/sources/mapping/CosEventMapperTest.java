package dev.quiver.sources.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CosEventMapperTest {

    record Expected(String id, String source, String type, String subject, long epochSeconds) {}

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(
                        "cos put",
                        "cos-put.json",
                        new Expected(
                                "NWMxOWY4MGFfMjViMjU4NjRfMTUyMV8yNzcwOTM=",
                                "qcs::cos.ap-guangzhou.images",
                                "com.qcloud.cos.ObjectCreated:Put",
                                "photos/cat.png",
                                1714566645L)),
                Arguments.of(
                        "cos delete: reqid as id, time as a string",
                        "cos-delete.json",
                        new Expected(
                                "42",
                                "qcs::cos.ap-shanghai.docs",
                                "com.qcloud.cos.ObjectRemove:Delete",
                                "a.txt",
                                1714566700L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mapsCosRecordsKeepingCosNames(String label, String sample, Expected expected) throws Exception {
        List<CloudEvent> events = CosEventMapper.map(Samples.read(sample));

        assertThat(events).hasSize(1);
        CloudEvent event = events.get(0);
        assertThat(event.getId()).isEqualTo(expected.id());
        assertThat(event.getSource()).hasToString(expected.source());
        assertThat(event.getType()).isEqualTo(expected.type());
        assertThat(event.getSubject()).isEqualTo(expected.subject());
        assertThat(event.getTime())
                .isEqualTo(Instant.ofEpochSecond(expected.epochSeconds()).atOffset(ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(
                        "appid and bucket prefix", "/1250000000/images/a/b.png", "1250000000", "images", "a/b.png"),
                Arguments.of("bucket prefix only", "/images/a.png", null, "images", "a.png"),
                Arguments.of("plain key", "a.png", "1250000000", "images", "a.png"),
                Arguments.of("leading slash", "/other/a.png", "1250000000", "images", "other/a.png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void objectKeyDropsCosPathPrefix(String label, String key, String appId, String bucket, String expected) {
        assertThat(CosEventMapper.objectKey(key, appId, bucket)).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "no cos",
                        Samples.edited("cos-put.json", "\"cos\":{", "\"kos\":{"),
                        "Records[0].cos must be an object"),
                Arguments.of(
                        "no event",
                        Samples.edited("cos-put.json", "\"event\":{", "\"evt\":{"),
                        "Records[0].event must be an object"),
                Arguments.of(
                        "not a cos event name",
                        Samples.edited("cos-put.json", "cos:ObjectCreated:Put", "ObjectCreated"),
                        "eventName must start with 'cos:'"),
                Arguments.of(
                        "no bucket",
                        Samples.edited("cos-put.json", "\"cosBucket\"", "\"bucket\""),
                        "Records[0].cos.cosBucket must be an object"),
                Arguments.of(
                        "bad time",
                        Samples.edited("cos-put.json", "1714566645", "\"soon\""),
                        "Records[0].event.eventTime must be epoch seconds"),
                Arguments.of(
                        "no id",
                        Samples.edited("cos-delete.json", "\"reqid\":42", "\"x\":1"),
                        "neither cos.cosObject.meta.x-cos-request-id nor event.reqid"),
                Arguments.of("an S3 body", Samples.read("aws-put.json"), "Records[0].cos must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedCosNotifications(String label, byte[] body, String reason) {
        assertThatThrownBy(() -> CosEventMapper.map(body))
                .isInstanceOf(InvalidNotificationException.class)
                .hasMessageContaining(reason);
    }
}
