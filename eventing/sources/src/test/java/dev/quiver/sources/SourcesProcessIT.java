package dev.quiver.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quiver.sources.testing.CapturingBroker;
import dev.quiver.sources.testing.S3Clients;
import dev.quiver.sources.testing.SourcesProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The packaged app, started with the launcher's command line: objects survive a restart; bad settings stop it. */
class SourcesProcessIT {

    @TempDir
    Path tmp;

    @Test
    void objectsPersistAcrossRestartAndEventsReachTheBroker() throws Exception {
        Path data = tmp.resolve("objects");
        try (CapturingBroker broker = new CapturingBroker()) {
            try (SourcesProcess first = SourcesProcess.start(data, broker.url()).awaitReady();
                    S3Client s3 = S3Clients.of(first.s3Port, "quiver", "quiver-secret")) {
                s3.createBucket(b -> b.bucket("keep"));
                s3.putObject(p -> p.bucket("keep").key("notes/today.txt"), RequestBody.fromString("persisted"));
                await().until(() -> broker.events().size() == 1);
            }
            assertThat(Files.readString(data.resolve("keep/notes/today.txt"))).isEqualTo("persisted");

            try (SourcesProcess second =
                            SourcesProcess.start(data, broker.url()).awaitReady();
                    S3Client s3 = S3Clients.of(second.s3Port, "quiver", "quiver-secret")) {
                assertThat(s3.getObjectAsBytes(g -> g.bucket("keep").key("notes/today.txt"))
                                .asUtf8String())
                        .isEqualTo("persisted");
            }
            assertThat(broker.events().get(0).getType()).isEqualTo("com.amazonaws.s3.ObjectCreated:Put");
        }
    }

    @Test
    void aBadSettingStopsStartUpNamingTheKey() throws Exception {
        try (SourcesProcess bad = SourcesProcess.start(
                tmp.resolve("objects"), "http://127.0.0.1:1/default", "-Dquiver.sources.region=Mars Base")) {
            assertThat(bad.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(bad.process().exitValue()).isNotZero();
            await().atMost(Duration.ofSeconds(5))
                    .until(
                            () -> Files.readString(bad.log)
                                    .contains(
                                            "quiver.sources.region must be lowercase letters, digits and '-', such as us-east-1, but was 'Mars Base'"));
        }
    }
}
