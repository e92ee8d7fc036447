package dev.quiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.S3Clients;
import dev.quiver.sources.testing.SourcesProcess;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The packaged app with the broker down (nothing listening on its port), killed, and with a full outbox: every
 * acknowledged write's event reaches the broker, with the id it had when it was acknowledged; a write refused with
 * SlowDown leaves no object and no event.
 */
class DurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    /** Short replay backoffs, so the tests see a returning broker within a second. */
    private static final String[] FAST = {
        "-Dquiver.sources.publish.initial-backoff=50ms", "-Dquiver.sources.publish.max-backoff=500ms"
    };

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withTheBrokerDownWritesAreAcknowledgedFromTheOutboxAndDeliveredWithTheirIdsWhenItIsBack() throws Exception {
        Path data = tmp.resolve("objects");
        int brokerPort = SourcesProcess.freePort();
        String brokerUrl = "http://127.0.0.1:" + brokerPort + "/default";
        try (SourcesProcess sources =
                        SourcesProcess.start(data, brokerUrl, FAST).awaitReady();
                S3Client s3 = S3Clients.of(sources.s3Port, "quiver", "quiver-secret")) {
            s3.createBucket(b -> b.bucket("down"));
            s3.putObject(p -> p.bucket("down").key("a.txt"), RequestBody.fromString("a"));
            s3.putObject(p -> p.bucket("down").key("b.txt"), RequestBody.fromString("b"));
            s3.deleteObject(d -> d.bucket("down").key("a.txt"));
            HttpResponse<String> webhook = webhook(sources, data);
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(202);

            assertThat(pending(sources)).isEqualTo(4);
            List<String> outboxIds = outboxIds(data);
            assertThat(outboxIds).hasSize(4);

            try (CapturingBroker broker = new CapturingBroker(brokerPort)) {
                List<CloudEvent> events =
                        await().atMost(Duration.ofSeconds(30)).until(broker::events, l -> l.size() >= 4);
                assertThat(events).extracting(CloudEvent::getId).containsExactlyElementsOf(outboxIds);
                assertThat(events.subList(0, 3))
                        .extracting(e -> e.getType() + " " + e.getSubject())
                        .containsExactly(
                                "com.amazonaws.s3.ObjectCreated:Put a.txt",
                                "com.amazonaws.s3.ObjectCreated:Put b.txt",
                                "com.amazonaws.s3.ObjectRemoved:Delete a.txt");
                await().until(() -> pending(sources) == 0);
                assertThat(metric(sources, "quiver_sources_events_total", "result=\"replayed\""))
                        .isEqualTo(4);

                s3.putObject(p -> p.bucket("down").key("c.txt"), RequestBody.fromString("c"));
                await().until(() -> broker.distinctEvents().size() == 5 && pending(sources) == 0);
                assertThat(broker.distinctEvents())
                        .extracting(CloudEvent::getSubject)
                        .endsWith("c.txt");
            }
        }
    }

    @Test
    void eventsAcknowledgedBeforeASigkillAreDeliveredAfterTheRestart() throws Exception {
        Path data = tmp.resolve("objects");
        int brokerPort = SourcesProcess.freePort();
        String brokerUrl = "http://127.0.0.1:" + brokerPort + "/default";
        List<String> keys = IntStream.range(0, 25).mapToObj(i -> "k" + i).toList();
        List<String> outboxIds;
        try (SourcesProcess first = SourcesProcess.start(data, brokerUrl, FAST).awaitReady();
                S3Client s3 = S3Clients.of(first.s3Port, "quiver", "quiver-secret")) {
            s3.createBucket(b -> b.bucket("killed"));
            for (String key : keys) {
                s3.putObject(p -> p.bucket("killed").key(key), RequestBody.fromString(key));
            }
            outboxIds = outboxIds(data);
            first.kill();
        }
        assertThat(outboxIds).hasSize(keys.size());

        try (CapturingBroker broker = new CapturingBroker(brokerPort);
                SourcesProcess second =
                        SourcesProcess.start(data, brokerUrl, FAST).awaitReady()) {
            List<CloudEvent> events = await().atMost(Duration.ofSeconds(30))
                    .until(() -> broker.distinctEvents(), l -> l.size() >= keys.size());
            assertThat(events).extracting(CloudEvent::getSubject).containsExactlyElementsOf(keys);
            assertThat(events).extracting(CloudEvent::getId).containsExactlyElementsOf(outboxIds);
            await().until(() -> pending(second) == 0);
        }
    }

    @Test
    void aFullOutboxRefusesWritesWithSlowDownAndStoresNothing() throws Exception {
        Path data = tmp.resolve("objects");
        int brokerPort = SourcesProcess.freePort();
        String brokerUrl = "http://127.0.0.1:" + brokerPort + "/default";
        String[] settings = Stream.concat(Stream.of(FAST), Stream.of("-Dquiver.sources.outbox.max-events=2"))
                .toArray(String[]::new);
        try (SourcesProcess sources =
                        SourcesProcess.start(data, brokerUrl, settings).awaitReady();
                S3Client s3 = S3Clients.of(sources.s3Port, "quiver", "quiver-secret")) {
            s3.createBucket(b -> b.bucket("full"));
            s3.putObject(p -> p.bucket("full").key("one"), RequestBody.fromString("1"));
            s3.putObject(p -> p.bucket("full").key("two"), RequestBody.fromString("2"));

            assertThatThrownBy(() -> s3.putObject(p -> p.bucket("full").key("three"), RequestBody.fromString("3")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    });
            assertThatThrownBy(() -> s3.deleteObject(d -> d.bucket("full").key("one")))
                    .isInstanceOfSatisfying(
                            S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown"));
            assertThat(data.resolve("full/three")).doesNotExist();
            assertThat(data.resolve("full/one")).exists();
            assertThatThrownBy(() -> s3.headObject(h -> h.bucket("full").key("three")))
                    .isInstanceOf(NoSuchKeyException.class);
            HttpResponse<String> webhook = webhook(sources, data);
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(503);
            assertThat(pending(sources)).isEqualTo(2);

            try (CapturingBroker broker = new CapturingBroker(brokerPort)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> pending(sources) == 0);
                assertThat(broker.events()).extracting(CloudEvent::getSubject).containsExactly("one", "two");
                s3.putObject(p -> p.bucket("full").key("three"), RequestBody.fromString("3"));
                assertThat(broker.events()).extracting(CloudEvent::getSubject).containsExactly("one", "two", "three");
            }
        }
    }

    /** POSTs a one-record S3 notification to the webhook with the token the sources generated. */
    private HttpResponse<String> webhook(SourcesProcess sources, Path data) throws Exception {
        String token = Files.readString(data.resolve("webhook-token")).trim();
        byte[] body;
        try (var in = getClass().getResourceAsStream("/notifications/aws-put.json")) {
            body = in.readAllBytes();
        }
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sources.httpPort + "/webhooks/s3"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int pending(SourcesProcess sources) throws Exception {
        String health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sources.httpPort + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return JSON.readTree(health).at("/checks/0/data/eventsPending").asInt(-1);
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private double metric(SourcesProcess sources, String name, String label) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sources.httpPort + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    /** The ids of the events in the outbox's segment files, in order (read from the files, not the process). */
    private static List<String> outboxIds(Path data) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve(".outbox"))) {
            for (Path segment :
                    files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                Matcher m = ID.matcher(new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }
}
