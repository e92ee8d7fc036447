package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsWhenNothingIsSaved() {
        assertThat(Ports.resolve(Map.of(), dir.resolve("ports.env"))).isEqualTo(Ports.DEFAULTS);
    }

    @Test
    void theEnvironmentWinsOverTheSavedPortsWhichWinOverTheDefaults() {
        Path saved = dir.resolve("ports.env");
        new Ports(1, 2, 3, 4, 5, 6).save(saved);

        Ports p = Ports.resolve(Map.of("QUIVER_BROKER_PORT", "9999"), saved);

        assertThat(p).isEqualTo(new Ports(1, 9999, 3, 4, 5, 6));
    }

    @Test
    void aBadPortIsNamedWithWhereItCameFrom() throws Exception {
        Files.writeString(dir.resolve("ports.env"), "KAFKA_PORT=lots\n");

        assertThatThrownBy(() -> Ports.resolve(Map.of(), dir.resolve("ports.env")))
                .hasMessage("ports.env KAFKA_PORT must be a port number 1..65535, was 'lots'");
        assertThatThrownBy(() -> Ports.resolve(Map.of("QUIVER_S3_PORT", "0"), dir.resolve("none")))
                .hasMessage("$QUIVER_S3_PORT must be a port number 1..65535, was '0'");
    }
}
