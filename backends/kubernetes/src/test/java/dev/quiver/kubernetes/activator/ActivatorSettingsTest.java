package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.kubernetes.controller.Role;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong setting stops the activator naming the key and the value. */
class ActivatorSettingsTest {
    static final URI CONTROLLER = URI.create("http://quiver-controller");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "port          | 70000 | PT30S | 100 | 1  | PT1S | cluster.local | quiver.kubernetes.activator.port must be 0..65535, but was '70000'",
                "timeout       | 8012  | PT0S  | 100 | 1  | PT1S | cluster.local | quiver.kubernetes.activator.timeout must be positive, but was 'PT0S'",
                "queue depth   | 8012  | PT30S | 0   | 1  | PT1S | cluster.local | quiver.kubernetes.activator.queue-depth must be >= 1, but was '0'",
                "retry after   | 8012  | PT30S | 100 | -1 | PT1S | cluster.local | quiver.kubernetes.activator.retry-after-seconds must be >= 0, but was '-1'",
                "poke interval | 8012  | PT30S | 100 | 1  | PT0S | cluster.local | quiver.kubernetes.activator.poke-interval must be positive, but was 'PT0S'",
                "domain        | 8012  | PT30S | 100 | 1  | PT1S | Bad_Domain    | quiver.kubernetes.activator.cluster-domain must be a DNS name, but was 'Bad_Domain'"
            })
    void anInvalidSettingIsRefusedNamingKeyAndValue(
            String name,
            int port,
            Duration timeout,
            int depth,
            int retry,
            Duration poke,
            String domain,
            String message) {
        assertThatThrownBy(() -> new ActivatorSettings(port, timeout, depth, retry, poke, domain, CONTROLLER))
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void noQueuedBytesIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new ActivatorSettings(
                        8012,
                        Duration.ofSeconds(30),
                        100,
                        1,
                        Duration.ofSeconds(1),
                        "cluster.local",
                        CONTROLLER,
                        1024,
                        0))
                .hasMessage("quiver.kubernetes.activator.max-queued-bytes must be >= 1, but was '0'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"quiver-controller", "ftp://x/", "/quiver/poke"})
    void theControllerUrlMustBeAbsoluteHttp(String url) {
        assertThatThrownBy(() -> ActivatorSettings.controllerUrl(url))
                .hasMessage("quiver.kubernetes.controller-url must be an absolute http(s) URL, but was '" + url + "'");
    }

    @Test
    void theRoleIsControllerOrActivator() {
        assertThat(Role.of("controller")).isEqualTo(Role.CONTROLLER);
        assertThat(Role.of(" activator")).isEqualTo(Role.ACTIVATOR);
        assertThatThrownBy(() -> Role.of("proxy"))
                .hasMessage("quiver.kubernetes.role must be controller or activator, but was 'proxy'");
        assertThatThrownBy(() -> Role.of("Activator")).hasMessageContaining("'Activator'");
    }
}
