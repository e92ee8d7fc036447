package dev.quiver.control.activator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.control.route.FunctionRef;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterRouterTest {
    final ClusterRouter router = new ClusterRouter("own", "cluster.local");

    @ParameterizedTest(name = "Host {0}, {1} -> {2}/{3} {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "hello.quiver.svc.cluster.local     | /greet?x=1  | quiver | hello | /greet?x=1",
                "hello.quiver.svc.cluster.local:80  | /           | quiver | hello | /",
                "HELLO.other.svc.cluster.local.     | /           | other  | hello | /",
                "hello.quiver.svc                   | /a          | quiver | hello | /a",
                "hello.other                        | /a          | other  | hello | /a",
                "hello                              | /a          | own    | hello | /a",
                "hello:8080                         | /a          | own    | hello | /a",
                "activator.own.svc.cluster.local    | /f/hello/hi | own    | hello | /hi",
                "-                                  | /f/hello    | own    | hello | /",
                "-                                  | /f/hello?q=1| own    | hello | /?q=1",
                "127.0.0.1:8012                     | /f/hello/a/b| own    | hello | /a/b"
            })
    void aFunctionIsFoundFromTheHostOrThePath(String host, String uri, String ns, String fn, String forward) {
        assertThat(router.route(host, uri)).contains(new Target(new FunctionRef(ns, fn), forward));
    }

    @ParameterizedTest(name = "Host {0}, {1} -> none")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-                              | /",
                "''                             | /",
                "a.b.c.example.com              | /",
                "127.0.0.1:8012                 | /",
                "[::1]:8012                     | /",
                "hello.quiver.svc.other.domain  | /",
                "Under_score                    | /",
                "-                              | /f/Bad_Name/x",
                "-                              | /f//x"
            })
    void aRequestNamingNoFunctionHasNoTarget(String host, String uri) {
        assertThat(router.route(host, uri)).isEqualTo(Optional.empty());
    }
}
