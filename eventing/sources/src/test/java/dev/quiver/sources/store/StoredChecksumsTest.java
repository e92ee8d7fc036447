package dev.quiver.sources.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sources.store.checksum.ChecksumAlgorithm;
import dev.quiver.sources.testing.SourcesTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Checksums kept with objects and returned as S3 returns them, seen through the current AWS SDK v2: with
 * {@code ChecksumMode.ENABLED} the SDK itself checks the returned checksum against the bytes it reads (a wrong one
 * throws), so each getObject here also proves the stored value right.
 */
@QuarkusTest
@QuarkusTestResource(SourcesTestResource.class)
class StoredChecksumsTest {

    @Inject
    ObjectStore store;

    S3Client s3;

    @BeforeEach
    void client() {
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .build();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.class,
            names = {"CRC32", "CRC32_C", "SHA1", "SHA256", "CRC64_NVME"})
    void aPutObjectsChecksumIsReturnedByHeadAndGetWithChecksumModeOnly(
            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm algorithm) {
        String bucket = "kept-" + algorithm.toString().toLowerCase().replace("_", "");
        s3.createBucket(b -> b.bucket(bucket));
        byte[] body = "kept with the object".getBytes();
        String expected = ours(algorithm).newDigest().base64Of(body);
        s3.putObject(
                p -> p.bucket(bucket).key("o").checksumAlgorithm(algorithm).metadata(Map.of("owner", "me")),
                RequestBody.fromBytes(body));

        HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key("o").checksumMode(ChecksumMode.ENABLED));
        assertThat(value(head, algorithm)).isEqualTo(expected);
        assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(head.metadata()).containsExactly(Map.entry("owner", "me"));
        assertThat(s3.getObjectAsBytes(g -> g.bucket(bucket).key("o").checksumMode(ChecksumMode.ENABLED))
                        .asByteArray())
                .isEqualTo(body);
        HeadObjectResponse plain = s3.headObject(h -> h.bucket(bucket).key("o"));
        assertThat(value(plain, algorithm)).isNull();
        assertThat(plain.metadata()).containsOnlyKeys("owner");
    }

    @Test
    void aCrc32MultipartUploadIsCompositeOfItsPartChecksums() {
        s3.createBucket(b -> b.bucket("multi-crc32"));
        byte[][] parts = {random(5 * 1024 * 1024, 1), random(1000, 2)};
        List<UploadPartResponse> uploaded =
                upload("multi-crc32", software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32, null, parts);

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        uploaded.forEach(u -> raw.writeBytes(Base64.getDecoder().decode(u.checksumCRC32())));
        HeadObjectResponse head =
                s3.headObject(h -> h.bucket("multi-crc32").key("o").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32())
                .isEqualTo(ChecksumAlgorithm.CRC32.newDigest().base64Of(raw.toByteArray()) + "-2");
        assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("multi-crc32").key("o").checksumMode(ChecksumMode.ENABLED))
                        .asByteArray())
                .isEqualTo(concat(parts));
    }

    @Test
    void aCrc64NvmeMultipartUploadHasTheFullObjectChecksum() {
        s3.createBucket(b -> b.bucket("multi-crc64"));
        byte[][] parts = {random(5 * 1024 * 1024, 3), random(5 * 1024 * 1024, 4), random(77, 5)};
        upload("multi-crc64", software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC64_NVME, null, parts);

        HeadObjectResponse head =
                s3.headObject(h -> h.bucket("multi-crc64").key("o").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC64NVME())
                .isEqualTo(ChecksumAlgorithm.CRC64NVME.newDigest().base64Of(concat(parts)));
        assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("multi-crc64").key("o").checksumMode(ChecksumMode.ENABLED))
                        .asByteArray())
                .isEqualTo(concat(parts));
    }

    @Test
    void aCrc32UploadAskedForAsFullObjectHasTheFullObjectChecksum() {
        s3.createBucket(b -> b.bucket("multi-full"));
        byte[][] parts = {random(5 * 1024 * 1024, 6), random(10, 7)};
        upload(
                "multi-full",
                software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32,
                ChecksumType.FULL_OBJECT,
                parts);

        HeadObjectResponse head =
                s3.headObject(h -> h.bucket("multi-full").key("o").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32())
                .isEqualTo(ChecksumAlgorithm.CRC32.newDigest().base64Of(concat(parts)));
        assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    }

    @Test
    void aListedPartChecksumThatIsNotThePartsIsInvalidPartAndCompletesNothing() {
        s3.createBucket(b -> b.bucket("multi-wrong"));
        String upload = s3.createMultipartUpload(c -> c.bucket("multi-wrong")
                        .key("o")
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32))
                .uploadId();
        UploadPartResponse part = s3.uploadPart(
                u -> u.bucket("multi-wrong")
                        .key("o")
                        .uploadId(upload)
                        .partNumber(1)
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32),
                RequestBody.fromString("only part"));

        assertThatThrownBy(() -> s3.completeMultipartUpload(c -> c.bucket("multi-wrong")
                        .key("o")
                        .uploadId(upload)
                        .multipartUpload(m -> m.parts(CompletedPart.builder()
                                .partNumber(1)
                                .eTag(part.eTag())
                                .checksumCRC32("AAAAAA==")
                                .build()))))
                .isInstanceOfSatisfying(
                        S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPart"));
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("multi-wrong").key("o")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aCompletionSignedWithAWrongSecretIsRefusedAndCompletesNothing() {
        s3.createBucket(b -> b.bucket("multi-forged"));
        String upload = s3.createMultipartUpload(c -> c.bucket("multi-forged")
                        .key("o")
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32))
                .uploadId();
        UploadPartResponse part = s3.uploadPart(
                u -> u.bucket("multi-forged")
                        .key("o")
                        .uploadId(upload)
                        .partNumber(1)
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32),
                RequestBody.fromString("only part"));
        try (S3Client forger = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "wrong")))
                .build()) {
            assertThatThrownBy(() -> forger.completeMultipartUpload(c -> c.bucket("multi-forged")
                            .key("o")
                            .uploadId(upload)
                            .multipartUpload(m -> m.parts(CompletedPart.builder()
                                    .partNumber(1)
                                    .eTag(part.eTag())
                                    .checksumCRC32(part.checksumCRC32())
                                    .build()))))
                    .isInstanceOfSatisfying(
                            S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
        }
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("multi-forged").key("o")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aCopyKeepsTheSourcesChecksumWhetherItCopiesOrReplacesTheMetadata() {
        s3.createBucket(b -> b.bucket("copied"));
        s3.putObject(
                p -> p.bucket("copied")
                        .key("from")
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256),
                RequestBody.fromString("copy me"));
        String expected = ChecksumAlgorithm.SHA256.newDigest().base64Of("copy me".getBytes());
        s3.copyObject(c -> c.sourceBucket("copied")
                .sourceKey("from")
                .destinationBucket("copied")
                .destinationKey("a"));
        s3.copyObject(c -> c.sourceBucket("copied")
                .sourceKey("from")
                .destinationBucket("copied")
                .destinationKey("b")
                .metadataDirective(MetadataDirective.REPLACE)
                .metadata(Map.of("new", "yes")));

        for (String key : List.of("a", "b")) {
            HeadObjectResponse head =
                    s3.headObject(h -> h.bucket("copied").key(key).checksumMode(ChecksumMode.ENABLED));
            assertThat(head.checksumSHA256()).as(key).isEqualTo(expected);
            assertThat(s3.getObjectAsBytes(g -> g.bucket("copied").key(key).checksumMode(ChecksumMode.ENABLED))
                            .asUtf8String())
                    .isEqualTo("copy me");
        }
        assertThat(s3.headObject(h -> h.bucket("copied").key("b")).metadata()).containsOnlyKeys("new");
    }

    @Test
    void aCopyAskedForInAnotherAlgorithmGetsTheChecksumInThatAlgorithm() {
        s3.createBucket(b -> b.bucket("recomputed"));
        s3.putObject(
                p -> p.bucket("recomputed")
                        .key("from")
                        .contentType("text/plain")
                        .metadata(Map.of("kept", "yes"))
                        .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256),
                RequestBody.fromString("in crc32c now"));
        s3.copyObject(c -> c.sourceBucket("recomputed")
                .sourceKey("from")
                .destinationBucket("recomputed")
                .destinationKey("to")
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C));

        HeadObjectResponse head =
                s3.headObject(h -> h.bucket("recomputed").key("to").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32C())
                .isEqualTo(ChecksumAlgorithm.CRC32C.newDigest().base64Of("in crc32c now".getBytes()));
        assertThat(head.checksumSHA256()).isNull();
        assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(head.metadata()).containsExactly(Map.entry("kept", "yes"));
        assertThat(head.contentType()).isEqualTo("text/plain");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("recomputed").key("to").checksumMode(ChecksumMode.ENABLED))
                        .asUtf8String())
                .isEqualTo("in crc32c now");
    }

    @Test
    void anObjectOverwrittenWithoutAChecksumHasNoneLeftFromBefore() {
        s3.createBucket(b -> b.bucket("overwritten"));
        s3.putObject(p -> p.bucket("overwritten").key("o"), RequestBody.fromString("with a crc32"));
        try (S3Client plain = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .build()) {
            plain.putObject(p -> p.bucket("overwritten").key("o"), RequestBody.fromString("without"));
        }

        HeadObjectResponse head =
                s3.headObject(h -> h.bucket("overwritten").key("o").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).isNull();
        assertThat(head.checksumType()).isNull();
        assertThat(s3.getObjectAsBytes(g -> g.bucket("overwritten").key("o").checksumMode(ChecksumMode.ENABLED))
                        .asUtf8String())
                .isEqualTo("without");
    }

    @Test
    void userMetadataNamedLikeTheStoresOwnIsRefused() {
        s3.createBucket(b -> b.bucket("reserved"));

        assertThatThrownBy(() -> s3.putObject(
                        p -> p.bucket("reserved").key("o").metadata(Map.of("quiver-checksum", "CRC32 FULL_OBJECT x")),
                        RequestBody.fromString("forged")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
    }

    private List<UploadPartResponse> upload(
            String bucket,
            software.amazon.awssdk.services.s3.model.ChecksumAlgorithm algorithm,
            ChecksumType type,
            byte[]... parts) {
        String upload = s3.createMultipartUpload(c ->
                        c.bucket(bucket).key("o").checksumAlgorithm(algorithm).checksumType(type))
                .uploadId();
        List<UploadPartResponse> uploaded = new java.util.ArrayList<>();
        List<CompletedPart> completed = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            UploadPartResponse part = s3.uploadPart(
                    u -> u.bucket(bucket)
                            .key("o")
                            .uploadId(upload)
                            .partNumber(number)
                            .checksumAlgorithm(algorithm),
                    RequestBody.fromBytes(parts[i]));
            uploaded.add(part);
            completed.add(CompletedPart.builder()
                    .partNumber(number)
                    .eTag(part.eTag())
                    .checksumCRC32(part.checksumCRC32())
                    .checksumCRC64NVME(part.checksumCRC64NVME())
                    .build());
        }
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(
                c -> c.bucket(bucket).key("o").uploadId(upload).multipartUpload(m -> m.parts(completed)));
        HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key("o").checksumMode(ChecksumMode.ENABLED));
        assertThat(done.checksumType()).isEqualTo(head.checksumType());
        assertThat(done.checksumCRC32()).isEqualTo(head.checksumCRC32());
        assertThat(done.checksumCRC64NVME()).isEqualTo(head.checksumCRC64NVME());
        assertThat(done.eTag()).isEqualTo(head.eTag());
        return uploaded;
    }

    private static ChecksumAlgorithm ours(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm algorithm) {
        return ChecksumAlgorithm.named(algorithm.toString().replace("_", "")).orElseThrow();
    }

    private static String value(HeadObjectResponse head, software.amazon.awssdk.services.s3.model.ChecksumAlgorithm a) {
        return switch (a) {
            case CRC32 -> head.checksumCRC32();
            case CRC32_C -> head.checksumCRC32C();
            case SHA1 -> head.checksumSHA1();
            case SHA256 -> head.checksumSHA256();
            default -> head.checksumCRC64NVME();
        };
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
