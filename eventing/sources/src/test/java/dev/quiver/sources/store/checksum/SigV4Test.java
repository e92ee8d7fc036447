package dev.quiver.sources.store.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SigV4Test {

    static List<Arguments> documentedSeeds() {
        return List.of(
                Arguments.of(
                        "GET with a Range header",
                        DocExamples.getObject(),
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
                Arguments.of(
                        "streaming PUT",
                        DocExamples.chunkedPut(false),
                        "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"),
                Arguments.of(
                        "streaming PUT with a trailer",
                        DocExamples.chunkedPut(true),
                        "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedSeeds")
    void theDocumentedSignatureIsAccepted(String label, SigV4.SignedRequest request, String signature) throws S3Error {
        assertThat(DocExamples.SIGV4.verify(request, DocExamples.NOW).signature())
                .isEqualTo(signature);
    }

    @Test
    void theDocumentedChunkSignaturesChainFromTheSeed() throws S3Error {
        SigV4.Seed seed = DocExamples.SIGV4.verify(DocExamples.chunkedPut(false), DocExamples.NOW);
        String first = seed.chunkSignature(seed.signature(), sha256("a".repeat(65536)));
        String second = seed.chunkSignature(first, sha256("a".repeat(1024)));
        assertThat(List.of(first, second, seed.chunkSignature(second, sha256(""))))
                .isEqualTo(DocExamples.CHUNK_SIGNATURES);
    }

    static List<Arguments> refusals() {
        return List.of(
                Arguments.of(
                        "another secret",
                        new SigV4(DocExamples.ACCESS_KEY, "other"),
                        Duration.ZERO,
                        Map.of(),
                        "SignatureDoesNotMatch"),
                Arguments.of(
                        "another access key",
                        new SigV4("AKIDOTHER", DocExamples.SECRET_KEY),
                        Duration.ZERO,
                        Map.of(),
                        "InvalidAccessKeyId"),
                Arguments.of(
                        "16 minutes late", DocExamples.SIGV4, Duration.ofMinutes(16), Map.of(), "RequestTimeTooSkewed"),
                Arguments.of(
                        "a signed header changed",
                        DocExamples.SIGV4,
                        Duration.ZERO,
                        Map.of("range", "bytes=0-10"),
                        "SignatureDoesNotMatch"),
                Arguments.of(
                        "no Authorization header",
                        DocExamples.SIGV4,
                        Duration.ZERO,
                        Map.of("authorization", ""),
                        "AccessDenied"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refused(String label, SigV4 sigv4, Duration late, Map<String, String> changed, String code) {
        SigV4.SignedRequest doc = DocExamples.getObject();
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("authorization", "host", "range", "x-amz-content-sha256", "x-amz-date")) {
            headers.put(name, doc.first(name));
        }
        headers.putAll(changed);
        headers.values().removeIf(String::isEmpty);
        assertThatThrownBy(() ->
                        sigv4.verify(DocExamples.request("GET", headers, "/test.txt"), DocExamples.NOW.plus(late)))
                .isInstanceOfSatisfying(S3Error.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    static List<Arguments> queries() {
        return List.of(
                Arguments.of("none", null, ""),
                Arguments.of("sorted by name", "uploadId=abc&partNumber=2", "partNumber=2&uploadId=abc"),
                Arguments.of("a flag without a value", "uploads", "uploads="),
                Arguments.of("re-encoded as RFC 3986", "prefix=a%2Fb&delimiter=/", "delimiter=%2F&prefix=a%2Fb"),
                Arguments.of("a space", "prefix=my%20cat", "prefix=my%20cat"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void canonicalQuery(String label, String raw, String canonical) {
        assertThat(SigV4.canonicalQuery(raw)).isEqualTo(canonical);
    }

    static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
