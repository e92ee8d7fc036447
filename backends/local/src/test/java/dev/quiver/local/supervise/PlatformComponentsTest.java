package dev.quiver.local.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.local.config.SuperviseSettings;
import dev.quiver.local.config.SuperviseSettingsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformComponentsTest {
    @TempDir
    Path home;

    private SuperviseSettings settings(Map<String, String> values) {
        return SuperviseSettingsTest.map(values, home);
    }

    @Test
    void kafkaThenTheBrokerWithThePortsTheyShare() {
        List<Component> plan = PlatformComponents.plan(
                settings(Map.of(
                        "quiver.platform.supervise.kafka.port",
                        "19092",
                        "quiver.platform.supervise.broker.port",
                        "18081")),
                "java",
                Path.of("/data"),
                18080,
                Path.of("/data/control-token"));

        assertThat(plan).extracting(Component::name).containsExactly("kafka", "broker");
        Component kafka = plan.get(0);
        assertThat(kafka.command())
                .containsSubsequence(
                        "java",
                        "-Xmx256m",
                        "dev.quiver.kafka.local.KafkaLocalMain",
                        "--data-dir",
                        "/data/kafka",
                        "--port",
                        "19092",
                        "--controller-port",
                        "19093");
        assertThat(kafka.readiness()).isEqualTo(new Readiness.LogLine("bootstrap.servers="));
        assertThat(kafka.log()).isEqualTo(Path.of("/data/logs/kafka.log"));
        Component broker = plan.get(1);
        assertThat(broker.command())
                .contains(
                        "-Dquarkus.http.port=18081",
                        "-Dkafka.bootstrap.servers=127.0.0.1:19092",
                        "-Dquiver.broker.function-url-template=http://127.0.0.1:18080/f/{name}/",
                        home.resolve("eventing/broker/target/quarkus-app/quarkus-run.jar")
                                .toString());
        assertThat(broker.readiness())
                .isEqualTo(new Readiness.Http(java.net.URI.create("http://127.0.0.1:18081/q/health/ready")));
    }

    @Test
    void theSourcesWhenBuiltAndEnabled() throws Exception {
        Path jar = home.resolve("eventing/sources/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");

        List<Component> plan = PlatformComponents.plan(
                settings(Map.of("quiver.platform.supervise.sources.s3-port", "19000")),
                "java",
                Path.of("/data"),
                8080,
                Path.of("/data/control-token"));
        List<Component> off = PlatformComponents.plan(
                settings(Map.of("quiver.platform.supervise.sources.enabled", "false")),
                "java",
                Path.of("/data"),
                8080,
                Path.of("/data/control-token"));

        assertThat(plan).extracting(Component::name).containsExactly("kafka", "broker", "sources");
        assertThat(plan.get(2).command())
                .contains(
                        "-Dquiver.sources.s3.port=19000",
                        "-Dquiver.sources.data-dir=/data/objects",
                        "-Dquiver.sources.broker-url=http://127.0.0.1:8081/default");
        assertThat(off).extracting(Component::name).containsExactly("kafka", "broker");
    }

    @Test
    void everyProcessBindsLoopbackAndGetsItsTokenFilesByDefault() throws Exception {
        Path jar = home.resolve("eventing/sources/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");

        List<Component> plan = PlatformComponents.plan(
                settings(Map.of()), "java", Path.of("/data"), 8080, Path.of("/data/control-token"));

        assertThat(plan.get(0).command()).containsSubsequence("--host", "127.0.0.1");
        assertThat(plan.get(1).command()).contains("-Dquarkus.http.host=127.0.0.1");
        assertThat(plan.get(1).env())
                .containsExactly(Map.entry("QUIVER_BROKER_ADMIN_TOKEN_FILE", "/data/control-token"));
        assertThat(plan.get(2).command())
                .contains("-Dquarkus.http.host=127.0.0.1", "-Dquiver.sources.s3.host=127.0.0.1")
                .noneMatch(a -> a.contains("token") || a.contains("access-key") || a.contains("secret-key"));
        assertThat(plan.get(2).env())
                .containsExactly(Map.entry("QUIVER_SOURCES_WEBHOOK_TOKEN_FILE", "/data/webhook-token"));
    }

    @Test
    void anotherBindReachesEveryProcessAndConfiguredS3KeysArePassed() throws Exception {
        Path jar = home.resolve("eventing/sources/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");

        List<Component> plan = PlatformComponents.plan(
                SuperviseSettingsTest.map(
                        Map.of(
                                "quiver.platform.supervise.sources.s3-access-key", "me",
                                "quiver.platform.supervise.sources.s3-secret-key", "long-enough-secret"),
                        home,
                        "0.0.0.0"),
                "java",
                Path.of("/data"),
                8080,
                Path.of("/data/control-token"));

        assertThat(plan.get(0).command()).containsSubsequence("--host", "0.0.0.0");
        assertThat(plan.get(1).command()).contains("-Dquarkus.http.host=0.0.0.0");
        assertThat(plan.get(1).readiness())
                .isEqualTo(new Readiness.Http(java.net.URI.create("http://127.0.0.1:8081/q/health/ready")));
        assertThat(plan.get(2).command())
                .contains("-Dquarkus.http.host=0.0.0.0", "-Dquiver.sources.s3.host=0.0.0.0")
                .noneMatch(a -> a.contains("long-enough-secret"));
        assertThat(plan.get(2).env())
                .containsEntry("QUIVER_SOURCES_ACCESS_KEY", "me")
                .containsEntry("QUIVER_SOURCES_SECRET_KEY", "long-enough-secret");
    }
}
