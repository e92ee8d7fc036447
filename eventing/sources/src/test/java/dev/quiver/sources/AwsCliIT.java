package dev.quiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.sources.testing.AwsCli;
import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.SourcesProcess;
import io.cloudevents.CloudEvent;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI with its default settings (it sends {@code x-amz-checksum-crc32} with every upload) against the
 * packaged store: small and multipart uploads are stored and published, a wrong checksum is BadDigest and leaves
 * nothing behind, and {@code head-object --checksum-mode ENABLED} shows the checksums kept (the CLI's downloads ask
 * for them too and check them).
 */
class AwsCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void cpSmallAndMultipartAndAWrongChecksumWithTheCliDefaults() throws Exception {
        try (CapturingBroker broker = new CapturingBroker();
                SourcesProcess store = SourcesProcess.start(tmp.resolve("objects"), broker.url())
                        .awaitReady()) {
            AwsCli aws = AwsCli.forStore(tmp.resolve("aws"), store.s3Port);
            aws.configure("default.s3.multipart_threshold", "5MB");
            aws.configure("default.s3.multipart_chunksize", "5MB");
            Path work = Files.createDirectories(tmp.resolve("work"));
            Files.writeString(work.resolve("small.txt"), "a small file\n");
            byte[] big = new byte[11 * 1024 * 1024 + 17];
            new Random(7).nextBytes(big);
            Files.write(work.resolve("big.bin"), big);

            assertOk(aws.run(work, "s3", "mb", "s3://cli"), aws);
            assertOk(aws.run(work, "s3", "cp", "small.txt", "s3://cli/docs/small.txt"), aws);
            assertOk(aws.run(work, "s3", "cp", "big.bin", "s3://cli/big.bin"), aws);

            AwsCli.Result wrong = aws.run(
                    work,
                    "s3api",
                    "put-object",
                    "--bucket",
                    "cli",
                    "--key",
                    "wrong.txt",
                    "--body",
                    "small.txt",
                    "--checksum-crc32",
                    "AAAAAA==");
            assertThat(wrong.exit()).as(wrong.output()).isNotZero();
            assertThat(wrong.output()).contains("BadDigest");

            assertOk(aws.run(work, "s3", "cp", "s3://cli/docs/small.txt", "back.txt"), aws);
            assertThat(Files.readString(work.resolve("back.txt"))).isEqualTo("a small file\n");
            assertOk(aws.run(work, "s3", "cp", "s3://cli/big.bin", "big-back.bin"), aws);
            assertThat(Files.readAllBytes(work.resolve("big-back.bin"))).isEqualTo(big);
            // the checksums the CLI sent are kept: a whole object's CRC32, and the multipart upload's from its parts
            JsonNode small = JSON.readTree(headWithChecksums(aws, work, "docs/small.txt"));
            assertThat(small.path("ChecksumCRC32").asText()).isEqualTo(crc32("a small file\n".getBytes()));
            assertThat(small.path("ChecksumType").asText()).isEqualTo("FULL_OBJECT");
            JsonNode multipart = JSON.readTree(headWithChecksums(aws, work, "big.bin"));
            String multipartSum = multipart.path("ChecksumCRC32").asText();
            if (multipart.path("ChecksumType").asText().equals("FULL_OBJECT")) {
                assertThat(multipartSum).isEqualTo(crc32(big));
            } else {
                assertThat(multipartSum).as(multipart.toString()).matches("[A-Za-z0-9+/]{6}==-3");
            }
            assertThat(multipart.path("ChecksumType").asText()).isIn("COMPOSITE", "FULL_OBJECT");
            assertThat(JSON.readTree(aws.run(work, "s3api", "head-object", "--bucket", "cli", "--key", "big.bin")
                                    .output())
                            .has("ChecksumCRC32"))
                    .isFalse();

            AwsCli.Result head = aws.run(work, "s3api", "head-object", "--bucket", "cli", "--key", "wrong.txt");
            assertThat(head.exit()).as(head.output()).isNotZero();
            assertThat(head.output()).contains("404");

            // at-least-once: a direct POST that timed out on a loaded machine comes again from the outbox, same id
            List<CloudEvent> events = await().until(broker::distinctEvents, l -> l.size() >= 2);
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            assertThat(broker.distinctEvents())
                    .extracting(e -> e.getType() + " " + e.getSubject())
                    .containsExactly(
                            "com.amazonaws.s3.ObjectCreated:Put docs/small.txt",
                            "com.amazonaws.s3.ObjectCreated:CompleteMultipartUpload big.bin");
            assertThat(JSON.readTree(events.get(1).getData().toBytes())
                            .at("/s3/object/size")
                            .asLong())
                    .isEqualTo(big.length);
        }
    }

    private static String headWithChecksums(AwsCli aws, Path work, String key) throws Exception {
        AwsCli.Result head =
                aws.run(work, "s3api", "head-object", "--bucket", "cli", "--key", key, "--checksum-mode", "ENABLED");
        assertOk(head, aws);
        return head.output();
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder()
                .encodeToString(
                        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void assertOk(AwsCli.Result result, AwsCli aws) throws Exception {
        assertThat(result.exit()).as("%s: %s", aws.version(), result.output()).isZero();
        assertThat(result.output()).doesNotContain("NotImplemented");
    }
}
