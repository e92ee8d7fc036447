package dev.quiver.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.local.supervise.RestartPolicy;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class SuperviseSettingsTest {
    private static final Path HOME = Path.of("/repo");

    static SuperviseSettings map(Map<String, String> values) {
        return map(values, HOME);
    }

    public static SuperviseSettings map(Map<String, String> values, Path home) {
        return map(values, home, "127.0.0.1");
    }

    public static SuperviseSettings map(Map<String, String> values, Path home, String bind) {
        var config = new SmallRyeConfigBuilder()
                .withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build();
        return SuperviseSettings.from(
                config.getConfigMapping(PlatformConfig.class).supervise(), home, bind);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SuperviseSettings s = map(Map.of());

        assertThat(s.enabled()).isFalse();
        assertThat(s.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.stopTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.restart())
                .isEqualTo(
                        new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofSeconds(60)));
        assertThat(s.kafkaPort()).isEqualTo(9092);
        assertThat(s.kafkaControllerPort()).isEqualTo(9093);
        assertThat(s.kafkaClassPath())
                .isEqualTo("/repo/eventing/kafka-local/target/lib/*" + java.io.File.pathSeparator
                        + "/repo/eventing/kafka-local/target/classes");
        assertThat(s.brokerPort()).isEqualTo(8081);
        assertThat(s.brokerJar()).isEqualTo(Path.of("/repo/eventing/broker/target/quarkus-app/quarkus-run.jar"));
        assertThat(s.sourcesEnabled()).isTrue();
        assertThat(s.sourcesPort()).isEqualTo(8083);
        assertThat(s.s3Port()).isEqualTo(9000);
    }

    @Test
    void theControllerPortFollowsTheKafkaPort() {
        assertThat(map(Map.of("quiver.platform.supervise.kafka.port", "19092")).kafkaControllerPort())
                .isEqualTo(19093);
    }

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of(
                        "kafka port zero",
                        "quiver.platform.supervise.kafka.port",
                        "0",
                        "quiver.platform.supervise.kafka.port must be 1..65535, but was '0'"),
                Arguments.of(
                        "broker port too high",
                        "quiver.platform.supervise.broker.port",
                        "70000",
                        "quiver.platform.supervise.broker.port must be 1..65535, but was '70000'"),
                Arguments.of(
                        "heap without a number",
                        "quiver.platform.supervise.broker.max-heap",
                        "big",
                        "quiver.platform.supervise.broker.max-heap must be like 256m, but was 'big'"),
                Arguments.of(
                        "negative restarts",
                        "quiver.platform.supervise.restart.max-restarts",
                        "-1",
                        "quiver.platform.supervise.restart.max-restarts must be >= 0, but was '-1'"),
                Arguments.of(
                        "max backoff below the initial one",
                        "quiver.platform.supervise.restart.max-backoff",
                        "100ms",
                        "quiver.platform.supervise.restart.max-backoff must be >= "
                                + "restart.initial-backoff (PT1S), but was 'PT0.1S'"),
                Arguments.of(
                        "zero ready timeout",
                        "quiver.platform.supervise.ready-timeout",
                        "0s",
                        "quiver.platform.supervise.ready-timeout must be > 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void aWrongValueIsNamed(String label, String key, String value, String message) {
        assertThatThrownBy(() -> map(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> s3Keys() {
        return Stream.of(
                Arguments.of("default secret on loopback", "127.0.0.1", "quiver-secret", null),
                Arguments.of("generated keys off loopback", "0.0.0.0", null, null),
                Arguments.of("own secret off loopback", "0.0.0.0", "a-better-secret", null),
                Arguments.of(
                        "default secret on all interfaces",
                        "0.0.0.0",
                        "quiver-secret",
                        "quiver.platform.supervise.sources.s3-secret-key must not be the published default secret "
                                + "when quiver.platform.bind is not loopback (0.0.0.0)"),
                Arguments.of(
                        "default secret on a LAN address",
                        "192.168.1.20",
                        "quiver-secret",
                        "must not be the published default secret"),
                Arguments.of(
                        "short secret",
                        "127.0.0.1",
                        "short",
                        "quiver.platform.supervise.sources.s3-secret-key must have at least 8 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("s3Keys")
    void theS3SecretIsCheckedAgainstTheBind(String label, String bind, String secret, String error) {
        Map<String, String> values = secret == null
                ? Map.of()
                : Map.of(
                        "quiver.platform.supervise.sources.s3-access-key",
                        "quiver",
                        "quiver.platform.supervise.sources.s3-secret-key",
                        secret);
        if (error == null) {
            assertThat(map(values, HOME, bind).s3SecretKey()).isEqualTo(java.util.Optional.ofNullable(secret));
        } else {
            assertThatThrownBy(() -> map(values, HOME, bind))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(error);
        }
    }

    @Test
    void anAccessKeyWithoutASecretIsRefused() {
        assertThatThrownBy(() -> map(Map.of("quiver.platform.supervise.sources.s3-access-key", "me")))
                .hasMessageContaining("quiver.platform.supervise.sources.s3-access-key and sources.s3-secret-key "
                        + "must be set together");
    }
}
