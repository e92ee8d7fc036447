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
        var config = new SmallRyeConfigBuilder().withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 100)).build();
        return SuperviseSettings.from(config.getConfigMapping(PlatformConfig.class).supervise(), home);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SuperviseSettings s = map(Map.of());

        assertThat(s.enabled()).isFalse();
        assertThat(s.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.stopTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.restart()).isEqualTo(new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10,
                Duration.ofSeconds(60)));
        assertThat(s.kafkaPort()).isEqualTo(9092);
        assertThat(s.kafkaControllerPort()).isEqualTo(9093);
        assertThat(s.kafkaClassPath()).isEqualTo("/repo/eventing/kafka-local/target/lib/*"
                + java.io.File.pathSeparator + "/repo/eventing/kafka-local/target/classes");
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
                Arguments.of("kafka port zero", "quiver.platform.supervise.kafka.port", "0",
                        "quiver.platform.supervise.kafka.port must be 1..65535, but was '0'"),
                Arguments.of("broker port too high", "quiver.platform.supervise.broker.port", "70000",
                        "quiver.platform.supervise.broker.port must be 1..65535, but was '70000'"),
                Arguments.of("heap without a number", "quiver.platform.supervise.broker.max-heap", "big",
                        "quiver.platform.supervise.broker.max-heap must be like 256m, but was 'big'"),
                Arguments.of("negative restarts", "quiver.platform.supervise.restart.max-restarts", "-1",
                        "quiver.platform.supervise.restart.max-restarts must be >= 0, but was '-1'"),
                Arguments.of("max backoff below the initial one", "quiver.platform.supervise.restart.max-backoff",
                        "100ms", "quiver.platform.supervise.restart.max-backoff must be >= "
                                + "restart.initial-backoff (PT1S), but was 'PT0.1S'"),
                Arguments.of("zero ready timeout", "quiver.platform.supervise.ready-timeout", "0s",
                        "quiver.platform.supervise.ready-timeout must be > 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void aWrongValueIsNamed(String label, String key, String value, String message) {
        assertThatThrownBy(() -> map(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
