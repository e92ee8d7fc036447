package dev.quiver.sources.store.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sources.store.checksum.UploadPlan.Framing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UploadPlanTest {

    private static final String HEX = "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4";

    static List<Arguments> plans() {
        return List.of(
                Arguments.of(
                        "an old client: untouched",
                        Map.of("x-amz-content-sha256", HEX),
                        new UploadPlan(false, Optional.empty(), null, Framing.PLAIN)),
                Arguments.of(
                        "old signed chunks: s3proxy decodes them",
                        Map.of("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                        new UploadPlan(false, Optional.empty(), null, Framing.PLAIN)),
                Arguments.of(
                        "the AWS CLI over http: a header",
                        Map.of(
                                "x-amz-content-sha256",
                                HEX,
                                "x-amz-sdk-checksum-algorithm",
                                "CRC32",
                                "x-amz-checksum-crc32",
                                "7W96eg=="),
                        new UploadPlan(true, Optional.of(ChecksumAlgorithm.CRC32), "7W96eg==", Framing.PLAIN)),
                Arguments.of(
                        "the SDK over http: signed chunks and a trailer",
                        Map.of(
                                "x-amz-content-sha256",
                                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                                "x-amz-trailer",
                                "x-amz-checksum-crc32"),
                        new UploadPlan(true, Optional.of(ChecksumAlgorithm.CRC32), null, Framing.SIGNED_CHUNKS)),
                Arguments.of(
                        "clients over https: unsigned chunks and a trailer",
                        Map.of(
                                "x-amz-content-sha256",
                                "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                                "x-amz-trailer",
                                "x-amz-checksum-crc64nvme"),
                        new UploadPlan(true, Optional.of(ChecksumAlgorithm.CRC64NVME), null, Framing.UNSIGNED_CHUNKS)),
                Arguments.of(
                        "signed chunks with a checksum header",
                        Map.of(
                                "x-amz-content-sha256",
                                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                                "x-amz-checksum-sha256",
                                "x"),
                        new UploadPlan(true, Optional.of(ChecksumAlgorithm.SHA256), "x", Framing.SIGNED_CHUNKS)),
                Arguments.of(
                        "a GET asking for the checksum",
                        Map.of("x-amz-checksum-mode", "ENABLED"),
                        new UploadPlan(true, Optional.empty(), null, Framing.PLAIN)),
                Arguments.of(
                        "a multipart upload naming its algorithm",
                        Map.of("x-amz-checksum-algorithm", "CRC32", "x-amz-checksum-type", "COMPOSITE"),
                        new UploadPlan(true, Optional.empty(), null, Framing.PLAIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plan(String label, Map<String, String> headers, UploadPlan expected) throws S3Error {
        assertThat(UploadPlan.of(headers.keySet(), headers::get)).isEqualTo(expected);
    }

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of(
                        "two checksums",
                        Map.of("x-amz-checksum-crc32", "a", "x-amz-checksum-sha1", "b"),
                        "InvalidRequest",
                        "Expecting a single x-amz-checksum- header"),
                Arguments.of(
                        "an unknown algorithm",
                        Map.of("x-amz-checksum-md4", "a"),
                        "InvalidRequest",
                        "Unsupported checksum header x-amz-checksum-md4"),
                Arguments.of(
                        "an unknown trailer",
                        Map.of(
                                "x-amz-content-sha256",
                                "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                                "x-amz-trailer",
                                "x-amz-meta-a"),
                        "InvalidRequest",
                        "x-amz-meta-a is not a supported checksum"),
                Arguments.of(
                        "a trailer without chunks",
                        Map.of("x-amz-trailer", "x-amz-checksum-crc32"),
                        "InvalidRequest",
                        "needs an aws-chunked body"),
                Arguments.of(
                        "an unknown SDK algorithm",
                        Map.of("x-amz-sdk-checksum-algorithm", "MD5"),
                        "InvalidRequest",
                        "x-amz-sdk-checksum-algorithm header is invalid: MD5"),
                Arguments.of(
                        "Signature Version 4A chunks",
                        Map.of("x-amz-content-sha256", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD"),
                        "NotImplemented",
                        "Signature Version 4A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refused(String label, Map<String, String> headers, String code, String message) {
        assertThatThrownBy(() -> UploadPlan.of(headers.keySet(), headers::get))
                .isInstanceOfSatisfying(S3Error.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
