package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The activator's rules as plain functions: admission, endpoint choice, hop-by-hop headers. */
class DecisionsTest {
    static final Endpoint A = new Endpoint("10.0.0.1", 8080);
    static final Endpoint B = new Endpoint("10.0.0.2", 8080);
    static final Endpoint C = new Endpoint("10.0.0.3", 8080);

    @ParameterizedTest(name = "ready={0} waiting={1} depth={2} -> {3}")
    @CsvSource({
        "1, 0, 10, FORWARD", "3, 10, 10, FORWARD", "0, 0, 10, WAIT", "0, 9, 10, WAIT", "0, 10, 10, REJECT",
        "0, 0, 1, WAIT", "0, 1, 1, REJECT"})
    void aRequestIsForwardedHeldOrRejected(int ready, int waiting, int depth, Admission expected) {
        assertThat(Admission.of(ready, waiting, depth)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "in flight a={0} b={1} c={2}, turn {3} -> {4}")
    @CsvSource({
        "0, 0, 0, 0, A", "0, 0, 0, 1, B", "0, 0, 0, 2, C", "0, 0, 0, 3, A",
        "2, 1, 3, 0, B", "1, 1, 0, 0, C", "1, 0, 0, 0, B", "1, 0, 0, 2, C", "5, 5, 5, 7, B"})
    void theLeastBusyEndpointIsChosenAndTiesGoRoundRobin(int a, int b, int c, long turn, String expected) {
        Map<Endpoint, Integer> inFlight = Map.of(A, a, B, b, C, c);
        Endpoint chosen = EndpointChoice.pick(List.of(A, B, C), inFlight, turn);
        assertThat(chosen).isEqualTo(Map.of("A", A, "B", B, "C", C).get(expected));
    }

    @Test
    void sequentialRequestsSpreadOverEveryEndpoint() {
        List<Endpoint> chosen = new ArrayList<>();
        for (long turn = 0; turn < 6; turn++) {
            chosen.add(EndpointChoice.pick(List.of(A, B, C), Map.of(), turn));
        }
        assertThat(chosen).containsExactly(A, B, C, A, B, C);
        assertThatThrownBy(() -> EndpointChoice.pick(List.of(), Map.of(), 0)).hasMessageContaining("no ready");
    }

    @ParameterizedTest(name = "Connection: {0}")
    @CsvSource(delimiter = '|', value = {
        "''                       | connection,keep-alive,transfer-encoding,upgrade,te,trailer,host,proxy-authorization,expect | content-type",
        "keep-alive, X-Secret-Hop | x-secret-hop,keep-alive                                                             | x-secret",
        "close                    | close,connection                                                                    | content-length"})
    void hopByHopHeadersAndThoseNamedInConnectionAreDropped(String connection, String dropped, String kept) {
        assertThat(HopByHop.dropped(List.of(connection))).contains(dropped.split(","))
                .doesNotContain(kept.split(","));
    }
}
