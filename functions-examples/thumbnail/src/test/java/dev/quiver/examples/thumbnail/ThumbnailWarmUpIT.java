package dev.quiver.examples.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The thumbnail warm-up against the real object store (the sources app as a process, its events going to a recording
 * subscriber): every step of the function's store path is exercised for real, the put included, and nothing is
 * written, no bucket made, no event emitted.
 */
class ThumbnailWarmUpIT {

    static final String ABSENT = "quiver-warm-up-no-such-bucket";
    static Processes processes;
    static Subscriber events;
    static S3Client s3;
    static ObjectStore store;

    @BeforeAll
    static void startStore() throws Exception {
        processes = new Processes(Files.createDirectories(Path.of("target", "warm-up-logs")));
        events = new Subscriber();
        int s3Port = Processes.freePort();
        processes.start(
                "sources",
                Processes.jar("quiver.sources.jar"),
                "256m",
                Processes.freePort(),
                "-Dquiver.sources.s3.port=" + s3Port,
                "-Dquiver.sources.data-dir=" + Files.createTempDirectory("warm-up-objects"),
                "-Dquiver.sources.broker-url=" + events.url(),
                "-Dquiver.sources.access-key=quiver",
                "-Dquiver.sources.secret-key=quiver-secret");
        String endpoint = "http://127.0.0.1:" + s3Port;
        s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .build();
        s3.createBucket(b -> b.bucket("photos"));
        store = new ObjectStore(endpoint, "us-east-1", "quiver", "quiver-secret");
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (processes != null) {
            processes.close();
        }
        if (events != null) {
            events.close();
        }
    }

    @Test
    void warmUpPutsToTheRealStoreWhichAnswersNoSuchBucketAndStoresNothing() throws Exception {
        s3.putObject(p -> p.bucket("photos").key("images/in.png"), RequestBody.fromBytes(ThumbnailsTest.png(64, 32)));
        await().atMost(Duration.ofSeconds(30)).until(() -> events.events().size() == 1);
        ThumbnailWarmUp warmUp = new ThumbnailWarmUp();
        warmUp.store = store;
        warmUp.maxSize = 128;
        warmUp.absentBucket = ABSENT;

        String touched = warmUp.warm();

        assertThat(touched)
                .contains("read probed in photos")
                .contains("byte(s) of images/in.png " + ObjectStore.PROBE_READS + " times")
                .endsWith("put answered NoSuchBucket");
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).containsExactly("photos");
        assertThat(s3.listObjectsV2(l -> l.bucket("photos")).contents())
                .extracting(o -> o.key())
                .containsExactly("images/in.png");
        // events leave the store in order: once a later real upload's event is here, the warm-up's would be too
        s3.putObject(p -> p.bucket("photos").key("marker.txt"), RequestBody.fromString("after the warm-up"));
        List<CloudEvent> received = await().atMost(Duration.ofSeconds(30)).until(events::events, l -> l.size() >= 2);
        assertThat(received).extracting(CloudEvent::getSubject).containsExactly("images/in.png", "marker.txt");
    }

    @Test
    void noPutIsSentToABucketThatExists() {
        assertThat(store.probePut("photos", new byte[] {1, 2, 3})).startsWith("nothing: bucket photos exists");
        assertThat(s3.listObjectsV2(l -> l.bucket("photos").prefix(Thumbnails.TARGET_PREFIX))
                        .contents())
                .isEmpty();
    }

    @Test
    void withNothingToReadTheReadProbeSaysSo() {
        s3.createBucket(b -> b.bucket("empty"));
        try {
            assertThat(store.readSome("empty")).isEqualTo("no object to read");
        } finally {
            s3.deleteBucket(b -> b.bucket("empty"));
        }
    }
}
