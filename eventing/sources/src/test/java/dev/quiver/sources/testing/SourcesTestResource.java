package dev.quiver.sources.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} of the sources a stand-in broker ({@link CapturingBroker}, one per JVM), a fresh
 * data directory, an S3 API on a free port and short publish backoffs.
 */
public class SourcesTestResource implements QuarkusTestResourceLifecycleManager {

    /** The webhook token the tests' sources require. */
    public static final String WEBHOOK_TOKEN = "test-webhook-token";

    private static CapturingBroker broker;

    public static synchronized CapturingBroker broker() {
        if (broker == null) {
            try {
                broker = new CapturingBroker();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory("quiver-objects");
            return Map.of(
                    "quiver.sources.broker-url", broker().url(),
                    "quiver.sources.data-dir", data.toString(),
                    "quiver.sources.s3.port", "0",
                    "quiver.sources.s3.host", "127.0.0.1",
                    "quiver.sources.access-key", "quiver",
                    "quiver.sources.secret-key", "quiver-secret",
                    "quiver.sources.webhook.token", WEBHOOK_TOKEN,
                    "quiver.sources.publish.initial-backoff", "20ms",
                    "quiver.sources.publish.max-backoff", "100ms");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the broker stand-in lives as long as the JVM
    }
}
