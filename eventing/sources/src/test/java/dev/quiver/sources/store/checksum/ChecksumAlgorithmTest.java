package dev.quiver.sources.store.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChecksumAlgorithmTest {

    /** The catalogue check values ("123456789") of each CRC and the SHA digests, base64 as S3 writes them. */
    static List<Arguments> values() {
        return List.of(
                Arguments.of("CRC32 check value CBF43926", ChecksumAlgorithm.CRC32, "123456789", "y/Q5Jg=="),
                Arguments.of("CRC32C check value E3069283", ChecksumAlgorithm.CRC32C, "123456789", "4waSgw=="),
                Arguments.of(
                        "CRC64NVME check value AE8B14860A799888",
                        ChecksumAlgorithm.CRC64NVME,
                        "123456789",
                        "rosUhgp5mIg="),
                Arguments.of("SHA1", ChecksumAlgorithm.SHA1, "123456789", "98O8HYCOBHMq32eZZczDTKeuNEE="),
                Arguments.of(
                        "SHA256",
                        ChecksumAlgorithm.SHA256,
                        "123456789",
                        "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU="),
                Arguments.of("CRC32 of nothing", ChecksumAlgorithm.CRC32, "", "AAAAAA=="),
                Arguments.of("CRC64NVME of nothing", ChecksumAlgorithm.CRC64NVME, "", "AAAAAAAAAAA="),
                Arguments.of(
                        "SHA256 of nothing",
                        ChecksumAlgorithm.SHA256,
                        "",
                        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void value(String label, ChecksumAlgorithm algorithm, String input, String base64) {
        assertThat(algorithm.newDigest().base64Of(input.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(base64);
    }

    @Test
    void valuesFedInPiecesEqualTheWhole() {
        byte[] bytes = "123456789".getBytes(StandardCharsets.US_ASCII);
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            ChecksumAlgorithm.Digest digest = algorithm.newDigest();
            digest.update(bytes, 0, 4);
            digest.update(bytes, 4, 5);
            assertThat(digest.base64())
                    .as(algorithm.name())
                    .isEqualTo(algorithm.newDigest().base64Of(bytes));
        }
    }

    @Test
    void namesAndHeadersAsS3WritesThem() {
        assertThat(ChecksumAlgorithm.named("crc32c")).contains(ChecksumAlgorithm.CRC32C);
        assertThat(ChecksumAlgorithm.ofHeader("X-Amz-Checksum-Crc64nvme")).contains(ChecksumAlgorithm.CRC64NVME);
        assertThat(ChecksumAlgorithm.ofHeader("x-amz-checksum-mode")).isEmpty();
        assertThat(ChecksumAlgorithm.SHA256.header()).isEqualTo("x-amz-checksum-sha256");
    }
}
