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
        var config = new SmallRyeConfigBuilder()
                .withMapping(PlatformConfig.class)
                .withConverter(Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .build();
        return PlatformSettings.from(config.getConfigMapping(PlatformConfig.class));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        PlatformSettings s = map(Map.of());

        assertThat(s.activator().port()).isEqualTo(8080);
        assertThat(s.activator().queueSize()).isEqualTo(10_000);
        assertThat(s.activator().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.activator().maxQueuedBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(s.activator().domain()).isEqualTo("quiver.localhost");
        assertThat(s.instances().maxHeap()).isEqualTo("128m");
        assertThat(s.instances().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.scrapeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.kafkaBootstrap()).isEmpty();
        assertThat(s.dataDir().getFileName()).hasToString(".quiver");
        assertThat(s.instances().archive()).isEqualTo(Archive.AUTO);
        assertThat(s.instances().java()).isEmpty();
        assertThat(s.instances().onDemandJvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(s.security().bind()).isEqualTo("127.0.0.1");
        assertThat(s.security().loopback()).isTrue();
        assertThat(s.activator().host()).isEqualTo("127.0.0.1");
        assertThat(s.security().controlToken()).isEmpty();
        assertThat(s.security().controlTokenFile()).isEqualTo(s.dataDir().resolve("control-token"));
        assertThat(s.security().artifactDirs()).containsExactly(s.home());
    }

    @Test
    void theBindIsTheActivatorsHostUnlessItHasItsOwn() {
        PlatformSettings all = map(Map.of("quiver.platform.bind", "0.0.0.0"));
        PlatformSettings own =
                map(Map.of("quiver.platform.bind", "0.0.0.0", "quiver.platform.activator.host", "127.0.0.1"));

        assertThat(all.activator().host()).isEqualTo("0.0.0.0");
        assertThat(all.security().loopback()).isFalse();
        assertThat(own.activator().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void theTokenAndArtifactDirectoriesCanBeSet() {
        PlatformSettings s = map(Map.of(
                "quiver.platform.home",
                "/repo",
                "quiver.platform.control-token",
                "a-long-enough-token",
                "quiver.platform.control-token-file",
                "/secrets/quiver-token",
                "quiver.platform.artifact-dirs",
                "/opt/functions,builds"));

        assertThat(s.security().controlToken()).contains("a-long-enough-token");
        assertThat(s.security().controlTokenFile()).isEqualTo(java.nio.file.Path.of("/secrets/quiver-token"));
        assertThat(s.security().artifactDirs())
                .containsExactly(
                        java.nio.file.Path.of("/repo"),
                        java.nio.file.Path.of("/opt/functions"),
                        java.nio.file.Path.of("/repo/builds"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "127.0.0.1,true",
        "127.0.1.1,true",
        "localhost,true",
        "::1,true",
        "0.0.0.0,false",
        "192.168.1.20,false",
        "::,false"
    })
    void loopbackBinds(String bind, boolean loopback) {
        assertThat(Binds.loopback(bind)).isEqualTo(loopback);
        assertThat(dev.quiver.local.security.Exposure.warning(bind).isEmpty()).isEqualTo(loopback);
    }

    static Stream<Arguments> wrong() {
        return Stream.of(
                Arguments.of(
                        "port too high",
                        "quiver.platform.activator.port",
                        "70000",
                        "quiver.platform.activator.port must be 0..65535, but was '70000'"),
                Arguments.of(
                        "no queued bytes",
                        "quiver.platform.activator.max-queued-bytes",
                        "0",
                        "quiver.platform.activator.max-queued-bytes must be >= 1, but was '0'"),
                Arguments.of(
                        "empty queue",
                        "quiver.platform.activator.queue-size",
                        "0",
                        "quiver.platform.activator.queue-size must be >= 1, but was '0'"),
                Arguments.of(
                        "zero timeout",
                        "quiver.platform.activator.timeout",
                        "0s",
                        "quiver.platform.activator.timeout must be > 0"),
                Arguments.of(
                        "heap without unit",
                        "quiver.platform.instances.max-heap",
                        "lots",
                        "quiver.platform.instances.max-heap must be like 128m, but was 'lots'"),
                Arguments.of(
                        "unknown archive",
                        "quiver.platform.instances.archive",
                        "fast",
                        "quiver.platform.instances.archive must be one of auto, aot, appcds, none, but was 'fast'"),
                Arguments.of(
                        "on-demand option without a dash",
                        "quiver.platform.instances.on-demand-jvm-options",
                        "-Xss1m TieredStopAtLevel=1",
                        "quiver.platform.instances.on-demand-jvm-options must be JVM "
                                + "options (each starting with '-') or none, but was '-Xss1m TieredStopAtLevel=1'"),
                Arguments.of(
                        "short control token",
                        "quiver.platform.control-token",
                        "short",
                        "quiver.platform.control-token must have at least 16 characters, but was '***'"),
                Arguments.of(
                        "bind with a space",
                        "quiver.platform.bind",
                        "0.0.0.0 x",
                        "quiver.platform.bind must be an IP address or host name"),
                Arguments.of(
                        "scrape too often",
                        "quiver.platform.loop.scrape-interval",
                        "10ms",
                        "quiver.platform.loop.scrape-interval must be >= 100ms"),
                Arguments.of(
                        "trigger resync too often",
                        "quiver.platform.trigger-resync",
                        "100ms",
                        "quiver.platform.trigger-resync must be >= 1s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    void aWrongValueStopsStartUpNamingTheKey(String label, String key, String value, String message) {
        assertThatThrownBy(() -> map(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anExplicitJavaAndArchiveAreKept() {
        PlatformSettings s = map(Map.of(
                "quiver.platform.instances.java",
                "/opt/jdk25/bin/java",
                "quiver.platform.instances.archive",
                "appcds"));

        assertThat(s.instances().java()).contains("/opt/jdk25/bin/java");
        assertThat(s.instances().archive()).isEqualTo(Archive.APPCDS);
        assertThat(s.triggerResync()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void onDemandJvmOptionsAreSplitOrSwitchedOff() {
        assertThat(map(Map.of("quiver.platform.instances.on-demand-jvm-options", " -Xss512k  -XX:+UseSerialGC "))
                        .instances()
                        .onDemandJvmOptions())
                .containsExactly("-Xss512k", "-XX:+UseSerialGC");
        assertThat(map(Map.of("quiver.platform.instances.on-demand-jvm-options", "none"))
                        .instances()
                        .onDemandJvmOptions())
                .isEmpty();
    }
}
