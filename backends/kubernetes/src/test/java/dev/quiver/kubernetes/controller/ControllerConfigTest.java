package dev.quiver.kubernetes.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.kubernetes.activator.ActivatorSettings;
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

        assertThat(config.namespaces()).isEmpty();
        assertThat(config.activatorNamespace()).isEmpty();
        assertThat(config.watched("own"))
                .as("default: the own namespace only")
                .isEqualTo(new WatchedNamespaces(false, java.util.List.of(config.ownNamespace("own"))));

        assertThat(Role.of(config.role())).isEqualTo(Role.CONTROLLER);
        assertThat(config.brokerDeployment()).isEqualTo("quiver-broker");
        assertThat(config.brokerNamesConfigMap()).isEqualTo("quiver-brokers");
        assertThat(ActivatorSettings.from(config))
                .isEqualTo(new ActivatorSettings(
                        8012,
                        Duration.ofSeconds(30),
                        100,
                        1,
                        Duration.ofSeconds(1),
                        "cluster.local",
                        URI.create("http://quiver-controller")));

        String docs = Files.readString(
                Path.of(System.getProperty("quiver.deploy.dir", "../../deploy")).resolve("../docs/kubernetes.md"));
        assertThat(docs)
                .contains(
                        "| `quiver.kubernetes.activator-selector` | `app.kubernetes.io/name=quiver-activator` |",
                        "| `quiver.kubernetes.broker-url` | `http://quiver-broker` |",
                        "| `quiver.kubernetes.resync` | `30s` |",
                        "| `quiver.kubernetes.enabled` | `true` |",
                        "| `quiver.kubernetes.role` | `controller` |",
                        "| `quiver.kubernetes.controller-url` | `http://quiver-controller` |",
                        "| `quiver.kubernetes.activator.port` | `8012` |",
                        "| `quiver.kubernetes.activator.timeout` | `30s` |",
                        "| `quiver.kubernetes.activator.queue-depth` | `100` |",
                        "| `quiver.kubernetes.activator.retry-after-seconds` | `1` |",
                        "| `quiver.kubernetes.activator.poke-interval` | `1s` |",
                        "| `quiver.kubernetes.activator.cluster-domain` | `cluster.local` |",
                        "| `quiver.kubernetes.broker-deployment` | `quiver-broker` |",
                        "| `quiver.kubernetes.broker-names-config-map` | `quiver-brokers` |",
                        "| `quiver.kubernetes.namespaces` | the controller's namespace |",
                        "| `quiver.kubernetes.activator-namespace` | the controller's namespace |");
    }
}
