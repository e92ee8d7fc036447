package dev.quiver.sources.store.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AwsChunkedTest {

    @ParameterizedTest(name = "trailer {0}")
    @MethodSource("trailerOrNot")
    void theDocumentedSignedBodyDecodes(boolean trailer) throws Exception {
        SigV4.Seed seed = DocExamples.SIGV4.verify(DocExamples.chunkedPut(trailer), DocExamples.NOW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChecksumAlgorithm.Digest crc32c = ChecksumAlgorithm.CRC32C.newDigest();

        Map<String, String> trailers =
                AwsChunked.decode(new ByteArrayInputStream(DocExamples.chunkedBody(trailer)), out, crc32c, seed);

        assertThat(out.toByteArray()).isEqualTo("a".repeat(66560).getBytes(StandardCharsets.US_ASCII));
        assertThat(trailers).isEqualTo(trailer ? Map.of("x-amz-checksum-crc32c", "sOO8/Q==") : Map.of());
        assertThat(crc32c.base64()).isEqualTo("sOO8/Q==");
    }

    static List<Boolean> trailerOrNot() {
        return List.of(false, true);
    }

    static List<Arguments> tampered() {
        byte[] body = DocExamples.chunkedBody(true);
        byte[] flippedData = body.clone();
        flippedData[60_000] ^= 1;
        byte[] otherTrailer = new String(body, StandardCharsets.ISO_8859_1)
                .replace("sOO8/Q==", "AAAAAA==")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] noLastChunk = Arrays.copyOf(body, 65536 + 90);
        return List.of(
                Arguments.of("a data byte flipped", flippedData, "SignatureDoesNotMatch"),
                Arguments.of("the trailer changed", otherTrailer, "SignatureDoesNotMatch"),
                Arguments.of("cut before the last chunk", noLastChunk, "IncompleteBody"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void aTamperedSignedBodyIsRefused(String label, byte[] body, String code) throws Exception {
        SigV4.Seed seed = DocExamples.SIGV4.verify(DocExamples.chunkedPut(true), DocExamples.NOW);
        assertThatThrownBy(() ->
                        AwsChunked.decode(new ByteArrayInputStream(body), new ByteArrayOutputStream(), null, seed))
                .isInstanceOfSatisfying(S3Error.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void anUnsignedBodyWithATrailerDecodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> trailers = AwsChunked.decode(
                new ByteArrayInputStream(
                        "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                out,
                null,
                null);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
        assertThat(trailers).containsExactly(Map.entry("x-amz-checksum-crc32", "NSRBwg=="));
    }

    @Test
    void aChunkHeaderThatIsNotHexIsIncompleteBody() {
        assertThatThrownBy(() -> AwsChunked.decode(
                        new ByteArrayInputStream("xyz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                        new ByteArrayOutputStream(),
                        null,
                        null))
                .isInstanceOfSatisfying(S3Error.class, e -> {
                    assertThat(e.code()).isEqualTo("IncompleteBody");
                    assertThat(e.getMessage()).contains("xyz");
                });
    }
}
