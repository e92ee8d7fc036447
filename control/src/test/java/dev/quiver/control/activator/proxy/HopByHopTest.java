package dev.quiver.control.activator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HopByHopTest {
    @ParameterizedTest(name = "Connection: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                       | connection,keep-alive,transfer-encoding,upgrade,te,trailer,host,proxy-authorization,expect | content-type",
                "keep-alive, X-Secret-Hop | x-secret-hop,keep-alive                                                             | x-secret",
                "close                    | close,connection                                                                    | content-length"
            })
    void hopByHopHeadersAndThoseNamedInConnectionAreDropped(String connection, String dropped, String kept) {
        assertThat(HopByHop.dropped(List.of(connection)))
                .contains(dropped.split(","))
                .doesNotContain(kept.split(","));
    }

    @Test
    void copyKeepsEndToEndHeadersWhateverTheirCase() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "X-Hop")
                .add("X-Hop", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Content-Type", "text/plain")
                .add("Content-Length", "3")
                .add("X-Many", "a")
                .add("X-Many", "b");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();

        HopByHop.copy(from, to);

        assertThat(to.names()).containsExactlyInAnyOrder("Content-Type", "Content-Length", "X-Many");
        assertThat(to.getAll("x-many")).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "te",
        "TE",
        "Host",
        "expect",
        "Trailer",
        "upgrade",
        "Connection",
        "KEEP-ALIVE",
        "proxy-connection",
        "Transfer-Encoding",
        "proxy-authenticate",
        "Proxy-Authorization",
        "content-type",
        "x-te",
        "hosts",
        "ex",
        "content-length",
        "x-forwarded-for",
        "accept",
        "authorization",
        "proxy-authorizatio"
    })
    void theFastCheckAgreesWithTheFixedList(String name) {
        assertThat(HopByHop.fixed(name)).isEqualTo(HopByHop.FIXED.contains(name));
    }
}
