package dev.quiver.kafka.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaNodeConfigTest {

    private final KafkaNodeConfig config = new KafkaNodeConfig(Path.of("/data"), 9092, 9093, "127.0.0.1", Map.of());

    @Test
    void singleNodeIsBrokerAndControllerOnBothListeners() {
        Properties p = config.toProperties();
        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:9093");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data/kraft-logs");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void aNonLoopbackHostOpensOnlyTheClientListenerTheControllerStaysOnLoopback() {
        Properties p = new KafkaNodeConfig(Path.of("/data"), 9092, 9093, "192.168.1.5", Map.of()).toProperties();
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://192.168.1.5:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(p.getProperty("advertised.listeners"))
                .isEqualTo("PLAINTEXT://192.168.1.5:9092,CONTROLLER://127.0.0.1:9093");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0.0.0.0", "::", " "})
    void aWildcardHostIsRefusedBecauseItIsAdvertised(String host) {
        assertThatThrownBy(() -> new KafkaNodeConfig(Path.of("/data"), 9092, 9093, host, Map.of()))
                .hasMessageContaining("host must be an address clients can reach");
    }

    @Test
    void clusterIdsNeverStartWithADashWhichTheStorageToolWouldTakeForAnOption() {
        for (int i = 0; i < 2000; i++) {
            assertThat(ServerPropertiesFile.newClusterId())
                    .doesNotStartWith("-")
                    .hasSize(22);
        }
    }

    @Test
    void internalTopicsFitOneNode() {
        Properties p = config.toProperties();
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(p.getProperty("share.coordinator.state.topic.replication.factor"))
                .isEqualTo("1");
        assertThat(p.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }

    @Test
    void overridesWin() {
        Properties p = config.withOverrides(Map.of("num.partitions", "7")).toProperties();
        assertThat(p.getProperty("num.partitions")).isEqualTo("7");
    }

    @Test
    void samePortTwiceIsRejected() {
        assertThatThrownBy(() -> new KafkaNodeConfig(Path.of("/d"), 9092, 9092, "h", Map.of()))
                .hasMessageContaining("port=9092");
    }

    @Test
    void clusterIdLooksLikeKafkaUuid() {
        assertThat(ServerPropertiesFile.newClusterId()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }
}
