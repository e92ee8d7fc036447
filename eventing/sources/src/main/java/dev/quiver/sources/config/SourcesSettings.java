package dev.quiver.sources.config;

import dev.quiver.api.retry.RetrySchedule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The sources' settings after validation; every broken rule is reported with its key and bad value. */
public record SourcesSettings(
        int s3Port,
        String s3Host,
        Path dataDir,
        String accessKey,
        String secretKey,
        String region,
        URI brokerUrl,
        PublishSettings publish,
        OutboxSettings outbox) {

    public static final String PREFIX = "quiver.sources.";

    /** @param accessKey, secretKey the configured or generated S3 credentials ({@code security.S3Credentials}) */
    public static SourcesSettings from(SourcesConfig c, String accessKey, String secretKey) {
        SourcesConfig.Publish p = c.publish();
        SourcesConfig.Outbox o = c.outbox();
        return of(
                c.s3().port(),
                c.s3().host(),
                c.dataDir(),
                accessKey,
                secretKey,
                c.region(),
                c.brokerUrl(),
                p.maxAttempts(),
                p.initialBackoff(),
                p.maxBackoff(),
                p.backoffJitter(),
                p.timeout(),
                new OutboxSettings(o.maxEvents(), o.maxBytes(), o.directTimeout()));
    }

    /** Validates raw values; throws {@link InvalidSettingException} listing every broken key. */
    public static SourcesSettings of(
            int s3Port,
            String s3Host,
            String dataDir,
            String accessKey,
            String secretKey,
            String region,
            String brokerUrl,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            double backoffJitter,
            Duration timeout,
            OutboxSettings outbox) {
        List<String> errors = new ArrayList<>();
        if (s3Port < 0 || s3Port > 65535) {
            errors.add(problem("s3.port", "must be 0..65535 (0 = any free port)", s3Port));
        }
        if (blank(s3Host)) {
            errors.add(problem("s3.host", "must not be empty", s3Host));
        }
        if (blank(dataDir)) {
            errors.add(problem("data-dir", "must not be empty", dataDir));
        }
        if (blank(accessKey)) {
            errors.add(problem("access-key", "must not be empty", accessKey));
        }
        if (blank(secretKey) || secretKey.length() < 8) {
            errors.add(problem("secret-key", "must have at least 8 characters", blank(secretKey) ? "" : "***"));
        }
        if (blank(region) || !region.matches("[a-z0-9-]+")) {
            errors.add(problem("region", "must be lowercase letters, digits and '-', such as us-east-1", region));
        }
        URI broker = brokerUri(brokerUrl, errors);
        if (maxAttempts < 1) {
            errors.add(problem("publish.max-attempts", "must be >= 1", maxAttempts));
        }
        if (!positive(initialBackoff)) {
            errors.add(problem("publish.initial-backoff", "must be positive", initialBackoff));
        }
        if (!positive(maxBackoff) || (positive(initialBackoff) && maxBackoff.compareTo(initialBackoff) < 0)) {
            errors.add(problem("publish.max-backoff", "must be positive and >= publish.initial-backoff", maxBackoff));
        }
        if (!(backoffJitter >= 0 && backoffJitter <= 1)) {
            errors.add(problem("publish.backoff-jitter", "must be between 0 and 1", backoffJitter));
        }
        if (!positive(timeout)) {
            errors.add(problem("publish.timeout", "must be positive", timeout));
        }
        if (outbox.maxEvents() < 1) {
            errors.add(problem("outbox.max-events", "must be >= 1", outbox.maxEvents()));
        }
        if (outbox.maxBytes() < 1024) {
            errors.add(problem("outbox.max-bytes", "must be >= 1024", outbox.maxBytes()));
        }
        if (!positive(outbox.directTimeout())) {
            errors.add(problem("outbox.direct-timeout", "must be positive", outbox.directTimeout()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingException(errors);
        }
        return new SourcesSettings(
                s3Port,
                s3Host,
                Path.of(dataDir).toAbsolutePath(),
                accessKey,
                secretKey,
                region,
                broker,
                new PublishSettings(maxAttempts, initialBackoff, maxBackoff, backoffJitter, timeout),
                outbox);
    }

    private static URI brokerUri(String value, List<String> errors) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (Exception bad) {
            // reported below
        }
        errors.add(problem("broker-url", "must be an http(s) URL such as http://localhost:8081/default", value));
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static String problem(String key, String rule, Object value) {
        return PREFIX + key + " " + rule + ", but was '" + value + "'";
    }

    /** How events are published to the broker. */
    public record PublishSettings(
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, double backoffJitter, Duration timeout) {

        /** {@code max-attempts - 1} retries, exponential from initial-backoff up to max-backoff, with the jitter. */
        public RetrySchedule schedule() {
            return RetrySchedule.exponential(maxAttempts - 1, initialBackoff, maxBackoff, backoffJitter);
        }
    }

    /**
     * The durable outbox under {@code <data-dir>/.outbox}.
     *
     * @param maxEvents     events pending at most before writes are refused (S3 SlowDown, webhook 503)
     * @param maxBytes      bytes of pending events at most, the same way
     * @param directTimeout deadline of the direct POST tried while the outbox is empty
     */
    public record OutboxSettings(long maxEvents, long maxBytes, Duration directTimeout) {}

    /** Where the outbox lives: inside the data directory (a name no S3 bucket can have). */
    public Path outboxDir() {
        return dataDir.resolve(".outbox");
    }
}
