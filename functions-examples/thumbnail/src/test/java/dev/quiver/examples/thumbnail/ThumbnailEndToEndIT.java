package dev.quiver.examples.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.kafka.local.SharedKafka;
import io.cloudevents.CloudEvent;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Done-when of the object-storage source, end to end with real parts: Kafka (in this JVM), the broker, the sources
 * and the thumbnail function as processes, broker triggers over the admin API, an AWS SDK client, and an observer
 * subscriber standing for a second function.
 */
class ThumbnailEndToEndIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static Processes processes;
    static Subscriber observer;
    static int brokerPort;
    static int sourcesPort;
    static int s3Port;
    static S3Client s3;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        processes = new Processes(logs);
        observer = new Subscriber();
        brokerPort = Processes.freePort();
        sourcesPort = Processes.freePort();
        s3Port = Processes.freePort();
        int thumbnailPort = Processes.freePort();
        processes.start(
                "broker",
                Processes.jar("quiver.broker.jar"),
                "384m",
                brokerPort,
                "-Dkafka.bootstrap.servers=" + SharedKafka.bootstrapServers(),
                "-Dquiver.broker.partitions=2");
        processes.start(
                "sources",
                Processes.jar("quiver.sources.jar"),
                "256m",
                sourcesPort,
                "-Dquiver.sources.s3.port=" + s3Port,
                "-Dquiver.sources.data-dir=" + Files.createTempDirectory("objects"),
                "-Dquiver.sources.broker-url=http://127.0.0.1:" + brokerPort + "/default",
                "-Dquiver.sources.access-key=quiver",
                "-Dquiver.sources.secret-key=quiver-secret",
                "-Dquiver.sources.webhook.token=e2e-webhook-token");
        processes.start(
                "thumbnail",
                Processes.jar("quiver.thumbnail.jar"),
                "256m",
                thumbnailPort,
                "-Dthumbnail.s3.endpoint=http://127.0.0.1:" + s3Port);
        trigger(
                "thumbnail",
                "[{\"prefix\":{\"type\":\"com.amazonaws.s3.ObjectCreated:\"}},"
                        + "{\"exact\":{\"source\":\"aws:s3.us-east-1.photos\"}}]",
                "http://127.0.0.1:" + thumbnailPort + "/");
        trigger(
                "observer",
                "[{\"any\":[{\"prefix\":{\"type\":\"dev.quiver.thumbnail.\"}},"
                        + "{\"prefix\":{\"type\":\"com.qcloud.cos.\"}},{\"exact\":{\"source\":\"minio:s3..uploads\"}}]}]",
                observer.url());
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + s3Port))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("quiver", "quiver-secret")))
                .build();
        s3.createBucket(b -> b.bucket("photos"));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        if (processes != null) {
            processes.close();
        }
        if (observer != null) {
            observer.close();
        }
    }

    @Test
    void anUploadedPngGetsAThumbnailAndTheFunctionRepliesCreated() throws Exception {
        s3.putObject(
                p -> p.bucket("photos").key("images/sunset.png"), RequestBody.fromBytes(ThumbnailsTest.png(640, 320)));

        byte[] thumbnail = await().atMost(Duration.ofSeconds(60))
                .ignoreException(NoSuchKeyException.class)
                .until(
                        () -> s3.getObjectAsBytes(g -> g.bucket("photos").key("thumbnails/sunset.png"))
                                .asByteArray(),
                        b -> b.length > 0);
        var image = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(64);

        CloudEvent created = await().atMost(Duration.ofSeconds(30))
                .until(() -> ofType(ThumbnailFunction.CREATED), l -> !l.isEmpty())
                .get(0);
        assertThat(created.getSource()).hasToString("/functions/thumbnail");
        assertThat(created.getSubject()).isEqualTo("thumbnails/sunset.png");
        JsonNode data = JSON.readTree(created.getData().toBytes());
        assertThat(data.get("key").asText()).isEqualTo("images/sunset.png");
        assertThat(data.get("width").asInt()).isEqualTo(128);
    }

    @Test
    void aFileThatIsNoImageGetsAClearErrorEventAndNoThumbnail() throws Exception {
        s3.putObject(p -> p.bucket("photos").key("images/notes.txt"), RequestBody.fromString("not an image"));

        CloudEvent failed = await().atMost(Duration.ofSeconds(60))
                .until(() -> ofType(ThumbnailFunction.FAILED), l -> !l.isEmpty())
                .get(0);
        assertThat(failed.getSubject()).isEqualTo("images/notes.txt");
        assertThat(JSON.readTree(failed.getData().toBytes()).get("reason").asText())
                .contains("not an image");
        assertThat(s3.listObjectsV2(l -> l.bucket("photos").prefix("thumbnails/notes"))
                        .contents())
                .isEmpty();
    }

    @Test
    void s3AndCosNotificationsReachTheSubscribedFunctionWithTheirAttributes() throws Exception {
        assertThat(post("/webhooks/s3", "minio-put.json")).isEqualTo(202);
        assertThat(post("/webhooks/cos", "cos-put.json")).isEqualTo(202);

        CloudEvent minio = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> observer.events().stream()
                                .filter(e -> e.getSource().toString().equals("minio:s3..uploads"))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        assertThat(minio.getType()).isEqualTo("com.amazonaws.s3.ObjectCreated:Put");
        assertThat(minio.getSubject()).isEqualTo("cat.jpg");
        assertThat(minio.getId()).isEqualTo("17D7A5E1F2B3C4D5.17D7A5E1F3A9B8C7");
        CloudEvent cos = await().atMost(Duration.ofSeconds(30))
                .until(() -> ofType("com.qcloud.cos.ObjectCreated:Put"), l -> !l.isEmpty())
                .get(0);
        assertThat(cos.getSource()).hasToString("qcs::cos.ap-guangzhou.images");
        assertThat(cos.getSubject()).isEqualTo("photos/cat.png");
        assertThat(cos.getDataContentType()).isEqualTo("application/json");
    }

    static List<CloudEvent> ofType(String type) {
        return observer.events().stream().filter(e -> e.getType().equals(type)).toList();
    }

    static int post(String path, String sample) throws Exception {
        byte[] body;
        try (var in = ThumbnailEndToEndIT.class.getResourceAsStream("/notifications/" + sample)) {
            body = in.readAllBytes();
        }
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sourcesPort + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer e2e-webhook-token")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static void trigger(String name, String filters, String subscriber) throws Exception {
        String body = "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"broker\":\"default\",\"filters\":"
                + filters + ",\"subscriber\":{\"uri\":\"" + subscriber + "\"}}}";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + brokerPort + "/admin/v1/triggers"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
