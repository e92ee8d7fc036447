package dev.quiver.local.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.local.launch.Archive;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlatformSettingsTest {
    static PlatformSettings map(Map<String, String> values) {
        var config = new SmallRyeConfigBuilder().withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 100)).build();
        return PlatformSettings.from(config.getConfigMapping(PlatformConfig.class));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        PlatformSettings s = map(Map.of());

        assertThat(s.activator().port()).isEqualTo(8080);
        assertThat(s.activator().queueSize()).isEqualTo(10_000);
        assertThat(s.activator().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.activator().domain()).isEqualTo("quiver.localhost");
        assertThat(s.instances().maxHeap()).isEqualTo("128m");
        assertThat(s.instances().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.scrapeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.kafkaBootstrap()).isEmpty();
        assertThat(s.dataDir().getFileName()).hasToString(".quiver");
        assertThat(s.instances().archive()).isEqualTo(Archive.AUTO);
        assertThat(s.instances().java()).isEmpty();
        assertThat(s.instances().onDemandJvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
    }

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of("port too high", "quiver.platform.activator.port", "70000",
                        "quiver.platform.activator.port must be 0..65535, but was '70000'"),
                Arguments.of("empty queue", "quiver.platform.activator.queue-size", "0",
                        "quiver.platform.activator.queue-size must be >= 1, but was '0'"),
                Arguments.of("zero timeout", "quiver.platform.activator.timeout", "0s",
                        "quiver.platform.activator.timeout must be > 0"),
                Arguments.of("heap without unit", "quiver.platform.instances.max-heap", "lots",
                        "quiver.platform.instances.max-heap must be like 128m, but was 'lots'"),
                Arguments.of("unknown archive", "quiver.platform.instances.archive", "fast",
                        "quiver.platform.instances.archive must be one of auto, aot, appcds, none, but was 'fast'"),
                Arguments.of("on-demand option without a dash", "quiver.platform.instances.on-demand-jvm-options",
                        "-Xss1m TieredStopAtLevel=1", "quiver.platform.instances.on-demand-jvm-options must be JVM "
                                + "options (each starting with '-') or none, but was '-Xss1m TieredStopAtLevel=1'"),
                Arguments.of("scrape too often", "quiver.platform.loop.scrape-interval", "10ms",
                        "quiver.platform.loop.scrape-interval must be >= 100ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void aWrongValueStopsStartUpNamingTheKey(String label, String key, String value, String message) {
        assertThatThrownBy(() -> map(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anExplicitJavaAndArchiveAreKept() {
        PlatformSettings s = map(Map.of("quiver.platform.instances.java", "/opt/jdk25/bin/java",
                "quiver.platform.instances.archive", "appcds"));

        assertThat(s.instances().java()).contains("/opt/jdk25/bin/java");
        assertThat(s.instances().archive()).isEqualTo(Archive.APPCDS);
    }

    @Test
    void onDemandJvmOptionsAreSplitOrSwitchedOff() {
        assertThat(map(Map.of("quiver.platform.instances.on-demand-jvm-options", " -Xss512k  -XX:+UseSerialGC "))
                .instances().onDemandJvmOptions()).containsExactly("-Xss512k", "-XX:+UseSerialGC");
        assertThat(map(Map.of("quiver.platform.instances.on-demand-jvm-options", "none"))
                .instances().onDemandJvmOptions()).isEmpty();
    }
}
