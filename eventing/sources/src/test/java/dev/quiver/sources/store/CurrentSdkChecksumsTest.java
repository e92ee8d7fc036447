package dev.quiver.sources.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.SourcesTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The current AWS SDK v2 (see the pom's awssdk.version) with its default checksum settings: it sends a CRC32 with
 * every upload, in an aws-chunked trailer over http. Each request it sent is recorded to show which variant was tried.
 */
@QuarkusTest
@QuarkusTestResource(SourcesTestResource.class)
class CurrentSdkChecksumsTest {

    @Inject
    ObjectStore store;

    S3Client s3;
    final List<SdkHttpRequest> sent = new ArrayList<>();
    final CapturingBroker broker = SourcesTestResource.broker();

    @BeforeEach
    void client() {
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        sent.add(context.httpRequest());
                    }
                }))
                .build();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void putWithASyncBodyIsVerifiedStoredAnsweredAndPublished() {
        s3.createBucket(b -> b.bucket("sdk-put"));
        byte[] body = "hello, checksums".getBytes(StandardCharsets.UTF_8);

        PutObjectResponse put = s3.putObject(p -> p.bucket("sdk-put").key("a.txt"), RequestBody.fromBytes(body));

        SdkHttpRequest request = last("PUT");
        assertThat(request.firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
        assertThat(request.firstMatchingHeader("x-amz-trailer")).hasValue("x-amz-checksum-crc32");
        assertThat(put.checksumCRC32()).isEqualTo(crc32(body));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("sdk-put").key("a.txt")).asByteArray())
                .isEqualTo(body);
        assertThat(s3.headObject(h -> h.bucket("sdk-put").key("a.txt")).contentEncoding())
                .isNull();
        CloudEvent event =
                await().until(() -> events("sdk-put"), l -> l.size() == 1).get(0);
        assertThat(event.getType()).isEqualTo("com.amazonaws.s3.ObjectCreated:Put");
        assertThat(event.getSubject()).isEqualTo("a.txt");
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .contains("\"size\":" + body.length);
    }

    @Test
    void putWithAStreamOfUnknownLengthSpansManyChunks() {
        s3.createBucket(b -> b.bucket("sdk-stream"));
        byte[] body = random(300_000);

        PutObjectResponse put = s3.putObject(
                p -> p.bucket("sdk-stream").key("stream.bin"),
                RequestBody.fromContentProvider(
                        ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(body)),
                        "application/octet-stream"));

        assertThat(put.checksumCRC32()).isEqualTo(crc32(body));
        assertThat(s3.getObjectAsBytes(g -> g.bucket("sdk-stream").key("stream.bin"))
                        .asByteArray())
                .isEqualTo(body);
        assertThat(await().until(() -> events("sdk-stream"), l -> l.size() == 1)
                        .get(0)
                        .getSubject())
                .isEqualTo("stream.bin");
    }

    @Test
    void eachSupportedAlgorithmIsVerifiedAndAnswered() {
        s3.createBucket(b -> b.bucket("sdk-algorithms"));
        byte[] body = "the same bytes".getBytes(StandardCharsets.UTF_8);
        for (ChecksumAlgorithm algorithm : List.of(
                ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
            PutObjectResponse put = s3.putObject(
                    p -> p.bucket("sdk-algorithms").key(algorithm.toString()).checksumAlgorithm(algorithm),
                    RequestBody.fromBytes(body));
            String answered = switch (algorithm) {
                case CRC32 -> put.checksumCRC32();
                case CRC32_C -> put.checksumCRC32C();
                case SHA1 -> put.checksumSHA1();
                default -> put.checksumSHA256();
            };
            assertThat(answered)
                    .as(algorithm.toString())
                    .isEqualTo(dev.quiver.sources.store.checksum.ChecksumAlgorithm.named(
                                    algorithm.toString().replace("_", ""))
                            .orElseThrow()
                            .newDigest()
                            .base64Of(body));
        }
        assertThat(await().until(() -> events("sdk-algorithms"), l -> l.size() == 4))
                .hasSize(4);
    }

    @Test
    void aWrongChecksumIsBadDigestAndStoresNothingAndPublishesNothing() {
        s3.createBucket(b -> b.bucket("sdk-wrong"));
        s3.putObject(p -> p.bucket("sdk-wrong").key("marker"), RequestBody.fromString("m"));

        assertThatThrownBy(() -> s3.putObject(
                        p -> p.bucket("sdk-wrong").key("bad.txt").checksumCRC32("AAAAAA=="),
                        RequestBody.fromString("not zero")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
                });

        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("sdk-wrong").key("bad.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        await().until(() -> events("sdk-wrong"), l -> l.size() == 1);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(events("sdk-wrong")).extracting(CloudEvent::getSubject).containsExactly("marker");
    }

    @Test
    void multipartUploadWithPartChecksumsIsOneObjectAndOneEvent() {
        s3.createBucket(b -> b.bucket("sdk-multi"));
        byte[] first = random(5 * 1024 * 1024);
        byte[] second = random(1024);
        String upload = s3.createMultipartUpload(c -> c.bucket("sdk-multi").key("big.bin"))
                .uploadId();
        UploadPartResponse one = s3.uploadPart(
                u -> u.bucket("sdk-multi").key("big.bin").uploadId(upload).partNumber(1), RequestBody.fromBytes(first));
        UploadPartResponse two = s3.uploadPart(
                u -> u.bucket("sdk-multi").key("big.bin").uploadId(upload).partNumber(2),
                RequestBody.fromBytes(second));
        assertThat(one.checksumCRC32()).isEqualTo(crc32(first));
        assertThat(two.checksumCRC32()).isEqualTo(crc32(second));
        s3.completeMultipartUpload(c -> c.bucket("sdk-multi")
                .key("big.bin")
                .uploadId(upload)
                .multipartUpload(CompletedMultipartUpload.builder()
                        .parts(
                                CompletedPart.builder()
                                        .partNumber(1)
                                        .eTag(one.eTag())
                                        .checksumCRC32(one.checksumCRC32())
                                        .build(),
                                CompletedPart.builder()
                                        .partNumber(2)
                                        .eTag(two.eTag())
                                        .checksumCRC32(two.checksumCRC32())
                                        .build())
                        .build()));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("sdk-multi").key("big.bin").checksumMode(ChecksumMode.ENABLED))
                        .asByteArray())
                .isEqualTo(expected.toByteArray());
        await().until(() -> events("sdk-multi"), l -> !l.isEmpty());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(events("sdk-multi"))
                .extracting(e -> e.getType() + " " + e.getSubject())
                .containsExactly("com.amazonaws.s3.ObjectCreated:CompleteMultipartUpload big.bin");
    }

    @Test
    void copyIsOneObjectAndOneEvent() {
        s3.createBucket(b -> b.bucket("sdk-copy"));
        s3.putObject(p -> p.bucket("sdk-copy").key("from"), RequestBody.fromString("copied"));
        s3.copyObject(c -> c.sourceBucket("sdk-copy")
                .sourceKey("from")
                .destinationBucket("sdk-copy")
                .destinationKey("to"));

        assertThat(s3.getObjectAsBytes(g -> g.bucket("sdk-copy").key("to").checksumMode(ChecksumMode.ENABLED))
                        .asUtf8String())
                .isEqualTo("copied");
        assertThat(await().until(() -> events("sdk-copy"), l -> l.size() == 2))
                .extracting(e -> e.getType().substring("com.amazonaws.s3.".length()) + " " + e.getSubject())
                .containsExactly("ObjectCreated:Put from", "ObjectCreated:Copy to");
    }

    @Test
    void anOldStyleClientWithoutChecksumsStillWorks() {
        try (S3Client plain = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(
                        software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .build()) {
            plain.createBucket(b -> b.bucket("sdk-plain"));
            PutObjectResponse put =
                    plain.putObject(p -> p.bucket("sdk-plain").key("p"), RequestBody.fromString("plain"));
            assertThat(put.checksumCRC32()).isNull();
            assertThat(plain.getObjectAsBytes(g -> g.bucket("sdk-plain").key("p"))
                            .asUtf8String())
                    .isEqualTo("plain");
        }
    }

    private SdkHttpRequest last(String method) {
        List<SdkHttpRequest> matching =
                sent.stream().filter(r -> r.method().name().equals(method)).toList();
        return matching.get(matching.size() - 1);
    }

    private List<CloudEvent> events(String bucket) {
        return broker.events(e -> e.getSource().toString().endsWith("." + bucket));
    }

    static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder()
                .encodeToString(Arrays.copyOfRange(
                        ByteBuffer.allocate(8).putLong(crc.getValue()).array(), 4, 8));
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
