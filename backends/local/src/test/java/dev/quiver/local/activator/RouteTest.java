package dev.quiver.local.activator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouteTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("path with rest", "localhost:8080", "/f/hello/hello?x=1", new Route("hello", "/hello?x=1")),
                Arguments.of("path without rest", "localhost", "/f/hello", new Route("hello", "/")),
                Arguments.of("path with query only", "localhost", "/f/hello?x=1", new Route("hello", "/?x=1")),
                Arguments.of("path with trailing slash", "localhost", "/f/hello/", new Route("hello", "/")),
                Arguments.of("host with port", "hello.quiver.localhost:8080", "/hello", new Route("hello", "/hello")),
                Arguments.of("host without port", "Hello.Quiver.Localhost", "/", new Route("hello", "/")),
                Arguments.of("path wins over host", "a.quiver.localhost", "/f/b/x", new Route("b", "/x")),
                Arguments.of("other domain", "hello.example.com", "/hello", null),
                Arguments.of("sub-subdomain", "a.b.quiver.localhost", "/", null),
                Arguments.of("domain itself", "quiver.localhost", "/", null),
                Arguments.of("empty name", "localhost", "/f//x", null),
                Arguments.of("no host", null, "/hello", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void routesByPathThenHost(String label, String host, String uri, Route expected) {
        assertThat(Route.of(host, uri, "quiver.localhost")).isEqualTo(expected);
    }
}
