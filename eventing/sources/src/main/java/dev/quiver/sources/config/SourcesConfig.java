package dev.quiver.sources.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the event sources, under {@code quiver.sources.}. Read once at start-up into a validated
 * {@link SourcesSettings}; a bad value stops start-up with a message naming the key.
 */
@ConfigMapping(prefix = "quiver.sources")
public interface SourcesConfig {

    S3 s3();

    /** Directory holding the buckets (one sub-directory each) and their objects. */
    @WithDefault(".quiver/objects")
    String dataDir();

    /**
     * Access key S3 clients sign with (AWS Signature V2/V4). Unset (with {@code secret-key}): random credentials are
     * generated at first start into {@code <data-dir>/s3-credentials} (mode 0600) and reused.
     */
    Optional<String> accessKey();

    /** Secret key S3 clients sign with; set both keys or neither. */
    Optional<String> secretKey();

    Webhook webhook();

    /** Region reported in events ({@code awsRegion}) and expected in V4 signatures. */
    @WithDefault("us-east-1")
    String region();

    /** Broker ingress URL the events are POSTed to. */
    @WithDefault("http://localhost:8081/default")
    String brokerUrl();

    /** Bearer token for the broker ingress, when the broker requires one ({@code quiver.broker.ingress.tokens}). */
    Optional<String> brokerToken();

    Publish publish();

    interface S3 {
        /** Port of the embedded S3 API ({@code quiver.sources.s3.port}); 0 = any free port. */
        @WithDefault("9000")
        int port();

        /** Interface the S3 API listens on; anything but loopback refuses the published credentials. */
        @WithDefault("127.0.0.1")
        String host();
    }

    /** The shared secret the webhooks require. */
    interface Webhook {
        /** Bearer token senders must present; unset (with token-file): generated into {@code <data-dir>/webhook-token}. */
        Optional<String> token();

        /** File holding the token (trimmed). */
        Optional<String> tokenFile();

        /** Header carrying the token on {@code /webhooks/cos}: {@code Bearer <token>} or the bare token. */
        @WithDefault("Authorization")
        String cosHeader();
    }

    interface Publish {
        /** Failed attempts between two WARN lines while the broker stays unreachable (the outbox retries forever). */
        @WithDefault("8")
        int maxAttempts();

        /** Delay before the first retry; doubled after each failure. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest delay between two attempts. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Each delay is drawn from delay x (1 +- this), at most max-backoff; 0 = exact delays. */
        @WithDefault("0.2")
        double backoffJitter();

        /** Timeout of one POST to the broker when replaying the outbox. */
        @WithDefault("5s")
        Duration timeout();
    }

    Outbox outbox();

    /** The durable outbox under {@code <data-dir>/.outbox}: events the broker has not taken yet. */
    interface Outbox {
        /** Events in the outbox at most; at the cap, S3 writes answer 503 SlowDown and webhooks 503, storing nothing. */
        @WithDefault("100000")
        long maxEvents();

        /** Bytes of events in the outbox at most (same refusal). */
        @WithDefault("268435456")
        long maxBytes();

        /** Deadline of the direct POST tried while the outbox is empty; past it the event goes to the outbox. */
        @WithDefault("1000ms")
        Duration directTimeout();
    }
}
