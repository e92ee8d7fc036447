package dev.quiver.sources.store.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sources.store.checksum.MultipartChecksums.Part;
import dev.quiver.sources.store.checksum.StoredChecksum.Type;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MultipartChecksumsTest {

    @ParameterizedTest
    @CsvSource({
        "CRC32, 1, 0",
        "CRC32, 3, 1000",
        "CRC32C, 2, 5",
        "CRC32C, 4, 65537",
        "CRC64NVME, 1, 0",
        "CRC64NVME, 3, 1",
        "CRC64NVME, 5, 100003",
    })
    void aFullObjectChecksumCombinedFromThePartsIsTheChecksumOfAllTheBytes(
            ChecksumAlgorithm algorithm, int count, int size) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Part> parts = new ArrayList<>();
        Random random = new Random(count * 31L + size);
        for (int i = 1; i <= count; i++) {
            byte[] bytes = new byte[size + i * 7];
            random.nextBytes(bytes);
            all.writeBytes(bytes);
            parts.add(new Part(i, algorithm, algorithm.newDigest().base64Of(bytes), bytes.length));
        }

        StoredChecksum sum = MultipartChecksums.combine(algorithm, Type.FULL_OBJECT, parts);

        assertThat(sum.value()).isEqualTo(algorithm.newDigest().base64Of(all.toByteArray()));
        assertThat(sum.type()).isEqualTo(Type.FULL_OBJECT);
    }

    @ParameterizedTest
    @EnumSource(
            value = ChecksumAlgorithm.class,
            names = {"CRC32", "CRC32C", "SHA1", "SHA256"})
    void aCompositeChecksumIsTheChecksumOfThePartChecksumsWithThePartCount(ChecksumAlgorithm algorithm) {
        byte[] one = "first part".getBytes();
        byte[] two = "second part".getBytes();
        String sumOne = algorithm.newDigest().base64Of(one);
        String sumTwo = algorithm.newDigest().base64Of(two);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(Base64.getDecoder().decode(sumOne));
        raw.writeBytes(Base64.getDecoder().decode(sumTwo));

        StoredChecksum sum = MultipartChecksums.combine(
                algorithm,
                Type.COMPOSITE,
                List.of(new Part(1, algorithm, sumOne, one.length), new Part(2, algorithm, sumTwo, two.length)));

        assertThat(sum.value()).isEqualTo(algorithm.newDigest().base64Of(raw.toByteArray()) + "-2");
    }

    @ParameterizedTest
    @CsvSource({
        "CRC32, , COMPOSITE",
        "CRC32, FULL_OBJECT, FULL_OBJECT",
        "CRC32C, COMPOSITE, COMPOSITE",
        "CRC64NVME, , FULL_OBJECT",
        "SHA256, , COMPOSITE",
    })
    void theTypeIsTheOneAskedForOrTheAlgorithmsDefault(ChecksumAlgorithm algorithm, Type asked, Type expected)
            throws S3Error {
        assertThat(MultipartChecksums.type(algorithm, asked)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CRC64NVME, COMPOSITE", "SHA1, FULL_OBJECT", "SHA256, FULL_OBJECT"})
    void aTypeTheAlgorithmDoesNotHaveIsInvalidRequest(ChecksumAlgorithm algorithm, Type asked) {
        assertThatThrownBy(() -> MultipartChecksums.type(algorithm, asked))
                .isInstanceOfSatisfying(S3Error.class, e -> assertThat(e.code()).isEqualTo("InvalidRequest"))
                .hasMessageContaining(algorithm.name());
    }
}
