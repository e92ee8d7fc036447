package dev.quiver.control.activator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.control.route.FunctionRef;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocalRouterTest {
    static Target t(String fn, String uri) {
        return new Target(FunctionRef.local(fn), uri);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("path with rest", "localhost:8080", "/f/hello/hello?x=1", t("hello", "/hello?x=1")),
                Arguments.of("path without rest", "localhost", "/f/hello", t("hello", "/")),
                Arguments.of("path with query only", "localhost", "/f/hello?x=1", t("hello", "/?x=1")),
                Arguments.of("path with trailing slash", "localhost", "/f/hello/", t("hello", "/")),
                Arguments.of(
                        "path with a traffic tag",
                        "localhost",
                        "/f/hello@canary/x",
                        new Target(FunctionRef.local("hello"), "/x", "canary")),
                Arguments.of("path with an empty tag", "localhost", "/f/hello@/x", null),
                Arguments.of("host with port", "hello.quiver.localhost:8080", "/hello", t("hello", "/hello")),
                Arguments.of("host without port", "Hello.Quiver.Localhost", "/", t("hello", "/")),
                Arguments.of("path wins over host", "a.quiver.localhost", "/f/b/x", t("b", "/x")),
                Arguments.of("other domain", "hello.example.com", "/hello", null),
                Arguments.of("sub-subdomain", "a.b.quiver.localhost", "/", null),
                Arguments.of("domain itself", "quiver.localhost", "/", null),
                Arguments.of("empty name", "localhost", "/f//x", null),
                Arguments.of("no host", null, "/hello", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routesByPathThenHost(String label, String host, String uri, Target expected) {
        assertThat(new LocalRouter("quiver.localhost").route(host, uri)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void aDomainMustBeAHostName() {
        assertThatThrownBy(() -> new LocalRouter(".bad")).hasMessageContaining("domain must be a host name");
    }
}
