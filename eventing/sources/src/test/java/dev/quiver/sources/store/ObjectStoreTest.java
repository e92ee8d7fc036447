package dev.quiver.sources.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.sources.publish.Publisher;
import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.S3Clients;
import dev.quiver.sources.testing.SourcesTestResource;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The embedded store through the AWS SDK v2 S3 client, and the CloudEvent each change produces. */
@QuarkusTest
@QuarkusTestResource(SourcesTestResource.class)
class ObjectStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ObjectStore store;

    @Inject
    Publisher publisher;

    S3Client s3;
    CapturingBroker broker = SourcesTestResource.broker();

    @BeforeEach
    void client() {
        s3 = S3Clients.of(store.port(), "quiver", "quiver-secret");
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quiver.sources.data-dir")
    String dataDir;

    @Test
    void theSecretFilesInTheDataDirectoryAreNoBuckets() throws Exception {
        for (String name : java.util.List.of("s3-credentials", "webhook-token")) {
            java.nio.file.Path f = java.nio.file.Path.of(dataDir, name);
            if (!java.nio.file.Files.exists(f)) {
                java.nio.file.Files.writeString(f, "x=y\n");
            }
        }
        s3.createBucket(b -> b.bucket("beside-secrets"));
        assertThat(s3.listBuckets().buckets())
                .extracting(b -> b.name())
                .contains("beside-secrets")
                .doesNotContain("s3-credentials", "webhook-token");
    }

    @Test
    void theOutboxDirectoryIsNoBucket() {
        assertThat(java.nio.file.Path.of(dataDir, ".outbox")).isDirectory();
        s3.createBucket(b -> b.bucket("beside-the-outbox"));
        assertThat(s3.listBuckets().buckets())
                .extracting(b -> b.name())
                .contains("beside-the-outbox")
                .doesNotContain(".outbox");
        for (ThrowingCallable touch : List.<ThrowingCallable>of(
                () -> s3.getObject(g -> g.bucket(".outbox").key("acked")),
                () -> s3.putObject(p -> p.bucket(".outbox").key("acked"), RequestBody.fromString("0 0")),
                () -> s3.deleteObject(d -> d.bucket(".outbox").key("acked")),
                () -> s3.listObjectsV2(l -> l.bucket(".outbox")))) {
            assertThatThrownBy(touch)
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
        assertThat(java.nio.file.Path.of(dataDir, ".outbox", "acked")).exists();
    }

    @Test
    void createPutGetHeadListDeleteWithTheAwsSdk() {
        s3.createBucket(b -> b.bucket("crud"));
        s3.putObject(
                p -> p.bucket("crud").key("docs/a.txt").contentType("text/plain"), RequestBody.fromString("hello"));
        s3.putObject(p -> p.bucket("crud").key("docs/b.txt"), RequestBody.fromString("world!"));
        s3.putObject(p -> p.bucket("crud").key("other.txt"), RequestBody.fromString("x"));

        assertThat(s3.getObjectAsBytes(g -> g.bucket("crud").key("docs/a.txt")).asUtf8String())
                .isEqualTo("hello");
        HeadObjectResponse head = s3.headObject(h -> h.bucket("crud").key("docs/b.txt"));
        assertThat(head.contentLength()).isEqualTo(6);
        ListObjectsV2Response list = s3.listObjectsV2(l -> l.bucket("crud").prefix("docs/"));
        assertThat(list.contents()).extracting(S3Object::key).containsExactly("docs/a.txt", "docs/b.txt");
        assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals("crud"));

        s3.deleteObject(d -> d.bucket("crud").key("docs/a.txt"));
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("crud").key("docs/a.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.listObjectsV2(l -> l.bucket("crud")).contents())
                .extracting(S3Object::key)
                .containsExactly("docs/b.txt", "other.txt");
    }

    @Test
    void putAndDeleteEachPublishTheS3AdapterCloudEvent() throws Exception {
        s3.createBucket(b -> b.bucket("events"));
        s3.putObject(p -> p.bucket("events").key("images/my cat.png"), RequestBody.fromString("12345"));
        s3.deleteObject(d -> d.bucket("events").key("images/my cat.png"));

        List<CloudEvent> events = await().until(() -> forBucket("events"), l -> l.size() == 2);
        CloudEvent created = events.get(0);
        assertThat(created.getType()).isEqualTo("com.amazonaws.s3.ObjectCreated:Put");
        assertThat(created.getSource()).hasToString("aws:s3.us-east-1.events");
        assertThat(created.getSubject()).isEqualTo("images/my+cat.png");
        assertThat(created.getDataContentType()).isEqualTo("application/json");
        assertThat(created.getTime()).isNotNull();
        assertThat(created.getId()).matches("[0-9A-F]{16}\\.[0-9a-f]+");
        JsonNode record = JSON.readTree(created.getData().toBytes());
        assertThat(record.at("/eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.at("/s3/bucket/name").asText()).isEqualTo("events");
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(5);
        assertThat(record.at("/s3/object/eTag").asText()).isEqualTo("827ccb0eea8a706c4c34a16891f84e7b");

        CloudEvent removed = events.get(1);
        assertThat(removed.getType()).isEqualTo("com.amazonaws.s3.ObjectRemoved:Delete");
        assertThat(removed.getSubject()).isEqualTo("images/my+cat.png");
        assertThat(removed.getId()).isNotEqualTo(created.getId());
    }

    @Test
    void completedMultipartUploadIsOneObjectAndOneEvent() {
        s3.createBucket(b -> b.bucket("multi"));
        String upload =
                s3.createMultipartUpload(c -> c.bucket("multi").key("big.bin")).uploadId();
        byte[] first = filled(5 * 1024 * 1024, (byte) 'a');
        byte[] second = filled(1024, (byte) 'b');
        List<CompletedPart> parts = new ArrayList<>();
        parts.add(CompletedPart.builder()
                .partNumber(1)
                .eTag(s3.uploadPart(
                                u -> u.bucket("multi")
                                        .key("big.bin")
                                        .uploadId(upload)
                                        .partNumber(1),
                                RequestBody.fromBytes(first))
                        .eTag())
                .build());
        parts.add(CompletedPart.builder()
                .partNumber(2)
                .eTag(s3.uploadPart(
                                u -> u.bucket("multi")
                                        .key("big.bin")
                                        .uploadId(upload)
                                        .partNumber(2),
                                RequestBody.fromBytes(second))
                        .eTag())
                .build());
        s3.completeMultipartUpload(c -> c.bucket("multi")
                .key("big.bin")
                .uploadId(upload)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));

        byte[] stored =
                s3.getObjectAsBytes(g -> g.bucket("multi").key("big.bin")).asByteArray();
        assertThat(stored).hasSize(first.length + second.length);
        assertThat(stored[0]).isEqualTo((byte) 'a');
        assertThat(stored[stored.length - 1]).isEqualTo((byte) 'b');
        List<CloudEvent> events = await().until(() -> forBucket("multi"), l -> !l.isEmpty());
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(forBucket("multi"))
                .extracting(e -> e.getType() + " " + e.getSubject())
                .hasSize(1);
        assertThat(events.get(0).getType()).isEqualTo("com.amazonaws.s3.ObjectCreated:CompleteMultipartUpload");
        assertThat(events.get(0).getSubject()).isEqualTo("big.bin");
    }

    @Test
    void delimiterListingShowsFoldersAsCommonPrefixes() {
        s3.createBucket(b -> b.bucket("tree"));
        s3.putObject(p -> p.bucket("tree").key("a/1.txt"), RequestBody.fromString("1"));
        s3.putObject(p -> p.bucket("tree").key("a/b/2.txt"), RequestBody.fromString("2"));
        s3.putObject(p -> p.bucket("tree").key("top.txt"), RequestBody.fromString("t"));

        ListObjectsV2Response root = s3.listObjectsV2(l -> l.bucket("tree").delimiter("/"));
        assertThat(root.contents()).extracting(S3Object::key).containsExactly("top.txt");
        assertThat(root.commonPrefixes()).extracting(c -> c.prefix()).containsExactly("a/");
        assertThat(s3.listObjectsV2(l -> l.bucket("tree")).contents())
                .extracting(S3Object::key)
                .containsExactly("a/1.txt", "a/b/2.txt", "top.txt");
    }

    @Test
    void copyAndMultiObjectDeletePublishOneEventPerObject() {
        s3.createBucket(b -> b.bucket("bulk"));
        s3.putObject(p -> p.bucket("bulk").key("x"), RequestBody.fromString("x"));
        s3.copyObject(c ->
                c.sourceBucket("bulk").sourceKey("x").destinationBucket("bulk").destinationKey("y"));
        s3.deleteObjects(d -> d.bucket("bulk").delete(del -> del.objects(o -> o.key("x"), o -> o.key("y"))));

        List<CloudEvent> events = await().until(() -> forBucket("bulk"), l -> l.size() == 4);
        assertThat(events)
                .extracting(e -> e.getType().substring("com.amazonaws.s3.".length()) + " " + e.getSubject())
                .containsExactly(
                        "ObjectCreated:Put x",
                        "ObjectCreated:Copy y",
                        "ObjectRemoved:Delete x",
                        "ObjectRemoved:Delete y");
    }

    @Test
    void wrongSecretGetsS3ErrorXmlAnd403AndNoObject() {
        s3.createBucket(b -> b.bucket("locked"));
        s3.putObject(p -> p.bucket("locked").key("secret.txt"), RequestBody.fromString("top secret"));
        try (S3Client wrong = S3Clients.of(store.port(), "quiver", "not-the-secret")) {
            assertThatThrownBy(
                            () -> wrong.getObjectAsBytes(g -> g.bucket("locked").key("secret.txt")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    });
            assertThatThrownBy(() ->
                            wrong.putObject(p -> p.bucket("locked").key("planted.txt"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        try (S3Client unknown = S3Clients.of(store.port(), "nobody", "quiver-secret")) {
            assertThatThrownBy(() -> unknown.listObjectsV2(l -> l.bucket("locked")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
                    });
        }
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("locked").key("planted.txt")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(forBucket("locked")).extracting(CloudEvent::getSubject).doesNotContain("planted.txt");
    }

    @Test
    void eventsWaitOutABrokerThatIsDownAndArriveInOrder() {
        long retriedBefore = publisher.retried();
        s3.createBucket(b -> b.bucket("flaky"));
        broker.failNext(3);
        s3.putObject(p -> p.bucket("flaky").key("one"), RequestBody.fromString("1"));
        s3.putObject(p -> p.bucket("flaky").key("two"), RequestBody.fromString("2"));

        List<CloudEvent> events = await().until(() -> forBucket("flaky"), l -> l.size() == 2);
        assertThat(events).extracting(CloudEvent::getSubject).containsExactly("one", "two");
        assertThat(publisher.retried() - retriedBefore).isGreaterThanOrEqualTo(2);
    }

    private List<CloudEvent> forBucket(String bucket) {
        return broker.events(e -> e.getSource().toString().endsWith("." + bucket));
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
