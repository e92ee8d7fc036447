package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The controller's defaults are the ones docs/kubernetes.md and deploy/ promise. */
@QuarkusTest
@WithKubernetesTestServer
class ControllerConfigTest {
    @Inject
    ControllerConfig config;

    @Test
    void shippedDefaultsAreTheDocumentedOnes() throws IOException {
        assertThat(ControllerConfig.labels(config.activatorSelector()))
                .isEqualTo(Map.of("app.kubernetes.io/name", "quiver-activator"));
        assertThat(ControllerConfig.labels("a=1, b=2")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> ControllerConfig.labels("a")).hasMessageContaining("activator-selector");
        assertThat(config.brokerUrl()).isEqualTo(URI.create("http://quiver-broker"));
        assertThat(config.resync()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.kafkaBootstrapServers()).isEmpty();

        String docs = Files.readString(Path.of(System.getProperty("quiver.deploy.dir", "../../deploy"))
                .resolve("../docs/kubernetes.md"));
        assertThat(docs).contains("| `quiver.kubernetes.activator-selector` | `app.kubernetes.io/name=quiver-activator` |",
                "| `quiver.kubernetes.broker-url` | `http://quiver-broker` |", "| `quiver.kubernetes.resync` | `30s` |",
                "| `quiver.kubernetes.enabled` | `true` |");
    }
}
