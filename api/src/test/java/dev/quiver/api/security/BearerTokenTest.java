package dev.quiver.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BearerTokenTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("right token", "Bearer s3cret", true),
                Arguments.of("scheme is case-insensitive", "bearer s3cret", true),
                Arguments.of("second accepted token", "Bearer other", true),
                Arguments.of("wrong token", "Bearer s3cre", false),
                Arguments.of("longer token", "Bearer s3cret2", false),
                Arguments.of("no header", null, false),
                Arguments.of("empty bearer", "Bearer ", false),
                Arguments.of("basic scheme", "Basic s3cret", false),
                Arguments.of("token without scheme", "s3cret", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void acceptsOnlyAListedBearerToken(String label, String header, boolean accepted) {
        assertThat(BearerToken.accepts(List.of("s3cret", "other"), header)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopbacks")
    void loopbackAddresses(String host, boolean loopback) {
        assertThat(Loopback.is(host)).isEqualTo(loopback);
    }

    static Stream<Arguments> loopbacks() {
        return Stream.of(
                Arguments.of("127.0.0.1", true),
                Arguments.of("localhost", true),
                Arguments.of("127.1.2.3", true),
                Arguments.of("::1", true),
                Arguments.of("[::1]", true),
                Arguments.of("0.0.0.0", false),
                Arguments.of("::", false),
                Arguments.of("10.0.0.5", false),
                Arguments.of("example.com", false),
                Arguments.of("127.0.0.1.example.com", false));
    }
}
