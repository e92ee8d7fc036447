package dev.quiver.local.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DirectSettingsTest {

    record Config(boolean enabled, Optional<String> host, int firstPort, int lastPort) implements DirectConfig {}

    @Test
    void theHostDefaultsToThePlatformsBindAddress() {
        DirectSettings s = DirectSettings.from(new Config(true, Optional.empty(), 19100, 19999), "127.0.0.1");
        assertThat(s).isEqualTo(new DirectSettings(true, "127.0.0.1", 19100, 19999));
        assertThat(DirectSettings.from(new Config(true, Optional.of(" 10.0.0.5 "), 19100, 19999), "127.0.0.1")
                        .host())
                .isEqualTo("10.0.0.5");
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(
                        "a privileged first port",
                        new Config(true, Optional.empty(), 80, 19999),
                        "first-port must be 1024..65535, but was '80'"),
                Arguments.of(
                        "a last port past 65535",
                        new Config(true, Optional.empty(), 19100, 70000),
                        "last-port must be 1024..65535, but was '70000'"),
                Arguments.of(
                        "an empty range",
                        new Config(true, Optional.empty(), 19200, 19100),
                        "last-port must be >= first-port (19200), but was '19100'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aBadSettingStopsStartUpNamingKeyAndValue(String label, DirectConfig c, String message) {
        assertThatThrownBy(() -> DirectSettings.from(c, "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quiver.platform.direct." + message);
    }
}
