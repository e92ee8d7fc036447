package dev.quiver.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.cli.Ports;
import org.junit.jupiter.api.Test;

class DeploySubstituteTest {
    @Test
    void thePlatformsPortsReplaceThePlaceholders() {
        String spec = "env:\n  S3: http://127.0.0.1:${QUIVER_S3_PORT}\n  K: 127.0.0.1:${QUIVER_KAFKA_PORT}\n"
                + "  B: ${QUIVER_BROKER_PORT} ${QUIVER_ACTIVATOR_PORT} ${QUIVER_OTHER}\n";

        assertThat(DeployCommand.substitute(spec, new Ports(1, 2, 3, 4, 5, 6)))
                .isEqualTo("env:\n  S3: http://127.0.0.1:5\n  K: 127.0.0.1:6\n  B: 2 1 ${QUIVER_OTHER}\n");
    }

    @Test
    void theObjectStoresGeneratedCredentialsReplaceTheirPlaceholders() {
        String spec = "properties:\n  a: ${QUIVER_S3_ACCESS_KEY}\n  s: ${QUIVER_S3_SECRET_KEY}\n  o: ${QUIVER_OTHER}\n";

        assertThat(DeployCommand.substitute(
                        spec,
                        new Ports(1, 2, 3, 4, 5, 6),
                        java.util.Map.of("QUIVER_S3_ACCESS_KEY", "AK", "QUIVER_S3_SECRET_KEY", "SK")))
                .isEqualTo("properties:\n  a: AK\n  s: SK\n  o: ${QUIVER_OTHER}\n");
    }
}
