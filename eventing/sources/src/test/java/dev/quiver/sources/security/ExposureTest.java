package dev.quiver.sources.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.sources.config.InvalidSettingException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExposureTest {

    static final S3Credentials PUBLISHED = new S3Credentials("quiver", "quiver-secret", Optional.empty());
    static final S3Credentials OWN = new S3Credentials("me", "0123456789abcdef", Optional.empty());

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("S3 API on all interfaces", "127.0.0.1", "0.0.0.0", "quiver.sources.s3.host"),
                Arguments.of("webhooks on all interfaces", "0.0.0.0", "127.0.0.1", "quarkus.http.host"),
                Arguments.of("both on a LAN address", "192.168.1.5", "192.168.1.5", "quiver.sources.s3.host"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void offLoopbackThePublishedCredentialsRefuseToStart(String label, String http, String s3, String key) {
        assertThatThrownBy(() -> Exposure.check(http, s3, PUBLISHED))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(key + " is not a loopback address")
                .hasMessageContaining("quiver.sources.access-key and quiver.sources.secret-key");
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("loopback with the published credentials", "127.0.0.1", "localhost", PUBLISHED, 0),
                Arguments.of("loopback with own credentials", "127.0.0.1", "127.0.0.1", OWN, 0),
                Arguments.of("S3 open with own credentials", "127.0.0.1", "0.0.0.0", OWN, 1),
                Arguments.of("both open with own credentials", "0.0.0.0", "0.0.0.0", OWN, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void otherwiseStartsWarningOncePerOpenListener(
            String label, String http, String s3, S3Credentials c, int warnings) {
        assertThat(Exposure.check(http, s3, c))
                .hasSize(warnings)
                .allSatisfy(w ->
                        assertThat(w).contains("reachable from other machines").doesNotContain(c.secretKey()));
    }
}
