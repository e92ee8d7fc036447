package dev.quiver.kubernetes.activator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.kubernetes.Functions;
import dev.quiver.kubernetes.resource.Function;
import dev.quiver.kubernetes.resource.FunctionStatus;
import dev.quiver.kubernetes.resource.FunctionTraffic;
import dev.quiver.scaler.traffic.TrafficTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The split the activator routes by, read from a Function's status: the latest revision is the function itself. */
class RevisionTrafficTest {

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("no status traffic: no split", null, List.of(), null),
                Arguments.of(
                        "all on the latest, no tag: direct",
                        "hello-00002",
                        List.of(FunctionTraffic.of("hello-00002", 100, null)),
                        null),
                Arguments.of(
                        "a 0 % old revision beside the latest: direct",
                        "hello-00002",
                        List.of(
                                FunctionTraffic.of("hello-00001", 0, null),
                                FunctionTraffic.of("hello-00002", 100, null)),
                        null),
                Arguments.of(
                        "a tag on the latest: routed, the latest as the function",
                        "hello-00002",
                        List.of(FunctionTraffic.of("hello-00002", 100, "next")),
                        List.of(new TrafficTarget("hello", 100, "next"))),
                Arguments.of(
                        "90/10: the old revision as its own workload",
                        "hello-00002",
                        List.of(
                                FunctionTraffic.of("hello-00001", 90, null),
                                FunctionTraffic.of("hello-00002", 10, null)),
                        List.of(new TrafficTarget("hello-00001", 90, null), new TrafficTarget("hello", 10, null))),
                Arguments.of(
                        "a rollback: all on an old revision",
                        "hello-00002",
                        List.of(FunctionTraffic.of("hello-00001", 100, null)),
                        List.of(new TrafficTarget("hello-00001", 100, null))),
                Arguments.of(
                        "entries repeated by an appending merge patch count once",
                        "hello-00002",
                        List.of(
                                FunctionTraffic.of("hello-00001", 90, null),
                                FunctionTraffic.of("hello-00002", 10, null),
                                FunctionTraffic.of("hello-00001", 90, null)),
                        List.of(new TrafficTarget("hello-00001", 90, null), new TrafficTarget("hello", 10, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void theSplitFollowsTheStatus(
            String label, String latest, List<FunctionTraffic> traffic, List<TrafficTarget> expected) {
        Function f = Functions.of("hello", "ns", Map.of());
        FunctionStatus s = new FunctionStatus();
        s.setLatestRevision(latest);
        s.setTraffic(traffic);
        f.setStatus(s);

        assertThat(RevisionTraffic.of(f)).isEqualTo(Optional.ofNullable(expected));
    }
}
