package dev.quiver.sources.store.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sources.store.checksum.MultipartChecksums.Part;
import dev.quiver.sources.store.checksum.MultipartCompletion.Listed;
import dev.quiver.sources.store.checksum.StoredChecksum.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartCompletionTest {

    static final byte[] ONE = "part one".getBytes(StandardCharsets.UTF_8);
    static final byte[] TWO = "part two".getBytes(StandardCharsets.UTF_8);

    final Map<Integer, Part> crc32Parts =
            Map.of(1, part(1, ChecksumAlgorithm.CRC32, ONE), 2, part(2, ChecksumAlgorithm.CRC32, TWO));

    @Test
    void theListedPartsAreReadWithTheirChecksumsAndGivenToTheStoreWithout() throws S3Error {
        byte[] xml = ("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Part><ETag>\"e1\"</ETag><PartNumber>1</PartNumber><ChecksumCRC64NVME>AAAAAAAAAAA=</ChecksumCRC64NVME></Part>"
                        + "<Part><PartNumber>2</PartNumber><ETag>e2</ETag></Part></CompleteMultipartUpload>")
                .getBytes(StandardCharsets.UTF_8);

        List<Listed> listed = MultipartCompletion.parse(xml);

        assertThat(listed)
                .containsExactly(
                        new Listed(1, "\"e1\"", Optional.of(ChecksumAlgorithm.CRC64NVME), "AAAAAAAAAAA="),
                        new Listed(2, "e2", Optional.empty(), null));
        assertThat(new String(MultipartCompletion.forStore(listed), StandardCharsets.UTF_8))
                .contains("<Part><PartNumber>1</PartNumber><ETag>\"e1\"</ETag></Part>")
                .doesNotContain("Checksum");
    }

    @Test
    void anUploadWithoutAPlanTakesThePartsAlgorithmAndItsDefaultType() throws S3Error {
        Optional<StoredChecksum> sum = MultipartCompletion.decide(
                List.of(listed(1, crc32Parts.get(1)), listed(2, crc32Parts.get(2))),
                crc32Parts,
                Optional.empty(),
                name -> null);

        assertThat(sum).hasValueSatisfying(s -> {
            assertThat(s.algorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
            assertThat(s.type()).isEqualTo(Type.COMPOSITE);
            assertThat(s.value()).endsWith("-2");
        });
    }

    @Test
    void aListedChecksumThatIsNotThePartsIsInvalidPart() {
        assertThatThrownBy(() -> MultipartCompletion.decide(
                        List.of(new Listed(1, "e", Optional.of(ChecksumAlgorithm.CRC32), "AAAAAA==")),
                        crc32Parts,
                        Optional.empty(),
                        name -> null))
                .isInstanceOfSatisfying(S3Error.class, e -> assertThat(e.code()).isEqualTo("InvalidPart"));
    }

    @Test
    void aFullObjectChecksumSentWithTheRequestMustMatch() throws S3Error {
        Optional<StoredChecksum> plan =
                Optional.of(new StoredChecksum(ChecksumAlgorithm.CRC32, Type.FULL_OBJECT, null));
        List<Listed> listed = List.of(listed(1, crc32Parts.get(1)), listed(2, crc32Parts.get(2)));
        String whole =
                ChecksumAlgorithm.CRC32.newDigest().base64Of("part onepart two".getBytes(StandardCharsets.UTF_8));

        assertThat(MultipartCompletion.decide(
                        listed, crc32Parts, plan, name -> name.equals("x-amz-checksum-crc32") ? whole : null))
                .hasValue(new StoredChecksum(ChecksumAlgorithm.CRC32, Type.FULL_OBJECT, whole));
        assertThatThrownBy(() -> MultipartCompletion.decide(
                        listed, crc32Parts, plan, name -> name.equals("x-amz-checksum-crc32") ? "AAAAAA==" : null))
                .isInstanceOfSatisfying(S3Error.class, e -> assertThat(e.code()).isEqualTo("BadDigest"));
    }

    @Test
    void aPartSentWithoutAChecksumLeavesTheObjectWithout() throws S3Error {
        assertThat(MultipartCompletion.decide(
                        List.of(listed(1, crc32Parts.get(1)), new Listed(3, "e3", Optional.empty(), null)),
                        crc32Parts,
                        Optional.empty(),
                        name -> null))
                .isEmpty();
    }

    @Test
    void partChecksumsOutliveTheStoreAndTheLastUploadOfAPartCounts(@TempDir Path dir) {
        new PartSums(dir).record("u-1", part(1, ChecksumAlgorithm.CRC32, ONE));
        new PartSums(dir).record("u-1", part(1, ChecksumAlgorithm.CRC32, TWO));
        new PartSums(dir).complete("u-1", new StoredChecksum(ChecksumAlgorithm.CRC32, Type.COMPOSITE, "x-1"));

        PartSums reopened = new PartSums(dir);
        assertThat(reopened.parts("u-1")).containsExactly(Map.entry(1, part(1, ChecksumAlgorithm.CRC32, TWO)));
        assertThat(reopened.completed("u-1"))
                .hasValue(new StoredChecksum(ChecksumAlgorithm.CRC32, Type.COMPOSITE, "x-1"));
        reopened.remove("u-1");
        assertThat(reopened.parts("u-1")).isEmpty();
        assertThatThrownBy(() -> reopened.parts("../outside")).isInstanceOf(IllegalArgumentException.class);
    }

    static Part part(int number, ChecksumAlgorithm algorithm, byte[] bytes) {
        return new Part(number, algorithm, algorithm.newDigest().base64Of(bytes), bytes.length);
    }

    static Listed listed(int number, Part part) {
        return new Listed(number, "e" + number, Optional.of(part.algorithm()), part.value());
    }
}
