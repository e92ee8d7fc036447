package dev.quiver.sources.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** Access key S3 clients sign with (AWS Signature V2/V4). */
    @WithDefault("quiver")
    String accessKey();

    /** Secret key S3 clients sign with. */
    @WithDefault("quiver-secret")
    String secretKey();

    /** Region reported in events ({@code awsRegion}) and expected in V4 signatures. */
    @WithDefault("us-east-1")
    String region();

    /** Broker ingress URL the events are POSTed to. */
    @WithDefault("http://localhost:8081/default")
    String brokerUrl();

    Publish publish();

    interface S3 {
        /** Port of the embedded S3 API ({@code quiver.sources.s3.port}); 0 = any free port. */
        @WithDefault("9000")
        int port();

        /** Interface the S3 API listens on. */
        @WithDefault("0.0.0.0")
        String host();
    }

    interface Publish {
        /** Attempts per event before it is given up (logged as ERROR with the whole event, and counted). */
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

        /** Timeout of one POST to the broker. */
        @WithDefault("5s")
        Duration timeout();

        /** Events waiting to be published at most; beyond it new events are refused (webhooks answer 503). */
        @WithDefault("10000")
        int queueCapacity();
    }
}
