package dev.quiver.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.broker.config.BrokerConfig;
import dev.quiver.broker.delivery.InvalidSettingException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BrokerSecurityTest {

    @TempDir
    Path dir;

    static BrokerSecurity security(String host, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(BrokerConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        BrokerConfig c = config.getConfigMapping(BrokerConfig.class);
        return BrokerSecurity.from(host, c.admin(), c.ingress());
    }

    @Test
    void defaultsAreOpenOnLoopbackWithTheAdminApiOnTheMainPort() {
        BrokerSecurity s = security("127.0.0.1", Map.of());
        assertThat(s.adminToken()).isEmpty();
        assertThat(s.adminPort()).isEmpty();
        assertThat(s.ingressTokens()).isEmpty();
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void aNonLoopbackHostWithoutAdminTokenRefusesToStartNamingBothKeys() {
        assertThatThrownBy(() -> security("0.0.0.0", Map.of()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("quiver.broker.admin.token")
                .hasMessageContaining("quiver.broker.admin.token-file")
                .hasMessageContaining("'0.0.0.0'");
    }

    @Test
    void aNonLoopbackHostWithATokenStartsAndWarnsWhatIsReachable() {
        BrokerSecurity s = security("0.0.0.0", Map.of("quiver.broker.admin.token", "t0ken"));
        assertThat(s.adminToken()).contains("t0ken");
        assertThat(s.warnings())
                .singleElement()
                .asString()
                .contains("0.0.0.0")
                .contains("event ingress")
                .contains("admin API")
                .doesNotContain("t0ken");
    }

    @Test
    void theKubernetesOptOutStartsWithoutTokenAndSaysSo() {
        BrokerSecurity s = security(
                "0.0.0.0",
                Map.of("quiver.broker.admin.allow-unauthenticated", "true", "quiver.broker.admin.port", "8090"));
        assertThat(s.adminPort()).hasValue(8090);
        assertThat(s.warnings())
                .singleElement()
                .asString()
                .contains("port 8090")
                .contains("WITHOUT a token");
    }

    @Test
    void theTokenFileIsReadTrimmed() throws Exception {
        Path file = dir.resolve("admin-token");
        Files.writeString(file, "from-file\n");
        assertThat(security("127.0.0.1", Map.of("quiver.broker.admin.token-file", file.toString()))
                        .adminToken())
                .contains("from-file");
    }

    @Test
    void ingressTokensAreAList() {
        assertThat(security("127.0.0.1", Map.of("quiver.broker.ingress.tokens", "a1,b2"))
                        .ingressTokens())
                .containsExactly("a1", "b2");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "token and file",
                        Optional.of("t"),
                        Optional.of("/f"),
                        OptionalInt.empty(),
                        List.of(),
                        "quiver.broker.admin.token and quiver.broker.admin.token-file must not both be set"),
                Arguments.of(
                        "blank token",
                        Optional.of("  "),
                        Optional.empty(),
                        OptionalInt.empty(),
                        List.of(),
                        "quiver.broker.admin.token must not be blank"),
                Arguments.of(
                        "missing token file",
                        Optional.empty(),
                        Optional.of("/nonexistent/t"),
                        OptionalInt.empty(),
                        List.of(),
                        "quiver.broker.admin.token-file must name a readable, "
                                + "non-empty file, got '/nonexistent/t'"),
                Arguments.of(
                        "admin port out of range",
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.of(70000),
                        List.of(),
                        "quiver.broker.admin.port must be 1..65535, got '70000'"),
                Arguments.of(
                        "empty ingress token",
                        Optional.empty(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        List.of("a", " "),
                        "quiver.broker.ingress.tokens must not contain an empty token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void badSettingsNameTheKeyAndRule(
            String label,
            Optional<String> token,
            Optional<String> file,
            OptionalInt port,
            List<String> ingress,
            String message) {
        assertThatThrownBy(() -> BrokerSecurity.of("127.0.0.1", token, file, port, false, ingress))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message);
    }
}
