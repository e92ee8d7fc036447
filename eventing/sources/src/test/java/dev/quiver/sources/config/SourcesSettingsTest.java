package dev.quiver.sources.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.api.retry.RetrySchedule;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourcesSettingsTest {

    /** The defaults the launcher contract and docs/sources.md promise. */
    static final Map<String, String> CONTRACT = Map.of(
            "port",
            "9000",
            "host",
            "127.0.0.1",
            "dataDir",
            ".quiver/objects",
            "region",
            "us-east-1",
            "brokerUrl",
            "http://localhost:8081/default");

    @Test
    void shippedDefaultsAreTheContractOnes() {
        Map<String, String> defaults = new TreeMap<>();
        java.util.List<Method> methods =
                new java.util.ArrayList<>(java.util.List.of(SourcesConfig.class.getDeclaredMethods()));
        methods.addAll(java.util.List.of(SourcesConfig.S3.class.getDeclaredMethods()));
        for (Method m : methods) {
            WithDefault d = m.getAnnotation(WithDefault.class);
            if (d != null && CONTRACT.containsKey(m.getName())) {
                defaults.put(m.getName(), d.value());
            }
        }
        assertThat(defaults).isEqualTo(new TreeMap<>(CONTRACT));
    }

    @Test
    void validDefaultsBuildSettings() {
        SourcesSettings s = valid().build();
        assertThat(s.s3Port()).isEqualTo(9000);
        assertThat(s.dataDir()).isAbsolute().endsWithRaw(java.nio.file.Path.of(".quiver", "objects"));
        assertThat(s.brokerUrl()).hasToString("http://localhost:8081/default");
        assertThat(s.publish().maxAttempts()).isEqualTo(8);
    }

    @Test
    void publishRetriesFollowTheSharedScheduleWithJitter() {
        RetrySchedule schedule = valid().build().publish().schedule();
        assertThat(schedule)
                .isEqualTo(RetrySchedule.exponential(7, Duration.ofMillis(200), Duration.ofSeconds(10), 0.2));
        assertThat(schedule.maxAttempts()).isEqualTo(8);
    }

    @Test
    void shippedOutboxDefaultsAreTheCodeOnes() {
        Map<String, String> defaults = new TreeMap<>();
        for (Method m : SourcesConfig.Outbox.class.getDeclaredMethods()) {
            defaults.put(m.getName(), m.getAnnotation(WithDefault.class).value());
        }
        SourcesSettings.OutboxSettings code = valid().build().outbox();
        assertThat(defaults)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "maxEvents", Long.toString(code.maxEvents()),
                        "maxBytes", Long.toString(code.maxBytes()),
                        "directTimeout", code.directTimeout().toMillis() + "ms"));
    }

    @Test
    void theOutboxLivesInTheDataDirectoryUnderANoBucketName() {
        SourcesSettings s = valid().build();
        assertThat(s.outboxDir()).isEqualTo(s.dataDir().resolve(".outbox"));
    }

    @Test
    void shippedRetryDefaultsAreTheDocumentedOnes() throws Exception {
        Map<String, String> defaults = new TreeMap<>();
        for (Method m : SourcesConfig.Publish.class.getDeclaredMethods()) {
            WithDefault d = m.getAnnotation(WithDefault.class);
            if (d != null) {
                defaults.put(m.getName(), d.value());
            }
        }
        assertThat(defaults)
                .containsEntry("maxAttempts", "8")
                .containsEntry("initialBackoff", "200ms")
                .containsEntry("maxBackoff", "10s")
                .containsEntry("backoffJitter", "0.2");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("port too large", valid().port(70000), "quiver.sources.s3.port must be 0..65535", "70000"),
                Arguments.of("empty data dir", valid().dataDir(" "), "quiver.sources.data-dir must not be empty", " "),
                Arguments.of(
                        "empty access key", valid().accessKey(""), "quiver.sources.access-key must not be empty", ""),
                Arguments.of(
                        "short secret",
                        valid().secretKey("abc"),
                        "quiver.sources.secret-key must have at least 8",
                        "***"),
                Arguments.of(
                        "region with capitals", valid().region("US East"), "quiver.sources.region must be", "US East"),
                Arguments.of(
                        "broker not http",
                        valid().broker("kafka:topic"),
                        "quiver.sources.broker-url must be an http(s)",
                        "kafka:topic"),
                Arguments.of(
                        "no attempts", valid().attempts(0), "quiver.sources.publish.max-attempts must be >= 1", "0"),
                Arguments.of(
                        "max backoff below initial",
                        valid().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                        "quiver.sources.publish.max-backoff must be positive and >= publish.initial-backoff",
                        "PT1S"),
                Arguments.of(
                        "jitter above 1",
                        valid().jitter(1.5),
                        "quiver.sources.publish.backoff-jitter must be between 0 and 1",
                        "1.5"),
                Arguments.of(
                        "no outbox events",
                        valid().outbox(0, 1 << 20, Duration.ofMillis(500)),
                        "quiver.sources.outbox.max-events must be >= 1",
                        "0"),
                Arguments.of(
                        "outbox smaller than an event",
                        valid().outbox(10, 100, Duration.ofMillis(500)),
                        "quiver.sources.outbox.max-bytes must be >= 1024",
                        "100"),
                Arguments.of(
                        "zero direct timeout",
                        valid().outbox(10, 1 << 20, Duration.ZERO),
                        "quiver.sources.outbox.direct-timeout must be positive",
                        "PT0S"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void aBrokenSettingNamesItsKeyRuleAndValue(String label, Raw raw, String rule, String value) {
        assertThatThrownBy(raw::build)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid Quiver sources configuration: ")
                .hasMessageContaining(rule)
                .hasMessageContaining("but was '" + value + "'");
    }

    @Test
    void everyBrokenSettingIsReportedAtOnce() {
        assertThatThrownBy(() -> valid().port(-1).attempts(0).build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.problems()).hasSize(2));
    }

    static Raw valid() {
        return new Raw(
                9000,
                ".quiver/objects",
                "quiver",
                "quiver-secret",
                "us-east-1",
                "http://localhost:8081/default",
                8,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                0.2,
                new SourcesSettings.OutboxSettings(100_000, 256L * 1024 * 1024, Duration.ofSeconds(1)));
    }

    record Raw(
            int port,
            String dataDir,
            String accessKey,
            String secretKey,
            String region,
            String broker,
            int attempts,
            Duration initial,
            Duration max,
            double jitter,
            SourcesSettings.OutboxSettings outbox) {
        SourcesSettings build() {
            return SourcesSettings.of(
                    port,
                    "0.0.0.0",
                    dataDir,
                    accessKey,
                    secretKey,
                    region,
                    broker,
                    attempts,
                    initial,
                    max,
                    jitter,
                    Duration.ofSeconds(5),
                    outbox);
        }

        Raw port(int p) {
            return new Raw(p, dataDir, accessKey, secretKey, region, broker, attempts, initial, max, jitter, outbox);
        }

        Raw dataDir(String d) {
            return new Raw(port, d, accessKey, secretKey, region, broker, attempts, initial, max, jitter, outbox);
        }

        Raw accessKey(String k) {
            return new Raw(port, dataDir, k, secretKey, region, broker, attempts, initial, max, jitter, outbox);
        }

        Raw secretKey(String k) {
            return new Raw(port, dataDir, accessKey, k, region, broker, attempts, initial, max, jitter, outbox);
        }

        Raw region(String r) {
            return new Raw(port, dataDir, accessKey, secretKey, r, broker, attempts, initial, max, jitter, outbox);
        }

        Raw broker(String b) {
            return new Raw(port, dataDir, accessKey, secretKey, region, b, attempts, initial, max, jitter, outbox);
        }

        Raw attempts(int a) {
            return new Raw(port, dataDir, accessKey, secretKey, region, broker, a, initial, max, jitter, outbox);
        }

        Raw backoff(Duration i, Duration m) {
            return new Raw(port, dataDir, accessKey, secretKey, region, broker, attempts, i, m, jitter, outbox);
        }

        Raw jitter(double j) {
            return new Raw(port, dataDir, accessKey, secretKey, region, broker, attempts, initial, max, j, outbox);
        }

        Raw outbox(long events, long bytes, Duration direct) {
            return new Raw(
                    port,
                    dataDir,
                    accessKey,
                    secretKey,
                    region,
                    broker,
                    attempts,
                    initial,
                    max,
                    jitter,
                    new SourcesSettings.OutboxSettings(events, bytes, direct));
        }

        @Override
        public String toString() {
            return "settings";
        }
    }
}
