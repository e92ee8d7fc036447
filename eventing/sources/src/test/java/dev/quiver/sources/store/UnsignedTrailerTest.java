package dev.quiver.sources.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.S3Clients;
import dev.quiver.sources.testing.SourcesTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}, what the AWS CLI and SDKs send over https (a TLS proxy in front of the
 * store): signed by the SDK's own signer, sent over real HTTP; the same with a wrong trailer value is BadDigest.
 */
@QuarkusTest
@QuarkusTestResource(SourcesTestResource.class)
class UnsignedTrailerTest {

    @Inject
    ObjectStore store;

    S3Client s3;
    SdkHttpClient http;
    final CapturingBroker broker = SourcesTestResource.broker();

    @BeforeEach
    void clients() {
        s3 = S3Clients.of(store.port(), "quiver", "quiver-secret");
        http = UrlConnectionHttpClient.create();
    }

    @AfterEach
    void close() {
        s3.close();
        http.close();
    }

    @Test
    void anUnsignedChunkedBodyWithACrc32TrailerIsStoredAndPublished() throws Exception {
        String bucket = "unsigned-put";
        s3.createBucket(b -> b.bucket(bucket));
        SignedRequest signed = sign(bucket, "t.txt", "hello trailer");
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256"))
                .hasValue("STREAMING-UNSIGNED-PAYLOAD-TRAILER");

        HttpExecuteResponse response = send(signed.request(), bytes(signed));

        assertThat(response.httpResponse().statusCode()).as(body(response)).isEqualTo(200);
        assertThat(response.httpResponse().firstMatchingHeader("x-amz-checksum-crc32"))
                .hasValue(CurrentSdkChecksumsTest.crc32("hello trailer".getBytes(StandardCharsets.UTF_8)));
        assertThat(s3.getObjectAsBytes(g -> g.bucket(bucket).key("t.txt")).asUtf8String())
                .isEqualTo("hello trailer");
        assertThat(await().until(() -> events(bucket), l -> l.size() == 1)
                        .get(0)
                        .getSubject())
                .isEqualTo("t.txt");
    }

    @Test
    void aWrongTrailerIsBadDigestAndStoresAndPublishesNothing() throws Exception {
        String bucket = "unsigned-bad";
        s3.createBucket(b -> b.bucket(bucket));
        SignedRequest signed = sign(bucket, "bad.txt", "hello trailer");
        String body = new String(bytes(signed), StandardCharsets.ISO_8859_1);
        String right = CurrentSdkChecksumsTest.crc32("hello trailer".getBytes(StandardCharsets.UTF_8));
        assertThat(body).contains("x-amz-checksum-crc32:" + right);

        HttpExecuteResponse response =
                send(signed.request(), body.replace(right, "AAAAAA==").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(response.httpResponse().statusCode()).isEqualTo(400);
        assertThat(body(response)).contains("<Code>BadDigest</Code>");
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket(bucket).key("bad.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(events(bucket)).isEmpty();
    }

    private SignedRequest sign(String bucket, String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                // the SDK signs payloads over http whatever it is told: sign for https, send over http
                .uri(URI.create("https://127.0.0.1:" + store.port() + "/" + bucket + "/" + key))
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .build();
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("quiver", "quiver-secret"))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
                        .putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32));
    }

    private static byte[] bytes(SignedRequest signed) throws IOException {
        try (InputStream in = signed.payload().orElseThrow().newStream()) {
            return in.readAllBytes();
        }
    }

    private HttpExecuteResponse send(SdkHttpRequest request, byte[] body) throws IOException {
        SdkHttpRequest sized = request.toBuilder()
                .protocol("http")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        return http.prepareRequest(HttpExecuteRequest.builder()
                        .request(sized)
                        .contentStreamProvider(ContentStreamProvider.fromByteArray(body))
                        .build())
                .call();
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        return response.responseBody().isPresent()
                ? new String(response.responseBody().get().readAllBytes(), StandardCharsets.UTF_8)
                : "";
    }

    private List<CloudEvent> events(String bucket) {
        return broker.events(e -> e.getSource().toString().endsWith("." + bucket));
    }
}
